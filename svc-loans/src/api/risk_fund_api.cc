// See risk_fund_api.h.
#include "svc-loans/src/api/risk_fund_api.h"

#include "absl/algorithm/container.h"
#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/request_checks.h"
#include "common/rpc/validate.h"
#include "svc-loans/src/api/enum_mapping.h"
#include "svc-loans/src/api/fund_mapping.h"
#include "svc-loans/src/app/risk_funds.h"
#include "svc-loans/src/store/fund_store.h"

namespace huinong::loans {
namespace {

// The counties a list may show (ReadableCounties over every fund: a county
// has one, so they are few); none (nullopt) for callers who read all.
absl::StatusOr<std::optional<std::vector<std::string>>> ListScope(OrgView& org, const auth::Principal& caller,
                                                                 const server::Reader& reader) {
  std::vector<RiskFund> funds;
  if (!ReadsAll(caller)) {
    RETURN_IF_ERROR(reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(funds, store::ListRiskFunds(conn, "", "", 100'000));
      return absl::OkStatus();
    }));
  }
  return ReadableCounties(org, caller, funds);
}

absl::CivilDay RequiredDay(bool present, const type::v1::Date& date, const std::string& field, rpc::Violations& v) {
  if (!present) {
    v.Add(field, "required");
    return absl::CivilDay(1970, 1, 1);
  }
  return rpc::FromDate(date, field, v).value_or(absl::CivilDay(1970, 1, 1));
}

ReviewParty ReadParty(v1::ReviewParty party, rpc::Violations& v) {
  return EnumFromProto<ReviewParty>(party, v1::ReviewParty_IsValid, std::nullopt, "party", v);
}

}  // namespace

grpc::Status RiskFundApi::CreateRiskFund(grpc::ServerContext* ctx, const v1::CreateRiskFundRequest* req,
                                         v1::RiskFund* resp) {
  return kit_.Mutate(*ctx, *req, resp, "CreateRiskFund",
                     [&](const auth::Principal&) -> server::Prepared<v1::RiskFund> {
    rpc::Violations v;
    if (!req->has_fund()) v.Add("fund", "required");
    RiskFund draft;
    draft.county_id = rpc::ParseName(req->fund().county(), "units", "fund.county", v);
    draft.finance_bureau_id = rpc::ParseName(req->fund().finance_bureau(), "units", "fund.finance_bureau", v);
    draft.poverty_office_id = rpc::ParseName(req->fund().poverty_office(), "units", "fund.poverty_office", v);
    rpc::CheckText(req->fund().title(), "fund.title", 1, 100, v);
    draft.title = req->fund().title();
    RETURN_IF_ERROR(v.ToStatus());
    return [=, this](server::Mutation& m) -> absl::StatusOr<v1::RiskFund> {
      ASSIGN_OR_RETURN(const RiskFund fund, loans::CreateRiskFund(m, org_, draft, "fund.county"));
      v1::RiskFund out = RiskFundProto(fund);
      RETURN_IF_ERROR(m.Record({"risk_fund", out.name(), out.county(), nullptr, &out}));
      return out;
    };
  });
}

grpc::Status RiskFundApi::GetRiskFund(grpc::ServerContext* ctx, const v1::GetRiskFundRequest* req,
                                      v1::RiskFund* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const std::string id = rpc::ParseName(req->name(), "riskFunds", "name", v);
    std::optional<RiskFund> fund;
    LedgerSums sums;
    // The fund and its sums in one consistent read: the row's shared lock
    // waits for a movement being written.
    RETURN_IF_ERROR(reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(fund, store::GetRiskFund(conn, id));
      if (!fund) return absl::OkStatus();
      ASSIGN_OR_RETURN(sums, store::SumFundMovements(conn, id));
      return absl::OkStatus();
    }));
    if (!fund) return rpc::NotFound(req->name());
    RETURN_IF_ERROR(RequireFundReadable(org_, caller, *fund));
    *resp = RiskFundProto(*fund);
    FillLedger(CheckLedger(*fund, sums), *resp);
    return absl::OkStatus();
  });
}

grpc::Status RiskFundApi::ListRiskFunds(grpc::ServerContext* ctx, const v1::ListRiskFundsRequest* req,
                                        v1::ListRiskFundsResponse* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const int page_size = rpc::PageSize(req->page_size(), v);
    const std::string county = rpc::ParseOptionalName(req->county(), "units", "county", v);
    const std::string after = rpc::PageAfter(req->page_token(), req->county(), v);
    RETURN_IF_ERROR(v.ToStatus());
    ASSIGN_OR_RETURN(const std::optional<std::vector<std::string>> scope, ListScope(org_, caller, reader));
    std::vector<RiskFund> rows;
    RETURN_IF_ERROR(reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(rows, store::ListRiskFunds(conn, county, after, page_size + 1));
      return absl::OkStatus();
    }));
    if (scope) {  // a county has one fund, so a caller's page is at most a few rows
      std::erase_if(rows, [&](const RiskFund& f) { return !absl::c_linear_search(*scope, f.county_id); });
    }
    resp->set_next_page_token(rpc::NextPageToken(rows, page_size, req->county(), [](const RiskFund& f) { return f.id; }));
    for (const RiskFund& f : rows) *resp->add_funds() = RiskFundProto(f);
    return absl::OkStatus();
  });
}

