// The subtree reports through a real server on a small county network:
// county C; township T1 with villages V1 and V2; township T2 with none.
// Vacancies against quota up the tree, acting heads today, coverage gaps,
// the chart as of a date, the concurrency report and the post-design review.
#include <gtest/gtest.h>

#include "svc-org/tests/queries_fixture.h"

namespace huinong::org {
namespace {

using type::v1::LEVEL_COUNTY;
using type::v1::LEVEL_TOWNSHIP;
using type::v1::LEVEL_VILLAGE;

class QueriesReports : public QueriesFixture {
 protected:
  void SetUp() override {
    QueriesFixture::SetUp();
    if (HasFatalFailure()) return;
    county_ = MustCreate("县金融扶贫服务中心", v1::UNIT_KIND_CENTRE, LEVEL_COUNTY, "");
    t1_ = MustCreate("柳泉镇金融服务部", v1::UNIT_KIND_DEPARTMENT, LEVEL_TOWNSHIP, county_.name());
    t2_ = MustCreate("牛驼镇金融服务部", v1::UNIT_KIND_DEPARTMENT, LEVEL_TOWNSHIP, county_.name());
    v1_ = MustCreate("东红寺村服务站", v1::UNIT_KIND_STATION, LEVEL_VILLAGE, t1_.name());
    v2_ = MustCreate("西小屯村服务站", v1::UNIT_KIND_STATION, LEVEL_VILLAGE, t1_.name());
    t1_head_ = MustPost(t1_, "金融服务部主任", [](v1::Post& p) { p.set_head(true); });
    t2_head_ = MustPost(t2_, "金融服务部主任", [](v1::Post& p) { p.set_head(true); });
    v1_agent_ = MustPost(v1_, "村级信息员", [](v1::Post& p) { p.set_head(true); });
    v2_agent_ = MustPost(v2_, "村级信息员", [](v1::Post& p) { p.set_head(true); });
    MustQuota(t1_, t1_head_.name(), v1::QUOTA_KIND_EXACT, 1, 1);
    MustQuota(v1_, v1_agent_.name(), v1::QUOTA_KIND_EXACT, 2, 2);
    MustQuota(v2_, v2_agent_.name(), v1::QUOTA_KIND_EXACT, 1, 1);
    zhang_ = MustStaff("张主任");
    li_ = MustStaff("李信息员");
    wang_ = MustStaff("王主任");
    zhao_ = MustStaff("赵副主任");
    MustAssign(zhang_, t1_head_, v1::ASSIGNMENT_KIND_PRIMARY, D(2025, 1, 1));
    MustAssign(zhang_, v1_agent_, v1::ASSIGNMENT_KIND_CONCURRENT, D(2025, 1, 1));
    MustAssign(li_, v1_agent_, v1::ASSIGNMENT_KIND_PRIMARY, D(2025, 1, 1));
    MustAssign(wang_, t2_head_, v1::ASSIGNMENT_KIND_PRIMARY, D(2025, 1, 1));
  }

