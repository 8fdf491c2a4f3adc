// SHA-256 for the places that need a digest: migration checksums, request
// fingerprints, the audit hash chain. Raw 32-byte digests and lower-case hex.
#pragma once

#include <string>
#include <string_view>

namespace huinong {

std::string Sha256(std::string_view bytes);     // 32 raw bytes
std::string Sha256Hex(std::string_view bytes);  // 64 lower-case hex characters
std::string HexEncode(std::string_view bytes);

}  // namespace huinong
