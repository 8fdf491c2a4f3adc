// UnitDirectory and WorkCalendars against an in-process stand-in for
// svc-org's UnitService and CalendarService (a real gRPC server on a free
// port): a village's chain up to the county with each link's level, cached
// for the ttl; the calendar governing a unit as in force on a day, turned
// into a working WorkCalendar (two working days across a weekend), cached per
// unit and day; no calendar is FAILED_PRECONDITION NO_WORK_CALENDAR; svc-org
// unreachable is UNAVAILABLE and never cached; a question never outlives the
// deadline of the call being served.
#include <chrono>

#include <grpcpp/create_channel.h>
#include <grpcpp/security/server_credentials.h>
#include <grpcpp/server_builder.h>
#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "common/core/call_deadline.h"
#include "common/org_directory/unit_directory.h"
#include "common/org_directory/work_calendars.h"
#include "common/rpc/status_details.h"

namespace huinong::org_directory {
namespace {

namespace v1 = org::v1;

v1::Unit MakeUnit(const std::string& id, type::v1::Level level, const std::string& parent) {
  v1::Unit u;
  u.set_name("units/" + id);
  u.set_display_name(id + " name");
  u.set_level(level);
  if (!parent.empty()) u.set_parent("units/" + parent);
  return u;
}

// The tree: county > town > village; units/bank is a root with no level.
class FakeUnits final : public v1::UnitService::Service {
 public:
  grpc::Status GetUnit(grpc::ServerContext*, const v1::GetUnitRequest* req, v1::Unit* resp) override {
    Count();
    if (req->name() == "units/slow") absl::SleepFor(absl::Milliseconds(800));
    if (req->name() == "units/village") *resp = MakeUnit("village", type::v1::LEVEL_VILLAGE, "town");
    else if (req->name() == "units/bank" || req->name() == "units/slow") *resp = MakeUnit("bank", type::v1::LEVEL_UNSPECIFIED, "");
    else return grpc::Status(grpc::StatusCode::NOT_FOUND, req->name());
    return grpc::Status::OK;
  }
  grpc::Status GetUnitAncestors(grpc::ServerContext*, const v1::GetUnitAncestorsRequest* req,
                                v1::GetUnitAncestorsResponse* resp) override {
    Count();
    if (req->name() == "units/village") {
      *resp->add_ancestors() = MakeUnit("county", type::v1::LEVEL_COUNTY, "");
      *resp->add_ancestors() = MakeUnit("town", type::v1::LEVEL_TOWNSHIP, "county");
    }
    return grpc::Status::OK;
  }
  int calls() const {
    absl::MutexLock lock(&mu_);
    return calls_;
  }

 private:
  void Count() {
    absl::MutexLock lock(&mu_);
    ++calls_;
  }
  mutable absl::Mutex mu_;
  int calls_ ABSL_GUARDED_BY(mu_) = 0;
};

// units/village is governed by a Monday–Friday 08:30–17:30 calendar in
// Asia/Shanghai; units/bank by none.
class FakeCalendars final : public v1::CalendarService::Service {
 public:
  grpc::Status GetWorkCalendar(grpc::ServerContext*, const v1::GetWorkCalendarRequest* req,
                               v1::WorkCalendar* resp) override {
    {
      absl::MutexLock lock(&mu_);
      ++calls_;
    }
    if (req->unit() != "units/village") return grpc::Status(grpc::StatusCode::NOT_FOUND, "no calendar");
    resp->set_name("workCalendars/c1");
    v1::WorkCalendarVersion* version = resp->mutable_version();
    version->set_time_zone("Asia/Shanghai");
    for (int d = v1::DAY_OF_WEEK_MONDAY; d <= v1::DAY_OF_WEEK_FRIDAY; ++d) {
      v1::WeekdayHours* hours = version->add_weekday_hours();
      hours->set_weekday(static_cast<v1::DayOfWeek>(d));
      v1::WorkPeriod* period = hours->add_periods();
      period->set_start("08:30");
      period->set_end("17:30");
    }
    return grpc::Status::OK;
  }
  int calls() const {
    absl::MutexLock lock(&mu_);
    return calls_;
  }

 private:
  mutable absl::Mutex mu_;
  int calls_ ABSL_GUARDED_BY(mu_) = 0;
};

class OrgReadersTest : public ::testing::Test {
 protected:
  OrgReadersTest() {
    grpc::ServerBuilder builder;
    builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port_);
    builder.RegisterService(&units_);
    builder.RegisterService(&calendars_);
    server_ = builder.BuildAndStart();
  }
  ~OrgReadersTest() override { server_->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(2)); }

  std::shared_ptr<grpc::Channel> Channel(int port) {
    return grpc::CreateChannel(absl::StrCat("127.0.0.1:", port), grpc::InsecureChannelCredentials());
  }
  static absl::StatusOr<std::string> Token() { return std::string("t0k"); }

