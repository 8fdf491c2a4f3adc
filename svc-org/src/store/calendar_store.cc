// See calendar_store.h.
#include "svc-org/src/store/calendar_store.h"

#include <cppconn/connection.h>
#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/db/pool.h"
#include "common/db/statements.h"
#include "common/rpc/status_details.h"
#include "svc-org/src/store/calendar_json.h"
#include "svc-org/src/store/sql_columns.h"

namespace huinong::org::store {
namespace {

// The calendar's columns and its version in force on a day (the first `?`).
constexpr const char* kSelectAsOf =
    "SELECT c.id, c.unit_id, c.display_name, c.version, c.create_time, c.update_time,"
    " v.effective_from, v.spec_json, v.create_time AS version_time"
    " FROM work_calendars c"
    " LEFT JOIN work_calendar_versions v ON v.calendar_id = c.id AND v.effective_from ="
    " (SELECT MAX(w.effective_from) FROM work_calendar_versions w"
    "  WHERE w.calendar_id = c.id AND w.effective_from <= ?)";

CalendarVersion VersionRow(sql::ResultSet& rs, const char* time_column) {
  return {DateColumn(rs, "effective_from"), DecodeSpec(std::string(rs.getString("spec_json"))),
          TimeColumn(rs, time_column)};
}

CalendarAsOf AsOfRow(sql::ResultSet& rs) {
  CalendarAsOf out;
  WorkCalendarRecord& c = out.calendar;
  c.id = rs.getString("id");
  c.unit_id = rs.getString("unit_id");
  c.display_name = rs.getString("display_name");
  c.version = rs.getInt64("version");
  c.create_time = TimeColumn(rs, "create_time");
  c.update_time = TimeColumn(rs, "update_time");
  if (!rs.isNull("effective_from")) out.version = VersionRow(rs, "version_time");
  return out;
}

}  // namespace

absl::StatusOr<std::optional<CalendarAsOf>> GetCalendar(sql::Connection& conn, const std::string& id,
                                                      absl::CivilDay day, bool for_update) {
  db::Statement q = db::Prepare(conn, absl::StrCat(kSelectAsOf, " WHERE c.id = ?", for_update ? " FOR UPDATE" : ""));
  BindDate(*q, 1, day);
  q->setString(2, id);
  return First(Rows<CalendarAsOf>(*q, AsOfRow));
}

absl::StatusOr<std::optional<CalendarAsOf>> NearestCalendar(sql::Connection& conn,
                                                          const std::vector<std::string>& unit_ids,
                                                          absl::CivilDay day) {
  if (unit_ids.empty()) return std::optional<CalendarAsOf>();
  std::vector<std::string> marks(unit_ids.size(), "?");
  db::Statement q = db::Prepare(conn, absl::StrCat(kSelectAsOf, " JOIN units u ON u.id = c.unit_id WHERE c.unit_id IN (",
                                                   absl::StrJoin(marks, ","), ") ORDER BY u.depth DESC LIMIT 1"));
  BindDate(*q, 1, day);
  for (size_t i = 0; i < unit_ids.size(); ++i) q->setString(static_cast<int>(i + 2), unit_ids[i]);
  return First(Rows<CalendarAsOf>(*q, AsOfRow));
}

absl::StatusOr<std::vector<CalendarAsOf>> ListCalendars(sql::Connection& conn, absl::CivilDay day,
                                                      const std::string& after_id, int limit) {
  db::Statement q = db::Prepare(conn, absl::StrCat(kSelectAsOf, " WHERE c.id > ? ORDER BY c.id LIMIT ?"));
  BindDate(*q, 1, day);
  q->setString(2, after_id);
  q->setInt(3, limit);
  return Rows<CalendarAsOf>(*q, AsOfRow);
}

absl::Status InsertCalendar(sql::Connection& conn, const WorkCalendarRecord& c, absl::Time now) {
  try {
    db::Statement q = db::Prepare(conn,
        "INSERT INTO work_calendars (id, unit_id, display_name, version, create_time, update_time)"
        " VALUES (?, ?, ?, ?, ?, ?)");
    q->setString(1, c.id);
    q->setString(2, c.unit_id);
    q->setString(3, c.display_name);
    q->setInt64(4, c.version);
    BindTime(*q, 5, now);
    BindTime(*q, 6, now);
    q->executeUpdate();
    return absl::OkStatus();
  } catch (const sql::SQLException& e) {
    if (e.getErrorCode() != db::kErrDuplicateKey) throw;
    return rpc::AlreadyExists("CALENDAR_EXISTS", "the unit already has a work calendar");
  }
}

absl::Status TouchCalendar(sql::Connection& conn, const std::string& id, int64_t version, absl::Time now) {
  db::Statement q = db::Prepare(conn, "UPDATE work_calendars SET version = ?, update_time = ? WHERE id = ?");
  q->setInt64(1, version);
  BindTime(*q, 2, now);
  q->setString(3, id);
  q->executeUpdate();
  return absl::OkStatus();
}

absl::StatusOr<std::vector<CalendarVersion>> ListCalendarVersions(sql::Connection& conn, const std::string& calendar_id,
                                                        std::optional<absl::CivilDay> after, int limit) {
  db::Statement q = db::Prepare(conn,
      "SELECT effective_from, spec_json, create_time FROM work_calendar_versions"
      " WHERE calendar_id = ? AND effective_from >= ? ORDER BY effective_from LIMIT ?");
  q->setString(1, calendar_id);
  BindDate(*q, 2, after ? *after + 1 : absl::CivilDay(1000, 1, 1));  // DATE's first day
  q->setInt(3, limit);
  return Rows<CalendarVersion>(*q, [](sql::ResultSet& rs) { return VersionRow(rs, "create_time"); });
}

absl::StatusOr<std::optional<CalendarVersion>> LatestCalendarVersion(sql::Connection& conn, const std::string& calendar_id) {
  db::Statement q = db::Prepare(conn,
      "SELECT effective_from, spec_json, create_time FROM work_calendar_versions"
      " WHERE calendar_id = ? ORDER BY effective_from DESC LIMIT 1");
  q->setString(1, calendar_id);
  return First(Rows<CalendarVersion>(*q, [](sql::ResultSet& rs) { return VersionRow(rs, "create_time"); }));
}

absl::Status PutCalendarVersion(sql::Connection& conn, const std::string& calendar_id, const CalendarVersion& v) {
  db::Statement q = db::Prepare(conn,
      "INSERT INTO work_calendar_versions (calendar_id, effective_from, spec_json, create_time)"
      " VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE spec_json = VALUES(spec_json),"
      " create_time = VALUES(create_time)");
  q->setString(1, calendar_id);
  BindDate(*q, 2, v.effective_from);
  q->setString(3, EncodeSpec(v.spec));
  BindTime(*q, 4, v.create_time);
  q->executeUpdate();
  return absl::OkStatus();
}

}  // namespace huinong::org::store
