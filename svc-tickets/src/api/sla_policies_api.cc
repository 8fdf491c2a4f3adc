// See sla_policies_api.h.
#include "svc-tickets/src/api/sla_policies_api.h"

#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "common/rpc/request_checks.h"
#include "common/rpc/validate.h"
#include "svc-tickets/src/api/sla_policy_mapping.h"
#include "svc-tickets/src/api/ticket_mapping.h"
#include "svc-tickets/src/app/sla_policies.h"
#include "svc-tickets/src/store/clock_store.h"
#include "svc-tickets/src/store/policy_store.h"

namespace huinong::tickets {
namespace {

absl::Status RecordPolicy(server::Mutation& m, const v1::SlaPolicy* before, const v1::SlaPolicy& after) {
  return m.Record({"sla_policy", after.name(), after.unit(), before, &after});
}

}  // namespace

grpc::Status SlaPoliciesApi::CreateSlaPolicy(grpc::ServerContext* ctx, const v1::CreateSlaPolicyRequest* req,
                                             v1::SlaPolicy* resp) {
  return kit_.Mutate(*ctx, *req, resp, "CreateSlaPolicy",
                     [&](const auth::Principal&) -> server::Prepared<v1::SlaPolicy> {
    rpc::Violations v;
    if (!req->has_policy()) v.Add("policy", "required");
    ConfiguredPolicy draft;
    draft.scope.unit = rpc::ParseName(req->policy().unit(), "units", "policy.unit", v);
    ReadPolicyFields(req->policy(), "policy", draft, v);
    RETURN_IF_ERROR(v.ToStatus());
    return [=, this](server::Mutation& m) -> absl::StatusOr<v1::SlaPolicy> {
      ASSIGN_OR_RETURN(const ConfiguredPolicy created, tickets::CreateSlaPolicy(m, desk_, draft));
      const v1::SlaPolicy out = SlaPolicyProto(created);
      RETURN_IF_ERROR(RecordPolicy(m, nullptr, out));
      return out;
    };
  });
}

grpc::Status SlaPoliciesApi::GetSlaPolicy(grpc::ServerContext* ctx, const v1::GetSlaPolicyRequest* req,
                                          v1::SlaPolicy* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const std::string id = rpc::ParseName(req->name(), "slaPolicies", "name", v);
    if (req->revision() < 0) v.Add("revision", "must not be negative");
    return reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(const ConfiguredPolicy p, ReadableSlaPolicy(org_, caller, conn, id, req->revision()));
      *resp = SlaPolicyProto(p);
      return absl::OkStatus();
    });
  });
}

grpc::Status SlaPoliciesApi::UpdateSlaPolicy(grpc::ServerContext* ctx, const v1::UpdateSlaPolicyRequest* req,
                                             v1::SlaPolicy* resp) {
  return kit_.Mutate(*ctx, *req, resp, "UpdateSlaPolicy",
                     [&](const auth::Principal&) -> server::Prepared<v1::SlaPolicy> {
    rpc::Violations v;
    const std::string id = rpc::ParseName(req->policy().name(), "slaPolicies", "policy.name", v);
    if (req->policy().etag().empty()) v.Add("policy.etag", "required");
    const std::set<std::string> paths = rpc::MaskPaths(req->update_mask(), SlaPolicyUpdatablePaths(), v);
    ConfiguredPolicy incoming;
    rpc::Violations all;
    ReadPolicyFields(req->policy(), "policy", incoming, all);
    rpc::KeepMasked(all, "policy", paths, v);
    RETURN_IF_ERROR(v.ToStatus());
    const std::string etag = req->policy().etag();
    return [=, this](server::Mutation& m) -> absl::StatusOr<v1::SlaPolicy> {
      ASSIGN_OR_RETURN(const PolicyUpdate u, tickets::UpdateSlaPolicy(m, desk_, id, etag, paths, incoming));
      const v1::SlaPolicy before = SlaPolicyProto(u.before);
      const v1::SlaPolicy out = SlaPolicyProto(u.after);
      RETURN_IF_ERROR(RecordPolicy(m, &before, out));
      return out;
    };
  });
}

