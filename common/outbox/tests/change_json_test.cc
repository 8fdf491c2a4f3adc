// DiffJson: only changed top-level fields, creation and deletion shapes,
// masking of personal data anywhere in a string, and the 64 KiB cap that
// still yields a JSON object and never un-masks a number by cutting it.
#include "common/outbox/change_json.h"
#include "common/outbox/tests/sample_messages.h"

#include <string>

#include <google/protobuf/struct.pb.h>
#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "huinong/org/v1/units.pb.h"
#include "huinong/type/v1/types.pb.h"

namespace huinong::outbox {
namespace {

using org::v1::Unit;
using testing::SampleStation;
using testing::StructFromJson;

// True when `text` holds a run of exactly 11 digits that looks like a mobile number.
bool HasUnmaskedMobile(const std::string& text) {
  for (size_t i = 0; i < text.size();) {
    if (!isdigit(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && isdigit(static_cast<unsigned char>(text[j]))) ++j;
    if (j - i == 11 && text[i] == '1' && text[i + 1] >= '3') return true;
    i = j;
  }
  return false;
}

TEST(DiffJson, OnlyChangedTopLevelFieldsAppearOnBothSides) {
  Unit before = SampleStation();
  Unit after = before;
  after.set_display_name("东红寺村服务站");
  after.set_etag("2");
  auto diff = DiffJson(&before, &after);
  ASSERT_TRUE(diff.ok()) << diff.status();
  EXPECT_EQ(diff->before_json, R"({"display_name":"东红寺村金融扶贫服务站","etag":"1"})");
  EXPECT_EQ(diff->after_json, R"({"display_name":"东红寺村服务站","etag":"2"})");
}

TEST(DiffJson, IdenticalVersionsGiveEmptyObjects) {
  Unit u = SampleStation();
  auto diff = DiffJson(&u, &u);
  ASSERT_TRUE(diff.ok());
  EXPECT_EQ(diff->before_json, "{}");
  EXPECT_EQ(diff->after_json, "{}");
}

TEST(DiffJson, ClearedFieldsShowTheirDefaultOrNull) {
  Unit before = SampleStation();
  before.set_code("131025");
  before.mutable_effective_to()->set_year(2030);
  before.mutable_effective_to()->set_month(1);
  before.mutable_effective_to()->set_day(31);
  Unit after = SampleStation();
  after.set_level(type::v1::LEVEL_UNSPECIFIED);
  auto diff = DiffJson(&before, &after);
  ASSERT_TRUE(diff.ok());
  EXPECT_EQ(diff->before_json,
            R"({"code":"131025","effective_to":{"day":31,"month":1,"year":2030},"level":"LEVEL_VILLAGE"})");
  EXPECT_EQ(diff->after_json, R"({"code":"","effective_to":null,"level":"LEVEL_UNSPECIFIED"})");
}

// A change beside a large unchanged field: the unchanged one stays out.
TEST(DiffJson, UnchangedFieldsBesideAChangeStayOut) {
  Unit before = SampleStation();
  for (int i = 0; i < 50; ++i) before.add_functions(absl::StrCat("职能", i));
  Unit after = before;
  after.set_etag("2");
  auto diff = DiffJson(&before, &after);
  ASSERT_TRUE(diff.ok()) << diff.status();
  EXPECT_EQ(diff->before_json, R"({"etag":"1"})");
  EXPECT_EQ(diff->after_json, R"({"etag":"2"})");
}

TEST(DiffJson, CreationHasNoBeforeAndTheWholeAfter) {
  Unit after = SampleStation();
  auto diff = DiffJson(nullptr, &after);
  ASSERT_TRUE(diff.ok());
  EXPECT_EQ(diff->before_json, "");
  google::protobuf::Struct s = StructFromJson(diff->after_json);
  EXPECT_EQ(s.fields().at("display_name").string_value(), "东红寺村金融扶贫服务站");
  EXPECT_EQ(s.fields().at("level").string_value(), "LEVEL_VILLAGE");
  EXPECT_EQ(s.fields().at("depth").number_value(), 2);
  EXPECT_EQ(s.fields().count("code"), 0u) << "unset fields are left out of a creation";
}

TEST(DiffJson, DeletionHasTheWholeBeforeAndNoAfter) {
  Unit before = SampleStation();
  auto diff = DiffJson(&before, nullptr);
  ASSERT_TRUE(diff.ok());
  EXPECT_EQ(diff->after_json, "");
  EXPECT_EQ(StructFromJson(diff->before_json).fields().at("etag").string_value(), "1");
}

TEST(DiffJson, PersonalDataInChangedStringsIsMasked) {
  Unit before = SampleStation();
  Unit after = before;
  after.set_display_name("站长电话13812345678");
  after.add_functions("负责人身份证11010519491231002X");
  auto diff = DiffJson(&before, &after);
  ASSERT_TRUE(diff.ok());
  EXPECT_EQ(diff->after_json.find("13812345678"), std::string::npos) << diff->after_json;
  EXPECT_NE(diff->after_json.find("站长电话138****5678"), std::string::npos) << diff->after_json;
  EXPECT_EQ(diff->after_json.find("11010519491231002X"), std::string::npos);
  EXPECT_NE(diff->after_json.find("110***********002X"), std::string::npos) << diff->after_json;
}

TEST(DiffJson, ChangedMoneyIsItsFenAsTheApiWritesIt) {
  type::v1::Money before;
  before.set_fen(5000000);
  type::v1::Money after;
  after.set_fen(3000000);
  auto diff = DiffJson(&before, &after);
  ASSERT_TRUE(diff.ok());
  EXPECT_EQ(diff->before_json, R"({"fen":"5000000"})");
  EXPECT_EQ(diff->after_json, R"({"fen":"3000000"})");
}

TEST(DiffJson, NestedMapKeysAreMaskedAndKeysSorted) {
  google::protobuf::Struct after;
  (*after.mutable_fields())["zeta"].set_bool_value(true);
  auto& contacts = *(*after.mutable_fields())["contacts"].mutable_struct_value()->mutable_fields();
  contacts["13912345678"].set_string_value("村会计");
  auto diff = DiffJson(nullptr, &after);
  ASSERT_TRUE(diff.ok());
  EXPECT_EQ(diff->after_json, R"({"contacts":{"139****5678":"村会计"},"zeta":true})");
}

TEST(DiffJson, LargeSidesAreCappedAndStayJsonObjects) {
  Unit before = SampleStation();
  Unit after = before;
  after.set_display_name("新名称");
  for (int i = 0; i < 6000; ++i) after.add_functions(absl::StrCat("职责第", i, "条：发放扶贫小额信贷"));
  auto diff = DiffJson(&before, &after);
  ASSERT_TRUE(diff.ok());
  EXPECT_GT(after.ByteSizeLong(), kMaxChangeJsonBytes) << "the test needs an oversized change";
  EXPECT_LE(diff->after_json.size(), kMaxChangeJsonBytes);
  EXPECT_GT(diff->after_json.size(), kMaxChangeJsonBytes - 1024) << "the cap should be used, not wasted";
  google::protobuf::Struct s = StructFromJson(diff->after_json);
  EXPECT_EQ(s.fields().at("display_name").string_value(), "新名称") << "short fields survive whole";
  ASSERT_EQ(s.fields().at("_truncated").list_value().values_size(), 1);
  EXPECT_EQ(s.fields().at("_truncated").list_value().values(0).string_value(), "functions");
  EXPECT_EQ(s.fields().at("functions").kind_case(), google::protobuf::Value::kStringValue);
  // The before side was small: untouched.
  EXPECT_EQ(diff->before_json.find("_truncated"), std::string::npos);
}

TEST(DiffJson, CuttingNeverLeavesAPhoneShapedRunOrBrokenUtf8) {
  google::protobuf::Struct after;
  // A 20-digit reference is not personal data, but an 11-digit prefix of it
  // would look like a phone number; and the Chinese text must not be cut
  // inside a character.
  (*after.mutable_fields())["note"].set_string_value(
      "参考编号13812345678901234567的贷款材料，已由柳泉镇金融服务部复核");
  for (size_t cap = 20; cap <= 160; ++cap) {
    auto diff = DiffJson(nullptr, &after, cap);
    ASSERT_TRUE(diff.ok());
    EXPECT_LE(diff->after_json.size(), cap);
    EXPECT_FALSE(HasUnmaskedMobile(diff->after_json)) << "cap " << cap << ": " << diff->after_json;
    StructFromJson(diff->after_json);
  }
}

}  // namespace
}  // namespace huinong::outbox
