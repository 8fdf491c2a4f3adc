// Where a unit stands in svc-org's tree, as another service needs it: the
// chain from the root down to the unit, each link with its place level
// (county, township, village, or none for a department or a partner's
// branch). svc-loans reads it to place an application (its township and
// county) and to decide whether a caller's unit covers one.
//
// Guarantees: a chain is reused for at most `ttl` (units move rarely; a move
// is seen within `ttl`); failures are never cached and keep CallOrg's
// mapping (org_call.h): svc-org down is UNAVAILABLE / ORG_UNAVAILABLE, an
// unknown unit NOT_FOUND. Thread-safe.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <grpcpp/channel.h>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/core/ttl_cache.h"
#include "common/org_directory/org_call.h"
#include "huinong/org/v1/unit_service.grpc.pb.h"

namespace huinong::org_directory {

struct UnitLink {
  std::string id;  // without "units/"
  type::v1::Level level = type::v1::LEVEL_UNSPECIFIED;
  std::string display_name;
};

// Root first; the unit itself last.
struct UnitLineage {
  std::vector<UnitLink> chain;

  const UnitLink& unit() const { return chain.back(); }
  // The nearest link at `level`, the unit itself included; none if absent.
  const UnitLink* Nearest(type::v1::Level level) const;
  // Whether `unit_id` is the unit or one of its ancestors.
  bool Within(const std::string& unit_id) const;
};

struct UnitDirectoryOptions {
  absl::Duration ttl = absl::Seconds(30);
  size_t max_entries = 100'000;
  absl::Duration deadline = absl::Seconds(2);
};

class UnitDirectory {
 public:
  UnitDirectory(std::shared_ptr<grpc::Channel> org, TokenSource token, UnitDirectoryOptions options = {},
                std::function<absl::Time()> clock = absl::Now);

  // The chain of `unit_id` (without "units/").
  absl::StatusOr<UnitLineage> Lineage(const std::string& unit_id);

 private:
  std::unique_ptr<org::v1::UnitService::Stub> stub_;
  TokenSource token_;
  UnitDirectoryOptions options_;
  TtlCache<std::shared_ptr<const UnitLineage>> lineages_;
};

}  // namespace huinong::org_directory
