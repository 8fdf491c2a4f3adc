// An approval chain's stored title and steps (store/json_codec.h, migration
// 0014): the domain chain reads back as written, applies_to in its order,
// and the text is the domain's JSON, not proto JSON.
#include <gtest/gtest.h>

#include "svc-org/src/store/json_codec.h"

namespace huinong::org::store {
namespace {

// 004:31-33: the general manager's office meeting decides every request, the
// board approves structure changes (create unit 1, move reporting line 11).
ApprovalChain Company() {
  ApprovalChain c;
  c.title = "公司审批链";
  c.steps = {{"总经理办公会", "org.change.decide", "company", {}},
             {"董事会", "org.change.approve", "company", {11, 1}}};
  return c;
}

TEST(ChainJson, TitleAndStepsAreWrittenAsTheDomainChain) {
  EXPECT_EQ(Encode(Company()),
            R"({"steps":[{"applies_to":[],"at_unit_id":"company","capability":"org.change.decide",)"
            R"("title":"总经理办公会"},{"applies_to":[11,1],"at_unit_id":"company",)"
            R"("capability":"org.change.approve","title":"董事会"}],"title":"公司审批链"})");
}

TEST(ChainJson, ReadsBackAsWritten) {
  ApprovalChain back;
  Decode(Encode(Company()), back);
  EXPECT_EQ(back.title, "公司审批链");
  ASSERT_EQ(back.steps.size(), 2u);
  EXPECT_EQ(back.steps[0].title, "总经理办公会");
  EXPECT_EQ(back.steps[0].capability, "org.change.decide");
  EXPECT_EQ(back.steps[0].at_unit_id, "company");
  EXPECT_TRUE(back.steps[0].applies_to.empty());
  EXPECT_EQ(back.steps[1].applies_to, (std::vector<int>{11, 1}));
}

TEST(ChainJson, AnythingElseReadsAsAnEmptyChain) {
  for (const char* bad : {"", "not json", "[]", R"({"title":7,"steps":{}})"}) {
    ApprovalChain c;
    Decode(bad, c);
    EXPECT_EQ(c.title, "") << bad;
    EXPECT_TRUE(c.steps.empty()) << bad;
  }
}

}  // namespace
}  // namespace huinong::org::store
