//! Every visible string of the page and the charts, in Chinese and English.
//!
//! [`Text`] is one enum and [`Text::pair`] one exhaustive `match`: a string added in one
//! language and forgotten in the other does not compile. Numbers are written the way each
//! audience reads them: 万 and 亿 in Chinese, thousand / million / billion in English.
//! Plain Rust, used by the charts natively and by the page.

use crate::scenario::Date;

/// The page's language. Chinese first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// The value of `<html lang>`.
    pub fn html_lang(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// The Chinese or the English of a pair.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    pub fn text(self, text: Text) -> &'static str {
        text.get(self)
    }
}

/// A visible string.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Text {
    // Header
    AppName,
    Tagline,
    Preset,
    Language,
    Help,
    CloseHelp,
    // Help panel
    HelpTitle,
    HelpWhat,
    HelpEpidemic,
    HelpEconomy,
    HelpLevers,
    HelpDefault,
    HelpSources,
    HelpLimits,
    HelpUsage,
    // Lever groups
    Levers,
    GroupControls,
    GroupVouchers,
    GroupProjects,
    GroupRelief,
    GroupAdvanced,
    GroupEpidemic,
    GroupEconomy,
    // Controls
    ControlIntervals,
    ControlIntervalsHelp,
    NoIntervals,
    AddInterval,
    RemoveInterval,
    StartDate,
    EndDate,
    Districts,
    AllDistricts,
    ChosenDistricts,
    Measures,
    Schools,
    SchoolsHelp,
    DineIn,
    DineInHelp,
    NonEssential,
    NonEssentialHelp,
    Gatherings,
    GatheringsHelp,
    SealedZones,
    SealedZonesHelp,
    TestingEvery,
    TestingEveryHelp,
    TestingCoverage,
    TestingCoverageHelp,
    TracingRate,
    TracingRateHelp,
    Checkpoints,
    CheckpointsHelp,
    Zoning,
    ZoningHelp,
    ZoningEnabled,
    ZoningMeasures,
    // Vouchers
    VoucherWaves,
    VoucherWavesHelp,
    NoWaves,
    AddWave,
    RemoveWave,
    WaveKind,
    KindGeneral,
    KindCatering,
    KindCar,
    Budget,
    BudgetHelp,
    WaveStart,
    Validity,
    ValidityHelp,
    Redemption,
    RedemptionHelp,
    ResponseParams,
    HousingSubsidy,
    HousingStart,
    HousingStartHelp,
    // Projects
    PlanSchedule,
    PlanScheduleHelp,
    Month,
    PlannedStarts,
    PlannedCompletion,
    // Relief
    ReliefStart,
    ReliefStartHelp,
    // Field messages
    ErrNotNumber,
    ErrNotInteger,
    ErrOutOfRange,
    ErrBadDate,
    ErrEndBeforeStart,
    ErrOutsideRun,
    ErrNoDistrict,
    KeptValue,
    Source,
    Assumption,
    Slider,
    // Results
    Results,
    SummaryHeading,
    Infections,
    Detected,
    PeakIsolated,
    Deaths,
    GdpLoss,
    GdpLossPct,
    RetailLoss,
    JobsLost,
    SmesClosed,
    FiscalCost,
    GdpKeptPerYuan,
    FaiCompleted,
    ProjectsStarted,
    RecoveryDate,
    NotRecovered,
    NothingSpent,
    Charts,
    // Chart titles
    ChartInfections,
    ChartGdpRetail,
    ChartSectors,
    ChartProjects,
    ChartJobsSmes,
    ChartFiscal,
    ChartStringency,
    ChartHint,
    // Series and axes
    NewInfections,
    ActiveInfections,
    DetectedDaily,
    IsolatedPeople,
    People,
    Gdp,
    GdpBaseline,
    Retail,
    RetailBaseline,
    DailyValue,
    Catering,
    Cars,
    Homes,
    OnlineSales,
    IndexJan,
    FaiActual,
    FaiPlan,
    FaiArticle,
    ShareOfPlan,
    ProjectsStartedSeries,
    ProjectsAxis,
    Employment,
    SmesOpen,
    SmesOpenAxis,
    FiscalCumulative,
    Stringency,
    Date,
    OfBaseline,
    // District view
    DistrictView,
    MapIndicator,
    MapInfections,
    MapDetected,
    MapPeakIsolated,
    MapMaxStringency,
    MapGdpLossPct,
    MapSmesOpenEnd,
    Legend,
    // Errors
    ErrorTitle,
    ErrorInvalid,
    ErrorEngine,
    ResetDefault,
    PanicNotice,
    // Links and sharing
    Share,
    ShareTitle,
    ShareHint,
    ShareLinkLabel,
    Copy,
    Copied,
    CopyFailed,
    Close,
    ShareTooLong,
    LinkChars,
    LinkNoticesTitle,
    Dismiss,
    DismissAll,
    // Comparison
    CompareWith,
    CompareOff,
    CompareCopy,
    ComparePresets,
    CompareSaved,
    CompareFromLink,
    EditTarget,
    ScenarioA,
    ScenarioB,
    DiffHeading,
    DiffIndicator,
    DiffHint,
    DaysUnit,
    // Saved scenarios
    Saved,
    SaveName,
    SaveNamePlaceholder,
    Save,
    Load,
    Rename,
    Delete,
    Cancel,
    NoSaved,
    SavedSkipped,
    StorageUnavailable,
    // Exports
    Export,
    ExportCsv,
    ExportJson,
    ImportJson,
    ImportRefused,
    PngOf,
    // Uncertainty bands
    EnsembleHeading,
    EnsembleRuns,
    EnsembleSeed,
    EnsembleWaiting,
    EnsembleRunning,
    EnsembleDone,
    EnsembleUnavailable,
    EnsembleFailed,
    EnsembleHint,
    BandLegend,
    BandRuns,
    RangeLabel,
    // Playback and presentation mode
    Playback,
    Play,
    Pause,
    PlaybackSpeed,
    DaysPerSecond,
    PlaybackDay,
    ShowWholeYear,
    WholeYear,
    AsOf,
    NotYet,
    Present,
    PresentTitle,
    Presentation,
    LeavePresentation,
    PreviousSlide,
    NextSlide,
    PresentHint,
    ChangedLevers,
    SameAsPreset,
    // Guided stories
    Stories,
    StoriesTitle,
    StoriesIntro,
    StoryStart,
    StoryStepsCount,
    StoryOpenFile,
    StoryFileHint,
    StoryLink,
    StoryLinkTooLong,
    StoryRefused,
    StoryNoticesTitle,
    StoryStepOf,
    StorySteps,
    StoryPrev,
    StoryNext,
    StoryLeave,
    StoryEnd,
    StoryPredict,
    StoryShowMe,
    StoryHidden,
    StoryRight,
    StoryWrong,
    StoryAnswerIs,
    StoryUndecided,
    StoryComputed,
    StoryYourPick,
    StoryCorrect,
    StorySeeChart,
    StoryDifference,
    StoryCopyLink,
    StoryNoLink,
    // Accessibility and QR codes
    QrLabel,
    QrScan,
    QrTooLong,
    QrEmpty,
    DescHighest,
    DescLowest,
    DescEnd,
    DescFlat,
    DescHeatTop,
    DescHeatLow,
    DescHeatEnd,
    TableShow,
    TableHide,
    TableCaption,
    TableDate,
    TablePeak,
    // Built-in stories fetched by the page (size work)
    StoriesLoading,
    StoriesLoadFailed,
    StoriesRetry,
    // Bands shown or hidden (the toggle by the ensemble's status)
    BandsShow,
}

