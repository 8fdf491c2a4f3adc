// See close_of_business_api.h.
#include "svc-loans/src/api/close_of_business_api.h"

#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/request_checks.h"
#include "common/rpc/validate.h"
#include "svc-loans/src/api/close_of_business_mapping.h"
#include "svc-loans/src/app/access.h"

namespace huinong::loans {
namespace {

constexpr char kRunCapability[] = "loans.cob.run";

}  // namespace

absl::Status CloseOfBusinessApi::RequireCounty(const std::string& county_id) {
  ASSIGN_OR_RETURN(const UnitLineage place, org_.Lineage(county_id));
  if (place.unit().level != type::v1::LEVEL_COUNTY) {
    return rpc::InvalidField("county", absl::StrCat("units/", county_id, " is not a COUNTY unit"));
  }
  return absl::OkStatus();
}

absl::Status CloseOfBusinessApi::RequireCountyReader(const auth::Principal& caller, const std::string& county_id) {
  if (ReadsAll(caller)) return absl::OkStatus();
  const absl::CivilDay today = kit_.clock().Today();
  const absl::Status reviewer = RequireCapability(org_, caller, "loans.review.county", county_id, today);
  if (reviewer.ok() || reviewer.code() != absl::StatusCode::kPermissionDenied) return reviewer;
  return RequireCapability(org_, caller, kRunCapability, county_id, today);
}

grpc::Status CloseOfBusinessApi::RunCloseOfBusiness(grpc::ServerContext* ctx,
                                                    const v1::RunCloseOfBusinessRequest* req,
                                                    v1::CloseOfBusinessStatus* resp) {
  return kit_.Mutate(*ctx, *req, resp, "RunCloseOfBusiness",
                     [&](const auth::Principal& caller) -> server::Prepared<v1::CloseOfBusinessStatus> {
    rpc::Violations v;
    const std::string county = rpc::ParseName(req->county(), "units", "county", v);
    if (!req->has_through()) v.Add("through", "required: the last business date to close");
    const std::optional<absl::CivilDay> through = rpc::FromDate(req->through(), "through", v);
    RETURN_IF_ERROR(v.ToStatus());
    rpc::Violations id;
    rpc::CheckRequestId(req->request_id(), id);
    const auto answer = [this, county](std::optional<CobRun> run) -> server::Change<v1::CloseOfBusinessStatus> {
      return [=, this](server::Mutation& m) -> absl::StatusOr<v1::CloseOfBusinessStatus> {
        ASSIGN_OR_RETURN(const std::optional<store::CobProgress> progress, store::LoadProgress(m.tx(), county, false));
        v1::CloseOfBusinessStatus status = StatusProto(county, progress, m.today());
        if (run) AddRun(*run, status);
        RETURN_IF_ERROR(m.Record({"close_of_business", status.county(), status.county(), nullptr, &status}));
        return status;
      };
    };
    if (!id.empty()) return answer(std::nullopt);  // the kit refuses the request id; nothing runs
    RETURN_IF_ERROR(RequireCounty(county));
    RETURN_IF_ERROR(RequireCountyAuthority(org_, caller, kRunCapability, county, kit_.clock().Today()));
    ASSIGN_OR_RETURN(const CobRun run, loans_->cob->RunThrough(county, *through, "through"));
    return answer(run);
  });
}

grpc::Status CloseOfBusinessApi::GetCloseOfBusinessStatus(grpc::ServerContext* ctx,
                                                          const v1::GetCloseOfBusinessStatusRequest* req,
                                                          v1::CloseOfBusinessStatus* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const std::string county = rpc::ParseName(req->county(), "units", "county", v);
    RETURN_IF_ERROR(v.ToStatus());
    RETURN_IF_ERROR(RequireCounty(county));
    RETURN_IF_ERROR(RequireCountyReader(caller, county));
    return reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(const std::optional<store::CobProgress> progress, store::LoadProgress(conn, county, false));
      *resp = StatusProto(county, progress, kit_.clock().Today());
      return absl::OkStatus();
    });
  });
}

grpc::Status CloseOfBusinessApi::ListMaturityReminders(grpc::ServerContext* ctx,
                                                       const v1::ListMaturityRemindersRequest* req,
                                                       v1::ListMaturityRemindersResponse* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    store::ReminderQuery q;
    q.county_id = rpc::ParseName(req->county(), "units", "county", v);
    const int page_size = rpc::PageSize(req->page_size(), v);
    if (req->remind_between().has_start()) {
      q.from = rpc::FromDate(req->remind_between().start(), "remind_between.start", v);
    }
    if (req->remind_between().has_end()) q.to = rpc::FromDate(req->remind_between().end(), "remind_between.end", v);
    const std::string filters = absl::StrCat(req->county(), "|", req->remind_between().SerializeAsString());
    q.after = rpc::PageAfter(req->page_token(), filters, v);
    q.limit = page_size + 1;
    RETURN_IF_ERROR(v.ToStatus());
    RETURN_IF_ERROR(RequireCounty(q.county_id));
    RETURN_IF_ERROR(RequireCountyReader(caller, q.county_id));
    std::vector<MaturityReminder> rows;
    RETURN_IF_ERROR(reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(rows, store::ListReminders(conn, q));
      return absl::OkStatus();
    }));
    resp->set_next_page_token(rpc::NextPageToken(rows, page_size, filters, store::ReminderKey));
    for (const MaturityReminder& r : rows) *resp->add_reminders() = ReminderProto(r);
    return absl::OkStatus();
  });
}

}  // namespace huinong::loans
