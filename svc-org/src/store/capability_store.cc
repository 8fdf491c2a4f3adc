// See capability_store.h.
#include "svc-org/src/store/capability_store.h"

#include <map>
#include <memory>
#include <set>

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/core/status_macros.h"
#include "common/db/statements.h"
#include "svc-org/src/store/post_store.h"
#include "svc-org/src/store/staff_store.h"
#include "svc-org/src/store/unit_store.h"

namespace huinong::org::store {

absl::StatusOr<std::vector<GrantSource>> GrantSourcesFor(sql::Connection& conn,
                                                         const std::vector<Assignment>& assignments) {
  std::set<std::string> post_ids;
  std::set<std::string> unit_ids;
  for (const auto& a : assignments) {
    post_ids.insert(a.post_id);
    unit_ids.insert(a.unit_id);
  }
  ASSIGN_OR_RETURN(auto histories,
                   GetPostHistories(conn, std::vector<std::string>(post_ids.begin(), post_ids.end())));
  ASSIGN_OR_RETURN(std::vector<Unit> units,
                   GetUnits(conn, std::vector<std::string>(unit_ids.begin(), unit_ids.end())));
  std::map<std::string, const Unit*> unit_by_id;
  for (const auto& u : units) unit_by_id[u.id] = &u;

  std::vector<GrantSource> out;
  for (const auto& a : assignments) {
    auto history = histories.find(a.post_id);
    auto unit = unit_by_id.find(a.unit_id);
    if (history == histories.end() || history->second.empty() || unit == unit_by_id.end()) continue;
    const std::vector<Post>& versions = history->second;
    GrantSource s;
    s.assignment_id = a.id;
    s.kind = a.kind;
    s.from = a.effective_from;
    s.to = a.effective_to;
    if (a.delegation) {
      s.acting_for_id = a.delegation->acting_for_id;
      s.delegated = a.delegation->capabilities;
    }
    s.post_id = a.post_id;
    s.post_unit_id = a.unit_id;
    s.post_unit_path = unit->second->path;
    s.post_unit_level = unit->second->level;
    s.post_from = versions.front().effective_from;
    s.post_to = versions.front().effective_to;
    for (size_t i = 0; i < versions.size(); ++i) {
      GrantTerms t;
      t.from = versions[i].terms_from;
      if (i + 1 < versions.size()) t.until = versions[i + 1].terms_from;
      t.status = versions[i].terms.status;
      t.capabilities = versions[i].terms.capabilities;
      t.head = versions[i].terms.head;
      t.deputy = versions[i].terms.deputy;
      s.terms.push_back(std::move(t));
    }
    out.push_back(std::move(s));
  }
  return out;
}

absl::StatusOr<std::optional<StaffGrants>> LoadStaffGrants(sql::Connection& conn,
                                                           const std::string& staff_id) {
  ASSIGN_OR_RETURN(std::optional<Staff> staff, GetStaff(conn, staff_id));
  if (!staff) return std::optional<StaffGrants>();
  ASSIGN_OR_RETURN(std::vector<Assignment> assignments, AssignmentsOfStaff(conn, staff_id));
  StaffGrants g;
  g.staff_id = staff->id;
  g.display_name = staff->display_name;
  g.status = staff->status;
  ASSIGN_OR_RETURN(g.sources, GrantSourcesFor(conn, assignments));
  return std::optional<StaffGrants>(std::move(g));
}

absl::StatusOr<std::vector<std::string>> PostsGranting(sql::Connection& conn,
                                                       const std::string& capability,
                                                       const std::vector<std::string>& unit_ids) {
  std::vector<std::string> out;
  if (unit_ids.empty()) return out;
  db::Statement q = db::Prepare(conn, absl::StrCat(
      "SELECT DISTINCT c.post_id FROM post_capabilities c JOIN posts p ON p.id = c.post_id"
      " WHERE c.capability = ? AND p.unit_id IN (",
      absl::StrJoin(std::vector<std::string>(unit_ids.size(), "?"), ","), ") ORDER BY c.post_id"));
  int i = 1;
  q->setString(i++, capability);
  for (const auto& id : unit_ids) q->setString(i++, id);
  std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
  while (rs->next()) out.push_back(rs->getString(1));
  return out;
}

}  // namespace huinong::org::store
