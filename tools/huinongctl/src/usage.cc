// Help text for huinongctl; see usage.h.
#include "tools/huinongctl/src/usage.h"

#include <array>
#include <span>
#include <string>
#include <utility>

#include "tools/huinongctl/src/usage_texts.h"

namespace huinong::ctl {
namespace {

constexpr std::string_view kGlobal = R"(Global flags:
  --gateway=HOST:PORT  the gateway (HUINONG_GATEWAY; else .run/env in this directory)
  --token=JWT          bearer token (HUINONG_TOKEN)
  --json               print the API's JSON instead of a table
  --timeout=10s        deadline of each call
A document (DOC) is "[KIND|[NUMBER|]]URI[#SHA256]": "loan_contract|固农信借字〔2026〕第0187号|docs://c.pdf#<64 hex>".
)";

constexpr std::array<CommandText, 80> kCommands = {{
    {"token", R"(usage: huinongctl token --sub SUBJECT --roles ROLE[,ROLE...] [--unit units/ID] [--ttl 12h]
  Mints a development HS256 token and prints it.
  Secret: --jwt-hs256-secret-file or HUINONG_JWT_HS256_SECRET_FILE.
  Issuer/audience: HUINONG_JWT_ISSUER (huinong-local), HUINONG_JWT_AUDIENCE (huinong).
)"},
    {"health", R"(usage: huinongctl health [--wait 60s]
  Checks grpc.health.v1.Health of org, tickets, loans and audit through the gateway.
  Exit 0 only when all are SERVING; --wait polls every 500 ms until then.
)"},
    {"unit create", R"(usage: huinongctl unit create --name NAME --kind KIND --level LEVEL [--parent units/ID]
         [--code CODE] [--status planned|active] [--function TEXT]... [--request-id ID]
  KIND: station department centre group company division module leading-group office
  LEVEL: county township village none
  Without --request-id a new one is made and printed, so a retry can reuse it.
)"},
    {"unit get", R"(usage: huinongctl unit get units/ID [--as-of YYYY-MM-DD]
  --as-of shows the unit as it stood (or is scheduled to stand) on that day.
)"},
    {"unit list", R"(usage: huinongctl unit list [--parent units/ID] [--level L] [--kind K] [--status S]
         [--page-size N] [--page-token T] [--all]
  --all follows every page; otherwise the next page token is printed.
)"},
    {"unit tree", R"(usage: huinongctl unit tree [units/ID] [--depth N] [--include-abolished] [--as-of YYYY-MM-DD]
  Without a unit: every root the caller can see. --as-of: names, parents and
  statuses of that day.
)"},
    {"unit ancestors", R"(usage: huinongctl unit ancestors units/ID [--as-of YYYY-MM-DD]
)"},
    {"unit history", R"(usage: huinongctl unit history units/ID
  The unit's dated versions, oldest first: FROM..UNTIL (UNTIL is the first day
  the version no longer applies; open while in force), name, parent, status and
  the change request that made it; marked (scheduled) while its day has not come.
)"},
    {"unit move", R"(usage: huinongctl unit move units/ID --to units/NEW_PARENT [--etag E] [--request-id ID]
  Without --etag the unit's current etag is used.
)"},
    {"unit update", R"(usage: huinongctl unit update units/ID [--name N] [--status S] [--kind K] [--code C]
         [--function TEXT]... [--etag E] [--request-id ID]
  Only the fields given are changed. Without --etag the unit's current etag is used.
)"},
    {"demo load", R"(usage: huinongctl demo load
  Creates the demo county network (固安县: county centre, townships, villages)
  with posts, quotas, staff and an acting township head; the leading group and
  its member units; the 2-person customer-service centre; the property
  customer-service department; the loan company with its concurrency whitelist
  and its approval chain (总经理办公会 decides every change request, 董事会
  approves structure changes; non-admins must use change requests there);
  one staffing standard; the lending partners (the county rural credit union,
  the Agricultural Bank, the guarantee company, PICC's desk at the county
  centre) with their officers; then, as the demo's people (tokens minted with
  the secret, as `token` does), the county policy, the two loan products,
  borrowers of every type and applications standing in every state.
  Idempotent: running it again changes nothing.
)"},
    {"post create", R"(usage: huinongctl post create --unit units/ID --title T --kind management|technical|support
         [--code C] [--head|--deputy] [--superior posts/ID] [--capability CAP]... [--duty TEXT]...
         [--effective-from YYYY-MM-DD] [--request-id ID]
)"},
    {"post get", R"(usage: huinongctl post get posts/ID [--as-of YYYY-MM-DD]
)"},
    {"post list", R"(usage: huinongctl post list [--unit units/ID [--subtree]] [--capability CAP] [--code C] [--as-of D]
)"},
    {"staff create", R"(usage: huinongctl staff create --name NAME [--employee-number N] [--phone P] [--email E]
         [--employer ORG] [--qualification CODE]... [--request-id ID]
)"},
    {"staff get", R"(usage: huinongctl staff get staff/ID   (phone masked unless hr/admin)
)"},
    {"staff list", R"(usage: huinongctl staff list [--unit units/ID [--subtree]] [--capability CAP] [--name-prefix P]
)"},
    {"assign", R"(usage: huinongctl assign staff/ID posts/ID --from YYYY-MM-DD [--to YYYY-MM-DD]
         [--kind primary|concurrent|acting|seconded] [--note TEXT] [--validate-only] [--request-id ID]
         acting:   --acting-for staff/ID --delegated-by staff/ID --reason TEXT [--capability CAP]...
         seconded: --seconded-from ORGANISATION
)"},
    {"assignment list", R"(usage: huinongctl assignment list [--staff S] [--post P] [--unit U [--subtree]] [--kind K]
         [--as-of D | --all-dates]
)"},
    {"change create", R"(usage: huinongctl change create --unit units/ID --title T --reason R
         [--effective YYYY-MM-DD] [--items-file FILE] [--request-id ID]
  Drafts a change request for the organisation rooted at --unit. FILE (- for
  stdin) is a JSON array of ChangeItem in protobuf JSON, e.g.
    [{"move_unit": {"unit": "units/U7", "new_parent": "units/U2"}},
     {"create_unit": {"ref": "east", "unit": {"display_name": "东区服务部",
       "kind": "UNIT_KIND_DEPARTMENT", "parent": "units/U2"}}}]
  Later items may name a unit or post made earlier as "new/REF".
  Items and the effective date are needed by submit, not here.
)"},
    {"change get", R"(usage: huinongctl change get changeRequests/ID
  The request, its items and, once submitted, its approval steps.
)"},
    {"change list", R"(usage: huinongctl change list [--unit units/ID] [--state STATE] [--awaiting-me]
         [--effective-from D] [--effective-to D]
  STATE: draft in-approval approved rejected withdrawn
  --awaiting-me: requests whose pending step you may decide.
)"},
    {"change submit", R"(usage: huinongctl change submit changeRequests/ID [--etag E] [--request-id ID]
  DRAFT → IN_APPROVAL; the steps come from the approval chain that applies.
  Without --etag the request's current etag is used (as for the commands below).
)"},
    {"change approve", R"(usage: huinongctl change approve changeRequests/ID [--comment C] [--etag E] [--request-id ID]
  Approves the pending step; on the last step the changes take effect on the
  effective date.
)"},
    {"change reject", R"(usage: huinongctl change reject changeRequests/ID --comment C [--etag E] [--request-id ID]
)"},
    {"change withdraw", R"(usage: huinongctl change withdraw changeRequests/ID [--reason R] [--etag E] [--request-id ID]
)"},
    {"chain create", R"(usage: huinongctl chain create --unit units/ID --title T --step STEP... [--require-change-requests]
         [--request-id ID]
  STEP: "TITLE|CAPABILITY|units/ID[|KIND,KIND]", in order; the kinds (e.g.
  create-unit,merge-units) limit the step to requests with such items.
  KIND: create-unit update-unit merge-units split-unit abolish-unit move-unit
        create-post update-post abolish-post set-quota move-reporting-line
  --require-change-requests: direct structural writes in the subtree then fail.
)"},
    {"chain get", R"(usage: huinongctl chain get approvalChains/ID
)"},
    {"chain list", R"(usage: huinongctl chain list [--applies-to units/ID]
  --applies-to: the chain that applies to the unit (the nearest up the tree).
)"},
    {"calendar create", R"(usage: huinongctl calendar create --unit units/ID --name NAME --spec FILE [--request-id ID]
  Creates the unit's work calendar (one per unit; normally the county centre's,
  which then governs the townships and villages below it) with its first version.
  FILE (- for stdin): a WorkCalendarVersion in JSON, e.g.
    {"effective_from": "2026-01-01", "time_zone": "Asia/Shanghai",
     "weekday_hours": [{"weekday": "Monday", "periods": [{"start": "08:30", "end": "12:00"}]}],
     "holidays": [{"day": "2026-10-01", "name": "国庆节"}],
     "makeup_days": [{"day": "2026-10-10", "name": "调休上班"}]}
  (tools/huinongctl/data/demo_calendar_2026.json is a whole one; "about" is ignored).
)"},
    {"calendar get", R"(usage: huinongctl calendar get workCalendars/ID | --unit units/ID  [--as-of D]
  --unit: the calendar governing the unit (its own, or the nearest above it).
  --as-of: the version in force that day (default today).
)"},
    {"calendar versions", R"(usage: huinongctl calendar versions workCalendars/ID
)"},
    {"calendar add-version", R"(usage: huinongctl calendar add-version workCalendars/ID --spec FILE [--etag E] [--request-id ID]
  A new version from the file's effective_from (today or later): the same day as
  the latest version replaces it. Without --etag the current one is fetched.
)"},
    {"calendar deadline", R"(usage: huinongctl calendar deadline --unit units/ID --arrival RFC3339 --days N
  "Within N working days" of an arrival at the unit: the end (24:00 local) of the
  N-th working day after the arrival day, on the version in force that day.
)"},
    {"borrower create", R"(usage: huinongctl borrower create --type TYPE --name NAME --unit units/ID [--file BORROWER.json]
         household:     --id-card N --birth-date D [--phone P] [--household-size N]
                        [--poor-from D --poverty-number N]
         organisation:  --credit-code C [--representative NAME] [--qualified] [--leading-qualification DOC]
                        [--shareholders N] [--driven N] [--lifted N]
         [--credit-checked D [--bad-credit] [--legal-dispute]] [--bank B --account N [--holder H]] [--request-id ID]
  TYPE: household family-farm cooperative leading-enterprise share-cooperative
  --unit: the VILLAGE (a leading enterprise: the TOWNSHIP). --qualified: registered,
  licensed, tax-paying, sound accounting. --file: a Borrower in JSON; flags override it.
  Who: loans.intake for the unit (the village agent).
)"},
    {"borrower get", R"(usage: huinongctl borrower get borrowers/ID [--as-of D]
  --as-of: whether the household was registered poor that day.
)"},
    {"borrower list", R"(usage: huinongctl borrower list [--type T] [--unit units/ID [--subtree]] [--name-prefix P]
         [--id-card N] [--credit-code C] [--blacklisted] [--registered-poor [--as-of D]] [--all]
)"},
    {"borrower poverty", R"(usage: huinongctl borrower poverty borrowers/ID --kind registered|lifted --date D
         [--number REGISTRATION] [--document DOC] [--etag E] [--request-id ID]
  A household registered as poor (建档立卡) or lifted out of poverty (脱贫) from D.
)"},
    {"borrower eligibility", R"(usage: huinongctl borrower eligibility borrowers/ID --product products/ID --amount YUAN
         --term MONTHS --purpose PURPOSE [--as-of D]
  Every lending rule at once; each failed rule on a line of its own.
  PURPOSE: production share-cooperative-investment paired-enterprise-investment
           business-operation personal-consumption
)"},
    {"borrower blacklist add", R"(usage: huinongctl borrower blacklist add borrowers/ID --category malicious-evasion|fraud|fund-diversion
         --reason TEXT --evidence DOC... [--loan loans/ID] [--request-id ID]
  Who: loans.review.county.
)"},
    {"borrower blacklist remove", R"(usage: huinongctl borrower blacklist remove blacklistEntries/ID --reason TEXT [--etag E] [--request-id ID]
  Who: loans.review.county, not the one who listed it.
)"},
    {"borrower blacklist list", R"(usage: huinongctl borrower blacklist list [--borrower borrowers/ID] [--active] [--all]
)"},
    {"product create", R"(usage: huinongctl product create --code C --title T --kind poverty-small-loan|industry-development
         --borrower-type TYPE... --max-amount YUAN --max-term MONTHS --rate-multiple MIN[-MAX]
         --repayment monthly-interest-bullet|equal-principal|equal-instalments [--revolving] [--day-count actual-360|actual-365]
         [--fee-schedule once|yearly] [--counter-guarantee-threshold YUAN] [--request-id ID]
  --rate-multiple: of the county's base rate, e.g. 1 or 1-1.45. Who: loans.policy.
)"},
    {"product get", R"(usage: huinongctl product get products/ID
)"},
    {"product list", R"(usage: huinongctl product list [--kind K] [--status active|retired] [--borrower-type T] [--all]
)"},
    {"product update", R"(usage: huinongctl product update products/ID [--title T] [--borrower-type T]... [--max-amount YUAN]
         [--max-term M] [--rate-multiple MIN-MAX] [--fee-schedule S] [--counter-guarantee-threshold YUAN]
         [--status active|retired] [--etag E] [--request-id ID]
)"},
    {"policy create", R"(usage: huinongctl policy create --spec FILE [--county units/ID] [--from YYYY-MM-DD] [--request-id ID]
  FILE (- for stdin): a CountyPolicy in JSON (products.proto; dates may be "YYYY-MM-DD"),
  e.g. {"cooperating_banks": ["units/ID"], "guarantee_companies": ["units/ID"], "insurers": ["units/ID"],
        "base_rate_bp": 435, "small_loan_model": "SMALL_LOAN_MODEL_GUARANTEED",
        "ceilings": [{"type": "BORROWER_TYPE_HOUSEHOLD", "ceiling": {"fen": "5000000"}}], ...}
  Who: loans.policy for the county.
)"},
    {"policy get", R"(usage: huinongctl policy get countyPolicies/ID
)"},
    {"policy list", R"(usage: huinongctl policy list [--county units/ID] [--all]
)"},
    {"policy effective", R"(usage: huinongctl policy effective --unit units/ID [--as-of D]
  The version in force for the unit's county that day (default today).
)"},
    {"application create", R"(usage: huinongctl application create --borrower borrowers/ID --product products/ID --amount YUAN
         --term MONTHS --purpose PURPOSE --detail TEXT [--collateral KIND:DESCRIPTION[:YUAN]]...
         [--document DOC]... [--request-id ID]
  Who: loans.intake at the borrower's village station (a leading enterprise: its township).
)"},
    {"application get", R"(usage: huinongctl application get applications/ID
  The terms, the state, the next step and every step taken.
)"},
    {"application list", R"(usage: huinongctl application list [--state S] [--next-step S] [--township units/ID]
         [--village units/ID] [--borrower B] [--product P] [--overdue] [--all]
  --overdue: county reviews past their due day. STATE: draft submitted surveyed reviewed
  guaranteed insured contracted disbursed rejected withdrawn.
)"},
    {"application submit", R"(usage: huinongctl application submit applications/ID|--name N [--etag E] [--request-id ID]
  Step 1, by the village station (loans.intake); every lending rule is checked and
  a refusal names every broken one. Without --etag (every step) the current one is fetched.
)"},
    {"application survey", R"(usage: huinongctl application survey applications/ID --lead staff/ID --member ROLE:NAME[:staff/ID]...
         --visit-date D --findings TEXT --report DOC [--guarantee-application DOC]
         [--benefit-sharing DOC] [--recommended-amount YUAN] [--etag E] [--request-id ID]
  Step 2, by the township director (loans.survey.lead), who is the lead. ROLE:
  village-work-team village-cadre business-head bank-credit-officer other.
)"},
    {"application review", R"(usage: huinongctl application review applications/ID --amount YUAN --term MONTHS --rate BP
         --bank units/ID [--comment TEXT] [--etag E] [--request-id ID]
  Step 3, by the county centre (loans.review.county); --bank: the bank's root unit.
)"},
    {"application guarantee", R"(usage: huinongctl application guarantee applications/ID --contract-number N --amount YUAN
         [--contract DOC] [--counter-guarantee KIND:DESCRIPTION[:YUAN]]... [--etag E] [--request-id ID]
  Step 4, by the guarantee company (loans.guarantee).
)"},
    {"application insure", R"(usage: huinongctl application insure applications/ID --kind surety|personal-accident --policy-number N
         --amount YUAN --cover-from D --cover-to D [--premium YUAN] [--policy-document DOC]
         [--etag E] [--request-id ID]
  Step 5, by the insurer (loans.insure); a surety premium is computed, an accident one given.
)"},
    {"application contract", R"(usage: huinongctl application contract applications/ID --contract-number N --signed D --amount YUAN
         --term MONTHS --rate BP [--contract DOC] [--etag E] [--request-id ID]
  Step 6a, by the recommended bank (loans.contract); the lending rules run again.
)"},
    {"application disburse", R"(usage: huinongctl application disburse applications/ID --amount YUAN --value-date D
         --bank-reference R [--payee-name N --payee-account A --payee-bank B [--payee-basis DOC]]
         [--etag E] [--request-id ID]
  Step 6b, by the recommended bank (loans.disburse): a loan, and for a revolving
  product a credit line whose first draw it is.
)"},
    {"application reject", R"(usage: huinongctl application reject applications/ID --category C --reason TEXT [--etag E] [--request-id ID]
  By the actor of the step the application waits at. CATEGORY: ineligible
  repayment-capacity purpose incomplete-documents guarantee-declined
  insurance-declined bank-declined other.
)"},
    {"application withdraw", R"(usage: huinongctl application withdraw applications/ID --reason TEXT [--etag E] [--request-id ID]
  At the applicant's wish, by the village station (loans.intake).
)"},
    {"creditline get", R"(usage: huinongctl creditline get creditLines/ID
)"},
    {"creditline list", R"(usage: huinongctl creditline list [--borrower B] [--township units/ID] [--state active|expired|closed] [--all]
)"},
    {"creditline draw", R"(usage: huinongctl creditline draw creditLines/ID --amount YUAN --value-date D --term MONTHS
         --bank-reference R --purpose PURPOSE [--payee-name N --payee-account A --payee-bank B
         [--payee-basis DOC]] [--etag E] [--request-id ID]
  A new loan on the line, by its bank (loans.disburse); available = limit − outstanding.
)"},
    {"loan get", R"(usage: huinongctl loan get loans/ID
)"},
    {"loan list", R"(usage: huinongctl loan list [--borrower B] [--product P] [--credit-line L] [--township U] [--village U]
         [--borrower-type T] [--status active|settled|written-off] [--classification C]
         [--maturing-from D] [--maturing-to D] [--all]
)"},
    {"capability check", R"(usage: huinongctl capability check staff/ID CAPABILITY units/ID [--as-of D]
  Prints "allowed via ..." or "refused: REASON" (a refusal is an answer: exit 0).
)"},
    {"capability holders", R"(usage: huinongctl capability holders CAPABILITY units/ID [--nearest] [--exclude-acting] [--as-of D]
)"},
    {"standard list", R"(usage: huinongctl standard list [--title TEXT]
)"},
    {"standard get", R"(usage: huinongctl standard get staffingStandards/ID [--version N]
)"},
    {"calc", R"(usage: huinongctl calc staffingStandards/ID --input NAME=VALUE... [--version N]
  Runs the staffing calculator; prints the result, then its working one step per line.
  Values are decimals with at most 6 places (130000, 2.5).
)"},
    {"report vacancies", R"(usage: huinongctl report vacancies units/ID [--depth N] [--as-of D]
)"},
    {"report chain", R"(usage: huinongctl report chain posts/ID|staff/ID [--other-lines] [--as-of D]
)"},
    {"report acting-heads", R"(usage: huinongctl report acting-heads --root units/ID [--deputies] [--date D]
  (report quota units/ID and report coverage --county units/ID [--as-of D] too)
)"},
    {"audit history", R"(usage: huinongctl audit history RESOURCE
  Every recorded change of one resource, oldest first: sequence, time, service,
  action, actor, request id, and the fields before and after.
  RESOURCE is its name, e.g. units/01HX... or loans/01HX.../repayments/7.
)"},
    {"audit search", R"(usage: huinongctl audit search [--resource-type T] [--resource-id NAME] [--actor SUBJECT]
         [--actor-unit units/ID] [--action A] [--service S] [--request-id R]
         [--from RFC3339] [--to RFC3339] [--newest-first] [--page-size N] [--page-token T] [--all]
  Filters combine with AND; --from is inclusive, --to exclusive (a bare date is UTC midnight).
  --resource-id without --resource-type takes the type from the name.
  --all follows every page; otherwise the next page token is printed.
)"},
    {"audit verify", R"(usage: huinongctl audit verify [--start N] [--end N]
  Has svc-audit recompute the hash chain (default: all of it) and check its
  signed checkpoints. Exit 0 when intact; 3 with the first bad sequence when not.
)"},
    {"audit export", R"(usage: huinongctl audit export [--start N] [--end N] [--from RFC3339 --to RFC3339] [--exact] [-o FILE]
  Streams a range of the chain, with the checkpoints that sign it, as JSON
  lines to FILE (default: stdout), for `audit verify-export`. Without --exact
  the export runs on to the next checkpoint so every event is signed.
  The stream's deadline is --timeout when given, else one hour.
)"},
    {"audit verify-export", R"(usage: huinongctl audit verify-export FILE [--public-key HEX]
  Checks an export offline (no gateway needed): every hash and link, no gap
  in the header's range, every checkpoint's head hash and Ed25519 signature.
  --public-key (64 hex characters) accepts only signatures by that key;
  without it the keys named in the export's header are used.
  Exit 0 when verified; 3 with the first bad sequence when not.
)"},
}};

}  // namespace

