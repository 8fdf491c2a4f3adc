// Tests of the batched log: a buffered line is the line log::Write would
// write; nothing is written per line, but everything on FlushBuffered, when a
// buffer fills, when the flush interval passes and when the process exits,
// including the lines of threads that have exited; lines from concurrent
// threads stay whole and in order.
#include "common/core/buffered_log.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "common/core/tests/flat_json.h"
#include "common/core/tests/stderr_lines.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace huinong::log {
namespace {

constexpr absl::Duration kNever = absl::Hours(1);

// Captures lines in a sink. The flush interval is an hour unless a test says
// otherwise, so only what the test does writes lines.
class BufferedLog : public ::testing::Test {
 protected:
  void SetUp() override {
    Init("svc-buffered", Level::kInfo);
    SetBufferedFlushInterval(kNever);
    FlushBuffered();  // nothing left over from earlier tests
    absl::SleepFor(absl::Milliseconds(20));  // a flush already under way ends first
    SetSinkForTest([this](std::string_view line) {
      absl::MutexLock lock(&mu_);
      lines_.emplace_back(line);
    });
  }
  void TearDown() override {
    FlushBuffered();
    SetSinkForTest(nullptr);
    SetBufferedFlushInterval(kBufferedFlushInterval);
    Init("", Level::kInfo);
  }
  std::vector<std::string> Lines() {
    absl::MutexLock lock(&mu_);
    return lines_;
  }
  // The value of field `index` (0 = "ts") of each line.
  std::vector<std::string> Column(size_t index) {
    std::vector<std::string> out;
    for (const std::string& line : Lines()) {
      auto pairs = FlatJson(line).Parse();
      out.push_back(pairs && pairs->size() > index ? (*pairs)[index].second : "<not JSON: " + line + ">");
    }
    return out;
  }

