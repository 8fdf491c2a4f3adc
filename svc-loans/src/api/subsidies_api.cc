// See subsidies_api.h.
#include "svc-loans/src/api/subsidies_api.h"

#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/request_checks.h"
#include "common/rpc/shared_types.h"
#include "common/rpc/validate.h"
#include "svc-loans/src/api/enum_mapping.h"
#include "svc-loans/src/app/access.h"
#include "svc-loans/src/store/subsidy_store.h"

namespace huinong::loans {
namespace {

std::string ClaimOf(const std::string& name, rpc::Violations& v) {
  return rpc::ParseName(name, "subsidyClaims", "name", v);
}

absl::StatusOr<v1::SubsidyClaim> Answer(server::Mutation& m, const SubsidyChange& change) {
  RETURN_IF_ERROR(RecordSubsidyChange(m, change));
  return ToProto(change.after);
}

}  // namespace

template <class Request, class Content, class Step>
grpc::Status SubsidiesApi::TakeStep(grpc::ServerContext* ctx, const Request& req, v1::SubsidyClaim* resp,
                                    absl::string_view method, Content&& content, Step&& step) {
  return kit_.Mutate(*ctx, req, resp, method, [&](const auth::Principal&) -> server::Prepared<v1::SubsidyClaim> {
    rpc::Violations v;
    const SubsidyStepOrder order{ClaimOf(req.name(), v), req.etag()};
    auto record = content(v);
    RETURN_IF_ERROR(v.ToStatus());
    return [=, this](server::Mutation& m) -> absl::StatusOr<v1::SubsidyClaim> {
      ASSIGN_OR_RETURN(const SubsidyChange change, step(m, order, record));
      return Answer(m, change);
    };
  });
}

grpc::Status SubsidiesApi::ApplyForSubsidy(grpc::ServerContext* ctx, const v1::ApplyForSubsidyRequest* req,
                                           v1::SubsidyClaim* resp) {
  return kit_.Mutate(*ctx, *req, resp, "ApplyForSubsidy",
                     [&](const auth::Principal&) -> server::Prepared<v1::SubsidyClaim> {
    rpc::Violations v;
    if (!req->has_claim()) v.Add("claim", "required");
    SubsidyApplication application = ApplicationFromProto(req->claim(), v);
    RETURN_IF_ERROR(v.ToStatus());
    return [=, this](server::Mutation& m) -> absl::StatusOr<v1::SubsidyClaim> {
      ASSIGN_OR_RETURN(const SubsidyChange change, loans::ApplyForSubsidy(m, org_, application));
      return Answer(m, change);
    };
  });
}

grpc::Status SubsidiesApi::GetSubsidyClaim(grpc::ServerContext* ctx, const v1::GetSubsidyClaimRequest* req,
                                           v1::SubsidyClaim* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const std::string id = ClaimOf(req->name(), v);
    std::optional<SubsidyClaimRecord> found;
    RETURN_IF_ERROR(reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(found, store::GetSubsidyClaim(conn, id));
      return absl::OkStatus();
    }));
    if (!found) return rpc::NotFound(SubsidyClaimName(id));
    RETURN_IF_ERROR(RequireReadable(org_, caller, found->unit_id));
    *resp = ToProto(*found);
    return absl::OkStatus();
  });
}

grpc::Status SubsidiesApi::ListSubsidyClaims(grpc::ServerContext* ctx, const v1::ListSubsidyClaimsRequest* req,
                                             v1::ListSubsidyClaimsResponse* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const int page_size = rpc::PageSize(req->page_size(), v);
    store::SubsidyClaimQuery q;
    if (req->state() != v1::SUBSIDY_CLAIM_STATE_UNSPECIFIED) {
      q.state = EnumFromProto<SubsidyClaimState>(req->state(), v1::SubsidyClaimState_IsValid, std::nullopt, "state", v);
    }
    q.loan_id = rpc::ParseOptionalName(req->loan(), "loans", "loan", v);
    q.borrower_id = rpc::ParseOptionalName(req->borrower(), "borrowers", "borrower", v);
    q.township_id = rpc::ParseOptionalName(req->township(), "units", "township", v);
    if (req->notice_end().has_start()) q.notice_end_from = rpc::FromDate(req->notice_end().start(), "notice_end.start", v);
    if (req->notice_end().has_end()) q.notice_end_to = rpc::FromDate(req->notice_end().end(), "notice_end.end", v);
    const std::string filters = absl::StrCat(req->state(), "|", req->loan(), "|", req->borrower(), "|",
                                             req->township(), "|", req->notice_end().SerializeAsString());
    q.after_id = rpc::PageAfter(req->page_token(), filters, v);
    RETURN_IF_ERROR(v.ToStatus());

    // The caller's place narrows the request: a village its own claims, a
    // township its villages', the county its own; a partner's staff none.
    ASSIGN_OR_RETURN(const PlaceScope scope, PlaceScopeOf(org_, caller));
    if (!scope.all) {
      if (!scope.place) return absl::OkStatus();
      switch (scope.place->level) {
        case type::v1::LEVEL_VILLAGE: q.unit_id = scope.place->id; break;
        case type::v1::LEVEL_TOWNSHIP:
          if (!q.township_id.empty() && q.township_id != scope.place->id) return absl::OkStatus();
          q.township_id = scope.place->id;
          break;
        case type::v1::LEVEL_COUNTY: q.county_id = scope.place->id; break;
        default: return absl::OkStatus();
      }
    }
    q.limit = page_size + 1;
    std::vector<SubsidyClaimRecord> rows;
    RETURN_IF_ERROR(reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(rows, store::ListSubsidyClaims(conn, q));
      return absl::OkStatus();
    }));
    resp->set_next_page_token(
        rpc::NextPageToken(rows, page_size, filters, [](const SubsidyClaimRecord& r) { return r.id; }));
    for (const SubsidyClaimRecord& r : rows) *resp->add_claims() = ToProto(r);
    return absl::OkStatus();
  });
}

