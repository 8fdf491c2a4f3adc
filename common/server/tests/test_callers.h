// Real tokens for in-process tests: one HS256 secret, a CallGate that
// verifies it exactly as a service does, and client contexts carrying a
// freshly minted token for any subject, roles and unit.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <grpcpp/client_context.h>

#include "common/server/call_gate.h"

namespace huinong::server {

class TestCallers {
 public:
  TestCallers();

  CallGate& gate() { return *gate_; }
  // Fails the current test if the claims cannot be minted.
  std::string Token(const std::string& subject, const std::vector<std::string>& roles,
                    const std::string& unit = "") const;
  std::unique_ptr<grpc::ClientContext> As(const std::string& subject,
                                          const std::vector<std::string>& roles,
                                          const std::string& unit = "") const;

 private:
  std::unique_ptr<CallGate> gate_;
};

}  // namespace huinong::server
