// What the BorrowerService API tests share (borrowers_api_test.cc,
// borrower_records_api_test.cc): seeded products and policy, request
// builders, and the fixture with its borrowers of every type.
#pragma once

#include <set>
#include <string>
#include <vector>
#include <cppconn/connection.h>
#include <gtest/gtest.h>
#include "common/rpc/errors.h"
#include "common/rpc/proto_time.h"
#include "svc-loans/src/store/policy_store.h"
#include "svc-loans/src/store/product_store.h"
#include "svc-loans/src/store/township_store.h"
#include "svc-loans/tests/loans_fixture.h"
#include "svc-loans/tests/loans_seed_data.h"

namespace huinong::loans {

// Valid GB 11643 numbers (region 131022, 固安县) and GB 32100 credit codes.
inline constexpr char kIdCard1970[] = "131022197005151239";  // born 1970-05-15
inline constexpr char kIdCard1980[] = "131022198001014565";  // born 1980-01-01
inline constexpr char kIdCard1965[] = "131022196507207891";  // born 1965-07-20
inline constexpr char kIdCard1990[] = "131022199003030125";  // born 1990-03-03
inline constexpr char kCoopCode[] = "93131022MA0A1B2C3X";
inline constexpr char kCoopCode2[] = "93131022MA0A1B2C41";
inline constexpr char kLeadingCode[] = "91131022MA0LEAD017";
inline constexpr char kShareCode[] = "93131022MA0GUFEN1U";
inline constexpr char kPhone[] = "13812345678";
inline constexpr char kAccount[] = "6222021234567890123";

inline absl::Status AsStatus(const grpc::Status& s) { return rpc::FromGrpcStatus(s); }
inline std::string ReasonOf(const grpc::Status& s) { return rpc::ReasonOf(AsStatus(s)); }
inline std::set<std::string> FieldsOf(const grpc::Status& s) {
  std::set<std::string> out;
  for (const auto& fv : rpc::FieldViolationsOf(AsStatus(s))) out.insert(fv.field);
  return out;
}

inline type::v1::Date Day(int y, int m, int d) { return rpc::ToDate(absl::CivilDay(y, m, d)); }

inline v1::Borrower Person(v1::BorrowerType type, const std::string& name, const std::string& unit,
                    const std::string& id_card, absl::CivilDay birth) {
  v1::Borrower b;
  b.set_type(type);
  b.set_display_name(name);
  b.set_unit("units/" + unit);
  b.mutable_person()->set_id_card_number(id_card);
  *b.mutable_person()->mutable_birth_date() = rpc::ToDate(birth);
  b.mutable_person()->set_phone(kPhone);
  b.mutable_person()->set_household_size(4);
  b.mutable_credit()->set_good_credit(true);
  *b.mutable_credit()->mutable_checked_date() = Day(2026, 11, 2);
  b.mutable_settlement_account()->set_bank("nxs");
  b.mutable_settlement_account()->set_account_number(kAccount);
  b.mutable_settlement_account()->set_holder_name(name);
  return b;
}

inline v1::Borrower Organisation(v1::BorrowerType type, const std::string& name, const std::string& unit,
                          const std::string& code) {
  v1::Borrower b;
  b.set_type(type);
  b.set_display_name(name);
  b.set_unit("units/" + unit);
  v1::OrganisationProfile* o = b.mutable_organisation();
  o->set_credit_code(code);
  o->set_legal_representative("李四");
  o->set_registered(true);
  o->set_licensed(true);
  o->set_tax_paying(true);
  o->set_sound_accounting(true);
  o->set_shareholder_households(100);
  o->set_poor_households_driven(30);
  return b;
}

inline v1::PovertyStatusChange Registered(type::v1::Date day, const std::string& number) {
  v1::PovertyStatusChange c;
  c.set_kind(v1::POVERTY_STATUS_CHANGE_KIND_REGISTERED);
  *c.mutable_effective_date() = day;
  c.set_registration_number(number);
  return c;
}

inline v1::PovertyStatusChange Lifted(type::v1::Date day) {
  v1::PovertyStatusChange c;
  c.set_kind(v1::POVERTY_STATUS_CHANGE_KIND_LIFTED);
  *c.mutable_effective_date() = day;
  return c;
}

inline v1::CheckEligibilityRequest Ask(const v1::Borrower& b, int64_t fen, int term_months, v1::Purpose purpose) {
  v1::CheckEligibilityRequest req;
  req.set_borrower(b.name());
  req.set_product(std::string("products/") + kPovertySmallLoanId);
  req.mutable_amount()->set_fen(fen);
  req.set_term_months(term_months);
  req.set_purpose(purpose);
  return req;
}

class BorrowersApi : public LoansFixture {
 protected:
  grpc::Status Create(const std::string& as, const v1::Borrower& b, v1::Borrower* out,
                      const std::string& request_id = "") {
    v1::CreateBorrowerRequest req;
    req.set_request_id(request_id.empty() ? NextRequestId() : request_id);
    *req.mutable_borrower() = b;
    return borrowers_->CreateBorrower(As(as).get(), req, out);
  }

