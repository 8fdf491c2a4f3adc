// Change requests through the real server on the loan company's chain
// (004:31-33): HR drafts, the general manager's office meeting decides, the
// board approves structure changes. As-of reads before and after an
// approved change, the scheduled version reaching the registry on its day,
// the decider rules, the lifecycle, conflicts found at submit, and the
// direct methods refused where the chain requires requests.
#include <gtest/gtest.h>

#include "svc-org/src/app/org_identity.h"
#include "svc-org/src/app/unit_writes.h"
#include "svc-org/src/jobs/scheduled_unit_versions.h"
#include "svc-org/tests/structure_fixture.h"

namespace huinong::org {
namespace {

#define ASSERT_OK(call)                          \
  do {                                           \
    const grpc::Status status_ = (call);         \
    ASSERT_TRUE(status_.ok()) << status_.error_message(); \
  } while (0)

class ChangesApi : public StructureFixture {
 protected:
  void SetUp() override {
    StructureFixture::SetUp();
    company_ = MustCreate("固安县惠农小额贷款有限公司", v1::UNIT_KIND_COMPANY, type::v1::LEVEL_UNSPECIFIED, "");
    hr_dept_ = MustCreate("人力资源部", v1::UNIT_KIND_DEPARTMENT, type::v1::LEVEL_UNSPECIFIED, company_.name());
    risk_ = MustCreate("风控部", v1::UNIT_KIND_DEPARTMENT, type::v1::LEVEL_UNSPECIFIED, company_.name());
    other_ = MustCreate("另一家公司", v1::UNIT_KIND_COMPANY, type::v1::LEVEL_UNSPECIFIED, "");
    gm_post_ = MustPost(company_, "总经理", [](v1::Post& p) {
      p.set_head(true);
      p.add_capabilities("org.change.decide");
    });
    board_post_ = MustPost(company_, "董事", [](v1::Post& p) { p.add_capabilities("org.change.approve"); });
    hr_post_ = MustPost(hr_dept_, "人事专员");
    risk_post_ = MustPost(risk_, "风控专员");
    hr_ = MustStaff("人事专员甲");
    gm_ = MustStaff("总经理乙");
    board_ = MustStaff("董事丙");
    MustAssign(hr_, hr_post_, v1::ASSIGNMENT_KIND_PRIMARY, D(2025, 1, 1));
    MustAssign(gm_, gm_post_, v1::ASSIGNMENT_KIND_PRIMARY, D(2025, 1, 1));
    MustAssign(board_, board_post_, v1::ASSIGNMENT_KIND_PRIMARY, D(2025, 1, 1));

    v1::CreateApprovalChainRequest req;
    req.set_request_id(NextRequest());
    v1::ApprovalChain* chain = req.mutable_chain();
    chain->set_unit(company_.name());
    chain->set_title("公司组织变更审批");
    chain->set_require_change_requests(true);
    auto* gm_step = chain->add_steps();
    gm_step->set_title("总经理办公会");
    gm_step->set_required_capability("org.change.decide");
    gm_step->set_at_unit(company_.name());
    auto* board_step = chain->add_steps();
    board_step->set_title("董事会");
    board_step->set_required_capability("org.change.approve");
    board_step->set_at_unit(company_.name());
    for (auto k : {v1::CHANGE_KIND_CREATE_UNIT, v1::CHANGE_KIND_UPDATE_UNIT, v1::CHANGE_KIND_MOVE_UNIT,
                   v1::CHANGE_KIND_ABOLISH_UNIT}) {
      board_step->add_applies_to(k);
    }
    grpc::Status s = stub_->CreateApprovalChain(Admin().get(), req, &chain_);
    ASSERT_TRUE(s.ok()) << s.error_message();
  }

  std::unique_ptr<grpc::ClientContext> Hr() { return As(hr_.name(), {"hr"}, hr_dept_.name()); }
  std::unique_ptr<grpc::ClientContext> Gm() { return As(gm_.name(), {"staff"}, company_.name()); }
  std::unique_ptr<grpc::ClientContext> Board() { return As(board_.name(), {"staff"}, company_.name()); }

  static v1::ChangeItem Rename(const v1::Unit& unit, const std::string& name) {
    v1::ChangeItem item;
    item.mutable_update_unit()->mutable_unit()->set_name(unit.name());
    item.mutable_update_unit()->mutable_unit()->set_display_name(name);
    item.mutable_update_unit()->mutable_update_mask()->add_paths("display_name");
    return item;
  }

