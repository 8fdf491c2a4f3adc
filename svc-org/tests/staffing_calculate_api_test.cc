// The calculator and the compliance check through a real gRPC server and a
// real MariaDB, with the seeds' numbers: 130,000 households → 6 seats
// (`004:117`), 30/100/120 vehicles → 1/2/3 (`001:743`), staff per seat at
// 14 h/day ≈ 2.520403 → 3 (`004:117`), 600/1200 + 5/10 → 1 (`004:77`),
// 500 beds → 100 doctors → 200 nurses (`004:113`), and the hospital's
// 2% / 86% / 7% against 8–10 / 80–85 / 5–10 (`004:111`). Also: every bad
// input named, versions reproducible, the data scope of compliance checks,
// and the clear refusals where svc-org cannot count staff yet.
#include <google/protobuf/text_format.h>
#include <gtest/gtest.h>

#include "svc-org/tests/staffing_fixture.h"

namespace huinong::org {
namespace {

constexpr char kSeats[] = R"(
  per_unit { driver: "households" per { micros: 20000000000 } rounding: ROUNDING_MODE_DOWN })";
constexpr char kVehicles[] = R"(
  per_unit { driver: "vehicles" per { micros: 50000000 } rounding: ROUNDING_MODE_UP minimum: 1 })";
constexpr char kStaffPerSeat[] = R"(
  formula {
    expression: "seat_hours_per_day * working_days_per_month / statutory_hours_per_month"
    variables { name: "seat_hours_per_day" }
    variables { name: "working_days_per_month" default_value { micros: 30000000 } has_default: true }
    variables { name: "statutory_hours_per_month" default_value { micros: 166640000 } has_default: true }
    rounding: ROUNDING_MODE_UP
  })";
constexpr char kComprehensive[] = R"(
  summed_fractions {
    terms { driver: "households" capacity { micros: 1200000000 } }
    terms { driver: "area_10k_m2" capacity { micros: 10000000 } }
    rounding: ROUNDING_MODE_DOWN
  })";
constexpr char kWard[] = R"(
  ratio_pyramid {
    base_driver: "beds"
    tiers { role: "doctors" relative_to: "beds" ratio { micros: 200000 } rounding: ROUNDING_MODE_DOWN }
    tiers { role: "nurses" relative_to: "doctors" ratio { micros: 2000000 } rounding: ROUNDING_MODE_DOWN }
  })";
constexpr char kHospitalBands[] = R"(
  percentage_bands {
    bands { kind: POST_KIND_MANAGEMENT min_bp: 800 max_bp: 1000 }
    bands { kind: POST_KIND_PROFESSIONAL_TECHNICAL min_bp: 8000 max_bp: 8500 }
    bands { kind: POST_KIND_SUPPORT min_bp: 500 max_bp: 1000 }
  })";

class StaffingCalculatorApi : public StaffingFixture {
 protected:
  grpc::Status Calculate(const std::string& standard, const std::vector<std::pair<std::string, int64_t>>& micros,
                         v1::StaffingCalculation* out, int version = 0) {
    v1::CalculateStaffingRequest req;
    req.set_standard(standard);
    req.set_version(version);
    for (const auto& [driver, value] : micros) {
      auto* in = req.add_inputs();
      in->set_driver(driver);
      in->mutable_value()->set_micros(value);
    }
    return staffing_->CalculateStaffing(As("staff/reader", {}).get(), req, out);
  }

  int32_t Headcount(const std::string& standard, const std::string& driver, int64_t whole) {
    v1::StaffingCalculation out;
    grpc::Status s = Calculate(standard, {{driver, whole * 1000000}}, &out);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return out.headcount();
  }

