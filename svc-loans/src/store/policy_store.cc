// See policy_store.h.
#include "svc-loans/src/store/policy_store.h"

#include <memory>

#include <cppconn/connection.h>
#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "common/db/pool.h"
#include "common/db/sql_columns.h"
#include "common/db/statements.h"
#include "common/rpc/errors.h"
#include "svc-loans/src/store/policy_json.h"

namespace huinong::loans::store {
namespace {

constexpr const char* kColumns =
    "SELECT id, county_id, effective_from, settings_json, revision, create_time, update_time FROM county_policies";

// At most this many decoded settings texts are kept (then all are dropped):
// a county has one version in force and a few dated ones.
constexpr size_t kMaxDecodedSettings = 64;

// The settings decoded from `json`, keyed by the text itself: every step of
// every application reads the county's version in force, whose text never
// changes (a version is edited only before it is in force). An edited
// version is a new text and so a new entry, in this replica or any other,
// so an entry is never stale.
CountyPolicy DecodedSettings(const std::string& json) {
  static absl::Mutex mu(absl::kConstInit);
  static auto* decoded = new absl::flat_hash_map<std::string, CountyPolicy>();  // never destroyed
  {
    absl::MutexLock lock(&mu);
    if (auto it = decoded->find(json); it != decoded->end()) return it->second;
  }
  CountyPolicy p;
  DecodeSettings(json, p);
  absl::MutexLock lock(&mu);
  if (decoded->size() >= kMaxDecodedSettings) decoded->clear();
  decoded->emplace(json, p);
  return p;
}

CountyPolicy PolicyRow(sql::ResultSet& rs) {
  CountyPolicy p = DecodedSettings(std::string(rs.getString("settings_json")));
  p.id = rs.getString("id");
  p.county_id = rs.getString("county_id");
  p.effective_from = db::DateColumn(rs, "effective_from");
  p.revision = rs.getInt64("revision");
  p.create_time = db::TimeColumn(rs, "create_time");
  p.update_time = db::TimeColumn(rs, "update_time");
  return p;
}

}  // namespace

absl::StatusOr<std::optional<CountyPolicy>> GetPolicy(sql::Connection& conn, const std::string& id,
                                                      bool for_update) {
  db::Statement q = db::Prepare(conn, absl::StrCat(kColumns, " WHERE id = ?", for_update ? " FOR UPDATE" : ""));
  q->setString(1, id);
  return db::First(db::Rows<CountyPolicy>(*q, PolicyRow));
}

absl::StatusOr<std::optional<CountyPolicy>> PolicyOn(sql::Connection& conn, const std::string& county_id,
                                                     absl::CivilDay day) {
  db::Statement q = db::Prepare(conn, absl::StrCat(kColumns, " WHERE county_id = ? AND effective_from <= ?"
                                                             " ORDER BY effective_from DESC LIMIT 1"));
  q->setString(1, county_id);
  db::BindDate(*q, 2, day);
  return db::First(db::Rows<CountyPolicy>(*q, PolicyRow));
}

absl::StatusOr<std::vector<std::string>> CountiesNaming(sql::Connection& conn, PartnerRole role,
                                                        const std::string& organisation_id, absl::CivilDay day) {
  // A county has a few versions: the scan of the table is the cheap part.
  db::Statement q = db::Prepare(
      conn, absl::StrCat("SELECT p.county_id FROM county_policies p WHERE p.effective_from ="
                         " (SELECT MAX(v.effective_from) FROM county_policies v"
                         "  WHERE v.county_id = p.county_id AND v.effective_from <= ?)"
                         " AND JSON_CONTAINS(p.settings_json, JSON_QUOTE(?), '$.", PartnerKey(role), "')"));
  db::BindDate(*q, 1, day);
  q->setString(2, organisation_id);
  return db::Rows<std::string>(*q, [](sql::ResultSet& rs) { return std::string(rs.getString("county_id")); });
}

absl::StatusOr<std::vector<CountyPolicy>> ListPolicies(sql::Connection& conn, const std::string& county_id,
                                                       const std::string& after_id, int limit) {
  db::Statement q = db::Prepare(conn, absl::StrCat(kColumns, " WHERE id > ?",
                                                   county_id.empty() ? "" : " AND county_id = ?",
                                                   " ORDER BY id LIMIT ?"));
  int i = 1;
  q->setString(i++, after_id);
  if (!county_id.empty()) q->setString(i++, county_id);
  q->setInt(i, limit);
  return db::Rows<CountyPolicy>(*q, PolicyRow);
}

absl::Status InsertPolicy(sql::Connection& conn, const CountyPolicy& p) {
  try {
    db::Statement q = db::Prepare(conn,
        "INSERT INTO county_policies (id, county_id, effective_from, settings_json, revision, create_time,"
        " update_time) VALUES (?, ?, ?, ?, ?, ?, ?)");
    q->setString(1, p.id);
    q->setString(2, p.county_id);
    db::BindDate(*q, 3, p.effective_from);
    q->setString(4, EncodeSettings(p));
    q->setInt64(5, p.revision);
    db::BindTime(*q, 6, p.create_time);
    db::BindTime(*q, 7, p.update_time);
    q->executeUpdate();
    return absl::OkStatus();
  } catch (const sql::SQLException& e) {
    if (e.getErrorCode() != db::kErrDuplicateKey) throw;
    return rpc::AlreadyExists("POLICY_EXISTS",
                              absl::StrCat("the county already has a policy version from ",
                                           absl::FormatCivilTime(p.effective_from)));
  }
}

absl::Status UpdatePolicy(sql::Connection& conn, const CountyPolicy& p) {
  db::Statement q = db::Prepare(conn,
      "UPDATE county_policies SET settings_json = ?, revision = ?, update_time = ? WHERE id = ?");
  q->setString(1, EncodeSettings(p));
  q->setInt64(2, p.revision);
  db::BindTime(*q, 3, p.update_time);
  q->setString(4, p.id);
  q->executeUpdate();
  return absl::OkStatus();
}

}  // namespace huinong::loans::store
