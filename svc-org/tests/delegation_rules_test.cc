// The delegation rules of an acting assignment (代理: a deputy acting for an
// absent head under a recorded delegation, `000:439`, `001:577`) and which
// concurrency policy governs a unit (the nearest one up the tree), free of I/O.
#include <gtest/gtest.h>

#include "common/rpc/status_details.h"
#include "svc-org/src/domain/concurrency.h"
#include "svc-org/src/domain/delegation.h"

namespace huinong::org {
namespace {

using absl::CivilDay;

// The township station's head post, with its capabilities and superior (the
// county centre's director).
Post HeadPost() {
  Post p;
  p.id = "head";
  p.unit_id = "station";
  p.terms.capabilities = {"subsidy.check.township", "loans.survey.lead"};
  p.terms.superior_post_id = "director";
  return p;
}

Assignment Holder(std::string staff, CivilDay from, std::optional<CivilDay> to = std::nullopt,
                  AssignmentKind kind = AssignmentKind::kPrimary) {
  Assignment a;
  a.staff_id = std::move(staff);
  a.post_id = "head";
  a.kind = kind;
  a.effective_from = from;
  a.effective_to = to;
  return a;
}

// The deputy acts for the head for the head's leave, 1–14 March.
Assignment Acting(std::string delegated_by, std::vector<std::string> capabilities = {}) {
  Assignment a = Holder("deputy", CivilDay(2026, 3, 1), CivilDay(2026, 3, 14), AssignmentKind::kActing);
  a.delegation = Delegation{"head-holder", std::move(delegated_by), "休假", {}, std::move(capabilities)};
  return a;
}

std::string Check(const Assignment& acting, const std::vector<Assignment>& on_post,
                  const std::vector<Assignment>& superior = {}) {
  absl::Status s = CheckDelegation(acting, HeadPost(), on_post, superior);
  if (s.ok()) return "OK";
  if (s.code() == absl::StatusCode::kInvalidArgument) return rpc::FieldViolationsOf(s).at(0).field;
  return rpc::ReasonOf(s);
}

const std::vector<Assignment> kHeldAllYear = {Holder("head-holder", CivilDay(2026, 1, 1), CivilDay(2026, 12, 31))};

TEST(Delegation, TheAbsentHeadHandsOverSomeOfThePostsCapabilities) {
  EXPECT_EQ(Check(Acting("head-holder", {"subsidy.check.township"}), kHeldAllYear), "OK");
  EXPECT_EQ(Check(Acting("head-holder"), kHeldAllYear), "OK");  // none listed: all of them
}

TEST(Delegation, ACapabilityThePostDoesNotHaveIsNamed) {
  EXPECT_EQ(Check(Acting("head-holder", {"subsidy.check.township", "loans.review.county"}), kHeldAllYear),
            "assignment.delegation.capabilities[1]");
}

TEST(Delegation, TheHeadMustHoldThePostThroughoutTheActingPeriod) {
  EXPECT_EQ(Check(Acting("head-holder"), {Holder("head-holder", CivilDay(2026, 3, 2))}), "ACTING_FOR_NOT_HOLDER");
  EXPECT_EQ(Check(Acting("head-holder"), {Holder("head-holder", CivilDay(2026, 1, 1), CivilDay(2026, 3, 13))}),
            "ACTING_FOR_NOT_HOLDER");
  EXPECT_EQ(Check(Acting("head-holder"), {Holder("head-holder", CivilDay(2026, 1, 1), CivilDay(2026, 3, 14))}), "OK");
  EXPECT_EQ(Check(Acting("head-holder"), {Holder("head-holder", CivilDay(2026, 1, 1))}), "OK");  // open-ended
  // Someone else holding it, an acting holder, or a cancelled schedule do not count.
  EXPECT_EQ(Check(Acting("head-holder"), {Holder("other", CivilDay(2026, 1, 1))}), "ACTING_FOR_NOT_HOLDER");
  EXPECT_EQ(Check(Acting("head-holder"),
                  {Holder("head-holder", CivilDay(2026, 1, 1), std::nullopt, AssignmentKind::kActing)}),
            "ACTING_FOR_NOT_HOLDER");
  EXPECT_EQ(Check(Acting("head-holder"), {Holder("head-holder", CivilDay(2026, 1, 1), CivilDay(2025, 12, 31))}),
            "ACTING_FOR_NOT_HOLDER");
  // An open-ended acting needs an open-ended holder.
  Assignment open = Acting("head-holder");
  open.effective_to.reset();
  EXPECT_EQ(Check(open, kHeldAllYear), "ACTING_FOR_NOT_HOLDER");
}

TEST(Delegation, OnlyTheHeadOrAHolderOfTheSuperiorPostDelegates) {
  Assignment director = Holder("director-holder", CivilDay(2025, 1, 1));
  director.post_id = "director";
  EXPECT_EQ(Check(Acting("director-holder"), kHeldAllYear, {director}), "OK");
  EXPECT_EQ(Check(Acting("someone"), kHeldAllYear, {director}), "DELEGATOR_NOT_ENTITLED");
  EXPECT_EQ(Check(Acting("director-holder"), kHeldAllYear, {}), "DELEGATOR_NOT_ENTITLED");
}

TEST(Cancelled, ALastDayBeforeTheFirstIsInForceOnNoDay) {
  EXPECT_TRUE(Cancelled(Holder("x", CivilDay(2026, 3, 2), CivilDay(2026, 3, 1))));
  EXPECT_FALSE(Cancelled(Holder("x", CivilDay(2026, 3, 2), CivilDay(2026, 3, 2))));
  EXPECT_FALSE(Cancelled(Holder("x", CivilDay(2026, 3, 2))));
}

ConcurrencyPolicy PolicyOn(std::string unit_id) {
  ConcurrencyPolicy p;
  p.id = "policy-of-" + unit_id;
  p.unit_id = std::move(unit_id);
  return p;
}

TEST(GoverningPolicy, TheNearestPolicyUpTheTreeApplies) {
  // The county centre has a policy; the loan company under it has its own
  // (001:267); its business department has none.
  const std::vector<ConcurrencyPolicy> policies = {PolicyOn("county"), PolicyOn("loans")};
  EXPECT_EQ(GoverningPolicy(policies, "/county/loans/business/")->id, "policy-of-loans");
  EXPECT_EQ(GoverningPolicy(policies, "/county/loans/")->id, "policy-of-loans");  // its own unit's first
  EXPECT_EQ(GoverningPolicy(policies, "/county/township/")->id, "policy-of-county");
  EXPECT_EQ(GoverningPolicy(policies, "/other/"), nullptr);
  EXPECT_EQ(GoverningPolicy({}, "/county/"), nullptr);
  // The order policies are listed in does not matter.
  EXPECT_EQ(GoverningPolicy({PolicyOn("loans"), PolicyOn("county")}, "/county/loans/business/")->id,
            "policy-of-loans");
}

}  // namespace
}  // namespace huinong::org
