//! The share link (format version 1): the inputs of one or two scenarios as a short, readable
//! query string that survives chat apps and e-mail, and its decoder, which never fails whole.
//!
//! A link holds a preset name plus only what differs from it, the format and model versions,
//! the language, the random seed and optionally a scenario B. Scalar numbers are written under
//! their [`PARAMS`] key, so a number added to the registry is carried by links with no change
//! here; the few fields that are not numbers (dates, the zoning switch, measures, the plan
//! curves and the three lists) have their own syntax below. `docs/link-format.md` is the
//! public specification; `tests/links/` pins every published version.
//!
//! Decoding reads what it can: each bad value becomes a [`Notice`] (with a code and parameters
//! so the page can word it in Chinese or English) and that field keeps the preset's value. The
//! result always passes [`validate`].
//!
//! The link is not a serde struct (STYLE.md item 9): its keys come from [`PARAMS`] at run time,
//! and a serde decoder fails a whole struct on one bad field, where this one must report the
//! field and carry on. It is still decoded in one place, [`decode`].

use super::measures::{MeasureSpec, MEASURES};
use super::params::{ParamSpec, PARAMS};
use super::presets::{self, DEFAULT_PRESET};
use super::validate::{self, Limit};
use super::{
    ControlInterval, Date, District, Importation, Measures, Scenario, Target, Variant, VoucherKind,
    VoucherWave,
};
use crate::MODEL_VERSION;
use serde::Serialize;
use std::collections::HashSet;
use std::fmt::Write as _;

/// The format version this code writes. Every version ever published keeps decoding.
pub const FORMAT_VERSION: u32 = 1;

/// Longest input [`decode`] reads, in bytes; a longer one is refused with a notice and the
/// default scenario. See docs/link-format.md ("Maximum length") for why 4,000.
pub const MAX_LINK_LENGTH: usize = 4000;

/// The seed of a link without `seed=` (the runner's default ensemble seed too).
pub const DEFAULT_SEED: u64 = 1;

/// Runs of the page's ensemble when a link has no `runs=` key.
pub const DEFAULT_RUNS: u32 = 200;

/// Most runs a link's `runs=` may ask for.
pub const MAX_RUNS: u32 = 2000;

/// Characters of a bad value repeated in a notice; the rest is cut and marked with "…".
const SHOWN_CHARS: usize = 40;

/// Characters of a key repeated in a notice (keys are longer than most values).
const SHOWN_KEY_CHARS: usize = 80;

/// `testing_coverage` of a measures value that does not name it (v1, fixed forever).
const DEFAULT_COVERAGE: f64 = 0.92;

/// Query keys that chat apps, mail gateways and trackers append; ignored without a notice.
const FOREIGN_KEYS: [&str; 11] = [
    "from",
    "isappinstalled",
    "scene",
    "clicktime",
    "enterid",
    "wxfrom",
    "spm",
    "fbclid",
    "gclid",
    "msclkid",
    "share_source",
];

/// The keys of a story link (`recovery_lab::story::codec`), read by the story layer; the scenario
/// decoder passes over them without a notice.
pub const STORY_KEYS: [&str; 2] = ["story", "step"];

// Types

/// The page's language, as a link carries it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Language {
    Zh,
    En,
}

impl Language {
    /// The value of `lang=`.
    pub fn code(self) -> &'static str {
        match self {
            Language::Zh => "zh",
            Language::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Language> {
        match code {
            "zh" => Some(Language::Zh),
            "en" => Some(Language::En),
            _ => None,
        }
    }
}

/// A scenario and the preset it was made from (the link stores only the difference).
#[derive(Clone, Debug, PartialEq)]
pub struct Named {
    /// One of [`PRESET_NAMES`](presets::PRESET_NAMES); an unknown name is written as the default preset.
    pub preset: String,
    pub scenario: Scenario,
}

impl Named {
    /// A preset, unchanged. `None` for an unknown name.
    pub fn preset(name: &str) -> Option<Named> {
        presets::preset(name).map(|scenario| Named {
            preset: name.to_string(),
            scenario,
        })
    }

    fn default_preset() -> Named {
        Named {
            preset: DEFAULT_PRESET.to_string(),
            scenario: presets::preset(DEFAULT_PRESET).unwrap_or_default(),
        }
    }
}

/// Everything a link holds.
#[derive(Clone, Debug, PartialEq)]
pub struct LinkState {
    /// `None`: the link does not choose; the page keeps the reader's language.
    pub lang: Option<Language>,
    /// Seed of the stochastic runs.
    pub seed: u64,
    /// Runs of the page's ensemble (its uncertainty bands), 1 to [`MAX_RUNS`].
    pub runs: u32,
    /// The scenario shown.
    pub a: Named,
    /// The scenario it is compared with, if any.
    pub b: Option<Named>,
}

impl Default for LinkState {
    /// The default preset, no language, the default seed, no comparison.
    fn default() -> LinkState {
        LinkState {
            lang: None,
            seed: DEFAULT_SEED,
            runs: DEFAULT_RUNS,
            a: Named::default_preset(),
            b: None,
        }
    }
}

/// What [`decode`] read, and what it could not.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    /// Always usable: both scenarios pass [`validate::validate`].
    pub state: LinkState,
    /// One per problem, in the order found; empty for a link this version wrote.
    pub notices: Vec<Notice>,
}

/// One problem with a link, for a visible note on the page.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Notice {
    /// The key as written in the link (`b.` included); empty for the link as a whole.
    pub key: String,
    /// The value as written (percent-decoded), cut to 40 characters.
    pub value: String,
    pub problem: Problem,
}

/// Why a value was not used, with what the page needs to word it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Problem {
    /// The link is longer than [`MAX_LINK_LENGTH`]; nothing of it was read.
    TooLong { length: usize, max: usize },
    /// A part without `=`.
    NoValue,
    /// Not a key of this format (nor one that chat apps add).
    UnknownKey,
    /// The key appeared before; the first one counts.
    DuplicateKey,
    /// Not one of [`PRESET_NAMES`](presets::PRESET_NAMES); the default preset is used.
    UnknownPreset,
    /// Not `zh` or `en`.
    UnknownLanguage,
    /// Not a whole number from 0 to 18446744073709551615.
    NotASeed,
    /// `v` or `model` is not a version number.
    NotAVersion,
    /// Made by a later release with a newer link format; read as `read_as` as far as possible.
    NewerFormat { found: String, read_as: u32 },
    /// Made with an older model: the same inputs may now give different numbers.
    OlderModel { link: String, current: String },
    /// Made with a newer model than this page runs.
    NewerModel { link: String, current: String },
    /// Not a number (or not a finite one).
    NotANumber,
    /// A number outside its documented range (or not whole where it must be).
    OutOfRange { min: f64, max: f64, integer: bool },
    /// Not a date of the form YYYY-MM-DD.
    NotADate,
    /// Not `on` or `off`.
    NotOnOff,
    /// An item number beyond the list, which has `count` items (`.add` adds items).
    NoSuchItem { count: usize },
    /// A part of a list, measures or curve value is wrong.
    BadPart {
        /// Which item (lists) or month (curves), from 1; `None` when the value is one item.
        item: Option<usize>,
        /// The field, as in the scenario's JSON (`districts`, `dine_in`, …).
        part: String,
        /// The text of that part, cut to 40 characters.
        text: String,
        fault: Fault,
    },
    /// Fine alone, but the scenario breaks a rule with it (`rule`, in English, is
    /// [`validate`]'s description), so the preset's value is kept.
    Invalid { rule: String },
}

