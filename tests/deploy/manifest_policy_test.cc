// The policy checker itself: a compliant server passes, and each rule, broken
// on its own, is reported.
#include "tests/deploy/manifest_policy.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace huinong::deploy {
namespace {

using nlohmann::json;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

json Container() {
  return json::parse(R"({
    "name": "server", "image": "huinong/svc-org:0.1.0",
    "readinessProbe": {"grpc": {"port": 50051}},
    "livenessProbe": {"grpc": {"port": 50051}},
    "resources": {"requests": {"cpu": "100m", "memory": "128Mi"},
                  "limits": {"cpu": "1", "memory": "512Mi"}},
    "securityContext": {"readOnlyRootFilesystem": true, "allowPrivilegeEscalation": false,
                        "capabilities": {"drop": ["ALL"]}}
  })");
}

json ServerDeployment() {
  json d = json::parse(R"({
    "apiVersion": "apps/v1", "kind": "Deployment",
    "metadata": {"name": "svc-org", "labels": {"app.kubernetes.io/component": "server"}},
    "spec": {"replicas": 1, "template": {"spec": {
      "securityContext": {"runAsNonRoot": true, "seccompProfile": {"type": "RuntimeDefault"}}}}}
  })");
  d["spec"]["template"]["spec"]["containers"] = json::array({Container()});
  return d;
}

json& FirstContainer(json& d) { return d["spec"]["template"]["spec"]["containers"][0]; }

std::vector<std::string> Check(const json& o, int min_replicas = 1) {
  PolicyOptions options;
  options.min_server_replicas = min_replicas;
  return ObjectViolations(o, options);
}

TEST(ManifestPolicy, CompliantServerPasses) { EXPECT_THAT(Check(ServerDeployment()), IsEmpty()); }

TEST(ManifestPolicy, MissingProbeIsReported) {
  json d = ServerDeployment();
  FirstContainer(d).erase("livenessProbe");
  EXPECT_THAT(Check(d), ElementsAre(HasSubstr("server: no livenessProbe")));
}

TEST(ManifestPolicy, ServerProbeMustBeGrpc) {
  json d = ServerDeployment();
  FirstContainer(d)["readinessProbe"] = json::parse(R"({"tcpSocket": {"port": 50051}})");
  EXPECT_THAT(Check(d), ElementsAre(HasSubstr("readinessProbe is not a native gRPC probe")));
}

TEST(ManifestPolicy, WritableRootFilesystemIsReported) {
  json d = ServerDeployment();
  FirstContainer(d)["securityContext"]["readOnlyRootFilesystem"] = false;
  EXPECT_THAT(Check(d), ElementsAre(HasSubstr("readOnlyRootFilesystem is not true")));
}

TEST(ManifestPolicy, MissingLimitIsReported) {
  json d = ServerDeployment();
  FirstContainer(d)["resources"]["limits"].erase("memory");
  EXPECT_THAT(Check(d), ElementsAre(HasSubstr("no memory limits")));
}

TEST(ManifestPolicy, RootPodIsReported) {
  json d = ServerDeployment();
  d["spec"]["template"]["spec"]["securityContext"].erase("runAsNonRoot");
  EXPECT_THAT(Check(d), ElementsAre(HasSubstr("runAsNonRoot is not true")));
}

TEST(ManifestPolicy, LatestOrMissingTagIsReported) {
  for (const char* image : {"huinong/svc-org:latest", "huinong/svc-org", "registry:5000/huinong/svc-org"}) {
    json d = ServerDeployment();
    FirstContainer(d)["image"] = image;
    EXPECT_THAT(Check(d), ElementsAre(HasSubstr("has no pinned tag"))) << image;
  }
  json d = ServerDeployment();
  FirstContainer(d)["image"] = "registry:5000/huinong/svc-org@sha256:0123";
  EXPECT_THAT(Check(d), IsEmpty());
}

TEST(ManifestPolicy, JobNeedsNoProbesButTheSameHardening) {
  json job = ServerDeployment();
  job["kind"] = "Job";
  job["metadata"]["labels"] = json::object();
  FirstContainer(job).erase("readinessProbe");
  FirstContainer(job).erase("livenessProbe");
  EXPECT_THAT(Check(job), IsEmpty());
  FirstContainer(job)["securityContext"]["capabilities"]["drop"] = json::array({"NET_RAW"});
  EXPECT_THAT(Check(job), ElementsAre(HasSubstr("capabilities do not drop ALL")));
}

TEST(ManifestPolicy, SecretWithValuesIsReported) {
  json secret = json::parse(R"({"kind": "Secret", "metadata": {"name": "svc-org-db"}, "data": {"password": "eA=="}})");
  EXPECT_THAT(Check(secret), ElementsAre(HasSubstr("Secret/svc-org-db: a Secret with values")));
}

TEST(ManifestPolicy, ProductionReplicasAndSpread) {
  json d = ServerDeployment();
  EXPECT_THAT(Check(d, 2), ElementsAre(HasSubstr("1 replicas, fewer than 2"), HasSubstr("no topologySpreadConstraints")));
  d["spec"]["replicas"] = 2;
  d["spec"]["template"]["spec"]["topologySpreadConstraints"] = json::array({json::object({{"maxSkew", 1}})});
  EXPECT_THAT(Check(d, 2), IsEmpty());
}

TEST(ManifestPolicy, ServerNeedsItsCompanions) {
  json d = ServerDeployment();
  json migrate = ServerDeployment();
  migrate["kind"] = "Job";
  migrate["metadata"] = json::parse(R"({"name": "migrate-svc-org"})");
  FirstContainer(migrate)["args"] = json::array({"--migrate-only"});
  auto named = [](const char* kind) {
    return json::parse(std::string(R"({"kind": ")") + kind + R"(", "metadata": {"name": "svc-org"}})");
  };
  EXPECT_THAT(SetViolations({d, named("Service"), named("PodDisruptionBudget"), named("HorizontalPodAutoscaler"),
                             migrate}),
              IsEmpty());
  EXPECT_THAT(SetViolations({d, named("Service"), named("HorizontalPodAutoscaler"), migrate}),
              ElementsAre("Deployment/svc-org: no PodDisruptionBudget svc-org"));
  FirstContainer(migrate)["args"] = json::array();
  EXPECT_THAT(SetViolations({d, named("Service"), named("PodDisruptionBudget"), named("HorizontalPodAutoscaler"),
                             migrate}),
              ElementsAre("Deployment/svc-org: no Job migrate-svc-org running --migrate-only"));
}

}  // namespace
}  // namespace huinong::deploy
