// The staffing-standard registry's handlers: create, get, update, list (see
// staffing_api.h for the contract). The calculator's handlers are in
// staffing_calculator_api.cc.
#include "svc-org/src/api/staffing_api.h"

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/core/ids.h"
#include "common/core/status_macros.h"
#include "common/db/request_log.h"
#include "common/outbox/event_builder.h"
#include "common/outbox/outbox.h"
#include "common/rpc/page_token.h"
#include "common/rpc/validate.h"
#include "common/server/handle.h"
#include "svc-org/src/api/staffing_mapping.h"
#include "svc-org/src/api/unit_events.h"
#include "svc-org/src/domain/staffing_standard.h"
#include "svc-org/src/store/standard_store.h"

namespace huinong::org {
namespace {

constexpr size_t kMaxTitleFilter = 200;

absl::Status MayChangeStandards(const auth::Principal& caller) {
  if (caller.IsAdmin() || caller.HasRole("org.admin") || caller.HasRole("hr")) return absl::OkStatus();
  return rpc::PermissionDenied("changing staffing standards needs the admin, org.admin or hr role");
}

// One audit event per change, in the change's transaction. A standard
// belongs to no unit: it is the organisation's rule, not a unit's record.
absl::Status RecordStandardEvent(sql::Connection& conn, const auth::Principal& caller,
                                 absl::string_view method, const std::string& request_id,
                                 const v1::StaffingStandard* before, const v1::StaffingStandard& after) {
  outbox::Change change;
  change.service = kServiceName;
  change.actor = caller;
  change.action = absl::StrCat("org.", method);
  change.resource_type = "staffing_standard";
  change.resource_id = after.name();
  change.request_id = request_id;
  change.before = before;
  change.after = &after;
  ASSIGN_OR_RETURN(huinong::audit::v1::Event event, outbox::BuildEvent(change, absl::Now()));
  return outbox::Record(conn, event);
}

}  // namespace

StaffingApi::StaffingApi(db::DbPool& pool, const server::CallGate& gate) : pool_(pool), gate_(gate) {}

grpc::Status StaffingApi::CreateStaffingStandard(grpc::ServerContext* ctx,
                                                 const v1::CreateStaffingStandardRequest* req,
                                                 v1::StaffingStandard* resp) {
  return server::Handle(gate_, *ctx, [&](const auth::Principal& caller) -> absl::Status {
    rpc::Violations v;
    rpc::CheckRequestId(req->request_id(), v);
    if (!req->has_standard()) v.Add("standard", "required");
    CheckStandardFields(req->standard(), "standard", v);
    CheckStatusAndDate(req->standard(), /*status_required=*/false, v);
    const int status = req->standard().status();
    if (status == v1::STAFFING_STANDARD_STATUS_RETIRED) {
      v.Add("standard.status", "a new standard is DRAFT or ACTIVE");
    }
    RETURN_IF_ERROR(v.ToStatus());
    RETURN_IF_ERROR(MayChangeStandards(caller));

    return db::ChangeOnce(
        pool_, "CreateStaffingStandard", caller.subject, *req, resp,
        [&](sql::Connection& conn) -> absl::StatusOr<v1::StaffingStandard> {
          store::StandardRecord r;
          r.id = NewUlid();
          r.version = 1;
          r.revision = 1;
          r.body = SettableFields(req->standard());
          if (status == 0) r.body.set_status(v1::STAFFING_STANDARD_STATUS_DRAFT);
          r.create_time = r.update_time = absl::Now();
          RETURN_IF_ERROR(store::InsertStandard(conn, r));
          v1::StaffingStandard out = ToProto(r);
          RETURN_IF_ERROR(
              RecordStandardEvent(conn, caller, "CreateStaffingStandard", req->request_id(), nullptr, out));
          return out;
        });
  });
}

grpc::Status StaffingApi::GetStaffingStandard(grpc::ServerContext* ctx,
                                              const v1::GetStaffingStandardRequest* req,
                                              v1::StaffingStandard* resp) {
  return server::Handle(gate_, *ctx, [&](const auth::Principal&) -> absl::Status {
    rpc::Violations v;
    const std::string id = rpc::ParseName(req->name(), kStandardCollection, "name", v);
    if (req->version() < 0) v.Add("version", "must not be negative");
    RETURN_IF_ERROR(v.ToStatus());
    return pool_.Read([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(store::StandardRecord r, store::GetStandardOrNotFound(conn, id, req->version(), false));
      *resp = ToProto(r);
      return absl::OkStatus();
    });
  });
}

grpc::Status StaffingApi::UpdateStaffingStandard(grpc::ServerContext* ctx,
                                                 const v1::UpdateStaffingStandardRequest* req,
                                                 v1::StaffingStandard* resp) {
  return server::Handle(gate_, *ctx, [&](const auth::Principal& caller) -> absl::Status {
    rpc::Violations v;
    rpc::CheckRequestId(req->request_id(), v);
    const std::string id = rpc::ParseName(req->standard().name(), kStandardCollection, "standard.name", v);
    if (req->standard().etag().empty()) v.Add("standard.etag", "required");
    const std::set<std::string> paths = UpdatePaths(req->update_mask(), v);
    v1::StaffingStandard changes;  // the masked fields, checked before any read
    ApplyUpdate(req->standard(), paths, changes, v);
    RETURN_IF_ERROR(v.ToStatus());
    RETURN_IF_ERROR(MayChangeStandards(caller));

    return db::ChangeOnce(
        pool_, "UpdateStaffingStandard", caller.subject, *req, resp,
        [&](sql::Connection& conn) -> absl::StatusOr<v1::StaffingStandard> {
          ASSIGN_OR_RETURN(store::StandardRecord r, store::GetStandardOrNotFound(conn, id, 0, /*for_update=*/true));
          if (req->standard().etag() != StandardEtag(r)) {
            return rpc::Aborted("STALE_ETAG", absl::StrCat(StandardName(id),
                                                           " was changed by someone else; read it again"));
          }
          const v1::StaffingStandard before = ToProto(r);
          const auto from = static_cast<StandardStatus>(r.body.status());
          rpc::Violations unused;
          ApplyUpdate(req->standard(), paths, r.body, unused);
          RETURN_IF_ERROR(CheckTransition(from, static_cast<StandardStatus>(r.body.status())));
          r.update_time = absl::Now();
          if (EditsInPlace(from)) {
            r.revision += 1;
            RETURN_IF_ERROR(store::UpdateVersion(conn, r));
          } else {
            r.version += 1;
            r.revision = 1;
            RETURN_IF_ERROR(store::InsertVersion(conn, r));
          }
          v1::StaffingStandard out = ToProto(r);
          RETURN_IF_ERROR(
              RecordStandardEvent(conn, caller, "UpdateStaffingStandard", req->request_id(), &before, out));
          return out;
        });
  });
}

grpc::Status StaffingApi::ListStaffingStandards(grpc::ServerContext* ctx,
                                                const v1::ListStaffingStandardsRequest* req,
                                                v1::ListStaffingStandardsResponse* resp) {
  return server::Handle(gate_, *ctx, [&](const auth::Principal&) -> absl::Status {
    rpc::Violations v;
    const int page_size = rpc::PageSize(req->page_size(), v);
    store::StandardFilter filter;
    if (req->status() != 0 && !v1::StaffingStandardStatus_IsValid(req->status())) {
      v.Add("status", absl::StrCat("unknown value ", req->status()));
    }
    filter.status = req->status();
    if (!req->title_contains().empty()) {
      rpc::CheckText(req->title_contains(), "title_contains", 1, kMaxTitleFilter, v);
    }
    filter.title_contains = req->title_contains();
    const std::string filters =
        absl::StrCat("status=", req->status(), "|title=", req->title_contains());
    auto after = rpc::DecodePageToken(req->page_token(), filters);
    if (!after.ok()) {
      for (const auto& fv : rpc::FieldViolationsOf(after.status())) v.Add(fv.field, fv.description);
    }
    RETURN_IF_ERROR(v.ToStatus());
    return pool_.Read([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(std::vector<store::StandardRecord> rows,
                       store::ListStandards(conn, filter, *after, page_size + 1));
      const bool more = static_cast<int>(rows.size()) > page_size;
      if (more) rows.pop_back();
      for (const auto& r : rows) *resp->add_standards() = ToProto(r);
      if (more) resp->set_next_page_token(rpc::EncodePageToken(filters, rows.back().id));
      return absl::OkStatus();
    });
  });
}

}  // namespace huinong::org