  static v1::ChangeItem NewPost(const v1::Unit& unit, const std::string& title) {
    v1::ChangeItem item;
    v1::Post* p = item.mutable_create_post()->mutable_post();
    p->set_unit(unit.name());
    p->set_title(title);
    p->set_mission("按公司制度办理业务");
    p->set_kind(v1::POST_KIND_SUPPORT);
    p->set_office_side(v1::OFFICE_SIDE_BACK);
    p->set_status(v1::POST_STATUS_ACTIVE);
    p->set_grade("G5");
    return item;
  }

  grpc::Status Draft(const std::vector<v1::ChangeItem>& items, const type::v1::Date& effective,
                     v1::ChangeRequest* out) {
    v1::CreateChangeRequestRequest req;
    req.set_request_id(NextRequest());
    v1::ChangeRequest* r = req.mutable_change_request();
    r->set_unit(company_.name());
    r->set_title("风控部更名并增设岗位");
    r->set_reason("业务发展需要");
    *r->mutable_effective_date() = effective;
    for (const auto& i : items) *r->add_items() = i;
    return stub_->CreateChangeRequest(Hr().get(), req, out);
  }

  grpc::Status Submit(v1::ChangeRequest& r) {
    v1::SubmitChangeRequestRequest req;
    req.set_request_id(NextRequest());
    req.set_name(r.name());
    req.set_etag(r.etag());
    return stub_->SubmitChangeRequest(Hr().get(), req, &r);
  }

  grpc::Status Approve(std::unique_ptr<grpc::ClientContext> who, v1::ChangeRequest& r,
                       const std::string& request_id = "") {
    v1::ApproveChangeRequestRequest req;
    req.set_request_id(request_id.empty() ? NextRequest() : request_id);
    req.set_name(r.name());
    req.set_etag(r.etag());
    req.set_comment("同意");
    return stub_->ApproveChangeRequest(who.get(), req, &r);
  }

  v1::Unit GetUnit(const v1::Unit& unit, const type::v1::Date* as_of) {
    v1::GetUnitRequest req;
    req.set_name(unit.name());
    if (as_of) *req.mutable_as_of() = *as_of;
    v1::Unit out;
    grpc::Status s = stub_->GetUnit(Admin().get(), req, &out);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return out;
  }

  v1::ListUnitHistoryResponse History(const v1::Unit& unit) {
    v1::ListUnitHistoryRequest req;
    req.set_name(unit.name());
    v1::ListUnitHistoryResponse out;
    grpc::Status s = stub_->ListUnitHistory(Admin().get(), req, &out);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return out;
  }

