#include "bench/setup_steps.h"

#include <cppconn/connection.h>
#include <cppconn/statement.h>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "common/core/ids.h"
#include "bench/seeds.h"
#include "common/core/status_macros.h"

namespace huinong::bench {
namespace {

absl::Status Annotate(const absl::Status& s, const CallStep& step) {
  if (absl::IsUnimplemented(s)) {
    return absl::UnimplementedError(absl::StrCat(ShortMethod(step.method), " (setup)"));
  }
  return absl::Status(s.code(), absl::StrCat("setup step \"", step.label, "\": ", s.message()));
}

absl::Status RunCall(const CallStep& step, StepContext& context, Variables& vars, int slot) {
  ASSIGN_OR_RETURN(MethodInfo method, ResolveMethod(step.method));
  ASSIGN_OR_RETURN(std::shared_ptr<grpc::Channel> channel, context.channels.For(step.service));
  ASSIGN_OR_RETURN(std::string bearer, context.callers.Bearer(step.as, vars));
  Endpoint endpoint{"", method.path, {{"authorization", bearer}}};
  std::map<std::string, std::vector<std::string>> captured;
  for (int i = 0; i < step.repeat; ++i) {
    const std::string text = absl::StrReplaceAll(step.request, {{"{{i}}", absl::StrCat(i)}});
    ASSIGN_OR_RETURN(std::string expanded, ExpandVariables(text, vars, slot + i));
    ASSIGN_OR_RETURN(std::unique_ptr<google::protobuf::Message> request, ParseRequest(*method.input, expanded));
    SubstituteUlid(*request, NewUlid());
    ASSIGN_OR_RETURN(grpc::ByteBuffer bytes,
                     CallOnce(*channel, endpoint, ToByteBuffer(*request), absl::Seconds(30)));
    if (step.captures.empty()) continue;
    std::unique_ptr<google::protobuf::Message> response(
        google::protobuf::MessageFactory::generated_factory()->GetPrototype(method.output)->New());
    std::vector<grpc::Slice> slices;
    if (!bytes.Dump(&slices).ok()) return absl::InternalError("cannot read the response");
    std::string raw;
    for (const grpc::Slice& s : slices) raw.append(reinterpret_cast<const char*>(s.begin()), s.size());
    if (!response->ParseFromString(raw)) return absl::InternalError("response does not parse");
    for (const Capture& c : step.captures) {
      ASSIGN_OR_RETURN(std::string value, StringField(*response, c.field));
      captured[c.var].push_back(std::move(value));
    }
  }
  for (auto& [var, values] : captured) vars[var] = std::move(values);
  return absl::OkStatus();
}

absl::Status RunSql(const CallStep& step, StepContext& context, const Variables& vars, int slot) {
  ASSIGN_OR_RETURN(db::DbPool* pool, context.databases.For(step.database));
  for (int i = 0; i < step.repeat; ++i) {
    for (const std::string& statement : step.sql) {
      const std::string text = absl::StrReplaceAll(statement, {{"{{i}}", absl::StrCat(i)}});
      ASSIGN_OR_RETURN(std::string sql, ExpandVariables(text, vars, slot + i));
      RETURN_IF_ERROR(pool->Read([&](sql::Connection& conn) -> absl::Status {
        std::unique_ptr<sql::Statement> st(conn.createStatement());
        st->execute(sql);
        return absl::OkStatus();
      }));
    }
  }
  return absl::OkStatus();
}

absl::Status RunStep(const CallStep& step, StepContext& context, Variables& vars, int slot) {
  if (!step.sql.empty()) return RunSql(step, context, vars, slot);
  if (!step.seed.empty()) {
    ASSIGN_OR_RETURN(std::string args, ExpandVariables(step.request, vars, slot));
    ASSIGN_OR_RETURN(Variables seeded, RunSeed(step.seed, args, context.databases));
    for (auto& [var, values] : seeded) vars[var] = std::move(values);
    return absl::OkStatus();
  }
  return RunCall(step, context, vars, slot);
}

}  // namespace

absl::StatusOr<std::string> Channels::Address(const std::string& service) const {
  auto it = addr_.find(service);
  if (it == addr_.end() || it->second.empty()) {
    return absl::FailedPreconditionError(
        absl::StrCat("no address for service \"", service, "\" (HUINONG_", absl::AsciiStrToUpper(service),
                     "_ADDR; source .run/env)"));
  }
  return it->second;
}

absl::StatusOr<std::shared_ptr<grpc::Channel>> Channels::For(const std::string& service) {
  absl::MutexLock lock(&mu_);
  auto it = open_.find(service);
  if (it != open_.end()) return it->second;
  ASSIGN_OR_RETURN(std::string address, Address(service));
  ASSIGN_OR_RETURN(auto opened, OpenChannels(address, 1, absl::Seconds(5)));
  open_[service] = opened[0];
  return opened[0];
}

absl::StatusOr<std::string> Callers::Bearer(const Caller& as, const Variables& vars) {
  if (as.subject.empty()) return admin_;
  ASSIGN_OR_RETURN(std::string subject, ExpandVariables(as.subject, vars, 0));
  ASSIGN_OR_RETURN(std::string unit, ExpandVariables(as.unit, vars, 0));
  if (!unit.empty() && !absl::StartsWith(unit, "units/")) unit = absl::StrCat("units/", unit);
  absl::MutexLock lock(&mu_);
  auto key = std::make_pair(subject, unit);
  auto it = minted_.find(key);
  if (it != minted_.end()) return it->second;
  ASSIGN_OR_RETURN(std::string bearer, mint_(subject, unit));
  minted_[key] = bearer;
  return bearer;
}

std::string ServiceDatabase(const std::string& service) { return absl::StrCat("huinong_", service); }

absl::StatusOr<db::DbPool*> Databases::For(const std::string& service) {
  absl::MutexLock lock(&mu_);
  auto it = open_.find(service);
  if (it != open_.end()) return it->second.get();
  if (admin_.user.empty()) {
    return absl::FailedPreconditionError("HUINONG_DB_ADMIN_USER / _PASSWORD_FILE are not set (source .run/env)");
  }
  db::DbConfig config;
  config.host = admin_.host;
  config.port = admin_.port;
  config.user = admin_.user;
  config.password = admin_.password;
  config.database = ServiceDatabase(service);
  config.pool_size = 2;
  config.statement_timeout = absl::Minutes(15);  // a bulk load of a million rows
  std::unique_ptr<db::DbPool> pool = db::DbPool::Create(config, nullptr);
  if (pool == nullptr) return absl::UnavailableError(absl::StrCat("cannot reach database ", config.database));
  db::DbPool* out = pool.get();
  open_[service] = std::move(pool);
  return out;
}

absl::Status RunSteps(const std::vector<CallStep>& steps, StepContext& context, Variables& vars, int slot) {
  for (const CallStep& step : steps) {
    absl::Status s = RunStep(step, context, vars, slot);
    if (!s.ok()) return Annotate(s, step);
  }
  return absl::OkStatus();
}

std::string ShortMethod(const std::string& method) {
  std::string m = method;
  const size_t slash = m.find_last_of("/.");
  if (slash != std::string::npos && m[slash] == '.') m[slash] = '/';  // "pkg.Service.Method"
  const size_t cut = m.rfind('.', m.rfind('/'));
  return cut == std::string::npos ? m : m.substr(cut + 1);
}

std::string WhyNot(const absl::Status& status) {
  if (absl::IsUnimplemented(status)) return absl::StrCat("not implemented yet: ", status.message());
  return absl::StrCat(absl::StatusCodeToString(status.code()), ": ", status.message());
}

}  // namespace huinong::bench