/// What is wrong with one part of a structured value.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "fault", rename_all = "snake_case")]
pub enum Fault {
    /// Fewer fields than the syntax needs.
    Missing {
        expected: usize,
    },
    /// More fields than the syntax has.
    Extra {
        expected: usize,
    },
    NotANumber,
    OutOfRange {
        min: f64,
        max: f64,
        integer: bool,
    },
    NotADate,
    /// Not a known district, voucher kind, variant or measure letter.
    UnknownName,
    /// A district or measure given twice.
    Repeated,
    /// No district at all.
    NoDistricts,
    /// An interval that ends before it starts.
    EndBeforeStart,
}

impl Problem {
    /// A stable code for tests and logs (`out_of_range`, …), the same as in JSON.
    pub fn code(&self) -> &'static str {
        match self {
            Problem::TooLong { .. } => "too_long",
            Problem::NoValue => "no_value",
            Problem::UnknownKey => "unknown_key",
            Problem::DuplicateKey => "duplicate_key",
            Problem::UnknownPreset => "unknown_preset",
            Problem::UnknownLanguage => "unknown_language",
            Problem::NotASeed => "not_a_seed",
            Problem::NotAVersion => "not_a_version",
            Problem::NewerFormat { .. } => "newer_format",
            Problem::OlderModel { .. } => "older_model",
            Problem::NewerModel { .. } => "newer_model",
            Problem::NotANumber => "not_a_number",
            Problem::OutOfRange { .. } => "out_of_range",
            Problem::NotADate => "not_a_date",
            Problem::NotOnOff => "not_on_off",
            Problem::NoSuchItem { .. } => "no_such_item",
            Problem::BadPart { .. } => "bad_part",
            Problem::Invalid { .. } => "invalid",
        }
    }
}

impl Notice {
    fn new(key: &str, value: &str, problem: Problem) -> Notice {
        Notice {
            key: shown_n(key, SHOWN_KEY_CHARS),
            value: shown(value),
            problem,
        }
    }

    /// One sentence for the page: what was wrong, and what the page did instead.
    pub fn message(&self, zh: bool) -> String {
        let subject = self.subject(zh);
        let (what, fallback) = self.explain(zh);
        match (zh, fallback) {
            (true, Some(f)) => format!("{subject}{what}，{f}。"),
            (true, None) => format!("{subject}{what}。"),
            (false, Some(f)) => format!("{subject}{what}; {f}."),
            (false, None) => format!("{subject}{what}."),
        }
    }

    /// "label (key) = value: " or "" for the link as a whole.
    fn subject(&self, zh: bool) -> String {
        if self.key.is_empty() {
            return String::new();
        }
        let bare = self.key.strip_prefix("b.").unwrap_or(&self.key);
        let mut s = String::new();
        if self.key.starts_with("b.") {
            s.push_str(if zh { "方案B，" } else { "Scenario B, " });
        }
        match ParamSpec::find(bare) {
            Some(p) => {
                let label = if zh { p.label_zh } else { p.label_en };
                let _ = write!(s, "{label} ({})", self.key);
            }
            None => s.push_str(&self.key),
        }
        if !self.value.is_empty() {
            let _ = write!(s, " = {}", self.value);
        }
        s.push_str(if zh { "：" } else { ": " });
        s
    }

    /// What is wrong, and (if a value was replaced) by what.
    fn explain(&self, zh: bool) -> (String, Option<&'static str>) {
        let preset_value = Some(match (zh, self.key == "runs") {
            (true, false) => "已改用预设值",
            (false, false) => "the preset's value is used",
            (true, true) => "已改用默认的 200 次",
            (false, true) => "the default of 200 runs is used",
        });
        let t = |zh_text: &str, en_text: &str| {
            if zh {
                zh_text.to_string()
            } else {
                en_text.to_string()
            }
        };
        match &self.problem {
            Problem::TooLong { length, max } => (
                if zh {
                    format!("链接长度为 {length} 个字符，超过上限 {max}，未读取")
                } else {
                    format!("the link is {length} characters long, over the limit of {max}, and was not read")
                },
                Some(if zh {
                    "显示默认方案"
                } else {
                    "the default scenario is shown"
                }),
            ),
            Problem::NoValue => (t("缺少“=”和取值", "no “=” and value"), None),
            Problem::UnknownKey => (t("未知的参数，已忽略", "unknown key, ignored"), None),
            Problem::DuplicateKey => (
                t(
                    "参数重复出现，以第一次为准",
                    "the key appears twice; the first one counts",
                ),
                None,
            ),
            Problem::UnknownPreset => (
                t("未知的预设方案", "unknown preset"),
                Some(if zh {
                    "已改用默认预设"
                } else {
                    "the default preset is used"
                }),
            ),
            Problem::UnknownLanguage => (
                t("未知的语言（应为 zh 或 en）", "unknown language (zh or en)"),
                Some(if zh {
                    "保持当前语言"
                } else {
                    "the current language is kept"
                }),
            ),
            Problem::NotASeed => (
                t(
                    "随机种子应为非负整数",
                    "the seed must be a whole number, 0 or more",
                ),
                Some(if zh {
                    "已改用默认种子 1"
                } else {
                    "the default seed 1 is used"
                }),
            ),
            Problem::NotAVersion => (
                t("不是版本号", "not a version number"),
                Some(if zh {
                    "按第1版读取"
                } else {
                    "read as version 1"
                }),
            ),
            Problem::NewerFormat { found, read_as } => {
                (
                    if zh {
                        format!("链接格式为第 {found} 版，由更新的版本生成；已按第 {read_as} 版尽量读取")
                    } else {
                        format!("the link uses format version {found}, from a later release; read as version {read_as} as far as possible")
                    },
                    None,
                )
            }
            Problem::OlderModel { link, current } => (
                if zh {
                    format!("此链接由模型 {link} 生成，当前模型为 {current}，同样的输入可能得出不同的数字")
                } else {
                    format!("this link was made with model {link}; the page now runs model {current}, so the same inputs may give different numbers")
                },
                None,
            ),
            Problem::NewerModel { link, current } => (
                if zh {
                    format!("此链接由更新的模型 {link} 生成，本页运行模型 {current}，数字可能不同")
                } else {
                    format!("this link was made with a newer model, {link}; this page runs model {current}, so numbers may differ")
                },
                None,
            ),
            Problem::NotANumber => (t("不是有效数字", "not a number"), preset_value),
            Problem::OutOfRange { min, max, integer } => {
                (range_text(zh, *min, *max, *integer), preset_value)
            }
            Problem::NotADate => (
                t("不是日期（格式为 YYYY-MM-DD）", "not a date (YYYY-MM-DD)"),
                preset_value,
            ),
            Problem::NotOnOff => (t("应为 on 或 off", "must be on or off"), preset_value),
            Problem::NoSuchItem { count } => (
                if zh {
                    format!("列表只有 {count} 项（新增请用 .add）")
                } else {
                    let s = if *count == 1 { "" } else { "s" };
                    format!("the list has only {count} item{s} (.add adds one)")
                },
                Some(if zh { "已忽略" } else { "ignored" }),
            ),
            Problem::BadPart {
                item,
                part,
                text,
                fault,
            } => {
                let mut s = String::new();
                match item {
                    Some(i) if part == "month" => {
                        let _ = if zh {
                            write!(s, "第 {i} 个月")
                        } else {
                            write!(s, "month {i}")
                        };
                    }
                    Some(i) => {
                        let _ = if zh {
                            write!(s, "第 {i} 项")
                        } else {
                            write!(s, "item {i}")
                        };
                    }
                    None => {}
                }
                if !part.is_empty() && part != "month" {
                    if !s.is_empty() {
                        s.push_str(if zh { "，" } else { ", " });
                    }
                    s.push_str(&part_name(part, zh));
                }
                if !s.is_empty() {
                    s.push_str(if zh { "：" } else { ": " });
                }
                s.push_str(&fault_text(fault, text, zh));
                (s, preset_value)
            }
            Problem::Invalid { rule } => (
                if zh {
                    format!("与其他取值一起不符合规则（{rule}）")
                } else {
                    format!("breaks a rule together with the other values ({rule})")
                },
                preset_value,
            ),
        }
    }
}

