// The suite's gRPC services, by the backend the gateway routes them to: what
// `huinongctl health` asks each backend about, and what the client tests'
// fake gateway answers for. One list, so a service added to a backend is
// added once.
#pragma once

#include <string>
#include <vector>

namespace huinong::ctl {

struct SuiteService {
  std::string backend;  // the x-huinong-backend value: org, tickets, loans, audit
  std::string service;  // full name, e.g. "huinong.org.v1.UnitService"
};

// Backends in the order org, tickets, loans, audit; each backend's services in
// the order of its *_services.h list.
const std::vector<SuiteService>& SuiteServices();

}  // namespace huinong::ctl
