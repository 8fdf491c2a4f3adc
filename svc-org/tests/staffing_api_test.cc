// The staffing-standard registry through a real gRPC server and a real
// MariaDB: validation naming every field, who may change standards,
// idempotent retries, versions (DRAFT edited in place, ACTIVE frozen and
// superseded), etags, status transitions, keyset pagination with filters,
// and one audit event per change through the outbox.
#include <google/protobuf/text_format.h>
#include <gtest/gtest.h>

#include "svc-org/tests/staffing_fixture.h"

namespace huinong::org {
namespace {

constexpr char kSeats[] = R"(
  source: "004:117"
  per_unit { driver: "households" per { micros: 20000000000 } rounding: ROUNDING_MODE_DOWN })";

constexpr char kWard[] = R"(
  ratio_pyramid {
    base_driver: "beds"
    tiers { role: "doctors" relative_to: "beds" ratio { micros: 200000 } rounding: ROUNDING_MODE_DOWN }
  })";

class StaffingStandardsApi : public StaffingFixture {
 protected:
  v1::UpdateStaffingStandardRequest Update(const std::string& request_id, const v1::StaffingStandard& current,
                                           const std::vector<std::string>& paths) {
    v1::UpdateStaffingStandardRequest req;
    req.set_request_id(request_id);
    req.mutable_standard()->set_name(current.name());
    req.mutable_standard()->set_etag(current.etag());
    for (const auto& p : paths) req.mutable_update_mask()->add_paths(p);
    return req;
  }

  v1::StaffingStandard Get(const std::string& name, int version = 0) {
    v1::GetStaffingStandardRequest req;
    req.set_name(name);
    req.set_version(version);
    v1::StaffingStandard out;
    grpc::Status s = staffing_->GetStaffingStandard(As("reader", {}).get(), req, &out);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return out;
  }

  std::string Rows(const std::string& table) { return db_->Scalar("SELECT COUNT(*) FROM " + table); }
};

TEST_F(StaffingStandardsApi, CreateThenGetReturnsTheSameStandard) {
  v1::StaffingStandard created = MustCreate("呼叫中心座席", kSeats);
  EXPECT_EQ(created.name().rfind("staffingStandards/", 0), 0u);
  EXPECT_EQ(created.version(), 1);
  EXPECT_EQ(created.etag(), "1.1");
  EXPECT_EQ(created.status(), v1::STAFFING_STANDARD_STATUS_ACTIVE);
  v1::StaffingStandard got = Get(created.name());
  EXPECT_EQ(got.SerializeAsString(), created.SerializeAsString());
  EXPECT_EQ(got.per_unit().per().micros(), 20000000000);
  EXPECT_EQ(got.per_unit().rounding(), v1::ROUNDING_MODE_DOWN);
  EXPECT_EQ(got.source(), "004:117");
}

TEST_F(StaffingStandardsApi, ANewStandardIsADraftUnlessActive) {
  v1::StaffingStandard draft = MustCreate("draft", kSeats, v1::STAFFING_STANDARD_STATUS_UNSPECIFIED);
  EXPECT_EQ(draft.status(), v1::STAFFING_STANDARD_STATUS_DRAFT);
  v1::CreateStaffingStandardRequest req;
  req.set_request_id("retired-1");
  ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(kSeats, req.mutable_standard()));
  req.mutable_standard()->set_title("retired at birth");
  req.mutable_standard()->set_status(v1::STAFFING_STANDARD_STATUS_RETIRED);
  v1::StaffingStandard out;
  grpc::Status s = staffing_->CreateStaffingStandard(Admin().get(), req, &out);
  EXPECT_EQ(FieldsOf(s), std::set<std::string>{"standard.status"});
}

TEST_F(StaffingStandardsApi, InvalidCreateNamesEveryBadFieldAndWritesNothing) {
  v1::CreateStaffingStandardRequest req;
  ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(R"(
      per_unit { driver: "Households" per { micros: -1 } rounding: ROUNDING_MODE_UNSPECIFIED }
      effective_from { year: 2026 month: 2 day: 30 })", req.mutable_standard()));
  v1::StaffingStandard out;
  grpc::Status s = staffing_->CreateStaffingStandard(Admin().get(), req, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldsOf(s), (std::set<std::string>{"request_id", "standard.title", "standard.per_unit.driver",
                                                "standard.per_unit.per", "standard.per_unit.rounding",
                                                "standard.effective_from"}));
  EXPECT_EQ(Rows("staffing_standards"), "0");
  EXPECT_EQ(Rows("outbox"), "0");
}

