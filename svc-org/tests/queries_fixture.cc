#include "svc-org/tests/queries_fixture.h"

#include <grpcpp/create_channel.h>

#include "absl/strings/str_cat.h"
#include "svc-org/src/app/org_identity.h"

namespace huinong::org {
namespace {

class QueriesForwarder final : public v1::OrgService::Service {
 public:
  explicit QueriesForwarder(QueriesApi& q) : q_(q) {}
  grpc::Status GetOrgChart(grpc::ServerContext* c, const v1::GetOrgChartRequest* r,
                           v1::GetOrgChartResponse* o) override {
    return q_.GetOrgChart(c, r, o);
  }
  grpc::Status GetReportingChain(grpc::ServerContext* c, const v1::GetReportingChainRequest* r,
                                 v1::ReportingChain* o) override {
    return q_.GetReportingChain(c, r, o);
  }
  grpc::Status ListReports(grpc::ServerContext* c, const v1::ListReportsRequest* r,
                           v1::ListReportsResponse* o) override {
    return q_.ListReports(c, r, o);
  }
  grpc::Status GetVacancyReport(grpc::ServerContext* c, const v1::GetVacancyReportRequest* r,
                                v1::GetVacancyReportResponse* o) override {
    return q_.GetVacancyReport(c, r, o);
  }
  grpc::Status GetConcurrencyReport(grpc::ServerContext* c, const v1::GetConcurrencyReportRequest* r,
                                    v1::GetConcurrencyReportResponse* o) override {
    return q_.GetConcurrencyReport(c, r, o);
  }
  grpc::Status ListActingHeads(grpc::ServerContext* c, const v1::ListActingHeadsRequest* r,
                               v1::ListActingHeadsResponse* o) override {
    return q_.ListActingHeads(c, r, o);
  }
  grpc::Status GetCoverageGaps(grpc::ServerContext* c, const v1::GetCoverageGapsRequest* r,
                               v1::GetCoverageGapsResponse* o) override {
    return q_.GetCoverageGaps(c, r, o);
  }
  grpc::Status GetPostDesignReport(grpc::ServerContext* c, const v1::GetPostDesignReportRequest* r,
                                   v1::GetPostDesignReportResponse* o) override {
    return q_.GetPostDesignReport(c, r, o);
  }

 private:
  QueriesApi& q_;
};

}  // namespace

void QueriesFixture::SetUp() {
  StructureFixture::SetUp();
  if (HasFatalFailure()) return;
  queries_kit_ = std::make_unique<server::HandlerKit>(*pool_, *gate_, clock_, OrgIdentity());
  queries_scopes_ = std::make_unique<CallerScopes>(*pool_, absl::Seconds(5));
  queries_api_ = std::make_unique<QueriesApi>(*queries_kit_, *queries_scopes_);
  forwarder_ = std::make_unique<QueriesForwarder>(*queries_api_);
  queries_host_ = std::make_unique<server::ServiceHost>(server::HostOptions{}, queries_registry_, *gate_);
  queries_host_->AddService(forwarder_.get(), v1::OrgService::service_full_name());
  ASSERT_TRUE(queries_host_->Start().ok());
  queries_ = v1::OrgService::NewStub(grpc::CreateChannel(
      absl::StrCat("127.0.0.1:", queries_host_->port()), grpc::InsecureChannelCredentials()));
}

void QueriesFixture::TearDown() {
  if (queries_host_) {
    queries_host_->RequestStop();
    queries_host_->WaitForStop();
  }
  StructureFixture::TearDown();
}

}  // namespace huinong::org
