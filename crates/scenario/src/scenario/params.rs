//! The registry of every scalar number in a [`Scenario`]: its key, its documented range, its
//! unit, its bilingual label and one-line explanation, and its source.
//!
//! One table serves validation (every value is checked against its range), the page (the lever
//! panels and the advanced group are drawn from it) and the share link (keys). Lists —
//! control intervals, voucher waves, importations — have their own editors and checks.

use super::Scenario;

/// How a number is shown and typed. The stored value is always in the base unit (yuan, days,
/// a share between 0 and 1, a rate per day).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Yuan, shown as 元.
    Yuan,
    /// Yuan, shown and typed in 万元 (10⁴ yuan).
    WanYuan,
    /// Yuan, shown and typed in 亿元 (10⁸ yuan).
    YiYuan,
    /// Days.
    Days,
    /// Months.
    Months,
    /// A share stored as 0–1, shown and typed as %.
    Percent,
    /// A rate per day.
    PerDay,
    /// A plain ratio or multiplier.
    Ratio,
    /// A count of people, firms or projects.
    Count,
}

impl Unit {
    /// Factor from the displayed number to the stored one.
    pub fn scale(self) -> f64 {
        match self {
            Unit::WanYuan => 1e4,
            Unit::YiYuan => 1e8,
            Unit::Percent => 0.01,
            _ => 1.0,
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            Unit::Yuan => "元",
            Unit::WanYuan => "万元",
            Unit::YiYuan => "亿元",
            Unit::Days => "天",
            Unit::Months => "个月",
            Unit::Percent => "%",
            Unit::PerDay => "/天",
            Unit::Ratio => "倍",
            Unit::Count => "",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Unit::Yuan => "yuan",
            Unit::WanYuan => "10k yuan",
            Unit::YiYuan => "100m yuan",
            Unit::Days => "days",
            Unit::Months => "months",
            Unit::Percent => "%",
            Unit::PerDay => "/day",
            Unit::Ratio => "×",
            Unit::Count => "",
        }
    }
}

/// Where a number appears on the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    /// 防控: numbers of the controls that are not per interval.
    Controls,
    /// 消费券与补贴.
    Vouchers,
    /// 项目投资.
    Projects,
    /// 助企纾困.
    Relief,
    /// 高级: epidemic assumptions.
    Epidemic,
    /// 高级: economic assumptions.
    Economy,
}

/// One scalar number of a scenario.
pub struct ParamSpec {
    /// Dotted path of the field in the scenario's JSON, e.g. `epidemic.r0_omicron`.
    pub key: &'static str,
    pub group: Group,
    pub unit: Unit,
    /// Allowed range, in the stored unit, both ends included.
    pub min: f64,
    pub max: f64,
    /// Slider step, in the stored unit.
    pub step: f64,
    /// Whole numbers only.
    pub integer: bool,
    pub label_zh: &'static str,
    pub label_en: &'static str,
    /// One line: what it does in the model.
    pub help_zh: &'static str,
    pub help_en: &'static str,
    /// Where the default and range come from, or "assumption".
    pub source: &'static str,
    pub get: fn(&Scenario) -> f64,
    pub set: fn(&mut Scenario, f64),
}

impl ParamSpec {
    /// The spec for a key.
    pub fn find(key: &str) -> Option<&'static ParamSpec> {
        PARAMS.iter().find(|p| p.key == key)
    }

    /// Whether `value` is allowed (finite, in range, whole where required).
    pub fn accepts(&self, value: f64) -> bool {
        value.is_finite()
            && value >= self.min
            && value <= self.max
            && (!self.integer || value.fract() == 0.0)
    }
}

macro_rules! param {
    ($key:literal, $($field:ident).+, $group:ident, $unit:ident, $min:expr, $max:expr, $step:expr,
     $zh:literal, $en:literal, $hzh:literal, $hen:literal, $src:literal) => {
        ParamSpec {
            key: $key,
            group: Group::$group,
            unit: Unit::$unit,
            min: $min,
            max: $max,
            step: $step,
            integer: false,
            label_zh: $zh,
            label_en: $en,
            help_zh: $hzh,
            help_en: $hen,
            source: $src,
            get: |s| s.$($field).+ as f64,
            set: |s, v| s.$($field).+ = v as _,
        }
    };
    (int $key:literal, $($field:ident).+, $group:ident, $unit:ident, $min:expr, $max:expr, $step:expr,
     $zh:literal, $en:literal, $hzh:literal, $hen:literal, $src:literal) => {
        ParamSpec {
            integer: true,
            ..param!($key, $($field).+, $group, $unit, $min, $max, $step, $zh, $en, $hzh, $hen, $src)
        }
    };
}

