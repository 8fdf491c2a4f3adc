// svc-tickets as the author of its audit events and as the actor of its own
// background work (the SLA scanner).
#pragma once

#include "absl/time/time.h"
#include "common/auth/principal.h"
#include "common/server/mutation.h"

namespace huinong::tickets {

inline constexpr char kServiceName[] = "svc-tickets";

inline const server::ServiceIdentity& TicketsIdentity() {
  static const server::ServiceIdentity* identity = new server::ServiceIdentity{kServiceName, "tickets"};
  return *identity;
}

// The SLA scanner's principal: a service account, so ticket_actors.h
// weighs it as the scanner.
inline const auth::Principal& ScannerActor() {
  static const auth::Principal* scanner =
      new auth::Principal{kServiceName, {"service"}, "", absl::InfiniteFuture()};
  return *scanner;
}

}  // namespace huinong::tickets
