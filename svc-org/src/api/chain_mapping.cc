// See chain_mapping.h.
#include "svc-org/src/api/chain_mapping.h"

#include "absl/strings/str_cat.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/validate.h"
#include "svc-org/src/api/unit_mapping.h"

namespace huinong::org {

std::string ChainName(const std::string& id) { return rpc::FormatName("approvalChains", id); }

v1::ApprovalChain ToProto(const ApprovalChain& chain) {
  v1::ApprovalChain p;
  p.set_name(ChainName(chain.id));
  p.set_unit(UnitName(chain.unit_id));
  p.set_title(chain.title);
  for (const StepTemplate& s : chain.steps) {
    v1::ApprovalStepTemplate* step = p.add_steps();
    step->set_title(s.title);
    step->set_required_capability(s.capability);
    step->set_at_unit(UnitName(s.at_unit_id));
    for (int kind : s.applies_to) step->add_applies_to(static_cast<v1::ChangeKind>(kind));
  }
  p.set_require_change_requests(chain.require_change_requests);
  *p.mutable_create_time() = rpc::ToTimestamp(chain.create_time);
  *p.mutable_update_time() = rpc::ToTimestamp(chain.update_time);
  p.set_etag(absl::StrCat(chain.version));
  return p;
}

std::vector<StepTemplate> StepsFromProto(const v1::ApprovalChain& chain) {
  std::vector<StepTemplate> out;
  for (const auto& s : chain.steps()) {
    rpc::Violations ignored;  // checked before
    out.push_back({s.title(), s.required_capability(), rpc::ParseName(s.at_unit(), "units", "at_unit", ignored),
                   std::vector<int>(s.applies_to().begin(), s.applies_to().end())});
  }
  return out;
}

}  // namespace huinong::org
