// How every group of svc-org commands (unit, post/staff, capability/
// standard/calc, report, change/chain, calendar) dispatches: a table from
// the command ("unit create") to its function, its flags and how many
// positional words it takes, run the same way for all — the command's own
// flags checked before any connection is made, then one connection and
// one OrgClient for the call.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "tools/huinongctl/src/invocation.h"
#include "tools/huinongctl/src/org_client.h"

namespace huinong::ctl {

struct OrgSubcommand {
  absl::Status (*run)(const Invocation&, const OrgClient&);
  std::vector<std::string> flags;
  size_t max_args;
};
using OrgSubcommands = std::map<std::string, OrgSubcommand>;

// Runs inv.command from `table`. A usage error for a group word alone
// ("which unit command?") or a command the table does not have; connection
// problems surface at the first call, after the flags were checked.
absl::Status RunOrgSubcommand(const Invocation& inv, const OrgSubcommands& table);

}  // namespace huinong::ctl
