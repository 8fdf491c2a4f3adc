// Ed25519 signatures for checkpoints (OpenSSL). Keys are the raw 32-byte
// forms; the key id is the first 16 hex characters of SHA-256(public key), so
// anyone holding the public key can recompute it. Pure (no I/O but reading a
// PEM given as a string); VerifySignature never throws and answers false for
// a malformed key or signature.
#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace huinong::audit {

struct SigningKeyPair {
  std::string private_key;  // 32 raw bytes (seed)
  std::string public_key;   // 32 raw bytes
  std::string key_id;
};

absl::StatusOr<SigningKeyPair> GenerateSigningKey();
// From a PKCS#8 PEM private key as written by `openssl genpkey -algorithm ed25519`.
absl::StatusOr<SigningKeyPair> SigningKeyFromPem(absl::string_view pem);
std::string KeyId(absl::string_view public_key);

absl::StatusOr<std::string> Sign(const SigningKeyPair& key, absl::string_view message);
bool VerifySignature(absl::string_view public_key, absl::string_view message,
                     absl::string_view signature);

}  // namespace huinong::audit