impl Text {
    /// The string in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        let (zh, en) = self.pair();
        lang.pick(zh, en)
    }

    /// (Chinese, English).
    pub fn pair(self) -> (&'static str, &'static str) {
        match self {
            Text::AppName => ("复苏实验室", "Recovery Lab"),
            Text::Tagline => (
                "晋中市11个区县，2022年：疫情、防控与经济复苏，逐日推演",
                "Jinzhong's 11 districts in 2022: the outbreak, the controls and the recovery, day by day",
            ),
            Text::Preset => ("情景", "Scenario"),
            Text::Language => ("语言", "Language"),
            Text::Help => ("说明", "Help"),
            Text::CloseHelp => ("关闭说明", "Close help"),
            Text::HelpTitle => ("模型说明", "About the model"),
            Text::HelpWhat => (
                "复苏实验室是一个疫情与经济耦合的模拟器：它逐日推演晋中市11个区县在2022年的疫情、防控措施和经济恢复。调整左侧的政策杠杆，右侧的结果会立即重新计算。所有计算都在你的浏览器里完成，不上传任何数据。",
                "Recovery Lab couples an epidemic model with an economic one and steps both a day at a time for Jinzhong's 11 districts through 2022. Change a lever on the left and the results on the right are recomputed at once. Everything runs in your browser; no data leaves the page.",
            ),
            Text::HelpEpidemic => (
                "疫情部分：每个区县分为易感、潜伏、未发现的感染者、已隔离、康复和死亡几类人群。传播强度 β = R0 × γ，按各项防控措施的效果（Brauner等，Science 2021）降低，并随防控疲劳减弱；消费和工作活动增加时传播略有上升。区县之间按引力规则混合，高速卡口减少跨区接触。病例通过就诊、全员核酸和流调被发现并隔离。确定性模式下，感染者少于清零阈值的区县视为清零。",
                "Epidemic: each district's residents are susceptible, latent, infectious and not yet found, isolated, recovered or dead. Transmission β = R0 × γ is cut by each measure in force (effects from Brauner et al., Science 2021), less so as adherence fades, and rises a little with shopping and work. Districts mix by a gravity rule; highway checkpoints cut cross-district contacts. Cases are found through symptoms, mass-testing rounds and contact tracing, then isolated. In deterministic mode a district with fewer infected people than the extinction threshold is taken as clear.",
            ),
            Text::HelpEconomy => (
                "经济部分：以2021年GDP 1843.4亿元及其行业结构为基准，分8个行业逐日计算。产出取供给与需求中较小者，再乘以仍在营业的企业比例。防控和对感染的担忧压低需求（线下消费−32%、餐饮−64%，Chen、Qian、Wen 2021）；汽车、住房等可推迟的需求在解封后释放；部分线下零售转到线上。消费券按每元补贴带动3.4元消费（Liu等 2021，3.0–5.8）增加需求；项目投资按乘数和时滞拉动需求；中小企业现金耗尽后关停并带走就业，纾困政策延长其现金周转天数。",
                "Economy: eight sectors, stepped daily from 2021 GDP of 184.34 billion yuan and its sector split. Output is the smaller of supply and demand, times the share of firms still open. Controls and fear of infection cut demand (offline spending −32%, dining −64%: Chen, Qian and Wen 2021); deferrable purchases such as cars and homes come back after reopening; part of lost offline retail moves online. Vouchers add 3.4 yuan of spending per yuan of subsidy (Liu et al. 2021: 3.0–5.8); key-project investment adds demand through a multiplier with a lag; small firms close when their cash runs out and take jobs with them, and relief adds days of cash.",
            ),
            Text::HelpLevers => (
                "政策杠杆按文章分组：防控（按日期和区县设定的措施区间，以及自动的精准分区管控规则）、消费券与补贴、项目投资、助企纾困；“高级”里是疫情和经济的假设参数。每个数字都可以输入或拖动，超出有据可查范围的输入会被拒绝并提示。",
                "The levers follow the article's grouping: controls (dated, district-targeted intervals of measures, plus the automatic zoning rule), vouchers and subsidies, key projects, and business relief; \"Advanced\" holds the epidemic and economic assumptions. Every number can be typed or dragged; a value outside its documented range is refused with a message.",
            ),
            Text::HelpDefault => (
                "默认情景“晋中2022”：2月20日太谷区输入德尔塔病例并实施封控、全员核酸和暂缓返校，3月初分阶段解封；4月14日榆次区出现奥密克戎病例，取消堂食并设卡口；5月1日起发放购车消费券，6月1日起发放4.8亿元购房补贴；15条助企纾困措施；110个重点项目的年度计划。模型按文章可核对的数字校准：4月30日前110个重点项目开工91个，完成年度计划投资的19.8%。",
                "The default scenario, \"Jinzhong 2022\": Delta arrives in Taigu on 20 February, met with sealed zones, mass testing and a postponed school return, and a phased reopening from early March; Omicron appears in Yuci on 14 April, met with a dine-in ban and checkpoints; car vouchers from 1 May; 480 million yuan of housing subsidies from 1 June; the 15 SME relief measures; the plan for 110 key projects. It is calibrated to the article's checkable figures: 91 of 110 key projects started and 19.8% of the year's plan invested by 30 April.",
            ),
            Text::HelpSources => (
                "数字来源：2020年人口普查（区县人口）、晋中市2021年统计公报（GDP）、Brauner等 Science 2021（措施效果）、Chen、Qian、Wen AEA P&P 2021（消费降幅）、Liu等 Management Science 2021（消费券乘数）、Mian与Sufi（购车补贴的提前效应）、IMF工作论文17/273（投资乘数）、2022年一季度中小企业调查（现金周转）。标为“假设”的数字没有直接来源，请按本地情况调整。每个参数的来源见其说明的悬停提示。",
                "Where the numbers come from: the 2020 census (district populations), Jinzhong's 2021 statistical bulletin (GDP), Brauner et al., Science 2021 (effects of measures), Chen, Qian and Wen, AEA P&P 2021 (spending falls), Liu et al., Management Science 2021 (voucher multiplier), Mian and Sufi (cars bought early), IMF WP/17/273 (investment multiplier), the China SME survey of Q1 2022 (cash runway). Numbers marked \"assumption\" have no direct source: adjust them to local knowledge. Hover over a parameter's explanation to see its source.",
            ),
            Text::HelpLimits => (
                "这是一个用于比较政策组合的模型，不是预测。确定性模式给出期望值；同一情景在任何机器上得到完全相同的数字。",
                "This is a model for comparing policy mixes, not a forecast. Deterministic mode shows expected values; the same scenario gives exactly the same numbers on any machine.",
            ),
            Text::HelpUsage => (
                "把鼠标移到图表上（或用键盘聚焦图表后按左右方向键）可查看当天的日期和数值。",
                "Hover over a chart (or focus it with the keyboard and press the arrow keys) to read the date and values.",
            ),
            Text::Levers => ("政策杠杆", "Levers"),
            Text::GroupControls => ("防控", "Controls"),
            Text::GroupVouchers => ("消费券与补贴", "Vouchers and subsidies"),
            Text::GroupProjects => ("项目投资", "Key projects"),
            Text::GroupRelief => ("助企纾困", "Business relief"),
            Text::GroupAdvanced => ("高级", "Advanced"),
            Text::GroupEpidemic => ("疫情假设", "Epidemic assumptions"),
            Text::GroupEconomy => ("经济假设", "Economic assumptions"),
            Text::ControlIntervals => ("防控措施区间", "Control intervals"),
            Text::ControlIntervalsHelp => (
                "每个区间在起止日期内（含）对所选区县施加措施；多个区间重叠时取较强者。",
                "Each interval puts its measures in force in its districts from its start to its end date (inclusive); where intervals overlap the stronger measure wins.",
            ),
            Text::NoIntervals => ("暂无防控区间。", "No control intervals."),
            Text::AddInterval => ("添加区间", "Add interval"),
            Text::RemoveInterval => ("删除区间", "Remove interval"),
            Text::StartDate => ("开始日期", "Start date"),
            Text::EndDate => ("结束日期", "End date"),
            Text::Districts => ("区县", "Districts"),
            Text::AllDistricts => ("全市", "All districts"),
            Text::ChosenDistricts => ("所选区县", "Chosen districts"),
            Text::Measures => ("措施", "Measures"),
            Text::Schools => ("暂缓返校 / 停课", "School closure"),
            Text::SchoolsHelp => (
                "学校停课的强度；100%为全部停课。",
                "How fully schools are closed; 100% is all closed.",
            ),
            Text::DineIn => ("取消堂食", "Dine-in ban"),
            Text::DineInHelp => (
                "餐饮堂食暂停的强度；降低传播，也直接压低餐饮消费。",
                "How fully dine-in service is suspended; cuts transmission and catering sales.",
            ),
            Text::NonEssential => ("关停非必要场所", "Non-essential closures"),
            Text::NonEssentialHelp => (
                "非必要经营场所关停的强度；影响零售和其他服务业的供给。",
                "How fully non-essential businesses are closed; cuts supply in retail and services.",
            ),
            Text::Gatherings => ("限制聚集", "Gathering limits"),
            Text::GatheringsHelp => (
                "聚集限制的强度；100%为限制在10人以下。",
                "How strictly gatherings are limited; 100% is 10 people or fewer.",
            ),
            Text::SealedZones => ("封控 / 管控区", "Sealed and controlled zones"),
            Text::SealedZonesHelp => (
                "封控/管控区的强度；在其他措施之外进一步降低传播，经济代价最大。",
                "How fully sealed and controlled zones apply; a further cut in transmission, at the highest economic cost.",
            ),
            Text::TestingEvery => ("全员核酸间隔", "Mass testing every"),
            Text::TestingEveryHelp => (
                "每隔几天进行一轮全员核酸；0为不做全员核酸。",
                "Days between mass-testing rounds; 0 means none.",
            ),
            Text::TestingCoverage => ("核酸覆盖率", "Testing coverage"),
            Text::TestingCoverageHelp => (
                "每轮全员核酸检测到的居民比例。",
                "Share of residents tested in each round.",
            ),
            Text::TracingRate => ("流调强度", "Contact tracing"),
            Text::TracingRateHelp => (
                "流调每天找到未发现感染者的概率。",
                "Daily chance that tracing finds an infected person not yet found.",
            ),
            Text::Checkpoints => ("高速卡口", "Highway checkpoints"),
            Text::CheckpointsHelp => (
                "逢车必查、逢人必检的强度；减少跨区县接触，也拖慢项目施工。",
                "How fully highway checkpoints apply; cuts cross-district contacts.",
            ),
            Text::Zoning => ("精准分区管控", "Dynamic zoning rule"),
            Text::ZoningHelp => (
                "自动规则：区县7天内新发现病例达到触发数即进入下列措施，连续无新增达到天数后解除。",
                "An automatic rule: a district enters the measures below when cases found in 7 days reach the trigger, and leaves after the given days without a new case.",
            ),
            Text::ZoningEnabled => ("启用分区管控", "Zoning rule on"),
            Text::ZoningMeasures => ("分区管控措施", "Measures while zoned"),
            Text::VoucherWaves => ("消费券批次", "Voucher waves"),
            Text::VoucherWavesHelp => (
                "每批消费券有类型、预算、开始日期、有效期和核销速度；预算为全部核销时的财政补贴。",
                "Each wave has a kind, a budget, a start date, a validity and a redemption speed; the budget is the subsidy paid if all are redeemed.",
            ),
            Text::NoWaves => ("暂无消费券。", "No voucher waves."),
            Text::AddWave => ("添加一批", "Add wave"),
            Text::RemoveWave => ("删除该批", "Remove wave"),
            Text::WaveKind => ("类型", "Kind"),
            Text::KindGeneral => ("通用消费券", "General"),
            Text::KindCatering => ("餐饮消费券", "Catering"),
            Text::KindCar => ("购车消费券", "Car"),
            Text::Budget => ("预算", "Budget"),
            Text::BudgetHelp => (
                "该批消费券全部核销时的财政补贴。",
                "Subsidy paid if the whole wave is redeemed.",
            ),
            Text::WaveStart => ("开始日期", "Start date"),
            Text::Validity => ("有效期", "Valid for"),
            Text::ValidityHelp => (
                "消费券发放后可使用的天数。",
                "Days the vouchers stay valid.",
            ),
            Text::Redemption => ("平均核销天数", "Mean days to redeem"),
            Text::RedemptionHelp => (
                "从发放到核销的平均天数。",
                "Mean days from issue to redemption.",
            ),
            Text::ResponseParams => ("消费响应", "Spending response"),
            Text::HousingSubsidy => ("购房补贴", "Housing subsidy"),
            Text::HousingStart => ("补贴开始日期", "Subsidy starts"),
            Text::HousingStartHelp => (
                "购房补贴开始发放的日期（文章：6月1日起）。",
                "First day of the home-purchase subsidy (the article: 1 June).",
            ),
            Text::PlanSchedule => ("计划开工与投资进度", "Planned starts and spending"),
            Text::PlanScheduleHelp => (
                "各月末累计计划开工项目比例和累计完成年度投资比例（全国2022年：4月26.8%，6月47.4%）。",
                "Planned cumulative share of projects started and of the year's investment at each month's end (national 2022: 26.8% by April, 47.4% by June).",
            ),
            Text::Month => ("月份", "Month"),
            Text::PlannedStarts => ("计划开工", "Started (plan)"),
            Text::PlannedCompletion => ("计划完成投资", "Invested (plan)"),
            Text::ReliefStart => ("纾困开始日期", "Relief starts"),
            Text::ReliefStartHelp => (
                "助企纾困政策开始生效的日期。",
                "First day the relief measures apply.",
            ),
            Text::ErrNotNumber => ("请输入一个数字。", "Enter a number."),
            Text::ErrNotInteger => ("请输入整数。", "Enter a whole number."),
            Text::ErrOutOfRange => ("超出允许范围", "Outside the allowed range"),
            Text::ErrBadDate => ("请输入有效日期。", "Enter a valid date."),
            Text::ErrEndBeforeStart => (
                "结束日期不能早于开始日期。",
                "The end date cannot be before the start date.",
            ),
            Text::ErrOutsideRun => ("日期须在模拟期内", "The date must lie within the run"),
            Text::ErrNoDistrict => (
                "至少选择一个区县。",
                "Choose at least one district.",
            ),
            Text::KeptValue => ("仍使用", "still using"),
            Text::Source => ("来源", "Source"),
            Text::Assumption => ("假设", "assumption"),
            Text::Slider => ("滑块", "slider"),
            Text::Results => ("结果", "Results"),
            Text::SummaryHeading => ("全年汇总", "The year in figures"),
            Text::Infections => ("累计感染", "Infections"),
            Text::Detected => ("累计发现病例", "Cases found"),
            Text::PeakIsolated => ("隔离人数峰值", "Peak in isolation"),
            Text::Deaths => ("死亡", "Deaths"),
            Text::GdpLoss => ("GDP损失", "GDP lost"),
            Text::GdpLossPct => ("GDP损失占比", "GDP lost, share"),
            Text::RetailLoss => ("社零额损失", "Retail sales lost"),
            Text::JobsLost => ("就业低谷减少", "Jobs lost at the trough"),
            Text::SmesClosed => ("中小企业关停", "Small firms closed"),
            Text::FiscalCost => ("财政投入", "Fiscal cost"),
            Text::GdpKeptPerYuan => ("每元政策资金保住的GDP", "GDP kept per yuan spent"),
            Text::FaiCompleted => ("重点项目完成投资", "Key-project investment"),
            Text::ProjectsStarted => ("重点项目开工", "Key projects started"),
            Text::RecoveryDate => ("经济恢复日期", "Recovery date"),
            Text::NotRecovered => ("未跌出1%或年内未恢复", "Never 1% below, or not back this year"),
            Text::NothingSpent => ("无政策支出", "Nothing spent"),
            Text::Charts => ("图表", "Charts"),
            Text::ChartInfections => ("感染与隔离", "Infections and isolation"),
            Text::ChartGdpRetail => ("GDP与社零额（对比无疫情基准）", "GDP and retail sales against the no-outbreak baseline"),
            Text::ChartSectors => ("分行业：餐饮、汽车、住房、网络零售", "Sectors: catering, cars, homes, online"),
            Text::ChartProjects => ("重点项目投资进度（对比计划）", "Key-project investment against the plan"),
            Text::ChartJobsSmes => ("就业与中小企业", "Jobs and small firms"),
            Text::ChartFiscal => ("累计财政投入", "Cumulative fiscal cost"),
            Text::ChartStringency => ("各区县防控严格度", "Stringency by district"),
            Text::ChartHint => (
                "悬停或聚焦后按←→查看每日数值",
                "Hover, or focus and press ← →, to read daily values",
            ),
            Text::NewInfections => ("新增感染", "New infections"),
            Text::ActiveInfections => ("现有感染", "Active infections"),
            Text::DetectedDaily => ("新发现病例", "Cases found"),
            Text::IsolatedPeople => ("隔离中", "In isolation"),
            Text::People => ("人数", "Count"),
            Text::Gdp => ("GDP", "GDP"),
            Text::GdpBaseline => ("GDP（无疫情）", "GDP, no outbreak"),
            Text::Retail => ("社零额", "Retail sales"),
            Text::RetailBaseline => ("社零额（无疫情）", "Retail, no outbreak"),
            Text::DailyValue => ("每日", "Per day"),
            Text::Catering => ("餐饮", "Catering"),
            Text::Cars => ("汽车销量", "Cars sold"),
            Text::Homes => ("住房销量", "Homes sold"),
            Text::OnlineSales => ("网络零售", "Online sales"),
            Text::IndexJan => ("指数（1月首周=100）", "Index (first week of January = 100)"),
            Text::FaiActual => ("完成投资", "Invested"),
            Text::FaiPlan => ("计划", "Plan"),
            Text::FaiArticle => ("文章：4月30日完成19.8%", "Article: 19.8% by 30 April"),
            Text::ShareOfPlan => ("占年度计划（%）", "Share of the year's plan (%)"),
            Text::ProjectsStartedSeries => ("已开工项目", "Projects started"),
            Text::ProjectsAxis => ("已开工项目（个）", "Projects started"),
            Text::Employment => ("就业人数", "Employed"),
            Text::SmesOpen => ("中小企业营业比例", "Small firms open"),
            Text::SmesOpenAxis => ("营业中小企业（%）", "Small firms open (%)"),
            Text::FiscalCumulative => ("累计财政投入", "Fiscal cost to date"),
            Text::Stringency => ("严格度", "Stringency"),
            Text::Date => ("日期", "Date"),
            Text::OfBaseline => ("基准的", "of baseline"),
            Text::DistrictView => ("区县视图", "District view"),
            Text::MapIndicator => ("着色指标", "Colour by"),
            Text::MapInfections => ("累计感染", "Infections"),
            Text::MapDetected => ("累计发现病例", "Cases found"),
            Text::MapPeakIsolated => ("隔离人数峰值", "Peak in isolation"),
            Text::MapMaxStringency => ("最高严格度", "Highest stringency"),
            Text::MapGdpLossPct => ("GDP损失占比", "GDP lost, share"),
            Text::MapSmesOpenEnd => ("年末中小企业营业比例", "Small firms open at year end"),
            Text::Legend => ("图例", "Legend"),
            Text::ErrorTitle => ("无法计算这个情景", "This scenario cannot be computed"),
            Text::ErrorInvalid => (
                "情景中有超出允许范围的数值：",
                "The scenario has values outside their allowed range:",
            ),
            Text::ErrorEngine => (
                "模型给出了无效的数值（非有限数）。",
                "The model produced invalid (non-finite) numbers.",
            ),
            Text::ResetDefault => ("恢复默认情景", "Back to the default scenario"),
            Text::PanicNotice => (
                "页面出错了。",
                "Something went wrong on this page.",
            ),
            Text::Share => ("分享", "Share"),
            Text::ShareTitle => ("分享这个情景", "Share this scenario"),
            Text::ShareHint => (
                "链接只保存输入（情景、改动、语言和随机种子），任何人打开都会看到完全相同的数字。",
                "The link holds the inputs only (scenario, changes, language and seed): anyone who opens it sees exactly the same numbers.",
            ),
            Text::ShareLinkLabel => ("链接", "Link"),
            Text::Copy => ("复制链接", "Copy link"),
            Text::Copied => ("已复制。", "Copied."),
            Text::CopyFailed => (
                "无法自动复制，请手动选中链接复制。",
                "Could not copy automatically: select the link and copy it.",
            ),
            Text::Close => ("关闭", "Close"),
            Text::ShareTooLong => (
                "这个链接超过了最大长度，打开时会被拒绝。请改用“导出JSON”保存情景，再通过“导入JSON”打开。",
                "This link is longer than the maximum and would be refused when opened. Use \"Export JSON\" to keep the scenario and \"Import JSON\" to open it.",
            ),
            Text::LinkChars => ("字符", "characters"),
            Text::LinkNoticesTitle => (
                "链接中有些内容无法使用，其余部分已生效：",
                "Parts of this link could not be used; the rest applies:",
            ),
            Text::Dismiss => ("关闭提示", "Dismiss"),
            Text::DismissAll => ("全部关闭", "Dismiss all"),
            Text::CompareWith => ("对比方案B", "Compare with B"),
            Text::CompareOff => ("不对比", "No comparison"),
            Text::CompareCopy => ("A的副本", "A copy of A"),
            Text::ComparePresets => ("预设情景", "Presets"),
            Text::CompareSaved => ("已保存的情景", "Saved scenarios"),
            Text::CompareFromLink => ("链接中的方案B", "Scenario B from the link"),
            Text::EditTarget => ("杠杆调整", "Levers edit"),
            Text::ScenarioA => ("方案A", "Scenario A"),
            Text::ScenarioB => ("方案B", "Scenario B"),
            Text::DiffHeading => ("差值：B − A", "Difference: B − A"),
            Text::DiffIndicator => ("指标", "Indicator"),
            Text::DiffHint => (
                "全市每日数值，方案B减方案A；高于零表示B更多。",
                "City, per day: scenario B minus scenario A; above zero means B has more.",
            ),
            Text::DaysUnit => ("天", "days"),
            Text::Saved => ("已保存的情景", "Saved scenarios"),
            Text::SaveName => ("名称", "Name"),
            Text::SaveNamePlaceholder => ("例如：堂食延长两周", "e.g. dine-in two weeks longer"),
            Text::Save => ("保存方案A", "Save scenario A"),
            Text::Load => ("打开", "Load"),
            Text::Rename => ("重命名", "Rename"),
            Text::Delete => ("删除", "Delete"),
            Text::Cancel => ("取消", "Cancel"),
            Text::NoSaved => (
                "还没有保存的情景。情景只保存在这个浏览器里。",
                "No saved scenarios yet. They are kept in this browser only.",
            ),
            Text::SavedSkipped => (
                "一个已保存的情景无法读取，已跳过（未删除）",
                "A saved scenario could not be read and was skipped (not deleted)",
            ),
            Text::StorageUnavailable => (
                "浏览器存储不可用，情景无法保存",
                "The browser's storage is not available; scenarios cannot be saved",
            ),
            Text::Export => ("导出", "Export"),
            Text::ExportCsv => ("导出CSV", "Export CSV"),
            Text::ExportJson => ("导出JSON", "Export JSON"),
            Text::ImportJson => ("导入JSON", "Import JSON"),
            Text::ImportRefused => (
                "导入的文件不是有效的情景，未作更改",
                "The imported file is not a valid scenario; nothing was changed",
            ),
            Text::PngOf => ("下载PNG图片", "Download as PNG"),
            // Uncertainty bands
            Text::EnsembleHeading => ("不确定性区间", "Uncertainty bands"),
            Text::EnsembleRuns => ("随机模拟次数", "Stochastic runs"),
            Text::EnsembleSeed => ("随机种子", "Seed"),
            Text::EnsembleWaiting => (
                "输入停止后开始计算区间…",
                "The bands start once the input settles…",
            ),
            Text::EnsembleRunning => ("正在计算区间", "Computing the bands"),
            Text::EnsembleDone => ("区间已完成", "Bands complete"),
            Text::EnsembleUnavailable => (
                "此浏览器不支持后台线程（Web Worker），因此不显示不确定性区间；下面是确定性模拟的结果。",
                "This browser offers no web workers, so the uncertainty bands are not shown; below is the deterministic run.",
            ),
            Text::EnsembleFailed => ("区间计算失败：", "The bands could not be computed: "),
            Text::EnsembleHint => (
                "每次随机模拟在参数范围内抽取参数并随机推演疫情；阴影为各次结果的5–95%和25–75%区间，卡片为90%区间。链接含种子和次数，同一链接得到同样的区间。",
                "Each run draws the parameters from their ranges and the epidemic at random; the shading spans 5–95% and 25–75% of the runs, the cards their 90% range. The link carries the seed and the run count: the same link, the same bands.",
            ),
            Text::BandLegend => ("5–95% / 25–75% 区间", "5–95% / 25–75% of"),
            Text::BandRuns => ("次模拟", "runs"),
            Text::RangeLabel => ("90%区间", "90% range"),
            // Playback and presentation mode
            Text::Playback => ("回放", "Playback"),
            Text::Play => ("播放", "Play"),
            Text::Pause => ("暂停", "Pause"),
            Text::PlaybackSpeed => ("速度", "Speed"),
            Text::DaysPerSecond => ("天/秒", "days/s"),
            Text::PlaybackDay => ("日期", "Day"),
            Text::ShowWholeYear => ("显示全年", "Show the whole year"),
            Text::WholeYear => ("全年", "Whole year"),
            Text::AsOf => ("截至", "As of"),
            Text::NotYet => ("尚未到来", "not yet"),
            Text::Present => ("演示", "Present"),
            Text::PresentTitle => ("演示模式（P）：全屏、大字，一次一张图", "Presentation mode (P): full screen, large type, one chart at a time"),
            Text::Presentation => ("演示模式", "Presentation"),
            Text::LeavePresentation => ("退出（Esc）", "Leave (Esc)"),
            Text::PreviousSlide => ("上一张", "Previous"),
            Text::NextSlide => ("下一张", "Next"),
            Text::PresentHint => ("← → 切换图表 · 空格 播放/暂停 · Esc 退出", "← → change chart · Space play / pause · Esc leave"),
            Text::ChangedLevers => ("与预设不同的杠杆", "Levers changed from the preset"),
            Text::SameAsPreset => ("与预设相同", "As in the preset"),
            // Guided stories
            Text::Stories => ("故事", "Stories"),
            Text::StoriesTitle => ("引导式故事", "Guided stories"),
            Text::StoriesIntro => ("一步讲一个观点：先预测，再让模型运行、揭晓答案。适合课堂：在投影上跟着故事走，学生用手机打开同一个链接。", "One idea at a time: predict first, then let the model run and reveal the answer. Made for a class: follow the story on the projector while students open the same link on their phones."),
            Text::StoryStart => ("开始", "Start"),
            Text::StoryStepsCount => ("共 {n} 步 · {q} 个问题", "Steps: {n} · questions: {q}"),
            Text::StoryOpenFile => ("打开故事文件（JSON）", "Open story file (JSON)"),
            Text::StoryFileHint => ("故事是一个 JSON 文件（格式见 docs/story-format.md）。打开后会显示它的链接，可以直接分享。", "A story is a JSON file (format: docs/story-format.md). Once opened, its link is shown, ready to share."),
            Text::StoryLink => ("故事链接", "Story link"),
            Text::StoryLinkTooLong => ("这个链接超过 {max} 个字符，打开时会被拒绝：请缩短文字，或直接分享文件。", "This link is over {max} characters and would be refused when opened: shorten the texts, or share the file itself."),
            Text::StoryRefused => ("这个故事无法打开。", "This story cannot be opened."),
            Text::StoryNoticesTitle => ("故事中有些内容无法使用：", "Parts of the story could not be used:"),
            Text::StoryStepOf => ("第 {n} 步，共 {m} 步", "Step {n} of {m}"),
            Text::StorySteps => ("故事步骤", "Story steps"),
            Text::StoryPrev => ("上一步", "Previous"),
            Text::StoryNext => ("下一步", "Next"),
            Text::StoryLeave => ("退出故事", "Leave story"),
            Text::StoryEnd => ("故事结束。可以继续调整左侧的杠杆自己探索，或退出故事。", "End of the story. Keep exploring with the levers, or leave the story."),
            Text::StoryPredict => ("先预测", "Predict first"),
            Text::StoryShowMe => ("直接看答案", "Show me"),
            Text::StoryHidden => ("作答后，下方的结果才会显示。", "The results below show once you answer."),
            Text::StoryRight => ("答对了！", "Right!"),
            Text::StoryWrong => ("不对。", "Not quite."),
            Text::StoryAnswerIs => ("答案：", "The answer: "),
            Text::StoryUndecided => ("模型无法判定：两个数值相同，或没有数值。", "The model cannot decide: the two values are equal, or there is none."),
            Text::StoryComputed => ("模型算出：", "Computed by the model: "),
            Text::StoryYourPick => ("你的选择", "your pick"),
            Text::StoryCorrect => ("正确答案", "correct answer"),
            Text::StorySeeChart => ("看图：", "See the chart: "),
            Text::StoryDifference => ("B − A", "B − A"),
            Text::StoryCopyLink => ("复制故事链接", "Copy story link"),
            Text::StoryNoLink => ("这个浏览器无法生成故事链接（可用 recovery-lab-cli story 生成）；故事仍可在这里播放。", "This browser cannot make the story's link (recovery-lab-cli story can); the story still plays here."),
            // Accessibility and QR codes
            Text::QrLabel => ("此链接的二维码", "QR code of this link"),
            Text::QrScan => (
                "用手机扫描二维码，打开同一个情景",
                "Scan with a phone to open the same scenario",
            ),
            Text::QrTooLong => (
                "链接太长（{n}字节，二维码最多{max}字节），无法生成二维码。请复制链接，或导出JSON。",
                "This link is too long for a QR code ({n} bytes; a QR code holds at most {max}). Copy the link or export the scenario as JSON instead.",
            ),
            Text::QrEmpty => ("没有可编码的内容", "Nothing to put in a QR code"),
            Text::DescHighest => ("最高{v}（{d}）", "highest {v} on {d}"),
            Text::DescLowest => ("最低{v}（{d}）", "lowest {v} on {d}"),
            Text::DescEnd => ("{d}为{v}", "{v} on {d}"),
            Text::DescFlat => ("始终为{v}", "unchanged at {v}"),
            Text::DescHeatTop => ("{name}最高的是{row}：{d}达到{v}。", "{name} was highest in {row}: {v} on {d}."),
            Text::DescHeatLow => ("{row}最高只有{v}。", "{row}'s highest was {v}."),
            Text::DescHeatEnd => ("{d}最高值为{v}。", "On {d} the highest value was {v}."),
            Text::TableShow => ("数据表", "Data table"),
            Text::TableHide => ("隐藏数据表", "Hide data table"),
            Text::TableCaption => (
                "{title}：每周数值，另加各列峰值所在日（▲）。完整逐日数据见CSV导出。",
                "{title}: weekly values, plus the day of each column's peak (▲). The CSV export has every day.",
            ),
            Text::TableDate => ("日期", "Date"),
            Text::TablePeak => ("峰值", "peak"),
            // Built-in stories fetched by the page (size work)
            Text::StoriesLoading => ("正在加载内置故事…", "Loading the built-in stories…"),
            Text::StoriesLoadFailed => (
                "内置故事未能加载（{detail}）。请检查网络连接后重试；故事文件和故事链接仍可打开。",
                "The built-in stories could not be loaded ({detail}). Check the connection and try again; a story file or a story link still opens.",
            ),
            Text::StoriesRetry => ("重试", "Try again"),
            // Bands shown or hidden (the toggle by the ensemble's status)
            Text::BandsShow => ("在图上显示范围带", "Show the bands on the charts"),
        }
    }
}

