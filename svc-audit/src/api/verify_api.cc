// VerifyChain, checkpoints and signing keys.
#include <future>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/core/log.h"
#include "common/core/status_macros.h"
#include "common/rpc/request_checks.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/validate.h"
#include "common/server/handle.h"
#include "svc-audit/src/api/audit_api.h"
#include "svc-audit/src/api/event_mapping.h"
#include "svc-audit/src/store/event_store.h"

namespace huinong::audit {
namespace {

constexpr int kVerifyBatch = 2000;

// One read of the chain: events from `from` on (at most kVerifyBatch, up to
// `end`) and the checkpoints among them. Two chunks are used in turn and
// refilled in place, so the reading thread allocates (almost) nothing and
// never frees what the other thread allocated.
struct Chunk {
  std::vector<Event> events;
  std::vector<Checkpoint> checkpoints;
};

absl::Status ReadChunk(db::DbPool& pool, int64_t from, int64_t end, Chunk& chunk) {
  return pool.Read([&](sql::Connection& conn) -> absl::Status {
    RETURN_IF_ERROR(store::ReadRangeInto(conn, from, end, kVerifyBatch, chunk.events));
    const int64_t last = chunk.events.empty() ? from : chunk.events.back().sequence;
    ASSIGN_OR_RETURN(chunk.checkpoints, store::ListCheckpoints(conn, from, last, 0, kVerifyBatch));
    return absl::OkStatus();
  });
}

// Public keys by id, loaded once per verification.
class KeyRing {
 public:
  explicit KeyRing(db::DbPool& pool) : pool_(pool) {}
  absl::StatusOr<std::string> PublicKey(const std::string& key_id) {
    auto it = keys_.find(key_id);
    if (it != keys_.end()) return it->second;
    std::optional<store::StoredKey> key;
    RETURN_IF_ERROR(pool_.Read([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(key, store::GetKey(conn, key_id));
      return absl::OkStatus();
    }));
    std::string pub = key ? key->public_key : "";  // unknown key: verifies nothing
    keys_[key_id] = pub;
    return pub;
  }

 private:
  db::DbPool& pool_;
  absl::flat_hash_map<std::string, std::string> keys_;
};

void Fail(v1::VerifyChainResponse* resp, const ChainFault& fault) {
  resp->set_ok(false);
  resp->set_first_bad_sequence(fault.sequence);
  resp->set_problem(static_cast<v1::ChainProblem>(fault.problem));
}

}  // namespace

grpc::Status AuditApi::VerifyChain(grpc::ServerContext* ctx, const v1::VerifyChainRequest* req,
                                   v1::VerifyChainResponse* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    RETURN_IF_ERROR(RequireReader(caller));
    if (req->start_sequence() < 0) v.Add("start_sequence", "must not be negative");
    if (req->end_sequence() < 0) v.Add("end_sequence", "must not be negative");
    if (req->max_events() < 0) v.Add("max_events", "must not be negative");
    RETURN_IF_ERROR(v.ToStatus());

    store::Head head;
    int64_t max_seq = 0;
    RETURN_IF_ERROR(reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(head, store::ReadHead(conn));
      ASSIGN_OR_RETURN(max_seq, store::MaxSequence(conn));
      return absl::OkStatus();
    }));
    // Rows beyond the head were not appended by the service: they are checked too.
    const int64_t last = std::max(head.sequence, max_seq);
    const int64_t start = req->start_sequence() == 0 ? 1 : req->start_sequence();
    int64_t end = req->end_sequence() == 0 ? last : req->end_sequence();
    if (end > last) return rpc::InvalidField("end_sequence", absl::StrCat("is beyond the head (", last, ")"));
    if (start > end) return rpc::InvalidField("start_sequence", "is after end_sequence");
    if (req->max_events() > 0 && end - start + 1 > req->max_events()) {
      end = start + req->max_events() - 1;
      resp->set_next_start_sequence(end + 1);
    }
    resp->set_ok(true);
    resp->set_start_sequence(start);
    resp->set_end_sequence(end);

    // The first event links to the stored hash of the one before it.
    std::optional<std::string> anchor = ZeroHash();
    if (start > 1) {
      RETURN_IF_ERROR(reader([&](sql::Connection& conn) -> absl::Status {
        ASSIGN_OR_RETURN(anchor, store::HashAt(conn, start - 1));
        return absl::OkStatus();
      }));
      if (!anchor) {
        Fail(resp, {start - 1, ChainProblem::kSequenceGap});
        return absl::OkStatus();
      }
    }
    ChainVerifier verifier(start, *anchor);
    KeyRing keys(pool_);
    int64_t checkpoints = 0;
    std::optional<ChainFault> missing;  // the range ran out of rows early
    // The next chunk is read while this one is hashed: on two cores MariaDB
    // and svc-audit work at the same time instead of taking turns.
    Chunk chunks[2];
    auto read_ahead = [&](int64_t from, Chunk& into) {
      return std::async(std::launch::async,
                        [this, from, end, &into] { return ReadChunk(pool_, from, end, into); });
    };
    int current = 0;
    std::future<absl::Status> next = read_ahead(start, chunks[current]);
    for (int64_t cursor = start; cursor <= end && !verifier.fault(); current = 1 - current) {
      RETURN_IF_ERROR(next.get());
      const Chunk& chunk = chunks[current];
      const std::vector<Event>& batch = chunk.events;
      if (batch.empty()) {
        missing = ChainFault{cursor, ChainProblem::kSequenceGap};
        break;
      }
      cursor = batch.back().sequence + 1;
      if (cursor <= end) next = read_ahead(cursor, chunks[1 - current]);
      const int64_t verified_before = verifier.checked();
      for (const Event& e : batch) {
        if (verifier.Feed(e)) break;
      }
      // What verified is a gapless run from the batch's first event, so the
      // event at a checkpoint's sequence is found by its offset.
      const int64_t verified = verifier.checked() - verified_before;
      for (const Checkpoint& cp : chunk.checkpoints) {
        const int64_t at = cp.sequence - batch.front().sequence;
        if (at < 0 || at >= verified) break;  // beyond what verified
        ASSIGN_OR_RETURN(std::string pub, keys.PublicKey(cp.key_id));
        if (verifier.FeedCheckpoint(cp, batch[static_cast<size_t>(at)].hash, pub)) break;
        ++checkpoints;
      }
    }
    if (verifier.fault() || missing) {
      Fail(resp, verifier.fault() ? *verifier.fault() : *missing);
    } else if (end == last && max_seq > head.sequence) {
      // Rows the chain head never saw were inserted behind the service's back.
      Fail(resp, {head.sequence + 1, ChainProblem::kHashMismatch});
    } else if (end == head.sequence && verifier.head_hash() != head.hash) {
      // The chain ends somewhere other than where the service left it.
      Fail(resp, {end, ChainProblem::kHashMismatch});
    } else {
      resp->set_end_hash(verifier.head_hash());
    }
    resp->set_checked_count(verifier.checked());
    resp->set_checkpoints_checked(checkpoints);
    verifications_.WithLabels({resp->ok() ? "intact" : "broken"}).Inc(1);
    // Recorded after checking, and the verdict is returned even when it cannot
    // be recorded: a tampered chain (say, a row forged where the next event
    // should go) must still be reported by the one tool that reports it.
    absl::Status recorded = RecordRead(caller, "VerifyChain",
                                       {{"start_sequence", absl::StrCat(start)},
                                        {"end_sequence", absl::StrCat(end)},
                                        {"ok", resp->ok() ? "true" : "false"}});
    if (!recorded.ok()) {
      log::Error("could not record a VerifyChain read", {{"error", std::string(recorded.message())}});
    }
    return absl::OkStatus();
  });
}

