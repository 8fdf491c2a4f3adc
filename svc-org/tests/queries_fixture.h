// StructureFixture plus the eight query RPCs: a second in-process server on
// the same database and gate whose service forwards them to QueriesApi, the
// way OrgApi does in the binary, reached through `queries_`.
#pragma once

#include <memory>

#include "svc-org/src/api/queries_api.h"
#include "svc-org/tests/structure_fixture.h"

namespace huinong::org {

class QueriesFixture : public StructureFixture {
 protected:
  void SetUp() override;
  void TearDown() override;

  metrics::Registry queries_registry_;
  std::unique_ptr<server::HandlerKit> queries_kit_;
  std::unique_ptr<CallerScopes> queries_scopes_;
  std::unique_ptr<QueriesApi> queries_api_;
  std::unique_ptr<v1::OrgService::Service> forwarder_;
  std::unique_ptr<server::ServiceHost> queries_host_;
  std::unique_ptr<v1::OrgService::Stub> queries_;
};

}  // namespace huinong::org
