// Log lines for hot paths (the access log: one line per RPC), batched.
//
// WriteBuffered formats the line exactly as log::Write would (same fields,
// same order, same escaping; see log.h) but appends it to a buffer of the
// calling thread instead of writing it: no lock shared with other threads and
// no system call per line. Buffers go out through log::WriteLines — one
// write(2) under the logger's lock for a whole batch — when:
//  - the thread's buffer reaches kBufferedFlushBytes (the thread that filled
//    it writes it),
//  - the flush interval passes (default 100 ms; a background thread started
//    with the first buffered line writes out every buffer then, and the
//    lines left by threads that have exited since),
//  - FlushBuffered() is called — the server bootstrap calls it after the last
//    call has drained, and the process calls it at exit().
//
// Guarantees:
//  - Nothing is lost on a clean stop: every line buffered before
//    FlushBuffered() (or exit()) begins is written when it returns. A crash
//    or SIGKILL loses at most the lines of the last flush interval.
//  - A line is written at most one flush interval (plus the time the writer
//    waits for the logger's lock and the disk) after it was buffered.
//  - Lines stay whole and never interleave; the lines of one thread come out
//    in the order that thread wrote them. Lines of different threads, and
//    buffered lines against log::Write's, are not in timestamp order: each
//    carries its own "ts".
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string_view>

#include "absl/time/time.h"
#include "common/core/log.h"

namespace huinong::log {

inline constexpr size_t kBufferedFlushBytes = 64 * 1024;  // as nginx's access_log buffer=64k
inline constexpr absl::Duration kBufferedFlushInterval = absl::Milliseconds(100);

// Buffers the line log::Write(level, msg, fields) would write; nothing when
// the level is below the minimum.
void WriteBuffered(Level level, std::string_view msg, std::initializer_list<Field> fields = {});

// Writes every thread's buffered lines now; returns once they are written.
void FlushBuffered();

// Changes the flush interval (tests: a long one shows the size trigger alone,
// a short one the timer). Takes effect at the flusher's next wake-up, which
// it causes at once.
void SetBufferedFlushInterval(absl::Duration interval);

}  // namespace huinong::log
