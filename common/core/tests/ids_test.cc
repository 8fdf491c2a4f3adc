// Tests of ULID generation: shape, uniqueness under concurrency and across
// fork, order.
#include "common/core/ids.h"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <set>
#include <thread>
#include <vector>

#include "absl/time/clock.h"
#include "gtest/gtest.h"

namespace huinong {
namespace {

TEST(CoreUlid, ShapeAndTime) {
  const absl::Time before = absl::Now();
  const std::string id = NewUlid();
  const absl::Time after = absl::Now();
  ASSERT_EQ(id.size(), 26u);
  EXPECT_TRUE(IsUlid(id)) << id;
  EXPECT_EQ(id.find_first_not_of("0123456789ABCDEFGHJKMNPQRSTVWXYZ"), std::string::npos);
  const auto t = UlidTime(id);
  ASSERT_TRUE(t.ok()) << t.status();
  EXPECT_GE(*t, absl::FromUnixMillis(absl::ToUnixMillis(before)));
  EXPECT_LE(*t, after);
}

TEST(CoreUlid, KnownEncoding) {
  // The ULID spec's example timestamp 1469918176385 ms encodes as 01ARYZ6S41.
  const auto t = UlidTime("01ARYZ6S41TSV4RRFFQ69G5FAV");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(absl::ToUnixMillis(*t), 1469918176385);
}

TEST(CoreUlid, IsUlidRejectsMalformed) {
  EXPECT_FALSE(IsUlid(""));
  EXPECT_FALSE(IsUlid("01ARYZ6S41TSV4RRFFQ69G5FA"));    // 25 chars
  EXPECT_FALSE(IsUlid("01ARYZ6S41TSV4RRFFQ69G5FAVX"));  // 27 chars
  EXPECT_FALSE(IsUlid("01ARYZ6S41TSV4RRFFQ69G5FAU"));   // U is not Crockford
  EXPECT_FALSE(IsUlid("01ARYZ6S41TSV4RRFFQ69G5FAI"));   // nor I
  EXPECT_FALSE(IsUlid("01aryz6s41tsv4rrffq69g5fav"));   // lower case
  EXPECT_FALSE(IsUlid("81ARYZ6S41TSV4RRFFQ69G5FAV"));   // over 128 bits
  EXPECT_TRUE(IsUlid("7ZZZZZZZZZZZZZZZZZZZZZZZZZ"));
  EXPECT_EQ(UlidTime("not-a-ulid").status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(CoreUlid, StrictlyIncreasingWithinOneThread) {
  std::string last = NewUlid();
  for (int n = 0; n < 100000; ++n) {
    std::string next = NewUlid();
    ASSERT_LT(last, next) << "at " << n;
    last = std::move(next);
  }
}

TEST(CoreUlid, UniqueAcrossFourThreadsAndOrderedPerThread) {
  constexpr int kThreads = 4;
  constexpr int kPerThread = 25000;  // 100k in all
  std::vector<std::vector<std::string>> ids(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&ids, t] {
      ids[t].reserve(kPerThread);
      for (int n = 0; n < kPerThread; ++n) ids[t].push_back(NewUlid());
    });
  }
  for (std::thread& th : threads) th.join();
  std::set<std::string> all;
  for (const auto& list : ids) {
    EXPECT_TRUE(std::is_sorted(list.begin(), list.end()));
    for (const std::string& id : list) {
      ASSERT_EQ(id.size(), 26u);
      all.insert(id);
    }
  }
  EXPECT_EQ(all.size(), static_cast<size_t>(kThreads * kPerThread));
}

TEST(CoreUlid, LaterIdsSortAfterEarlierAcrossMilliseconds) {
  const std::string first = NewUlid();
  absl::SleepFor(absl::Milliseconds(3));
  const std::string second = NewUlid();
  EXPECT_LT(first, second);
  EXPECT_GT(*UlidTime(second), *UlidTime(first));
  // A new millisecond draws fresh randomness: the random part is not just +1.
  EXPECT_NE(first.substr(10), second.substr(10));
}

// A child made by fork() must not repeat the ids its parent makes next (it
// would, from a copy of the parent's unused random bytes or by incrementing
// the parent's last id in the same millisecond).
TEST(CoreUlid, AForkedChildMakesOtherIdsThanItsParent) {
  NewUlid();  // the parent has a last id and unused random bytes
  int pipe_fds[2];
  ASSERT_EQ(pipe(pipe_fds), 0);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    const std::string id = NewUlid();
    _exit(write(pipe_fds[1], id.data(), id.size()) == static_cast<ssize_t>(id.size()) ? 0 : 1);
  }
  const std::string parent_id = NewUlid();
  close(pipe_fds[1]);
  char buf[32] = {};
  const ssize_t n = read(pipe_fds[0], buf, sizeof buf);
  close(pipe_fds[0]);
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_EQ(n, 26);
  const std::string child_id(buf, 26);
  EXPECT_TRUE(IsUlid(child_id)) << child_id;
  // The last 16 characters are random bits only: equal means the same draw.
  EXPECT_NE(child_id.substr(10), parent_id.substr(10)) << child_id << " " << parent_id;
}

}  // namespace
}  // namespace huinong
