// The values people type and read in the tickets commands, pure so they are
// tested without a server:
// - times in the county's time zone (Asia/Shanghai, no daylight saving):
//   "2026-12-05 17:00" (what the commands print, read back the same), RFC 3339
//   with any offset ("2026-12-05T09:00:00Z"), or "+48h" from now;
// - SLA targets: working time "48h", "90m", "0s" (at once), or whole working
//   days "3wd";
// - report periods: an ISO week "2026-W49" (Monday to Sunday) or a month
//   "2026-12";
// - a related resource "SERVICE:NAME" ("loans:loans/01J…");
// - a handover item "TICKET[:staff/ID][:NOTE]".
#pragma once

#include <string>
#include "absl/strings/string_view.h"

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "google/protobuf/duration.pb.h"
#include "google/protobuf/timestamp.pb.h"
#include "huinong/tickets/v1/handovers.pb.h"
#include "huinong/tickets/v1/sla.pb.h"
#include "huinong/tickets/v1/ticket.pb.h"
#include "huinong/type/v1/types.pb.h"

namespace huinong::ctl {

// The county's zone: Asia/Shanghai, or UTC+8 where tzdata is missing (China
// keeps no daylight saving, so the two never differ).
const absl::TimeZone& CountyZone();

// INVALID_ARGUMENT saying the accepted forms otherwise.
absl::StatusOr<absl::Time> ParseTicketTime(absl::string_view text, absl::Time now);
// "2026-12-05 17:00" in the county's zone (seconds shown only when not zero);
// "" for an unset timestamp.
std::string TicketTimeText(const google::protobuf::Timestamp& ts);

// "48h", "1h30m", "72h" (never days: working time), "45s", "0s".
std::string DurationText(const google::protobuf::Duration& duration);
absl::StatusOr<tickets::v1::SlaTarget> ParseSlaTarget(absl::string_view text);
// "48h" or "3 working days"; "at once" for zero; "-" for an unset target.
std::string SlaTargetText(const tickets::v1::SlaTarget& target);

// "2026-W49" → 2026-11-30..2026-12-06; weeks 1–52, or 53 in a year that has it.
absl::StatusOr<type::v1::DateRange> IsoWeekRange(absl::string_view text);
// "2026-12" → 2026-12-01..2026-12-31.
absl::StatusOr<type::v1::DateRange> MonthRange(absl::string_view text);

absl::StatusOr<tickets::v1::RelatedResource> ParseRelated(absl::string_view text);
absl::StatusOr<tickets::v1::HandoverItem> ParseHandoverItem(absl::string_view text);

}  // namespace huinong::ctl
