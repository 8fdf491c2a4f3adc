// Monotonic ULID generation; see ids.h.
#include "common/core/ids.h"

#include <openssl/rand.h>
#include <pthread.h>

#include <cstdint>
#include <cstring>
#include <random>

#include "absl/base/thread_annotations.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "common/core/string_views.h"

namespace huinong {
namespace {

constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr uint64_t kMaxMillis = (uint64_t{1} << 48) - 1;
constexpr uint64_t kRandomHighMask = 0xFFFF;  // the top 16 of the 80 random bits

struct Random80 {
  uint64_t high = 0;  // 16 bits used
  uint64_t low = 0;
};

// CSPRNG bytes drawn a block at a time: one RAND_bytes call (tens of
// thousands of instructions in OpenSSL 3, and a getpid() for its fork check)
// serves about 400 ids instead of one. Each id still gets 80 fresh bits.
constexpr size_t kPoolBytes = 4096;

void FillFromCsprng(unsigned char* bytes, size_t n) {
  if (RAND_bytes(bytes, static_cast<int>(n)) != 1) {
    // OpenSSL's generator failed (it practically never does); the kernel's
    // generator behind random_device is still a CSPRNG.
    std::random_device device;
    for (size_t k = 0; k < n; ++k) bytes[k] = static_cast<unsigned char>(device());
  }
}

struct Generator {
  absl::Mutex mu;
  uint64_t last_millis ABSL_GUARDED_BY(mu) = 0;
  Random80 last_random ABSL_GUARDED_BY(mu);
  unsigned char pool[kPoolBytes] ABSL_GUARDED_BY(mu);
  size_t pool_used ABSL_GUARDED_BY(mu) = kPoolBytes;  // empty: filled on first use
};

Generator& TheGenerator();

// A forked child must not hand out its parent's unused random bytes, nor
// continue its parent's last id by incrementing it: both would repeat the
// parent's next ids. The child starts with an empty pool and no last id.
void ForgetAfterFork() ABSL_NO_THREAD_SAFETY_ANALYSIS {
  Generator& gen = TheGenerator();
  gen.pool_used = kPoolBytes;
  gen.last_millis = 0;
}

Generator& TheGenerator() {
  static Generator* generator = [] {
    pthread_atfork(nullptr, nullptr, ForgetAfterFork);
    return new Generator;
  }();
  return *generator;
}

Random80 DrawRandom(Generator& gen) ABSL_EXCLUSIVE_LOCKS_REQUIRED(gen.mu) {
  if (gen.pool_used + 10 > kPoolBytes) {
    FillFromCsprng(gen.pool, kPoolBytes);
    gen.pool_used = 0;
  }
  const unsigned char* bytes = gen.pool + gen.pool_used;
  Random80 r;
  r.high = (uint64_t{bytes[0]} << 8) | bytes[1];
  for (int k = 2; k < 10; ++k) r.low = (r.low << 8) | bytes[k];
  // Used bytes are not kept around to be read later.
  std::memset(gen.pool + gen.pool_used, 0, 10);
  gen.pool_used += 10;
  return r;
}

std::string Encode(uint64_t millis, Random80 random) {
  // 128 bits as two halves: [48-bit time | 16 random bits] [64 random bits].
  const uint64_t hi = (millis << 16) | random.high;
  const uint64_t lo = random.low;
  std::string out(26, '0');
  // Character k (from the right) holds bits 5k..5k+4 of the 128-bit value.
  for (int k = 0; k < 26; ++k) {
    const int bit = 5 * k;
    uint64_t v;
    if (bit >= 64) {
      v = hi >> (bit - 64);
    } else if (bit + 5 <= 64) {
      v = lo >> bit;
    } else {
      v = (lo >> bit) | (hi << (64 - bit));
    }
    out[25 - k] = kAlphabet[v & 0x1F];
  }
  return out;
}

int DecodeChar(char c) {
  for (int k = 0; k < 32; ++k) {
    if (kAlphabet[k] == c) return k;
  }
  return -1;
}

}  // namespace

std::string NewUlid() {
  const int64_t now = absl::ToUnixMillis(absl::Now());
  uint64_t millis = now < 0 ? 0 : static_cast<uint64_t>(now);
  Random80 random;
  Generator& gen = TheGenerator();
  {
    absl::MutexLock lock(&gen.mu);
    if (millis > gen.last_millis) {
      random = DrawRandom(gen);
    } else {
      // Same millisecond, or the clock stepped back: stay on the last
      // millisecond and increment, which keeps ids strictly increasing.
      millis = gen.last_millis;
      random = gen.last_random;
      if (++random.low == 0 && (++random.high & ~kRandomHighMask) != 0) {
        // 2^80 ids in one millisecond cannot happen in practice, but if the
        // randomness overflows, borrow the next millisecond rather than fail.
        millis = gen.last_millis + 1;
        random = DrawRandom(gen);
      }
    }
    if (millis > kMaxMillis) millis = kMaxMillis;  // year 10889
    gen.last_millis = millis;
    gen.last_random = random;
  }
  return Encode(millis, random);
}

bool IsUlid(std::string_view id) {
  if (id.size() != 26 || id[0] < '0' || id[0] > '7') return false;
  for (char c : id) {
    if (DecodeChar(c) < 0) return false;
  }
  return true;
}

absl::StatusOr<absl::Time> UlidTime(std::string_view id) {
  if (!IsUlid(id)) {
    return absl::InvalidArgumentError(absl::StrCat("\"", ToAbsl(id), "\" is not a ULID"));
  }
  // The first 10 characters hold the 48-bit time (the top 2 of 50 bits are 0).
  int64_t millis = 0;
  for (int k = 0; k < 10; ++k) millis = (millis << 5) | DecodeChar(id[k]);
  return absl::FromUnixMillis(millis);
}

}  // namespace huinong
