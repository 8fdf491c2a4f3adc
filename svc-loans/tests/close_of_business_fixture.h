// The close-of-business tests' fixture (close_of_business_test.cc,
// close_of_business_history_test.cc): a business clock at 2026-09-01
// (Beijing), two counties with the same policy, household small loans of
// 50,000 CNY written straight into the store with their schedules, and
// each loan's figures, standings and reminders read back.
#pragma once

#include <algorithm>
#include <atomic>
#include <functional>
#include <map>
#include <set>
#include <thread>

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/status_details.h"
#include "svc-loans/src/api/close_of_business_mapping.h"
#include "svc-loans/src/app/repayments.h"
#include "svc-loans/src/domain/months.h"
#include "svc-loans/src/store/close_of_business_store.h"
#include "svc-loans/src/store/loan_store.h"
#include "svc-loans/src/store/policy_store.h"
#include "svc-loans/tests/applications_fixture.h"

namespace huinong::loans::close_of_business_test {

using applications_api_test::Applications;
using applications_api_test::kHousehold;
using applications_api_test::kSmall;
using applications_api_test::Policy;

constexpr int64_t kPrincipal = 5'000'000;

inline std::string LoanId(const std::string& county, int n) {
  return absl::StrFormat("01COB%sLOAN%012d", county == "county" ? "AAAA" : "BBBB", n);
}

// A loan's figures as the job leaves them, and its history.
struct LoanState {
  int status = 0;
  int classification = 0;
  int days_past_due = 0;
  int64_t outstanding = 0;
  int64_t version = 0;
  std::vector<std::string> standings;  // "YYYY-MM-DD class dpd outstanding"
  std::vector<std::string> reminders;  // "remind_on business_date"
};

class CloseOfBusiness : public Applications {
 protected:
  void SetUp() override {
    clock_ = BusinessClock::Settable(absl::FromCivil(absl::CivilSecond(2026, 9, 1, 10, 0, 0),
                                                     absl::FixedTimeZone(8 * 3600)),
                                     kDefaultCountyTimeZone);
    Applications::SetUp();
    // A second county with the same policy: what it catches up in one run
    // is compared with what the first closes date by date.
    org_->AddUnit("county2", type::v1::LEVEL_COUNTY);
    org_->AddUnit("town3", type::v1::LEVEL_TOWNSHIP, "county2");
    org_->AddUnit("v31", type::v1::LEVEL_VILLAGE, "town3");
    org_->Grant("operator", "loans.cob.run", "county");
    CountyPolicy second = Policy(SmallLoanModel::kGuaranteed);
    second.id = "01COUNTYPOLICY2SECOND00001";
    second.county_id = "county2";
    auto conn = pool_->Connect();
    ASSERT_TRUE(conn.ok());
    ASSERT_TRUE(store::InsertPolicy(**conn, second).ok());
  }

  Loan NewLoan(const std::string& county, int n, absl::CivilDay disbursed, int months) {
    Loan l;
    l.id = LoanId(county, n);
    l.application_id = l.id;
    const bool first = county == "county";
    l.place = LendingPlace{kHousehold, kSmall, first ? "v11" : "v31", first ? "town1" : "town3", county, "rcc"};
    l.bank_reference = "RCC-" + l.id;
    l.principal_fen = l.outstanding_principal_fen = kPrincipal;
    l.rate_bp = 435;
    l.disbursement_date = disbursed;
    l.term_months = months;
    l.maturity_date = AddMonths(disbursed, months);
    l.create_time = l.update_time = clock_->Now();
    return l;
  }

  Loan AddLoan(const std::string& county, int n, absl::CivilDay disbursed, int months) {
    const Loan l = NewLoan(county, n, disbursed, months);
    const absl::Status s = pool_->Transact([&](sql::Connection& conn) -> absl::Status {
      RETURN_IF_ERROR(store::InsertLoan(conn, l));
      return StoreSchedule(conn, l);
    });
    EXPECT_TRUE(s.ok()) << s;
    return l;
  }

  absl::CivilDay FirstDue(const Loan& l) { return (*BuildSchedule(TermsOfLoan(l)))[0].due_date; }

  // A replica of its own: `holder` names it in the lease.
  std::unique_ptr<CloseOfBusinessJob> Replica(const std::string& holder, int batch = 2,
                                              absl::Duration ttl = absl::Seconds(30)) {
    return std::make_unique<CloseOfBusinessJob>(*pool_, clock_, CobSettings{batch, ttl, holder},
                                                CobAuditRecorders(), nullptr);
  }

  grpc::Status Run(const std::string& county, absl::CivilDay through, v1::CloseOfBusinessStatus* out,
                   std::unique_ptr<grpc::ClientContext> who = nullptr) {
    v1::RunCloseOfBusinessRequest req;
    req.set_request_id(NextRequestId());
    req.set_county("units/" + county);
    *req.mutable_through() = rpc::ToDate(through);
    return cob_->RunCloseOfBusiness(who ? who.get() : Admin().get(), req, out);
  }

  void RunOk(const std::string& county, absl::CivilDay through) {
    v1::CloseOfBusinessStatus out;
    const grpc::Status s = Run(county, through, &out);
    ASSERT_TRUE(s.ok()) << s.error_message();
    const type::v1::Date& d = out.last_closed_date();
    EXPECT_EQ(absl::CivilDay(d.year(), d.month(), d.day()), through);
  }

  std::vector<std::string> Strings(const std::string& sql) {
    std::vector<std::string> out;
    auto conn = pool_->Connect();
    EXPECT_TRUE(conn.ok());
    std::unique_ptr<sql::PreparedStatement> q((*conn)->prepareStatement(sql));
    std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
    while (rs->next()) out.push_back(rs->getString(1));
    return out;
  }

  LoanState State(const std::string& id) {
    LoanState s;
    auto conn = pool_->Connect();
    EXPECT_TRUE(conn.ok());
    const absl::StatusOr<std::optional<Loan>> l = store::GetLoan(**conn, id);
    EXPECT_TRUE(l.ok() && l->has_value());
    if (!l.ok() || !l->has_value()) return s;
    s.status = static_cast<int>((*l)->status);
    s.classification = static_cast<int>((*l)->loan_class);
    s.days_past_due = (*l)->days_past_due;
    s.outstanding = (*l)->outstanding_principal_fen;
    s.version = (*l)->version;
    s.standings = Strings(absl::StrCat("SELECT CONCAT(as_of, ' ', classification, ' ', days_past_due, ' ',"
                                       " outstanding_principal_fen) FROM loan_standings WHERE loan_id = '", id,
                                       "' ORDER BY as_of"));
    s.reminders = Strings(absl::StrCat("SELECT CONCAT(remind_on, ' ', business_date) FROM maturity_reminders"
                                       " WHERE loan_id = '", id, "' ORDER BY maturity_date"));
    return s;
  }

  int64_t Events(const std::string& type) {
    const std::vector<audit::v1::Event> events = OutboxEvents();
    return std::count_if(events.begin(), events.end(),
                         [&](const audit::v1::Event& e) { return e.resource_type() == type; });
  }

  std::optional<store::CobProgress> Progress(const std::string& county) {
    auto conn = pool_->Connect();
    EXPECT_TRUE(conn.ok());
    return *store::LoadProgress(**conn, county, false);
  }
};

inline bool SameFigures(const LoanState& a, const LoanState& b) {
  return a.status == b.status && a.classification == b.classification && a.days_past_due == b.days_past_due &&
         a.outstanding == b.outstanding && a.version == b.version;
}

}  // namespace huinong::loans::close_of_business_test
