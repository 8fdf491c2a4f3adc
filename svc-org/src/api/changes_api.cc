// The change requests' handlers (see changes.proto and changes_api.h).
#include "svc-org/src/api/changes_api.h"

#include <memory>

#include <cppconn/connection.h>
#include <cppconn/statement.h>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/core/ids.h"
#include "common/core/status_macros.h"
#include "common/db/savepoint.h"
#include "common/rpc/page_token.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/validate.h"
#include "common/server/handle.h"
#include "svc-org/src/app/access.h"
#include "svc-org/src/app/change_gate.h"
#include "svc-org/src/app/change_items.h"
#include "svc-org/src/api/chain_mapping.h"
#include "svc-org/src/api/change_mapping.h"
#include "svc-org/src/api/request_checks.h"
#include "svc-org/src/api/unit_mapping.h"
#include "svc-org/src/domain/capability.h"
#include "svc-org/src/domain/change_request.h"
#include "svc-org/src/domain/post.h"
#include "svc-org/src/store/capability_store.h"
#include "svc-org/src/store/change_store.h"

namespace huinong::org {
namespace {

// The organisation scope a request acts in: its root's subtree, as org.admin.
CallerScope OrganisationScope(const Unit& root) {
  CallerScope scope;
  scope.may_change = true;
  scope.unit_path = root.path;
  return scope;
}

absl::Status CheckMayDraft(const auth::Principal& caller, const CallerScope& scope, const Unit& root) {
  if (MayDraft(caller.IsAdmin(), caller.HasRole("org.admin") || caller.HasRole("hr"), scope.unit_path,
               root.path)) {
    return absl::OkStatus();
  }
  return rpc::PermissionDenied(absl::StrCat("the caller may not draft changes for ", UnitName(root.id)));
}

absl::Status IsDrafterOrAdmin(const auth::Principal& caller, const ChangeRequest& r) {
  if (caller.IsAdmin() || caller.subject == r.drafted_by) return absl::OkStatus();
  return rpc::PermissionDenied("only the drafter or an admin may do this");
}

std::string StaffIdOf(const std::string& subject) {
  return absl::StartsWith(subject, "staff/") ? subject.substr(6) : subject;
}

// Whether the caller may decide `step` today: admin, or a person holding its
// capability for its unit.
absl::StatusOr<bool> HoldsStep(sql::Connection& conn, const auth::Principal& caller,
                               const ApprovalStep& step, absl::CivilDay today) {
  if (caller.IsAdmin()) return true;
  ASSIGN_OR_RETURN(std::optional<StaffGrants> grants, store::LoadStaffGrants(conn, StaffIdOf(caller.subject)));
  if (!grants) return false;
  ASSIGN_OR_RETURN(Unit at, LoadUnit(conn, step.at_unit_id));
  return CheckCapability(*grants, step.capability, at.path, today).allowed;
}

// Runs the items against the structure and undoes them: the request's
// conflicts surface at submit, not at the last approval.
absl::Status DryRun(const WriteBy& by, const std::string& chain_id, ChangeRequest request,
                    const WriteDay& when) {
  db::Savepoint dry_run(by.change.tx(), "change_dry_run");
  const absl::Status applied = ApplyItems(by, chain_id, request, when);
  // A deadlock has already ended the transaction and its savepoint: pass it
  // on for the pool to run the whole change again.
  if (db::IsRetryable(applied)) return applied;
  dry_run.RollBack();
  return applied;
}

// The approval chain that governs the organisation rooted at `root`: the
// nearest up the tree.
absl::StatusOr<ApprovalChain> ChainFor(sql::Connection& conn, const Unit& root) {
  ASSIGN_OR_RETURN(std::optional<ApprovalChain> chain, store::NearestChain(conn, PathIds(root.path)));
  if (!chain) {
    return rpc::FailedPrecondition("NO_APPROVAL_CHAIN",
                                   absl::StrCat("no approval chain applies to ", UnitName(root.id)));
  }
  return *std::move(chain);
}

absl::StatusOr<ChangeRequest> LoadChange(sql::Connection& conn, const std::string& id, bool for_update) {
  ASSIGN_OR_RETURN(std::optional<ChangeRequest> c, store::GetChange(conn, id, for_update));
  if (!c) return rpc::NotFound(ChangeRequestName(id));
  return *std::move(c);
}

// Saves a request's new state with one audit event (the call's method).
absl::StatusOr<v1::ChangeRequest> Save(server::Mutation& m, const ChangeRequest& before, ChangeRequest change) {
  change.version += 1;
  RETURN_IF_ERROR(store::UpdateChange(m.tx(), change, m.now()));
  ASSIGN_OR_RETURN(ChangeRequest saved, LoadChange(m.tx(), change.id, false));
  const v1::ChangeRequest was = ToProto(before), now = ToProto(saved);
  RETURN_IF_ERROR(m.Record({"change_request", now.name(), now.unit(), &was, &now}));
  return now;
}

}  // namespace

ChangesApi::ChangesApi(std::shared_ptr<OrgKit> org) : OrgHandlers(std::move(org)) {}

grpc::Status ChangesApi::CreateChangeRequest(grpc::ServerContext* ctx,
                                             const v1::CreateChangeRequestRequest* req,
                                             v1::ChangeRequest* resp) {
  return kit_.Mutate(*ctx, *req, resp, "CreateChangeRequest",
                     [&](const auth::Principal& caller) -> server::Prepared<v1::ChangeRequest> {
    rpc::Violations v;
    if (!req->has_change_request()) v.Add("change_request", "required");
    const std::string root_id = rpc::ParseName(req->change_request().unit(), "units", "change_request.unit", v);
    ChangeRequest draft;
    ReadChangeRequestFields(req->change_request(), ChangeRequestWritableFields(), draft, v);
    RETURN_IF_ERROR(v.ToStatus());
    ASSIGN_OR_RETURN(CallerScope scope, scopes_.For(caller));

    return [=, this](server::Mutation& m) -> absl::StatusOr<v1::ChangeRequest> {
          sql::Connection& conn = m.tx();
          ASSIGN_OR_RETURN(Unit root, LoadUnit(conn, root_id));
          RETURN_IF_ERROR(CheckMayDraft(caller, scope, root));
          ChangeRequest change = draft;
          change.id = NewUlid();
          change.unit_id = root.id;
          change.drafted_by = caller.subject;
          RETURN_IF_ERROR(store::InsertChange(conn, change, m.now()));
          ASSIGN_OR_RETURN(ChangeRequest saved, LoadChange(conn, change.id, false));
          const v1::ChangeRequest now = ToProto(saved);
          RETURN_IF_ERROR(m.Record({"change_request", now.name(), now.unit(), nullptr, &now}));
          return now;
        };
  });
}

grpc::Status ChangesApi::GetChangeRequest(grpc::ServerContext* ctx, const v1::GetChangeRequestRequest* req,
                                          v1::ChangeRequest* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const std::string id = rpc::ParseName(req->name(), "changeRequests", "name", v);
    ASSIGN_OR_RETURN(CallerScope scope, scopes_.For(caller));
    return reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(ChangeRequest change, LoadChange(conn, id, false));
      ASSIGN_OR_RETURN(Unit root, LoadReadableUnit(conn, scope, change.unit_id));
      *resp = ToProto(change);
      return absl::OkStatus();
    });
  });
}

