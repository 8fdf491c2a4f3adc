// The handlers of assignments (see staff.proto). The caller's right comes
// first (hr or admin for the post's unit), then the checks of
// assignment_checks.h; a committed change invalidates the person's entry in
// the capability cache, so this replica answers CheckCapability with it at
// once.
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
#include "svc-org/src/app/assignment_checks.h"
#include "svc-org/src/api/staff_api.h"
#include "svc-org/src/api/post_mapping.h"
#include "svc-org/src/api/request_checks.h"
#include "svc-org/src/api/staff_mapping.h"
#include "svc-org/src/store/post_store.h"
#include "svc-org/src/store/staff_store.h"

namespace huinong::org {
namespace {

const std::set<std::string> kUpdatable = {"delegation", "secondment", "mitigation", "note"};

absl::StatusOr<Assignment> LoadAssignment(sql::Connection& conn, const std::string& id, bool for_update) {
  ASSIGN_OR_RETURN(std::optional<Assignment> a, store::GetAssignment(conn, id, for_update));
  if (!a) return rpc::NotFound(AssignmentName(id));
  return *std::move(a);
}

// hr (or admin) for the unit of `post_id`.
absl::Status CheckMayAssign(sql::Connection& conn, const CallerScope& hr_scope, const std::string& post_id) {
  ASSIGN_OR_RETURN(std::optional<Post> post, store::GetLatestPost(conn, post_id));
  if (!post) return rpc::NotFound(PostName(post_id));
  ASSIGN_OR_RETURN(Unit unit, LoadUnit(conn, post->unit_id));
  return ChangeableUnit(hr_scope, unit);
}

}  // namespace

grpc::Status StaffApi::CreateAssignment(grpc::ServerContext* ctx,
                                        const v1::CreateAssignmentRequest* req, v1::Assignment* resp) {
  return kit_.Mutate(*ctx, *req, resp, "CreateAssignment",
                     [&](const auth::Principal& caller) -> server::Prepared<v1::Assignment> {
    rpc::Violations v;
    if (!req->has_assignment()) v.Add("assignment", "required");
    Assignment fields;
    ReadAssignmentFields(req->assignment(), "assignment", fields, v);
    RETURN_IF_ERROR(v.ToStatus());
    ASSIGN_OR_RETURN(CallerScope scope, scopes_.For(caller));
    const CallerScope hr_scope = StaffScope(scope, caller);
    return [=, this](server::Mutation& m) -> absl::StatusOr<v1::Assignment> {
      Assignment a = fields;
      RETURN_IF_ERROR(CheckMayAssign(m.tx(), hr_scope, a.post_id));
      RETURN_IF_ERROR(CheckNewAssignment(m.tx(), a).status());
      a.version = 1;
      a.create_time = a.update_time = m.now();
      if (m.validate_only()) {  // checked, not stored: answered unnamed
        v1::Assignment out = ToProto(a, m.today());
        out.clear_name();
        out.clear_etag();
        return out;
      }
      a.id = NewUlid();
      RETURN_IF_ERROR(store::InsertAssignment(m.tx(), a));
      v1::Assignment out = ToProto(a, m.today());
      RETURN_IF_ERROR(m.Record({"assignment", out.name(), out.unit(), nullptr, &out}));
      m.AfterCommit([this, staff = a.staff_id] { grants_.InvalidateStaff(staff); });
      return out;
    };
  });
}

grpc::Status StaffApi::GetAssignment(grpc::ServerContext* ctx, const v1::GetAssignmentRequest* req,
                                     v1::Assignment* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const std::string id = rpc::ParseName(req->name(), "assignments", "name", v);
    ASSIGN_OR_RETURN(CallerScope scope, scopes_.For(caller));
    return reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(Assignment a, LoadAssignment(conn, id, false));
      if (!IsSelf(caller, a.staff_id)) {
        ASSIGN_OR_RETURN(Unit unit, LoadReadableUnit(conn, scope, a.unit_id));
      }
      *resp = ToProto(a, kit_.clock().Today());
      return absl::OkStatus();
    });
  });
}

