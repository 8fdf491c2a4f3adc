// See subcommands.h.
#include "tools/huinongctl/src/subcommands.h"

#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "tools/huinongctl/src/connection.h"

namespace huinong::ctl {

absl::Status RunOrgSubcommand(const Invocation& inv, const OrgSubcommands& table) {
  const auto it = table.find(inv.command);
  if (it == table.end()) {
    const auto next = table.lower_bound(inv.command + " ");
    if (next != table.end() && next->first.starts_with(inv.command + " ")) {
      return UsageError(absl::StrCat("which ", inv.command, " command?"));
    }
    return UsageError(absl::StrCat("unknown command \"", inv.command, "\""));
  }
  const OrgSubcommand& sub = it->second;
  RETURN_IF_ERROR(CheckUsage(inv, sub.flags, sub.max_args));
  const Connection connection(ConnectionOptionsFrom(inv.config));
  const OrgClient org(connection);
  return sub.run(inv, org);
}

}  // namespace huinong::ctl
