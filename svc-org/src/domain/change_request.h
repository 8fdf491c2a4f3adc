// The rules of change requests, free of I/O: the lifecycle table, which
// steps of an approval chain a request needs, who may decide a step, and
// when a request may still take effect.
//
// Lifecycle (one table, ChangeLifecycle(); every move goes through its Next):
//   DRAFT --SUBMIT--> IN_APPROVAL          DRAFT --WITHDRAW--> WITHDRAWN
//   IN_APPROVAL --APPROVE_STEP--> IN_APPROVAL (a step that is not the last)
//   IN_APPROVAL --APPROVE_LAST--> APPROVED
//   IN_APPROVAL --REJECT--> REJECTED       IN_APPROVAL --WITHDRAW--> WITHDRAWN
//   APPROVED, REJECTED and WITHDRAWN are final.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "common/domain/state_table.h"

namespace huinong::org {

// Numeric values match huinong.org.v1.ChangeRequestState.
enum class ChangeState { kDraft = 1, kInApproval = 2, kApproved = 3, kRejected = 4, kWithdrawn = 5 };

enum class ChangeEvent { kSubmit = 1, kApproveStep = 2, kApproveLast = 3, kReject = 4, kWithdraw = 5 };
absl::string_view ChangeStateName(ChangeState state);
absl::string_view ChangeEventName(ChangeEvent event);
const domain::StateTable<ChangeState, ChangeEvent>& ChangeLifecycle();

// One step of a chain: who must decide (a capability held for a unit) and
// for which item kinds (huinong.org.v1.ChangeKind values; empty: every request).
struct StepTemplate {
  std::string title;
  std::string capability;
  std::string at_unit_id;
  std::vector<int> applies_to;  // as configured, in its order
};

// An organisation's approval chain: the steps its change requests pass, in
// order, and whether direct structural writes inside its root's subtree
// need a change request instead (FAILED_PRECONDITION / CHANGE_REQUEST_REQUIRED,
// except for admin). The nearest chain up the tree governs a unit.
struct ApprovalChain {
  std::string id;
  std::string unit_id;  // the organisation's root; one chain per unit
  std::string title;
  std::vector<StepTemplate> steps;
  bool require_change_requests = false;
  int64_t version = 1;  // the etag
  absl::Time create_time;
  absl::Time update_time;
};

// Who may draft a request for the organisation rooted at `root_path`: admin;
// org.admin or hr acting for a unit inside the organisation or above it
// (HR usually sits in one of the organisation's departments).
bool MayDraft(bool admin, bool org_admin_or_hr, absl::string_view caller_unit_path,
              absl::string_view root_path);

// Where a request stands after a decision on its pending step `current` of
// `step_count`: a rejection ends it REJECTED; an approval moves to the next
// step, or — on the last — ends it APPROVED and its items must be applied.
// FAILED_PRECONDITION / INVALID_TRANSITION unless it awaits a decision.
struct AfterDecision {
  ChangeState state;
  int current_step;  // -1 once it has ended
  bool apply_items = false;
};
absl::StatusOr<AfterDecision> Decide(ChangeState state, int current, int step_count, bool approve);

// The indices of the chain's steps a request with these item kinds needs, in
// chain order: every step that applies to all requests or to one of the kinds.
std::vector<size_t> StepsFor(const std::vector<StepTemplate>& chain, const std::set<int>& kinds);

// The steps a request with these item kinds goes through, in chain order
// (StepsFor), as the chain named `chain_name` sets them out;
// FAILED_PRECONDITION / NO_APPLICABLE_STEP when the chain has none for them.
absl::StatusOr<std::vector<StepTemplate>> BuildApprovalSteps(const std::vector<StepTemplate>& chain,
                                                             const std::set<int>& kinds,
                                                             absl::string_view chain_name);

// What a request needs to be submitted: to be a DRAFT (FAILED_PRECONDITION /
// INVALID_TRANSITION), at least one item and an effective date (one
// INVALID_ARGUMENT naming "items" and "effective_date" for whichever is
// missing), and that date not before today (EFFECTIVE_DATE_PASSED). Returns
// the effective date.
absl::StatusOr<absl::CivilDay> CheckSubmit(ChangeState state, size_t item_count,
                                           const std::optional<absl::CivilDay>& effective, absl::CivilDay today);

// Who may decide the pending step: never the drafter (PERMISSION_DENIED /
// SELF_APPROVAL), never someone who already decided an earlier step of the
// same request (FAILED_PRECONDITION / DUPLICATE_APPROVER).
absl::Status CheckDecider(const std::string& decider, const std::string& drafter,
                          const std::vector<std::string>& earlier_deciders);

// A request takes effect on its effective date, never before its approval:
// FAILED_PRECONDITION / EFFECTIVE_DATE_PASSED when that day is before today.
absl::Status CheckEffectiveDate(absl::CivilDay effective, absl::CivilDay today);

}  // namespace huinong::org
