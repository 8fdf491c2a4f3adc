// Posts through the real gRPC server and a real MariaDB: every field round
// trips, validation names every bad field, superior and subordinates agree,
// cycles and second heads are refused, retries and etags, dated versions
// read as of a day, abolition, and the data scope of township callers.
#include <gtest/gtest.h>

#include "svc-org/tests/structure_fixture.h"

namespace huinong::org {
namespace {

using type::v1::LEVEL_COUNTY;
using type::v1::LEVEL_TOWNSHIP;
using type::v1::LEVEL_VILLAGE;

class PostsApi : public StructureFixture {
 protected:
  void SetUp() override {
    StructureFixture::SetUp();
    county_ = MustCreate("固安县金融扶贫服务中心", v1::UNIT_KIND_CENTRE, LEVEL_COUNTY, "");
    t1_ = MustCreate("柳泉镇金融服务部", v1::UNIT_KIND_DEPARTMENT, LEVEL_TOWNSHIP, county_.name());
    t2_ = MustCreate("牛驼镇金融服务站", v1::UNIT_KIND_STATION, LEVEL_TOWNSHIP, county_.name());
    v1_ = MustCreate("东红寺村金融扶贫服务站", v1::UNIT_KIND_STATION, LEVEL_VILLAGE, t1_.name());
    v2_ = MustCreate("西小屯村金融扶贫服务站", v1::UNIT_KIND_STATION, LEVEL_VILLAGE, t2_.name());
    director_ = MustPost(county_, "中心主任", [](v1::Post& p) {
      p.set_head(true);
      p.set_kind(v1::POST_KIND_MANAGEMENT);
      p.add_capabilities("loans.review.county");
    });
  }

  v1::Post Get(const std::string& name, const type::v1::Date* as_of = nullptr) {
    v1::GetPostRequest req;
    req.set_name(name);
    if (as_of) *req.mutable_as_of() = *as_of;
    v1::Post out;
    EXPECT_TRUE(posts_->GetPost(Admin().get(), req, &out).ok()) << name;
    return out;
  }

  grpc::Status Update(const v1::Post& post, const std::vector<std::string>& paths, v1::Post* out,
                      const type::v1::Date* effective = nullptr) {
    v1::UpdatePostRequest req;
    req.set_request_id(NextRequest());
    *req.mutable_post() = post;
    for (const auto& p : paths) req.mutable_update_mask()->add_paths(p);
    if (effective) *req.mutable_effective_date() = *effective;
    return posts_->UpdatePost(Admin().get(), req, out);
  }

