// CheckCapability and ListCapabilityHolders (see queries.proto).
//
// CheckCapability is on the hot path of every loan and ticket step. It reads
// the person's grants and the asked unit's path from `grants_` (see
// domain/capability_cache.h: at most kCapabilityCacheTtl stale for changes
// made through another replica, exact for changes made through this one)
// and touches the database only on a miss; the judgement itself is the pure
// rule of domain/capability.h. ListCapabilityHolders always reads the
// database: it serves routing and people, not every step.
#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/core/status_macros.h"
#include "common/rpc/page_token.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/validate.h"
#include "common/server/handle.h"
#include "svc-org/src/app/access.h"
#include "svc-org/src/api/queries_api.h"
#include "svc-org/src/api/post_mapping.h"
#include "svc-org/src/api/request_checks.h"
#include "svc-org/src/api/staff_mapping.h"
#include "svc-org/src/api/unit_mapping.h"
#include "svc-org/src/store/capability_store.h"
#include "svc-org/src/store/staff_store.h"
#include "svc-org/src/store/unit_store.h"

namespace huinong::org {
namespace {

v1::CapabilityGrant GrantOf(const StaffGrants& who, const GrantSource& s, int distance, bool head,
                            bool deputy) {
  v1::CapabilityGrant g;
  g.set_staff(StaffName(who.staff_id));
  g.set_display_name(who.display_name);
  g.set_assignment(AssignmentName(s.assignment_id));
  g.set_assignment_kind(static_cast<v1::AssignmentKind>(s.kind));
  g.set_post(PostName(s.post_id));
  g.set_post_unit(UnitName(s.post_unit_id));
  g.set_post_unit_level(static_cast<type::v1::Level>(s.post_unit_level));
  g.set_distance(distance);
  if (!s.acting_for_id.empty()) g.set_acting_for(StaffName(s.acting_for_id));
  g.set_head(head);
  g.set_deputy(deputy);
  return g;
}

// The holders' order: distance, head before deputy before others, staff, assignment.
std::string SortKey(int distance, bool head, bool deputy, const std::string& staff_id,
                    const std::string& assignment_id) {
  return absl::StrFormat("%04d|%d|%s|%s", distance, head ? 0 : deputy ? 1 : 2, staff_id, assignment_id);
}

}  // namespace

grpc::Status QueriesApi::CheckCapability(grpc::ServerContext* ctx, const v1::CheckCapabilityRequest* req,
                                         v1::CheckCapabilityResponse* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const std::string staff_id = rpc::ParseName(req->staff(), "staff", "staff", v);
    if (!ValidCapability(req->capability())) {
      v.Add("capability", "3–64 of [a-z0-9._], dot-separated, e.g. loans.review.county");
    }
    const std::string unit_id = rpc::ParseName(req->unit(), "units", "unit", v);
    std::optional<absl::CivilDay> as_of = rpc::FromDate(req->as_of(), "as_of", v);
    if (!caller.IsService() && !caller.IsAdmin() && !IsSelf(caller, staff_id)) {
      return rpc::PermissionDenied(
          "CheckCapability is for service accounts, admins and the person themselves");
    }
    const CapabilityCache::Generation generation = grants_.CurrentGeneration();
    std::shared_ptr<const StaffGrants> grants = grants_.FindGrants(staff_id);
    std::optional<std::string> path = grants_.FindUnitPath(unit_id);
    if (!grants || !path) {
      // Only what was loaded now is stored: re-storing a hit would extend its life.
      const bool load_grants = !grants;
      const bool load_path = !path;
      RETURN_IF_ERROR(reader([&](sql::Connection& conn) -> absl::Status {
        if (load_grants) {
          ASSIGN_OR_RETURN(std::optional<StaffGrants> loaded, store::LoadStaffGrants(conn, staff_id));
          if (!loaded) return rpc::NotFound(StaffName(staff_id));
          grants = std::make_shared<const StaffGrants>(*std::move(loaded));
        }
        if (load_path) {
          ASSIGN_OR_RETURN(Unit unit, LoadUnit(conn, unit_id));
          path = unit.path;
        }
        return absl::OkStatus();
      }));
      if (load_grants) grants_.StoreGrants(staff_id, grants, generation);
      if (load_path) grants_.StoreUnitPath(unit_id, *path, generation);
    }
    const CapabilityAnswer answer =
        org::CheckCapability(*grants, req->capability(), *path, as_of.value_or(kit_.clock().Today()));
    resp->set_allowed(answer.allowed);
    if (answer.allowed) {
      *resp->mutable_via() = GrantOf(*grants, *answer.via, answer.distance, answer.head, answer.deputy);
    } else {
      resp->set_denial(static_cast<v1::CapabilityDenial>(answer.denial));
    }
    return absl::OkStatus();
  });
}

