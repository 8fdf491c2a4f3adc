// See seeds.h.
#include "bench/seeds.h"

#include <cppconn/connection.h>
#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/strip.h"
#include "common/core/status_macros.h"
#include "svc-loans/src/store/borrower_store.h"
#include "svc-loans/src/store/policy_store.h"
#include "svc-loans/src/store/product_store.h"

namespace huinong::bench {
namespace {

namespace pb = google::protobuf;
using loans::Borrower, loans::BorrowerType, loans::CountyPolicy, loans::Product, loans::ProductKind;

constexpr char kProductId[] = "01BENCHPRODUCTFPXD00000001";

// A unit's id from "units/{id}" or a bare id; 26 characters (a ULID) are
// needed because the seeded ids embed part of it.
absl::StatusOr<std::string> UnitId(const pb::Struct& args, const std::string& key) {
  auto it = args.fields().find(key);
  if (it == args.fields().end() || it->second.kind_case() != pb::Value::kStringValue) {
    return absl::InvalidArgumentError(absl::StrCat("loans_lending: \"", key, "\" is required (units/{id})"));
  }
  std::string id(absl::StripPrefix(it->second.string_value(), "units/"));
  if (id.size() != 26) return absl::InvalidArgumentError(absl::StrCat("loans_lending: \"", key, "\" is not a unit id"));
  return id;
}

// An insert that finds its row already there (an earlier run) is done.
absl::Status Kept(const absl::Status& s) { return absl::IsAlreadyExists(s) ? absl::OkStatus() : s; }

CountyPolicy PolicyOf(const LoansLendingIds& ids, const std::string& county_id, absl::Time now) {
  CountyPolicy p;  // the policy's own defaults: the source documents' settings
  p.id = ids.policy_id;
  p.county_id = county_id;
  p.effective_from = absl::CivilDay(2024, 1, 1);
  p.create_time = p.update_time = now;
  return p;
}

Product SmallLoanProduct(absl::Time now) {
  Product p;
  p.id = kProductId;
  p.code = "BENCH-FPXD";
  p.title = "扶贫小额信贷 (bench)";
  p.kind = ProductKind::kPovertySmallLoan;
  p.borrower_types = {BorrowerType::kHousehold};
  p.max_amount_fen = 5'000'000;  // 5 万元
  p.max_term_months = 36;
  p.revolving = true;
  p.create_time = p.update_time = now;
  return p;
}

// A registered poor household with good credit: eligible for the small loan.
Borrower Household(const std::string& id, const std::string& village_id, int index, absl::Time now) {
  Borrower b;
  b.id = id;
  b.unit_id = village_id;
  b.display_name = absl::StrCat("基准测试农户 ", index);
  b.profile.type = BorrowerType::kHousehold;
  b.profile.birth_date = absl::CivilDay(1980, 5, 1);
  b.profile.poor_registrations = {{absl::CivilDay(2016, 3, 1), std::nullopt}};
  b.profile.good_credit = true;
  b.profile.settlement_account_at_cooperating_bank = true;
  b.create_time = b.update_time = now;
  return b;
}

absl::StatusOr<Variables> LoansLending(const std::string& args_json, Databases& databases) {
  pb::Struct args;
  if (!pb::util::JsonStringToMessage(args_json, &args).ok()) {
    return absl::InvalidArgumentError("loans_lending: the request is not a JSON object");
  }
  ASSIGN_OR_RETURN(std::string county, UnitId(args, "county"));
  ASSIGN_OR_RETURN(std::string village, UnitId(args, "village"));
  int borrowers = 64;
  if (auto it = args.fields().find("borrowers"); it != args.fields().end()) {
    borrowers = static_cast<int>(it->second.number_value());
  }
  ASSIGN_OR_RETURN(LoansLendingIds ids, LoansLendingIdsFor(county, village, borrowers));
  ASSIGN_OR_RETURN(db::DbPool * pool, databases.For("loans"));
  const absl::Time now = absl::Now();
  const absl::Status written = pool->Read([&](sql::Connection& conn) -> absl::Status {
    RETURN_IF_ERROR(Kept(loans::store::InsertPolicy(conn, PolicyOf(ids, county, now))));
    RETURN_IF_ERROR(Kept(loans::store::InsertProduct(conn, SmallLoanProduct(now))));
    for (size_t i = 0; i < ids.borrower_ids.size(); ++i) {
      RETURN_IF_ERROR(Kept(loans::store::InsertBorrower(conn, Household(ids.borrower_ids[i], village,
                                                                         static_cast<int>(i), now))));
    }
    return absl::OkStatus();
  });
  RETURN_IF_ERROR(written);
  Variables out;
  out["loans_product"] = {absl::StrCat("products/", ids.product_id)};
  for (const std::string& id : ids.borrower_ids) out["loans_borrowers"].push_back(absl::StrCat("borrowers/", id));
  return out;
}

}  // namespace

absl::StatusOr<LoansLendingIds> LoansLendingIdsFor(const std::string& county, const std::string& village,
                                                  int borrowers) {
  if (county.size() != 26 || village.size() != 26) return absl::InvalidArgumentError("loans_lending: unit ids are ULIDs");
  if (borrowers < 1 || borrowers > 100000) return absl::InvalidArgumentError("loans_lending: 1 to 100000 borrowers");
  LoansLendingIds ids;
  ids.policy_id = absl::StrCat("01BENCHPOLICY", county.substr(13));  // 13 + 13
  ids.product_id = kProductId;
  for (int i = 0; i < borrowers; ++i) {
    ids.borrower_ids.push_back(absl::StrFormat("01BB%s%010d", village.substr(14), i));  // 4 + 12 + 10
  }
  return ids;
}

absl::StatusOr<Variables> RunSeed(const std::string& name, const std::string& args_json, Databases& databases) {
  if (name == "loans_lending") return LoansLending(args_json, databases);
  return absl::InvalidArgumentError(absl::StrCat("no seed named \"", name, "\" (bench/seeds.h)"));
}

}  // namespace huinong::bench
