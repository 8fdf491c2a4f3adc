// An in-process svc-audit for integration tests, run the way production runs
// it: a fresh database on the test MariaDB whose schema is created by the
// admin (migrator) account, a restricted runtime account holding exactly
// audit::RuntimeGrants (append-only events), the real handlers behind the
// real server bootstrap on a free port, a checkpointer signing on demand, and
// auditor scopes from a fixed county -> township -> village tree instead of
// svc-org. Tampering "as root" goes through TestDatabase::Admin().
#pragma once

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <grpcpp/client_context.h>
#include <gtest/gtest.h>

#include "common/audit_chain/chain.h"
#include "common/db/tests/test_database.h"
#include "common/metrics/registry.h"
#include "common/server/service_host.h"
#include "common/server/tests/test_callers.h"
#include "huinong/audit/v1/audit.grpc.pb.h"
#include "svc-audit/src/api/audit_api.h"
#include "svc-audit/src/jobs/checkpointer.h"

namespace huinong::audit {

// The fixed org tree behind every auditor's scope:
//   kCounty ─┬─ kT1 ── kV1
//            └─ kT2 ── kV2
inline constexpr char kCounty[] = "units/C01";
inline constexpr char kT1[] = "units/T01";
inline constexpr char kT2[] = "units/T02";
inline constexpr char kV1[] = "units/V11";
inline constexpr char kV2[] = "units/V21";

// The callers the tests play.
enum class As { kService, kAdmin, kCountyAuditor, kTownshipAuditor, kStaff };
inline constexpr char kCountyAuditorSubject[] = "staff/county-auditor";
inline constexpr char kTownshipAuditorSubject[] = "staff/t1-auditor";

// Everything an export stream delivered.
struct ExportResult {
  grpc::Status status;
  std::optional<v1::ExportHeader> header;
  std::vector<v1::Event> events;
  std::vector<v1::Checkpoint> checkpoints;
  // The stream in order: 'H' header, 'E' event, 'C' checkpoint, with the sequence.
  std::vector<std::pair<char, int64_t>> order;
};

class AuditFixture : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  std::unique_ptr<grpc::ClientContext> Ctx(As who) const;

  // A valid event from svc-org (the service account's subject), number `n`
  // in time order; callers adjust fields before appending.
  static v1::Event MakeEvent(const std::string& event_id, int n = 0);
  grpc::Status Append(const std::vector<v1::Event>& events, v1::AppendEventsResponse* resp,
                      As who = As::kService);
  // Appends `count` fresh events (ids "<prefix>-<i>") and fails the test if it cannot.
  std::vector<v1::Event> MustAppend(const std::string& prefix, int count);

  grpc::Status Verify(const v1::VerifyChainRequest& req, v1::VerifyChainResponse* resp,
                      As who = As::kAdmin);
  v1::VerifyChainResponse MustVerifyAll();
  grpc::Status Search(const v1::SearchEventsRequest& req, v1::SearchEventsResponse* resp,
                      As who = As::kAdmin);
  ExportResult Export(const v1::ExportEventsRequest& req, As who = As::kAdmin);

  // As admin, straight from MariaDB (independent of the service's own reads).
  int64_t Count(const std::string& where = "1=1") const;
  int64_t HeadSequence() const;
  std::string HeadHash() const;
  // Stored rows with seq in [from, to], ascending, parsed without the store code.
  std::vector<Event> StoredRows(int64_t from, int64_t to) const;
  // Inserts a row exactly as given (the forger's hand).
  void InsertRowAsAdmin(const Event& e) const;

  static std::string ReasonOf(const grpc::Status& s);
  static std::set<std::string> FieldsOf(const grpc::Status& s);

  std::unique_ptr<db::TestDatabase> db_;
  std::string runtime_user_;
  std::string runtime_password_;
  SigningKeyPair key_;
  std::unique_ptr<db::DbPool> pool_;  // the restricted runtime account
  server::TestCallers callers_;
  server::CallGate* gate_ = &callers_.gate();
  std::unique_ptr<AuditApi> api_;
  std::unique_ptr<Checkpointer> checkpointer_;
  metrics::Registry registry_;
  std::unique_ptr<server::ServiceHost> host_;
  std::unique_ptr<v1::AuditService::Stub> stub_;
};

}  // namespace huinong::audit
