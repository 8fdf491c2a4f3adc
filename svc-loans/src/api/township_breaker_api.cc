// See township_breaker_api.h.
#include "svc-loans/src/api/township_breaker_api.h"

#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "common/rpc/request_checks.h"
#include "common/rpc/validate.h"
#include "svc-loans/src/app/access.h"
#include "svc-loans/src/store/township_store.h"

namespace huinong::loans {
namespace {

std::string TownshipOf(const std::string& name, rpc::Violations& v) {
  return rpc::ParseName(name, "units", "name", v);
}

void RequireEtag(const std::string& etag, rpc::Violations& v) {
  if (etag.empty()) v.Add("etag", "required: the etag of the township's status as last read");
}

}  // namespace

absl::StatusOr<v1::TownshipStatus> TownshipBreakerApi::Answer(server::Mutation& m, const BreakerChange& c) const {
  if (c.state_changed) RETURN_IF_ERROR(RecordBreakerChange(m, c));
  return ToProto(c.after);
}

template <class Request, class Content, class Step>
grpc::Status TownshipBreakerApi::TakeStep(grpc::ServerContext* ctx, const Request& req, v1::TownshipStatus* resp,
                                          absl::string_view method, Content&& content, Step&& step) {
  return kit_.Mutate(*ctx, req, resp, method, [&](const auth::Principal&) -> server::Prepared<v1::TownshipStatus> {
    rpc::Violations v;
    const std::string township = TownshipOf(req.name(), v);
    RequireEtag(req.etag(), v);
    auto record = content(v);
    RETURN_IF_ERROR(v.ToStatus());
    return [=, this, etag = req.etag()](server::Mutation& m) -> absl::StatusOr<v1::TownshipStatus> {
      ASSIGN_OR_RETURN(BreakerChange change, step(m, township, etag, record));
      return Answer(m, change);
    };
  });
}

grpc::Status TownshipBreakerApi::GetTownshipStatus(grpc::ServerContext* ctx, const v1::GetTownshipStatusRequest* req,
                                                   v1::TownshipStatus* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const std::string township = TownshipOf(req->name(), v);
    RETURN_IF_ERROR(v.ToStatus());
    RETURN_IF_ERROR(RequireReadable(org_, caller, township));
    return reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(const TownshipBreakerRecord r, CurrentBreaker(conn, org_, township));
      *resp = ToProto(r);
      return absl::OkStatus();
    });
  });
}

grpc::Status TownshipBreakerApi::ListTownshipStatuses(grpc::ServerContext* ctx,
                                                      const v1::ListTownshipStatusesRequest* req,
                                                      v1::ListTownshipStatusesResponse* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const int page_size = rpc::PageSize(req->page_size(), v);
    store::BreakerFilter f;
    f.county_id = rpc::ParseOptionalName(req->county(), "units", "county", v);
    if (!v1::TownshipLendingState_IsValid(req->state())) v.Add("state", "not a township lending state");
    if (req->state() != v1::TOWNSHIP_LENDING_STATE_UNSPECIFIED) f.state = static_cast<BreakerState>(req->state());
    const std::string filters = absl::StrCat(req->county(), "|", req->state());
    const std::string after = rpc::PageAfter(req->page_token(), filters, v);
    RETURN_IF_ERROR(v.ToStatus());

    // The caller's place narrows the request: a township its own, a county
    // its townships; anyone else with a place (a village) or none (a
    // partner's staff) sees none.
    ASSIGN_OR_RETURN(const PlaceScope scope, PlaceScopeOf(org_, caller));
    if (!scope.all) {
      if (!scope.place) return absl::OkStatus();
      if (scope.place->level == type::v1::LEVEL_TOWNSHIP) {
        f.township_id = scope.place->id;
      } else if (scope.place->level == type::v1::LEVEL_COUNTY) {
        if (!f.county_id.empty() && f.county_id != scope.place->id) return absl::OkStatus();
        f.county_id = scope.place->id;
      } else {
        return absl::OkStatus();
      }
    }
    std::vector<TownshipBreakerRecord> rows;
    RETURN_IF_ERROR(reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(rows, store::ListTownshipBreakers(conn, f, after, page_size + 1));
      return absl::OkStatus();
    }));
    resp->set_next_page_token(
        rpc::NextPageToken(rows, page_size, filters, [](const TownshipBreakerRecord& r) { return r.township_id; }));
    for (const TownshipBreakerRecord& r : rows) *resp->add_statuses() = ToProto(r);
    return absl::OkStatus();
  });
}

grpc::Status TownshipBreakerApi::MeasureTownship(grpc::ServerContext* ctx, const v1::MeasureTownshipRequest* req,
                                                 v1::TownshipStatus* resp) {
  return kit_.Mutate(*ctx, *req, resp, "MeasureTownship",
                     [&](const auth::Principal&) -> server::Prepared<v1::TownshipStatus> {
    rpc::Violations v;
    const std::string township = TownshipOf(req->name(), v);
    RETURN_IF_ERROR(v.ToStatus());
    return [=, this](server::Mutation& m) -> absl::StatusOr<v1::TownshipStatus> {
      ASSIGN_OR_RETURN(const std::string county_id, TownshipCounty(org_, township));
      RETURN_IF_ERROR(RequireCapability(org_, m.caller(), "loans.breaker.approve", county_id, m.today()));
      // The trip's audit event is recorded inside MeasureTownship.
      ASSIGN_OR_RETURN(BreakerChange change, loans::MeasureTownship(m, township, RecordBreakerChange));
      if (change.after.county_id.empty()) change.after.county_id = county_id;
      return ToProto(change.after);
    };
  });
}

grpc::Status TownshipBreakerApi::FileRectificationPlan(grpc::ServerContext* ctx,
                                                       const v1::FileRectificationPlanRequest* req,
                                                       v1::TownshipStatus* resp) {
  const absl::CivilDay today = kit_.clock().Today();
  return TakeStep(ctx, *req, resp, "FileRectificationPlan",
                  [&](rpc::Violations& v) {
                    if (!req->has_plan()) v.Add("plan", "required");
                    return PlanFromProto(req->plan(), "plan", today, v);
                  },
                  [this](server::Mutation& m, const std::string& township, const std::string& etag,
                         const RectificationPlan& plan) {
                    return loans::FileRectificationPlan(m, org_, township, etag, plan);
                  });
}

grpc::Status TownshipBreakerApi::ApproveRectification(grpc::ServerContext* ctx,
                                                      const v1::ApproveRectificationRequest* req,
                                                      v1::TownshipStatus* resp) {
  return TakeStep(ctx, *req, resp, "ApproveRectification",
                  [&](rpc::Violations& v) {
                    rpc::CheckText(req->comment(), "comment", 0, 2000, v);
                    return req->comment();
                  },
                  [this](server::Mutation& m, const std::string& township, const std::string& etag,
                         const std::string& comment) {
                    return loans::ApproveRectification(m, org_, township, etag, comment);
                  });
}

grpc::Status TownshipBreakerApi::RejectRectification(grpc::ServerContext* ctx,
                                                     const v1::RejectRectificationRequest* req,
                                                     v1::TownshipStatus* resp) {
  return TakeStep(ctx, *req, resp, "RejectRectification",
                  [&](rpc::Violations& v) {
                    rpc::CheckText(req->reason(), "reason", 1, 2000, v);
                    return req->reason();
                  },
                  [this](server::Mutation& m, const std::string& township, const std::string& etag,
                         const std::string& reason) {
                    return loans::RejectRectification(m, org_, township, etag, reason);
                  });
}

}  // namespace huinong::loans