impl std::fmt::Display for Notice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(false))
    }
}

fn range_text(zh: bool, min: f64, max: f64, integer: bool) -> String {
    match (zh, integer) {
        (true, true) => format!("应为 {min} 至 {max} 之间的整数"),
        (true, false) => format!("超出范围 {min} 至 {max}"),
        (false, true) => format!("must be a whole number from {min} to {max}"),
        (false, false) => format!("outside the range {min} to {max}"),
    }
}

fn fault_text(fault: &Fault, text: &str, zh: bool) -> String {
    match (fault, zh) {
        (Fault::Missing { expected }, true) => format!("字段不足（应有 {expected} 个）"),
        (Fault::Missing { expected }, false) => format!("too few fields ({expected} expected)"),
        (Fault::Extra { expected }, true) => format!("字段过多（应有 {expected} 个）"),
        (Fault::Extra { expected }, false) => format!("too many fields ({expected} expected)"),
        (Fault::NotANumber, true) => format!("“{text}”不是有效数字"),
        (Fault::NotANumber, false) => format!("“{text}” is not a number"),
        (Fault::OutOfRange { min, max, integer }, _) => {
            format!("“{text}” {}", range_text(zh, *min, *max, *integer))
        }
        (Fault::NotADate, true) => format!("“{text}”不是日期（YYYY-MM-DD）"),
        (Fault::NotADate, false) => format!("“{text}” is not a date (YYYY-MM-DD)"),
        (Fault::UnknownName, true) => format!("未知的名称“{text}”"),
        (Fault::UnknownName, false) => format!("unknown name “{text}”"),
        (Fault::Repeated, true) => format!("“{text}”重复出现"),
        (Fault::Repeated, false) => format!("“{text}” is given twice"),
        (Fault::NoDistricts, true) => "未指定区县".to_string(),
        (Fault::NoDistricts, false) => "no district given".to_string(),
        (Fault::EndBeforeStart, true) => "结束日期早于开始日期".to_string(),
        (Fault::EndBeforeStart, false) => "ends before it starts".to_string(),
    }
}

/// A part's name for a notice: the JSON field name in English, a Chinese word in Chinese.
fn part_name(part: &str, zh: bool) -> String {
    if !zh {
        return part.replace('_', " ");
    }
    let word = match part {
        "date" => "日期",
        "district" => "区县",
        "count" => "人数",
        "variant" => "毒株",
        "start" => "开始日期",
        "end" => "结束日期",
        "districts" => "区县",
        "measures" => "措施",
        "kind" => "券种",
        "budget_yuan" => "预算",
        "validity_days" => "有效天数",
        "redemption_days" => "核销天数",
        "month" => "月份",
        "schools" => "停课",
        "dine_in" => "取消堂食",
        "nonessential" => "关停非必要场所",
        "gatherings" => "限制聚集",
        "sealed_zones" => "封控",
        "testing_every_days" => "核酸检测间隔",
        "testing_coverage" => "检测覆盖率",
        "tracing_rate" => "流调强度",
        "checkpoints" => "卡口",
        other => other,
    };
    word.to_string()
}

/// At most [`SHOWN_CHARS`] characters, control characters replaced, "…" if cut.
fn shown(text: &str) -> String {
    shown_n(text, SHOWN_CHARS)
}

fn shown_n(text: &str, n: usize) -> String {
    let mut out: String = text
        .chars()
        .take(n)
        .map(|c| if c.is_control() { '\u{fffd}' } else { c })
        .collect();
    if text.chars().nth(n).is_some() {
        out.push('…');
    }
    out
}

// Value syntax shared by encoder and decoder

/// Shortest text that parses back to exactly `v`: plain or exponent form, whichever is
/// shorter (plain on a tie). Rust's `{}` and `{:e}` both print the fewest digits that
/// round-trip.
fn number_text(v: f64) -> String {
    let plain = format!("{v}");
    let exp = format!("{v:e}");
    if exp.len() < plain.len() {
        exp
    } else {
        plain
    }
}

/// A finite number written with digits, `.`, `e`/`E` and signs only.
fn parse_number(text: &str) -> Option<f64> {
    if text.is_empty()
        || !text
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-'))
    {
        return None;
    }
    crate::decimal::parse_f64(text).filter(|v| v.is_finite())
}

fn parse_date(text: &str) -> Option<Date> {
    text.parse().ok()
}

/// A number checked against a [`Limit`] (or [`ParamSpec`]) range.
fn limited(text: &str, limit: &Limit) -> Result<f64, Fault> {
    let v = parse_number(text).ok_or(Fault::NotANumber)?;
    if limit.accepts(v) {
        Ok(v)
    } else {
        Err(Fault::OutOfRange {
            min: limit.min,
            max: limit.max,
            integer: limit.integer,
        })
    }
}

/// A fault in a named part of a structured value, before it is placed in a [`Problem`].
struct PartError {
    part: &'static str,
    text: String,
    fault: Fault,
}

fn part_err(part: &'static str, text: &str, fault: Fault) -> PartError {
    PartError {
        part,
        text: shown(text),
        fault,
    }
}

/// Splits an item on `_` into exactly `n` fields.
fn fields(text: &str, n: usize) -> Result<Vec<&str>, PartError> {
    let f: Vec<&str> = text.split('_').collect();
    if f.len() < n {
        Err(part_err("", text, Fault::Missing { expected: n }))
    } else if f.len() > n {
        Err(part_err("", text, Fault::Extra { expected: n }))
    } else {
        Ok(f)
    }
}

fn write_target(t: &Target, out: &mut String) {
    match t {
        Target::All => out.push_str("all"),
        Target::Districts(list) if list.is_empty() => out.push_str("none"),
        Target::Districts(list) => {
            for (i, d) in list.iter().enumerate() {
                if i > 0 {
                    out.push('.');
                }
                out.push_str(d.id());
            }
        }
    }
}

fn read_target(text: &str) -> Result<Target, PartError> {
    if text == "all" {
        return Ok(Target::All);
    }
    if text.is_empty() || text == "none" {
        return Err(part_err("districts", text, Fault::NoDistricts));
    }
    let mut list: Vec<District> = Vec::new();
    for id in text.split('.') {
        let d: District = id
            .parse()
            .map_err(|_| part_err("districts", id, Fault::UnknownName))?;
        if list.contains(&d) {
            return Err(part_err("districts", id, Fault::Repeated));
        }
        list.push(d);
    }
    Ok(Target::Districts(list))
}

/// The measures a value means when it names none of them: nothing in force, coverage 0.92.
/// Part of format version 1, whatever the presets do later.
fn blank_measures() -> Measures {
    Measures {
        schools: 0.0,
        dine_in: 0.0,
        nonessential: 0.0,
        gatherings: 0.0,
        sealed_zones: 0.0,
        testing_every_days: 0,
        testing_coverage: DEFAULT_COVERAGE,
        tracing_rate: 0.0,
        checkpoints: 0.0,
    }
}

fn write_measures(m: &Measures, out: &mut String) {
    let blank = blank_measures();
    let start = out.len();
    for spec in &MEASURES {
        let v = (spec.get)(m);
        if v.to_bits() != (spec.get)(&blank).to_bits() {
            out.push(spec.letter);
            out.push_str(&number_text(v));
        }
    }
    if out.len() == start {
        out.push_str("none");
    }
}

