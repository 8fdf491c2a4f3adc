// BorrowerService's handlers (see borrower_service.proto for the contract,
// borrower_mapping.h for who sees personal data in clear).
#include "svc-loans/src/api/borrowers_api.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "common/rpc/page_token.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/request_checks.h"
#include "common/rpc/shared_types.h"
#include "common/rpc/validate.h"
#include "svc-loans/src/api/borrower_mapping.h"
#include "svc-loans/src/app/access.h"
#include "svc-loans/src/app/borrowers.h"

namespace huinong::loans {

namespace {

// Each borrower's personal data as `caller` may see it, asking svc-org once
// per unit of the page.
class PersonalDataShown {
 public:
  PersonalDataShown(OrgView& org, const auth::Principal& caller, absl::CivilDay day)
      : org_(org), caller_(caller), day_(day) {}

  absl::StatusOr<PersonalData> For(const std::string& unit_id) {
    auto it = by_unit_.find(unit_id);
    if (it != by_unit_.end()) return it->second;
    ASSIGN_OR_RETURN(PersonalData shown, PersonalDataFor(org_, caller_, unit_id, day_));
    by_unit_.emplace(unit_id, shown);
    return shown;
  }

 private:
  OrgView& org_;
  const auth::Principal& caller_;
  absl::CivilDay day_;
  std::map<std::string, PersonalData> by_unit_;
};

}  // namespace

grpc::Status BorrowersApi::CreateBorrower(grpc::ServerContext* ctx, const v1::CreateBorrowerRequest* req,
                                          v1::Borrower* resp) {
  return kit_.Mutate(*ctx, *req, resp, "CreateBorrower",
                     [&](const auth::Principal& caller) -> server::Prepared<v1::Borrower> {
    rpc::Violations v;
    if (!req->has_borrower()) v.Add("borrower", "required");
    Borrower draft;
    ReadBorrower(req->borrower(), "borrower", draft, v);
    std::optional<PovertyChange> first;
    if (req->has_poverty_registration()) {
      first = ReadPovertyChange(req->poverty_registration(), "poverty_registration", v);
      if (req->poverty_registration().kind() == v1::POVERTY_STATUS_CHANGE_KIND_LIFTED) {
        v.Add("poverty_registration.kind", "a household's first period is REGISTERED");
      }
      if (req->borrower().type() != v1::BORROWER_TYPE_HOUSEHOLD) {
        v.Add("poverty_registration", "only a household is registered as poor");
      }
    }
    RETURN_IF_ERROR(v.ToStatus());
    ASSIGN_OR_RETURN(Placement place, PlaceBorrower(org_, draft.profile.type, draft.unit_id, "borrower.unit"));
    RETURN_IF_ERROR(RequireCapability(org_, caller, kIntake, place.unit_id, kit_.clock().Today()));
    return [=](server::Mutation& m) -> absl::StatusOr<v1::Borrower> {
      ASSIGN_OR_RETURN(const BorrowerChange c, loans::CreateBorrower(m, draft, place, first));
      RETURN_IF_ERROR(RecordBorrower(m, c));
      return ToProto(c.after, m.today(), PersonalData::kClear);  // the creator holds loans.intake for the unit
    };
  });
}

grpc::Status BorrowersApi::GetBorrower(grpc::ServerContext* ctx, const v1::GetBorrowerRequest* req,
                                       v1::Borrower* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const std::string id = rpc::ParseName(req->name(), "borrowers", "name", v);
    const std::optional<absl::CivilDay> as_of = rpc::FromDate(req->as_of(), "as_of", v);
    const absl::CivilDay today = kit_.clock().Today();
    return reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(Borrower b, ReadableBorrower(conn, org_, caller, id));
      ASSIGN_OR_RETURN(PersonalData shown, PersonalDataFor(org_, caller, b.unit_id, today));
      *resp = ToProto(b, as_of.value_or(today), shown);
      return absl::OkStatus();
    });
  });
}

