// Fixed-width UTC timestamps as text, "YYYY-MM-DD?HH:MM:SS.ffffff" with a
// chosen separator, written and read without absl's general formatter.
//
// Why: absl::FormatTime / absl::ParseTime take about a microsecond each, and
// the audit chain formats one time per hashed event and the store two per row
// it writes or reads; at hundreds of thousands of events a second that was a
// large share of the work. These cover exactly years 1000-9999 (what MariaDB's
// DATETIME holds) and answer false for anything else, so callers fall back to
// absl for the rest and the text never differs from absl's.
//
// Guarantees: FormatUtcMicros writes the same bytes as
// absl::FormatTime("%Y-%m-%d<sep>%H:%M:%E6S", t, UTC) for t truncated toward
// the past to whole microseconds; ParseUtcMicros accepts what that writes
// (and 0-6 fractional digits, or none) and returns the same absl::Time
// absl::ParseTime("%Y-%m-%d<sep>%H:%M:%E*S") would; both are pure.
#pragma once

#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace huinong {

inline constexpr int kUtcTextSize = 26;  // "2024-05-01T08:30:00.123456"

// Writes kUtcTextSize bytes to `out`; false (nothing written) outside years 1000-9999.
bool FormatUtcMicros(absl::Time t, char separator, char* out);
// False when `text` is not that shape, or a field is out of its range.
bool ParseUtcMicros(absl::string_view text, char separator, absl::Time* out);

}  // namespace huinong