grpc::Status RiskFundApi::RecordFundContribution(grpc::ServerContext* ctx,
                                                 const v1::RecordFundContributionRequest* req,
                                                 v1::FundTransaction* resp) {
  return kit_.Mutate(*ctx, *req, resp, "RecordFundContribution",
                     [&](const auth::Principal&) -> server::Prepared<v1::FundTransaction> {
    rpc::Violations v;
    const std::string id = rpc::ParseName(req->name(), "riskFunds", "name", v);
    const v1::FundTransaction& t = req->transaction();
    if (!req->has_transaction()) v.Add("transaction", "required");
    FundMovement draft;
    if (t.kind() != v1::FUND_TRANSACTION_KIND_CONTRIBUTION && t.kind() != v1::FUND_TRANSACTION_KIND_REPLENISHMENT) {
      v.Add("transaction.kind", "CONTRIBUTION or REPLENISHMENT");
    }
    draft.kind = static_cast<FundMovementKind>(t.kind());
    draft.amount_fen = t.amount().fen();
    if (draft.amount_fen <= 0) v.Add("transaction.amount", "required: more than 0 fen");
    draft.value_date = RequiredDay(t.has_value_date(), t.value_date(), "transaction.value_date", v);
    rpc::CheckText(t.reference(), "transaction.reference", 1, 64, v);
    draft.reference = t.reference();
    rpc::CheckText(t.note(), "transaction.note", 0, 2000, v);
    draft.note = t.note();
    RETURN_IF_ERROR(v.ToStatus());
    return [=, this](server::Mutation& m) -> absl::StatusOr<v1::FundTransaction> {
      if (draft.value_date > m.today()) {
        return rpc::InvalidField("transaction.value_date",
                                 absl::StrCat("not after today, ", absl::FormatCivilTime(m.today())));
      }
      ASSIGN_OR_RETURN(const FundChange c, loans::RecordContribution(m, org_, id, draft));
      RETURN_IF_ERROR(RecordFundChange(m, c));
      return FundTransactionProto(c.movement);
    };
  });
}

grpc::Status RiskFundApi::ListFundTransactions(grpc::ServerContext* ctx, const v1::ListFundTransactionsRequest* req,
                                               v1::ListFundTransactionsResponse* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    store::FundMovementQuery q;
    q.fund_id = rpc::ParseName(req->name(), "riskFunds", "name", v);
    const int page_size = rpc::PageSize(req->page_size(), v);
    if (!v1::FundTransactionKind_IsValid(req->kind())) v.Add("kind", "not a value of the enum");
    q.kind = req->kind();
    if (req->has_value_dates()) {
      if (req->value_dates().has_start()) q.from = rpc::FromDate(req->value_dates().start(), "value_dates.start", v);
      if (req->value_dates().has_end()) q.to = rpc::FromDate(req->value_dates().end(), "value_dates.end", v);
    }
    const std::string filters =
        absl::StrCat(req->name(), "|", req->kind(), "|", req->value_dates().SerializeAsString());
    q.after_id = rpc::PageAfter(req->page_token(), filters, v);
    q.limit = page_size + 1;
    std::optional<RiskFund> fund;
    std::vector<FundMovement> rows;
    RETURN_IF_ERROR(reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(fund, store::GetRiskFund(conn, q.fund_id));
      return absl::OkStatus();
    }));
    if (!fund) return rpc::NotFound(req->name());
    RETURN_IF_ERROR(RequireFundReadable(org_, caller, *fund));
    RETURN_IF_ERROR(reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(rows, store::ListFundMovements(conn, q));
      return absl::OkStatus();
    }));
    resp->set_next_page_token(rpc::NextPageToken(rows, page_size, filters, [](const FundMovement& m) { return m.id; }));
    for (const FundMovement& m : rows) *resp->add_transactions() = FundTransactionProto(m);
    return absl::OkStatus();
  });
}

grpc::Status RiskFundApi::GetCompensationClaim(grpc::ServerContext* ctx, const v1::GetCompensationClaimRequest* req,
                                               v1::CompensationClaim* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const std::string id = rpc::ParseName(req->name(), "compensationClaims", "name", v);
    std::optional<CompensationClaim> claim;
    std::optional<RiskFund> fund;
    RETURN_IF_ERROR(reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(claim, store::GetClaim(conn, id));
      if (!claim) return absl::OkStatus();
      ASSIGN_OR_RETURN(fund, store::GetRiskFund(conn, claim->fund_id));
      return absl::OkStatus();
    }));
    if (!claim || !fund) return rpc::NotFound(req->name());
    RETURN_IF_ERROR(RequireFundReadable(org_, caller, *fund));
    *resp = ClaimProto(*claim);
    return absl::OkStatus();
  });
}

