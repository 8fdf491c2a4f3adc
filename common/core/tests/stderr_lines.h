// For the logger's stderr tests: fd 2 pointed at a temporary file while a
// test logs, and a check that the "tick" lines several threads wrote there
// ({"thread":t,"n":n,"pad":...} after the fixed fields) came out whole and, per
// thread, in order.
#pragma once

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "common/core/tests/flat_json.h"
#include "gtest/gtest.h"

namespace huinong::log {

class StderrToFile {
 public:
  StderrToFile() {
    fd_ = mkstemp(path_);
    saved_ = dup(STDERR_FILENO);
    fflush(stderr);
    redirected_ = fd_ >= 0 && saved_ >= 0 && dup2(fd_, STDERR_FILENO) == STDERR_FILENO;
  }
  ~StderrToFile() {
    Restore();
    unlink(path_);
  }
  bool ok() const { return redirected_; }
  // Points fd 2 back where it was; the file stays readable at path().
  void Restore() {
    if (saved_ >= 0) {
      dup2(saved_, STDERR_FILENO);
      close(saved_);
      saved_ = -1;
    }
    if (fd_ >= 0) {
      close(fd_);
      fd_ = -1;
    }
  }
  const char* path() const { return path_; }

 private:
  char path_[32] = "/tmp/huinong_log_test_XXXXXX";
  int fd_ = -1;
  int saved_ = -1;
  bool redirected_ = false;
};

// Every line is JSON with 7 fields; each thread's "n" counts 0, 1, 2, ... in
// file order; all `threads` x `lines` are there.
inline void ExpectTickLinesWholeAndInOrder(const char* path, int threads, int lines) {
  std::ifstream in(path);
  std::string line;
  std::vector<int> next(threads, 0);
  int count = 0;
  while (std::getline(in, line)) {
    const auto pairs = FlatJson(line).Parse();
    ASSERT_TRUE(pairs.has_value()) << "line " << count << ": " << line.substr(0, 200);
    ASSERT_EQ(pairs->size(), 7u);
    const int t = std::stoi((*pairs)[4].second);
    const int n = std::stoi((*pairs)[5].second);
    ASSERT_EQ(n, next[t]) << "lines of one thread out of order";
    ++next[t];
    ++count;
  }
  EXPECT_EQ(count, threads * lines);
}

}  // namespace huinong::log
