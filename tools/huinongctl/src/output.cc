// Human and JSON output; see output.h.
#include "tools/huinongctl/src/output.h"

#include <algorithm>

#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "common/core/utf8.h"
#include "common/rpc/errors.h"
#include "google/protobuf/util/json_util.h"

namespace huinong::ctl {
namespace {

char32_t DecodeAt(std::string_view s, size_t i, size_t len) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
  switch (len) {
    case 1: return byte(0);
    case 2: return ((byte(0) & 0x1F) << 6) | (byte(1) & 0x3F);
    case 3: return ((byte(0) & 0x0F) << 12) | ((byte(1) & 0x3F) << 6) | (byte(2) & 0x3F);
    default:
      return ((byte(0) & 0x07) << 18) | ((byte(1) & 0x3F) << 12) | ((byte(2) & 0x3F) << 6) |
             (byte(3) & 0x3F);
  }
}

// The wide ranges of Unicode's East Asian Width property that matter for our
// text: Hangul Jamo, CJK punctuation through Yi, Hangul syllables, CJK
// compatibility, vertical and fullwidth forms, and the supplementary ideographs.
bool IsWide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
         (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

bool IsZeroWidth(char32_t c) {
  return (c >= 0x0300 && c <= 0x036F) || c == 0x200B || c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F);
}

void AppendPadded(std::string& out, const std::string& cell, size_t width) {
  out += cell;
  const size_t have = DisplayWidth(cell);
  if (have < width) out.append(width - have, ' ');
}

}  // namespace

size_t DisplayWidth(std::string_view text) {
  size_t width = 0;
  for (size_t i = 0; i < text.size();) {
    const size_t len = utf8::SequenceLength(text, i);
    if (len == 0) {
      ++width;
      ++i;
      continue;
    }
    const char32_t c = DecodeAt(text, i, len);
    i += len;
    if (IsZeroWidth(c)) continue;
    width += IsWide(c) ? 2 : 1;
  }
  return width;
}

Table::Table(std::vector<std::string> headers) : headers_(std::move(headers)) {}

void Table::AddRow(std::vector<std::string> cells) {
  cells.resize(std::max(cells.size(), headers_.size()));
  rows_.push_back(std::move(cells));
}

std::string Table::Render() const {
  std::vector<size_t> widths(headers_.size(), 0);
  for (size_t c = 0; c < headers_.size(); ++c) widths[c] = DisplayWidth(headers_[c]);
  for (const auto& row : rows_) {
    for (size_t c = 0; c < row.size() && c < widths.size(); ++c) {
      widths[c] = std::max(widths[c], DisplayWidth(row[c]));
    }
  }
  std::string out;
  const auto emit = [&](const std::vector<std::string>& cells) {
    std::string line;
    for (size_t c = 0; c < widths.size(); ++c) {
      if (c > 0) line += "  ";
      if (c + 1 == widths.size()) {
        line += cells[c];
      } else {
        AppendPadded(line, cells[c], widths[c]);
      }
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line;
    out += '\n';
  };
  emit(headers_);
  for (const auto& row : rows_) emit(row);
  return out;
}

std::string KeyValueBlock(const std::vector<std::pair<std::string, std::string>>& pairs) {
  size_t width = 0;
  for (const auto& [key, value] : pairs) width = std::max(width, DisplayWidth(key));
  std::string out;
  for (const auto& [key, value] : pairs) {
    std::string line;
    AppendPadded(line, key, width);
    line += "  ";
    line += value;
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line;
    out += '\n';
  }
  return out;
}

std::string CsvRecord(const std::vector<std::string>& cells) {
  std::string out;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out += ',';
    const std::string& cell = cells[i];
    if (cell.find_first_of(",\"\r\n") == std::string::npos) {
      out += cell;
      continue;
    }
    out += '"';
    for (const char c : cell) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  return out + "\r\n";
}

std::string RenderTree(const std::vector<TreeRow>& rows) {
  // Backwards: whether each row has a later sibling (a later row at the same
  // depth before any shallower row).
  std::vector<bool> has_next(rows.size(), false);
  std::vector<bool> seen;
  for (size_t i = rows.size(); i-- > 0;) {
    const size_t d = static_cast<size_t>(std::max(rows[i].depth, 0));
    if (seen.size() <= d) seen.resize(d + 1, false);
    has_next[i] = seen[d];
    seen[d] = true;
    for (size_t k = d + 1; k < seen.size(); ++k) seen[k] = false;
  }
  std::string out;
  std::vector<bool> open;  // open[k]: the current ancestor at depth k has a later sibling
  for (size_t i = 0; i < rows.size(); ++i) {
    const size_t d = static_cast<size_t>(std::max(rows[i].depth, 0));
    if (open.size() <= d) open.resize(d + 1, false);
    for (size_t k = 1; k < d; ++k) out += open[k] ? "│   " : "    ";
    if (d > 0) out += has_next[i] ? "├── " : "└── ";
    out += rows[i].text;
    out += '\n';
    open[d] = has_next[i];
  }
  return out;
}

absl::StatusOr<std::string> MessageJson(const google::protobuf::Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  options.always_print_primitive_fields = false;
  std::string json;
  const auto status = google::protobuf::util::MessageToJsonString(message, &json, options);
  if (!status.ok()) {
    return absl::InternalError(absl::StrCat("cannot print JSON: ", status.message().as_string()));
  }
  return json;
}

nlohmann::ordered_json MessageValue(const google::protobuf::Message& message) {
  absl::StatusOr<std::string> json = MessageJson(message);
  if (!json.ok()) return nullptr;
  return nlohmann::ordered_json::parse(*json, nullptr, /*allow_exceptions=*/false);
}

std::string JsonLine(const nlohmann::ordered_json& value) {
  return value.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

absl::Status Rephrased(const absl::Status& status, std::string_view message) {
  absl::Status out(status.code(), absl::string_view(message.data(), message.size()));
  status.ForEachPayload(
      [&](absl::string_view url, const absl::Cord& payload) { out.SetPayload(url, payload); });
  return out;
}

std::string FormatError(const absl::Status& status) {
  std::string out = absl::StrCat("error: ", absl::StatusCodeToString(status.code()), ": ",
                                 status.message(), "\n");
  for (const rpc::FieldViolation& v : rpc::FieldViolationsOf(status)) {
    absl::StrAppend(&out, "  ", v.field, ": ", v.description, "\n");
  }
  const std::vector<rpc::PreconditionViolation> broken = rpc::PreconditionViolationsOf(status);
  if (!broken.empty()) absl::StrAppend(&out, "  broken rules (", broken.size(), "):\n");
  for (const auto& v : broken) {
    absl::StrAppend(&out, "    ", v.type, v.subject.empty() ? "" : absl::StrCat(" (", v.subject, ")"), ": ",
                    v.description, "\n");
  }
  const std::string reason = rpc::ReasonOf(status);
  if (!reason.empty()) absl::StrAppend(&out, "  reason: ", reason, "\n");
  return out;
}

}  // namespace huinong::ctl
