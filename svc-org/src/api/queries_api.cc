// GetReportingChain, ListReports and GetOrgChart (see queries_api.h).
//
// Chains walk solid lines up with store::SuperiorChain; reports walk them
// down one level per query (store::Subordinates), never revisiting a post,
// so a malformed structure cannot loop. The chart reads the subtree as it
// stood on the day (store::ReadSubtreeOn) and pages by unit path.
#include "svc-org/src/api/queries_api.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/core/status_macros.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/validate.h"
#include "common/server/handle.h"
#include "svc-org/src/app/access.h"
#include "svc-org/src/api/post_mapping.h"
#include "svc-org/src/api/queries_api_parts.h"
#include "svc-org/src/api/quota_mapping.h"
#include "svc-org/src/api/request_checks.h"
#include "svc-org/src/api/unit_mapping.h"
#include "svc-org/src/domain/org_queries.h"
#include "svc-org/src/store/post_store.h"
#include "svc-org/src/store/query_store.h"
#include "svc-org/src/store/staff_store.h"
#include "svc-org/src/store/unit_store.h"

namespace huinong::org {
namespace {

absl::Status NoEffectivePost(const std::string& staff_id) {
  return rpc::WithReason(rpc::NotFound(absl::StrCat(StaffName(staff_id), " holds no post on the day")),
                         "NO_EFFECTIVE_POST");
}

// The person's assignments in force on the day; NOT_FOUND for an unknown person.
absl::StatusOr<std::vector<Assignment>> HeldOn(sql::Connection& conn, const std::string& staff_id,
                                               absl::CivilDay day) {
  ASSIGN_OR_RETURN(std::optional<Staff> staff, store::GetStaff(conn, staff_id));
  if (!staff) return rpc::NotFound(StaffName(staff_id));
  ASSIGN_OR_RETURN(std::vector<Assignment> all, store::AssignmentsOfStaff(conn, staff_id));
  std::vector<Assignment> held;
  for (auto& a : all) {
    if (a.EffectiveOn(day)) held.push_back(std::move(a));
  }
  return held;
}

// Where a person's chain starts: their PRIMARY post, else a SECONDED one.
absl::StatusOr<std::string> StartPostOf(sql::Connection& conn, const std::string& staff_id,
                                        absl::CivilDay day) {
  ASSIGN_OR_RETURN(std::vector<Assignment> held, HeldOn(conn, staff_id, day));
  for (AssignmentKind kind : {AssignmentKind::kPrimary, AssignmentKind::kSeconded}) {
    for (const auto& a : held) {
      if (a.kind == kind) return a.post_id;
    }
  }
  return NoEffectivePost(staff_id);
}

// Holders of these posts on the day, by post.
absl::StatusOr<std::map<std::string, std::vector<v1::PostHolder>>> HoldersOf(
    sql::Connection& conn, const std::vector<std::string>& post_ids, absl::CivilDay day) {
  ASSIGN_OR_RETURN(std::vector<Assignment> held, store::AssignmentsOfPostsOn(conn, post_ids, day));
  std::vector<std::string> staff_ids;
  for (const auto& a : held) staff_ids.push_back(a.staff_id);
  ASSIGN_OR_RETURN(auto names, store::StaffNames(conn, staff_ids));
  std::map<std::string, std::vector<v1::PostHolder>> out;
  for (const auto& a : held) out[a.post_id].push_back(HolderOf(a, names));
  return out;
}

v1::ChainLink LinkOf(const Post& post, LineKind line, int distance) {
  v1::ChainLink link;
  link.set_post(PostName(post.id));
  link.set_post_title(post.terms.title);
  link.set_unit(UnitName(post.unit_id));
  link.set_line(static_cast<v1::ReportingLineKind>(line));
  link.set_distance(distance);
  return link;
}

}  // namespace

QueriesApi::QueriesApi(std::shared_ptr<OrgKit> org) : OrgHandlers(std::move(org)) {}

grpc::Status QueriesApi::GetReportingChain(grpc::ServerContext* ctx,
                                           const v1::GetReportingChainRequest* req,
                                           v1::ReportingChain* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    std::string post_id, staff_id;
    if (req->start_case() == v1::GetReportingChainRequest::kPost) {
      post_id = rpc::ParseName(req->post(), "posts", "post", v);
    } else if (req->start_case() == v1::GetReportingChainRequest::kStaff) {
      staff_id = rpc::ParseName(req->staff(), "staff", "staff", v);
    } else {
      v.Add("start", "required: post or staff");
    }
    const store::DayRead read = ReadAsOf(req->as_of(), "as_of", kit_.clock().Today(), v);
    ASSIGN_OR_RETURN(CallerScope scope, scopes_.For(caller));

    return reader([&](sql::Connection& conn) -> absl::Status {
      if (!staff_id.empty()) {
        ASSIGN_OR_RETURN(post_id, StartPostOf(conn, staff_id, read.day));
      }
      ASSIGN_OR_RETURN(std::optional<Post> start, store::GetPostOn(conn, post_id, read));
      if (!start) return rpc::NotFound(PostName(post_id));
      ASSIGN_OR_RETURN(Unit unit, LoadReadableUnit(conn, scope, start->unit_id));
      ASSIGN_OR_RETURN(std::vector<std::string> chain, store::SuperiorChain(conn, post_id, read.day));

      // Solid links first; a link's dotted and independent lines come right
      // after the solid link one step up (they are superiors of the same
      // distance), or after the top when there is none.
      std::vector<Post> solid;
      for (const auto& id : chain) {
        ASSIGN_OR_RETURN(std::optional<Post> p, store::GetPostOn(conn, id, {read.day, true}));
        if (!p) break;
        solid.push_back(*std::move(p));
      }
      std::vector<std::vector<std::pair<Post, LineKind>>> others(solid.size() + 1);
      if (req->include_other_lines()) {
        for (size_t d = 0; d < solid.size(); ++d) {
          for (const auto& line : solid[d].terms.other_lines) {
            ASSIGN_OR_RETURN(std::optional<Post> p, store::GetPostOn(conn, line.post_id, {read.day, true}));
            if (p) others[d + 1].emplace_back(*std::move(p), line.kind);
          }
        }
      }
      std::vector<std::string> ids;
      for (const auto& p : solid) ids.push_back(p.id);
      for (const auto& level : others) {
        for (const auto& [p, kind] : level) ids.push_back(p.id);
      }
      ASSIGN_OR_RETURN(auto holders, HoldersOf(conn, ids, read.day));
      auto add = [&](const Post& p, LineKind kind, int distance) {
        v1::ChainLink* link = resp->add_links();
        *link = LinkOf(p, kind, distance);
        for (const auto& h : holders[p.id]) *link->add_holders() = h;
      };
      for (size_t d = 0; d <= solid.size(); ++d) {
        if (d < solid.size()) add(solid[d], LineKind::kSolid, static_cast<int>(d));
        for (const auto& [p, kind] : others[d]) add(p, kind, static_cast<int>(d));
      }
      return absl::OkStatus();
    });
  });
}

