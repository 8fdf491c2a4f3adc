// Help text: the overview (`huinongctl help`) and one block per command
// (`huinongctl unit create --help`, and after a usage error).
#pragma once

#include <string>
#include <string_view>

namespace huinong::ctl {

std::string OverviewUsage();
// `command` is "token", "health", "unit", "unit create", ..., "demo load",
// "audit", "audit history", ...
// Unknown commands get the overview.
std::string CommandUsage(std::string_view command);

}  // namespace huinong::ctl
