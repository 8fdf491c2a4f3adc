// The handlers of staff (see staff.proto). A person belongs to no unit of
// their own: they are in a caller's scope through their assignments (on any
// day), and someone without any assignment yet is visible to hr and admin,
// who must be able to find the people they register. Leaving (status LEFT)
// ends every open assignment in the same transaction, recorded as one staff
// event.
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/core/ids.h"
#include "common/core/mask.h"
#include "common/core/status_macros.h"
#include "common/rpc/page_token.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/validate.h"
#include "common/server/handle.h"
#include "svc-org/src/app/access.h"
#include "svc-org/src/api/staff_api.h"
#include "svc-org/src/api/request_checks.h"
#include "svc-org/src/api/staff_mapping.h"
#include "svc-org/src/store/staff_store.h"
#include "svc-org/src/store/unit_store.h"

namespace huinong::org {
namespace {

const std::set<std::string> kUpdatable = {"display_name", "employee_number", "phone", "email",
                                          "status",       "employer",        "qualifications"};

absl::StatusOr<Staff> LoadStaff(sql::Connection& conn, const std::string& id, bool for_update) {
  ASSIGN_OR_RETURN(std::optional<Staff> staff, store::GetStaff(conn, id, for_update));
  if (!staff) return rpc::NotFound(StaffName(id));
  return *std::move(staff);
}

// Whether a unit of one of the person's assignments passes `allowed`; true
// for someone with no assignment when `unassigned` is.
template <class Allowed>
absl::StatusOr<bool> ThroughAssignments(sql::Connection& conn, const std::string& staff_id,
                                        bool unassigned, Allowed allowed) {
  ASSIGN_OR_RETURN(std::vector<Assignment> held, store::AssignmentsOfStaff(conn, staff_id));
  if (held.empty()) return unassigned;
  std::set<std::string> unit_ids;
  for (const auto& a : held) unit_ids.insert(a.unit_id);
  ASSIGN_OR_RETURN(std::vector<Unit> units,
                   store::GetUnits(conn, std::vector<std::string>(unit_ids.begin(), unit_ids.end())));
  for (const auto& u : units) {
    if (allowed(u)) return true;
  }
  return false;
}

absl::Status CheckVisible(sql::Connection& conn, const CallerScope& scope,
                          const auth::Principal& caller, const std::string& staff_id) {
  if (scope.reads_all || IsSelf(caller, staff_id)) return absl::OkStatus();
  ASSIGN_OR_RETURN(bool visible,
                   ThroughAssignments(conn, staff_id, SeesPersonalData(caller),
                                      [&](const Unit& u) { return CanRead(scope, u.path); }));
  if (visible) return absl::OkStatus();
  return rpc::PermissionDenied(absl::StrCat(StaffName(staff_id), " is outside the caller's scope"));
}

absl::Status CheckChangeable(sql::Connection& conn, const CallerScope& hr_scope,
                             const std::string& staff_id) {
  if (hr_scope.changes_all) return absl::OkStatus();
  if (!hr_scope.may_change) return rpc::PermissionDenied("changing staff needs the hr role");
  ASSIGN_OR_RETURN(bool changeable,
                   ThroughAssignments(conn, staff_id, /*unassigned=*/true,
                                      [&](const Unit& u) { return CanChange(hr_scope, u.path); }));
  if (changeable) return absl::OkStatus();
  return rpc::PermissionDenied(
      absl::StrCat("the caller may not change ", StaffName(staff_id), ": no post in their scope"));
}

}  // namespace

StaffApi::StaffApi(std::shared_ptr<OrgKit> org) : OrgHandlers(std::move(org)) {}

grpc::Status StaffApi::CreateStaff(grpc::ServerContext* ctx, const v1::CreateStaffRequest* req,
                                   v1::Staff* resp) {
  return kit_.Mutate(*ctx, *req, resp, "CreateStaff",
                     [&](const auth::Principal& caller) -> server::Prepared<v1::Staff> {
    rpc::Violations v;
    if (!req->has_staff()) v.Add("staff", "required");
    Staff fields;
    ReadStaffFields(req->staff(), "staff", fields, v);
    if (fields.status == StaffStatus::kLeft) v.Add("staff.status", "a new member of staff has not left");
    RETURN_IF_ERROR(v.ToStatus());
    ASSIGN_OR_RETURN(CallerScope scope, scopes_.For(caller));
    if (!StaffScope(scope, caller).may_change) {
      return rpc::PermissionDenied("registering staff needs the hr role");
    }
    return [=, this](server::Mutation& m) -> absl::StatusOr<v1::Staff> {
          sql::Connection& conn = m.tx();
          Staff staff = fields;
          staff.id = NewUlid();
          staff.version = 1;
          staff.create_time = staff.update_time = m.now();
          RETURN_IF_ERROR(store::InsertStaff(conn, staff));
          v1::Staff out = ToProto(staff, /*clear_phone=*/true);
          RETURN_IF_ERROR(m.Record({"staff", out.name(), "", nullptr, &out}));
          return out;
        };
  });
}

grpc::Status StaffApi::GetStaff(grpc::ServerContext* ctx, const v1::GetStaffRequest* req,
                                v1::Staff* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const std::string id = rpc::ParseName(req->name(), "staff", "name", v);
    ASSIGN_OR_RETURN(CallerScope scope, scopes_.For(caller));
    return reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(Staff staff, LoadStaff(conn, id, false));
      RETURN_IF_ERROR(CheckVisible(conn, scope, caller, id));
      *resp = ToProto(staff, SeesPersonalData(caller));
      return absl::OkStatus();
    });
  });
}

