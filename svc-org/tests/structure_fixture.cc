#include "svc-org/tests/structure_fixture.h"

#include <cppconn/connection.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>

#include "absl/time/clock.h"
#include "common/core/business_clock.h"
#include "common/rpc/errors.h"

namespace huinong::org {

type::v1::Date StructureFixture::D(int year, int month, int day) {
  type::v1::Date d;
  d.set_year(year);
  d.set_month(month);
  d.set_day(day);
  return d;
}

type::v1::Date StructureFixture::Today() { return DaysFromToday(0); }

type::v1::Date StructureFixture::DaysFromToday(int days) {
  // The county's day, as the service counts it (not the UTC day).
  const absl::CivilDay day = (*BusinessClock::System(kDefaultCountyTimeZone))->Today() + days;
  return D(static_cast<int>(day.year()), day.month(), day.day());
}

std::string StructureFixture::Reason(const grpc::Status& s) {
  return rpc::ReasonOf(rpc::FromGrpcStatus(s));
}

std::set<std::string> StructureFixture::Fields(const grpc::Status& s) {
  std::set<std::string> out;
  for (const auto& fv : rpc::FieldViolationsOf(rpc::FromGrpcStatus(s))) out.insert(fv.field);
  return out;
}

v1::Post StructureFixture::MustPost(const v1::Unit& unit, const std::string& title,
                                    const std::function<void(v1::Post&)>& edit) {
  v1::CreatePostRequest req;
  req.set_request_id(NextRequest());
  req.mutable_post()->set_unit(unit.name());
  req.mutable_post()->set_title(title);
  req.mutable_post()->set_kind(v1::POST_KIND_SUPPORT);
  *req.mutable_post()->mutable_effective_from() = D(2024, 1, 1);
  if (edit) edit(*req.mutable_post());
  v1::Post post;
  grpc::Status s = posts_->CreatePost(Admin().get(), req, &post);
  EXPECT_TRUE(s.ok()) << title << ": " << s.error_message();
  return post;
}

v1::Staff StructureFixture::MustStaff(const std::string& display_name,
                                      const std::function<void(v1::Staff&)>& edit) {
  v1::CreateStaffRequest req;
  req.set_request_id(NextRequest());
  req.mutable_staff()->set_display_name(display_name);
  if (edit) edit(*req.mutable_staff());
  v1::Staff staff;
  grpc::Status s = staff_->CreateStaff(Admin().get(), req, &staff);
  EXPECT_TRUE(s.ok()) << display_name << ": " << s.error_message();
  return staff;
}

v1::Quota StructureFixture::MustQuota(const v1::Unit& unit, const std::string& post,
                                      v1::QuotaKind kind, int min, int max) {
  v1::CreateQuotaRequest req;
  req.set_request_id(NextRequest());
  auto* q = req.mutable_quota();
  q->set_unit(unit.name());
  q->set_post(post);
  q->set_kind(kind);
  q->set_min_headcount(min);
  q->set_max_headcount(max);
  q->set_approved_by("总经理办公会");
  *q->mutable_approval_date() = D(2023, 12, 1);
  *q->mutable_effective_from() = D(2024, 1, 1);
  v1::Quota quota;
  grpc::Status s = posts_->CreateQuota(Admin().get(), req, &quota);
  EXPECT_TRUE(s.ok()) << unit.display_name() << " " << post << ": " << s.error_message();
  return quota;
}

v1::CreateAssignmentRequest StructureFixture::AssignRequest(const v1::Staff& staff,
                                                            const v1::Post& post,
                                                            v1::AssignmentKind kind,
                                                            const type::v1::Date& from) {
  v1::CreateAssignmentRequest req;
  req.set_request_id(NextRequest());
  req.mutable_assignment()->set_staff(staff.name());
  req.mutable_assignment()->set_post(post.name());
  req.mutable_assignment()->set_kind(kind);
  *req.mutable_assignment()->mutable_effective_from() = from;
  return req;
}

grpc::Status StructureFixture::Assign(const v1::CreateAssignmentRequest& req, v1::Assignment* out) {
  return staff_->CreateAssignment(Admin().get(), req, out);
}

v1::Assignment StructureFixture::MustAssign(const v1::Staff& staff, const v1::Post& post,
                                            v1::AssignmentKind kind, const type::v1::Date& from) {
  v1::Assignment a;
  grpc::Status s = Assign(AssignRequest(staff, post, kind, from), &a);
  EXPECT_TRUE(s.ok()) << staff.display_name() << " → " << post.title() << ": " << s.error_message();
  return a;
}

v1::ConcurrencyPolicy StructureFixture::MustPolicy(const v1::ConcurrencyPolicy& policy) {
  v1::CreateConcurrencyPolicyRequest req;
  req.set_request_id(NextRequest());
  *req.mutable_policy() = policy;
  v1::ConcurrencyPolicy out;
  grpc::Status s = staff_->CreateConcurrencyPolicy(Admin().get(), req, &out);
  EXPECT_TRUE(s.ok()) << policy.title() << ": " << s.error_message();
  return out;
}

grpc::Status StructureFixture::Act(const v1::Staff& acting, const v1::Staff& absent,
                                   const v1::Staff& by, const v1::Post& post,
                                   const type::v1::Date& from, const type::v1::Date& to,
                                   v1::Assignment* out, const std::vector<std::string>& capabilities) {
  v1::CreateAssignmentRequest req = AssignRequest(acting, post, v1::ASSIGNMENT_KIND_ACTING, from);
  *req.mutable_assignment()->mutable_effective_to() = to;
  auto* d = req.mutable_assignment()->mutable_delegation();
  d->set_acting_for(absent.name());
  d->set_delegated_by(by.name());
  d->set_reason("部门经理休假");
  for (const auto& c : capabilities) d->add_capabilities(c);
  return Assign(req, out);
}

std::vector<audit::v1::Event> StructureFixture::OutboxEvents() const {
  std::vector<audit::v1::Event> out;
  auto conn = db_->Admin();
  std::unique_ptr<sql::Statement> st(conn->createStatement());
  std::unique_ptr<sql::ResultSet> rs(st->executeQuery("SELECT payload FROM outbox ORDER BY seq"));
  while (rs->next()) {
    audit::v1::Event e;
    EXPECT_TRUE(e.ParseFromString(rs->getString(1)));
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace huinong::org