TEST_F(StaffingStandardsApi, OnlyAdminsOrgAdminsAndHrChangeStandards) {
  v1::CreateStaffingStandardRequest req;
  req.set_request_id("perm-1");
  ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(kSeats, req.mutable_standard()));
  req.mutable_standard()->set_title("seats");
  v1::StaffingStandard out;
  EXPECT_EQ(staffing_->CreateStaffingStandard(As("aud", {"auditor"}).get(), req, &out).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  grpc::ClientContext anonymous;
  EXPECT_EQ(staffing_->CreateStaffingStandard(&anonymous, req, &out).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(Rows("staffing_standards"), "0");
  EXPECT_TRUE(staffing_->CreateStaffingStandard(Hr().get(), req, &out).ok());
  req.set_request_id("perm-2");
  EXPECT_TRUE(staffing_->CreateStaffingStandard(As("oa", {"org.admin"}).get(), req, &out).ok());
  EXPECT_EQ(Rows("staffing_standards"), "2");
}

TEST_F(StaffingStandardsApi, TheSameRequestIdTwiceCreatesOneStandard) {
  v1::CreateStaffingStandardRequest req;
  req.set_request_id("same-1");
  ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(kSeats, req.mutable_standard()));
  req.mutable_standard()->set_title("seats");
  v1::StaffingStandard first, second;
  ASSERT_TRUE(staffing_->CreateStaffingStandard(Hr().get(), req, &first).ok());
  ASSERT_TRUE(staffing_->CreateStaffingStandard(Hr().get(), req, &second).ok());
  EXPECT_EQ(first.name(), second.name());
  EXPECT_EQ(Rows("staffing_standards"), "1");
  EXPECT_EQ(OutboxEvents().size(), 1u);
  req.mutable_standard()->set_title("other seats");
  grpc::Status reused = staffing_->CreateStaffingStandard(Hr().get(), req, &second);
  EXPECT_EQ(reused.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(rpc::ReasonOf(AsStatus(reused)), "REQUEST_ID_REUSED");
}

TEST_F(StaffingStandardsApi, ADraftIsEditedInPlace) {
  v1::StaffingStandard draft = MustCreate("draft seats", kSeats, v1::STAFFING_STANDARD_STATUS_DRAFT);
  auto req = Update("edit-1", draft, {"title", "status"});
  req.mutable_standard()->set_title("座席配置标准");
  req.mutable_standard()->set_status(v1::STAFFING_STANDARD_STATUS_ACTIVE);
  v1::StaffingStandard out;
  ASSERT_TRUE(staffing_->UpdateStaffingStandard(Hr().get(), req, &out).ok());
  EXPECT_EQ(out.version(), 1);
  EXPECT_EQ(out.etag(), "1.2");
  EXPECT_EQ(out.title(), "座席配置标准");
  EXPECT_EQ(out.status(), v1::STAFFING_STANDARD_STATUS_ACTIVE);
  EXPECT_EQ(out.per_unit().per().micros(), 20000000000);  // not in the mask: kept
  EXPECT_EQ(Get(draft.name(), 1).title(), "座席配置标准");
  EXPECT_EQ(Rows("staffing_standard_versions"), "1");
}

TEST_F(StaffingStandardsApi, AnActiveStandardGetsANewVersionAndKeepsTheOld) {
  v1::StaffingStandard v1_ = MustCreate("seats", kSeats);
  auto req = Update("version-1", v1_, {"rule"});
  ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(
      R"(per_unit { driver: "households" per { micros: 10000000000 } rounding: ROUNDING_MODE_UP })",
      req.mutable_standard()));
  req.mutable_standard()->set_name(v1_.name());
  req.mutable_standard()->set_etag(v1_.etag());
  v1::StaffingStandard v2;
  ASSERT_TRUE(staffing_->UpdateStaffingStandard(Hr().get(), req, &v2).ok());
  EXPECT_EQ(v2.version(), 2);
  EXPECT_EQ(v2.etag(), "2.1");
  EXPECT_EQ(v2.title(), "seats");
  EXPECT_EQ(Get(v1_.name()).per_unit().per().micros(), 10000000000);
  EXPECT_EQ(Get(v1_.name(), 1).per_unit().per().micros(), 20000000000);
  EXPECT_EQ(Get(v1_.name(), 1).etag(), "1.1");
  // The first version's etag is stale now.
  auto stale = Update("version-2", v1_, {"title"});
  stale.mutable_standard()->set_title("late");
  v1::StaffingStandard out;
  grpc::Status s = staffing_->UpdateStaffingStandard(Hr().get(), stale, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::ABORTED);
  EXPECT_EQ(rpc::ReasonOf(AsStatus(s)), "STALE_ETAG");
  v1::GetStaffingStandardRequest missing;
  missing.set_name(v1_.name());
  missing.set_version(3);
  EXPECT_EQ(staffing_->GetStaffingStandard(Admin().get(), missing, &out).error_code(), grpc::StatusCode::NOT_FOUND);
}

