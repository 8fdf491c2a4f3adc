// Who svc-org's changes are made as: its outbox identity ("svc-org", actions
// "org.*"; svc-audit accepts an event only from the relay's service account of
// that name) and the principal of the changes the service makes by itself
// (scheduled unit versions falling due).
#pragma once

#include "absl/time/time.h"
#include "common/auth/principal.h"
#include "common/server/mutation.h"

namespace huinong::org {

inline constexpr char kServiceName[] = "svc-org";

inline const server::ServiceIdentity& OrgIdentity() {
  static const server::ServiceIdentity* identity = new server::ServiceIdentity{kServiceName, "org"};
  return *identity;
}

inline const auth::Principal& SystemActor() {
  static const auth::Principal* system =
      new auth::Principal{kServiceName, {"service"}, "", absl::InfiniteFuture()};
  return *system;
}

}  // namespace huinong::org