grpc::Status QueriesApi::ListCapabilityHolders(grpc::ServerContext* ctx,
                                               const v1::ListCapabilityHoldersRequest* req,
                                               v1::ListCapabilityHoldersResponse* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    if (!ValidCapability(req->capability())) {
      v.Add("capability", "3–64 of [a-z0-9._], dot-separated, e.g. tickets.agent");
    }
    const std::string unit_id = rpc::ParseName(req->unit(), "units", "unit", v);
    std::optional<absl::CivilDay> as_of = rpc::FromDate(req->as_of(), "as_of", v);
    const int page_size = rpc::PageSize(req->page_size(), v);
    const std::string filters = absl::StrCat(
        "cap=", req->capability(), "|unit=", req->unit(), "|nearest=", req->nearest_only(),
        "|acting=", req->exclude_acting(), "|as_of=", req->as_of().SerializeAsString());
    const std::string after = rpc::PageAfter(req->page_token(), filters, v);
    const absl::CivilDay day = as_of.value_or(kit_.clock().Today());
    ASSIGN_OR_RETURN(CallerScope scope, scopes_.For(caller));

    return reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(Unit unit, LoadReadableUnit(conn, scope, unit_id));
      ASSIGN_OR_RETURN(std::vector<std::string> posts,
                       store::PostsGranting(conn, req->capability(), PathIds(unit.path)));
      ASSIGN_OR_RETURN(std::vector<Assignment> held, store::AssignmentsOfPostsOn(conn, posts, day));
      if (req->exclude_acting()) {
        held.erase(std::remove_if(held.begin(), held.end(),
                                  [](const Assignment& a) { return a.kind == AssignmentKind::kActing; }),
                   held.end());
      }
      ASSIGN_OR_RETURN(std::vector<GrantSource> sources, store::GrantSourcesFor(conn, held));
      std::map<std::string, StaffGrants> people;
      std::vector<std::pair<std::string, v1::CapabilityGrant>> rows;
      for (const auto& s : sources) {
        const Assignment& a = *std::find_if(held.begin(), held.end(),
                                            [&](const Assignment& h) { return h.id == s.assignment_id; });
        auto [it, fresh] = people.try_emplace(a.staff_id);
        if (fresh) {
          ASSIGN_OR_RETURN(std::optional<Staff> staff, store::GetStaff(conn, a.staff_id));
          it->second.staff_id = a.staff_id;
          if (staff) {
            it->second.display_name = staff->display_name;
            it->second.status = staff->status;
          }
        }
        const StaffGrants& who = it->second;
        // The same rule as CheckCapability: LEFT holds nothing, ON_LEAVE only acting.
        if (who.status == StaffStatus::kLeft) continue;
        if (who.status == StaffStatus::kOnLeave && s.kind != AssignmentKind::kActing) continue;
        if (!GrantsOn(s, req->capability(), day)) continue;
        const int distance = DistanceUp(unit.path, s.post_unit_path);
        if (distance < 0) continue;
        const GrantTerms* terms = TermsOn(s, day);
        rows.emplace_back(SortKey(distance, terms->head, terms->deputy, a.staff_id, a.id),
                          GrantOf(who, s, distance, terms->head, terms->deputy));
      }
      std::sort(rows.begin(), rows.end(),
                [](const auto& x, const auto& y) { return x.first < y.first; });
      if (req->nearest_only() && !rows.empty()) {
        const int nearest = rows.front().second.distance();
        rows.erase(std::remove_if(rows.begin(), rows.end(),
                                  [&](const auto& r) { return r.second.distance() != nearest; }),
                   rows.end());
      }
      int emitted = 0;
      std::string last_key;
      for (const auto& [key, grant] : rows) {
        if (!after.empty() && key <= after) continue;
        if (emitted == page_size) {
          resp->set_next_page_token(rpc::EncodePageToken(filters, last_key));
          break;
        }
        *resp->add_holders() = grant;
        last_key = key;
        ++emitted;
      }
      return absl::OkStatus();
    });
  });
}

}  // namespace huinong::org
