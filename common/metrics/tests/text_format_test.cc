// Tests for the exposition-format helpers: names, escaping, numbers that
// Prometheus (Go's ParseFloat) reads back exactly.
#include "common/metrics/text_format.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <limits>

namespace huinong::metrics::text {
namespace {

std::string Number(double v) {
  std::string out;
  AppendNumber(out, v);
  return out;
}

TEST(TextFormatTest, MetricNames) {
  EXPECT_TRUE(IsValidMetricName("grpc_server_handled_total"));
  EXPECT_TRUE(IsValidMetricName("job:rate5m"));
  EXPECT_TRUE(IsValidMetricName("_x9"));
  EXPECT_FALSE(IsValidMetricName(""));
  EXPECT_FALSE(IsValidMetricName("9lives"));
  EXPECT_FALSE(IsValidMetricName("has-dash"));
  EXPECT_FALSE(IsValidMetricName("has space"));
  EXPECT_FALSE(IsValidMetricName("汇农"));
}

TEST(TextFormatTest, LabelNames) {
  EXPECT_TRUE(IsValidLabelName("township"));
  EXPECT_TRUE(IsValidLabelName("_private"));
  EXPECT_TRUE(IsValidLabelName("a1"));
  EXPECT_FALSE(IsValidLabelName(""));
  EXPECT_FALSE(IsValidLabelName("__name__"));
  EXPECT_FALSE(IsValidLabelName("1a"));
  EXPECT_FALSE(IsValidLabelName("a:b"));  // colons are for metric names only
}

TEST(TextFormatTest, NumbersAreShortestAndPrometheusSpelled) {
  EXPECT_EQ(Number(0), "0");
  EXPECT_EQ(Number(1), "1");
  EXPECT_EQ(Number(-2.5), "-2.5");
  EXPECT_EQ(Number(0.1), "0.1");
  EXPECT_EQ(Number(0.0005), "0.0005");
  EXPECT_EQ(Number(1e-5), "1e-05");
  EXPECT_EQ(Number(150000000), "150000000");  // fen amounts stay readable
  EXPECT_EQ(Number(123456789012.0), "123456789012");
  EXPECT_EQ(Number(1e20), "100000000000000000000");
  EXPECT_EQ(Number(1.5e21), "1.5e+21");
  EXPECT_EQ(Number(std::numeric_limits<double>::infinity()), "+Inf");
  EXPECT_EQ(Number(-std::numeric_limits<double>::infinity()), "-Inf");
  EXPECT_EQ(Number(std::nan("")), "NaN");
}

TEST(TextFormatTest, BucketBoundsMatchGoClientSpelling) {
  auto bound = [](double v) {
    std::string out;
    AppendBucketBound(out, v);
    return out;
  };
  // strconv.FormatFloat(v, 'g', -1, 64) for each of these.
  EXPECT_EQ(bound(0.0005), "0.0005");
  EXPECT_EQ(bound(0.00005), "5e-05");
  EXPECT_EQ(bound(0.025), "0.025");
  EXPECT_EQ(bound(2.5), "2.5");
  EXPECT_EQ(bound(10), "10");
  EXPECT_EQ(bound(100000), "100000");
  EXPECT_EQ(bound(1e6), "1e+06");
  EXPECT_EQ(bound(1234567), "1.234567e+06");
  EXPECT_EQ(bound(std::numeric_limits<double>::infinity()), "+Inf");
}

TEST(TextFormatTest, NumbersRoundTrip) {
  for (double v : {0.1 + 0.2, 1.0 / 3.0, 2.5e-300, 1.7976931348623157e308, 4.9e-324,
                   9007199254740993.0, -0.000123456789}) {
    const std::string s = Number(v);
    EXPECT_EQ(std::strtod(s.c_str(), nullptr), v) << s;
    std::string b;
    AppendBucketBound(b, v);
    EXPECT_EQ(std::strtod(b.c_str(), nullptr), v) << b;
  }
}

TEST(TextFormatTest, LabelValueEscaping) {
  std::string out;
  AppendEscapedLabelValue(out, "C:\\dir \"quoted\"\nnext 镇");
  EXPECT_EQ(out, "C:\\\\dir \\\"quoted\\\"\\nnext 镇");
}

TEST(TextFormatTest, HelpEscapingLeavesQuotes) {
  std::string out;
  AppendEscapedHelp(out, "a\\b \"c\"\nd");
  EXPECT_EQ(out, "a\\\\b \"c\"\\nd");
}

}  // namespace
}  // namespace huinong::metrics::text
