// See quota_store.h.
#include "svc-org/src/store/quota_store.h"

#include <memory>

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include "absl/strings/str_cat.h"
#include "common/db/statements.h"
#include "svc-org/src/store/json_codec.h"
#include "svc-org/src/domain/version_step.h"
#include "svc-org/src/store/sql_columns.h"

namespace huinong::org::store {
namespace {

constexpr const char* kColumns =
    "q.id, q.unit_id, q.post_id, q.effective_from, q.effective_to, q.version, q.create_time,"
    " q.update_time, v.valid_from, v.kind, v.min_headcount, v.max_headcount, v.approved_by,"
    " v.approval_date, v.document_json, v.note";

constexpr const char* kFrom = " FROM quotas q JOIN quota_versions v ON v.quota_id = q.id";

// As in post_store.cc: the quota exists on the read day and v is in force then.
std::string DayCondition(const DayRead& r) {
  const std::string d = r.lenient ? "GREATEST(?, q.effective_from)" : "?";
  return absl::StrCat(r.lenient ? "" : "q.effective_from <= ? AND ",
                      "(q.effective_to IS NULL OR q.effective_to >= ?) AND v.valid_from <= ", d,
                      " AND (v.valid_until IS NULL OR v.valid_until > ", d, ")");
}

int BindDay(sql::PreparedStatement& q, int i, const DayRead& r) {
  const int n = r.lenient ? 3 : 4;
  for (int k = 0; k < n; ++k) BindDate(q, i++, r.day);
  return i;
}

Quota Row(sql::ResultSet& rs) {
  Quota q;
  q.id = rs.getString("id");
  q.unit_id = rs.getString("unit_id");
  q.post_id = rs.getString("post_id");
  q.effective_from = DateColumn(rs, "effective_from");
  q.effective_to = OptionalDateColumn(rs, "effective_to");
  q.version = rs.getInt64("version");
  q.create_time = TimeColumn(rs, "create_time");
  q.update_time = TimeColumn(rs, "update_time");
  q.terms_from = DateColumn(rs, "valid_from");
  q.terms.kind = static_cast<QuotaKind>(rs.getInt("kind"));
  q.terms.min_headcount = rs.getInt("min_headcount");
  q.terms.max_headcount = rs.getInt("max_headcount");
  q.terms.approved_by = rs.getString("approved_by");
  q.terms.approval_date = DateColumn(rs, "approval_date");
  Decode(rs.getString("document_json"), q.terms.document);
  q.terms.note = rs.getString("note");
  return q;
}

std::vector<Quota> Rows(sql::PreparedStatement& q) {
  std::unique_ptr<sql::ResultSet> rs(q.executeQuery());
  std::vector<Quota> out;
  while (rs->next()) out.push_back(Row(*rs));
  return out;
}

std::optional<Quota> First(std::vector<Quota> rows) {
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

void InsertVersion(sql::Connection& conn, const Quota& quota) {
  db::Statement q = db::Prepare(conn,
      "INSERT INTO quota_versions (quota_id, valid_from, valid_until, kind, min_headcount,"
      " max_headcount, approved_by, approval_date, document_json, note)"
      " VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?)");
  const QuotaTerms& t = quota.terms;
  q->setString(1, quota.id);
  BindDate(*q, 2, quota.terms_from);
  q->setInt(3, static_cast<int>(t.kind));
  q->setInt(4, t.min_headcount);
  q->setInt(5, t.max_headcount);
  q->setString(6, t.approved_by);
  BindDate(*q, 7, t.approval_date);
  q->setString(8, Encode(t.document));
  q->setString(9, t.note);
  q->executeUpdate();
}

}  // namespace

absl::StatusOr<std::optional<Quota>> GetQuotaOn(sql::Connection& conn, const std::string& id,
                                                DayRead read) {
  db::Statement q = db::Prepare(conn,
      absl::StrCat("SELECT ", kColumns, kFrom, " WHERE q.id = ? AND ", DayCondition(read)));
  q->setString(1, id);
  BindDay(*q, 2, read);
  return First(Rows(*q));
}

absl::StatusOr<std::optional<Quota>> GetLatestQuota(sql::Connection& conn, const std::string& id,
                                                    bool for_update) {
  db::Statement q = db::Prepare(conn,
      absl::StrCat("SELECT ", kColumns, kFrom, " WHERE q.id = ? AND v.valid_until IS NULL",
                   for_update ? " FOR UPDATE" : ""));
  q->setString(1, id);
  return First(Rows(*q));
}

absl::Status InsertQuota(sql::Connection& conn, const Quota& quota) {
  db::Statement q = db::Prepare(conn,
      "INSERT INTO quotas (id, unit_id, post_id, effective_from, effective_to, version,"
      " create_time, update_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  q->setString(1, quota.id);
  q->setString(2, quota.unit_id);
  q->setString(3, quota.post_id);
  BindDate(*q, 4, quota.effective_from);
  BindOptionalDate(*q, 5, quota.effective_to);
  q->setInt64(6, quota.version);
  BindTime(*q, 7, quota.create_time);
  BindTime(*q, 8, quota.update_time);
  q->executeUpdate();
  InsertVersion(conn, quota);
  return absl::OkStatus();
}

absl::Status SaveQuotaTerms(sql::Connection& conn, const Quota& quota, const Quota& latest) {
  absl::StatusOr<VersionStep> step = NextVersionStep(latest.terms_from, quota.terms_from);
  if (!step.ok()) return step.status();
  const bool replaces = *step == VersionStep::kReplaceLatest;
  db::Statement q = db::Prepare(conn,
      replaces ? "DELETE FROM quota_versions WHERE quota_id = ? AND valid_from = ?"
               : "UPDATE quota_versions SET valid_until = ? WHERE quota_id = ? AND valid_from = ?");
  int i = 1;
  if (!replaces) BindDate(*q, i++, quota.terms_from);
  q->setString(i++, quota.id);
  BindDate(*q, i, latest.terms_from);
  q->executeUpdate();
  InsertVersion(conn, quota);
  return absl::OkStatus();
}

absl::Status UpdateQuotaRow(sql::Connection& conn, const Quota& quota) {
  db::Statement q = db::Prepare(conn,
      "UPDATE quotas SET effective_to = ?, version = ?, update_time = ? WHERE id = ?");
  BindOptionalDate(*q, 1, quota.effective_to);
  q->setInt64(2, quota.version);
  BindTime(*q, 3, quota.update_time);
  q->setString(4, quota.id);
  q->executeUpdate();
  return absl::OkStatus();
}

absl::StatusOr<std::string> OverlappingQuota(sql::Connection& conn, const std::string& unit_id,
                                             const std::string& post_id, absl::CivilDay from,
                                             const std::optional<absl::CivilDay>& to,
                                             const std::string& exclude_id) {
  db::Statement q = db::Prepare(conn, absl::StrCat(
      "SELECT id FROM quotas WHERE unit_id = ? AND post_id = ? AND id <> ?"
      " AND (effective_to IS NULL OR effective_to >= ?)",
      to ? " AND effective_from <= ?" : "", " ORDER BY id LIMIT 1"));
  q->setString(1, unit_id);
  q->setString(2, post_id);
  q->setString(3, exclude_id);
  BindDate(*q, 4, from);
  if (to) BindDate(*q, 5, *to);
  std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
  if (!rs->next()) return std::string();
  return std::string(rs->getString(1));
}

absl::StatusOr<std::vector<Quota>> QuotasOfUnitOn(sql::Connection& conn, const std::string& unit_id,
                                                  absl::CivilDay day) {
  db::Statement q = db::Prepare(conn, absl::StrCat(
      "SELECT ", kColumns, kFrom, " WHERE q.unit_id = ? AND ", DayCondition({day, false}),
      " ORDER BY q.id"));
  q->setString(1, unit_id);
  BindDay(*q, 2, {day, false});
  return Rows(*q);
}

absl::StatusOr<std::optional<Quota>> QuotaOfPostOn(sql::Connection& conn, const std::string& post_id,
                                                   absl::CivilDay day) {
  db::Statement q = db::Prepare(conn, absl::StrCat(
      "SELECT ", kColumns, kFrom, " WHERE q.post_id = ? AND ", DayCondition({day, false}),
      " ORDER BY q.id LIMIT 1"));
  q->setString(1, post_id);
  BindDay(*q, 2, {day, false});
  return First(Rows(*q));
}

absl::StatusOr<std::vector<Quota>> ListQuotas(sql::Connection& conn, const QuotaQuery& query) {
  db::Where where;
  where.And("q.id > ?", {query.after_id});
  where.And(DayCondition(query.read), DayValues(query.read.day, query.read.lenient));
  where.AndIf(!query.unit_id.empty(), "q.unit_id = ?", {query.unit_id});
  where.AndIf(!query.subtree_path.empty(), "u.path LIKE CONCAT(?, '%')", {query.subtree_path});
  where.AndIf(!query.post_id.empty(), "q.post_id = ?", {query.post_id});
  if (query.kind) where.And("v.kind = ?", {static_cast<int64_t>(*query.kind)});
  AndVisibleFrom(where, query.visible_path);
  db::Statement q = db::Prepare(conn, absl::StrCat(
      "SELECT ", kColumns, kFrom, " JOIN units u ON u.id = q.unit_id", where.Sql(), " ORDER BY q.id LIMIT ?"));
  q->setInt(where.Bind(*q), query.limit);
  return Rows(*q);
}

}  // namespace huinong::org::store
