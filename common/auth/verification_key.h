// The one key (and so the one algorithm) a verifier accepts, parsed once and
// shared read-only by every verifying thread. Signatures are checked with
// OpenSSL directly: HMAC-SHA256 for a secret, EVP_DigestVerify on a cached
// EVP_PKEY for RSA (RS256) and EC P-256 (ES256).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

struct evp_pkey_st;  // OpenSSL's EVP_PKEY; kept out of this header

namespace huinong::auth::internal {

enum class Algorithm { kHs256, kRs256, kEs256 };

// The JOSE "alg" name: "HS256", "RS256", "ES256".
std::string_view AlgorithmName(Algorithm algorithm);

class VerificationKey {
 public:
  // INVALID_ARGUMENT for a secret shorter than kMinHs256SecretBytes.
  static absl::StatusOr<std::unique_ptr<VerificationKey>> FromSecret(std::string_view secret);
  // A PEM "PUBLIC KEY" (SubjectPublicKeyInfo). INVALID_ARGUMENT unless RSA of
  // at least 2048 bits or EC on P-256.
  static absl::StatusOr<std::unique_ptr<VerificationKey>> FromPublicKeyPem(std::string_view pem);

  ~VerificationKey();
  VerificationKey(const VerificationKey&) = delete;
  VerificationKey& operator=(const VerificationKey&) = delete;

  Algorithm algorithm() const { return algorithm_; }

  // True iff `signature` (raw JWS bytes) signs `signing_input` under this key.
  // Thread-safe; leaves the calling thread's OpenSSL error queue as it found it.
  bool Verify(std::string_view signing_input, std::string_view signature) const;

 private:
  VerificationKey(Algorithm algorithm, std::string secret, evp_pkey_st* public_key);

  bool VerifyHmac(std::string_view signing_input, std::string_view signature) const;
  bool VerifyPublicKey(std::string_view signing_input, std::string_view signature) const;

  Algorithm algorithm_;
  std::string secret_;                // HS256 only; scrubbed on destruction
  evp_pkey_st* public_key_ = nullptr;  // RS256/ES256 only
};

// The signing algorithm a PEM private key calls for (RS256 for RSA >= 2048 bits,
// ES256 for EC P-256); INVALID_ARGUMENT otherwise.
absl::StatusOr<Algorithm> PrivateKeyAlgorithm(std::string_view private_key_pem);

}  // namespace huinong::auth::internal