/// Every scalar number of a scenario, in the order the page shows them.
pub static PARAMS: &[ParamSpec] = &[
    // 防控: the zoning rule
    param!(
        "controls.zoning.trigger_cases", controls.zoning.trigger_cases, Controls, Count, 1.0, 200.0, 1.0,
        "分区管控触发病例数", "Zoning trigger (cases)",
        "某区县7天内新发现病例达到此数时自动进入分区管控。",
        "A district enters zoned controls when cases found in 7 days reach this number.",
        "assumption"
    ),
    param!(
        int "controls.zoning.release_days", controls.zoning.release_days, Controls, Days, 1.0, 42.0, 1.0,
        "解除管控所需无新增天数", "Days without a case to lift zoning",
        "连续这么多天无新发现病例后解除分区管控。",
        "Zoned controls lift after this many days with no newly found case.",
        "assumption; China's 2022 practice was 14 days"
    ),
    // 消费券与补贴
    param!(
        "vouchers.spending_multiplier", vouchers.spending_multiplier, Vouchers, Ratio, 3.0, 5.8, 0.1,
        "每元补贴带动的额外消费", "Extra spending per yuan of subsidy",
        "通用券和餐饮券每补贴1元带动的额外消费（元）。汽车券按每辆车的补贴计算，不用这一项。",
        "Extra spending, in yuan, that one yuan of general or catering voucher subsidy brings. Car vouchers count cars bought per subsidy instead and do not use it.",
        "Liu, Shen, Li, Chen, Management Science 2021 (3.4–5.8); Xing et al., AEJ: Macro 2023 (about 3)"
    ),
    param!(
        "vouchers.payback_share", vouchers.payback_share, Vouchers, Percent, 0.0, 0.5, 0.01,
        "提前消费的回落比例", "Share of spending pulled forward",
        "额外消费中只是提前了的部分，之后会回落。",
        "Part of the extra spending that was only brought forward and is given back later.",
        "assumption; Xing et al. 2023 saw purchases moved up to four months ahead"
    ),
    param!(
        "vouchers.payback_days", vouchers.payback_days, Vouchers, Days, 30.0, 180.0, 1.0,
        "回落期", "Payback period",
        "提前的消费在此期间内回落。",
        "Days over which pulled-forward spending is given back.",
        "assumption (120 days, Xing et al. 2023)"
    ),
    param!(
        "vouchers.car_anyway_share", vouchers.car_anyway_share, Vouchers, Percent, 0.4, 0.8, 0.01,
        "本来就会买车的比例", "Car buyers who would have bought anyway",
        "领购车券的人中本来就会买车的比例；其余是提前购买。",
        "Share of subsidised car buyers who would have bought anyway; the rest bought earlier.",
        "Mian & Sufi, Cash for Clunkers (about 60%)"
    ),
    param!(
        "vouchers.car_payback_months", vouchers.car_payback_months, Vouchers, Months, 4.0, 8.0, 0.5,
        "购车回落期", "Car payback period",
        "提前的购车在此期间内回落。",
        "Months over which pulled-forward car purchases are given back.",
        "Mian & Sufi: the boost reversed within about 7 months"
    ),
    param!(
        "vouchers.car_voucher_per_unit_yuan", vouchers.car_voucher_per_unit_yuan, Vouchers, Yuan, 1000.0, 20000.0, 500.0,
        "每辆车补贴", "Voucher per car",
        "每辆车可用的购车券金额。",
        "Voucher value per subsidised car.",
        "assumption"
    ),
    param!(
        "housing.budget_yuan", housing.budget_yuan, Vouchers, YiYuan, 0.0, 20e8, 0.1e8,
        "购房补贴资金", "Housing subsidy budget",
        "市县两级财政直接用于购房补贴的资金。",
        "City and district money paid directly as home-purchase subsidies.",
        "the article: 4.8亿元"
    ),
    param!(
        int "housing.duration_days", housing.duration_days, Vouchers, Days, 30.0, 365.0, 1.0,
        "补贴发放期", "Subsidy period",
        "补贴资金在此期间内发放完。",
        "Days over which the subsidy budget is paid out.",
        "assumption"
    ),
    param!(
        "housing.mean_subsidy_yuan", housing.mean_subsidy_yuan, Vouchers, WanYuan, 1e4, 15e4, 0.5e4,
        "平均每套补贴", "Mean subsidy per home",
        "每套受补贴住房的平均补贴额（博士15万、硕士12万、本科10万）。",
        "Mean subsidy per subsidised home (PhD 150,000, Master 120,000, Bachelor 100,000 yuan).",
        "the article"
    ),
    param!(
        "housing.induced_share", housing.induced_share, Vouchers, Percent, 0.0, 1.0, 0.01,
        "补贴新增购房比例", "Purchases the subsidy adds",
        "受补贴购房中没有补贴就不会在今年发生的比例。",
        "Share of subsidised purchases that would not have happened this year without it.",
        "assumption"
    ),
    param!(
        "housing.pull_forward_share", housing.pull_forward_share, Vouchers, Percent, 0.0, 1.0, 0.01,
        "购房提前比例", "Home purchases pulled forward",
        "新增购房中只是提前了的部分。",
        "Part of the added purchases that were only brought forward.",
        "assumption"
    ),
    // 项目投资
    param!(
        int "projects.count", projects.count, Projects, Count, 1.0, 500.0, 1.0,
        "重点项目数", "Key projects",
        "省市重点项目个数。",
        "Number of provincial and city key projects.",
        "the article: 110"
    ),
    param!(
        "projects.annual_plan_yuan", projects.annual_plan_yuan, Projects, YiYuan, 10e8, 1000e8, 1e8,
        "年度计划投资", "Planned investment for the year",
        "重点项目全年计划投资额。",
        "Planned investment of the key projects for the year.",
        "derived from the article: 70.34亿元 = 19.8%"
    ),
    param!(
        "projects.stoppage_effect", projects.stoppage_effect, Projects, Percent, 0.3, 0.9, 0.01,
        "管控停工比例", "Work stopped under controls",
        "管控完全生效时项目停工的比例。",
        "Share of project work stopped in a district while controls are fully in force.",
        "assumption; lockdown cut truck flows by 54% in a month (J. Urban Econ. 2025)"
    ),
    param!(
        "projects.catch_up", projects.catch_up, Projects, Percent, 0.0, 1.0, 0.01,
        "解封后赶工", "Catch-up after controls",
        "管控解除后，额外赶工的进度（占计划日进度的比例）。",
        "Extra pace after controls lift, as a share of the planned daily pace.",
        "assumption"
    ),
    param!(
        "projects.multiplier", projects.multiplier, Projects, Ratio, 0.4, 1.4, 0.05,
        "投资乘数", "Investment multiplier",
        "每元投资带动的GDP（元）。",
        "GDP, in yuan, that one yuan of investment brings.",
        "IMF WP/17/273: 0.75–1.4 for China; county level about 0.6"
    ),
    param!(
        "projects.multiplier_lag_days", projects.multiplier_lag_days, Projects, Days, 30.0, 180.0, 1.0,
        "乘数时滞", "Multiplier lag",
        "投资带动效应的平均滞后天数。",
        "Mean delay of the investment's demand effect.",
        "assumption (Ilzetzki et al.: 0.4 on impact)"
    ),
    // 助企纾困
    param!(
        "relief.reach", relief.reach, Relief, Percent, 0.0, 1.0, 0.01,
        "纾困覆盖面", "Relief reach",
        "享受纾困政策的中小企业比例。",
        "Share of small firms the relief reaches.",
        "China SME survey Q1 2022: two-thirds had none (1/3; range 0.2–0.6)"
    ),
    param!(
        "relief.runway_extension_days", relief.runway_extension_days, Relief, Days, 0.0, 120.0, 1.0,
        "延长现金周转天数", "Extra days of cash",
        "纾困（减免税费、贷款支持）为每家企业多争取的现金天数。",
        "Extra days of cash that relief (fees, taxes, loans) gives each firm reached.",
        "assumption (30 days; range 0–60)"
    ),
    param!(
        "relief.cost_per_firm_yuan", relief.cost_per_firm_yuan, Relief, WanYuan, 0.0, 50e4, 0.1e4,
        "每家企业纾困成本", "Relief cost per firm",
        "每家受惠企业的财政成本。",
        "Fiscal cost per firm reached.",
        "assumption"
    ),
    // 高级：疫情
    param!(
        "epidemic.r0_delta", epidemic.r0_delta, Epidemic, Ratio, 4.0, 6.4, 0.1,
        "基本再生数 R0（德尔塔）", "R0, Delta",
        "无防控时一名感染者平均传染的人数（德尔塔）。",
        "People one case infects with no controls (Delta).",
        "assumption; SEI epi-macro model default 6.4"
    ),
    param!(
        "epidemic.r0_omicron", epidemic.r0_omicron, Epidemic, Ratio, 2.1, 9.5, 0.1,
        "基本再生数 R0（奥密克戎）", "R0, Omicron BA.2",
        "无防控时一名感染者平均传染的人数（奥密克戎BA.2）。",
        "People one case infects with no controls (Omicron BA.2).",
        "Hangzhou BA.1.1 study (PMC9616478); Shanghai 2022"
    ),
    param!(
        "epidemic.latent_days_delta", epidemic.latent_days_delta, Epidemic, Days, 3.0, 4.4, 0.1,
        "潜伏期（德尔塔）", "Latent period, Delta",
        "感染到具有传染性的平均天数（德尔塔）。",
        "Mean days from infection to infectiousness (Delta).",
        "JAMA Netw Open meta-analysis: incubation 4.41 d"
    ),
    param!(
        "epidemic.latent_days_omicron", epidemic.latent_days_omicron, Epidemic, Days, 2.8, 3.5, 0.1,
        "潜伏期（奥密克戎）", "Latent period, Omicron",
        "感染到具有传染性的平均天数（奥密克戎）。",
        "Mean days from infection to infectiousness (Omicron).",
        "Hangzhou BA.1.1 study: 3.1 d"
    ),
    param!(
        "epidemic.infectious_days", epidemic.infectious_days, Epidemic, Days, 2.2, 4.0, 0.1,
        "传染期", "Infectious period",
        "未被发现时平均具有传染性的天数。",
        "Mean days a case is infectious if not found.",
        "assumption; BMC Medicine 2023 meta-analysis"
    ),
    param!(
        "epidemic.asymptomatic_share", epidemic.asymptomatic_share, Epidemic, Percent, 0.52, 0.94, 0.01,
        "无症状比例（奥密克戎）", "Share without symptoms, Omicron",
        "奥密克戎感染者发现时无症状的比例；无症状者只能靠检测发现。",
        "Share of Omicron cases without symptoms; these are found only by testing.",
        "Shanghai 2022: 94.3%; Jilin: over 52%"
    ),
    param!(
        "epidemic.asymptomatic_share_delta", epidemic.asymptomatic_share_delta, Epidemic, Percent, 0.1, 0.6, 0.01,
        "无症状比例（德尔塔）", "Share without symptoms, Delta",
        "德尔塔感染者发现时无症状的比例；德尔塔多数有症状，因而更快被发现。",
        "Share of Delta cases without symptoms when found; most Delta cases had symptoms, so they were found sooner.",
        "assumption (0.3): China's 2021 Delta outbreaks were mostly symptomatic at diagnosis, unlike Omicron's 0.9"
    ),
    param!(
        "epidemic.symptom_detection_rate", epidemic.symptom_detection_rate, Epidemic, PerDay, 0.0, 1.0, 0.01,
        "有症状者就诊发现率", "Symptom-driven detection",
        "有症状感染者每天因就诊被发现的概率。",
        "Daily chance that a case with symptoms is found by seeking care.",
        "assumption (0.5 per day)"
    ),
    param!(
        "epidemic.pcr_sensitivity", epidemic.pcr_sensitivity, Epidemic, Percent, 0.7, 0.95, 0.01,
        "核酸检测灵敏度", "PCR sensitivity",
        "一轮核酸检测发现受检感染者的概率。",
        "Chance one PCR round finds an infected person who is tested.",
        "assumption"
    ),
    param!(
        "epidemic.isolation_days", epidemic.isolation_days, Epidemic, Days, 7.0, 21.0, 1.0,
        "隔离天数", "Isolation length",
        "发现的病例隔离天数。",
        "Days a found case stays isolated.",
        "assumption (14 days)"
    ),
    param!(
        "epidemic.ifr", epidemic.ifr, Epidemic, Percent, 0.0005, 0.002, 0.0001,
        "感染病死率", "Infection fatality rate",
        "感染者中死亡的比例。",
        "Share of infections that die.",
        "Shanghai BA.2 (PMC9683067): 0.09%"
    ),
    param!(
        "epidemic.fatigue_half_life_days", epidemic.fatigue_half_life_days, Epidemic, Days, 20.0, 60.0, 1.0,
        "防控疲劳半衰期", "Adherence half-life",
        "措施开始后遵守程度减半所需天数。",
        "Days after a measure starts until adherence has halved.",
        "Sci. Rep. 2021, doi 10.1038/s41598-021-02133-1"
    ),
    param!(
        "epidemic.outside_contact_share", epidemic.outside_contact_share, Epidemic, Percent, 0.03, 0.2, 0.01,
        "跨区县接触比例", "Contacts outside the home district",
        "在本区县以外发生的接触比例。",
        "Share of contacts made outside the home district.",
        "assumption"
    ),
    param!(
        "epidemic.checkpoint_cut", epidemic.checkpoint_cut, Epidemic, Percent, 0.5, 0.9, 0.01,
        "卡口减少跨区接触", "Cross-district contacts cut by checkpoints",
        "高速卡口减少的跨区县接触比例。",
        "Share of cross-district contacts that highway checkpoints cut.",
        "assumption"
    ),
    param!(
        "epidemic.effect_schools", epidemic.effect_schools, Epidemic, Percent, 0.0, 0.8, 0.01,
        "停课效果", "Effect of closing schools",
        "学校完全停课使传播降低的比例。",
        "Cut in transmission from closing schools fully.",
        "Brauner et al., Science 2021: 39%"
    ),
    param!(
        "epidemic.effect_dine_in", epidemic.effect_dine_in, Epidemic, Percent, 0.0, 0.8, 0.01,
        "取消堂食效果", "Effect of the dine-in ban",
        "完全取消堂食使传播降低的比例。",
        "Cut in transmission from suspending dine-in service fully.",
        "Brauner et al., Science 2021: some high-risk businesses closed, 31%"
    ),
    param!(
        "epidemic.effect_nonessential", epidemic.effect_nonessential, Epidemic, Percent, 0.0, 0.8, 0.01,
        "关停非必要场所效果", "Effect of closing non-essential business",
        "完全关停非必要经营场所使传播降低的比例。",
        "Cut in transmission from closing most non-essential businesses.",
        "Brauner et al., Science 2021: 40%"
    ),
    param!(
        "epidemic.effect_gatherings", epidemic.effect_gatherings, Epidemic, Percent, 0.0, 0.8, 0.01,
        "限制聚集效果", "Effect of limiting gatherings",
        "聚集限制在10人以下使传播降低的比例。",
        "Cut in transmission from limiting gatherings to 10 people or fewer.",
        "Brauner et al., Science 2021: 36%"
    ),
    param!(
        "epidemic.effect_sealed_zones", epidemic.effect_sealed_zones, Epidemic, Percent, 0.0, 0.8, 0.01,
        "封控效果", "Effect of sealed zones",
        "封控/管控区在其他措施之外使传播再降低的比例。",
        "Further cut in transmission from sealed and controlled zones, on top of the rest.",
        "Brauner et al., Science 2021: stay-at-home order, 18%"
    ),
    param!(
        "epidemic.extinction_threshold", epidemic.extinction_threshold, Epidemic, Count, 0.0, 5.0, 0.1,
        "疫情清零阈值（人）", "Extinction threshold (people)",
        "某区县感染者少于此数时视为清零，避免零点几个人重新引发疫情。",
        "Below this many infected people a district's outbreak is over, so no fraction of a person restarts it.",
        "assumption (model rule)"
    ),
    // 高级：经济
    param!(
        "economy.gdp_2021_yuan", economy.gdp_2021_yuan, Economy, YiYuan, 100e8, 10000e8, 1e8,
        "2021年GDP", "GDP 2021",
        "基准年的地区生产总值。",
        "GDP of the base year.",
        "Jinzhong 2021 statistical bulletin: 1843.4亿元"
    ),
    param!(
        "economy.baseline_growth", economy.baseline_growth, Economy, Percent, -0.05, 0.15, 0.001,
        "无疫情基准增速", "Baseline growth",
        "无疫情情形下2022年比2021年的增长。",
        "Growth over 2021 with no outbreak.",
        "assumption"
    ),
    param!(
        "economy.retail_sales_yuan", economy.retail_sales_yuan, Economy, YiYuan, 100e8, 3000e8, 1e8,
        "社会消费品零售总额", "Retail sales of consumer goods",
        "全年社会消费品零售总额（基准）。",
        "Retail sales of consumer goods in a normal year.",
        "placeholder: Shanxi 2021 × Jinzhong's population share"
    ),
    param!(
        "economy.offline_drop", economy.offline_drop, Economy, Percent, 0.0, 0.8, 0.01,
        "管控下线下消费降幅", "Offline spending fall under controls",
        "全面管控时线下消费下降的比例。",
        "Fall in offline spending in a fully controlled district.",
        "Chen, Qian, Wen, AEA P&P 2021: −32%"
    ),
    param!(
        "economy.dining_drop", economy.dining_drop, Economy, Percent, 0.0, 1.0, 0.01,
        "管控下餐饮降幅", "Dining fall under controls",
        "全面管控时餐饮消费下降的比例。",
        "Fall in dining in a fully controlled district.",
        "Chen, Qian, Wen, AEA P&P 2021: −64%"
    ),
    param!(
        "economy.fear_per_doubling", economy.fear_per_doubling, Economy, Percent, 0.0, 0.1, 0.001,
        "病例翻倍时消费降幅", "Spending fall per doubling of cases",
        "发现病例每翻一倍，消费额外下降的比例。",
        "Further fall in spending each time detected cases double.",
        "Chen, Qian, Wen, AEA P&P 2021: 2.8%"
    ),
    param!(
        "economy.online_shift", economy.online_shift, Economy, Percent, 0.0, 0.8, 0.01,
        "转向线上的比例", "Shift to online",
        "线下零售损失中转到线上（直播带货等）的比例。",
        "Share of lost offline retail that moves online (live-streaming and group buying).",
        "assumption"
    ),
    param!(
        "economy.backlog_release_rate", economy.backlog_release_rate, Economy, PerDay, 1.0 / 90.0, 1.0 / 30.0, 0.001,
        "积压需求释放速度", "Release of deferred purchases",
        "解封后每天释放的积压需求（汽车、住房等）比例。",
        "Share of deferred purchases (cars, homes, some retail) released each day after reopening.",
        "assumption (1/45 per day)"
    ),
    param!(
        "economy.sme_runway_days", economy.sme_runway_days, Economy, Days, 10.0, 120.0, 1.0,
        "中小企业现金周转天数（中位数）", "SME cash runway (median)",
        "营收中断时中小企业现金能支撑的天数中位数。",
        "Median days an SME's cash lasts when revenue stops.",
        "China SME survey Q1 2022: 40% out of cash in a month, 80% in three"
    ),
    param!(
        "economy.sme_count", economy.sme_count, Economy, Count, 1e4, 1e6, 1e3,
        "中小企业数", "Small firms",
        "全市中小企业（含个体户）数量。",
        "Number of small firms (including the self-employed) in the city.",
        "assumption"
    ),
    param!(
        "economy.sme_reopen_rate", economy.sme_reopen_rate, Economy, PerDay, 0.0, 0.05, 0.001,
        "关停企业重开速度", "Closed firms reopening",
        "关停企业每天重新开业的比例。",
        "Share of closed firms that reopen each day.",
        "assumption"
    ),
    param!(
        "economy.employment", economy.employment, Economy, Count, 1e5, 3e6, 1e4,
        "就业人数", "Employed people",
        "全市就业人数。",
        "Employed people in the city.",
        "assumption"
    ),
    param!(
        "economy.job_return_rate", economy.job_return_rate, Economy, PerDay, 0.0, 0.2, 0.001,
        "岗位恢复速度", "Jobs coming back",
        "产出恢复后每天恢复的失去岗位比例。",
        "Share of lost jobs that come back each day once output recovers.",
        "assumption"
    ),
    param!(
        "economy.cost_per_test_yuan", economy.cost_per_test_yuan, Economy, Yuan, 1.0, 40.0, 0.5,
        "每人次核酸检测成本", "Cost per PCR test",
        "每人次核酸检测的财政成本（混检）。",
        "Public cost of one PCR test (pooled).",
        "assumption"
    ),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::presets;

    #[test]
    fn keys_are_unique_and_defaults_in_range() {
        let s = presets::jinzhong_2022();
        for (i, p) in PARAMS.iter().enumerate() {
            assert!(p.min < p.max, "{}", p.key);
            assert!(
                PARAMS[..i].iter().all(|q| q.key != p.key),
                "duplicate {}",
                p.key
            );
            let v = (p.get)(&s);
            assert!(
                p.accepts(v),
                "{} = {v} outside {}..={}",
                p.key,
                p.min,
                p.max
            );
        }
    }

    #[test]
    fn set_then_get_round_trips() {
        let mut s = presets::jinzhong_2022();
        for p in PARAMS {
            let v = if p.integer { p.max.floor() } else { p.max };
            (p.set)(&mut s, v);
            assert_eq!((p.get)(&s), v, "{}", p.key);
        }
    }
}
