#include "svc-audit/src/api/auditor_scope.h"

#include <chrono>

#include <grpcpp/client_context.h>

#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "common/rpc/errors.h"
#include "huinong/org/v1/unit_service.grpc.pb.h"

namespace huinong::audit {

AuditorScopes::AuditorScopes(std::shared_ptr<grpc::Channel> org, TokenSource token)
    : org_(std::move(org)), token_(std::move(token)), cache_(kScopeTtl, kMaxScopes) {}

absl::StatusOr<ReaderScope> AuditorScopes::For(const auth::Principal& caller) {
  ReaderScope scope;
  if (caller.IsAdmin()) {
    scope.whole_chain = true;
    return scope;
  }
  if (caller.unit.empty()) return scope;  // an auditor acting for no unit reads nothing
  ASSIGN_OR_RETURN(ReaderScope cached, cache_.GetOrLoad(caller.unit, [&]() -> absl::StatusOr<ReaderScope> {
    ASSIGN_OR_RETURN(auto subtree, Subtree(caller.unit));
    return ReaderScope{subtree.second, std::move(subtree.first)};
  }));
  return cached;
}

absl::StatusOr<std::pair<std::vector<std::string>, bool>> AuditorScopes::Subtree(
    const std::string& unit) {
  if (!org_) return absl::UnavailableError("svc-org is not configured (org_addr)");
  ASSIGN_OR_RETURN(std::string token, token_());
  auto stub = org::v1::UnitService::NewStub(org_);
  std::vector<std::string> units;
  bool root = false;
  org::v1::ListUnitSubtreeRequest req;
  req.set_name(unit);
  req.set_include_abolished(true);  // events about abolished units stay visible
  req.set_page_size(500);
  do {
    grpc::ClientContext ctx;
    ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
    ctx.AddMetadata("authorization", absl::StrCat("Bearer ", token));
    org::v1::ListUnitSubtreeResponse resp;
    absl::Status s = rpc::FromGrpcStatus(stub->ListUnitSubtree(&ctx, req, &resp));
    if (!s.ok()) {
      return absl::UnavailableError(absl::StrCat("cannot resolve the auditor's scope from svc-org: ",
                                                 s.message()));
    }
    for (const auto& u : resp.units()) {
      units.push_back(u.name());
      if (u.name() == unit) root = u.parent().empty();
    }
    req.set_page_token(resp.next_page_token());
  } while (!req.page_token().empty());
  return std::make_pair(std::move(units), root);
}

}  // namespace huinong::audit
