// Service configuration from the command line and the environment.
//
// A key such as "db_host" can be given as --db_host=VALUE, --db-host=VALUE,
// "--db_host VALUE" or the environment variable HUINONG_DB_HOST. The command
// line wins over the environment, which wins over the default given at the
// call site; so a Kubernetes manifest can set env vars and an operator can
// still override one value on the command line. Typed getters return an error
// that names the key instead of silently falling back to the default.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace huinong {

class Config {
 public:
  using EnvLookup =
      std::function<std::optional<std::string>(const std::string& name)>;

  // Parses argv (argv[0] skipped). Arguments that are not flags, and every
  // argument after a lone "--", are kept in positional(). A bare "--flag"
  // followed by another flag or by nothing means "true"; a bare "--flag"
  // followed by a non-flag argument takes that argument as its value (write
  // "--flag=true" to put a positional argument right after a boolean flag).
  // A repeated flag keeps its last value. `env` is asked at each lookup of a
  // key that is not on the command line, with the name from EnvName().
  // Errors: INVALID_ARGUMENT for malformed arguments ("-x", "---x", "--=v",
  // names with characters other than letters, digits, '_' and '-').
  static absl::StatusOr<Config> Parse(int argc, const char* const* argv,
                                      EnvLookup env);
  // Parse() with the process environment, copied (the HUINONG_* variables)
  // at the time of the call.
  static absl::StatusOr<Config> FromProcess(int argc, char** argv);

  // INVALID_ARGUMENT naming every command-line flag not in `known`
  // (spelled as given on the command line). Environment variables are not
  // checked: the environment is shared with other software.
  absl::Status CheckKnown(const std::vector<std::string>& known) const;

  std::string String(const std::string& key, const std::string& def = "") const;
  // Errors name the key and where the bad value came from.
  absl::StatusOr<int64_t> Int(const std::string& key, int64_t def) const;
  // Accepts true/false/1/0/yes/no/on/off, case-insensitive.
  absl::StatusOr<bool> Bool(const std::string& key, bool def) const;
  // absl::ParseDuration syntax: "5s", "250ms", "1h30m", "0".
  absl::StatusOr<absl::Duration> Duration(const std::string& key,
                                          absl::Duration def) const;

  // True if the key is set on the command line or in the environment.
  bool Has(const std::string& key) const;
  // "flag", "env" or "default" — for the start-up log line.
  std::string SourceOf(const std::string& key) const;
  const std::vector<std::string>& positional() const { return positional_; }

  // The environment variable that backs `key`: "db-host" -> "HUINONG_DB_HOST".
  // An empty variable counts as unset, because manifests often template
  // "KEY=" for values they do not want to set.
  static std::string EnvName(const std::string& key);

 private:
  struct Flag {
    std::string spelled;  // as written, e.g. "--db-host", for error messages
    std::string value;
  };
  struct Lookup {
    std::optional<std::string> value;
    std::string source;  // "flag", "env" or "default"
    std::string origin;  // "--db-host" or "HUINONG_DB_HOST", for errors
  };

  Lookup Find(const std::string& key) const;

  std::map<std::string, Flag> flags_;  // by normalized key ("db_host")
  std::vector<std::string> positional_;
  EnvLookup env_;
};

// Reads a secret file (a mounted Kubernetes secret, a generated dev key),
// trimming one trailing newline ("\n" or "\r\n"). NOT_FOUND /
// PERMISSION_DENIED / FAILED_PRECONDITION carry the path in the message; the
// content never appears in an error.
absl::StatusOr<std::string> ReadSecretFile(const std::string& path);

}  // namespace huinong
