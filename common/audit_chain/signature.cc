#include "common/audit_chain/signature.h"

#include <memory>

#include <openssl/evp.h>
#include <openssl/pem.h>

#include "common/core/sha256.h"

namespace huinong::audit {
namespace {

using PKey = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using MdCtx = std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)>;

absl::StatusOr<SigningKeyPair> FromPKey(EVP_PKEY* pkey) {
  SigningKeyPair pair;
  pair.private_key.resize(32);
  pair.public_key.resize(32);
  size_t priv_len = 32, pub_len = 32;
  if (EVP_PKEY_get_raw_private_key(pkey, reinterpret_cast<unsigned char*>(pair.private_key.data()),
                                   &priv_len) != 1 ||
      EVP_PKEY_get_raw_public_key(pkey, reinterpret_cast<unsigned char*>(pair.public_key.data()),
                                  &pub_len) != 1 ||
      priv_len != 32 || pub_len != 32) {
    return absl::InvalidArgumentError("not an Ed25519 key");
  }
  pair.key_id = KeyId(pair.public_key);
  return pair;
}

}  // namespace

std::string KeyId(absl::string_view public_key) {
  return Sha256Hex(std::string_view(public_key.data(), public_key.size())).substr(0, 16);
}

absl::StatusOr<SigningKeyPair> GenerateSigningKey() {
  EVP_PKEY* raw = nullptr;
  std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> ctx(
      EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nullptr), &EVP_PKEY_CTX_free);
  if (!ctx || EVP_PKEY_keygen_init(ctx.get()) != 1 || EVP_PKEY_keygen(ctx.get(), &raw) != 1) {
    return absl::InternalError("Ed25519 key generation failed");
  }
  PKey pkey(raw, &EVP_PKEY_free);
  return FromPKey(pkey.get());
}

absl::StatusOr<SigningKeyPair> SigningKeyFromPem(absl::string_view pem) {
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(
      BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), &BIO_free);
  PKey pkey(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr), &EVP_PKEY_free);
  if (!pkey || EVP_PKEY_id(pkey.get()) != EVP_PKEY_ED25519) {
    return absl::InvalidArgumentError("the checkpoint signing key is not an Ed25519 PEM private key");
  }
  return FromPKey(pkey.get());
}

absl::StatusOr<std::string> Sign(const SigningKeyPair& key, absl::string_view message) {
  PKey pkey(EVP_PKEY_new_raw_private_key(
                EVP_PKEY_ED25519, nullptr,
                reinterpret_cast<const unsigned char*>(key.private_key.data()), key.private_key.size()),
            &EVP_PKEY_free);
  MdCtx ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  std::string sig(64, '\0');
  size_t len = sig.size();
  if (!pkey || !ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, pkey.get()) != 1 ||
      EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(sig.data()), &len,
                     reinterpret_cast<const unsigned char*>(message.data()), message.size()) != 1) {
    return absl::InternalError("Ed25519 signing failed");
  }
  sig.resize(len);
  return sig;
}

bool VerifySignature(absl::string_view public_key, absl::string_view message,
                     absl::string_view signature) {
  if (public_key.size() != 32 || signature.size() != 64) return false;
  PKey pkey(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr,
                                        reinterpret_cast<const unsigned char*>(public_key.data()),
                                        public_key.size()),
            &EVP_PKEY_free);
  MdCtx ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  if (!pkey || !ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, pkey.get()) != 1) {
    return false;
  }
  return EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()),
                          signature.size(), reinterpret_cast<const unsigned char*>(message.data()),
                          message.size()) == 1;
}

}  // namespace huinong::audit