TEST_F(StaffingStandardsApi, StatusOnlyMovesForward) {
  v1::StaffingStandard active = MustCreate("seats", kSeats);
  v1::StaffingStandard out;
  auto back = Update("back-1", active, {"status"});
  back.mutable_standard()->set_status(v1::STAFFING_STANDARD_STATUS_DRAFT);
  grpc::Status s = staffing_->UpdateStaffingStandard(Hr().get(), back, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(rpc::ReasonOf(AsStatus(s)), "INVALID_TRANSITION");

  auto retire = Update("retire-1", active, {"status"});
  retire.mutable_standard()->set_status(v1::STAFFING_STANDARD_STATUS_RETIRED);
  v1::StaffingStandard retired;
  ASSERT_TRUE(staffing_->UpdateStaffingStandard(Hr().get(), retire, &retired).ok());
  EXPECT_EQ(retired.version(), 2);
  EXPECT_EQ(Get(active.name(), 1).status(), v1::STAFFING_STANDARD_STATUS_ACTIVE);

  auto revive = Update("revive-1", retired, {"status"});
  revive.mutable_standard()->set_status(v1::STAFFING_STANDARD_STATUS_ACTIVE);
  s = staffing_->UpdateStaffingStandard(Hr().get(), revive, &out);
  EXPECT_EQ(rpc::ReasonOf(AsStatus(s)), "INVALID_TRANSITION");
  EXPECT_EQ(Rows("staffing_standard_versions"), "2");
}

TEST_F(StaffingStandardsApi, UpdateChecksOnlyTheMaskedFields) {
  v1::StaffingStandard active = MustCreate("seats", kSeats);
  auto req = Update("mask-1", active, {"title", "per_unit", "status"});
  req.mutable_standard()->set_title("");
  req.mutable_standard()->clear_etag();
  req.set_request_id("");
  v1::StaffingStandard out;
  grpc::Status s = staffing_->UpdateStaffingStandard(Hr().get(), req, &out);
  // The rule is unset but not masked ("per_unit" is not a mask path): not named.
  EXPECT_EQ(FieldsOf(s), (std::set<std::string>{"request_id", "standard.etag", "update_mask",
                                                "standard.title", "standard.status"}));
}

TEST_F(StaffingStandardsApi, ListPagesByIdWithFilters) {
  std::vector<std::string> names;
  for (const char* title : {"Call-centre seats", "病床医师比", "Vehicle managers", "call SEATS draft", "综合管理"}) {
    names.push_back(MustCreate(title, kWard).name());
  }
  v1::StaffingStandard to_retire = Get(names[3]);
  auto retire = Update("d-1", to_retire, {"status"});
  retire.mutable_standard()->set_status(v1::STAFFING_STANDARD_STATUS_RETIRED);
  v1::StaffingStandard out;
  ASSERT_TRUE(staffing_->UpdateStaffingStandard(Hr().get(), retire, &out).ok());

  std::vector<std::string> seen;
  v1::ListStaffingStandardsRequest req;
  req.set_page_size(2);
  int pages = 0;
  do {
    v1::ListStaffingStandardsResponse resp;
    ASSERT_TRUE(staffing_->ListStaffingStandards(As("r", {}).get(), req, &resp).ok());
    for (const auto& s : resp.standards()) seen.push_back(s.name());
    req.set_page_token(resp.next_page_token());
    ++pages;
  } while (!req.page_token().empty());
  EXPECT_EQ(seen, names);  // ULIDs sort in creation order
  EXPECT_EQ(pages, 3);

  v1::ListStaffingStandardsRequest filtered;
  filtered.set_title_contains("seats");
  v1::ListStaffingStandardsResponse resp;
  ASSERT_TRUE(staffing_->ListStaffingStandards(As("r", {}).get(), filtered, &resp).ok());
  ASSERT_EQ(resp.standards_size(), 2);
  EXPECT_EQ(resp.standards(1).version(), 2);  // the latest version of each
  filtered.set_status(v1::STAFFING_STANDARD_STATUS_ACTIVE);
  resp.Clear();
  ASSERT_TRUE(staffing_->ListStaffingStandards(As("r", {}).get(), filtered, &resp).ok());
  ASSERT_EQ(resp.standards_size(), 1);
  EXPECT_EQ(resp.standards(0).title(), "Call-centre seats");

  v1::ListStaffingStandardsRequest literal;  // LIKE wildcards in the filter are literal characters
  literal.set_title_contains("%");
  resp.Clear();
  ASSERT_TRUE(staffing_->ListStaffingStandards(As("r", {}).get(), literal, &resp).ok());
  EXPECT_EQ(resp.standards_size(), 0);

  v1::ListStaffingStandardsRequest first_page;
  first_page.set_page_size(1);
  resp.Clear();
  ASSERT_TRUE(staffing_->ListStaffingStandards(As("r", {}).get(), first_page, &resp).ok());
  first_page.set_page_token(resp.next_page_token());
  first_page.set_title_contains("%");
  EXPECT_EQ(FieldsOf(staffing_->ListStaffingStandards(As("r", {}).get(), first_page, &resp)),
            std::set<std::string>{"page_token"});
}

TEST_F(StaffingStandardsApi, EveryChangeWritesOneAuditEventAndARefusalNone) {
  v1::StaffingStandard created = MustCreate("seats", kSeats);
  auto req = Update("audit-1", created, {"description"});
  req.mutable_standard()->set_description("按照每2万户为标准开通一个座席");
  v1::StaffingStandard updated;
  ASSERT_TRUE(staffing_->UpdateStaffingStandard(As("staff/hr-7", {"hr"}).get(), req, &updated).ok());
  ASSERT_TRUE(staffing_->UpdateStaffingStandard(As("staff/hr-7", {"hr"}).get(), req, &updated).ok());  // retry
  auto stale = Update("audit-2", created, {"title"});
  stale.mutable_standard()->set_title("x");
  EXPECT_FALSE(staffing_->UpdateStaffingStandard(Hr().get(), stale, &updated).ok());

  auto events = OutboxEvents();
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].action(), "org.CreateStaffingStandard");
  EXPECT_EQ(events[0].resource_type(), "staffing_standard");
  EXPECT_EQ(events[0].resource_id(), created.name());
  EXPECT_EQ(events[0].service(), "svc-org");
  EXPECT_EQ(events[0].actor().subject(), "admin");
  EXPECT_EQ(events[1].action(), "org.UpdateStaffingStandard");
  EXPECT_EQ(events[1].actor().subject(), "staff/hr-7");
  EXPECT_EQ(events[1].request_id(), "audit-1");
  EXPECT_NE(events[1].after_json().find("按照每2万户"), std::string::npos);
  EXPECT_NE(events[1].before_json().find("\"version\":1"), std::string::npos) << events[1].before_json();
  EXPECT_NE(events[1].after_json().find("\"version\":2"), std::string::npos) << events[1].after_json();
}

TEST_F(StaffingStandardsApi, GetNamesAMalformedNameAndAnUnknownOne) {
  v1::GetStaffingStandardRequest req;
  v1::StaffingStandard out;
  req.set_name("units/x");
  req.set_version(-1);
  EXPECT_EQ(FieldsOf(staffing_->GetStaffingStandard(Admin().get(), req, &out)),
            (std::set<std::string>{"name", "version"}));
  req.set_name("staffingStandards/01J00000000000000000000000");
  req.set_version(0);
  EXPECT_EQ(staffing_->GetStaffingStandard(Admin().get(), req, &out).error_code(), grpc::StatusCode::NOT_FOUND);
}

}  // namespace
}  // namespace huinong::org
