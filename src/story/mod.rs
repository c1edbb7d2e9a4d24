//! Guided stories for a class: a story is a sequence of steps, each a scenario written as a
//! share link (the v1 codec of [`crate::scenario::link`], so a step can also set scenario B),
//! a short text in Chinese and English and, optionally, a "predict first" question whose
//! answer the page computes by running the step's scenarios.
//!
//! Stories are data: the JSON format is documented in `docs/story-format.md`; the built-in
//! ones are JSON files in `stories/` ([`builtin`]). A story travels as a link ([`codec`]): a
//! built-in one by its id, a teacher's own inline (compressed JSON). Reading a story never
//! fails whole where it can go on: a bad step or question is dropped with a [`StoryNotice`],
//! and only a story with no usable step is refused.
//!
//! Texts never carry numbers the model does not produce: a number in a text is a placeholder
//! (`{a.gdp_loss_pct}`) filled from the step's run ([`fill`]).

pub mod builtin;
pub mod codec;
pub mod inflate;

use std::fmt::Write as _;

use crate::json::{self, FromJson, Kind, Object, ToJson, Value};

use crate::i18n::{fmt_quantity, sig3, Lang, Quantity};
use crate::scenario::link::{self, Decoded};
use crate::scenario::Date;
use crate::sim::{self, Area, Indicator, Mode, Outcome, Summary};

/// The story format version this code writes and reads (`"schema"` in the JSON).
pub const STORY_SCHEMA: u32 = 1;

/// Most steps in a story.
pub const MAX_STEPS: usize = 30;

/// Most characters of a text (each language), prompt or choice label.
pub const MAX_TEXT_CHARS: usize = 1000;

/// Most choices of a question.
pub const MAX_CHOICES: usize = 6;

/// The marker of a story file (`"app"` in the JSON).
pub const STORY_APP: &str = "recovery-lab-story";

/// A text in both languages, Chinese first.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Bilingual {
    pub zh: String,
    pub en: String,
}

impl Bilingual {
    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.zh, &self.en)
    }
}

/// A story, as its JSON reads.
#[derive(Clone, Debug, PartialEq)]
pub struct Story {
    /// Always [`STORY_APP`] when written; optional when read.
    pub app: String,
    /// Format version; absent means 1.
    pub schema: u32,
    /// Lower-case letters, digits and `-`, at most 40 characters.
    pub id: String,
    pub title: Bilingual,
    pub steps: Vec<Step>,
}

/// One step: the scenario (A, and B when the link has `b.` keys), the text, and optionally a
/// question to answer before the results show, and the chart to look at.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    /// A share link's query (`preset=citywide-lockdown&b.preset=jinzhong-2022`); `lang` in it
    /// is ignored (the reader's language is kept).
    pub link: String,
    /// Shown with the step; may hold placeholders.
    pub text: Bilingual,
    pub question: Option<Question>,
    /// A chart key ([`is_chart`]): the chart the step is about (the page scrolls to it).
    pub chart: Option<String>,
}

/// A "predict first" question. Its correct choice is never written in the story: the page
/// computes it from the step's run. (A flat struct, as the JSON is: `kind` says which of the
/// optional fields apply, [`check_question`] checks them.)
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    pub prompt: Bilingual,
    /// What decides the answer: a metric of [`METRICS`], `name` or `name@YYYY-MM-DD` for the
    /// dated ones.
    pub metric: String,
    pub kind: QuestionKind,
    /// `compare` questions: which side's value is the answer.
    pub pick: Option<Pick>,
    /// `range` questions: the value the ranges are read against.
    pub of: Option<Of>,
    pub choices: Vec<Choice>,
    /// Shown with the answer; may hold placeholders.
    pub explain: Option<Bilingual>,
}

/// How the computed value picks the correct choice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuestionKind {
    /// Two choices, one for side `a` and one for side `b`: the correct one is the side whose
    /// metric is higher (`pick: higher`) or lower (`pick: lower`).
    Compare,
    /// The correct choice is the one whose range (`from` ≤ value < `below`) holds the metric of
    /// `of` (`a`, `b`, or `d` = B − A).
    Range,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    Higher,
    Lower,
}

/// Which value a range question reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Of {
    A,
    B,
    /// B − A.
    D,
}

/// Scenario A or B of a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    A,
    B,
}

/// One answer a student can pick.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    pub label: Bilingual,
    /// Compare questions: the side this choice names.
    pub side: Option<Side>,
    /// Range questions: the lowest value of this choice's range (absent: no lower end).
    pub from: Option<f64>,
    /// Range questions: the range ends below this (absent: no upper end).
    pub below: Option<f64>,
}