  v1::Unit county_, t1_, t2_, v1_, v2_;
  v1::Post director_;
};

TEST_F(PostsApi, EveryFieldRoundTripsAndTheSuperiorListsItsSubordinate) {
  v1::Post auditor = MustPost(county_, "内审员");
  v1::CreatePostRequest req;
  req.set_request_id("full-post");
  v1::Post* p = req.mutable_post();
  p->set_unit(t1_.name());
  p->set_title("金融服务部主任");
  p->set_code("township.head");
  p->set_mission("组织本乡镇扶贫小额信贷的调查、推荐和贷后管理");
  p->add_duties()->set_text("牵头组织入户实地调查，出具调查报告");
  p->mutable_duties(0)->set_time_share_bp(4000);
  p->add_duties()->set_text("汇总上报贷款申请材料");
  auto* g = p->add_qualification_groups();
  g->set_title("学历");
  g->set_mode(v1::QUALIFICATION_GROUP_MODE_ANY_OF);
  g->set_requirement(v1::QUALIFICATION_REQUIREMENT_REQUIRED);
  auto* item = g->add_items();
  item->set_code("edu.college");
  item->set_description("大专以上学历");
  item->set_kind(v1::QUALIFICATION_KIND_EDUCATION);
  auto* pref = p->add_qualification_groups();
  pref->set_mode(v1::QUALIFICATION_GROUP_MODE_ALL_OF);
  pref->set_requirement(v1::QUALIFICATION_REQUIREMENT_PREFERRED);
  auto* years = pref->add_items();
  years->set_code("exp.credit");
  years->set_description("3年以上信贷工作经验");
  years->set_kind(v1::QUALIFICATION_KIND_EXPERIENCE);
  years->set_min_years(3);
  p->add_authorities("贷款推荐意见");
  p->set_grade("科级");
  p->set_grade_rank(40);
  p->set_kind(v1::POST_KIND_MANAGEMENT);
  p->set_office_side(v1::OFFICE_SIDE_FRONT);
  p->set_head(true);
  p->add_capabilities("loans.survey.lead");
  p->add_capabilities("subsidy.check.township");
  p->set_superior_post(director_.name());
  auto* line = p->add_other_lines();
  line->set_post(auditor.name());
  line->set_kind(v1::REPORTING_LINE_KIND_DOTTED);
  line->set_note("业务指导");
  p->set_workload_bp(8000);
  *p->mutable_effective_from() = D(2024, 3, 1);
  v1::Post head;
  ASSERT_TRUE(posts_->CreatePost(Admin().get(), req, &head).ok());

  v1::Post got = Get(head.name());
  v1::Post expected = req.post();
  expected.set_name(head.name());
  expected.set_status(v1::POST_STATUS_ACTIVE);
  expected.set_etag("1");
  *expected.mutable_create_time() = got.create_time();
  *expected.mutable_update_time() = got.update_time();
  EXPECT_EQ(got.SerializeAsString(), expected.SerializeAsString()) << got.DebugString();
  EXPECT_EQ(got.duties(1).text(), "汇总上报贷款申请材料") << "duties keep their order";
  v1::Post director = Get(director_.name());
  ASSERT_EQ(director.subordinate_posts_size(), 1);
  EXPECT_EQ(director.subordinate_posts(0), head.name());

  // A second line to the solid-line superior is refused, naming the field.
  req.set_request_id("line-to-superior");
  req.mutable_post()->set_head(false);
  req.mutable_post()->set_code("");
  req.mutable_post()->mutable_other_lines(0)->set_post(director_.name());
  v1::Post out;
  EXPECT_EQ(Fields(posts_->CreatePost(Admin().get(), req, &out)),
            std::set<std::string>{"post.other_lines[0].post"});

  v1::Post independent = got;
  independent.mutable_other_lines(0)->set_kind(v1::REPORTING_LINE_KIND_INDEPENDENT);
  v1::Post updated;
  ASSERT_TRUE(Update(independent, {"other_lines"}, &updated).ok());
  ASSERT_EQ(updated.other_lines_size(), 1);
  EXPECT_EQ(updated.other_lines(0).kind(), v1::REPORTING_LINE_KIND_INDEPENDENT);
  EXPECT_EQ(updated.etag(), "2");
}

TEST_F(PostsApi, InvalidPostNamesEveryBadField) {
  v1::CreatePostRequest req;
  auto* p = req.mutable_post();
  p->set_unit(t1_.name());
  p->set_head(true);
  p->set_deputy(true);
  p->add_capabilities("Loans.Survey");
  p->add_duties();
  p->add_qualification_groups();
  p->add_other_lines()->set_kind(v1::REPORTING_LINE_KIND_SOLID);
  p->mutable_other_lines(0)->set_post(director_.name());
  v1::Post out;
  grpc::Status s = posts_->CreatePost(Admin().get(), req, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(Fields(s), (std::set<std::string>{
                           "request_id", "post.title", "post.kind", "post.deputy", "post.capabilities[0]",
                           "post.duties[0].text", "post.qualification_groups[0].mode",
                           "post.qualification_groups[0].requirement",
                           "post.qualification_groups[0].items", "post.other_lines[0].kind"}));
  EXPECT_EQ(db_->Scalar("SELECT COUNT(*) FROM posts"), "1");
}

TEST_F(PostsApi, SubordinatesFollowTheSuperiorAndCyclesAreRefused) {
  v1::Post deputy = MustPost(county_, "中心副主任", [&](v1::Post& p) {
    p.set_deputy(true);
    p.set_superior_post(director_.name());
  });
  v1::Post clerk = MustPost(county_, "综合文员", [&](v1::Post& p) { p.set_superior_post(director_.name()); });
  EXPECT_EQ(Get(director_.name()).subordinate_posts_size(), 2);
  v1::Post moved = clerk;
  moved.set_superior_post(deputy.name());
  v1::Post out;
  ASSERT_TRUE(Update(moved, {"superior_post"}, &out).ok());
  v1::Post director = Get(director_.name());
  ASSERT_EQ(director.subordinate_posts_size(), 1);
  EXPECT_EQ(director.subordinate_posts(0), deputy.name());
  ASSERT_EQ(Get(deputy.name()).subordinate_posts_size(), 1);
  EXPECT_EQ(Get(deputy.name()).subordinate_posts(0), clerk.name());
  // The director reporting to the clerk who reports (via the deputy) to them.
  v1::Post loop = Get(director_.name());
  loop.set_superior_post(clerk.name());
  grpc::Status s = Update(loop, {"superior_post"}, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(Reason(s), "CYCLE");
  loop.set_superior_post(director_.name());
  EXPECT_EQ(Fields(Update(loop, {"superior_post"}, &out)), std::set<std::string>{"post.superior_post"});
}

TEST_F(PostsApi, OneHeadPerUnitAndCodesUniqueInAUnit) {
  v1::CreatePostRequest req;
  req.set_request_id("second-head");
  req.mutable_post()->set_unit(county_.name());
  req.mutable_post()->set_title("另一个主任");
  req.mutable_post()->set_kind(v1::POST_KIND_MANAGEMENT);
  req.mutable_post()->set_head(true);
  v1::Post out;
  grpc::Status s = posts_->CreatePost(Admin().get(), req, &out);
  EXPECT_EQ(Reason(s), "HEAD_POST_EXISTS");
  MustPost(v1_, "村级信息员", [](v1::Post& p) { p.set_code("village.agent"); });
  MustPost(v2_, "村级信息员", [](v1::Post& p) { p.set_code("village.agent"); });  // another unit
  req.set_request_id("same-code");
  req.mutable_post()->set_unit(v1_.name());
  req.mutable_post()->set_head(false);
  req.mutable_post()->set_code("village.agent");
  s = posts_->CreatePost(Admin().get(), req, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::ALREADY_EXISTS);
  EXPECT_EQ(Reason(s), "DUPLICATE_CODE");
}

TEST_F(PostsApi, RetriesReplayAndStaleEtagsAbort) {
  v1::CreatePostRequest req;
  req.set_request_id("create-once");
  req.mutable_post()->set_unit(t1_.name());
  req.mutable_post()->set_title("信贷专员");
  req.mutable_post()->set_kind(v1::POST_KIND_PROFESSIONAL_TECHNICAL);
  v1::Post first, second;
  ASSERT_TRUE(posts_->CreatePost(Admin().get(), req, &first).ok());
  ASSERT_TRUE(posts_->CreatePost(Admin().get(), req, &second).ok());
  EXPECT_EQ(first.name(), second.name());
  EXPECT_EQ(db_->Scalar("SELECT COUNT(*) FROM posts WHERE unit_id = '" + t1_.name().substr(6) + "'"), "1");
  v1::Post renamed = first;
  renamed.set_title("信贷员");
  v1::Post out;
  ASSERT_TRUE(Update(renamed, {"title"}, &out).ok());
  renamed.set_title("又改名");
  grpc::Status s = Update(renamed, {"title"}, &out);  // still etag 1
  EXPECT_EQ(s.error_code(), grpc::StatusCode::ABORTED);
  EXPECT_EQ(Get(first.name()).title(), "信贷员");
}

TEST_F(PostsApi, UpdatesAreDatedVersionsReadAsOfADay) {
  v1::Post post = MustPost(t1_, "信息员", [](v1::Post& p) { *p.mutable_effective_from() = D(2025, 1, 1); });
  v1::Post renamed = post;
  renamed.set_title("信息联络员");
  renamed.add_capabilities("tickets.agent");
  const type::v1::Date july = D(2025, 7, 1);
  v1::Post out;
  ASSERT_TRUE(Update(renamed, {"title", "capabilities"}, &out, &july).ok());
  const type::v1::Date june30 = D(2025, 6, 30), before = D(2024, 12, 31);
  EXPECT_EQ(Get(post.name(), &june30).title(), "信息员");
  EXPECT_EQ(Get(post.name(), &june30).capabilities_size(), 0);
  EXPECT_EQ(Get(post.name(), &july).title(), "信息联络员");
  EXPECT_EQ(Get(post.name()).title(), "信息联络员");
  v1::GetPostRequest get;
  get.set_name(post.name());
  *get.mutable_as_of() = before;
  v1::Post none;
  EXPECT_EQ(posts_->GetPost(Admin().get(), get, &none).error_code(), grpc::StatusCode::NOT_FOUND);
  const type::v1::Date march = D(2025, 3, 1);
  out.set_title("太早");
  EXPECT_EQ(Reason(Update(out, {"title"}, &out, &march)), "EFFECTIVE_DATE_TOO_EARLY");
  EXPECT_EQ(db_->Scalar("SELECT COUNT(*) FROM post_versions WHERE post_id = '" + post.name().substr(6) + "'"),
            "2");
}

TEST_F(PostsApi, AbolishingNeedsNoHoldersNorSubordinates) {
  v1::Post clerk = MustPost(t1_, "综合文员", [&](v1::Post& p) { p.set_superior_post(director_.name()); });
  v1::Staff person = MustStaff("王芳");
  v1::Assignment held = MustAssign(person, clerk, v1::ASSIGNMENT_KIND_PRIMARY, D(2025, 1, 1));
  v1::AbolishPostRequest req;
  req.set_request_id(NextRequest());
  req.set_name(clerk.name());
  req.set_etag(clerk.etag());
  *req.mutable_effective_to() = Today();
  req.set_reason("岗位归并");
  v1::Post out;
  EXPECT_EQ(Reason(posts_->AbolishPost(Admin().get(), req, &out)), "HAS_ASSIGNMENTS");
  v1::AbolishPostRequest director = req;
  director.set_request_id(NextRequest());
  director.set_name(director_.name());
  director.set_etag(director_.etag());
  EXPECT_EQ(Reason(posts_->AbolishPost(Admin().get(), director, &out)), "HAS_SUBORDINATES");
  v1::EndAssignmentRequest end;
  end.set_request_id(NextRequest());
  end.set_name(held.name());
  end.set_etag(held.etag());
  *end.mutable_effective_to() = Today();
  end.set_reason("岗位归并");
  v1::Assignment ended;
  ASSERT_TRUE(staff_->EndAssignment(Admin().get(), end, &ended).ok());
  req.set_request_id(NextRequest());
  ASSERT_TRUE(posts_->AbolishPost(Admin().get(), req, &out).ok());
  EXPECT_EQ(out.status(), v1::POST_STATUS_ABOLISHED);
  EXPECT_EQ(out.effective_to().day(), Today().day());
  v1::ListPostsRequest list;
  list.set_unit(t1_.name());
  v1::ListPostsResponse open;
  ASSERT_TRUE(posts_->ListPosts(Admin().get(), list, &open).ok());
  EXPECT_EQ(open.posts_size(), 0) << "abolished posts are listed only when asked for";
  // As of a given day, a post stands until its effective_to.
  *list.mutable_as_of() = Today();
  ASSERT_TRUE(posts_->ListPosts(Admin().get(), list, &open).ok());
  ASSERT_EQ(open.posts_size(), 1) << "it still stood on its last day";
  EXPECT_EQ(open.posts(0).name(), out.name());
  *list.mutable_as_of() = DaysFromToday(1);
  open.Clear();
  ASSERT_TRUE(posts_->ListPosts(Admin().get(), list, &open).ok());
  EXPECT_EQ(open.posts_size(), 0) << "gone the day after";
  list.clear_as_of();
  list.set_status(v1::POST_STATUS_ABOLISHED);
  ASSERT_TRUE(posts_->ListPosts(Admin().get(), list, &open).ok());
  ASSERT_EQ(open.posts_size(), 1);
  req.set_request_id(NextRequest());
  req.set_etag(out.etag());
  EXPECT_EQ(Reason(posts_->AbolishPost(Admin().get(), req, &out)), "INVALID_TRANSITION");
}

TEST_F(PostsApi, TownshipCallersChangeTheirSubtreeAndReadUpAndDown) {
  auto t1_admin = [&] { return As("staff/T1ADMIN", {"org.admin"}, t1_.name()); };
  v1::CreatePostRequest req;
  req.set_request_id("village-post");
  req.mutable_post()->set_unit(v1_.name());
  req.mutable_post()->set_title("村级协管员");
  req.mutable_post()->set_kind(v1::POST_KIND_SUPPORT);
  v1::Post in_village;
  ASSERT_TRUE(posts_->CreatePost(t1_admin().get(), req, &in_village).ok());
  req.set_request_id("other-village-post");
  req.mutable_post()->set_unit(v2_.name());
  v1::Post out;
  EXPECT_EQ(posts_->CreatePost(t1_admin().get(), req, &out).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  req.set_request_id("reader-post");
  req.mutable_post()->set_unit(v1_.name());
  EXPECT_EQ(posts_->CreatePost(As("staff/R", {"hr"}, t1_.name()).get(), req, &out).error_code(),
            grpc::StatusCode::PERMISSION_DENIED) << "hr changes staff, not structure";
  v1::Post in_v2 = MustPost(v2_, "村级协管员");
  auto reader = [&] { return As("staff/R", {}, v1_.name()); };
  v1::GetPostRequest get;
  get.set_name(director_.name());
  EXPECT_TRUE(posts_->GetPost(reader().get(), get, &out).ok()) << "the county above is readable";
  get.set_name(in_v2.name());
  EXPECT_EQ(posts_->GetPost(reader().get(), get, &out).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  v1::ListPostsRequest list;
  v1::ListPostsResponse listed;
  ASSERT_TRUE(posts_->ListPosts(As("staff/R", {}, t1_.name()).get(), list, &listed).ok());
  std::set<std::string> names;
  for (const auto& p : listed.posts()) names.insert(p.name());
  EXPECT_EQ(names, (std::set<std::string>{director_.name(), in_village.name()}));
}

TEST_F(PostsApi, ListFiltersAndPagesByKeyset) {
  for (int i = 0; i < 5; ++i) {
    MustPost(v1_, "协管员" + std::to_string(i), [&](v1::Post& p) {
      if (i % 2 == 0) p.add_capabilities("tickets.agent");
    });
  }
  v1::ListPostsRequest list;
  list.set_unit(t1_.name());
  list.set_include_subtree(true);
  list.set_capability("tickets.agent");
  list.set_page_size(2);
  std::vector<std::string> titles;
  v1::ListPostsResponse page;
  do {
    page.Clear();
    ASSERT_TRUE(posts_->ListPosts(Admin().get(), list, &page).ok());
    for (const auto& p : page.posts()) titles.push_back(p.title());
    list.set_page_token(page.next_page_token());
  } while (!page.next_page_token().empty());
  EXPECT_EQ(titles, (std::vector<std::string>{"协管员0", "协管员2", "协管员4"}));
  v1::ListPostsRequest heads;
  heads.set_head_only(true);
  v1::ListPostsResponse got;
  ASSERT_TRUE(posts_->ListPosts(Admin().get(), heads, &got).ok());
  ASSERT_EQ(got.posts_size(), 1);
  EXPECT_EQ(got.posts(0).name(), director_.name());
}

TEST_F(PostsApi, ValidateOnlyStoresNothing) {
  v1::CreatePostRequest req;
  req.set_request_id("dry-run");
  req.set_validate_only(true);
  req.mutable_post()->set_unit(t1_.name());
  req.mutable_post()->set_title("试运行岗位");
  req.mutable_post()->set_kind(v1::POST_KIND_SUPPORT);
  v1::Post out;
  ASSERT_TRUE(posts_->CreatePost(Admin().get(), req, &out).ok());
  EXPECT_TRUE(out.name().empty());
  EXPECT_EQ(out.title(), "试运行岗位");
  EXPECT_EQ(db_->Scalar("SELECT COUNT(*) FROM posts"), "1");
  req.mutable_post()->set_head(true);
  req.mutable_post()->set_unit(county_.name());
  EXPECT_EQ(Reason(posts_->CreatePost(Admin().get(), req, &out)), "HEAD_POST_EXISTS");
}

}  // namespace
}  // namespace huinong::org
