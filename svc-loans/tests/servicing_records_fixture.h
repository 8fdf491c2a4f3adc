// What the servicing API tests share (repayments_api_test.cc,
// extensions_api_test.cc, return_visits_api_test.cc): loans walked to
// DISBURSED by the application fixtures — the household's poverty small
// loan (a credit line) and the cooperative's industry loan (none) — on a
// business clock the test moves, and the calls they make.
#pragma once

#include <map>
#include <set>
#include <string>

#include "absl/strings/str_cat.h"
#include "common/rpc/errors.h"
#include "common/rpc/proto_time.h"
#include "svc-loans/tests/applications_fixture.h"

namespace huinong::loans::servicing_records_test {

using applications_api_test::Applications;
using applications_api_test::Doc;
using applications_api_test::kCooperative;
using applications_api_test::kHousehold;
using applications_api_test::kIndustry;
using applications_api_test::kOther;
using applications_api_test::kSmall;
using applications_api_test::Reason;

inline std::set<std::string> Fields(const grpc::Status& s) {
  std::set<std::string> out;
  for (const rpc::FieldViolation& f : rpc::FieldViolationsOf(rpc::FromGrpcStatus(s))) out.insert(f.field);
  return out;
}

// The broken rules of a FAILED_PRECONDITION, by type.
inline std::set<std::string> Rules(const grpc::Status& s) {
  std::set<std::string> out;
  for (const rpc::PreconditionViolation& p : rpc::PreconditionViolationsOf(rpc::FromGrpcStatus(s))) {
    out.insert(p.type);
  }
  return out;
}

// 50,000 CNY × 4.35% × days ÷ 365, half up to the fen (docs/schedules.md).
inline int64_t MonthInterestFen(int days) {
  const std::map<int, int64_t> by_days = {{28, 16'685}, {29, 17'281}, {30, 17'877}, {31, 18'473}};
  return by_days.at(days);
}

inline absl::CivilDay Day(const type::v1::Date& d) { return absl::CivilDay(d.year(), d.month(), d.day()); }

class ServicingRecords : public Applications {
 protected:
  void SetUp() override {
    clock_ = BusinessClock::Settable(absl::Now(), kDefaultCountyTimeZone);
    Applications::SetUp();
  }

  // The rest of the workflow after the survey, paying out `paid_fen` of
  // `fen` for `months` at 435 bp; the application as disbursed.
  v1::Application PaidOut(v1::Application a, int64_t fen, int64_t paid_fen, int months, const std::string& reference) {
    EXPECT_TRUE(Review(a, fen, months, 435).ok());
    EXPECT_TRUE(Guarantee(a, fen).ok());
    EXPECT_TRUE(Insure(a, v1::INSURANCE_KIND_SURETY, fen).ok());
    EXPECT_TRUE(Sign(a, fen, months, 435).ok());
    const grpc::Status s = Pay(a, paid_fen, reference);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return a;
  }

  // The cooperative's industry loan of 50,000 CNY for `months` (no credit line).
  v1::Loan IndustryLoan(int months) {
    v1::Application a;
    EXPECT_TRUE(Create(kCooperative, kIndustry, 5'000'000, months, v1::PURPOSE_BUSINESS_OPERATION, &a).ok());
    EXPECT_TRUE(Submit(a).ok());
    EXPECT_TRUE(RecordSurvey(a).ok());
    return Loan(PaidOut(a, 5'000'000, 5'000'000, months, "RCC-TX-0200").loan());
  }

  // The household's small loan in v11: `paid_fen` of 50,000 CNY for `months`.
  v1::Application SmallLoan(int months, int64_t paid_fen, const std::string& reference) {
    v1::Application a;
    EXPECT_TRUE(Create(kHousehold, kSmall, 5'000'000, months, v1::PURPOSE_PRODUCTION, &a).ok());
    EXPECT_TRUE(Submit(a).ok());
    EXPECT_TRUE(RecordSurvey(a).ok());
    return PaidOut(a, 5'000'000, paid_fen, months, reference);
  }

  // The other household's small loan in v21 (town2), 36 months.
  v1::Loan Town2Loan() {
    v1::Application a;
    EXPECT_TRUE(Create(kOther, kSmall, 5'000'000, 36, v1::PURPOSE_PRODUCTION, &a, "clerk21").ok());
    EXPECT_TRUE(Submit(a, "clerk21").ok());
    EXPECT_TRUE(RecordSurvey(a, "director2").ok());
    return Loan(PaidOut(a, 5'000'000, 5'000'000, 36, "RCC-TX-0300").loan());
  }

  v1::Loan Loan(const std::string& name, const std::string& who = "rcc-officer") {
    v1::GetLoanRequest req;
    req.set_name(name);
    v1::Loan out;
    const grpc::Status s = servicing_->GetLoan(As(who).get(), req, &out);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return out;
  }

  v1::RepaymentSchedule Schedule(const std::string& name, const std::string& who = "rcc-officer") {
    v1::GetRepaymentScheduleRequest req;
    req.set_name(name);
    v1::RepaymentSchedule out;
    const grpc::Status s = servicing_->GetRepaymentSchedule(As(who).get(), req, &out);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return out;
  }

  v1::ExtendLoanRequest Extension(const v1::Loan& loan, int months) {
    v1::ExtendLoanRequest req;
    req.set_request_id(NextRequestId());
    req.set_name(loan.name());
    req.set_etag(loan.etag());
    req.set_months(months);
    req.set_reason("养殖周期延长，借款人申请展期");
    *req.mutable_document() = Doc("extension-agreement");
    return req;
  }

  grpc::Status Extend(const v1::ExtendLoanRequest& req, v1::Loan* out, const std::string& who = "rcc-officer") {
    return servicing_->ExtendLoan(As(who).get(), req, out);
  }

  void AdvanceDays(int days) { clock_->Advance(absl::Hours(24 * days)); }
};

}  // namespace huinong::loans::servicing_records_test
