// The project's policy for rendered Kubernetes objects (k8s/), checked by
// tests/deploy on every overlay: what a reviewer would otherwise have to
// remember for each new workload.
//
// Guarantees: every violation is reported (not just the first), each as one
// line naming the object ("Deployment/svc-org") and the container; objects
// are the JSON that `kubectl annotate --local -o json` prints for kustomize's
// output, one object each.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace huinong::deploy {

struct PolicyOptions {
  // Server Deployments (label app.kubernetes.io/component=server) need at
  // least this many replicas and topology spread constraints when > 1.
  int min_server_replicas = 1;
};

// Violations of one object on its own:
//  - a workload's pods (Deployment, StatefulSet, DaemonSet, Job, CronJob):
//    runAsNonRoot and the RuntimeDefault seccomp profile; every container
//    (init containers too) with readOnlyRootFilesystem, no privilege
//    escalation, all capabilities dropped, cpu and memory requests and
//    limits, and an image with a pinned tag (never `latest`, never none);
//  - Deployments and StatefulSets: readiness and liveness probes on every
//    container; a server's probes are native gRPC probes;
//  - a Secret that carries data or stringData (values never live in k8s/).
std::vector<std::string> ObjectViolations(const nlohmann::json& object, const PolicyOptions& options);

// Violations across objects: every server Deployment has a Service, a
// PodDisruptionBudget and a HorizontalPodAutoscaler of the same name, and a
// Job migrate-<name> that runs --migrate-only.
std::vector<std::string> SetViolations(const std::vector<nlohmann::json>& objects);

}  // namespace huinong::deploy
