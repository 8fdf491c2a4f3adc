// Bridges between std::string_view and absl::string_view.
//
// Debian 12's Abseil is built with ABSL_OPTION_USE_STD_STRING_VIEW 0, so
// absl::string_view is its own type and neither converts to the other:
// absl::StrCat, absl::StripAsciiWhitespace, absl::StartsWith etc. do not
// accept a std::string_view, and absl::Status::message() is not a
// std::string_view. Project APIs use std::string_view; these two functions
// cross the boundary without copying.
#pragma once

#include <string_view>

#include "absl/strings/string_view.h"

namespace huinong {

inline absl::string_view ToAbsl(std::string_view s) { return absl::string_view(s.data(), s.size()); }
inline std::string_view ToStd(absl::string_view s) { return std::string_view(s.data(), s.size()); }

}  // namespace huinong