grpc::Status SlaPoliciesApi::ListSlaPolicies(grpc::ServerContext* ctx, const v1::ListSlaPoliciesRequest* req,
                                             v1::ListSlaPoliciesResponse* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const int page_size = rpc::PageSize(req->page_size(), v);
    const std::string unit = rpc::ParseOptionalName(req->unit(), "units", "unit", v);
    v1::ListSlaPoliciesRequest filters_only = *req;
    filters_only.clear_page_size();
    filters_only.clear_page_token();
    const std::string filters = filters_only.SerializeAsString();
    store::PolicyQuery q;
    q.after_id = rpc::PageAfter(req->page_token(), filters, v);
    q.limit = page_size + 1;
    RETURN_IF_ERROR(v.ToStatus());
    ASSIGN_OR_RETURN(const PolicyReadScope scope, SlaPolicyReadScope(org_, caller));
    q.below = scope.below;
    q.on_chain = scope.on_chain;
    if (!unit.empty()) {
      absl::StatusOr<std::string> path = UnitPath(org_, unit);
      if (absl::IsNotFound(path.status())) return rpc::NotFound(rpc::FormatName("units", unit));
      if (!path.ok()) return path.status();
      q.unit_path = *path;
      q.subtree = req->include_subtree();
    }
    std::vector<ConfiguredPolicy> rows;
    RETURN_IF_ERROR(reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(rows, store::ListPolicies(conn, q));
      return absl::OkStatus();
    }));
    resp->set_next_page_token(
        rpc::NextPageToken(rows, page_size, filters, [](const ConfiguredPolicy& p) { return p.id; }));
    for (const ConfiguredPolicy& p : rows) *resp->add_policies() = SlaPolicyProto(p);
    return absl::OkStatus();
  });
}

grpc::Status SlaPoliciesApi::ListSlaPolicyRevisions(grpc::ServerContext* ctx,
                                                    const v1::ListSlaPolicyRevisionsRequest* req,
                                                    v1::ListSlaPolicyRevisionsResponse* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const std::string id = rpc::ParseName(req->name(), "slaPolicies", "name", v);
    const int page_size = rpc::PageSize(req->page_size(), v);
    const int64_t after = rpc::PageAfterSequence(req->page_token(), req->name(), 0, v);
    return reader([&](sql::Connection& conn) -> absl::Status {
      RETURN_IF_ERROR(ReadableSlaPolicy(org_, caller, conn, id, 0).status());
      ASSIGN_OR_RETURN(std::vector<ConfiguredPolicy> rows,
                       store::ListRevisions(conn, id, static_cast<int>(after), page_size + 1));
      resp->set_next_page_token(rpc::NextPageToken(rows, page_size, req->name(), [](const ConfiguredPolicy& p) {
        return absl::StrCat(p.rules.revision);
      }));
      for (const ConfiguredPolicy& p : rows) *resp->add_revisions() = SlaPolicyProto(p);
      return absl::OkStatus();
    });
  });
}

grpc::Status SlaPoliciesApi::ListTicketClocks(grpc::ServerContext* ctx, const v1::ListTicketClocksRequest* req,
                                              v1::ListTicketClocksResponse* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const std::string id = rpc::ParseName(req->ticket(), "tickets", "ticket", v);
    return reader([&](sql::Connection& conn) -> absl::Status {
      RETURN_IF_ERROR(ReadableTicket(org_, caller, conn, id).status());
      ASSIGN_OR_RETURN(const std::vector<store::ClockRecord> clocks, store::LoadClocks(conn, id));
      for (const store::ClockRecord& c : clocks) *resp->add_clocks() = ClockProto(id, c);
      return absl::OkStatus();
    });
  });
}

}  // namespace huinong::tickets
