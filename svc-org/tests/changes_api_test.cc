// Change requests through the real server on the loan company's chain
// (004:31-33): HR drafts, the general manager's office meeting decides, the
// board approves structure changes. As-of reads before and after an
// approved change, the scheduled version reaching the registry on its day,
// the decider rules, the lifecycle, conflicts found at submit, and the
// direct methods refused where the chain requires requests.
#include <thread>

#include <gtest/gtest.h>

#include "svc-org/src/app/org_identity.h"
#include "svc-org/src/app/unit_writes.h"
#include "svc-org/src/jobs/scheduled_unit_versions.h"
#include "svc-org/tests/changes_fixture.h"

namespace huinong::org {
namespace {

using change_tests::ChangesApi;

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
    ASSERT_TRUE(queries_->GetOrgChart(Admin().get(), chart, &nodes).ok());
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
  EXPECT_EQ(posts_->GetPost(Admin().get(), get_post, &post).error_code(), grpc::StatusCode::NOT_FOUND);
  *get_post.mutable_as_of() = tomorrow;
  EXPECT_TRUE(posts_->GetPost(Admin().get(), get_post, &post).ok());

  // A direct change to the unit would be lost when the scheduled one lands.
  v1::UpdateUnitRequest direct;
  direct.set_request_id(NextRequest());
  *direct.mutable_unit() = GetUnit(risk_, nullptr);
  direct.mutable_unit()->set_code("risk");
  direct.mutable_update_mask()->add_paths("code");
  v1::Unit ignored;
  s = units_->UpdateUnit(Admin().get(), direct, &ignored);
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
    EXPECT_TRUE(units_->GetUnitAncestors(Admin().get(), req, &out).ok());
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
  ASSERT_OK(units_->ListUnitSubtree(Admin().get(), sub, &units));
  ASSERT_EQ(units.units_size(), 2);
  EXPECT_EQ(units.units(1).name(), risk_.name());
  // On the day, the registry follows.
  ScheduledUnitVersions job(*pool_, clock_, absl::Seconds(60));
  EXPECT_EQ(job.ApplyDue(absl::CivilDay(tomorrow.year(), tomorrow.month(), tomorrow.day())).value(), 1);
  EXPECT_EQ(ancestors(nullptr), (std::vector<std::string>{company_.name(), hr_dept_.name()}));
}

// Every replica of svc-org runs the job: two applying the same day at once
// apply each due version once (read FOR UPDATE, marked applied in the same
// transaction), the other finds nothing left.
TEST_F(ChangesApi, TwoReplicasApplyingTheSameDayApplyAScheduledVersionOnce) {
  const type::v1::Date tomorrow = DaysFromToday(1);
  v1::ChangeItem move;
  move.mutable_move_unit()->set_unit(risk_.name());
  move.mutable_move_unit()->set_new_parent(hr_dept_.name());
  v1::ChangeRequest r;
  ASSERT_OK(Draft({move}, tomorrow, &r));
  ASSERT_OK(Submit(r));
  ASSERT_OK(Approve(Gm(), r));
  ASSERT_OK(Approve(Board(), r));

  ScheduledUnitVersions replica_a(*pool_, clock_, absl::Seconds(60));
  ScheduledUnitVersions replica_b(*pool_, clock_, absl::Seconds(60));
  const absl::CivilDay day(tomorrow.year(), tomorrow.month(), tomorrow.day());
  absl::StatusOr<int> applied_a = 0, applied_b = 0;
  std::thread a([&] { applied_a = replica_a.ApplyDue(day); });
  std::thread b([&] { applied_b = replica_b.ApplyDue(day); });
  a.join();
  b.join();
  ASSERT_TRUE(applied_a.ok()) << applied_a.status();
  ASSERT_TRUE(applied_b.ok()) << applied_b.status();
  EXPECT_EQ(*applied_a + *applied_b, 1);
  EXPECT_EQ(GetUnit(risk_, nullptr).parent(), hr_dept_.name());
  EXPECT_EQ(replica_a.ApplyDue(day).value(), 0);
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
  ASSERT_TRUE(posts_->GetPost(Admin().get(), get_post, &post).ok());
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
  ASSERT_TRUE(changes_->CreateChangeRequest(As(gm_.name(), {"org.admin"}, company_.name()).get(), own, &mine).ok());
  v1::SubmitChangeRequestRequest submit;
  submit.set_request_id(NextRequest());
  submit.set_name(mine.name());
  submit.set_etag(mine.etag());
  ASSERT_TRUE(changes_->SubmitChangeRequest(As(gm_.name(), {"org.admin"}, company_.name()).get(), submit, &mine).ok());
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
  grpc::Status s = changes_->RejectChangeRequest(Gm().get(), reject, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(Fields(s), std::set<std::string>{"comment"});
  reject.set_comment("岗位设置与现有岗位重复");
  ASSERT_TRUE(changes_->RejectChangeRequest(Gm().get(), reject, &out).ok());
  EXPECT_EQ(out.state(), v1::CHANGE_REQUEST_STATE_REJECTED);
  EXPECT_EQ(out.steps(0).state(), v1::APPROVAL_STEP_STATE_REJECTED);
  // The same request id again returns the first answer and changes nothing.
  v1::ChangeRequest again;
  ASSERT_TRUE(changes_->RejectChangeRequest(Gm().get(), reject, &again).ok());
  EXPECT_EQ(again.etag(), out.etag());
  s = Approve(Gm(), out);
  EXPECT_EQ(Reason(s), "INVALID_TRANSITION");

  v1::ChangeRequest w;
  ASSERT_OK(Draft({NewPost(risk_, "岗位乙")}, DaysFromToday(2), &w));
  v1::WithdrawChangeRequestRequest withdraw;
  withdraw.set_request_id(NextRequest());
  withdraw.set_name(w.name());
  withdraw.set_etag(w.etag());
  s = changes_->WithdrawChangeRequest(Gm().get(), withdraw, &w);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);  // not the drafter
  ASSERT_TRUE(changes_->WithdrawChangeRequest(Hr().get(), withdraw, &w).ok());
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
  grpc::Status s = posts_->CreatePost(As("orgadmin", {"org.admin"}, company_.name()).get(), req, &out);
  EXPECT_EQ(Reason(s), "CHANGE_REQUEST_REQUIRED") << s.error_message();
  EXPECT_TRUE(posts_->CreatePost(Admin().get(), req, &out).ok());  // admin excepted
  // Outside the chain's subtree nothing is required.
  req.set_request_id(NextRequest());
  req.mutable_post()->set_unit(other_.name());
  EXPECT_TRUE(posts_->CreatePost(As("orgadmin2", {"org.admin"}, other_.name()).get(), req, &out).ok());
}

TEST_F(ChangesApi, ListsFindRequestsAwaitingTheCallerAndTheChainOfAUnit) {
  v1::ChangeRequest r;
  ASSERT_OK(Draft({NewPost(risk_, "岗位丙")}, DaysFromToday(1), &r));
  ASSERT_OK(Submit(r));
  v1::ListChangeRequestsRequest list;
  list.set_awaiting_me(true);
  v1::ListChangeRequestsResponse page;
  ASSERT_TRUE(changes_->ListChangeRequests(Gm().get(), list, &page).ok());
  ASSERT_EQ(page.change_requests_size(), 1);
  EXPECT_EQ(page.change_requests(0).name(), r.name());
  page.Clear();
  // The board's step does not apply to a post-only request.
  ASSERT_TRUE(changes_->ListChangeRequests(Board().get(), list, &page).ok());
  EXPECT_EQ(page.change_requests_size(), 0);

  v1::ListApprovalChainsRequest chains;
  chains.set_applies_to_unit(risk_.name());
  v1::ListApprovalChainsResponse found;
  ASSERT_TRUE(changes_->ListApprovalChains(Admin().get(), chains, &found).ok());
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
  EXPECT_EQ(Reason(changes_->UpdateApprovalChain(org_admin().get(), off, &out)), "CHANGE_REQUEST_REQUIRED");
  // Nor a chain of one's own inside the gated organisation.
  v1::CreateApprovalChainRequest own;
  own.set_request_id(NextRequest());
  own.mutable_chain()->set_unit(risk_.name());
  own.mutable_chain()->set_title("风控部自己的审批");
  auto* step = own.mutable_chain()->add_steps();
  step->set_title("部门会议");
  step->set_required_capability("org.change.decide");
  step->set_at_unit(risk_.name());
  EXPECT_EQ(Reason(changes_->CreateApprovalChain(org_admin().get(), own, &out)), "CHANGE_REQUEST_REQUIRED");
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
  ASSERT_OK(changes_->CreateApprovalChain(Admin().get(), gate, &out));
  v1::MoveUnitRequest move;
  move.set_request_id(NextRequest());
  move.set_name(x.name());
  move.set_etag(x.etag());
  move.set_new_parent(a.name());
  v1::Unit moved;
  EXPECT_EQ(Reason(units_->MoveUnit(As("group-admin", {"org.admin"}, p.name()).get(), move, &moved)),
            "CHANGE_REQUEST_REQUIRED");
  v1::Unit y = MustCreate("乙的小组", v1::UNIT_KIND_GROUP, type::v1::LEVEL_UNSPECIFIED, b.name());
  move.set_new_parent(y.name());  // within B it is free
  move.set_request_id(NextRequest());
  EXPECT_TRUE(units_->MoveUnit(As("group-admin", {"org.admin"}, p.name()).get(), move, &moved).ok());
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
  ASSERT_OK(changes_->CreateApprovalChain(Admin().get(), own, &out));
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
  ASSERT_OK(changes_->UpdateApprovalChain(Admin().get(), board_only, &out));
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

}  // namespace
}  // namespace huinong::org
