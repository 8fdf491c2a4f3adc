// Tests the /metrics HTTP endpoint (prometheus-cpp's Exposer) over a real
// local socket.
#include "common/metrics/endpoint.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <string>

namespace huinong::metrics {
namespace {

TEST(MetricsEndpointTest, ServesTheRegistryAndNotFoundElsewhere) {
  Registry registry;
  registry.AddCounter("scrape_demo_total", "Demo.", {"k"}).WithLabels({"v"}).Inc(42);
  MetricsEndpoint endpoint(registry);
  ASSERT_TRUE(endpoint.Start("127.0.0.1", 0).ok());
  ASSERT_GT(endpoint.port(), 0);

  httplib::Client client("127.0.0.1", endpoint.port());
  auto response = client.Get("/metrics");
  ASSERT_TRUE(response) << httplib::to_string(response.error());
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->get_header_value("Content-Type"), "text/plain; charset=utf-8");
  // The registry's exposition, whole, then the Exposer's own families.
  EXPECT_NE(response->body.find(registry.Render()), std::string::npos) << response->body;
  EXPECT_NE(response->body.find("scrape_demo_total{k=\"v\"} 42\n"), std::string::npos);
  EXPECT_NE(response->body.find("# TYPE exposer_scrapes_total counter\n"), std::string::npos);

  auto other = client.Get("/");
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 404);
  auto health = client.Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 404);
}

TEST(MetricsEndpointTest, EachScrapeSeesCurrentValues) {
  Registry registry;
  Gauge& gauge = registry.AddGauge("live_value", "Live.").WithLabels({});
  MetricsEndpoint endpoint(registry);
  ASSERT_TRUE(endpoint.Start("127.0.0.1", 0).ok());
  httplib::Client client("127.0.0.1", endpoint.port());
  gauge.Set(1);
  auto first = client.Get("/metrics");
  gauge.Set(2);
  auto second = client.Get("/metrics");
  ASSERT_TRUE(first && second);
  EXPECT_NE(first->body.find("live_value 1\n"), std::string::npos);
  EXPECT_NE(second->body.find("live_value 2\n"), std::string::npos);
}

TEST(MetricsEndpointTest, BusyPortIsAnError) {
  Registry registry;
  MetricsEndpoint first(registry);
  ASSERT_TRUE(first.Start("127.0.0.1", 0).ok());
  MetricsEndpoint second(registry);
  const absl::Status status = second.Start("127.0.0.1", first.port());
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(status.code(), absl::StatusCode::kUnavailable) << status;
}

TEST(MetricsEndpointTest, StartTwiceIsAnError) {
  Registry registry;
  MetricsEndpoint endpoint(registry);
  ASSERT_TRUE(endpoint.Start("127.0.0.1", 0).ok());
  EXPECT_EQ(endpoint.Start("127.0.0.1", 0).code(), absl::StatusCode::kFailedPrecondition);
}

TEST(MetricsEndpointTest, StopIsIdempotentAndClosesThePort) {
  Registry registry;
  MetricsEndpoint endpoint(registry);
  endpoint.Stop();  // before Start: nothing to do
  ASSERT_TRUE(endpoint.Start("127.0.0.1", 0).ok());
  const int port = endpoint.port();
  endpoint.Stop();
  endpoint.Stop();
  httplib::Client client("127.0.0.1", port);
  client.set_connection_timeout(1);
  EXPECT_FALSE(client.Get("/metrics"));

  // The port is free again, and the same object can serve on it.
  ASSERT_TRUE(endpoint.Start("127.0.0.1", port).ok());
  auto response = httplib::Client("127.0.0.1", port).Get("/metrics");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
}

TEST(MetricsEndpointTest, StopRightAfterStartDoesNotHang) {
  Registry registry;
  for (int i = 0; i < 20; ++i) {
    MetricsEndpoint endpoint(registry);
    ASSERT_TRUE(endpoint.Start("127.0.0.1", 0).ok());
    endpoint.Stop();
  }
}

}  // namespace
}  // namespace huinong::metrics
