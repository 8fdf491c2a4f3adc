// The audit events of posts, quotas, staff, assignments and concurrency
// policies: each successful change writes exactly one outbox event in its
// own transaction, with its resource type, name and unit; a refused change
// and a retried request write none; phone numbers appear only masked.
#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include "svc-org/tests/structure_fixture.h"

namespace huinong::org {
namespace {

using type::v1::LEVEL_UNSPECIFIED;

class OrgEvents : public StructureFixture {
 protected:
  void SetUp() override {
    StructureFixture::SetUp();
    unit_ = MustCreate("财务部", v1::UNIT_KIND_DEPARTMENT, LEVEL_UNSPECIFIED, "");
    baseline_ = OutboxEvents().size();
  }

  // The events written since the last call.
  std::vector<audit::v1::Event> NewEvents() {
    std::vector<audit::v1::Event> all = OutboxEvents();
    std::vector<audit::v1::Event> out(all.begin() + static_cast<long>(baseline_), all.end());
    baseline_ = all.size();
    return out;
  }

  void ExpectOne(const std::string& action, const std::string& type, const std::string& name,
                 const std::string& unit) {
    std::vector<audit::v1::Event> events = NewEvents();
    ASSERT_EQ(events.size(), 1u) << action;
    EXPECT_EQ(events[0].action(), action);
    EXPECT_EQ(events[0].resource_type(), type);
    EXPECT_EQ(events[0].resource_id(), name);
    EXPECT_EQ(events[0].resource_unit(), unit);
    EXPECT_EQ(events[0].service(), "svc-org");
    EXPECT_FALSE(events[0].request_id().empty());
  }

  v1::Unit unit_;
  size_t baseline_ = 0;
};

TEST_F(OrgEvents, EveryChangeWritesExactlyOneEvent) {
  v1::Post cash = MustPost(unit_, "现金出纳", [](v1::Post& p) { p.set_code("cashier.cash"); });
  ExpectOne("org.CreatePost", "post", cash.name(), unit_.name());
  v1::UpdatePostRequest up;
  up.set_request_id("rename-cash");
  *up.mutable_post() = cash;
  up.mutable_post()->set_title("出纳");
  up.mutable_update_mask()->add_paths("title");
  v1::Post renamed;
  ASSERT_TRUE(posts_->UpdatePost(Admin().get(), up, &renamed).ok());
  ExpectOne("org.UpdatePost", "post", cash.name(), unit_.name());
  v1::Quota quota = MustQuota(unit_, cash.name(), v1::QUOTA_KIND_EXACT, 1, 1);
  ExpectOne("org.CreateQuota", "quota", quota.name(), unit_.name());
  v1::Staff person = MustStaff("出纳员", [](v1::Staff& s) { s.set_phone("13912345678"); });
  {
    std::vector<audit::v1::Event> events = NewEvents();
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].resource_type(), "staff");
    EXPECT_EQ(events[0].after_json().find("13912345678"), std::string::npos) << events[0].after_json();
    EXPECT_NE(events[0].after_json().find("139****5678"), std::string::npos);
  }
  v1::Assignment held = MustAssign(person, renamed, v1::ASSIGNMENT_KIND_PRIMARY, D(2025, 1, 1));
  ExpectOne("org.CreateAssignment", "assignment", held.name(), unit_.name());
  v1::ConcurrencyPolicy policy;
  policy.set_unit(unit_.name());
  policy.set_title("财务部不相容岗位");
  policy.set_max_posts_per_person(2);
  v1::ConcurrencyPolicy created = MustPolicy(policy);
  ExpectOne("org.CreateConcurrencyPolicy", "concurrency_policy", created.name(), unit_.name());
  v1::EndAssignmentRequest end;
  end.set_request_id("end-cashier");
  end.set_name(held.name());
  end.set_etag(held.etag());
  *end.mutable_effective_to() = Today();
  end.set_reason("调岗");
  v1::Assignment ended;
  ASSERT_TRUE(staff_->EndAssignment(Admin().get(), end, &ended).ok());
  ExpectOne("org.EndAssignment", "assignment", held.name(), unit_.name());
  // The retry replays the answer and writes nothing.
  ASSERT_TRUE(staff_->EndAssignment(Admin().get(), end, &ended).ok());
  EXPECT_TRUE(NewEvents().empty());
}

TEST_F(OrgEvents, LeavingIsOneStaffEventEvenWhenAssignmentsEnd) {
  v1::Post a = MustPost(unit_, "会计"), b = MustPost(unit_, "稽核");
  v1::Staff person = MustStaff("即将离职");
  MustAssign(person, a, v1::ASSIGNMENT_KIND_PRIMARY, D(2025, 1, 1));
  MustAssign(person, b, v1::ASSIGNMENT_KIND_CONCURRENT, D(2025, 1, 1));
  NewEvents();
  v1::UpdateStaffRequest up;
  up.set_request_id("leave");
  *up.mutable_staff() = person;
  up.mutable_staff()->set_status(v1::STAFF_STATUS_LEFT);
  up.mutable_update_mask()->add_paths("status");
  v1::Staff left;
  ASSERT_TRUE(staff_->UpdateStaff(Admin().get(), up, &left).ok());
  ExpectOne("org.UpdateStaff", "staff", person.name(), "");
  EXPECT_EQ(db_->Scalar("SELECT COUNT(*) FROM assignments WHERE effective_to IS NULL"), "0");
}

TEST_F(OrgEvents, ARefusedChangeWritesNothing) {
  v1::Post head = MustPost(unit_, "财务部经理", [](v1::Post& p) { p.set_head(true); });
  NewEvents();
  v1::CreatePostRequest req;
  req.set_request_id("second-head");
  req.mutable_post()->set_unit(unit_.name());
  req.mutable_post()->set_title("另一个经理");
  req.mutable_post()->set_kind(v1::POST_KIND_MANAGEMENT);
  req.mutable_post()->set_head(true);
  v1::Post out;
  EXPECT_FALSE(posts_->CreatePost(Admin().get(), req, &out).ok());
  v1::AbolishPostRequest abolish;
  abolish.set_request_id("stale-abolish");
  abolish.set_name(head.name());
  abolish.set_etag("99");
  *abolish.mutable_effective_to() = Today();
  abolish.set_reason("撤销");
  EXPECT_EQ(posts_->AbolishPost(Admin().get(), abolish, &out).error_code(), grpc::StatusCode::ABORTED);
  EXPECT_TRUE(NewEvents().empty());
  EXPECT_EQ(db_->Scalar("SELECT COUNT(*) FROM posts"), "1");
}

}  // namespace
}  // namespace huinong::org
