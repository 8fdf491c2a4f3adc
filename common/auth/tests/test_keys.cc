// Key generation and token construction for the auth tests, with OpenSSL
// directly so the fixtures do not depend on the code under test.
#include "common/auth/tests/test_keys.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>

#include <cstdlib>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"

namespace huinong::auth::testing {
namespace {

std::string DrainBio(BIO* bio) {
  char* data = nullptr;
  const long len = BIO_get_mem_data(bio, &data);
  std::string out(data, static_cast<size_t>(len));
  BIO_free(bio);
  return out;
}

KeyPair ToPem(EVP_PKEY* key) {
  if (key == nullptr) std::abort();
  KeyPair pair;
  BIO* priv = BIO_new(BIO_s_mem());
  if (PEM_write_bio_PrivateKey(priv, key, nullptr, nullptr, 0, nullptr, nullptr) != 1) std::abort();
  pair.private_pem = DrainBio(priv);
  BIO* pub = BIO_new(BIO_s_mem());
  if (PEM_write_bio_PUBKEY(pub, key) != 1) std::abort();
  pair.public_pem = DrainBio(pub);
  EVP_PKEY_free(key);
  return pair;
}

}  // namespace

KeyPair GenerateRsa(int bits) {
  return ToPem(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(bits)));
}

KeyPair GenerateEc(const char* curve) { return ToPem(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", curve)); }

const KeyPair& Rsa2048() {
  static const KeyPair* pair = new KeyPair(GenerateRsa(2048));
  return *pair;
}

const KeyPair& EcP256() {
  static const KeyPair* pair = new KeyPair(GenerateEc("P-256"));
  return *pair;
}

std::string B64(std::string_view bytes) {
  return absl::WebSafeBase64Escape(absl::string_view(bytes.data(), bytes.size()));
}

std::string HmacSha256(std::string_view key, std::string_view data) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(data.data()), data.size(), mac, &len);
  return std::string(reinterpret_cast<char*>(mac), len);
}

std::string HandBuilt(std::string_view header_json, std::string_view payload_json,
                      std::string_view signature) {
  return absl::StrCat(B64(header_json), ".", B64(payload_json), ".", B64(signature));
}

std::string HandBuiltHs256(std::string_view header_json, std::string_view payload_json,
                           std::string_view secret) {
  const std::string input = absl::StrCat(B64(header_json), ".", B64(payload_json));
  return absl::StrCat(input, ".", B64(HmacSha256(secret, input)));
}

std::string Payload(std::string_view extra) {
  const int64_t now = absl::ToUnixSeconds(kNow);
  return absl::StrCat(R"({"iss":")", std::string(kIssuer), R"(","aud":")", std::string(kAudience),
                      R"(","sub":"staff-0042",)", R"("iat":)", now, R"(,"exp":)", now + 3600,
                      extra.empty() ? "" : ",", std::string(extra), "}");
}

}  // namespace huinong::auth::testing
