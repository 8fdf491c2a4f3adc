// The audit trail of change requests: create, submit and each approval record
// their events, the last approval also the items it applies; and the reason a
// request carries is kept whole-charactered by the posts it abolishes.
#include <gtest/gtest.h>

#include "svc-org/tests/changes_fixture.h"

namespace huinong::org {
namespace {

using change_tests::ChangesApi;

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
  ASSERT_OK(changes_->CreateChangeRequest(Hr().get(), req, &r));
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
