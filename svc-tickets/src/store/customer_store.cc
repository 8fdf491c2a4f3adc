// See customer_store.h. Address, borrower and note are JSON in body_json.
#include "svc-tickets/src/store/customer_store.h"

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include "common/core/json_fields.h"
#include "common/db/sql_columns.h"
#include "common/db/statements.h"

namespace huinong::tickets::store {
namespace {

constexpr const char* kSelect =
    "SELECT id, display_name, phone, id_card_number, tier, do_not_call, unit_id, body_json, version, create_time,"
    " update_time FROM customers ";

Customer CustomerRow(sql::ResultSet& rs) {
  Customer c;
  c.id = rs.getString("id");
  c.display_name = rs.getString("display_name");
  c.phone = rs.getString("phone");
  c.id_card_number = db::StringColumn(rs, "id_card_number");
  c.tier = static_cast<CustomerTier>(rs.getInt("tier"));
  c.do_not_call = rs.getInt("do_not_call") != 0;
  c.unit_id = db::StringColumn(rs, "unit_id");
  const json::Json body = json::Parse(std::string(rs.getString("body_json")));
  if (body.is_object()) {
    c.address = json::String(body, "address");
    c.borrower = json::String(body, "borrower");
    c.note = json::String(body, "note");
  }
  c.version = rs.getInt64("version");
  c.create_time = db::TimeColumn(rs, "create_time");
  c.update_time = db::TimeColumn(rs, "update_time");
  return c;
}

}  // namespace

absl::StatusOr<std::optional<Customer>> GetCustomer(sql::Connection& conn, const std::string& id) {
  db::Statement q = db::Prepare(conn, std::string(kSelect) + "WHERE id = ?");
  q->setString(1, id);
  return db::First(db::Rows<Customer>(*q, CustomerRow));
}

absl::StatusOr<std::optional<Customer>> MatchCustomer(sql::Connection& conn, const std::string& phone,
                                                      const std::string& id_card_number) {
  {
    db::Statement q = db::Prepare(conn, std::string(kSelect) + "WHERE phone = ?");
    q->setString(1, phone);
    std::optional<Customer> c = db::First(db::Rows<Customer>(*q, CustomerRow));
    if (c || id_card_number.empty()) return c;
  }
  db::Statement q = db::Prepare(conn, std::string(kSelect) + "WHERE id_card_number = ?");
  q->setString(1, id_card_number);
  return db::First(db::Rows<Customer>(*q, CustomerRow));
}

absl::StatusOr<bool> InsertCustomerIfNew(sql::Connection& conn, const Customer& c) {
  db::Statement q = db::Prepare(conn,
      "INSERT IGNORE INTO customers (id, display_name, phone, id_card_number, tier, do_not_call, unit_id, body_json,"
      " version, create_time, update_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  q->setString(1, c.id);
  q->setString(2, c.display_name);
  q->setString(3, c.phone);
  db::BindOptionalString(*q, 4, c.id_card_number);
  q->setInt(5, static_cast<int>(c.tier));
  q->setInt(6, c.do_not_call ? 1 : 0);
  db::BindOptionalString(*q, 7, c.unit_id);
  q->setString(8, json::Print(json::Json{{"address", c.address}, {"borrower", c.borrower}, {"note", c.note}}));
  q->setInt64(9, c.version);
  db::BindTime(*q, 10, c.create_time);
  db::BindTime(*q, 11, c.update_time);
  return q->executeUpdate() > 0;
}

}  // namespace huinong::tickets::store
