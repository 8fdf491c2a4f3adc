// Usage errors and flag checks shared by the commands; see invocation.h.
#include "tools/huinongctl/src/invocation.h"

#include <algorithm>

#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/core/string_views.h"
#include "tools/huinongctl/src/args.h"

namespace huinong::ctl {
namespace {
constexpr char kUsagePayload[] = "huinongctl/usage";
constexpr char kCheckPayload[] = "huinongctl/check-failed";
}  // namespace

const std::vector<std::string>& GlobalFlags() {
  static const std::vector<std::string> flags = {"gateway", "token", "json", "timeout", "help"};
  return flags;
}

absl::Status UsageError(std::string_view message) {
  absl::Status status(absl::StatusCode::kInvalidArgument, ToAbsl(message));
  status.SetPayload(kUsagePayload, absl::Cord("1"));
  return status;
}

absl::Status AsUsageError(const absl::Status& cause) {
  return UsageError(ToStd(cause.message()));
}

bool IsUsageError(const absl::Status& status) {
  return status.GetPayload(kUsagePayload).has_value();
}

absl::Status CheckFailed(std::string_view verdict) {
  // DATA_LOSS: what a broken chain means, should the status travel further.
  absl::Status status(absl::StatusCode::kDataLoss, ToAbsl(verdict));
  status.SetPayload(kCheckPayload, absl::Cord("1"));
  return status;
}

bool IsCheckFailure(const absl::Status& status) {
  return status.GetPayload(kCheckPayload).has_value();
}

int ExitCode(const absl::Status& status) {
  if (status.ok()) return 0;
  if (IsUsageError(status)) return 2;
  if (IsCheckFailure(status)) return 3;
  return 1;
}

absl::Status CheckUsage(const Invocation& inv, const std::vector<std::string>& command_flags,
                        size_t max_args) {
  std::vector<std::string> known = GlobalFlags();
  known.insert(known.end(), command_flags.begin(), command_flags.end());
  if (absl::Status s = inv.config.CheckKnown(known); !s.ok()) return AsUsageError(s);
  for (const auto& [key, values] : inv.repeated) {
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      return UsageError(absl::StrCat("unknown flag: --", key));
    }
  }
  if (inv.args.size() > max_args) {
    std::vector<std::string> extra(inv.args.begin() + static_cast<long>(max_args), inv.args.end());
    return UsageError(absl::StrCat("unexpected argument", extra.size() == 1 ? "" : "s", ": ",
                                   absl::StrJoin(extra, " ")));
  }
  return absl::OkStatus();
}

std::string Spelled(const std::string& key) {
  std::string spelled = "--" + key;
  std::replace(spelled.begin(), spelled.end(), '_', '-');
  return spelled;
}

absl::StatusOr<std::string> RequiredFlag(const Invocation& inv, const std::string& key) {
  std::string value = inv.config.String(key);
  // "true" is what a bare "--name" at the end of the line parses to.
  if (value.empty() || value == "true") return UsageError(absl::StrCat(Spelled(key), " is required"));
  return value;
}

}  // namespace huinong::ctl

namespace huinong::ctl {

const std::set<std::string>& BooleanFlags() {
  static const std::set<std::string> flags = {"json", "all", "help", "include_abolished",
                                              "newest_first", "exact", "head", "deputy", "subtree",
                                              "all_dates", "validate_only", "nearest", "exclude_acting",
                                              "other_lines", "deputies", "awaiting_me",
                                              "require_change_requests", "qualified", "bad_credit",
                                              "legal_dispute", "blacklisted", "registered_poor", "active",
                                              "revolving", "overdue", "follow_up", "csv", "malicious_evasion",
                                              "closes_case", "open", "apologised", "by_child_unit", "do_not_call",
                                              "reply_approval_required", "escalate_on_breach"};
  return flags;
}

const std::set<std::string>& RepeatableFlags() {
  static const std::set<std::string> flags = {"function", "capability", "duty", "qualification", "input",
                                                 "step", "borrower_type", "evidence", "collateral", "document",
                                                 "member", "counter_guarantee", "visitor", "investigator", "voucher",
                                                 "outgoing", "incoming", "item"};
  return flags;
}

absl::StatusOr<Invocation> ParseInvocation(const std::vector<std::string>& argv,
                                           Config::EnvLookup env) {
  absl::StatusOr<NormalizedArgs> normalized = NormalizeArgs(argv, BooleanFlags(), RepeatableFlags());
  if (!normalized.ok()) return AsUsageError(normalized.status());
  std::vector<const char*> pointers;
  pointers.reserve(normalized->argv.size());
  for (const std::string& arg : normalized->argv) pointers.push_back(arg.c_str());
  absl::StatusOr<Config> config =
      Config::Parse(static_cast<int>(pointers.size()), pointers.data(), std::move(env));
  if (!config.ok()) return AsUsageError(config.status());

  Invocation inv;
  inv.config = *std::move(config);
  inv.repeated = std::move(normalized->repeated);
  const std::vector<std::string>& words = inv.config.positional();
  size_t used = 0;
  if (!words.empty()) {
    inv.command = words[0];
    used = 1;
    static const std::set<std::string> kGroups = {"unit",  "demo",       "audit",    "post",  "staff",
                                                  "assignment", "capability", "standard", "report",
                                                  "change", "chain", "calendar", "borrower", "product",
                                                  "policy", "application", "creditline", "loan",
                                                  "breaker", "subsidy", "loans", "recovery", "fund", "claim",
                                                  "tickets"};
    if (kGroups.contains(words[0]) && words.size() > 1) {
      inv.command += " " + words[1];
      used = 2;
      // Three words for a group inside a group: "borrower blacklist add",
      // "loans cob run", "loan writeoff request", "tickets callback record".
      static const std::set<std::string> kSubgroups = {
          "borrower blacklist", "loans cob",        "loans reminders", "loan writeoff",
          "tickets callback",   "tickets handover", "tickets policy",  "tickets customer"};
      if (kSubgroups.contains(inv.command) &&
          words.size() > 2) {
        inv.command += " " + words[2];
        used = 3;
      }
    }
  }
  inv.args.assign(words.begin() + static_cast<long>(used), words.end());
  absl::StatusOr<bool> json = inv.config.Bool("json", false);
  if (!json.ok()) return AsUsageError(json.status());
  inv.json = *json;
  return inv;
}

}  // namespace huinong::ctl