/// Whether `name` is a chart a step can point at (a `ChartId` key, as in
/// `data-testid="chart-<name>"` on the page).
pub fn is_chart(name: &str) -> bool {
    crate::charts::ChartId::ALL.iter().any(|c| c.key() == name)
}

// Metrics

/// A number a question or a placeholder reads from a run.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Metric {
    pub name: &'static str,
    pub label_zh: &'static str,
    pub label_en: &'static str,
    pub quantity: Quantity,
    /// Read on a date (`name@YYYY-MM-DD`), or over the whole run.
    pub dated: bool,
}

const fn metric(
    name: &'static str,
    label_zh: &'static str,
    label_en: &'static str,
    quantity: Quantity,
    dated: bool,
) -> Metric {
    Metric {
        name,
        label_zh,
        label_en,
        quantity,
        dated,
    }
}

/// Every metric a story can use. The undated ones are the summary's figures.
pub const METRICS: [Metric; 17] = [
    metric(
        "infections_total",
        "累计感染",
        "infections",
        Quantity::People,
        false,
    ),
    metric(
        "detected_total",
        "发现病例",
        "cases found",
        Quantity::People,
        false,
    ),
    metric(
        "peak_isolated",
        "隔离人数峰值",
        "most people isolated at once",
        Quantity::People,
        false,
    ),
    metric("deaths_total", "死亡", "deaths", Quantity::People, false),
    metric(
        "gdp_loss_yuan",
        "GDP损失",
        "GDP lost",
        Quantity::Yuan,
        false,
    ),
    metric(
        "gdp_loss_pct",
        "GDP损失占全年",
        "GDP lost, share of the year",
        Quantity::Percent,
        false,
    ),
    metric(
        "gdp_vs_baseline_yuan",
        "GDP高于无疫情基线",
        "GDP above the no-outbreak baseline",
        Quantity::Yuan,
        false,
    ),
    metric(
        "gdp_vs_baseline_pct",
        "GDP高于无疫情基线（占全年）",
        "GDP above the no-outbreak baseline, share of the year",
        Quantity::Percent,
        false,
    ),
    metric(
        "retail_loss_yuan",
        "社会消费品零售额损失",
        "retail sales lost",
        Quantity::Yuan,
        false,
    ),
    metric(
        "retail_vs_baseline_yuan",
        "零售额高于无疫情基线",
        "retail sales above the no-outbreak baseline",
        Quantity::Yuan,
        false,
    ),
    metric(
        "jobs_lost_trough",
        "就业损失（最低点）",
        "jobs lost at the trough",
        Quantity::People,
        false,
    ),
    metric(
        "smes_closed",
        "年底倒闭的小微企业",
        "small firms closed by the end",
        Quantity::Firms,
        false,
    ),
    metric(
        "fiscal_cost_yuan",
        "财政支出",
        "fiscal cost",
        Quantity::Yuan,
        false,
    ),
    metric(
        "gdp_kept_per_yuan",
        "每元政策资金保住的GDP（元）",
        "GDP kept per yuan spent (yuan)",
        Quantity::Index,
        false,
    ),
    metric(
        "recovery_days",
        "GDP恢复所需天数（自年初）",
        "days until GDP is back (from the start of the run)",
        Quantity::Index,
        false,
    ),
    metric(
        "fai_completed_pct",
        "重点项目投资完成率",
        "key-project investment completed",
        Quantity::Percent,
        true,
    ),
    metric(
        "projects_started",
        "已开工重点项目",
        "key projects started",
        Quantity::Projects,
        true,
    ),
];

/// A metric and, for a dated one, its date.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MetricRef {
    pub metric: &'static Metric,
    pub date: Option<Date>,
}

impl MetricRef {
    /// `name` or `name@YYYY-MM-DD`; why not, in English, for a notice.
    pub fn parse(text: &str) -> Result<MetricRef, String> {
        let (name, date) = match text.split_once('@') {
            Some((n, d)) => (n, Some(d)),
            None => (text, None),
        };
        let metric = METRICS
            .iter()
            .find(|m| m.name == name)
            .ok_or_else(|| format!("unknown metric “{}”", shown(name)))?;
        match (metric.dated, date) {
            (true, Some(d)) => {
                let date = d
                    .parse::<Date>()
                    .map_err(|_| format!("“{}” is not a date (YYYY-MM-DD)", shown(d)))?;
                Ok(MetricRef {
                    metric,
                    date: Some(date),
                })
            }
            (true, None) => Err(format!("{name} needs a date: {name}@YYYY-MM-DD")),
            (false, Some(_)) => Err(format!("{name} is read over the whole run, without a date")),
            (false, None) => Ok(MetricRef { metric, date: None }),
        }
    }

