// See change_request.h.
#include "svc-org/src/domain/change_request.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "common/rpc/status_details.h"
#include "svc-org/src/domain/unit.h"

namespace huinong::org {

absl::string_view ChangeStateName(ChangeState state) {
  switch (state) {
    case ChangeState::kDraft: return "DRAFT";
    case ChangeState::kInApproval: return "IN_APPROVAL";
    case ChangeState::kApproved: return "APPROVED";
    case ChangeState::kRejected: return "REJECTED";
    case ChangeState::kWithdrawn: return "WITHDRAWN";
  }
  return "UNKNOWN";
}

absl::string_view ChangeEventName(ChangeEvent event) {
  switch (event) {
    case ChangeEvent::kSubmit: return "SUBMIT";
    case ChangeEvent::kApproveStep: return "APPROVE_STEP";
    case ChangeEvent::kApproveLast: return "APPROVE_LAST";
    case ChangeEvent::kReject: return "REJECT";
    case ChangeEvent::kWithdraw: return "WITHDRAW";
  }
  return "UNKNOWN";
}

const domain::StateTable<ChangeState, ChangeEvent>& ChangeLifecycle() {
  using S = ChangeState;
  using E = ChangeEvent;
  static const domain::StateTable<S, E> table(
      "a change request", {S::kDraft, S::kInApproval, S::kApproved, S::kRejected, S::kWithdrawn},
      {E::kSubmit, E::kApproveStep, E::kApproveLast, E::kReject, E::kWithdraw}, ChangeStateName,
      ChangeEventName,
      {
          {S::kDraft, E::kSubmit, S::kInApproval},
          {S::kDraft, E::kWithdraw, S::kWithdrawn},
          {S::kInApproval, E::kApproveStep, S::kInApproval},
          {S::kInApproval, E::kApproveLast, S::kApproved},
          {S::kInApproval, E::kReject, S::kRejected},
          {S::kInApproval, E::kWithdraw, S::kWithdrawn},
      });
  return table;
}

bool MayDraft(bool admin, bool org_admin_or_hr, absl::string_view caller_unit_path,
              absl::string_view root_path) {
  if (admin) return true;
  if (!org_admin_or_hr || caller_unit_path.empty()) return false;
  return InSubtree(root_path, caller_unit_path) || InSubtree(caller_unit_path, root_path);
}

absl::StatusOr<AfterDecision> Decide(ChangeState state, int current, int step_count, bool approve) {
  if (state != ChangeState::kInApproval || current < 0 || current >= step_count) {
    return rpc::FailedPrecondition("INVALID_TRANSITION", absl::StrCat("the request is ", ChangeStateName(state),
                                                                      ", not awaiting a decision"));
  }
  if (!approve) {
    ASSIGN_OR_RETURN(ChangeState rejected, ChangeLifecycle().Next(state, ChangeEvent::kReject));
    return AfterDecision{rejected, -1};
  }
  if (current + 1 < step_count) {
    ASSIGN_OR_RETURN(ChangeState next, ChangeLifecycle().Next(state, ChangeEvent::kApproveStep));
    return AfterDecision{next, current + 1};
  }
  ASSIGN_OR_RETURN(ChangeState approved, ChangeLifecycle().Next(state, ChangeEvent::kApproveLast));
  return AfterDecision{approved, -1, true};
}

std::vector<size_t> StepsFor(const std::vector<StepTemplate>& chain, const std::set<int>& kinds) {
  std::vector<size_t> out;
  for (size_t i = 0; i < chain.size(); ++i) {
    const auto& applies = chain[i].applies_to;
    const bool needed = applies.empty() || std::any_of(applies.begin(), applies.end(),
                                                       [&](int k) { return kinds.count(k) > 0; });
    if (needed) out.push_back(i);
  }
  return out;
}

absl::StatusOr<std::vector<StepTemplate>> BuildApprovalSteps(const std::vector<StepTemplate>& chain,
                                                             const std::set<int>& kinds,
                                                             absl::string_view chain_name) {
  std::vector<StepTemplate> out;
  for (size_t i : StepsFor(chain, kinds)) out.push_back(chain[i]);
  if (out.empty()) {
    return rpc::FailedPrecondition("NO_APPLICABLE_STEP",
                                   absl::StrCat(chain_name, " has no step for these kinds of change"));
  }
  return out;
}

absl::StatusOr<absl::CivilDay> CheckSubmit(ChangeState state, size_t item_count,
                                           const std::optional<absl::CivilDay>& effective, absl::CivilDay today) {
  RETURN_IF_ERROR(ChangeLifecycle().Next(state, ChangeEvent::kSubmit).status());
  rpc::Violations missing;
  if (item_count == 0) missing.Add("items", "at least one item is required to submit");
  if (!effective) missing.Add("effective_date", "required to submit");
  RETURN_IF_ERROR(missing.ToStatus());
  RETURN_IF_ERROR(CheckEffectiveDate(*effective, today));
  return *effective;
}

absl::Status CheckDecider(const std::string& decider, const std::string& drafter,
                          const std::vector<std::string>& earlier_deciders) {
  if (decider == drafter) {
    return rpc::WithReason(rpc::PermissionDenied("the drafter of a change request cannot decide it"),
                           "SELF_APPROVAL");
  }
  if (std::find(earlier_deciders.begin(), earlier_deciders.end(), decider) != earlier_deciders.end()) {
    return rpc::FailedPrecondition("DUPLICATE_APPROVER",
                                   "the same person cannot decide two steps of one change request");
  }
  return absl::OkStatus();
}

absl::Status CheckEffectiveDate(absl::CivilDay effective, absl::CivilDay today) {
  if (effective >= today) return absl::OkStatus();
  return rpc::FailedPrecondition(
      "EFFECTIVE_DATE_PASSED",
      absl::StrCat("the effective date ", absl::FormatCivilTime(effective),
                   " has passed: a draft takes a later date; a request in approval is withdrawn and"
                   " drafted again"));
}

std::set<int> ChangeRequest::ItemKinds() const {
  std::set<int> kinds;
  for (const ChangeItem& item : items) kinds.insert(static_cast<int>(item.kind));
  return kinds;
}

std::vector<std::string> ChangeRequest::EarlierDeciders() const {
  std::vector<std::string> out;
  for (int i = 0; i < current_step && i < static_cast<int>(steps.size()); ++i) out.push_back(steps[i].decided_by);
  return out;
}

absl::Status CheckReadable(const ChangeRequest& request) {
  if (request.legacy_body.empty()) return absl::OkStatus();
  return rpc::FailedPrecondition("LEGACY_REQUEST",
                                 "this request was written in an earlier format whose items cannot be read:"
                                 " withdraw it and draft it again");
}

void StartApproval(ChangeRequest& request, const std::vector<StepTemplate>& steps, absl::Time now) {
  request.steps.clear();
  for (const StepTemplate& t : steps) {
    ApprovalStep step;
    step.title = t.title;
    step.capability = t.capability;
    step.at_unit_id = t.at_unit_id;
    request.steps.push_back(std::move(step));
  }
  request.current_step = 0;
  request.state = ChangeState::kInApproval;
  request.submit_time = now;
}

void RecordDecision(ChangeRequest& request, const Decision& decision, const AfterDecision& next) {
  ApprovalStep& step = request.steps[request.current_step];
  step.decided_by = decision.decider;
  step.decide_time = decision.at;
  step.comment = decision.comment;
  step.document = decision.document;
  step.state = decision.approve ? StepState::kApproved : StepState::kRejected;
  request.state = next.state;
  request.current_step = next.current_step;
}

}  // namespace huinong::org
