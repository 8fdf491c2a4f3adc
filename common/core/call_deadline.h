// The deadline of the call this thread is serving, so that work the call
// causes further down — a question to another service — never outlives the
// caller's patience: server::Handle sets it for the handler's duration from
// the gRPC deadline, and clients of other services (org_directory's
// CallOrg) cap their own deadline by it.
//
// Guarantees: scopes nest and restore the outer deadline when they end;
// without a scope the deadline is InfiniteFuture (a background job has no
// caller to outwait). Thread-local: a handler's thread only.
#pragma once

#include "absl/time/time.h"

namespace huinong {

absl::Time CurrentCallDeadline();

class CallDeadlineScope {
 public:
  explicit CallDeadlineScope(absl::Time deadline);
  ~CallDeadlineScope();
  CallDeadlineScope(const CallDeadlineScope&) = delete;
  CallDeadlineScope& operator=(const CallDeadlineScope&) = delete;

 private:
  absl::Time outer_;
};

}  // namespace huinong