    /// "GDP lost" / "重点项目投资完成率（2022年4月30日）".
    pub fn label(&self, lang: Lang) -> String {
        let base = lang.pick(self.metric.label_zh, self.metric.label_en);
        match self.date {
            Some(d) => match lang {
                Lang::Zh => format!("{base}（{}）", crate::i18n::fmt_date(lang, d)),
                Lang::En => format!("{base} on {}", crate::i18n::fmt_date(lang, d)),
            },
            None => base.to_string(),
        }
    }

    /// The value in `run`; `None` where the run has none (no spending for GDP kept per yuan,
    /// no recovery, a date outside the run).
    pub fn value(&self, run: &Run) -> Option<f64> {
        let s = &run.summary;
        let v = match self.metric.name {
            "infections_total" => s.infections_total,
            "detected_total" => s.detected_total,
            "peak_isolated" => s.peak_isolated,
            "deaths_total" => s.deaths_total,
            "gdp_loss_yuan" => s.gdp_loss_yuan,
            "gdp_loss_pct" => s.gdp_loss_pct,
            "gdp_vs_baseline_yuan" => -s.gdp_loss_yuan,
            "gdp_vs_baseline_pct" => -s.gdp_loss_pct,
            "retail_loss_yuan" => s.retail_loss_yuan,
            "retail_vs_baseline_yuan" => -s.retail_loss_yuan,
            "jobs_lost_trough" => s.jobs_lost_trough,
            "smes_closed" => s.smes_closed,
            "fiscal_cost_yuan" => s.fiscal_cost_yuan,
            "gdp_kept_per_yuan" => s.gdp_kept_per_yuan?,
            "recovery_days" => {
                let d: Date = s.recovery_date.as_deref()?.parse().ok()?;
                f64::from(d.days_since(run.outcome.date(0)))
            }
            "fai_completed_pct" | "projects_started" => {
                let day = run.outcome.day_of(self.date?)?;
                let ind = if self.metric.name == "fai_completed_pct" {
                    Indicator::FaiCompletedPct
                } else {
                    Indicator::ProjectsStarted
                };
                run.outcome.value(ind, Area::City, day)
            }
            _ => return None,
        };
        v.is_finite().then_some(v)
    }

    /// The value with its unit, as the page writes numbers.
    pub fn format(&self, lang: Lang, v: f64) -> String {
        fmt_quantity(lang, self.metric.quantity, v)
    }
}

// Runs

/// One deterministic run of a step's scenario and its summary (as the page's cards).
#[derive(Debug)]
pub struct Run {
    pub outcome: Outcome,
    pub summary: Summary,
}

/// The runs of a step: A, and B if the step compares.
#[derive(Debug)]
pub struct StepRuns {
    pub a: Run,
    pub b: Option<Run>,
}

impl Step {
    /// The step's link, decoded: both scenarios always valid, with what the link could not use.
    pub fn decoded(&self) -> Decoded {
        let mut d = link::decode(&self.link);
        d.state.lang = None;
        d
    }

    /// Runs the step's scenarios in deterministic mode (what the page shows).
    pub fn run(&self) -> StepRuns {
        let d = self.decoded();
        let run = |s: &crate::scenario::Scenario| {
            let (outcome, summary) = sim::run_summary(s, Mode::Deterministic);
            Run { outcome, summary }
        };
        StepRuns {
            a: run(&d.state.a.scenario),
            b: d.state.b.as_ref().map(|b| run(&b.scenario)),
        }
    }
}

/// What the run says about a question.
#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    /// The metric for A and for B (B only if the step has B).
    pub a: Option<f64>,
    pub b: Option<f64>,
    /// The value the question reads (A or B for compare questions is both; range: its `of`).
    pub value: Option<f64>,
    /// Index of the correct choice; `None` when the run cannot decide (a tie, or no value).
    pub correct: Option<usize>,
}

/// Two values closer than this (relative) count as a tie: no choice is correct.
const TIE: f64 = 1e-9;

impl Question {
    /// Computes the answer from the step's runs.
    pub fn answer(&self, runs: &StepRuns) -> Answer {
        let Ok(m) = MetricRef::parse(&self.metric) else {
            return Answer {
                a: None,
                b: None,
                value: None,
                correct: None,
            };
        };
        let a = m.value(&runs.a);
        let b = runs.b.as_ref().and_then(|r| m.value(r));
        let (value, correct) = match self.kind {
            QuestionKind::Compare => {
                let pick = self.pick.unwrap_or(Pick::Higher);
                let winner = match (a, b) {
                    (Some(x), Some(y)) if (x - y).abs() > TIE * x.abs().max(y.abs()) => {
                        let b_higher = y > x;
                        Some(if b_higher == (pick == Pick::Higher) {
                            Side::B
                        } else {
                            Side::A
                        })
                    }
                    _ => None,
                };
                (
                    None,
                    winner.and_then(|w| self.choices.iter().position(|c| c.side == Some(w))),
                )
            }
            QuestionKind::Range => {
                let v = match self.of.unwrap_or(Of::A) {
                    Of::A => a,
                    Of::B => b,
                    Of::D => a.zip(b).map(|(x, y)| y - x),
                };
                (
                    v,
                    v.and_then(|v| {
                        self.choices.iter().position(|c| {
                            c.from.is_none_or(|f| v >= f) && c.below.is_none_or(|u| v < u)
                        })
                    }),
                )
            }
        };
        Answer {
            a,
            b,
            value,
            correct,
        }
    }
}

