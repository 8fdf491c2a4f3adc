// What every handler class of svc-loans shares, so the seven services of the
// package act as one: one handler kit (pool, gate, business clock, the
// service's identity in audit events), one view of svc-org (capabilities,
// the unit tree, work calendars; cached, see common/org_directory/org_view.h)
// and the workflow's, the township breaker's and the risk fund's metrics.
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
#include "svc-loans/src/api/fund_metrics.h"
#include "svc-loans/src/app/loans_identity.h"

namespace huinong::loans {

struct LoansKit {
  LoansKit(db::DbPool& pool, const server::CallGate& gate, std::shared_ptr<const BusinessClock> clock,
           std::shared_ptr<org_directory::OrgView> org_view, metrics::Registry& registry)
      : kit(pool, gate, std::move(clock), LoansIdentity()),
        org(std::move(org_view)),
        application_metrics(registry, pool, kit.clock()),
        breaker_metrics(registry, pool, kit.clock()),
        fund_metrics(registry, pool, kit.clock()) {}

  const server::HandlerKit kit;
  const std::shared_ptr<org_directory::OrgView> org;
  ApplicationMetrics application_metrics;
  BreakerMetrics breaker_metrics;
  FundMetrics fund_metrics;
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
