// Ingest: AppendEvents from the services' outbox relays, and the events that
// record every read of the trail.
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/core/ids.h"
#include "common/core/status_macros.h"
#include "common/server/handle.h"
#include "svc-audit/src/api/audit_api.h"
#include "svc-audit/src/api/event_mapping.h"
#include "svc-audit/src/store/event_store.h"

namespace huinong::audit {
namespace {

constexpr int kMaxBatch = 1000;

constexpr int kAppendAttempts = 3;

absl::StatusOr<std::vector<store::Appended>> Append(db::DbPool& pool, std::vector<Event> events) {
  std::vector<store::Appended> results;
  absl::Status status;
  // A batch whose event was stored by a concurrent append (the same batch
  // re-sent while the first send was still running) is run again, and then
  // acknowledges that event as a duplicate.
  for (int attempt = 1; attempt <= kAppendAttempts; ++attempt) {
    status = pool.Transact([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(results, store::AppendBatch(conn, events, absl::Now()));
      return absl::OkStatus();
    });
    if (!store::LostAppendRace(status)) break;
  }
  RETURN_IF_ERROR(status);
  return results;
}

}  // namespace

AuditApi::AuditApi(db::DbPool& pool, const server::CallGate& gate, std::shared_ptr<const BusinessClock> clock,
                   SigningKeyPair key, std::unique_ptr<AuditorScopes> scopes, metrics::Registry& registry)
    : pool_(pool),
      gate_(gate),
      kit_(pool, gate, std::move(clock), server::ServiceIdentity{"svc-audit", "audit"}),
      key_(std::move(key)),
      scopes_(std::move(scopes)),
      verifications_(registry.AddCounter("huinong_audit_chain_verifications_total",
                                         "VerifyChain runs answered, by verdict (intact or broken).", {"result"})),
      chain_events_(registry.AddGauge("huinong_audit_chain_events",
                                      "Events in the audit chain (the sequence of its head).")) {
  verifications_.WithLabels({"intact"});
  verifications_.WithLabels({"broken"});
  // One primary-key row per scrape; when the read fails the gauge keeps its
  // last value (the scrape itself must not fail).
  registry.AddCollector([this] {
    int64_t events = 0;
    const absl::Status read = pool_.Read([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(const store::Head head, store::ReadHead(conn));
      events = head.sequence;
      return absl::OkStatus();
    });
    if (read.ok()) chain_events_.WithLabels({}).Set(static_cast<double>(events));
  });
}

absl::Status RequireReader(const auth::Principal& caller) {
  if (caller.IsAdmin() || caller.HasRole("auditor")) return absl::OkStatus();
  return rpc::PermissionDenied("reading the audit trail needs the auditor role");
}

grpc::Status AuditApi::AppendEvents(grpc::ServerContext* ctx, const v1::AppendEventsRequest* req,
                                    v1::AppendEventsResponse* resp) {
  return server::Handle(gate_, *ctx, [&](const auth::Principal& caller) -> absl::Status {
    if (!caller.IsService()) {
      return rpc::PermissionDenied("only service accounts append to the audit trail");
    }
    rpc::Violations v;
    if (req->events_size() == 0) v.Add("events", "required");
    if (req->events_size() > kMaxBatch) v.Add("events", absl::StrCat("at most ", kMaxBatch, " per call"));
    absl::flat_hash_set<std::string> ids;
    for (int i = 0; i < req->events_size() && i < kMaxBatch; ++i) {
      const std::string prefix = absl::StrCat("events[", i, "]");
      CheckEvent(req->events(i), prefix, v);
      if (!ids.insert(req->events(i).event_id()).second) {
        v.Add(prefix + ".event_id", "appears twice in this batch");
      }
    }
    RETURN_IF_ERROR(v.ToStatus());
    std::vector<Event> events;
    for (const auto& e : req->events()) {
      if (e.service() != caller.subject) {
        return rpc::WithReason(
            rpc::PermissionDenied(absl::StrCat("a service appends only its own events; ",
                                               caller.subject, " sent one for ", e.service())),
            "SERVICE_MISMATCH");
      }
      events.push_back(DomainEvent(e));
    }
    ASSIGN_OR_RETURN(std::vector<store::Appended> results, Append(pool_, std::move(events)));
    for (int i = 0; i < req->events_size(); ++i) {
      auto* r = resp->add_results();
      r->set_event_id(req->events(i).event_id());
      r->set_sequence(results[i].sequence);
      r->set_duplicate(results[i].duplicate);
    }
    return absl::OkStatus();
  });
}

absl::Status AuditApi::RecordRead(const auth::Principal& caller, const std::string& method,
                                  const std::vector<std::pair<std::string, std::string>>& filters) {
  Event e;
  e.event_id = NewUlid();
  e.time = TruncateToMicros(absl::Now());
  e.service = "svc-audit";
  e.actor_subject = caller.subject;
  e.actor_unit = caller.unit;
  e.actor_roles = caller.roles;
  e.action = absl::StrCat("audit.", method);
  e.resource_type = "audit_trail";
  e.resource_id = "events";
  e.resource_unit = caller.unit;
  e.after_json = JsonObject(filters);
  return Append(pool_, {std::move(e)}).status();
}

}  // namespace huinong::audit
