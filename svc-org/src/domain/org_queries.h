// The read-side reports of svc-org built from rows already read, free of I/O:
// which units, posts and assignments stood on a day, vacancies against quota
// aggregated up the unit tree, acting heads, and the coverage gaps of the
// county network.
//
// Guarantees: every function is deterministic in its inputs; units are taken
// in path order (depth-first), so each report lists a unit before its
// children; a person counts once in every headcount, however many posts or
// units they hold.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "svc-org/src/domain/post.h"
#include "svc-org/src/domain/quota.h"
#include "svc-org/src/domain/staff.h"
#include "svc-org/src/domain/unit.h"

namespace huinong::org {

// A unit stood on `day` when the day is within its effective dates and it was
// not abolished by then (an abolished unit without a last day is gone).
bool UnitStoodOn(const Unit& unit, absl::CivilDay day);

// Quota and vacancy figures of a unit or a subtree (see queries.proto
// VacancyFigures). Per post: vacancies are seats below the quota minimum
// (FROZEN and RESERVED_VACANCY quotas have none), over_quota seats above the
// maximum; ACTING assignments fill no seat. `quota` is the unit's own total
// when it has one, otherwise the sum of its posts' quotas (FROZEN excluded).
struct VacancyCounts {
  HeadcountRange quota;
  int frozen = 0;
  int reserved = 0;
  int filled_seats = 0;
  int headcount = 0;
  int vacancies = 0;
  int over_quota = 0;
  int posts_without_quota = 0;
};

struct UnitVacancies {
  std::string unit_id;
  VacancyCounts own;
  VacancyCounts subtree;
};

// `units` in path order (the report's root first), `posts` standing on the
// day, `quotas` in force on the day, `assignments` effective on the day.
// Rows come back in the order of `units`.
std::vector<UnitVacancies> BuildVacancyReport(const std::vector<Unit>& units,
                                              const std::vector<Post>& posts,
                                              const std::vector<Quota>& quotas,
                                              const std::vector<Assignment>& assignments);

// An ACTING assignment on a head (or, when asked, deputy) post.
struct ActingHeadRow {
  const Post* post = nullptr;
  const Assignment* assignment = nullptr;
};
// In order of unit path, then post id, then assignment id.
std::vector<ActingHeadRow> FindActingHeads(const std::vector<Unit>& units,
                                           const std::vector<Post>& posts,
                                           const std::vector<Assignment>& assignments,
                                           bool include_deputies);

// Numeric values match huinong.org.v1.CoverageGapKind.
enum class CoverageGapKind {
  kMissingUnit = 1,
  kDuplicateUnit = 2,
  kTownshipWithoutVillages = 3,
  kUnitNotActive = 4,
  kNoHead = 5,
  kUnstaffed = 6,
};

struct CoverageGap {
  CoverageGapKind kind = CoverageGapKind::kUnstaffed;
  std::string unit_id;  // empty for kMissingUnit
  Level level = Level::kNone;
  std::string division_code;
  std::string description;
  int depth = 0;  // for ordering: depth of the unit (MISSING_UNIT: the level's usual depth)
};

struct CoverageReport {
  std::vector<CoverageGap> gaps;  // by depth, then unit id, then kind
  int townships_checked = 0;
  int villages_checked = 0;
};

// The county network's gaps. `units` are the county's subtree standing on the
// day (the county first); every TOWNSHIP and VILLAGE unit in it is checked:
// not ACTIVE, no head holder (an acting one counts), no effective assignment at
// all (reported instead of NO_HEAD: an empty unit has no head either), and a
// township without any VILLAGE unit below it. Codes: two units of one level
// sharing a code are DUPLICATE_UNIT; each expected code without a unit of its
// level is MISSING_UNIT.
CoverageReport FindCoverageGaps(const std::vector<Unit>& units, const std::vector<Post>& posts,
                                const std::vector<Assignment>& assignments,
                                const std::vector<std::string>& expected_township_codes,
                                const std::vector<std::string>& expected_village_codes);

}  // namespace huinong::org