grpc::Status BorrowersApi::UpdateBorrower(grpc::ServerContext* ctx, const v1::UpdateBorrowerRequest* req,
                                          v1::Borrower* resp) {
  return kit_.Mutate(*ctx, *req, resp, "UpdateBorrower",
                     [&](const auth::Principal&) -> server::Prepared<v1::Borrower> {
    rpc::Violations v;
    const std::string id = rpc::ParseName(req->borrower().name(), "borrowers", "borrower.name", v);
    if (req->borrower().etag().empty()) v.Add("borrower.etag", "required");
    const std::set<std::string> paths = rpc::MaskPaths(req->update_mask(), BorrowerUpdatableFields(), v);
    RETURN_IF_ERROR(v.ToStatus());
    // The new values are checked against the stored borrower's type, in the
    // transaction.
    return [=, this](server::Mutation& m) -> absl::StatusOr<v1::Borrower> {
      auto change = [&](Borrower& b) -> absl::Status {
        rpc::Violations fields;
        ApplyBorrowerMask(req->borrower(), paths, "borrower", b, fields);
        return fields.ToStatus();
      };
      ASSIGN_OR_RETURN(const BorrowerChange c, loans::UpdateBorrower(m, org_, id, req->borrower().etag(), change));
      RETURN_IF_ERROR(RecordBorrower(m, c));
      return ToProto(c.after, m.today(), PersonalData::kClear);  // the writer holds loans.intake for the unit
    };
  });
}

grpc::Status BorrowersApi::ListBorrowers(grpc::ServerContext* ctx, const v1::ListBorrowersRequest* req,
                                         v1::ListBorrowersResponse* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const int page_size = rpc::PageSize(req->page_size(), v);
    store::BorrowerQuery query;
    if (req->type() != 0 && !v1::BorrowerType_IsValid(req->type())) {
      v.Add("type", absl::StrCat("unknown value ", req->type()));
    }
    query.type = req->type();
    const std::string unit_id = rpc::ParseOptionalName(req->unit(), "units", "unit", v);
    if (req->include_subtree() && unit_id.empty()) v.Add("include_subtree", "needs a unit");
    rpc::CheckText(req->id_card_number(), "id_card_number", 0, 18, v);
    query.id_card_number = req->id_card_number();
    rpc::CheckText(req->credit_code(), "credit_code", 0, 18, v);
    query.credit_code = req->credit_code();
    rpc::CheckText(req->display_name_prefix(), "display_name_prefix", 0, 200, v);
    query.display_name_prefix = req->display_name_prefix();
    query.blacklisted_only = req->blacklisted_only();
    const std::optional<absl::CivilDay> as_of = rpc::FromDate(req->as_of(), "as_of", v);
    // The token is bound to a fingerprint of the filters, never their text.
    const std::string filters =
        absl::StrCat("type=", req->type(), "|unit=", req->unit(), "|subtree=", req->include_subtree(),
                     "|id_card=", req->id_card_number(), "|credit_code=", req->credit_code(),
                     "|prefix=", req->display_name_prefix(), "|blacklisted=", req->blacklisted_only(),
                     "|poor=", req->registered_poor_only(), "|as_of=", as_of ? absl::FormatCivilTime(*as_of) : "");
    query.after_id = rpc::PageAfter(req->page_token(), filters, v);
    query.limit = page_size + 1;
    if (!v.empty()) return absl::OkStatus();  // answered with the bad fields
    const absl::CivilDay today = kit_.clock().Today();
    ASSIGN_OR_RETURN(PlaceScope scope, PlaceScopeOf(org_, caller));
    if (!unit_id.empty()) {
      RETURN_IF_ERROR(RequireReadable(org_, caller, unit_id));
      if (req->include_subtree()) {
        ASSIGN_OR_RETURN(UnitLineage unit, org_.Lineage(unit_id));
        query.places.push_back(PlaceFilterOf(unit.unit()));
      } else {
        query.unit_ids = {unit_id};
      }
    }
    std::optional<absl::CivilDay> poor_on;
    if (req->registered_poor_only()) poor_on = as_of.value_or(today);
    return reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(std::vector<Borrower> rows, loans::ListBorrowers(conn, scope, query, poor_on));
      resp->set_next_page_token(
          rpc::NextPageToken(rows, page_size, filters, [](const Borrower& b) { return b.id; }));
      PersonalDataShown shown(org_, caller, today);
      for (const Borrower& b : rows) {
        ASSIGN_OR_RETURN(PersonalData data, shown.For(b.unit_id));
        *resp->add_borrowers() = ToProto(b, as_of.value_or(today), data);
      }
      return absl::OkStatus();
    });
  });
}

