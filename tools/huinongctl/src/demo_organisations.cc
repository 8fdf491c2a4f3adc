// The other organisations of the seeds, for `demo load` (see demo_plan.h).
// Outside organisations are roots without a level. Unit indexes start at
// 101 so they never collide with the county network's.
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "tools/huinongctl/src/demo_plan.h"

namespace huinong::ctl {

namespace v1 = ::huinong::org::v1;

namespace {

using v1::POST_KIND_MANAGEMENT;
using v1::POST_KIND_PROFESSIONAL_TECHNICAL;
using v1::POST_KIND_SUPPORT;

DemoUnit Unit(int index, int parent, const char* name, v1::UnitKind kind, std::vector<std::string> functions) {
  return {.index = index, .parent = parent, .display_name = name, .kind = kind,
          .level = type::v1::LEVEL_UNSPECIFIED, .functions = std::move(functions)};
}

struct People {
  DemoPlan& plan;
  const char* prefix;  // employee numbers
  int next = 0;
  std::string Add(const char* name) {
    const int n = ++next;
    const std::string key = absl::StrCat(absl::AsciiStrToLower(prefix), n);
    plan.staff.push_back({.key = key, .display_name = name, .employee_number = absl::StrFormat("%s-%04d", prefix, n),
                          .phone = absl::StrFormat("1990001%04d", static_cast<int>(plan.staff.size()) + 1)});
    return key;
  }
};

void Assign(DemoPlan& plan, const std::string& staff, const std::string& post,
            v1::AssignmentKind kind = v1::ASSIGNMENT_KIND_PRIMARY, std::string note = "") {
  plan.assignments.push_back({.key = absl::StrCat(post, ".", staff), .staff = staff, .post = post, .kind = kind,
                              .note = std::move(note)});
}

// 固安县金融扶贫工作领导小组 (000:1641-1667): leader, deputy, member units'
// heads as members, and its office in 县政府金融办 whose director heads it
// concurrently (办公室主任由金融办主任兼任).
void AddLeadingGroup(DemoPlan& plan) {
  plan.units.push_back(Unit(101, 0, "固安县金融扶贫工作领导小组", v1::UNIT_KIND_LEADING_GROUP,
                            {"统一领导全县金融扶贫工作", "研究解决金融扶贫中的困难和问题"}));
  plan.units.push_back(Unit(102, 101, "领导小组办公室", v1::UNIT_KIND_OFFICE,
                            {"设在县政府金融办", "承担领导小组日常工作", "收集整理金融扶贫信息并每季度通报"}));
  plan.units.push_back(Unit(103, 0, "固安县财政局", v1::UNIT_KIND_DEPARTMENT, {"拨付贴息资金", "管理风险补偿金"}));
  plan.units.push_back(Unit(104, 0, "固安县扶贫开发办公室", v1::UNIT_KIND_OFFICE, {"扶贫对象规划与工作指导", "贴息联审"}));
  plan.units.push_back(Unit(105, 0, "固安县人民政府金融工作办公室", v1::UNIT_KIND_OFFICE,
                            {"统筹规划金融支持精准扶贫", "组织、领导和协调"}));
  plan.units.push_back(Unit(106, 0, "中国农业银行固安县支行", v1::UNIT_KIND_COMPANY, {"发放扶贫贷款"}));
  plan.units.push_back(Unit(107, 0, "人保财险固安支公司", v1::UNIT_KIND_COMPANY, {"扶贫贷款保证保险"}));
  plan.units.push_back(Unit(108, 0, "固安县扶贫开发担保有限公司", v1::UNIT_KIND_COMPANY, {"审核贷款推荐意见并提供担保"}));
  const auto add = [&](DemoPost post) {
    post.approved_by = "固安县人民政府";
    plan.posts.push_back(std::move(post));
  };
  add({.key = "lg.leader", .unit = 101, .title = "组长", .code = "lg.leader", .kind = POST_KIND_MANAGEMENT,
       .head = true, .duties = {"主持领导小组工作"}});
  add({.key = "lg.deputy", .unit = 101, .title = "副组长", .code = "lg.deputy", .kind = POST_KIND_MANAGEMENT,
       .deputy = true, .superior = "lg.leader", .duties = {"协助组长工作"}, .seats = 2});
  add({.key = "lg.member", .unit = 101, .title = "成员", .code = "lg.member", .kind = POST_KIND_MANAGEMENT,
       .superior = "lg.leader", .duties = {"代表成员单位落实领导小组决定"}, .seats = 6});
  add({.key = "lg.office.director", .unit = 102, .title = "办公室主任", .code = "lg.office.director",
       .kind = POST_KIND_MANAGEMENT, .head = true, .superior = "lg.leader",
       .duties = {"主持领导小组办公室日常工作", "每季度通报金融扶贫工作进展"}});
  const struct { const char* key; int unit; const char* title; const char* person; } heads[] = {
      {"fin.head", 103, "局长", "魏建华"},   {"pov.head", 104, "主任", "秦学军"},
      {"jry.head", 105, "主任", "蔡永刚"},   {"bank.head", 106, "行长", "田立平"},
      {"ins.head", 107, "经理", "薛晓光"},   {"guar.head", 108, "总经理", "潘志远"},
  };
  People people{plan, "LG"};
  Assign(plan, people.Add("龚德明"), "lg.leader", v1::ASSIGNMENT_KIND_PRIMARY, "县政府常务副县长");
  Assign(plan, people.Add("姚春华"), "lg.deputy", v1::ASSIGNMENT_KIND_PRIMARY, "县政府副县长");
  for (const auto& h : heads) {
    plan.posts.push_back({.key = h.key, .unit = h.unit, .title = h.title, .code = "org.head",
                          .kind = POST_KIND_MANAGEMENT, .head = true, .duties = {"主持本单位全面工作"},
                          .approved_by = "固安县机构编制委员会"});
    const std::string staff = people.Add(h.person);
    Assign(plan, staff, h.key);
    Assign(plan, staff, "lg.member", v1::ASSIGNMENT_KIND_CONCURRENT, "成员单位负责人");
    if (std::string(h.key) == "jry.head") {
      Assign(plan, staff, "lg.office.director", v1::ASSIGNMENT_KIND_CONCURRENT, "办公室主任由金融办主任兼任");
    }
  }
  // The risk compensation fund's officers (000:1593): the finance bureau
  // pays and reviews claims with the poverty office (the fund names both
  // units; RiskFundService).
  add({.key = "fin.fund", .unit = 103, .title = "风险补偿金专管员", .code = "fund.officer",
       .kind = POST_KIND_PROFESSIONAL_TECHNICAL, .capabilities = {"loans.fund.pay", "loans.fund.review.finance"},
       .superior = "fin.head", .duties = {"拨付风险补偿金", "会同扶贫办审核风险补偿申请"}});
  add({.key = "pov.fund", .unit = 104, .title = "信贷扶贫专干", .code = "fund.reviewer",
       .kind = POST_KIND_PROFESSIONAL_TECHNICAL, .capabilities = {"loans.fund.review.poverty"},
       .superior = "pov.head", .duties = {"编制风险补偿金年度预算", "会同财政局审核风险补偿申请"}});
  Assign(plan, people.Add("贾丽娟"), "fin.fund");
  Assign(plan, people.Add("邵国庆"), "pov.fund");
}

// 客户服务中心 (004:127): 2 people — the manager, and one person who covers
// both the intake group and the callback group.
void AddCustomerServiceCentre(DemoPlan& plan) {
  plan.units.push_back(Unit(111, 0, "集团销售事业部", v1::UNIT_KIND_DIVISION, {"集团产品销售与爆破服务"}));
  plan.units.push_back(Unit(112, 111, "客户服务中心", v1::UNIT_KIND_CENTRE, {"业务咨询、投诉受理及客户维护"}));
  plan.units.push_back(Unit(113, 112, "业务受理组", v1::UNIT_KIND_GROUP, {"受理业务咨询与投诉"}));
  plan.units.push_back(Unit(114, 112, "回访调查组", v1::UNIT_KIND_GROUP, {"售前、售后及投诉回访"}));
  plan.unit_quotas.push_back({.unit = 112, .seats = 2, .approved_by = "集团销售事业部"});
  const auto add = [&](DemoPost post) {
    post.approved_by = "集团销售事业部";
    plan.posts.push_back(std::move(post));
  };
  add({.key = "cs.manager", .unit = 112, .title = "客户服务中心经理", .code = "cs.manager",
       .kind = POST_KIND_MANAGEMENT, .head = true, .capabilities = {"tickets.supervisor", "tickets.agent"},
       .duties = {"主持客户服务中心工作", "督办重大投诉"}});
  add({.key = "cs.intake", .unit = 113, .title = "业务受理专员", .code = "cs.intake", .kind = POST_KIND_SUPPORT,
       .head = true, .capabilities = {"tickets.agent"}, .superior = "cs.manager",
       .duties = {"受理客户咨询与投诉", "登记并分派工单"}});
  add({.key = "cs.callback", .unit = 114, .title = "回访调查专员", .code = "cs.callback", .kind = POST_KIND_SUPPORT,
       .head = true, .capabilities = {"tickets.agent"}, .superior = "cs.manager",
       .duties = {"售前、售后及投诉回访", "满意度调查"}});
  People people{plan, "CS"};
  Assign(plan, people.Add("钱佳怡"), "cs.manager");
  const std::string agent = people.Add("沈嘉伟");
  Assign(plan, agent, "cs.intake");
  Assign(plan, agent, "cs.callback", v1::ASSIGNMENT_KIND_CONCURRENT, "业务受理组、回访调查组由1人兼任");
}

// 客户服务部 of the property company (000:343-785): 经理 → 副经理 → 客服主管
// → 客服副主管 → 客服员 / 楼层管家, and the department clerk.
void AddPropertyDepartment(DemoPlan& plan) {
  plan.units.push_back(Unit(121, 0, "广场物业管理有限公司", v1::UNIT_KIND_COMPANY, {"写字楼物业管理"}));
  plan.units.push_back(Unit(122, 121, "客户服务部", v1::UNIT_KIND_DEPARTMENT, {"物业管理与客户服务"}));
  const auto add = [&](DemoPost post) {
    post.unit = 122;
    post.approved_by = "总经理室";
    plan.posts.push_back(std::move(post));
  };
  add({.key = "pm.manager", .title = "客户服务经理", .code = "pm.manager", .kind = POST_KIND_MANAGEMENT,
       .head = true, .capabilities = {"tickets.supervisor"}, .duties = {"制订本部门工作计划", "处理业户重大投诉"}});
  add({.key = "pm.deputy", .title = "客户服务副经理", .code = "pm.deputy", .kind = POST_KIND_MANAGEMENT,
       .deputy = true, .capabilities = {"tickets.supervisor"}, .superior = "pm.manager",
       .duties = {"制定业务规划和实施方案", "检查、控制客户服务过程及结果"}});
  add({.key = "pm.clerk", .title = "客户服务部文员", .code = "pm.clerk", .kind = POST_KIND_SUPPORT,
       .superior = "pm.manager", .duties = {"部门文件与档案管理"}});
  add({.key = "pm.supervisor", .title = "客服主管", .code = "pm.supervisor", .kind = POST_KIND_MANAGEMENT,
       .capabilities = {"tickets.supervisor"}, .superior = "pm.deputy", .duties = {"督导客服员与楼层管家工作"}});
  add({.key = "pm.vice", .title = "客服副主管", .code = "pm.vice", .kind = POST_KIND_MANAGEMENT,
       .capabilities = {"tickets.supervisor"}, .superior = "pm.supervisor", .duties = {"起草业户回函并跟进"}});
  add({.key = "pm.agent", .title = "客服员", .code = "pm.agent", .kind = POST_KIND_SUPPORT,
       .capabilities = {"tickets.agent"}, .superior = "pm.vice", .duties = {"接待业户并受理报修、投诉"}, .seats = 3});
  add({.key = "pm.butler", .title = "楼层管家", .code = "pm.butler", .kind = POST_KIND_SUPPORT,
       .capabilities = {"tickets.agent"}, .superior = "pm.vice", .duties = {"建立完善的业户档案"}, .seats = 2});
  People people{plan, "PM"};
  Assign(plan, people.Add("黄子豪"), "pm.manager");
  Assign(plan, people.Add("吴静怡"), "pm.deputy");
  Assign(plan, people.Add("徐若琳"), "pm.clerk");
  Assign(plan, people.Add("曾志明"), "pm.supervisor");
  Assign(plan, people.Add("彭晓婷"), "pm.vice");
  Assign(plan, people.Add("邓家乐"), "pm.agent");
  Assign(plan, people.Add("许美玲"), "pm.butler");
}

// The loan company (001:251-467) and its whitelist (001:267): 行政文员、资产
// 保全、投资理财 may be combined, 业务部经理 may also be 客户经理, nothing else.
// Its organisation changes (004:31-33) are drafted by HR (人事专员), decided by
// the general manager's office meeting and, when they touch the structure,
// approved by the board: an approval chain whose steps need org.change.decide
// (the general manager) and org.change.approve (a director) for the company,
// and which makes change requests the only way for non-admins to change the
// structure. A post's capabilities hold for its own unit and the units below,
// so both deciding posts sit on the company unit itself. The HR specialist and
// the director are people of their own with one post each (no 兼任).
void AddLoanCompany(DemoPlan& plan) {
  plan.units.push_back(Unit(131, 0, "天佑投资借款有限公司", v1::UNIT_KIND_COMPANY, {"小额借款与投资理财"}));
  plan.units.push_back(Unit(132, 131, "总经理办公室", v1::UNIT_KIND_DEPARTMENT, {"经营管理与行政"}));
  plan.units.push_back(Unit(133, 131, "前台业务部", v1::UNIT_KIND_DEPARTMENT, {"客户开发与借款受理"}));
  plan.units.push_back(Unit(134, 131, "风险控制部", v1::UNIT_KIND_DEPARTMENT, {"审查、资产保全与投资理财"}));
  const auto add = [&](DemoPost post) {
    post.approved_by = "董事会";
    plan.posts.push_back(std::move(post));
  };
  add({.key = "lc.gm", .unit = 131, .title = "总经理", .code = "general.manager", .kind = POST_KIND_MANAGEMENT,
       .head = true, .capabilities = {"org.change.decide"},
       .duties = {"全面负责公司的经营管理", "主持总经理办公会，决定组织机构变更"}});
  add({.key = "lc.admin", .unit = 132, .title = "行政文员", .code = "admin.clerk", .kind = POST_KIND_SUPPORT,
       .superior = "lc.gm", .duties = {"文件收发与档案管理"}});
  add({.key = "lc.biz", .unit = 133, .title = "业务部经理", .code = "business.manager", .kind = POST_KIND_MANAGEMENT,
       .head = true, .superior = "lc.gm", .duties = {"组织开展借款业务"}});
  add({.key = "lc.client", .unit = 133, .title = "客户经理", .code = "client.manager",
       .kind = POST_KIND_PROFESSIONAL_TECHNICAL, .superior = "lc.biz", .duties = {"开发客户并受理借款申请"}, .seats = 2});
  add({.key = "lc.risk", .unit = 134, .title = "风控部经理", .code = "risk.manager", .kind = POST_KIND_MANAGEMENT,
       .head = true, .superior = "lc.gm", .duties = {"组织风险审查"}});
  add({.key = "lc.review", .unit = 134, .title = "审查岗", .code = "review", .kind = POST_KIND_PROFESSIONAL_TECHNICAL,
       .superior = "lc.risk", .duties = {"审查借款资料"}});
  add({.key = "lc.asset", .unit = 134, .title = "资产保全岗", .code = "asset.preservation",
       .kind = POST_KIND_PROFESSIONAL_TECHNICAL, .superior = "lc.risk", .duties = {"追缴清收到期借款"}});
  add({.key = "lc.invest", .unit = 134, .title = "投资理财岗", .code = "investment",
       .kind = POST_KIND_PROFESSIONAL_TECHNICAL, .superior = "lc.risk", .duties = {"管理公司投资理财"}});
  add({.key = "lc.hr", .unit = 132, .title = "人事专员", .code = "hr.specialist", .kind = POST_KIND_SUPPORT,
       .superior = "lc.gm", .duties = {"起草组织机构与岗位变更申请", "人事档案管理"}});
  plan.posts.push_back({.key = "lc.board", .unit = 131, .title = "董事", .code = "board.director",
                        .kind = POST_KIND_MANAGEMENT, .capabilities = {"org.change.approve"},
                        .duties = {"出席董事会", "审议批准公司组织机构的设置与调整"}, .approved_by = "股东会"});
  plan.policies.push_back({.key = "lc", .unit = 131, .title = "岗位兼任规定（其他各岗位之间不能兼任）",
                           .whitelist = {{"admin.clerk", "asset.preservation", "investment"},
                                         {"business.manager", "client.manager"}}});
  People people{plan, "TY"};
  Assign(plan, people.Add("严志华"), "lc.gm");
  const std::string clerk = people.Add("方丽君");
  Assign(plan, clerk, "lc.admin");
  Assign(plan, clerk, "lc.asset", v1::ASSIGNMENT_KIND_CONCURRENT, "行政文员兼任资产保全岗（白名单允许）");
  Assign(plan, people.Add("陆建新"), "lc.biz");
  Assign(plan, people.Add("任佳豪"), "lc.client");
  Assign(plan, people.Add("贺文静"), "lc.risk");
  Assign(plan, people.Add("蒋雅婷"), "lc.hr");
  Assign(plan, people.Add("钟国栋"), "lc.board");
  plan.chains.push_back(
      {.key = "lc", .unit = 131, .title = "组织机构变更审批",
       .steps = {{.title = "总经理办公会", .capability = "org.change.decide", .at_unit = 131},
                 {.title = "董事会", .capability = "org.change.approve", .at_unit = 131,
                  .applies_to = {v1::CHANGE_KIND_CREATE_UNIT, v1::CHANGE_KIND_UPDATE_UNIT,
                                 v1::CHANGE_KIND_MERGE_UNITS, v1::CHANGE_KIND_SPLIT_UNIT,
                                 v1::CHANGE_KIND_ABOLISH_UNIT, v1::CHANGE_KIND_MOVE_UNIT}}},
       .require_change_requests = true});
}

// The lending partners' officers (issue 10, item 4; 政银企户保, `000:1511-1525`):
// the county rural credit union (固安县农村信用合作联社, named by the 固安 seed
// beside the Agricultural Bank, `000:1567`) as a company of its own with its
// county business department; a credit officer at each bank holding
// loans.contract and loans.disburse (only the bank the county recommends may
// sign and disburse) and loans.recovery (the bank leads recovery after a
// loss, `000:1537`); the guarantee company's officer (loans.guarantee); and
// PICC's staff at the county centre (`000:1519`) — a unit of PICC's, not of
// the county — holding loans.insure.
void AddLendingPartners(DemoPlan& plan) {
  plan.units.push_back(Unit(109, 0, "固安县农村信用合作联社", v1::UNIT_KIND_COMPANY, {"发放扶贫贷款", "农户小额信用贷款"}));
  plan.units.push_back(Unit(110, 109, "固安县农村信用合作联社营业部", v1::UNIT_KIND_DEPARTMENT, {"扶贫贷款签约与发放"}));
  plan.units.push_back(Unit(119, 107, "人保财险驻固安县金融扶贫服务中心工作组", v1::UNIT_KIND_GROUP,
                            {"在县金融扶贫服务中心办理扶贫贷款保证保险"}));
  const auto add = [&](DemoPost post) {
    post.approved_by = "本单位";
    plan.posts.push_back(std::move(post));
  };
  add({.key = "rcu.head", .unit = 109, .title = "理事长", .code = "org.head", .kind = POST_KIND_MANAGEMENT,
       .head = true, .duties = {"主持联社全面工作"}});
  add({.key = "rcu.officer", .unit = 110, .title = "信贷员", .code = "credit.officer",
       .kind = POST_KIND_PROFESSIONAL_TECHNICAL, .capabilities = {"loans.contract", "loans.disburse", "loans.recovery"},
       .superior = "rcu.head", .duties = {"参与入户调查", "复核贷款条件并签订借款合同", "发放贷款", "牵头追偿损失贷款"}});
  add({.key = "abc.officer", .unit = 106, .title = "客户经理", .code = "credit.officer",
       .kind = POST_KIND_PROFESSIONAL_TECHNICAL, .capabilities = {"loans.contract", "loans.disburse", "loans.recovery"},
       .superior = "bank.head", .duties = {"参与入户调查", "复核贷款条件并签订借款合同", "发放贷款", "牵头追偿损失贷款"}});
  add({.key = "guar.officer", .unit = 108, .title = "担保业务经理", .code = "guarantee.officer",
       .kind = POST_KIND_PROFESSIONAL_TECHNICAL, .capabilities = {"loans.guarantee"}, .superior = "guar.head",
       .duties = {"审核县中心推荐意见", "签订三方担保合同"}});
  add({.key = "ins.officer", .unit = 119, .title = "驻点保险专员", .code = "insurance.officer",
       .kind = POST_KIND_PROFESSIONAL_TECHNICAL, .capabilities = {"loans.insure"}, .superior = "ins.head",
       .duties = {"在县金融扶贫服务中心受理扶贫贷款保证保险", "出具保险单"}});
  People people{plan, "FP"};
  Assign(plan, people.Add("冯建业"), "rcu.head");
  Assign(plan, people.Add("石海涛"), "rcu.officer");
  Assign(plan, people.Add("白文华"), "abc.officer");
  Assign(plan, people.Add("袁立军"), "guar.officer");
  Assign(plan, people.Add("温晓燕"), "ins.officer");
}

void AddStandard(DemoPlan& plan) {
  DemoStandard s{.key = "cs.seats"};
  s.standard.set_title("客服座席配置标准（每2万户1席，向下取整）");
  s.standard.set_source("004:117");
  s.standard.set_description("按服务户数配置客服座席：每20000户1席，不足1席的部分不计。");
  v1::PerUnitRule& rule = *s.standard.mutable_per_unit();
  rule.set_driver("households");
  rule.mutable_per()->set_micros(20000LL * 1000000);
  rule.set_posts_per_step(1);
  rule.set_rounding(v1::ROUNDING_MODE_DOWN);
  s.standard.set_status(v1::STAFFING_STANDARD_STATUS_ACTIVE);
  plan.standards.push_back(std::move(s));
}

}  // namespace

void AddOtherOrganisations(DemoPlan& plan) {
  AddLeadingGroup(plan);
  AddCustomerServiceCentre(plan);
  AddPropertyDepartment(plan);
  AddLoanCompany(plan);
  AddStandard(plan);
  AddLendingPartners(plan);
}

}  // namespace huinong::ctl
