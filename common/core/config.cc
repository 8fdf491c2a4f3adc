// Command-line and environment configuration; see config.h for the rules.
#include "common/core/config.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <map>
#include <cstring>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/core/string_views.h"

extern char** environ;  // POSIX; declared by <unistd.h> only under _GNU_SOURCE

namespace huinong {
namespace {

// Keys compare case-insensitively with '-' and '_' interchangeable, so that
// --db-host, --db_host and HUINONG_DB_HOST all name one setting.
std::string NormalizeKey(std::string_view key) {
  std::string out = absl::AsciiStrToLower(ToAbsl(key));
  for (char& c : out) {
    if (c == '-') c = '_';
  }
  return out;
}

bool IsValidFlagName(std::string_view name) {
  if (name.empty() || !absl::ascii_isalpha(static_cast<unsigned char>(name[0]))) {
    return false;
  }
  for (char c : name) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-') {
      return false;
    }
  }
  return true;
}

// "-5" and "-0.5" are values (a negative offset), not flags.
bool IsNegativeNumber(std::string_view arg) {
  return arg.size() >= 2 && arg[0] == '-' &&
         (absl::ascii_isdigit(static_cast<unsigned char>(arg[1])) || arg[1] == '.');
}

bool LooksLikeFlag(std::string_view arg) {
  return arg.size() >= 2 && arg[0] == '-' && !IsNegativeNumber(arg);
}

}  // namespace

std::string Config::EnvName(const std::string& key) {
  std::string out = "HUINONG_";
  out += absl::AsciiStrToUpper(NormalizeKey(key));
  return out;
}

absl::StatusOr<Config> Config::Parse(int argc, const char* const* argv,
                                     EnvLookup env) {
  Config config;
  config.env_ = std::move(env);
  bool only_positional = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i] == nullptr ? "" : argv[i];
    if (only_positional) {
      config.positional_.emplace_back(arg);
      continue;
    }
    if (arg == "--") {
      only_positional = true;
      continue;
    }
    if (!arg.starts_with("--")) {
      if (LooksLikeFlag(arg)) {
        return absl::InvalidArgumentError(absl::StrCat(
            "malformed argument \"", ToAbsl(arg), "\": flags are written --name or --name=value"));
      }
      config.positional_.emplace_back(arg);
      continue;
    }
    std::string_view body = arg.substr(2);
    std::string_view name = body;
    std::string value;
    const size_t eq = body.find('=');
    if (eq != std::string_view::npos) {
      name = body.substr(0, eq);
      value = std::string(body.substr(eq + 1));
    }
    if (!IsValidFlagName(name)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "malformed flag \"", ToAbsl(arg),
          "\": a name starts with a letter and has only letters, digits, '_' and '-'"));
    }
    if (eq == std::string_view::npos) {
      if (i + 1 < argc && argv[i + 1] != nullptr && !LooksLikeFlag(argv[i + 1])) {
        value = argv[++i];
      } else {
        value = "true";
      }
    }
    config.flags_[NormalizeKey(name)] = Flag{absl::StrCat("--", ToAbsl(name)), std::move(value)};
  }
  return config;
}

absl::StatusOr<Config> Config::FromProcess(int argc, char** argv) {
  // Snapshot our variables now: the Config then never changes under its
  // readers, and a later setenv() elsewhere cannot race with getenv().
  std::map<std::string, std::string> snapshot;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    const std::string_view var = *entry;
    const size_t eq = var.find('=');
    if (eq != std::string_view::npos && var.starts_with("HUINONG_")) {
      snapshot.emplace(var.substr(0, eq), var.substr(eq + 1));
    }
  }
  return Parse(argc, argv,
               [snapshot = std::move(snapshot)](const std::string& name) -> std::optional<std::string> {
                 const auto it = snapshot.find(name);
                 if (it == snapshot.end()) return std::nullopt;
                 return it->second;
               });
}

