// Who svc-loans' changes are made as: its outbox identity ("svc-loans",
// actions "loans.*"; svc-audit accepts an event only from the relay's
// service account of that name) and the principal of the changes the
// service makes by itself (the close-of-business job's background runs).
#pragma once

#include "absl/time/time.h"
#include "common/auth/principal.h"
#include "common/server/mutation.h"

namespace huinong::loans {

inline constexpr char kServiceName[] = "svc-loans";

inline const server::ServiceIdentity& LoansIdentity() {
  static const server::ServiceIdentity* identity = new server::ServiceIdentity{kServiceName, "loans"};
  return *identity;
}

inline const auth::Principal& LoansSystemActor() {
  static const auth::Principal* system =
      new auth::Principal{kServiceName, {"service"}, "", absl::InfiniteFuture()};
  return *system;
}

}  // namespace huinong::loans
