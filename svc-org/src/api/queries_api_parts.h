// Pieces shared by the query handlers (queries_api.cc, queries_api_reports.cc):
// holders as the protos show them, the caller's visible path, and one
// keyset page over rows already sorted by key.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"
#include "common/rpc/page_token.h"
#include "huinong/org/v1/queries.pb.h"
#include "svc-org/src/api/staff_mapping.h"
#include "svc-org/src/domain/scope.h"
#include "svc-org/src/domain/staff.h"

namespace huinong::org {

inline v1::PostHolder HolderOf(const Assignment& a, const std::map<std::string, std::string>& names) {
  v1::PostHolder h;
  h.set_staff(StaffName(a.staff_id));
  if (auto it = names.find(a.staff_id); it != names.end()) h.set_display_name(it->second);
  h.set_assignment(AssignmentName(a.id));
  h.set_kind(static_cast<v1::AssignmentKind>(a.kind));
  return h;
}

// The data-scope restriction for subtree reads: none for callers who read all.
inline std::string VisiblePath(const CallerScope& scope) {
  return scope.reads_all ? std::string() : scope.unit_path;
}

// Emits the rows after `after` (rows sorted by key), at most `page_size`,
// through `add`; sets `next_token` when rows remain.
template <class Row, class Add>
void EmitPage(const std::vector<std::pair<std::string, Row>>& rows, const std::string& after,
              int page_size, absl::string_view filters, Add&& add, std::string* next_token) {
  int emitted = 0;
  std::string last_key;
  for (const auto& [key, row] : rows) {
    if (!after.empty() && key <= after) continue;
    if (emitted == page_size) {
      *next_token = rpc::EncodePageToken(filters, last_key);
      return;
    }
    add(row);
    last_key = key;
    ++emitted;
  }
}

}  // namespace huinong::org
