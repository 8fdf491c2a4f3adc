// The handlers of concurrency policies (see staff.proto). A policy belongs
// to an organisation's root unit and governs new assignments in its subtree
// (the nearest policy up the tree applies); changing it never ends existing
// assignments.
#include <algorithm>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/core/ids.h"
#include "common/core/status_macros.h"
#include "common/rpc/page_token.h"
#include "common/rpc/validate.h"
#include "common/server/handle.h"
#include "svc-org/src/app/access.h"
#include "svc-org/src/api/staff_api.h"
#include "svc-org/src/api/policy_mapping.h"
#include "svc-org/src/api/post_mapping.h"
#include "svc-org/src/api/request_checks.h"
#include "svc-org/src/store/policy_store.h"
#include "svc-org/src/store/post_store.h"

namespace huinong::org {
namespace {

const std::set<std::string> kUpdatable = {"title", "whitelist", "segregation_pairs",
                                          "max_posts_per_person"};

// Every post selected by id exists.
absl::Status CheckSelectedPosts(sql::Connection& conn, const ConcurrencyPolicy& p) {
  std::set<std::string> ids;
  for (const auto& e : p.whitelist) {
    for (const auto& s : e.posts) {
      if (!s.post_id.empty()) ids.insert(s.post_id);
    }
  }
  for (const auto& pair : p.segregation_pairs) {
    for (const auto* s : {&pair.first, &pair.second}) {
      if (!s->post_id.empty()) ids.insert(s->post_id);
    }
  }
  for (const auto& id : ids) {
    ASSIGN_OR_RETURN(std::optional<Post> post, store::GetLatestPost(conn, id));
    if (!post) return rpc::NotFound(PostName(id));
  }
  return absl::OkStatus();
}

absl::StatusOr<ConcurrencyPolicy> LoadPolicy(sql::Connection& conn, const std::string& id,
                                             bool for_update) {
  ASSIGN_OR_RETURN(std::optional<ConcurrencyPolicy> p, store::GetPolicy(conn, id, for_update));
  if (!p) return rpc::NotFound(PolicyName(id));
  return *std::move(p);
}

}  // namespace

grpc::Status StaffApi::CreateConcurrencyPolicy(grpc::ServerContext* ctx,
                                               const v1::CreateConcurrencyPolicyRequest* req,
                                               v1::ConcurrencyPolicy* resp) {
  return kit_.Mutate(*ctx, *req, resp, "CreateConcurrencyPolicy",
                     [&](const auth::Principal& caller) -> server::Prepared<v1::ConcurrencyPolicy> {
    rpc::Violations v;
    if (!req->has_policy()) v.Add("policy", "required");
    ConcurrencyPolicy fields;
    fields.unit_id = rpc::ParseName(req->policy().unit(), "units", "policy.unit", v);
    ReadPolicyFields(req->policy(), "policy", fields, v);
    RETURN_IF_ERROR(v.ToStatus());
    ASSIGN_OR_RETURN(CallerScope scope, scopes_.For(caller));
    return [=, this](server::Mutation& m) -> absl::StatusOr<v1::ConcurrencyPolicy> {
          sql::Connection& conn = m.tx();
          ConcurrencyPolicy policy = fields;
          RETURN_IF_ERROR(LockChangeableUnit(conn, scope, policy.unit_id).status());
          RETURN_IF_ERROR(CheckSelectedPosts(conn, policy));
          policy.id = NewUlid();
          policy.version = 1;
          policy.create_time = policy.update_time = m.now();
          RETURN_IF_ERROR(store::InsertPolicy(conn, policy));
          v1::ConcurrencyPolicy out = ToProto(policy);
          RETURN_IF_ERROR(m.Record({"concurrency_policy", out.name(), out.unit(), nullptr, &out}));
          return out;
        };
  });
}

grpc::Status StaffApi::GetConcurrencyPolicy(grpc::ServerContext* ctx,
                                            const v1::GetConcurrencyPolicyRequest* req,
                                            v1::ConcurrencyPolicy* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const std::string id = rpc::ParseName(req->name(), "concurrencyPolicies", "name", v);
    ASSIGN_OR_RETURN(CallerScope scope, scopes_.For(caller));
    return reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(ConcurrencyPolicy policy, LoadPolicy(conn, id, false));
      ASSIGN_OR_RETURN(Unit unit, LoadReadableUnit(conn, scope, policy.unit_id));
      *resp = ToProto(policy);
      return absl::OkStatus();
    });
  });
}

