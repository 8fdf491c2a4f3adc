// Turning a command line and the environment into what common/core/config.h
// parses, for a client rather than a server:
// - boolean flags (--json, --all, --help, -h) never swallow the next word, so
//   "huinongctl --json unit get units/X" keeps "unit" as the command;
// - repeatable flags (--function A --function B) keep every value in order
//   (Config keeps only the last);
// - only the connection settings fall back to HUINONG_* variables, so an
//   unrelated HUINONG_NAME or HUINONG_STATUS in the shell never becomes a flag;
// - a `.run/env` file written by scripts/up.sh can stand in for the
//   environment when the user has not sourced it.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "common/core/config.h"

namespace huinong::ctl {

// "--Page-Size" and "page_size" both become "page_size".
std::string FlagKey(std::string_view name);

struct NormalizedArgs {
  std::vector<std::string> argv;  // argv[0] kept; ready for Config::Parse
  std::map<std::string, std::vector<std::string>> repeated;  // by FlagKey, in order
};

// `boolean_flags` and `repeatable_flags` hold FlagKey spellings. A boolean
// flag written bare becomes "--flag=true"; "-h" becomes "--help=true" and
// "-o" becomes "--output".
// INVALID_ARGUMENT when a repeatable flag has no value.
absl::StatusOr<NormalizedArgs> NormalizeArgs(const std::vector<std::string>& argv,
                                             const std::set<std::string>& boolean_flags,
                                             const std::set<std::string>& repeatable_flags);

// The `export K=V` (or `K=V`) lines of a shell env file; values may be single-
// or double-quoted. Comments, blank lines and anything else are skipped.
std::map<std::string, std::string> ParseEnvFile(std::string_view text);

// An environment for Config: `process` first, then `file_defaults`, and only
// for variables named in `allowed` (e.g. "HUINONG_GATEWAY").
Config::EnvLookup RestrictedEnv(Config::EnvLookup process,
                                std::map<std::string, std::string> file_defaults,
                                std::set<std::string> allowed);

// "a, b,,c" -> {"a","b","c"}; blanks around items are dropped.
std::vector<std::string> SplitList(std::string_view text);

}  // namespace huinong::ctl
