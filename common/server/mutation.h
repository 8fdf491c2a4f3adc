// The change in progress, as a use case sees it: the transaction, who asked,
// one instant and the business day it falls on, and where to put the audit
// events and the work that must wait for the commit.
//
// Guarantees:
// - every audit event recorded here is written to the outbox in the same
//   transaction, with the action "<prefix>.<method>" where the method is the
//   one the handler named once to HandlerKit::Mutate (an event may name
//   another, e.g. an approved change request applying an UpdateUnit item);
// - after-commit hooks run once, after the transaction committed, and never
//   for an attempt that rolled back, a replayed request or a validate-only call;
// - now() is one instant for the whole change (every row it writes agrees),
//   and today() is that instant's day in the county's time zone.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <google/protobuf/message.h>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "common/auth/principal.h"
#include "common/core/business_clock.h"

namespace sql {
class Connection;
}

namespace huinong::server {

// What one audit event says about one resource.
struct AuditEntry {
  AuditEntry(std::string type, std::string name, std::string unit, const google::protobuf::Message* before_state,
             const google::protobuf::Message* after_state)
      : resource_type(std::move(type)),
        resource_name(std::move(name)),
        resource_unit(std::move(unit)),
        before(before_state),
        after(after_state) {}
  // The same event made on behalf of another method and request (an item of
  // a change request applied by its approval).
  AuditEntry For(std::string other_method, std::string other_request_id) const {
    AuditEntry e = *this;
    e.method = std::move(other_method);
    e.request_id = std::move(other_request_id);
    return e;
  }

  std::string resource_type;  // "unit"
  std::string resource_name;  // "units/01H…"
  std::string resource_unit;  // "units/{id}" the resource belongs to; may be empty
  const google::protobuf::Message* before = nullptr;  // null for a creation
  const google::protobuf::Message* after = nullptr;   // null for a deletion
  // Empty: the call's method and request id.
  std::string method;
  std::string request_id;
  // Null: the caller. Set for work done by the service itself inside a
  // caller's change (a scheduled version falling due during a write).
  const auth::Principal* actor = nullptr;
};

// Who the change is made for: the service whose outbox holds the events
// ("svc-org") and the prefix of their actions ("org").
struct ServiceIdentity {
  std::string service;
  std::string action_prefix;
};

class Mutation {
 public:
  Mutation(sql::Connection& tx, const auth::Principal& caller, std::string method,
           std::string request_id, const ServiceIdentity& service, const BusinessClock& clock,
           bool validate_only);

  sql::Connection& tx() { return tx_; }
  const auth::Principal& caller() const { return caller_; }
  const std::string& method() const { return method_; }
  const std::string& request_id() const { return request_id_; }
  absl::Time now() const { return now_; }
  absl::CivilDay today() const { return today_; }
  // True when the call only checks: the transaction is rolled back at the end.
  bool validate_only() const { return validate_only_; }

  // Writes the event into the outbox now, in this transaction; an error must
  // abort the change (return it).
  absl::Status Record(const AuditEntry& entry);
  void AfterCommit(std::function<void()> hook) { after_commit_.push_back(std::move(hook)); }

  // The kit's side.
  std::vector<std::function<void()>> TakeAfterCommit() { return std::move(after_commit_); }
  int events_recorded() const { return events_recorded_; }

 private:
  sql::Connection& tx_;
  const auth::Principal& caller_;
  std::string method_;
  std::string request_id_;
  const ServiceIdentity& service_;
  absl::Time now_;
  absl::CivilDay today_;
  bool validate_only_;
  int events_recorded_ = 0;
  std::vector<std::function<void()>> after_commit_;
};

}  // namespace huinong::server
