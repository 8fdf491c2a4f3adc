// Who may write and read the trail: only service accounts append, each only
// its own events; only admins and auditors read; a township auditor sees only
// events whose actor or resource lies in their township; only county-wide
// readers export; and every read is itself recorded in the chain.
#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "svc-audit/tests/audit_fixture.h"

namespace huinong::audit {
namespace {

class AuditAccess : public AuditFixture {
 protected:
  v1::Event At(const std::string& id, const std::string& actor_unit,
               const std::string& resource_unit) {
    v1::Event e = MakeEvent(id, static_cast<int>(next_++));
    e.mutable_actor()->set_unit(actor_unit);
    e.set_resource_unit(resource_unit);
    return e;
  }

  // Events across the tree; the comment says whether T1's auditor may see it.
  void AppendAcrossTheTree() {
    v1::AppendEventsResponse resp;
    grpc::Status s = Append({
                                At("v1-by-v1", kV1, kV1),          // yes: both in T1
                                At("v2-by-v2", kV2, kV2),          // no
                                At("v1-by-county", kCounty, kV1),  // yes: resource in T1
                                At("t1-by-v2", kV2, kT1),          // yes: resource is T1
                                At("t2-by-county", kCounty, kT2),  // no
                                At("none-by-t1", kT1, ""),         // yes: actor in T1
                                At("county-by-county", kCounty, kCounty),  // no
                            },
                            &resp);
    ASSERT_TRUE(s.ok()) << s.error_message();
  }

  // Event ids of a search's results, audit read events left out.
  static std::set<std::string> ChangeIds(const v1::SearchEventsResponse& r) {
    std::set<std::string> ids;
    for (const auto& e : r.events()) {
      if (e.service() != "svc-audit") ids.insert(e.event_id());
    }
    return ids;
  }

  int64_t next_ = 0;
};

TEST_F(AuditAccess, OnlyServiceAccountsAppend) {
  v1::AppendEventsResponse resp;
  for (As who : {As::kAdmin, As::kCountyAuditor, As::kStaff}) {
    grpc::Status s = Append({MakeEvent("not-a-service", 1)}, &resp, who);
    EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED) << static_cast<int>(who);
  }
  EXPECT_EQ(Count(), 0);