// Placeholders

/// Fills `{a.metric}`, `{b.metric}`, `{d.metric}` (B − A, with its sign) and `{r.metric}`
/// (B ÷ A) from the runs; a metric may carry a date (`{a.fai_completed_pct@2022-04-30}`).
/// A value the run does not have becomes "—"; text in braces that is not a placeholder is
/// kept as written (the story check reports it).
pub fn fill(text: &str, runs: &StepRuns, lang: Lang) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let inner = &after[..close];
                match placeholder(inner) {
                    Ok((which, m)) => out.push_str(&fill_one(which, &m, runs, lang)),
                    Err(_) => {
                        out.push('{');
                        out.push_str(inner);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// `a.metric` → ('a', metric); why not, in English.
fn placeholder(inner: &str) -> Result<(char, MetricRef), String> {
    let (which, name) = inner
        .split_once('.')
        .ok_or_else(|| format!("“{{{}}}” is not a placeholder", shown(inner)))?;
    let which = match which {
        "a" => 'a',
        "b" => 'b',
        "d" => 'd',
        "r" => 'r',
        _ => {
            return Err(format!(
                "“{{{}}}”: a placeholder starts with a., b., d. or r.",
                shown(inner)
            ))
        }
    };
    Ok((which, MetricRef::parse(name)?))
}

fn fill_one(which: char, m: &MetricRef, runs: &StepRuns, lang: Lang) -> String {
    let a = m.value(&runs.a);
    let b = runs.b.as_ref().and_then(|r| m.value(r));
    let dash = || "—".to_string();
    match which {
        'a' => a.map_or_else(dash, |v| m.format(lang, v)),
        'b' => b.map_or_else(dash, |v| m.format(lang, v)),
        'd' => a.zip(b).map_or_else(dash, |(x, y)| {
            let d = y - x;
            let sign = if d > 0.0 { "+" } else { "" };
            format!("{sign}{}", m.format(lang, d))
        }),
        _ => a
            .zip(b)
            .filter(|(x, _)| *x != 0.0)
            .map_or_else(dash, |(x, y)| sig3(y / x)),
    }
}

/// Every placeholder-like `{…}` of `text` that is not a valid placeholder, with why.
pub fn bad_placeholders(text: &str) -> Vec<String> {
    let mut bad = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            break;
        };
        if let Err(e) = placeholder(&after[..close]) {
            bad.push(e);
        }
        rest = &after[close + 1..];
    }
    bad
}

// Reading and checking a story

/// What a story could not use.
#[derive(Clone, Debug, PartialEq)]
pub struct StoryNotice {
    /// The step (from 1), if the problem is in one.
    pub step: Option<usize>,
    pub problem: StoryProblem,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StoryProblem {
    /// The story link is longer than the maximum; nothing was read.
    TooLong { length: usize, max: usize },
    /// The inline data could not be unpacked (or its encoding version is unknown).
    BadEncoding { detail: String },
    /// Not a story file (JSON error, or a field missing or of the wrong type).
    NotAStory { detail: String },
    /// No built-in story has this id.
    UnknownStory { id: String },
    /// The page could not fetch the file of this built-in story.
    NotLoaded { id: String },
    /// Made by a later release; read as far as possible.
    NewerFormat { found: u32 },
    /// The story has no usable step.
    NoSteps,
    /// A step that cannot be read was left out.
    StepDropped { detail: String },
    /// A question that cannot be computed was left out (the step stays).
    QuestionDropped { detail: String },
    /// The step's link has values the page cannot use (the page lists them on that step).
    LinkNotices { count: usize, first: String },
    /// A text or field that is wrong but harmless (shown as written, or ignored).
    Text { detail: String },
    /// `step=` is not a step of the story; the first step opens.
    NoSuchStep { given: String, count: usize },
}

impl StoryProblem {
    /// The problem's name, as docs/story-format.md lists it (`step_dropped`).
    pub fn code(&self) -> &'static str {
        match self {
            StoryProblem::TooLong { .. } => "too_long",
            StoryProblem::BadEncoding { .. } => "bad_encoding",
            StoryProblem::NotAStory { .. } => "not_a_story",
            StoryProblem::UnknownStory { .. } => "unknown_story",
            StoryProblem::NotLoaded { .. } => "not_loaded",
            StoryProblem::NewerFormat { .. } => "newer_format",
            StoryProblem::NoSteps => "no_steps",
            StoryProblem::StepDropped { .. } => "step_dropped",
            StoryProblem::QuestionDropped { .. } => "question_dropped",
            StoryProblem::LinkNotices { .. } => "link_notices",
            StoryProblem::Text { .. } => "text",
            StoryProblem::NoSuchStep { .. } => "no_such_step",
        }
    }
}

