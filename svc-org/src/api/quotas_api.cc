// The handlers of quotas and the quota report (see quotas.proto). Writes
// lock the unit row, so two quotas for the same unit total or post cannot
// both be created for overlapping days.
#include <algorithm>
#include <map>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/core/ids.h"
#include "common/core/status_macros.h"
#include "common/rpc/page_token.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/validate.h"
#include "common/server/handle.h"
#include "svc-org/src/app/access.h"
#include "svc-org/src/api/posts_api.h"
#include "svc-org/src/app/change_gate.h"
#include "svc-org/src/api/post_mapping.h"
#include "svc-org/src/app/quota_writes.h"
#include "svc-org/src/api/quota_mapping.h"
#include "svc-org/src/api/request_checks.h"
#include "svc-org/src/api/unit_mapping.h"
#include "svc-org/src/store/quota_store.h"
#include "svc-org/src/store/staff_store.h"

namespace huinong::org {
namespace {

const std::set<std::string> kUpdatable = {"kind",          "min_headcount",     "max_headcount",
                                          "approved_by",   "approval_date",     "approval_document",
                                          "note",          "effective_to"};

}  // namespace

grpc::Status PostsApi::CreateQuota(grpc::ServerContext* ctx, const v1::CreateQuotaRequest* req,
                                   v1::Quota* resp) {
  return kit_.Mutate(*ctx, *req, resp, "CreateQuota",
                     [&](const auth::Principal& caller) -> server::Prepared<v1::Quota> {
    rpc::Violations v;
    if (!req->has_quota()) v.Add("quota", "required");
    Quota quota;
    quota.unit_id = rpc::ParseName(req->quota().unit(), "units", "quota.unit", v);
    quota.post_id = rpc::ParseOptionalName(req->quota().post(), "posts", "quota.post", v);
    ReadQuotaTerms(req->quota(), "quota", quota.terms, v);
    std::optional<absl::CivilDay> from =
        rpc::FromDate(req->quota().effective_from(), "quota.effective_from", v);
    quota.effective_to = rpc::FromDate(req->quota().effective_to(), "quota.effective_to", v);
    quota.effective_from = from.value_or(kit_.clock().Today());
    if (quota.effective_to && *quota.effective_to < quota.effective_from) {
      v.Add("quota.effective_to", "must not be before effective_from");
    }
    RETURN_IF_ERROR(v.ToStatus());
    ASSIGN_OR_RETURN(CallerScope scope, scopes_.For(caller));

    return [=, this](server::Mutation& m) -> absl::StatusOr<v1::Quota> {
          sql::Connection& conn = m.tx();
          RETURN_IF_ERROR(CheckDirectChangeAllowed(conn, caller, quota.unit_id));
          Quota dated = quota;
          if (!from) dated.effective_from = m.today();  // the change's own day, not the check's
          return CreateQuotaIn({m, m.request_id(), scope}, dated);
        };
  });
}

grpc::Status PostsApi::GetQuota(grpc::ServerContext* ctx, const v1::GetQuotaRequest* req,
                                v1::Quota* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const std::string id = rpc::ParseName(req->name(), "quotas", "name", v);
    const store::DayRead read = ReadAsOf(req->as_of(), "as_of", kit_.clock().Today(), v);
    ASSIGN_OR_RETURN(CallerScope scope, scopes_.For(caller));
    return reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(std::optional<Quota> quota, store::GetQuotaOn(conn, id, read));
      if (!quota) return rpc::NotFound(QuotaName(id));
      ASSIGN_OR_RETURN(Unit unit, LoadReadableUnit(conn, scope, quota->unit_id));
      *resp = ToProto(*quota);
      return absl::OkStatus();
    });
  });
}

