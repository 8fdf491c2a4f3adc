// Posts (岗位) and their rules, free of I/O.
//
// A post is dated: its identity (id, unit, first and last day) does not
// change, while its terms (title, duties, capabilities, superior, ...) are
// kept as versions, each applying from a day until the next one starts, so
// the structure can be read as it stood on any day.
//
// Only the solid line up (`superior_post_id`) is stored; a post's
// subordinates are the posts whose superior it is, so the two descriptions
// of one line cannot disagree. Solid lines never form a cycle. At most one
// open head post per unit, and a post is never both head and deputy.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "common/domain/state_table.h"
#include "svc-org/src/domain/qualification.h"

namespace huinong::org {

// Numeric values match huinong.org.v1.PostKind, OfficeSide, PostStatus and
// ReportingLineKind.
// The longest reason an abolished post keeps, in characters.
inline constexpr size_t kMaxAbolishReason = 1000;

enum class PostKind { kUnspecified = 0, kManagement = 1, kProfessionalTechnical = 2, kSupport = 3 };
enum class OfficeSide { kUnspecified = 0, kFront = 1, kBack = 2 };
enum class PostStatus { kUnspecified = 0, kPlanned = 1, kActive = 2, kAbolished = 3 };
enum class LineKind { kUnspecified = 0, kSolid = 1, kDotted = 2, kIndependent = 3 };

struct Duty {
  std::string text;
  int time_share_bp = 0;
};

struct ReportingLine {
  std::string post_id;
  LineKind kind = LineKind::kDotted;
  std::string note;
};

// What a post is, from a given day on.
struct PostTerms {
  std::string title;
  std::string code;  // empty when not set
  std::string mission;
  std::vector<Duty> duties;
  std::vector<QualificationGroup> qualification_groups;
  std::vector<std::string> authorities;
  std::string grade;
  int grade_rank = 0;
  PostKind kind = PostKind::kUnspecified;
  OfficeSide office_side = OfficeSide::kUnspecified;
  bool head = false;
  bool deputy = false;
  std::vector<std::string> capabilities;
  std::string superior_post_id;  // empty for the top post
  std::vector<ReportingLine> other_lines;
  int workload_bp = 0;
  PostStatus status = PostStatus::kActive;  // PLANNED or ACTIVE
};

struct Post {
  std::string id;
  std::string unit_id;
  PostTerms terms;
  absl::CivilDay terms_from;  // first day of the version in `terms`
  absl::CivilDay effective_from;
  std::optional<absl::CivilDay> effective_to;  // last day; set by abolition
  bool abolished = false;
  std::string abolish_reason;
  int64_t version = 1;  // bumped on every write; the etag
  absl::Time create_time;
  absl::Time update_time;

  PostStatus status() const { return abolished ? PostStatus::kAbolished : terms.status; }
  bool ExistsOn(absl::CivilDay day) const {
    return effective_from <= day && (!effective_to || day <= *effective_to);
  }
  // Exists and ACTIVE on `day` (given the terms in force on that day).
  bool ActiveOn(absl::CivilDay day) const {
    return ExistsOn(day) && terms.status == PostStatus::kActive;
  }
};

absl::string_view PostStatusName(PostStatus status);

// A capability: 3–64 characters of [a-z0-9._], dot-separated segments, none
// empty ("loans.survey.lead").
bool ValidCapability(absl::string_view capability);
// A post or qualification code: 1–64 characters of [a-z0-9._-].
bool ValidCode(absl::string_view code);

// The lifecycle of a post, one table:
//   PLANNED --ACTIVATE--> ACTIVE
//   PLANNED --ABOLISH-->  ABOLISHED      ACTIVE --ABOLISH--> ABOLISHED
// ABOLISH is AbolishPost's alone; nothing leads back to PLANNED.
enum class PostEvent { kActivate = 1, kAbolish = 2, kPlan = 3 };
absl::string_view PostEventName(PostEvent event);
const domain::StateTable<PostStatus, PostEvent>& PostLifecycle();

// UpdatePost may move PLANNED → ACTIVE (or keep the status); ABOLISHED is
// reached only through AbolishPost. FAILED_PRECONDITION INVALID_TRANSITION.
absl::Status CheckPostTransition(PostStatus from, PostStatus to);

// `chain_up` lists the posts met walking up solid lines from the proposed
// superior (itself first). FAILED_PRECONDITION CYCLE when `post_id` is on it.
absl::Status CheckNoCycle(absl::string_view post_id, const std::vector<std::string>& chain_up);

// `other_heads` are the other open head posts of the unit.
absl::Status CheckSingleHead(const PostTerms& terms, const std::vector<std::string>& other_heads);

// Abolishing on `last_day`: refused when assignments run past it
// (HAS_ASSIGNMENTS), open posts still report to it (HAS_SUBORDINATES) or it is
// already abolished (INVALID_TRANSITION).
absl::Status CheckAbolish(const Post& post, absl::CivilDay last_day, int assignments_after,
                          int open_subordinates);

// The first day an update may apply from: not before the post's first day,
// nor before the version it would follow. FAILED_PRECONDITION
// EFFECTIVE_DATE_TOO_EARLY otherwise.
absl::Status CheckUpdateDate(const Post& latest, absl::CivilDay effective_date);

}  // namespace huinong::org
