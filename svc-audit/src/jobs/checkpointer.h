// Signs checkpoints: every `every` events or every `interval`, whichever
// comes first, the current head of the chain (sequence, hash, time, key id)
// is signed with Ed25519 and stored. Several replicas may run it: a
// checkpoint is keyed by its sequence, so a second one for the same head is
// ignored. Runs on its own thread; Stop() signs a last one if the head moved.
#pragma once

#include <thread>

#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "common/audit_chain/signature.h"
#include "common/db/pool.h"

namespace huinong::audit {

class Checkpointer {
 public:
  Checkpointer(db::DbPool& pool, SigningKeyPair key, int64_t every, absl::Duration interval);
  ~Checkpointer();

  // Records the signing key, then starts the thread.
  absl::Status Start();
  void Stop();
  // Signs the head now if it moved since the last checkpoint (tests, shutdown).
  absl::Status SignHead();

 private:
  void Loop();

  db::DbPool& pool_;
  SigningKeyPair key_;
  int64_t every_;
  absl::Duration interval_;
  absl::Notification stop_;
  std::thread thread_;
};

}  // namespace huinong::audit