  absl::Mutex mu_;
  std::vector<std::string> lines_;
};

TEST_F(BufferedLog, HeldUntilFlushedThenWrittenInOrderAsWriteWouldWriteThem) {
  WriteBuffered(Level::kInfo, "rpc", {{"method", "GetUnit"}, {"code", "OK"}, {"latency_ms", 0.25}});
  WriteBuffered(Level::kError, "rpc", {{"method", "CreateUnit"}, {"code", "INTERNAL"}});
  WriteBuffered(Level::kDebug, "probe");  // below the minimum level: never written
  EXPECT_TRUE(Lines().empty());
  FlushBuffered();
  const std::vector<std::string> lines = Lines();
  ASSERT_EQ(lines.size(), 2u);
  // The same bytes as FormatLine with the line's own timestamp.
  const std::string ts = (*FlatJson(lines[0]).Parse())[0].second;
  EXPECT_EQ(lines[0], FormatLine(ts, Level::kInfo, "svc-buffered", "rpc",
                                 {{"method", "GetUnit"}, {"code", "OK"}, {"latency_ms", 0.25}}));
  EXPECT_THAT(ts, ::testing::MatchesRegex(
                      "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{6}Z"));
  EXPECT_THAT(Column(1), ::testing::ElementsAre("info", "error"));
  EXPECT_THAT(Column(4), ::testing::ElementsAre("GetUnit", "CreateUnit"));
}

TEST_F(BufferedLog, AFullBufferIsWrittenByItsThreadWithoutWaitingForTheTimer) {
  const std::string padding(1000, 'p');
  const int lines_per_buffer = static_cast<int>(kBufferedFlushBytes / padding.size());
  for (int n = 0; n < lines_per_buffer + 10; ++n) {
    WriteBuffered(Level::kInfo, "tick", {{"n", n}, {"pad", padding}});
  }
  // At least the first full buffer is out, and not all lines: the rest wait.
  const size_t out = Lines().size();
  EXPECT_GE(out, static_cast<size_t>(lines_per_buffer) / 2);
  EXPECT_LT(out, static_cast<size_t>(lines_per_buffer) + 10);
  FlushBuffered();
  std::vector<std::string> expected;
  for (int n = 0; n < lines_per_buffer + 10; ++n) expected.push_back(std::to_string(n));
  EXPECT_EQ(Column(4), expected);
}

TEST_F(BufferedLog, TheTimerWritesALineWithinTheFlushInterval) {
  SetBufferedFlushInterval(kBufferedFlushInterval);
  const absl::Time written = absl::Now();
  WriteBuffered(Level::kInfo, "rpc", {{"n", 1}});
  absl::Time seen = absl::InfiniteFuture();
  while (absl::Now() < written + absl::Seconds(5)) {
    if (!Lines().empty()) {
      seen = absl::Now();
      break;
    }
    absl::SleepFor(absl::Milliseconds(2));
  }
  ASSERT_NE(seen, absl::InfiniteFuture()) << "not written within 5 s";
  // One interval, plus slack for a flusher thread waiting for one of two
  // shared cores; a timer that ignored the interval would take an hour.
  EXPECT_LE(seen - written, kBufferedFlushInterval + absl::Milliseconds(400));
}

TEST_F(BufferedLog, TheLinesOfAnExitedThreadGoOutWithTheNextFlush) {
  std::thread worker([] {
    for (int n = 0; n < 10; ++n) WriteBuffered(Level::kInfo, "work", {{"n", n}});
  });
  worker.join();
  EXPECT_TRUE(Lines().empty());
  FlushBuffered();
  EXPECT_THAT(Column(4), ::testing::ElementsAre("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
}

// The real stderr path: every line of 4 threads comes out whole, each
// thread's in order, with the size trigger and the final flush both at work.
TEST(BufferedLogStderr, ConcurrentLinesStayWholeAndInOrder) {
  FlushBuffered();
  StderrToFile capture;
  ASSERT_TRUE(capture.ok());
  Init("svc-stderr", Level::kInfo);
  constexpr int kThreads = 4;
  constexpr int kLines = 2000;
  const std::string padding(600, 'p');
  std::vector<std::thread> threads;
  absl::Notification go;
  absl::Notification done;
  std::atomic<int> finished{0};
  for (int t = 0; t < kThreads; ++t) {
    // Threads 0 and 1 exit when done, 2 and 3 stay until after the flush.
    threads.emplace_back([t, &padding, &go, &done, &finished] {
      go.WaitForNotification();
      for (int n = 0; n < kLines; ++n) {
        WriteBuffered(Level::kInfo, "tick", {{"thread", t}, {"n", n}, {"pad", padding}});
      }
      ++finished;
      if (t >= 2) done.WaitForNotification();
    });
  }
  go.Notify();
  threads[0].join();
  threads[1].join();
  while (finished.load() < kThreads) absl::SleepFor(absl::Milliseconds(5));
  FlushBuffered();
  done.Notify();
  threads[2].join();
  threads[3].join();
  capture.Restore();
  Init("", Level::kInfo);
  ExpectTickLinesWholeAndInOrder(capture.path(), kThreads, kLines);
}

// exit() writes what every thread still holds, including threads that are
// still running; the lines go to the child's stderr, which gtest matches.
void BufferThenExit() {
  Init("svc-exit", Level::kInfo);
  SetBufferedFlushInterval(kNever);
  absl::Notification buffered;
  std::thread([&buffered] {
    WriteBuffered(Level::kInfo, "from a running thread");
    buffered.Notify();
    absl::SleepFor(absl::Hours(1));
  }).detach();
  buffered.WaitForNotification();
  WriteBuffered(Level::kInfo, "from main");
  std::exit(0);
}

TEST(BufferedLogExit, NothingIsLostWhenTheProcessExits) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(BufferThenExit(), ::testing::ExitedWithCode(0),
              "\"msg\":\"from main\"(.|\n)*\"msg\":\"from a running thread\"|"
              "\"msg\":\"from a running thread\"(.|\n)*\"msg\":\"from main\"");
}

}  // namespace
}  // namespace huinong::log
