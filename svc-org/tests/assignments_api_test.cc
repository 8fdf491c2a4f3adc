// Staff and assignments through the real server: qualifications that block,
// the loan company's concurrency whitelist (`001:267`), the cashiers'
// segregation pair with its mitigation (`004:121`), one primary post,
// secondment, acting under a delegation, leaving, hr's scope and masked
// phone numbers.
#include <gtest/gtest.h>

#include "common/rpc/errors.h"
#include "google/rpc/error_details.pb.h"
#include "svc-org/tests/structure_fixture.h"

namespace huinong::org {
namespace {

using type::v1::LEVEL_COUNTY;
using type::v1::LEVEL_TOWNSHIP;
using type::v1::LEVEL_UNSPECIFIED;

v1::PostSelector Code(const std::string& code) {
  v1::PostSelector s;
  s.set_post_code(code);
  return s;
}

class AssignmentsApi : public StructureFixture {
 protected:
  void SetUp() override {
    StructureFixture::SetUp();
    // 世纪天佑投资借款有限公司: four departments.
    company_ = MustCreate("世纪天佑投资借款有限公司", v1::UNIT_KIND_COMPANY, LEVEL_UNSPECIFIED, "");
    office_ = MustCreate("总经理办公室", v1::UNIT_KIND_OFFICE, LEVEL_UNSPECIFIED, company_.name());
    front_ = MustCreate("前台业务部", v1::UNIT_KIND_DEPARTMENT, LEVEL_UNSPECIFIED, company_.name());
    risk_ = MustCreate("风险控制部", v1::UNIT_KIND_DEPARTMENT, LEVEL_UNSPECIFIED, company_.name());
    finance_ = MustCreate("财务部", v1::UNIT_KIND_DEPARTMENT, LEVEL_UNSPECIFIED, company_.name());
    auto coded = [](const std::string& code) { return [code](v1::Post& p) { p.set_code(code); }; };
    clerk_ = MustPost(office_, "行政文员", coded("admin.clerk"));
    business_manager_ = MustPost(front_, "业务部经理", coded("business.manager"));
    client_manager_ = MustPost(front_, "客户经理", coded("client.manager"));
    reviewer_ = MustPost(risk_, "审查岗", coded("reviewer"));
    asset_ = MustPost(risk_, "资产保全岗", coded("asset.preservation"));
    investment_ = MustPost(risk_, "投资理财岗", coded("investment"));
    cash_ = MustPost(finance_, "现金出纳", coded("cashier.cash"));
    bank_ = MustPost(finance_, "银行出纳", coded("cashier.bank"));
    accountant_ = MustPost(finance_, "总账会计", coded("accountant"));
    v1::ConcurrencyPolicy policy;
    policy.set_unit(company_.name());
    policy.set_title("岗位兼任规则");
    auto* e1 = policy.add_whitelist();
    for (const char* c : {"admin.clerk", "asset.preservation", "investment"}) *e1->add_posts() = Code(c);
    e1->set_note("行政文员岗，资产保全岗、投资理财岗可以兼任");
    auto* e2 = policy.add_whitelist();
    *e2->add_posts() = Code("business.manager");
    *e2->add_posts() = Code("client.manager");
    auto* pair = policy.add_segregation_pairs();
    *pair->mutable_first() = Code("cashier.cash");
    *pair->mutable_second() = Code("cashier.bank");
    pair->set_risk("现金与银行出纳必须分开");
    policy_ = MustPolicy(policy);
  }