grpc::Status StaffApi::UpdateAssignment(grpc::ServerContext* ctx,
                                        const v1::UpdateAssignmentRequest* req, v1::Assignment* resp) {
  return kit_.Mutate(*ctx, *req, resp, "UpdateAssignment",
                     [&](const auth::Principal& caller) -> server::Prepared<v1::Assignment> {
    rpc::Violations v;
    const std::string id = rpc::ParseName(req->assignment().name(), "assignments", "assignment.name", v);
    if (req->assignment().etag().empty()) v.Add("assignment.etag", "required");
    const std::set<std::string> paths = rpc::MaskPaths(req->update_mask(), kUpdatable, v);
    rpc::Violations all;
    std::optional<Delegation> delegation = ReadDelegation(req->assignment(), "assignment", all);
    std::optional<Secondment> secondment = ReadSecondment(req->assignment(), "assignment", all);
    std::optional<Mitigation> mitigation = ReadMitigation(req->assignment(), "assignment", all);
    rpc::CheckText(req->assignment().note(), "assignment.note", 0, 1000, all);
    rpc::KeepMasked(all, "assignment", paths, v);
    RETURN_IF_ERROR(v.ToStatus());
    ASSIGN_OR_RETURN(CallerScope scope, scopes_.For(caller));
    const CallerScope hr_scope = StaffScope(scope, caller);

    return [=, this](server::Mutation& m) -> absl::StatusOr<v1::Assignment> {
          sql::Connection& conn = m.tx();
          ASSIGN_OR_RETURN(Assignment seen, LoadAssignment(conn, id, false));
          RETURN_IF_ERROR(CheckMayAssign(conn, hr_scope, seen.post_id));
          ASSIGN_OR_RETURN(Assignment a, LoadAssignment(conn, id, /*for_update=*/true));
          RETURN_IF_ERROR(rpc::CheckEtag(req->assignment().etag(), a.version, AssignmentName(id)));
          const absl::CivilDay today = m.today();
          if (a.StateOn(today) == AssignmentState::kEnded) {
            return rpc::FailedPrecondition("INVALID_TRANSITION", "the assignment has ended");
          }
          const v1::Assignment before = ToProto(a, today);
          if (paths.count("delegation")) a.delegation = delegation;
          if (paths.count("secondment")) a.secondment = secondment;
          if (paths.count("mitigation")) a.mitigation = mitigation;
          if (paths.count("note")) a.note = req->assignment().note();
          rpc::Violations parts;
          CheckAssignmentParts(a, "assignment", parts);
          RETURN_IF_ERROR(parts.ToStatus());
          RETURN_IF_ERROR(CheckChangedAssignment(conn, a, paths.count("delegation") > 0,
                                                 paths.count("mitigation") > 0));
          a.version += 1;
          a.update_time = m.now();
          RETURN_IF_ERROR(store::UpdateAssignment(conn, a));
          v1::Assignment out = ToProto(a, today);
          RETURN_IF_ERROR(m.Record({"assignment", out.name(), out.unit(), &before, &out}));
          m.AfterCommit([this, staff = a.staff_id] { grants_.InvalidateStaff(staff); });
          return out;
        };
  });
}