fn read_measures(text: &str) -> Result<Measures, PartError> {
    let mut m = blank_measures();
    if text == "none" {
        return Ok(m);
    }
    if text.is_empty() {
        return Err(part_err("measures", text, Fault::Missing { expected: 1 }));
    }
    let mut seen = [false; MEASURES.len()];
    let mut rest = text;
    while let Some(letter) = rest.chars().next() {
        let after = &rest[letter.len_utf8()..];
        let len = after
            .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-')))
            .unwrap_or(after.len());
        let (num, next) = after.split_at(len);
        let Some(i) = MEASURES.iter().position(|l| l.letter == letter) else {
            return Err(part_err(
                "measures",
                &rest[..letter.len_utf8()],
                Fault::UnknownName,
            ));
        };
        let MeasureSpec {
            key: part,
            limit,
            set,
            ..
        } = &MEASURES[i];
        let tagged = &rest[..letter.len_utf8() + len];
        if seen[i] {
            return Err(part_err(part, tagged, Fault::Repeated));
        }
        seen[i] = true;
        let v = limited(num, limit).map_err(|fault| part_err(part, tagged, fault))?;
        set(&mut m, v);
        rest = next;
    }
    Ok(m)
}

/// A list entry's syntax: its fields joined by `_`.
trait Item: Sized + Clone + PartialEq {
    /// The list's key, also its JSON path.
    const KEY: &'static str;
    fn list(s: &Scenario) -> &Vec<Self>;
    fn list_mut(s: &mut Scenario) -> &mut Vec<Self>;
    fn write(&self, out: &mut String);
    fn read(text: &str) -> Result<Self, PartError>;
    fn edit(e: ListEdit<Self>) -> Edit;
}

impl Item for Importation {
    const KEY: &'static str = "importations";
    fn list(s: &Scenario) -> &Vec<Self> {
        &s.importations
    }
    fn list_mut(s: &mut Scenario) -> &mut Vec<Self> {
        &mut s.importations
    }
    fn write(&self, out: &mut String) {
        let _ = write!(
            out,
            "{}_{}_{}_{}",
            self.date,
            self.district.id(),
            number_text(self.count),
            self.variant.id()
        );
    }
    fn read(text: &str) -> Result<Self, PartError> {
        let f = fields(text, 4)?;
        let date = parse_date(f[0]).ok_or_else(|| part_err("date", f[0], Fault::NotADate))?;
        let district: District = f[1]
            .parse()
            .map_err(|_| part_err("district", f[1], Fault::UnknownName))?;
        let count = limited(f[2], &validate::IMPORTATION_COUNT)
            .map_err(|fault| part_err("count", f[2], fault))?;
        let variant = Variant::ALL
            .into_iter()
            .find(|v| v.id() == f[3])
            .ok_or_else(|| part_err("variant", f[3], Fault::UnknownName))?;
        Ok(Importation {
            date,
            district,
            count,
            variant,
        })
    }
    fn edit(e: ListEdit<Self>) -> Edit {
        Edit::Importations(e)
    }
}

impl Item for ControlInterval {
    const KEY: &'static str = "controls.intervals";
    fn list(s: &Scenario) -> &Vec<Self> {
        &s.controls.intervals
    }
    fn list_mut(s: &mut Scenario) -> &mut Vec<Self> {
        &mut s.controls.intervals
    }
    fn write(&self, out: &mut String) {
        let _ = write!(out, "{}_{}_", self.start, self.end);
        write_target(&self.districts, out);
        out.push('_');
        write_measures(&self.measures, out);
    }
    fn read(text: &str) -> Result<Self, PartError> {
        let f = fields(text, 4)?;
        let start = parse_date(f[0]).ok_or_else(|| part_err("start", f[0], Fault::NotADate))?;
        let end = parse_date(f[1]).ok_or_else(|| part_err("end", f[1], Fault::NotADate))?;
        if end < start {
            return Err(part_err("end", f[1], Fault::EndBeforeStart));
        }
        Ok(ControlInterval {
            start,
            end,
            districts: read_target(f[2])?,
            measures: read_measures(f[3])?,
        })
    }
    fn edit(e: ListEdit<Self>) -> Edit {
        Edit::Intervals(e)
    }
}

impl Item for VoucherWave {
    const KEY: &'static str = "vouchers.waves";
    fn list(s: &Scenario) -> &Vec<Self> {
        &s.vouchers.waves
    }
    fn list_mut(s: &mut Scenario) -> &mut Vec<Self> {
        &mut s.vouchers.waves
    }
    fn write(&self, out: &mut String) {
        let _ = write!(
            out,
            "{}_{}_{}_{}_{}_",
            self.kind.id(),
            number_text(self.budget_yuan),
            self.start,
            self.validity_days,
            number_text(self.redemption_days)
        );
        write_target(&self.districts, out);
    }
    fn read(text: &str) -> Result<Self, PartError> {
        let f = fields(text, 6)?;
        let kind = VoucherKind::ALL
            .into_iter()
            .find(|k| k.id() == f[0])
            .ok_or_else(|| part_err("kind", f[0], Fault::UnknownName))?;
        let budget_yuan = limited(f[1], &validate::WAVE_BUDGET_YUAN)
            .map_err(|fault| part_err("budget_yuan", f[1], fault))?;
        let start = parse_date(f[2]).ok_or_else(|| part_err("start", f[2], Fault::NotADate))?;
        let validity = limited(f[3], &validate::WAVE_VALIDITY_DAYS)
            .map_err(|fault| part_err("validity_days", f[3], fault))?;
        let redemption_days = limited(f[4], &validate::WAVE_REDEMPTION_DAYS)
            .map_err(|fault| part_err("redemption_days", f[4], fault))?;
        Ok(VoucherWave {
            kind,
            budget_yuan,
            start,
            validity_days: validity as u32,
            redemption_days,
            districts: read_target(f[5])?,
        })
    }
    fn edit(e: ListEdit<Self>) -> Edit {
        Edit::Waves(e)
    }
}

fn write_curve(c: &[f64; 12], out: &mut String) {
    for (i, v) in c.iter().enumerate() {
        if i > 0 {
            out.push('_');
        }
        out.push_str(&number_text(*v));
    }
}

fn read_curve(text: &str, limit: &Limit) -> Result<[f64; 12], Problem> {
    let f: Vec<&str> = text.split('_').collect();
    let bad = |item: Option<usize>, text: &str, fault: Fault| Problem::BadPart {
        item,
        part: if item.is_some() { "month" } else { "" }.to_string(),
        text: shown(text),
        fault,
    };
    if f.len() != 12 {
        let fault = if f.len() < 12 {
            Fault::Missing { expected: 12 }
        } else {
            Fault::Extra { expected: 12 }
        };
        return Err(bad(None, text, fault));
    }
    let mut c = [0.0; 12];
    for (i, t) in f.iter().enumerate() {
        c[i] = limited(t, limit).map_err(|fault| bad(Some(i + 1), t, fault))?;
    }
    Ok(c)
}

// The scenario's keys

/// The lists of a scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum ListKind {
    Importations,
    Intervals,
    Waves,
}

impl ListKind {
    const ALL: [ListKind; 3] = [ListKind::Importations, ListKind::Intervals, ListKind::Waves];
    fn key(self) -> &'static str {
        match self {
            ListKind::Importations => Importation::KEY,
            ListKind::Intervals => ControlInterval::KEY,
            ListKind::Waves => VoucherWave::KEY,
        }
    }
    fn len(self, s: &Scenario) -> usize {
        match self {
            ListKind::Importations => s.importations.len(),
            ListKind::Intervals => s.controls.intervals.len(),
            ListKind::Waves => s.vouchers.waves.len(),
        }
    }
}

/// What a scenario key (without `b.`) names.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Field {
    Start,
    End,
    ZoningEnabled,
    ZoningMeasures,
    HousingStart,
    PlannedStarts,
    PlannedCompletion,
    ReliefStart,
    List(ListKind, ListKey),
    /// An index into [`PARAMS`].
    Param(usize),
}