// Numbers

/// What a number counts, which decides its unit words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quantity {
    Yuan,
    People,
    Firms,
    Cars,
    Homes,
    Projects,
    /// Already in % (0–100).
    Percent,
    /// An index or score without unit.
    Index,
}

impl Quantity {
    /// The unit word after a number, with the magnitude word folded in where each language
    /// does so ("万元", "million yuan").
    fn unit(self, lang: Lang) -> &'static str {
        match self {
            Quantity::Yuan => lang.pick("元", "yuan"),
            Quantity::People => lang.pick("人", "people"),
            Quantity::Firms => lang.pick("家", "firms"),
            Quantity::Cars => lang.pick("辆", "cars"),
            Quantity::Homes => lang.pick("套", "homes"),
            Quantity::Projects => lang.pick("个", "projects"),
            Quantity::Percent => "%",
            Quantity::Index => "",
        }
    }

    fn unit_singular_en(self) -> &'static str {
        match self {
            Quantity::People => "person",
            Quantity::Firms => "firm",
            Quantity::Cars => "car",
            Quantity::Homes => "home",
            Quantity::Projects => "project",
            other => other.unit(Lang::En),
        }
    }

    /// Whether 万/亿 or thousand/million/billion apply.
    fn scales(self) -> bool {
        !matches!(self, Quantity::Percent | Quantity::Index)
    }
}

