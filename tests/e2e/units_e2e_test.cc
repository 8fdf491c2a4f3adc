// The unit registry end to end through the gateway: field-naming validation
// errors survive the proxy, a township caller is kept to its township, and a
// retried request id creates one unit.
#include <set>

#include <gtest/gtest.h>

#include "common/rpc/errors.h"
#include "huinong/org/v1/unit_service.grpc.pb.h"
#include "tests/e2e/suite.h"

namespace huinong::e2e {
namespace {

using org::v1::CreateUnitRequest;
using org::v1::UnitService;
using org::v1::Unit;

class UnitsE2E : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(Suite::Get().ok());
    org_ = UnitService::NewStub(Suite::Get().Gateway());
  }

  grpc::Status Create(const std::string& token, const CreateUnitRequest& req, Unit* out) {
    return org_->CreateUnit(Suite::Get().Context(token).get(), req, out);
  }

  Unit MustCreate(const std::string& name, org::v1::UnitKind kind, type::v1::Level level,
                  const std::string& parent) {
    CreateUnitRequest req;
    req.set_request_id("e2e-" + Unique());
    req.mutable_unit()->set_display_name(name);
    req.mutable_unit()->set_kind(kind);
    req.mutable_unit()->set_level(level);
    req.mutable_unit()->set_parent(parent);
    Unit unit;
    grpc::Status s = Create(Suite::Get().AdminToken(), req, &unit);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return unit;
  }

  std::unique_ptr<UnitService::Stub> org_;
};

TEST_F(UnitsE2E, UnknownEnumValueAndMissingFieldAreNamed) {
  CreateUnitRequest req;
  req.set_request_id("e2e-" + Unique());
  req.mutable_unit()->set_kind(static_cast<org::v1::UnitKind>(77));
  Unit out;
  grpc::Status s = Create(Suite::Get().AdminToken(), req, &out);
  ASSERT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  std::set<std::string> fields;
  for (const auto& fv : rpc::FieldViolationsOf(rpc::FromGrpcStatus(s))) fields.insert(fv.field);
  EXPECT_EQ(fields, (std::set<std::string>{"unit.kind", "unit.display_name"}));
  EXPECT_EQ(rpc::ReasonOf(rpc::FromGrpcStatus(s)), "INVALID_ARGUMENT");
}

TEST_F(UnitsE2E, TownshipCallerCannotReadAnotherTownship) {
  const std::string tag = Unique();
  Unit county = MustCreate("测试县金融扶贫服务中心" + tag, org::v1::UNIT_KIND_CENTRE,
                           type::v1::LEVEL_COUNTY, "");
  Unit east = MustCreate("东镇金融服务部", org::v1::UNIT_KIND_DEPARTMENT, type::v1::LEVEL_TOWNSHIP,
                         county.name());
  Unit west = MustCreate("西镇金融服务部", org::v1::UNIT_KIND_DEPARTMENT, type::v1::LEVEL_TOWNSHIP,
                         county.name());
  const std::string east_staff = Suite::Get().Token("staff/e2e-east", {"staff"}, east.name());

  org::v1::GetUnitRequest get;
  Unit got;
  get.set_name(west.name());
  EXPECT_EQ(org_->GetUnit(Suite::Get().Context(east_staff).get(), get, &got).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  get.set_name(east.name());
  EXPECT_TRUE(org_->GetUnit(Suite::Get().Context(east_staff).get(), get, &got).ok());

  org::v1::ListUnitsRequest list;
  list.set_parent(county.name());
  org::v1::ListUnitsResponse listed;
  ASSERT_TRUE(org_->ListUnits(Suite::Get().Context(east_staff).get(), list, &listed).ok());
  ASSERT_EQ(listed.units_size(), 1);
  EXPECT_EQ(listed.units(0).name(), east.name());
}

TEST_F(UnitsE2E, TheSameRequestIdTwiceCreatesOneUnit) {
  Unit county = MustCreate("重试县金融扶贫服务中心" + Unique(), org::v1::UNIT_KIND_CENTRE,
                           type::v1::LEVEL_COUNTY, "");
  CreateUnitRequest req;
  req.set_request_id("e2e-retry-" + Unique());
  req.mutable_unit()->set_display_name("重试镇金融服务部");
  req.mutable_unit()->set_kind(org::v1::UNIT_KIND_DEPARTMENT);
  req.mutable_unit()->set_level(type::v1::LEVEL_TOWNSHIP);
  req.mutable_unit()->set_parent(county.name());
  Unit first, second;
  ASSERT_TRUE(Create(Suite::Get().AdminToken(), req, &first).ok());
  ASSERT_TRUE(Create(Suite::Get().AdminToken(), req, &second).ok());
  EXPECT_EQ(first.name(), second.name());
  org::v1::ListUnitsRequest list;
  list.set_parent(county.name());
  org::v1::ListUnitsResponse listed;
  ASSERT_TRUE(org_->ListUnits(Suite::Get().Context(Suite::Get().AdminToken()).get(), list, &listed).ok());
  EXPECT_EQ(listed.units_size(), 1);
}

TEST_F(UnitsE2E, DemoCountyIsLoaded) {
  org::v1::ListUnitsRequest list;
  list.set_level(type::v1::LEVEL_COUNTY);
  list.set_page_size(500);
  org::v1::ListUnitsResponse listed;
  ASSERT_TRUE(org_->ListUnits(Suite::Get().Context(Suite::Get().AdminToken()).get(), list, &listed).ok());
  bool found = false;
  for (const auto& u : listed.units()) found |= u.display_name() == "固安县金融扶贫服务中心";
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace huinong::e2e