grpc::Status BorrowersApi::RecordPovertyStatusChange(grpc::ServerContext* ctx,
                                                     const v1::RecordPovertyStatusChangeRequest* req,
                                                     v1::Borrower* resp) {
  return kit_.Mutate(*ctx, *req, resp, "RecordPovertyStatusChange",
                     [&](const auth::Principal&) -> server::Prepared<v1::Borrower> {
    rpc::Violations v;
    const std::string id = rpc::ParseName(req->name(), "borrowers", "name", v);
    if (req->etag().empty()) v.Add("etag", "required");
    if (!req->has_change()) v.Add("change", "required");
    const PovertyChange change = ReadPovertyChange(req->change(), "change", v);
    RETURN_IF_ERROR(v.ToStatus());
    return [=, this](server::Mutation& m) -> absl::StatusOr<v1::Borrower> {
      ASSIGN_OR_RETURN(const BorrowerChange c, loans::RecordPovertyStatusChange(m, org_, id, req->etag(), change));
      RETURN_IF_ERROR(RecordBorrower(m, c));
      return ToProto(c.after, m.today(), PersonalData::kClear);  // the writer holds loans.intake for the unit
    };
  });
}

grpc::Status BorrowersApi::CheckEligibility(grpc::ServerContext* ctx, const v1::CheckEligibilityRequest* req,
                                            v1::EligibilityResult* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const std::string borrower_id = rpc::ParseName(req->borrower(), "borrowers", "borrower", v);
    const std::string product_id = rpc::ParseName(req->product(), "products", "product", v);
    LoanRequest request;
    if (req->amount().fen() <= 0) v.Add("amount", "more than 0 fen");
    request.amount_fen = req->amount().fen();
    if (req->term_months() <= 0) v.Add("term_months", "at least 1 month");
    request.term_months = req->term_months();
    if (req->purpose() == v1::PURPOSE_UNSPECIFIED) {
      v.Add("purpose", "required");
    } else if (!v1::Purpose_IsValid(req->purpose())) {
      v.Add("purpose", absl::StrCat("unknown value ", req->purpose()));
    } else {
      request.purpose = static_cast<Purpose>(req->purpose());
    }
    const std::optional<absl::CivilDay> as_of = rpc::FromDate(req->as_of(), "as_of", v);
    request.application_date = as_of.value_or(kit_.clock().Today());
    return reader([&](sql::Connection& conn) -> absl::Status {
      ASSIGN_OR_RETURN(EligibilityAnswer answer,
                       JudgeEligibility(conn, org_, caller, borrower_id, product_id, request));
      resp->set_eligible(answer.failures.empty());
      for (const RuleFailure& f : answer.failures) {
        v1::EligibilityFinding* finding = resp->add_findings();
        finding->set_rule(f.rule);
        finding->set_field(f.field);
        finding->set_description(absl::StrCat(f.field, ": ", f.limit, "; found ", f.actual));
        finding->set_limit(f.limit);
        finding->set_value(f.actual);
      }
      if (answer.ceiling_fen) *resp->mutable_ceiling() = rpc::ToMoney(*answer.ceiling_fen);
      *resp->mutable_counter_guarantee_threshold() = rpc::ToMoney(answer.counter_guarantee_threshold_fen);
      resp->set_policy(rpc::FormatName("countyPolicies", answer.policy_id));
      return absl::OkStatus();
    });
  });
}