grpc::Status StaffApi::UpdateStaff(grpc::ServerContext* ctx, const v1::UpdateStaffRequest* req,
                                   v1::Staff* resp) {
  return kit_.Mutate(*ctx, *req, resp, "UpdateStaff",
                     [&](const auth::Principal& caller) -> server::Prepared<v1::Staff> {
    rpc::Violations v;
    const std::string id = rpc::ParseName(req->staff().name(), "staff", "staff.name", v);
    if (req->staff().etag().empty()) v.Add("staff.etag", "required");
    const std::set<std::string> paths = rpc::MaskPaths(req->update_mask(), kUpdatable, v);
    Staff incoming;
    rpc::Violations all;
    ReadStaffFields(req->staff(), "staff", incoming, all);
    rpc::KeepMasked(all, "staff", paths, v);
    if (paths.count("status") && req->staff().status() == 0) v.Add("staff.status", "required");
    RETURN_IF_ERROR(v.ToStatus());
    ASSIGN_OR_RETURN(CallerScope scope, scopes_.For(caller));
    const CallerScope hr_scope = StaffScope(scope, caller);

    return [=, this](server::Mutation& m) -> absl::StatusOr<v1::Staff> {
          sql::Connection& conn = m.tx();
          RETURN_IF_ERROR(LoadStaff(conn, id, false).status());
          RETURN_IF_ERROR(CheckChangeable(conn, hr_scope, id));
          ASSIGN_OR_RETURN(Staff staff, LoadStaff(conn, id, /*for_update=*/true));
          RETURN_IF_ERROR(rpc::CheckEtag(req->staff().etag(), staff.version, StaffName(id)));
          const v1::Staff before = ToProto(staff, true);
          const StaffStatus from = staff.status;
          if (paths.count("display_name")) staff.display_name = incoming.display_name;
          if (paths.count("employee_number")) staff.employee_number = incoming.employee_number;
          if (paths.count("phone")) staff.phone = incoming.phone;
          if (paths.count("email")) staff.email = incoming.email;
          if (paths.count("status")) staff.status = incoming.status;
          if (paths.count("employer")) staff.employer = incoming.employer;
          if (paths.count("qualifications")) staff.qualifications = incoming.qualifications;
          RETURN_IF_ERROR(CheckStaffTransition(from, staff.status));
          const absl::Time now = m.now();
          if (staff.status == StaffStatus::kLeft && from != StaffStatus::kLeft) {
            ASSIGN_OR_RETURN(std::vector<Assignment> held, store::AssignmentsOfStaff(conn, id));
            for (auto& a : held) {
              if (!EndOnLeaving(a, m.today())) continue;
              a.version += 1;
              a.update_time = now;
              RETURN_IF_ERROR(store::UpdateAssignment(conn, a));
            }
          }
          staff.version += 1;
          staff.update_time = now;
          RETURN_IF_ERROR(store::UpdateStaff(conn, staff));
          v1::Staff out = ToProto(staff, true);
          RETURN_IF_ERROR(m.Record({"staff", out.name(), "", &before, &out}));
          m.AfterCommit([this, id] { grants_.InvalidateStaff(id); });
          // The answer goes only to this caller (request ids are per caller).
          if (!SeesPersonalData(caller)) out.set_phone(mask::Phone(out.phone()));
          return out;
        };
  });
}

grpc::Status StaffApi::ListStaff(grpc::ServerContext* ctx, const v1::ListStaffRequest* req,
                                 v1::ListStaffResponse* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const int page_size = rpc::PageSize(req->page_size(), v);
    store::StaffQuery q;
    std::optional<absl::CivilDay> as_of = rpc::FromDate(req->as_of(), "as_of", v);
    q.day = as_of.value_or(kit_.clock().Today());
    const std::string unit_id = rpc::ParseOptionalName(req->unit(), "units", "unit", v);
    if (req->include_subtree() && unit_id.empty()) v.Add("include_subtree", "needs a unit");
    if (req->status() != 0) {
      if (!ValidStaffStatus(req->status())) v.Add("status", absl::StrCat("unknown value ", req->status()));
      q.status = static_cast<StaffStatus>(req->status());
    }
    rpc::CheckText(req->display_name_prefix(), "display_name_prefix", 0, 100, v);
    q.name_prefix = req->display_name_prefix();
    if (!req->capability().empty() && !ValidCapability(req->capability())) {
      v.Add("capability", "3–64 of [a-z0-9._], dot-separated");
    }
    q.capability = req->capability();
    const std::string filters = absl::StrCat(
        "unit=", req->unit(), "|sub=", req->include_subtree(), "|status=", req->status(),
        "|prefix=", req->display_name_prefix(), "|cap=", req->capability(),
        "|as_of=", req->as_of().SerializeAsString());
    q.after_id = rpc::PageAfter(req->page_token(), filters, v);
    ASSIGN_OR_RETURN(CallerScope scope, scopes_.For(caller));
    if (!scope.reads_all) {
      q.visible_path = scope.unit_path;
      q.include_unassigned = SeesPersonalData(caller);
    }
    q.limit = page_size + 1;
    return reader([&](sql::Connection& conn) -> absl::Status {
      RETURN_IF_ERROR(NarrowToUnit(conn, scope, unit_id, req->include_subtree(), q));
      ASSIGN_OR_RETURN(std::vector<Staff> staff, store::ListStaff(conn, q));
      const bool more = rpc::TrimToPage(staff, page_size);
      for (const auto& s : staff) *resp->add_staff() = ToProto(s, SeesPersonalData(caller));
      if (more) resp->set_next_page_token(rpc::EncodePageToken(filters, staff.back().id));
      return absl::OkStatus();
    });
  });
}

}  // namespace huinong::org