grpc::Status ChangesApi::UpdateChangeRequest(grpc::ServerContext* ctx,
                                             const v1::UpdateChangeRequestRequest* req,
                                             v1::ChangeRequest* resp) {
  return kit_.Mutate(*ctx, *req, resp, "UpdateChangeRequest",
                     [&](const auth::Principal& caller) -> server::Prepared<v1::ChangeRequest> {
    rpc::Violations v;
    const std::string id = rpc::ParseName(req->change_request().name(), "changeRequests",
                                          "change_request.name", v);
    if (req->change_request().etag().empty()) v.Add("change_request.etag", "required");
    const std::set<std::string> paths = rpc::MaskPaths(req->update_mask(), ChangeRequestWritableFields(), v);
    ChangeRequest incoming;
    ReadChangeRequestFields(req->change_request(), paths, incoming, v);
    RETURN_IF_ERROR(v.ToStatus());
    const std::string etag = req->change_request().etag();

    return [=, this](server::Mutation& m) -> absl::StatusOr<v1::ChangeRequest> {
          sql::Connection& conn = m.tx();
          ASSIGN_OR_RETURN(ChangeRequest change, LoadChange(conn, id, true));
          RETURN_IF_ERROR(IsDrafterOrAdmin(caller, change));
          RETURN_IF_ERROR(rpc::CheckEtag(etag, change.version, ChangeRequestName(change.id)));
          RETURN_IF_ERROR(CheckReadable(change));
          if (change.state != ChangeState::kDraft) {
            return rpc::FailedPrecondition("INVALID_TRANSITION", "only a DRAFT request can be edited");
          }
          const ChangeRequest before = change;
          if (paths.count("title")) change.title = incoming.title;
          if (paths.count("reason")) change.reason = incoming.reason;
          if (paths.count("items")) change.items = incoming.items;
          if (paths.count("effective_date")) change.effective_date = incoming.effective_date;
          if (paths.count("documents")) change.documents = incoming.documents;
          return Save(m, before, std::move(change));
        };
  });
}