impl StoryNotice {
    fn new(step: Option<usize>, problem: StoryProblem) -> StoryNotice {
        StoryNotice { step, problem }
    }

    /// One sentence for the page or the runner.
    pub fn message(&self, zh: bool) -> String {
        let mut s = String::new();
        if let Some(n) = self.step {
            let _ = if zh {
                write!(s, "第 {n} 步：")
            } else {
                write!(s, "Step {n}: ")
            };
        }
        let text = match &self.problem {
            StoryProblem::TooLong { length, max } => {
                if zh {
                    format!("故事链接长度为 {length} 个字符，超过上限 {max}，未读取")
                } else {
                    format!("the story link is {length} characters long, over the limit of {max}, and was not read")
                }
            }
            StoryProblem::BadEncoding { detail } => {
                if zh {
                    format!("故事链接中的数据无法解开（{detail}），可能在复制时被截断")
                } else {
                    format!("the story data in the link cannot be unpacked ({detail}); it may have been cut when copied")
                }
            }
            StoryProblem::NotAStory { detail } => {
                if zh {
                    format!("不是有效的故事（{detail}）")
                } else {
                    format!("not a valid story ({detail})")
                }
            }
            StoryProblem::UnknownStory { id } => {
                if zh {
                    format!("没有名为“{id}”的内置故事")
                } else {
                    format!("there is no built-in story “{id}”")
                }
            }
            StoryProblem::NotLoaded { id } => {
                if zh {
                    format!("内置故事“{id}”未能加载：请检查网络连接后重新打开链接")
                } else {
                    format!("the built-in story “{id}” could not be loaded: check the connection and open the link again")
                }
            }
            StoryProblem::NewerFormat { found } => {
                if zh {
                    format!("故事格式为第 {found} 版，由更新的版本生成；已按第 {STORY_SCHEMA} 版尽量读取")
                } else {
                    format!("the story uses format version {found}, from a later release; read as version {STORY_SCHEMA} as far as possible")
                }
            }
            StoryProblem::NoSteps => {
                if zh {
                    "故事没有可用的步骤".to_string()
                } else {
                    "the story has no usable step".to_string()
                }
            }
            StoryProblem::StepDropped { detail } => {
                if zh {
                    format!("无法读取，已跳过（{detail}）")
                } else {
                    format!("cannot be read and was left out ({detail})")
                }
            }
            StoryProblem::QuestionDropped { detail } => {
                if zh {
                    format!("问题无法计算，已略去（{detail}）")
                } else {
                    format!("the question cannot be computed and was left out ({detail})")
                }
            }
            StoryProblem::LinkNotices { count, first } => {
                if zh {
                    format!("情景链接有 {count} 处无法使用的取值，打开该步时列出（{first}）")
                } else {
                    format!("the scenario link has {count} value(s) the page cannot use, listed when the step opens ({first})")
                }
            }
            StoryProblem::Text { detail } => {
                if zh {
                    format!("文字有误，按原样显示（{detail}）")
                } else {
                    format!("a text is wrong and is shown as written ({detail})")
                }
            }
            StoryProblem::NoSuchStep { given, count } => {
                if zh {
                    format!("step={given} 不是本故事的步骤（共 {count} 步），从第 1 步开始")
                } else {
                    format!("step={given} is not a step of this story ({count} steps); it opens at step 1")
                }
            }
        };
        s.push_str(&text);
        s.push_str(if zh { "。" } else { "." });
        s
    }
}

impl std::fmt::Display for StoryNotice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(false))
    }
}

/// A story that can be shown (at least one step), and what was left out of it.
#[derive(Clone, Debug, PartialEq)]
pub struct Read {
    pub story: Option<Story>,
    pub notices: Vec<StoryNotice>,
}

/// The top of a story file, its steps left unread, to be read one by one.
struct RawStory<'a> {
    app: Option<String>,
    schema: Option<u64>,
    id: String,
    title: Bilingual,
    steps: &'a [Value],
}

