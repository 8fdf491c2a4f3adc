// Help text of the loans servicing commands (issue 11): schedules and
// repayments, extensions and return visits, the township breaker, the
// interest subsidy, the monthly report, the close-of-business job, and
// write-off, recovery and the risk fund — one block per command, looked up
// with the others by usage.cc.
#include "tools/huinongctl/src/usage_texts.h"

#include <array>

namespace huinong::ctl {
namespace {

constexpr std::array<CommandText, 41> kServicing = {{
    {"breaker status", R"(usage: huinongctl breaker status [units/T | --township units/T] [--county units/C] [--state open|suspended|rectifying] [--all]
  One township's lending state and NPL ratio, or the list of townships in your
  scope (a township its own, the county all).
)"},
    {"breaker measure", R"(usage: huinongctl breaker measure units/T [--request-id ID]
  Measures the NPL ratio now and suspends the township at the county's
  threshold (loans.breaker.approve for the county).
)"},
    {"breaker plan", R"(usage: huinongctl breaker plan units/T --plan TEXT --document DOC [--document DOC ...]
         [--findings TEXT] [--investigator WHO ...] [--target-date D] [--etag E] [--request-id ID]
  Files the rectification plan of a suspended township (loans.breaker.rectify:
  the township department, or the county centre). DOC: [KIND|[NUMBER|]]URI[#SHA256].
)"},
    {"breaker approve", R"(usage: huinongctl breaker approve units/T [--comment TEXT] [--etag E] [--request-id ID]
  Lifts the suspension (loans.breaker.approve for the county; not the plan's
  filer). A ratio still at the threshold is tolerated until it rises.
)"},
    {"breaker reject", R"(usage: huinongctl breaker reject units/T --reason TEXT [--etag E] [--request-id ID]
  Sends the plan back; the township stays suspended until a new plan is approved.
)"},
    {"subsidy apply", R"(usage: huinongctl subsidy apply loans/ID --from D --to D --interest-paid YUAN --voucher DOC [--voucher DOC ...]
         --bank-card NUMBER [--request-id ID]
  A borrower's interest-subsidy claim for the days D..D (both counted), filed at
  the township with the payment vouchers (loans.intake). The amount is computed by
  class (a household's first 50,000 at 100% of the base rate, above at 1%;
  organisations 2% / 2.5% / 3% by households lifted), never more than the interest paid.
)"},
    {"subsidy get", R"(usage: huinongctl subsidy get subsidyClaims/ID
)"},
    {"subsidy list", R"(usage: huinongctl subsidy list [--state submitted|checked|in-notice|paid|clawed-back|rejected]
         [--loan L] [--borrower B] [--township U] [--ending-from D] [--ending-to D] [--all]
)"},
    {"subsidy notice", R"(usage: huinongctl subsidy notice [--township U] [--ending-from D] [--ending-to D] [--csv]
  The public notice: every claim in its 7-day notice in your scope (--csv for the
  notice board or a spreadsheet: claim, borrower, township, loan, period, amount,
  notice start, notice end = the first day payment is allowed, where it is posted).
)"},
    {"subsidy check", R"(usage: huinongctl subsidy check subsidyClaims/ID [--comment TEXT] [--document DOC ...] [--etag E] [--request-id ID]
  The township's preliminary check (loans.subsidy.check.township).
)"},
    {"subsidy review", R"(usage: huinongctl subsidy review subsidyClaims/ID --notice DOC [--notice-start D] [--comment TEXT]
         [--document DOC ...] [--etag E] [--request-id ID]
  The county's joint review (loans.subsidy.review.county); the public notice runs
  7 calendar days from --notice-start (today by default).
)"},
    {"subsidy object", R"(usage: huinongctl subsidy object subsidyClaims/ID --objector NAME --content TEXT [--document DOC ...]
         [--etag E] [--request-id ID]
  An objection during the notice: the claim goes back to review.
)"},
    {"subsidy pay", R"(usage: huinongctl subsidy pay subsidyClaims/ID --paid-date D --finance-reference R [--etag E] [--request-id ID]
  The finance bureau's payment to the bank card (loans.subsidy.pay), from the
  notice's end date on (NOTICE_NOT_ENDED before).
)"},
    {"subsidy reject", R"(usage: huinongctl subsidy reject subsidyClaims/ID --reason TEXT [--etag E] [--request-id ID]
)"},
    {"subsidy clawback", R"(usage: huinongctl subsidy clawback subsidyClaims/ID --category diverted|fraud|overpaid --finding TEXT
         [--amount YUAN] [--document DOC ...] [--etag E] [--request-id ID]
  Takes a paid subsidy back (000:1603); diverted or fraud: the loan loses its subsidy.
)"},
    {"loans report", R"(usage: huinongctl loans report --month YYYY-MM [--county units/C] [--csv]
       huinongctl loans report --quarter YYYYQn [--county units/C] [--csv]
  The county's monthly report or quarterly bulletin (000:1607) for a period that
  has ended, as it stood at its end: per township and for the county,
  applications under way and finished, loans issued (count, yuan, distinct
  borrowers), cumulative lending, outstanding, overdue and non-performing
  balances, the NPL ratio, suspended townships. --csv prints the same rows as
  CSV (yuan without separators). Without --county: the one county listed.
  Who: loans.review.county for the county; admin, auditor.
)"},
    {"loans cob run", R"(usage: huinongctl loans cob run --county units/C --through D [--request-id ID]
  Closes the county's business dates from the day after its last closed date
  through D (at most yesterday), in order: every active loan's days past due,
  classification and maturity reminder, then its townships' breakers
  (loans.cob.run for the county, or admin). Prints where it stands after.
)"},
    {"loans cob status", R"(usage: huinongctl loans cob status --county units/C
  The county's last closed business date, its lag to yesterday, and whether a
  replica is running the job.
)"},
    {"loans reminders list", R"(usage: huinongctl loans reminders list --county units/C [--from D] [--to D] [--all]
  Maturity reminders the job recorded (two months before maturity), by day due.
)"},
    {"loan schedule", R"(usage: huinongctl loan schedule loans/ID
  The instalments as of today, with what is paid on each.
)"},
    {"loan repay", R"(usage: huinongctl loan repay loans/ID --amount YUAN --value-date D --bank-reference R
         [--etag E] [--request-id ID]
  A repayment, by the loan's bank (loans.disburse): interest first, then principal;
  a value date before today replays the loan from it. A retry with the same
  request id (or the same bank reference, amount and value date) changes nothing.
)"},
    {"loan quote", R"(usage: huinongctl loan quote loans/ID [--as-of D]
  What settles the loan on D (today by default): repaying the total that day settles it.
)"},
    {"loan extend", R"(usage: huinongctl loan extend loans/ID --months N --reason TEXT --agreement DOC [--etag E] [--request-id ID]
  Extends the loan by N months (展期), by its bank (loans.disburse): the term with every
  extension stays within the county's cap (36 months), a draw within its line's expiry;
  the rest of the schedule is regenerated from the next instalment.
)"},
    {"loan visit", R"(usage: huinongctl loan visit loans/ID --date D --visitor staff/ID [--visitor ...] --findings TEXT
         --funds as-contracted|diverted|unused --production normal|difficulties|stopped|not-started
         [--follow-up] [--document DOC ...] [--request-id ID]
  Records a post-loan return visit (village station, township department or the loan's bank).
)"},
    {"loan visits", R"(usage: huinongctl loan visits [loans/ID | --township units/T] [--follow-up] [--all]
  Return visits of one loan, of a township's loans, or all in your scope.
)"},
    {"loan writeoff request", R"(usage: huinongctl loan writeoff request loans/ID --date D --reason TEXT --document DOC [--document DOC ...]
         [--etag E] [--request-id ID]
  Asks the county to write off a non-performing loan, by its bank
  (loans.disburse); the loss is what would settle it on D.
)"},
    {"loan writeoff approve", R"(usage: huinongctl loan writeoff approve loans/ID [--comment TEXT] [--etag E] [--request-id ID]
  Writes the loan off (loans.writeoff.approve for the county): its township is
  measured again, and a covered loan's compensation claim is opened.
)"},
    {"loan writeoff reject", R"(usage: huinongctl loan writeoff reject loans/ID --reason TEXT [--etag E] [--request-id ID]
  Refuses the bank's request; the bank may ask again.
)"},
    {"loan accountable", R"(usage: huinongctl loan accountable loans/ID --staff staff/ID --kind fraud|negligence --finding TEXT
         [--decision TEXT] [--document DOC ...] [--etag E] [--request-id ID]
  Records a staff member answerable for a bad loan (loans.review.county).
)"},
    {"recovery record", R"(usage: huinongctl recovery record loans/ID --amount YUAN --value-date D --source S --bank-reference R
         [--note TEXT] [--closes-case] [--malicious-evasion --evasion-reason TEXT --evidence DOC ...]
         [--request-id ID]
  Money the bank recovered on a written-off loan (loans.recovery). For a
  compensated loan the fund's share (recovered × paid ÷ loss) flows back;
  malicious evasion puts the borrower on the blacklist. S: borrower,
  collateral, guarantee, insurance, litigation.
)"},
    {"recovery list", R"(usage: huinongctl recovery list loans/ID [--all]
)"},
    {"fund create", R"(usage: huinongctl fund create --county units/C --title TEXT --finance-bureau units/F --poverty-office units/P
         [--request-id ID]
  The county's risk compensation fund (admin, or loans.policy for the county).
)"},
    {"fund get", R"(usage: huinongctl fund get [riskFunds/ID] [--county units/C] [--all]
  One fund with its balance and totals, or the funds in your scope.
)"},
    {"fund contribute", R"(usage: huinongctl fund contribute riskFunds/ID --amount YUAN --value-date D --reference R
         [--kind contribution|replenishment] [--note TEXT] [--request-id ID]
  A contribution (default) or replenishment, by the finance bureau (loans.fund.pay).
)"},
    {"fund transactions", R"(usage: huinongctl fund transactions riskFunds/ID [--kind K] [--all]
  The fund's movements in the order they changed the balance.
)"},
    {"fund check", R"(usage: huinongctl fund check riskFunds/ID
  The ledger check: balance = contributions − compensations + recoveries,
  summed from the movements. Exits 1 when it does not hold.
)"},
    {"claim list", R"(usage: huinongctl claim list [--fund riskFunds/ID] [--loan loans/ID] [--state S] [--all]
)"},
    {"claim get", R"(usage: huinongctl claim get compensationClaims/ID
)"},
    {"claim review", R"(usage: huinongctl claim review compensationClaims/ID --party poverty-office|finance-bureau
         [--comment TEXT] [--etag E] [--request-id ID]
  One reviewer's approval (loans.fund.review.poverty / .finance); approved once both have.
)"},
    {"claim reject", R"(usage: huinongctl claim reject compensationClaims/ID --party P --reason TEXT [--etag E] [--request-id ID]
)"},
    {"claim pay", R"(usage: huinongctl claim pay compensationClaims/ID --value-date D --reference R [--etag E] [--request-id ID]
  Pays an approved claim from the fund (loans.fund.pay); refused
  (FUND_INSUFFICIENT) when the balance is short.
)"},
}};

}  // namespace

std::span<const CommandText> ServicingCommandTexts() { return kServicing; }

}  // namespace huinong::ctl