  v1::Unit company_, hr_dept_, risk_, other_;
  v1::Post gm_post_, board_post_, hr_post_, risk_post_;
  v1::Staff hr_, gm_, board_;
  v1::ApprovalChain chain_;
};

TEST_F(ChangesApi, AsOfReadsSeeTheOldStructureBeforeTheEffectiveDateAndTheNewOneFrom) {
  const type::v1::Date today = Today(), tomorrow = DaysFromToday(1);
  v1::ChangeRequest r;
  ASSERT_OK(Draft({Rename(risk_, "风险管理部"), NewPost(risk_, "贷后管理岗")}, tomorrow, &r));
  EXPECT_EQ(r.state(), v1::CHANGE_REQUEST_STATE_DRAFT);
  EXPECT_EQ(r.drafted_by(), hr_.name());
  ASSERT_OK(Submit(r));
  ASSERT_EQ(r.state(), v1::CHANGE_REQUEST_STATE_IN_APPROVAL);
  ASSERT_EQ(r.steps_size(), 2);  // a unit is renamed: the board approves too
  EXPECT_EQ(r.steps(0).title(), "总经理办公会");
  EXPECT_EQ(r.steps(1).title(), "董事会");

  ASSERT_OK(Approve(Gm(), r));
  EXPECT_EQ(r.state(), v1::CHANGE_REQUEST_STATE_IN_APPROVAL);
  EXPECT_EQ(r.current_step(), 1);
  EXPECT_EQ(GetUnit(risk_, &tomorrow).display_name(), "风控部");  // nothing before the last step
  grpc::Status s = Approve(Board(), r);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(r.state(), v1::CHANGE_REQUEST_STATE_APPROVED);
  EXPECT_EQ(r.items(0).result(), risk_.name());
  EXPECT_EQ(r.steps(1).decided_by(), board_.name());

  EXPECT_EQ(GetUnit(risk_, &today).display_name(), "风控部");
  EXPECT_EQ(GetUnit(risk_, &tomorrow).display_name(), "风险管理部");
  EXPECT_EQ(GetUnit(risk_, nullptr).display_name(), "风控部");  // the registry is today's
  // The org chart of each day, with the new post only from tomorrow.
  for (const auto& [day, name, posts] :
       {std::tuple{today, "风控部", 1}, std::tuple{tomorrow, "风险管理部", 2}}) {
    v1::GetOrgChartRequest chart;
    chart.set_root(risk_.name());
    *chart.mutable_as_of() = day;
    chart.set_include_posts(true);
    v1::GetOrgChartResponse nodes;
    ASSERT_TRUE(stub_->GetOrgChart(Admin().get(), chart, &nodes).ok());
    ASSERT_EQ(nodes.nodes_size(), 1);
    EXPECT_EQ(nodes.nodes(0).unit().display_name(), name);
    EXPECT_EQ(nodes.nodes(0).posts_size(), posts);
  }
  v1::ListUnitHistoryResponse history = History(risk_);
  ASSERT_EQ(history.versions_size(), 2);
  EXPECT_FALSE(history.versions(0).scheduled());
  EXPECT_EQ(history.versions(0).valid_until().day(), tomorrow.day());
  EXPECT_TRUE(history.versions(1).scheduled());
  EXPECT_EQ(history.versions(1).change_request(), r.name());

  // The new post exists from tomorrow only.
  v1::GetPostRequest get_post;
  get_post.set_name(r.items(1).result());
  *get_post.mutable_as_of() = today;
  v1::Post post;
  EXPECT_EQ(stub_->GetPost(Admin().get(), get_post, &post).error_code(), grpc::StatusCode::NOT_FOUND);
  *get_post.mutable_as_of() = tomorrow;
  EXPECT_TRUE(stub_->GetPost(Admin().get(), get_post, &post).ok());

  // A direct change to the unit would be lost when the scheduled one lands.
  v1::UpdateUnitRequest direct;
  direct.set_request_id(NextRequest());
  *direct.mutable_unit() = GetUnit(risk_, nullptr);
  direct.mutable_unit()->set_code("risk");
  direct.mutable_update_mask()->add_paths("code");
  v1::Unit ignored;
  s = stub_->UpdateUnit(Admin().get(), direct, &ignored);
  EXPECT_EQ(Reason(s), "CHANGE_SCHEDULED") << s.error_message();

  // When tomorrow comes the job copies the version into the registry, once.
  ScheduledUnitVersions job(*pool_, clock_, absl::Seconds(60));
  const absl::CivilDay next = absl::CivilDay(tomorrow.year(), tomorrow.month(), tomorrow.day());
  EXPECT_EQ(job.ApplyDue(next - 1).value(), 0);
  EXPECT_EQ(job.ApplyDue(next).value(), 1);
  EXPECT_EQ(job.ApplyDue(next).value(), 0);
  EXPECT_EQ(GetUnit(risk_, nullptr).display_name(), "风险管理部");
  EXPECT_FALSE(History(risk_).versions(1).scheduled());
}

TEST_F(ChangesApi, AMoveEffectiveTomorrowChangesTheAncestorsFromThatDay) {
  const type::v1::Date today = Today(), tomorrow = DaysFromToday(1);
  v1::ChangeItem move;
  move.mutable_move_unit()->set_unit(risk_.name());
  move.mutable_move_unit()->set_new_parent(hr_dept_.name());
  v1::ChangeRequest r;
  ASSERT_OK(Draft({move}, tomorrow, &r));
  ASSERT_OK(Submit(r));
  ASSERT_OK(Approve(Gm(), r));
  ASSERT_OK(Approve(Board(), r));
  auto ancestors = [&](const type::v1::Date* day) {
    v1::GetUnitAncestorsRequest req;
    req.set_name(risk_.name());
    if (day) *req.mutable_as_of() = *day;
    v1::GetUnitAncestorsResponse out;
    EXPECT_TRUE(stub_->GetUnitAncestors(Admin().get(), req, &out).ok());
    std::vector<std::string> names;
    for (const auto& u : out.ancestors()) names.push_back(u.name());
    return names;
  };
  EXPECT_EQ(ancestors(&today), std::vector<std::string>{company_.name()});
  EXPECT_EQ(ancestors(&tomorrow), (std::vector<std::string>{company_.name(), hr_dept_.name()}));
  EXPECT_EQ(ancestors(nullptr), std::vector<std::string>{company_.name()});
  EXPECT_EQ(GetUnit(risk_, &tomorrow).depth(), 2);
  // The subtree of the HR department gains the unit from tomorrow.
  v1::ListUnitSubtreeRequest sub;
  sub.set_name(hr_dept_.name());
  *sub.mutable_as_of() = tomorrow;
  v1::ListUnitSubtreeResponse units;
  ASSERT_OK(stub_->ListUnitSubtree(Admin().get(), sub, &units));
  ASSERT_EQ(units.units_size(), 2);
  EXPECT_EQ(units.units(1).name(), risk_.name());
  // On the day, the registry follows.
  ScheduledUnitVersions job(*pool_, clock_, absl::Seconds(60));
  EXPECT_EQ(job.ApplyDue(absl::CivilDay(tomorrow.year(), tomorrow.month(), tomorrow.day())).value(), 1);
  EXPECT_EQ(ancestors(nullptr), (std::vector<std::string>{company_.name(), hr_dept_.name()}));
}

TEST_F(ChangesApi, AChangeEffectiveTodayTakesEffectAtTheLastApproval) {
  v1::ChangeRequest r;
  ASSERT_OK(Draft({NewPost(risk_, "合规岗")}, Today(), &r));
  ASSERT_OK(Submit(r));
  ASSERT_EQ(r.steps_size(), 1);  // posts only: the office meeting decides alone
  ASSERT_OK(Approve(Gm(), r));
  EXPECT_EQ(r.state(), v1::CHANGE_REQUEST_STATE_APPROVED);
  v1::GetPostRequest get_post;
  get_post.set_name(r.items(0).result());
  v1::Post post;
  ASSERT_TRUE(stub_->GetPost(Admin().get(), get_post, &post).ok());
  EXPECT_EQ(post.title(), "合规岗");
  EXPECT_EQ(post.unit(), risk_.name());
}

TEST_F(ChangesApi, DecidersNeedTheStepsCapabilityAreNeverTheDrafterAndDecideOnce) {
  v1::ChangeRequest r;
  ASSERT_OK(Draft({Rename(risk_, "风险部")}, DaysFromToday(3), &r));
  ASSERT_OK(Submit(r));
  // The board member lacks the office meeting's capability.
  grpc::Status s = Approve(Board(), r);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Reason(s), "CAPABILITY_MISSING");
  // The general manager drafts a request of their own and may not decide it.
  v1::CreateChangeRequestRequest own;
  own.set_request_id(NextRequest());
  own.mutable_change_request()->set_unit(company_.name());
  own.mutable_change_request()->set_title("总经理提出的变更");
  own.mutable_change_request()->set_reason("精简机构");
  *own.mutable_change_request()->mutable_effective_date() = DaysFromToday(3);
  *own.mutable_change_request()->add_items() = NewPost(hr_dept_, "招聘岗");
  v1::ChangeRequest mine;
  ASSERT_TRUE(stub_->CreateChangeRequest(As(gm_.name(), {"org.admin"}, company_.name()).get(), own, &mine).ok());
  v1::SubmitChangeRequestRequest submit;
  submit.set_request_id(NextRequest());
  submit.set_name(mine.name());
  submit.set_etag(mine.etag());
  ASSERT_TRUE(stub_->SubmitChangeRequest(As(gm_.name(), {"org.admin"}, company_.name()).get(), submit, &mine).ok());
  s = Approve(As(gm_.name(), {"org.admin"}, company_.name()), mine);
  EXPECT_EQ(Reason(s), "SELF_APPROVAL") << s.error_message();
  // One person holding both capabilities decides one step only.
  v1::Staff chair = MustStaff("董事长丁");
  MustAssign(chair, gm_post_, v1::ASSIGNMENT_KIND_CONCURRENT, D(2025, 1, 1));
  MustAssign(chair, board_post_, v1::ASSIGNMENT_KIND_CONCURRENT, D(2025, 1, 1));
  auto as_chair = [&] { return As(chair.name(), {"staff"}, company_.name()); };
  ASSERT_TRUE(Approve(as_chair(), r).ok());
  s = Approve(as_chair(), r);
  EXPECT_EQ(Reason(s), "DUPLICATE_APPROVER") << s.error_message();
  EXPECT_EQ(r.state(), v1::CHANGE_REQUEST_STATE_IN_APPROVAL);
}

TEST_F(ChangesApi, LifecycleRejectWithdrawAndRetries) {
  v1::ChangeRequest r;
  ASSERT_OK(Draft({NewPost(risk_, "岗位甲")}, DaysFromToday(2), &r));
  ASSERT_OK(Submit(r));
  v1::RejectChangeRequestRequest reject;
  reject.set_request_id(NextRequest());
  reject.set_name(r.name());
  reject.set_etag(r.etag());
  v1::ChangeRequest out;
  grpc::Status s = stub_->RejectChangeRequest(Gm().get(), reject, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(Fields(s), std::set<std::string>{"comment"});
  reject.set_comment("岗位设置与现有岗位重复");
  ASSERT_TRUE(stub_->RejectChangeRequest(Gm().get(), reject, &out).ok());
  EXPECT_EQ(out.state(), v1::CHANGE_REQUEST_STATE_REJECTED);
  EXPECT_EQ(out.steps(0).state(), v1::APPROVAL_STEP_STATE_REJECTED);
  // The same request id again returns the first answer and changes nothing.
  v1::ChangeRequest again;
  ASSERT_TRUE(stub_->RejectChangeRequest(Gm().get(), reject, &again).ok());
  EXPECT_EQ(again.etag(), out.etag());
  s = Approve(Gm(), out);
  EXPECT_EQ(Reason(s), "INVALID_TRANSITION");

  v1::ChangeRequest w;
  ASSERT_OK(Draft({NewPost(risk_, "岗位乙")}, DaysFromToday(2), &w));
  v1::WithdrawChangeRequestRequest withdraw;
  withdraw.set_request_id(NextRequest());
  withdraw.set_name(w.name());
  withdraw.set_etag(w.etag());
  s = stub_->WithdrawChangeRequest(Gm().get(), withdraw, &w);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);  // not the drafter
  ASSERT_TRUE(stub_->WithdrawChangeRequest(Hr().get(), withdraw, &w).ok());
  EXPECT_EQ(w.state(), v1::CHANGE_REQUEST_STATE_WITHDRAWN);
  s = Submit(w);
  EXPECT_EQ(Reason(s), "INVALID_TRANSITION");
}

TEST_F(ChangesApi, ConflictsAndBadItemsAreFoundBeforeAnyoneApproves) {
  v1::ChangeRequest r;
  // Outside the organisation's subtree.
  ASSERT_OK(Draft({NewPost(other_, "越界岗位")}, DaysFromToday(1), &r));
  grpc::Status s = Submit(r);
  EXPECT_EQ(Reason(s), "CHANGE_CONFLICT") << s.error_message();
  EXPECT_NE(s.error_message().find("items[0]"), std::string::npos);
  // An effective date already past.
  ASSERT_OK(Draft({NewPost(risk_, "岗位")}, DaysFromToday(-1), &r));
  EXPECT_EQ(Reason(Submit(r)), "EFFECTIVE_DATE_PASSED");
  // Unknown references and unsupported kinds are named when drafting.
  v1::ChangeItem dangling;
  dangling.mutable_move_unit()->set_unit(risk_.name());
  dangling.mutable_move_unit()->set_new_parent("new/risk-centre");
  v1::ChangeItem merge;
  merge.mutable_merge_units()->add_sources(risk_.name());
  merge.mutable_merge_units()->set_target(hr_dept_.name());
  s = Draft({dangling, merge}, DaysFromToday(1), &r);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(Fields(s), (std::set<std::string>{"change_request.items[0].move_unit.new_parent",
                                              "change_request.items[1]"}));
  // A reference to a unit created by an earlier item is fine.
  v1::ChangeItem create;
  create.mutable_create_unit()->set_ref("risk-centre");
  v1::Unit* u = create.mutable_create_unit()->mutable_unit();
  u->set_display_name("风险管理中心");
  u->set_kind(v1::UNIT_KIND_CENTRE);
  u->set_parent(company_.name());
  ASSERT_OK(Draft({create, dangling}, DaysFromToday(1), &r));
  ASSERT_TRUE(Submit(r).ok()) << "dry run of create + move under it";
}

TEST_F(ChangesApi, DirectStructuralChangesNeedAChangeRequestWhereTheChainSaysSo) {
  v1::CreatePostRequest req;
  req.set_request_id(NextRequest());
  *req.mutable_post() = NewPost(risk_, "直接设立的岗位").create_post().post();
  v1::Post out;
  grpc::Status s = stub_->CreatePost(As("orgadmin", {"org.admin"}, company_.name()).get(), req, &out);
  EXPECT_EQ(Reason(s), "CHANGE_REQUEST_REQUIRED") << s.error_message();
  EXPECT_TRUE(stub_->CreatePost(Admin().get(), req, &out).ok());  // admin excepted
  // Outside the chain's subtree nothing is required.
  req.set_request_id(NextRequest());
  req.mutable_post()->set_unit(other_.name());
  EXPECT_TRUE(stub_->CreatePost(As("orgadmin2", {"org.admin"}, other_.name()).get(), req, &out).ok());
}

TEST_F(ChangesApi, ListsFindRequestsAwaitingTheCallerAndTheChainOfAUnit) {
  v1::ChangeRequest r;
  ASSERT_OK(Draft({NewPost(risk_, "岗位丙")}, DaysFromToday(1), &r));
  ASSERT_OK(Submit(r));
  v1::ListChangeRequestsRequest list;
  list.set_awaiting_me(true);
  v1::ListChangeRequestsResponse page;
  ASSERT_TRUE(stub_->ListChangeRequests(Gm().get(), list, &page).ok());
  ASSERT_EQ(page.change_requests_size(), 1);
  EXPECT_EQ(page.change_requests(0).name(), r.name());
  page.Clear();
  // The board's step does not apply to a post-only request.
  ASSERT_TRUE(stub_->ListChangeRequests(Board().get(), list, &page).ok());
  EXPECT_EQ(page.change_requests_size(), 0);

  v1::ListApprovalChainsRequest chains;
  chains.set_applies_to_unit(risk_.name());
  v1::ListApprovalChainsResponse found;
  ASSERT_TRUE(stub_->ListApprovalChains(Admin().get(), chains, &found).ok());
  ASSERT_EQ(found.chains_size(), 1);
  EXPECT_EQ(found.chains(0).name(), chain_.name());
}

TEST_F(ChangesApi, AScheduledVersionTheRulesNoLongerAllowIsDroppedOnItsDay) {
  const type::v1::Date tomorrow = DaysFromToday(1);
  v1::ChangeRequest r;
  ASSERT_OK(Draft({Rename(risk_, "稽核部")}, tomorrow, &r));
  ASSERT_OK(Submit(r));
  ASSERT_OK(Approve(Gm(), r));
  ASSERT_OK(Approve(Board(), r));
  // Meanwhile a sibling takes the name (admin, past the gate).
  MustCreate("稽核部", v1::UNIT_KIND_DEPARTMENT, type::v1::LEVEL_UNSPECIFIED, company_.name());
  ScheduledUnitVersions job(*pool_, clock_, absl::Seconds(60));
  const absl::CivilDay next(tomorrow.year(), tomorrow.month(), tomorrow.day());
  EXPECT_EQ(job.ApplyDue(next).value(), 1);  // handled: refused, not stuck
  EXPECT_EQ(job.ApplyDue(next).value(), 0);
  EXPECT_EQ(GetUnit(risk_, nullptr).display_name(), "风控部");
  EXPECT_EQ(GetUnit(risk_, &tomorrow).display_name(), "风控部");  // the old version stays in force
  v1::ListUnitHistoryResponse history = History(risk_);
  ASSERT_EQ(history.versions_size(), 1);
  EXPECT_FALSE(history.versions(0).has_valid_until()) << history.DebugString();
  bool refused = false;
  for (const auto& e : OutboxEvents()) refused |= e.action() == "org.ScheduledUnitChangeRefused";
  EXPECT_TRUE(refused);
}

TEST_F(ChangesApi, TheGateCannotBeSwitchedOffOrSidesteppedByThoseItRestricts) {
  auto org_admin = [&] { return As("orgadmin", {"org.admin"}, company_.name()); };
  v1::UpdateApprovalChainRequest off;
  off.set_request_id(NextRequest());
  *off.mutable_chain() = chain_;
  off.mutable_chain()->set_require_change_requests(false);
  off.mutable_update_mask()->add_paths("require_change_requests");
  v1::ApprovalChain out;
  EXPECT_EQ(Reason(stub_->UpdateApprovalChain(org_admin().get(), off, &out)), "CHANGE_REQUEST_REQUIRED");
  // Nor a chain of one's own inside the gated organisation.
  v1::CreateApprovalChainRequest own;
  own.set_request_id(NextRequest());
  own.mutable_chain()->set_unit(risk_.name());
  own.mutable_chain()->set_title("风控部自己的审批");
  auto* step = own.mutable_chain()->add_steps();
  step->set_title("部门会议");
  step->set_required_capability("org.change.decide");
  step->set_at_unit(risk_.name());
  EXPECT_EQ(Reason(stub_->CreateApprovalChain(org_admin().get(), own, &out)), "CHANGE_REQUEST_REQUIRED");
  // Nor moving a unit into it: a group P with a gated member A and a free
  // member B; P's org.admin may not move a unit of B into A directly.
  v1::Unit p = MustCreate("集团", v1::UNIT_KIND_COMPANY, type::v1::LEVEL_UNSPECIFIED, "");
  v1::Unit a = MustCreate("成员甲", v1::UNIT_KIND_COMPANY, type::v1::LEVEL_UNSPECIFIED, p.name());
  v1::Unit b = MustCreate("成员乙", v1::UNIT_KIND_COMPANY, type::v1::LEVEL_UNSPECIFIED, p.name());
  v1::Unit x = MustCreate("乙的部门", v1::UNIT_KIND_DEPARTMENT, type::v1::LEVEL_UNSPECIFIED, b.name());
  v1::CreateApprovalChainRequest gate;
  gate.set_request_id(NextRequest());
  *gate.mutable_chain() = chain_;
  gate.mutable_chain()->set_unit(a.name());
  for (auto& st : *gate.mutable_chain()->mutable_steps()) st.set_at_unit(a.name());
  ASSERT_OK(stub_->CreateApprovalChain(Admin().get(), gate, &out));
  v1::MoveUnitRequest move;
  move.set_request_id(NextRequest());
  move.set_name(x.name());
  move.set_etag(x.etag());
  move.set_new_parent(a.name());
  v1::Unit moved;
  EXPECT_EQ(Reason(stub_->MoveUnit(As("group-admin", {"org.admin"}, p.name()).get(), move, &moved)),
            "CHANGE_REQUEST_REQUIRED");
  v1::Unit y = MustCreate("乙的小组", v1::UNIT_KIND_GROUP, type::v1::LEVEL_UNSPECIFIED, b.name());
  move.set_new_parent(y.name());  // within B it is free
  move.set_request_id(NextRequest());
  EXPECT_TRUE(stub_->MoveUnit(As("group-admin", {"org.admin"}, p.name()).get(), move, &moved).ok());
}

TEST_F(ChangesApi, ItemsOfAnOrganisationWithItsOwnChainAreNotDecidedHere) {
  // Admin gives the risk department a chain of its own.
  v1::CreateApprovalChainRequest own;
  own.set_request_id(NextRequest());
  own.mutable_chain()->set_unit(risk_.name());
  own.mutable_chain()->set_title("风控部审批");
  auto* step = own.mutable_chain()->add_steps();
  step->set_title("部门会议");
  step->set_required_capability("org.change.decide");
  step->set_at_unit(risk_.name());
  v1::ApprovalChain out;
  ASSERT_OK(stub_->CreateApprovalChain(Admin().get(), own, &out));
  v1::ChangeRequest r;
  ASSERT_OK(Draft({NewPost(risk_, "岗位丁")}, DaysFromToday(1), &r));
  const grpc::Status s = Submit(r);
  EXPECT_EQ(Reason(s), "CHANGE_CONFLICT");
  EXPECT_NE(s.error_message().find(out.name()), std::string::npos) << s.error_message();
}

TEST_F(ChangesApi, ARequestNoStepAppliesToIsRefusedAtSubmit) {
  v1::UpdateApprovalChainRequest board_only;
  board_only.set_request_id(NextRequest());
  *board_only.mutable_chain() = chain_;
  board_only.mutable_chain()->mutable_steps()->DeleteSubrange(0, 1);  // the board, for structure only
  board_only.mutable_update_mask()->add_paths("steps");
  v1::ApprovalChain out;
  ASSERT_OK(stub_->UpdateApprovalChain(Admin().get(), board_only, &out));
  v1::ChangeRequest r;
  ASSERT_OK(Draft({NewPost(risk_, "岗位戊")}, DaysFromToday(1), &r));
  EXPECT_EQ(Reason(Submit(r)), "NO_APPLICABLE_STEP");
}

TEST_F(ChangesApi, AWriteOnTheDayOfAScheduledVersionAppliesItFirst) {
  const type::v1::Date tomorrow = DaysFromToday(1);
  v1::ChangeRequest r;
  ASSERT_OK(Draft({Rename(risk_, "风险管理部")}, tomorrow, &r));
  ASSERT_OK(Submit(r));
  ASSERT_OK(Approve(Gm(), r));
  ASSERT_OK(Approve(Board(), r));
  // Tomorrow, before the job has run, a direct write to the unit (as admin,
  // through the same function the handler calls, with tomorrow as today).
  const absl::CivilDay next(tomorrow.year(), tomorrow.month(), tomorrow.day());
  const auth::Principal admin{"admin", {"admin"}, "", absl::InfiniteFuture()};
  const CallerScope scope = ScopeForRoles(true, false, false);
  const std::string id = risk_.name().substr(6);
  ASSERT_TRUE(pool_->Transact([&](sql::Connection& conn) -> absl::Status {
                      server::Mutation m(conn, admin, "UpdateUnit", "req-direct", OrgIdentity(), *clock_, false);
                      auto code = [](Unit& u) {
                        u.code = "risk";
                        return absl::OkStatus();
                      };
                      return UpdateUnitIn({m, "req-direct", scope}, id, code, std::nullopt, {next, next, ""})
                          .status();
                    })
                  .ok());
  const v1::Unit now = GetUnit(risk_, nullptr);
  EXPECT_EQ(now.display_name(), "风险管理部");  // the scheduled rename was not lost
  EXPECT_EQ(now.code(), "risk");
  v1::ListUnitHistoryResponse history = History(risk_);
  ASSERT_EQ(history.versions_size(), 2);
  EXPECT_FALSE(history.versions(1).scheduled());
  EXPECT_EQ(history.versions(1).unit().display_name(), "风险管理部");
  EXPECT_EQ(history.versions(1).unit().code(), "risk");
}

TEST_F(ChangesApi, CreateSubmitAndEachApprovalRecordTheirEventsAndTheLastApprovalTheItems) {
  const size_t before = OutboxEvents().size();
  auto events_since = [&](size_t from) {
    std::vector<audit::v1::Event> all = OutboxEvents();
    return std::vector<audit::v1::Event>(all.begin() + static_cast<long>(from), all.end());
  };
  v1::ChangeRequest r;
  ASSERT_OK(Draft({Rename(risk_, "风险管理部")}, Today(), &r));
  ASSERT_OK(Submit(r));
  ASSERT_OK(Approve(Gm(), r, "gm-approves"));
  const size_t after_gm = OutboxEvents().size();
  ASSERT_OK(Approve(Board(), r, "board-approves"));
  ASSERT_EQ(r.state(), v1::CHANGE_REQUEST_STATE_APPROVED);

  std::vector<audit::v1::Event> events = events_since(before);
  ASSERT_EQ(events.size(), 5u);
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"org.CreateChangeRequest", hr_.name()},
      {"org.SubmitChangeRequest", hr_.name()},
      {"org.ApproveChangeRequest", gm_.name()},
  };
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(events[i].action(), expected[i].first);
    EXPECT_EQ(events[i].actor().subject(), expected[i].second) << events[i].action();
    EXPECT_EQ(events[i].resource_type(), "change_request");
    EXPECT_EQ(events[i].resource_id(), r.name());
    EXPECT_EQ(events[i].resource_unit(), company_.name());
    EXPECT_FALSE(events[i].request_id().empty());
  }
  EXPECT_EQ(events[2].request_id(), "gm-approves");

  // The board's approval: the rename it applies, then the request approved.
  std::vector<audit::v1::Event> last = events_since(after_gm);
  ASSERT_EQ(last.size(), 2u);
  const audit::v1::Event& rename = last[0].action() == "org.UpdateUnit" ? last[0] : last[1];
  const audit::v1::Event& approved = last[0].action() == "org.UpdateUnit" ? last[1] : last[0];
  EXPECT_EQ(rename.action(), "org.UpdateUnit");
  EXPECT_EQ(rename.resource_id(), risk_.name());
  EXPECT_EQ(rename.actor().subject(), board_.name());
  EXPECT_EQ(rename.request_id(), r.name() + "#items[0]");  // the request's name, item by item
  EXPECT_NE(rename.after_json().find("风险管理部"), std::string::npos);
  EXPECT_EQ(approved.action(), "org.ApproveChangeRequest");
  EXPECT_EQ(approved.request_id(), "board-approves");
  EXPECT_NE(approved.after_json().find("APPROVED"), std::string::npos);
}

