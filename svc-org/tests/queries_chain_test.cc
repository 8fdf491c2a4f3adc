// GetReportingChain and ListReports through a real server, on the property
// customer-service department's five-level reporting tree (seed 000:343-785):
// manager → supervisor → two team leads → three agents → a trainee, with a
// dotted line from the supervisor to the county's quality post.
#include <gtest/gtest.h>

#include "svc-org/tests/queries_fixture.h"

namespace huinong::org {
namespace {

class QueriesChain : public QueriesFixture {
 protected:
  void SetUp() override {
    QueriesFixture::SetUp();
    if (HasFatalFailure()) return;
    county_ = MustCreate("县金融扶贫服务中心", v1::UNIT_KIND_CENTRE, type::v1::LEVEL_COUNTY, "");
    dept_ = MustCreate("物业客服部", v1::UNIT_KIND_DEPARTMENT, type::v1::LEVEL_UNSPECIFIED, county_.name());
    other_ = MustCreate("柳泉镇金融服务部", v1::UNIT_KIND_DEPARTMENT, type::v1::LEVEL_TOWNSHIP,
                        county_.name());
    quality_ = MustPost(county_, "质量监督员");
    manager_ = MustPost(dept_, "客服部经理", [](v1::Post& p) { p.set_head(true); });
    supervisor_ = MustPost(dept_, "客服主管", [&](v1::Post& p) {
      p.set_superior_post(manager_.name());
      auto* line = p.add_other_lines();
      line->set_post(quality_.name());
      line->set_kind(v1::REPORTING_LINE_KIND_DOTTED);
    });
    lead_a_ = MustPost(dept_, "客服组长A", [&](v1::Post& p) { p.set_superior_post(supervisor_.name()); });
    lead_b_ = MustPost(dept_, "客服组长B", [&](v1::Post& p) { p.set_superior_post(supervisor_.name()); });
    agent_a1_ = MustPost(dept_, "客服专员A1", [&](v1::Post& p) { p.set_superior_post(lead_a_.name()); });
    agent_a2_ = MustPost(dept_, "客服专员A2", [&](v1::Post& p) { p.set_superior_post(lead_a_.name()); });
    agent_b1_ = MustPost(dept_, "客服专员B1", [&](v1::Post& p) { p.set_superior_post(lead_b_.name()); });
    trainee_ = MustPost(dept_, "见习客服", [&](v1::Post& p) { p.set_superior_post(agent_a1_.name()); });
    boss_ = MustStaff("王经理");
    newcomer_ = MustStaff("小李");
    MustAssign(boss_, manager_, v1::ASSIGNMENT_KIND_PRIMARY, D(2025, 1, 1));
    MustAssign(newcomer_, trainee_, v1::ASSIGNMENT_KIND_PRIMARY, D(2025, 3, 1));
  }

  grpc::Status Chain(const v1::GetReportingChainRequest& req, v1::ReportingChain* out) {
    return queries_->GetReportingChain(Admin().get(), req, out);
  }
  v1::ListReportsResponse Reports(const v1::Post& post, bool direct_only, bool other_lines = false) {
    v1::ListReportsRequest req;
    req.set_post(post.name());
    req.set_direct_only(direct_only);
    req.set_include_other_lines(other_lines);
    v1::ListReportsResponse out;
    grpc::Status s = queries_->ListReports(Admin().get(), req, &out);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return out;
  }

