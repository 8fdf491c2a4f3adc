// Per-thread log buffers and their flusher; see buffered_log.h.
//
// Locks, always taken in this order: `write_mu` (one writer at a time: it is
// held from taking lines out of a buffer until they are written, which is
// what keeps one thread's lines in order), `registry_mu` (the set of buffers
// and the orphaned lines of exited threads), a buffer's own `mu` (its owner
// appends under it, writers take its lines under it), then the logger's lock
// inside WriteLines. The owner of a buffer takes only its own `mu` per line.
#include "common/core/buffered_log.h"

#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "absl/base/call_once.h"
#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"

namespace huinong::log {
namespace {

class ThreadBuffer;

struct Buffers {
  absl::Mutex write_mu;
  absl::Mutex registry_mu ABSL_ACQUIRED_AFTER(write_mu);
  std::vector<ThreadBuffer*> all ABSL_GUARDED_BY(registry_mu);
  // Lines of threads that have exited, written with the next flush: gRPC's
  // synchronous server starts and ends threads all the time, and a write(2)
  // per ending thread would undo much of the batching.
  std::string orphans ABSL_GUARDED_BY(registry_mu);

  absl::Mutex timer_mu;
  absl::CondVar timer_changed;
  absl::Duration interval ABSL_GUARDED_BY(timer_mu) = kBufferedFlushInterval;
  absl::once_flag flusher_started;
};

// Never destroyed: threads and exit handlers may flush during static destruction.
Buffers& TheBuffers() {
  static Buffers* buffers = new Buffers;
  return *buffers;
}

class ThreadBuffer {
 public:
  ThreadBuffer() {
    Buffers& b = TheBuffers();
    absl::MutexLock lock(&b.registry_mu);
    b.all.push_back(this);
  }

  // The thread is exiting: its lines join the orphans, written with the next
  // flush (these come after every earlier line of the thread: all of those
  // were written or are in this buffer).
  ~ThreadBuffer() {
    Buffers& b = TheBuffers();
    absl::MutexLock lock(&b.registry_mu);
    std::erase(b.all, this);
    TakeInto(&b.orphans);
  }

  // True when the buffer has reached the size that makes its owner write it.
  bool Append(Level level, std::string_view msg, std::initializer_list<Field> fields) {
    absl::MutexLock lock(&mu_);
    AppendLine(&lines_, level, msg, fields);
    return lines_.size() >= kBufferedFlushBytes;
  }

  // Moves the buffered lines to the end of `out`; the buffer keeps its capacity.
  void TakeInto(std::string* out) {
    absl::MutexLock lock(&mu_);
    out->append(lines_);
    lines_.clear();
  }

 private:
  absl::Mutex mu_;
  std::string lines_ ABSL_GUARDED_BY(mu_);
};

ThreadBuffer& Mine() {
  thread_local ThreadBuffer buffer;
  return buffer;
}

// Writes the calling thread's own buffer (it filled up).
void WriteMine() {
  Buffers& b = TheBuffers();
  absl::MutexLock write(&b.write_mu);
  std::string lines;
  Mine().TakeInto(&lines);
  WriteLines(lines);
}

// Flushes one interval after the last flush; a changed interval moves the
// due time at once (and a wake-up before it is due only re-waits).
void FlusherLoop() {
  Buffers& b = TheBuffers();
  absl::Time last = absl::Now();
  while (true) {
    {
      absl::MutexLock lock(&b.timer_mu);
      while (absl::Now() < last + b.interval) {
        b.timer_changed.WaitWithDeadline(&b.timer_mu, last + b.interval);
      }
    }
    FlushBuffered();
    last = absl::Now();
  }
}

void StartFlusher() {
  absl::call_once(TheBuffers().flusher_started, [] {
    std::thread(FlusherLoop).detach();
    // exit() runs this after the exiting thread's own buffer has been written
    // (thread_local destructors come first), so the other threads' lines
    // are not lost when main returns.
    std::atexit([] { FlushBuffered(); });
  });
}

}  // namespace

void WriteBuffered(Level level, std::string_view msg, std::initializer_list<Field> fields) {
  if (!Enabled(level)) return;
  StartFlusher();
  if (Mine().Append(level, msg, fields)) WriteMine();
}

void FlushBuffered() {
  Buffers& b = TheBuffers();
  absl::MutexLock write(&b.write_mu);
  std::string lines;
  {
    absl::MutexLock lock(&b.registry_mu);
    lines.swap(b.orphans);
    for (ThreadBuffer* buffer : b.all) buffer->TakeInto(&lines);
  }
  WriteLines(lines);
}

void SetBufferedFlushInterval(absl::Duration interval) {
  Buffers& b = TheBuffers();
  absl::MutexLock lock(&b.timer_mu);
  b.interval = interval;
  b.timer_changed.Signal();
}

}  // namespace huinong::log
