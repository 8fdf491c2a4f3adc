// See relay.h. One round is one DbPool transaction that holds the lease row
// across the AppendEvents call: the lock is what keeps a second replica from
// sending the same rows meanwhile, and a crash anywhere in the round leaves
// the rows unsent (to be re-sent and acknowledged as duplicates).
#include "common/outbox/relay.h"

#include <algorithm>
#include <random>
#include <vector>

#include <grpcpp/client_context.h>
#include <grpcpp/create_channel.h>
#include <grpcpp/support/channel_arguments.h>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/core/log.h"
#include "common/outbox/outbox_store.h"

namespace huinong::outbox {

namespace audit_v1 = huinong::audit::v1;

// The scrape-time gauges. The registry may outlive the relay (it has no way
// to drop a collector), so the collector holds this and the relay's
// destructor unhooks the pool under the lock.
struct OutboxRelay::Gauges {
  absl::Mutex mu;
  db::DbPool* pool ABSL_GUARDED_BY(mu) = nullptr;
  metrics::Gauge* backlog = nullptr;
  metrics::Gauge* oldest_age = nullptr;

  void Refresh() {
    absl::MutexLock lock(&mu);
    if (pool == nullptr) return;
    store::Backlog b;
    absl::Status s = pool->Read([&b](sql::Connection& conn) {
      b = store::ReadBacklog(conn);
      return absl::OkStatus();
    });
    if (!s.ok()) return;  // keep the last values; the pool's metrics show the outage
    backlog->Set(static_cast<double>(b.unsent));
    oldest_age->Set(b.oldest ? std::max(0.0, absl::ToDoubleSeconds(absl::Now() - *b.oldest)) : 0.0);
  }
};

namespace {

std::shared_ptr<grpc::Channel> AuditChannel(const std::string& address, const RelayOptions& o) {
  grpc::ChannelArguments args;
  // gRPC's own reconnect backoff grows to two minutes; keep it within ours so
  // the relay notices svc-audit coming back within max_backoff.
  args.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS,
              static_cast<int>(absl::ToInt64Milliseconds(o.initial_backoff)));
  args.SetInt(GRPC_ARG_MIN_RECONNECT_BACKOFF_MS,
              static_cast<int>(absl::ToInt64Milliseconds(o.initial_backoff)));
  args.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS,
              static_cast<int>(absl::ToInt64Milliseconds(o.max_backoff)));
  return grpc::CreateCustomChannel(address, grpc::InsecureChannelCredentials(), args);
}

// Half the backoff fixed, half random: replicas that failed together do not
// retry together.
absl::Duration Jittered(absl::Duration backoff) {
  thread_local std::minstd_rand rng{std::random_device{}()};
  std::uniform_real_distribution<double> half(0.5, 1.0);
  return backoff * half(rng);
}

// Failures that go away by themselves (svc-audit down, slow, busy).
bool Transient(const absl::Status& s) {
  switch (s.code()) {
    case absl::StatusCode::kUnavailable:
    case absl::StatusCode::kDeadlineExceeded:
    case absl::StatusCode::kResourceExhausted:
    case absl::StatusCode::kAborted:
    case absl::StatusCode::kCancelled:
    case absl::StatusCode::kUnknown:
      return true;
    default:
      return false;
  }
}

}  // namespace

OutboxRelay::OutboxRelay(db::DbPool& pool, RelayOptions options, TokenSource token,
                         metrics::Registry* registry)
    : pool_(pool),
      options_(std::move(options)),
      token_(std::move(token)),
      channel_(AuditChannel(options_.audit_address, options_)),
      stub_(audit_v1::AuditService::NewStub(channel_)),
      gauges_(std::make_shared<Gauges>()) {
  {
    absl::MutexLock lock(&gauges_->mu);
    gauges_->pool = &pool_;
  }
  if (registry == nullptr) return;
  sent_total_ = &registry
                     ->AddCounter("outbox_sent_events_total",
                                  "Audit events appended to svc-audit and marked sent.")
                     .WithLabels({});
  send_errors_ = &registry->AddCounter(
      "outbox_send_errors_total", "Failed AppendEvents calls of the outbox relay, by gRPC code.",
      {"code"});
  batch_seconds_ = &registry
                        ->AddHistogram("outbox_batch_seconds",
                                       "Time to send one outbox batch and mark it sent.", {},
                                       metrics::LatencyBuckets())
                        .WithLabels({});
  gauges_->backlog =
      &registry->AddGauge("outbox_backlog_events", "Audit events in the outbox not yet sent.")
           .WithLabels({});
  gauges_->oldest_age = &registry
                             ->AddGauge("outbox_oldest_unsent_age_seconds",
                                        "Age of the oldest unsent audit event (0 when none).")
                             .WithLabels({});
  registry->AddCollector([gauges = gauges_] { gauges->Refresh(); });
}

