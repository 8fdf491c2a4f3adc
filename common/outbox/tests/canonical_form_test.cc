// The canonical form of the before/after JSON, held to golden bytes.
//
// tests/golden/change_json.golden was written by the hand-written writer that
// produced every audit event up to the move to nlohmann-json; the events'
// JSON is hashed into the audit chain, so a writer that changes one byte of
// any case here would make new events differ from old ones for the same
// change. One line per case: name, TAB, before_json, TAB, after_json (the
// canonical form escapes tabs and newlines, so neither occurs inside).
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <google/protobuf/struct.pb.h>
#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/outbox/change_json.h"
#include "common/outbox/tests/sample_messages.h"
#include "huinong/org/v1/units.pb.h"
#include "huinong/type/v1/types.pb.h"

namespace huinong::outbox {
namespace {

using google::protobuf::Struct;

org::v1::Unit Station() {
  org::v1::Unit u = testing::SampleStation();
  u.add_functions("发放扶贫小额信贷");
  u.add_functions("受理 \"客户\" 诉求\\回访");
  return u;
}

// One line of the golden file for DiffJson(before, after, cap).
std::string Line(const std::string& name, const google::protobuf::Message* before,
                 const google::protobuf::Message* after, size_t cap = kMaxChangeJsonBytes) {
  absl::StatusOr<ChangedFields> diff = DiffJson(before, after, cap);
  if (!diff.ok()) return absl::StrCat(name, "\t!", absl::StatusCodeToString(diff.status().code()));
  return absl::StrCat(name, "\t", diff->before_json, "\t", diff->after_json);
}

// Every case, in file order. Inputs are google.protobuf.Struct (so any JSON
// shape can be given) and real API messages (enums, dates, int64 as text).
std::vector<std::string> Cases() {
  std::vector<std::string> lines;
  auto whole = [&](const std::string& name, const std::string& json, size_t cap = kMaxChangeJsonBytes) {
    Struct s = testing::StructFromJson(json);
    lines.push_back(Line(name, nullptr, &s, cap));
  };
  auto diff = [&](const std::string& name, const std::string& before, const std::string& after) {
    Struct b = testing::StructFromJson(before);
    Struct a = testing::StructFromJson(after);
    lines.push_back(Line(name, &b, &a));
  };
  whole("chinese", R"({"name":"东红寺村金融扶贫服务站","mixed":"a中b","astral":"😀𠀀","latin":"é"})");
  whole("escaped_unicode_input", R"({"s":"\u4e2d\u6587\ud83d\ude00\u00e9"})");
  whole("control_characters",
        R"({"c":"\u0001\u001f\u007f\b\f\n\r\t","nul":"a\u0000b","del":"x\u007fy"})");
  whole("quotes_backslashes_slashes", R"({"q":"say \"hi\"","b":"C:\\dir\\","s":"a/b </script>"})");
  whole("integers", R"({"zero":0,"one":1,"neg":-1,"int32_max":2147483647,"int32_min":-2147483648,
                         "uint32_max":4294967295,"neg_big":-123456789012})");
  whole("beyond_2_53", R"({"p53":9007199254740991,"p53_1":9007199254740992,"p53_2":9007199254740993,
                           "e17":100000000000000000,"e21":1e21,"neg_e21":-1e21,"e300":1e300})");
  whole("fractions", R"({"tenth":0.1,"third":0.3333333333333333,"neg":-2.5,"tiny":1.5e-7,
                         "small":0.0001,"smaller":0.00001,"mixed":123456.789,"denormal":5e-324,
                         "max":1.7976931348623157e308,"neg_zero":-0.0,"sum":0.30000000000000004})");
  whole("literals", R"({"t":true,"f":false,"n":null})");
  whole("nested", R"({"b":{"z":1,"a":[{"y":true,"x":null},[1,[2,[]]],"s"]},"a":{"c":{"d":{}}}})");
  whole("empty_values", R"({"":"","empty_object":{},"empty_list":[],"empty_string":""})");
  whole("empty_object", R"({})");
  whole("key_order", R"({"b":1,"a":2,"B":3,"_":4,"Z":5,"é":6,"中":7,"10":8,"9":9,"a b":10,"ab":11})");
  whole("personal_data", R"({"phone":"站长电话13812345678","id":"身份证11010519491231002X",
                             "card":"6222021234567890123","contacts":{"13912345678":"村会计"},
                             "list":["13712345678",13812345678]})");
  // Keys are ordered by their unmasked text and masked as written, so two
  // numbers that mask alike both stay, in their original order.
  whole("masked_key_order", R"({"m":{"13899995678":"c","138*x":"b","13812345678":"a","138":"d"}})");
  diff("diff_changed_added_removed", R"({"same":"x","changed":"旧","gone":[1,2],"num":1})",
       R"({"same":"x","changed":"新","added":{"k":"v"},"num":1.0})");
  diff("diff_type_change", R"({"v":"1","w":[1],"x":{}})", R"({"v":1,"w":[1.0],"x":[]})");
  diff("diff_identical", R"({"a":[1,{"b":"c"}]})", R"({"a":[1,{"b":"c"}]})");

  Struct invalid_utf8;
  (*invalid_utf8.mutable_fields())["s"].set_string_value("a\xff\xe5\xbc b");
  lines.push_back(Line("invalid_utf8_in_a_message", nullptr, &invalid_utf8));

  org::v1::Unit station = Station();
  lines.push_back(Line("unit_creation", nullptr, &station));
  lines.push_back(Line("unit_deletion", &station, nullptr));
  org::v1::Unit renamed = station;
  renamed.set_display_name("东红寺村服务站");
  renamed.set_code("131025");
  renamed.mutable_effective_to()->set_year(2030);
  renamed.mutable_effective_to()->set_month(1);
  renamed.mutable_effective_to()->set_day(31);
  renamed.set_level(type::v1::LEVEL_UNSPECIFIED);
  renamed.set_depth(0);
  renamed.set_etag("2");
  lines.push_back(Line("unit_update", &station, &renamed));
  type::v1::Money before_money;
  before_money.set_fen(-5000000);
  type::v1::Money after_money;
  after_money.set_fen(9223372036854775807);
  lines.push_back(Line("money_int64_as_text", &before_money, &after_money));

  const std::string long_note = R"({"note":"参考编号13812345678901234567的贷款材料，已由柳泉镇金融服务部复核\"引号\"\\","short":"ok","list":["长文本长文本长文本长文本长文本","x"]})";
  for (size_t cap : {40, 64, 90, 120, 160}) whole(absl::StrCat("truncated_", cap), long_note, cap);
  whole("too_many_fields_to_name", R"({"aaaaaaaaaa":1,"bbbbbbbbbb":2,"cccccccccc":3})", 20);
  return lines;
}

std::string GoldenPath() {
  return std::string(HUINONG_SOURCE_DIR) + "/common/outbox/tests/golden/change_json.golden";
}

TEST(CanonicalForm, EveryCaseMatchesTheGoldenBytes) {
  std::ifstream file(GoldenPath(), std::ios::binary);
  ASSERT_TRUE(file) << "cannot read " << GoldenPath();
  std::stringstream text;
  text << file.rdbuf();
  std::map<std::string, std::string> golden;
  for (absl::string_view line : absl::StrSplit(text.str(), '\n', absl::SkipEmpty())) {
    std::string name(line.substr(0, line.find('\t')));
    golden[name] = std::string(line);
  }
  const std::vector<std::string> lines = Cases();
  EXPECT_EQ(golden.size(), lines.size()) << "the golden file and the cases disagree on the count";
  for (const std::string& line : lines) {
    const std::string name = line.substr(0, line.find('\t'));
    auto it = golden.find(name);
    ASSERT_NE(it, golden.end()) << "no golden line for " << name;
    EXPECT_EQ(line, it->second) << "case " << name;
  }
}

}  // namespace
}  // namespace huinong::outbox