grpc::Status ChangesApi::ListChangeRequests(grpc::ServerContext* ctx,
                                            const v1::ListChangeRequestsRequest* req,
                                            v1::ListChangeRequestsResponse* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const int page_size = rpc::PageSize(req->page_size(), v);
    store::ChangeQuery q;
    q.unit_id = rpc::ParseOptionalName(req->unit(), "units", "unit", v);
    if (req->state() != 0) {
      if (!v1::ChangeRequestState_IsValid(req->state())) v.Add("state", "unknown value");
      q.state = req->state();
    }
    if (req->awaiting_me()) q.state = v1::CHANGE_REQUEST_STATE_IN_APPROVAL;
    if (req->has_effective()) {
      if (req->effective().has_start()) q.effective_from = rpc::FromDate(req->effective().start(), "effective.start", v);
      if (req->effective().has_end()) q.effective_to = rpc::FromDate(req->effective().end(), "effective.end", v);
    }
    const std::string filters = absl::StrCat("unit=", req->unit(), "|state=", req->state(),
                                             "|me=", req->awaiting_me(), "|eff=",
                                             req->effective().SerializeAsString());
    q.after_id = rpc::PageAfter(req->page_token(), filters, v);
    ASSIGN_OR_RETURN(CallerScope scope, scopes_.For(caller));
    if (!scope.reads_all) q.visible_path = scope.unit_path;
    q.limit = 200;

    return reader([&](sql::Connection& conn) -> absl::Status {
      if (!q.unit_id.empty()) {
        ASSIGN_OR_RETURN(Unit root, LoadReadableUnit(conn, scope, q.unit_id));
      }
      std::vector<ChangeRequest> picked;
      bool more = false;
      // Scans on until a page is full: awaiting_me filters after reading.
      for (;;) {
        ASSIGN_OR_RETURN(std::vector<ChangeRequest> rows, store::ListChanges(conn, q));
        for (auto& row : rows) {
          if (static_cast<int>(picked.size()) == page_size) {
            more = true;
            break;
          }
          q.after_id = row.id;
          if (req->awaiting_me()) {
            if (row.current_step < 0 || row.current_step >= static_cast<int>(row.steps.size())) continue;
            if (!CheckDecider(caller.subject, row.drafted_by, row.EarlierDeciders()).ok()) continue;
            ASSIGN_OR_RETURN(bool holds, HoldsStep(conn, caller, row.steps[row.current_step], kit_.clock().Today()));
            if (!holds) continue;
          }
          picked.push_back(std::move(row));
        }
        if (more || static_cast<int>(rows.size()) < q.limit) break;
      }
      for (const ChangeRequest& r : picked) *resp->add_change_requests() = ToProto(r);
      if (more) resp->set_next_page_token(rpc::EncodePageToken(filters, picked.back().id));
      return absl::OkStatus();
    });
  });
}

grpc::Status ChangesApi::SubmitChangeRequest(grpc::ServerContext* ctx,
                                             const v1::SubmitChangeRequestRequest* req,
                                             v1::ChangeRequest* resp) {
  return kit_.Mutate(*ctx, *req, resp, "SubmitChangeRequest",
                     [&](const auth::Principal& caller) -> server::Prepared<v1::ChangeRequest> {
    rpc::Violations v;
    const std::string id = rpc::ParseName(req->name(), "changeRequests", "name", v);
    if (req->etag().empty()) v.Add("etag", "required");
    RETURN_IF_ERROR(v.ToStatus());

    return [=, this](server::Mutation& m) -> absl::StatusOr<v1::ChangeRequest> {
          sql::Connection& conn = m.tx();
          ASSIGN_OR_RETURN(ChangeRequest change, LoadChange(conn, id, true));
          RETURN_IF_ERROR(IsDrafterOrAdmin(caller, change));
          RETURN_IF_ERROR(rpc::CheckEtag(req->etag(), change.version, ChangeRequestName(change.id)));
          RETURN_IF_ERROR(CheckReadable(change));
          ASSIGN_OR_RETURN(const absl::CivilDay effective,
                           CheckSubmit(change.state, change.items.size(), change.effective_date, m.today()));
          ASSIGN_OR_RETURN(Unit root, LoadUnit(conn, change.unit_id));
          ASSIGN_OR_RETURN(const ApprovalChain chain, ChainFor(conn, root));
          const CallerScope org = OrganisationScope(root);
          RETURN_IF_ERROR(DryRun({m, m.request_id(), org}, chain.id, change, {effective, m.today(), change.id}));
          ASSIGN_OR_RETURN(const std::vector<StepTemplate> steps,
                           BuildApprovalSteps(chain.steps, change.ItemKinds(), ChainName(chain.id)));
          const ChangeRequest before = change;
          StartApproval(change, steps, m.now());
          return Save(m, before, std::move(change));
        };
  });
}

