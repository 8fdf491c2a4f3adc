// What every command receives — the parsed flags, its positional words and
// the output mode — and the three kinds of failure a command returns: a usage
// error (exit 2, with the command's help), a failed check whose verdict the
// command has already printed (exit 3: `audit verify` found the chain
// broken), or any other status (exit 1).
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "common/core/config.h"

namespace huinong::ctl {

struct Invocation {
  Config config;
  std::string command;                // "unit create", "token", ...
  std::vector<std::string> args;      // positional words after the command
  std::map<std::string, std::vector<std::string>> repeated;  // --function values etc.
  bool json = false;
};

// Global flags every command accepts (FlagKey spellings).
const std::vector<std::string>& GlobalFlags();

// A status marked as a usage error; IsUsageError recognises only these.
absl::Status UsageError(std::string_view message);
// `cause`'s message as a usage error (a bad flag value found by Config).
absl::Status AsUsageError(const absl::Status& cause);
bool IsUsageError(const absl::Status& status);

// A check ran and its answer is "no" (the verdict is already on stdout).
absl::Status CheckFailed(std::string_view verdict);
bool IsCheckFailure(const absl::Status& status);

// 0 for OK, 2 for a usage error, 3 for a failed check, 1 otherwise.
int ExitCode(const absl::Status& status);

// Usage error naming any flag that is neither global nor in `command_flags`
// (repeatable flags included), or positional words beyond `max_args`.
absl::Status CheckUsage(const Invocation& inv, const std::vector<std::string>& command_flags,
                        size_t max_args);
// A flag as typed: "--max-amount" for the key "max_amount".
std::string Spelled(const std::string& key);
// The flag's value; a usage error when it is missing or empty.
absl::StatusOr<std::string> RequiredFlag(const Invocation& inv, const std::string& key);

}  // namespace huinong::ctl

namespace huinong::ctl {

// Boolean and repeatable flags of all commands (FlagKey spellings).
const std::set<std::string>& BooleanFlags();
const std::set<std::string>& RepeatableFlags();

// argv (argv[0] included) -> Invocation. The command is the first positional
// word, or the first two for a group such as "unit", "demo", "audit" or "change"
// ("unit create"); "" when there
// is none. Malformed flags and a bad --json value are usage errors.
absl::StatusOr<Invocation> ParseInvocation(const std::vector<std::string>& argv,
                                           Config::EnvLookup env);

}  // namespace huinong::ctl
