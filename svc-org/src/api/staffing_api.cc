// The staffing-standard registry's handlers: create, get, update, list (see
// staffing_api.h for the contract). The calculator's handlers are in
// staffing_calculator_api.cc.
#include "svc-org/src/api/staffing_api.h"

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/core/ids.h"
#include "common/core/status_macros.h"
#include "common/rpc/request_checks.h"
#include "common/rpc/validate.h"
#include "common/server/handle.h"
#include "svc-org/src/api/staffing_mapping.h"
#include "svc-org/src/api/staffing_rule_mapping.h"
#include "svc-org/src/domain/staffing_standard.h"
#include "svc-org/src/store/standard_store.h"

namespace huinong::org {
namespace {

constexpr size_t kMaxTitleFilter = 200;

absl::Status MayChangeStandards(const auth::Principal& caller) {
  if (caller.IsAdmin() || caller.HasRole("org.admin") || caller.HasRole("hr")) return absl::OkStatus();
  return rpc::PermissionDenied("changing staffing standards needs the admin, org.admin or hr role");
}

// A standard belongs to no unit: it is the organisation's rule, not a unit's record.
server::AuditEntry StandardEntry(const v1::StaffingStandard* before, const v1::StaffingStandard& after) {
  return {"staffing_standard", after.name(), "", before, &after};
}

}  // namespace

StaffingApi::StaffingApi(std::shared_ptr<OrgKit> org) : OrgHandlers(std::move(org)) {}

grpc::Status StaffingApi::CreateStaffingStandard(grpc::ServerContext* ctx,
                                                 const v1::CreateStaffingStandardRequest* req,
                                                 v1::StaffingStandard* resp) {
  return kit_.Mutate(*ctx, *req, resp, "CreateStaffingStandard",
                     [&](const auth::Principal& caller) -> server::Prepared<v1::StaffingStandard> {
    rpc::Violations v;
    if (!req->has_standard()) v.Add("standard", "required");
    const StaffingStandard fields = FromProto(req->standard());
    CheckStandardFields(fields, "standard", v);
    CheckStatusAndDate(req->standard(), /*status_required=*/false, v);
    const int status = req->standard().status();
    if (status == v1::STAFFING_STANDARD_STATUS_RETIRED) {
      v.Add("standard.status", "a new standard is DRAFT or ACTIVE");
    }
    RETURN_IF_ERROR(v.ToStatus());
    RETURN_IF_ERROR(MayChangeStandards(caller));

    return [=, this](server::Mutation& m) -> absl::StatusOr<v1::StaffingStandard> {
          sql::Connection& conn = m.tx();
          store::StandardRecord r;
          r.id = NewUlid();
          r.version = 1;
          r.revision = 1;
          r.body = fields;
          if (status == 0) r.body.status = StandardStatus::kDraft;
          r.create_time = r.update_time = m.now();
          RETURN_IF_ERROR(store::InsertStandard(conn, r));
          v1::StaffingStandard out = ToProto(r);
          RETURN_IF_ERROR(m.Record(StandardEntry(nullptr, out)));
          return out;
        };
  });
}

grpc::Status StaffingApi::GetStaffingStandard(grpc::ServerContext* ctx,
                                              const v1::GetStaffingStandardRequest* req,
                                              v1::StaffingStandard* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal&, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const std::string id = rpc::ParseName(req->name(), kStandardCollection, "name", v);
    if (req->version() < 0) v.Add("version", "must not be negative");
    return reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(store::StandardRecord r, store::GetStandardOrNotFound(conn, id, req->version(), false));
      *resp = ToProto(r);
      return absl::OkStatus();
    });
  });
}

grpc::Status StaffingApi::UpdateStaffingStandard(grpc::ServerContext* ctx,
                                                 const v1::UpdateStaffingStandardRequest* req,
                                                 v1::StaffingStandard* resp) {
  return kit_.Mutate(*ctx, *req, resp, "UpdateStaffingStandard",
                     [&](const auth::Principal& caller) -> server::Prepared<v1::StaffingStandard> {
    rpc::Violations v;
    const std::string id = rpc::ParseName(req->standard().name(), kStandardCollection, "standard.name", v);
    if (req->standard().etag().empty()) v.Add("standard.etag", "required");
    const std::set<std::string> paths = UpdatePaths(req->update_mask(), v);
    StaffingStandard changes;  // the masked fields, checked before any read
    ApplyUpdate(req->standard(), paths, changes, v);
    RETURN_IF_ERROR(v.ToStatus());
    RETURN_IF_ERROR(MayChangeStandards(caller));

    return [=, this](server::Mutation& m) -> absl::StatusOr<v1::StaffingStandard> {
          sql::Connection& conn = m.tx();
          ASSIGN_OR_RETURN(store::StandardRecord r, store::GetStandardOrNotFound(conn, id, 0, /*for_update=*/true));
          if (req->standard().etag() != StandardEtag(r)) {
            return rpc::Aborted("STALE_ETAG", absl::StrCat(StandardName(id),
                                                           " was changed by someone else; read it again"));
          }
          const v1::StaffingStandard before = ToProto(r);
          const StandardStatus from = r.body.status;
          rpc::Violations unused;
          ApplyUpdate(req->standard(), paths, r.body, unused);
          RETURN_IF_ERROR(CheckTransition(from, r.body.status));
          r.update_time = m.now();
          if (EditsInPlace(from)) {
            r.revision += 1;
            RETURN_IF_ERROR(store::UpdateVersion(conn, r));
          } else {
            r.version += 1;
            r.revision = 1;
            RETURN_IF_ERROR(store::InsertVersion(conn, r));
          }
          v1::StaffingStandard out = ToProto(r);
          RETURN_IF_ERROR(m.Record(StandardEntry(&before, out)));
          return out;
        };
  });
}

grpc::Status StaffingApi::ListStaffingStandards(grpc::ServerContext* ctx,
                                                const v1::ListStaffingStandardsRequest* req,
                                                v1::ListStaffingStandardsResponse* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal&, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const int page_size = rpc::PageSize(req->page_size(), v);
    store::StandardFilter filter;
    if (req->status() != 0 && !v1::StaffingStandardStatus_IsValid(req->status())) {
      v.Add("status", absl::StrCat("unknown value ", req->status()));
    }
    if (req->status() != 0) filter.status = static_cast<StandardStatus>(req->status());
    if (!req->title_contains().empty()) {
      rpc::CheckText(req->title_contains(), "title_contains", 1, kMaxTitleFilter, v);
    }
    filter.title_contains = req->title_contains();
    const std::string filters =
        absl::StrCat("status=", req->status(), "|title=", req->title_contains());
    const std::string after = rpc::PageAfter(req->page_token(), filters, v);
    return reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(std::vector<store::StandardRecord> rows,
                       store::ListStandards(conn, filter, after, page_size + 1));
      resp->set_next_page_token(rpc::NextPageToken(
          rows, page_size, filters, [](const store::StandardRecord& r) { return r.id; }));
      for (const auto& r : rows) *resp->add_standards() = ToProto(r);
      return absl::OkStatus();
    });
  });
}

}  // namespace huinong::org