absl::Status Config::CheckKnown(const std::vector<std::string>& known) const {
  std::vector<std::string> unknown;
  for (const auto& [key, flag] : flags_) {
    bool found = false;
    for (const std::string& k : known) {
      if (NormalizeKey(k) == key) {
        found = true;
        break;
      }
    }
    if (!found) unknown.push_back(flag.spelled);
  }
  if (unknown.empty()) return absl::OkStatus();
  return absl::InvalidArgumentError(
      absl::StrCat("unknown flag", unknown.size() == 1 ? "" : "s", ": ",
                   absl::StrJoin(unknown, ", ")));
}

Config::Lookup Config::Find(const std::string& key) const {
  const auto it = flags_.find(NormalizeKey(key));
  if (it != flags_.end()) return Lookup{it->second.value, "flag", it->second.spelled};
  if (env_) {
    std::string name = EnvName(key);
    std::optional<std::string> value = env_(name);
    if (value.has_value() && !value->empty()) {
      return Lookup{std::move(value), "env", std::move(name)};
    }
  }
  return Lookup{std::nullopt, "default", ""};
}

std::string Config::String(const std::string& key, const std::string& def) const {
  Lookup found = Find(key);
  return found.value.has_value() ? *std::move(found.value) : def;
}

namespace {
absl::Status BadValue(const std::string& key, const std::string& value,
                      const std::string& origin, std::string_view expected) {
  return absl::InvalidArgumentError(absl::StrCat("config ", key, ": \"", value, "\" (from ",
                                                 origin, ") is not ", ToAbsl(expected)));
}
}  // namespace

absl::StatusOr<int64_t> Config::Int(const std::string& key, int64_t def) const {
  const Lookup found = Find(key);
  if (!found.value.has_value()) return def;
  int64_t out = 0;
  if (!absl::SimpleAtoi(*found.value, &out)) {
    return BadValue(key, *found.value, found.origin, "an integer");
  }
  return out;
}

absl::StatusOr<bool> Config::Bool(const std::string& key, bool def) const {
  const Lookup found = Find(key);
  if (!found.value.has_value()) return def;
  const std::string v = absl::AsciiStrToLower(absl::StripAsciiWhitespace(*found.value));
  if (v == "true" || v == "1" || v == "yes" || v == "on") return true;
  if (v == "false" || v == "0" || v == "no" || v == "off") return false;
  return BadValue(key, *found.value, found.origin, "a boolean (true/false/1/0/yes/no/on/off)");
}

absl::StatusOr<absl::Duration> Config::Duration(const std::string& key,
                                                absl::Duration def) const {
  const Lookup found = Find(key);
  if (!found.value.has_value()) return def;
  absl::Duration out;
  if (!absl::ParseDuration(absl::StripAsciiWhitespace(*found.value), &out)) {
    return BadValue(key, *found.value, found.origin, "a duration (e.g. 5s, 250ms, 1h30m)");
  }
  return out;
}

bool Config::Has(const std::string& key) const { return Find(key).value.has_value(); }

std::string Config::SourceOf(const std::string& key) const { return Find(key).source; }

absl::StatusOr<std::string> ReadSecretFile(const std::string& path) {
  // A secret is a few hundred bytes; a huge file means a wrong path.
  constexpr size_t kMaxSecretBytes = 1 << 20;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    const std::string what = absl::StrCat("secret file ", path, ": ", std::strerror(err));
    if (err == ENOENT || err == ENOTDIR) return absl::NotFoundError(what);
    if (err == EACCES || err == EPERM) return absl::PermissionDeniedError(what);
    return absl::FailedPreconditionError(what);
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return absl::FailedPreconditionError(
        absl::StrCat("secret file ", path, ": not a regular file"));
  }
  std::string content;
  char buf[4096];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int err = errno;
      ::close(fd);
      return absl::FailedPreconditionError(
          absl::StrCat("secret file ", path, ": ", std::strerror(err)));
    }
    if (n == 0) break;
    content.append(buf, static_cast<size_t>(n));
    if (content.size() > kMaxSecretBytes) {
      ::close(fd);
      return absl::FailedPreconditionError(
          absl::StrCat("secret file ", path, ": larger than ", kMaxSecretBytes, " bytes"));
    }
  }
  ::close(fd);
  if (absl::EndsWith(content, "\r\n")) {
    content.resize(content.size() - 2);
  } else if (absl::EndsWith(content, "\n")) {
    content.pop_back();
  }
  return content;
}

}  // namespace huinong
