// Server reflection describes the whole API, as a new user's reflection-driven
// client (grpcurl, Postman) finds it: through the gateway, with no custom
// header, the list names every service of every backend, each can be
// described — every method with its input and output types, the same as the
// compiled .proto files — and calls built from those descriptions alone reach
// their own backend (the gateway routes them by path). Every service answers
// reflection for the whole API (common/server/api_reflection.h), so the
// x-huinong-backend header, which still picks the backend, changes nothing;
// a backend reached directly describes the whole API too.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include <google/protobuf/descriptor.h>
#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <gtest/gtest.h>

#include "absl/strings/match.h"
#include "huinong/org/v1/unit_service.grpc.pb.h"
#include "tests/e2e/reflection_client.h"
#include "tests/e2e/suite.h"

namespace huinong::e2e {
namespace {

namespace pb = google::protobuf;

// Describes `service` and checks that it and every method resolve, and match
// the descriptor compiled into this test from the same .proto file (gRPC
// serves its own compiled reflection.proto; Debian's differs only in options).
void ExpectDescribed(ReflectionClient& client, const std::string& service, const std::string& where) {
  SCOPED_TRACE(where + " " + service);
  auto described = client.DescribeService(service);
  ASSERT_TRUE(described.ok()) << described.status();
  const pb::ServiceDescriptor* compiled = pb::DescriptorPool::generated_pool()->FindServiceByName(service);
  ASSERT_NE(compiled, nullptr) << "not compiled into this test";
  ASSERT_GT((*described)->method_count(), 0);
  ASSERT_EQ((*described)->method_count(), compiled->method_count());
  for (int i = 0; i < (*described)->method_count(); ++i) {
    const pb::MethodDescriptor* method = (*described)->method(i);
    const pb::MethodDescriptor* expected = compiled->FindMethodByName(method->name());
    ASSERT_NE(expected, nullptr) << method->full_name();
    ASSERT_NE(method->input_type(), nullptr) << method->full_name();
    ASSERT_NE(method->output_type(), nullptr) << method->full_name();
    EXPECT_EQ(method->input_type()->full_name(), expected->input_type()->full_name());
    EXPECT_EQ(method->output_type()->full_name(), expected->output_type()->full_name());
    // Field by field, enums and nested messages included.
    EXPECT_EQ(method->input_type()->DebugString(), expected->input_type()->DebugString());
    EXPECT_EQ(method->output_type()->DebugString(), expected->output_type()->DebugString());
    EXPECT_EQ(method->client_streaming(), expected->client_streaming()) << method->full_name();
    EXPECT_EQ(method->server_streaming(), expected->server_streaming()) << method->full_name();
  }
}

// Every backend's services, health and reflection: what the list must hold.
std::vector<std::string> WholeApi(const Suite& suite) {
  std::vector<std::string> expected = {"grpc.health.v1.Health", "grpc.reflection.v1alpha.ServerReflection"};
  for (const auto& backend : suite.backends()) {
    expected.insert(expected.end(), backend.services.begin(), backend.services.end());
  }
  std::sort(expected.begin(), expected.end());
  return expected;
}

TEST(Reflection, DescribesTheWholeApiThroughTheGatewayWithoutAHeader) {
  Suite& suite = Suite::Get();
  ASSERT_TRUE(suite.ok());
  ReflectionClient client(suite.Gateway(), {});
  auto services = client.ListServices();
  ASSERT_TRUE(services.ok()) << services.status();
  std::sort(services->begin(), services->end());
  EXPECT_EQ(*services, WholeApi(suite)) << "grpcurl -plaintext GATEWAY list";
  for (const std::string& service : *services) ExpectDescribed(client, service, "gateway");
}

TEST(Reflection, EveryBackendListsTheWholeApi) {
  Suite& suite = Suite::Get();
  ASSERT_TRUE(suite.ok());
  for (const auto& backend : suite.backends()) {
    ReflectionClient client(suite.Gateway(), {{"x-huinong-backend", backend.name}});
    auto services = client.ListServices();
    ASSERT_TRUE(services.ok()) << backend.name << ": " << services.status();
    std::sort(services->begin(), services->end());
    EXPECT_EQ(*services, WholeApi(suite)) << backend.name;
  }
}

// A list method of each backend, described and called by reflection alone
// with no x-huinong-backend header: the gateway routes the call by its path.
TEST(Reflection, CallsEveryBackendByReflectionWithoutAHeader) {
  Suite& suite = Suite::Get();
  ASSERT_TRUE(suite.ok());
  ReflectionClient client(suite.Gateway(), {});
  const std::vector<std::pair<std::string, std::string>> methods = {
      {"huinong.org.v1.UnitService", "ListUnits"},
      {"huinong.tickets.v1.TicketService", "ListTickets"},
      {"huinong.loans.v1.ProductService", "ListProducts"},
      {"huinong.audit.v1.AuditService", "ListCheckpoints"},
  };
  for (const auto& [service, name] : methods) {
    SCOPED_TRACE(service + "/" + name);
    auto method = client.DescribeMethod(service, name);
    ASSERT_TRUE(method.ok()) << method.status();
    auto request = client.NewMessage(*(*method)->input_type());
    auto response = client.Call(**method, *request, {{"authorization", "Bearer " + suite.AdminToken()}});
    ASSERT_TRUE(response.ok()) << response.status();
    EXPECT_EQ((*response)->GetDescriptor()->full_name(), (*method)->output_type()->full_name());
  }
}

TEST(Reflection, DescribesABackendDirectly) {
  Suite& suite = Suite::Get();
  ASSERT_TRUE(suite.ok());
  const Backend& org = suite.backends().front();
  ASSERT_FALSE(org.addr.empty()) << "HUINONG_ORG_ADDR not exported";
  ReflectionClient client(grpc::CreateChannel(org.addr, grpc::InsecureChannelCredentials()), {});
  auto services = client.ListServices();
  ASSERT_TRUE(services.ok()) << services.status();
  std::sort(services->begin(), services->end());
  EXPECT_EQ(*services, WholeApi(suite));
  for (const std::string& service : *services) ExpectDescribed(client, service, org.addr);
}

TEST(Reflection, ChecksHealthByReflectionAlone) {
  Suite& suite = Suite::Get();
  ASSERT_TRUE(suite.ok());
  for (const auto& backend : suite.backends()) {
    SCOPED_TRACE(backend.name);
    ReflectionClient client(suite.Gateway(), {{"x-huinong-backend", backend.name}});
    auto check = client.DescribeMethod("grpc.health.v1.Health", "Check");
    ASSERT_TRUE(check.ok()) << check.status();
    const pb::FieldDescriptor* service = (*check)->input_type()->FindFieldByName("service");
    const pb::FieldDescriptor* status = (*check)->output_type()->FindFieldByName("status");
    ASSERT_TRUE(service != nullptr && status != nullptr);

    auto request = client.NewMessage(*(*check)->input_type());
    for (const std::string& name : backend.services) {
      request->GetReflection()->SetString(request.get(), service, name);
      auto response = client.Call(**check, *request);
      ASSERT_TRUE(response.ok()) << name << ": " << response.status();
      EXPECT_EQ((*response)->GetReflection()->GetEnum(**response, status)->name(), "SERVING") << name;
    }

    request->GetReflection()->SetString(request.get(), service, "huinong.nothing.v1.Nope");
    EXPECT_EQ(client.Call(**check, *request).status().code(), absl::StatusCode::kNotFound);
  }
}

TEST(Reflection, ListsUnitsByReflectionAlone) {
  Suite& suite = Suite::Get();
  ASSERT_TRUE(suite.ok());
  ReflectionClient client(suite.Gateway(), {{"x-huinong-backend", "org"}});
  auto list = client.DescribeMethod("huinong.org.v1.UnitService", "ListUnits");
  ASSERT_TRUE(list.ok()) << list.status();
  const pb::FieldDescriptor* page_size = (*list)->input_type()->FindFieldByName("page_size");
  const pb::FieldDescriptor* units = (*list)->output_type()->FindFieldByName("units");
  ASSERT_TRUE(page_size != nullptr && units != nullptr);
  const pb::FieldDescriptor* name = units->message_type()->FindFieldByName("name");
  ASSERT_NE(name, nullptr);

  auto request = client.NewMessage(*(*list)->input_type());
  request->GetReflection()->SetInt32(request.get(), page_size, 3);
  auto response = client.Call(**list, *request, {{"authorization", "Bearer " + suite.AdminToken()}});
  ASSERT_TRUE(response.ok()) << response.status();
  const pb::Reflection& read = *(*response)->GetReflection();

  // The same page through the compiled-in stub names the same units.
  org::v1::ListUnitsRequest typed_request;
  typed_request.set_page_size(3);
  org::v1::ListUnitsResponse typed;
  auto ctx = suite.Context(suite.AdminToken());
  ASSERT_TRUE(org::v1::UnitService::NewStub(suite.Gateway())->ListUnits(ctx.get(), typed_request, &typed).ok());
  ASSERT_EQ(typed.units_size(), 3) << "the demo county has more than three units";
  ASSERT_EQ(read.FieldSize(**response, units), typed.units_size());
  for (int i = 0; i < typed.units_size(); ++i) {
    const pb::Message& unit = read.GetRepeatedMessage(**response, units, i);
    const std::string unit_name = unit.GetReflection()->GetString(unit, name);
    EXPECT_TRUE(absl::StartsWith(unit_name, "units/")) << unit_name;
    EXPECT_EQ(unit_name, typed.units(i).name());
  }

  // Without a token the described call is refused like any other.
  EXPECT_EQ(client.Call(**list, *request).status().code(), absl::StatusCode::kUnauthenticated);
}

}  // namespace
}  // namespace huinong::e2e
