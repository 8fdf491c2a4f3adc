// The JSON columns of svc-org's store: every type survives Encode then
// Decode, rows written by the earlier codec (on google.protobuf.Value; the
// exact texts are kept below) still read back whole, and anything that is
// not the expected JSON reads as empty instead of failing the row.
#include "svc-org/src/store/json_codec.h"

#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace huinong::org::store {
namespace {

// A description of each value that names every field, so that two values
// compare equal exactly when every field does.
std::string Day(const std::optional<absl::CivilDay>& d) { return d ? absl::FormatCivilTime(*d) : "-"; }
std::string Text(const DocumentRef& d) { return absl::StrCat("doc(", d.uri, "|", d.sha256, "|", d.title, ")"); }
std::string Text(const PostSelector& s) { return absl::StrCat("sel(", s.post_id, "|", s.post_code, ")"); }
template <class T, class F>
std::string List(const std::vector<T>& items, F each) {
  std::vector<std::string> parts;
  for (const T& item : items) parts.push_back(each(item));
  return absl::StrCat("[", absl::StrJoin(parts, ";"), "]");
}
std::string Text(const std::vector<Duty>& v) {
  return List(v, [](const Duty& d) { return absl::StrCat(d.text, "/", d.time_share_bp); });
}
std::string Text(const std::vector<QualificationGroup>& v) {
  return List(v, [](const QualificationGroup& g) {
    return absl::StrCat(g.title, "/", static_cast<int>(g.mode), "/", static_cast<int>(g.requirement), "/",
                        List(g.items, [](const Qualification& q) {
                          return absl::StrCat(q.code, "/", q.description, "/", q.kind, "/", q.min_years);
                        }));
  });
}
std::string Text(const std::vector<std::string>& v) { return List(v, [](const std::string& s) { return s; }); }
std::string Text(const std::vector<ReportingLine>& v) {
  return List(v, [](const ReportingLine& l) {
    return absl::StrCat(l.post_id, "/", static_cast<int>(l.kind), "/", l.note);
  });
}
std::string Text(const std::vector<HeldQualification>& v) {
  return List(v, [](const HeldQualification& h) {
    return absl::StrCat(h.code, "/", h.description, "/", h.kind, "/", Day(h.obtained), "/", Day(h.expiry), "/",
                        h.years, "/", Text(h.evidence));
  });
}
std::string Text(const Delegation& d) {
  return absl::StrCat(d.acting_for_id, "/", d.delegated_by_id, "/", d.reason, "/", Text(d.document), "/",
                      Text(d.capabilities));
}
std::string Text(const Secondment& s) {
  return absl::StrCat(s.from_organisation, "/", s.home_post_title, "/", Text(s.agreement));
}
std::string Text(const Mitigation& m) {
  return absl::StrCat(m.description, "/", m.checker_id, "/", Text(m.document), "/", Day(m.review_date));
}
std::string Text(const std::vector<AllowedCombination>& v) {
  return List(v, [](const AllowedCombination& c) {
    return absl::StrCat(List(c.posts, [](const PostSelector& s) { return Text(s); }), "/", c.note);
  });
}
std::string Text(const std::vector<SegregationPair>& v) {
  return List(v, [](const SegregationPair& p) {
    return absl::StrCat(Text(p.first), "/", Text(p.second), "/", p.risk);
  });
}

const DocumentRef kDoc{"https://docs.example/发文/1?a=1&b=\"2\"", "ab12", "关于\\任命的通知"};

std::vector<Duty> Duties() { return {{"发放扶贫小额信贷", 6000}, {"回访 \"客户\"\n", 4000}, {"", 0}}; }
std::vector<QualificationGroup> Groups() {
  return {{"从业资格", GroupMode::kAnyOf, Requirement::kPreferred,
           {{"CERT-1", "银行从业资格", 2, 0}, {"", "三年信贷经验", kExperienceKind, 3}}},
          {"", GroupMode::kAllOf, Requirement::kRequired, {}}};
}
std::vector<std::string> Strings() { return {"loan.approve", "审批", "", "a\"b\\c/d"}; }
std::vector<ReportingLine> Lines() {
  return {{"posts/01J1", LineKind::kSolid, "直线汇报"}, {"posts/01J2", LineKind::kIndependent, ""}};
}
std::vector<HeldQualification> Held() {
  return {{"CERT-1", "银行从业资格", 2, absl::CivilDay(2020, 2, 29), std::nullopt, 0, kDoc},
          {"", "", kExperienceKind, std::nullopt, absl::CivilDay(2031, 12, 31), 5, {}}};
}
Delegation ADelegation() {
  return {"staff/01JA", "staff/01JB", "出差期间代理", kDoc, {"loan.approve", "loan.review"}};
}
Secondment ASecondment() { return {"县农商银行", "信贷员", kDoc}; }
Mitigation AMitigation() { return {"双人复核", "staff/01JC", kDoc, absl::CivilDay(2027, 1, 1)}; }
std::vector<AllowedCombination> Whitelist() {
  return {{{{"posts/01J1", ""}, {"", "TELLER"}}, "小站兼任"}, {{}, ""}};
}
std::vector<SegregationPair> Pairs() { return {{{"posts/01J1", ""}, {"", "AUDIT"}, "同一人审批并复核"}}; }

// What the earlier codec wrote for the values above (member order was its
// hash map's), as rows in existing databases hold it.
constexpr char kEarlierDuties[] = R"json([{"text":"发放扶贫小额信贷","time_share_bp":6000},{"time_share_bp":4000,"text":"回访 \"客户\"\n"},{"text":"","time_share_bp":0}])json";
constexpr char kEarlierGroups[] = R"json([{"items":[{"min_years":0,"description":"银行从业资格","kind":2,"code":"CERT-1"},{"description":"三年信贷经验","kind":4,"code":"","min_years":3}],"mode":2,"requirement":2,"title":"从业资格"},{"items":[],"requirement":1,"mode":1,"title":""}])json";
constexpr char kEarlierStrings[] = R"json(["loan.approve","审批","","a\"b\\c/d"])json";
constexpr char kEarlierLines[] = R"json([{"kind":1,"post":"posts/01J1","note":"直线汇报"},{"note":"","kind":3,"post":"posts/01J2"}])json";
constexpr char kEarlierDoc[] = R"json({"sha256":"ab12","title":"关于\\任命的通知","uri":"https://docs.example/发文/1?a=1&b=\"2\""})json";
constexpr char kEarlierHeld[] = R"json([{"description":"银行从业资格","evidence":{"title":"关于\\任命的通知","sha256":"ab12","uri":"https://docs.example/发文/1?a=1&b=\"2\""},"code":"CERT-1","expiry":"","years":0,"obtained":"2020-02-29","kind":2},{"kind":4,"code":"","obtained":"","evidence":{"sha256":"","title":"","uri":""},"years":5,"description":"","expiry":"2031-12-31"}])json";
constexpr char kEarlierDelegation[] = R"json({"document":{"sha256":"ab12","uri":"https://docs.example/发文/1?a=1&b=\"2\"","title":"关于\\任命的通知"},"reason":"出差期间代理","acting_for":"staff/01JA","delegated_by":"staff/01JB","capabilities":["loan.approve","loan.review"]})json";
constexpr char kEarlierSecondment[] = R"json({"agreement":{"title":"关于\\任命的通知","uri":"https://docs.example/发文/1?a=1&b=\"2\"","sha256":"ab12"},"home_post_title":"信贷员","from_organisation":"县农商银行"})json";
constexpr char kEarlierMitigation[] = R"json({"document":{"uri":"https://docs.example/发文/1?a=1&b=\"2\"","sha256":"ab12","title":"关于\\任命的通知"},"review_date":"2027-01-01","checker":"staff/01JC","description":"双人复核"})json";
constexpr char kEarlierWhitelist[] = R"json([{"posts":[{"code":"","post":"posts/01J1"},{"post":"","code":"TELLER"}],"note":"小站兼任"},{"posts":[],"note":""}])json";
constexpr char kEarlierPairs[] = R"json([{"risk":"同一人审批并复核","second":{"post":"","code":"AUDIT"},"first":{"post":"posts/01J1","code":""}}])json";

