// SearchEvents over a real chain: a resource's full history in chain order,
// keyset pages that neither repeat nor skip (forwards and newest first),
// page tokens that only work with the filters they were issued for, and the
// typed filters (actor, service, action, request, time) combined with AND.
#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "common/rpc/proto_time.h"
#include "svc-audit/tests/audit_fixture.h"

namespace huinong::audit {
namespace {

constexpr int kEvents = 12;
// Positions (also seconds after the base time) of the events about units/X.
const std::set<int> kAboutX = {0, 2, 3, 5, 7, 8, 10};

class AuditSearch : public AuditFixture {
 protected:
  void SetUp() override {
    AuditFixture::SetUp();
    if (HasFatalFailure()) return;
    for (int i = 0; i < kEvents; ++i) {
      v1::Event e = MakeEvent(absl::StrCat("s-", i), i);
      e.set_resource_id(kAboutX.count(i) ? "units/X" : absl::StrCat("units/Y", i));
      if (i % 3 == 0) e.mutable_actor()->set_subject("staff/zhao");
      if (i == 4) e.set_action("org.CreateUnit");
      sent_.push_back(e);
    }
    v1::AppendEventsResponse resp;
    grpc::Status s = Append(sent_, &resp);
    ASSERT_TRUE(s.ok()) << s.error_message();
  }

  static v1::SearchEventsRequest HistoryOfX(int page_size = 0) {
    v1::SearchEventsRequest req;
    req.set_resource_type("unit");
    req.set_resource_id("units/X");
    req.set_page_size(page_size);
    return req;
  }

  static std::vector<int64_t> Sequences(const v1::SearchEventsResponse& r) {
    std::vector<int64_t> out;
    for (const auto& e : r.events()) out.push_back(e.sequence());
    return out;
  }

  // Every page of a search, following next_page_token.
  std::vector<std::vector<int64_t>> Pages(v1::SearchEventsRequest req) {
    std::vector<std::vector<int64_t>> pages;
    for (int guard = 0; guard < 20; ++guard) {
      v1::SearchEventsResponse r;
      grpc::Status s = Search(req, &r);
      EXPECT_TRUE(s.ok()) << s.error_message();
      if (!s.ok()) break;
      pages.push_back(Sequences(r));
      if (r.next_page_token().empty()) break;
      req.set_page_token(r.next_page_token());
    }
    return pages;
  }

  std::vector<v1::Event> sent_;
};

TEST_F(AuditSearch, ResourceHistoryInChainOrder) {
  v1::SearchEventsResponse r;
  ASSERT_TRUE(Search(HistoryOfX(), &r).ok());
  EXPECT_EQ(Sequences(r), (std::vector<int64_t>{1, 3, 4, 6, 8, 9, 11}));
  EXPECT_TRUE(r.next_page_token().empty());
  ASSERT_EQ(r.events_size(), 7);
  // What comes back is what was sent, with the chain fields filled in.
  const v1::Event& first = r.events(0);
  const v1::Event& sent = sent_[0];
  EXPECT_EQ(first.event_id(), sent.event_id());
  EXPECT_EQ(first.service(), "svc-org");
  EXPECT_EQ(first.actor().subject(), "staff/zhao");
  EXPECT_EQ(first.actor().unit(), kT1);
  ASSERT_EQ(first.actor().roles_size(), 2);
  EXPECT_EQ(first.actor().roles(0), "org.admin");
  EXPECT_EQ(first.actor().roles(1), "hr");
  EXPECT_EQ(first.before_json(), sent.before_json());
  EXPECT_EQ(first.after_json(), sent.after_json());
  EXPECT_EQ(first.request_id(), "req-s-0");
  EXPECT_EQ(first.resource_unit(), kV1);
  EXPECT_EQ(first.time().seconds(), sent.time().seconds());
  EXPECT_EQ(first.time().nanos(), sent.time().nanos() / 1000 * 1000);
  EXPECT_EQ(first.prev_hash(), ZeroHash());
  EXPECT_EQ(first.hash().size(), 32u);
  EXPECT_EQ(r.events(1).prev_hash().size(), 32u);
  EXPECT_GT(first.append_time().seconds(), sent.time().seconds());
}

TEST_F(AuditSearch, KeysetPagesNeitherRepeatNorSkip) {
  auto pages = Pages(HistoryOfX(3));
  ASSERT_EQ(pages.size(), 3u);
  EXPECT_EQ(pages[0], (std::vector<int64_t>{1, 3, 4}));
  EXPECT_EQ(pages[1], (std::vector<int64_t>{6, 8, 9}));
  EXPECT_EQ(pages[2], (std::vector<int64_t>{11}));

  // Exactly one page when it fits.
  auto whole = Pages(HistoryOfX(7));
  ASSERT_EQ(whole.size(), 1u);
  EXPECT_EQ(whole[0].size(), 7u);

  // Events appended between pages show up on a later page; none repeats.
  v1::SearchEventsResponse r;
  ASSERT_TRUE(Search(HistoryOfX(3), &r).ok());
  ASSERT_FALSE(r.next_page_token().empty());
  std::vector<v1::Event> later = {MakeEvent("s-late-0", 20), MakeEvent("s-late-1", 21)};
  for (auto& e : later) e.set_resource_id("units/X");
  v1::AppendEventsResponse appended;
  ASSERT_TRUE(Append(later, &appended).ok());
  v1::SearchEventsRequest next = HistoryOfX(3);
  next.set_page_token(r.next_page_token());
  auto rest = Pages(next);
  ASSERT_EQ(rest.size(), 2u);
  EXPECT_EQ(rest[0], (std::vector<int64_t>{6, 8, 9}));
  EXPECT_EQ(rest[1], (std::vector<int64_t>{11, appended.results(0).sequence(),
                                           appended.results(1).sequence()}));
}

TEST_F(AuditSearch, NewestFirstPagesDescend) {
  v1::SearchEventsRequest req = HistoryOfX(3);
  req.set_newest_first(true);
  auto pages = Pages(req);
  ASSERT_EQ(pages.size(), 3u);
  EXPECT_EQ(pages[0], (std::vector<int64_t>{11, 9, 8}));
  EXPECT_EQ(pages[1], (std::vector<int64_t>{6, 4, 3}));
  EXPECT_EQ(pages[2], (std::vector<int64_t>{1}));
}

TEST_F(AuditSearch, PageTokenOnlyWorksWithItsFilters) {
  v1::SearchEventsResponse r;
  ASSERT_TRUE(Search(HistoryOfX(3), &r).ok());
  const std::string token = r.next_page_token();
  ASSERT_FALSE(token.empty());

  v1::SearchEventsRequest other = HistoryOfX(3);
  other.set_resource_id("units/Y1");
  other.set_page_token(token);
  grpc::Status s = Search(other, &r);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldsOf(s), std::set<std::string>{"page_token"});