impl<'a> RawStory<'a> {
    /// Fields this version does not know are let pass (a later version may add some).
    fn read(top: &'a Value) -> Result<RawStory<'a>, json::Error> {
        let mut f = top.fields()?;
        let raw = RawStory {
            app: f.get_opt("app")?,
            schema: f.get_opt("schema")?,
            id: f.get("id")?,
            title: f.get("title")?,
            steps: f.req("steps")?.as_array()?,
        };
        f.finish_open()?;
        Ok(raw)
    }
}

/// A step with its question left unread, so that a bad question costs only itself.
struct RawStep<'a> {
    link: String,
    text: Bilingual,
    /// Absent or `null`: no question.
    question: Option<&'a Value>,
    chart: Option<String>,
}

impl<'a> RawStep<'a> {
    /// An unknown field makes the step unreadable (a misspelt `question` is not ignored).
    fn read(step: &'a Value) -> Result<RawStep<'a>, json::Error> {
        let mut f = step.fields()?;
        let raw = RawStep {
            link: f.get("link")?,
            text: f.get("text")?,
            question: f.opt("question").filter(|q| q.kind != Kind::Null),
            chart: f.get_opt("chart")?,
        };
        f.finish()?;
        Ok(raw)
    }
}

impl FromJson for Bilingual {
    fn from_json(v: &Value) -> Result<Bilingual, json::Error> {
        let mut f = v.fields()?;
        let b = Bilingual {
            zh: f.get("zh")?,
            en: f.get("en")?,
        };
        f.finish()?;
        Ok(b)
    }
}

impl ToJson for Bilingual {
    fn to_json(&self) -> Value {
        Object::new()
            .with("zh", &self.zh)
            .with("en", &self.en)
            .build()
    }
}

impl FromJson for Question {
    fn from_json(v: &Value) -> Result<Question, json::Error> {
        let mut f = v.fields()?;
        let q = Question {
            prompt: f.get("prompt")?,
            metric: f.get("metric")?,
            kind: f.get("kind")?,
            pick: f.get_opt("pick")?,
            of: f.get_opt("of")?,
            choices: f.get("choices")?,
            explain: f.get_opt("explain")?,
        };
        f.finish()?;
        Ok(q)
    }
}

impl ToJson for Question {
    fn to_json(&self) -> Value {
        let o = Object::new()
            .with("prompt", &self.prompt)
            .with("metric", &self.metric)
            .with("kind", &self.kind);
        let o = with_some(o, "pick", &self.pick);
        let o = with_some(o, "of", &self.of).with("choices", &self.choices);
        with_some(o, "explain", &self.explain).build()
    }
}

impl FromJson for Choice {
    fn from_json(v: &Value) -> Result<Choice, json::Error> {
        let mut f = v.fields()?;
        let c = Choice {
            label: f.get("label")?,
            side: f.get_opt("side")?,
            from: f.get_opt("from")?,
            below: f.get_opt("below")?,
        };
        f.finish()?;
        Ok(c)
    }
}

impl ToJson for Choice {
    fn to_json(&self) -> Value {
        let o = Object::new().with("label", &self.label);
        let o = with_some(o, "side", &self.side);
        let o = with_some(o, "from", &self.from);
        with_some(o, "below", &self.below).build()
    }
}

impl ToJson for Step {
    fn to_json(&self) -> Value {
        let o = Object::new()
            .with("link", &self.link)
            .with("text", &self.text);
        let o = with_some(o, "question", &self.question);
        with_some(o, "chart", &self.chart).build()
    }
}

/// `o` with the member `key` if `value` is there; without it if not.
fn with_some<T: ToJson>(o: Object, key: &str, value: &Option<T>) -> Object {
    match value {
        Some(v) => o.with(key, v),
        None => o,
    }
}

/// The JSON of an enum written as its snake_case name.
macro_rules! json_names {
    ($($t:ident { $($v:ident = $name:literal),+ })+) => {$(
        impl FromJson for $t {
            fn from_json(v: &Value) -> Result<$t, json::Error> {
                match v.as_str()? {
                    $($name => Ok($t::$v),)+
                    other => Err(v.error(format!(
                        "unknown variant `{}`, expected one of {}",
                        other,
                        [$(concat!("`", $name, "`")),+].join(", ")
                    ))),
                }
            }
        }

        impl ToJson for $t {
            fn to_json(&self) -> Value {
                match self {
                    $($t::$v => $name.to_json(),)+
                }
            }
        }
    )+};
}

json_names! {
    QuestionKind { Compare = "compare", Range = "range" }
    Pick { Higher = "higher", Lower = "lower" }
    Of { A = "a", B = "b", D = "d" }
    Side { A = "a", B = "b" }
}

/// Reads a story from its JSON text. Steps and questions that cannot be used are left out
/// with a notice; a story with no usable step is refused (`story: None`). Fields this version
/// does not know at the top of the file are ignored (a later version may add some).
pub fn from_json(text: &str) -> Read {
    let mut notices = Vec::new();
    let not_a_story = |detail: String| StoryNotice::new(None, StoryProblem::NotAStory { detail });
    let refuse = |notices: Vec<StoryNotice>| Read {
        story: None,
        notices,
    };
    let top = match json::parse(text) {
        Ok(top) => top,
        Err(e) => return refuse(vec![not_a_story(e.to_string())]),
    };
    let raw = match RawStory::read(&top) {
        Ok(r) => r,
        Err(e) => return refuse(vec![not_a_story(e.to_string())]),
    };
    if let Some(app) = raw.app.as_deref().filter(|a| *a != STORY_APP) {
        return refuse(vec![not_a_story(format!(
            "\"app\" is \"{}\", not \"{STORY_APP}\"",
            shown(app)
        ))]);
    }
    let schema = match raw.schema {
        None => STORY_SCHEMA,
        Some(n) if n >= 1 => u32::try_from(n).unwrap_or(u32::MAX),
        Some(_) => {
            return refuse(vec![not_a_story(
                "\"schema\" is not a version number".into(),
            )])
        }
    };
    if schema > STORY_SCHEMA {
        notices.push(StoryNotice::new(
            None,
            StoryProblem::NewerFormat { found: schema },
        ));
    }
    if !valid_id(&raw.id) {
        return refuse(vec![not_a_story(format!(
            "\"id\" “{}” must be 1 to 40 lower-case letters, digits or -",
            shown(&raw.id)
        ))]);
    }
    if raw.title.zh.trim().is_empty() || raw.title.en.trim().is_empty() {
        return refuse(vec![not_a_story("the title is empty".into())]);
    }
    let mut steps = Vec::new();
    for (i, raw_step) in raw.steps.iter().enumerate() {
        let n = i + 1;
        if n > MAX_STEPS {
            notices.push(StoryNotice::new(
                Some(n),
                StoryProblem::StepDropped {
                    detail: format!("a story has at most {MAX_STEPS} steps"),
                },
            ));
            break;
        }
        if let Some(step) = read_step(raw_step, n, &mut notices) {
            steps.push(step);
        }
    }
    if steps.is_empty() {
        notices.push(StoryNotice::new(None, StoryProblem::NoSteps));
        return refuse(notices);
    }
    Read {
        story: Some(Story {
            app: STORY_APP.to_string(),
            schema: STORY_SCHEMA,
            id: raw.id,
            title: raw.title,
            steps,
        }),
        notices,
    }
}

/// One step, checked; `None` (with a notice) if it cannot be used.
fn read_step(raw: &Value, n: usize, notices: &mut Vec<StoryNotice>) -> Option<Step> {
    let drop = |notices: &mut Vec<StoryNotice>, detail: String| {
        notices.push(StoryNotice::new(
            Some(n),
            StoryProblem::StepDropped { detail },
        ));
        None
    };
    let raw = match RawStep::read(raw) {
        Ok(s) => s,
        Err(e) => return drop(notices, e.to_string()),
    };
    let mut step = Step {
        link: raw.link,
        text: raw.text,
        question: None,
        chart: raw.chart,
    };
    if step.text.zh.trim().is_empty() || step.text.en.trim().is_empty() {
        return drop(notices, "a text is empty".into());
    }
    if too_long(&step.text) {
        return drop(
            notices,
            format!("a text is over {MAX_TEXT_CHARS} characters"),
        );
    }
    if step.link.len() > link::MAX_LINK_LENGTH {
        return drop(
            notices,
            format!("the link is over {} characters", link::MAX_LINK_LENGTH),
        );
    }
    let decoded = step.decoded();
    if let Some(first) = decoded.notices.first() {
        notices.push(StoryNotice::new(
            Some(n),
            StoryProblem::LinkNotices {
                count: decoded.notices.len(),
                first: first.message(false),
            },
        ));
    }
    if let Some(chart) = &step.chart {
        if !is_chart(chart) {
            notices.push(StoryNotice::new(
                Some(n),
                StoryProblem::Text {
                    detail: format!("unknown chart “{}” ignored", shown(chart)),
                },
            ));
            step.chart = None;
        }
    }
    for bad in bad_placeholders(&step.text.zh)
        .into_iter()
        .chain(bad_placeholders(&step.text.en))
    {
        notices.push(StoryNotice::new(
            Some(n),
            StoryProblem::Text { detail: bad },
        ));
    }
    if let Some(q) = raw.question {
        match q
            .read::<Question>()
            .map_err(|e| e.to_string())
            .and_then(|q| check_question(&q, decoded.state.b.is_some()).map(|()| q))
        {
            Ok(q) => {
                if let Some(explain) = &q.explain {
                    for bad in bad_placeholders(&explain.zh)
                        .into_iter()
                        .chain(bad_placeholders(&explain.en))
                    {
                        notices.push(StoryNotice::new(
                            Some(n),
                            StoryProblem::Text { detail: bad },
                        ));
                    }
                }
                step.question = Some(q);
            }
            Err(detail) => notices.push(StoryNotice::new(
                Some(n),
                StoryProblem::QuestionDropped { detail },
            )),
        }
    }
    Some(step)
}

fn too_long(t: &Bilingual) -> bool {
    t.zh.chars().count() > MAX_TEXT_CHARS || t.en.chars().count() > MAX_TEXT_CHARS
}

/// Whether a question can be computed and always has one answer (in English, why not).
pub fn check_question(q: &Question, has_b: bool) -> Result<(), String> {
    MetricRef::parse(&q.metric)?;
    if q.prompt.zh.trim().is_empty() || q.prompt.en.trim().is_empty() || too_long(&q.prompt) {
        return Err("the prompt is empty or too long".into());
    }
    if q.choices.len() < 2 || q.choices.len() > MAX_CHOICES {
        return Err(format!("a question has 2 to {MAX_CHOICES} choices"));
    }
    if q.choices
        .iter()
        .any(|c| c.label.zh.trim().is_empty() || c.label.en.trim().is_empty() || too_long(&c.label))
    {
        return Err("a choice's label is empty or too long".into());
    }
    if q.explain.as_ref().is_some_and(too_long) {
        return Err(format!(
            "the explanation is over {MAX_TEXT_CHARS} characters"
        ));
    }
    match q.kind {
        QuestionKind::Compare => {
            if q.pick.is_none() || q.of.is_some() {
                return Err(
                    "a compare question has \"pick\" (higher or lower) and no \"of\"".into(),
                );
            }
            if !has_b {
                return Err("a compare question needs scenario B in the step's link".into());
            }
            let sides: Vec<_> = q.choices.iter().map(|c| c.side).collect();
            if sides.len() != 2
                || !sides.contains(&Some(Side::A))
                || !sides.contains(&Some(Side::B))
            {
                return Err("a compare question has two choices, side a and side b".into());
            }
            if q.choices
                .iter()
                .any(|c| c.from.is_some() || c.below.is_some())
            {
                return Err("a compare question's choices have no from/below".into());
            }
        }
        QuestionKind::Range => {
            let Some(of) = q.of.filter(|_| q.pick.is_none()) else {
                return Err("a range question has \"of\" (a, b or d) and no \"pick\"".into());
            };
            if of != Of::A && !has_b {
                return Err("this range question reads B: the step's link needs scenario B".into());
            }
            if q.choices.iter().any(|c| c.side.is_some()) {
                return Err("a range question's choices have no side".into());
            }
            // Ranges in order, each starting where the previous ends, covering every value.
            let first = &q.choices[0];
            let last = &q.choices[q.choices.len() - 1];
            if first.from.is_some() || last.below.is_some() {
                return Err(
                    "the first choice has no \"from\" and the last no \"below\": the ranges cover every value"
                        .into(),
                );
            }
            for pair in q.choices.windows(2) {
                match (pair[0].below, pair[1].from) {
                    (Some(u), Some(f)) if u == f && u.is_finite() => {}
                    _ => {
                        return Err(
                            "each choice's \"from\" equals the previous choice's \"below\"".into(),
                        )
                    }
                }
            }
            for c in &q.choices {
                if let (Some(f), Some(u)) = (c.from, c.below) {
                    if f >= u {
                        return Err("each range's \"from\" is below its \"below\"".into());
                    }
                }
            }
        }
    }
    Ok(())
}

/// 1 to 40 characters of `a–z 0–9 -`, starting with a letter.
pub fn valid_id(id: &str) -> bool {
    (1..=40).contains(&id.len())
        && id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// At most 40 characters, control characters replaced, "…" if cut.
fn shown(text: &str) -> String {
    let mut out: String = text
        .chars()
        .take(40)
        .map(|c| if c.is_control() { '\u{fffd}' } else { c })
        .collect();
    if text.chars().nth(40).is_some() {
        out.push('…');
    }
    out
}

impl Story {
    /// The story as its JSON file (compact), with `app` and `schema` as this version writes
    /// them (whatever the fields hold).
    pub fn to_json(&self) -> String {
        json::to_string(&Written(self))
    }
}

/// A story as written: its own `app` and `schema` replaced by this version's.
struct Written<'a>(&'a Story);

impl ToJson for Written<'_> {
    fn to_json(&self) -> Value {
        Object::new()
            .with("app", STORY_APP)
            .with("schema", &STORY_SCHEMA)
            .with("id", &self.0.id)
            .with("title", &self.0.title)
            .with("steps", &self.0.steps)
            .build()
    }
}
