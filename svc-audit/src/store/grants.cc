#include "svc-audit/src/store/grants.h"

#include "absl/strings/str_cat.h"

namespace huinong::audit {

std::vector<std::string> RuntimeGrants(absl::string_view database, absl::string_view user) {
  struct TableGrant {
    const char* table;
    const char* privileges;
  };
  static constexpr TableGrant kGrants[] = {
      {"events", "SELECT, INSERT"},
      {"checkpoints", "SELECT, INSERT"},
      {"signing_keys", "SELECT, INSERT"},
      {"chain_head", "SELECT, UPDATE"},
      {"schema_migrations", "SELECT, INSERT"},
      {"request_log", "SELECT, INSERT, UPDATE"},
  };
  std::vector<std::string> out;
  for (const char* host : {"localhost", "127.0.0.1"}) {
    for (const auto& g : kGrants) {
      out.push_back(absl::StrCat("GRANT ", g.privileges, " ON `", database, "`.`", g.table,
                                 "` TO '", user, "'@'", host, "'"));
    }
  }
  return out;
}

}  // namespace huinong::audit
