// Method lookup in the generated pool, variable expansion, JSON and text
// templates, and a fresh ULID per call.
#include "bench/request_template.h"

#include <set>

#include <gtest/gtest.h>

#include "common/core/ids.h"
#include "huinong/org/v1/units.pb.h"

namespace huinong::bench {
namespace {

TEST(ResolveMethodTest, AcceptsTheThreeSpellings) {
  for (const char* name : {"/huinong.org.v1.UnitService/GetUnit", "huinong.org.v1.UnitService/GetUnit",
                           "huinong.org.v1.UnitService.GetUnit"}) {
    absl::StatusOr<MethodInfo> m = ResolveMethod(name);
    ASSERT_TRUE(m.ok()) << name << ": " << m.status();
    EXPECT_EQ(m->path, "/huinong.org.v1.UnitService/GetUnit");
    EXPECT_EQ(m->input->full_name(), "huinong.org.v1.GetUnitRequest");
    EXPECT_EQ(m->output->full_name(), "huinong.org.v1.Unit");
  }
}

TEST(ResolveMethodTest, FindsEveryServiceOfTheSuiteAndTheBenchProto) {
  for (const char* name : {"huinong.tickets.v1.TicketService/CreateTicket", "huinong.loans.v1.BorrowerService/GetBorrower",
                           "huinong.audit.v1.AuditService/AppendEvents", "huinong.bench.v1.Empty/Ping"}) {
    EXPECT_TRUE(ResolveMethod(name).ok()) << name;
  }
}

TEST(ResolveMethodTest, RefusesUnknownAndStreamingMethods) {
  EXPECT_EQ(ResolveMethod("huinong.org.v1.UnitService/Nope").status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(ResolveMethod("huinong.audit.v1.AuditService/ExportEvents").status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(ExpandVariablesTest, ListVariablesGiveEachSlotItsElement) {
  Variables vars = {{"units", {"units/A", "units/B"}}, {"root", {"units/R"}}};
  EXPECT_EQ(*ExpandVariables(R"({"name":"${units}","p":"${root}"})", vars, 0), R"({"name":"units/A","p":"units/R"})");
  EXPECT_EQ(*ExpandVariables(R"({"name":"${units}"})", vars, 1), R"({"name":"units/B"})");
  EXPECT_EQ(*ExpandVariables(R"({"name":"${units}"})", vars, 2), R"({"name":"units/A"})");
}

TEST(ExpandVariablesTest, AWholeListIsAJsonArrayOfStrings) {
  Variables vars = {{"towns", {"units/A", "units/\"B\""}}};
  EXPECT_EQ(*ExpandVariables(R"({"townships":${towns[]},"first":"${towns}"})", vars, 0),
            R"({"townships":["units/A","units/\"B\""],"first":"units/A"})");
  EXPECT_EQ(*ExpandVariables(R"({"townships":"${towns[]}"})", vars, 1), R"({"townships":["units/A","units/\"B\""]})");
  EXPECT_FALSE(ExpandVariables("${nope[]}", vars, 0).ok());
}

TEST(ExpandVariablesTest, AMissingVariableIsNamed) {
  absl::StatusOr<std::string> s = ExpandVariables("name: \"${nope}\"", {}, 0);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("${nope}"), std::string::npos);
  EXPECT_FALSE(ExpandVariables("${unterminated", {}, 0).ok());
}

TEST(ParseRequestTest, JsonAndTextFormat) {
  auto m = ResolveMethod("huinong.org.v1.UnitService/CreateUnit");
  auto json = ParseRequest(*m->input, R"({"request_id":"r1","unit":{"display_name":"x","kind":"UNIT_KIND_GROUP"}})");
  ASSERT_TRUE(json.ok()) << json.status();
  auto text = ParseRequest(*m->input, R"(request_id: "r1" unit { display_name: "x" kind: UNIT_KIND_GROUP })");
  ASSERT_TRUE(text.ok()) << text.status();
  EXPECT_EQ((*json)->SerializeAsString(), (*text)->SerializeAsString());
  auto* typed = dynamic_cast<org::v1::CreateUnitRequest*>(json->get());
  ASSERT_NE(typed, nullptr);  // generated classes, not dynamic messages
  EXPECT_EQ(typed->unit().kind(), org::v1::UNIT_KIND_GROUP);
}

