// ServicingService after a loss (issue 11 items 4 and 8): the write-off
// requested by the bank and decided by the county, the bank's recoveries,
// and the staff answerable for a bad loan. Part of ServicingApi
// (servicing_api.h); the use cases are app/write_offs.h and
// app/recoveries.h, the mapping loss_mapping.h. Every change is audited in
// its transaction: the loan ("loan", masked), and whatever the change made
// beside it — the claim a write-off opens and the breaker it may trip, the
// fund's share of a recovery, the blacklisting of an evader.
#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "common/rpc/request_checks.h"
#include "common/rpc/validate.h"
#include "svc-loans/src/api/application_mapping.h"
#include "svc-loans/src/api/borrower_mapping.h"
#include "svc-loans/src/api/fund_mapping.h"
#include "svc-loans/src/api/loss_mapping.h"
#include "svc-loans/src/api/servicing_api.h"
#include "svc-loans/src/api/servicing_mapping.h"
#include "svc-loans/src/api/township_breaker_mapping.h"
#include "svc-loans/src/app/application_access.h"
#include "svc-loans/src/app/recoveries.h"
#include "svc-loans/src/app/write_offs.h"
#include "svc-loans/src/store/loss_store.h"

namespace huinong::loans {

absl::StatusOr<v1::Loan> ServicingApi::AnswerLoanChange(server::Mutation& m, const Loan& before,
                                                       const LoanLoss& loss_before, const Loan& after) {
  v1::Loan before_proto = ToProto(before, /*masked=*/true);
  FillLoss(loss_before, before_proto);
  ASSIGN_OR_RETURN(const LoanLoss loss, LoadLoss(m.tx(), after.id));
  v1::Loan after_proto = ToProto(after, /*masked=*/true);
  FillLoss(loss, after_proto);
  RETURN_IF_ERROR(m.Record({"loan", after_proto.name(), rpc::FormatName("units", after.place.unit_id),
                            &before_proto, &after_proto}));
  ASSIGN_OR_RETURN(const bool clear, SeesPayee(org_, m.caller(), after.place.bank_id));
  v1::Loan answer = ToProto(after, !clear);
  ASSIGN_OR_RETURN(const LoanStanding standing, StandingOn(m.tx(), after, m.today()));
  FillStanding(after, standing.replay, m.today(), answer);
  FillLoss(loss, answer);
  return answer;
}

grpc::Status ServicingApi::RequestWriteOff(grpc::ServerContext* ctx, const v1::RequestWriteOffRequest* req,
                                           v1::Loan* resp) {
  return kit_.Mutate(*ctx, *req, resp, "RequestWriteOff",
                     [&](const auth::Principal&) -> server::Prepared<v1::Loan> {
    rpc::Violations v;
    const WriteOffOrder order = ReadWriteOffOrder(*req, v);
    RETURN_IF_ERROR(v.ToStatus());
    return [=, this](server::Mutation& m) -> absl::StatusOr<v1::Loan> {
      ASSIGN_OR_RETURN(const WriteOffChange c, loans::RequestWriteOff(m, org_, order));
      return AnswerLoanChange(m, c.before, c.loss_before, c.after);
    };
  });
}

grpc::Status ServicingApi::ApproveWriteOff(grpc::ServerContext* ctx, const v1::ApproveWriteOffRequest* req,
                                           v1::Loan* resp) {
  return kit_.Mutate(*ctx, *req, resp, "ApproveWriteOff",
                     [&](const auth::Principal&) -> server::Prepared<v1::Loan> {
    rpc::Violations v;
    const std::string id = rpc::ParseName(req->name(), "loans", "name", v);
    rpc::CheckText(req->comment(), "comment", 0, 2000, v);
    RETURN_IF_ERROR(v.ToStatus());
    return [=, this](server::Mutation& m) -> absl::StatusOr<v1::Loan> {
      ASSIGN_OR_RETURN(const WriteOffChange c,
                       loans::ApproveWriteOff(m, org_, id, req->etag(), req->comment(), RecordBreakerChange));
      ASSIGN_OR_RETURN(v1::Loan answer, AnswerLoanChange(m, c.before, c.loss_before, c.after));
      if (c.claim) RETURN_IF_ERROR(RecordClaimChange(m, std::nullopt, *c.claim));
      return answer;
    };
  });
}

grpc::Status ServicingApi::RejectWriteOff(grpc::ServerContext* ctx, const v1::RejectWriteOffRequest* req,
                                          v1::Loan* resp) {
  return kit_.Mutate(*ctx, *req, resp, "RejectWriteOff",
                     [&](const auth::Principal&) -> server::Prepared<v1::Loan> {
    rpc::Violations v;
    const std::string id = rpc::ParseName(req->name(), "loans", "name", v);
    rpc::CheckText(req->reason(), "reason", 1, 2000, v);
    RETURN_IF_ERROR(v.ToStatus());
    return [=, this](server::Mutation& m) -> absl::StatusOr<v1::Loan> {
      ASSIGN_OR_RETURN(const WriteOffChange c, loans::RejectWriteOff(m, org_, id, req->etag(), req->reason()));
      return AnswerLoanChange(m, c.before, c.loss_before, c.after);
    };
  });
}

grpc::Status ServicingApi::RecordRecovery(grpc::ServerContext* ctx, const v1::RecordRecoveryRequest* req,
                                          v1::Recovery* resp) {
  return kit_.Mutate(*ctx, *req, resp, "RecordRecovery",
                     [&](const auth::Principal&) -> server::Prepared<v1::Recovery> {
    rpc::Violations v;
    const RecoveryOrder order = ReadRecoveryOrder(*req, v);
    RETURN_IF_ERROR(v.ToStatus());
    return [=, this](server::Mutation& m) -> absl::StatusOr<v1::Recovery> {
      ASSIGN_OR_RETURN(const RecoveryChange c, loans::RecordRecovery(m, org_, order));
      v1::Recovery recovery = RecoveryProto(c.recovery);
      if (c.existing) return recovery;
      RETURN_IF_ERROR(m.Record({"recovery", recovery.name(), rpc::FormatName("units", c.after.place.unit_id),
                                nullptr, &recovery}));
      if (c.blacklisting) RETURN_IF_ERROR(RecordBlacklist(m, *c.blacklisting));
      if (c.claim) RETURN_IF_ERROR(RecordClaimChange(m, *c.claim));
      RETURN_IF_ERROR(AnswerLoanChange(m, c.before, c.loss_before, c.after).status());
      return recovery;
    };
  });
}

grpc::Status ServicingApi::ListRecoveries(grpc::ServerContext* ctx, const v1::ListRecoveriesRequest* req,
                                          v1::ListRecoveriesResponse* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const std::string id = rpc::ParseName(req->name(), "loans", "name", v);
    const int page_size = rpc::PageSize(req->page_size(), v);
    const std::string after = rpc::PageAfter(req->page_token(), req->name(), v);
    return ReadLoan(caller, id, reader, [&](sql::Connection& conn, const Loan&) -> absl::Status {
      ASSIGN_OR_RETURN(std::vector<RecoveryRecord> rows, store::ListRecoveries(conn, id, after, page_size + 1));
      resp->set_next_page_token(
          rpc::NextPageToken(rows, page_size, req->name(), [](const RecoveryRecord& r) { return r.id; }));
      for (const RecoveryRecord& r : rows) *resp->add_recoveries() = RecoveryProto(r);
      return absl::OkStatus();
    });
  });
}

grpc::Status ServicingApi::RecordAccountability(grpc::ServerContext* ctx, const v1::RecordAccountabilityRequest* req,
                                                v1::Loan* resp) {
  return kit_.Mutate(*ctx, *req, resp, "RecordAccountability",
                     [&](const auth::Principal&) -> server::Prepared<v1::Loan> {
    rpc::Violations v;
    const std::string id = rpc::ParseName(req->name(), "loans", "name", v);
    if (!req->has_record()) v.Add("record", "required");
    const AccountabilityRecord draft = ReadAccountability(req->record(), v);
    RETURN_IF_ERROR(v.ToStatus());
    return [=, this](server::Mutation& m) -> absl::StatusOr<v1::Loan> {
      ASSIGN_OR_RETURN(const AccountabilityChange c,
                       loans::RecordAccountability(m, org_, id, req->etag(), draft));
      return AnswerLoanChange(m, c.before, c.loss_before, c.after);
    };
  });
}

}  // namespace huinong::loans
