// The leader's approval of a serious case's reply (`001:1319`) and the seed
// policy's defaults for each kind of ticket.
#include <optional>

#include <gtest/gtest.h>

#include "common/rpc/status_details.h"
#include "svc-tickets/src/domain/reply_approval.h"

namespace huinong::tickets {
namespace {

ReplyDecision Decision(bool approved) {
  ReplyDecision d;
  d.proposed_reply = "the overcharged interest is refunded on Friday";
  d.requested_by = "staff/agent";
  d.approved = approved;
  return d;
}

TEST(ReplyApproval, P1AndP2RepliesAlwaysNeedItOthersWhenThePolicySays) {
  SlaPolicy policy;
  EXPECT_TRUE(ReplyApprovalRequired(Priority::kP1, policy));
  EXPECT_TRUE(ReplyApprovalRequired(Priority::kP2, policy));
  EXPECT_FALSE(ReplyApprovalRequired(Priority::kP3, policy));
  EXPECT_FALSE(ReplyApprovalRequired(Priority::kP4, policy));
  policy.reply_approval_required = true;
  EXPECT_TRUE(ReplyApprovalRequired(Priority::kP4, policy));
}

TEST(ReplyApproval, TheReplyGivenIsTheApprovedOneWordForWord) {
  const std::string reply = Decision(true).proposed_reply;
  EXPECT_TRUE(CheckReplyMayBeGiven(false, std::nullopt, "anything").ok());
  EXPECT_EQ(rpc::ReasonOf(CheckReplyMayBeGiven(true, std::nullopt, reply)), "APPROVAL_REQUIRED");
  EXPECT_EQ(rpc::ReasonOf(CheckReplyMayBeGiven(true, Decision(false), reply)), "APPROVAL_REQUIRED");
  EXPECT_EQ(rpc::ReasonOf(CheckReplyMayBeGiven(true, Decision(true), reply + " or Monday")), "APPROVAL_REQUIRED");
  EXPECT_TRUE(CheckReplyMayBeGiven(true, Decision(true), reply).ok());
}

TEST(ReplyApproval, NobodyApprovesTheirOwnReply) {
  EXPECT_EQ(rpc::ReasonOf(CheckApprover("staff/agent", "staff/agent")), "SELF_APPROVAL");
  EXPECT_EQ(CheckApprover("staff/agent", "staff/agent").code(), absl::StatusCode::kPermissionDenied);
  EXPECT_TRUE(CheckApprover("staff/head", "staff/agent").ok());
}

TEST(SeedPolicy, TheSeedsLimitsForEachKindOfTicket) {
  const SlaPolicy complaint = SeedPolicy(TicketType::kComplaint, Priority::kP3);
  EXPECT_EQ(complaint.complaint_closure.kind, SlaTarget::Kind::kWorkingDays);
  EXPECT_EQ(complaint.complaint_closure.working_days, 3);  // `003:264`
  EXPECT_EQ(complaint.reply.working_days, 2);              // `001:1093`
  EXPECT_EQ(complaint.follow_up_gap.working_days, 2);      // `001:1077`
  EXPECT_EQ(complaint.callbacks_required, 2);              // `000:865`
  EXPECT_FALSE(complaint.all_day);
  const SlaPolicy repair = SeedPolicy(TicketType::kRepair, Priority::kP3);
  EXPECT_FALSE(repair.complaint_closure.kept());
  EXPECT_EQ(repair.callback.working_days, 3);  // `000:863`
  EXPECT_EQ(repair.callbacks_required, 1);
  const SlaPolicy consultation = SeedPolicy(TicketType::kConsultation, Priority::kP4);
  EXPECT_EQ(consultation.callbacks_required, 0);
  EXPECT_FALSE(consultation.callback.kept());
  const SlaPolicy emergency = SeedPolicy(TicketType::kEmergency, Priority::kP1);
  EXPECT_TRUE(emergency.all_day);
  EXPECT_EQ(emergency.manager_notification.working_time, absl::Minutes(15));
  EXPECT_EQ(emergency.on_site.working_time, absl::Hours(1));
  EXPECT_EQ(AtRiskBasisPoints(emergency), 8000);
  SlaPolicy odd;
  odd.at_risk_bp = 12000;
  EXPECT_EQ(AtRiskBasisPoints(odd), 8000);
  odd.at_risk_bp = 5000;
  EXPECT_EQ(AtRiskBasisPoints(odd), 5000);
}

}  // namespace
}  // namespace huinong::tickets
