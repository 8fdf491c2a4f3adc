// See loans_fixture.h.
#include "svc-loans/tests/loans_fixture.h"

#include <map>

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <grpcpp/create_channel.h>

#include "absl/strings/str_cat.h"
#include "common/server/tests/in_process.h"
#include "svc-loans/src/store/migrations.h"

namespace huinong::loans {
namespace {

// staff id -> the unit its grants are at (and that it acts for).
const std::map<std::string, std::string>& People() {
  static const auto* people = new std::map<std::string, std::string>{
      {"clerk11", "v11"},    {"clerk21", "v21"},        {"clerk1", "town1"},
      {"director1", "town1"},  {"director2", "town2"},  {"reviewer", "county"}, {"reviewer2", "county"},
      {"policy", "county"},     {"guarantee", "guarantor"}, {"insure", "picc"},
      {"rcc-officer", "rcc-b1"}, {"abc-officer", "abc"}, {"guarantee2", "guarantor2"}, {"ccb-officer", "ccb"},
      {"insure2", "picc2"},
  };
  return *people;
}

}  // namespace

void LoansFixture::SetUp() {
  ASSERT_NO_FATAL_FAILURE(server::OpenTestDatabase("loans", Migrations(), db_, pool_));

  using type::v1::LEVEL_COUNTY, type::v1::LEVEL_TOWNSHIP, type::v1::LEVEL_VILLAGE, type::v1::LEVEL_UNSPECIFIED;
  org_->AddUnit("county", LEVEL_COUNTY);
  org_->AddUnit("town1", LEVEL_TOWNSHIP, "county");
  org_->AddUnit("town2", LEVEL_TOWNSHIP, "county");
  org_->AddUnit("v11", LEVEL_VILLAGE, "town1");
  org_->AddUnit("v12", LEVEL_VILLAGE, "town1");
  org_->AddUnit("v21", LEVEL_VILLAGE, "town2");
  org_->AddUnit("risk", LEVEL_UNSPECIFIED, "county");
  org_->AddUnit("rcc", LEVEL_UNSPECIFIED);
  org_->AddUnit("rcc-b1", LEVEL_UNSPECIFIED, "rcc");
  org_->AddUnit("abc", LEVEL_UNSPECIFIED);
  org_->AddUnit("guarantor", LEVEL_UNSPECIFIED);
  org_->AddUnit("picc", LEVEL_UNSPECIFIED);
  // A bank and a guarantee company that the county's policy does not name.
  org_->AddUnit("ccb", LEVEL_UNSPECIFIED);
  org_->AddUnit("guarantor2", LEVEL_UNSPECIFIED);
  org_->AddUnit("picc2", LEVEL_UNSPECIFIED);
  org_->Grant("clerk11", "loans.intake", "v11");
  org_->Grant("clerk21", "loans.intake", "v21");
  org_->Grant("clerk1", "loans.intake", "town1");
  org_->Grant("director1", "loans.survey.lead", "town1");
  org_->Grant("director2", "loans.survey.lead", "town2");
  org_->Grant("reviewer", "loans.review.county", "county");
  org_->Grant("reviewer2", "loans.review.county", "county");
  org_->Grant("policy", "loans.policy", "county");
  org_->Grant("guarantee", "loans.guarantee", "guarantor");
  org_->Grant("insure", "loans.insure", "picc");
  org_->Grant("guarantee2", "loans.guarantee", "guarantor2");
  org_->Grant("insure2", "loans.insure", "picc2");
  org_->Grant("ccb-officer", "loans.contract", "ccb");
  for (const char* bank : {"rcc-b1", "abc"}) {
    const std::string officer = std::string(bank) == "abc" ? "abc-officer" : "rcc-officer";
    org_->Grant(officer, "loans.contract", bank);
    org_->Grant(officer, "loans.disburse", bank);
  }

  loans_kit_ = std::make_shared<LoansKit>(*pool_, callers_.gate(), clock_, org_, registry_);
  services_ = LoansServices(loans_kit_);
  auto channel = server::HostInProcess(services_, registry_, callers_.gate(), host_);
  ASSERT_NE(channel, nullptr);
  borrowers_ = v1::BorrowerService::NewStub(channel);
  products_ = v1::ProductService::NewStub(channel);
  applications_ = v1::ApplicationService::NewStub(channel);
  servicing_ = v1::ServicingService::NewStub(channel);
  breakers_ = v1::TownshipBreakerService::NewStub(channel);
  subsidies_ = v1::SubsidyService::NewStub(channel);
  cob_ = v1::CloseOfBusinessService::NewStub(channel);
  funds_ = v1::RiskFundService::NewStub(channel);
}

void LoansFixture::TearDown() { server::StopInProcess(host_); }

std::unique_ptr<grpc::ClientContext> LoansFixture::AsStaff(const std::string& staff_id, const std::string& unit_id) {
  return callers_.As(absl::StrCat("staff/", staff_id), {}, absl::StrCat("units/", unit_id));
}

std::unique_ptr<grpc::ClientContext> LoansFixture::As(const std::string& staff_id) {
  auto it = People().find(staff_id);
  EXPECT_NE(it, People().end()) << staff_id << " is not one of the fixture's people";
  return AsStaff(staff_id, it == People().end() ? "" : it->second);
}

std::vector<audit::v1::Event> LoansFixture::OutboxEvents() const {
  std::vector<audit::v1::Event> events;
  auto conn = db_->Admin();
  std::unique_ptr<sql::Statement> st(conn->createStatement());
  std::unique_ptr<sql::ResultSet> rs(st->executeQuery("SELECT payload FROM outbox ORDER BY seq"));
  while (rs->next()) {
    EXPECT_TRUE(events.emplace_back().ParseFromString(rs->getString(1)));
  }
  return events;
}

int64_t LoansFixture::Count(const std::string& sql) {
  auto conn = pool_->Connect();
  EXPECT_TRUE(conn.ok()) << conn.status();
  if (!conn.ok()) return -1;
  std::unique_ptr<sql::PreparedStatement> q((*conn)->prepareStatement(sql));
  std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
  return rs->next() ? rs->getInt64(1) : -1;
}

}  // namespace huinong::loans