  v1::Unit county_, t1_, t2_, v1_, v2_;
  v1::Post t1_head_, t2_head_, v1_agent_, v2_agent_;
  v1::Staff zhang_, li_, wang_, zhao_;
};

TEST_F(QueriesReports, VacanciesAggregateUpAndAPersonCountsOnce) {
  v1::GetVacancyReportRequest req;
  req.set_root(county_.name());
  v1::GetVacancyReportResponse resp;
  ASSERT_TRUE(queries_->GetVacancyReport(Admin().get(), req, &resp).ok());
  ASSERT_EQ(resp.rows_size(), 5);  // C, then T1, V1, V2 and T2 in path order
  const v1::VacancyRow& c = resp.rows(0);
  EXPECT_EQ(c.unit(), county_.name());
  EXPECT_EQ(c.subtree().vacancies(), 1);  // V2's one seat
  EXPECT_EQ(c.subtree().filled_seats(), 4);
  EXPECT_EQ(c.subtree().headcount(), 3);  // zhang once, li, wang
  for (const auto& row : resp.rows()) {
    if (row.unit() == t1_.name()) {
      EXPECT_EQ(row.own().vacancies(), 0);
      EXPECT_EQ(row.subtree().vacancies(), 1);
      EXPECT_EQ(row.subtree().headcount(), 2);
      EXPECT_EQ(row.subtree().quota().min(), 4);
      EXPECT_EQ(row.relative_depth(), 1);
    }
  }
  req.set_only_gaps(true);
  req.set_max_depth(1);
  resp.Clear();
  ASSERT_TRUE(queries_->GetVacancyReport(Admin().get(), req, &resp).ok());
  ASSERT_EQ(resp.rows_size(), 2);  // C and T1; T2 is full
  EXPECT_EQ(resp.rows(1).unit(), t1_.name());
}

TEST_F(QueriesReports, ActingHeadsToday) {
  v1::Assignment acting;
  grpc::Status s = Act(zhao_, wang_, wang_, t2_head_, DaysFromToday(-2), DaysFromToday(5), &acting);
  ASSERT_TRUE(s.ok()) << s.error_message();
  v1::Assignment past;
  s = Act(li_, zhang_, zhang_, t1_head_, D(2025, 2, 1), D(2025, 2, 10), &past);
  ASSERT_TRUE(s.ok()) << s.error_message();
  v1::ListActingHeadsRequest req;
  req.set_root(county_.name());
  v1::ListActingHeadsResponse resp;
  ASSERT_TRUE(queries_->ListActingHeads(Admin().get(), req, &resp).ok());
  ASSERT_EQ(resp.acting_heads_size(), 1);
  const v1::ActingHead& h = resp.acting_heads(0);
  EXPECT_EQ(h.post(), t2_head_.name());
  EXPECT_EQ(h.unit(), t2_.name());
  EXPECT_EQ(h.acting().staff(), zhao_.name());
  EXPECT_EQ(h.acting_for(), wang_.name());
  EXPECT_EQ(h.delegation().delegated_by(), wang_.name());
  EXPECT_EQ(h.effective_to().day(), DaysFromToday(5).day());
  // On a day within the earlier delegation, only that one.
  *req.mutable_date() = D(2025, 2, 5);
  resp.Clear();
  ASSERT_TRUE(queries_->ListActingHeads(Admin().get(), req, &resp).ok());
  ASSERT_EQ(resp.acting_heads_size(), 1);
  EXPECT_EQ(resp.acting_heads(0).acting().staff(), li_.name());
}

TEST_F(QueriesReports, CoverageGapsOfTheCounty) {
  v1::GetCoverageGapsRequest req;
  req.set_county(county_.name());
  v1::GetCoverageGapsResponse resp;
  ASSERT_TRUE(queries_->GetCoverageGaps(Admin().get(), req, &resp).ok());
  EXPECT_EQ(resp.townships_checked(), 2);
  EXPECT_EQ(resp.villages_checked(), 2);
  std::vector<std::pair<v1::CoverageGapKind, std::string>> got;
  for (const auto& g : resp.gaps()) got.emplace_back(g.kind(), g.unit());
  const std::vector<std::pair<v1::CoverageGapKind, std::string>> want = {
      {v1::COVERAGE_GAP_KIND_TOWNSHIP_WITHOUT_VILLAGES, t2_.name()},
      {v1::COVERAGE_GAP_KIND_UNSTAFFED, v2_.name()}};
  EXPECT_EQ(got, want);
  req.set_county(t1_.name());
  grpc::Status s = queries_->GetCoverageGaps(Admin().get(), req, &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(Reason(s), "LEVEL_MISMATCH");
}

TEST_F(QueriesReports, TheChartAsOfADateLeavesOutWhatWasNotYetThere) {
  v1::Post later = MustPost(t1_, "后设岗位", [&](v1::Post& p) {
    *p.mutable_effective_from() = D(2025, 6, 1);
    p.set_superior_post(t1_head_.name());
  });
  v1::GetOrgChartRequest req;
  req.set_root(t1_.name());
  req.set_include_posts(true);
  req.set_max_depth(1);
  *req.mutable_as_of() = D(2025, 3, 1);
  v1::GetOrgChartResponse chart;
  ASSERT_TRUE(queries_->GetOrgChart(Admin().get(), req, &chart).ok());
  ASSERT_EQ(chart.nodes_size(), 3);
  EXPECT_EQ(chart.nodes(0).unit().name(), t1_.name());
  EXPECT_EQ(chart.nodes(0).relative_depth(), 0);
  EXPECT_EQ(chart.nodes(1).relative_depth(), 1);
  ASSERT_EQ(chart.nodes(0).posts_size(), 1);
  const v1::ChartPost& head = chart.nodes(0).posts(0);
  EXPECT_EQ(head.post().name(), t1_head_.name());
  ASSERT_EQ(head.holders_size(), 1);
  EXPECT_EQ(head.holders(0).staff(), zhang_.name());
  EXPECT_EQ(head.quota().max_headcount(), 1);

  *req.mutable_as_of() = D(2025, 7, 1);
  ASSERT_TRUE(queries_->GetOrgChart(Admin().get(), req, &chart).ok());
  ASSERT_EQ(chart.nodes(0).posts_size(), 2);
  EXPECT_EQ(chart.nodes(0).posts(1).post().name() == later.name() ||
                chart.nodes(0).posts(0).post().name() == later.name(),
            true);
  *req.mutable_as_of() = D(2024, 12, 31);  // before anyone was assigned
  chart.Clear();
  ASSERT_TRUE(queries_->GetOrgChart(Admin().get(), req, &chart).ok());
  EXPECT_EQ(chart.nodes(0).posts(0).holders_size(), 0);

  // A village caller sees their own subtree and the units above it, no sibling.
  req.set_root(t1_.name());
  req.clear_as_of();
  req.set_max_depth(0);
  req.set_include_posts(false);
  chart.Clear();
  ASSERT_TRUE(queries_->GetOrgChart(As("staff/v", {}, v1_.name()).get(), req, &chart).ok());
  ASSERT_EQ(chart.nodes_size(), 2);
  EXPECT_EQ(chart.nodes(1).unit().name(), v1_.name());
  req.set_root(t2_.name());
  EXPECT_EQ(queries_->GetOrgChart(As("staff/v", {}, v1_.name()).get(), req, &chart).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
}

TEST_F(QueriesReports, TheConcurrencyReportJudgesAgainstTheWhitelist) {
  v1::ConcurrencyPolicy policy;
  policy.set_unit(county_.name());
  policy.set_title("兼任规则");
  auto* allowed = policy.add_whitelist();
  allowed->add_posts()->set_post(t1_head_.name());
  allowed->add_posts()->set_post(t2_head_.name());
  MustPolicy(policy);
  v1::GetConcurrencyReportRequest req;
  req.set_root(county_.name());
  v1::GetConcurrencyReportResponse resp;
  ASSERT_TRUE(queries_->GetConcurrencyReport(Admin().get(), req, &resp).ok());
  ASSERT_EQ(resp.findings_size(), 1);  // zhang: township head + village agent
  EXPECT_EQ(resp.findings(0).staff(), zhang_.name());
  EXPECT_EQ(resp.findings(0).kind(), v1::CONCURRENCY_FINDING_KIND_NOT_WHITELISTED);
  EXPECT_EQ(resp.findings(0).posts_size(), 2);
  EXPECT_FALSE(resp.findings(0).policy().empty());
  grpc::Status s = queries_->GetConcurrencyReport(As("staff/p", {}, county_.name()).get(), req, &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  s = queries_->GetConcurrencyReport(As("staff/a", {"auditor"}, county_.name()).get(), req, &resp);
  EXPECT_TRUE(s.ok()) << s.error_message();
}

TEST_F(QueriesReports, ThePostDesignReportFlagsUnderloadedAndHeadlessUnits) {
  MustPost(county_, "档案员", [](v1::Post& p) {
    p.set_workload_bp(3000);
    p.add_duties()->set_text("整理档案");
  });
  v1::GetPostDesignReportRequest req;
  req.set_unit(county_.name());
  v1::GetPostDesignReportResponse resp;
  ASSERT_TRUE(queries_->GetPostDesignReport(Admin().get(), req, &resp).ok());
  std::set<int> kinds;
  for (const auto& f : resp.findings()) kinds.insert(f.kind());
  EXPECT_EQ(kinds, (std::set<int>{v1::POST_DESIGN_FINDING_KIND_UNDERLOADED,
                                  v1::POST_DESIGN_FINDING_KIND_NO_SUPERIOR,
                                  v1::POST_DESIGN_FINDING_KIND_UNIT_WITHOUT_HEAD}));
  req.set_include_subtree(true);
  resp.Clear();
  ASSERT_TRUE(queries_->GetPostDesignReport(Admin().get(), req, &resp).ok());
  int no_duties = 0;
  for (const auto& f : resp.findings()) no_duties += f.kind() == v1::POST_DESIGN_FINDING_KIND_NO_DUTIES;
  EXPECT_EQ(no_duties, 4);  // the four place posts list no duties
}

}  // namespace
}  // namespace huinong::org
