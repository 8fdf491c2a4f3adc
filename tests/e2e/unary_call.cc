#include "tests/e2e/unary_call.h"

#include <condition_variable>
#include <mutex>
#include <vector>

#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/support/byte_buffer.h>
#include <grpcpp/support/slice.h>

#include "common/rpc/errors.h"

namespace huinong::e2e {

absl::StatusOr<std::string> CallUnary(std::shared_ptr<grpc::Channel> channel, grpc::ClientContext& ctx,
                                      const std::string& method, const std::string& request) {
  grpc::GenericStub stub(std::move(channel));
  grpc::Slice request_slice(request);
  grpc::ByteBuffer request_buffer(&request_slice, 1), response_buffer;
  grpc::Status result;
  std::mutex mu;
  std::condition_variable cv;
  bool done = false;
  stub.UnaryCall(&ctx, method, grpc::StubOptions(), &request_buffer, &response_buffer,
                 [&](grpc::Status s) {
                   std::lock_guard<std::mutex> lock(mu);
                   result = std::move(s);
                   done = true;
                   cv.notify_one();
                 });
  {
    std::unique_lock<std::mutex> lock(mu);
    cv.wait(lock, [&] { return done; });
  }
  if (!result.ok()) return rpc::FromGrpcStatus(result);
  std::vector<grpc::Slice> slices;
  (void)response_buffer.Dump(&slices);
  std::string response;
  for (const auto& s : slices) response.append(reinterpret_cast<const char*>(s.begin()), s.size());
  return response;
}

}  // namespace huinong::e2e
