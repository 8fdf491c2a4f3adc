// See seeds.h.
#include "bench/seeds.h"

#include <algorithm>

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/strip.h"
#include "common/core/business_clock.h"
#include "common/core/status_macros.h"
#include "common/db/sql_columns.h"
#include "common/db/statements.h"
#include "svc-loans/src/app/repayments.h"
#include "svc-loans/src/domain/months.h"
#include "svc-loans/src/store/borrower_store.h"
#include "svc-loans/src/store/loan_store.h"
#include "svc-loans/src/store/policy_store.h"
#include "svc-loans/src/store/product_store.h"

namespace huinong::bench {
namespace {

namespace pb = google::protobuf;
using loans::Application, loans::Borrower, loans::BorrowerType, loans::CountyPolicy, loans::CreditLineRecord,
    loans::Loan, loans::Product, loans::ProductKind;

constexpr char kProductId[] = "01BENCHPRODUCTFPXD00000001";

// loans_repayable's loans are paid out this many days before the day they
// are first written: far enough back that interest has accrued (a small
// repayment goes to it first), not so far that an instalment fell due.
constexpr int kRepayableAgeDays = 20;
// The amounts its repayments cycle through: 1 fen to 100 CNY (mean 29.6 CNY).
constexpr int64_t kRepaymentAmountsFen[] = {1, 10, 100, 500, 1000, 2000, 3000, 5000, 8000, 10000};

// A unit's id from "units/{id}" or a bare id; 26 characters (a ULID) are
// needed because the seeded ids embed part of it.
absl::StatusOr<std::string> UnitIdOf(const pb::Value& value, const std::string& seed, const std::string& key) {
  if (value.kind_case() != pb::Value::kStringValue) {
    return absl::InvalidArgumentError(absl::StrCat(seed, ": \"", key, "\" is required (units/{id})"));
  }
  std::string id(absl::StripPrefix(value.string_value(), "units/"));
  if (id.size() != 26) return absl::InvalidArgumentError(absl::StrCat(seed, ": \"", key, "\" is not a unit id"));
  return id;
}

absl::StatusOr<std::string> UnitId(const pb::Struct& args, const std::string& key,
                                   const std::string& seed = "loans_lending") {
  auto it = args.fields().find(key);
  return UnitIdOf(it == args.fields().end() ? pb::Value() : it->second, seed, key);
}

// A list of unit ids ("units/{id}" or bare), at least one.
absl::StatusOr<std::vector<std::string>> UnitIds(const pb::Struct& args, const std::string& key,
                                                 const std::string& seed) {
  auto it = args.fields().find(key);
  if (it == args.fields().end() || it->second.kind_case() != pb::Value::kListValue ||
      it->second.list_value().values_size() == 0) {
    return absl::InvalidArgumentError(absl::StrCat(seed, ": \"", key, "\" is a list of units (${var[]})"));
  }
  std::vector<std::string> ids;
  for (const pb::Value& v : it->second.list_value().values()) {
    ASSIGN_OR_RETURN(std::string id, UnitIdOf(v, seed, key));
    ids.push_back(std::move(id));
  }
  return ids;
}

int IntArg(const pb::Struct& args, const std::string& key, int otherwise) {
  auto it = args.fields().find(key);
  return it == args.fields().end() ? otherwise : static_cast<int>(it->second.number_value());
}

std::string StringArg(const pb::Struct& args, const std::string& key, const std::string& otherwise) {
  auto it = args.fields().find(key);
  return it == args.fields().end() || it->second.string_value().empty() ? otherwise : it->second.string_value();
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

absl::StatusOr<pb::Struct> Arguments(const std::string& seed, const std::string& args_json) {
  pb::Struct args;
  if (!pb::util::JsonStringToMessage(args_json, &args).ok()) {
    return absl::InvalidArgumentError(absl::StrCat(seed, ": the request is not a JSON object"));
  }
  return args;
}

absl::StatusOr<Variables> LoansLending(const std::string& args_json, Databases& databases) {
  ASSIGN_OR_RETURN(const pb::Struct args, Arguments("loans_lending", args_json));
  ASSIGN_OR_RETURN(std::string county, UnitId(args, "county"));
  ASSIGN_OR_RETURN(std::string village, UnitId(args, "village"));
  const int borrowers = IntArg(args, "borrowers", 64);
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

// What loans_repayable writes and answers, from its arguments.
struct RepayableArgs {
  std::string county_id;
  std::string bank_id;
  std::vector<std::string> township_ids;
  std::vector<std::string> village_ids;  // village k is in township k
  int loans = 0;
  std::string set;
  std::string variable;
  absl::TimeZone zone;
  int64_t principal_fen = 0;
};

absl::StatusOr<RepayableArgs> ParseRepayable(const std::string& args_json) {
  constexpr char kSeed[] = "loans_repayable";
  ASSIGN_OR_RETURN(const pb::Struct args, Arguments(kSeed, args_json));
  RepayableArgs r;
  ASSIGN_OR_RETURN(r.county_id, UnitId(args, "county", kSeed));
  ASSIGN_OR_RETURN(r.bank_id, UnitId(args, "bank", kSeed));
  ASSIGN_OR_RETURN(r.township_ids, UnitIds(args, "townships", kSeed));
  ASSIGN_OR_RETURN(r.village_ids, UnitIds(args, "villages", kSeed));
  if (r.village_ids.size() != r.township_ids.size()) {
    return absl::InvalidArgumentError("loans_repayable: one village per township, in the same order");
  }
  r.loans = IntArg(args, "loans", 4096);
  r.set = StringArg(args, "set", "R");
  r.variable = StringArg(args, "variable", "loans_repayable");
  r.principal_fen = IntArg(args, "principal_fen", 5'000'000);
  if (r.loans < 1 || r.loans > 100000) return absl::InvalidArgumentError("loans_repayable: 1 to 100000 loans");
  if (r.set.size() != 1) return absl::InvalidArgumentError("loans_repayable: \"set\" is one character");
  if (r.principal_fen < 100'000 || r.principal_fen > 5'000'000) {
    return absl::InvalidArgumentError("loans_repayable: principal_fen from 100000 to the product's 5000000");
  }
  const std::string zone = StringArg(args, "time_zone", std::string(kDefaultCountyTimeZone));
  if (!absl::LoadTimeZone(zone, &r.zone)) {
    return absl::InvalidArgumentError(absl::StrCat("loans_repayable: unknown time zone ", zone));
  }
  return r;
}

// The application a disbursement closes, reduced to what the loan and its
// credit line copy: the contract (36 months at the policy's 435 bp base
// rate, signed and paid out on `paid_on`) and the disbursement.
Application Disbursed(const RepayableArgs& r, const RepayableLoanIds& ids, int index, absl::CivilDay paid_on) {
  const size_t place = static_cast<size_t>(index) % r.township_ids.size();
  Application a;
  a.id = ids.application_id;
  a.borrower_id = ids.borrower_id;
  a.unit_id = r.village_ids[place];
  a.township_id = r.township_ids[place];
  a.county_id = r.county_id;
  a.product_id = kProductId;
  a.recommended_bank_id = r.bank_id;
  loans::Contract c;
  c.contract_number = absl::StrCat("BENCH-JK-", ids.bank_reference);
  c.bank_id = r.bank_id;
  c.signed_date = paid_on;
  c.amount_fen = r.principal_fen;
  c.term_months = 36;
  c.rate_bp = 435;
  c.maturity_date = loans::AddMonths(paid_on, c.term_months);
  a.contract = c;
  loans::Disbursement d;
  d.amount_fen = r.principal_fen;
  d.value_date = paid_on;
  d.bank_reference = ids.bank_reference;
  a.disbursement = d;
  return a;
}

// How many of the set's loans are there already (an earlier run's).
absl::StatusOr<int> LoansThere(sql::Connection& conn, const RepayableArgs& r) {
  db::Statement q = db::Prepare(conn, "SELECT COUNT(*) AS n FROM loans WHERE id LIKE ?");
  q->setString(1, absl::StrCat(RepayableLoanIdsFor(r.county_id, r.set, 0)->loan_id.substr(0, 18), "%"));
  int n = 0;
  db::Rows<int>(*q, [&n](sql::ResultSet& rs) {
    n = rs.getInt("n");
    return 0;
  });
  return n;
}

// Writes loan `index` as Disburse does (loans::Disburse, app/disbursement.cc):
// the credit line a revolving product opens, the loan with its first
// standing, its stored schedule; and its household. Kept when there.
absl::Status WriteRepayableLoan(sql::Connection& conn, const RepayableArgs& r, const Product& product, int index,
                                absl::CivilDay paid_on, absl::Time now) {
  ASSIGN_OR_RETURN(const RepayableLoanIds ids, RepayableLoanIdsFor(r.county_id, r.set, index));
  const Application a = Disbursed(r, ids, index, paid_on);
  Borrower b = Household(ids.borrower_id, a.unit_id, index, now);
  b.township_id = a.township_id;
  b.county_id = a.county_id;
  RETURN_IF_ERROR(Kept(loans::store::InsertBorrower(conn, b)));
  CreditLineRecord line = loans::CreditLineFromDisbursement(a, ids.credit_line_id);
  line.create_time = line.update_time = now;
  RETURN_IF_ERROR(Kept(loans::store::InsertCreditLine(conn, line)));
  Loan loan = loans::LoanFromDisbursement(a, product, BorrowerType::kHousehold, ids.loan_id, ids.credit_line_id);
  loan.create_time = loan.update_time = now;
  const absl::Status inserted = loans::store::InsertLoan(conn, loan);
  if (absl::IsAlreadyExists(inserted)) return absl::OkStatus();  // its schedule is stored already
  RETURN_IF_ERROR(inserted);
  return loans::StoreSchedule(conn, loan);
}

absl::StatusOr<Variables> LoansRepayable(const std::string& args_json, Databases& databases) {
  ASSIGN_OR_RETURN(const RepayableArgs r, ParseRepayable(args_json));
  ASSIGN_OR_RETURN(db::DbPool * pool, databases.For("loans"));
  const absl::Time now = absl::Now();
  const absl::CivilDay today = absl::ToCivilDay(now, r.zone);
  int there = 0;
  const absl::Status counted = pool->Read([&](sql::Connection& conn) -> absl::Status {
    ASSIGN_OR_RETURN(there, LoansThere(conn, r));
    return absl::OkStatus();
  });
  RETURN_IF_ERROR(counted);
  if (there < r.loans) {
    const Product product = SmallLoanProduct(now);
    constexpr int kBatch = 256;  // loans a transaction
    // A batch commits whole, in index order: an interrupted run's loans are
    // the first `there`, so writing resumes at the batch after them.
    for (int first = there / kBatch * kBatch; first < r.loans; first += kBatch) {
      const absl::Status written = pool->Transact([&](sql::Connection& conn) -> absl::Status {
        for (int i = first; i < std::min(r.loans, first + kBatch); ++i) {
          RETURN_IF_ERROR(WriteRepayableLoan(conn, r, product, i, today - kRepayableAgeDays, now));
        }
        return absl::OkStatus();
      });
      RETURN_IF_ERROR(written);
    }
  }
  Variables out;
  for (int i = 0; i < r.loans; ++i) {
    out[r.variable].push_back(absl::StrCat("loans/", RepayableLoanIdsFor(r.county_id, r.set, i)->loan_id));
  }
  out["loans_value_year"] = {absl::StrCat(today.year())};
  out["loans_value_month"] = {absl::StrCat(today.month())};
  out["loans_value_day"] = {absl::StrCat(today.day())};
  for (int64_t fen : kRepaymentAmountsFen) out["loans_repayment_fen"].push_back(absl::StrCat(fen));
  return out;
}

}  // namespace

absl::StatusOr<RepayableLoanIds> RepayableLoanIdsFor(const std::string& county, const std::string& set, int index) {
  if (county.size() != 26 || set.size() != 1 || index < 0 || index > 99'999'999) {
    return absl::InvalidArgumentError("loans_repayable: a county's ULID, a one-character set, an index under 10^8");
  }
  const std::string tail = absl::StrFormat("%s%s%08d", set, county.substr(13), index);  // 1 + 13 + 8
  return RepayableLoanIds{absl::StrCat("01BR", tail), absl::StrCat("01BH", tail), absl::StrCat("01BC", tail),
                          absl::StrCat("01BA", tail), absl::StrFormat("BENCH-REPAY-%s-%08d", set, index)};
}

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
  if (name == "loans_repayable") return LoansRepayable(args_json, databases);
  return absl::InvalidArgumentError(absl::StrCat("no seed named \"", name, "\" (bench/seeds.h)"));
}

}  // namespace huinong::bench
