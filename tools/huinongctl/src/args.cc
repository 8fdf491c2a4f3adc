// Client-side argument and environment handling; see args.h.
#include "tools/huinongctl/src/args.h"

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "common/core/string_views.h"

namespace huinong::ctl {

std::string FlagKey(std::string_view name) {
  while (name.starts_with('-')) name.remove_prefix(1);
  std::string out = absl::AsciiStrToLower(ToAbsl(name));
  for (char& c : out) {
    if (c == '-') c = '_';
  }
  return out;
}

absl::StatusOr<NormalizedArgs> NormalizeArgs(const std::vector<std::string>& argv,
                                             const std::set<std::string>& boolean_flags,
                                             const std::set<std::string>& repeatable_flags) {
  NormalizedArgs out;
  bool only_positional = false;
  for (size_t i = 0; i < argv.size(); ++i) {
    const std::string& arg = argv[i];
    if (i == 0 || only_positional || !arg.starts_with("-")) {
      out.argv.push_back(arg);
      continue;
    }
    if (arg == "--") {
      only_positional = true;
      out.argv.push_back(arg);
      continue;
    }
    if (arg == "-h") {
      out.argv.push_back("--help=true");
      continue;
    }
    if (arg == "-o") {
      // The one short flag with a value (`audit export -o FILE`); the value
      // follows as the next word, as it does for "--output FILE".
      out.argv.push_back("--output");
      continue;
    }
    if (!arg.starts_with("--")) {
      out.argv.push_back(arg);  // a negative number or a malformed flag: Config decides
      continue;
    }
    const size_t eq = arg.find('=');
    const std::string key = FlagKey(arg.substr(0, eq));
    if (repeatable_flags.contains(key)) {
      if (eq != std::string::npos) {
        out.repeated[key].push_back(arg.substr(eq + 1));
      } else if (i + 1 < argv.size() && !argv[i + 1].starts_with("--")) {
        out.repeated[key].push_back(argv[++i]);
      } else {
        return absl::InvalidArgumentError(absl::StrCat(arg, " needs a value"));
      }
      continue;
    }
    if (eq == std::string::npos && boolean_flags.contains(key)) {
      out.argv.push_back(arg + "=true");
      continue;
    }
    out.argv.push_back(arg);
  }
  return out;
}

std::map<std::string, std::string> ParseEnvFile(std::string_view text) {
  std::map<std::string, std::string> out;
  for (absl::string_view line : absl::StrSplit(ToAbsl(text), '\n')) {
    line = absl::StripAsciiWhitespace(line);
    if (line.empty() || line.front() == '#') continue;
    if (absl::ConsumePrefix(&line, "export")) {
      if (line.empty() || !absl::ascii_isspace(static_cast<unsigned char>(line.front()))) continue;
      line = absl::StripLeadingAsciiWhitespace(line);
    }
    const size_t eq = line.find('=');
    if (eq == absl::string_view::npos || eq == 0) continue;
    const absl::string_view name = line.substr(0, eq);
    bool valid_name = true;
    for (char c : name) {
      if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != '_') valid_name = false;
    }
    if (!valid_name) continue;
    absl::string_view value = line.substr(eq + 1);
    if (value.size() >= 2 && (value.front() == '\'' || value.front() == '"') &&
        value.back() == value.front()) {
      value = value.substr(1, value.size() - 2);
    }
    out[std::string(name)] = std::string(value);
  }
  return out;
}

Config::EnvLookup RestrictedEnv(Config::EnvLookup process,
                                std::map<std::string, std::string> file_defaults,
                                std::set<std::string> allowed) {
  return [process = std::move(process), file_defaults = std::move(file_defaults),
          allowed = std::move(allowed)](const std::string& name) -> std::optional<std::string> {
    if (!allowed.contains(name)) return std::nullopt;
    if (process) {
      std::optional<std::string> value = process(name);
      if (value.has_value() && !value->empty()) return value;
    }
    const auto it = file_defaults.find(name);
    if (it == file_defaults.end()) return std::nullopt;
    return it->second;
  };
}

std::vector<std::string> SplitList(std::string_view text) {
  std::vector<std::string> out;
  for (absl::string_view item : absl::StrSplit(ToAbsl(text), ',')) {
    item = absl::StripAsciiWhitespace(item);
    if (!item.empty()) out.emplace_back(item);
  }
  return out;
}

}  // namespace huinong::ctl
