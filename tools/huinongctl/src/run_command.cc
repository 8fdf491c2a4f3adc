// See commands.h: which runner a command's first words name.
#include "tools/huinongctl/src/commands.h"
#include "tools/huinongctl/src/invocation.h"

namespace huinong::ctl {

absl::Status RunCommand(const Invocation& inv) {
  if (inv.command == "token") {
    return RunToken(inv);
  } else if (inv.command == "health") {
    return RunHealth(inv);
  } else if (inv.command.starts_with("unit")) {
    return RunUnit(inv);
  } else if (inv.command == "demo load") {
    return RunDemoLoad(inv);
  } else if (inv.command.starts_with("post") || inv.command.starts_with("staff") ||
             inv.command == "assign" || inv.command.starts_with("assignment")) {
    return RunPeople(inv);
  } else if (inv.command.starts_with("capability") || inv.command.starts_with("standard") ||
             inv.command == "calc") {
    return RunRules(inv);
  } else if (inv.command.starts_with("change") || inv.command.starts_with("chain")) {
    return RunChange(inv);
  } else if (inv.command.starts_with("calendar")) {
    return RunCalendar(inv);
  } else if (inv.command.starts_with("borrower")) {
    return RunBorrower(inv);
  } else if (inv.command.starts_with("product") || inv.command.starts_with("policy")) {
    return RunProduct(inv);
  } else if (inv.command.starts_with("application")) {
    return RunApplication(inv);
  } else if (inv.command.starts_with("loan writeoff") || inv.command == "loan accountable" ||
             inv.command.starts_with("recovery") || inv.command.starts_with("fund") ||
             inv.command.starts_with("claim")) {
    return RunLosses(inv);
  } else if (inv.command.starts_with("loans report")) {
    return RunLoansReport(inv);
  } else if (inv.command.starts_with("loans ")) {  // before "loan": the close of business
    return RunCloseOfBusiness(inv);
  } else if (inv.command.starts_with("creditline") || inv.command.starts_with("loan")) {
    return RunLending(inv);
  } else if (inv.command.starts_with("breaker")) {
    return RunBreaker(inv);
  } else if (inv.command.starts_with("subsidy")) {
    return RunSubsidy(inv);
  } else if (inv.command.starts_with("tickets")) {
    return RunTickets(inv);
  } else if (inv.command.starts_with("report")) {
    return RunReport(inv);
  } else if (inv.command.starts_with("audit")) {
    return RunAudit(inv);
  } else {
    return UsageError("unknown command \"" + inv.command + "\"");
  }
}

}  // namespace huinong::ctl
