// GetVacancyReport, ListActingHeads, GetCoverageGaps, GetConcurrencyReport and
// GetPostDesignReport (see queries_api.h). Each reads the subtree as it stood
// on the day in one read (store::ReadSubtreeOn), hands the rows to the pure
// rules of domain/org_queries*.h and maps their result; the paged ones page
// by a key that follows the rules' order.
#include <algorithm>
#include <map>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/core/status_macros.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/validate.h"
#include "common/server/handle.h"
#include "svc-org/src/app/access.h"
#include "svc-org/src/api/policy_mapping.h"
#include "svc-org/src/api/post_mapping.h"
#include "svc-org/src/api/queries_api.h"
#include "svc-org/src/api/queries_api_parts.h"
#include "svc-org/src/api/request_checks.h"
#include "svc-org/src/api/staff_mapping.h"
#include "svc-org/src/api/unit_mapping.h"
#include "svc-org/src/domain/org_queries.h"
#include "svc-org/src/domain/org_queries_review.h"
#include "svc-org/src/store/policy_store.h"
#include "svc-org/src/store/query_store.h"

namespace huinong::org {
namespace {

void ToProto(const VacancyCounts& c, v1::VacancyFigures* out) {
  out->mutable_quota()->set_min(c.quota.min);
  out->mutable_quota()->set_max(c.quota.max);
  out->set_frozen(c.frozen);
  out->set_reserved(c.reserved);
  out->set_filled_seats(c.filled_seats);
  out->set_headcount(c.headcount);
  out->set_vacancies(c.vacancies);
  out->set_over_quota(c.over_quota);
  out->set_posts_without_quota(c.posts_without_quota);
}

// What the reports read besides the subtree's units, posts and assignments
// (WholeSubtree), and which roots they refuse; see ReadSubtreeReport.
absl::Status WithQuotas(const Unit&, store::SubtreeRead& read) {
  read.quotas = true;
  return absl::OkStatus();
}

absl::Status WithoutAssignments(const Unit&, store::SubtreeRead& read) {
  read.assignments = false;
  return absl::OkStatus();
}

absl::Status OfACounty(const Unit& county, store::SubtreeRead&) {
  if (county.level != Level::kCounty) {
    return rpc::FailedPrecondition("LEVEL_MISMATCH", absl::StrCat(UnitName(county.id), " is not a COUNTY unit"));
  }
  return absl::OkStatus();
}

bool HasAnyRole(const auth::Principal& caller, std::initializer_list<const char*> roles) {
  if (caller.IsAdmin()) return true;
  for (const char* r : roles) {
    if (caller.HasRole(r)) return true;
  }
  return false;
}

}  // namespace

grpc::Status QueriesApi::GetVacancyReport(grpc::ServerContext* ctx,
                                          const v1::GetVacancyReportRequest* req,
                                          v1::GetVacancyReportResponse* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    ReportRequest report_req = ReadReport(req->root(), "root", req->as_of(), "as_of", kit_.clock().Today(), v);
    if (req->max_depth() < 0) v.Add("max_depth", "0 (all) or more");
    const std::string filters =
        absl::StrCat("root=", req->root(), "|depth=", req->max_depth(), "|gaps=", req->only_gaps(),
                     "|as_of=", req->as_of().SerializeAsString());
    ReadReportPage(req->page_size(), req->page_token(), filters, report_req, v);
    return ReadSubtreeReport(scopes_, caller, reader, report_req, WithQuotas,
                             [&](sql::Connection&, const Unit& root,
                                 store::SubtreeSnapshot& snap) -> absl::Status {
      std::vector<UnitVacancies> report =
          BuildVacancyReport(snap.units, snap.posts, snap.quotas, snap.assignments);
      std::vector<std::pair<std::string, v1::VacancyRow>> rows;
      for (size_t i = 0; i < report.size(); ++i) {
        const Unit& u = snap.units[i];
        const int depth = u.depth - root.depth;
        if (req->max_depth() > 0 && depth > req->max_depth()) continue;
        const UnitVacancies& r = report[i];
        if (req->only_gaps() && r.subtree.vacancies == 0 && r.subtree.over_quota == 0) continue;
        v1::VacancyRow row;
        row.set_unit(UnitName(u.id));
        row.set_display_name(u.display_name);
        row.set_level(static_cast<type::v1::Level>(u.level));
        row.set_relative_depth(depth);
        ToProto(r.own, row.mutable_own());
        ToProto(r.subtree, row.mutable_subtree());
        rows.emplace_back(u.path, std::move(row));
      }
      EmitReportPage(rows, report_req, filters, [&](const v1::VacancyRow& row) { *resp->add_rows() = row; }, resp);
      return absl::OkStatus();
    });
  });
}

