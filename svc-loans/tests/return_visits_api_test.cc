// ServicingService.RecordReturnVisit and ListReturnVisits through the real
// server against a real MariaDB (servicing_records_fixture.h): post-loan
// return visits (000:1453) to the household's small loan in v11 (town1) and
// the other household's in v21 (town2), recorded by the village station,
// the township department or the paying bank, and listed by loan, by
// township or in the caller's scope as loans are.
#include <gtest/gtest.h>

#include "svc-loans/tests/servicing_records_fixture.h"

namespace huinong::loans::servicing_records_test {
namespace {

class ReturnVisits : public ServicingRecords {
 protected:
  v1::RecordReturnVisitRequest Visit(const std::string& loan, const std::vector<std::string>& visitors,
                                     v1::FundsUse use, bool follow_up) {
    v1::RecordReturnVisitRequest req;
    req.set_request_id(NextRequestId());
    req.set_name(loan);
    v1::ReturnVisit* v = req.mutable_visit();
    *v->mutable_visit_date() = rpc::ToDate(clock_->Today());
    for (const std::string& who : visitors) v->add_visitors("staff/" + who);
    v->set_findings(use == v1::FUNDS_USE_DIVERTED ? "贷款用于购买家用轿车，未用于养殖" : "肉牛存栏 10 头，长势良好");
    v->set_funds_use(use);
    v->set_production_status(v1::PRODUCTION_STATUS_NORMAL);
    v->set_follow_up(follow_up);
    *v->add_documents() = Doc("visit-photo");
    return req;
  }

  grpc::Status Record(const v1::RecordReturnVisitRequest& req, const std::string& who, v1::ReturnVisit* out) {
    return servicing_->RecordReturnVisit(As(who).get(), req, out);
  }

