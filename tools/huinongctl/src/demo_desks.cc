// The demo's people at svc-loans; see demo_desks.h.
#include "tools/huinongctl/src/demo_desks.h"

#include <algorithm>

#include "common/core/status_macros.h"
#include "common/rpc/errors.h"
#include "tools/huinongctl/src/commands.h"

namespace huinong::ctl {

bool DemoAlreadyMade(const absl::Status& status) {
  return absl::IsAlreadyExists(status) ||
         (absl::IsInvalidArgument(status) && rpc::ReasonOf(status) == "REQUEST_ID_REUSED");
}

absl::StatusOr<const LoansClient*> DemoDesks::Open(const std::string& key, ConnectionOptions options) {
  Desk& desk = desks_[key];
  desk.connection = std::make_unique<Connection>(std::move(options));
  desk.loans = std::make_unique<LoansClient>(*desk.connection);
  desk.tickets = std::make_unique<TicketsClient>(*desk.connection);
  return desk.loans.get();
}

absl::StatusOr<const LoansClient*> DemoDesks::As(const std::string& post) {
  if (auto it = desks_.find(post); it != desks_.end()) return it->second.loans.get();
  const auto holder = people_.holder_by_post.find(post);
  if (holder == people_.holder_by_post.end()) return absl::InternalError("no demo holder of post " + post);
  auth::Claims claims;
  claims.subject = holder->second.staff;
  claims.roles = {"staff"};
  claims.unit = holder->second.unit;
  claims.ttl = absl::Hours(1);
  ASSIGN_OR_RETURN(ConnectionOptions options, ConnectionOptionsFrom(inv_.config));
  ASSIGN_OR_RETURN(options.token, MintFor(inv_.config, std::move(claims), now_));
  return Open(post, std::move(options));
}

absl::StatusOr<const TicketsClient*> DemoDesks::Tickets(const std::string& post) {
  RETURN_IF_ERROR(As(post).status());
  return desks_.at(post).tickets.get();
}

absl::StatusOr<const LoansClient*> DemoDesks::Operator() {
  if (auto it = desks_.find(""); it != desks_.end()) return it->second.loans.get();
  ASSIGN_OR_RETURN(ConnectionOptions options, ConnectionOptionsFrom(inv_.config));
  // The close of business over the history's months answers when it is done.
  options.timeout = std::max(options.timeout, absl::Minutes(5));
  return Open("", std::move(options));
}

}  // namespace huinong::ctl
