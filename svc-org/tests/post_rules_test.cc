// The rules of posts and qualifications, free of I/O: capability and code
// syntax, the status table, reporting cycles, one head per unit, abolition,
// dated updates, and qualification groups with the seeds' own requirements
// (a vehicle technical manager needs one of: college degree, engineer title,
// three years in road transport — `001:747-759`).
#include <gtest/gtest.h>

#include "common/rpc/status_details.h"
#include "svc-org/src/domain/post.h"
#include "svc-org/src/domain/qualification.h"

namespace huinong::org {
namespace {

using absl::CivilDay;

std::string Reason(const absl::Status& s) { return rpc::ReasonOf(s); }

TEST(Capability, SyntaxIsDottedLowerCase) {
  EXPECT_TRUE(ValidCapability("loans.survey.lead"));
  EXPECT_TRUE(ValidCapability("tickets.agent"));
  EXPECT_TRUE(ValidCapability("subsidy.check.township"));
  EXPECT_TRUE(ValidCapability("a_b"));
  EXPECT_FALSE(ValidCapability("ab"));                   // too short
  EXPECT_FALSE(ValidCapability("Loans.survey"));         // upper case
  EXPECT_FALSE(ValidCapability("loans..survey"));        // empty segment
  EXPECT_FALSE(ValidCapability(".loans"));
  EXPECT_FALSE(ValidCapability("loans."));
  EXPECT_FALSE(ValidCapability("loans-survey"));         // '-' is for codes only
  EXPECT_FALSE(ValidCapability(std::string(65, 'a')));
}

TEST(Code, SyntaxAllowsDashes) {
  EXPECT_TRUE(ValidCode("admin.clerk"));
  EXPECT_TRUE(ValidCode("exam.credit-officer"));
  EXPECT_FALSE(ValidCode(""));
  EXPECT_FALSE(ValidCode("Admin"));
  EXPECT_FALSE(ValidCode("行政文员"));
}

TEST(PostStatusTable, OnlyPlannedToActiveByUpdate) {
  using S = PostStatus;
  EXPECT_TRUE(CheckPostTransition(S::kPlanned, S::kActive).ok());
  EXPECT_TRUE(CheckPostTransition(S::kPlanned, S::kPlanned).ok());
  EXPECT_TRUE(CheckPostTransition(S::kActive, S::kActive).ok());
  EXPECT_EQ(Reason(CheckPostTransition(S::kActive, S::kPlanned)), "INVALID_TRANSITION");
  EXPECT_EQ(Reason(CheckPostTransition(S::kActive, S::kAbolished)), "INVALID_TRANSITION");
  EXPECT_EQ(Reason(CheckPostTransition(S::kAbolished, S::kAbolished)), "INVALID_TRANSITION");
}

TEST(ReportingLines, ACycleIsRefused) {
  // 经理 ← 主管 ← 班组长: making 经理 report to 班组长 closes a loop.
  EXPECT_EQ(Reason(CheckNoCycle("manager", {"team-lead", "supervisor", "manager"})), "CYCLE");
  EXPECT_TRUE(CheckNoCycle("manager", {"general-manager"}).ok());
}

TEST(UnitHead, ASecondHeadIsRefused) {
  PostTerms head;
  head.head = true;
  EXPECT_TRUE(CheckSingleHead(head, {}).ok());
  EXPECT_EQ(Reason(CheckSingleHead(head, {"other"})), "HEAD_POST_EXISTS");
  PostTerms deputy;
  deputy.deputy = true;
  EXPECT_TRUE(CheckSingleHead(deputy, {"other"}).ok());
}

TEST(Abolition, NeedsNoAssignmentsOrSubordinatesAfterTheLastDay) {
  Post p;
  p.effective_from = CivilDay(2024, 1, 1);
  const CivilDay last(2025, 6, 30);
  EXPECT_EQ(Reason(CheckAbolish(p, last, 1, 0)), "HAS_ASSIGNMENTS");
  EXPECT_EQ(Reason(CheckAbolish(p, last, 0, 2)), "HAS_SUBORDINATES");
  EXPECT_TRUE(CheckAbolish(p, last, 0, 0).ok());
  p.abolished = true;
  EXPECT_EQ(Reason(CheckAbolish(p, last, 0, 0)), "INVALID_TRANSITION");
}

TEST(DatedUpdates, NotBeforeTheLatestVersion) {
  Post p;
  p.effective_from = CivilDay(2024, 1, 1);
  p.terms_from = CivilDay(2025, 3, 1);
  EXPECT_EQ(Reason(CheckUpdateDate(p, CivilDay(2023, 12, 31))), "EFFECTIVE_DATE_TOO_EARLY");
  EXPECT_EQ(Reason(CheckUpdateDate(p, CivilDay(2025, 2, 28))), "EFFECTIVE_DATE_TOO_EARLY");
  EXPECT_TRUE(CheckUpdateDate(p, CivilDay(2025, 3, 1)).ok());  // replaces that version
  EXPECT_TRUE(CheckUpdateDate(p, CivilDay(2025, 4, 1)).ok());
}

TEST(DatedPosts, ExistAndAreActiveOnlyWithinTheirDays) {
  Post p;
  p.effective_from = CivilDay(2025, 1, 1);
  p.effective_to = CivilDay(2025, 12, 31);
  p.terms.status = PostStatus::kActive;
  EXPECT_FALSE(p.ExistsOn(CivilDay(2024, 12, 31)));
  EXPECT_TRUE(p.ActiveOn(CivilDay(2025, 6, 1)));
  EXPECT_FALSE(p.ExistsOn(CivilDay(2026, 1, 1)));
  p.terms.status = PostStatus::kPlanned;
  EXPECT_TRUE(p.ExistsOn(CivilDay(2025, 6, 1)));
  EXPECT_FALSE(p.ActiveOn(CivilDay(2025, 6, 1)));
}

// 2.3.1: a technical manager has (a) a college degree, or (b) an engineer
// title, or (c) three years in road transport; and must pass the exam.
std::vector<QualificationGroup> TechnicalManager() {
  QualificationGroup education;
  education.title = "具备以下条件之一";
  education.mode = GroupMode::kAnyOf;
  education.requirement = Requirement::kRequired;
  education.items = {{"edu.college", "大专以上学历", 1, 0},
                     {"title.engineer", "工程师及以上专业技术职称", 2, 0},
                     {"exp.road-transport", "3年以上道路运输行业从业经历", kExperienceKind, 3}};
  QualificationGroup exam;
  exam.title = "考试";
  exam.mode = GroupMode::kAllOf;
  exam.requirement = Requirement::kRequired;
  exam.items = {{"exam.safety", "安全规程考试", 3, 0}, {"", "熟悉相关政策法规", 6, 0}};
  QualificationGroup preferred;
  preferred.title = "优先";
  preferred.mode = GroupMode::kAllOf;
  preferred.requirement = Requirement::kPreferred;
  preferred.items = {{"cert.cfa", "CFA", 2, 0}};
  return {education, exam, preferred};
}

HeldQualification Held(std::string code, int years = 0) {
  HeldQualification h;
  h.code = std::move(code);
  h.years = years;
  return h;
}

TEST(Qualifications, AnyOfNeedsOneAllOfNeedsEveryCodedItem) {
  const auto groups = TechnicalManager();
  const CivilDay day(2025, 6, 1);
  EXPECT_EQ(UnsatisfiedRequiredGroups(groups, {}, day), (std::vector<int>{0, 1}));
  EXPECT_EQ(UnsatisfiedRequiredGroups(groups, {Held("title.engineer")}, day), (std::vector<int>{1}));
  // The uncoded item of the exam group never blocks; the preferred group never does.
  EXPECT_TRUE(UnsatisfiedRequiredGroups(groups, {Held("edu.college"), Held("exam.safety")}, day).empty());
}

TEST(Qualifications, ExperienceNeedsItsYears) {
  const auto groups = TechnicalManager();
  const CivilDay day(2025, 6, 1);
  EXPECT_EQ(UnsatisfiedRequiredGroups(groups, {Held("exp.road-transport", 2), Held("exam.safety")}, day),
            (std::vector<int>{0}));
  EXPECT_TRUE(
      UnsatisfiedRequiredGroups(groups, {Held("exp.road-transport", 3), Held("exam.safety")}, day).empty());
}

TEST(Qualifications, CountOnlyBetweenObtainedAndExpiry) {
  const auto groups = TechnicalManager();
  HeldQualification exam = Held("exam.safety");
  exam.obtained = CivilDay(2025, 3, 1);
  exam.expiry = CivilDay(2027, 2, 28);
  const std::vector<HeldQualification> held = {Held("edu.college"), exam};
  EXPECT_EQ(UnsatisfiedRequiredGroups(groups, held, CivilDay(2025, 2, 28)), (std::vector<int>{1}));
  EXPECT_TRUE(UnsatisfiedRequiredGroups(groups, held, CivilDay(2027, 2, 28)).empty());
  EXPECT_EQ(UnsatisfiedRequiredGroups(groups, held, CivilDay(2027, 3, 1)), (std::vector<int>{1}));
}

TEST(Qualifications, AGroupWithoutCodesIsDescriptive) {
  QualificationGroup g;
  g.mode = GroupMode::kAllOf;
  g.items = {{"", "良好的团队协作精神", 5, 0}};
  EXPECT_TRUE(GroupSatisfied(g, {}, CivilDay(2025, 1, 1)));
  EXPECT_EQ(DescribeGroup(TechnicalManager()[0], 0),
            "qualification_groups[0] (具备以下条件之一): any of edu.college, title.engineer, "
            "exp.road-transport");
}

}  // namespace
}  // namespace huinong::org
