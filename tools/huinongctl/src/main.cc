// huinongctl: Huinong's command-line client. Wiring only: environment and
// arguments -> Invocation -> the command; failures become the documented
// exit codes (0 ok, 1 the call failed, 2 the command line was wrong, 3 a
// check such as `audit verify` found the chain broken).
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "tools/huinongctl/src/args.h"
#include "tools/huinongctl/src/commands.h"
#include "tools/huinongctl/src/invocation.h"
#include "tools/huinongctl/src/output.h"
#include "tools/huinongctl/src/usage.h"

namespace huinong::ctl {
namespace {

// The only variables huinongctl reads; see args.h for why not all HUINONG_*.
const std::set<std::string> kEnvironment = {
    "HUINONG_GATEWAY",       "HUINONG_TOKEN",      "HUINONG_JWT_HS256_SECRET_FILE",
    "HUINONG_JWT_ISSUER",    "HUINONG_JWT_AUDIENCE",
};

std::optional<std::string> ProcessEnv(const std::string& name) {
  const char* value = std::getenv(name.c_str());
  if (value == nullptr) return std::nullopt;
  return std::string(value);
}

// A user who forgot `source .run/env` in the repository still reaches the
// suite that scripts/up.sh started there.
std::map<std::string, std::string> RunEnvDefaults() {
  const std::optional<std::string> gateway = ProcessEnv("HUINONG_GATEWAY");
  if (gateway.has_value() && !gateway->empty()) return {};
  std::ifstream file(".run/env");
  if (!file) return {};
  std::stringstream text;
  text << file.rdbuf();
  return ParseEnvFile(text.str());
}

int Fail(const absl::Status& status, const std::string& command) {
  if (IsUsageError(status)) {
    std::cerr << "error: " << status.message() << "\n\n" << CommandUsage(command);
  } else if (!IsCheckFailure(status)) {  // a failed check has printed its verdict
    std::cerr << FormatError(status);
  }
  return ExitCode(status);
}

int Main(int argc, char** argv) {
  const std::vector<std::string> args(argv, argv + argc);
  absl::StatusOr<Invocation> inv =
      ParseInvocation(args, RestrictedEnv(&ProcessEnv, RunEnvDefaults(), kEnvironment));
  if (!inv.ok()) return Fail(inv.status(), "");

  if (inv->command == "help") {
    std::string topic;
    for (const std::string& word : inv->args) topic += (topic.empty() ? "" : " ") + word;
    std::cout << (topic.empty() ? OverviewUsage() : CommandUsage(topic));
    return 0;
  }
  if (inv->config.Bool("help", false).value_or(false)) {
    std::cout << (inv->command.empty() ? OverviewUsage() : CommandUsage(inv->command));
    return 0;
  }
  if (inv->command.empty()) {
    std::cerr << OverviewUsage();
    return 2;
  }

  const absl::Status status = RunCommand(*inv);
  return status.ok() ? 0 : Fail(status, inv->command);
}

}  // namespace
}  // namespace huinong::ctl

int main(int argc, char** argv) { return huinong::ctl::Main(argc, argv); }