template <class Request>
grpc::Status ChangesApi::DecideStep(grpc::ServerContext* ctx, const Request* req, v1::ChangeRequest* resp,
                                bool approve, absl::string_view method) {
  return kit_.Mutate(*ctx, *req, resp, method,
                     [&](const auth::Principal& caller) -> server::Prepared<v1::ChangeRequest> {
    rpc::Violations v;
    const std::string id = rpc::ParseName(req->name(), "changeRequests", "name", v);
    if (req->etag().empty()) v.Add("etag", "required");
    rpc::CheckText(req->comment(), "comment", approve ? 0 : 1, 2000, v);
    DocumentRef document;
    if (req->has_document()) document = ReadDocument(req->document(), "document", v);
    RETURN_IF_ERROR(v.ToStatus());

    return [=, this](server::Mutation& m) -> absl::StatusOr<v1::ChangeRequest> {
          sql::Connection& conn = m.tx();
          ASSIGN_OR_RETURN(ChangeRequest change, LoadChange(conn, id, true));
          RETURN_IF_ERROR(rpc::CheckEtag(req->etag(), change.version, ChangeRequestName(change.id)));
          RETURN_IF_ERROR(CheckReadable(change));
          ASSIGN_OR_RETURN(const AfterDecision next,
                           Decide(change.state, change.current_step, change.steps.size(), approve));
          const ApprovalStep& step = change.steps[change.current_step];
          ASSIGN_OR_RETURN(bool holds, HoldsStep(conn, caller, step, m.today()));
          if (!holds) {
            return rpc::WithReason(
                rpc::PermissionDenied(absl::StrCat("deciding \"", step.title, "\" needs ", step.capability,
                                                   " for ", UnitName(step.at_unit_id))),
                "CAPABILITY_MISSING");
          }
          RETURN_IF_ERROR(CheckDecider(caller.subject, change.drafted_by, change.EarlierDeciders()));
          const ChangeRequest before = change;
          if (next.apply_items) {
            RETURN_IF_ERROR(CheckEffectiveDate(*change.effective_date, m.today()));
            ASSIGN_OR_RETURN(Unit root, LoadUnit(conn, change.unit_id));
            ASSIGN_OR_RETURN(const ApprovalChain chain, ChainFor(conn, root));
            RETURN_IF_ERROR(ApplyItems({m, ChangeRequestName(change.id), OrganisationScope(root)}, chain.id, change,
                                       {*change.effective_date, m.today(), change.id}));
            m.AfterCommit([this] { grants_.InvalidateAll(); });  // posts may grant differently
          }
          RecordDecision(change, {caller.subject, approve, req->comment(), document, m.now()}, next);
          return Save(m, before, std::move(change));
        };
  });
}

grpc::Status ChangesApi::ApproveChangeRequest(grpc::ServerContext* ctx,
                                              const v1::ApproveChangeRequestRequest* req,
                                              v1::ChangeRequest* resp) {
  return DecideStep(ctx, req, resp, true, "ApproveChangeRequest");
}

grpc::Status ChangesApi::RejectChangeRequest(grpc::ServerContext* ctx,
                                             const v1::RejectChangeRequestRequest* req,
                                             v1::ChangeRequest* resp) {
  return DecideStep(ctx, req, resp, false, "RejectChangeRequest");
}

grpc::Status ChangesApi::WithdrawChangeRequest(grpc::ServerContext* ctx,
                                               const v1::WithdrawChangeRequestRequest* req,
                                               v1::ChangeRequest* resp) {
  return kit_.Mutate(*ctx, *req, resp, "WithdrawChangeRequest",
                     [&](const auth::Principal& caller) -> server::Prepared<v1::ChangeRequest> {
    rpc::Violations v;
    const std::string id = rpc::ParseName(req->name(), "changeRequests", "name", v);
    if (req->etag().empty()) v.Add("etag", "required");
    rpc::CheckText(req->reason(), "reason", 0, 2000, v);
    RETURN_IF_ERROR(v.ToStatus());
    return [=, this](server::Mutation& m) -> absl::StatusOr<v1::ChangeRequest> {
          sql::Connection& conn = m.tx();
          ASSIGN_OR_RETURN(ChangeRequest change, LoadChange(conn, id, true));
          RETURN_IF_ERROR(IsDrafterOrAdmin(caller, change));
          RETURN_IF_ERROR(rpc::CheckEtag(req->etag(), change.version, ChangeRequestName(change.id)));
          ASSIGN_OR_RETURN(const ChangeState withdrawn, ChangeLifecycle().Next(change.state, ChangeEvent::kWithdraw));
          const ChangeRequest before = change;
          change.state = withdrawn;
          change.current_step = -1;
          return Save(m, before, std::move(change));
        };
  });
}

}  // namespace huinong::org
