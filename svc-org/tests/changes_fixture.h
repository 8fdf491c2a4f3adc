// The loan company's approval chain (004:31-33) as a fixture for the change
// request tests: HR drafts, the general manager's office meeting decides,
// the board approves structure changes.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "svc-org/tests/structure_fixture.h"

#define ASSERT_OK(call)                          \
  do {                                           \
    const grpc::Status status_ = (call);         \
    ASSERT_TRUE(status_.ok()) << status_.error_message(); \
  } while (0)

// Its own namespace: the name ChangesApi is also the handler class's.
namespace huinong::org::change_tests {

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
    grpc::Status s = changes_->CreateApprovalChain(Admin().get(), req, &chain_);
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
    return changes_->CreateChangeRequest(Hr().get(), req, out);
  }

  grpc::Status Submit(v1::ChangeRequest& r) {
    v1::SubmitChangeRequestRequest req;
    req.set_request_id(NextRequest());
    req.set_name(r.name());
    req.set_etag(r.etag());
    return changes_->SubmitChangeRequest(Hr().get(), req, &r);
  }

  grpc::Status Approve(std::unique_ptr<grpc::ClientContext> who, v1::ChangeRequest& r,
                       const std::string& request_id = "") {
    v1::ApproveChangeRequestRequest req;
    req.set_request_id(request_id.empty() ? NextRequest() : request_id);
    req.set_name(r.name());
    req.set_etag(r.etag());
    req.set_comment("同意");
    return changes_->ApproveChangeRequest(who.get(), req, &r);
  }

  v1::Unit GetUnit(const v1::Unit& unit, const type::v1::Date* as_of) {
    v1::GetUnitRequest req;
    req.set_name(unit.name());
    if (as_of) *req.mutable_as_of() = *as_of;
    v1::Unit out;
    grpc::Status s = units_->GetUnit(Admin().get(), req, &out);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return out;
  }

  v1::ListUnitHistoryResponse History(const v1::Unit& unit) {
    v1::ListUnitHistoryRequest req;
    req.set_name(unit.name());
    v1::ListUnitHistoryResponse out;
    grpc::Status s = units_->ListUnitHistory(Admin().get(), req, &out);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return out;
  }

  v1::Unit company_, hr_dept_, risk_, other_;
  v1::Post gm_post_, board_post_, hr_post_, risk_post_;
  v1::Staff hr_, gm_, board_;
  v1::ApprovalChain chain_;
};

}  // namespace huinong::org::change_tests