/// Which part of a list a key names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ListKey {
    /// `controls.intervals`: the whole list.
    Whole,
    /// `controls.intervals.3`: item 3 (from 1) of the list, replaced or (`none`) removed.
    Item(usize),
    /// `controls.intervals.add`: items added at the end.
    Add,
}

/// Keys of the fields that are not in [`PARAMS`], in the order [`encode`] writes them.
pub const OWN_KEYS: [&str; 11] = [
    "start",
    "end",
    "importations",
    "controls.intervals",
    "controls.zoning.enabled",
    "controls.zoning.measures",
    "vouchers.waves",
    "housing.start",
    "projects.planned_starts",
    "projects.planned_completion",
    "relief.start",
];

/// Header keys (the link as a whole, and B's preset).
pub const HEADER_KEYS: [&str; 7] = ["v", "model", "preset", "lang", "seed", "runs", "b.preset"];

fn field_of(key: &str) -> Option<Field> {
    Some(match key {
        "start" => Field::Start,
        "end" => Field::End,
        "controls.zoning.enabled" => Field::ZoningEnabled,
        "controls.zoning.measures" => Field::ZoningMeasures,
        "housing.start" => Field::HousingStart,
        "projects.planned_starts" => Field::PlannedStarts,
        "projects.planned_completion" => Field::PlannedCompletion,
        "relief.start" => Field::ReliefStart,
        _ => {
            if let Some(i) = PARAMS.iter().position(|p| p.key == key) {
                return Some(Field::Param(i));
            }
            for kind in ListKind::ALL {
                let Some(rest) = key.strip_prefix(kind.key()) else {
                    continue;
                };
                if rest.is_empty() {
                    return Some(Field::List(kind, ListKey::Whole));
                }
                let n = rest.strip_prefix('.')?;
                if n == "add" {
                    return Some(Field::List(kind, ListKey::Add));
                }
                // Canonical item numbers only (no sign, no leading zero), so that two spellings
                // of one item cannot both apply.
                if n.is_empty() || n.len() > 6 || n.starts_with('0') {
                    return None;
                }
                if !n.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                return Some(Field::List(kind, ListKey::Item(n.parse().ok()?)));
            }
            return None;
        }
    })
}

/// A change to a list: the whole list, item `n` (from 1) replaced (`Some`) or removed, or
/// items added at the end.
#[derive(Clone, Debug)]
enum ListEdit<T> {
    Whole(Vec<T>),
    Item(usize, Option<T>),
    Add(Vec<T>),
}

/// One key's change to a scenario.
#[derive(Clone, Debug)]
enum Edit {
    Start(Date),
    End(Date),
    ZoningEnabled(bool),
    ZoningMeasures(Measures),
    HousingStart(Date),
    PlannedStarts([f64; 12]),
    PlannedCompletion([f64; 12]),
    ReliefStart(Date),
    Importations(ListEdit<Importation>),
    Intervals(ListEdit<ControlInterval>),
    Waves(ListEdit<VoucherWave>),
    Param(usize, f64),
}

/// The part of a scenario that falls back to the preset as one piece when the scenario breaks
/// a rule: a field, a whole list (all its keys), or the run's span (start and end together,
/// since each is only valid relative to the other).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Unit {
    Span,
    List(ListKind),
    ZoningEnabled,
    ZoningMeasures,
    HousingStart,
    PlannedStarts,
    PlannedCompletion,
    ReliefStart,
    Param(usize),
}

impl Edit {
    fn unit(&self) -> Unit {
        match self {
            Edit::Start(_) | Edit::End(_) => Unit::Span,
            Edit::ZoningEnabled(_) => Unit::ZoningEnabled,
            Edit::ZoningMeasures(_) => Unit::ZoningMeasures,
            Edit::HousingStart(_) => Unit::HousingStart,
            Edit::PlannedStarts(_) => Unit::PlannedStarts,
            Edit::PlannedCompletion(_) => Unit::PlannedCompletion,
            Edit::ReliefStart(_) => Unit::ReliefStart,
            Edit::Importations(_) => Unit::List(ListKind::Importations),
            Edit::Intervals(_) => Unit::List(ListKind::Intervals),
            Edit::Waves(_) => Unit::List(ListKind::Waves),
            Edit::Param(i, _) => Unit::Param(*i),
        }
    }

    /// For list edits: the list, and which part of it.
    fn list_key(&self) -> Option<(ListKind, ListKey)> {
        fn item<T>(kind: ListKind, e: &ListEdit<T>) -> Option<(ListKind, ListKey)> {
            Some(match e {
                ListEdit::Whole(_) => (kind, ListKey::Whole),
                ListEdit::Item(n, _) => (kind, ListKey::Item(*n)),
                ListEdit::Add(_) => (kind, ListKey::Add),
            })
        }
        match self {
            Edit::Importations(e) => item(ListKind::Importations, e),
            Edit::Intervals(e) => item(ListKind::Intervals, e),
            Edit::Waves(e) => item(ListKind::Waves, e),
            _ => None,
        }
    }

    fn whole_len(&self) -> Option<usize> {
        match self {
            Edit::Importations(ListEdit::Whole(l)) => Some(l.len()),
            Edit::Intervals(ListEdit::Whole(l)) => Some(l.len()),
            Edit::Waves(ListEdit::Whole(l)) => Some(l.len()),
            _ => None,
        }
    }
}

/// A key of the link that decoded to an edit.
struct Change {
    key: String,
    value: String,
    edit: Edit,
}

fn read_list<T: Item>(value: &str, part: ListKey) -> Result<Edit, Problem> {
    let bad = |position: Option<usize>, e: PartError| Problem::BadPart {
        item: position,
        part: e.part.to_string(),
        text: e.text,
        fault: e.fault,
    };
    let items = || -> Result<Vec<T>, Problem> {
        if value == "none" {
            return Ok(Vec::new());
        }
        let mut list = Vec::new();
        for (i, text) in value.split('~').enumerate() {
            list.push(T::read(text).map_err(|e| bad(Some(i + 1), e))?);
        }
        Ok(list)
    };
    Ok(T::edit(match part {
        ListKey::Item(n) if value == "none" => ListEdit::Item(n, None),
        ListKey::Item(n) => ListEdit::Item(n, Some(T::read(value).map_err(|e| bad(None, e))?)),
        ListKey::Whole => ListEdit::Whole(items()?),
        ListKey::Add => ListEdit::Add(items()?),
    }))
}

/// Reads one scenario key's value (range-checked on its own; combinations come later).
fn read_value(field: Field, value: &str) -> Result<Edit, Problem> {
    let date = |v: &str| parse_date(v).ok_or(Problem::NotADate);
    let whole = |e: PartError| Problem::BadPart {
        item: None,
        part: e.part.to_string(),
        text: e.text,
        fault: e.fault,
    };
    Ok(match field {
        Field::Start => Edit::Start(date(value)?),
        Field::End => Edit::End(date(value)?),
        Field::HousingStart => Edit::HousingStart(date(value)?),
        Field::ReliefStart => Edit::ReliefStart(date(value)?),
        Field::ZoningEnabled => Edit::ZoningEnabled(match value {
            "on" => true,
            "off" => false,
            _ => return Err(Problem::NotOnOff),
        }),
        Field::ZoningMeasures => Edit::ZoningMeasures(read_measures(value).map_err(whole)?),
        Field::PlannedStarts => Edit::PlannedStarts(read_curve(value, &validate::PLANNED_STARTS)?),
        Field::PlannedCompletion => {
            Edit::PlannedCompletion(read_curve(value, &validate::PLANNED_COMPLETION)?)
        }
        Field::List(ListKind::Importations, n) => read_list::<Importation>(value, n)?,
        Field::List(ListKind::Intervals, n) => read_list::<ControlInterval>(value, n)?,
        Field::List(ListKind::Waves, n) => read_list::<VoucherWave>(value, n)?,
        Field::Param(i) => {
            let spec = &PARAMS[i];
            let v = parse_number(value).ok_or(Problem::NotANumber)?;
            if !spec.accepts(v) {
                return Err(Problem::OutOfRange {
                    min: spec.min,
                    max: spec.max,
                    integer: spec.integer,
                });
            }
            Edit::Param(i, v)
        }
    })
}

