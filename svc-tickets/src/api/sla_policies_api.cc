// See sla_policies_api.h.
#include "svc-tickets/src/api/sla_policies_api.h"

#include "common/core/status_macros.h"
#include "common/rpc/validate.h"
#include "svc-tickets/src/api/ticket_mapping.h"
#include "svc-tickets/src/store/clock_store.h"

namespace huinong::tickets {

grpc::Status SlaPoliciesApi::ListTicketClocks(grpc::ServerContext* ctx, const v1::ListTicketClocksRequest* req,
                                              v1::ListTicketClocksResponse* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const std::string id = rpc::ParseName(req->ticket(), "tickets", "ticket", v);
    return reader([&](sql::Connection& conn) -> absl::Status {
      RETURN_IF_ERROR(ReadableTicket(org_, caller, conn, id).status());
      ASSIGN_OR_RETURN(const std::vector<store::ClockRecord> clocks, store::LoadClocks(conn, id));
      for (const store::ClockRecord& c : clocks) *resp->add_clocks() = ClockProto(id, c);
      return absl::OkStatus();
    });
  });
}

}  // namespace huinong::tickets
