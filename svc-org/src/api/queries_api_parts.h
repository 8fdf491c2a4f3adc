// Pieces shared by the query handlers (queries_api.cc, queries_api_reports.cc):
// holders as the protos show them, the caller's visible path, the opening of
// a report (unit, day, page), the read every subtree report shares
// (ReadSubtreeReport) and one keyset page over rows already sorted by key.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"
#include "common/core/status_macros.h"
#include "common/rpc/page_token.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/request_checks.h"
#include "common/rpc/validate.h"
#include "common/server/handler_kit.h"
#include "huinong/org/v1/queries.pb.h"
#include "svc-org/src/api/caller_scope.h"
#include "svc-org/src/api/staff_mapping.h"
#include "svc-org/src/api/unit_mapping.h"
#include "svc-org/src/app/access.h"
#include "svc-org/src/domain/org_queries.h"
#include "svc-org/src/domain/scope.h"
#include "svc-org/src/domain/staff.h"
#include "svc-org/src/domain/unit.h"
#include "svc-org/src/store/query_store.h"

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

// The opening every report shares: the unit it is about, its day (today in
// the county when unset) and, for paged reports, the page. Violations name
// the request's own fields.
struct ReportRequest {
  std::string root_id;
  absl::CivilDay day;
  int page_size = 0;
  std::string after;
};

inline ReportRequest ReadReport(absl::string_view root, const std::string& root_field,
                                const type::v1::Date& date, const std::string& date_field,
                                absl::CivilDay today, rpc::Violations& v) {
  ReportRequest r;
  r.root_id = rpc::ParseName(root, "units", root_field, v);
  r.day = rpc::FromDate(date, date_field, v).value_or(today);
  return r;
}

// The page of a paged report; `filters` include the day asked for.
inline void ReadReportPage(int page_size, absl::string_view page_token, absl::string_view filters,
                           ReportRequest& r, rpc::Violations& v) {
  r.page_size = rpc::PageSize(page_size, v);
  r.after = rpc::PageAfter(page_token, filters, v);
}

// The subtree of `root` on `day` as the caller may see it; the report sets
// what else it needs read.
inline store::SubtreeRead SubtreeReadOf(const Unit& root, absl::CivilDay day, const CallerScope& scope) {
  store::SubtreeRead read;
  read.root_path = root.path;
  read.day = day;
  read.visible_path = VisiblePath(scope);
  return read;
}

// The root of a subtree report: readable by the caller and standing on the day.
inline absl::StatusOr<Unit> LoadRoot(sql::Connection& conn, const CallerScope& scope, const std::string& id,
                                     absl::CivilDay day) {
  ASSIGN_OR_RETURN(Unit root, LoadUnit(conn, id));
  RETURN_IF_ERROR(ReadableUnit(scope, root));
  if (!UnitStoodOn(root, day)) return rpc::NotFound(UnitName(id));
  return root;
}

// A subtree report that reads the subtree's units, posts and assignments.
inline absl::Status WholeSubtree(const Unit&, store::SubtreeRead&) { return absl::OkStatus(); }

// The read every subtree report shares once its request is checked: the
// caller's scope, then on one connection the root (LoadRoot), what `shape`
// adds to the subtree's read (or its refusal of the root), the subtree as it
// stood on the day and as the caller may see it, and `report` over them.
//   shape:  absl::Status(const Unit& root, store::SubtreeRead& read)
//   report: absl::Status(sql::Connection& conn, const Unit& root, store::SubtreeSnapshot& snap)
template <class Shape, class Report>
absl::Status ReadSubtreeReport(CallerScopes& scopes, const auth::Principal& caller, const server::Reader& reader,
                               const ReportRequest& r, Shape&& shape, Report&& report) {
  ASSIGN_OR_RETURN(CallerScope scope, scopes.For(caller));
  return reader([&](sql::Connection& conn) -> absl::Status {
    ASSIGN_OR_RETURN(Unit root, LoadRoot(conn, scope, r.root_id, r.day));
    store::SubtreeRead read = SubtreeReadOf(root, r.day, scope);
    RETURN_IF_ERROR(shape(root, read));
    ASSIGN_OR_RETURN(store::SubtreeSnapshot snap, store::ReadSubtreeOn(conn, read));
    return report(conn, root, snap);
  });
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

// EmitPage for a paged report: its page, and the response's next_page_token.
template <class Row, class Add, class Response>
void EmitReportPage(const std::vector<std::pair<std::string, Row>>& rows, const ReportRequest& r,
                    absl::string_view filters, Add&& add, Response* resp) {
  std::string next_token;
  EmitPage(rows, r.after, r.page_size, filters, add, &next_token);
  resp->set_next_page_token(next_token);
}

}  // namespace huinong::org