  v1::Unit company_, office_, front_, risk_, finance_;
  v1::Post clerk_, business_manager_, client_manager_, reviewer_, asset_, investment_, cash_, bank_,
      accountant_;
  v1::ConcurrencyPolicy policy_;
};

TEST_F(AssignmentsApi, TheWhitelistAllowsClerkWithAssetPreservationAndRefusesTheRest) {
  v1::Staff x = MustStaff("刘文员");
  MustAssign(x, clerk_, v1::ASSIGNMENT_KIND_PRIMARY, D(2024, 1, 1));
  v1::Assignment out;
  ASSERT_TRUE(Assign(AssignRequest(x, asset_, v1::ASSIGNMENT_KIND_CONCURRENT, D(2024, 2, 1)), &out).ok());
  ASSERT_TRUE(Assign(AssignRequest(x, investment_, v1::ASSIGNMENT_KIND_CONCURRENT, D(2024, 2, 1)), &out).ok());
  grpc::Status s = Assign(AssignRequest(x, client_manager_, v1::ASSIGNMENT_KIND_CONCURRENT, D(2024, 2, 1)), &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(Reason(s), "CONCURRENCY_FORBIDDEN");
  v1::Staff y = MustStaff("陈经理");
  MustAssign(y, business_manager_, v1::ASSIGNMENT_KIND_PRIMARY, D(2024, 1, 1));
  EXPECT_TRUE(Assign(AssignRequest(y, client_manager_, v1::ASSIGNMENT_KIND_CONCURRENT, D(2024, 1, 1)), &out).ok());
  EXPECT_EQ(Reason(Assign(AssignRequest(y, reviewer_, v1::ASSIGNMENT_KIND_CONCURRENT, D(2024, 1, 1)), &out)),
            "CONCURRENCY_FORBIDDEN") << "其他各岗位之间不能兼任";
  // Held one after the other is no combination.
  v1::Staff z = MustStaff("杨审查");
  v1::CreateAssignmentRequest first = AssignRequest(z, reviewer_, v1::ASSIGNMENT_KIND_PRIMARY, D(2024, 1, 1));
  *first.mutable_assignment()->mutable_effective_to() = D(2024, 6, 30);
  ASSERT_TRUE(Assign(first, &out).ok());
  EXPECT_TRUE(Assign(AssignRequest(z, client_manager_, v1::ASSIGNMENT_KIND_PRIMARY, D(2024, 7, 1)), &out).ok());
  v1::ListConcurrencyPoliciesRequest find;
  find.set_applies_to_unit(risk_.name());
  v1::ListConcurrencyPoliciesResponse found;
  ASSERT_TRUE(staff_->ListConcurrencyPolicies(Admin().get(), find, &found).ok());
  ASSERT_EQ(found.policies_size(), 1);
  EXPECT_EQ(found.policies(0).name(), policy_.name());
}

TEST_F(AssignmentsApi, MergedCashiersNeedAMitigationThatCannotBeRemoved) {
  v1::Staff cashier = MustStaff("出纳甲"), checker = MustStaff("会计乙");
  MustAssign(cashier, cash_, v1::ASSIGNMENT_KIND_PRIMARY, D(2024, 1, 1));
  MustAssign(checker, accountant_, v1::ASSIGNMENT_KIND_PRIMARY, D(2024, 1, 1));
  v1::CreateAssignmentRequest req = AssignRequest(cashier, bank_, v1::ASSIGNMENT_KIND_CONCURRENT, D(2024, 1, 1));
  v1::Assignment out;
  EXPECT_EQ(Reason(Assign(req, &out)), "SEGREGATION_UNMITIGATED");
  req.set_request_id(NextRequest());
  req.mutable_assignment()->mutable_mitigation()->set_description("每日由他人对出纳工作情况跟踪核对");
  req.mutable_assignment()->mutable_mitigation()->set_checker(cashier.name());
  EXPECT_EQ(Fields(Assign(req, &out)), std::set<std::string>{"assignment.mitigation.checker"});
  req.set_request_id(NextRequest());
  req.mutable_assignment()->mutable_mitigation()->set_checker(checker.name());
  ASSERT_TRUE(Assign(req, &out).ok());
  EXPECT_EQ(out.mitigation().checker(), checker.name());
  v1::UpdateAssignmentRequest remove;
  remove.set_request_id(NextRequest());
  *remove.mutable_assignment() = out;
  remove.mutable_assignment()->clear_mitigation();
  remove.mutable_update_mask()->add_paths("mitigation");
  v1::Assignment updated;
  EXPECT_EQ(Reason(staff_->UpdateAssignment(Admin().get(), remove, &updated)), "SEGREGATION_UNMITIGATED");
  remove.set_request_id(NextRequest());
  remove.mutable_assignment()->set_note("合并设岗");
  remove.mutable_update_mask()->Clear();
  remove.mutable_update_mask()->add_paths("note");
  ASSERT_TRUE(staff_->UpdateAssignment(Admin().get(), remove, &updated).ok());
  EXPECT_EQ(updated.note(), "合并设岗");
  EXPECT_TRUE(updated.has_mitigation());
}

TEST_F(AssignmentsApi, AMissingRequiredQualificationIsNamed) {
  v1::Post manager = MustPost(risk_, "风险控制部经理", [](v1::Post& p) {
    auto* g = p.add_qualification_groups();
    g->set_title("资质");
    g->set_mode(v1::QUALIFICATION_GROUP_MODE_ANY_OF);
    g->set_requirement(v1::QUALIFICATION_REQUIREMENT_REQUIRED);
    for (const char* code : {"cert.cfa", "cert.cfp"}) {
      auto* item = g->add_items();
      item->set_code(code);
      item->set_description(code);
      item->set_kind(v1::QUALIFICATION_KIND_CERTIFICATE);
    }
  });
  v1::Staff candidate = MustStaff("候选人");
  v1::CreateAssignmentRequest req = AssignRequest(candidate, manager, v1::ASSIGNMENT_KIND_PRIMARY, D(2025, 1, 1));
  v1::Assignment out;
  grpc::Status s = Assign(req, &out);
  EXPECT_EQ(Reason(s), "QUALIFICATION_MISSING");
  absl::Status status = rpc::FromGrpcStatus(s);
  auto payload = status.GetPayload("type.googleapis.com/google.rpc.PreconditionFailure");
  ASSERT_TRUE(payload.has_value());
  google::rpc::PreconditionFailure failure;
  ASSERT_TRUE(failure.ParseFromString(std::string(*payload)));
  ASSERT_EQ(failure.violations_size(), 1);
  EXPECT_EQ(failure.violations(0).subject(), manager.name() + "/qualification_groups[0]");
  v1::UpdateStaffRequest up;
  up.set_request_id(NextRequest());
  *up.mutable_staff() = candidate;
  auto* held = up.mutable_staff()->add_qualifications();
  held->set_code("cert.cfp");
  held->set_kind(v1::QUALIFICATION_KIND_CERTIFICATE);
  up.mutable_update_mask()->add_paths("qualifications");
  v1::Staff updated;
  ASSERT_TRUE(staff_->UpdateStaff(Admin().get(), up, &updated).ok());
  req.set_request_id(NextRequest());
  EXPECT_TRUE(Assign(req, &out).ok());
}

TEST_F(AssignmentsApi, OnePrimaryAtATimeAndSecondedStaffSayFromWhere) {
  v1::Staff s = MustStaff("借调人员", [](v1::Staff& st) { st.set_employer("人保财险固安支公司"); });
  MustAssign(s, accountant_, v1::ASSIGNMENT_KIND_PRIMARY, D(2024, 1, 1));
  v1::Assignment out;
  EXPECT_EQ(Reason(Assign(AssignRequest(s, reviewer_, v1::ASSIGNMENT_KIND_PRIMARY, D(2024, 6, 1)), &out)),
            "PRIMARY_EXISTS");
  v1::Staff insurer = MustStaff("保险专员");
  v1::CreateAssignmentRequest req = AssignRequest(insurer, reviewer_, v1::ASSIGNMENT_KIND_SECONDED, D(2024, 1, 1));
  EXPECT_EQ(Fields(Assign(req, &out)), std::set<std::string>{"assignment.secondment"});
  req.mutable_assignment()->mutable_secondment()->set_from_organisation("合作保险机构");
  ASSERT_TRUE(Assign(req, &out).ok());
  EXPECT_TRUE(out.fills_seat());
  EXPECT_EQ(out.unit(), risk_.name());
  EXPECT_EQ(out.state(), v1::ASSIGNMENT_STATE_ACTIVE);
}

TEST_F(AssignmentsApi, ActingNeedsTheAbsentHolderAndAnEntitledDelegator) {
  v1::Post gm = MustPost(office_, "总经理", [](v1::Post& p) { p.set_head(true); });
  v1::Post head = MustPost(risk_, "部门经理", [&](v1::Post& p) {
    p.set_head(true);
    p.set_superior_post(gm.name());
  });
  v1::Staff boss = MustStaff("总经理"), manager = MustStaff("部门经理"), deputy = MustStaff("主管"),
            stranger = MustStaff("路人");
  MustAssign(boss, gm, v1::ASSIGNMENT_KIND_PRIMARY, D(2024, 1, 1));
  MustAssign(manager, head, v1::ASSIGNMENT_KIND_PRIMARY, D(2024, 1, 1));
  v1::Assignment out;
  EXPECT_EQ(Reason(Act(deputy, stranger, stranger, head, D(2025, 6, 1), D(2025, 6, 15), &out)),
            "ACTING_FOR_NOT_HOLDER");
  EXPECT_EQ(Reason(Act(deputy, manager, stranger, head, D(2025, 6, 1), D(2025, 6, 15), &out)),
            "DELEGATOR_NOT_ENTITLED");
  EXPECT_EQ(Fields(Act(deputy, manager, manager, head, D(2025, 6, 1), D(2025, 6, 15), &out, {"loans.survey.lead"})),
            std::set<std::string>{"assignment.delegation.capabilities[0]"}) << "not a capability of the post";
  ASSERT_TRUE(Act(deputy, manager, boss, head, D(2025, 6, 1), D(2025, 6, 15), &out).ok())
      << "the holder of the superior post may delegate";
  EXPECT_EQ(out.delegation().acting_for(), manager.name());
  EXPECT_FALSE(out.fills_seat());
  EXPECT_EQ(out.state(), v1::ASSIGNMENT_STATE_ENDED);
  v1::CreateAssignmentRequest no_delegation =
      AssignRequest(deputy, head, v1::ASSIGNMENT_KIND_ACTING, D(2025, 7, 1));
  EXPECT_EQ(Fields(Assign(no_delegation, &out)), std::set<std::string>{"assignment.delegation"});
}

TEST_F(AssignmentsApi, LeavingEndsEveryOpenAssignment) {
  v1::Staff leaver = MustStaff("离职者");
  v1::Assignment held = MustAssign(leaver, clerk_, v1::ASSIGNMENT_KIND_PRIMARY, D(2024, 1, 1));
  v1::Assignment later = MustAssign(leaver, asset_, v1::ASSIGNMENT_KIND_CONCURRENT, DaysFromToday(30));
  v1::UpdateStaffRequest up;
  up.set_request_id(NextRequest());
  *up.mutable_staff() = leaver;
  up.mutable_staff()->set_status(v1::STAFF_STATUS_LEFT);
  up.mutable_update_mask()->add_paths("status");
  v1::Staff left;
  ASSERT_TRUE(staff_->UpdateStaff(Admin().get(), up, &left).ok());
  v1::GetAssignmentRequest get;
  get.set_name(held.name());
  v1::Assignment got;
  ASSERT_TRUE(staff_->GetAssignment(Admin().get(), get, &got).ok());
  EXPECT_EQ(got.effective_to().SerializeAsString(), Today().SerializeAsString());
  get.set_name(later.name());
  ASSERT_TRUE(staff_->GetAssignment(Admin().get(), get, &got).ok());
  EXPECT_EQ(got.state(), v1::ASSIGNMENT_STATE_ENDED) << "a scheduled assignment is cancelled";
  v1::Assignment out;
  EXPECT_EQ(Reason(Assign(AssignRequest(leaver, investment_, v1::ASSIGNMENT_KIND_PRIMARY, DaysFromToday(1)), &out)),
            "STAFF_NOT_ACTIVE");
  up.set_request_id(NextRequest());
  *up.mutable_staff() = left;
  up.mutable_staff()->set_status(v1::STAFF_STATUS_ACTIVE);
  v1::Staff again;
  EXPECT_EQ(Reason(staff_->UpdateStaff(Admin().get(), up, &again)), "INVALID_TRANSITION");
}

TEST_F(AssignmentsApi, HrActsWithinItsSubtreeAndPhonesAreMaskedForOthers) {
  v1::Unit county = MustCreate("县中心", v1::UNIT_KIND_CENTRE, LEVEL_COUNTY, "");
  v1::Unit t1 = MustCreate("柳泉镇", v1::UNIT_KIND_DEPARTMENT, LEVEL_TOWNSHIP, county.name());
  v1::Unit t2 = MustCreate("牛驼镇", v1::UNIT_KIND_DEPARTMENT, LEVEL_TOWNSHIP, county.name());
  v1::Post p1 = MustPost(t1, "信贷员"), p2 = MustPost(t2, "信贷员");
  auto hr = [&] { return As("staff/HR1", {"hr"}, t1.name()); };
  v1::CreateStaffRequest create;
  create.set_request_id("hr-creates");
  create.mutable_staff()->set_display_name("马信贷");
  create.mutable_staff()->set_phone("13812345678");
  v1::Staff person;
  ASSERT_TRUE(staff_->CreateStaff(hr().get(), create, &person).ok());
  EXPECT_EQ(person.phone(), "13812345678");
  v1::CreateAssignmentRequest req = AssignRequest(person, p1, v1::ASSIGNMENT_KIND_PRIMARY, D(2025, 1, 1));
  v1::Assignment out;
  ASSERT_TRUE(staff_->CreateAssignment(hr().get(), req, &out).ok());
  req = AssignRequest(person, p2, v1::ASSIGNMENT_KIND_CONCURRENT, D(2025, 1, 1));
  EXPECT_EQ(staff_->CreateAssignment(hr().get(), req, &out).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(staff_->CreateAssignment(As("staff/OA", {"org.admin"}, t1.name()).get(), req, &out).error_code(),
            grpc::StatusCode::PERMISSION_DENIED) << "org.admin changes structure, not staff";
  v1::GetStaffRequest get;
  get.set_name(person.name());
  v1::Staff seen;
  ASSERT_TRUE(staff_->GetStaff(As("staff/R", {}, t1.name()).get(), get, &seen).ok());
  EXPECT_EQ(seen.phone(), "138****5678");
  ASSERT_TRUE(staff_->GetStaff(hr().get(), get, &seen).ok());
  EXPECT_EQ(seen.phone(), "13812345678");
  EXPECT_EQ(staff_->GetStaff(As("staff/R2", {}, t2.name()).get(), get, &seen).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  v1::ListStaffRequest list;
  list.set_unit(t1.name());
  v1::ListStaffResponse listed;
  ASSERT_TRUE(staff_->ListStaff(As("staff/R", {}, t1.name()).get(), list, &listed).ok());
  ASSERT_EQ(listed.staff_size(), 1);
  EXPECT_EQ(listed.staff(0).phone(), "138****5678");
}

}  // namespace
}  // namespace huinong::org