  // Every visit the caller lists with `req` (all pages, two at a time).
  std::vector<v1::ReturnVisit> List(v1::ListReturnVisitsRequest req, const std::string& who,
                                    grpc::Status* status = nullptr) {
    std::vector<v1::ReturnVisit> out;
    req.set_page_size(2);
    for (;;) {
      v1::ListReturnVisitsResponse page;
      const grpc::Status s = servicing_->ListReturnVisits(As(who).get(), req, &page);
      if (status != nullptr) *status = s;
      if (!s.ok()) return out;
      for (const v1::ReturnVisit& v : page.visits()) out.push_back(v);
      if (page.next_page_token().empty()) return out;
      req.set_page_token(page.next_page_token());
    }
  }
};

TEST_F(ReturnVisits, VisitsAreRecordedByTheTownshipOrTheBankAndListedInScope) {
  const v1::Loan loan = Loan(SmallLoan(36, 5'000'000, "RCC-TX-0500").loan());
  const v1::Loan other = Town2Loan();
  AdvanceDays(30);

  v1::ReturnVisit first;
  const v1::RecordReturnVisitRequest req = Visit(loan.name(), {"clerk11", "rcc-officer"},
                                                 v1::FUNDS_USE_AS_CONTRACTED, false);
  grpc::Status s = Record(req, "clerk11", &first);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(first.name().rfind(loan.name() + "/returnVisits/", 0), 0u) << first.name();
  EXPECT_EQ(Day(first.visit_date()), clock_->Today());
  EXPECT_EQ(first.visitors_size(), 2);
  EXPECT_EQ(first.visitors(1), "staff/rcc-officer");
  EXPECT_EQ(first.funds_use(), v1::FUNDS_USE_AS_CONTRACTED);
  EXPECT_EQ(first.production_status(), v1::PRODUCTION_STATUS_NORMAL);
  EXPECT_EQ(first.township(), "units/town1");
  EXPECT_EQ(first.recorded_by(), "staff/clerk11");
  EXPECT_EQ(first.documents(0).title(), "visit-photo");
  const std::vector<audit::v1::Event> events = OutboxEvents();
  EXPECT_EQ(events.back().resource_type(), "return_visit");
  EXPECT_EQ(events.back().action(), "loans.RecordReturnVisit");

  // A retry with the same request_id changes nothing.
  v1::ReturnVisit again;
  ASSERT_TRUE(Record(req, "clerk11", &again).ok());
  EXPECT_EQ(again.name(), first.name());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM return_visits"), 1);
  EXPECT_EQ(OutboxEvents().size(), events.size());

  // The bank finds the money diverted and flags it; the township director visits too.
  v1::ReturnVisit diverted;
  ASSERT_TRUE(Record(Visit(loan.name(), {"rcc-officer"}, v1::FUNDS_USE_DIVERTED, true), "rcc-officer", &diverted).ok());
  EXPECT_TRUE(diverted.follow_up());
  ASSERT_TRUE(Record(Visit(loan.name(), {"director1"}, v1::FUNDS_USE_AS_CONTRACTED, false), "director1", &again).ok());
  ASSERT_TRUE(Record(Visit(other.name(), {"clerk21"}, v1::FUNDS_USE_UNUSED, false), "clerk21", &again).ok());

  // Nobody else's: another township, another village, another bank, the insurer.
  for (const char* who : {"director2", "clerk21", "abc-officer", "insure"}) {
    EXPECT_EQ(Record(Visit(loan.name(), {"director1"}, v1::FUNDS_USE_AS_CONTRACTED, false), who, &again).error_code(),
              grpc::StatusCode::PERMISSION_DENIED)
        << who;
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM return_visits"), 4);

  // By loan: readable as the loan is.
  v1::ListReturnVisitsRequest by_loan;
  by_loan.set_name(loan.name());
  const std::vector<v1::ReturnVisit> of_loan = List(by_loan, "clerk11");
  ASSERT_EQ(of_loan.size(), 3u);
  EXPECT_EQ(of_loan[0].name(), first.name());  // in the order recorded
  grpc::Status denied;
  List(by_loan, "clerk21", &denied);
  EXPECT_EQ(denied.error_code(), grpc::StatusCode::PERMISSION_DENIED);

  // By township, and everything in scope.
  v1::ListReturnVisitsRequest town1;
  town1.set_township("units/town1");
  EXPECT_EQ(List(town1, "director1").size(), 3u);
  EXPECT_EQ(List(town1, "reviewer").size(), 3u);
  EXPECT_EQ(List(town1, "director2").size(), 0u);  // outside its township
  const v1::ListReturnVisitsRequest all;
  EXPECT_EQ(List(all, "reviewer").size(), 4u);     // the county
  EXPECT_EQ(List(all, "director2").size(), 1u);    // its own township
  EXPECT_EQ(List(all, "clerk11").size(), 3u);      // its village
  EXPECT_EQ(List(all, "rcc-officer").size(), 4u);  // the loans its bank paid
  EXPECT_EQ(List(all, "abc-officer").size(), 0u);
  EXPECT_EQ(List(all, "insure").size(), 0u);
  v1::ListReturnVisitsRequest follow_up = town1;
  follow_up.set_follow_up_only(true);
  const std::vector<v1::ReturnVisit> flagged = List(follow_up, "director1");
  ASSERT_EQ(flagged.size(), 1u);
  EXPECT_EQ(flagged[0].name(), diverted.name());
  EXPECT_EQ(flagged[0].funds_use(), v1::FUNDS_USE_DIVERTED);
}

TEST_F(ReturnVisits, BadInputNamesEveryFieldAndChangesNothing) {
  const v1::Loan loan = Loan(SmallLoan(36, 5'000'000, "RCC-TX-0600").loan());
  v1::RecordReturnVisitRequest bad;
  bad.set_request_id(NextRequestId());
  bad.set_name("loan/x");
  v1::ReturnVisit out;
  grpc::Status s = Record(bad, "clerk11", &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(Fields(s), (std::set<std::string>{"name", "visit", "visit.visit_date", "visit.visitors", "visit.findings",
                                              "visit.funds_use", "visit.production_status"}));

  v1::RecordReturnVisitRequest twice = Visit(loan.name(), {"clerk11", "clerk11"}, v1::FUNDS_USE_AS_CONTRACTED, false);
  twice.mutable_visit()->add_visitors("people/x");
  twice.mutable_visit()->set_funds_use(static_cast<v1::FundsUse>(9));
  twice.mutable_visit()->mutable_documents(0)->clear_uri();
  s = Record(twice, "clerk11", &out);
  EXPECT_EQ(Fields(s), (std::set<std::string>{"visit.visitors[1]", "visit.visitors[2]", "visit.funds_use",
                                              "visit.documents[0]"}));

  v1::RecordReturnVisitRequest future = Visit(loan.name(), {"clerk11"}, v1::FUNDS_USE_AS_CONTRACTED, false);
  *future.mutable_visit()->mutable_visit_date() = rpc::ToDate(clock_->Today() + 1);
  s = Record(future, "clerk11", &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(Fields(s), (std::set<std::string>{"visit.visit_date"}));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM return_visits"), 0);

  v1::ListReturnVisitsRequest list;
  list.set_name("loan/x");
  list.set_township("town1");
  list.set_page_size(-1);
  v1::ListReturnVisitsResponse page;
  s = servicing_->ListReturnVisits(As("clerk11").get(), list, &page);
  EXPECT_EQ(Fields(s), (std::set<std::string>{"name", "township", "page_size"}));
}

}  // namespace
}  // namespace huinong::loans::servicing_records_test