grpc::Status BorrowersApi::AddToBlacklist(grpc::ServerContext* ctx, const v1::AddToBlacklistRequest* req,
                                          v1::BlacklistEntry* resp) {
  return kit_.Mutate(*ctx, *req, resp, "AddToBlacklist",
                     [&](const auth::Principal&) -> server::Prepared<v1::BlacklistEntry> {
    rpc::Violations v;
    if (!req->has_entry()) v.Add("entry", "required");
    BlacklistEntry draft;
    ReadBlacklistEntry(req->entry(), "entry", draft, v);
    RETURN_IF_ERROR(v.ToStatus());
    return [=, this](server::Mutation& m) -> absl::StatusOr<v1::BlacklistEntry> {
      ASSIGN_OR_RETURN(const BlacklistChange c, loans::AddToBlacklist(m, org_, draft));
      RETURN_IF_ERROR(RecordBlacklist(m, c));
      return ToProto(c.after);
    };
  });
}

grpc::Status BorrowersApi::RemoveFromBlacklist(grpc::ServerContext* ctx, const v1::RemoveFromBlacklistRequest* req,
                                               v1::BlacklistEntry* resp) {
  return kit_.Mutate(*ctx, *req, resp, "RemoveFromBlacklist",
                     [&](const auth::Principal&) -> server::Prepared<v1::BlacklistEntry> {
    rpc::Violations v;
    const std::string id = rpc::ParseName(req->name(), "blacklistEntries", "name", v);
    if (req->etag().empty()) v.Add("etag", "required");
    rpc::CheckText(req->reason(), "reason", 1, 2000, v);
    RETURN_IF_ERROR(v.ToStatus());
    return [=, this](server::Mutation& m) -> absl::StatusOr<v1::BlacklistEntry> {
      ASSIGN_OR_RETURN(const BlacklistChange c, loans::RemoveFromBlacklist(m, org_, id, req->etag(), req->reason()));
      RETURN_IF_ERROR(RecordBlacklist(m, c));
      return ToProto(c.after);
    };
  });
}

grpc::Status BorrowersApi::ListBlacklistEntries(grpc::ServerContext* ctx, const v1::ListBlacklistEntriesRequest* req,
                                                v1::ListBlacklistEntriesResponse* resp) {
  return kit_.Read(*ctx, [&](const auth::Principal& caller, rpc::Violations& v,
                             const server::Reader& reader) -> absl::Status {
    const int page_size = rpc::PageSize(req->page_size(), v);
    store::BlacklistQuery query;
    query.borrower_id = rpc::ParseOptionalName(req->borrower(), "borrowers", "borrower", v);
    query.active_only = req->active_only();
    const std::string filters = absl::StrCat("borrower=", req->borrower(), "|active=", req->active_only());
    query.after_id = rpc::PageAfter(req->page_token(), filters, v);
    query.limit = page_size + 1;
    if (!v.empty()) return absl::OkStatus();  // answered with the bad fields
    ASSIGN_OR_RETURN(PlaceScope scope, PlaceScopeOf(org_, caller));
    return reader([&](sql::Connection& conn) -> absl::Status {
      if (!query.borrower_id.empty()) {
        ASSIGN_OR_RETURN(Borrower b, ReadableBorrower(conn, org_, caller, query.borrower_id));
      }
      ASSIGN_OR_RETURN(std::vector<BlacklistEntry> rows, loans::ListBlacklistEntries(conn, scope, query));
      resp->set_next_page_token(
          rpc::NextPageToken(rows, page_size, filters, [](const BlacklistEntry& e) { return e.id; }));
      for (const BlacklistEntry& e : rows) *resp->add_entries() = ToProto(e);
      return absl::OkStatus();
    });
  });
}

}  // namespace huinong::loans