grpc::Status QueriesApi::ListReports(grpc::ServerContext* ctx, const v1::ListReportsRequest* req,
                                     v1::ListReportsResponse* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    std::string post_id, staff_id;
    if (req->subject_case() == v1::ListReportsRequest::kPost) {
      post_id = rpc::ParseName(req->post(), "posts", "post", v);
    } else if (req->subject_case() == v1::ListReportsRequest::kStaff) {
      staff_id = rpc::ParseName(req->staff(), "staff", "staff", v);
    } else {
      v.Add("subject", "required: post or staff");
    }
    const store::DayRead read = ReadAsOf(req->as_of(), "as_of", kit_.clock().Today(), v);
    const int page_size = rpc::PageSize(req->page_size(), v);
    const std::string filters =
        absl::StrCat("post=", req->post(), "|staff=", req->staff(), "|direct=", req->direct_only(),
                     "|other=", req->include_other_lines(), "|as_of=", req->as_of().SerializeAsString());
    const std::string after = rpc::PageAfter(req->page_token(), filters, v);
    ASSIGN_OR_RETURN(CallerScope scope, scopes_.For(caller));

    return reader([&](sql::Connection& conn) -> absl::Status {
      std::vector<std::string> starts;
      if (!staff_id.empty()) {
        ASSIGN_OR_RETURN(std::vector<Assignment> held, HeldOn(conn, staff_id, read.day));
        for (const auto& a : held) starts.push_back(a.post_id);
        if (starts.empty()) return NoEffectivePost(staff_id);
      } else {
        starts.push_back(post_id);
      }
      for (const auto& id : starts) {
        ASSIGN_OR_RETURN(std::optional<Post> p, store::GetPostOn(conn, id, read));
        if (!p) return rpc::NotFound(PostName(id));
        ASSIGN_OR_RETURN(Unit unit, LoadReadableUnit(conn, scope, p->unit_id));
      }
      // (distance, post, line) found breadth-first.
      std::vector<std::tuple<int, std::string, LineKind>> found;
      std::set<std::string> seen(starts.begin(), starts.end());
      std::vector<std::string> frontier = starts;
      for (int distance = 1; !frontier.empty(); ++distance) {
        if (req->direct_only() && distance > 1) break;
        ASSIGN_OR_RETURN(auto subs, store::Subordinates(conn, frontier, read));
        std::vector<std::string> next;
        for (const auto& [superior, list] : subs) {
          for (const auto& id : list) {
            if (!seen.insert(id).second) continue;
            found.emplace_back(distance, id, LineKind::kSolid);
            next.push_back(id);
          }
        }
        frontier = std::move(next);
      }
      if (req->include_other_lines()) {
        for (const auto& start : starts) {
          ASSIGN_OR_RETURN(std::vector<std::string> lined, store::PostsWithLinesTo(conn, start, read.day));
          for (const auto& id : lined) {
            if (seen.count(id) != 0) continue;
            ASSIGN_OR_RETURN(std::optional<Post> p, store::GetPostOn(conn, id, read));
            if (!p) continue;
            for (const auto& line : p->terms.other_lines) {
              if (line.post_id == start) {
                found.emplace_back(1, id, line.kind);
                break;
              }
            }
          }
        }
      }
      std::vector<std::pair<std::string, std::tuple<int, std::string, LineKind>>> rows;
      for (const auto& f : found) {
        rows.emplace_back(absl::StrFormat("%06d|%s|%d", std::get<0>(f), std::get<1>(f),
                                          static_cast<int>(std::get<2>(f))),
                          f);
      }
      std::sort(rows.begin(), rows.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
      // Only the page is loaded in full; posts of units outside the caller's
      // scope are left out.
      std::vector<std::tuple<int, std::string, LineKind>> page;
      std::string next_token;
      EmitPage(rows, after, page_size, filters, [&](const auto& f) { page.push_back(f); }, &next_token);
      std::vector<std::string> ids;
      for (const auto& f : page) ids.push_back(std::get<1>(f));
      ASSIGN_OR_RETURN(auto holders, HoldersOf(conn, ids, read.day));
      for (const auto& [distance, id, line] : page) {
        ASSIGN_OR_RETURN(std::optional<Post> p, store::GetPostOn(conn, id, read));
        if (!p) continue;
        ASSIGN_OR_RETURN(std::optional<Unit> unit, store::GetUnit(conn, p->unit_id));
        if (!unit || !CanRead(scope, unit->path)) continue;
        v1::ChainLink* link = resp->add_reports();
        *link = LinkOf(*p, line, distance);
        for (const auto& h : holders[id]) *link->add_holders() = h;
      }
      resp->set_next_page_token(next_token);
      return absl::OkStatus();
    });
  });
}