grpc::Status StaffApi::UpdateConcurrencyPolicy(grpc::ServerContext* ctx,
                                               const v1::UpdateConcurrencyPolicyRequest* req,
                                               v1::ConcurrencyPolicy* resp) {
  return kit_.Mutate(*ctx, *req, resp, "UpdateConcurrencyPolicy",
                     [&](const auth::Principal& caller) -> server::Prepared<v1::ConcurrencyPolicy> {
    rpc::Violations v;
    const std::string id =
        rpc::ParseName(req->policy().name(), "concurrencyPolicies", "policy.name", v);
    if (req->policy().etag().empty()) v.Add("policy.etag", "required");
    const std::set<std::string> paths = rpc::MaskPaths(req->update_mask(), kUpdatable, v);
    ConcurrencyPolicy incoming;
    rpc::Violations all;
    ReadPolicyFields(req->policy(), "policy", incoming, all);
    rpc::KeepMasked(all, "policy", paths, v);
    RETURN_IF_ERROR(v.ToStatus());
    ASSIGN_OR_RETURN(CallerScope scope, scopes_.For(caller));
    return [=, this](server::Mutation& m) -> absl::StatusOr<v1::ConcurrencyPolicy> {
          sql::Connection& conn = m.tx();
          ASSIGN_OR_RETURN(ConcurrencyPolicy seen, LoadPolicy(conn, id, false));
          ASSIGN_OR_RETURN(Unit unit, LoadUnit(conn, seen.unit_id));
          RETURN_IF_ERROR(ChangeableUnit(scope, unit));
          ASSIGN_OR_RETURN(ConcurrencyPolicy policy, LoadPolicy(conn, id, /*for_update=*/true));
          RETURN_IF_ERROR(rpc::CheckEtag(req->policy().etag(), policy.version, PolicyName(id)));
          const v1::ConcurrencyPolicy before = ToProto(policy);
          if (paths.count("title")) policy.title = incoming.title;
          if (paths.count("whitelist")) policy.whitelist = incoming.whitelist;
          if (paths.count("segregation_pairs")) policy.segregation_pairs = incoming.segregation_pairs;
          if (paths.count("max_posts_per_person")) {
            policy.max_posts_per_person = incoming.max_posts_per_person;
          }
          RETURN_IF_ERROR(CheckSelectedPosts(conn, policy));
          policy.version += 1;
          policy.update_time = m.now();
          RETURN_IF_ERROR(store::UpdatePolicy(conn, policy));
          v1::ConcurrencyPolicy out = ToProto(policy);
          RETURN_IF_ERROR(m.Record({"concurrency_policy", out.name(), out.unit(), &before, &out}));
          return out;
        };
  });
}

grpc::Status StaffApi::ListConcurrencyPolicies(grpc::ServerContext* ctx,
                                               const v1::ListConcurrencyPoliciesRequest* req,
                                               v1::ListConcurrencyPoliciesResponse* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const int page_size = rpc::PageSize(req->page_size(), v);
    const std::string unit_id =
        rpc::ParseOptionalName(req->applies_to_unit(), "units", "applies_to_unit", v);
    const std::string filters = absl::StrCat("applies_to=", req->applies_to_unit());
    const std::string after = rpc::PageAfter(req->page_token(), filters, v);
    ASSIGN_OR_RETURN(CallerScope scope, scopes_.For(caller));
    return reader([&](sql::Connection& conn) -> absl::Status {
      if (!unit_id.empty()) {
        // The nearest policy at or above the unit: one answer, no pages.
        ASSIGN_OR_RETURN(Unit unit, LoadReadableUnit(conn, scope, unit_id));
        ASSIGN_OR_RETURN(std::vector<ConcurrencyPolicy> found, store::PoliciesOfUnits(conn, PathIds(unit.path)));
        const ConcurrencyPolicy* nearest = GoverningPolicy(found, unit.path);
        if (nearest != nullptr && after.empty()) *resp->add_policies() = ToProto(*nearest);
        return absl::OkStatus();
      }
      ASSIGN_OR_RETURN(std::vector<ConcurrencyPolicy> policies,
                       store::ListPolicies(conn, scope.reads_all ? "" : scope.unit_path, after,
                                           page_size + 1));
      const bool more = rpc::TrimToPage(policies, page_size);
      for (const auto& p : policies) *resp->add_policies() = ToProto(p);
      if (more) resp->set_next_page_token(rpc::EncodePageToken(filters, policies.back().id));
      return absl::OkStatus();
    });
  });
}

}  // namespace huinong::org