grpc::Status QueriesApi::ListActingHeads(grpc::ServerContext* ctx,
                                         const v1::ListActingHeadsRequest* req,
                                         v1::ListActingHeadsResponse* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    ReportRequest report_req = ReadReport(req->root(), "root", req->date(), "date", kit_.clock().Today(), v);
    const std::string filters = absl::StrCat("root=", req->root(), "|deputies=", req->include_deputies(),
                                             "|date=", req->date().SerializeAsString());
    ReadReportPage(req->page_size(), req->page_token(), filters, report_req, v);
    return ReadSubtreeReport(scopes_, caller, reader, report_req, WholeSubtree,
                             [&](sql::Connection& conn, const Unit&,
                                 store::SubtreeSnapshot& snap) -> absl::Status {
      std::vector<ActingHeadRow> found =
          FindActingHeads(snap.units, snap.posts, snap.assignments, req->include_deputies());
      std::vector<std::string> staff_ids;
      for (const auto& f : found) staff_ids.push_back(f.assignment->staff_id);
      ASSIGN_OR_RETURN(auto names, store::StaffNames(conn, staff_ids));
      std::map<std::string, const Unit*> units;
      for (const auto& u : snap.units) units[u.id] = &u;
      std::vector<std::pair<std::string, v1::ActingHead>> rows;
      for (const auto& f : found) {
        const Unit* u = units[f.post->unit_id];
        v1::ActingHead h;
        h.set_post(PostName(f.post->id));
        h.set_unit(UnitName(u->id));
        h.set_unit_display_name(u->display_name);
        *h.mutable_acting() = HolderOf(*f.assignment, names);
        const v1::Assignment a = ToProto(*f.assignment, report_req.day);
        if (a.has_delegation()) {
          h.set_acting_for(a.delegation().acting_for());
          *h.mutable_delegation() = a.delegation();
        }
        *h.mutable_effective_from() = a.effective_from();
        if (a.has_effective_to()) *h.mutable_effective_to() = a.effective_to();
        rows.emplace_back(absl::StrCat(u->path, "|", f.post->id, "|", f.assignment->id), std::move(h));
      }
      EmitReportPage(rows, report_req, filters, [&](const v1::ActingHead& h) { *resp->add_acting_heads() = h; }, resp);
      return absl::OkStatus();
    });
  });
}

grpc::Status QueriesApi::GetCoverageGaps(grpc::ServerContext* ctx,
                                         const v1::GetCoverageGapsRequest* req,
                                         v1::GetCoverageGapsResponse* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const ReportRequest report_req = ReadReport(req->county(), "county", req->as_of(), "as_of", kit_.clock().Today(), v);
    return ReadSubtreeReport(scopes_, caller, reader, report_req, OfACounty,
                             [&](sql::Connection&, const Unit&,
                                 store::SubtreeSnapshot& snap) -> absl::Status {
      const CoverageReport report = FindCoverageGaps(
          snap.units, snap.posts, snap.assignments,
          {req->expected_township_codes().begin(), req->expected_township_codes().end()},
          {req->expected_village_codes().begin(), req->expected_village_codes().end()});
      for (const auto& g : report.gaps) {
        v1::CoverageGap* out = resp->add_gaps();
        out->set_kind(static_cast<v1::CoverageGapKind>(g.kind));
        if (!g.unit_id.empty()) out->set_unit(UnitName(g.unit_id));
        out->set_level(static_cast<type::v1::Level>(g.level));
        out->set_division_code(g.division_code);
        out->set_description(g.description);
      }
      resp->set_townships_checked(report.townships_checked);
      resp->set_villages_checked(report.villages_checked);
      return absl::OkStatus();
    });
  });
}