  v1::SearchEventsRequest flipped = HistoryOfX(3);
  flipped.set_newest_first(true);
  flipped.set_page_token(token);
  s = Search(flipped, &r);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldsOf(s), std::set<std::string>{"page_token"});

  v1::SearchEventsRequest garbage = HistoryOfX(3);
  garbage.set_page_token("not-a-token");
  s = Search(garbage, &r);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldsOf(s), std::set<std::string>{"page_token"});

  // The same filters with a different page size are the same query.
  v1::SearchEventsRequest resized = HistoryOfX(10);
  resized.set_page_token(token);
  ASSERT_TRUE(Search(resized, &r).ok());
  EXPECT_EQ(Sequences(r), (std::vector<int64_t>{6, 8, 9, 11}));
}

TEST_F(AuditSearch, TypedFiltersCombineWithAnd) {
  v1::SearchEventsResponse r;
  v1::SearchEventsRequest by_actor;
  by_actor.set_actor_subject("staff/zhao");
  ASSERT_TRUE(Search(by_actor, &r).ok());
  EXPECT_EQ(Sequences(r), (std::vector<int64_t>{1, 4, 7, 10}));

  v1::SearchEventsRequest by_action;
  by_action.set_action("org.CreateUnit");
  by_action.set_service("svc-org");
  ASSERT_TRUE(Search(by_action, &r).ok());
  EXPECT_EQ(Sequences(r), (std::vector<int64_t>{5}));

  v1::SearchEventsRequest by_request;
  by_request.set_request_id("req-s-8");
  ASSERT_TRUE(Search(by_request, &r).ok());
  EXPECT_EQ(Sequences(r), (std::vector<int64_t>{9}));

  // Event time: inclusive start, exclusive end (positions 3, 4, 5).
  const absl::Time base = absl::FromUnixMicros(1714552200123456);
  v1::SearchEventsRequest by_time;
  *by_time.mutable_time_from() = rpc::ToTimestamp(base + absl::Seconds(3));
  *by_time.mutable_time_to() = rpc::ToTimestamp(base + absl::Seconds(6));
  ASSERT_TRUE(Search(by_time, &r).ok());
  EXPECT_EQ(Sequences(r), (std::vector<int64_t>{4, 5, 6}));

  v1::SearchEventsRequest combined = HistoryOfX();
  *combined.mutable_time_from() = rpc::ToTimestamp(base + absl::Seconds(3));
  *combined.mutable_time_to() = rpc::ToTimestamp(base + absl::Seconds(6));
  combined.set_actor_subject("staff/zhao");
  ASSERT_TRUE(Search(combined, &r).ok());
  EXPECT_EQ(Sequences(r), (std::vector<int64_t>{4}));

  v1::SearchEventsRequest svc;
  svc.set_service("svc-loans");
  ASSERT_TRUE(Search(svc, &r).ok());
  EXPECT_EQ(r.events_size(), 0);
}

TEST_F(AuditSearch, BadFiltersAreNamed) {
  v1::SearchEventsResponse r;
  v1::SearchEventsRequest no_type;
  no_type.set_resource_id("units/X");
  grpc::Status s = Search(no_type, &r);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldsOf(s), std::set<std::string>{"resource_id"});

  const absl::Time base = absl::FromUnixMicros(1714552200123456);
  v1::SearchEventsRequest reversed;
  *reversed.mutable_time_from() = rpc::ToTimestamp(base + absl::Seconds(6));
  *reversed.mutable_time_to() = rpc::ToTimestamp(base + absl::Seconds(3));
  s = Search(reversed, &r);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldsOf(s), std::set<std::string>{"time_to"});

  v1::SearchEventsRequest negative;
  negative.set_page_size(-1);
  s = Search(negative, &r);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldsOf(s), std::set<std::string>{"page_size"});
}

}  // namespace
}  // namespace huinong::audit
