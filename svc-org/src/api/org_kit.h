// What every handler class of svc-org shares, so the seven services of the
// package (UnitService, PostService, StaffService, ChangeService,
// StaffingService, OrgQueryService, CalendarService) act as one: one handler kit (pool, gate,
// business clock, the service's identity in audit events), one cache of
// callers' scopes and one cache of capability grants. A write through any
// service invalidates the grants cache that CheckCapability answers from.
//
// OrgHandlers is the base of each handler class: the members its handler
// bodies use, all reaching into one shared OrgKit (kept alive by each class
// that holds it).
#pragma once

#include <memory>

#include "absl/time/time.h"
#include "common/core/business_clock.h"
#include "common/db/pool.h"
#include "common/server/call_gate.h"
#include "common/server/handler_kit.h"
#include "svc-org/src/api/caller_scope.h"
#include "svc-org/src/domain/capability_cache.h"

namespace huinong::org {

// How stale a capability answer can be after a change made through another
// replica (or a unit move); changes through this replica are seen at once.
inline constexpr absl::Duration kCapabilityCacheTtl = absl::Seconds(5);

struct OrgKit {
  OrgKit(db::DbPool& pool, const server::CallGate& gate, std::shared_ptr<const BusinessClock> clock);

  const server::HandlerKit kit;
  CallerScopes scopes;  // one cache of callers' unit paths for every handler
  // Each person's grants, for CheckCapability (see domain/capability_cache.h):
  // changes through this replica are seen at once (writers invalidate after
  // commit), changes through other replicas within kCapabilityCacheTtl.
  CapabilityCache grants;
};

class OrgHandlers {
 protected:
  explicit OrgHandlers(std::shared_ptr<OrgKit> org)
      : org_(std::move(org)),
        kit_(org_->kit),
        pool_(kit_.pool()),
        gate_(kit_.gate()),
        scopes_(org_->scopes),
        grants_(org_->grants) {}

  std::shared_ptr<OrgKit> org_;
  const server::HandlerKit& kit_;
  db::DbPool& pool_;
  const server::CallGate& gate_;
  CallerScopes& scopes_;
  CapabilityCache& grants_;
};

}  // namespace huinong::org
