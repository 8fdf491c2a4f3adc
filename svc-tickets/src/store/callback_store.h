// SQL of callback attempts (migration 0001 `ticket_callbacks`): appended in
// order per ticket, never changed.
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "svc-tickets/src/domain/callback_rules.h"

namespace sql {
class Connection;
}

namespace huinong::tickets::store {

// Appends the attempt as the ticket's next one; returns its 1-based number.
absl::StatusOr<int> AppendCallback(sql::Connection& conn, const std::string& ticket_id, const CallbackAttempt& a);
// Every attempt of the ticket, oldest first.
absl::StatusOr<std::vector<CallbackAttempt>> ListCallbacks(sql::Connection& conn, const std::string& ticket_id);

}  // namespace huinong::tickets::store
