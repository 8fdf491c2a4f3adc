// The cost of verifying a token with one shared verifier (what a service does
// per call), against a baseline measured in the same run: building the
// verifier — parsing the key — for every call. A verifier that re-parsed its
// key per call would show a ratio near 1; the figure goes in
// docs/performance.md, not into a timed test.
//
//   build/bin/token_verify_bench [--benchmark_min_time=1]
#include <benchmark/benchmark.h>

#include "common/auth/tests/test_keys.h"
#include "common/auth/token.h"

namespace huinong::auth {
namespace {

using namespace ::huinong::auth::testing;  // NOLINT: the test keys and clock

Claims StaffClaims() {
  Claims claims;
  claims.subject = "staff-1";
  claims.roles = {"teller"};
  claims.issuer = std::string(kIssuer);
  claims.audience = std::string(kAudience);
  return claims;
}

VerifierConfig Es256Config() {
  return {std::string(kIssuer), std::string(kAudience), "", EcP256().public_pem, absl::Seconds(30)};
}

VerifierConfig Hs256Config() {
  return {std::string(kIssuer), std::string(kAudience), std::string(kSecret), "", absl::Seconds(30)};
}

void BM_Es256VerifySharedVerifier(benchmark::State& state) {
  auto verifier = *TokenVerifier::Create(Es256Config());
  const std::string token = *MintWithPrivateKey(StaffClaims(), EcP256().private_pem, kNow);
  for (auto _ : state) benchmark::DoNotOptimize(verifier->Verify(token, kNow));
}
BENCHMARK(BM_Es256VerifySharedVerifier);

void BM_Es256VerifyParsingTheKeyEachCall(benchmark::State& state) {
  const std::string token = *MintWithPrivateKey(StaffClaims(), EcP256().private_pem, kNow);
  for (auto _ : state) {
    auto verifier = *TokenVerifier::Create(Es256Config());
    benchmark::DoNotOptimize(verifier->Verify(token, kNow));
  }
}
BENCHMARK(BM_Es256VerifyParsingTheKeyEachCall);

void BM_Hs256VerifySharedVerifier(benchmark::State& state) {
  auto verifier = *TokenVerifier::Create(Hs256Config());
  const std::string token = *MintHs256(StaffClaims(), kSecret, kNow);
  for (auto _ : state) benchmark::DoNotOptimize(verifier->Verify(token, kNow));
}
BENCHMARK(BM_Hs256VerifySharedVerifier);

}  // namespace
}  // namespace huinong::auth

BENCHMARK_MAIN();