std::string OverviewUsage() {
  std::string out = R"(huinongctl — command-line client for Huinong

usage: huinongctl [global flags] COMMAND [flags]

Commands:
  token            mint a development token
  health           check every backend through the gateway
  unit create      create an organisation unit
  unit get         show one unit
  unit list        list units with filters
  unit tree        show units as a tree
  unit ancestors   show a unit's chain of parents
  unit move        move a unit under a new parent
  unit update      change a unit's name, status, kind, code or functions
  unit history     a unit's dated versions
  demo load        create the demo organisations, posts, staff, standard and calendar
  post create|get|list, staff create|get|list, assign, assignment list
  capability check|holders, standard list|get, calc STANDARD --input k=v
  report vacancies|chain|acting-heads|coverage|quota
  change create|get|list|submit|approve|reject|withdraw   change requests
  chain create|get|list                                   approval chains
  calendar create|get|versions|add-version|deadline       work calendars
  borrower create|get|list|poverty|eligibility, borrower blacklist add|remove|list
  product create|get|list|update, policy create|get|list|effective
  application create|get|list|submit|survey|review|guarantee|insure|contract|disburse|reject|withdraw
  creditline get|list|draw, loan get|list|schedule|repay|quote|extend|visit|visits
                                                          loans after disbursement
  breaker status|measure|plan|approve|reject              the township circuit breaker
  subsidy apply|get|list|check|review|object|pay|reject|clawback|notice   interest subsidy
  loans report --month M | --quarter Q [--csv]           the monthly report, the quarterly bulletin
  loans cob run|status, loans reminders list              close of business, maturity reminders
  loan writeoff request|approve|reject, loan accountable  after a loss
  recovery record|list                                    the bank's recoveries
  fund create|get|contribute|transactions|check           the risk compensation fund
  claim list|get|review|reject|pay                        compensation claims
  tickets create|get|list|activities|update               customer requests (svc-tickets)
  tickets answer|open-case|assign|start|transfer|escalate|on-site|notify-manager|follow-up|
          wait|resume|renew-promise|submit-reply|approve-reply|reject-reply|resolve|reopen|cancel
  tickets callback record|close-unreachable|list, tickets handover create|get|list|acknowledge
  tickets policy create|get|list|update|revisions, tickets clocks   SLA policies and clocks
  tickets customer create|get|list|update                 the customer archive
  tickets report --unit U --week 2026-W49|--month M|--from D --to D   KPIs
  audit history    every recorded change of one resource
  audit search     search the audit trail
  audit verify     have svc-audit check the hash chain
  audit export     export a range of the chain for offline checking
  audit verify-export  check an export file offline
  help [COMMAND]   this text, or a command's

)";
  out += kGlobal;
  out += "\nErrors print `error: CODE: message` on stderr and exit 1; usage errors exit 2;\n"
         "a chain or export found broken exits 3.\n";
  return out;
}

