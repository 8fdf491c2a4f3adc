// This process's name in a lease row ("host:pid:random"): unique among the
// replicas of a service, so a background job (the loans close of business,
// the tickets SLA scanner) knows its own lease.
#pragma once

#include <string>

namespace huinong {

std::string ReplicaName();

}  // namespace huinong
