// An in-process stand-in for the gateway, svc-org and svc-audit (see
// fake_audit.h), for testing the client end to end without a database: an in-memory unit registry that follows the
// API's rules the client relies on (request-id replay, DUPLICATE_NAME among
// open siblings, etags, keyset-style paging with small pages so paging is
// exercised), and a Health service that, like the gateway, picks the backend
// from x-huinong-backend. Records each call's metadata and deadline.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <grpcpp/grpcpp.h>

#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "huinong/org/v1/org_service.grpc.pb.h"
#include "tools/huinongctl/tests/fake_audit.h"

namespace huinong::ctl::testing {

struct SeenCall {
  std::string method;
  std::multimap<std::string, std::string> metadata;
  absl::Duration deadline_in;  // deadline minus arrival time
};

class FakeOrg final : public org::v1::OrgService::Service {
 public:
  grpc::Status CreateUnit(grpc::ServerContext* ctx, const org::v1::CreateUnitRequest* req,
                          org::v1::Unit* resp) override;
  grpc::Status GetUnit(grpc::ServerContext* ctx, const org::v1::GetUnitRequest* req,
                       org::v1::Unit* resp) override;
  grpc::Status UpdateUnit(grpc::ServerContext* ctx, const org::v1::UpdateUnitRequest* req,
                          org::v1::Unit* resp) override;
  grpc::Status ListUnits(grpc::ServerContext* ctx, const org::v1::ListUnitsRequest* req,
                         org::v1::ListUnitsResponse* resp) override;
  grpc::Status MoveUnit(grpc::ServerContext* ctx, const org::v1::MoveUnitRequest* req,
                        org::v1::Unit* resp) override;
  grpc::Status ListUnitSubtree(grpc::ServerContext* ctx, const org::v1::ListUnitSubtreeRequest* req,
                               org::v1::ListUnitSubtreeResponse* resp) override;
  grpc::Status GetUnitAncestors(grpc::ServerContext* ctx, const org::v1::GetUnitAncestorsRequest* req,
                                org::v1::GetUnitAncestorsResponse* resp) override;

  std::vector<org::v1::Unit> Units() const;
  std::vector<SeenCall> Calls() const;
  const org::v1::UpdateUnitRequest& last_update() const { return last_update_; }

 private:
  void Record(grpc::ServerContext* ctx, const std::string& method);
  org::v1::Unit* Find(const std::string& name);  // requires mu_
  std::vector<const org::v1::Unit*> DepthFirst(const std::string& root, int max_depth);  // requires mu_
  void Redepth(const std::string& name, int depth);  // requires mu_

  mutable absl::Mutex mu_;
  std::vector<org::v1::Unit> units_;                   // creation order
  std::map<std::string, org::v1::Unit> replies_;       // by request id
  std::vector<SeenCall> calls_;
  org::v1::UpdateUnitRequest last_update_;
};

class FakeHealth final : public grpc::health::v1::Health::Service {
 public:
  grpc::Status Check(grpc::ServerContext* ctx, const grpc::health::v1::HealthCheckRequest* req,
                     grpc::health::v1::HealthCheckResponse* resp) override;
  void SetServing(const std::string& backend, bool serving);
  // Backend names seen in x-huinong-backend, with the service asked for.
  std::vector<std::pair<std::string, std::string>> Seen() const;

 private:
  mutable absl::Mutex mu_;
  std::set<std::string> not_serving_;
  std::vector<std::pair<std::string, std::string>> seen_;
};

// The services (org, audit, health) on 127.0.0.1:<ephemeral>, plaintext, like the gateway.
class FakeSuite {
 public:
  FakeSuite();
  ~FakeSuite();
  std::string address() const;
  FakeOrg& org() { return org_; }
  FakeHealth& health() { return health_; }
  FakeAudit& audit() { return audit_; }

 private:
  FakeOrg org_;
  FakeHealth health_;
  FakeAudit audit_;
  std::unique_ptr<grpc::Server> server_;
  int port_ = 0;
};

}  // namespace huinong::ctl::testing
