// The pure rules behind the org queries: vacancies aggregated up the tree
// (a township's include its villages', a person counted once), acting heads,
// coverage gaps, concurrency findings and the post-design review.
#include <gtest/gtest.h>

#include "svc-org/src/domain/org_queries.h"
#include "svc-org/src/domain/org_queries_review.h"

namespace huinong::org {
namespace {

const absl::CivilDay kDay(2025, 6, 1);

Unit U(const std::string& id, Level level, const std::string& parent_path, int depth) {
  Unit u;
  u.id = id;
  u.display_name = id;
  u.level = level;
  u.path = parent_path + id + "/";
  u.depth = depth;
  return u;
}

Post P(const std::string& id, const std::string& unit, bool head = false) {
  Post p;
  p.id = id;
  p.unit_id = unit;
  p.terms.title = id;
  p.terms.head = head;
  p.effective_from = absl::CivilDay(2024, 1, 1);
  return p;
}

Quota Q(const std::string& unit, const std::string& post, QuotaKind kind, int min, int max) {
  Quota q;
  q.id = "q" + unit + post;
  q.unit_id = unit;
  q.post_id = post;
  q.terms.kind = kind;
  q.terms.min_headcount = min;
  q.terms.max_headcount = max;
  return q;
}

Assignment A(const std::string& id, const std::string& staff, const Post& post,
             AssignmentKind kind = AssignmentKind::kPrimary) {
  Assignment a;
  a.id = id;
  a.staff_id = staff;
  a.post_id = post.id;
  a.unit_id = post.unit_id;
  a.kind = kind;
  a.effective_from = absl::CivilDay(2025, 1, 1);
  return a;
}

// County C; township T with villages V1, V2; township T2 with none.
struct Network {
  Unit c = U("C", Level::kCounty, "/", 1);
  Unit t = U("T", Level::kTownship, c.path, 2);
  Unit v1 = U("V1", Level::kVillage, t.path, 3);
  Unit v2 = U("V2", Level::kVillage, t.path, 3);
  Unit t2 = U("T2", Level::kTownship, c.path, 2);
  std::vector<Unit> units() const { return {c, t, v1, v2, t2}; }  // path order
};

TEST(VacancyReport, ATownshipsVacanciesIncludeItsVillagesAndAPersonCountsOnce) {
  Network n;
  Post head = P("head", "T", true), agent1 = P("agent1", "V1"), agent2 = P("agent2", "V2");
  std::vector<Post> posts = {head, agent1, agent2};
  std::vector<Quota> quotas = {Q("T", "head", QuotaKind::kExact, 1, 1),
                               Q("V1", "agent1", QuotaKind::kExact, 2, 2),
                               Q("V2", "agent2", QuotaKind::kRange, 1, 2),
                               Q("T", "", QuotaKind::kExact, 2, 2)};
  // Zhang heads the township and also fills a village seat; Li fills the other.
  std::vector<Assignment> held = {A("a1", "zhang", head), A("a2", "zhang", agent1, AssignmentKind::kConcurrent),
                                  A("a3", "li", agent1)};
  std::vector<UnitVacancies> rows = BuildVacancyReport(n.units(), posts, quotas, held);
  ASSERT_EQ(rows.size(), 5u);
  const UnitVacancies& t = rows[1];
  EXPECT_EQ(t.unit_id, "T");
  EXPECT_EQ(t.own.quota.min, 2);  // the unit's own total, not its posts' sum (1)
  EXPECT_EQ(t.own.vacancies, 0);
  EXPECT_EQ(t.own.headcount, 1);
  EXPECT_EQ(rows[2].own.filled_seats, 2);
  EXPECT_EQ(rows[2].own.vacancies, 0);
  EXPECT_EQ(rows[3].own.vacancies, 1);
  EXPECT_EQ(t.subtree.vacancies, 1);      // V2's
  EXPECT_EQ(t.subtree.filled_seats, 3);
  EXPECT_EQ(t.subtree.headcount, 2);      // zhang once, li
  EXPECT_EQ(t.subtree.quota.min, 2 + 2 + 1);
  EXPECT_EQ(rows[0].subtree.vacancies, 1);
  EXPECT_EQ(rows[0].subtree.headcount, 2);
  EXPECT_EQ(rows[4].subtree.filled_seats, 0);
}

TEST(VacancyReport, FrozenAndReservedSeatsAreNoVacanciesActingFillsNone) {
  Network n;
  Post frozen = P("frozen", "V1"), reserved = P("reserved", "V1"), bare = P("bare", "V1");
  std::vector<Quota> quotas = {Q("V1", "frozen", QuotaKind::kFrozen, 2, 2),
                               Q("V1", "reserved", QuotaKind::kReservedVacancy, 1, 1)};
  std::vector<Assignment> held = {A("a1", "wang", bare, AssignmentKind::kActing)};
  auto rows = BuildVacancyReport({n.v1}, {frozen, reserved, bare}, quotas, held);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].own.vacancies, 0);
  EXPECT_EQ(rows[0].own.frozen, 2);
  EXPECT_EQ(rows[0].own.reserved, 1);
  EXPECT_EQ(rows[0].own.posts_without_quota, 1);
  EXPECT_EQ(rows[0].own.filled_seats, 0);
  EXPECT_EQ(rows[0].own.headcount, 0);
}