/// A power of ten a number is divided by, with its word in each language.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Magnitude {
    pub divisor: f64,
    pub word: &'static str,
}

/// The magnitude a number of size `abs` is best read in.
pub fn magnitude(lang: Lang, abs: f64) -> Magnitude {
    let m = |divisor, word| Magnitude { divisor, word };
    match lang {
        Lang::Zh if abs >= 1e8 => m(1e8, "亿"),
        Lang::Zh if abs >= 1e4 => m(1e4, "万"),
        Lang::Zh => m(1.0, ""),
        Lang::En if abs >= 1e9 => m(1e9, "billion"),
        Lang::En if abs >= 1e6 => m(1e6, "million"),
        Lang::En if abs >= 1e3 => m(1e3, "thousand"),
        Lang::En => m(1.0, ""),
    }
}

/// The unit of an axis whose largest value is `max_abs`: the divisor and the words, e.g.
/// (1e8, "亿元") or (1e6, "million yuan").
pub fn axis_unit(lang: Lang, quantity: Quantity, max_abs: f64) -> (f64, String) {
    if !quantity.scales() {
        return (1.0, quantity.unit(lang).to_string());
    }
    let m = magnitude(lang, max_abs);
    let unit = quantity.unit(lang);
    let words = match lang {
        Lang::Zh => format!("{}{}", m.word, unit),
        Lang::En if m.word.is_empty() => unit.to_string(),
        Lang::En => format!("{} {}", m.word, unit),
    };
    (m.divisor, words)
}

