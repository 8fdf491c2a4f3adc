// The lending report tests' fixture (reports_api_test.cc,
// reports_closing_test.cc): a business clock at 3 December 2026, the county
// closed through yesterday, loans written through svc-loans's store as
// disbursement and servicing write them, the seeds' county and fund, and
// the report's RPCs.
#pragma once

#include <map>
#include <set>

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/statement.h>
#include <gtest/gtest.h>

#include "absl/strings/str_format.h"
#include "common/rpc/proto_time.h"
#include "svc-loans/src/app/reports.h"
#include "svc-loans/src/store/application_store.h"
#include "svc-loans/src/store/loan_store.h"
#include "svc-loans/src/store/township_store.h"
#include "svc-loans/tests/applications_fixture.h"

namespace huinong::loans::reports_api_test {

using applications_api_test::Applications;
using applications_api_test::Reason;

constexpr int64_t kYuan = 100;  // fen

inline absl::Time At(absl::CivilDay day, int hour = 10) {
  return absl::FromCivil(absl::CivilSecond(day.year(), day.month(), day.day(), hour, 0, 0),
                         absl::FixedTimeZone(8 * 3600));
}

inline absl::CivilDay Day(const type::v1::Date& d) { return absl::CivilDay(d.year(), d.month(), d.day()); }

inline std::set<std::string> Fields(const grpc::Status& s) {
  std::set<std::string> out;
  for (const rpc::FieldViolation& f : rpc::FieldViolationsOf(rpc::FromGrpcStatus(s))) out.insert(f.field);
  return out;
}

class Reports : public Applications {
 protected:
  void SetUp() override {
    clock_ = BusinessClock::Settable(At(absl::CivilDay(2026, 12, 3)), kDefaultCountyTimeZone);
    Applications::SetUp();
    auto conn = pool_->Connect();
    ASSERT_TRUE(conn.ok());
    conn_ = std::move(*conn);
    // The close-of-business job has closed the county through yesterday.
    ClosedThrough("2026-12-02");
  }

  void ClosedThrough(const std::string& day) {
    const std::unique_ptr<sql::PreparedStatement> q(conn_->prepareStatement(
        "INSERT INTO close_of_business (county_id, last_closed_date, update_time) VALUES ('county', ?, NOW(6))"
        " ON DUPLICATE KEY UPDATE last_closed_date = VALUES(last_closed_date)"));
    q->setString(1, day);
    q->executeUpdate();
  }

  // A household's loan disbursed on `day` in `township` (town1: village
  // v11, town2: v21), written as disbursement writes it.
  Loan Disburse(const std::string& borrower, const std::string& township, absl::CivilDay day, int64_t fen) {
    Loan l;
    l.id = absl::StrFormat("01LOAN%020d", ++next_loan_);
    l.application_id = absl::StrFormat("01APPL%020d", next_loan_);
    l.place = LendingPlace{borrower, kPovertySmallLoanId, township == "town1" ? "v11" : "v21", township, "county",
                           "rcc"};
    l.bank_reference = absl::StrCat("RCC-", next_loan_);
    l.principal_fen = l.outstanding_principal_fen = fen;
    l.rate_bp = 435;
    l.disbursement_date = day;
    l.term_months = 36;
    l.maturity_date = absl::CivilDay(day.year() + 3, day.month(), day.day());
    l.create_time = l.update_time = At(day);
    const absl::Status s = store::InsertLoan(*conn_, l);
    EXPECT_TRUE(s.ok()) << s;
    return l;
  }

  // Servicing's change of the loan, booked on `posting`.
  Loan Service(const Loan& before, LoanClass c, int64_t outstanding_fen, absl::CivilDay posting,
               LoanStatus status = LoanStatus::kActive) {
    Loan after = before;
    after.loan_class = c;
    after.days_past_due = c == LoanClass::kNormal ? 0 : (c == LoanClass::kOverdue ? 30 : 90);
    after.outstanding_principal_fen = outstanding_fen;
    after.status = status;
    after.version += 1;
    after.update_time = At(posting);
    const absl::Status s = store::UpdateLoanServicing(*conn_, before, after, posting);
    EXPECT_TRUE(s.ok()) << s;
    return after;
  }

