#include "bench/grpc_load.h"

#include <atomic>

#include <grpcpp/create_channel.h>
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/security/credentials.h>
#include <grpcpp/support/channel_arguments.h>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"

namespace huinong::bench {

absl::StatusOr<std::vector<std::shared_ptr<grpc::Channel>>> OpenChannels(const std::string& address, int n,
                                                                         absl::Duration timeout) {
  std::vector<std::shared_ptr<grpc::Channel>> channels;
  for (int i = 0; i < n; ++i) {
    grpc::ChannelArguments args;
    // Without a local pool, channels with equal arguments share one connection.
    args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
    args.SetInt("huinong.bench.channel", i);
    args.SetMaxReceiveMessageSize(-1);
    auto channel = grpc::CreateCustomChannel(address, grpc::InsecureChannelCredentials(), args);
    if (!channel->WaitForConnected(absl::ToChronoTime(absl::Now() + timeout))) {
      return absl::UnavailableError(absl::StrCat("cannot connect to ", address));
    }
    channels.push_back(std::move(channel));
  }
  return channels;
}

namespace {

void Prepare(grpc::ClientContext& ctx, const Endpoint& endpoint, absl::Duration timeout) {
  for (const auto& [key, value] : endpoint.metadata) ctx.AddMetadata(key, value);
  ctx.set_deadline(absl::ToChronoTime(absl::Now() + timeout));
}

}  // namespace

absl::StatusOr<grpc::ByteBuffer> CallOnce(grpc::Channel& channel, const Endpoint& endpoint,
                                          const grpc::ByteBuffer& request, absl::Duration timeout) {
  grpc::GenericStub stub(std::shared_ptr<grpc::Channel>(&channel, [](grpc::Channel*) {}));
  grpc::ClientContext ctx;
  Prepare(ctx, endpoint, timeout);
  grpc::ByteBuffer response;
  grpc::Status status;
  absl::Notification done;
  stub.UnaryCall(&ctx, endpoint.method_path, grpc::StubOptions(), &request, &response,
                 [&](grpc::Status s) {
                   status = std::move(s);
                   done.Notify();
                 });
  done.WaitForNotification();
  if (!status.ok()) {
    return absl::Status(static_cast<absl::StatusCode>(status.error_code()), status.error_message());
  }
  return response;
}

namespace {

// `concurrency` slots, each a chain of calls: a completion records itself and
// issues the slot's next call from the completion callback.
class Loop {
 public:
  Loop(const std::vector<std::shared_ptr<grpc::Channel>>& channels, const Endpoint& endpoint,
       RequestSource& requests, const LoopOptions& options)
      : endpoint_(endpoint), requests_(requests), options_(options), window_(options) {
    for (const auto& c : channels) stubs_.push_back(std::make_unique<grpc::GenericStub>(c));
    slots_.resize(options.concurrency);
    shards_.resize(options.concurrency);
    for (int i = 0; i < options.concurrency; ++i) {
      slots_[i].index = i;
      slots_[i].stub = stubs_[i % stubs_.size()].get();
    }
  }

  LoadResult Run(const std::string& label) {
    in_flight_ = static_cast<int>(slots_.size());
    window_.Begin();
    for (Slot& s : slots_) Issue(s);
    window_.RunWindow();
    drained_.WaitForNotification();
    return Merge(label, window_.seconds(), shards_);
  }

 private:
  struct Slot {
    int index = 0;
    grpc::GenericStub* stub = nullptr;
    std::unique_ptr<grpc::ClientContext> ctx;
    grpc::ByteBuffer request;
    grpc::ByteBuffer response;
    int64_t start_ns = 0;
  };

  void Issue(Slot& s) {
    s.ctx = std::make_unique<grpc::ClientContext>();
    Prepare(*s.ctx, endpoint_, options_.call_timeout);
    s.request = requests_.Next(s.index);
    s.response.Clear();
    s.start_ns = MonotonicNanos();
    s.stub->UnaryCall(s.ctx.get(), endpoint_.method_path, grpc::StubOptions(), &s.request, &s.response,
                      [this, &s](grpc::Status status) { Done(s, status); });
  }

  void Done(Slot& s, const grpc::Status& status) {
    const int64_t end = MonotonicNanos();
    if (window_.Record(end)) {
      shards_[s.index].Record(status.error_code(), end - s.start_ns, status.error_message());
    }
    if (window_.KeepGoing(end)) {
      Issue(s);
    } else if (in_flight_.fetch_sub(1) == 1) {
      drained_.Notify();
    }
  }

  const Endpoint& endpoint_;
  RequestSource& requests_;
  const LoopOptions& options_;
  Window window_;
  std::vector<std::unique_ptr<grpc::GenericStub>> stubs_;
  std::vector<Slot> slots_;
  std::vector<Shard> shards_;
  std::atomic<int> in_flight_{0};
  absl::Notification drained_;
};

}  // namespace

LoadResult RunGrpcLoad(const std::string& label, const std::vector<std::shared_ptr<grpc::Channel>>& channels,
                       const Endpoint& endpoint, RequestSource& requests, const LoopOptions& options) {
  Loop loop(channels, endpoint, requests, options);
  return loop.Run(label);
}

}  // namespace huinong::bench