// Encode then Decode gives the value back, and Decode of the earlier
// codec's text for the same value does too.
template <class T>
void ExpectReadsBack(const T& value, const std::string& earlier_text) {
  T decoded{};
  Decode(Encode(value), decoded);
  EXPECT_EQ(Text(decoded), Text(value)) << Encode(value);
  T earlier{};
  Decode(earlier_text, earlier);
  EXPECT_EQ(Text(earlier), Text(value)) << earlier_text;
}

TEST(JsonCodec, EveryTypeReadsBackAndRowsOfTheEarlierCodecStillRead) {
  ExpectReadsBack(Duties(), kEarlierDuties);
  ExpectReadsBack(Groups(), kEarlierGroups);
  ExpectReadsBack(Strings(), kEarlierStrings);
  ExpectReadsBack(Lines(), kEarlierLines);
  ExpectReadsBack(kDoc, kEarlierDoc);
  ExpectReadsBack(Held(), kEarlierHeld);
  ExpectReadsBack(ADelegation(), kEarlierDelegation);
  ExpectReadsBack(ASecondment(), kEarlierSecondment);
  ExpectReadsBack(AMitigation(), kEarlierMitigation);
  ExpectReadsBack(Whitelist(), kEarlierWhitelist);
  ExpectReadsBack(Pairs(), kEarlierPairs);
}

TEST(JsonCodec, WhatIsNotTheExpectedJsonReadsAsEmpty) {
  for (const std::string bad : {"", "not json", "{", "[1,2", "\"text\"", "null", "42"}) {
    std::vector<Duty> duties = Duties();
    Decode(bad, duties);
    EXPECT_TRUE(duties.empty()) << bad;
    Delegation delegation = ADelegation();
    Decode(bad, delegation);
    EXPECT_EQ(Text(delegation), Text(Delegation{})) << bad;
  }
  // Members of the wrong type read as their empty value; the rest still read.
  std::vector<Duty> duties;
  Decode(R"([{"text":7,"time_share_bp":"x"},{"text":"ok","time_share_bp":2500},"stray",[]])", duties);
  EXPECT_EQ(Text(duties), "[/0;ok/2500;/0;/0]");
  Mitigation mitigation;
  Decode(R"({"description":"d","review_date":"2027-02-30","document":[]})", mitigation);
  EXPECT_EQ(Text(mitigation), "d//doc(||)/-");
}

}  // namespace
}  // namespace huinong::org::store
