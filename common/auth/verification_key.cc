// Key parsing and signature checks with OpenSSL 3. Why not libjwt's
// jwt_decode: it takes the algorithm from the token header (so an HS256 token
// "verifies" against a public key used as an HMAC secret, and alg=none passes
// without a key) and it re-parses the PEM on every call. Here the key is parsed
// once and the algorithm is the key's.
#include "common/auth/verification_key.h"

#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/objects.h>
#include <openssl/pem.h>


#include "absl/status/status.h"
#include "common/auth/token.h"

namespace huinong::auth::internal {
namespace {

constexpr int kMinRsaBits = 2048;
constexpr size_t kHs256Bytes = 32;
constexpr size_t kEs256CoordinateBytes = 32;

// Restores the thread's OpenSSL error queue on scope exit, so failures here
// never surface later in unrelated OpenSSL users (gRPC's TLS reads that queue).
class ErrorQueueMark {
 public:
  ErrorQueueMark() { ERR_set_mark(); }
  ~ErrorQueueMark() { ERR_pop_to_mark(); }
  ErrorQueueMark(const ErrorQueueMark&) = delete;
  ErrorQueueMark& operator=(const ErrorQueueMark&) = delete;
};

struct PkeyFree {
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyFree>;

// Refuse to prompt on the terminal for an encrypted key's passphrase.
int NoPassphrase(char*, int, int, void*) { return 0; }

enum class PemKind { kPublic, kPrivate };

PkeyPtr ReadPem(std::string_view pem, PemKind kind) {
  if (pem.empty() || pem.size() > 64 * 1024) return nullptr;
  BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
  if (bio == nullptr) return nullptr;
  EVP_PKEY* key = kind == PemKind::kPublic ? PEM_read_bio_PUBKEY(bio, nullptr, NoPassphrase, nullptr)
                                           : PEM_read_bio_PrivateKey(bio, nullptr, NoPassphrase, nullptr);
  BIO_free(bio);
  return PkeyPtr(key);
}

absl::StatusOr<Algorithm> AlgorithmForKey(EVP_PKEY* key) {
  if (EVP_PKEY_is_a(key, "RSA")) {
    if (EVP_PKEY_get_bits(key) < kMinRsaBits) {
      return absl::InvalidArgumentError("RSA key must have at least 2048 bits");
    }
    return Algorithm::kRs256;
  }
  if (EVP_PKEY_is_a(key, "EC")) {
    char group[80] = {};
    size_t group_len = 0;
    if (EVP_PKEY_get_group_name(key, group, sizeof(group), &group_len) != 1 ||
        OBJ_txt2nid(group) != NID_X9_62_prime256v1) {
      return absl::InvalidArgumentError("EC key must be on curve P-256 (ES256)");
    }
    return Algorithm::kEs256;
  }
  return absl::InvalidArgumentError("key must be RSA (RS256) or EC P-256 (ES256)");
}

// JWS carries an ES256 signature as r||s (32 bytes each); OpenSSL wants DER.
std::string Es256RawToDer(std::string_view raw) {
  ECDSA_SIG* sig = ECDSA_SIG_new();
  if (sig == nullptr) return {};
  const auto* bytes = reinterpret_cast<const unsigned char*>(raw.data());
  BIGNUM* r = BN_bin2bn(bytes, kEs256CoordinateBytes, nullptr);
  BIGNUM* s = BN_bin2bn(bytes + kEs256CoordinateBytes, kEs256CoordinateBytes, nullptr);
  if (r == nullptr || s == nullptr || ECDSA_SIG_set0(sig, r, s) != 1) {
    BN_free(r);
    BN_free(s);
    ECDSA_SIG_free(sig);
    return {};
  }
  std::string der;
  const int len = i2d_ECDSA_SIG(sig, nullptr);
  if (len > 0) {
    der.resize(static_cast<size_t>(len));
    auto* out = reinterpret_cast<unsigned char*>(der.data());
    if (i2d_ECDSA_SIG(sig, &out) != len) der.clear();
  }
  ECDSA_SIG_free(sig);
  return der;
}

}  // namespace

std::string_view AlgorithmName(Algorithm algorithm) {
  switch (algorithm) {
    case Algorithm::kHs256: return "HS256";
    case Algorithm::kRs256: return "RS256";
    case Algorithm::kEs256: return "ES256";
  }
  return "";
}

VerificationKey::VerificationKey(Algorithm algorithm, std::string secret, evp_pkey_st* public_key)
    : algorithm_(algorithm), secret_(std::move(secret)), public_key_(public_key) {}

VerificationKey::~VerificationKey() {
  OPENSSL_cleanse(secret_.data(), secret_.size());
  EVP_PKEY_free(public_key_);
}

absl::StatusOr<std::unique_ptr<VerificationKey>> VerificationKey::FromSecret(std::string_view secret) {
  if (secret.size() < kMinHs256SecretBytes) {
    return absl::InvalidArgumentError("HS256 secret must be at least 32 bytes");
  }
  return std::unique_ptr<VerificationKey>(
      new VerificationKey(Algorithm::kHs256, std::string(secret), nullptr));
}

absl::StatusOr<std::unique_ptr<VerificationKey>> VerificationKey::FromPublicKeyPem(std::string_view pem) {
  ErrorQueueMark mark;
  PkeyPtr key = ReadPem(pem, PemKind::kPublic);
  if (key == nullptr) {
    return absl::InvalidArgumentError("public key is not a PEM SubjectPublicKeyInfo ('BEGIN PUBLIC KEY')");
  }
  absl::StatusOr<Algorithm> algorithm = AlgorithmForKey(key.get());
  if (!algorithm.ok()) return algorithm.status();
  return std::unique_ptr<VerificationKey>(new VerificationKey(*algorithm, "", key.release()));
}

bool VerificationKey::Verify(std::string_view signing_input, std::string_view signature) const {
  if (algorithm_ == Algorithm::kHs256) return VerifyHmac(signing_input, signature);
  return VerifyPublicKey(signing_input, signature);
}

bool VerificationKey::VerifyHmac(std::string_view signing_input, std::string_view signature) const {
  if (signature.size() != kHs256Bytes) return false;
  ErrorQueueMark mark;
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int mac_len = 0;
  if (HMAC(EVP_sha256(), secret_.data(), static_cast<int>(secret_.size()),
           reinterpret_cast<const unsigned char*>(signing_input.data()), signing_input.size(), mac,
           &mac_len) == nullptr ||
      mac_len != kHs256Bytes) {
    return false;
  }
  return CRYPTO_memcmp(mac, signature.data(), kHs256Bytes) == 0;  // constant time
}

bool VerificationKey::VerifyPublicKey(std::string_view signing_input, std::string_view signature) const {
  std::string der;
  if (algorithm_ == Algorithm::kEs256) {
    if (signature.size() != 2 * kEs256CoordinateBytes) return false;
  } else if (signature.size() != static_cast<size_t>(EVP_PKEY_get_size(public_key_))) {
    return false;
  }
  ErrorQueueMark mark;
  if (algorithm_ == Algorithm::kEs256) {
    der = Es256RawToDer(signature);
    if (der.empty()) return false;
    signature = der;
  }
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  if (ctx == nullptr) return false;
  // The digest is fixed here, never read from the token.
  const bool ok =
      EVP_DigestVerifyInit_ex(ctx, nullptr, "SHA256", nullptr, nullptr, public_key_, nullptr) == 1 &&
      EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
                       reinterpret_cast<const unsigned char*>(signing_input.data()),
                       signing_input.size()) == 1;
  EVP_MD_CTX_free(ctx);
  return ok;
}

absl::StatusOr<Algorithm> PrivateKeyAlgorithm(std::string_view private_key_pem) {
  ErrorQueueMark mark;
  PkeyPtr key = ReadPem(private_key_pem, PemKind::kPrivate);
  if (key == nullptr) {
    return absl::InvalidArgumentError("private key is not an unencrypted PEM private key");
  }
  return AlgorithmForKey(key.get());
}

}  // namespace huinong::auth::internal
