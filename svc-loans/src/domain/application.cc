// See application.h.
#include "svc-loans/src/domain/application.h"

#include "common/core/status_macros.h"
#include "common/rpc/status_details.h"

namespace huinong::loans {

std::string Application::EndReason() const {
  if (state != ApplicationState::kRejected && state != ApplicationState::kWithdrawn) return "";
  return steps.empty() ? "" : steps.back().note;
}

const StepRecord* Application::LastStep(ApplicationEvent event) const {
  for (auto it = steps.rbegin(); it != steps.rend(); ++it) {
    if (it->event == event) return &*it;
  }
  return nullptr;
}

std::vector<AssetKind> PledgedAssets(const std::vector<Collateral>& collateral) {
  // CollateralKind values (applications.proto) to the rules' asset kinds.
  std::vector<AssetKind> out;
  for (const Collateral& c : collateral) {
    switch (c.kind) {
      case 1: out.push_back(AssetKind::kHouse); break;
      case 2: out.push_back(AssetKind::kLandUseRight); break;
      case 3: out.push_back(AssetKind::kForestRight); break;
      case 4: out.push_back(AssetKind::kBuilding); break;
      case 5: out.push_back(AssetKind::kEquipment); break;
      case 6: out.push_back(AssetKind::kOrder); break;
      case 7: out.push_back(AssetKind::kWarehouseReceipt); break;
      default: break;
    }
  }
  return out;
}

absl::Status Take(Application& application, StepRecord step) {
  if (step.event == ApplicationEvent::kReject && step.note.empty()) {
    return rpc::InvalidField("reason", "a rejection states its reason");
  }
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
