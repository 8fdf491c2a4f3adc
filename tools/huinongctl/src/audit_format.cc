// Audit trail rendering for people; see audit_format.h.
#include "tools/huinongctl/src/audit_format.h"

#include <array>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "common/audit_chain/chain_mapping.h"
#include "common/core/sha256.h"
#include "common/core/string_views.h"
#include "common/rpc/proto_time.h"

namespace huinong::ctl {

namespace v1 = ::huinong::audit::v1;

namespace {

// The collections whose resource_type the services record, as the API names them.
constexpr std::array<std::pair<std::string_view, std::string_view>, 11> kResourceTypes = {{
    {"units", "unit"},
    {"posts", "post"},
    {"staff", "staff"},
    {"assignments", "assignment"},
    {"applications", "application"},
    {"loans", "loan"},
    {"tickets", "ticket"},
    {"customers", "customer"},
    {"borrowers", "borrower"},
    {"subsidyClaims", "subsidy_claim"},
    {"changeRequests", "change_request"},
}};

std::string SnakeCase(std::string_view camel) {
  std::string out;
  for (char c : camel) {
    if (absl::ascii_isupper(static_cast<unsigned char>(c))) {
      if (!out.empty()) out += '_';
      out += absl::ascii_tolower(static_cast<unsigned char>(c));
    } else {
      out += c;
    }
  }
  return out;
}

std::string Singular(std::string word) {
  if (word.size() > 3 && word.ends_with("ies")) return word.substr(0, word.size() - 3) + "y";
  if (word.size() > 1 && word.ends_with('s')) word.pop_back();
  return word;
}

std::string TableTime(const google::protobuf::Timestamp& ts) {
  return absl::FormatTime("%Y-%m-%d %H:%M:%S", rpc::FromTimestamp(ts), absl::UTCTimeZone());
}

// JSON as stored, on its own line; an empty side (before a creation, after a
// deletion) says so instead of printing nothing.
std::string JsonLine(const std::string& json) { return "  " + (json.empty() ? "(none)" : json) + "\n"; }

}  // namespace

absl::StatusOr<std::string> ResourceTypeOf(std::string_view resource_name) {
  const std::vector<absl::string_view> parts = absl::StrSplit(ToAbsl(resource_name), '/');
  bool well_formed = parts.size() >= 2 && parts.size() % 2 == 0;
  for (absl::string_view part : parts) well_formed = well_formed && !part.empty();
  if (!well_formed) {
    return absl::InvalidArgumentError(absl::StrCat("\"", ToAbsl(resource_name),
                                                   "\" is not a resource name like units/ID"));
  }
  const std::string_view collection = ToStd(parts[parts.size() - 2]);
  for (const auto& [name, type] : kResourceTypes) {
    if (name == collection) return std::string(type);
  }
  return Singular(SnakeCase(collection));
}

std::string ActorText(const type::v1::Actor& actor) {
  std::string out = actor.subject().empty() ? "(unknown)" : actor.subject();
  if (!actor.unit().empty()) absl::StrAppend(&out, " @ ", actor.unit());
  if (!actor.roles().empty()) absl::StrAppend(&out, " (", absl::StrJoin(actor.roles(), ", "), ")");
  return out;
}

std::string EventBlock(const v1::Event& event) {
  std::vector<std::pair<std::string, std::string>> rows = {
      {"sequence", absl::StrCat(event.sequence())},
      {"time", audit::CanonicalTime(rpc::FromTimestamp(event.time()))},
      {"service", event.service()},
      {"action", event.action()},
      {"actor", ActorText(event.actor())},
      {"request id", event.request_id().empty() ? "(none: background job)" : event.request_id()},
      {"event id", event.event_id()},
      // Always present, so every block of a history has the same layout.
      {"resource unit", event.resource_unit().empty() ? "(none)" : event.resource_unit()},
  };
  return absl::StrCat(KeyValueBlock(rows), "before:\n", JsonLine(event.before_json()), "after:\n",
                      JsonLine(event.after_json()));
}

Table EventTable(const std::vector<v1::Event>& events) {
  Table table({"SEQ", "TIME", "SERVICE", "ACTION", "ACTOR", "RESOURCE"});
  for (const v1::Event& event : events) {
    table.AddRow({absl::StrCat(event.sequence()), TableTime(event.time()), event.service(), event.action(),
                  event.actor().subject(), event.resource_id()});
  }
  return table;
}

std::string ProblemText(audit::ChainProblem problem) {
  switch (problem) {
    case audit::ChainProblem::kNone:
      return "no problem reported";
    case audit::ChainProblem::kHashMismatch:
      return "hash mismatch (the event's content no longer hashes to its stored hash)";
    case audit::ChainProblem::kPrevHashMismatch:
      return "prev_hash mismatch (the event does not link to the event before it)";
    case audit::ChainProblem::kSequenceGap:
      return "sequence gap (this sequence is missing)";
    case audit::ChainProblem::kCheckpointMismatch:
      return "checkpoint mismatch (the signed head hash differs from the event's hash)";
    case audit::ChainProblem::kBadSignature:
      return "bad signature (the checkpoint's signature does not verify with its key)";
  }
  return absl::StrCat("problem ", static_cast<int>(problem));
}

std::string SequenceRange(int64_t first, int64_t last) { return absl::StrCat(first, "–", last); }

std::string ChainVerdict(const ChainReport& report) {
  if (!report.ok) {
    return absl::StrCat("chain BROKEN at sequence ", report.first_bad_sequence, ": ",
                        ProblemText(audit::DomainProblem(report.problem)));
  }
  const std::string range = report.checked_count == 0
                                ? "no events"
                                : absl::StrCat("sequences ", SequenceRange(report.start_sequence,
                                                                           report.end_sequence));
  return absl::StrCat("chain intact: ", report.checked_count, " events checked (", range, "), ",
                      report.checkpoints_checked, " checkpoints, head ",
                      report.end_hash.empty() ? "(none)" : HexEncode(report.end_hash));
}

v1::VerifyChainResponse ChainReportProto(const ChainReport& report) {
  v1::VerifyChainResponse out;
  out.set_ok(report.ok);
  out.set_start_sequence(report.start_sequence);
  out.set_end_sequence(report.end_sequence);
  out.set_checked_count(report.checked_count);
  out.set_checkpoints_checked(report.checkpoints_checked);
  out.set_first_bad_sequence(report.first_bad_sequence);
  out.set_problem(report.problem);
  out.set_end_hash(report.end_hash);
  return out;
}

}  // namespace huinong::ctl