TEST(ActingHeads, OnlyActingAssignmentsOnHeadPostsAndDeputiesWhenAsked) {
  Network n;
  Post head = P("head", "T", true), deputy = P("deputy", "T"), clerk = P("clerk", "T");
  deputy.terms.deputy = true;
  std::vector<Post> posts = {head, deputy, clerk};
  std::vector<Assignment> held = {A("a1", "x", head, AssignmentKind::kActing), A("a2", "y", head),
                                  A("a3", "z", deputy, AssignmentKind::kActing),
                                  A("a4", "w", clerk, AssignmentKind::kActing)};
  auto heads = FindActingHeads(n.units(), posts, held, false);
  ASSERT_EQ(heads.size(), 1u);
  EXPECT_EQ(heads[0].assignment->id, "a1");
  EXPECT_EQ(FindActingHeads(n.units(), posts, held, true).size(), 2u);
}

TEST(CoverageGaps, TownshipsWithoutVillagesUnstaffedHeadlessAndCodes) {
  Network n;
  n.t.code = "130100";
  n.t2.code = "130100";  // a duplicate
  n.v2.status = UnitStatus::kPlanned;
  Post t_head = P("t_head", "T", true), t_clerk = P("t_clerk", "T"), v1_head = P("v1_head", "V1", true),
       t2_head = P("t2_head", "T2", true);
  std::vector<Assignment> held = {A("a1", "x", t_clerk), A("a2", "y", v1_head),
                                  A("a3", "z", t2_head, AssignmentKind::kActing)};
  CoverageReport r = FindCoverageGaps(n.units(), {t_head, t_clerk, v1_head, t2_head}, held,
                                      {"130100", "130200"}, {});
  EXPECT_EQ(r.townships_checked, 2);
  EXPECT_EQ(r.villages_checked, 2);
  std::vector<std::pair<CoverageGapKind, std::string>> got;
  for (const auto& g : r.gaps) got.emplace_back(g.kind, g.unit_id.empty() ? g.division_code : g.unit_id);
  const std::vector<std::pair<CoverageGapKind, std::string>> want = {
      {CoverageGapKind::kMissingUnit, "130200"},
      {CoverageGapKind::kDuplicateUnit, "T"},
      {CoverageGapKind::kNoHead, "T"},  // staffed, but the head post is empty
      {CoverageGapKind::kDuplicateUnit, "T2"},
      {CoverageGapKind::kTownshipWithoutVillages, "T2"},  // acting head counts as a head
      {CoverageGapKind::kUnitNotActive, "V2"},
      {CoverageGapKind::kUnstaffed, "V2"},
  };
  EXPECT_EQ(got, want);
}