grpc::Status RiskFundApi::ListCompensationClaims(grpc::ServerContext* ctx,
                                                 const v1::ListCompensationClaimsRequest* req,
                                                 v1::ListCompensationClaimsResponse* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    store::ClaimQuery q;
    const int page_size = rpc::PageSize(req->page_size(), v);
    q.fund_id = rpc::ParseOptionalName(req->fund(), "riskFunds", "fund", v);
    q.loan_id = rpc::ParseOptionalName(req->loan(), "loans", "loan", v);
    if (!v1::CompensationClaimState_IsValid(req->state())) v.Add("state", "not a value of the enum");
    q.state = req->state();
    const std::string filters = absl::StrCat(req->fund(), "|", req->loan(), "|", req->state());
    q.after_id = rpc::PageAfter(req->page_token(), filters, v);
    RETURN_IF_ERROR(v.ToStatus());
    ASSIGN_OR_RETURN(q.county_ids, ListScope(org_, caller, reader));
    q.limit = page_size + 1;
    std::vector<CompensationClaim> rows;
    RETURN_IF_ERROR(reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(rows, store::ListClaims(conn, q));
      return absl::OkStatus();
    }));
    resp->set_next_page_token(
        rpc::NextPageToken(rows, page_size, filters, [](const CompensationClaim& c) { return c.id; }));
    for (const CompensationClaim& c : rows) *resp->add_claims() = ClaimProto(c);
    return absl::OkStatus();
  });
}

grpc::Status RiskFundApi::ReviewCompensationClaim(grpc::ServerContext* ctx,
                                                  const v1::ReviewCompensationClaimRequest* req,
                                                  v1::CompensationClaim* resp) {
  return kit_.Mutate(*ctx, *req, resp, "ReviewCompensationClaim",
                     [&](const auth::Principal&) -> server::Prepared<v1::CompensationClaim> {
    rpc::Violations v;
    const std::string id = rpc::ParseName(req->name(), "compensationClaims", "name", v);
    const ReviewParty party = ReadParty(req->party(), v);
    rpc::CheckText(req->comment(), "comment", 0, 2000, v);
    RETURN_IF_ERROR(v.ToStatus());
    return [=, this](server::Mutation& m) -> absl::StatusOr<v1::CompensationClaim> {
      ASSIGN_OR_RETURN(const ClaimChange c, loans::ReviewClaim(m, org_, id, req->etag(), party, req->comment()));
      RETURN_IF_ERROR(RecordClaimChange(m, c));
      return ClaimProto(c.after);
    };
  });
}

grpc::Status RiskFundApi::RejectCompensationClaim(grpc::ServerContext* ctx,
                                                  const v1::RejectCompensationClaimRequest* req,
                                                  v1::CompensationClaim* resp) {
  return kit_.Mutate(*ctx, *req, resp, "RejectCompensationClaim",
                     [&](const auth::Principal&) -> server::Prepared<v1::CompensationClaim> {
    rpc::Violations v;
    const std::string id = rpc::ParseName(req->name(), "compensationClaims", "name", v);
    const ReviewParty party = ReadParty(req->party(), v);
    rpc::CheckText(req->reason(), "reason", 1, 2000, v);
    RETURN_IF_ERROR(v.ToStatus());
    return [=, this](server::Mutation& m) -> absl::StatusOr<v1::CompensationClaim> {
      ASSIGN_OR_RETURN(const ClaimChange c, loans::RejectClaim(m, org_, id, req->etag(), party, req->reason()));
      RETURN_IF_ERROR(RecordClaimChange(m, c));
      return ClaimProto(c.after);
    };
  });
}

grpc::Status RiskFundApi::PayCompensationClaim(grpc::ServerContext* ctx, const v1::PayCompensationClaimRequest* req,
                                               v1::CompensationClaim* resp) {
  return kit_.Mutate(*ctx, *req, resp, "PayCompensationClaim",
                     [&](const auth::Principal&) -> server::Prepared<v1::CompensationClaim> {
    rpc::Violations v;
    const std::string id = rpc::ParseName(req->name(), "compensationClaims", "name", v);
    const absl::CivilDay day = RequiredDay(req->has_value_date(), req->value_date(), "value_date", v);
    rpc::CheckText(req->reference(), "reference", 1, 64, v);
    RETURN_IF_ERROR(v.ToStatus());
    return [=, this](server::Mutation& m) -> absl::StatusOr<v1::CompensationClaim> {
      ASSIGN_OR_RETURN(const ClaimChange c,
                       loans::PayClaim(m, org_, id, req->etag(), day, req->reference(), "value_date"));
      RETURN_IF_ERROR(RecordClaimChange(m, c));
      return ClaimProto(c.after);
    };
  });
}

}  // namespace huinong::loans
