// `huinongctl audit ...`: reading and checking the audit trail of svc-audit.
// history/search/verify/export call the service; verify-export works on a
// file alone, so an auditor can check an export on a machine with no access
// to the suite. A chain or export found broken prints its verdict and exits
// 3, so scripts can tell "broken" (3) from "could not ask" (1).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>

#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "common/rpc/proto_time.h"
#include "tools/huinongctl/src/audit_client.h"
#include "tools/huinongctl/src/audit_format.h"
#include "tools/huinongctl/src/commands.h"
#include "tools/huinongctl/src/connection.h"
#include "tools/huinongctl/src/export_file.h"
#include "tools/huinongctl/src/export_verify.h"
#include "tools/huinongctl/src/output.h"

namespace huinong::ctl {
namespace {

namespace v1 = ::huinong::audit::v1;

// An export streams the whole chain: without an explicit --timeout it gets
// far longer than a unary call's ten seconds.
constexpr absl::Duration kExportDeadline = absl::Hours(1);

absl::Status PrintJson(const google::protobuf::Message& message) {
  ASSIGN_OR_RETURN(const std::string json, MessageJson(message));
  std::cout << json << "\n";
  return absl::OkStatus();
}

absl::StatusOr<int64_t> SequenceFlag(const Invocation& inv, const std::string& key) {
  absl::StatusOr<int64_t> value = inv.config.Int(key, 0);
  if (!value.ok()) return AsUsageError(value.status());
  if (*value < 0) return UsageError(absl::StrCat("--", key, " must not be negative"));
  return *value;
}

absl::StatusOr<bool> BoolFlag(const Invocation& inv, const std::string& key) {
  absl::StatusOr<bool> value = inv.config.Bool(key, false);
  if (!value.ok()) return AsUsageError(value.status());
  return *value;
}

// RFC 3339 ("2024-05-01T08:00:00Z", "2024-05-01T16:00:00+08:00") or a UTC day ("2024-05-01").
absl::StatusOr<google::protobuf::Timestamp> TimeFlag(const Invocation& inv, const std::string& key) {
  const std::string text = inv.config.String(key);
  absl::Time t;
  std::string err;
  if (!absl::ParseTime(absl::RFC3339_full, text, &t, &err) &&
      !absl::ParseTime("%Y-%m-%d", text, absl::UTCTimeZone(), &t, &err)) {
    return UsageError(absl::StrCat("--", key, " \"", text, "\" is not an RFC 3339 time"));
  }
  return rpc::ToTimestamp(t);
}

absl::StatusOr<std::pair<int64_t, int64_t>> SequenceRangeFlags(const Invocation& inv) {
  ASSIGN_OR_RETURN(const int64_t start, SequenceFlag(inv, "start"));
  ASSIGN_OR_RETURN(const int64_t end, SequenceFlag(inv, "end"));
  if (end != 0 && start > end) return UsageError("--start is after --end");
  return std::make_pair(start, end);
}

absl::Status History(const Invocation& inv, const AuditClient& audit) {
  if (inv.args.empty()) return UsageError("whose history? give a resource name like units/ID");
  const std::string& name = inv.args[0];
  absl::StatusOr<std::string> type = ResourceTypeOf(name);
  if (!type.ok()) return AsUsageError(type.status());
  v1::SearchEventsRequest request;
  request.set_resource_type(*type);
  request.set_resource_id(name);
  ASSIGN_OR_RETURN(std::vector<v1::Event> events, audit.SearchAllEvents(request));
  if (inv.json) {
    v1::SearchEventsResponse all;
    for (v1::Event& event : events) *all.add_events() = std::move(event);
    return PrintJson(all);
  }
  if (events.empty()) {
    std::cout << "no events recorded for " << name << " (resource type " << *type << ")\n";
    return absl::OkStatus();
  }
  for (size_t i = 0; i < events.size(); ++i) std::cout << (i == 0 ? "" : "\n") << EventBlock(events[i]);
  return absl::OkStatus();
}

absl::Status Search(const Invocation& inv, const AuditClient& audit) {
  v1::SearchEventsRequest request;
  request.set_resource_type(inv.config.String("resource_type"));
  request.set_resource_id(inv.config.String("resource_id"));
  if (!request.resource_id().empty() && request.resource_type().empty()) {
    // The API needs both; the name says which type it is.
    absl::StatusOr<std::string> type = ResourceTypeOf(request.resource_id());
    if (!type.ok()) return UsageError("--resource-id needs --resource-type, or a resource name like units/ID");
    request.set_resource_type(*type);
  }
  request.set_actor_subject(inv.config.String("actor"));
  request.set_actor_unit(inv.config.String("actor_unit"));
  request.set_action(inv.config.String("action"));
  request.set_service(inv.config.String("service"));
  request.set_request_id(inv.config.String("request_id"));
  if (inv.config.Has("from")) {
    ASSIGN_OR_RETURN(*request.mutable_time_from(), TimeFlag(inv, "from"));
  }
  if (inv.config.Has("to")) {
    ASSIGN_OR_RETURN(*request.mutable_time_to(), TimeFlag(inv, "to"));
  }
  ASSIGN_OR_RETURN(const bool newest_first, BoolFlag(inv, "newest_first"));
  request.set_newest_first(newest_first);
  ASSIGN_OR_RETURN(const int64_t page_size, SequenceFlag(inv, "page_size"));
  if (page_size > 500) return UsageError("--page-size is at most 500");
  request.set_page_size(static_cast<int32_t>(page_size));
  request.set_page_token(inv.config.String("page_token"));
  ASSIGN_OR_RETURN(const bool all, BoolFlag(inv, "all"));

  v1::SearchEventsResponse response;
  if (all) {
    ASSIGN_OR_RETURN(std::vector<v1::Event> events, audit.SearchAllEvents(request));
    for (v1::Event& event : events) *response.add_events() = std::move(event);
  } else {
    ASSIGN_OR_RETURN(response, audit.SearchEvents(request));
  }
  if (inv.json) return PrintJson(response);
  std::cout << EventTable({response.events().begin(), response.events().end()}).Render();
  if (!response.next_page_token().empty()) {
    std::cout << "next page: --page-token=" << response.next_page_token() << "\n";
  }
  return absl::OkStatus();
}

absl::Status Verify(const Invocation& inv, const AuditClient& audit) {
  ASSIGN_OR_RETURN(const auto range, SequenceRangeFlags(inv));
  ASSIGN_OR_RETURN(const ChainReport report, audit.VerifyRange(range.first, range.second, kVerifyBatch));
  const std::string verdict = ChainVerdict(report);
  if (inv.json) {
    RETURN_IF_ERROR(PrintJson(ChainReportProto(report)));
  } else {
    std::cout << verdict << "\n";
  }
  return report.ok ? absl::OkStatus() : CheckFailed(verdict);
}

absl::Status Export(const Invocation& inv, const AuditClient& audit, absl::Duration deadline) {
  ASSIGN_OR_RETURN(const auto range, SequenceRangeFlags(inv));
  v1::ExportEventsRequest request;
  request.set_start_sequence(range.first);
  request.set_end_sequence(range.second);
  if (inv.config.Has("from")) {
    ASSIGN_OR_RETURN(*request.mutable_time_from(), TimeFlag(inv, "from"));
  }
  if (inv.config.Has("to")) {
    ASSIGN_OR_RETURN(*request.mutable_time_to(), TimeFlag(inv, "to"));
  }
  ASSIGN_OR_RETURN(const bool exact, BoolFlag(inv, "exact"));
  request.set_exact_range(exact);
  const std::string path = inv.config.String("output", "-");
  if (path.empty() || path == "true") return UsageError("-o needs a file name (or - for stdout)");

  // A file is written under a temporary name and renamed when the stream
  // completed, so FILE never holds a cut-off export.
  const bool to_stdout = path == "-";
  const std::string partial = path + ".partial";
  std::ofstream file;
  if (!to_stdout) {
    file.open(partial, std::ios::out | std::ios::trunc);
    if (!file) return absl::PermissionDeniedError(absl::StrCat("cannot write ", partial));
  }
  std::ostream& out = to_stdout ? std::cout : file;
  ExportTally tally;
  const absl::Status streamed =
      audit.ExportEvents(request, deadline, [&](const v1::ExportEventsResponse& message) -> absl::Status {
        ASSIGN_OR_RETURN(const std::string line, ExportLine(message));
        out << line << '\n';
        if (!out) return absl::DataLossError(absl::StrCat("writing ", to_stdout ? "stdout" : partial, " failed"));
        tally.Add(message);
        return absl::OkStatus();
      });
  out.flush();
  if (!streamed.ok()) {
    std::string message(streamed.message());
    if (tally.last_event() > 0) {
      absl::StrAppend(&message, " (the export stopped after sequence ", tally.last_event(),
                      "; resume with --start=", tally.last_event() + 1,
                      to_stdout ? ")" : absl::StrCat("; what arrived is in ", partial, ")"));
    }
    return Rephrased(streamed, message);
  }
  if (!to_stdout) {
    file.close();
    std::error_code ec;
    std::filesystem::rename(partial, path, ec);
    if (ec) return absl::InternalError(absl::StrCat("cannot rename ", partial, " to ", path, ": ", ec.message()));
  }
  std::cerr << tally.Summary() << (to_stdout ? "" : absl::StrCat("written to ", path, "\n"));
  return absl::OkStatus();
}

absl::Status VerifyExportFile(const Invocation& inv) {
  if (inv.args.empty()) return UsageError("which file? give the export file (- for stdin)");
  std::optional<std::string> pinned;
  if (inv.config.Has("public_key")) {
    absl::StatusOr<std::string> key = ParsePublicKeyHex(inv.config.String("public_key"));
    if (!key.ok()) return AsUsageError(key.status());
    pinned = *std::move(key);
  }
  const std::string& path = inv.args[0];
  ExportVerdict verdict;
  if (path == "-") {
    verdict = VerifyExport(std::cin, pinned);
  } else {
    std::ifstream file(path);
    if (!file) return absl::NotFoundError(absl::StrCat("cannot read ", path));
    verdict = VerifyExport(file, pinned);
  }
  for (const std::string& warning : verdict.warnings) std::cerr << "warning: " << warning << "\n";
  std::cout << verdict.Text() << "\n";
  return verdict.ok() ? absl::OkStatus() : CheckFailed(verdict.Text());
}

struct Subcommand {
  std::vector<std::string> flags;
  size_t max_args;
};

const std::map<std::string, Subcommand>& Subcommands() {
  static const auto* table = new std::map<std::string, Subcommand>{
      {"audit history", {{}, 1}},
      {"audit search",
       {{"resource_type", "resource_id", "actor", "actor_unit", "action", "service", "request_id", "from", "to",
         "newest_first", "page_size", "page_token", "all"},
        0}},
      {"audit verify", {{"start", "end"}, 0}},
      {"audit export", {{"start", "end", "exact", "output", "from", "to"}, 0}},
      {"audit verify-export", {{"public_key"}, 1}},
  };
  return *table;
}

}  // namespace

absl::Status RunAudit(const Invocation& inv) {
  const auto it = Subcommands().find(inv.command);
  if (it == Subcommands().end()) {
    return UsageError(inv.command == "audit" ? "which audit command?"
                                             : absl::StrCat("unknown command \"", inv.command, "\""));
  }
  RETURN_IF_ERROR(CheckUsage(inv, it->second.flags, it->second.max_args));
  if (inv.command == "audit verify-export") return VerifyExportFile(inv);  // offline: no gateway needed

  absl::StatusOr<ConnectionOptions> options = ConnectionOptionsFrom(inv.config);
  absl::Duration export_deadline = kExportDeadline;
  if (options.ok() && inv.config.Has("timeout")) export_deadline = options->timeout;
  const Connection connection(std::move(options));
  const AuditClient audit(connection);
  if (inv.command == "audit history") return History(inv, audit);
  if (inv.command == "audit search") return Search(inv, audit);
  if (inv.command == "audit verify") return Verify(inv, audit);
  return Export(inv, audit, export_deadline);
}

}  // namespace huinong::ctl