  grpc::ClientContext anonymous;
  v1::AppendEventsRequest req;
  *req.add_events() = MakeEvent("anon", 1);
  EXPECT_EQ(stub_->AppendEvents(&anonymous, req, &resp).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(Count(), 0);
}

TEST_F(AuditAccess, ServiceAppendsOnlyItsOwnEvents) {
  v1::Event theirs = MakeEvent("loans-1", 1);
  theirs.set_service("svc-loans");
  v1::AppendEventsResponse resp;
  grpc::Status s = Append({MakeEvent("org-1", 0), theirs}, &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(ReasonOf(s), "SERVICE_MISMATCH");
  EXPECT_EQ(Count(), 0);
}

TEST_F(AuditAccess, StaffWithoutAuditorRoleCannotRead) {
  MustAppend("ev", 3);
  v1::SearchEventsResponse found;
  EXPECT_EQ(Search(v1::SearchEventsRequest(), &found, As::kStaff).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  v1::VerifyChainResponse verified;
  EXPECT_EQ(Verify(v1::VerifyChainRequest(), &verified, As::kStaff).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  ExportResult exported = Export(v1::ExportEventsRequest(), As::kStaff);
  EXPECT_EQ(exported.status.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_TRUE(exported.events.empty());
  // A service account is not a reader either.
  EXPECT_EQ(Search(v1::SearchEventsRequest(), &found, As::kService).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
}

TEST_F(AuditAccess, TownshipAuditorSeesOnlyItsTownship) {
  AppendAcrossTheTree();
  v1::SearchEventsResponse r;
  grpc::Status s = Search(v1::SearchEventsRequest(), &r, As::kTownshipAuditor);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(ChangeIds(r),
            (std::set<std::string>{"v1-by-v1", "v1-by-county", "t1-by-v2", "none-by-t1"}));
  const std::set<std::string> scope = {kT1, kV1};
  for (const auto& e : r.events()) {
    EXPECT_TRUE(scope.count(e.actor().unit()) || scope.count(e.resource_unit()))
        << e.event_id() << " actor " << e.actor().unit() << " resource " << e.resource_unit();
  }

  // Narrowing within scope works; asking for another township is refused.
  v1::SearchEventsRequest mine;
  mine.set_actor_unit(kV1);
  ASSERT_TRUE(Search(mine, &r, As::kTownshipAuditor).ok());
  EXPECT_EQ(ChangeIds(r), std::set<std::string>{"v1-by-v1"});
  v1::SearchEventsRequest theirs;
  theirs.set_actor_unit(kV2);
  EXPECT_EQ(Search(theirs, &r, As::kTownshipAuditor).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  theirs.set_actor_unit(kT2);
  EXPECT_EQ(Search(theirs, &r, As::kTownshipAuditor).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  // Looking T2's events up by their request id finds nothing for T1's auditor.
  for (const auto& id : {"v2-by-v2", "t2-by-county"}) {
    v1::SearchEventsRequest by_id;
    by_id.set_request_id(absl::StrCat("req-", id));
    ASSERT_TRUE(Search(by_id, &r, As::kTownshipAuditor).ok());
    EXPECT_EQ(r.events_size(), 0) << id;
  }

  // The county auditor sees all of it.
  ASSERT_TRUE(Search(v1::SearchEventsRequest(), &r, As::kCountyAuditor).ok());
  EXPECT_EQ(ChangeIds(r), (std::set<std::string>{"v1-by-v1", "v2-by-v2", "v1-by-county",
                                                 "t1-by-v2", "t2-by-county", "none-by-t1",
                                                 "county-by-county"}));
}

TEST_F(AuditAccess, OnlyCountyWideReadersExport) {
  AppendAcrossTheTree();
  ExportResult township = Export(v1::ExportEventsRequest(), As::kTownshipAuditor);
  EXPECT_EQ(township.status.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(ReasonOf(township.status), "EXPORT_REQUIRES_ROOT_SCOPE");
  EXPECT_FALSE(township.header.has_value());
  EXPECT_TRUE(township.events.empty());

  ExportResult county = Export(v1::ExportEventsRequest(), As::kCountyAuditor);
  ASSERT_TRUE(county.status.ok()) << county.status.error_message();
  ASSERT_TRUE(county.header.has_value());
  // The seven changes and the export's own read event.
  EXPECT_EQ(county.events.size(), 8u);
  EXPECT_EQ(county.events.back().action(), "audit.ExportEvents");
  EXPECT_EQ(county.events.back().actor().subject(), kCountyAuditorSubject);
}

TEST_F(AuditAccess, EveryReadIsRecordedWithItsReader) {
  MustAppend("ev", 4);
  v1::SearchEventsRequest req;
  req.set_action("org.UpdateUnit");
  v1::SearchEventsResponse r;
  ASSERT_TRUE(Search(req, &r, As::kCountyAuditor).ok());
  EXPECT_EQ(r.events_size(), 4);
  v1::VerifyChainResponse verified;
  ASSERT_TRUE(Verify(v1::VerifyChainRequest(), &verified, As::kTownshipAuditor).ok());
  EXPECT_TRUE(verified.ok());

  v1::SearchEventsRequest reads;
  reads.set_action("audit.SearchEvents");
  ASSERT_TRUE(Search(reads, &r).ok());
  ASSERT_GE(r.events_size(), 1);
  const v1::Event& read = r.events(0);
  EXPECT_EQ(read.actor().subject(), kCountyAuditorSubject);
  EXPECT_EQ(read.actor().unit(), kCounty);
  EXPECT_EQ(read.service(), "svc-audit");
  EXPECT_EQ(read.sequence(), 5);
  EXPECT_NE(read.after_json().find("\"action\":\"org.UpdateUnit\""), std::string::npos)
      << read.after_json();

  reads.set_action("audit.VerifyChain");
  ASSERT_TRUE(Search(reads, &r).ok());
  ASSERT_EQ(r.events_size(), 1);
  EXPECT_EQ(r.events(0).actor().subject(), kTownshipAuditorSubject);
  EXPECT_EQ(r.events(0).sequence(), 6);

  // The admin's own searches were recorded as well (seq 7 and 8).
  EXPECT_EQ(Count("action = 'audit.SearchEvents' AND actor_subject = 'admin'"), 2);
  EXPECT_TRUE(MustVerifyAll().ok());
}

}  // namespace
}  // namespace huinong::audit