/// A number with three significant digits at most, without trailing zeros ("12.3", "4.5",
/// "128"); large whole numbers keep all their digits.
pub fn sig3(x: f64) -> String {
    let a = x.abs();
    let decimals = if a >= 100.0 || a == 0.0 {
        0
    } else if a >= 10.0 {
        1
    } else if a >= 1.0 {
        2
    } else {
        // Small shares: enough decimals for three significant digits, at most 6.
        ((-a.log10()).floor() as usize + 3).min(6)
    };
    trim_zeros(format!("{x:.decimals$}"))
}

/// A tick label: up to two decimals, trailing zeros dropped.
pub fn tick(x: f64) -> String {
    let a = x.abs();
    let decimals = if a >= 100.0 || a == 0.0 {
        0
    } else if a >= 1.0 {
        1
    } else {
        2
    };
    let s = trim_zeros(format!("{x:.decimals$}"));
    if s == "-0" {
        "0".into()
    } else {
        s
    }
}

/// A tick label on an axis spanning `span`: as many decimals as the span needs to tell
/// neighbouring ticks apart (1.58 and 1.59 on an axis from 1.57 to 1.61).
pub fn tick_for_span(x: f64, span: f64) -> String {
    let step = span.abs() / 5.0;
    let decimals = if step > 0.0 && step.is_finite() {
        ((-step.log10()).ceil().max(0.0) as usize).min(6)
    } else {
        0
    };
    let s = trim_zeros(format!("{x:.decimals$}"));
    if s == "-0" {
        "0".into()
    } else {
        s
    }
}

