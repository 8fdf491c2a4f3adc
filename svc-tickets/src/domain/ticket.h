// A ticket as svc-tickets keeps it: the intake record, its people, its
// state, its promises and the decisions recorded on it, plus the timeline
// entry (TicketActivity) every change appends. The record is plain data;
// the rules that change it are ticket_flow.h (states and people),
// promise.h (promised reply times), reply_approval.h and callback_rules.h.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "svc-tickets/src/domain/priority.h"
#include "svc-tickets/src/domain/ticket_flow.h"

namespace huinong::tickets {

// Values as the enums of ticket.proto.
enum class TicketChannel { kUnspecified = 0, kPhone = 1, kVisit = 2, kLetter = 3, kOnline = 4, kSms = 5, kCallback = 6, kPatrol = 7 };
absl::string_view TicketChannelName(TicketChannel channel);
enum class CustomerTier { kUnspecified = 0, kStandard = 1, kPriority = 2, kVip = 3 };
enum class CloseReason { kUnspecified = 0, kNoCallbackRequired = 1, kCustomerSatisfied = 2, kUnreachable = 3 };
enum class CancelReason { kUnspecified = 0, kDuplicate = 1, kCreatedInError = 2, kCustomerWithdrew = 3 };
enum class PromiseState { kOpen = 1, kKept = 2, kBreached = 3, kRenegotiated = 4 };

// The customer as given at intake. Phone and ID number are personal data:
// masked everywhere but the customer's own record (common/core/mask.h).
struct CustomerContact {
  std::string display_name;
  std::string phone;
  std::string id_card_number;
  CustomerTier tier = CustomerTier::kUnspecified;
};

struct RelatedResource {
  std::string service;  // "org", "loans", "tickets"
  std::string name;     // "loans/{id}", …
};

// A promised reply time; never moved (`001:1113`).
struct Promise {
  int index = 0;  // 1-based
  absl::Time promised_time;
  absl::Time make_time;
  std::string made_by;  // staff id
  PromiseState state = PromiseState::kOpen;
  std::optional<absl::Time> breach_time;
  std::string progress_note;
  bool apologised = false;
};

struct ReplyApprovalRecord {
  std::string proposed_reply;
  std::string requested_by;
  absl::Time request_time;
  std::string decided_by;  // empty while pending
  std::optional<absl::Time> decide_time;
  bool approved = false;
  std::string comment;
};

struct ManagerNotice {
  std::string manager;      // staff id
  std::string notified_by;  // staff id
  absl::Time notify_time;
  TicketChannel channel = TicketChannel::kUnspecified;
  std::string note;
};

struct Ticket {
  std::string id;
  int64_t seq = 0;  // the reference number's counter
  TicketType type = TicketType::kUnspecified;
  Severity severity = Severity::kUnspecified;
  Priority priority = Priority::kP4;
  TicketChannel channel = TicketChannel::kUnspecified;
  std::string summary;
  std::string description;
  std::string location;
  std::optional<absl::Time> occurred_time;
  std::string customer_id;
  CustomerContact contact;
  RelatedResource related;
  std::string follow_up_of;  // ticket id
  std::vector<std::string> follow_ups;
  std::string intake_unit;
  std::string intake_path;    // root/…/unit/ (unit ids)
  std::string resolver_path;  // likewise for people.resolver_unit
  TicketPeople people;
  TicketState state = TicketState::kRegistered;
  bool answered_at_first_contact = false;
  std::string resolution;
  std::string resolved_by;
  std::vector<Promise> promises;
  std::optional<ReplyApprovalRecord> reply_approval;
  bool approval_required = false;
  std::optional<ManagerNotice> manager_notification;
  std::optional<absl::Time> on_site_time;
  int callbacks_required = 0;
  int satisfied_callbacks = 0;
  int reopen_count = 0;
  std::string sla_policy;  // "slaPolicies/{id}", empty for the seed defaults
  int sla_policy_revision = 1;
  CloseReason close_reason = CloseReason::kUnspecified;
  CancelReason cancel_reason = CancelReason::kUnspecified;
  std::string duplicate_of;  // ticket id
  absl::Time create_time;
  absl::Time update_time;
  std::optional<absl::Time> close_time;
  int64_t version = 0;
};

// "T26-000123": the two-digit year of creation in the county's zone and
// the ticket's counter, for reading out over the phone.
std::string ReferenceNumber(const Ticket& ticket, absl::TimeZone zone);

// Values as ActivityKind in ticket.proto.
enum class ActivityKind {
  kRegistered = 1, kUpdated = 2, kAnswered = 3, kCaseOpened = 4, kAssigned = 5, kWorkStarted = 6,
  kTransferred = 7, kEscalated = 8, kOnSite = 9, kManagerNotified = 10, kFollowUp = 11,
  kWaitingOnCustomer = 12, kResumed = 13, kPromiseBreached = 14, kPromiseRenewed = 15,
  kApprovalRequested = 16, kReplyApproved = 17, kReplyRejected = 18, kResolved = 19, kCallback = 20,
  kClosed = 21, kReopened = 22, kCancelled = 23, kSlaAtRisk = 24, kSlaBreached = 25, kHandedOver = 26,
  kClocksRecomputed = 27,
};

// One entry of the timeline. A transition records the states before and
// after (equal for an entry that moves no state).
struct TicketActivity {
  std::string ticket_id;
  int seq = 0;  // 1-based
  ActivityKind kind = ActivityKind::kRegistered;
  std::string actor;     // staff id, or the scanner's service subject
  bool by_service = false;
  absl::Time time;
  std::string note;
  bool customer_informed = false;
  std::string source;  // "units/{id}" or "staff/{id}"
  std::string target;
  TicketState from_state = TicketState::kRegistered;
  TicketState to_state = TicketState::kRegistered;
  std::string request_id;
};

}  // namespace huinong::tickets
