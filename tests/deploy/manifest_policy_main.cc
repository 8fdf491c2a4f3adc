// k8s_policy_check: checks rendered Kubernetes objects against the project's
// policy (manifest_policy.h) and prints every violation.
// Usage: k8s_policy_check [--min-server-replicas=N] FILE.json
//   FILE holds one JSON object after another (`kubectl annotate --local -o json`).
// Exit: 0 clean, 1 violations, 2 unreadable input.
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "tests/deploy/manifest_policy.h"

int main(int argc, char** argv) {
  using huinong::deploy::PolicyOptions;
  PolicyOptions options;
  std::string file;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const std::string flag = "--min-server-replicas=";
    if (arg.rfind(flag, 0) == 0) {
      options.min_server_replicas = std::stoi(arg.substr(flag.size()));
    } else {
      file = arg;
    }
  }
  std::ifstream in(file);
  if (file.empty() || !in) {
    std::cerr << "k8s_policy_check: cannot read '" << file << "'\n";
    return 2;
  }
  std::vector<nlohmann::json> objects;
  try {
    while (in >> std::ws && in.peek() != EOF) {
      nlohmann::json object;
      in >> object;
      objects.push_back(std::move(object));
    }
  } catch (const nlohmann::json::exception& e) {
    std::cerr << "k8s_policy_check: " << file << ": " << e.what() << "\n";
    return 2;
  }
  std::vector<std::string> violations = huinong::deploy::SetViolations(objects);
  for (const auto& object : objects) {
    for (auto& v : huinong::deploy::ObjectViolations(object, options)) violations.push_back(std::move(v));
  }
  for (const auto& v : violations) std::cout << "violation: " << v << "\n";
  std::cout << file << ": " << objects.size() << " objects, " << violations.size() << " violations\n";
  return violations.empty() ? 0 : 1;
}
