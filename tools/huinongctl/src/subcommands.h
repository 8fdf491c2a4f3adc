// How every group of commands that calls one set of services (unit,
// post/staff, capability/standard/calc, report, change/chain, calendar on
// svc-org; borrower, product/policy, application, creditline/loan on
// svc-loans) dispatches: a table from the command ("unit create") to its
// function, its flags and how many positional words it takes, run the same
// way for all — the command's own flags checked before any connection is
// made, then one connection and one client (OrgClient, LoansClient) for the
// call.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "common/core/status_macros.h"
#include "tools/huinongctl/src/connection.h"
#include "tools/huinongctl/src/invocation.h"
#include "tools/huinongctl/src/org_client.h"

namespace huinong::ctl {

template <typename Client>
struct Subcommand {
  absl::Status (*run)(const Invocation&, const Client&);
  std::vector<std::string> flags;
  size_t max_args;
};
template <typename Client>
using SubcommandTable = std::map<std::string, Subcommand<Client>>;

using OrgSubcommand = Subcommand<OrgClient>;
using OrgSubcommands = SubcommandTable<OrgClient>;

// The usage error for a command `commands` (the table's keys, sorted) does
// not have: "which unit command?" for a group word alone, else "unknown
// command".
absl::Status UnknownSubcommand(const std::string& command, const std::vector<std::string>& commands);

// Runs inv.command from `table`. A usage error for a group word alone
// ("which unit command?") or a command the table does not have; connection
// problems surface at the first call, after the flags were checked.
template <typename Client>
absl::Status RunSubcommand(const Invocation& inv, const SubcommandTable<Client>& table) {
  const auto it = table.find(inv.command);
  if (it == table.end()) {
    std::vector<std::string> commands;
    for (const auto& [name, sub] : table) commands.push_back(name);
    return UnknownSubcommand(inv.command, commands);
  }
  const Subcommand<Client>& sub = it->second;
  RETURN_IF_ERROR(CheckUsage(inv, sub.flags, sub.max_args));
  const Connection connection(ConnectionOptionsFrom(inv.config));
  const Client client(connection);
  return sub.run(inv, client);
}

inline absl::Status RunOrgSubcommand(const Invocation& inv, const OrgSubcommands& table) {
  return RunSubcommand(inv, table);
}

}  // namespace huinong::ctl
