// See servicing_api.h.
#include "svc-loans/src/api/servicing_api.h"

#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/request_checks.h"
#include "common/rpc/validate.h"
#include "common/rpc/shared_types.h"
#include "svc-loans/src/api/application_mapping.h"
#include "svc-loans/src/api/report_mapping.h"
#include "svc-loans/src/api/loss_mapping.h"
#include "svc-loans/src/api/servicing_mapping.h"
#include "svc-loans/src/api/township_breaker_mapping.h"
#include "svc-loans/src/app/application_access.h"
#include "svc-loans/src/app/repayments.h"
#include "svc-loans/src/app/reports.h"
#include "svc-loans/src/app/township_breakers.h"
#include "svc-loans/src/store/loan_store.h"
#include "svc-loans/src/store/repayment_store.h"
#include "svc-loans/src/store/subsidy_store.h"

namespace huinong::loans {

absl::Status ServicingApi::ReadLoan(const auth::Principal& caller, const std::string& id,
                                    const server::Reader& reader, const LoanBody& body) {
  std::optional<Loan> found;
  RETURN_IF_ERROR(reader([&](sql::Connection& conn) -> absl::Status {
    ASSIGN_OR_RETURN(found, store::GetLoan(conn, id));
    return absl::OkStatus();
  }));
  if (!found) return rpc::NotFound(rpc::FormatName("loans", id));
  RETURN_IF_ERROR(RequireApplicationReadable(org_, caller, RoutingOf(found->application_id, found->place),
                                             kit_.clock().Today(), reader));
  return reader([&](sql::Connection& conn) { return body(conn, *found); });
}

absl::StatusOr<bool> ServicingApi::ScopeLoanList(const auth::Principal& caller, const server::Reader& reader,
                                                 store::LendingQuery& q) {
  ASSIGN_OR_RETURN(const ListScope scope, ApplicationListScope(org_, caller, kit_.clock().Today(), reader));
  if (scope.none || scope.partner) return false;  // the guarantee company and insurer read no loans
  if ((!scope.unit_id.empty() && !q.unit_id.empty() && q.unit_id != scope.unit_id) ||
      (!scope.township_id.empty() && !q.township_id.empty() && q.township_id != scope.township_id)) {
    return false;
  }
  if (!scope.unit_id.empty()) q.unit_id = scope.unit_id;
  if (!scope.township_id.empty()) q.township_id = scope.township_id;
  q.county_id = scope.county_id;
  q.bank_id = scope.bank_id;
  return true;
}

grpc::Status ServicingApi::GetLoan(grpc::ServerContext* ctx, const v1::GetLoanRequest* req, v1::Loan* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const std::string id = rpc::ParseName(req->name(), "loans", "name", v);
    return ReadLoan(caller, id, reader, [&](sql::Connection& conn, const Loan& loan) -> absl::Status {
      const absl::CivilDay today = kit_.clock().Today();
      ASSIGN_OR_RETURN(const LoanStanding standing, StandingOn(conn, loan, today));
      ASSIGN_OR_RETURN(const bool clear, SeesPayee(org_, caller, loan.place.bank_id));
      *resp = ToProto(loan, !clear);
      FillStanding(loan, standing.replay, today, *resp);
      ASSIGN_OR_RETURN(const bool forfeited, store::SubsidyForfeited(conn, loan.id));
      resp->set_subsidy_forfeited(forfeited);
      ASSIGN_OR_RETURN(const LoanLoss loss, LoadLoss(conn, loan.id));
      FillLoss(loss, *resp);
      return absl::OkStatus();
    });
  });
}

