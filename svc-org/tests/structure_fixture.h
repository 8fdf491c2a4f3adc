// The in-process svc-org of org_fixture.h plus shorthands for building a
// structure in tests: posts, quotas, staff, assignments and policies created
// as admin (failing the test when refused), dates, and the reasons, fields
// and audit events of a call.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "huinong/audit/v1/audit.pb.h"
#include "svc-org/tests/org_fixture.h"

namespace huinong::org {

class StructureFixture : public OrgFixture {
 protected:
  static type::v1::Date D(int year, int month, int day);
  static type::v1::Date Today();
  static type::v1::Date DaysFromToday(int days);
  static std::string Reason(const grpc::Status& s);
  static std::set<std::string> Fields(const grpc::Status& s);
  std::string NextRequest() { return "req-" + std::to_string(++next_request_); }

  // A post of `unit` (ACTIVE, kind SUPPORT unless `edit` says otherwise).
  v1::Post MustPost(const v1::Unit& unit, const std::string& title,
                    const std::function<void(v1::Post&)>& edit = {});
  v1::Staff MustStaff(const std::string& display_name,
                      const std::function<void(v1::Staff&)>& edit = {});
  // A quota of `unit` (post empty for the unit's total).
  v1::Quota MustQuota(const v1::Unit& unit, const std::string& post, v1::QuotaKind kind, int min,
                      int max);

  v1::CreateAssignmentRequest AssignRequest(const v1::Staff& staff, const v1::Post& post,
                                            v1::AssignmentKind kind, const type::v1::Date& from);
  grpc::Status Assign(const v1::CreateAssignmentRequest& req, v1::Assignment* out);
  v1::Assignment MustAssign(const v1::Staff& staff, const v1::Post& post, v1::AssignmentKind kind,
                            const type::v1::Date& from);

  v1::ConcurrencyPolicy MustPolicy(const v1::ConcurrencyPolicy& policy);
  // An ACTING assignment of `acting` for `absent` on `post` from..to,
  // delegated by `by`; returns the call's status.
  grpc::Status Act(const v1::Staff& acting, const v1::Staff& absent, const v1::Staff& by,
                   const v1::Post& post, const type::v1::Date& from, const type::v1::Date& to,
                   v1::Assignment* out, const std::vector<std::string>& capabilities = {});

  std::vector<audit::v1::Event> OutboxEvents() const;
};

}  // namespace huinong::org
