// The approval chains' handlers (see changes.proto): the steps a change
// request of an organisation must pass, who decides each, and whether direct
// structural writes there need a change request.
#include "absl/strings/str_cat.h"
#include "common/core/ids.h"
#include "common/core/status_macros.h"
#include "common/rpc/request_checks.h"
#include "common/rpc/validate.h"
#include "common/server/handle.h"
#include "svc-org/src/api/chain_mapping.h"
#include "svc-org/src/api/changes_api.h"
#include "svc-org/src/api/unit_mapping.h"
#include "svc-org/src/app/access.h"
#include "svc-org/src/app/change_gate.h"
#include "svc-org/src/domain/post.h"
#include "svc-org/src/store/change_store.h"

namespace huinong::org {
namespace {

const std::set<std::string> kChainUpdatable = {"title", "steps", "require_change_requests"};

void CheckChainFields(const v1::ApprovalChain& c, const std::set<std::string>& paths, rpc::Violations& v) {
  if (paths.count("title")) rpc::CheckText(c.title(), "chain.title", 1, 100, v);
  if (!paths.count("steps")) return;
  if (c.steps_size() == 0) v.Add("chain.steps", "at least one step");
  for (int i = 0; i < c.steps_size(); ++i) {
    const auto& s = c.steps(i);
    const std::string f = absl::StrCat("chain.steps[", i, "]");
    rpc::CheckText(s.title(), f + ".title", 1, 100, v);
    if (!ValidCapability(s.required_capability())) {
      v.Add(f + ".required_capability", "3–64 of [a-z0-9._], dot-separated");
    }
    rpc::ParseName(s.at_unit(), "units", f + ".at_unit", v);
    for (int k : s.applies_to()) {
      if (k <= 0 || !v1::ChangeKind_IsValid(k)) v.Add(f + ".applies_to", absl::StrCat("unknown kind ", k));
    }
  }
}

// Every step's unit exists and lies in the chain's subtree.
absl::Status CheckStepUnits(sql::Connection& conn, const std::vector<StepTemplate>& steps, const Unit& root) {
  for (size_t i = 0; i < steps.size(); ++i) {
    ASSIGN_OR_RETURN(Unit at, LoadUnit(conn, steps[i].at_unit_id));
    if (!InSubtree(at.path, root.path)) {
      return rpc::InvalidField(absl::StrCat("chain.steps[", i, "].at_unit"),
                               "must be the chain's unit or below it");
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<ApprovalChain> LoadChain(sql::Connection& conn, const std::string& id, bool for_update) {
  ASSIGN_OR_RETURN(std::optional<ApprovalChain> c, store::GetChain(conn, id, for_update));
  if (!c) return rpc::NotFound(ChainName(id));
  return *std::move(c);
}

}  // namespace

grpc::Status ChangesApi::CreateApprovalChain(grpc::ServerContext* ctx,
                                             const v1::CreateApprovalChainRequest* req,
                                             v1::ApprovalChain* resp) {
  return kit_.Mutate(*ctx, *req, resp, "CreateApprovalChain",
                     [&](const auth::Principal& caller) -> server::Prepared<v1::ApprovalChain> {
    rpc::Violations v;
    if (!req->has_chain()) v.Add("chain", "required");
    const std::string unit_id = rpc::ParseName(req->chain().unit(), "units", "chain.unit", v);
    CheckChainFields(req->chain(), kChainUpdatable, v);
    RETURN_IF_ERROR(v.ToStatus());
    ASSIGN_OR_RETURN(CallerScope scope, scopes_.For(caller));
    return [=, this](server::Mutation& m) -> absl::StatusOr<v1::ApprovalChain> {
          sql::Connection& conn = m.tx();
          ASSIGN_OR_RETURN(Unit root, LockChangeableUnit(conn, scope, unit_id));
          // Inside a gated organisation a new chain would be a way around it.
          RETURN_IF_ERROR(CheckDirectChangeAllowed(conn, caller, unit_id));
          ApprovalChain chain;
          chain.id = NewUlid();
          chain.unit_id = root.id;
          chain.title = req->chain().title();
          chain.steps = StepsFromProto(req->chain());
          chain.require_change_requests = req->chain().require_change_requests();
          RETURN_IF_ERROR(CheckStepUnits(conn, chain.steps, root));
          RETURN_IF_ERROR(store::InsertChain(conn, chain, m.now()));
          ASSIGN_OR_RETURN(ApprovalChain saved, LoadChain(conn, chain.id, false));
          const v1::ApprovalChain out = ToProto(saved);
          RETURN_IF_ERROR(m.Record({"approval_chain", out.name(), out.unit(), nullptr, &out}));
          return out;
        };
  });
}

grpc::Status ChangesApi::GetApprovalChain(grpc::ServerContext* ctx, const v1::GetApprovalChainRequest* req,
                                          v1::ApprovalChain* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const std::string id = rpc::ParseName(req->name(), "approvalChains", "name", v);
    ASSIGN_OR_RETURN(CallerScope scope, scopes_.For(caller));
    return reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(ApprovalChain chain, LoadChain(conn, id, false));
      ASSIGN_OR_RETURN(Unit root, LoadReadableUnit(conn, scope, chain.unit_id));
      *resp = ToProto(chain);
      return absl::OkStatus();
    });
  });
}

