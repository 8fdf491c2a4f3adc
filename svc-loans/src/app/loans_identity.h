// Who svc-loans' changes are made as: its outbox identity ("svc-loans",
// actions "loans.*"; svc-audit accepts an event only from the relay's
// service account of that name).
#pragma once

#include "common/server/mutation.h"

namespace huinong::loans {

inline constexpr char kServiceName[] = "svc-loans";

inline const server::ServiceIdentity& LoansIdentity() {
  static const server::ServiceIdentity* identity = new server::ServiceIdentity{kServiceName, "loans"};
  return *identity;
}

}  // namespace huinong::loans