grpc::Status QueriesApi::GetOrgChart(grpc::ServerContext* ctx, const v1::GetOrgChartRequest* req,
                                     v1::GetOrgChartResponse* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    ReportRequest report_req = ReadReport(req->root(), "root", req->as_of(), "as_of", kit_.clock().Today(), v);
    if (req->max_depth() < 0) v.Add("max_depth", "0 (all) or more");
    const std::string filters =
        absl::StrCat("root=", req->root(), "|depth=", req->max_depth(), "|posts=", req->include_posts(),
                     "|as_of=", req->as_of().SerializeAsString());
    ReadReportPage(req->page_size(), req->page_token(), filters, report_req, v);
    const absl::CivilDay day = report_req.day;
    auto chart = [&](const Unit& root, store::SubtreeRead& read) {
      read.max_depth = req->max_depth() > 0 ? root.depth + req->max_depth() : 0;
      read.posts = read.quotas = read.assignments = req->include_posts();
      return absl::OkStatus();
    };

    return ReadSubtreeReport(scopes_, caller, reader, report_req, chart,
                             [&](sql::Connection& conn, const Unit& root,
                                 store::SubtreeSnapshot& snap) -> absl::Status {
      std::vector<std::pair<std::string, const Unit*>> rows;
      for (const auto& u : snap.units) rows.emplace_back(u.path, &u);
      std::vector<const Unit*> page;
      std::string next_token;
      EmitPage(rows, report_req.after, report_req.page_size, filters, [&](const Unit* u) { page.push_back(u); },
               &next_token);

      std::map<std::string, std::vector<const Post*>> posts_of_unit;
      std::vector<std::string> post_ids;
      std::set<std::string> page_units;
      for (const Unit* u : page) page_units.insert(u->id);
      for (const auto& p : snap.posts) {
        if (page_units.count(p.unit_id) == 0) continue;
        posts_of_unit[p.unit_id].push_back(&p);
        post_ids.push_back(p.id);
      }
      std::map<std::string, std::vector<std::string>> subs;
      if (!post_ids.empty()) {
        ASSIGN_OR_RETURN(subs, store::Subordinates(conn, post_ids, {day, false}));
      }
      std::map<std::string, const Quota*> quota_of_post;
      for (const auto& q : snap.quotas) {
        if (!q.post_id.empty()) quota_of_post[q.post_id] = &q;
      }
      std::vector<std::string> staff_ids;
      for (const auto& a : snap.assignments) staff_ids.push_back(a.staff_id);
      ASSIGN_OR_RETURN(auto names, store::StaffNames(conn, staff_ids));
      std::map<std::string, std::vector<const Assignment*>> held;
      for (const auto& a : snap.assignments) held[a.post_id].push_back(&a);

      for (const Unit* u : page) {
        v1::OrgChartNode* node = resp->add_nodes();
        *node->mutable_unit() = ToProto(*u);
        node->set_relative_depth(u->depth - root.depth);
        for (const Post* p : posts_of_unit[u->id]) {
          v1::ChartPost* cp = node->add_posts();
          *cp->mutable_post() = ToProto(*p, subs[p->id]);
          for (const Assignment* a : held[p->id]) *cp->add_holders() = HolderOf(*a, names);
          if (auto q = quota_of_post.find(p->id); q != quota_of_post.end()) {
            *cp->mutable_quota() = ToProto(*q->second);
          }
        }
      }
      resp->set_next_page_token(next_token);
      return absl::OkStatus();
    });
  });
}

}  // namespace huinong::org