  // The seeds' county: 563 households with 27,105,000 CNY lent before 2026,
  // then 28 households with 1,000,000 CNY in 2026 — 10 in Q1, 9 in Q2, 9 in
  // Q3 (three a month) — one of which borrowed twice in August (17,500 and
  // 20,000 CNY).
  void SeedCounty() {
    int household = 0;
    auto next = [&household] { return absl::StrFormat("01HOUSEHOLD%015d", ++household); };
    for (int i = 0; i < 541; ++i) {  // 541 × 50,000
      Disburse(next(), i % 2 == 0 ? "town1" : "town2", absl::CivilDay(2024, 1 + i % 12, 1 + i % 28), 50'000 * kYuan);
    }
    for (int i = 0; i < 22; ++i) {  // 22 × 2,500
      Disburse(next(), "town2", absl::CivilDay(2025, 1 + i % 11, 10), 2'500 * kYuan);  // January to November
    }
    // 2026: 20 × 35,000 and 8 × 37,500 (one of the latter as two loans).
    const int per_month[] = {4, 3, 3, 3, 3, 3, 3, 3, 3};  // January to September
    int in_year = 0;
    for (int m = 0; m < 9; ++m) {
      for (int k = 0; k < per_month[m]; ++k, ++in_year) {
        const absl::CivilDay day(2026, m + 1, 5 + k);
        const std::string township = in_year % 2 == 0 ? "town1" : "town2";
        if (in_year == 20) {  // August, the household that borrowed twice
          const std::string twice = next();
          Disburse(twice, township, day, 17'500 * kYuan);
          Disburse(twice, township, day + 10, 20'000 * kYuan);
        } else {
          Disburse(next(), township, day, (in_year < 20 ? 35'000 : 37'500) * kYuan);
        }
      }
    }
  }

  // The county's fund: 7,000,000 CNY from 1 March 2026 (000:1437), a claim
  // of 25,000 CNY filed on 20 October and paid on 20 November.
  void SeedFund() {
    Exec("INSERT INTO risk_funds (id, county_id, title, finance_bureau_id, poverty_office_id, balance_fen,"
         " total_contributions_fen, total_compensations_fen, total_recoveries_fen, version, create_time, update_time)"
         " VALUES ('F', 'county', '风险补偿金', 'units/fin', 'units/pov', 697500000, 700000000, 2500000, 0, 2,"
         " '2026-03-01 02:00:00', '2026-11-20 02:00:00')");
    Exec("INSERT INTO fund_transactions (id, fund_id, kind, amount_fen, value_date, reference, balance_after_fen,"
         " recorded_by, record_time) VALUES"
         " ('T1', 'F', 1, 700000000, '2026-03-01', 'CZ-1', 700000000, 'staff/f', '2026-03-01 02:00:00'),"
         " ('T2', 'F', 2, 2500000, '2026-11-20', 'CZ-2', 697500000, 'staff/f', '2026-11-20 02:00:00')");
    Exec("INSERT INTO compensation_claims (id, fund_id, loan_id, county_id, loss_fen, ratio_bp, policy_id, amount_fen,"
         " state, reviews_json, payment_transaction_id, filed_by, version, create_time, update_time)"
         " VALUES ('C', 'F', 'L', 'county', 2500000, 10000, 'P', 2500000, 3, '[]', 'T2', 'staff/c', 4,"
         " '2026-10-20 02:00:00', '2026-11-20 02:00:00')");
  }

  grpc::Status Monthly(const std::string& month, v1::LendingReport* out, const std::string& who = "") {
    v1::GetMonthlyReportRequest req;
    req.set_county("units/county");
    req.set_month(month);
    return servicing_->GetMonthlyReport(who.empty() ? Auditor().get() : As(who).get(), req, out);
  }

  v1::LendingReport Month(const std::string& month) {
    v1::LendingReport r;
    const grpc::Status s = Monthly(month, &r);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return r;
  }

  v1::LendingReport Quarter(const std::string& quarter) {
    v1::GetQuarterlyBulletinRequest req;
    req.set_county("units/county");
    req.set_quarter(quarter);
    v1::LendingReport r;
    const grpc::Status s = servicing_->GetQuarterlyBulletin(Admin().get(), req, &r);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return r;
  }

  static const v1::TownshipFigures* Township(const v1::LendingReport& r, const std::string& id) {
    for (const v1::TownshipFigures& t : r.townships()) {
      if (t.township() == "units/" + id) return &t;
    }
    return nullptr;
  }

  // The report without the instant it was made.
  static std::string Figures(v1::LendingReport r) {
    r.clear_generate_time();
    return r.SerializeAsString();
  }

  std::unique_ptr<sql::Connection> conn_;
  int next_loan_ = 0;
};

}  // namespace huinong::loans::reports_api_test
