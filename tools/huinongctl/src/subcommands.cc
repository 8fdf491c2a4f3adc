// See subcommands.h.
#include "tools/huinongctl/src/subcommands.h"

#include <algorithm>

#include "absl/strings/str_cat.h"

namespace huinong::ctl {

absl::Status UnknownSubcommand(const std::string& command, const std::vector<std::string>& commands) {
  const bool group = std::any_of(commands.begin(), commands.end(),
                                 [&](const std::string& name) { return name.starts_with(command + " "); });
  if (group) return UsageError(absl::StrCat("which ", command, " command?"));
  return UsageError(absl::StrCat("unknown command \"", command, "\""));
}

}  // namespace huinong::ctl
