// See demo_tickets.h.
#include "tools/huinongctl/src/demo_tickets.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "common/rpc/proto_time.h"

namespace huinong::ctl {
namespace {

namespace v1 = ::huinong::tickets::v1;
using Tickets = v1::TicketService::Stub;
using Callbacks = v1::CallbackHandoverService::Stub;

// How far each demo request goes.
enum class Reach { kRegistered, kAnswered, kCaseOpened, kAssigned, kWaiting, kInProgress, kResolved, kUnreachable,
                   kClosed, kReopened, kCancelled };

struct DemoRequest {
  std::string key;
  v1::TicketType type;
  std::string summary;
  std::string customer;
  std::string phone;
  Reach reach;
  bool about_loan = false;
  bool aged = false;  // taken months ago, left for the scanner (demo_tickets.h)
};

const std::vector<DemoRequest>& Plan() {
  static const auto* plan = new std::vector<DemoRequest>{
      {"policy", v1::TICKET_TYPE_CONSULTATION, "咨询扶贫小额贷款申请条件", "刘桂芬", "13931600101", Reach::kRegistered},
      {"rate", v1::TICKET_TYPE_CONSULTATION, "咨询贷款贴息比例", "张玉兰", "13931600102", Reach::kAnswered},
      {"hours", v1::TICKET_TYPE_SUGGESTION, "建议服务站周六开放", "王德顺", "13931600103", Reach::kCaseOpened},
      {"terminal", v1::TICKET_TYPE_REPAIR, "服务站助农取款机故障", "李春生", "13931600104", Reach::kAssigned},
      {"papers", v1::TICKET_TYPE_HELP_REQUEST, "补办贷款合同复印件", "赵凤英", "13931600105", Reach::kWaiting},
      {"walk", v1::TICKET_TYPE_COMPLAINT, "贷款贴息迟迟未到账", "王秀英", "13931600106", Reach::kInProgress, true, true},
      {"statement", v1::TICKET_TYPE_HELP_REQUEST, "打印近半年还款明细", "陈立新", "13931600112", Reach::kInProgress},
      {"escalated", v1::TICKET_TYPE_GRIEVANCE, "还款提醒短信过于频繁", "孙建华", "13931600107", Reach::kInProgress,
       true, true},
      {"printer", v1::TICKET_TYPE_REPAIR, "服务站打印机卡纸", "周淑珍", "13931600108", Reach::kResolved},
      {"signal", v1::TICKET_TYPE_REPAIR, "服务站网络时断时续", "吴国平", "13931600109", Reach::kUnreachable},
      {"queue", v1::TICKET_TYPE_REPAIR, "叫号机不出号", "郑秀梅", "13931600110", Reach::kClosed},
      {"door", v1::TICKET_TYPE_REPAIR, "服务站门锁损坏", "冯志强", "13931600111", Reach::kReopened},
      {"again", v1::TICKET_TYPE_CONSULTATION, "咨询扶贫小额贷款申请条件（重复登记）", "刘桂芬", "13931600101",
       Reach::kCancelled},
  };
  return *plan;
}

// One request's steps, each with the previous answer.
class RequestSteps {
 public:
  RequestSteps(DemoDesks& desks, DemoLoad& load, const DemoRequest& request, const std::string& loan)
      : desks_(desks), load_(load), r_(request), loan_(loan) {}

