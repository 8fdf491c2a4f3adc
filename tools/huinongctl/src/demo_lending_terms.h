// The demo county's lending terms as the API takes them: the 固安 county
// policy (the seeds' settings, base rate 435 bp as the demo's, 政银企户保,
// its partners) and the two products (扶贫小额信贷, 产业发展贷款), with the
// money and date helpers the demo's loading uses. Pure data, no calls.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "huinong/loans/v1/applications.pb.h"
#include "huinong/loans/v1/products.pb.h"
#include "huinong/type/v1/types.pb.h"

namespace huinong::ctl {

// The base rate (the seeds give none: 435 bp, the one-to-five-year benchmark of those years).
inline constexpr int kDemoBaseRateBp = 435;
// Above this, disbursements use entrusted payment (受托支付, `000:1535`; the
// seeds give no amount: 500,000 CNY is the demo's, as in the domain defaults).
inline constexpr int64_t kEntrustedThresholdFen = 50'000'000;

type::v1::Money Yuan(int64_t yuan);
type::v1::Date DateOf(absl::CivilDay day);
// A document of `kind` with its own `number` (may be empty), kept under the
// demo's document store at `path`.
type::v1::DocumentRef DemoDocument(const std::string& kind, const std::string& number, const std::string& path);

// The county's policy from `from`, lending with `banks`, the guarantee
// company and the insurer (units).
loans::v1::CountyPolicy DemoCountyPolicy(const std::string& county, absl::CivilDay from,
                                         const std::vector<std::string>& banks, const std::string& guarantee_company,
                                         const std::string& insurer);
loans::v1::Product SmallLoanProduct();
loans::v1::Product IndustryProduct();

}  // namespace huinong::ctl