/// Applies one list's edits: the whole list (if given) first, then items replaced or removed
/// by their number in that list, then the added items at the end.
fn apply_list<T: Item>(s: &mut Scenario, edits: &[&ListEdit<T>]) {
    let mut base: Vec<T> = T::list(s).clone();
    for e in edits {
        if let ListEdit::Whole(list) = e {
            base = list.clone();
        }
    }
    let mut removed = vec![false; base.len()];
    let mut added: Vec<T> = Vec::new();
    for e in edits {
        match e {
            // Numbers past the end were dropped with a notice before; never index past it.
            ListEdit::Item(n, Some(x)) if (1..=base.len()).contains(n) => base[n - 1] = x.clone(),
            ListEdit::Item(n, None) if (1..=base.len()).contains(n) => removed[n - 1] = true,
            ListEdit::Add(list) => added.extend(list.iter().cloned()),
            _ => {}
        }
    }
    let list = T::list_mut(s);
    *list = base
        .into_iter()
        .zip(removed)
        .filter(|(_, gone)| !gone)
        .map(|(x, _)| x)
        .collect();
    list.extend(added);
}

/// The preset with the chosen changes applied.
fn assemble<'a>(preset: &Scenario, changes: impl Iterator<Item = &'a Change>) -> Scenario {
    let mut s = preset.clone();
    let mut importations = Vec::new();
    let mut intervals = Vec::new();
    let mut waves = Vec::new();
    for c in changes {
        match &c.edit {
            Edit::Start(d) => s.start = *d,
            Edit::End(d) => s.end = *d,
            Edit::ZoningEnabled(b) => s.controls.zoning.enabled = *b,
            Edit::ZoningMeasures(m) => s.controls.zoning.measures = m.clone(),
            Edit::HousingStart(d) => s.housing.start = *d,
            Edit::PlannedStarts(c) => s.projects.planned_starts = *c,
            Edit::PlannedCompletion(c) => s.projects.planned_completion = *c,
            Edit::ReliefStart(d) => s.relief.start = *d,
            Edit::Importations(e) => importations.push(e),
            Edit::Intervals(e) => intervals.push(e),
            Edit::Waves(e) => waves.push(e),
            Edit::Param(i, v) => (PARAMS[*i].set)(&mut s, *v),
        }
    }
    apply_list(&mut s, &importations);
    apply_list(&mut s, &intervals);
    apply_list(&mut s, &waves);
    s
}

/// Drops item edits whose number is past the end of the list they edit (the whole list given
/// in the link, or else the preset's).
fn check_item_numbers(preset: &Scenario, changes: &mut Vec<Change>, notices: &mut Vec<Notice>) {
    for kind in ListKind::ALL {
        let base_len = changes
            .iter()
            .filter(|c| c.edit.list_key() == Some((kind, ListKey::Whole)))
            .find_map(|c| c.edit.whole_len())
            .unwrap_or_else(|| kind.len(preset));
        changes.retain(|c| match c.edit.list_key() {
            Some((k, ListKey::Item(n))) if k == kind && n > base_len => {
                notices.push(Notice::new(
                    &c.key,
                    &c.value,
                    Problem::NoSuchItem { count: base_len },
                ));
                false
            }
            _ => true,
        });
    }
}

/// The preset with every change that keeps the scenario valid. All at once if that is valid;
/// else unit by unit in the order of [`Unit`], each kept only if the scenario stays valid.
fn build(preset: &Scenario, changes: &[Change], notices: &mut Vec<Notice>) -> Scenario {
    let all = assemble(preset, changes.iter());
    if validate::validate(&all).is_ok() || validate::validate(preset).is_err() {
        return all;
    }
    let mut units: Vec<Unit> = changes.iter().map(|c| c.edit.unit()).collect();
    crate::small_sort::sort_by(&mut units, |a, b| a < b);
    units.dedup();
    let mut accepted: Vec<Unit> = Vec::new();
    let mut current = preset.clone();
    for unit in units {
        let trial = assemble(
            preset,
            changes.iter().filter(|c| {
                let u = c.edit.unit();
                u == unit || accepted.contains(&u)
            }),
        );
        match validate::validate(&trial) {
            Ok(()) => {
                accepted.push(unit);
                current = trial;
            }
            Err(errors) => {
                let rule = errors.first().map(|e| e.to_string()).unwrap_or_default();
                for c in changes.iter().filter(|c| c.edit.unit() == unit) {
                    notices.push(Notice::new(
                        &c.key,
                        &c.value,
                        Problem::Invalid { rule: rule.clone() },
                    ));
                }
            }
        }
    }
    current
}

// Decoding

/// The query of a link: after `?` (up to `#`), else after `#`; a text without `?`, `#` or
/// `://` is taken as the query itself.
fn query_part(input: &str) -> &str {
    let (before, fragment) = match input.find('#') {
        Some(i) => (&input[..i], &input[i + 1..]),
        None => (input, ""),
    };
    let query = match before.find('?') {
        Some(i) => &before[i + 1..],
        None if before.contains("://") => "",
        None => before,
    };
    if query.is_empty() {
        fragment
    } else {
        query
    }
}

/// `%XY` to the byte it stands for; anything else as is. Invalid UTF-8 becomes U+FFFD.
pub fn percent_decode(text: &str) -> String {
    if !text.contains('%') {
        return text.to_string();
    }
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            let hex = |c: u8| (c as char).to_digit(16);
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn is_foreign(key: &str) -> bool {
    FOREIGN_KEYS.contains(&key) || key.starts_with("utm_") || STORY_KEYS.contains(&key)
}

/// `major.minor.patch`, digits only.
fn parse_version(text: &str) -> Option<(u64, u64, u64)> {
    let mut parts = text.split('.');
    let mut next = || -> Option<u64> {
        let p = parts.next()?;
        if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        p.parse().ok()
    };
    let v = (next()?, next()?, next()?);
    parts.next().is_none().then_some(v)
}

/// `input` without whitespace and the punctuation around it ([`decode`] reads what is left).
fn cleaned_link(input: &str) -> String {
    let cleaned: String = input.chars().filter(|c| !c.is_whitespace()).collect();
    cleaned
        .trim_start_matches(['<', '(', '"', '\'', '['])
        .trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '>', '"', '\''])
        .to_string()
}

/// Whether the link `input` (as [`decode`] reads it) has the key `key` with a value, good or
/// bad: the runner takes a link's `runs=` as its default only when the link has one.
pub fn has_key(input: &str, key: &str) -> bool {
    if input.len() > MAX_LINK_LENGTH {
        return false;
    }
    let cleaned = cleaned_link(input);
    query_part(&cleaned).split('&').any(|part| {
        let part = part.strip_prefix("amp;").unwrap_or(part);
        part.split_once('=')
            .is_some_and(|(k, _)| percent_decode(k) == key)
    })
}

