// The outbox relay: a background thread in every replica of a service that
// sends unsent outbox rows, in seq order and in batches, to svc-audit's
// AppendEvents and marks them sent.
//
// Guarantees:
// - nothing is lost: a row is marked sent only in the transaction that saw
//   AppendEvents acknowledge every event of its batch; any failure leaves it
//   unsent, to be sent again;
// - nothing enters the chain twice: a resend (after a lost reply or a crash
//   between the append and the commit) is acknowledged by svc-audit as a
//   duplicate, because ingest is idempotent by event_id;
// - one sender per database: a round runs while holding the outbox_lease row
//   (FOR UPDATE SKIP LOCKED), so replicas never interleave batches and a
//   service's events reach the chain in its commit order;
// - while svc-audit is unavailable the relay backs off exponentially (with
//   jitter) and counts the errors by gRPC code; the backlog and the age of the
//   oldest unsent event are exported at each scrape;
// - Stop drains: it keeps sending until the outbox is empty or the flush
//   deadline passes, then joins the thread;
// - rows sent longer ago than `retention` are deleted in small batches, at
//   most once per `sweep_interval` (the chain is the record, not the outbox).
// Metrics: outbox_backlog_events, outbox_oldest_unsent_age_seconds,
// outbox_sent_events_total, outbox_send_errors_total{code}, outbox_batch_seconds.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <thread>

#include <grpcpp/channel.h>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "common/db/pool.h"
#include "common/metrics/registry.h"
#include "huinong/audit/v1/audit.grpc.pb.h"

namespace huinong::outbox {

struct RelayOptions {
  std::string audit_address;  // "host:port" of svc-audit
  int batch_size = 100;
  // A batch is also cut at this many payload bytes (at least one event), to
  // stay under svc-audit's 4 MiB request limit.
  size_t max_batch_bytes = 3 << 20;
  absl::Duration idle_poll = absl::Milliseconds(200);
  absl::Duration initial_backoff = absl::Milliseconds(200);
  absl::Duration max_backoff = absl::Seconds(5);
  absl::Duration rpc_deadline = absl::Seconds(5);
  absl::Duration retention = absl::Hours(24 * 7);
  absl::Duration sweep_interval = absl::Hours(1);
  int sweep_batch = 500;
};

// The bearer token of the service account the relay acts as (its subject
// must equal the events' `service`).
using TokenSource = std::function<absl::StatusOr<std::string>()>;

// What one round did.
struct RoundOutcome {
  enum class Kind {
    kSent,       // a batch was appended and marked sent
    kEmpty,      // nothing unsent
    kLeaseBusy,  // another replica is sending
    kFailed,     // the database or AppendEvents failed; nothing marked
  };
  Kind kind = Kind::kEmpty;
  int sent = 0;
  bool more = false;  // the batch was full: more may be waiting
  absl::Status error;
};

class OutboxRelay {
 public:
  // `registry` may be null (no metrics). Does not connect or start anything.
  OutboxRelay(db::DbPool& pool, RelayOptions options, TokenSource token,
              metrics::Registry* registry);
  // Stops without flushing if still running.
  ~OutboxRelay();
  OutboxRelay(const OutboxRelay&) = delete;
  OutboxRelay& operator=(const OutboxRelay&) = delete;

  // Starts the background thread (once; never after Stop).
  void Start();
  // Wakes the thread now instead of at the next idle poll (e.g. after a
  // commit). Does not cut a backoff short. Cheap; safe from any thread.
  void Notify();
  // Sends until the outbox is empty or `flush_deadline` has passed, then
  // joins. Idempotent; a no-op before Start.
  void Stop(absl::Duration flush_deadline);

  // One round on the calling thread (what the background thread repeats).
  // RPCs end by min(now + rpc_deadline, `not_after`).
  RoundOutcome RunRound(absl::Time not_after = absl::InfiniteFuture());
  // One retention sweep on the calling thread; returns rows deleted.
  absl::StatusOr<int> SweepSent(absl::Time now);

 private:
  struct Gauges;

  void Loop();
  absl::Status Append(const huinong::audit::v1::AppendEventsRequest& request, absl::Time not_after);
  // Waits up to `d`, or until Stop (and Notify, when `notify_wakes`).
  void Pause(absl::Duration d, bool notify_wakes);

  db::DbPool& pool_;
  const RelayOptions options_;
  TokenSource token_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<huinong::audit::v1::AuditService::Stub> stub_;

  metrics::Counter* sent_total_ = nullptr;
  metrics::CounterFamily* send_errors_ = nullptr;
  metrics::Histogram* batch_seconds_ = nullptr;
  std::shared_ptr<Gauges> gauges_;  // shared with the registry's collector

  absl::Mutex mu_;
  bool started_ ABSL_GUARDED_BY(mu_) = false;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  bool woken_ ABSL_GUARDED_BY(mu_) = false;
  absl::Time flush_until_ ABSL_GUARDED_BY(mu_);
  absl::Mutex join_mu_;
  std::thread thread_;
};

}  // namespace huinong::outbox
