// See application.h.
#include "svc-loans/src/domain/application.h"

#include "common/core/status_macros.h"

namespace huinong::loans {

std::string Application::EndReason() const {
  if (state != ApplicationState::kRejected && state != ApplicationState::kWithdrawn) return "";
  return steps.empty() ? "" : steps.back().note;
}

absl::Status Take(Application& application, StepRecord step) {
  ASSIGN_OR_RETURN(const ApplicationState next,
                   ApplicationFlow(application.guarantee_required).Next(application.state, step.event));
  if (step.event == ApplicationEvent::kSubmit) {
    application.submitted_by = step.by;
    application.submit_time = step.at;
  }
  application.state = next;
  application.steps.push_back(std::move(step));
  return absl::OkStatus();
}

}  // namespace huinong::loans
