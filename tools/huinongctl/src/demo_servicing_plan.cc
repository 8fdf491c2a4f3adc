// The servicing history's plan (demo_servicing.h): which demo application's
// loans stand how, and the lending plan's records they belong to. Data only.
#include "tools/huinongctl/src/demo_servicing.h"

namespace huinong::ctl {
namespace {

namespace v1 = ::huinong::loans::v1;

std::vector<DemoServicedLoan> Build() {
  using S = DemoStanding;
  std::vector<DemoServicedLoan> plan;
  plan.push_back({.application = "zhang-xiuying-small", .standing = S::kCurrent});
  plan.push_back({.application = "dahanzhai-coop-industry", .standing = S::kCurrent, .extend_months = 6});
  plan.push_back({.application = "yang-shulan-small", .standing = S::kCurrent,
                  .visits = {{.after_days = 45, .findings = "设施大棚已建成，草莓苗长势良好，贷款按约定用途使用"}}});
  plan.push_back({.application = "liuquan-coop-industry", .standing = S::kCurrent});
  plan.push_back({.application = "ma-jinbao-small", .standing = S::kOverdue});
  plan.push_back({.application = "gao-fusheng-small", .standing = S::kNonPerforming,
                  .visits = {{.after_days = 120,
                              .findings = "夏季涝灾致玉米减产，家庭收入下降，本人表示秋后出售余粮后还款",
                              .production = v1::PRODUCTION_STATUS_DIFFICULTIES,
                              .follow_up = true}}});
  plan.push_back({.application = "han-guiying-small", .standing = S::kSettled, .subsidy = true});
  plan.push_back({.application = "song-laiwang-small", .standing = S::kWrittenOff});
  return plan;
}

}  // namespace

const DemoBorrower& DemoBorrowerOf(const DemoApplication& application) {
  for (const DemoBorrower& b : DemoLendingPlan().borrowers) {
    if (b.key == application.borrower) return b;
  }
  return DemoLendingPlan().borrowers.front();  // unreachable: demo_servicing_test.cc checks the plans
}

const DemoApplication& DemoApplicationOf(const std::string& key) {
  for (const DemoApplication& a : DemoLendingPlan().applications) {
    if (a.key == key) return a;
  }
  return DemoLendingPlan().applications.front();  // unreachable: demo_servicing_test.cc checks the plans
}

const std::vector<DemoServicedLoan>& DemoServicingPlan() {
  static const auto* plan = new std::vector<DemoServicedLoan>(Build());
  return *plan;
}

}  // namespace huinong::ctl
