// Headcount quotas (编制) and the quota report, free of I/O.
//
// A quota belongs to a unit as a whole (no post) or to one post. It is exact,
// a range (1–2), frozen (set but 暂不设置, `004:21`: the approved number is
// kept, nobody may be assigned, and the seats are no vacancy) or a reserved
// vacancy (必要空岗, `004:61`: seats kept empty on purpose, reported as
// reserved, not as gaps). Like posts, a quota keeps dated versions of its
// terms.
//
// The report compares a unit's total with the sum of its posts' quotas and
// shows the difference (the seeds' department of "9 people" whose posts add
// up to 7). Seats are filled by PRIMARY, CONCURRENT and SECONDED assignments;
// headcount counts each person once however many posts they hold.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "svc-org/src/domain/document.h"

namespace huinong::org {

// Numeric values match huinong.org.v1.QuotaKind.
enum class QuotaKind { kUnspecified = 0, kExact = 1, kRange = 2, kFrozen = 3, kReservedVacancy = 4 };

struct HeadcountRange {
  int min = 0;
  int max = 0;
};

struct QuotaTerms {
  QuotaKind kind = QuotaKind::kExact;
  int min_headcount = 0;
  int max_headcount = 0;
  std::string approved_by;
  absl::CivilDay approval_date;
  DocumentRef document;
  std::string note;
};

struct Quota {
  std::string id;
  std::string unit_id;
  std::string post_id;  // empty for the unit's total
  QuotaTerms terms;
  absl::CivilDay terms_from;
  absl::CivilDay effective_from;
  std::optional<absl::CivilDay> effective_to;
  int64_t version = 1;
  absl::Time create_time;
  absl::Time update_time;

  bool ExistsOn(absl::CivilDay day) const {
    return effective_from <= day && (!effective_to || day <= *effective_to);
  }
};

// What is wrong with kind / min / max together, as (field, description)
// pairs; field is "kind", "min_headcount" or "max_headcount". EXACT with
// min 0 takes min = max (the client need not repeat the number).
std::vector<std::pair<std::string, std::string>> NormalizeQuotaShape(QuotaTerms& terms);

// Whether one more seat may be filled on a post whose quota is `terms` (none:
// unlimited) while `peak_filled` seats are already filled at the busiest
// moment of the new assignment's period. FAILED_PRECONDITION QUOTA_FROZEN or
// QUOTA_EXCEEDED.
absl::Status CheckSeatAvailable(const std::optional<QuotaTerms>& terms, int peak_filled);

// One post's seats on the report's day.
struct PostSeats {
  std::string post_id;
  std::string title;
  std::optional<Quota> quota;
  int filled = 0;
  int acting = 0;
};

struct PostQuotaLine {
  std::string post_id;
  std::string title;
  std::string quota_id;  // empty without a quota
  QuotaKind kind = QuotaKind::kUnspecified;
  HeadcountRange range;
  int filled = 0;
  int acting = 0;
  int vacancies = 0;
  int reserved = 0;
  int over_quota = 0;
};

struct QuotaReport {
  std::optional<HeadcountRange> unit_total;
  HeadcountRange posts_sum;  // FROZEN quotas excluded
  int frozen = 0;            // FROZEN quotas' approved numbers
  std::optional<HeadcountRange> difference;  // unit_total - posts_sum, when a total exists
  bool balanced = false;
  int headcount = 0;
  std::vector<PostQuotaLine> lines;
  std::vector<std::string> posts_without_quota;
};

QuotaReport BuildQuotaReport(const std::optional<Quota>& unit_total,
                             const std::vector<PostSeats>& posts, int headcount);

}  // namespace huinong::org