grpc::Status PostsApi::UpdateQuota(grpc::ServerContext* ctx, const v1::UpdateQuotaRequest* req,
                                   v1::Quota* resp) {
  return kit_.Mutate(*ctx, *req, resp, "UpdateQuota",
                     [&](const auth::Principal& caller) -> server::Prepared<v1::Quota> {
    rpc::Violations v;
    const std::string id = rpc::ParseName(req->quota().name(), "quotas", "quota.name", v);
    if (req->quota().etag().empty()) v.Add("quota.etag", "required");
    const std::set<std::string> paths = rpc::MaskPaths(req->update_mask(), kUpdatable, v);
    std::optional<absl::CivilDay> effective = rpc::FromDate(req->effective_date(), "effective_date", v);
    std::optional<absl::CivilDay> new_to =
        rpc::FromDate(req->quota().effective_to(), "quota.effective_to", v);
    RETURN_IF_ERROR(v.ToStatus());
    ASSIGN_OR_RETURN(CallerScope scope, scopes_.For(caller));

    return [=, this](server::Mutation& m) -> absl::StatusOr<v1::Quota> {
          sql::Connection& conn = m.tx();
          ASSIGN_OR_RETURN(std::optional<Quota> peek, store::GetLatestQuota(conn, id));
          if (!peek) return rpc::NotFound(QuotaName(id));
          RETURN_IF_ERROR(CheckDirectChangeAllowed(conn, caller, peek->unit_id));
          RETURN_IF_ERROR(LockChangeableUnit(conn, scope, peek->unit_id).status());
          ASSIGN_OR_RETURN(std::optional<Quota> latest, store::GetLatestQuota(conn, id, true));
          RETURN_IF_ERROR(rpc::CheckEtag(req->quota().etag(), latest->version, QuotaName(id)));
          const v1::Quota before = ToProto(*latest);
          Quota quota = *latest;
          // The stored values, overlaid with the masked fields, checked as a whole.
          v1::Quota merged = before;
          for (const auto& path : paths) {
            if (path == "kind") merged.set_kind(req->quota().kind());
            if (path == "min_headcount") merged.set_min_headcount(req->quota().min_headcount());
            if (path == "max_headcount") merged.set_max_headcount(req->quota().max_headcount());
            if (path == "approved_by") merged.set_approved_by(req->quota().approved_by());
            if (path == "approval_date") *merged.mutable_approval_date() = req->quota().approval_date();
            if (path == "approval_document") {
              *merged.mutable_approval_document() = req->quota().approval_document();
            }
            if (path == "note") merged.set_note(req->quota().note());
          }
          if (merged.kind() == v1::QUOTA_KIND_EXACT && !paths.count("min_headcount")) {
            merged.set_min_headcount(0);  // EXACT follows max
          } else if (paths.count("kind") && !paths.count("min_headcount") &&
                     (merged.kind() == v1::QUOTA_KIND_FROZEN ||
                      merged.kind() == v1::QUOTA_KIND_RESERVED_VACANCY)) {
            merged.set_min_headcount(0);
          }
          rpc::Violations fields;
          ReadQuotaTerms(merged, "quota", quota.terms, fields);
          if (paths.count("effective_to")) quota.effective_to = new_to;
          if (quota.effective_to && *quota.effective_to < quota.effective_from) {
            fields.Add("quota.effective_to", "must not be before effective_from");
          }
          RETURN_IF_ERROR(fields.ToStatus());
          const absl::CivilDay day = effective.value_or(std::max(m.today(), latest->terms_from));
          if (day < latest->effective_from || day < latest->terms_from) {
            return rpc::FailedPrecondition(
                "EFFECTIVE_DATE_TOO_EARLY",
                absl::StrCat("a version from ", absl::FormatCivilTime(latest->terms_from),
                             " is already recorded"));
          }
          if (paths.count("effective_to")) RETURN_IF_ERROR(CheckNoQuotaOverlap(conn, quota));
          quota.terms_from = day;
          quota.version += 1;
          quota.update_time = m.now();
          RETURN_IF_ERROR(store::SaveQuotaTerms(conn, quota, *latest));
          RETURN_IF_ERROR(store::UpdateQuotaRow(conn, quota));
          v1::Quota out = ToProto(quota);
          RETURN_IF_ERROR(m.Record({"quota", out.name(), out.unit(), &before, &out}));
          return out;
        };
  });
}