fn trim_zeros(s: String) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// Digits grouped by thousands for English ("1,234,567").
fn group_thousands(whole: u64) -> String {
    let digits = whole.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A number with its unit, read the way each language reads it: "12.3万人", "4.56亿元",
/// "123 thousand people", "4.56 billion yuan", "19.8%".
pub fn fmt_quantity(lang: Lang, quantity: Quantity, value: f64) -> String {
    if !value.is_finite() {
        return "—".into();
    }
    let unit = quantity.unit(lang);
    match quantity {
        Quantity::Percent => return format!("{}%", sig3_pct(value)),
        Quantity::Index => return sig3(value),
        _ => {}
    }
    let m = magnitude(lang, value.abs());
    let sign = if value < 0.0 { "-" } else { "" };
    let number = if m.divisor == 1.0 {
        let whole = value.abs().round() as u64;
        match lang {
            Lang::Zh => whole.to_string(),
            Lang::En => group_thousands(whole),
        }
    } else {
        sig3(value.abs() / m.divisor)
    };
    // "1 person", not "1 people".
    let unit = if lang == Lang::En && m.word.is_empty() && number == "1" {
        quantity.unit_singular_en()
    } else {
        unit
    };
    match lang {
        Lang::Zh => format!("{sign}{number}{}{unit}", m.word),
        Lang::En if m.word.is_empty() => format!("{sign}{number} {unit}"),
        Lang::En => format!("{sign}{number} {} {unit}", m.word),
    }
}

/// Percentages keep one decimal below 100 ("19.8", "0.4") and none above.
fn sig3_pct(x: f64) -> String {
    if x.abs() >= 100.0 {
        format!("{x:.0}")
    } else if x.abs() >= 0.1 || x == 0.0 {
        trim_zeros(format!("{x:.1}"))
    } else {
        sig3(x)
    }
}

// Dates

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A date as people write it: "2022年4月30日", "30 Apr 2022".
pub fn fmt_date(lang: Lang, date: Date) -> String {
    let (y, m, d) = date.to_ymd();
    match lang {
        Lang::Zh => format!("{y}年{m}月{d}日"),
        Lang::En => format!("{d} {} {y}", MONTHS_EN[(m - 1) as usize]),
    }
}

/// A short date without the year: "4月30日", "30 Apr".
pub fn fmt_day_month(lang: Lang, date: Date) -> String {
    let (_, m, d) = date.to_ymd();
    match lang {
        Lang::Zh => format!("{m}月{d}日"),
        Lang::En => format!("{d} {}", MONTHS_EN[(m - 1) as usize]),
    }
}

/// A month tick on a time axis: "4月", "Apr".
pub fn fmt_month(lang: Lang, date: Date) -> String {
    let (_, m, _) = date.to_ymd();
    match lang {
        Lang::Zh => format!("{m}月"),
        Lang::En => MONTHS_EN[(m - 1) as usize].to_string(),
    }
}

/// "区间 2" / "Interval 2" style titles for list items, counted from 1.
pub fn numbered(lang: Lang, zh: &str, en: &str, index: usize) -> String {
    match lang {
        Lang::Zh => format!("{zh} {}", index + 1),
        Lang::En => format!("{en} {}", index + 1),
    }
}

/// The message for a typed number outside `min..=max` (both in the displayed unit).
pub fn out_of_range(lang: Lang, min: &str, max: &str, unit: &str) -> String {
    let head = Text::ErrOutOfRange.get(lang);
    match lang {
        Lang::Zh => format!("{head}（{min}–{max}{unit}）。"),
        Lang::En => {
            let unit = if unit.is_empty() || unit == "%" {
                unit.to_string()
            } else {
                format!(" {unit}")
            };
            format!("{head} ({min}–{max}{unit}).")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities_read_in_each_language() {
        assert_eq!(fmt_quantity(Lang::Zh, Quantity::Yuan, 4.8e8), "4.8亿元");
        assert_eq!(
            fmt_quantity(Lang::En, Quantity::Yuan, 4.8e8),
            "480 million yuan"
        );
        assert_eq!(
            fmt_quantity(Lang::Zh, Quantity::People, 123_456.0),
            "12.3万人"
        );
        assert_eq!(
            fmt_quantity(Lang::En, Quantity::People, 123_456.0),
            "123 thousand people"
        );
        assert_eq!(
            fmt_quantity(Lang::En, Quantity::People, 999.0),
            "999 people"
        );
        assert_eq!(fmt_quantity(Lang::Zh, Quantity::People, 1234.4), "1234人");
        assert_eq!(fmt_quantity(Lang::Zh, Quantity::Percent, 19.8), "19.8%");
        assert_eq!(
            fmt_quantity(Lang::En, Quantity::Yuan, 1.84e11),
            "184 billion yuan"
        );
    }

    #[test]
    fn axis_units() {
        assert_eq!(axis_unit(Lang::Zh, Quantity::Yuan, 5e8).1, "亿元");
        assert_eq!(axis_unit(Lang::En, Quantity::Yuan, 5e8).1, "million yuan");
        assert_eq!(axis_unit(Lang::En, Quantity::People, 50.0).1, "people");
    }

    #[test]
    fn dates() {
        let d = Date::ymd(2022, 4, 30);
        assert_eq!(fmt_date(Lang::Zh, d), "2022年4月30日");
        assert_eq!(fmt_date(Lang::En, d), "30 Apr 2022");
        assert_eq!(fmt_month(Lang::En, d), "Apr");
    }

    #[test]
    fn ticks_and_digits() {
        assert_eq!(tick(2.50), "2.5");
        assert_eq!(tick(-0.0), "0");
        assert_eq!(tick_for_span(1.585, 0.04), "1.585");
        assert_eq!(tick_for_span(1.58, 0.04), "1.58");
        assert_eq!(tick_for_span(200.0, 500.0), "200");
        assert_eq!(tick_for_span(2.5, 2.5), "2.5");
        assert_eq!(sig3(0.012345), "0.0123");
        assert_eq!(sig3(45.67), "45.7");
    }
}
