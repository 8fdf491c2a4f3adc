// The loans part of `huinongctl demo load`, after the organisations: the
// 固安 county policy (base rate 435 bp, 政银企户保, the seeds' ceilings), the
// two products (扶贫小额信贷: households, revolving, 50,000 CNY, 36 months;
// 产业发展贷款: every type up to the county ceilings, rate ×1.0–×1.45,
// counter-guarantee above 50,000 CNY), borrowers of every type, and
// applications standing in every state from DRAFT to DISBURSED, REJECTED and
// WITHDRAWN — one disbursed small loan with a second draw on its credit line,
// one cooperative's industry loan through guarantee and insurance — and the
// disbursed loans of the servicing history (demo_servicing.h).
//
// Every step is taken by the demo person whose post holds its capability,
// with a token minted for them from the suite's development secret (as
// `huinongctl token` mints one): the village agent creates, submits and
// withdraws, the township director surveys (and rejects at the survey), a
// county reviewer reviews and recommends a bank, the guarantee company's
// and PICC's officers guarantee and insure, the recommended bank's credit
// officer signs, disburses and draws; the county's policy officer sets the
// policy and products.
//
// Idempotent: every object has a fixed request id ("demo:<kind>:<key>"); an
// application is created (or found) first and only the steps beyond its
// current state are taken, so a rerun on another day changes nothing and
// never sends a step again with another day's dates. A borrower, product or
// policy someone else made (ALREADY_EXISTS) or an earlier demo's
// (REQUEST_ID_REUSED) is found and adopted.
//
// The dates are the server's business date (svc-loans' close-of-business
// status), not this machine's: on fresh data scripts/up.sh loads the demo
// first with the suite's clock 135 days behind, so the applications are
// taken through on that day, the disbursed ones have a servicing history by
// today (demo_servicing.h), and the surveyed ones' county reviews (due two
// working days after the survey, on the county's calendar) are overdue from
// the start. Loaded at today's clock, nothing is overdue on the day of
// loading: the review's due day is counted from the day the survey is
// recorded, and the API never backdates one.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"
#include "huinong/loans/v1/applications.pb.h"
#include "huinong/loans/v1/borrowers.pb.h"
#include "tools/huinongctl/src/demo_ensure.h"
#include "tools/huinongctl/src/invocation.h"

namespace huinong::ctl {

struct DemoBorrower {
  std::string key{};
  int unit = 0;  // DemoUnit index: a village (a leading enterprise: its township)
  loans::v1::Borrower borrower{};  // without its unit
  std::string registered_poor_from{};  // households registered poor: the day, and its number
  std::string poverty_number{};
};

struct DemoApplication {
  std::string key{};
  std::string borrower{};  // DemoBorrower key
  bool small_loan = true;  // 扶贫小额信贷, else 产业发展贷款
  int64_t amount_yuan = 0;
  int term_months = 0;
  loans::v1::Purpose purpose = loans::v1::PURPOSE_PRODUCTION;
  std::string detail{};
  int bank = 106;  // the DemoUnit index of the bank the county recommends
  // Where it stands after loading: every step up to this state is taken;
  // REJECTED is rejected at the survey by the township director, WITHDRAWN
  // withdrawn by the station after submission.
  loans::v1::ApplicationState target = loans::v1::APPLICATION_STATE_DRAFT;
  int64_t second_draw_yuan = 0;  // a disbursed small loan: a further draw on its line
};

struct DemoLending {
  std::vector<DemoBorrower> borrowers;
  std::vector<DemoApplication> applications;
};

const DemoLending& DemoLendingPlan();

// The demo posts that act on a borrower's or an application's steps: who
// takes the applications (the village agent; for a leading enterprise the
// township's credit officer), the township director who surveys, and the
// credit officer of the bank the county recommends.
std::string DemoIntakePost(const DemoBorrower& borrower);
std::string DemoTownshipDirectorPost(const DemoBorrower& borrower);
std::string DemoBankPost(const DemoApplication& application);

// Who holds a demo post: "staff/{id}", the post's unit "units/{id}", the name.
struct DemoHolder {
  std::string staff;
  std::string unit;
  std::string display_name;
};
// The demo's people by post key (the first primary holder), and its units
// by DemoUnit index.
struct DemoPeople {
  std::map<std::string, DemoHolder> holder_by_post;
  std::map<int, std::string> units;
};

// Loads the policy, products, borrowers and applications, tallied in `load`;
// tokens minted with the secret named in inv.config, at `now`.
absl::Status LoadDemoLending(const Invocation& inv, const DemoPeople& people, DemoLoad& load, absl::Time now);

}  // namespace huinong::ctl