OutboxRelay::~OutboxRelay() {
  Stop(absl::ZeroDuration());
  absl::MutexLock lock(&gauges_->mu);
  gauges_->pool = nullptr;
}

void OutboxRelay::Start() {
  absl::MutexLock lock(&mu_);
  if (started_ || stopping_) return;
  started_ = true;
  thread_ = std::thread([this] { Loop(); });
}

void OutboxRelay::Notify() {
  absl::MutexLock lock(&mu_);
  woken_ = true;
}

void OutboxRelay::Stop(absl::Duration flush_deadline) {
  {
    absl::MutexLock lock(&mu_);
    if (!stopping_) {  // the first Stop sets the deadline
      stopping_ = true;
      flush_until_ = absl::Now() + flush_deadline;
    }
  }
  absl::MutexLock lock(&join_mu_);  // a concurrent second Stop waits for the first
  if (thread_.joinable()) thread_.join();
}

void OutboxRelay::Pause(absl::Duration d, bool notify_wakes) {
  absl::MutexLock lock(&mu_);
  const bool was_stopping = stopping_;
  if (was_stopping) d = std::min(d, flush_until_ - absl::Now());
  if (d <= absl::ZeroDuration()) return;
  auto wake = [&]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    return stopping_ != was_stopping || (notify_wakes && woken_);
  };
  mu_.AwaitWithTimeout(absl::Condition(&wake), d);
  if (notify_wakes) woken_ = false;
}

void OutboxRelay::Loop() {
  absl::Duration backoff = absl::ZeroDuration();
  absl::Time next_sweep = absl::Now();
  while (true) {
    bool stopping;
    absl::Time flush_until;
    {
      absl::MutexLock lock(&mu_);
      stopping = stopping_;
      flush_until = flush_until_;
      woken_ = false;  // this round sees whatever a Notify announced
    }
    if (stopping && absl::Now() >= flush_until) break;
    if (!stopping && absl::Now() >= next_sweep) {
      absl::StatusOr<int> swept = SweepSent(absl::Now());
      if (!swept.ok()) {
        log::Warn("outbox sweep failed", {{"error", swept.status().message()}});
      } else if (*swept > 0) {
        log::Info("outbox sweep", {{"deleted", *swept}});
      }
      next_sweep = absl::Now() + options_.sweep_interval;
    }
    const RoundOutcome round = RunRound(stopping ? flush_until : absl::InfiniteFuture());
    switch (round.kind) {
      case RoundOutcome::Kind::kSent:
        backoff = absl::ZeroDuration();
        break;  // straight on: more may be waiting
      case RoundOutcome::Kind::kEmpty:
        backoff = absl::ZeroDuration();
        if (stopping) return;  // drained
        Pause(options_.idle_poll, /*notify_wakes=*/true);
        break;
      case RoundOutcome::Kind::kLeaseBusy:
        // Another replica is sending; while draining, ask again soon.
        backoff = absl::ZeroDuration();
        Pause(stopping ? std::min(options_.idle_poll, absl::Milliseconds(20)) : options_.idle_poll,
              /*notify_wakes=*/true);
        break;
      case RoundOutcome::Kind::kFailed:
        backoff = backoff == absl::ZeroDuration()
                      ? options_.initial_backoff
                      : std::min(backoff * 2, options_.max_backoff);
        Pause(Jittered(backoff), /*notify_wakes=*/false);
        break;
    }
  }
  log::Warn("outbox relay stopped at its flush deadline; what is left is sent after the next start");
}

