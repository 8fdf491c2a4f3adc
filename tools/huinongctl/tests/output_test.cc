// Output formatting: CJK-aware column widths, exact table/tree/key-value
// layout, the error format with details, and the proto JSON options.
#include "gtest/gtest.h"
#include "common/rpc/errors.h"
#include "tools/huinongctl/src/output.h"
#include "huinong/org/v1/units.pb.h"

namespace huinong::ctl {
namespace {

TEST(DisplayWidth, CountsChineseAsTwoCells) {
  EXPECT_EQ(DisplayWidth(""), 0u);
  EXPECT_EQ(DisplayWidth("units/01"), 8u);
  EXPECT_EQ(DisplayWidth("固安县"), 6u);
  EXPECT_EQ(DisplayWidth("宫村镇A1"), 8u);
  EXPECT_EQ(DisplayWidth("（全角）"), 8u);   // fullwidth parentheses
  EXPECT_EQ(DisplayWidth("e\xCC\x81"), 1u);  // e + combining acute
  EXPECT_EQ(DisplayWidth("\xFF\xFE"), 2u);   // invalid bytes count one each
}

TEST(Table, AlignsColumnsByDisplayWidth) {
  Table table({"NAME", "DISPLAY NAME", "LEVEL"});
  table.AddRow({"units/1", "固安县金融扶贫服务中心", "COUNTY"});
  table.AddRow({"units/22", "Test", "NONE"});
  table.AddRow({"units/3"});
  EXPECT_EQ(table.rows(), 3u);
  EXPECT_EQ(table.Render(),
            "NAME      DISPLAY NAME            LEVEL\n"
            "units/1   固安县金融扶贫服务中心  COUNTY\n"
            "units/22  Test                    NONE\n"
            "units/3\n");
}

TEST(CsvRecord, QuotesOnlyCellsThatNeedItAndEndsInCrLf) {
  EXPECT_EQ(CsvRecord({"subsidyClaims/1", "张三", "2,475.00"}), "subsidyClaims/1,张三,\"2,475.00\"\r\n");
  EXPECT_EQ(CsvRecord({"say \"no\"", "a\nb", ""}), "\"say \"\"no\"\"\",\"a\nb\",\r\n");
  EXPECT_EQ(CsvRecord({}), "\r\n");
}

TEST(KeyValueBlock, AlignsValues) {
  EXPECT_EQ(KeyValueBlock({{"name", "units/1"}, {"display_name", "柳泉镇金融服务部"}, {"code", ""}}),
            "name          units/1\n"
            "display_name  柳泉镇金融服务部\n"
            "code\n");
}

TEST(RenderTree, DrawsConnectorsForLastAndMiddleChildren) {
  const std::vector<TreeRow> rows = {
      {0, "county"}, {1, "town A"}, {2, "village A1"}, {2, "village A2"},
      {1, "town B"}, {2, "village B1"}, {0, "other root"},
  };
  EXPECT_EQ(RenderTree(rows),
            "county\n"
            "├── town A\n"
            "│   ├── village A1\n"
            "│   └── village A2\n"
            "└── town B\n"
            "    └── village B1\n"
            "other root\n");
  EXPECT_EQ(RenderTree({}), "");
}

TEST(RenderTree, DeepChainIndentsWithBlanks) {
  EXPECT_EQ(RenderTree({{0, "a"}, {1, "b"}, {2, "c"}, {3, "d"}}),
            "a\n"
            "└── b\n"
            "    └── c\n"
            "        └── d\n");
}

TEST(FormatError, ListsViolationsAndReason) {
  absl::Status status = rpc::InvalidArgument(
      {{"unit.display_name", "required"}, {"unit.kind", "required"}});
  status = rpc::WithReason(status, "BAD_UNIT");
  const std::string text = FormatError(status);
  EXPECT_EQ(text.substr(0, text.find('\n')), "error: INVALID_ARGUMENT: " + std::string(status.message()));
  EXPECT_NE(text.find("\n  unit.display_name: required\n  unit.kind: required\n  reason: BAD_UNIT\n"),
            std::string::npos)
      << text;
}

TEST(FormatError, PlainStatusIsOneLine) {
  EXPECT_EQ(FormatError(absl::NotFoundError("units/9 not found")), "error: NOT_FOUND: units/9 not found\n");
}

TEST(FormatError, SurvivesTheGrpcRoundTrip) {
  const absl::Status sent = rpc::FailedPrecondition("LEVEL_MISMATCH", "a village needs a township parent");
  const absl::Status received = rpc::FromGrpcStatus(rpc::ToGrpcStatus(sent));
  EXPECT_EQ(FormatError(received),
            "error: FAILED_PRECONDITION: a village needs a township parent\n  reason: LEVEL_MISMATCH\n");
}

TEST(Rephrased, KeepsCodeAndDetails) {
  const absl::Status status = rpc::FailedPrecondition("PARENT_ABOLISHED", "parent abolished");
  const absl::Status out = Rephrased(status, "宫村镇金融服务部: parent abolished");
  EXPECT_EQ(out.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(out.message(), "宫村镇金融服务部: parent abolished");
  EXPECT_EQ(rpc::ReasonOf(out), "PARENT_ABOLISHED");
}

TEST(MessageJson, ProtoNamesWithoutDefaults) {
  org::v1::Unit unit;
  unit.set_name("units/01");
  unit.set_display_name("北马村金融扶贫服务站");
  unit.set_kind(org::v1::UNIT_KIND_STATION);
  unit.set_level(type::v1::LEVEL_VILLAGE);
  unit.add_functions("受理贷款申请");
  auto json = MessageJson(unit);
  ASSERT_TRUE(json.ok()) << json.status();
  EXPECT_EQ(*json,
            "{\"name\":\"units/01\",\"display_name\":\"北马村金融扶贫服务站\","
            "\"kind\":\"UNIT_KIND_STATION\",\"level\":\"LEVEL_VILLAGE\","
            "\"functions\":[\"受理贷款申请\"]}");
}

TEST(JsonLine, MembersInTheOrderAddedAndMessagesEmbeddedAsValues) {
  org::v1::Unit unit;
  unit.set_name("units/01");
  unit.set_display_name("北马村");
  nlohmann::ordered_json out = {{"zeta", 1}, {"alpha", "a\"b"}, {"unit", MessageValue(unit)}};
  EXPECT_EQ(JsonLine(out), R"({"zeta":1,"alpha":"a\"b","unit":{"name":"units/01","display_name":"北马村"}})");
  // Bytes that are not UTF-8 are replaced rather than thrown over.
  EXPECT_EQ(JsonLine(nlohmann::ordered_json("a\xff")), "\"a\xEF\xBF\xBD\"");
}

}  // namespace
}  // namespace huinong::ctl
