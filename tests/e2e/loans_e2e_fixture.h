// The demo county's lending parties for end-to-end tests through the
// gateway with huinongctl: the people of one demo village's lending chain
// (agent, township director, county reviewer), the partners the county
// policy names (the credit union, the Agricultural Bank, the guarantee
// company, PICC's desk), each found at test time by capability and unit,
// with a token; the demo products; and unique ID-card numbers and credit
// codes (a correct check character) so a test can run again on the same
// suite. LoansE2E's fixture serves 大韩寨村; a test of another village names
// it in the constructor.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "common/core/business_clock.h"
#include "huinong/audit/v1/audit.pb.h"
#include "huinong/loans/v1/applications.pb.h"
#include "huinong/loans/v1/products.pb.h"
#include "huinong/org/v1/queries.pb.h"
#include "huinong/org/v1/units.pb.h"
#include "svc-loans/src/domain/credit_code.h"
#include "svc-loans/src/domain/id_card.h"
#include "tests/e2e/ctl.h"
#include "tests/e2e/suite.h"

namespace huinong::e2e {

namespace v1 = ::huinong::loans::v1;
namespace org = ::huinong::org::v1;

struct Person {
  std::string staff;
  std::string token;
};

inline std::string Day(absl::CivilDay day) { return absl::FormatCivilTime(day); }

// A number from this run's unique suffix, for unique ID cards and codes.
inline int RunNumber(int modulo) {
  const std::string u = Unique();
  return static_cast<int>(std::hash<std::string>()(u) % static_cast<size_t>(modulo));
}

inline std::string IdCard(absl::CivilDay born) {
  const std::string first17 =
      absl::StrFormat("131022%04d%02d%02d%03d", born.year(), born.month(), born.day(), RunNumber(1000));
  return first17 + loans::IdCardCheckCharacter(first17);
}

inline std::string CreditCode() {
  const std::string first17 = absl::StrFormat("93131022MA%07d", RunNumber(10000000));
  return first17 + loans::CreditCodeCheckCharacter(first17);
}

class LoansE2E : public ::testing::Test {
 protected:
  explicit LoansE2E(std::string village = "大韩寨村") : village_name_(std::move(village)) {}

  void SetUp() override {
    ASSERT_TRUE(Suite::Get().ok());
    today_ = (*BusinessClock::System(kDefaultCountyTimeZone))->Today();
    const auto villages = Json<org::ListUnitsResponse>("", {"unit", "list", "--level", "village", "--all"});
    for (const org::Unit& u : villages.units()) {
      if (u.display_name() == village_name_ + "金融扶贫服务站") village_ = u.name();
    }
    const auto companies = Json<org::ListUnitsResponse>("", {"unit", "list", "--kind", "company", "--all"});
    std::string picc;
    for (const org::Unit& u : companies.units()) {
      if (!u.parent().empty()) continue;
      if (u.display_name() == "固安县农村信用合作联社") rcu_ = u.name();
      if (u.display_name() == "中国农业银行固安县支行") abc_ = u.name();
      if (u.display_name() == "固安县扶贫开发担保有限公司") guarantee_company_ = u.name();
      if (u.display_name() == "人保财险固安支公司") picc = u.name();
    }
    ASSERT_FALSE(village_.empty() || rcu_.empty() || abc_.empty() || guarantee_company_.empty() || picc.empty())
        << "the demo organisations are missing: was `demo load` run?";
    picc_ = picc;
    agent_ = Holder("loans.intake", village_);
    director_ = Holder("loans.survey.lead", village_);
    reviewer_ = Holder("loans.review.county", village_);
    guarantor_ = Holder("loans.guarantee", guarantee_company_);
    insurer_ = Holder("loans.insure", ChildOf(picc));
    rcu_officer_ = Holder("loans.contract", ChildOf(rcu_));
    abc_officer_ = Holder("loans.contract", abc_);
    const auto products = Json<v1::ListProductsResponse>(agent_.token, {"product", "list"});
    for (const v1::Product& p : products.products()) {
      if (p.kind() == v1::PRODUCT_KIND_POVERTY_SMALL_LOAN) small_ = p.name();
      if (p.kind() == v1::PRODUCT_KIND_INDUSTRY_DEVELOPMENT) industry_ = p.name();
    }
    ASSERT_FALSE(small_.empty() || industry_.empty()) << "the demo products are missing";
  }

  // The one child unit of `parent` (a bank's department, PICC's desk).
  std::string ChildOf(const std::string& parent) {
    const auto units = Json<org::ListUnitsResponse>("", {"unit", "list", "--parent", parent});
    EXPECT_EQ(units.units_size(), 1) << parent;
    return units.units_size() > 0 ? units.units(0).name() : "";
  }

  // The nearest holder of `capability` for `unit` (not acting), with their token.
  Person Holder(const std::string& capability, const std::string& unit) {
    const auto holders = Json<org::ListCapabilityHoldersResponse>(
        "", {"capability", "holders", capability, unit, "--nearest", "--exclude-acting"});
    EXPECT_GE(holders.holders_size(), 1) << capability << " at " << unit;
    if (holders.holders_size() == 0) return {};
    const org::CapabilityGrant& grant = holders.holders(0);
    return {grant.staff(), MintToken(grant.staff(), "staff", grant.post_unit())};
  }

  v1::Application Step(const Person& who, std::vector<std::string> words) {
    return Json<v1::Application>(who.token, std::move(words));
  }

  // The actors of `resource`'s events in svc-audit, as the admin reads
  // them, once at least `steps` have arrived: each service's outbox relay
  // delivers after its commit, so the last steps may still be on their way.
  std::vector<std::string> AuditActors(const std::string& resource, int steps) {
    const absl::Time give_up = absl::Now() + absl::Seconds(20);
    audit::v1::SearchEventsResponse events;
    do {
      events = Json<audit::v1::SearchEventsResponse>("", {"audit", "search", "--resource-id", resource, "--all"});
      if (events.events_size() >= steps) break;
      absl::SleepFor(absl::Milliseconds(200));
    } while (absl::Now() < give_up);
    std::vector<std::string> actors;
    for (const audit::v1::Event& e : events.events()) actors.push_back(e.actor().subject());
    return actors;
  }

  const std::string village_name_;
  absl::CivilDay today_;
  std::string village_, rcu_, abc_, guarantee_company_, picc_, small_, industry_;
  Person agent_, director_, reviewer_, guarantor_, insurer_, rcu_officer_, abc_officer_;
};

}  // namespace huinong::e2e
