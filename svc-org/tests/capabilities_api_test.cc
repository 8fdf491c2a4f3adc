// CheckCapability and ListCapabilityHolders through the real server, on the
// county network: the county centre reviews, the township department head
// leads surveys in the township's villages, a deputy acts for the head under
// a delegation, and village agents take tickets. Allowed, refused, acting
// only during the delegation, who may ask, and changes seen at once.
#include <gtest/gtest.h>

#include "svc-org/tests/structure_fixture.h"

namespace huinong::org {
namespace {

using type::v1::LEVEL_COUNTY;
using type::v1::LEVEL_TOWNSHIP;
using type::v1::LEVEL_VILLAGE;

class CapabilitiesApi : public StructureFixture {
 protected:
  void SetUp() override {
    StructureFixture::SetUp();
    county_ = MustCreate("县金融扶贫服务中心", v1::UNIT_KIND_CENTRE, LEVEL_COUNTY, "");
    t1_ = MustCreate("柳泉镇金融服务部", v1::UNIT_KIND_DEPARTMENT, LEVEL_TOWNSHIP, county_.name());
    t2_ = MustCreate("牛驼镇金融服务部", v1::UNIT_KIND_DEPARTMENT, LEVEL_TOWNSHIP, county_.name());
    v1_ = MustCreate("东红寺村服务站", v1::UNIT_KIND_STATION, LEVEL_VILLAGE, t1_.name());
    v2_ = MustCreate("西小屯村服务站", v1::UNIT_KIND_STATION, LEVEL_VILLAGE, t2_.name());
    reviewer_post_ = MustPost(county_, "评审员", [](v1::Post& p) { p.add_capabilities("loans.review.county"); });
    head_post_ = MustPost(t1_, "金融服务部主任", [](v1::Post& p) {
      p.set_head(true);
      p.add_capabilities("loans.survey.lead");
      p.add_capabilities("subsidy.check.township");
    });
    deputy_post_ = MustPost(t1_, "金融服务部副主任", [&](v1::Post& p) {
      p.set_deputy(true);
      p.set_superior_post(head_post_.name());
    });
    agent_post_ = MustPost(v1_, "村级信息员", [](v1::Post& p) { p.add_capabilities("tickets.agent"); });
    reviewer_ = MustStaff("县评审员");
    head_ = MustStaff("镇主任");
    deputy_ = MustStaff("镇副主任");
    agent_ = MustStaff("村信息员");
    MustAssign(reviewer_, reviewer_post_, v1::ASSIGNMENT_KIND_PRIMARY, D(2025, 1, 1));
    head_assignment_ = MustAssign(head_, head_post_, v1::ASSIGNMENT_KIND_PRIMARY, D(2025, 1, 1));
    MustAssign(deputy_, deputy_post_, v1::ASSIGNMENT_KIND_PRIMARY, D(2025, 1, 1));
    MustAssign(agent_, agent_post_, v1::ASSIGNMENT_KIND_PRIMARY, D(2025, 1, 1));
  }

  std::unique_ptr<grpc::ClientContext> Service() { return As("svc-loans", {"service"}); }

  v1::CheckCapabilityResponse Check(const v1::Staff& staff, const std::string& capability,
                                    const v1::Unit& unit, const type::v1::Date* as_of = nullptr) {
    v1::CheckCapabilityRequest req;
    req.set_staff(staff.name());
    req.set_capability(capability);
    req.set_unit(unit.name());
    if (as_of) *req.mutable_as_of() = *as_of;
    v1::CheckCapabilityResponse resp;
    grpc::Status s = queries_->CheckCapability(Service().get(), req, &resp);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return resp;
  }

