// What every handler class of svc-loans shares, so the eight services of the
// package act as one: one handler kit (pool, gate, business clock, the
// service's identity in audit events), one view of svc-org (capabilities,
// the unit tree, work calendars; cached, see common/org_directory/org_view.h),
// the workflow's, the township breaker's, the subsidy claims', the risk
// fund's and the close-of-business job's metrics, and the one
// close-of-business job that both its RPCs and the background schedule
// (main.cc) run.
//
// LoansHandlers is the base of each handler class: the members its handler
// bodies use, all reaching into one shared LoansKit (kept alive by each class
// that holds it).
#pragma once

#include <memory>

#include "common/core/business_clock.h"
#include "common/db/pool.h"
#include "common/org_directory/org_view.h"
#include "common/server/call_gate.h"
#include "common/server/handler_kit.h"
#include "svc-loans/src/api/application_metrics.h"
#include "svc-loans/src/api/breaker_metrics.h"
#include "svc-loans/src/api/subsidy_metrics.h"
#include "svc-loans/src/api/close_of_business_mapping.h"
#include "svc-loans/src/api/fund_metrics.h"
#include "svc-loans/src/app/loans_identity.h"
#include "svc-loans/src/jobs/close_of_business_job.h"
#include "svc-loans/src/jobs/close_of_business_metrics.h"

namespace huinong::loans {

struct LoansKit {
  LoansKit(db::DbPool& pool, const server::CallGate& gate, std::shared_ptr<const BusinessClock> clock,
           std::shared_ptr<org_directory::OrgView> org_view, metrics::Registry& registry,
           CobSettings cob_settings = {})
      : kit(pool, gate, clock, LoansIdentity()),
        org(std::move(org_view)),
        application_metrics(registry, pool, kit.clock()),
        breaker_metrics(registry, pool, kit.clock()),
        subsidy_metrics(registry, pool, kit.clock()),
        fund_metrics(registry, pool, kit.clock()),
        cob_metrics(registry, pool, kit.clock()),
        cob(std::make_shared<CloseOfBusinessJob>(pool, std::move(clock), std::move(cob_settings),
                                                 CobAuditRecorders(), &cob_metrics)) {}

  const server::HandlerKit kit;
  const std::shared_ptr<org_directory::OrgView> org;
  ApplicationMetrics application_metrics;
  BreakerMetrics breaker_metrics;
  SubsidyMetrics subsidy_metrics;
  FundMetrics fund_metrics;
  CobMetrics cob_metrics;
  const std::shared_ptr<CloseOfBusinessJob> cob;
};

class LoansHandlers {
 protected:
  explicit LoansHandlers(std::shared_ptr<LoansKit> loans)
      : loans_(std::move(loans)), kit_(loans_->kit), org_(*loans_->org) {}

  std::shared_ptr<LoansKit> loans_;
  const server::HandlerKit& kit_;
  org_directory::OrgView& org_;
};

}  // namespace huinong::loans