std::string CommandUsage(std::string_view command) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 25> kGroups = {{
      {"unit", "create|get|list|tree|ancestors|history|move|update"},
      {"audit", "history|search|verify|export|verify-export"},
      {"change", "create|get|list|submit|approve|reject|withdraw"},
      {"chain", "create|get|list"},
      {"calendar", "create|get|versions|add-version|deadline"},
      {"borrower", "create|get|list|poverty|eligibility|blacklist"},
      {"borrower blacklist", "add|remove|list"},
      {"product", "create|get|list|update"},
      {"policy", "create|get|list|effective"},
      {"application", "create|get|list|submit|survey|review|guarantee|insure|contract|disburse|reject|withdraw"},
      {"creditline", "get|list|draw"},
      {"loan", "get|list|schedule|repay|quote|extend|visit|visits"},
      {"breaker", "status|measure|plan|approve|reject"},
      {"subsidy", "apply|get|list|check|review|object|pay|reject|clawback|notice"},
      {"loans cob", "run|status"},
      {"loans reminders", "list"},
      {"loan writeoff", "request|approve|reject"},
      {"recovery", "record|list"},
      {"fund", "create|get|contribute|transactions|check"},
      {"claim", "list|get|review|reject|pay"},
      {"tickets", "create|get|list|activities|update|<transition>|callback|handover|policy|clocks|customer|report"},
      {"tickets callback", "record|close-unreachable|list"},
      {"tickets handover", "create|get|list|acknowledge"},
      {"tickets policy", "create|get|list|update|revisions"},
      {"tickets customer", "create|get|list|update"},
  }};
  for (const auto& [group, subcommands] : kGroups) {
    if (command != group) continue;
    std::string out = "usage: huinongctl " + std::string(group) + " " + std::string(subcommands) + " ...\n";
    for (const auto& commands : {std::span<const CommandText>(kCommands), ServicingCommandTexts(), TicketsCommandTexts()}) {
      for (const auto& [name, text] : commands) {
        if (name.starts_with(group) && name.substr(group.size()).starts_with(' ')) out += text;
      }
    }
    out += "\n";
    out += kGlobal;
    return out;
  }
  if (command == "demo") command = "demo load";
  for (const auto& commands : {std::span<const CommandText>(kCommands), ServicingCommandTexts(), TicketsCommandTexts()}) {
    for (const auto& [name, text] : commands) {
      if (name == command) return std::string(text) + "\n" + std::string(kGlobal);
    }
  }
  return OverviewUsage();
}

}  // namespace huinong::ctl