  v1::Unit county_, t1_, t2_, v1_, v2_;
  v1::Post reviewer_post_, head_post_, deputy_post_, agent_post_;
  v1::Staff reviewer_, head_, deputy_, agent_;
  v1::Assignment head_assignment_;
};

TEST_F(CapabilitiesApi, TheTownshipHeadLeadsSurveysInItsVillagesOnly) {
  v1::CheckCapabilityResponse yes = Check(head_, "loans.survey.lead", v1_);
  ASSERT_TRUE(yes.allowed());
  EXPECT_EQ(yes.via().assignment(), head_assignment_.name());
  EXPECT_EQ(yes.via().post(), head_post_.name());
  EXPECT_EQ(yes.via().post_unit(), t1_.name());
  EXPECT_EQ(yes.via().post_unit_level(), LEVEL_TOWNSHIP);
  EXPECT_EQ(yes.via().distance(), 1);
  EXPECT_TRUE(yes.via().head());
  EXPECT_EQ(yes.via().assignment_kind(), v1::ASSIGNMENT_KIND_PRIMARY);
  EXPECT_EQ(Check(head_, "loans.survey.lead", v2_).denial(), v1::CAPABILITY_DENIAL_OUT_OF_SCOPE);
  EXPECT_EQ(Check(head_, "loans.review.county", v1_).denial(), v1::CAPABILITY_DENIAL_NOT_GRANTED);
  EXPECT_EQ(Check(agent_, "loans.survey.lead", v1_).denial(), v1::CAPABILITY_DENIAL_NOT_GRANTED);
  v1::CheckCapabilityResponse county = Check(reviewer_, "loans.review.county", v2_);
  EXPECT_TRUE(county.allowed());
  EXPECT_EQ(county.via().distance(), 2);
  const type::v1::Date before = D(2024, 12, 31);
  EXPECT_EQ(Check(head_, "loans.survey.lead", v1_, &before).denial(), v1::CAPABILITY_DENIAL_NOT_EFFECTIVE);
}

TEST_F(CapabilitiesApi, AnActingDeputyHoldsTheHeadsCapabilitiesDuringTheDelegationOnly) {
  v1::Assignment acting;
  ASSERT_TRUE(Act(deputy_, head_, head_, head_post_, D(2026, 6, 1), D(2026, 6, 15), &acting,
                  {"loans.survey.lead"}).ok());
  const type::v1::Date before = D(2026, 5, 31), first = D(2026, 6, 1), last = D(2026, 6, 15),
                       after = D(2026, 6, 16);
  EXPECT_FALSE(Check(deputy_, "loans.survey.lead", v1_, &before).allowed());
  v1::CheckCapabilityResponse during = Check(deputy_, "loans.survey.lead", v1_, &first);
  ASSERT_TRUE(during.allowed());
  EXPECT_EQ(during.via().assignment(), acting.name());
  EXPECT_EQ(during.via().assignment_kind(), v1::ASSIGNMENT_KIND_ACTING);
  EXPECT_EQ(during.via().acting_for(), head_.name());
  EXPECT_TRUE(Check(deputy_, "loans.survey.lead", v1_, &last).allowed());
  v1::CheckCapabilityResponse gone = Check(deputy_, "loans.survey.lead", v1_, &after);
  EXPECT_FALSE(gone.allowed());
  EXPECT_EQ(gone.denial(), v1::CAPABILITY_DENIAL_NOT_EFFECTIVE);
  EXPECT_FALSE(Check(deputy_, "subsidy.check.township", v1_, &first).allowed())
      << "only the delegated subset";
  EXPECT_TRUE(Check(head_, "loans.survey.lead", v1_, &first).allowed()) << "the head keeps them";
}

TEST_F(CapabilitiesApi, ServicesAdminsAndThePersonThemselvesMayAsk) {
  v1::CheckCapabilityRequest req;
  req.set_staff(head_.name());
  req.set_capability("loans.survey.lead");
  req.set_unit(v1_.name());
  v1::CheckCapabilityResponse resp;
  EXPECT_TRUE(queries_->CheckCapability(Admin().get(), req, &resp).ok());
  EXPECT_TRUE(queries_->CheckCapability(As(head_.name(), {}, t1_.name()).get(), req, &resp).ok());
  EXPECT_EQ(queries_->CheckCapability(As(agent_.name(), {}, v1_.name()).get(), req, &resp).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  req.set_staff("staff/01J00000000000000000NOONE");
  EXPECT_EQ(queries_->CheckCapability(Service().get(), req, &resp).error_code(), grpc::StatusCode::NOT_FOUND);
  req.set_staff(head_.name());
  req.set_capability("Not A Capability");
  EXPECT_EQ(Fields(queries_->CheckCapability(Service().get(), req, &resp)), std::set<std::string>{"capability"});
}

TEST_F(CapabilitiesApi, ChangesThroughThisReplicaAreSeenAtOnce) {
  EXPECT_TRUE(Check(head_, "loans.survey.lead", v1_).allowed());  // now cached
  v1::UpdatePostRequest up;
  up.set_request_id("drop-survey");
  *up.mutable_post() = head_post_;
  up.mutable_post()->clear_capabilities();
  up.mutable_post()->add_capabilities("subsidy.check.township");
  up.mutable_update_mask()->add_paths("capabilities");
  *up.mutable_effective_date() = Today();
  v1::Post post;
  ASSERT_TRUE(posts_->UpdatePost(Admin().get(), up, &post).ok());
  EXPECT_FALSE(Check(head_, "loans.survey.lead", v1_).allowed()) << "the post no longer grants it";
  const type::v1::Date yesterday = DaysFromToday(-1);
  EXPECT_TRUE(Check(head_, "loans.survey.lead", v1_, &yesterday).allowed()) << "the old version did";
  EXPECT_TRUE(Check(agent_, "tickets.agent", v1_).allowed());  // cached
  v1::ListAssignmentsRequest list;
  list.set_staff(agent_.name());
  v1::ListAssignmentsResponse held;
  ASSERT_TRUE(staff_->ListAssignments(Admin().get(), list, &held).ok());
  ASSERT_EQ(held.assignments_size(), 1);
  v1::EndAssignmentRequest end;
  end.set_request_id("agent-leaves-post");
  end.set_name(held.assignments(0).name());
  end.set_etag(held.assignments(0).etag());
  *end.mutable_effective_to() = yesterday;
  end.set_reason("调离");
  v1::Assignment ended;
  ASSERT_TRUE(staff_->EndAssignment(Admin().get(), end, &ended).ok());
  EXPECT_EQ(Check(agent_, "tickets.agent", v1_).denial(), v1::CAPABILITY_DENIAL_NOT_EFFECTIVE);
}

TEST_F(CapabilitiesApi, HoldersAreListedNearestFirstHeadsFirst) {
  v1::Assignment acting;
  ASSERT_TRUE(Act(deputy_, head_, head_, head_post_, DaysFromToday(-1), DaysFromToday(10), &acting).ok());
  v1::ListCapabilityHoldersRequest req;
  req.set_capability("loans.survey.lead");
  req.set_unit(v1_.name());
  v1::ListCapabilityHoldersResponse resp;
  ASSERT_TRUE(queries_->ListCapabilityHolders(Service().get(), req, &resp).ok());
  ASSERT_EQ(resp.holders_size(), 2);
  EXPECT_EQ(resp.holders(0).staff(), head_.name());
  EXPECT_TRUE(resp.holders(0).head());
  EXPECT_EQ(resp.holders(1).staff(), deputy_.name());
  EXPECT_EQ(resp.holders(1).acting_for(), head_.name());
  req.set_exclude_acting(true);
  ASSERT_TRUE(queries_->ListCapabilityHolders(Service().get(), req, &resp).ok());
  EXPECT_EQ(resp.holders_size(), 1);
  // ListStaff finds the same people by capability (the acting deputy too).
  v1::ListStaffRequest staff;
  staff.set_capability("loans.survey.lead");
  v1::ListStaffResponse found;
  ASSERT_TRUE(staff_->ListStaff(Admin().get(), staff, &found).ok());
  std::set<std::string> names;
  for (const auto& s : found.staff()) names.insert(s.name());
  EXPECT_EQ(names, (std::set<std::string>{head_.name(), deputy_.name()}));
  staff.set_capability("subsidy.check.township");
  v1::Assignment narrow;
  ASSERT_TRUE(Act(agent_, head_, head_, head_post_, DaysFromToday(-1), DaysFromToday(10), &narrow,
                  {"loans.survey.lead"}).ok());
  ASSERT_TRUE(staff_->ListStaff(Admin().get(), staff, &found).ok());
  names.clear();
  for (const auto& s : found.staff()) names.insert(s.name());
  EXPECT_EQ(names, (std::set<std::string>{head_.name(), deputy_.name()}))
      << "the agent's delegation does not include subsidy.check.township";

  // Reviewers at the county and an agent at the village: nearest first.
  v1::Post county_agent = MustPost(county_, "县客服", [](v1::Post& p) { p.add_capabilities("tickets.agent"); });
  MustAssign(reviewer_, county_agent, v1::ASSIGNMENT_KIND_CONCURRENT, D(2025, 1, 1));
  v1::ListCapabilityHoldersRequest tickets;
  tickets.set_capability("tickets.agent");
  tickets.set_unit(v1_.name());
  tickets.set_page_size(1);
  std::vector<std::pair<std::string, int>> seen;
  v1::ListCapabilityHoldersResponse page;
  do {
    page.Clear();
    ASSERT_TRUE(queries_->ListCapabilityHolders(Service().get(), tickets, &page).ok());
    for (const auto& h : page.holders()) seen.emplace_back(h.staff(), h.distance());
    tickets.set_page_token(page.next_page_token());
  } while (!page.next_page_token().empty());
  EXPECT_EQ(seen, (std::vector<std::pair<std::string, int>>{{agent_.name(), 0}, {reviewer_.name(), 2}}));
  tickets.set_page_token("");
  tickets.set_page_size(0);
  tickets.set_nearest_only(true);
  ASSERT_TRUE(queries_->ListCapabilityHolders(Service().get(), tickets, &page).ok());
  ASSERT_EQ(page.holders_size(), 1);
  EXPECT_EQ(page.holders(0).staff(), agent_.name());
  EXPECT_EQ(queries_->ListCapabilityHolders(As("staff/X", {}, t2_.name()).get(), tickets, &page).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_TRUE(queries_->ListCapabilityHolders(As("staff/Y", {}, t1_.name()).get(), tickets, &page).ok());
}

}  // namespace
}  // namespace huinong::org
