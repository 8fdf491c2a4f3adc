// See query_store.h.
#include "svc-org/src/store/query_store.h"

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <map>
#include <memory>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/core/status_macros.h"
#include "common/db/statements.h"
#include "svc-org/src/domain/org_queries.h"
#include "svc-org/src/store/post_store.h"
#include "svc-org/src/store/quota_store.h"
#include "svc-org/src/store/sql_columns.h"
#include "svc-org/src/store/staff_store.h"
#include "svc-org/src/store/unit_store.h"

namespace huinong::org::store {
namespace {

constexpr int kPage = 500;

}  // namespace

absl::StatusOr<SubtreeSnapshot> ReadSubtreeOn(sql::Connection& conn, const SubtreeRead& read) {
  SubtreeSnapshot out;
  std::set<std::string> unit_ids;
  // The units as they stood on the day (names, statuses, parents), rebased
  // onto the root's path in today's registry so that callers can compare
  // paths and depths with the root they loaded.
  const std::vector<std::string> root_ids = PathIds(read.root_path);
  if (root_ids.empty()) return out;
  const int root_depth = static_cast<int>(root_ids.size()) - 1;
  ASSIGN_OR_RETURN(std::vector<DayUnit> day,
                   SubtreeOnDay(conn, root_ids.back(), read.day, read.visible_path));
  if (day.empty()) return out;
  const std::string day_root_path = day.front().unit.path;
  const int day_root_depth = day.front().unit.depth;
  // The searches below go by today's paths: a unit that has moved out of
  // the subtree since widens them to the whole registry.
  std::string search_path = read.root_path;
  for (auto& d : day) {
    Unit& u = d.unit;
    u.path = read.root_path + u.path.substr(day_root_path.size());
    u.depth = root_depth + (u.depth - day_root_depth);
    if (read.max_depth > 0 && u.depth > read.max_depth) continue;
    if (!InSubtree(d.today_path, read.root_path)) search_path.clear();
    unit_ids.insert(u.id);
    out.units.push_back(std::move(u));
  }

  std::set<std::string> post_ids;
  if (read.posts || read.assignments) {
    PostQuery pq;
    pq.read = {read.day, false};
    pq.subtree_path = search_path;
    pq.limit = kPage;
    for (;;) {
      ASSIGN_OR_RETURN(std::vector<Post> page, ListPosts(conn, pq));
      for (auto& p : page) {
        if (unit_ids.count(p.unit_id) == 0) continue;
        post_ids.insert(p.id);
        out.posts.push_back(std::move(p));
      }
      if (static_cast<int>(page.size()) < kPage) break;
      pq.after_id = page.back().id;
    }
  }
  if (read.quotas) {
    QuotaQuery qq;
    qq.read = {read.day, false};
    qq.subtree_path = search_path;
    qq.limit = kPage;
    for (;;) {
      ASSIGN_OR_RETURN(std::vector<Quota> page, ListQuotas(conn, qq));
      for (auto& q : page) {
        if (unit_ids.count(q.unit_id) == 0) continue;
        if (!q.post_id.empty() && post_ids.count(q.post_id) == 0) continue;
        out.quotas.push_back(std::move(q));
      }
      if (static_cast<int>(page.size()) < kPage) break;
      qq.after_id = page.back().id;
    }
  }
  if (read.assignments) {
    AssignmentQuery aq;
    aq.subtree_path = search_path;
    aq.day = read.day;
    aq.limit = kPage;
    for (;;) {
      ASSIGN_OR_RETURN(std::vector<Assignment> page, ListAssignments(conn, aq));
      for (auto& a : page) {
        if (post_ids.count(a.post_id) != 0) out.assignments.push_back(std::move(a));
      }
      if (static_cast<int>(page.size()) < kPage) break;
      aq.after_id = page.back().id;
    }
  }
  if (!read.posts) out.posts.clear();
  return out;
}

absl::StatusOr<std::map<std::string, std::string>> StaffNames(sql::Connection& conn,
                                                              const std::vector<std::string>& ids) {
  std::map<std::string, std::string> out;
  const std::set<std::string> distinct(ids.begin(), ids.end());
  std::vector<std::string> list(distinct.begin(), distinct.end());
  for (size_t at = 0; at < list.size(); at += kPage) {
    const size_t n = std::min<size_t>(kPage, list.size() - at);
    db::Statement q = db::Prepare(conn, absl::StrCat(
        "SELECT id, display_name FROM staff WHERE id IN (",
        absl::StrJoin(std::vector<std::string>(n, "?"), ","), ")"));
    for (size_t k = 0; k < n; ++k) q->setString(static_cast<int>(k + 1), list[at + k]);
    std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
    while (rs->next()) out[rs->getString(1)] = rs->getString(2);
  }
  return out;
}

absl::StatusOr<std::vector<std::string>> PostsWithLinesTo(sql::Connection& conn,
                                                          const std::string& post_id,
                                                          absl::CivilDay day) {
  // other_lines_json has no index; the LIKE narrows the rows and the decoded
  // terms decide (an id inside a note would otherwise match).
  db::Statement q = db::Prepare(conn,
      "SELECT p.id FROM posts p JOIN post_versions v ON v.post_id = p.id"
      " WHERE v.other_lines_json LIKE CONCAT('%', ?, '%') AND p.abolished = 0"
      " AND p.effective_from <= ? AND (p.effective_to IS NULL OR p.effective_to >= ?)"
      " AND v.valid_from <= ? AND (v.valid_until IS NULL OR v.valid_until > ?) ORDER BY p.id");
  q->setString(1, post_id);
  for (int i = 2; i <= 5; ++i) BindDate(*q, i, day);
  std::vector<std::string> candidates;
  {
    std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
    while (rs->next()) candidates.push_back(rs->getString(1));
  }
  std::vector<std::string> out;
  for (const auto& id : candidates) {
    ASSIGN_OR_RETURN(std::optional<Post> p, GetPostOn(conn, id, {day, false}));
    if (!p) continue;
    for (const auto& line : p->terms.other_lines) {
      if (line.post_id == post_id) {
        out.push_back(id);
        break;
      }
    }
  }
  return out;
}

}  // namespace huinong::org::store
