// One demo object at a time, for `demo load` (see demo_loader.cc): each is
// created with its fixed request id ("demo:<kind>:<key>"), or, when the
// server says an equal object already exists, found and adopted; a post the
// server knows from an earlier version of the demo (REQUEST_ID_REUSED) is
// found and brought up to the current definition. Every
// object is tallied as created (made by the server during this run) or
// already present.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "google/protobuf/timestamp.pb.h"
#include "tools/huinongctl/src/demo_plan.h"
#include "tools/huinongctl/src/org_client.h"
#include "tools/huinongctl/src/output.h"

namespace huinong::ctl {

struct DemoCount {
  int created = 0;
  int total = 0;
};
// In a fixed order: units, posts, quotas, staff, assignments, policies, standards, chains, calendars,
// then svc-loans' loan policies, products, borrowers, applications and draws, and the servicing
// history's risk funds, fund contributions, repayments, write-offs, compensation claims, subsidy
// claims, extensions and return visits.
using DemoTally = std::vector<std::pair<std::string, DemoCount>>;

// KIND and TOTAL per object kind that has any: the same on every run of the
// same plan (the servicing history's kinds appear as its stages load).
Table DemoSummary(const DemoTally& tally);

// Whether an object with `create_time` was made by a run that began at
// `start`. Servers storing whole seconds are compared with `start` rounded
// down, so nothing made in the run's first second is missed.
bool CreatedSince(const google::protobuf::Timestamp& create_time, absl::Time start);

class DemoLoad {
 public:
  DemoLoad(const OrgClient& org, absl::Time start);

  void Count(const std::string& kind, const google::protobuf::Timestamp& create_time);
  // The servers stamp objects by their business clock, which may run off
  // this machine's (HUINONG_CLOCK_OFFSET; the demo's history loads with it
  // behind): how far, so that `created` compares like with like.
  void SetServerClockOffset(absl::Duration offset) { server_clock_offset_ = offset; }
  DemoTally tally() const;

  absl::StatusOr<org::v1::Post> Post(const DemoPost& demo, const std::string& unit, const std::string& superior);
  absl::Status PostQuota(const DemoPost& demo, const org::v1::Post& post);
  absl::Status UnitQuota(const DemoUnitQuota& demo, const std::string& unit);
  absl::StatusOr<org::v1::Staff> Staff(const DemoStaff& demo);
  absl::Status Assignment(const DemoAssignment& demo, const std::map<std::string, std::string>& staff,
                          const std::string& post);
  absl::Status Policy(const DemoPolicy& demo, const std::string& unit);
  absl::Status Standard(const DemoStandard& demo);
  // `units`: DemoUnit index -> units/{id}, for the chain's unit and its steps'.
  absl::Status Chain(const DemoChain& demo, const std::map<int, std::string>& units);
  // The calendar of `unit` ("units/{id}"); one the unit already has is kept.
  absl::Status Calendar(const DemoCalendar& demo, const std::string& unit);

 private:
  absl::Status Quota(org::v1::CreateQuotaRequest request);
  absl::StatusOr<org::v1::Post> Refresh(const org::v1::Post& wanted, const org::v1::Post& found);

  const OrgClient& org_;
  absl::Time start_;
  std::vector<std::pair<std::string, std::vector<google::protobuf::Timestamp>>> kinds_;  // fixed order
  absl::Duration server_clock_offset_ = absl::ZeroDuration();
};

// The requests demo load sends, exposed so tests can check them.
org::v1::CreatePostRequest DemoPostRequest(const DemoPost& demo, const std::string& unit,
                                           const std::string& superior);
org::v1::CreateApprovalChainRequest DemoChainRequest(const DemoChain& demo,
                                                     const std::map<int, std::string>& units);
// INVALID_ARGUMENT when the embedded calendar file does not parse.
absl::StatusOr<org::v1::CreateWorkCalendarRequest> DemoCalendarRequest(const DemoCalendar& demo,
                                                                      const std::string& unit);
org::v1::CreateAssignmentRequest DemoAssignmentRequest(const DemoAssignment& demo,
                                                       const std::map<std::string, std::string>& staff,
                                                       const std::string& post);

}  // namespace huinong::ctl