grpc::Status PostsApi::ListQuotas(grpc::ServerContext* ctx, const v1::ListQuotasRequest* req,
                                  v1::ListQuotasResponse* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const int page_size = rpc::PageSize(req->page_size(), v);
    store::QuotaQuery q;
    q.read = ReadAsOf(req->as_of(), "as_of", kit_.clock().Today(), v);
    const std::string unit_id = rpc::ParseOptionalName(req->unit(), "units", "unit", v);
    if (req->include_subtree() && unit_id.empty()) v.Add("include_subtree", "needs a unit");
    q.post_id = rpc::ParseOptionalName(req->post(), "posts", "post", v);
    if (req->kind() != 0) {
      if (!ValidQuotaKind(req->kind())) v.Add("kind", absl::StrCat("unknown value ", req->kind()));
      q.kind = static_cast<QuotaKind>(req->kind());
    }
    const std::string filters =
        absl::StrCat("unit=", req->unit(), "|sub=", req->include_subtree(), "|post=", req->post(),
                     "|kind=", req->kind(), "|as_of=", req->as_of().SerializeAsString());
    q.after_id = rpc::PageAfter(req->page_token(), filters, v);
    ASSIGN_OR_RETURN(CallerScope scope, scopes_.For(caller));
    if (!scope.reads_all) q.visible_path = scope.unit_path;
    q.limit = page_size + 1;
    return reader([&](sql::Connection& conn) -> absl::Status {
      RETURN_IF_ERROR(NarrowToUnit(conn, scope, unit_id, req->include_subtree(), q));
      ASSIGN_OR_RETURN(std::vector<Quota> quotas, store::ListQuotas(conn, q));
      const bool more = rpc::TrimToPage(quotas, page_size);
      for (const auto& quota : quotas) *resp->add_quotas() = ToProto(quota);
      if (more) resp->set_next_page_token(rpc::EncodePageToken(filters, quotas.back().id));
      return absl::OkStatus();
    });
  });
}

grpc::Status PostsApi::GetQuotaReport(grpc::ServerContext* ctx, const v1::GetQuotaReportRequest* req,
                                      v1::QuotaReport* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const std::string unit_id = rpc::ParseName(req->unit(), "units", "unit", v);
    std::optional<absl::CivilDay> as_of = rpc::FromDate(req->as_of(), "as_of", v);
    const absl::CivilDay day = as_of.value_or(kit_.clock().Today());
    ASSIGN_OR_RETURN(CallerScope scope, scopes_.For(caller));
    return reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(Unit unit, LoadReadableUnit(conn, scope, unit_id));
      ASSIGN_OR_RETURN(std::vector<Quota> quotas, store::QuotasOfUnitOn(conn, unit.id, day));
      store::PostQuery pq;
      pq.read = {day, false};
      pq.unit_id = unit.id;
      pq.limit = 10000;
      ASSIGN_OR_RETURN(std::vector<Post> posts, store::ListPosts(conn, pq));
      ASSIGN_OR_RETURN(std::vector<Assignment> held, store::AssignmentsOfUnitOn(conn, unit.id, day));

      std::optional<Quota> total;
      std::map<std::string, Quota> by_post;
      for (auto& q : quotas) {
        if (q.post_id.empty()) {
          total = q;
        } else {
          by_post.emplace(q.post_id, q);
        }
      }
      std::vector<PostSeats> seats;
      std::map<std::string, size_t> index;
      for (const auto& p : posts) {
        PostSeats s;
        s.post_id = p.id;
        s.title = p.terms.title;
        auto it = by_post.find(p.id);
        if (it != by_post.end()) s.quota = it->second;
        index[p.id] = seats.size();
        seats.push_back(std::move(s));
      }
      std::set<std::string> people;
      for (const auto& a : held) {
        auto it = index.find(a.post_id);
        if (it == index.end()) continue;
        if (a.FillsSeat()) {
          ++seats[it->second].filled;
          people.insert(a.staff_id);  // a person counts once
        } else {
          ++seats[it->second].acting;
        }
      }
      *resp = ToProto(BuildQuotaReport(total, seats, static_cast<int>(people.size())));
      resp->set_unit(UnitName(unit.id));
      *resp->mutable_as_of() = rpc::ToDate(day);
      return absl::OkStatus();
    });
  });
}

}  // namespace huinong::org
