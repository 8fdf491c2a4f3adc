// The county network's posts, staff and assignments (see demo_plan.h): a
// centre director (loans.review.county; loans.breaker.approve: lifts a
// township's suspension; loans.writeoff.approve: decides the banks'
// write-offs) and two review officers (loans.review.county;
// loans.breaker.rectify: the centre files rectification plans with the
// bank and insurer; loans.subsidy.review.county: they sit the interest
// subsidy's joint review with the poverty-alleviation office), a policy
// officer (loans.policy), a subsidy payment officer (loans.subsidy.pay: the
// finance bureau's payments to borrowers' bank cards are recorded at the
// centre — the bureau and the office are outside the county network's
// tree, and a capability holds only for its post's unit and below), in every township
// department a director (loans.survey.lead, loans.subsidy.check.township,
// loans.breaker.rectify) and a credit officer
// (loans.intake: leading enterprises apply at their township), in every
// village station an agent (loans.intake).
// In 柳泉镇 the director is away on training and the deputy director acts
// for them under a recorded delegation (seed: the loan workflow's roles,
// `000:1511-1535`).
#include <map>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "tools/huinongctl/src/demo_plan.h"

namespace huinong::ctl {

namespace v1 = ::huinong::org::v1;

namespace {

constexpr char kEstablishment[] = "固安县机构编制委员会";

// Invented names, one per seat, in the order the seats are filled.
const std::vector<const char*> kNames = {
    "韩立新", "郑雅琴", "邵明辉", "王建国", "李秀芳", "张国强", "赵丽娟", "刘志刚", "陈海燕",
    "杨春生", "周桂兰", "孙宏伟", "马晓东", "胡玉梅", "高振华", "林淑珍", "何永明", "郭红霞",
    "罗文斌", "宋丽萍", "梁志勇", "谢春燕", "唐国富", "冯秀云",
};

std::string Phone(int n) { return absl::StrFormat("1990000%04d", n); }

struct Seats {
  DemoPlan& plan;
  int next = 0;
  // A new member of staff with PRIMARY on `post`; returns the staff key.
  std::string Fill(const std::string& post, std::vector<std::string> qualifications = {}) {
    const int n = ++next;
    const std::string key = absl::StrCat("ga", n);
    plan.staff.push_back({.key = key, .display_name = kNames[(n - 1) % kNames.size()],
                          .employee_number = absl::StrFormat("GA-%04d", n), .phone = Phone(n),
                          .qualifications = std::move(qualifications)});
    plan.assignments.push_back({.key = absl::StrCat(post, ".", key), .staff = key, .post = post,
                                .kind = v1::ASSIGNMENT_KIND_PRIMARY});
    return key;
  }
};

}  // namespace

void AddCountyStaffing(DemoPlan& plan) {
  Seats seats{plan};
  const auto add = [&](DemoPost post) {
    post.approved_by = kEstablishment;
    plan.posts.push_back(std::move(post));
  };
  add({.key = "county.director", .unit = 1, .title = "中心主任", .code = "county.director",
       .kind = v1::POST_KIND_MANAGEMENT, .head = true,
       .capabilities = {"loans.review.county", "loans.breaker.approve", "loans.writeoff.approve"},
       .duties = {"主持中心全面工作", "统筹全县金融扶贫服务体系建设", "签批扶贫小额信贷评审意见"}});
  add({.key = "county.reviewer", .unit = 1, .title = "评审专员", .code = "county.reviewer",
       .kind = v1::POST_KIND_PROFESSIONAL_TECHNICAL,
       .capabilities = {"loans.review.county", "loans.breaker.rectify", "loans.subsidy.review.county"},
       .superior = "county.director",
       .duties = {"2个工作日内完成乡镇报送的扶贫小额贷款申请评审", "综合评定贫困户需求", "推荐放贷合作银行"},
       .seats = 2, .required_qualification = "exam.credit-officer"});
  seats.Fill("county.director");
  seats.Fill("county.reviewer", {"exam.credit-officer"});
  seats.Fill("county.reviewer", {"exam.credit-officer"});

  std::map<int, std::string> township_director;  // unit index -> post key
  std::string acting_deputy, absent_director;
  int township_number = 0;
  for (const DemoUnit& unit : DemoNetwork()) {
    if (unit.level == type::v1::LEVEL_TOWNSHIP) {
      ++township_number;
      const std::string t = absl::StrCat("t", unit.index);
      add({.key = t + ".director", .unit = unit.index, .title = "金融服务部主任", .code = "township.director",
           .kind = v1::POST_KIND_MANAGEMENT, .head = true,
           .capabilities = {"loans.survey.lead", "loans.subsidy.check.township", "loans.breaker.rectify"},
           .superior = "county.director",
           .duties = {"牵头组织入户实地调查并出具调查报告", "初核贫困户贴息申请", "督促按期还款"}});
      add({.key = t + ".officer", .unit = unit.index, .title = "信贷协理员", .code = "township.officer",
           .kind = v1::POST_KIND_PROFESSIONAL_TECHNICAL, .capabilities = {"loans.intake"},
           .superior = t + ".director",
           .duties = {"参与入户调查", "整理贷款申请材料", "开展贷后管理", "受理县级扶贫龙头企业贷款申请"}});
      township_director[unit.index] = t + ".director";
      const std::string director = seats.Fill(t + ".director");
      seats.Fill(t + ".officer");
      if (township_number == 2) {  // 柳泉镇: a deputy who acts for the absent director
        add({.key = t + ".deputy", .unit = unit.index, .title = "金融服务部副主任", .code = "township.deputy",
             .kind = v1::POST_KIND_MANAGEMENT, .deputy = true, .superior = t + ".director",
             .duties = {"协助主任组织贷前调查", "主任不在岗时代行主任职责"}});
        acting_deputy = seats.Fill(t + ".deputy");
        absent_director = director;
        plan.assignments.push_back(
            {.key = t + ".director.acting", .staff = acting_deputy, .post = t + ".director",
             .kind = v1::ASSIGNMENT_KIND_ACTING, .from = "2026-11-01", .to = "2027-01-31",
             .acting_for = director, .delegated_by = director,
             .reason = "主任参加县委党校脱产培训（2026-11-01至2027-01-31），由副主任代行主任职责",
             .note = "代理期间签署调查报告"});
      }
    } else if (unit.level == type::v1::LEVEL_VILLAGE) {
      const std::string v = absl::StrCat("v", unit.index);
      add({.key = v + ".agent", .unit = unit.index, .title = "村级金融协理员", .code = "village.agent",
           .kind = v1::POST_KIND_SUPPORT, .head = true, .capabilities = {"loans.intake"},
           .superior = township_director.at(unit.parent),
           .duties = {"宣传金融扶贫政策", "采集农户信息并协助信用评定", "受理贫困户贷款申请"}});
      seats.Fill(v + ".agent");
    }
  }
  // Last, so every earlier seat keeps its person: the county centre sets the
  // loan products and the county policy (loans.policy).
  add({.key = "county.policy", .unit = 1, .title = "信贷政策专员", .code = "county.policy",
       .kind = v1::POST_KIND_PROFESSIONAL_TECHNICAL, .capabilities = {"loans.policy"}, .superior = "county.director",
       .duties = {"拟定并维护县级扶贫信贷政策", "管理扶贫贷款产品"}});
  seats.Fill("county.policy");
  add({.key = "county.subsidy", .unit = 1, .title = "贴息资金专员", .code = "county.subsidy",
       .kind = v1::POST_KIND_PROFESSIONAL_TECHNICAL, .capabilities = {"loans.subsidy.pay"},
       .superior = "county.director",
       .duties = {"公示期满后登记县财政局贴息拨付（000:1531）", "追回挪用或骗取贷款的贴息资金（000:1603）"}});
  seats.Fill("county.subsidy");
  // The customer-service desks (svc-tickets), after every lending seat so
  // those keep their people: the county centre's supervisor — the shift
  // leader and department head a township's ticket escalates to, and the
  // leader who approves a serious reply (`001:1319`) — 宫村镇's service
  // desk (agent and callback group) and its lead, and the desk of its first
  // village station, where the demo's requests are taken.
  add({.key = "county.cs", .unit = 1, .title = "客户服务督办员", .code = "county.cs",
       .kind = v1::POST_KIND_MANAGEMENT, .capabilities = {"tickets.supervisor", "tickets.manager", "tickets.approve"},
       .superior = "county.director", .duties = {"督办超时与重大投诉", "审批重大投诉答复"}});
  seats.Fill("county.cs");
  const DemoUnit& township = DemoNetwork()[1];
  const DemoUnit& village = DemoNetwork()[2];
  const std::string t = absl::StrCat("t", township.index);
  add({.key = t + ".cslead", .unit = township.index, .title = "客户服务组长", .code = "township.cslead",
       .kind = v1::POST_KIND_MANAGEMENT, .capabilities = {"tickets.supervisor", "tickets.agent"},
       .superior = t + ".director", .duties = {"分派并督办客户诉求", "当班交接"}});
  add({.key = t + ".cs", .unit = township.index, .title = "客户服务专员", .code = "township.cs",
       .kind = v1::POST_KIND_SUPPORT, .capabilities = {"tickets.agent", "tickets.callback"},
       .superior = t + ".cslead", .duties = {"处理转来的客户诉求", "办结后回访客户"}});
  const std::string v = absl::StrCat("v", village.index);
  add({.key = v + ".cs", .unit = village.index, .title = "服务站接待员", .code = "village.cs",
       .kind = v1::POST_KIND_SUPPORT, .capabilities = {"tickets.agent"}, .superior = t + ".cslead",
       .duties = {"首问负责：登记群众来访、来电诉求", "跟踪办理进度并告知群众"}});
  seats.Fill(t + ".cslead");
  seats.Fill(t + ".cs");
  seats.Fill(v + ".cs");
}

const DemoPlan& DemoStructure() {
  static const auto* plan = [] {
    auto* p = new DemoPlan;
    p->units = DemoNetwork();
    AddCountyStaffing(*p);
    AddOtherOrganisations(*p);
    // The county centre (unit 1) governs its townships and villages.
    p->calendars.push_back({.key = "county", .unit = 1, .display_name = "固安县金融扶贫服务中心工作日历",
                            .file = DemoCalendarJson()});
    return p;
  }();
  return *plan;
}

}  // namespace huinong::ctl
