// See fake_calendars.h.
#include "tools/huinongctl/tests/fake_calendars.h"

#include <tuple>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/rpc/errors.h"
#include "common/rpc/proto_time.h"

namespace huinong::ctl::testing {

namespace v1 = ::huinong::org::v1;

namespace {

grpc::Status Grpc(const absl::Status& status) { return rpc::ToGrpcStatus(status); }

std::tuple<int, int, int> Key(const type::v1::Date& d) { return {d.year(), d.month(), d.day()}; }

}  // namespace

FakeCalendars::Stored* FakeCalendars::Find(const std::string& name) {
  for (Stored& s : calendars_) {
    if (s.calendar.name() == name) return &s;
  }
  return nullptr;
}

v1::WorkCalendar FakeCalendars::Shown(const Stored& stored, const v1::WorkCalendarVersion* version) const {
  v1::WorkCalendar out = stored.calendar;
  if (version != nullptr) *out.mutable_version() = *version;
  return out;
}

grpc::Status FakeCalendars::CreateWorkCalendar(grpc::ServerContext*, const v1::CreateWorkCalendarRequest* req,
                                               v1::WorkCalendar* resp) {
  absl::MutexLock lock(&mu_);
  if (req->request_id().empty()) return Grpc(rpc::InvalidField("request_id", "required"));
  if (auto it = replayed_.find(req->request_id()); it != replayed_.end()) {
    resp->ParseFromString(it->second);
    return grpc::Status::OK;
  }
  for (const Stored& s : calendars_) {
    if (s.calendar.unit() == req->calendar().unit()) {
      return Grpc(rpc::AlreadyExists("CALENDAR_EXISTS", "the unit already has a work calendar"));
    }
  }
  Stored stored;
  stored.calendar = req->calendar();
  stored.calendar.clear_version();
  stored.calendar.set_name(absl::StrFormat("workCalendars/C%03d", calendars_.size() + 1));
  stored.calendar.set_etag("1");
  *stored.calendar.mutable_create_time() = rpc::ToTimestamp(absl::Now());
  v1::WorkCalendarVersion first = req->calendar().version();
  if (first.time_zone().empty()) first.set_time_zone("Asia/Shanghai");
  stored.versions.push_back(first);
  *resp = Shown(stored, &first);
  calendars_.push_back(std::move(stored));
  replayed_[req->request_id()] = resp->SerializeAsString();
  return grpc::Status::OK;
}

grpc::Status FakeCalendars::GetWorkCalendar(grpc::ServerContext*, const v1::GetWorkCalendarRequest* req,
                                            v1::WorkCalendar* resp) {
  absl::MutexLock lock(&mu_);
  last_get_ = *req;
  for (const Stored& s : calendars_) {
    if (s.calendar.name() != req->name() && (req->unit().empty() || s.calendar.unit() != req->unit())) continue;
    const v1::WorkCalendarVersion* in_force = nullptr;
    for (const v1::WorkCalendarVersion& v : s.versions) {
      if (!req->has_as_of() || Key(v.effective_from()) <= Key(req->as_of())) in_force = &v;
    }
    *resp = Shown(s, in_force);
    return grpc::Status::OK;
  }
  return Grpc(rpc::NotFound(req->name().empty() ? "a work calendar for " + req->unit() : req->name()));
}

grpc::Status FakeCalendars::AddWorkCalendarVersion(grpc::ServerContext*, const v1::AddWorkCalendarVersionRequest* req,
                                                   v1::WorkCalendar* resp) {
  absl::MutexLock lock(&mu_);
  last_add_etag_ = req->etag();
  Stored* s = Find(req->name());
  if (s == nullptr) return Grpc(rpc::NotFound(req->name()));
  if (req->etag() != s->calendar.etag()) return Grpc(rpc::Aborted("STALE_ETAG", "the calendar has changed"));
  int etag = 0;
  (void)absl::SimpleAtoi(s->calendar.etag(), &etag);
  s->calendar.set_etag(absl::StrCat(etag + 1));
  if (Key(s->versions.back().effective_from()) == Key(req->version().effective_from())) s->versions.pop_back();
  s->versions.push_back(req->version());
  *resp = Shown(*s, &s->versions.back());
  return grpc::Status::OK;
}

grpc::Status FakeCalendars::ListWorkCalendarVersions(grpc::ServerContext*,
                                                     const v1::ListWorkCalendarVersionsRequest* req,
                                                     v1::ListWorkCalendarVersionsResponse* resp) {
  absl::MutexLock lock(&mu_);
  Stored* s = Find(req->name());
  if (s == nullptr) return Grpc(rpc::NotFound(req->name()));
  size_t at = 0;
  if (!req->page_token().empty() && !absl::SimpleAtoi(req->page_token(), &at)) {
    return Grpc(rpc::InvalidField("page_token", "not a token of this list"));
  }
  if (at < s->versions.size()) *resp->add_versions() = s->versions[at];
  if (at + 1 < s->versions.size()) resp->set_next_page_token(absl::StrCat(at + 1));
  return grpc::Status::OK;
}

grpc::Status FakeCalendars::ComputeWorkingDeadline(grpc::ServerContext*, const v1::ComputeWorkingDeadlineRequest* req,
                                                   v1::ComputeWorkingDeadlineResponse* resp) {
  absl::MutexLock lock(&mu_);
  last_deadline_request_ = *req;
  *resp = deadline_;
  return grpc::Status::OK;
}

void FakeCalendars::SetDeadline(const v1::ComputeWorkingDeadlineResponse& answer) {
  absl::MutexLock lock(&mu_);
  deadline_ = answer;
}

v1::ComputeWorkingDeadlineRequest FakeCalendars::last_deadline_request() const {
  absl::MutexLock lock(&mu_);
  return last_deadline_request_;
}

v1::GetWorkCalendarRequest FakeCalendars::last_get() const {
  absl::MutexLock lock(&mu_);
  return last_get_;
}

std::string FakeCalendars::last_add_etag() const {
  absl::MutexLock lock(&mu_);
  return last_add_etag_;
}

std::vector<std::pair<v1::WorkCalendar, std::vector<v1::WorkCalendarVersion>>> FakeCalendars::Calendars() const {
  absl::MutexLock lock(&mu_);
  std::vector<std::pair<v1::WorkCalendar, std::vector<v1::WorkCalendarVersion>>> out;
  for (const Stored& s : calendars_) out.emplace_back(s.calendar, s.versions);
  return out;
}

}  // namespace huinong::ctl::testing
