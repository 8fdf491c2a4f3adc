// See handover_store.h.
#include "svc-tickets/src/store/handover_store.h"

#include <memory>

#include <cppconn/connection.h>
#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "common/db/pool.h"
#include "common/db/sql_columns.h"
#include "common/db/statements.h"
#include "common/db/where.h"
#include "svc-tickets/src/store/created_between.h"
#include "common/rpc/status_details.h"

namespace huinong::tickets::store {
namespace {

constexpr int kOutgoing = 1;
constexpr int kIncoming = 2;

constexpr const char* kColumns =
    "id, unit_id, unit_path, kind, state, shift_label, notes, created_by, create_time, acknowledged_by,"
    " acknowledge_time, acknowledgement_note, version";

Handover HandoverRow(sql::ResultSet& rs) {
  Handover h;
  h.id = rs.getString("id");
  h.unit_id = rs.getString("unit_id");
  h.unit_path = rs.getString("unit_path");
  h.kind = static_cast<HandoverKind>(rs.getInt("kind"));
  h.state = static_cast<HandoverState>(rs.getInt("state"));
  h.shift_label = rs.getString("shift_label");
  h.notes = rs.getString("notes");
  h.created_by = rs.getString("created_by");
  h.create_time = db::TimeColumn(rs, "create_time");
  h.acknowledged_by = rs.getString("acknowledged_by");
  h.acknowledge_time = db::OptionalTimeColumn(rs, "acknowledge_time");
  h.acknowledgement_note = rs.getString("acknowledgement_note");
  h.version = rs.getInt64("version");
  return h;
}

HandoverItem ItemRow(sql::ResultSet& rs) {
  HandoverItem item;
  item.ticket_id = rs.getString("ticket_id");
  item.state = static_cast<TicketState>(rs.getInt("state"));
  item.priority = static_cast<Priority>(rs.getInt("priority"));
  item.summary = rs.getString("summary");
  item.next_due_time = db::OptionalTimeColumn(rs, "next_due_time");
  item.note = rs.getString("note");
  item.to_staff = rs.getString("to_staff");
  return item;
}

// The handover's people and items, read into `h`.
absl::Status LoadParts(sql::Connection& conn, Handover& h) {
  {
    db::Statement q = db::Prepare(conn,
        "SELECT side, staff FROM handover_people WHERE handover_id = ? ORDER BY side, seq");
    q->setString(1, h.id);
    std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
    while (rs->next()) {
      (rs->getInt("side") == kOutgoing ? h.outgoing : h.incoming).push_back(rs->getString("staff"));
    }
  }
  db::Statement q = db::Prepare(conn,
      "SELECT ticket_id, state, priority, summary, next_due_time, note, to_staff FROM handover_items"
      " WHERE handover_id = ? ORDER BY seq");
  q->setString(1, h.id);
  h.items = db::Rows<HandoverItem>(*q, ItemRow);
  return absl::OkStatus();
}

absl::StatusOr<std::optional<Handover>> Load(sql::Connection& conn, const std::string& id, bool lock) {
  db::Statement q = db::Prepare(conn, absl::StrCat("SELECT ", kColumns, " FROM handovers WHERE id = ?",
                                                   lock ? " FOR UPDATE" : ""));
  q->setString(1, id);
  std::optional<Handover> h = db::First(db::Rows<Handover>(*q, HandoverRow));
  if (h) RETURN_IF_ERROR(LoadParts(conn, *h));
  return h;
}

void InsertPerson(sql::Connection& conn, const Handover& h, int side, int seq, const std::string& staff) {
  db::Statement q = db::Prepare(conn,
      "INSERT INTO handover_people (handover_id, side, seq, staff, pending_unit) VALUES (?, ?, ?, ?, ?)");
  q->setString(1, h.id);
  q->setInt(2, side);
  q->setInt(3, seq);
  q->setString(4, staff);
  db::BindOptionalString(*q, 5, side == kOutgoing ? h.unit_id : "");
  q->executeUpdate();
}

}  // namespace

absl::Status InsertHandover(sql::Connection& conn, const Handover& h) {
  {
    db::Statement q = db::Prepare(conn, absl::StrCat("INSERT INTO handovers (", kColumns,
                                                     ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q->setString(1, h.id);
    q->setString(2, h.unit_id);
    q->setString(3, h.unit_path);
    q->setInt(4, static_cast<int>(h.kind));
    q->setInt(5, static_cast<int>(h.state));
    q->setString(6, h.shift_label);
    q->setString(7, h.notes);
    q->setString(8, h.created_by);
    db::BindTime(*q, 9, h.create_time);
    q->setString(10, h.acknowledged_by);
    db::BindOptionalTime(*q, 11, h.acknowledge_time);
    q->setString(12, h.acknowledgement_note);
    q->setInt64(13, h.version);
    q->executeUpdate();
  }
  try {
    for (size_t i = 0; i < h.outgoing.size(); ++i) InsertPerson(conn, h, kOutgoing, static_cast<int>(i), h.outgoing[i]);
  } catch (const sql::SQLException& e) {
    if (e.getErrorCode() != db::kErrDuplicateKey) throw;
    return rpc::FailedPrecondition("HANDOVER_PENDING",
                                   absl::StrCat("an outgoing person already has a pending handover in units/",
                                                h.unit_id));
  }
  for (size_t i = 0; i < h.incoming.size(); ++i) InsertPerson(conn, h, kIncoming, static_cast<int>(i), h.incoming[i]);
  for (size_t i = 0; i < h.items.size(); ++i) {
    const HandoverItem& item = h.items[i];
    db::Statement q = db::Prepare(conn,
        "INSERT INTO handover_items (handover_id, seq, ticket_id, state, priority, summary, next_due_time, note,"
        " to_staff) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q->setString(1, h.id);
    q->setInt(2, static_cast<int>(i + 1));
    q->setString(3, item.ticket_id);
    q->setInt(4, static_cast<int>(item.state));
    q->setInt(5, static_cast<int>(item.priority));
    q->setString(6, item.summary);
    db::BindOptionalTime(*q, 7, item.next_due_time);
    q->setString(8, item.note);
    q->setString(9, item.to_staff);
    q->executeUpdate();
  }
  return absl::OkStatus();
}

absl::Status UpdateHandover(sql::Connection& conn, const Handover& h) {
  {
    db::Statement q = db::Prepare(conn,
        "UPDATE handovers SET state = ?, acknowledged_by = ?, acknowledge_time = ?, acknowledgement_note = ?,"
        " version = ? WHERE id = ?");
    q->setInt(1, static_cast<int>(h.state));
    q->setString(2, h.acknowledged_by);
    db::BindOptionalTime(*q, 3, h.acknowledge_time);
    q->setString(4, h.acknowledgement_note);
    q->setInt64(5, h.version);
    q->setString(6, h.id);
    q->executeUpdate();
  }
  if (h.state == HandoverState::kPending) return absl::OkStatus();
  db::Statement q = db::Prepare(conn, "UPDATE handover_people SET pending_unit = NULL WHERE handover_id = ?");
  q->setString(1, h.id);
  q->executeUpdate();
  return absl::OkStatus();
}

absl::StatusOr<std::optional<Handover>> GetHandover(sql::Connection& conn, const std::string& id) {
  return Load(conn, id, false);
}

absl::StatusOr<std::optional<Handover>> LockHandover(sql::Connection& conn, const std::string& id) {
  return Load(conn, id, true);
}

absl::StatusOr<std::vector<Handover>> ListHandovers(sql::Connection& conn, const HandoverQuery& query) {
  constexpr const char* kPerson = "EXISTS (SELECT 1 FROM handover_people p WHERE p.handover_id = handovers.id"
                                  " AND p.staff = ?)";
  db::Where where;
  if (!query.scope_paths.empty()) {
    std::string any = absl::StrCat(kPerson);
    std::vector<db::Where::Value> values{query.person};
    for (const std::string& p : query.scope_paths) {
      absl::StrAppend(&any, " OR unit_path LIKE ?");
      values.push_back(p + "%");
    }
    where.And(absl::StrCat("(", any, ")"), std::move(values));
  }
  where.AndIf(!query.unit_id.empty(), "unit_id = ?", {query.unit_id});
  where.AndIf(query.kind != 0, "kind = ?", {int64_t{query.kind}});
  where.AndIf(query.state != 0, "state = ?", {int64_t{query.state}});
  where.AndIf(!query.staff.empty(), kPerson, {query.staff});
  AndCreatedBetween(where, query.created_from, query.created_to);
  where.And("id > ?", {query.after_id});
  db::Statement q =
      db::Prepare(conn, absl::StrCat("SELECT ", kColumns, " FROM handovers", where.Sql(), " ORDER BY id LIMIT ?"));
  q->setInt(where.Bind(*q), query.limit);
  std::vector<Handover> rows = db::Rows<Handover>(*q, HandoverRow);
  for (Handover& h : rows) RETURN_IF_ERROR(LoadParts(conn, h));
  return rows;
}

}  // namespace huinong::tickets::store