grpc::Status SubsidiesApi::CheckSubsidyClaim(grpc::ServerContext* ctx, const v1::CheckSubsidyClaimRequest* req,
                                             v1::SubsidyClaim* resp) {
  return TakeStep(ctx, *req, resp, "CheckSubsidyClaim",
                  [&](rpc::Violations& v) { return StepFromProto(req->comment(), req->documents(), v); },
                  [this](server::Mutation& m, const SubsidyStepOrder& order, const SubsidyStep& step) {
                    return loans::CheckSubsidyClaim(m, org_, order, step);
                  });
}

grpc::Status SubsidiesApi::ReviewSubsidyClaim(grpc::ServerContext* ctx, const v1::ReviewSubsidyClaimRequest* req,
                                              v1::SubsidyClaim* resp) {
  struct Review {
    SubsidyStep step;
    domain::DocumentRef notice;
    std::optional<absl::CivilDay> start;
  };
  return TakeStep(ctx, *req, resp, "ReviewSubsidyClaim",
                  [&](rpc::Violations& v) {
                    Review r;
                    r.step = StepFromProto(req->comment(), req->documents(), v);
                    if (!req->has_notice()) v.Add("notice", "required: where the public notice is posted");
                    r.notice = rpc::ReadRequiredDocument(req->notice(), "notice", v);
                    if (req->has_notice_start_date()) {
                      r.start = rpc::FromDate(req->notice_start_date(), "notice_start_date", v);
                    }
                    return r;
                  },
                  [this](server::Mutation& m, const SubsidyStepOrder& order, const Review& r) {
                    return loans::ReviewSubsidyClaim(m, org_, order, r.step, r.notice, r.start);
                  });
}

grpc::Status SubsidiesApi::FileSubsidyObjection(grpc::ServerContext* ctx, const v1::FileSubsidyObjectionRequest* req,
                                                v1::SubsidyClaim* resp) {
  return TakeStep(ctx, *req, resp, "FileSubsidyObjection",
                  [&](rpc::Violations& v) {
                    SubsidyObjection o;
                    rpc::CheckText(req->objector(), "objector", 1, 200, v);
                    rpc::CheckText(req->content(), "content", 1, 4000, v);
                    o.objector = req->objector();
                    o.content = req->content();
                    o.documents = DocumentsFromProto(req->documents(), "documents", v);
                    return o;
                  },
                  [this](server::Mutation& m, const SubsidyStepOrder& order, const SubsidyObjection& o) {
                    return loans::FileSubsidyObjection(m, org_, order, o);
                  });
}

grpc::Status SubsidiesApi::PaySubsidyClaim(grpc::ServerContext* ctx, const v1::PaySubsidyClaimRequest* req,
                                           v1::SubsidyClaim* resp) {
  return TakeStep(ctx, *req, resp, "PaySubsidyClaim",
                  [&](rpc::Violations& v) {
                    SubsidyPayment p;
                    if (!req->has_paid_date()) v.Add("paid_date", "required: the day the finance bureau paid");
                    p.paid_date = rpc::FromDate(req->paid_date(), "paid_date", v).value_or(absl::CivilDay(1970, 1, 1));
                    rpc::CheckText(req->finance_reference(), "finance_reference", 1, 64, v);
                    p.finance_reference = req->finance_reference();
                    return p;
                  },
                  [this](server::Mutation& m, const SubsidyStepOrder& order, const SubsidyPayment& p) {
                    return loans::PaySubsidyClaim(m, org_, order, p);
                  });
}

grpc::Status SubsidiesApi::RejectSubsidyClaim(grpc::ServerContext* ctx, const v1::RejectSubsidyClaimRequest* req,
                                              v1::SubsidyClaim* resp) {
  return TakeStep(ctx, *req, resp, "RejectSubsidyClaim",
                  [&](rpc::Violations& v) {
                    rpc::CheckText(req->reason(), "reason", 1, 2000, v);
                    return req->reason();
                  },
                  [this](server::Mutation& m, const SubsidyStepOrder& order, const std::string& reason) {
                    return loans::RejectSubsidyClaim(m, org_, order, reason);
                  });
}

grpc::Status SubsidiesApi::ClawBackSubsidy(grpc::ServerContext* ctx, const v1::ClawBackSubsidyRequest* req,
                                           v1::SubsidyClaim* resp) {
  return TakeStep(ctx, *req, resp, "ClawBackSubsidy",
                  [&](rpc::Violations& v) {
                    SubsidyClawback c;
                    c.category = EnumFromProto<ClawbackCategory>(req->category(), v1::ClawbackCategory_IsValid,
                                                                 std::nullopt, "category", v);
                    if (req->has_amount() && req->amount().fen() <= 0) v.Add("amount", "more than 0 fen, when set");
                    c.amount_fen = req->has_amount() ? req->amount().fen() : 0;
                    rpc::CheckText(req->finding(), "finding", 1, 4000, v);
                    c.finding = req->finding();
                    c.documents = DocumentsFromProto(req->documents(), "documents", v);
                    return c;
                  },
                  [this](server::Mutation& m, const SubsidyStepOrder& order, const SubsidyClawback& c) {
                    return loans::ClawBackSubsidy(m, org_, order, c);
                  });
}

}  // namespace huinong::loans
