// A household's poor-household registration as dated changes, and who may
// end a blacklist entry: the day boundaries (a period lasts at least a day;
// a new one may start on the day the last was lifted; nothing dated after
// today), the refusals by reason, and a refusal changing nothing.
#include <gtest/gtest.h>

#include "common/rpc/status_details.h"
#include "svc-loans/src/domain/blacklist.h"
#include "svc-loans/src/domain/poverty_registration.h"

namespace huinong::loans {
namespace {

const absl::CivilDay kToday(2026, 12, 2);
const PovertyChangeFields kFields{"name", "change.effective_date", "change.registration_number"};

PovertyChange Registered(absl::CivilDay day, std::string number = "JD-0001") {
  PovertyChange c;
  c.kind = PovertyChange::Kind::kRegistered;
  c.day = day;
  c.number = std::move(number);
  return c;
}

PovertyChange Lifted(absl::CivilDay day) {
  PovertyChange c;
  c.kind = PovertyChange::Kind::kLifted;
  c.day = day;
  return c;
}

absl::Status Apply(Borrower& b, const PovertyChange& c) {
  return ApplyPovertyChange(b, c, "staff/clerk11", absl::FromUnixSeconds(1'796'000'000), kToday, kFields);
}

std::string FieldOf(const absl::Status& s) {
  const auto fields = rpc::FieldViolationsOf(s);
  return fields.size() == 1 ? fields[0].field : "";
}

Borrower AHousehold() {
  Borrower b;
  b.profile.type = BorrowerType::kHousehold;
  return b;
}

TEST(PovertyRegistration, PeriodsOpenAndCloseOnTheirDays) {
  Borrower b = AHousehold();
  ASSERT_TRUE(Apply(b, Registered(absl::CivilDay(2016, 3, 1))).ok());
  EXPECT_EQ(b.poverty_registration_number, "JD-0001");
  EXPECT_EQ(b.profile.poor_registrations[0].registered_by, "staff/clerk11");
  // Lifted on the day it began: refused; the day after: a one-day period.
  EXPECT_EQ(FieldOf(Apply(b, Lifted(absl::CivilDay(2016, 3, 1)))), "change.effective_date");
  ASSERT_TRUE(Apply(b, Lifted(absl::CivilDay(2016, 3, 2))).ok());
  EXPECT_TRUE(b.profile.PoorOn(absl::CivilDay(2016, 3, 1)));
  EXPECT_FALSE(b.profile.PoorOn(absl::CivilDay(2016, 3, 2)));
  EXPECT_EQ(b.poverty_registration_number, "");
  // Registered again the day before the lifting: refused; on it: allowed.
  EXPECT_EQ(FieldOf(Apply(b, Registered(absl::CivilDay(2016, 3, 1)))), "change.effective_date");
  ASSERT_TRUE(Apply(b, Registered(absl::CivilDay(2016, 3, 2), "JD-0002")).ok());
  for (const auto& [field, description] : BorrowerViolations(b)) {  // no identity here: only the periods matter
    EXPECT_EQ(field.find("person.poor_registrations"), std::string::npos) << field << ": " << description;
  }
}

TEST(PovertyRegistration, NothingIsDatedAfterToday) {
  Borrower b = AHousehold();
  EXPECT_EQ(FieldOf(Apply(b, Registered(kToday + 1))), "change.effective_date");
  ASSERT_TRUE(Apply(b, Registered(kToday - 1)).ok());
  EXPECT_EQ(FieldOf(Apply(b, Lifted(kToday + 1))), "change.effective_date");
  EXPECT_TRUE(Apply(b, Lifted(kToday)).ok());
}

TEST(PovertyRegistration, RefusalsByReasonChangeNothing) {
  Borrower b = AHousehold();
  absl::Status s = Apply(b, Lifted(absl::CivilDay(2020, 1, 1)));
  EXPECT_EQ(rpc::ReasonOf(s), "NOT_REGISTERED");
  ASSERT_TRUE(Apply(b, Registered(absl::CivilDay(2016, 3, 1))).ok());
  const Borrower before = b;
  s = Apply(b, Registered(absl::CivilDay(2017, 1, 1)));
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(rpc::ReasonOf(s), "ALREADY_REGISTERED");
  EXPECT_EQ(FieldOf(Apply(b, Registered(absl::CivilDay(2017, 1, 1), ""))), "change.registration_number");
  EXPECT_EQ(b.profile.poor_registrations.size(), before.profile.poor_registrations.size());
  Borrower coop;
  coop.profile.type = BorrowerType::kCooperative;
  EXPECT_EQ(FieldOf(Apply(coop, Registered(absl::CivilDay(2017, 1, 1)))), "name");
}

TEST(Blacklist, AnotherReviewerEndsAnActiveEntry) {
  BlacklistEntry e;
  e.listed_by = "staff/reviewer";
  EXPECT_TRUE(CheckRemoval(e, "staff/reviewer2").ok());
  const absl::Status self = CheckRemoval(e, "staff/reviewer");
  EXPECT_EQ(self.code(), absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(rpc::ReasonOf(self), "SELF_APPROVAL");
  e.active = false;
  EXPECT_EQ(rpc::ReasonOf(CheckRemoval(e, "staff/reviewer2")), "INVALID_TRANSITION");
}

}  // namespace
}  // namespace huinong::loans
