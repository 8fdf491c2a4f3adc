// Everything `huinongctl demo load` creates beyond the county network's
// units: the posts, quotas, staff and assignments of the county network
// (loan-workflow capabilities, one acting township head), and the other
// organisations of the seeds — the leading group with its member units and
// office (`000:1599-1667`), the 2-person customer-service centre (`004:127`),
// the property customer-service department's five-level tree
// (`000:343-785`), the loan company with its concurrency whitelist
// (`001:251-467`) and its approval chain for organisation changes (drafted by
// HR, decided by the general manager's office meeting, structure changes
// approved by the board, `004:31-33`) — plus one staffing standard (`004:117`)
// and the county centre's work calendar for 2026 (data/demo_calendar_2026.json).
//
// Everything is keyed by ASCII keys that fix the request ids
// ("demo:post:<key>", ...), and every date is fixed, so the same plan makes
// byte-identical requests on every run and a rerun is a replay.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "huinong/org/v1/changes.pb.h"
#include "huinong/org/v1/posts.pb.h"
#include "huinong/org/v1/staff.pb.h"
#include "huinong/org/v1/standards.pb.h"
#include "tools/huinongctl/src/demo_data.h"

namespace huinong::ctl {

// The first day of every demo post, quota and (non-acting) assignment.
inline constexpr char kDemoFrom[] = "2026-01-01";
inline constexpr char kDemoApproval[] = "2025-12-20";

struct DemoPost {
  std::string key{};      // "county.director", "t2.director", "v5.agent", "lc.admin"
  int unit = 0;         // DemoUnit index
  std::string title{};
  std::string code{};     // unique in the unit; concurrency policies select by it
  org::v1::PostKind kind = org::v1::POST_KIND_UNSPECIFIED;
  bool head = false;
  bool deputy = false;
  std::vector<std::string> capabilities{};
  std::string superior{};  // key of the superior post; "" for a top post
  std::vector<std::string> duties{};
  int seats = 1;         // EXACT quota
  std::string approved_by{};
  std::string required_qualification{};  // a REQUIRED code, or ""
};

struct DemoStaff {
  std::string key{};
  std::string display_name{};
  std::string employee_number{};  // unique
  std::string phone{};            // fake, well-formed (199 0000 xxxx)
  std::vector<std::string> qualifications{};  // exam codes held
};

struct DemoAssignment {
  std::string key{};
  std::string staff{};  // DemoStaff key
  std::string post{};   // DemoPost key
  org::v1::AssignmentKind kind = org::v1::ASSIGNMENT_KIND_PRIMARY;
  std::string from = kDemoFrom;
  std::string to{};     // "" = open-ended
  // ACTING only: staff keys and why.
  std::string acting_for{};
  std::string delegated_by{};
  std::string reason{};
  std::string note{};
};

struct DemoUnitQuota {
  int unit = 0;
  int seats = 0;
  std::string approved_by{};
};

struct DemoPolicy {
  std::string key{};
  int unit = 0;  // the organisation's root
  std::string title{};
  std::vector<std::vector<std::string>> whitelist{};  // post codes per combination
};

struct DemoStandard {
  std::string key{};
  org::v1::StaffingStandard standard{};
};

// One step of an approval chain: who decides (a capability held for a unit)
// and for which kinds of item (empty: every request).
struct DemoChainStep {
  std::string title{};
  std::string capability{};
  int at_unit = 0;  // DemoUnit index
  std::vector<org::v1::ChangeKind> applies_to{};
};

// An organisation's approval chain; the loader makes one per unit at most.
struct DemoChain {
  std::string key{};
  int unit = 0;  // the organisation's root
  std::string title{};
  std::vector<DemoChainStep> steps{};
  bool require_change_requests = false;
};

// A unit's work calendar, its first version read from a calendar file
// (calendar_format.h) embedded in huinongctl.
struct DemoCalendar {
  std::string key{};
  int unit = 0;  // DemoUnit index
  std::string display_name{};
  std::string_view file{};  // the calendar file's text
};

// tools/huinongctl/data/demo_calendar_2026.json: the county centre's 2026
// calendar (embedded at build time by embed_text.cmake).
std::string_view DemoCalendarJson();

struct DemoPlan {
  std::vector<DemoUnit> units{};  // the county network, then the other organisations
  std::vector<DemoPost> posts{};  // superiors first
  std::vector<DemoUnitQuota> unit_quotas{};
  std::vector<DemoStaff> staff{};
  std::vector<DemoAssignment> assignments{};  // an acting one after its holder's
  std::vector<DemoPolicy> policies{};
  std::vector<DemoStandard> standards{};
  std::vector<DemoChain> chains{};  // made after the structure: they may forbid direct writes below
  std::vector<DemoCalendar> calendars{};
};

const DemoPlan& DemoStructure();

// Parts of the plan, exposed for tests.
void AddCountyStaffing(DemoPlan& plan);      // demo_county.cc
void AddOtherOrganisations(DemoPlan& plan);  // demo_organisations.cc

}  // namespace huinong::ctl
