// What an auditor may read: events whose actor unit or resource unit lies in
// the subtree of the unit the auditor acts for. The subtree comes from
// svc-org (ListUnitSubtree, with this service's own service-account token)
// and is cached for 30 s per unit (a bounded TtlCache). Admins read the whole chain.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <grpcpp/channel.h>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/auth/principal.h"
#include "common/core/ttl_cache.h"

namespace huinong::audit {

struct ReaderScope {
  bool whole_chain = false;          // admin, or an auditor acting for a root unit
  std::vector<std::string> units;    // "units/{id}" in the reader's subtree (when not whole)
};

class AuditorScopes {
 public:
  using TokenSource = std::function<absl::StatusOr<std::string>()>;
  // `org` may be null: then only admins (and auditors without a unit, who
  // read nothing) are served.
  AuditorScopes(std::shared_ptr<grpc::Channel> org, TokenSource token);
  virtual ~AuditorScopes() = default;

  absl::StatusOr<ReaderScope> For(const auth::Principal& caller);

 protected:
  // The subtree of `unit` and whether it is a root; virtual for tests.
  virtual absl::StatusOr<std::pair<std::vector<std::string>, bool>> Subtree(const std::string& unit);

 private:
  std::shared_ptr<grpc::Channel> org_;
  TokenSource token_;
  // A unit's subtree changes only when units move; an auditor sees a move
  // within this long. Bounded: one entry per unit asked about.
  static constexpr absl::Duration kScopeTtl = absl::Seconds(30);
  static constexpr size_t kMaxScopes = 10000;
  TtlCache<ReaderScope> cache_;
};

}  // namespace huinong::audit