  absl::StatusOr<v1::Ticket> Run(const std::string& duplicate_of) {
    RETURN_IF_ERROR(Create());
    if (r_.reach == Reach::kRegistered) return t_;
    if (r_.reach == Reach::kAnswered) {
      auto req = Step<v1::AnswerAtFirstContactRequest>();
      req.set_answer("扶贫小额贷款由财政全额贴息，按季度发放");
      return Move("v3.cs", &Tickets::AnswerAtFirstContact, req);
    }
    if (r_.reach == Reach::kCancelled) {
      auto req = Step<v1::CancelTicketRequest>();
      req.set_reason(v1::CANCEL_REASON_DUPLICATE);
      req.set_duplicate_of(duplicate_of);
      req.set_note("同一诉求重复登记");
      return Move("t2.cslead", &Tickets::CancelTicket, req);
    }
    {
      auto req = Step<v1::OpenCaseRequest>();
      *req.mutable_promised_time() = rpc::ToTimestamp(rpc::FromTimestamp(t_.create_time()) + absl::Hours(24));
      req.set_note("已告知群众一个工作日内答复");
      RETURN_IF_ERROR(Move("v3.cs", &Tickets::OpenCase, req).status());
    }
    if (r_.reach == Reach::kCaseOpened) return t_;
    {
      auto req = Step<v1::TransferTicketRequest>();
      req.set_to_unit(desks_.Holder("t2.cs").unit);
      req.set_reason("需乡镇金融服务部办理");
      req.set_customer_note("已转宫村镇金融服务部，由其答复");
      RETURN_IF_ERROR(Move("v3.cs", &Tickets::TransferTicket, req).status());
    }
    {
      auto req = Step<v1::AssignTicketRequest>();
      req.set_assignee(desks_.Holder("t2.cs").staff);
      RETURN_IF_ERROR(Move("t2.cslead", &Tickets::AssignTicket, req).status());
    }
    if (r_.reach == Reach::kAssigned) return t_;
    RETURN_IF_ERROR(Move("t2.cs", &Tickets::StartWork, Step<v1::StartWorkRequest>()).status());
    if (r_.reach == Reach::kWaiting) {
      auto req = Step<v1::WaitForCustomerRequest>();
      req.set_reason("等待群众提供身份证复印件");
      return Move("t2.cs", &Tickets::WaitForCustomer, req);
    }
    if (r_.reach == Reach::kInProgress) return t_;
    {
      auto req = Step<v1::ResolveTicketRequest>();
      req.set_resolution("已派人上门处理完毕");
      RETURN_IF_ERROR(Move("t2.cs", &Tickets::ResolveTicket, req).status());
    }
    if (r_.reach == Reach::kResolved) return t_;
    auto call = Step<v1::RecordCallbackRequest>();
    if (r_.reach == Reach::kUnreachable) {
      call.mutable_callback()->set_outcome(v1::CALLBACK_OUTCOME_UNREACHABLE);
    } else if (r_.reach == Reach::kClosed) {
      call.mutable_callback()->set_outcome(v1::CALLBACK_OUTCOME_SATISFIED);
      call.mutable_callback()->set_satisfaction(5);
    } else {
      call.mutable_callback()->set_outcome(v1::CALLBACK_OUTCOME_UNSATISFIED);
      call.mutable_callback()->set_satisfaction(2);
      call.mutable_callback()->set_opinion("门锁修了两天又坏了");
      *call.mutable_promised_time() = rpc::ToTimestamp(rpc::FromTimestamp(t_.update_time()) + absl::Hours(24));
    }
    ASSIGN_OR_RETURN(const TicketsClient* desk, desks_.Tickets("t2.cs"));
    ASSIGN_OR_RETURN(const v1::RecordCallbackResponse back,
                     desk->Call<v1::RecordCallbackResponse>(&Callbacks::RecordCallback, call));
    t_ = back.ticket();
    return t_;
  }

 private:
  absl::Status Create() {
    v1::CreateTicketRequest req;
    req.set_request_id(Id());
    v1::Ticket* t = req.mutable_ticket();
    t->set_type(r_.type);
    t->set_channel(v1::TICKET_CHANNEL_VISIT);
    t->set_summary(r_.summary);
    t->mutable_contact()->set_display_name(r_.customer);
    t->mutable_contact()->set_phone(r_.phone);
    if (r_.about_loan && !loan_.empty()) {
      t->mutable_related()->set_service("loans");
      t->mutable_related()->set_name(loan_);
    }
    ASSIGN_OR_RETURN(const TicketsClient* desk, desks_.Tickets("v3.cs"));
    ASSIGN_OR_RETURN(t_, desk->Call<v1::Ticket>(&Tickets::CreateTicket, req));
    load_.Count("ticket", t_.create_time());
    return absl::OkStatus();
  }

  template <class Request>
  Request Step() {
    Request req;
    req.set_request_id(Id());
    req.set_name(t_.name());
    req.set_etag(t_.etag());
    return req;
  }

  template <class Request>
  absl::StatusOr<v1::Ticket> Move(const std::string& post,
                                  grpc::Status (Tickets::*method)(grpc::ClientContext*, const Request&, v1::Ticket*),
                                  const Request& req) {
    ASSIGN_OR_RETURN(const TicketsClient* desk, desks_.Tickets(post));
    ASSIGN_OR_RETURN(t_, desk->Call<v1::Ticket>(method, req));
    return t_;
  }

  std::string Id() { return absl::StrCat("demo:ticket:", r_.key, ":", ++step_); }

  DemoDesks& desks_;
  DemoLoad& load_;
  const DemoRequest& r_;
  const std::string& loan_;
  v1::Ticket t_;
  int step_ = 0;
};

}  // namespace

absl::Status LoadDemoTickets(DemoDesks& desks, DemoLoad& load,
                             const std::map<std::string, loans::v1::Application>& applications, bool clock_behind) {
  std::string loan;
  for (const auto& [key, application] : applications) {
    if (!application.loan().empty()) {
      loan = application.loan();
      break;
    }
  }
  std::map<std::string, std::string> names;  // by phone: the first request of each customer
  for (const DemoRequest& r : Plan()) {
    if (r.aged != clock_behind) continue;
    absl::StatusOr<v1::Ticket> t = RequestSteps(desks, load, r, loan).Run(names[r.phone]);
    if (!t.ok()) return Rephrased(t.status(), absl::StrCat("demo request ", r.key, ": ", t.status().message()));
    if (names[r.phone].empty()) names[r.phone] = t->name();
  }
  return absl::OkStatus();
}

}  // namespace huinong::ctl