  FakeUnits units_;
  FakeCalendars calendars_;
  int port_ = 0;
  std::unique_ptr<grpc::Server> server_;
  absl::Time now_ = absl::FromUnixSeconds(1'796'173'200);
};

TEST_F(OrgReadersTest, AVillagesChainRunsFromTheCountyDownWithLevelsAndIsCachedForTheTtl) {
  UnitDirectory directory(Channel(port_), Token, {}, [this] { return now_; });
  absl::StatusOr<UnitLineage> village = directory.Lineage("village");
  ASSERT_TRUE(village.ok()) << village.status();
  ASSERT_EQ(village->chain.size(), 3u);
  EXPECT_EQ(village->chain[0].id, "county");
  EXPECT_EQ(village->unit().id, "village");
  ASSERT_NE(village->Nearest(type::v1::LEVEL_TOWNSHIP), nullptr);
  EXPECT_EQ(village->Nearest(type::v1::LEVEL_TOWNSHIP)->id, "town");
  EXPECT_EQ(village->Nearest(type::v1::LEVEL_VILLAGE)->id, "village");
  EXPECT_TRUE(village->Within("county"));
  EXPECT_FALSE(village->Within("bank"));
  EXPECT_EQ(units_.calls(), 2);

  EXPECT_TRUE(directory.Lineage("village").ok());
  EXPECT_EQ(units_.calls(), 2);  // from the cache
  now_ += absl::Seconds(30);
  EXPECT_TRUE(directory.Lineage("village").ok());
  EXPECT_EQ(units_.calls(), 4);

  absl::StatusOr<UnitLineage> bank = directory.Lineage("bank");
  ASSERT_TRUE(bank.ok());
  EXPECT_EQ(bank->chain.size(), 1u);
  EXPECT_EQ(bank->Nearest(type::v1::LEVEL_COUNTY), nullptr);
  EXPECT_EQ(directory.Lineage("nowhere").status().code(), absl::StatusCode::kNotFound);
}

TEST_F(OrgReadersTest, TheGoverningCalendarCountsWorkingDaysAndIsCachedPerUnitAndDay) {
  WorkCalendars calendars(Channel(port_), Token, {}, [this] { return now_; });
  auto calendar = calendars.For("village", absl::CivilDay(2026, 12, 4));
  ASSERT_TRUE(calendar.ok()) << calendar.status();
  // Friday 4 December 2026 + 2 working days = Tuesday 8 December.
  EXPECT_EQ(*(*calendar)->AddWorkingDays(absl::CivilDay(2026, 12, 4), 2), absl::CivilDay(2026, 12, 8));
  EXPECT_TRUE(calendars.For("village", absl::CivilDay(2026, 12, 4)).ok());
  EXPECT_EQ(calendars_.calls(), 1);
  EXPECT_TRUE(calendars.For("village", absl::CivilDay(2026, 12, 5)).ok());
  EXPECT_EQ(calendars_.calls(), 2);

  auto none = calendars.For("bank", absl::CivilDay(2026, 12, 4));
  EXPECT_EQ(none.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(rpc::ReasonOf(none.status()), "NO_WORK_CALENDAR");
}

TEST_F(OrgReadersTest, AQuestionToSvcOrgNeverOutlivesTheCallBeingServed) {
  UnitDirectory directory(Channel(port_), Token);  // its own deadline: 2 s
  const absl::Time start = absl::Now();
  absl::StatusOr<UnitLineage> answer;
  {
    const CallDeadlineScope served(start + absl::Milliseconds(100));
    answer = directory.Lineage("slow");  // svc-org takes 800 ms
  }
  EXPECT_LT(absl::Now() - start, absl::Milliseconds(600));
  EXPECT_EQ(answer.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(CurrentCallDeadline(), absl::InfiniteFuture());  // the scope ended
}

TEST_F(OrgReadersTest, SvcOrgUnreachableIsUnavailableAndNotCached) {
  int closed = 0;
  {
    FakeUnits gone;  // a port that was just closed
    grpc::ServerBuilder builder;
    builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &closed);
    builder.RegisterService(&gone);
    std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
    ASSERT_NE(server, nullptr);
    server->Shutdown(std::chrono::system_clock::now());
  }
  UnitDirectory directory(Channel(closed), Token, {}, [this] { return now_; });
  WorkCalendars calendars(Channel(closed), Token, {}, [this] { return now_; });
  auto lineage = directory.Lineage("village");
  EXPECT_EQ(lineage.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(rpc::ReasonOf(lineage.status()), "ORG_UNAVAILABLE");
  auto calendar = calendars.For("village", absl::CivilDay(2026, 12, 4));
  EXPECT_EQ(calendar.status().code(), absl::StatusCode::kUnavailable);
}

}  // namespace
}  // namespace huinong::org_directory