grpc::Status ServicingApi::ListLoans(grpc::ServerContext* ctx, const v1::ListLoansRequest* req,
                                     v1::ListLoansResponse* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const int page_size = rpc::PageSize(req->page_size(), v);
    store::LendingQuery q;
    q.borrower_id = rpc::ParseOptionalName(req->borrower(), "borrowers", "borrower", v);
    q.product_id = rpc::ParseOptionalName(req->product(), "products", "product", v);
    q.credit_line_id = rpc::ParseOptionalName(req->credit_line(), "creditLines", "credit_line", v);
    q.township_id = rpc::ParseOptionalName(req->township(), "units", "township", v);
    q.unit_id = rpc::ParseOptionalName(req->village(), "units", "village", v);
    if (!v1::LoanStatus_IsValid(req->status())) v.Add("status", "not a loan status");
    q.state = req->status();
    if (!v1::BorrowerType_IsValid(req->borrower_type())) v.Add("borrower_type", "not a borrower type");
    q.borrower_type = req->borrower_type();
    if (!v1::LoanClassification_IsValid(req->classification())) v.Add("classification", "not a loan class");
    q.loan_class = req->classification();
    if (req->min_days_past_due() < 0) v.Add("min_days_past_due", "0 or more");
    q.min_days_past_due = req->min_days_past_due();
    q.with_accountability = req->with_accountability();
    if (req->has_maturing()) {
      q.maturing_from = rpc::FromDate(req->maturing().start(), "maturing.start", v);
      q.maturing_to = rpc::FromDate(req->maturing().end(), "maturing.end", v);
    }
    const std::string filters = absl::StrCat(req->borrower(), "|", req->product(), "|", req->credit_line(), "|",
                                             req->township(), "|", req->village(), "|", req->status(), "|",
                                             req->maturing().SerializeAsString(), "|", req->borrower_type(), "|",
                                             req->classification(), "|", req->min_days_past_due(), "|",
                                             req->with_accountability());
    q.after_id = rpc::PageAfter(req->page_token(), filters, v);
    RETURN_IF_ERROR(v.ToStatus());
    ASSIGN_OR_RETURN(const bool any, ScopeLoanList(caller, reader, q));
    if (!any) return absl::OkStatus();
    q.limit = page_size + 1;
    std::vector<Loan> rows;
    RETURN_IF_ERROR(reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(rows, store::ListLoans(conn, q));
      return absl::OkStatus();
    }));
    resp->set_next_page_token(rpc::NextPageToken(rows, page_size, filters, [](const Loan& l) { return l.id; }));
    // One bank per page at most for bank staff (their scope); others see masked payees.
    const bool clear = ReadsAll(caller) || !q.bank_id.empty();
    for (const Loan& l : rows) *resp->add_loans() = ToProto(l, !clear);
    return absl::OkStatus();
  });
}

grpc::Status ServicingApi::GetRepaymentSchedule(grpc::ServerContext* ctx, const v1::GetRepaymentScheduleRequest* req,
                                                v1::RepaymentSchedule* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const std::string id = rpc::ParseName(req->name(), "loans", "name", v);
    return ReadLoan(caller, id, reader, [&](sql::Connection& conn, const Loan& loan) -> absl::Status {
      const absl::CivilDay today = kit_.clock().Today();
      ASSIGN_OR_RETURN(const LoanStanding standing, StandingOn(conn, loan, today));
      *resp = ScheduleProto(loan, standing.replay, today);
      return absl::OkStatus();
    });
  });
}

grpc::Status ServicingApi::RecordRepayment(grpc::ServerContext* ctx, const v1::RecordRepaymentRequest* req,
                                           v1::Repayment* resp) {
  return kit_.Mutate(*ctx, *req, resp, "RecordRepayment",
                     [&](const auth::Principal&) -> server::Prepared<v1::Repayment> {
    rpc::Violations v;
    RepaymentOrder order;
    order.loan_id = rpc::ParseName(req->name(), "loans", "name", v);
    order.etag = req->etag();
    const v1::Repayment& r = req->repayment();
    if (!req->has_repayment()) v.Add("repayment", "required");
    order.amount_fen = r.amount().fen();
    if (order.amount_fen <= 0) v.Add("repayment.amount", "required: more than 0 fen");
    const std::optional<absl::CivilDay> day = rpc::FromDate(r.value_date(), "repayment.value_date", v);
    if (!r.has_value_date()) v.Add("repayment.value_date", "required: the day the money counts from");
    order.value_date = day.value_or(absl::CivilDay(1970, 1, 1));
    rpc::CheckText(r.bank_reference(), "repayment.bank_reference", 1, 64, v);
    order.bank_reference = r.bank_reference();
    RETURN_IF_ERROR(v.ToStatus());
    return [=, this](server::Mutation& m) -> absl::StatusOr<v1::Repayment> {
      ASSIGN_OR_RETURN(const RepaymentChange change, loans::RecordRepayment(m, org_, order));
      v1::Repayment repayment = RepaymentProto(change.repayment, change.applied);
      if (change.existing) return repayment;
      const std::string unit = rpc::FormatName("units", change.after.place.unit_id);
      const v1::Loan before = ToProto(change.before, /*masked=*/true);
      const v1::Loan after = ToProto(change.after, /*masked=*/true);
      RETURN_IF_ERROR(m.Record({"repayment", repayment.name(), unit, nullptr, &repayment}));
      RETURN_IF_ERROR(m.Record({"loan", after.name(), unit, &before, &after}));
      // A repayment moves the township's ratio (paying off a sound loan raises it).
      RETURN_IF_ERROR(loans::MeasureTownship(m, change.after.place.township_id, RecordBreakerChange,
                                             change.policy_in_force ? &*change.policy_in_force : nullptr)
                          .status());
      return repayment;
    };
  });
}

