// The loans demo's borrowers and applications (see demo_lending.h). The
// people and firms are invented; ID-card numbers are well-formed for 固安县
// (131022, GB 11643 check digit) and credit codes carry their GB 32100
// check character. The applications' borrowers are in 宫村镇's villages:
// 大韩寨村 (unit 3), 东张务村 (4), 西小屯村 (5), but the leading enterprise (at
// 宫村镇's township department). The servicing history's (demo_servicing.h)
// are in 柳泉镇 — 柳泉村 (7), 北常庄村 (8), 东北庄村 (9): the township near the
// breaker —, 牛驼镇's 北房上村 (11) (the settled loan and its subsidy) and
// 西小屯村 (the written-off loan). 马庄镇 is left to the end-to-end tests.
#include "tools/huinongctl/src/demo_lending.h"

#include "absl/strings/str_cat.h"
#include "tools/huinongctl/src/demo_data.h"

namespace huinong::ctl {
namespace {

namespace v1 = ::huinong::loans::v1;

constexpr int kDaHanZhai = 3, kDongZhangWu = 4, kXiXiaoTun = 5, kGongCunTownship = 2;
constexpr int kLiuQuan = 7, kBeiChangZhuang = 8, kDongBeiZhuang = 9, kBeiFangShang = 11;

DemoBorrower Household(const char* key, int village, const char* name, const char* id_card, const char* born,
                       const char* account) {
  DemoBorrower b{.key = key, .unit = village};
  b.borrower.set_type(v1::BORROWER_TYPE_HOUSEHOLD);
  b.borrower.set_display_name(name);
  v1::PersonProfile& p = *b.borrower.mutable_person();
  p.set_id_card_number(id_card);
  const std::string birth = born;
  p.mutable_birth_date()->set_year(std::stoi(birth.substr(0, 4)));
  p.mutable_birth_date()->set_month(std::stoi(birth.substr(5, 2)));
  p.mutable_birth_date()->set_day(std::stoi(birth.substr(8, 2)));
  p.set_household_size(4);
  b.borrower.mutable_settlement_account()->set_bank("nxs");
  b.borrower.mutable_settlement_account()->set_account_number(account);
  b.borrower.mutable_settlement_account()->set_holder_name(name);
  b.registered_poor_from = "2025-03-01";
  const std::string number = account;
  b.poverty_number = "GA2025-" + number.substr(number.size() - 4);
  return b;
}

DemoBorrower Organisation(const char* key, int unit, v1::BorrowerType type, const char* name, const char* code,
                          const char* representative, int shareholders, int driven, const char* account) {
  DemoBorrower b{.key = key, .unit = unit};
  b.borrower.set_type(type);
  b.borrower.set_display_name(name);
  v1::OrganisationProfile& o = *b.borrower.mutable_organisation();
  o.set_credit_code(code);
  o.set_legal_representative(representative);
  o.set_registered(true);
  o.set_licensed(true);
  o.set_tax_paying(true);
  o.set_sound_accounting(true);
  o.set_shareholder_households(shareholders);
  o.set_poor_households_driven(driven);
  b.borrower.mutable_settlement_account()->set_bank("nxs");
  b.borrower.mutable_settlement_account()->set_account_number(account);
  b.borrower.mutable_settlement_account()->set_holder_name(name);
  return b;
}

DemoLending Build() {
  DemoLending plan;
  auto& b = plan.borrowers;
  b.push_back(Household("zhang-xiuying", kDaHanZhai, "张秀英", "131022197204180243", "1972-04-18", "6230530100000001"));
  b.push_back(Household("li-guizhi", kDaHanZhai, "李桂芝", "131022196809020424", "1968-09-02", "6230530100000002"));
  b.push_back(Household("wang-deshun", kDaHanZhai, "王德顺", "131022197501230171", "1975-01-23", "6230530100000003"));
  b.push_back(Household("zhao-chunlai", kDongZhangWu, "赵春来", "131022197006300355", "1970-06-30", "6230530100000004"));
  b.push_back(Household("liu-yulan", kDongZhangWu, "刘玉兰", "131022197911110260", "1979-11-11", "6230530100000005"));
  b.push_back(Household("chen-mancang", kDongZhangWu, "陈满仓", "131022196603050513", "1966-03-05", "6230530100000006"));
  b.push_back(Household("sun-fuhai", kXiXiaoTun, "孙福海", "131022197308190139", "1973-08-19", "6230530100000007"));
  b.push_back(Household("zhou-fengying", kXiXiaoTun, "周凤英", "131022198102140288", "1981-02-14", "6230530100000008"));
  b.push_back(Household("wu-dayong", kXiXiaoTun, "吴大勇", "131022196912010195", "1969-12-01", "6230530100000009"));
  b.push_back(Household("zheng-xiaomei", kDaHanZhai, "郑小梅", "131022198307070404", "1983-07-07", "6230530100000010"));
  // svc-loans takes a family farm as its farmer (a person profile).
  b.push_back(Household("fengshou-farm", kDaHanZhai, "固安县宫村镇丰收家庭农场", "131022197808080550", "1978-08-08",
                        "6230530100000011"));
  b.back().borrower.set_type(v1::BORROWER_TYPE_FAMILY_FARM);
  b.back().registered_poor_from.clear();
  b.push_back(Organisation("dahanzhai-coop", kDaHanZhai, v1::BORROWER_TYPE_COOPERATIVE, "固安县大韩寨蔬菜种植专业合作社",
                           "93131022MA0BX5QW28", "韩立柱", 100, 35, "6230530100000012"));
  b.push_back(Organisation("xingnong-foods", kGongCunTownship, v1::BORROWER_TYPE_LEADING_ENTERPRISE,
                           "固安县兴农食品有限公司", "91131022MA07T8LP4W", "高建民", 120, 60, "6230530100000013"));
  b.back().borrower.mutable_organisation()->mutable_leading_enterprise_qualification()->set_uri(
      "https://docs.example.cn/guan/leading-enterprises/2026/xingnong.pdf");
  b.push_back(Organisation("dongzhangwu-shares", kDongZhangWu, v1::BORROWER_TYPE_SHARE_COOPERATIVE,
                           "固安县东张务村股份经济合作社", "93131022MA0DR2NF6C", "张永旺", 210, 70, "6230530100000014"));

  // The servicing history's borrowers (demo_servicing.h).
  b.push_back(Household("yang-shulan", kLiuQuan, "杨淑兰", "131022197603150527", "1976-03-15", "6230530100000015"));
  b.push_back(Household("ma-jinbao", kBeiChangZhuang, "马金宝", "131022197109220411", "1971-09-22", "6230530100000016"));
  b.push_back(Household("gao-fusheng", kDongBeiZhuang, "高福生", "131022196805170337", "1968-05-17", "6230530100000017"));
  b.push_back(Household("han-guiying", kBeiFangShang, "韩桂英", "131022198012060620", "1980-12-06", "6230530100000018"));
  b.push_back(Household("song-laiwang", kXiXiaoTun, "宋来旺", "131022197404280513", "1974-04-28", "6230530100000019"));
  b.push_back(Organisation("liuquan-coop", kLiuQuan, v1::BORROWER_TYPE_COOPERATIVE, "固安县柳泉村果蔬种植专业合作社",
                           "93131022MA0CL7RJ58", "柳长青", 80, 30, "6230530100000020"));

  using S = v1::ApplicationState;
  auto& a = plan.applications;
  const auto small = [&](const char* key, const char* borrower, int64_t yuan, int bank, S target,
                         const char* detail) {
    a.push_back({.key = key, .borrower = borrower, .small_loan = true, .amount_yuan = yuan, .term_months = 36,
                 .purpose = v1::PURPOSE_PRODUCTION, .detail = detail, .bank = bank, .target = target});
  };
  small("zhang-xiuying-small", "zhang-xiuying", 50000, 109, S::APPLICATION_STATE_DISBURSED, "养殖肉牛两头，购买饲草");
  a.back().second_draw_yuan = 10000;
  small("li-guizhi-small", "li-guizhi", 20000, 106, S::APPLICATION_STATE_DRAFT, "购买梨树苗木与化肥");
  small("wang-deshun-small", "wang-deshun", 30000, 106, S::APPLICATION_STATE_SUBMITTED, "扩建蔬菜大棚一座");
  small("zhao-chunlai-small", "zhao-chunlai", 50000, 109, S::APPLICATION_STATE_SURVEYED, "养殖生猪二十头");
  small("liu-yulan-small", "liu-yulan", 40000, 109, S::APPLICATION_STATE_REVIEWED, "种植食用菌");
  small("chen-mancang-small", "chen-mancang", 50000, 106, S::APPLICATION_STATE_GUARANTEED, "购置小型农机");
  small("sun-fuhai-small", "sun-fuhai", 30000, 109, S::APPLICATION_STATE_INSURED, "养殖蛋鸡");
  small("zhou-fengying-small", "zhou-fengying", 50000, 106, S::APPLICATION_STATE_CONTRACTED, "发展庭院手工编织");
  small("wu-dayong-small", "wu-dayong", 50000, 106, S::APPLICATION_STATE_REJECTED, "养殖山羊");
  small("zheng-xiaomei-small", "zheng-xiaomei", 20000, 109, S::APPLICATION_STATE_WITHDRAWN, "开办农家小超市");
  a.push_back({.key = "dahanzhai-coop-industry", .borrower = "dahanzhai-coop", .small_loan = false,
               .amount_yuan = 800000, .term_months = 24, .purpose = v1::PURPOSE_BUSINESS_OPERATION,
               .detail = "新建蔬菜冷库并收购社员蔬菜，带动35户贫困户", .bank = 109,
               .target = S::APPLICATION_STATE_DISBURSED});
  a.push_back({.key = "fengshou-farm-industry", .borrower = "fengshou-farm", .small_loan = false, .amount_yuan = 300000,
               .term_months = 36, .purpose = v1::PURPOSE_PRODUCTION, .detail = "流转土地200亩种植优质小麦",
               .bank = 106, .target = S::APPLICATION_STATE_SURVEYED});
  a.push_back({.key = "xingnong-foods-industry", .borrower = "xingnong-foods", .small_loan = false,
               .amount_yuan = 2000000, .term_months = 24, .purpose = v1::PURPOSE_BUSINESS_OPERATION,
               .detail = "扩建速冻食品生产线，吸纳贫困户就业", .bank = 106, .target = S::APPLICATION_STATE_REVIEWED});
  // The county policy sets no ceiling for share-cooperatives (the seeds give
  // none), so this one stays a draft: submitting it is refused.
  a.push_back({.key = "dongzhangwu-shares-industry", .borrower = "dongzhangwu-shares", .small_loan = false,
               .amount_yuan = 500000, .term_months = 24, .purpose = v1::PURPOSE_PAIRED_ENTERPRISE_INVESTMENT,
               .detail = "入股结对帮扶企业，按股分红", .bank = 109, .target = S::APPLICATION_STATE_DRAFT});
  // Disbursed for the servicing history (demo_servicing.h).
  small("yang-shulan-small", "yang-shulan", 20000, 109, S::APPLICATION_STATE_DISBURSED, "种植设施草莓");
  small("ma-jinbao-small", "ma-jinbao", 20000, 106, S::APPLICATION_STATE_DISBURSED, "养殖肉羊十只");
  small("gao-fusheng-small", "gao-fusheng", 10000, 109, S::APPLICATION_STATE_DISBURSED, "购买玉米良种与化肥");
  small("han-guiying-small", "han-guiying", 30000, 109, S::APPLICATION_STATE_DISBURSED, "养殖蛋鸭");
  small("song-laiwang-small", "song-laiwang", 10000, 106, S::APPLICATION_STATE_DISBURSED, "养殖肉兔");
  a.push_back({.key = "liuquan-coop-industry", .borrower = "liuquan-coop", .small_loan = false,
               .amount_yuan = 300000, .term_months = 24, .purpose = v1::PURPOSE_PRODUCTION,
               .detail = "新建果蔬分拣车间，带动30户贫困户种植", .bank = 109,
               .target = S::APPLICATION_STATE_DISBURSED});
  return plan;
}

}  // namespace

std::string DemoIntakePost(const DemoBorrower& borrower) {
  return borrower.borrower.type() == v1::BORROWER_TYPE_LEADING_ENTERPRISE ? absl::StrCat("t", borrower.unit, ".officer")
                                                                          : absl::StrCat("v", borrower.unit, ".agent");
}

std::string DemoTownshipDirectorPost(const DemoBorrower& borrower) {
  for (const DemoUnit& u : DemoNetwork()) {
    if (u.index == borrower.unit) {
      return absl::StrCat("t", u.level == type::v1::LEVEL_TOWNSHIP ? u.index : u.parent, ".director");
    }
  }
  return "";
}

std::string DemoBankPost(const DemoApplication& application) {
  return application.bank == 109 ? "rcu.officer" : "abc.officer";
}

const DemoLending& DemoLendingPlan() {
  static const auto* plan = new DemoLending(Build());
  return *plan;
}

}  // namespace huinong::ctl
