// Setup steps of a plan: ordinary calls to the suite (e.g. CreateUnit of a
// scratch unit with a fixed request id, so every run reuses the same rows)
// whose response fields are captured into variables for the templates; SQL
// statements on a service's database (bulk-loading benchmark rows); and
// named seeds (bench/seeds.h). Each call is made as the step's caller: the
// administrator, or a staff member acting for a unit.
//
// Guarantees: a step's failure names the step and keeps the gRPC code
// (UNIMPLEMENTED stays UNIMPLEMENTED, so the caller can say "not implemented
// yet"); a captured variable is replaced, not appended to, when a step runs
// again; Channels and Callers may be shared by threads (prepared inputs are
// made in parallel).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <grpcpp/channel.h>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "bench/plan.h"
#include "bench/raw_insert.h"
#include "bench/request_template.h"
#include "common/db/pool.h"

namespace huinong::bench {

// One channel per service address, opened on first use.
class Channels {
 public:
  explicit Channels(std::map<std::string, std::string> service_addr) : addr_(std::move(service_addr)) {}
  absl::StatusOr<std::shared_ptr<grpc::Channel>> For(const std::string& service);
  absl::StatusOr<std::string> Address(const std::string& service) const;

 private:
  std::map<std::string, std::string> addr_;
  absl::Mutex mu_;
  std::map<std::string, std::shared_ptr<grpc::Channel>> open_ ABSL_GUARDED_BY(mu_);
};

// The bearer tokens of the callers steps and scenarios name, minted once each.
class Callers {
 public:
  // Mints "Bearer ..." for a subject acting for a unit ("units/{id}").
  using Mint = std::function<absl::StatusOr<std::string>(const std::string& subject, const std::string& unit)>;
  Callers(std::string admin_bearer, Mint mint) : admin_(std::move(admin_bearer)), mint_(std::move(mint)) {}

  // `as` with ${variables} expanded (a list variable gives its first
  // element); a bare unit id becomes "units/{id}". The administrator's when
  // as.subject is empty.
  absl::StatusOr<std::string> Bearer(const Caller& as, const Variables& vars);

 private:
  const std::string admin_;
  const Mint mint_;
  absl::Mutex mu_;
  std::map<std::pair<std::string, std::string>, std::string> minted_ ABSL_GUARDED_BY(mu_);
};

// The services' databases, for SQL steps and seeds, reached with the suite's
// administrator account; one small pool per database, opened on first use.
// Statements may run for minutes (bulk loads), not the services' 10 s.
class Databases {
 public:
  explicit Databases(RawDbOptions admin) : admin_(std::move(admin)) {}
  // The pool of `service`'s database (huinong_<service>, as scripts/lib/common.sh names it).
  absl::StatusOr<db::DbPool*> For(const std::string& service);

 private:
  const RawDbOptions admin_;
  absl::Mutex mu_;
  std::map<std::string, std::unique_ptr<db::DbPool>> open_ ABSL_GUARDED_BY(mu_);
};

// What steps run with.
struct StepContext {
  Channels& channels;
  Callers& callers;
  Databases& databases;
};

// `slot` picks the element of a list variable, as in a template (plus the
// repeat index {{i}} of a repeated step).
absl::Status RunSteps(const std::vector<CallStep>& steps, StepContext& context, Variables& vars, int slot = 0);

// "not implemented yet: <message>" for UNIMPLEMENTED; otherwise "<CODE>: <message>".
std::string WhyNot(const absl::Status& status);

// "huinong.org.v1.PostService/CreatePost" -> "PostService/CreatePost".
std::string ShortMethod(const std::string& method);

// "huinong_" + service: the database scripts/up.sh gives each service.
std::string ServiceDatabase(const std::string& service);

}  // namespace huinong::bench
