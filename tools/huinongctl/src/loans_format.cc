// See loans_format.h.
#include "tools/huinongctl/src/loans_format.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "tools/huinongctl/src/loan_records_format.h"
#include "tools/huinongctl/src/loans_values.h"
#include "tools/huinongctl/src/org_format.h"

namespace huinong::ctl {
namespace {

namespace v1 = ::huinong::loans::v1;
using Rows = std::vector<std::pair<std::string, std::string>>;

// Adds the row only when `value` says something.
void Add(Rows& rows, const std::string& key, const std::string& value) {
  if (!value.empty() && value != "-") rows.emplace_back(key, value);
}

std::string Yes(bool value) { return value ? "yes" : "no"; }

std::string Range(const type::v1::DateRange& range) {
  return absl::StrCat(DateText(range.start()), "..", DateText(range.end()));
}

std::string Collaterals(const google::protobuf::RepeatedPtrField<v1::Collateral>& list) {
  std::vector<std::string> parts;
  for (const v1::Collateral& c : list) {
    parts.push_back(absl::StrCat(EnumWord(c.kind()), " ", c.description(),
                                 c.has_estimated_value() ? " (" + YuanText(c.estimated_value()) + ")" : ""));
  }
  return absl::StrJoin(parts, "; ");
}

std::string BorrowerTypes(const google::protobuf::RepeatedField<int>& types) {
  std::vector<std::string> words;
  for (const int t : types) words.push_back(EnumWord(static_cast<v1::BorrowerType>(t)));
  return absl::StrJoin(words, ", ");
}

// "staff/S1 on 2026-…" is not printed: times are UTC instants, the day the
// API means is the county's; the step's own dates carry the business days.
std::string By(const std::string& who) { return who.empty() ? "" : "by " + who; }

}  // namespace

std::string BorrowerDetail(const v1::Borrower& b) {
  Rows rows = {{"borrower", absl::StrCat(b.display_name(), "  ", b.name())},
               {"type", EnumWord(b.type())},
               {"unit", b.unit()}};
  if (b.has_person()) {
    const v1::PersonProfile& p = b.person();
    Add(rows, "id card", p.id_card_number());
    Add(rows, "born", DateText(p.birth_date()));
    Add(rows, "phone", p.phone());
    if (p.household_size() > 0) Add(rows, "household", absl::StrCat(p.household_size(), " people"));
    rows.emplace_back("registered poor", Yes(p.registered_poor()));
    for (const v1::PovertyRegistration& r : p.poverty_registrations()) {
      rows.emplace_back("registration", absl::StrCat(r.registration_number(), "  ", DateText(r.registered_date()), "..",
                                                     DateText(r.lifted_date())));
    }
  }
  if (b.has_organisation()) {
    const v1::OrganisationProfile& o = b.organisation();
    Add(rows, "credit code", o.credit_code());
    Add(rows, "represented by", o.legal_representative());
    rows.emplace_back("qualified", absl::StrCat("registered ", Yes(o.registered()), ", licensed ", Yes(o.licensed()),
                                                ", tax-paying ", Yes(o.tax_paying()), ", sound accounting ",
                                                Yes(o.sound_accounting())));
    Add(rows, "leading qualification", DocumentText(o.leading_enterprise_qualification()));
    rows.emplace_back("households", absl::StrCat(o.shareholder_households(), " shareholder, ",
                                                 o.poor_households_driven(), " poor driven, ",
                                                 o.poor_households_lifted(), " lifted"));
  }
  if (b.has_credit()) {
    const v1::CreditStanding& c = b.credit();
    rows.emplace_back("credit", absl::StrCat(c.good_credit() ? "good" : "not rated good",
                                             c.bad_credit_record() ? ", bad record" : "",
                                             c.unresolved_legal_dispute() ? ", legal dispute" : "", ", checked ",
                                             DateText(c.checked_date())));
  }
  if (b.has_settlement_account()) {
    rows.emplace_back("account", absl::StrCat(b.settlement_account().bank(), "  ",
                                              b.settlement_account().account_number()));
  }
  if (b.blacklisted()) rows.emplace_back("blacklisted", b.blacklist_entry());
  Add(rows, "etag", b.etag());
  return KeyValueBlock(rows);
}

Table BorrowerTable(const std::vector<v1::Borrower>& borrowers) {
  Table table({"NAME", "DISPLAY NAME", "TYPE", "UNIT", "POOR", "BLACKLISTED"});
  for (const v1::Borrower& b : borrowers) {
    table.AddRow({b.name(), b.display_name(), EnumWord(b.type()), b.unit(),
                  b.has_person() ? Yes(b.person().registered_poor()) : "", b.blacklisted() ? "yes" : ""});
  }
  return table;
}

std::string BlacklistEntryDetail(const v1::BlacklistEntry& e) {
  Rows rows = {{"entry", e.name()},
               {"borrower", e.borrower()},
               {"category", EnumWord(e.category())},
               {"reason", e.reason()},
               {"active", Yes(e.active())}};
  Add(rows, "loan", e.loan());
  for (const type::v1::DocumentRef& d : e.evidence()) rows.emplace_back("evidence", DocumentText(d));
  Add(rows, "listed", By(e.listed_by()));
  Add(rows, "removed", By(e.removed_by()));
  Add(rows, "removal reason", e.removal_reason());
  Add(rows, "etag", e.etag());
  return KeyValueBlock(rows);
}

Table BlacklistTable(const std::vector<v1::BlacklistEntry>& entries) {
  Table table({"NAME", "BORROWER", "CATEGORY", "ACTIVE", "REASON"});
  for (const v1::BlacklistEntry& e : entries) {
    table.AddRow({e.name(), e.borrower(), EnumWord(e.category()), Yes(e.active()), e.reason()});
  }
  return table;
}

std::string EligibilityText(const v1::EligibilityResult& r) {
  std::string out = KeyValueBlock({{"eligible", Yes(r.eligible())},
                                   {"ceiling", YuanText(r.ceiling())},
                                   {"policy", r.policy()}});
  if (r.counter_guarantee_threshold().fen() > 0) {
    absl::StrAppend(&out, "counter-guarantee above ", YuanText(r.counter_guarantee_threshold()), "\n");
  }
  if (r.findings_size() > 0) absl::StrAppend(&out, "failed rules (", r.findings_size(), "):\n");
  for (const v1::EligibilityFinding& f : r.findings()) {
    absl::StrAppend(&out, "  ", f.rule(), "  ", f.field(), ": ", f.description());
    if (!f.limit().empty() || !f.value().empty()) absl::StrAppend(&out, " (limit ", f.limit(), ", value ", f.value(), ")");
    out += "\n";
  }
  return out;
}

std::string ProductDetail(const v1::Product& p) {
  Rows rows = {{"product", absl::StrCat(p.title(), "  ", p.name())},
               {"code", p.code()},
               {"kind", EnumWord(p.kind())},
               {"borrowers", BorrowerTypes(p.borrower_types())},
               {"max amount", YuanText(p.max_amount())},
               {"max term", absl::StrCat(p.max_term_months(), " months")},
               {"rate", absl::StrCat(MultipleText(p.min_rate_multiple_bp()), "–", MultipleText(p.max_rate_multiple_bp()),
                                     " of the base")},
               {"revolving", Yes(p.revolving())},
               {"repayment", EnumWord(p.repayment_method())}};
  Add(rows, "day count", EnumWord(p.day_count()));
  Add(rows, "fees", EnumWord(p.fee_schedule()));
  if (p.counter_guarantee_threshold().fen() > 0) {
    rows.emplace_back("counter-guarantee", "above " + YuanText(p.counter_guarantee_threshold()));
  }
  rows.emplace_back("status", EnumWord(p.status()));
  Add(rows, "etag", p.etag());
  return KeyValueBlock(rows);
}

Table ProductTable(const std::vector<v1::Product>& products) {
  Table table({"NAME", "CODE", "TITLE", "KIND", "BORROWERS", "MAX AMOUNT", "TERM", "STATUS"});
  for (const v1::Product& p : products) {
    table.AddRow({p.name(), p.code(), p.title(), EnumWord(p.kind()), BorrowerTypes(p.borrower_types()),
                  YuanText(p.max_amount()), absl::StrCat(p.max_term_months()), EnumWord(p.status())});
  }
  return table;
}

std::string PolicyDetail(const v1::CountyPolicy& p) {
  Rows rows = {{"policy", p.name()},
               {"county", p.county()},
               {"from", DateText(p.effective_from())},
               {"banks", absl::StrJoin(p.cooperating_banks(), ", ")},
               {"guarantee companies", absl::StrJoin(p.guarantee_companies(), ", ")},
               {"insurers", absl::StrJoin(p.insurers(), ", ")},
               {"base rate", RateText(p.base_rate_bp())},
               {"small-loan model", EnumWord(p.small_loan_model())},
               {"small-loan rate", MultipleText(p.small_loan_rate_multiple_bp()) + " of the base"},
               {"industry rate", "up to " + MultipleText(p.max_industry_rate_multiple_bp()) + " of the base"},
               {"fees", absl::StrCat("surety premium ", RateText(p.surety_premium_bp()), ", guarantee fee ",
                                     RateText(p.guarantee_fee_bp()), ", ", EnumWord(p.fee_schedule()))}};
  for (const v1::BorrowerCeiling& c : p.ceilings()) {
    rows.emplace_back("ceiling", absl::StrCat(EnumWord(c.type()), " ", YuanText(c.ceiling()),
                                              c.product_kind() == 0 ? "" : " (" + EnumWord(c.product_kind()) + ")"));
  }
  rows.emplace_back("age", absl::StrCat("at most ", p.max_borrower_age(), " on the ", EnumWord(p.age_reference())));
  rows.emplace_back("driven share", absl::StrCat("at least ", p.min_driven_households_share_bp(), " bp"));
  std::vector<std::string> purposes;
  for (const int purpose : p.allowed_purposes()) purposes.push_back(EnumWord(static_cast<v1::Purpose>(purpose)));
  rows.emplace_back("purposes", absl::StrJoin(purposes, ", "));
  rows.emplace_back("total term", absl::StrCat("at most ", p.max_total_term_months(), " months"));
  rows.emplace_back("entrusted payment", "above " + YuanText(p.entrusted_payment_threshold()));
  rows.emplace_back("review within", absl::StrCat(p.small_loan_review_working_days(), " working days (small loans), ",
                                                  p.industry_loan_review_working_days(), " (industry loans)"));
  Add(rows, "note", p.note());
  Add(rows, "etag", p.etag());
  return KeyValueBlock(rows);
}

Table PolicyTable(const std::vector<v1::CountyPolicy>& policies) {
  Table table({"NAME", "COUNTY", "FROM", "BASE RATE", "SMALL-LOAN MODEL"});
  for (const v1::CountyPolicy& p : policies) {
    table.AddRow({p.name(), p.county(), DateText(p.effective_from()), RateText(p.base_rate_bp()),
                  EnumWord(p.small_loan_model())});
  }
  return table;
}

std::string ApplicationDetail(const v1::Application& a) {
  Rows rows = {{"application", a.name()},
               {"state", EnumWord(a.state())},
               {"next step", EnumWord(a.next_step())},
               {"borrower", a.borrower()},
               {"product", a.product()},
               {"amount", YuanText(a.amount())},
               {"term", absl::StrCat(a.term_months(), " months")},
               {"purpose", absl::StrCat(EnumWord(a.purpose()), "  ", a.purpose_detail())}};
  Add(rows, "collateral", Collaterals(a.collateral()));
  Add(rows, "intake", a.intake_unit());
  Add(rows, "township", a.township());
  Add(rows, "policy", a.policy());
  Add(rows, "submitted", By(a.submitted_by()));
  if (a.has_survey()) {
    const v1::SurveyRecord& s = a.survey();
    rows.emplace_back("survey", absl::StrCat("led by ", s.lead(), " on ", DateText(s.visit_date()), ", ",
                                             s.members_size(), " members"));
    Add(rows, "  findings", s.findings());
    Add(rows, "  report", DocumentText(s.report()));
  }
  if (a.has_review_due_date()) {
    rows.emplace_back("review due", absl::StrCat(DateText(a.review_due_date()), a.review_overdue() ? "  OVERDUE" : ""));
  }
  if (a.has_review()) {
    const v1::ReviewRecord& r = a.review();
    rows.emplace_back("review", absl::StrCat(YuanText(r.approved_amount()), ", ", r.approved_term_months(),
                                             " months, ", RateText(r.rate_bp()), ", ", By(r.reviewer()),
                                             r.on_time() ? " (on time)" : " (late)"));
    rows.emplace_back("  bank", r.recommended_bank());
    Add(rows, "  judged by", r.policy());
  }
  if (a.has_guarantee()) {
    const v1::GuaranteeRecord& g = a.guarantee();
    rows.emplace_back("guarantee", absl::StrCat(g.contract_number(), ", ", YuanText(g.guaranteed_amount()), " by ",
                                                g.guarantor(), ", fee ", YuanText(g.service_fee())));
    Add(rows, "  counter", Collaterals(g.counter_guarantees()));
  }
  if (a.guarantee_skipped()) rows.emplace_back("guarantee", "skipped (guarantee-free small loan)");
  if (a.has_insurance()) {
    const v1::InsuranceRecord& i = a.insurance();
    rows.emplace_back("insurance", absl::StrCat(EnumWord(i.kind()), " ", i.policy_number(), ", ",
                                                YuanText(i.insured_amount()), " by ", i.insurer(), ", premium ",
                                                YuanText(i.premium()), ", cover ", Range(i.cover())));
  }
  if (a.has_contract()) {
    const v1::ContractRecord& c = a.contract();
    rows.emplace_back("contract", absl::StrCat(c.contract_number(), " with ", c.bank(), ", signed ",
                                               DateText(c.signed_date()), ", ", YuanText(c.amount()), ", ",
                                               c.term_months(), " months, ", RateText(c.rate_bp())));
    rows.emplace_back("  matures", absl::StrCat(DateText(c.maturity_date()),
                                                c.entrusted_payment() ? ", entrusted payment" : ""));
  }
  if (a.has_disbursement()) {
    const v1::DisbursementRecord& d = a.disbursement();
    rows.emplace_back("disbursed", absl::StrCat(YuanText(d.amount()), " on ", DateText(d.value_date()), ", ref ",
                                                d.bank_reference(), ", fees ", YuanText(d.fees_charged())));
  }
  Add(rows, "credit line", a.credit_line());
  Add(rows, "loan", a.loan());
  if (a.has_rejection()) {
    const v1::ApplicationRejection& r = a.rejection();
    rows.emplace_back("rejected", absl::StrCat("at ", EnumWord(r.step()), " (", EnumWord(r.category()), ") ",
                                               By(r.rejected_by())));
    rows.emplace_back("  reason", r.reason());
  }
  if (a.has_withdrawal()) {
    rows.emplace_back("withdrawn", absl::StrCat(a.withdrawal().reason(), "  ", By(a.withdrawal().recorded_by())));
  }
  Add(rows, "etag", a.etag());
  return KeyValueBlock(rows);
}

Table ApplicationTable(const std::vector<v1::Application>& applications) {
  Table table({"NAME", "STATE", "NEXT STEP", "BORROWER", "AMOUNT", "TERM", "REVIEW DUE"});
  for (const v1::Application& a : applications) {
    table.AddRow({a.name(), EnumWord(a.state()), EnumWord(a.next_step()), a.borrower(), YuanText(a.amount()),
                  absl::StrCat(a.term_months()),
                  a.has_review_due_date()
                      ? absl::StrCat(DateText(a.review_due_date()), a.review_overdue() ? " OVERDUE" : "")
                      : ""});
  }
  return table;
}

std::string CreditLineDetail(const v1::CreditLine& l) {
  Rows rows = {{"credit line", l.name()},
               {"state", EnumWord(l.state())},
               {"borrower", l.borrower()},
               {"application", l.application()},
               {"product", l.product()},
               {"limit", YuanText(l.limit())},
               {"outstanding", YuanText(l.outstanding())},
               {"available", YuanText(l.available())},
               {"rate", RateText(l.rate_bp())},
               {"from", absl::StrCat(DateText(l.start_date()), " until ", DateText(l.expiry_date()))},
               {"draws", absl::StrCat(l.draw_count())}};
  Add(rows, "etag", l.etag());
  return KeyValueBlock(rows);
}

Table CreditLineTable(const std::vector<v1::CreditLine>& lines) {
  Table table({"NAME", "STATE", "BORROWER", "LIMIT", "AVAILABLE", "EXPIRES", "DRAWS"});
  for (const v1::CreditLine& l : lines) {
    table.AddRow({l.name(), EnumWord(l.state()), l.borrower(), YuanText(l.limit()), YuanText(l.available()),
                  DateText(l.expiry_date()), absl::StrCat(l.draw_count())});
  }
  return table;
}

std::string LoanDetail(const v1::Loan& l) {
  Rows rows = {{"loan", l.name()},
               {"status", absl::StrCat(EnumWord(l.status()), ", ", EnumWord(l.classification()))},
               {"borrower", absl::StrCat(l.borrower(), " (", EnumWord(l.borrower_type()), ")")},
               {"product", absl::StrCat(l.product(), " (", EnumWord(l.product_kind()), ")")},
               {"application", l.application()}};
  Add(rows, "credit line", l.credit_line());
  rows.emplace_back("place", absl::StrCat(l.village(), " / ", l.township()));
  Add(rows, "bank", l.bank());
  Add(rows, "bank reference", l.bank_reference());
  rows.emplace_back("purpose", EnumWord(l.purpose()));
  if (l.has_entrusted_payee()) {
    const v1::EntrustedPayee& p = l.entrusted_payee();
    rows.emplace_back("paid to", absl::StrCat(p.payee_name(), ", ", p.bank(), " ", p.account_number()));
  }
  rows.emplace_back("principal", YuanText(l.principal()));
  rows.emplace_back("outstanding", YuanText(l.outstanding_principal()));
  rows.emplace_back("rate", RateText(l.rate_bp()));
  rows.emplace_back("term", absl::StrCat(l.term_months(), " months from ", DateText(l.disbursement_date()),
                                         ", matures ", DateText(l.maturity_date())));
  for (const v1::Extension& e : l.extensions()) rows.emplace_back("extended", ExtensionText(e));
  Add(rows, "next due", DateText(l.next_due_date()));
  if (l.days_past_due() > 0) rows.emplace_back("days past due", absl::StrCat(l.days_past_due()));
  if (l.has_write_off()) {
    const v1::WriteOff& w = l.write_off();
    rows.emplace_back("write-off", absl::StrCat(EnumWord(w.state()), " ", DateText(w.date()), ", loss ",
                                                YuanText(w.principal()), " + interest ", YuanText(w.interest()),
                                                "  ", By(w.recorded_by())));
    Add(rows, "decided", absl::StrCat(By(w.decided_by()), w.decision_comment().empty() ? "" : "  ",
                                      w.decision_comment()));
    rows.emplace_back("recovery", absl::StrCat(EnumWord(l.recovery_state()), ", recovered ", YuanText(l.recovered()),
                                               ", compensated ", YuanText(l.compensated())));
  }
  for (const v1::AccountabilityRecord& a : l.accountability()) {
    rows.emplace_back("accountable", absl::StrCat(a.index(), ". ", a.staff(), " (", EnumWord(a.kind()), ") ",
                                                  a.finding()));
  }
  Add(rows, "etag", l.etag());
  return KeyValueBlock(rows);
}

Table LoanTable(const std::vector<v1::Loan>& loans) {
  Table table({"NAME", "STATUS", "BORROWER", "PRINCIPAL", "OUTSTANDING", "RATE", "MATURES"});
  for (const v1::Loan& l : loans) {
    table.AddRow({l.name(), EnumWord(l.status()), l.borrower(), YuanText(l.principal()),
                  YuanText(l.outstanding_principal()), absl::StrCat(l.rate_bp(), " bp"), DateText(l.maturity_date())});
  }
  return table;
}

namespace {

// "3.40% (340,000.00 of 10,000,000.00)" or "(3 of 100 loans)"; "" unmeasured.
std::string RatioText(const v1::TownshipStatus& t) {
  if (!t.has_evaluate_time()) return "";
  const std::string parts = t.measure() == v1::NPL_MEASURE_BY_COUNT
                                ? absl::StrCat(t.npl_count(), " of ", t.outstanding_count(), " loans")
                                : absl::StrCat(YuanText(t.npl_balance()), " of ", YuanText(t.outstanding_balance()));
  return absl::StrCat(absl::StrFormat("%d.%02d%%", t.npl_ratio_bp() / 100, t.npl_ratio_bp() % 100), " (", parts, ")");
}

}  // namespace

std::string TownshipStatusDetail(const v1::TownshipStatus& t) {
  Rows rows = {{"township", t.township()}, {"county", t.county()}, {"state", EnumWord(t.state())}};
  Add(rows, "npl ratio", RatioText(t));
  if (t.has_evaluate_time()) Add(rows, "threshold", absl::StrCat(RateText(t.threshold_bp()), ", ", t.policy()));
  if (t.has_suspend_time()) Add(rows, "suspended at", RateText(t.suspended_at_ratio_bp()));
  if (t.tolerating()) Add(rows, "tolerating", absl::StrCat("up to ", RateText(t.tolerated_ratio_bp()), " (lifted)"));
  if (t.has_plan()) {
    const v1::RectificationPlan& p = t.plan();
    Add(rows, "plan", absl::StrCat(p.measures(), "  ", By(p.filed_by())));
    Add(rows, "findings", p.findings());
    Add(rows, "investigators", absl::StrJoin(p.investigators(), ", "));
    for (const type::v1::DocumentRef& d : p.documents()) Add(rows, "document", d.title().empty() ? d.uri() : d.title());
    Add(rows, "approved", absl::StrCat(By(p.approved_by()), p.approval_comment().empty() ? "" : "  ",
                                       p.approval_comment()));
    if (p.has_rejection()) Add(rows, "rejected", absl::StrCat(p.rejection().reason(), "  ", By(p.rejection().rejected_by())));
  }
  Add(rows, "etag", t.etag());
  return KeyValueBlock(rows);
}

Table TownshipStatusTable(const std::vector<v1::TownshipStatus>& statuses) {
  Table table({"TOWNSHIP", "STATE", "NPL RATIO", "THRESHOLD", "COUNTY"});
  for (const v1::TownshipStatus& t : statuses) {
    table.AddRow({t.township(), EnumWord(t.state()), RatioText(t),
                  t.has_evaluate_time() ? RateText(t.threshold_bp()) : "", t.county()});
  }
  return table;
}

std::string ScheduleText(const v1::RepaymentSchedule& s) {
  Table table({"#", "DUE", "DAYS", "PRINCIPAL", "INTEREST", "PRINCIPAL PAID", "INTEREST PAID", "STATE"});
  for (const v1::Instalment& i : s.instalments()) {
    table.AddRow({absl::StrCat(i.index()), DateText(i.due_date()), absl::StrCat(i.days()), YuanText(i.principal_due()),
                  YuanText(i.interest_due()), YuanText(i.principal_paid()), YuanText(i.interest_paid()),
                  EnumWord(i.state())});
  }
  return absl::StrCat(s.loan(), "  ", EnumWord(s.repayment_method()), ", ", EnumWord(s.day_count()), ", ",
                      RateText(s.rate_bp()), "\n", table.Render(), "total principal ", YuanText(s.total_principal()),
                      ", interest ", YuanText(s.total_interest()), "\n");
}

std::string RepaymentDetail(const v1::Repayment& r) {
  return KeyValueBlock({{"repayment", r.name()},
                        {"amount", YuanText(r.amount())},
                        {"value date", DateText(r.value_date())},
                        {"posted", DateText(r.posting_date())},
                        {"bank reference", r.bank_reference()},
                        {"interest paid", YuanText(r.interest_paid())},
                        {"principal paid", YuanText(r.principal_paid())},
                        {"outstanding", absl::StrCat(YuanText(r.outstanding_after()), r.settled() ? " (settled)" : "")},
                        {"recorded by", r.recorded_by()}});
}

std::string PayoffQuoteDetail(const v1::PayoffQuote& q) {
  return KeyValueBlock({{"loan", q.loan()},
                        {"as of", DateText(q.as_of())},
                        {"principal", YuanText(q.principal())},
                        {"interest", YuanText(q.interest())},
                        {"total", YuanText(q.total())}});
}

}  // namespace huinong::ctl