/// Reads a link: a whole URL, `?query`, `#fragment` or the bare query. Never fails: see
/// [`Decoded`]. Whitespace anywhere (mail clients wrap long links) and punctuation around the
/// link (`<…>`, a full stop after it) are ignored.
pub fn decode(input: &str) -> Decoded {
    let mut notices = Vec::new();
    if input.len() > MAX_LINK_LENGTH {
        notices.push(Notice::new(
            "",
            input,
            Problem::TooLong {
                length: input.len(),
                max: MAX_LINK_LENGTH,
            },
        ));
        return Decoded {
            state: LinkState::default(),
            notices,
        };
    }
    let cleaned = cleaned_link(input);
    let query = query_part(&cleaned);

    let mut version: Option<(String, String)> = None;
    let mut model: Option<(String, String)> = None;
    let mut preset_keys: [Option<(String, String)>; 2] = [None, None];
    let mut lang = None;
    let mut seed = DEFAULT_SEED;
    let mut runs = DEFAULT_RUNS;
    let mut sides: [Vec<(String, String)>; 2] = [Vec::new(), Vec::new()];
    let mut b_present = false;
    let mut seen: HashSet<String> = HashSet::new();

    for part in query.split('&') {
        // "&amp;" from a link copied out of HTML mail.
        let part = part.strip_prefix("amp;").unwrap_or(part);
        if part.is_empty() {
            continue;
        }
        let (raw_key, raw_value) = match part.split_once('=') {
            Some((k, v)) => (k, Some(v)),
            None => (part, None),
        };
        let key = percent_decode(raw_key);
        if is_foreign(&key) {
            continue;
        }
        let Some(raw_value) = raw_value else {
            notices.push(Notice::new(&key, "", Problem::NoValue));
            continue;
        };
        let value = percent_decode(raw_value);
        if !seen.insert(key.clone()) {
            notices.push(Notice::new(&key, &value, Problem::DuplicateKey));
            continue;
        }
        if key.starts_with("b.") {
            b_present = true;
        }
        match key.as_str() {
            "v" => version = Some((key, value)),
            "model" => model = Some((key, value)),
            "preset" => preset_keys[0] = Some((key, value)),
            "b.preset" => preset_keys[1] = Some((key, value)),
            "lang" => match Language::from_code(&value) {
                Some(l) => lang = Some(l),
                None => notices.push(Notice::new(&key, &value, Problem::UnknownLanguage)),
            },
            "seed" => {
                match (!value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()))
                    .then(|| value.parse::<u64>().ok())
                    .flatten()
                {
                    Some(s) => seed = s,
                    None => notices.push(Notice::new(&key, &value, Problem::NotASeed)),
                }
            }
            "runs" => match crate::decimal::parse_f64(&value) {
                Some(n) if (1.0..=MAX_RUNS as f64).contains(&n) && n.fract() == 0.0 => {
                    runs = n as u32
                }
                Some(n) if n.is_finite() => notices.push(Notice::new(
                    &key,
                    &value,
                    Problem::OutOfRange {
                        min: 1.0,
                        max: MAX_RUNS as f64,
                        integer: true,
                    },
                )),
                _ => notices.push(Notice::new(&key, &value, Problem::NotANumber)),
            },
            _ => match key.strip_prefix("b.") {
                Some(rest) => sides[1].push((rest.to_string(), value)),
                None => sides[0].push((key.clone(), value)),
            },
        }
    }

    // Header notices come first, whatever their place in the link.
    let mut header = Vec::new();
    if let Some((key, value)) = &version {
        match (!value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()))
            .then(|| value.parse::<u64>().ok())
            .flatten()
        {
            Some(v) if v == u64::from(FORMAT_VERSION) => {}
            Some(v) if v > u64::from(FORMAT_VERSION) => header.push(Notice::new(
                key,
                value,
                Problem::NewerFormat {
                    found: shown(value),
                    read_as: FORMAT_VERSION,
                },
            )),
            _ => header.push(Notice::new(key, value, Problem::NotAVersion)),
        }
    }
    if let Some((key, value)) = &model {
        match (parse_version(value), parse_version(MODEL_VERSION)) {
            _ if value == MODEL_VERSION => {}
            (None, _) => header.push(Notice::new(key, value, Problem::NotAVersion)),
            (Some(link), Some(current)) if link == current => {}
            (Some(link), Some(current)) if link > current => header.push(Notice::new(
                key,
                value,
                Problem::NewerModel {
                    link: value.clone(),
                    current: MODEL_VERSION.to_string(),
                },
            )),
            // Older, or (should MODEL_VERSION ever stop being x.y.z) merely different.
            (Some(_), _) => header.push(Notice::new(
                key,
                value,
                Problem::OlderModel {
                    link: value.clone(),
                    current: MODEL_VERSION.to_string(),
                },
            )),
        }
    }
    header.append(&mut notices);
    let mut notices = header;

    // Every published format version is read by its own function, kept forever. Only
    // version 1 exists; a later version's link is read as version 1 as far as it goes.
    let [side_a, side_b] = sides;
    let [preset_a, preset_b] = preset_keys;
    let a = decode_side_v1(preset_a, side_a, "", &mut notices);
    let b = b_present.then(|| decode_side_v1(preset_b, side_b, "b.", &mut notices));
    Decoded {
        state: LinkState {
            lang,
            seed,
            runs,
            a,
            b,
        },
        notices,
    }
}

/// One scenario of a version-1 link: its preset, then each of its keys.
fn decode_side_v1(
    preset_key: Option<(String, String)>,
    keys: Vec<(String, String)>,
    prefix: &str,
    notices: &mut Vec<Notice>,
) -> Named {
    let named = match preset_key {
        None => Named::default_preset(),
        Some((key, value)) => Named::preset(&value).unwrap_or_else(|| {
            notices.push(Notice::new(&key, &value, Problem::UnknownPreset));
            Named::default_preset()
        }),
    };
    let mut changes = Vec::new();
    for (bare, value) in keys {
        let key = format!("{prefix}{bare}");
        let Some(field) = field_of(&bare) else {
            notices.push(Notice::new(&key, &value, Problem::UnknownKey));
            continue;
        };
        match read_value(field, &value) {
            Ok(edit) => changes.push(Change { key, value, edit }),
            Err(problem) => notices.push(Notice::new(&key, &value, problem)),
        }
    }
    check_item_numbers(&named.scenario, &mut changes, notices);
    let scenario = build(&named.scenario, &changes, notices);
    Named {
        preset: named.preset,
        scenario,
    }
}

// Encoding

/// A list's keys: nothing if unchanged, else the shortest of the whole list and item edits.
fn list_keys<T: Item>(prefix: &str, old: &[T], new: &[T], out: &mut Vec<(String, String)>) {
    if old == new {
        return;
    }
    let item_text = |x: &T| {
        let mut s = String::new();
        x.write(&mut s);
        s
    };
    let item_key = |n: usize| format!("{prefix}{}.{n}", T::KEY);
    let whole_value = if new.is_empty() {
        "none".to_string()
    } else {
        new.iter().map(item_text).collect::<Vec<_>>().join("~")
    };
    let mut candidates = vec![vec![(format!("{prefix}{}", T::KEY), whole_value)]];

    // Position by position: replace what differs, remove the surplus, add the rest.
    let mut positional = Vec::new();
    for n in 1..=old.len() {
        match (&old[n - 1], new.get(n - 1)) {
            (o, Some(x)) if o == x => {}
            (_, Some(x)) => positional.push((item_key(n), item_text(x))),
            (_, None) => positional.push((item_key(n), "none".to_string())),
        }
    }
    if new.len() > old.len() {
        let added: Vec<String> = new[old.len()..].iter().map(item_text).collect();
        positional.push((format!("{prefix}{}.add", T::KEY), added.join("~")));
    }
    candidates.push(positional);

    // Items removed from the middle: `new` is `old` with some items left out.
    if new.len() < old.len() {
        let mut removals = Vec::new();
        let mut j = 0;
        for (i, o) in old.iter().enumerate() {
            if j < new.len() && new[j] == *o {
                j += 1;
            } else {
                removals.push((item_key(i + 1), "none".to_string()));
            }
        }
        if j == new.len() {
            candidates.push(removals);
        }
    }
    let cost =
        |c: &Vec<(String, String)>| c.iter().map(|(k, v)| k.len() + v.len() + 2).sum::<usize>();
    let best = candidates.into_iter().min_by_key(cost).unwrap_or_default();
    out.extend(best);
}