grpc::Status ChangesApi::UpdateApprovalChain(grpc::ServerContext* ctx,
                                             const v1::UpdateApprovalChainRequest* req,
                                             v1::ApprovalChain* resp) {
  return kit_.Mutate(*ctx, *req, resp, "UpdateApprovalChain",
                     [&](const auth::Principal& caller) -> server::Prepared<v1::ApprovalChain> {
    rpc::Violations v;
    const std::string id = rpc::ParseName(req->chain().name(), "approvalChains", "chain.name", v);
    if (req->chain().etag().empty()) v.Add("chain.etag", "required");
    const std::set<std::string> paths = rpc::MaskPaths(req->update_mask(), kChainUpdatable, v);
    CheckChainFields(req->chain(), paths, v);
    RETURN_IF_ERROR(v.ToStatus());
    ASSIGN_OR_RETURN(CallerScope scope, scopes_.For(caller));
    return [=, this](server::Mutation& m) -> absl::StatusOr<v1::ApprovalChain> {
          sql::Connection& conn = m.tx();
          ASSIGN_OR_RETURN(ApprovalChain peek, LoadChain(conn, id, false));
          ASSIGN_OR_RETURN(Unit root, LockChangeableUnit(conn, scope, peek.unit_id));
          // A gating chain is not switched off by those it restricts.
          RETURN_IF_ERROR(CheckDirectChangeAllowed(conn, caller, peek.unit_id));
          ASSIGN_OR_RETURN(ApprovalChain chain, LoadChain(conn, id, true));
          RETURN_IF_ERROR(rpc::CheckEtag(req->chain().etag(), chain.version, ChainName(id)));
          const v1::ApprovalChain before = ToProto(chain);
          if (paths.count("title")) chain.title = req->chain().title();
          if (paths.count("steps")) {
            chain.steps = StepsFromProto(req->chain());
            RETURN_IF_ERROR(CheckStepUnits(conn, chain.steps, root));
          }
          if (paths.count("require_change_requests")) {
            chain.require_change_requests = req->chain().require_change_requests();
          }
          chain.version += 1;
          RETURN_IF_ERROR(store::UpdateChain(conn, chain, m.now()));
          ASSIGN_OR_RETURN(ApprovalChain saved, LoadChain(conn, id, false));
          const v1::ApprovalChain out = ToProto(saved);
          RETURN_IF_ERROR(m.Record({"approval_chain", out.name(), out.unit(), &before, &out}));
          return out;
        };
  });
}

grpc::Status ChangesApi::ListApprovalChains(grpc::ServerContext* ctx,
                                            const v1::ListApprovalChainsRequest* req,
                                            v1::ListApprovalChainsResponse* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const int page_size = rpc::PageSize(req->page_size(), v);
    const std::string unit_id = rpc::ParseOptionalName(req->applies_to_unit(), "units", "applies_to_unit", v);
    const std::string filters = absl::StrCat("applies=", req->applies_to_unit());
    const std::string after = rpc::PageAfter(req->page_token(), filters, v);
    ASSIGN_OR_RETURN(CallerScope scope, scopes_.For(caller));
    return reader([&](sql::Connection& conn) -> absl::Status {
      if (!unit_id.empty()) {
        ASSIGN_OR_RETURN(Unit unit, LoadReadableUnit(conn, scope, unit_id));
        ASSIGN_OR_RETURN(std::optional<ApprovalChain> chain, store::NearestChain(conn, PathIds(unit.path)));
        if (!chain) return rpc::NotFound(absl::StrCat("an approval chain for ", UnitName(unit_id)));
        *resp->add_chains() = ToProto(*chain);
        return absl::OkStatus();
      }
      ASSIGN_OR_RETURN(std::vector<ApprovalChain> chains,
                       store::ListChains(conn, scope.reads_all ? "" : scope.unit_path, after, page_size + 1));
      const bool more = rpc::TrimToPage(chains, page_size);
      for (const auto& c : chains) *resp->add_chains() = ToProto(c);
      if (more) resp->set_next_page_token(rpc::EncodePageToken(filters, chains.back().id));
      return absl::OkStatus();
    });
  });
}

}  // namespace huinong::org