grpc::Status StaffApi::EndAssignment(grpc::ServerContext* ctx, const v1::EndAssignmentRequest* req,
                                     v1::Assignment* resp) {
  return kit_.Mutate(*ctx, *req, resp, "EndAssignment",
                     [&](const auth::Principal& caller) -> server::Prepared<v1::Assignment> {
    rpc::Violations v;
    const std::string id = rpc::ParseName(req->name(), "assignments", "name", v);
    if (req->etag().empty()) v.Add("etag", "required");
    std::optional<absl::CivilDay> last = rpc::FromDate(req->effective_to(), "effective_to", v);
    if (!req->has_effective_to()) v.Add("effective_to", "required");
    rpc::CheckText(req->reason(), "reason", 1, 1000, v);
    RETURN_IF_ERROR(v.ToStatus());
    ASSIGN_OR_RETURN(CallerScope scope, scopes_.For(caller));
    const CallerScope hr_scope = StaffScope(scope, caller);

    return [=, this](server::Mutation& m) -> absl::StatusOr<v1::Assignment> {
          sql::Connection& conn = m.tx();
          ASSIGN_OR_RETURN(Assignment seen, LoadAssignment(conn, id, false));
          RETURN_IF_ERROR(CheckMayAssign(conn, hr_scope, seen.post_id));
          ASSIGN_OR_RETURN(Assignment a, LoadAssignment(conn, id, /*for_update=*/true));
          RETURN_IF_ERROR(rpc::CheckEtag(req->etag(), a.version, AssignmentName(id)));
          if (*last < a.effective_from) {
            return rpc::InvalidField("effective_to", "must not be before the assignment's effective_from");
          }
          const absl::CivilDay today = m.today();
          RETURN_IF_ERROR(CheckEnd(a, *last, today));
          const v1::Assignment before = ToProto(a, today);
          a.effective_to = *last;
          a.end_reason = req->reason();
          a.version += 1;
          a.update_time = m.now();
          RETURN_IF_ERROR(store::UpdateAssignment(conn, a));
          v1::Assignment out = ToProto(a, today);
          RETURN_IF_ERROR(m.Record({"assignment", out.name(), out.unit(), &before, &out}));
          m.AfterCommit([this, staff = a.staff_id] { grants_.InvalidateStaff(staff); });
          return out;
        };
  });
}

grpc::Status StaffApi::ListAssignments(grpc::ServerContext* ctx,
                                       const v1::ListAssignmentsRequest* req,
                                       v1::ListAssignmentsResponse* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const int page_size = rpc::PageSize(req->page_size(), v);
    store::AssignmentQuery q;
    q.staff_id = rpc::ParseOptionalName(req->staff(), "staff", "staff", v);
    q.post_id = rpc::ParseOptionalName(req->post(), "posts", "post", v);
    const std::string unit_id = rpc::ParseOptionalName(req->unit(), "units", "unit", v);
    if (req->include_subtree() && unit_id.empty()) v.Add("include_subtree", "needs a unit");
    if (req->kind() != 0) {
      if (!ValidAssignmentKind(req->kind())) v.Add("kind", absl::StrCat("unknown value ", req->kind()));
      q.kind = static_cast<AssignmentKind>(req->kind());
    }
    std::optional<absl::CivilDay> as_of = rpc::FromDate(req->as_of(), "as_of", v);
    if (!req->all_dates()) q.day = as_of.value_or(kit_.clock().Today());
    const std::string filters = absl::StrCat(
        "staff=", req->staff(), "|post=", req->post(), "|unit=", req->unit(),
        "|sub=", req->include_subtree(), "|kind=", req->kind(), "|all=", req->all_dates(),
        "|as_of=", req->as_of().SerializeAsString());
    q.after_id = rpc::PageAfter(req->page_token(), filters, v);
    ASSIGN_OR_RETURN(CallerScope scope, scopes_.For(caller));
    // A person may always list their own assignments.
    if (!scope.reads_all && !IsSelf(caller, q.staff_id)) q.visible_path = scope.unit_path;
    q.limit = page_size + 1;
    return reader([&](sql::Connection& conn) -> absl::Status {
      RETURN_IF_ERROR(NarrowToUnit(conn, scope, unit_id, req->include_subtree(), q));
      ASSIGN_OR_RETURN(std::vector<Assignment> rows, store::ListAssignments(conn, q));
      const bool more = rpc::TrimToPage(rows, page_size);
      const absl::CivilDay today = kit_.clock().Today();
      for (const auto& a : rows) *resp->add_assignments() = ToProto(a, today);
      if (more) resp->set_next_page_token(rpc::EncodePageToken(filters, rows.back().id));
      return absl::OkStatus();
    });
  });
}

}  // namespace huinong::org
