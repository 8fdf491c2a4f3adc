// CapabilityCheck against an in-process stand-in for svc-org's
// OrgQueryService.CheckCapability (a real gRPC server on a free port): the
// answer and its cache (per person, capability, unit and day, for `ttl` by
// the injected clock), the service token on every call, and the failures —
// svc-org unreachable is UNAVAILABLE and never read as "no" or cached; an
// unknown unit keeps svc-org's NOT_FOUND; this service's token refused is
// INTERNAL.
#include <chrono>

#include <grpcpp/create_channel.h>
#include <grpcpp/security/server_credentials.h>
#include <grpcpp/server_builder.h>
#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "common/org_directory/capability_check.h"
#include "common/rpc/status_details.h"

namespace huinong::org_directory {
namespace {

namespace v1 = org::v1;

// Grants: staff/director holds loans.survey.lead for units/town.
class FakeOrg final : public v1::OrgQueryService::Service {
 public:
  FakeOrg() {
    grpc::ServerBuilder builder;
    builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port_);
    builder.RegisterService(this);
    server_ = builder.BuildAndStart();
  }
  ~FakeOrg() override { server_->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(2)); }
  std::string address() const { return absl::StrCat("127.0.0.1:", port_); }
  int calls() const {
    absl::MutexLock lock(&mu_);
    return calls_;
  }
  std::string last_authorization() const {
    absl::MutexLock lock(&mu_);
    return last_authorization_;
  }
  void RefuseTokens() {
    absl::MutexLock lock(&mu_);
    refuse_tokens_ = true;
  }

  grpc::Status CheckCapability(grpc::ServerContext* ctx, const v1::CheckCapabilityRequest* req,
                               v1::CheckCapabilityResponse* resp) override {
    absl::MutexLock lock(&mu_);
    ++calls_;
    auto auth = ctx->client_metadata().find("authorization");
    if (auth != ctx->client_metadata().end()) {
      last_authorization_ = std::string(auth->second.data(), auth->second.size());
    }
    if (refuse_tokens_) return grpc::Status(grpc::StatusCode::UNAUTHENTICATED, "token expired");
    if (req->unit() == "units/nowhere") return grpc::Status(grpc::StatusCode::NOT_FOUND, "units/nowhere");
    resp->set_allowed(req->staff() == "staff/director" && req->capability() == "loans.survey.lead" &&
                      req->unit() == "units/town" && req->as_of().year() == 2026);
    return grpc::Status::OK;
  }

 private:
  int port_ = 0;
  std::unique_ptr<grpc::Server> server_;
  mutable absl::Mutex mu_;
  int calls_ ABSL_GUARDED_BY(mu_) = 0;
  std::string last_authorization_ ABSL_GUARDED_BY(mu_);
  bool refuse_tokens_ ABSL_GUARDED_BY(mu_) = false;
};

class CapabilityCheckTest : public ::testing::Test {
 protected:
  CapabilityCheck Check(const std::string& address) {
    CapabilityCheckOptions options;
    options.ttl = absl::Seconds(30);
    options.deadline = absl::Seconds(1);
    return CapabilityCheck(grpc::CreateChannel(address, grpc::InsecureChannelCredentials()),
                           [] { return absl::StatusOr<std::string>("t0k"); }, options, [this] { return now_; });
  }
  FakeOrg org_;
  absl::Time now_ = absl::FromUnixSeconds(1'796'173'200);
  const absl::CivilDay today_{2026, 12, 2};
};

TEST_F(CapabilityCheckTest, AnswersAreCachedPerPersonCapabilityUnitAndDayForTheTtl) {
  CapabilityCheck check = Check(org_.address());
  EXPECT_EQ(*check.Holds("director", "loans.survey.lead", "town", today_), true);
  EXPECT_EQ(org_.last_authorization(), "Bearer t0k");
  EXPECT_EQ(*check.Holds("clerk", "loans.survey.lead", "town", today_), false);
  EXPECT_EQ(org_.calls(), 2);
  EXPECT_EQ(*check.Holds("director", "loans.survey.lead", "town", today_), true);
  EXPECT_EQ(*check.Holds("clerk", "loans.survey.lead", "town", today_), false);  // a "no" is cached too
  EXPECT_EQ(org_.calls(), 2);
  EXPECT_EQ(*check.Holds("director", "loans.survey.lead", "town", absl::CivilDay(2027, 1, 4)), false);
  EXPECT_EQ(org_.calls(), 3);

  now_ += absl::Seconds(30);  // the ttl has passed: svc-org is asked again
  EXPECT_EQ(*check.Holds("director", "loans.survey.lead", "town", today_), true);
  EXPECT_EQ(org_.calls(), 4);
}

TEST_F(CapabilityCheckTest, SvcOrgUnreachableIsUnavailableAndNeverNo) {
  int port = 0;
  {
    FakeOrg gone;  // a port that was just closed
    port = std::stoi(gone.address().substr(10));
  }
  CapabilityCheck check = Check(absl::StrCat("127.0.0.1:", port));
  const absl::StatusOr<bool> answer = check.Holds("director", "loans.survey.lead", "town", today_);
  ASSERT_FALSE(answer.ok());
  EXPECT_EQ(answer.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(rpc::ReasonOf(answer.status()), "ORG_UNAVAILABLE");
}

TEST_F(CapabilityCheckTest, AnUnknownUnitKeepsSvcOrgsCodeAndARefusedTokenIsInternal) {
  CapabilityCheck check = Check(org_.address());
  const absl::StatusOr<bool> unknown = check.Holds("director", "loans.survey.lead", "nowhere", today_);
  EXPECT_EQ(unknown.status().code(), absl::StatusCode::kNotFound);
  org_.RefuseTokens();
  const absl::StatusOr<bool> refused = check.Holds("director", "loans.survey.lead", "town", today_);
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kInternal);
  EXPECT_EQ(org_.calls(), 2);  // neither failure was cached
  const absl::StatusOr<bool> again = check.Holds("director", "loans.survey.lead", "town", today_);
  EXPECT_EQ(again.status().code(), absl::StatusCode::kInternal);
  EXPECT_EQ(org_.calls(), 3);
}

}  // namespace
}  // namespace huinong::org_directory
