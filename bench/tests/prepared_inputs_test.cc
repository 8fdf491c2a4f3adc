// Prepared inputs: every item is sent once, leftovers carry over to the next
// measurement, running out is known, and a failing item stops the top-up.
#include "bench/prepared_inputs.h"

#include <set>

#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"

namespace huinong::bench {
namespace {

std::string Text(const grpc::ByteBuffer& b) {
  std::vector<grpc::Slice> slices;
  EXPECT_TRUE(b.Dump(&slices).ok());
  std::string out;
  for (const grpc::Slice& s : slices) out.append(reinterpret_cast<const char*>(s.begin()), s.size());
  return out;
}

grpc::ByteBuffer Bytes(const std::string& text) {
  grpc::Slice slice(text);
  return grpc::ByteBuffer(&slice, 1);
}

ItemMaker Numbered(std::atomic<int>* calls) {
  return [calls](int64_t item) -> absl::StatusOr<grpc::ByteBuffer> {
    ++*calls;
    return Bytes(absl::StrCat("item ", item));
  };
}

TEST(PreparedInputsTest, EachItemOnceAndLeftoversCarryOver) {
  std::atomic<int> calls{0};
  PreparedInputs inputs(Numbered(&calls));
  ASSERT_TRUE(inputs.TopUp(5, 3).ok());
  EXPECT_EQ(calls.load(), 5);
  std::set<std::string> sent;
  for (int i = 0; i < 3; ++i) sent.insert(Text(inputs.Next(i)));
  EXPECT_EQ(sent, (std::set<std::string>{"item 0", "item 1", "item 2"}));
  EXPECT_EQ(inputs.unused(), 2);
  // The next measurement wants 4: two are left, so two more are made.
  ASSERT_TRUE(inputs.TopUp(4, 2).ok());
  EXPECT_EQ(calls.load(), 7);
  EXPECT_EQ(inputs.made(), 7);
  for (int i = 0; i < 4; ++i) sent.insert(Text(inputs.Next(i)));
  EXPECT_EQ(sent.size(), 7u);
  EXPECT_FALSE(inputs.exhausted());
}

TEST(PreparedInputsTest, RunningOutIsKnownAndClearedByTheNextTopUp) {
  std::atomic<int> calls{0};
  PreparedInputs inputs(Numbered(&calls));
  ASSERT_TRUE(inputs.TopUp(2, 1).ok());
  inputs.Next(0);
  inputs.Next(1);
  EXPECT_FALSE(inputs.exhausted());
  EXPECT_EQ(Text(inputs.Next(2)), "item 1");  // the last again, never a fresh one
  EXPECT_TRUE(inputs.exhausted());
  ASSERT_TRUE(inputs.TopUp(2, 1).ok());
  EXPECT_FALSE(inputs.exhausted());
}

TEST(PreparedInputsTest, AFailingItemFailsTheTopUpAndAddsNothing) {
  PreparedInputs inputs([](int64_t item) -> absl::StatusOr<grpc::ByteBuffer> {
    if (item == 3) return absl::FailedPreconditionError("borrower not eligible");
    return Bytes("ok");
  });
  absl::Status s = inputs.TopUp(8, 4);
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(inputs.made(), 0);
}

TEST(ItemsForTest, RateOverWarmupAndWindowPlusOnePerSlot) {
  LoopOptions loop;
  loop.concurrency = 16;
  loop.warmup = absl::Seconds(3);
  loop.duration = absl::Seconds(10);
  EXPECT_EQ(ItemsFor(500, loop), 500 * 13 + 16);
  loop.count = 1000;  // count mode: the count at the rate, plus the warm-up
  EXPECT_EQ(ItemsFor(500, loop), 500 * 3 + 1000 + 16);
}

}  // namespace
}  // namespace huinong::bench
