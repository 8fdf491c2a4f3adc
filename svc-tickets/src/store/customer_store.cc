// See customer_store.h. Address, contact preferences and note are JSON in
// body_json.
#include "svc-tickets/src/store/customer_store.h"

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/core/json_fields.h"
#include "common/db/sql_columns.h"
#include "common/db/statements.h"
#include "svc-tickets/src/store/ticket_store.h"
#include "common/db/where.h"

namespace huinong::tickets::store {
namespace {

constexpr const char* kSelect =
    "SELECT id, display_name, phone, id_card_number, tier, do_not_call, unit_id, unit_path, borrower, body_json,"
    " version, create_time, update_time FROM customers ";

Customer CustomerRow(sql::ResultSet& rs) {
  Customer c;
  c.id = rs.getString("id");
  c.display_name = rs.getString("display_name");
  c.phone = rs.getString("phone");
  c.id_card_number = db::StringColumn(rs, "id_card_number");
  c.tier = static_cast<CustomerTier>(rs.getInt("tier"));
  c.do_not_call = rs.getInt("do_not_call") != 0;
  c.unit_id = db::StringColumn(rs, "unit_id");
  c.unit_path = rs.getString("unit_path");
  c.borrower = db::StringColumn(rs, "borrower");
  const json::Json body = json::Parse(std::string(rs.getString("body_json")));
  c.address = json::String(body, "address");
  c.note = json::String(body, "note");
  c.preferred_channel = static_cast<TicketChannel>(json::Int(body, "preferred_channel"));
  c.preferred_time = json::String(body, "preferred_time");
  c.language = json::String(body, "language");
  c.version = rs.getInt64("version");
  c.create_time = db::TimeColumn(rs, "create_time");
  c.update_time = db::TimeColumn(rs, "update_time");
  return c;
}

std::string Body(const Customer& c) {
  return json::Print(json::Json{{"address", c.address},
                                {"note", c.note},
                                {"preferred_channel", static_cast<int>(c.preferred_channel)},
                                {"preferred_time", c.preferred_time},
                                {"language", c.language}});
}

// Binds display_name … update_time (the columns after id) from `first`;
// returns the next free index.
int BindColumns(sql::PreparedStatement& q, int first, const Customer& c) {
  int i = first;
  q.setString(i++, c.display_name);
  q.setString(i++, c.phone);
  db::BindOptionalString(q, i++, c.id_card_number);
  q.setInt(i++, static_cast<int>(c.tier));
  q.setInt(i++, c.do_not_call ? 1 : 0);
  db::BindOptionalString(q, i++, c.unit_id);
  q.setString(i++, c.unit_path);
  db::BindOptionalString(q, i++, c.borrower);
  q.setString(i++, Body(c));
  q.setInt64(i++, c.version);
  db::BindTime(q, i++, c.create_time);
  db::BindTime(q, i++, c.update_time);
  return i;
}

absl::StatusOr<std::optional<std::string>> OtherWith(sql::Connection& conn, const char* column,
                                                     const std::string& value, const std::string& except_id) {
  db::Statement q = db::Prepare(conn, absl::StrCat("SELECT id FROM customers WHERE ", column, " = ? AND id <> ?"));
  q->setString(1, value);
  q->setString(2, except_id);
  return db::First(db::Rows<std::string>(*q, [](sql::ResultSet& rs) { return std::string(rs.getString("id")); }));
}

// "(?, ?, …)" for n values.
std::string Placeholders(size_t n) {
  return absl::StrCat("(", absl::StrJoin(std::vector<std::string>(n, "?"), ", "), ")");
}

}  // namespace

absl::StatusOr<std::optional<Customer>> GetCustomer(sql::Connection& conn, const std::string& id) {
  db::Statement q = db::Prepare(conn, std::string(kSelect) + "WHERE id = ?");
  q->setString(1, id);
  return db::First(db::Rows<Customer>(*q, CustomerRow));
}

absl::StatusOr<std::optional<Customer>> LockCustomer(sql::Connection& conn, const std::string& id) {
  db::Statement q = db::Prepare(conn, std::string(kSelect) + "WHERE id = ? FOR UPDATE");
  q->setString(1, id);
  return db::First(db::Rows<Customer>(*q, CustomerRow));
}

absl::StatusOr<std::optional<Customer>> CustomerByIdCard(sql::Connection& conn, const std::string& id_card_number) {
  if (id_card_number.empty()) return std::nullopt;
  db::Statement q = db::Prepare(conn, std::string(kSelect) + "WHERE id_card_number = ?");
  q->setString(1, id_card_number);
  return db::First(db::Rows<Customer>(*q, CustomerRow));
}

absl::StatusOr<std::optional<Customer>> CustomerByPhoneAndName(sql::Connection& conn, const std::string& phone,
                                                               const std::string& display_name) {
  db::Statement q = db::Prepare(conn, std::string(kSelect) + "WHERE phone = ? AND display_name = ?");
  q->setString(1, phone);
  q->setString(2, display_name);
  return db::First(db::Rows<Customer>(*q, CustomerRow));
}

absl::StatusOr<std::optional<std::string>> CustomerWithPhoneAndName(sql::Connection& conn, const std::string& phone,
                                                                    const std::string& display_name,
                                                                    const std::string& except_id) {
  db::Statement q = db::Prepare(conn, "SELECT id FROM customers WHERE phone = ? AND display_name = ? AND id <> ?");
  q->setString(1, phone);
  q->setString(2, display_name);
  q->setString(3, except_id);
  return db::First(db::Rows<std::string>(*q, [](sql::ResultSet& rs) { return std::string(rs.getString("id")); }));
}

absl::StatusOr<std::optional<std::string>> CustomerWithIdCard(sql::Connection& conn, const std::string& id_card_number,
                                                              const std::string& except_id) {
  if (id_card_number.empty()) return std::nullopt;
  return OtherWith(conn, "id_card_number", id_card_number, except_id);
}

absl::StatusOr<bool> InsertCustomerIfNew(sql::Connection& conn, const Customer& c) {
  db::Statement q = db::Prepare(conn,
      "INSERT IGNORE INTO customers (id, display_name, phone, id_card_number, tier, do_not_call, unit_id, unit_path,"
      " borrower, body_json, version, create_time, update_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  q->setString(1, c.id);
  BindColumns(*q, 2, c);
  return q->executeUpdate() > 0;
}

absl::Status UpdateCustomer(sql::Connection& conn, const Customer& c) {
  db::Statement q = db::Prepare(conn,
      "UPDATE customers SET display_name = ?, phone = ?, id_card_number = ?, tier = ?, do_not_call = ?, unit_id = ?,"
      " unit_path = ?, borrower = ?, body_json = ?, version = ?, create_time = ?, update_time = ? WHERE id = ?");
  q->setString(BindColumns(*q, 1, c), c.id);
  q->executeUpdate();
  return absl::OkStatus();
}

absl::StatusOr<std::vector<Customer>> ListCustomers(sql::Connection& conn, const CustomerQuery& query) {
  db::Where where;
  if (!query.scope_paths.empty()) {
    std::string any = query.unplaced ? "unit_path = ''" : "";
    std::vector<db::Where::Value> values;
    for (const std::string& p : query.scope_paths) {
      absl::StrAppend(&any, any.empty() ? "" : " OR ",
                      "unit_path LIKE ? OR EXISTS (SELECT 1 FROM tickets t WHERE t.customer_id = customers.id"
                      " AND (t.intake_path LIKE ? OR t.resolver_path LIKE ?))");
      values.insert(values.end(), {p + "%", p + "%", p + "%"});
    }
    where.And(absl::StrCat("(", any, ")"), std::move(values));
  }
  where.AndIf(!query.phone.empty(), "phone = ?", {query.phone});
  where.AndIf(!query.id_card_number.empty(), "id_card_number = ?", {query.id_card_number});
  // A prefix compared whole, so no LIKE wildcard in it counts; the column's
  // collation makes it case-insensitive.
  where.AndIf(!query.display_name_prefix.empty(), "LEFT(display_name, CHAR_LENGTH(?)) = ?",
              {query.display_name_prefix, query.display_name_prefix});
  where.AndIf(!query.borrower.empty(), "borrower = ?", {query.borrower});
  if (!query.unit_path_prefix.empty()) {
    where.And(query.unit_exact ? "unit_path = ?" : "unit_path LIKE ?",
              {query.unit_exact ? query.unit_path_prefix : query.unit_path_prefix + "%"});
  }
  where.AndIf(query.tier != 0, "tier = ?", {int64_t{query.tier}});
  where.And("id > ?", {query.after_id});
  db::Statement q = db::Prepare(conn, absl::StrCat(kSelect, where.Sql(), " ORDER BY id LIMIT ?"));
  q->setInt(where.Bind(*q), query.limit);
  return db::Rows<Customer>(*q, CustomerRow);
}

absl::StatusOr<bool> HasTicketUnder(sql::Connection& conn, const std::string& customer_id,
                                    const std::vector<std::string>& paths) {
  for (const std::string& p : paths) {
    db::Statement q = db::Prepare(conn,
        "SELECT 1 AS found FROM tickets WHERE customer_id = ? AND (intake_path LIKE ? OR resolver_path LIKE ?) LIMIT 1");
    q->setString(1, customer_id);
    q->setString(2, p + "%");
    q->setString(3, p + "%");
    if (!db::Rows<int>(*q, [](sql::ResultSet&) { return 1; }).empty()) return true;
  }
  return false;
}

absl::StatusOr<std::map<std::string, CustomerContactHistory>> ContactHistories(
    sql::Connection& conn, const std::vector<std::string>& customer_ids) {
  std::map<std::string, CustomerContactHistory> out;
  if (customer_ids.empty()) return out;
  const std::string in = Placeholders(customer_ids.size());
  {
    db::Statement q = db::Prepare(conn, absl::StrCat(
        "SELECT customer_id, COUNT(*) AS n, SUM(", kOpenStateSql, ") AS open_n, MAX(create_time) AS last_time"
        " FROM tickets WHERE customer_id IN ", in, " GROUP BY customer_id"));
    for (size_t i = 0; i < customer_ids.size(); ++i) q->setString(static_cast<int>(i + 1), customer_ids[i]);
    std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
    while (rs->next()) {
      CustomerContactHistory& h = out[rs->getString("customer_id")];
      h.tickets = rs->getInt("n");
      h.open_tickets = rs->getInt("open_n");
      h.last_contact = db::TimeColumn(*rs, "last_time");
    }
  }
  db::Statement q = db::Prepare(conn, absl::StrCat(
      "SELECT t.customer_id, MAX(c.time) AS last_time FROM ticket_callbacks c JOIN tickets t ON t.id = c.ticket_id"
      " WHERE t.customer_id IN ", in, " GROUP BY t.customer_id"));
  for (size_t i = 0; i < customer_ids.size(); ++i) q->setString(static_cast<int>(i + 1), customer_ids[i]);
  std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
  while (rs->next()) {
    CustomerContactHistory& h = out[rs->getString("customer_id")];
    const absl::Time called = db::TimeColumn(*rs, "last_time");
    if (!h.last_contact || *h.last_contact < called) h.last_contact = called;
  }
  return out;
}

}  // namespace huinong::tickets::store
