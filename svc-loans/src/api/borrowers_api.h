// BorrowerService's gRPC handlers (borrower_service.proto): borrowers, their
// dated poor-household registration, eligibility and the blacklist. Each
// handler validates (every bad field at once), authorizes through svc-org
// and maps; the use cases are app/borrowers.h.
#pragma once

#include <memory>

#include "huinong/loans/v1/borrower_service.grpc.pb.h"
#include "svc-loans/src/api/loans_kit.h"

namespace huinong::loans {

class BorrowersApi final : public v1::BorrowerService::Service, private LoansHandlers {
 public:
  explicit BorrowersApi(std::shared_ptr<LoansKit> loans) : LoansHandlers(std::move(loans)) {}

  grpc::Status CreateBorrower(grpc::ServerContext* ctx, const v1::CreateBorrowerRequest* req,
                              v1::Borrower* resp) override;
  grpc::Status GetBorrower(grpc::ServerContext* ctx, const v1::GetBorrowerRequest* req, v1::Borrower* resp) override;
  grpc::Status UpdateBorrower(grpc::ServerContext* ctx, const v1::UpdateBorrowerRequest* req,
                              v1::Borrower* resp) override;
  grpc::Status ListBorrowers(grpc::ServerContext* ctx, const v1::ListBorrowersRequest* req,
                             v1::ListBorrowersResponse* resp) override;
  grpc::Status RecordPovertyStatusChange(grpc::ServerContext* ctx, const v1::RecordPovertyStatusChangeRequest* req,
                                         v1::Borrower* resp) override;
  grpc::Status CheckEligibility(grpc::ServerContext* ctx, const v1::CheckEligibilityRequest* req,
                                v1::EligibilityResult* resp) override;
  grpc::Status AddToBlacklist(grpc::ServerContext* ctx, const v1::AddToBlacklistRequest* req,
                              v1::BlacklistEntry* resp) override;
  grpc::Status RemoveFromBlacklist(grpc::ServerContext* ctx, const v1::RemoveFromBlacklistRequest* req,
                                   v1::BlacklistEntry* resp) override;
  grpc::Status ListBlacklistEntries(grpc::ServerContext* ctx, const v1::ListBlacklistEntriesRequest* req,
                                    v1::ListBlacklistEntriesResponse* resp) override;
};

}  // namespace huinong::loans
