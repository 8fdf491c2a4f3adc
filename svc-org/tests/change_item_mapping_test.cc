// A change request's items through the domain and back: every kind the API
// accepts, read into a domain ChangeItem (api/change_item_mapping.h),
// stored as the domain's JSON (store/change_json.h) and written back, is the
// item the client sent, with its kind. Refs to earlier items ("new/{ref}")
// survive as refs; a ref no earlier item defines, and the kinds not yet
// supported, are named by field.
#include <google/protobuf/text_format.h>
#include <gtest/gtest.h>

#include "svc-org/src/api/change_item_mapping.h"
#include "svc-org/src/api/change_mapping.h"
#include "svc-org/src/store/change_json.h"

namespace huinong::org {
namespace {

// One of each supported kind, in an order where every ref is defined first
// (004:31-33: a company's HR drafts; the seeds' risk department and its posts).
constexpr char kItems[] = R"pb(
  items { create_unit { ref: "risk" unit { display_name: "风险管理部" kind: UNIT_KIND_DEPARTMENT status: UNIT_STATUS_ACTIVE
                                           parent: "units/company" code: "risk" functions: "风险控制" } } }
  items { update_unit { unit { name: "units/ops" display_name: "运营管理部" }
                        update_mask { paths: "display_name" } } }
  items { move_unit { unit: "units/audit" new_parent: "new/risk" } }
  items { create_post { ref: "head" post { unit: "new/risk" title: "风险管理部经理" kind: POST_KIND_MANAGEMENT
                                           head: true capabilities: "org.change.decide" duties { text: "全面风险管理"
                                           time_share_bp: 6000 } status: POST_STATUS_ACTIVE } } }
  items { update_post { post { name: "posts/clerk" title: "综合柜员" workload_bp: 12000 }
                        update_mask { paths: "title" paths: "workload_bp" } } }
  items { move_reporting_line { post: "posts/clerk" new_superior_post: "new/head" } }
  items { move_reporting_line { post: "posts/teller" new_superior_post: "posts/boss" replace_other_lines: true
                                other_lines { post: "posts/audit" kind: REPORTING_LINE_KIND_DOTTED note: "审计" } } }
  items { set_quota { quota { unit: "new/risk" post: "new/head" kind: QUOTA_KIND_EXACT min_headcount: 1
                              max_headcount: 1 approved_by: "编委会" approval_date { year: 2026 month: 12 day: 1 }
                              note: "定编" } } }
  items { abolish_post { post: "posts/old" } }
  items { abolish_unit { unit: "units/old" } }
)pb";

v1::ChangeRequest Sent() {
  v1::ChangeRequest r;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(kItems, &r));
  return r;
}

TEST(ChangeItemMapping, EveryKindReadsIntoTheDomainAndBackAsSent) {
  const v1::ChangeRequest sent = Sent();
  std::vector<ChangeItem> items;
  rpc::Violations v;
  ReadChangeItems(sent.items(), "change_request.items", items, v);
  ASSERT_TRUE(v.ToStatus().ok()) << v.ToStatus();
  ASSERT_EQ(items.size(), 10u);
  EXPECT_EQ(items[2].target, (ItemRef{"", "risk"}));
  EXPECT_EQ(items[5].target_post, (ItemRef{"", "head"}));
  EXPECT_EQ(items[7].target_post, (ItemRef{"", "head"}));
  EXPECT_EQ(items[4].paths, (std::set<std::string>{"title", "workload_bp"}));

  // Through the store's JSON, as a row would hold them.
  ChangeRequest stored;
  stored.items = items;
  ChangeRequest back;
  store::DecodeBody(store::EncodeBody(stored), back);
  ASSERT_EQ(back.items.size(), items.size());

  for (size_t i = 0; i < items.size(); ++i) {
    v1::ChangeItem expected = sent.items(static_cast<int>(i));
    expected.set_kind(static_cast<v1::ChangeKind>(items[i].kind));
    const v1::ChangeItem written = ToProto(back.items[i]);
    EXPECT_EQ(written.ShortDebugString(), expected.ShortDebugString()) << "items[" << i << "]";
  }
}

TEST(ChangeItemMapping, AnUndefinedRefAndAnUnsupportedKindAreNamed) {
  v1::ChangeRequest r;
  ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(R"pb(
    items { move_unit { unit: "units/a" new_parent: "new/nowhere" } }
    items { merge_units { sources: "units/a" target: "units/b" } }
    items { }
  )pb", &r));
  std::vector<ChangeItem> items;
  rpc::Violations v;
  ReadChangeItems(r.items(), "change_request.items", items, v);
  std::vector<std::string> fields;
  for (const auto& fv : v.list()) fields.push_back(fv.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"change_request.items[0].move_unit.new_parent",
                                              "change_request.items[1]", "change_request.items[2]"}));
}

TEST(ChangeRequestMapping, AWholeRequestWritesBackWithNamesAndSteps) {
  ChangeRequest r;
  r.id = "CR1";
  r.unit_id = "company";
  r.title = "设立风险管理部";
  r.reason = "加强风险控制";
  r.effective_date = absl::CivilDay(2027, 1, 1);
  r.state = ChangeState::kInApproval;
  r.current_step = 0;
  r.drafted_by = "staff/hr";
  StartApproval(r, {{"总经理办公会", "org.change.decide", "company", {}}}, absl::FromUnixSeconds(1'790'000'000));
  ChangeRequest back = r;
  store::DecodeBody(store::EncodeBody(r), back);
  const v1::ChangeRequest p = ToProto(back);
  EXPECT_EQ(p.name(), "changeRequests/CR1");
  EXPECT_EQ(p.unit(), "units/company");
  EXPECT_EQ(p.title(), "设立风险管理部");
  EXPECT_EQ(p.effective_date().year(), 2027);
  EXPECT_EQ(p.state(), v1::CHANGE_REQUEST_STATE_IN_APPROVAL);
  ASSERT_EQ(p.steps_size(), 1);
  EXPECT_EQ(p.steps(0).at_unit(), "units/company");
  EXPECT_EQ(p.steps(0).required_capability(), "org.change.decide");
  EXPECT_EQ(p.steps(0).state(), v1::APPROVAL_STEP_STATE_PENDING);
  EXPECT_EQ(p.submit_time().seconds(), 1'790'000'000);
  EXPECT_EQ(p.current_step(), 0);
  EXPECT_EQ(p.etag(), "1");
}

}  // namespace
}  // namespace huinong::org