TEST(ParseRequestTest, BadTemplatesAreInvalidArgument) {
  auto m = ResolveMethod("huinong.org.v1.UnitService/GetUnit");
  EXPECT_EQ(ParseRequest(*m->input, R"({"nmae":"x"})").status().code(), absl::StatusCode::kInvalidArgument);
  absl::Status text = ParseRequest(*m->input, "name: 3 4").status();
  EXPECT_EQ(text.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(text.message().find("1:7"), std::string::npos) << text;
}

TEST(SubstituteUlidTest, ReplacesNestedAndRepeatedStrings) {
  org::v1::CreateUnitRequest r;
  r.set_request_id("{{ulid}}");
  r.mutable_unit()->set_display_name("bench {{ulid}}");
  r.mutable_unit()->add_functions("a");
  r.mutable_unit()->add_functions("f-{{ulid}}");
  EXPECT_TRUE(SubstituteUlid(r, "01ABC"));
  EXPECT_EQ(r.request_id(), "01ABC");
  EXPECT_EQ(r.unit().display_name(), "bench 01ABC");
  EXPECT_EQ(r.unit().functions(0), "a");
  EXPECT_EQ(r.unit().functions(1), "f-01ABC");
  EXPECT_FALSE(SubstituteUlid(r, "again"));
}

TEST(StringFieldTest, ReadsDottedPaths) {
  org::v1::CreateUnitRequest r;
  r.mutable_unit()->set_parent("units/P");
  EXPECT_EQ(*StringField(r, "unit.parent"), "units/P");
  EXPECT_FALSE(StringField(r, "unit.nope").ok());
  EXPECT_FALSE(StringField(r, "unit").ok());
  EXPECT_FALSE(StringField(r, "unit.functions").ok());
}

std::string Decode(grpc::ByteBuffer bb, org::v1::CreateUnitRequest& out) {
  std::vector<grpc::Slice> slices;
  EXPECT_TRUE(bb.Dump(&slices).ok());
  std::string raw;
  for (const auto& s : slices) raw.append(reinterpret_cast<const char*>(s.begin()), s.size());
  EXPECT_TRUE(out.ParseFromString(raw));
  return out.request_id();
}

TEST(TemplateRequestsTest, EveryCallGetsAFreshUlidAndItsSlotsVariable) {
  auto m = ResolveMethod("huinong.org.v1.UnitService/CreateUnit");
  Variables vars = {{"parents", {"units/P0", "units/P1"}}};
  auto t = TemplateRequests::Create(
      *m, R"({"request_id":"{{ulid}}","unit":{"display_name":"b {{ulid}}","parent":"${parents}"}})", vars, 2);
  ASSERT_TRUE(t.ok()) << t.status();
  std::set<std::string> ids;
  for (int i = 0; i < 20; ++i) {
    org::v1::CreateUnitRequest r;
    const std::string id = Decode((*t)->Next(i % 2), r);
    EXPECT_TRUE(IsUlid(id)) << id;
    EXPECT_EQ(r.unit().display_name(), "b " + id);
    EXPECT_EQ(r.unit().parent(), i % 2 == 0 ? "units/P0" : "units/P1");
    ids.insert(id);
  }
  EXPECT_EQ(ids.size(), 20u);
}

TEST(TemplateRequestsTest, AFixedTemplateIsTheSameBytesEveryTime) {
  auto m = ResolveMethod("huinong.org.v1.UnitService/CreateUnit");
  auto t = TemplateRequests::Create(*m, R"(request_id: "fixed")", {}, 1);
  ASSERT_TRUE(t.ok());
  org::v1::CreateUnitRequest a, b;
  EXPECT_EQ(Decode((*t)->Next(0), a), "fixed");
  EXPECT_EQ(Decode((*t)->Next(0), b), "fixed");
}

}  // namespace
}  // namespace huinong::bench