RoundOutcome OutboxRelay::RunRound(absl::Time not_after) {
  RoundOutcome out;
  const absl::Time start = absl::Now();
  absl::Status appended;
  absl::Status db = pool_.Transact([&](sql::Connection& conn) -> absl::Status {
    // The body may run again (deadlock, lost connection): start clean.
    out = RoundOutcome{};
    appended = absl::OkStatus();
    if (!store::TryLease(conn)) {
      out.kind = RoundOutcome::Kind::kLeaseBusy;
      return absl::OkStatus();
    }
    std::vector<store::PendingEvent> pending = store::Pending(conn, options_.batch_size);
    out.more = static_cast<int>(pending.size()) == options_.batch_size;
    audit_v1::AppendEventsRequest request;
    std::vector<int64_t> seqs;
    size_t bytes = 0;
    for (const auto& row : pending) {
      if (!seqs.empty() && bytes + row.payload.size() > options_.max_batch_bytes) {
        out.more = true;
        break;
      }
      if (!request.add_events()->ParseFromString(row.payload)) {
        appended = absl::DataLossError(absl::StrCat("outbox row ", row.seq, " does not parse"));
        return absl::OkStatus();
      }
      bytes += row.payload.size();
      seqs.push_back(row.seq);
    }
    if (seqs.empty()) return absl::OkStatus();
    appended = Append(request, not_after);
    // On failure nothing was written: ending the transaction just releases
    // the lease (the rows stay unsent).
    if (!appended.ok()) return absl::OkStatus();
    store::MarkSent(conn, seqs);
    out.kind = RoundOutcome::Kind::kSent;
    out.sent = static_cast<int>(seqs.size());
    return absl::OkStatus();
  });
  if (!db.ok() || !appended.ok()) {
    out.kind = RoundOutcome::Kind::kFailed;
    out.sent = 0;
    out.error = db.ok() ? appended : db;
    const std::string code = absl::StatusCodeToString(out.error.code());
    if (!appended.ok() && send_errors_ != nullptr) send_errors_->WithLabels({code}).Inc();
    if (!db.ok()) {
      log::Warn("outbox round failed at the database", {{"code", code}, {"error", db.message()}});
    } else if (Transient(appended)) {
      log::Warn("outbox batch not accepted by svc-audit; retrying",
                {{"code", code}, {"error", appended.message()}});
    } else {
      // Retrying cannot help until someone fixes the cause; the outbox waits
      // behind this batch (outbox_oldest_unsent_age_seconds grows).
      log::Error("svc-audit refuses an outbox batch; events wait until the cause is fixed",
                 {{"code", code}, {"error", appended.message()}});
    }
    return out;
  }
  if (out.kind == RoundOutcome::Kind::kSent) {
    if (sent_total_ != nullptr) sent_total_->Inc(out.sent);
    if (batch_seconds_ != nullptr) batch_seconds_->Observe(absl::ToDoubleSeconds(absl::Now() - start));
  }
  return out;
}

absl::Status OutboxRelay::Append(const audit_v1::AppendEventsRequest& request, absl::Time not_after) {
  absl::StatusOr<std::string> token = token_ ? token_() : absl::FailedPreconditionError("no token source");
  if (!token.ok()) {
    return absl::Status(token.status().code(),
                        absl::StrCat("service token: ", token.status().message()));
  }
  grpc::ClientContext ctx;
  ctx.set_deadline(absl::ToChronoTime(std::min(absl::Now() + options_.rpc_deadline, not_after)));
  ctx.AddMetadata("authorization", absl::StrCat("Bearer ", *token));
  audit_v1::AppendEventsResponse response;
  const grpc::Status s = stub_->AppendEvents(&ctx, request, &response);
  if (!s.ok()) {
    // Rebuilt bare: details from the other side must not steer our database retries.
    return absl::Status(static_cast<absl::StatusCode>(s.error_code()), s.error_message());
  }
  if (response.results_size() != request.events_size()) {
    return absl::InternalError(absl::StrCat("svc-audit acknowledged ", response.results_size(),
                                            " of ", request.events_size(), " events"));
  }
  for (int i = 0; i < request.events_size(); ++i) {
    if (response.results(i).event_id() != request.events(i).event_id()) {
      return absl::InternalError(absl::StrCat("svc-audit acknowledged ", response.results(i).event_id(),
                                              " in place of ", request.events(i).event_id()));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<int> OutboxRelay::SweepSent(absl::Time now) {
  const absl::Time cutoff = now - options_.retention;
  int total = 0;
  while (true) {
    int deleted = 0;
    absl::Status s = pool_.Transact([&](sql::Connection& conn) {
      deleted = store::DeleteSentBefore(conn, cutoff, options_.sweep_batch);
      return absl::OkStatus();
    });
    if (!s.ok()) return s;
    total += deleted;
    if (deleted < options_.sweep_batch) return total;
  }
}

}  // namespace huinong::outbox
