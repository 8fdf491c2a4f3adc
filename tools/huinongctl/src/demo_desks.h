// The demo's people at svc-loans and svc-tickets, for `huinongctl demo load`: one client per
// demo post, carrying a token minted for the post's first primary holder
// from the suite's development secret (as `huinongctl token` mints one), and
// the operator's client (the caller's own token, for what no demo post
// holds: the close-of-business job). Guarantees: a post's client is made
// once and reused; a post nobody holds is an INTERNAL error naming it.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "tools/huinongctl/src/connection.h"
#include "tools/huinongctl/src/demo_lending.h"
#include "tools/huinongctl/src/invocation.h"
#include "tools/huinongctl/src/loans_client.h"
#include "tools/huinongctl/src/tickets_client.h"

namespace huinong::ctl {

// Whether a create was refused because its object exists: made by someone
// else (ALREADY_EXISTS) or by an earlier demo with other contents
// (REQUEST_ID_REUSED); the demo then finds and adopts it.
bool DemoAlreadyMade(const absl::Status& status);

class DemoDesks {
 public:
  // Tokens are minted at `now` (valid for an hour).
  DemoDesks(const Invocation& inv, const DemoPeople& people, absl::Time now) : inv_(inv), people_(people), now_(now) {}

  // The client of the person holding `post` ("county.policy", "t2.director", "v3.agent", ...).
  absl::StatusOr<const LoansClient*> As(const std::string& post);
  // The client with the caller's own token.
  absl::StatusOr<const LoansClient*> Operator();
  // svc-tickets as the person holding `post` (the same token).
  absl::StatusOr<const TicketsClient*> Tickets(const std::string& post);

  const DemoHolder& Holder(const std::string& post) const { return people_.holder_by_post.at(post); }
  const DemoPeople& people() const { return people_; }

 private:
  struct Desk {
    std::unique_ptr<Connection> connection;
    std::unique_ptr<LoansClient> loans;
    std::unique_ptr<TicketsClient> tickets;
  };
  absl::StatusOr<const LoansClient*> Open(const std::string& key, ConnectionOptions options);

  const Invocation& inv_;
  const DemoPeople& people_;
  absl::Time now_;
  std::map<std::string, Desk> desks_;  // by post; "" is the operator's
};

}  // namespace huinong::ctl
