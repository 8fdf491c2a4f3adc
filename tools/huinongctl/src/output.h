// What huinongctl writes: aligned tables and key/value blocks for people
// (column widths count CJK characters as two terminal cells, so Chinese unit
// names line up), indented trees, proto JSON for scripts, and the one error
// format every command uses.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "google/protobuf/message.h"
#include "nlohmann/json.hpp"

namespace huinong::ctl {

// Terminal cells `text` occupies: East Asian wide and fullwidth characters
// count 2, combining marks 0, everything else (and each invalid byte) 1.
size_t DisplayWidth(std::string_view text);

// Columns separated by two spaces, padded to the widest cell; the last
// column is not padded, so lines carry no trailing blanks.
class Table {
 public:
  explicit Table(std::vector<std::string> headers);
  // Rows shorter than the header are padded with empty cells.
  void AddRow(std::vector<std::string> cells);
  size_t rows() const { return rows_.size(); }
  std::string Render() const;

 private:
  std::vector<std::string> headers_;
  std::vector<std::vector<std::string>> rows_;
};

// One CSV record (RFC 4180) ending in "\r\n": a cell holding a comma, a
// quote, a CR or an LF is quoted with its quotes doubled; other cells as
// they are (UTF-8 passes through, so Chinese names stay readable).
std::string CsvRecord(const std::vector<std::string>& cells);

// "key    value" lines with the values aligned.
std::string KeyValueBlock(const std::vector<std::pair<std::string, std::string>>& pairs);

struct TreeRow {
  int depth = 0;  // 0 for a root; a child is exactly one deeper than its parent
  std::string text;
};
// Rows in depth-first order (each before its children) drawn with box-drawing
// connectors:
//   root
//   ├── child
//   │   └── grandchild
//   └── last child
std::string RenderTree(const std::vector<TreeRow>& rows);

// One line of proto JSON (proto field names, default values left out).
absl::StatusOr<std::string> MessageJson(const google::protobuf::Message& message);
// The same as a value to put inside other JSON output; null when the
// message cannot be printed.
nlohmann::ordered_json MessageValue(const google::protobuf::Message& message);
// One line of JSON for scripts, members in the order they were added. Never
// throws: bytes that are not UTF-8 are replaced (U+FFFD).
std::string JsonLine(const nlohmann::ordered_json& value);

// `status` with its code and details (field violations, reason) kept and its
// message replaced, for adding what the caller was doing.
absl::Status Rephrased(const absl::Status& status, std::string_view message);

// "error: CODE: message" then "  field: description" per field violation,
// "  broken rules (N):" and "    TYPE (subject): description" per broken
// business rule of a FAILED_PRECONDITION (google.rpc.PreconditionFailure:
// a refusal that breaks four lending rules names all four), and
// "  reason: X" when the status carries one; each line ends with '\n'.
std::string FormatError(const absl::Status& status);

}  // namespace huinong::ctl
