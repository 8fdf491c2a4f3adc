// Prepared inputs (plan.h, "prepare"): for a write that needs a fresh record
// in the right state per call — SubmitApplication needs a DRAFT and its etag,
// RecordSurvey a SUBMITTED one — the items are made through the API before
// the measurement (untimed), and each call of the measurement takes the
// request of the next unused item.
//
// Guarantees: no item is sent twice while unused ones remain; an item not
// used by one measurement is used by the next (TopUp only adds what is
// missing, so a run makes about as many items as it sends); a measurement
// that ran out is known (exhausted()), so it is reported as failed, never as
// a number; TopUp makes items on `threads` threads, each item by one call of
// the maker, and fails with the first item's failure.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <vector>

#include "absl/status/statusor.h"
#include "bench/closed_loop.h"
#include "bench/grpc_load.h"
#include "bench/plan.h"
#include "bench/request_template.h"
#include "bench/setup_steps.h"

namespace huinong::bench {

// Makes item number `item` (0, 1, ... over the whole run): the serialized request that will use it.
using ItemMaker = std::function<absl::StatusOr<grpc::ByteBuffer>(int64_t item)>;

class PreparedInputs final : public RequestSource {
 public:
  explicit PreparedInputs(ItemMaker make) : make_(std::move(make)) {}

  // Makes items until `unused` are waiting; clears exhausted(). Not while a load runs.
  absl::Status TopUp(int64_t unused, int threads);
  // The next unused item's request; after the last, the last again (and exhausted() turns true).
  grpc::ByteBuffer Next(int slot) override;

  bool exhausted() const { return exhausted_.load(); }
  int64_t made() const { return static_cast<int64_t>(items_.size()); }
  int64_t unused() const;

 private:
  ItemMaker make_;
  std::vector<grpc::ByteBuffer> items_;
  std::atomic<int64_t> next_{0};
  std::atomic<bool> exhausted_{false};
};

// Items a measurement may use: `max_rate` calls per second over its warm-up
// and window (or its count), plus one per call in flight.
int64_t ItemsFor(double max_rate, const LoopOptions& loop);

// The maker of a scenario's items: its prepare steps run with the plan's
// variables plus ${item} (the item's number), list variables indexed by the
// item number, and the captures of the item's own steps; then the
// scenario's request expanded with those variables (a fresh {{ulid}} each).
ItemMaker StepItems(const Scenario& scenario, const MethodInfo& method, StepContext& context, Variables vars);

}  // namespace huinong::bench
