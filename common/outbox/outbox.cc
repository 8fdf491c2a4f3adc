// See outbox.h.
#include "common/outbox/outbox.h"

#include <memory>
#include "absl/strings/string_view.h"

#include <cppconn/connection.h>
#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>

#include "absl/strings/str_cat.h"
#include "common/core/ids.h"
#include "common/db/pool.h"
#include "common/db/sql_time.h"
#include "common/db/statements.h"
#include "common/outbox/change_json.h"
#include "common/rpc/proto_time.h"

namespace huinong::outbox {
namespace {

bool AllOf(absl::string_view s, bool (*ok)(char)) {
  for (char c : s) {
    if (!ok(c)) return false;
  }
  return true;
}

bool ActionChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == '-';
}

bool ResourceTypeChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }

absl::Status Bad(absl::string_view field, absl::string_view why) {
  return absl::InternalError(absl::StrCat("audit event not recordable: ", field, " ", why));
}

absl::Status CheckJsonSide(absl::string_view field, const std::string& json) {
  if (json.size() > kMaxChangeJsonBytes) return Bad(field, "is larger than 64 KiB");
  if (!json.empty() && (json.front() != '{' || json.back() != '}')) {
    return Bad(field, "is not a JSON object");
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status CheckEvent(const huinong::audit::v1::Event& event) {
  if (!IsUlid(event.event_id())) return Bad("event_id", "is not a ULID");
  if (!event.has_time() || event.time().seconds() <= 0) return Bad("time", "is not set");
  if (event.service().empty()) return Bad("service", "is empty");
  if (event.actor().subject().empty()) return Bad("actor.subject", "is empty");
  if (event.action().empty() || event.action().size() > 128 || !AllOf(event.action(), ActionChar)) {
    return Bad("action", "must be 1-128 of [A-Za-z0-9._-]");
  }
  if (event.resource_type().empty() || event.resource_type().size() > 64 ||
      !AllOf(event.resource_type(), ResourceTypeChar)) {
    return Bad("resource_type", "must be 1-64 of [a-z0-9_]");
  }
  if (event.resource_id().empty() || event.resource_id().size() > 256) {
    return Bad("resource_id", "must be 1-256 characters");
  }
  if (auto s = CheckJsonSide("before_json", event.before_json()); !s.ok()) return s;
  return CheckJsonSide("after_json", event.after_json());
}

absl::Status Record(sql::Connection& conn, const huinong::audit::v1::Event& event) {
  if (auto s = CheckEvent(event); !s.ok()) return s;
  std::string payload;
  if (!event.SerializeToString(&payload)) return absl::InternalError("audit event does not serialize");
  try {
    db::Statement insert = db::Prepare(conn,
        "INSERT INTO outbox (event_id, event_time, payload, sent_at) VALUES (?, ?, ?, NULL)");
    insert->setString(1, event.event_id());
    insert->setString(2, db::SqlDateTime(rpc::FromTimestamp(event.time())));
    insert->setString(3, payload);
    insert->executeUpdate();
  } catch (const sql::SQLException& e) {
    return db::StatusFromSqlError(e);
  }
  return absl::OkStatus();
}

}  // namespace huinong::outbox
