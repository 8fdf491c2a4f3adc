// See handler_kit.h.
#include "common/server/handler_kit.h"

#include "common/db/request_log.h"
#include "common/db/savepoint.h"
#include "common/rpc/validate.h"

namespace huinong::server {

HandlerKit::HandlerKit(db::DbPool& pool, const CallGate& gate,
                       std::shared_ptr<const BusinessClock> clock, ServiceIdentity service)
    : pool_(pool), gate_(gate), clock_(std::move(clock)), service_(std::move(service)) {}

absl::Status HandlerKit::CheckPrepared(absl::string_view request_id, const absl::Status& prepared) {
  rpc::Violations v;
  rpc::CheckRequestId(request_id, v);
  if (v.empty()) return prepared;
  if (prepared.ok()) return v.ToStatus();
  const std::vector<rpc::FieldViolation> fields = rpc::FieldViolationsOf(prepared);
  if (fields.empty()) return v.ToStatus();  // the request is malformed before anything else
  for (const auto& f : fields) v.Add(f.field, f.description);
  return v.ToStatus();
}

absl::Status Reader::operator()(const db::DbPool::Body& body) const {
  RETURN_IF_ERROR(v_.ToStatus());  // a bad request never reaches the database
  return pool_.Read(body);
}

absl::StatusOr<std::string> HandlerKit::Run(const auth::Principal& caller, absl::string_view method,
                                            const google::protobuf::Message& request,
                                            absl::string_view request_id, bool validate_only,
                                            const ChangeBytes& change) const {
  std::vector<std::function<void()>> after_commit;
  auto attempt = [&](sql::Connection& conn) -> absl::StatusOr<std::string> {
    after_commit.clear();  // a retried attempt starts afresh
    Mutation m(conn, caller, std::string(method), std::string(request_id), service_, *clock_,
               validate_only);
    ASSIGN_OR_RETURN(std::string bytes, change(m));
    after_commit = m.TakeAfterCommit();
    return bytes;
  };

  if (validate_only) {
    // The same code path, undone at the end; no request id is claimed. A
    // savepoint, not a failing status, so the check is no database error
    // in the metrics and a retried attempt answers for itself.
    std::string bytes;
    RETURN_IF_ERROR(pool_.Transact([&](sql::Connection& conn) -> absl::Status {
      db::Savepoint nothing_kept(conn, "validate_only");
      ASSIGN_OR_RETURN(bytes, attempt(conn));
      nothing_kept.RollBack();
      return absl::OkStatus();
    }));
    return bytes;
  }

  bool replayed = false;
  ASSIGN_OR_RETURN(std::string bytes,
                   db::RunOnceBytes(pool_, db::KeyFor(method, caller.subject, request_id, request),
                                    attempt, &replayed));
  if (!replayed) {
    for (auto& hook : after_commit) hook();
  }
  return bytes;
}

}  // namespace huinong::server