  v1::CheckStaffingComplianceRequest Compliance(const std::string& unit, const std::string& standard,
                                                const std::vector<std::pair<std::string, int64_t>>& whole) {
    v1::CheckStaffingComplianceRequest req;
    req.set_unit(unit);
    req.set_standard(standard);
    for (const auto& [driver, value] : whole) {
      auto* in = req.add_inputs();
      in->set_driver(driver);
      in->mutable_value()->set_micros(value * 1000000);
    }
    return req;
  }
};

TEST_F(StaffingCalculatorApi, CallCentreSeatsWithTheirWorking) {
  const std::string seats = MustCreate("座席", kSeats).name();
  v1::StaffingCalculation out;
  ASSERT_TRUE(Calculate(seats, {{"households", 130000000000}}, &out).ok());
  EXPECT_EQ(out.standard(), seats);
  EXPECT_EQ(out.version(), 1);
  EXPECT_EQ(out.headcount(), 6);
  EXPECT_EQ(out.exact().micros(), 6500000);
  ASSERT_EQ(out.steps_size(), 2);
  EXPECT_EQ(out.steps(0).index(), 1);
  EXPECT_EQ(out.steps(0).description(), "posts = households ÷ 20000 per post");
  EXPECT_EQ(out.steps(0).working(), "130000 ÷ 20000 = 6.5");
  EXPECT_EQ(out.steps(0).value().micros(), 6500000);
  EXPECT_EQ(out.steps(1).index(), 2);
  EXPECT_EQ(out.steps(1).working(), "6.5 rounded down = 6");
  ASSERT_EQ(out.lines_size(), 1);
  EXPECT_EQ(out.lines(0).label(), "total");
  EXPECT_EQ(out.lines(0).range().min(), 6);
}

TEST_F(StaffingCalculatorApi, VehicleManagers) {
  const std::string vehicles = MustCreate("车辆技术管理人员", kVehicles).name();
  EXPECT_EQ(Headcount(vehicles, "vehicles", 30), 1);
  EXPECT_EQ(Headcount(vehicles, "vehicles", 100), 2);
  EXPECT_EQ(Headcount(vehicles, "vehicles", 120), 3);
}

TEST_F(StaffingCalculatorApi, StaffPerSeatAt14HoursADay) {
  const std::string formula = MustCreate("每座席人数", kStaffPerSeat).name();
  v1::StaffingCalculation out;
  ASSERT_TRUE(Calculate(formula, {{"seat_hours_per_day", 14000000}}, &out).ok());
  EXPECT_EQ(out.exact().micros(), 2520403);
  EXPECT_EQ(out.headcount(), 3);
  ASSERT_EQ(out.steps_size(), 6);
  EXPECT_EQ(out.steps(4).working(), "420 ÷ 166.64 ≈ 2.520403");
  EXPECT_EQ(out.steps(5).working(), "2.520403 rounded up = 3");
}

TEST_F(StaffingCalculatorApi, SummedFractionsAndThePyramid) {
  const std::string fractions = MustCreate("二级综管", kComprehensive).name();
  v1::StaffingCalculation out;
  ASSERT_TRUE(Calculate(fractions, {{"households", 600000000}, {"area_10k_m2", 5000000}}, &out).ok());
  EXPECT_EQ(out.exact().micros(), 1000000);
  EXPECT_EQ(out.headcount(), 1);
  EXPECT_EQ(out.steps(2).working(), "0.5 + 0.5 = 1");

  const std::string ward = MustCreate("床位医护比", kWard).name();
  out.Clear();
  ASSERT_TRUE(Calculate(ward, {{"beds", 500000000}}, &out).ok());
  ASSERT_EQ(out.lines_size(), 2);
  EXPECT_EQ(out.lines(0).label(), "doctors");
  EXPECT_EQ(out.lines(0).headcount(), 100);
  EXPECT_EQ(out.lines(1).label(), "nurses");
  EXPECT_EQ(out.lines(1).headcount(), 200);
  EXPECT_EQ(out.headcount(), 300);
}

