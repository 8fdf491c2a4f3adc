#include "common/db/request_log.h"

#include <memory>

#include <cppconn/connection.h>
#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include "absl/strings/str_cat.h"
#include "common/core/sha256.h"
#include "common/db/statements.h"
#include "common/rpc/errors.h"

namespace huinong::db {

std::string RequestFingerprint(absl::string_view method, absl::string_view caller,
                               const google::protobuf::Message& request) {
  std::string bytes;
  {
    google::protobuf::io::StringOutputStream out(&bytes);
    google::protobuf::io::CodedOutputStream coded(&out);
    coded.SetSerializationDeterministic(true);
    request.SerializeToCodedStream(&coded);
  }
  return Sha256Hex(absl::StrCat(method, "\n", caller, "\n", bytes));
}

RequestKey KeyFor(absl::string_view method, absl::string_view caller, absl::string_view request_id,
                  const google::protobuf::Message& request) {
  return {std::string(caller), std::string(request_id), std::string(method),
          RequestFingerprint(method, caller, request)};
}

absl::StatusOr<std::string> RunOnceBytes(
    DbPool& pool, const RequestKey& key,
    const std::function<absl::StatusOr<std::string>(sql::Connection&)>& change, bool* replayed) {
  std::string response;
  absl::Status status = pool.Transact([&](sql::Connection& conn) -> absl::Status {
    try {
      db::Statement claim = db::Prepare(conn,
          "INSERT INTO request_log (caller, request_id, method, fingerprint, response, created_at)"
          " VALUES (?, ?, ?, ?, NULL, UTC_TIMESTAMP(6))");
      claim->setString(1, key.caller);
      claim->setString(2, key.request_id);
      claim->setString(3, key.method);
      claim->setString(4, key.fingerprint);
      claim->executeUpdate();
    } catch (const sql::SQLException& e) {
      if (e.getErrorCode() != kErrDuplicateKey) throw;
      // Served before (we waited for that transaction to commit): replay it.
      db::Statement q = db::Prepare(conn,
          "SELECT fingerprint, response FROM request_log WHERE caller = ? AND request_id = ?");
      q->setString(1, key.caller);
      q->setString(2, key.request_id);
      std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
      if (!rs->next()) return RetryableConflict("request id claim vanished; retry");
      if (rs->getString(1) != key.fingerprint) {
        return rpc::WithReason(
            rpc::InvalidField("request_id", "was already used for a different request"),
            "REQUEST_ID_REUSED");
      }
      response = rs->getString(2);
      if (replayed != nullptr) *replayed = true;
      return absl::OkStatus();
    }
    if (replayed != nullptr) *replayed = false;
    ASSIGN_OR_RETURN(response, change(conn));
    db::Statement store = db::Prepare(conn, "UPDATE request_log SET response = ? WHERE caller = ? AND request_id = ?");
    store->setString(1, response);
    store->setString(2, key.caller);
    store->setString(3, key.request_id);
    store->executeUpdate();
    return absl::OkStatus();
  });
  if (!status.ok()) return status;
  return response;
}

}  // namespace huinong::db
