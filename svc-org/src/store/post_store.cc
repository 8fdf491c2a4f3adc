// See post_store.h.
#include "svc-org/src/store/post_store.h"

#include <memory>
#include <set>

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/core/status_macros.h"
#include "common/db/statements.h"
#include "svc-org/src/store/json_codec.h"
#include "svc-org/src/domain/version_step.h"
#include "svc-org/src/store/sql_columns.h"

namespace huinong::org::store {
namespace {

constexpr const char* kColumns =
    "p.id, p.unit_id, p.effective_from, p.effective_to, p.abolished, p.abolish_reason,"
    " p.version, p.create_time, p.update_time, v.valid_from, v.title, v.code, v.mission,"
    " v.duties_json, v.qualifications_json, v.authorities_json, v.grade, v.grade_rank, v.kind,"
    " v.office_side, v.head, v.deputy, v.capabilities_json, v.superior_post_id,"
    " v.other_lines_json, v.workload_bp, v.status";

// The day a post is read at: the asked day, or (lenient) its first day when later.
std::string ReadDay(const DayRead& r) {
  return r.lenient ? "GREATEST(?, p.effective_from)" : "?";
}

// Conditions for "the post exists on the read day and v is its version then";
// binds the day three times (strict: four).
std::string DayCondition(const DayRead& r) {
  const std::string d = ReadDay(r);
  return absl::StrCat(r.lenient ? "" : "p.effective_from <= ? AND ",
                      "(p.effective_to IS NULL OR p.effective_to >= ?) AND v.valid_from <= ", d,
                      " AND (v.valid_until IS NULL OR v.valid_until > ", d, ")");
}

int BindDay(sql::PreparedStatement& q, int i, const DayRead& r) {
  const int n = r.lenient ? 3 : 4;
  for (int k = 0; k < n; ++k) BindDate(q, i++, r.day);
  return i;
}

Post Row(sql::ResultSet& rs) {
  Post p;
  p.id = rs.getString("id");
  p.unit_id = rs.getString("unit_id");
  p.effective_from = DateColumn(rs, "effective_from");
  p.effective_to = OptionalDateColumn(rs, "effective_to");
  p.abolished = rs.getInt("abolished") != 0;
  p.abolish_reason = rs.getString("abolish_reason");
  p.version = rs.getInt64("version");
  p.create_time = TimeColumn(rs, "create_time");
  p.update_time = TimeColumn(rs, "update_time");
  p.terms_from = DateColumn(rs, "valid_from");
  PostTerms& t = p.terms;
  t.title = rs.getString("title");
  t.code = StringColumn(rs, "code");
  t.mission = rs.getString("mission");
  Decode(rs.getString("duties_json"), t.duties);
  Decode(rs.getString("qualifications_json"), t.qualification_groups);
  Decode(rs.getString("authorities_json"), t.authorities);
  t.grade = rs.getString("grade");
  t.grade_rank = rs.getInt("grade_rank");
  t.kind = static_cast<PostKind>(rs.getInt("kind"));
  t.office_side = static_cast<OfficeSide>(rs.getInt("office_side"));
  t.head = rs.getInt("head") != 0;
  t.deputy = rs.getInt("deputy") != 0;
  Decode(rs.getString("capabilities_json"), t.capabilities);
  t.superior_post_id = StringColumn(rs, "superior_post_id");
  Decode(rs.getString("other_lines_json"), t.other_lines);
  t.workload_bp = rs.getInt("workload_bp");
  t.status = static_cast<PostStatus>(rs.getInt("status"));
  return p;
}

std::vector<Post> Rows(sql::PreparedStatement& q) {
  std::unique_ptr<sql::ResultSet> rs(q.executeQuery());
  std::vector<Post> out;
  while (rs->next()) out.push_back(Row(*rs));
  return out;
}

std::string Marks(size_t n) {
  return absl::StrJoin(std::vector<std::string>(n, "?"), ",");
}

void InsertVersion(sql::Connection& conn, const Post& post) {
  const PostTerms& t = post.terms;
  db::Statement q = db::Prepare(conn,
      "INSERT INTO post_versions (post_id, valid_from, valid_until, title, code, mission,"
      " duties_json, qualifications_json, authorities_json, grade, grade_rank, kind, office_side,"
      " head, deputy, capabilities_json, superior_post_id, other_lines_json, workload_bp, status)"
      " VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  int i = 1;
  q->setString(i++, post.id);
  BindDate(*q, i++, post.terms_from);
  q->setString(i++, t.title);
  BindOptionalString(*q, i++, t.code);
  q->setString(i++, t.mission);
  q->setString(i++, Encode(t.duties));
  q->setString(i++, Encode(t.qualification_groups));
  q->setString(i++, Encode(t.authorities));
  q->setString(i++, t.grade);
  q->setInt(i++, t.grade_rank);
  q->setInt(i++, static_cast<int>(t.kind));
  q->setInt(i++, static_cast<int>(t.office_side));
  q->setInt(i++, t.head ? 1 : 0);
  q->setInt(i++, t.deputy ? 1 : 0);
  q->setString(i++, Encode(t.capabilities));
  BindOptionalString(*q, i++, t.superior_post_id);
  q->setString(i++, Encode(t.other_lines));
  q->setInt(i++, t.workload_bp);
  q->setInt(i++, static_cast<int>(t.status));
  q->executeUpdate();
  db::Statement cap = db::Prepare(conn,
      "INSERT INTO post_capabilities (post_id, valid_from, capability) VALUES (?, ?, ?)");
  for (const auto& c : std::set<std::string>(t.capabilities.begin(), t.capabilities.end())) {
    cap->setString(1, post.id);
    BindDate(*cap, 2, post.terms_from);
    cap->setString(3, c);
    cap->executeUpdate();
  }
}

}  // namespace

absl::StatusOr<std::optional<Post>> GetPostOn(sql::Connection& conn, const std::string& id,
                                              DayRead read) {
  db::Statement q = db::Prepare(conn, absl::StrCat(
      "SELECT ", kColumns, " FROM posts p JOIN post_versions v ON v.post_id = p.id WHERE p.id = ? AND ",
      DayCondition(read)));
  q->setString(1, id);
  BindDay(*q, 2, read);
  std::vector<Post> rows = Rows(*q);
  if (rows.empty()) return std::optional<Post>();
  return std::optional<Post>(std::move(rows.front()));
}

absl::StatusOr<std::optional<Post>> GetLatestPost(sql::Connection& conn, const std::string& id,
                                                  bool for_update) {
  db::Statement q = db::Prepare(conn, absl::StrCat(
      "SELECT ", kColumns, " FROM posts p JOIN post_versions v ON v.post_id = p.id",
      " WHERE p.id = ? AND v.valid_until IS NULL", for_update ? " FOR UPDATE" : ""));
  q->setString(1, id);
  std::vector<Post> rows = Rows(*q);
  if (rows.empty()) return std::optional<Post>();
  return std::optional<Post>(std::move(rows.front()));
}

absl::StatusOr<std::map<std::string, std::vector<Post>>> GetPostHistories(
    sql::Connection& conn, const std::vector<std::string>& ids) {
  std::map<std::string, std::vector<Post>> out;
  if (ids.empty()) return out;
  db::Statement q = db::Prepare(conn, absl::StrCat(
      "SELECT ", kColumns, " FROM posts p JOIN post_versions v ON v.post_id = p.id WHERE p.id IN (",
      Marks(ids.size()), ") ORDER BY p.id, v.valid_from"));
  for (size_t i = 0; i < ids.size(); ++i) q->setString(static_cast<int>(i + 1), ids[i]);
  for (Post& p : Rows(*q)) out[p.id].push_back(std::move(p));
  return out;
}

absl::Status InsertPost(sql::Connection& conn, const Post& post) {
  db::Statement q = db::Prepare(conn,
      "INSERT INTO posts (id, unit_id, effective_from, effective_to, abolished, abolish_reason,"
      " version, create_time, update_time) VALUES (?, ?, ?, NULL, 0, '', ?, ?, ?)");
  q->setString(1, post.id);
  q->setString(2, post.unit_id);
  BindDate(*q, 3, post.effective_from);
  q->setInt64(4, post.version);
  BindTime(*q, 5, post.create_time);
  BindTime(*q, 6, post.update_time);
  q->executeUpdate();
  InsertVersion(conn, post);
  return absl::OkStatus();
}

absl::Status SaveTerms(sql::Connection& conn, const Post& post, const Post& latest) {
  absl::StatusOr<VersionStep> step = NextVersionStep(latest.terms_from, post.terms_from);
  if (!step.ok()) return step.status();
  if (*step == VersionStep::kReplaceLatest) {
    for (const char* table : {"post_capabilities", "post_versions"}) {
      db::Statement del = db::Prepare(conn,
          absl::StrCat("DELETE FROM ", table, " WHERE post_id = ? AND valid_from = ?"));
      del->setString(1, post.id);
      BindDate(*del, 2, latest.terms_from);
      del->executeUpdate();
    }
  } else {
    db::Statement close = db::Prepare(conn,
        "UPDATE post_versions SET valid_until = ? WHERE post_id = ? AND valid_from = ?");
    BindDate(*close, 1, post.terms_from);
    close->setString(2, post.id);
    BindDate(*close, 3, latest.terms_from);
    close->executeUpdate();
  }
  InsertVersion(conn, post);
  return absl::OkStatus();
}

absl::Status UpdatePostRow(sql::Connection& conn, const Post& post) {
  db::Statement q = db::Prepare(conn,
      "UPDATE posts SET effective_to = ?, abolished = ?, abolish_reason = ?, version = ?,"
      " update_time = ? WHERE id = ?");
  BindOptionalDate(*q, 1, post.effective_to);
  q->setInt(2, post.abolished ? 1 : 0);
  q->setString(3, post.abolish_reason);
  q->setInt64(4, post.version);
  BindTime(*q, 5, post.update_time);
  q->setString(6, post.id);
  q->executeUpdate();
  return absl::OkStatus();
}

absl::StatusOr<std::vector<std::string>> OpenHeadPosts(sql::Connection& conn,
                                                       const std::string& unit_id,
                                                       const std::string& exclude_id) {
  db::Statement q = db::Prepare(conn,
      "SELECT p.id FROM posts p JOIN post_versions v ON v.post_id = p.id AND v.valid_until IS NULL"
      " WHERE p.unit_id = ? AND p.abolished = 0 AND v.head = 1 AND p.id <> ? ORDER BY p.id");
  q->setString(1, unit_id);
  q->setString(2, exclude_id);
  std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
  std::vector<std::string> out;
  while (rs->next()) out.push_back(rs->getString(1));
  return out;
}

absl::StatusOr<bool> OpenCodeTaken(sql::Connection& conn, const std::string& unit_id,
                                   const std::string& code, const std::string& exclude_id) {
  db::Statement q = db::Prepare(conn,
      "SELECT 1 FROM posts p JOIN post_versions v ON v.post_id = p.id AND v.valid_until IS NULL"
      " WHERE p.unit_id = ? AND p.abolished = 0 AND v.code = ? AND p.id <> ? LIMIT 1");
  q->setString(1, unit_id);
  q->setString(2, code);
  q->setString(3, exclude_id);
  std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
  return rs->next();
}

absl::StatusOr<std::vector<std::string>> SuperiorChain(sql::Connection& conn,
                                                       const std::string& start_id,
                                                       absl::CivilDay day) {
  std::vector<std::string> chain;
  std::set<std::string> seen;
  std::string current = start_id;
  while (!current.empty() && chain.size() < 1000 && seen.insert(current).second) {
    chain.push_back(current);
    ASSIGN_OR_RETURN(std::optional<Post> post, GetPostOn(conn, current, {day, true}));
    current = post ? post->terms.superior_post_id : "";
  }
  return chain;
}

absl::StatusOr<std::map<std::string, std::vector<std::string>>> Subordinates(
    sql::Connection& conn, const std::vector<std::string>& ids, DayRead read) {
  std::map<std::string, std::vector<std::string>> out;
  if (ids.empty()) return out;
  db::Statement q = db::Prepare(conn, absl::StrCat(
      "SELECT v.superior_post_id, p.id FROM posts p JOIN post_versions v ON v.post_id = p.id",
      " WHERE v.superior_post_id IN (", Marks(ids.size()), ") AND ", DayCondition(read),
      " ORDER BY p.id"));
  int i = 1;
  for (const auto& id : ids) q->setString(i++, id);
  BindDay(*q, i, read);
  std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
  while (rs->next()) out[rs->getString(1)].push_back(rs->getString(2));
  return out;
}

absl::StatusOr<int> CountSubordinatesAfter(sql::Connection& conn, const std::string& post_id,
                                           absl::CivilDay last_day) {
  db::Statement q = db::Prepare(conn,
      "SELECT COUNT(DISTINCT p.id) FROM posts p JOIN post_versions v ON v.post_id = p.id"
      " WHERE v.superior_post_id = ? AND (p.effective_to IS NULL OR p.effective_to > ?)"
      " AND (v.valid_until IS NULL OR v.valid_until > ?)");
  q->setString(1, post_id);
  BindDate(*q, 2, last_day);
  BindDate(*q, 3, last_day + 1);
  std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
  rs->next();
  return rs->getInt(1);
}

absl::StatusOr<std::vector<Post>> ListPosts(sql::Connection& conn, const PostQuery& query) {
  const bool abolished = query.status && *query.status == PostStatus::kAbolished;
  db::Where where;
  where.And("p.id > ?", {query.after_id});
  if (abolished) {
    where.And("p.abolished = 1 AND v.valid_until IS NULL");
  } else {
    // Today's list (lenient) is of open posts; a list as of a given day
    // includes an abolished post up to its effective_to, when it stood.
    where.AndIf(query.read.lenient, "p.abolished = 0");
    where.And(DayCondition(query.read), DayValues(query.read.day, query.read.lenient));
    if (query.status) where.And("v.status = ?", {static_cast<int64_t>(*query.status)});
  }
  where.AndIf(!query.unit_id.empty(), "p.unit_id = ?", {query.unit_id});
  where.AndIf(!query.subtree_path.empty(), "u.path LIKE CONCAT(?, '%')", {query.subtree_path});
  if (query.kind) where.And("v.kind = ?", {static_cast<int64_t>(*query.kind)});
  where.AndIf(!query.code.empty(), "v.code = ?", {query.code});
  where.AndIf(query.head_only, "v.head = 1");
  where.AndIf(!query.capability.empty(),
              "EXISTS (SELECT 1 FROM post_capabilities c WHERE c.post_id = p.id"
              " AND c.valid_from = v.valid_from AND c.capability = ?)",
              {query.capability});
  AndVisibleFrom(where, query.visible_path);
  db::Statement q = db::Prepare(conn,
      absl::StrCat("SELECT ", kColumns, " FROM posts p JOIN post_versions v ON v.post_id = p.id",
                   " JOIN units u ON u.id = p.unit_id", where.Sql(), " ORDER BY p.id LIMIT ?"));
  q->setInt(where.Bind(*q), query.limit);
  return Rows(*q);
}

}  // namespace huinong::org::store