TEST_F(StaffingCalculatorApi, AnEarlierVersionStillCalculatesAsItDid) {
  v1::StaffingStandard v1_ = MustCreate("座席", kSeats);
  v1::UpdateStaffingStandardRequest req;
  req.set_request_id("v2");
  ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(
      R"(per_unit { driver: "households" per { micros: 10000000000 } rounding: ROUNDING_MODE_DOWN })",
      req.mutable_standard()));
  req.mutable_standard()->set_name(v1_.name());
  req.mutable_standard()->set_etag(v1_.etag());
  req.mutable_update_mask()->add_paths("rule");
  v1::StaffingStandard v2;
  ASSERT_TRUE(staffing_->UpdateStaffingStandard(Admin().get(), req, &v2).ok());
  v1::StaffingCalculation out;
  ASSERT_TRUE(Calculate(v1_.name(), {{"households", 130000000000}}, &out, 1).ok());
  EXPECT_EQ(out.headcount(), 6);
  EXPECT_EQ(out.version(), 1);
  ASSERT_TRUE(Calculate(v1_.name(), {{"households", 130000000000}}, &out).ok());
  EXPECT_EQ(out.headcount(), 13);
  EXPECT_EQ(out.version(), 2);
}

TEST_F(StaffingCalculatorApi, EveryBadInputIsNamed) {
  const std::string fractions = MustCreate("二级综管", kComprehensive).name();
  v1::StaffingCalculation out;
  grpc::Status s = Calculate(fractions, {{"household", 1}, {"households", -1}, {"households", 5}}, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldsOf(s), (std::set<std::string>{"inputs[0].driver", "inputs[1].value", "inputs[2].driver",
                                                "inputs"}));  // inputs: area_10k_m2 is missing
  const std::string formula = MustCreate("每座席人数", kStaffPerSeat).name();
  s = Calculate(formula, {{"seat_hours_per_day", 14000000}, {"statutory_hours_per_month", 0}}, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldsOf(s), std::set<std::string>{"inputs"});
  EXPECT_NE(s.error_message().find("division by zero"), std::string::npos) << s.error_message();
  s = Calculate("staffingStandards/01J00000000000000000000000", {}, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::NOT_FOUND);
  grpc::ClientContext anonymous;
  v1::CalculateStaffingRequest req;
  req.set_standard(formula);
  EXPECT_EQ(staffing_->CalculateStaffing(&anonymous, req, &out).error_code(), grpc::StatusCode::UNAUTHENTICATED);
}

TEST_F(StaffingCalculatorApi, HospitalBandsAreUnderOverAndWithin) {
  const std::string hospital = AddUnit("市妇幼保健院", "");
  const std::string bands = MustCreate("医院人员结构", kHospitalBands).name();
  auto req = Compliance(hospital, bands, {{"establishment", 100}, {"actual_management", 2},
                                          {"actual_professional_technical", 86}, {"actual_support", 7}});
  req.mutable_as_of()->set_year(2026);
  req.mutable_as_of()->set_month(3);
  req.mutable_as_of()->set_day(1);
  v1::StaffingCompliance out;
  grpc::Status s = staffing_->CheckStaffingCompliance(As("staff/hr", {"hr"}, hospital).get(), req, &out);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(out.unit(), hospital);
  EXPECT_EQ(out.as_of().month(), 3);
  EXPECT_EQ(out.calculation().headcount(), 100);
  ASSERT_EQ(out.lines_size(), 3);
  EXPECT_EQ(out.lines(0).label(), "management");
  EXPECT_EQ(out.lines(0).required().min(), 8);
  EXPECT_EQ(out.lines(0).required().max(), 10);
  EXPECT_EQ(out.lines(0).actual(), 2);
  EXPECT_EQ(out.lines(0).actual_bp(), 200);
  EXPECT_FALSE(out.lines(0).compliant());  // under
  EXPECT_EQ(out.lines(1).required().max(), 85);
  EXPECT_EQ(out.lines(1).actual_bp(), 8600);
  EXPECT_FALSE(out.lines(1).compliant());  // over
  EXPECT_EQ(out.lines(2).actual_bp(), 700);
  EXPECT_TRUE(out.lines(2).compliant());  // within
  EXPECT_FALSE(out.compliant());
}

