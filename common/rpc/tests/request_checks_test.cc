#include "common/rpc/request_checks.h"

#include <gtest/gtest.h>

namespace huinong::rpc {
namespace {

TEST(RequestChecks, APageTokenIssuedForOtherFiltersIsNamed) {
  Violations v;
  const std::string token = EncodePageToken("level=2", "01ABC");
  EXPECT_EQ(PageAfter(token, "level=2", v), "01ABC");
  EXPECT_TRUE(v.empty());
  EXPECT_EQ(PageAfter(token, "level=3", v), "");
  ASSERT_EQ(v.list().size(), 1u);
  EXPECT_EQ(v.list()[0].field, "page_token");
}

TEST(RequestChecks, SequenceTokensStartWhereToldAndRefuseNonNumbers) {
  Violations v;
  EXPECT_EQ(PageAfterSequence("", "f", 7, v), 7);
  EXPECT_EQ(PageAfterSequence(EncodePageToken("f", "42"), "f", 0, v), 42);
  EXPECT_TRUE(v.empty());
  EXPECT_EQ(PageAfterSequence(EncodePageToken("f", "x"), "f", 0, v), 0);
  ASSERT_EQ(v.list().size(), 1u);
  EXPECT_EQ(v.list()[0].description, "malformed");
}

TEST(RequestChecks, NextPageTokenTrimsTheLookAheadRowAndPointsAfterTheLastKept) {
  std::vector<int> rows = {1, 2, 3};
  const std::string token = NextPageToken(rows, 2, "f", [](int r) { return std::to_string(r); });
  EXPECT_EQ(rows, (std::vector<int>{1, 2}));
  Violations v;
  EXPECT_EQ(PageAfter(token, "f", v), "2");
  std::vector<int> last = {1, 2};
  EXPECT_EQ(NextPageToken(last, 2, "f", [](int r) { return std::to_string(r); }), "");
  EXPECT_EQ(last.size(), 2u);
}

TEST(RequestChecks, MaskPathsNamesEveryPathNotUpdatableAndAnEmptyMask) {
  google::protobuf::FieldMask mask;
  mask.add_paths("title");
  mask.add_paths("level");
  Violations v;
  auto paths = MaskPaths(mask, {"title"}, v);
  EXPECT_EQ(paths, (std::set<std::string>{"level", "title"}));
  ASSERT_EQ(v.list().size(), 1u);
  EXPECT_EQ(v.list()[0].description, "\"level\" is not an updatable field");
  Violations empty;
  MaskPaths(google::protobuf::FieldMask(), {"title"}, empty, "items[0].update_mask");
  ASSERT_EQ(empty.list().size(), 1u);
  EXPECT_EQ(empty.list()[0].field, "items[0].update_mask");
}

TEST(RequestChecks, KeepMaskedKeepsOnlyViolationsOfMaskedFields) {
  Violations all;
  all.Add("post.title", "required");
  all.Add("post.duties[2]", "too long");
  all.Add("post.grade", "unknown");
  Violations kept;
  KeepMasked(all, "post", {"title", "duties"}, kept);
  ASSERT_EQ(kept.list().size(), 2u);
  EXPECT_EQ(kept.list()[1].field, "post.duties[2]");
}

TEST(RequestChecks, AStaleEtagIsAbortedNamingTheResource) {
  EXPECT_TRUE(CheckEtag(Etag(3), 3, "units/1").ok());
  absl::Status stale = CheckEtag("2", 3, "units/1");
  EXPECT_EQ(stale.code(), absl::StatusCode::kAborted);
  EXPECT_EQ(ReasonOf(stale), "STALE_ETAG");
  EXPECT_NE(stale.message().find("units/1"), std::string::npos);
}

}  // namespace
}  // namespace huinong::rpc
