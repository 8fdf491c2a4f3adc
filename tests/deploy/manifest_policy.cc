// See manifest_policy.h.
#include "tests/deploy/manifest_policy.h"

#include <algorithm>
#include <set>
#include <utility>

namespace huinong::deploy {
namespace {

using nlohmann::json;

// `object` at a path of keys, or null when any step is missing.
const json& At(const json& object, std::initializer_list<const char*> path) {
  static const json kNull;
  const json* node = &object;
  for (const char* key : path) {
    if (!node->is_object() || !node->contains(key)) return kNull;
    node = &(*node)[key];
  }
  return *node;
}

std::string Str(const json& value) { return value.is_string() ? value.get<std::string>() : std::string(); }

std::string NameOf(const json& object) {
  return Str(At(object, {"kind"})) + "/" + Str(At(object, {"metadata", "name"}));
}

bool IsServer(const json& object) {
  return Str(At(object, {"metadata", "labels", "app.kubernetes.io/component"})) == "server";
}

// The pod template of a workload, or null.
const json& PodSpec(const json& object) {
  const std::string kind = Str(At(object, {"kind"}));
  if (kind == "CronJob") return At(object, {"spec", "jobTemplate", "spec", "template", "spec"});
  if (kind == "Deployment" || kind == "StatefulSet" || kind == "DaemonSet" || kind == "Job") {
    return At(object, {"spec", "template", "spec"});
  }
  static const json kNull;
  return kNull;
}

// Pinned: a tag or a digest after the last path segment, and not `latest`.
bool PinnedImage(const std::string& image) {
  if (image.find('@') != std::string::npos) return true;
  const size_t slash = image.rfind('/');
  const size_t colon = image.rfind(':');
  if (colon == std::string::npos || (slash != std::string::npos && colon < slash)) return false;
  return image.substr(colon + 1) != "latest";
}

void CheckContainer(const json& container, bool needs_probes, bool grpc_probes, const std::string& where,
                    std::vector<std::string>& out) {
  const std::string at = where + " container " + Str(At(container, {"name"})) + ": ";
  const json& sc = At(container, {"securityContext"});
  if (At(sc, {"readOnlyRootFilesystem"}) != true) out.push_back(at + "readOnlyRootFilesystem is not true");
  if (At(sc, {"allowPrivilegeEscalation"}) != false) out.push_back(at + "allowPrivilegeEscalation is not false");
  const json& drop = At(sc, {"capabilities", "drop"});
  if (!drop.is_array() || std::find(drop.begin(), drop.end(), json("ALL")) == drop.end()) {
    out.push_back(at + "capabilities do not drop ALL");
  }
  for (const char* bound : {"requests", "limits"}) {
    for (const char* resource : {"cpu", "memory"}) {
      if (At(container, {"resources", bound, resource}).is_null()) {
        out.push_back(at + "no " + resource + " " + bound);
      }
    }
  }
  const std::string image = Str(At(container, {"image"}));
  if (!PinnedImage(image)) out.push_back(at + "image '" + image + "' has no pinned tag");
  if (!needs_probes) return;
  for (const char* probe : {"readinessProbe", "livenessProbe"}) {
    const json& p = At(container, {probe});
    if (p.is_null()) {
      out.push_back(at + "no " + probe);
    } else if (grpc_probes && At(p, {"grpc", "port"}).is_null()) {
      out.push_back(at + probe + " is not a native gRPC probe");
    }
  }
}

}  // namespace

std::vector<std::string> ObjectViolations(const json& object, const PolicyOptions& options) {
  std::vector<std::string> out;
  const std::string name = NameOf(object);
  const std::string kind = Str(At(object, {"kind"}));
  if (kind == "Secret" && (object.contains("data") || object.contains("stringData"))) {
    out.push_back(name + ": a Secret with values; reference Secrets by name only");
  }
  const json& pod = PodSpec(object);
  if (pod.is_null()) return out;
  const json& psc = At(pod, {"securityContext"});
  if (At(psc, {"runAsNonRoot"}) != true) out.push_back(name + ": pod securityContext.runAsNonRoot is not true");
  if (Str(At(psc, {"seccompProfile", "type"})) != "RuntimeDefault") {
    out.push_back(name + ": pod seccompProfile is not RuntimeDefault");
  }
  const bool long_running = kind == "Deployment" || kind == "StatefulSet";
  const bool server = kind == "Deployment" && IsServer(object);
  const json& containers = At(pod, {"containers"});
  if (!containers.is_array() || containers.empty()) out.push_back(name + ": no containers");
  if (containers.is_array()) {
    for (const json& c : containers) CheckContainer(c, long_running, server, name, out);
  }
  const json& init = At(pod, {"initContainers"});
  if (init.is_array()) {
    for (const json& c : init) CheckContainer(c, false, false, name, out);
  }
  if (server) {
    const json& replicas = At(object, {"spec", "replicas"});
    const int count = replicas.is_number_integer() ? replicas.get<int>() : 1;
    if (count < options.min_server_replicas) {
      out.push_back(name + ": " + std::to_string(count) + " replicas, fewer than " +
                    std::to_string(options.min_server_replicas));
    }
    if (options.min_server_replicas > 1 && At(pod, {"topologySpreadConstraints"}).empty()) {
      out.push_back(name + ": no topologySpreadConstraints");
    }
  }
  return out;
}

std::vector<std::string> SetViolations(const std::vector<json>& objects) {
  std::set<std::pair<std::string, std::string>> present;  // (kind, name)
  std::vector<std::string> servers;
  for (const json& o : objects) {
    const std::string kind = Str(At(o, {"kind"}));
    const std::string name = Str(At(o, {"metadata", "name"}));
    if (kind == "Job") {
      // A migration Job counts when its container runs --migrate-only.
      const json& containers = At(PodSpec(o), {"containers"});
      bool migrates = false;
      if (containers.is_array()) {
        for (const json& c : containers) {
          const json& args = At(c, {"args"});
          migrates = migrates || (args.is_array() &&
                                  std::find(args.begin(), args.end(), json("--migrate-only")) != args.end());
        }
      }
      if (!migrates) continue;
    }
    present.emplace(kind, name);
    if (kind == "Deployment" && IsServer(o)) servers.push_back(name);
  }
  std::vector<std::string> out;
  if (servers.empty()) out.push_back("no server Deployment at all");
  for (const std::string& s : servers) {
    for (const char* kind : {"Service", "PodDisruptionBudget", "HorizontalPodAutoscaler"}) {
      if (!present.count({kind, s})) out.push_back("Deployment/" + s + ": no " + kind + " " + s);
    }
    if (!present.count({"Job", "migrate-" + s})) {
      out.push_back("Deployment/" + s + ": no Job migrate-" + s + " running --migrate-only");
    }
  }
  return out;
}

}  // namespace huinong::deploy
