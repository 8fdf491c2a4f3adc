// See change_gate.h.
#include "svc-org/src/app/change_gate.h"

#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "common/rpc/errors.h"
#include "svc-org/src/app/access.h"
#include "svc-org/src/store/change_store.h"

namespace huinong::org {

absl::Status CheckDirectChangeAllowed(sql::Connection& conn, const auth::Principal& caller,
                                      const std::string& unit_id) {
  if (unit_id.empty() || caller.IsAdmin()) return absl::OkStatus();
  ASSIGN_OR_RETURN(Unit unit, LoadUnit(conn, unit_id));
  ASSIGN_OR_RETURN(std::optional<ApprovalChain> chain, store::NearestChain(conn, PathIds(unit.path)));
  if (!chain || !chain->require_change_requests) return absl::OkStatus();
  return rpc::FailedPrecondition(
      "CHANGE_REQUEST_REQUIRED",
      absl::StrCat("approvalChains/", chain->id, " (", chain->title,
                   ") requires a change request for structural changes here"));
}

}  // namespace huinong::org
