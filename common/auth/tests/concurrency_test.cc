// Verify from several threads at once against one shared verifier (HS256 and
// ES256), with valid and invalid tokens interleaved: every good token yields
// its own subject, every forged one is refused. The cost per verify is a
// benchmark (bench/token_verify_bench.cc, against parsing the key per call),
// not a timed test.
#include <atomic>
#include <thread>
#include <vector>

#include "common/auth/tests/test_keys.h"
#include "common/auth/token.h"
#include "gtest/gtest.h"

namespace huinong::auth {
namespace {

using namespace ::huinong::auth::testing;  // NOLINT: test fixtures

struct Workload {
  std::unique_ptr<TokenVerifier> verifier;
  std::vector<std::string> good;  // good[i] has subject "staff-i"
  std::string forged;
};

Claims StaffClaims(int i) {
  Claims claims;
  claims.subject = "staff-" + std::to_string(i);
  claims.roles = {"teller"};
  claims.issuer = std::string(kIssuer);
  claims.audience = std::string(kAudience);
  return claims;
}

Workload Hs256Workload() {
  VerifierConfig config{std::string(kIssuer), std::string(kAudience), std::string(kSecret), "", absl::Seconds(30)};
  Workload w{*TokenVerifier::Create(config), {}, ""};
  for (int i = 0; i < 8; ++i) w.good.push_back(*MintHs256(StaffClaims(i), kSecret, kNow));
  w.forged = *MintHs256(StaffClaims(99), "a-different-secret-of-thirty-two-bytes!", kNow);
  return w;
}

Workload Es256Workload() {
  VerifierConfig config{std::string(kIssuer), std::string(kAudience), "", EcP256().public_pem, absl::Seconds(30)};
  Workload w{*TokenVerifier::Create(config), {}, ""};
  for (int i = 0; i < 8; ++i) w.good.push_back(*MintWithPrivateKey(StaffClaims(i), EcP256().private_pem, kNow));
  w.forged = *MintWithPrivateKey(StaffClaims(99), GenerateEc("P-256").private_pem, kNow);
  return w;
}

void RunFourThreads(const Workload& w, int per_thread) {
  std::atomic<int> wrong{0};
  std::atomic<int> accepted{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int n = 0; n < per_thread; ++n) {
        const int i = (n + t) % 8;
        if (n % 5 == 4) {
          if (w.verifier->Verify(w.forged, kNow).ok()) wrong.fetch_add(1);
          continue;
        }
        absl::StatusOr<Principal> p = w.verifier->Verify(w.good[i], kNow);
        if (!p.ok() || p->subject != "staff-" + std::to_string(i)) {
          wrong.fetch_add(1);
        } else {
          accepted.fetch_add(1);
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(wrong.load(), 0);
  EXPECT_EQ(accepted.load(), 4 * per_thread * 4 / 5);
}

TEST(ConcurrentVerify, Hs256FromFourThreads) { RunFourThreads(Hs256Workload(), 5000); }

TEST(ConcurrentVerify, Es256FromFourThreads) { RunFourThreads(Es256Workload(), 1000); }

}  // namespace
}  // namespace huinong::auth