TEST(ConcurrencyFindings, WhitelistSegregationAndLimit) {
  Network n;
  Post clerk = P("clerk", "T"), asset = P("asset", "T"), cash = P("cash", "T"), bank = P("bank", "T");
  ConcurrencyPolicy policy;
  policy.id = "pol";
  policy.whitelist = {{{{"clerk", ""}, {"asset", ""}}, "行政文员+资产保全"}};
  policy.segregation_pairs = {{{"cash", ""}, {"bank", ""}, "出纳与银行出纳"}};
  policy.max_posts_per_person = 1;
  std::map<std::string, const ConcurrencyPolicy*> policy_of_post = {
      {"clerk", &policy}, {"asset", &policy}, {"cash", &policy}, {"bank", &policy}};
  Assignment m = A("m2", "li", bank, AssignmentKind::kConcurrent);
  m.mitigation = Mitigation{"每日由会计复核", "staff/zhao", {}, std::nullopt};
  std::vector<Assignment> held = {A("a1", "chen", clerk), A("a2", "chen", asset, AssignmentKind::kConcurrent),
                                  A("m1", "li", cash), m, A("s1", "solo", clerk)};
  auto found = FindConcurrency(held, {}, policy_of_post);
  ASSERT_EQ(found.size(), 4u);
  EXPECT_EQ(found[0].staff_id, "chen");
  EXPECT_EQ(found[0].kind, ConcurrencyFindingKind::kAllowed);
  EXPECT_EQ(found[1].kind, ConcurrencyFindingKind::kOverLimit);
  EXPECT_EQ(found[1].assignments.size(), 2u);
  EXPECT_EQ(found[2].staff_id, "li");
  EXPECT_EQ(found[2].kind, ConcurrencyFindingKind::kSegregationMitigated);
  EXPECT_EQ(found[2].risk, "出纳与银行出纳");
  ASSERT_NE(found[2].mitigation, nullptr);
  EXPECT_EQ(found[2].mitigation->checker_id, "staff/zhao");

  held[3].mitigation.reset();
  found = FindConcurrency(held, {}, policy_of_post);
  EXPECT_EQ(found[2].kind, ConcurrencyFindingKind::kSegregationUnmitigated);
  EXPECT_EQ(found[2].mitigation, nullptr);

  // Posts outside any policy are allowed; clerk + cash would not be whitelisted.
  std::vector<Assignment> two = {A("b1", "he", clerk), A("b2", "he", cash, AssignmentKind::kConcurrent)};
  policy.max_posts_per_person = 0;
  EXPECT_EQ(FindConcurrency(two, {}, policy_of_post)[0].kind, ConcurrencyFindingKind::kNotWhitelisted);
  EXPECT_EQ(FindConcurrency(two, {}, {})[0].kind, ConcurrencyFindingKind::kAllowed);
}

TEST(PostDesign, DuplicatedDutiesUnderloadAndShape) {
  Network n;
  Post manager = P("manager", "T", true), officer = P("officer", "T"), clerk = P("clerk", "T");
  manager.terms.grade_rank = 60;
  manager.terms.duties = {{"审核贷款资料", 3000}, {" 组织  月度例会", 2000}};
  officer.terms.grade_rank = 30;
  officer.terms.superior_post_id = "manager";
  officer.terms.duties = {{"审核贷款资料", 6000}, {"组织 月度例会", 5000}};  // 11000 bp
  officer.terms.workload_bp = 8000;
  clerk.terms.workload_bp = 3000;  // under-loaded; no duties; no superior
  Post lone = P("lone", "V1");
  lone.terms.duties = {{"值班", 0}};
  lone.terms.superior_post_id = "manager";
  auto found = ReviewPostDesign(n.units(), {manager, officer, clerk, lone});
  std::vector<std::pair<PostDesignKind, std::string>> got;
  for (const auto& f : found) got.emplace_back(f.kind, f.post_id.empty() ? f.unit_id : f.post_id);
  const std::vector<std::pair<PostDesignKind, std::string>> want = {
      {PostDesignKind::kNoDuties, "clerk"},
      {PostDesignKind::kNoSuperior, "clerk"},
      {PostDesignKind::kUnderloaded, "clerk"},
      {PostDesignKind::kDuplicatesLowerGrade, "manager"},
      {PostDesignKind::kOvercommitted, "officer"},
      {PostDesignKind::kUnitWithoutHead, "V1"},
  };
  EXPECT_EQ(got, want);
  const auto& dup = found[3];
  EXPECT_EQ(dup.related_post_id, "officer");
  EXPECT_EQ(dup.overlapping_duties, (std::vector<std::string>{"审核贷款资料", "组织 月度例会"}));
  EXPECT_EQ(NormalizeDuty("  a \t b  "), "a b");
}

}  // namespace
}  // namespace huinong::org
