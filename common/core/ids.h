// Record identifiers: ULIDs (https://github.com/ulid/spec).
//
// 26 characters of Crockford base32 (upper case): 48 bits of Unix time in
// milliseconds, then 80 random bits from a CSPRNG. They sort as strings in
// creation order: within one process every id is strictly greater than the
// one before, even within the same millisecond or if the wall clock steps
// back (the randomness is then incremented instead of redrawn). Across
// replicas ids are ordered by millisecond only. The random bits are drawn
// from OpenSSL's generator a 4 KiB block at a time (one draw per ~400 ids);
// a forked child discards its parent's unused bits and last id, so parent
// and child never make the same ids.
#pragma once

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace huinong {

// Thread-safe.
std::string NewUlid();

// True for 26 characters of upper-case Crockford base32 whose first
// character is 0-7 (a larger one would not fit in 128 bits). Lower case is
// rejected so that an id has exactly one spelling in the database.
bool IsUlid(std::string_view id);

// The millisecond a ULID was made; INVALID_ARGUMENT if !IsUlid(id).
absl::StatusOr<absl::Time> UlidTime(std::string_view id);

}  // namespace huinong