/// The keys of what `s` changes from `preset`, in a fixed order.
fn scenario_keys(prefix: &str, preset: &Scenario, s: &Scenario, out: &mut Vec<(String, String)>) {
    let mut put = |key: &str, value: String| out.push((format!("{prefix}{key}"), value));
    if s.start != preset.start {
        put("start", s.start.to_string());
    }
    if s.end != preset.end {
        put("end", s.end.to_string());
    }
    list_keys(prefix, &preset.importations, &s.importations, out);
    list_keys(
        prefix,
        &preset.controls.intervals,
        &s.controls.intervals,
        out,
    );
    let mut put = |key: &str, value: String| out.push((format!("{prefix}{key}"), value));
    let (z, pz) = (&s.controls.zoning, &preset.controls.zoning);
    if z.enabled != pz.enabled {
        put(
            "controls.zoning.enabled",
            if z.enabled { "on" } else { "off" }.to_string(),
        );
    }
    if measures_bits_differ(&z.measures, &pz.measures) {
        let mut v = String::new();
        write_measures(&z.measures, &mut v);
        put("controls.zoning.measures", v);
    }
    list_keys(prefix, &preset.vouchers.waves, &s.vouchers.waves, out);
    let mut put = |key: &str, value: String| out.push((format!("{prefix}{key}"), value));
    if s.housing.start != preset.housing.start {
        put("housing.start", s.housing.start.to_string());
    }
    for (key, c, pc) in [
        (
            "projects.planned_starts",
            &s.projects.planned_starts,
            &preset.projects.planned_starts,
        ),
        (
            "projects.planned_completion",
            &s.projects.planned_completion,
            &preset.projects.planned_completion,
        ),
    ] {
        if c.iter().zip(pc).any(|(a, b)| a.to_bits() != b.to_bits()) {
            let mut v = String::new();
            write_curve(c, &mut v);
            put(key, v);
        }
    }
    if s.relief.start != preset.relief.start {
        put("relief.start", s.relief.start.to_string());
    }
    for spec in PARAMS {
        let v = (spec.get)(s);
        if v.to_bits() != (spec.get)(preset).to_bits() {
            put(spec.key, number_text(v));
        }
    }
}

/// `-0.0` equals `0.0` but is written differently; keep the exact bits.
fn measures_bits_differ(a: &Measures, b: &Measures) -> bool {
    MEASURES
        .iter()
        .any(|m| (m.get)(a).to_bits() != (m.get)(b).to_bits())
}

/// The query string (without `?`) for a state: header keys, then what A changes from its
/// preset, then B's preset and changes. Only `A–Z a–z 0–9 - . _ ~ = &` appear.
pub fn encode(state: &LinkState) -> String {
    let mut keys: Vec<(String, String)> = vec![
        ("v".to_string(), FORMAT_VERSION.to_string()),
        ("model".to_string(), MODEL_VERSION.to_string()),
    ];
    // An unknown preset name is written as the default preset, the scenario as its difference.
    let side = |prefix: &str, named: &Named, keys: &mut Vec<(String, String)>| {
        let (name, preset) = match presets::preset(&named.preset) {
            Some(p) => (named.preset.as_str(), p),
            None => (DEFAULT_PRESET, Named::default_preset().scenario),
        };
        keys.push((format!("{prefix}preset"), name.to_string()));
        preset
    };
    let preset_a = side("", &state.a, &mut keys);
    if let Some(l) = state.lang {
        keys.push(("lang".to_string(), l.code().to_string()));
    }
    if state.seed != DEFAULT_SEED {
        keys.push(("seed".to_string(), state.seed.to_string()));
    }
    if state.runs != DEFAULT_RUNS {
        keys.push(("runs".to_string(), state.runs.to_string()));
    }
    scenario_keys("", &preset_a, &state.a.scenario, &mut keys);
    if let Some(b) = &state.b {
        let preset_b = side("b.", b, &mut keys);
        scenario_keys("b.", &preset_b, &b.scenario, &mut keys);
    }
    let mut out = String::new();
    for (i, (k, v)) in keys.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        let _ = write!(out, "{k}={v}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_preset_encodes_to_the_header_only() {
        let link = encode(&LinkState::default());
        assert_eq!(
            link,
            format!("v=1&model={MODEL_VERSION}&preset=jinzhong-2022")
        );
        let d = decode(&link);
        assert_eq!(d.notices, vec![]);
        assert_eq!(d.state, LinkState::default());
    }

    #[test]
    fn numbers_use_the_shorter_form() {
        assert_eq!(number_text(4.8e8), "4.8e8");
        assert_eq!(number_text(0.25), "0.25");
        assert_eq!(number_text(5000.0), "5e3");
        assert_eq!(number_text(120.0), "120");
        assert_eq!(number_text(0.0009), "9e-4");
        assert_eq!(number_text(-0.05), "-0.05");
        for v in [1.0 / 3.0, 1.0 / 45.0, 355.25e8, 1843.4e8, f64::MIN_POSITIVE] {
            assert_eq!(parse_number(&number_text(v)), Some(v));
        }
    }

    #[test]
    fn has_key_reads_the_link_as_decode_does() {
        assert!(has_key("https://x.org/p/?v=1&runs=40", "runs"));
        assert!(has_key(" <https://x.org/?v=1&amp;runs=abc>.", "runs"));
        assert!(has_key("#v=1&r%75ns=5", "runs"));
        assert!(!has_key("?v=1&seed=4", "runs"));
        assert!(
            !has_key("?v=1&runs", "runs"),
            "a key without a value is not one"
        );
        assert!(!has_key("?v=1&b.runs=4", "runs"));
    }

    #[test]
    fn measures_round_trip_and_reject_bad_letters() {
        let m = Measures {
            schools: 1.0,
            dine_in: 1.0,
            nonessential: 0.8,
            gatherings: 1.0,
            sealed_zones: 0.6,
            testing_every_days: 2,
            testing_coverage: 0.92,
            tracing_rate: 0.3,
            checkpoints: 1.0,
        };
        let mut text = String::new();
        write_measures(&m, &mut text);
        assert_eq!(text, "s1d1n0.8g1z0.6t2r0.3h1");
        assert_eq!(read_measures(&text).ok(), Some(m));
        assert_eq!(read_measures("none").ok(), Some(blank_measures()));
        for bad in ["x1", "s1s1", "s2", "t1.5", "s", "s1d", "", "é1"] {
            assert!(read_measures(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn model_version_is_comparable() {
        assert!(parse_version(MODEL_VERSION).is_some(), "{MODEL_VERSION}");
        assert!(parse_version("1.2.10") > parse_version("1.2.9"));
        for bad in ["1.0", "1.0.0.0", "1..0", "v1.0.0", "1.0.-1", ""] {
            assert_eq!(parse_version(bad), None, "{bad}");
        }
    }

    #[test]
    fn query_is_found_in_any_form() {
        assert_eq!(query_part("https://x.org/lab/?v=1&a=2#top"), "v=1&a=2");
        assert_eq!(query_part("https://x.org/lab/#v=1"), "v=1");
        assert_eq!(query_part("?v=1"), "v=1");
        assert_eq!(query_part("#v=1"), "v=1");
        assert_eq!(query_part("v=1"), "v=1");
        assert_eq!(query_part("https://x.org/lab/"), "");
    }

    #[test]
    fn percent_decoding_is_total() {
        assert_eq!(percent_decode("a%7Eb"), "a~b");
        assert_eq!(percent_decode("%"), "%");
        assert_eq!(percent_decode("%4"), "%4");
        assert_eq!(percent_decode("%zz%41"), "%zzA");
        assert_eq!(percent_decode("%FF"), "\u{fffd}");
        assert_eq!(percent_decode("%E6%99%8B"), "晋");
    }
}