grpc::Status QueriesApi::GetConcurrencyReport(grpc::ServerContext* ctx,
                                              const v1::GetConcurrencyReportRequest* req,
                                              v1::GetConcurrencyReportResponse* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    ReportRequest report_req = ReadReport(req->root(), "root", req->as_of(), "as_of", kit_.clock().Today(), v);
    const std::string filters = absl::StrCat("root=", req->root(), "|problems=", req->problems_only(),
                                             "|as_of=", req->as_of().SerializeAsString());
    ReadReportPage(req->page_size(), req->page_token(), filters, report_req, v);
    if (!HasAnyRole(caller, {"org.admin", "hr", "auditor"})) {
      return rpc::PermissionDenied("the concurrency report is for admin, org.admin, hr and auditor");
    }
    return ReadSubtreeReport(scopes_, caller, reader, report_req, WholeSubtree,
                             [&](sql::Connection& conn, const Unit&,
                                 store::SubtreeSnapshot& snap) -> absl::Status {
      // The policy of a post: the nearest one set on its unit or above.
      std::set<std::string> path_ids;
      for (const auto& u : snap.units) {
        for (const auto& id : PathIds(u.path)) path_ids.insert(id);
      }
      ASSIGN_OR_RETURN(std::vector<ConcurrencyPolicy> policies,
                       store::PoliciesOfUnits(conn, {path_ids.begin(), path_ids.end()}));
      std::map<std::string, const Unit*> units;
      for (const auto& u : snap.units) units[u.id] = &u;
      std::map<std::string, const ConcurrencyPolicy*> policy_of_post;
      std::map<std::string, std::string> codes;
      for (const auto& p : snap.posts) {
        codes[p.id] = p.terms.code;
        if (const ConcurrencyPolicy* policy = GoverningPolicy(policies, units[p.unit_id]->path)) {
          policy_of_post[p.id] = policy;
        }
      }
      std::vector<ConcurrencyFindingRow> found = FindConcurrency(snap.assignments, codes, policy_of_post);
      std::vector<std::string> staff_ids;
      for (const auto& f : found) staff_ids.push_back(f.staff_id);
      ASSIGN_OR_RETURN(auto names, store::StaffNames(conn, staff_ids));
      std::vector<std::pair<std::string, v1::ConcurrencyFinding>> rows;
      for (size_t i = 0; i < found.size(); ++i) {
        const ConcurrencyFindingRow& f = found[i];
        if (req->problems_only() && (f.kind == ConcurrencyFindingKind::kAllowed ||
                                     f.kind == ConcurrencyFindingKind::kSegregationMitigated)) {
          continue;
        }
        v1::ConcurrencyFinding out;
        out.set_staff(StaffName(f.staff_id));
        if (auto n = names.find(f.staff_id); n != names.end()) out.set_display_name(n->second);
        out.set_kind(static_cast<v1::ConcurrencyFindingKind>(f.kind));
        for (const Assignment* a : f.assignments) {
          out.add_assignments(AssignmentName(a->id));
          out.add_posts(PostName(a->post_id));
        }
        if (f.policy) out.set_policy(PolicyName(f.policy->id));
        out.set_risk(f.risk);
        if (f.mitigation) {
          for (const Assignment* a : f.assignments) {
            if (a->mitigation && &*a->mitigation == f.mitigation) {
              *out.mutable_mitigation() = ToProto(*a, report_req.day).mitigation();
            }
          }
        }
        rows.emplace_back(absl::StrFormat("%s|%06d", f.staff_id, i), std::move(out));
      }
      EmitReportPage(rows, report_req, filters, [&](const v1::ConcurrencyFinding& f) { *resp->add_findings() = f; }, resp);
      return absl::OkStatus();
    });
  });
}

grpc::Status QueriesApi::GetPostDesignReport(grpc::ServerContext* ctx,
                                             const v1::GetPostDesignReportRequest* req,
                                             v1::GetPostDesignReportResponse* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const ReportRequest report_req = ReadReport(req->unit(), "unit", req->as_of(), "as_of", kit_.clock().Today(), v);
    if (!HasAnyRole(caller, {"org.admin", "hr"})) {
      return rpc::PermissionDenied("the post-design report is for admin, org.admin and hr");
    }
    return ReadSubtreeReport(scopes_, caller, reader, report_req, WithoutAssignments,
                             [&](sql::Connection&, const Unit& root,
                                 store::SubtreeSnapshot& snap) -> absl::Status {
      if (!req->include_subtree()) {
        snap.units.erase(std::remove_if(snap.units.begin(), snap.units.end(),
                                        [&](const Unit& u) { return u.id != root.id; }),
                         snap.units.end());
      }
      for (const auto& f : ReviewPostDesign(snap.units, snap.posts)) {
        v1::PostDesignFinding* out = resp->add_findings();
        out->set_kind(static_cast<v1::PostDesignFindingKind>(f.kind));
        out->set_subject(f.kind == PostDesignKind::kUnitWithoutHead ? UnitName(f.unit_id)
                                                                     : PostName(f.post_id));
        if (!f.related_post_id.empty()) out->set_related_post(PostName(f.related_post_id));
        for (const auto& d : f.overlapping_duties) out->add_overlapping_duties(d);
        out->set_description(f.description);
      }
      return absl::OkStatus();
    });
  });
}

}  // namespace huinong::org