TEST_F(ChangesApi, ALongChineseReasonIsKeptByAnAbolishedPostCutOnACharacterBoundary) {
  // 1,200 characters of 3 bytes each: the request allows 4,000 characters,
  // an abolished post keeps 1,000.
  std::string reason;
  for (int i = 0; i < 400; ++i) reason += "因撤并";
  v1::ChangeItem abolish;
  abolish.mutable_abolish_post()->set_post(risk_post_.name());
  v1::ChangeRequest r;
  v1::CreateChangeRequestRequest req;
  req.set_request_id(NextRequest());
  v1::ChangeRequest* draft = req.mutable_change_request();
  draft->set_unit(company_.name());
  draft->set_title("撤销风控专员岗位");
  draft->set_reason(reason);
  *draft->mutable_effective_date() = Today();
  *draft->add_items() = abolish;
  ASSERT_OK(stub_->CreateChangeRequest(Hr().get(), req, &r));
  ASSERT_OK(Submit(r));
  ASSERT_OK(Approve(Gm(), r));
  ASSERT_EQ(r.state(), v1::CHANGE_REQUEST_STATE_APPROVED);

  const std::string id = risk_post_.name().substr(std::string("posts/").size());
  const std::string where = " FROM posts WHERE id = '" + id + "'";
  EXPECT_EQ(db_->Scalar("SELECT abolished" + where), "1");
  EXPECT_EQ(db_->Scalar("SELECT CHAR_LENGTH(abolish_reason)" + where), "1000");
  EXPECT_EQ(db_->Scalar("SELECT abolish_reason" + where), reason.substr(0, 3000));  // whole characters
}

}  // namespace
}  // namespace huinong::org
