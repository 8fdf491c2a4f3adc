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
#include "svc-org/src/domain/change_item.h"
#include "svc-org/src/domain/document.h"

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

// Numeric values match huinong.org.v1.ApprovalStepState.
enum class StepState { kPending = 1, kApproved = 2, kRejected = 3 };

// One step of a submitted request: a step of its chain, and its decision.
struct ApprovalStep {
  std::string title;
  std::string capability;
  std::string at_unit_id;
  StepState state = StepState::kPending;
  std::string decided_by;  // "staff/{id}" (the caller's subject)
  std::optional<absl::Time> decide_time;
  std::string comment;
  DocumentRef document;  // e.g. the meeting minutes
};

// A change request: items a drafter proposes for an organisation, passed
// through the approval chain's steps and applied together on approval.
struct ChangeRequest {
  std::string id;
  std::string unit_id;  // the organisation's root
  std::string title;
  std::string reason;
  std::vector<ChangeItem> items;
  std::optional<absl::CivilDay> effective_date;
  std::vector<DocumentRef> documents;
  ChangeState state = ChangeState::kDraft;
  std::vector<ApprovalStep> steps;  // built at submit
  int current_step = -1;            // index into steps; -1 when none is pending
  std::string drafted_by;           // "staff/{id}"
  std::optional<absl::Time> submit_time;
  int64_t version = 1;  // the etag
  absl::Time create_time;
  absl::Time update_time;
  // Written before its items were stored as domain items (migration 0015):
  // the old text, kept whole and written back on every save; the items and
  // steps cannot be read, and the request can only be withdrawn
  // (FAILED_PRECONDITION / LEGACY_REQUEST otherwise). Empty for every other.
  std::string legacy_body;

  // The kinds of its items, as chains select steps by them.
  std::set<int> ItemKinds() const;
  // Who decided the steps before the pending one.
  std::vector<std::string> EarlierDeciders() const;
};

// Submitting: the request enters approval at the first of `steps` (from
// BuildApprovalSteps), all pending, submitted at `now`. The caller has
// checked CheckSubmit.
// OK, or FAILED_PRECONDITION / LEGACY_REQUEST for a request written before
// migration 0015 (see ChangeRequest::legacy_body).
absl::Status CheckReadable(const ChangeRequest& request);

void StartApproval(ChangeRequest& request, const std::vector<StepTemplate>& steps, absl::Time now);

// Records `decider`'s decision on the pending step and moves the request as
// `next` (from Decide) says.
struct Decision {
  std::string decider;
  bool approve = false;
  std::string comment;
  DocumentRef document;
  absl::Time at;
};
void RecordDecision(ChangeRequest& request, const Decision& decision, const AfterDecision& next);

}  // namespace huinong::org