  v1::Borrower MustCreate(const std::string& as, const v1::Borrower& b) {
    v1::Borrower out;
    const grpc::Status s = Create(as, b, &out);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return out;
  }

  // Born on the day the identity number encodes (digits 7-14).
  v1::Borrower Household(const std::string& name = "张三", const std::string& unit = "v11",
                         const std::string& id_card = kIdCard1970) {
    const absl::CivilDay birth(std::stoi(id_card.substr(6, 4)), std::stoi(id_card.substr(10, 2)),
                               std::stoi(id_card.substr(12, 2)));
    return Person(v1::BORROWER_TYPE_HOUSEHOLD, name, unit, id_card, birth);
  }

  std::set<std::string> Rules(const std::string& as, const v1::CheckEligibilityRequest& req,
                              v1::EligibilityResult* out) {
    const grpc::Status s = borrowers_->CheckEligibility(As(as).get(), req, out);
    EXPECT_TRUE(s.ok()) << s.error_message();
    std::set<std::string> rules;
    for (const auto& f : out->findings()) rules.insert(f.rule());
    return rules;
  }

  grpc::Status Get(std::unique_ptr<grpc::ClientContext> ctx, const std::string& name, v1::Borrower* out,
                   const type::v1::Date* as_of = nullptr) {
    v1::GetBorrowerRequest req;
    req.set_name(name);
    if (as_of != nullptr) *req.mutable_as_of() = *as_of;
    return borrowers_->GetBorrower(ctx.get(), req, out);
  }

  std::set<std::string> Listed(std::unique_ptr<grpc::ClientContext> ctx, v1::ListBorrowersRequest req = {}) {
    v1::ListBorrowersResponse resp;
    const grpc::Status s = borrowers_->ListBorrowers(ctx.get(), req, &resp);
    EXPECT_TRUE(s.ok()) << s.error_message();
    std::set<std::string> names;
    for (const auto& b : resp.borrowers()) names.insert(b.name());
    return names;
  }

  grpc::Status Change(const std::string& as, const v1::Borrower& b, const v1::PovertyStatusChange& change,
                      v1::Borrower* out) {
    v1::RecordPovertyStatusChangeRequest req;
    req.set_request_id(NextRequestId());
    req.set_name(b.name());
    req.set_etag(b.etag());
    *req.mutable_change() = change;
    return borrowers_->RecordPovertyStatusChange(As(as).get(), req, out);
  }

  grpc::Status Blacklist(const std::string& as, const v1::Borrower& b, v1::BlacklistEntry* out) {
    v1::AddToBlacklistRequest req;
    req.set_request_id(NextRequestId());
    req.mutable_entry()->set_borrower(b.name());
    req.mutable_entry()->set_category(v1::BLACKLIST_CATEGORY_MALICIOUS_EVASION);
    req.mutable_entry()->set_reason("逾期三年拒不还款，转移资产");
    req.mutable_entry()->add_evidence()->set_uri("docs/recovery-2026-07.pdf");
    return borrowers_->AddToBlacklist(As(as).get(), req, out);
  }

  grpc::Status Unlist(const std::string& as, const v1::BlacklistEntry& e, v1::BlacklistEntry* out) {
    v1::RemoveFromBlacklistRequest req;
    req.set_request_id(NextRequestId());
    req.set_name(e.name());
    req.set_etag(e.etag());
    req.set_reason("已全额还款");
    return borrowers_->RemoveFromBlacklist(As(as).get(), req, out);
  }
};

}  // namespace huinong::loans
