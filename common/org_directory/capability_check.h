// "May this person do this for that unit today?" asked of svc-org from
// another service (loans' workflow steps, tickets' routing): the one client
// of OrgQueryService.CheckCapability, with the answers cached.
//
// Guarantees:
// - an answer (allowed or not) is reused for at most `ttl` (TtlCache), so a
//   post or assignment changed in svc-org is honoured here within `ttl`;
// - a failure is never cached and never read as "no": svc-org unreachable or
//   answering late is UNAVAILABLE / ORG_UNAVAILABLE (the caller's method then
//   fails with UNAVAILABLE, as every loans method documents); a refusal of
//   the question itself (NOT_FOUND for an unknown unit or staff member,
//   INVALID_ARGUMENT) is returned with svc-org's code, and this service's
//   own token refused is INTERNAL (not the caller's fault);
// - every call carries the service's own bearer token (its TokenSource) and
//   a deadline; thread-safe.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include <grpcpp/channel.h>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "common/core/ttl_cache.h"
#include "common/org_directory/org_call.h"
#include "huinong/org/v1/org_query_service.grpc.pb.h"

namespace huinong::org_directory {

struct CapabilityCheckOptions {
  absl::Duration ttl = absl::Seconds(30);
  size_t max_entries = 10'000;
  absl::Duration deadline = absl::Seconds(2);
};

class CapabilityCheck {
 public:
  CapabilityCheck(std::shared_ptr<grpc::Channel> org, TokenSource token, CapabilityCheckOptions options = {},
                  std::function<absl::Time()> clock = absl::Now);

  // Whether `staff_id` holds `capability` for `unit_id` on `day` (the
  // county's business day).
  absl::StatusOr<bool> Holds(const std::string& staff_id, const std::string& capability,
                             const std::string& unit_id, absl::CivilDay day);

 private:
  std::unique_ptr<org::v1::OrgQueryService::Stub> stub_;
  TokenSource token_;
  CapabilityCheckOptions options_;
  TtlCache<bool> answers_;
};

}  // namespace huinong::org_directory