TEST_F(StaffingCalculatorApi, ComplianceRefusesClearlyWhatItCannotCountYet) {
  const std::string hospital = AddUnit("市妇幼保健院", "");
  const std::string bands = MustCreate("医院人员结构", kHospitalBands).name();
  v1::StaffingCompliance out;
  grpc::Status s = staffing_->CheckStaffingCompliance(
      Admin().get(), Compliance(hospital, bands, {{"actual_management", 2}}), &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(rpc::ReasonOf(AsStatus(s)), "NO_ESTABLISHMENT");
  s = staffing_->CheckStaffingCompliance(
      Admin().get(), Compliance(hospital, bands, {{"establishment", 100}, {"actual_management", 2}}), &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::UNIMPLEMENTED);
  EXPECT_EQ(rpc::ReasonOf(AsStatus(s)), "ACTUALS_NOT_COUNTED");
  EXPECT_NE(s.error_message().find("actual_professional_technical, actual_support"), std::string::npos)
      << s.error_message();
  const std::string seats = MustCreate("座席", kSeats).name();
  s = staffing_->CheckStaffingCompliance(
      Admin().get(), Compliance(hospital, seats, {{"households", 130000}, {"actual_nurses", 3}}), &out);
  EXPECT_EQ(FieldsOf(s), std::set<std::string>{"inputs"});
  s = staffing_->CheckStaffingCompliance(
      Admin().get(), Compliance(hospital, seats, {{"households", 130000}, {"actual_total", 6}}), &out);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_TRUE(out.compliant());
  EXPECT_EQ(out.lines(0).actual(), 6);
  EXPECT_EQ(out.lines(0).actual_bp(), 0);  // shares are for percentage bands only
}

TEST_F(StaffingCalculatorApi, ComplianceStaysInTheCallersScope) {
  const std::string county = AddUnit("县金融服务中心", "");
  const std::string town_a = AddUnit("柳泉镇金融服务部", county);
  const std::string town_b = AddUnit("牛驼镇金融服务站", county);
  const std::string village = AddUnit("东红寺村金融扶贫服务站", town_a);
  const std::string seats = MustCreate("座席", kSeats).name();
  auto on = [&](const std::string& unit) {
    return Compliance(unit, seats, {{"households", 130000}, {"actual_total", 6}});
  };
  v1::StaffingCompliance out;
  auto township = [&] { return As("staff/t", {"hr"}, town_a); };
  EXPECT_TRUE(staffing_->CheckStaffingCompliance(township().get(), on(village), &out).ok());
  EXPECT_TRUE(staffing_->CheckStaffingCompliance(township().get(), on(county), &out).ok());  // above: visible
  EXPECT_EQ(staffing_->CheckStaffingCompliance(township().get(), on(town_b), &out).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(staffing_->CheckStaffingCompliance(As("staff/x", {}).get(), on(village), &out).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_TRUE(staffing_->CheckStaffingCompliance(As("svc-loans", {"service"}).get(), on(town_b), &out).ok());
  EXPECT_EQ(staffing_->CheckStaffingCompliance(Admin().get(), on("units/01J00000000000000000000000"), &out)
                .error_code(),
            grpc::StatusCode::NOT_FOUND);
  v1::CheckStaffingComplianceRequest bad;
  bad.set_unit("posts/1");
  bad.mutable_as_of()->set_month(13);
  bad.set_version(-2);
  EXPECT_EQ(FieldsOf(staffing_->CheckStaffingCompliance(Admin().get(), bad, &out)),
            (std::set<std::string>{"unit", "standard", "version", "as_of"}));
}

}  // namespace
}  // namespace huinong::org
