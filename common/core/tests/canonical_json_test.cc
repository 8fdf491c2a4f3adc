// The canonical JSON writer on its own: member order by value type, the
// filter on keys and strings, and numbers as doubles. The full form is held
// by the golden bytes in common/outbox/tests/golden/change_json.golden.
#include "common/core/canonical_json.h"

#include <gtest/gtest.h>

namespace huinong::json {
namespace {

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  return out;
}

TEST(CanonicalJson, SortedValuesSortAndOrderedValuesKeepTheirOrder) {
  const nlohmann::json sorted = {{"b", 1}, {"a", {{"d", nullptr}, {"c", true}}}};
  EXPECT_EQ(Canonical(sorted), R"({"a":{"c":true,"d":null},"b":1})");
  nlohmann::ordered_json ordered = nlohmann::ordered_json::object();
  ordered["b"] = "x";
  ordered["a"] = nlohmann::ordered_json::array({1, "y", nlohmann::ordered_json::object()});
  EXPECT_EQ(Canonical(ordered), R"({"b":"x","a":[1,"y",{}]})");
}

TEST(CanonicalJson, StringsAreEscapedAsTheLogWritesThem) {
  const nlohmann::json value = std::string("中/\"\\\x7f\x01\n\0", 10);
  EXPECT_EQ(Canonical(value), "\"中/\\\"\\\\\\u007f\\u0001\\n\\u0000\"");
}

TEST(CanonicalJson, NumbersAreWrittenAsTheDoublesTheyDenote) {
  EXPECT_EQ(Canonical(nlohmann::json(int64_t{9007199254740993})), "9007199254740992");
  EXPECT_EQ(Canonical(nlohmann::json(-0.0)), "0");
  EXPECT_EQ(Canonical(nlohmann::json(2.0)), "2");
  EXPECT_EQ(Canonical(nlohmann::json(0.1)), "0.1");
  EXPECT_EQ(Canonical(nlohmann::json(1e21)), "1e+21");
  EXPECT_EQ(Canonical(nlohmann::json(uint64_t{18446744073709551615u})), "1.8446744073709552e+19");
}

TEST(CanonicalJson, TheFilterRewritesKeysAndStringsButNotTheOrder) {
  const nlohmann::json value = {{"b", "x"}, {"a", {"y", 1}}};
  std::string out;
  AppendCanonical(value, out, &Upper);
  EXPECT_EQ(out, R"({"A":["Y",1],"B":"X"})");
}

}  // namespace
}  // namespace huinong::json
