// Quotas through the real server: the seeds' own company (康飞塑业, `004:21`)
// — a 行政人事部 of "9人" whose posts add up to 7, two deputy general
// managers "暂不设置" — with one person holding two posts and counting once;
// ranges, reserved vacancies, refused assignments, validation and dates.
#include <gtest/gtest.h>

#include "svc-org/tests/structure_fixture.h"

namespace huinong::org {
namespace {

using type::v1::LEVEL_UNSPECIFIED;

class QuotasApi : public StructureFixture {
 protected:
  void SetUp() override {
    StructureFixture::SetUp();
    company_ = MustCreate("康飞塑业", v1::UNIT_KIND_COMPANY, LEVEL_UNSPECIFIED, "");
    admin_hr_ = MustCreate("行政人事部", v1::UNIT_KIND_DEPARTMENT, LEVEL_UNSPECIFIED, company_.name());
  }

  v1::QuotaReport Report(const v1::Unit& unit) {
    v1::GetQuotaReportRequest req;
    req.set_unit(unit.name());
    v1::QuotaReport report;
    EXPECT_TRUE(posts_->GetQuotaReport(Admin().get(), req, &report).ok());
    return report;
  }

  v1::Unit company_, admin_hr_;
};

TEST_F(QuotasApi, NinePeopleAgainstPostsThatAddUpToSevenEachPersonOnce) {
  MustQuota(admin_hr_, "", v1::QUOTA_KIND_EXACT, 9, 9);
  const std::vector<std::pair<std::string, int>> table = {
      {"经理", 1}, {"人事专员", 1}, {"行政专员", 1}, {"前台接待", 1}, {"司机", 1}, {"门卫兼保安", 2}};
  std::vector<v1::Post> posts;
  for (const auto& [title, n] : table) {
    posts.push_back(MustPost(admin_hr_, title));
    MustQuota(admin_hr_, posts.back().name(), v1::QUOTA_KIND_EXACT, n, n);
  }
  const auto primary = v1::ASSIGNMENT_KIND_PRIMARY;
  MustAssign(MustStaff("张经理"), posts[0], primary, D(2024, 1, 1));
  MustAssign(MustStaff("李人事"), posts[1], primary, D(2024, 1, 1));
  v1::Staff both = MustStaff("赵行政");
  MustAssign(both, posts[2], primary, D(2024, 1, 1));
  MustAssign(both, posts[3], v1::ASSIGNMENT_KIND_CONCURRENT, D(2024, 2, 1));  // 兼前台
  MustAssign(MustStaff("钱门卫"), posts[5], primary, D(2024, 1, 1));

  v1::QuotaReport r = Report(admin_hr_);
  EXPECT_EQ(r.unit_total().max(), 9);
  EXPECT_EQ(r.posts_sum().min(), 7);
  EXPECT_EQ(r.posts_sum().max(), 7);
  EXPECT_EQ(r.difference().min(), 2) << "the seeds' 9 - 7";
  EXPECT_EQ(r.difference().max(), 2);
  EXPECT_FALSE(r.balanced());
  EXPECT_EQ(r.headcount(), 4) << "赵行政 holds two posts and counts once";
  int filled = 0;
  for (const auto& line : r.posts()) filled += line.filled();
  EXPECT_EQ(filled, 5);
  ASSERT_EQ(r.posts_size(), 6);
  EXPECT_EQ(r.posts(4).post_title(), "司机");
  EXPECT_EQ(r.posts(4).vacancies(), 1);
  EXPECT_EQ(r.posts(5).vacancies(), 1);
  EXPECT_EQ(r.posts(3).filled(), 1);
  EXPECT_EQ(r.as_of().year(), Today().year());
}

TEST_F(QuotasApi, FrozenDeputiesAreKeptButNotStaffed) {
  // 总经理 1; 副总经理 2 暂不设置.
  MustQuota(company_, "", v1::QUOTA_KIND_EXACT, 1, 1);
  v1::Post gm = MustPost(company_, "总经理", [](v1::Post& p) { p.set_head(true); });
  v1::Post deputy = MustPost(company_, "副总经理", [](v1::Post& p) { p.set_deputy(true); });
  MustQuota(company_, gm.name(), v1::QUOTA_KIND_EXACT, 1, 1);
  MustQuota(company_, deputy.name(), v1::QUOTA_KIND_FROZEN, 0, 2);
  v1::Assignment out;
  grpc::Status s = Assign(AssignRequest(MustStaff("孙副总"), deputy, v1::ASSIGNMENT_KIND_PRIMARY,
                                        D(2024, 6, 1)), &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(Reason(s), "QUOTA_FROZEN");
  v1::QuotaReport r = Report(company_);
  EXPECT_EQ(r.frozen(), 2);
  EXPECT_EQ(r.posts_sum().max(), 1);
  EXPECT_TRUE(r.balanced());
  EXPECT_EQ(r.posts(1).vacancies(), 0) << "frozen seats are no vacancy";
}

TEST_F(QuotasApi, ARangeFillsUpToItsMaximumAndActingFillsNoSeat) {
  v1::Post hr = MustPost(admin_hr_, "人事部专员");
  MustQuota(admin_hr_, hr.name(), v1::QUOTA_KIND_RANGE, 1, 2);  // 人事部：1-2人
  v1::Staff a = MustStaff("周一"), b = MustStaff("吴二"), c = MustStaff("郑三");
  MustAssign(a, hr, v1::ASSIGNMENT_KIND_PRIMARY, D(2024, 1, 1));
  MustAssign(b, hr, v1::ASSIGNMENT_KIND_PRIMARY, D(2024, 1, 1));
  v1::Assignment out;
  EXPECT_EQ(Reason(Assign(AssignRequest(c, hr, v1::ASSIGNMENT_KIND_PRIMARY, D(2024, 3, 1)), &out)),
            "QUOTA_EXCEEDED");
  // Someone acting for 周一 while away takes no seat.
  ASSERT_TRUE(Act(c, a, a, hr, D(2024, 7, 1), D(2024, 7, 31), &out).ok());
  EXPECT_FALSE(out.fills_seat());
  v1::GetQuotaReportRequest req;
  req.set_unit(admin_hr_.name());
  *req.mutable_as_of() = D(2024, 7, 15);
  v1::QuotaReport r;
  ASSERT_TRUE(posts_->GetQuotaReport(Admin().get(), req, &r).ok());
  EXPECT_EQ(r.posts(0).filled(), 2);
  EXPECT_EQ(r.posts(0).acting(), 1);
  EXPECT_EQ(r.headcount(), 2);
  EXPECT_FALSE(r.has_unit_total());
  EXPECT_FALSE(r.has_difference());
}

TEST_F(QuotasApi, AReservedVacancyIsReportedAsReserved) {
  v1::Post expert = MustPost(admin_hr_, "学科带头人");
  MustQuota(admin_hr_, expert.name(), v1::QUOTA_KIND_RESERVED_VACANCY, 0, 1);  // 必要空岗
  v1::Post plain = MustPost(admin_hr_, "档案员");
  v1::QuotaReport r = Report(admin_hr_);
  EXPECT_EQ(r.posts(0).reserved(), 1);
  EXPECT_EQ(r.posts(0).vacancies(), 0);
  ASSERT_EQ(r.posts_without_quota_size(), 1);
  EXPECT_EQ(r.posts_without_quota(0), plain.name());
}

TEST_F(QuotasApi, ValidationAndOverlaps) {
  v1::Post clerk = MustPost(admin_hr_, "行政专员");
  v1::CreateQuotaRequest req;
  req.set_request_id("bad-quota");
  req.mutable_quota()->set_unit(admin_hr_.name());
  req.mutable_quota()->set_kind(v1::QUOTA_KIND_EXACT);
  req.mutable_quota()->set_min_headcount(1);
  req.mutable_quota()->set_max_headcount(2);
  v1::Quota out;
  grpc::Status s = posts_->CreateQuota(Admin().get(), req, &out);
  EXPECT_EQ(Fields(s), (std::set<std::string>{"quota.min_headcount", "quota.approved_by",
                                              "quota.approval_date"}));
  MustQuota(admin_hr_, clerk.name(), v1::QUOTA_KIND_EXACT, 1, 1);
  req.set_request_id("second-quota");
  req.mutable_quota()->set_post(clerk.name());
  req.mutable_quota()->set_min_headcount(2);
  req.mutable_quota()->set_approved_by("董事会");
  *req.mutable_quota()->mutable_approval_date() = D(2024, 1, 1);
  s = posts_->CreateQuota(Admin().get(), req, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::ALREADY_EXISTS);
  EXPECT_EQ(Reason(s), "QUOTA_EXISTS");
  v1::Post elsewhere = MustPost(company_, "总经理");
  req.set_request_id("wrong-unit");
  req.mutable_quota()->set_post(elsewhere.name());
  EXPECT_EQ(Reason(posts_->CreateQuota(Admin().get(), req, &out)), "POST_NOT_IN_UNIT");
}

TEST_F(QuotasApi, UpdatesAreDatedAndTheOldNumberStaysReadable) {
  v1::Post guard = MustPost(admin_hr_, "门卫兼保安");
  v1::Quota quota = MustQuota(admin_hr_, guard.name(), v1::QUOTA_KIND_EXACT, 2, 2);
  v1::UpdateQuotaRequest up;
  up.set_request_id("three-guards");
  *up.mutable_quota() = quota;
  up.mutable_quota()->set_max_headcount(3);
  up.mutable_update_mask()->add_paths("max_headcount");
  *up.mutable_effective_date() = D(2025, 1, 1);
  v1::Quota updated;
  ASSERT_TRUE(posts_->UpdateQuota(Admin().get(), up, &updated).ok());
  EXPECT_EQ(updated.min_headcount(), 3) << "EXACT follows its max";
  v1::GetQuotaRequest get;
  get.set_name(quota.name());
  *get.mutable_as_of() = D(2024, 12, 31);
  v1::Quota old;
  ASSERT_TRUE(posts_->GetQuota(Admin().get(), get, &old).ok());
  EXPECT_EQ(old.max_headcount(), 2);
  *get.mutable_as_of() = D(2025, 1, 1);
  ASSERT_TRUE(posts_->GetQuota(Admin().get(), get, &old).ok());
  EXPECT_EQ(old.max_headcount(), 3);
  up.set_request_id("stale");
  EXPECT_EQ(posts_->UpdateQuota(Admin().get(), up, &updated).error_code(), grpc::StatusCode::ABORTED);
  v1::ListQuotasRequest list;
  list.set_unit(company_.name());
  list.set_include_subtree(true);
  v1::ListQuotasResponse listed;
  ASSERT_TRUE(posts_->ListQuotas(Admin().get(), list, &listed).ok());
  ASSERT_EQ(listed.quotas_size(), 1);
  EXPECT_EQ(listed.quotas(0).max_headcount(), 3);
}

}  // namespace
}  // namespace huinong::org
