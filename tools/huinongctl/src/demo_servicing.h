// The servicing history of `huinongctl demo load`, after the applications:
// loans standing in every state — current (paid on time), overdue (two
// instalments paid, then nothing: under 90 days past due), non-performing
// (nothing paid: 90 days or more), settled (paid off 60 days after its
// disbursement, its interest subsidy claimed, checked by the township,
// reviewed by the county and in its 7-day public notice), written off (the
// bank's request approved by the county, its compensation claim reviewed by
// the poverty office and the finance bureau and paid from the county's risk
// fund of 7,000,000 CNY, `000:1423-1437`), and extended (6 months) — with two
// return visits; 柳泉镇 stands near the breaker (one non-performing loan of
// 10,000 CNY in 350,000 outstanding: 285 bp, under the 300 that trips it).
//
// The API records every change at the server's business date and never
// backdates one, so a history needs days to have passed: scripts/up.sh runs
// `demo load` first with the suite's clock 135 days behind (stage one: the
// loans are disbursed then, the fund is set up and the county's close of
// business starts the day before), then again at today (stage two: the
// repayments valued on their due dates, the close of business through
// yesterday, then the write-off, the claims, the extension and the visits).
// Stage two starts once kDemoHistoryDays have passed since the loans'
// disbursement; before that `demo load` says so and stops after stage one.
//
// Idempotent: every step is taken as the person whose post holds it, with a
// fixed request id, and only when the stored data says it is still to be
// done; the repayments' value dates and amounts come from the stored
// schedules and disbursement dates, not from today, so a later run computes
// the same requests and changes nothing.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "huinong/loans/v1/applications.pb.h"
#include "huinong/loans/v1/servicing.pb.h"
#include "tools/huinongctl/src/demo_desks.h"
#include "tools/huinongctl/src/demo_ensure.h"
#include "tools/huinongctl/src/loans_client.h"

namespace huinong::ctl {

// How far behind scripts/up.sh runs the suite's clock for stage one
// (scripts/lib/demo.sh: -3240h), in days.
inline constexpr int kDemoHistoryStageDays = 135;
// The days after the disbursement the history covers: instalments due by
// then are paid on time (current loans), and stage two waits for them.
inline constexpr int kDemoHistoryDays = 130;
// An overdue loan pays this many instalments, then stops.
inline constexpr int kDemoOverduePaidInstalments = 2;
// A settled loan is paid off this many days after its disbursement.
inline constexpr int kDemoSettledAfterDays = 60;
// The county's risk fund, as the seeds give it (`000:1433`).
inline constexpr int64_t kDemoFundContributionYuan = 7'000'000;

enum class DemoStanding { kCurrent, kOverdue, kNonPerforming, kSettled, kWrittenOff };

struct DemoReturnVisit {
  int after_days = 0;  // after the disbursement
  std::string findings{};
  loans::v1::FundsUse funds_use = loans::v1::FUNDS_USE_AS_CONTRACTED;
  loans::v1::ProductionStatus production = loans::v1::PRODUCTION_STATUS_NORMAL;
  bool follow_up = false;
};

struct DemoServicedLoan {
  std::string application{};  // a DISBURSED DemoApplication's key; every loan of it (a credit line's draws too)
  DemoStanding standing = DemoStanding::kCurrent;
  int extend_months = 0;   // current loans: extended today by this much
  bool subsidy = false;    // settled loans: the interest subsidy claimed, up to its public notice
  std::vector<DemoReturnVisit> visits{};
};

const std::vector<DemoServicedLoan>& DemoServicingPlan();
// The lending plan's application of `key`, and its borrower (the plans are
// checked consistent by demo_servicing_test.cc).
const DemoApplication& DemoApplicationOf(const std::string& key);
const DemoBorrower& DemoBorrowerOf(const DemoApplication& application);

// The county's business date as svc-loans has it (its clock may run behind
// or ahead of this machine's).
absl::StatusOr<absl::CivilDay> DemoBusinessDate(const LoansClient& loans, const std::string& county);

// Loads the history at `today` (the server's business date), tallied in
// `load`; `applications` are the demo's as they stand, by key.
absl::Status LoadDemoServicing(DemoDesks& desks, DemoLoad& load, absl::CivilDay today,
                               const std::map<std::string, loans::v1::Application>& applications);

}  // namespace huinong::ctl