grpc::Status ServicingApi::ListRepayments(grpc::ServerContext* ctx, const v1::ListRepaymentsRequest* req,
                                          v1::ListRepaymentsResponse* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const std::string id = rpc::ParseName(req->name(), "loans", "name", v);
    const int page_size = rpc::PageSize(req->page_size(), v);
    const std::string after = rpc::PageAfter(req->page_token(), req->name(), v);
    return ReadLoan(caller, id, reader, [&](sql::Connection& conn, const Loan& loan) -> absl::Status {
      ASSIGN_OR_RETURN(std::vector<store::RepaymentRecord> rows,
                       store::ListRepayments(conn, id, after, page_size + 1));
      ASSIGN_OR_RETURN(const LoanStanding standing, StandingOn(conn, loan, kit_.clock().Today()));
      auto applied = AppliedById(loan, standing.replay);
      resp->set_next_page_token(rpc::NextPageToken(rows, page_size, req->name(), store::RepaymentKey));
      for (const store::RepaymentRecord& r : rows) *resp->add_repayments() = RepaymentProto(r, applied[r.id]);
      return absl::OkStatus();
    });
  });
}

grpc::Status ServicingApi::GetPayoffQuote(grpc::ServerContext* ctx, const v1::GetPayoffQuoteRequest* req,
                                          v1::PayoffQuote* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const std::string id = rpc::ParseName(req->name(), "loans", "name", v);
    const absl::CivilDay today = kit_.clock().Today();
    const absl::CivilDay as_of =
        req->has_as_of() ? rpc::FromDate(req->as_of(), "as_of", v).value_or(today) : today;
    return ReadLoan(caller, id, reader, [&](sql::Connection& conn, const Loan& loan) -> absl::Status {
      ASSIGN_OR_RETURN(const PayoffFigures figures, PayoffOn(conn, loan, as_of, "as_of"));
      *resp = PayoffQuoteProto(loan, as_of, figures);
      return absl::OkStatus();
    });
  });
}

grpc::Status ServicingApi::ReadReport(grpc::ServerContext& ctx, const std::string& county,
                                      const std::string& period_text, const char* period_field, PeriodParser parse,
                                      v1::LendingReport& resp) {
  return kit_.Read(ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                            const server::Reader& reader) -> absl::Status {
    const std::string county_id = rpc::ParseName(county, "units", "county", v);
    const absl::CivilDay today = kit_.clock().Today();
    absl::StatusOr<ReportPeriod> period = parse(period_text, today);
    if (!period.ok()) v.Add(period_field, std::string(period.status().message()));
    RETURN_IF_ERROR(v.ToStatus());
    ASSIGN_OR_RETURN(const org_directory::UnitLink place, AuthorizeCountyReport(org_, caller, county_id, today));
    LendingReportFigures report;
    {
      absl::MutexLock turn(&report_mu_, absl::Condition(
                                            +[](int* running) { return *running < kReportsAtOnce; },
                                            &reports_running_));
      ++reports_running_;
    }
    const absl::Status built = reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(report, LendingReport(conn, county_id, *period, kit_.clock().zone()));
      return absl::OkStatus();
    });
    {
      absl::MutexLock done(&report_mu_);
      --reports_running_;
    }
    RETURN_IF_ERROR(built);
    std::map<std::string, std::string> names;
    for (const TownshipReport& t : report.townships) {
      absl::StatusOr<UnitLineage> township = org_.Lineage(t.township_id);
      if (township.ok()) {
        names[t.township_id] = township->unit().display_name;
      } else if (!absl::IsNotFound(township.status())) {  // a township svc-org no longer knows keeps its id only
        return township.status();
      }
    }
    resp = ReportProto(report, county_id, place.display_name, names, kit_.clock().Now());
    return absl::OkStatus();
  });
}

grpc::Status ServicingApi::GetMonthlyReport(grpc::ServerContext* ctx, const v1::GetMonthlyReportRequest* req,
                                            v1::LendingReport* resp) {
  return ReadReport(*ctx, req->county(), req->month(), "month", MonthPeriod, *resp);
}

grpc::Status ServicingApi::GetQuarterlyBulletin(grpc::ServerContext* ctx, const v1::GetQuarterlyBulletinRequest* req,
                                                v1::LendingReport* resp) {
  return ReadReport(*ctx, req->county(), req->quarter(), "quarter", QuarterPeriod, *resp);
}

}  // namespace huinong::loans