grpc::Status AuditApi::GetCheckpoint(grpc::ServerContext* ctx, const v1::GetCheckpointRequest* req,
                                     v1::Checkpoint* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal&, rpc::Violations&,
                             const server::Reader& reader) -> absl::Status {
    std::optional<int64_t> seq;
    const std::string& name = req->name();
    int64_t n = 0;
    if (name == "checkpoints/latest") {
      seq = std::nullopt;
    } else if (name.rfind("checkpoints/", 0) == 0 && absl::SimpleAtoi(name.substr(12), &n) && n > 0) {
      seq = n;
    } else {
      return rpc::InvalidField("name", "must be checkpoints/{sequence} or checkpoints/latest");
    }
    std::optional<Checkpoint> cp;
    RETURN_IF_ERROR(reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(cp, store::GetCheckpoint(conn, seq));
      return absl::OkStatus();
    }));
    if (!cp) return rpc::NotFound(name);
    *resp = ProtoCheckpoint(*cp);
    return absl::OkStatus();
  });
}

grpc::Status AuditApi::ListCheckpoints(grpc::ServerContext* ctx,
                                       const v1::ListCheckpointsRequest* req,
                                       v1::ListCheckpointsResponse* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal&, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const int page_size = rpc::PageSize(req->page_size(), v);
    if (req->start_sequence() < 0) v.Add("start_sequence", "must not be negative");
    if (req->end_sequence() < 0) v.Add("end_sequence", "must not be negative");
    const std::string filters = absl::StrCat(req->start_sequence(), "|", req->end_sequence());
    const int64_t after_seq = rpc::PageAfterSequence(req->page_token(), filters, 0, v);
    const int64_t to = req->end_sequence() == 0 ? INT64_MAX : req->end_sequence();
    std::vector<Checkpoint> cps;
    RETURN_IF_ERROR(reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(cps, store::ListCheckpoints(conn, req->start_sequence(), to, after_seq,
                                                   page_size + 1));
      return absl::OkStatus();
    }));
    const std::string next = rpc::NextPageToken(
        cps, page_size, filters, [](const Checkpoint& cp) { return absl::StrCat(cp.sequence); });
    for (const auto& cp : cps) {
      if (req->has_time_from() && cp.time < rpc::FromTimestamp(req->time_from())) continue;
      if (req->has_time_to() && cp.time > rpc::FromTimestamp(req->time_to())) continue;
      *resp->add_checkpoints() = ProtoCheckpoint(cp);
    }
    resp->set_next_page_token(next);
    return absl::OkStatus();
  });
}

grpc::Status AuditApi::GetSigningKey(grpc::ServerContext* ctx, const v1::GetSigningKeyRequest* req,
                                     v1::SigningKey* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal&, rpc::Violations&,
                             const server::Reader& reader) -> absl::Status {
    const std::string key_id = req->key_id().empty() ? key_.key_id : req->key_id();
    std::optional<store::StoredKey> key;
    RETURN_IF_ERROR(reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(key, store::GetKey(conn, key_id));
      return absl::OkStatus();
    }));
    if (!key) return rpc::NotFound(absl::StrCat("signingKeys/", key_id));
    resp->set_name(absl::StrCat("signingKeys/", key->key_id));
    resp->set_key_id(key->key_id);
    resp->set_algorithm("Ed25519");
    resp->set_public_key(key->public_key);
    *resp->mutable_create_time() = rpc::ToTimestamp(key->create_time);
    return absl::OkStatus();
  });
}

}  // namespace huinong::audit