  v1::Unit county_, dept_, other_;
  v1::Post quality_, manager_, supervisor_, lead_a_, lead_b_, agent_a1_, agent_a2_, agent_b1_, trainee_;
  v1::Staff boss_, newcomer_;
};

TEST_F(QueriesChain, TheTraineesChainClimbsFiveLevelsToTheManager) {
  v1::GetReportingChainRequest req;
  req.set_post(trainee_.name());
  v1::ReportingChain chain;
  ASSERT_TRUE(Chain(req, &chain).ok());
  ASSERT_EQ(chain.links_size(), 5);
  const std::vector<std::string> expected = {trainee_.name(), agent_a1_.name(), lead_a_.name(),
                                             supervisor_.name(), manager_.name()};
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(chain.links(i).post(), expected[i]);
    EXPECT_EQ(chain.links(i).distance(), i);
    EXPECT_EQ(chain.links(i).line(), v1::REPORTING_LINE_KIND_SOLID);
  }
  ASSERT_EQ(chain.links(4).holders_size(), 1);
  EXPECT_EQ(chain.links(4).holders(0).staff(), boss_.name());
  EXPECT_EQ(chain.links(4).holders(0).display_name(), "王经理");
}

TEST_F(QueriesChain, APersonsChainStartsAtTheirPrimaryPostOnTheDay) {
  v1::GetReportingChainRequest req;
  req.set_staff(newcomer_.name());
  *req.mutable_as_of() = D(2025, 6, 1);
  v1::ReportingChain chain;
  ASSERT_TRUE(Chain(req, &chain).ok());
  ASSERT_EQ(chain.links_size(), 5);
  EXPECT_EQ(chain.links(0).post(), trainee_.name());
  ASSERT_EQ(chain.links(0).holders_size(), 1);
  EXPECT_EQ(chain.links(0).holders(0).kind(), v1::ASSIGNMENT_KIND_PRIMARY);

  // Before their first day they hold no post.
  *req.mutable_as_of() = D(2025, 2, 1);
  grpc::Status before = Chain(req, &chain);
  EXPECT_EQ(before.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(Reason(before), "NO_EFFECTIVE_POST");
}

TEST_F(QueriesChain, DottedLinesAreListedSeparatelyOnlyWhenAsked) {
  v1::GetReportingChainRequest req;
  req.set_post(lead_b_.name());
  v1::ReportingChain plain;
  ASSERT_TRUE(Chain(req, &plain).ok());
  EXPECT_EQ(plain.links_size(), 3);  // lead B, supervisor, manager
  req.set_include_other_lines(true);
  v1::ReportingChain with_lines;
  ASSERT_TRUE(Chain(req, &with_lines).ok());
  ASSERT_EQ(with_lines.links_size(), 4);
  // The supervisor (distance 1) reports dotted to quality: one step up, beside the manager.
  EXPECT_EQ(with_lines.links(2).post(), manager_.name());
  EXPECT_EQ(with_lines.links(3).post(), quality_.name());
  EXPECT_EQ(with_lines.links(3).line(), v1::REPORTING_LINE_KIND_DOTTED);
  EXPECT_EQ(with_lines.links(3).distance(), 2);
}

TEST_F(QueriesChain, DirectAndIndirectReportsOfEachLevel) {
  EXPECT_EQ(Reports(manager_, true).reports_size(), 1);
  v1::ListReportsResponse all = Reports(manager_, false);
  ASSERT_EQ(all.reports_size(), 7);  // supervisor, 2 leads, 3 agents, 1 trainee
  const std::vector<int> distances = {1, 2, 2, 3, 3, 3, 4};
  for (int i = 0; i < 7; ++i) EXPECT_EQ(all.reports(i).distance(), distances[i]) << i;
  EXPECT_EQ(all.reports(6).post(), trainee_.name());
  ASSERT_EQ(all.reports(6).holders_size(), 1);
  EXPECT_EQ(all.reports(6).holders(0).staff(), newcomer_.name());

  EXPECT_EQ(Reports(supervisor_, true).reports_size(), 2);
  EXPECT_EQ(Reports(supervisor_, false).reports_size(), 6);
  EXPECT_EQ(Reports(lead_a_, true).reports_size(), 2);
  EXPECT_EQ(Reports(lead_a_, false).reports_size(), 3);
  EXPECT_EQ(Reports(lead_b_, false).reports_size(), 1);
  EXPECT_EQ(Reports(trainee_, false).reports_size(), 0);
}

TEST_F(QueriesChain, ReportsPageBreadthFirstAndDottedReportsOnRequest) {
  v1::ListReportsRequest req;
  req.set_post(manager_.name());
  req.set_page_size(3);
  std::vector<std::string> seen;
  for (int pages = 0; pages < 5; ++pages) {
    v1::ListReportsResponse page;
    ASSERT_TRUE(queries_->ListReports(Admin().get(), req, &page).ok());
    for (const auto& r : page.reports()) seen.push_back(r.post());
    if (page.next_page_token().empty()) break;
    req.set_page_token(page.next_page_token());
  }
  ASSERT_EQ(seen.size(), 7u);
  EXPECT_EQ(seen.front(), supervisor_.name());
  EXPECT_EQ(seen.back(), trainee_.name());

  EXPECT_EQ(Reports(quality_, false).reports_size(), 0);
  v1::ListReportsResponse dotted = Reports(quality_, true, true);
  ASSERT_EQ(dotted.reports_size(), 1);
  EXPECT_EQ(dotted.reports(0).post(), supervisor_.name());
  EXPECT_EQ(dotted.reports(0).line(), v1::REPORTING_LINE_KIND_DOTTED);
}

TEST_F(QueriesChain, CallersOutsideTheDepartmentAreRefused) {
  v1::GetReportingChainRequest req;
  req.set_post(trainee_.name());
  v1::ReportingChain chain;
  grpc::Status s = queries_->GetReportingChain(As("staff/x", {}, other_.name()).get(), req, &chain);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  s = queries_->GetReportingChain(As("staff/y", {}, dept_.name()).get(), req, &chain);
  EXPECT_TRUE(s.ok()) << s.error_message();
  req.clear_post();
  s = Chain(req, &chain);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
}

}  // namespace
}  // namespace huinong::org
