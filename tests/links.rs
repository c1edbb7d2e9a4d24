//! The share link (`scenario::link`): every published link still decodes as recorded
//! (`tests/links/v1.json`), random scenarios survive a round trip exactly, a typical scenario
//! stays short, every field of a scenario has a key, and mangled links never panic.
//!
//! The million-input fuzz run is `scripts/fuzz-links.sh` (the ignored test `fuzz_million`
//! below, in release mode); `cargo test` runs a smaller sample of the same generator.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use recovery_lab::scenario::link::{
    decode, encode, Decoded, Language, LinkState, Named, DEFAULT_RUNS, DEFAULT_SEED, HEADER_KEYS,
    MAX_LINK_LENGTH, MAX_RUNS, OWN_KEYS,
};
use recovery_lab::scenario::params::PARAMS;
use recovery_lab::scenario::presets::{self, PRESET_NAMES};
use recovery_lab::scenario::validate::{self, latest_end};
use recovery_lab::scenario::{
    ControlInterval, Date, District, Importation, Measures, Scenario, Target, Variant, VoucherKind,
    VoucherWave, DISTRICTS,
};
use recovery_lab::sim::MODEL_VERSION;
use serde::Deserialize;
use serde_json::Value;
use std::panic::{catch_unwind, AssertUnwindSafe};

// Random scenarios

/// Where the generator's choices come from: proptest's values (so a failure shrinks towards
/// 0, which every choice below maps to its simplest option) or a seeded stream (fuzz run).
trait Entropy {
    fn next(&mut self) -> u64;

    /// 0..n (n ≥ 1).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
}

/// A fixed tape of values; 0 (the simplest choice) once it runs out.
struct Tape {
    words: Vec<u64>,
    at: usize,
}

impl Entropy for Tape {
    fn next(&mut self) -> u64 {
        let w = self.words.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        w
    }
}

/// SplitMix64: a seeded stream for the fuzz run.
struct Stream(u64);

impl Entropy for Stream {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// A number in `min..=max`: an end, anywhere (all 17 digits), or on a 1/100 grid.
fn number(e: &mut impl Entropy, min: f64, max: f64, integer: bool) -> f64 {
    let v = match e.below(4) {
        0 => min,
        1 => max,
        2 => min + e.unit() * (max - min),
        _ => min + (e.below(101) as f64 / 100.0) * (max - min),
    };
    let v = if integer { v.round() } else { v };
    v.clamp(min, max)
}

fn date(e: &mut impl Entropy) -> Date {
    Date::ymd(2020, 1, 1).add_days(e.below(365 * 6) as i32)
}

fn target(e: &mut impl Entropy) -> Target {
    if e.below(3) == 0 {
        return Target::All;
    }
    let mut pool = DISTRICTS.to_vec();
    let n = 1 + e.below(DISTRICTS.len() as u64) as usize;
    let mut list = Vec::new();
    for _ in 0..n {
        list.push(pool.remove(e.below(pool.len() as u64) as usize));
    }
    Target::Districts(list)
}

fn share(e: &mut impl Entropy) -> f64 {
    match e.below(4) {
        0 => 0.0,
        1 => 1.0,
        2 => e.unit(),
        _ => e.below(11) as f64 / 10.0,
    }
}

fn measures(e: &mut impl Entropy) -> Measures {
    Measures {
        schools: share(e),
        dine_in: share(e),
        nonessential: share(e),
        gatherings: share(e),
        sealed_zones: share(e),
        testing_every_days: e.below(15) as u32,
        testing_coverage: if e.below(2) == 0 { 0.92 } else { share(e) },
        tracing_rate: share(e) * 0.5,
        checkpoints: share(e),
    }
}

fn importation(e: &mut impl Entropy) -> Importation {
    Importation {
        date: date(e),
        district: DISTRICTS[e.below(11) as usize],
        count: number(e, 0.0, 10_000.0, true),
        variant: if e.below(2) == 0 {
            Variant::Delta
        } else {
            Variant::Omicron
        },
    }
}

fn interval(e: &mut impl Entropy) -> ControlInterval {
    let start = date(e);
    ControlInterval {
        start,
        end: start.add_days(e.below(200) as i32),
        districts: target(e),
        measures: measures(e),
    }
}

fn wave(e: &mut impl Entropy) -> VoucherWave {
    VoucherWave {
        kind: [
            VoucherKind::General,
            VoucherKind::Catering,
            VoucherKind::Car,
        ][e.below(3) as usize],
        budget_yuan: number(e, 0.0, 100e8, false),
        start: date(e),
        validity_days: number(e, 1.0, 366.0, true) as u32,
        redemption_days: number(e, 1.0, 180.0, false),
        districts: target(e),
    }
}

/// The preset's list, or a random one, or the preset's with one item changed, added or removed.
fn list<T: Clone, E: Entropy>(e: &mut E, preset: &[T], item: fn(&mut E) -> T) -> Vec<T> {
    let mut l = preset.to_vec();
    match e.below(6) {
        0 | 1 => {}
        2 => l = (0..e.below(5)).map(|_| item(e)).collect(),
        3 if !l.is_empty() => {
            let i = e.below(l.len() as u64) as usize;
            l[i] = item(e);
        }
        4 => {
            for _ in 0..1 + e.below(2) {
                l.push(item(e));
            }
        }
        _ if !l.is_empty() => {
            l.remove(e.below(l.len() as u64) as usize);
        }
        _ => {}
    }
    l
}

/// A non-decreasing monthly curve; the completion curve ends at 1.
fn curve(e: &mut impl Entropy, ends_at_one: bool) -> [f64; 12] {
    let mut c = [0.0; 12];
    for v in &mut c {
        *v = share(e);
    }
    c.sort_by(f64::total_cmp);
    if ends_at_one {
        c[11] = 1.0;
    }
    c
}

/// A preset with each scalar changed with probability `density` and each other field
/// sometimes; always valid.
fn named(e: &mut impl Entropy, density: f64) -> Named {
    let name = PRESET_NAMES[e.below(PRESET_NAMES.len() as u64) as usize];
    let mut s = presets::preset(name).unwrap();
    for spec in PARAMS {
        if e.chance(density) {
            let v = number(e, spec.min, spec.max, spec.integer);
            (spec.set)(&mut s, v);
        }
    }
    if e.below(4) == 1 {
        s.start = date(e);
        let span = latest_end(s.start).days_since(s.start) as u64 + 1;
        s.end = s.start.add_days(e.below(span) as i32);
    }
    s.importations = list(e, &s.importations, importation);
    s.controls.intervals = list(e, &s.controls.intervals, interval);
    s.vouchers.waves = list(e, &s.vouchers.waves, wave);
    if e.below(4) == 1 {
        s.controls.zoning.enabled = !s.controls.zoning.enabled;
    }
    if e.below(4) == 1 {
        s.controls.zoning.measures = measures(e);
    }
    if e.below(4) == 1 {
        s.housing.start = date(e);
    }
    if e.below(4) == 1 {
        s.relief.start = date(e);
    }
    if e.below(4) == 1 {
        s.projects.planned_starts = curve(e, false);
    }
    if e.below(4) == 1 {
        s.projects.planned_completion = curve(e, true);
    }
    Named {
        preset: name.to_string(),
        scenario: s,
    }
}

/// A whole link state: A dense or sparse, B (sparse) half the time.
fn link_state(e: &mut impl Entropy) -> LinkState {
    let with_b = e.below(2) == 1;
    let density = match (with_b, e.below(3)) {
        (_, 0) => 0.05,
        (true, _) => 0.25,
        (false, 1) => 0.5,
        (false, _) => 1.0,
    };
    let a = named(e, density);
    let b = with_b.then(|| named(e, 0.25));
    LinkState {
        lang: [None, Some(Language::Zh), Some(Language::En)][e.below(3) as usize],
        seed: if e.below(2) == 0 {
            DEFAULT_SEED
        } else {
            e.next()
        },
        runs: if e.below(2) == 0 {
            DEFAULT_RUNS
        } else {
            1 + (e.next() % u64::from(MAX_RUNS)) as u32
        },
        a,
        b,
    }
}

/// Characters a link may contain, and may end with.
fn is_link_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~=&".contains(c)
}

fn assert_round_trip(state: &LinkState) -> Result<(), TestCaseError> {
    prop_assert_eq!(validate::validate(&state.a.scenario), Ok(()));
    if let Some(b) = &state.b {
        prop_assert_eq!(validate::validate(&b.scenario), Ok(()));
    }
    let link = encode(state);
    prop_assert!(
        link.len() <= MAX_LINK_LENGTH,
        "{} chars: {link}",
        link.len()
    );
    prop_assert!(link.chars().all(is_link_char), "{link}");
    prop_assert!(
        link.ends_with(|c: char| c.is_ascii_alphanumeric()),
        "{link}"
    );
    let decoded = decode(&link);
    prop_assert_eq!(&decoded.notices, &vec![], "{}", link);
    prop_assert!(decoded.state == *state, "{link}");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 10_000,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// ≥ 10,000 random valid scenarios (A and sometimes B) → link → the identical state, no
    /// notice; every f64 exactly.
    #[test]
    fn random_scenarios_round_trip(words in prop::collection::vec(any::<u64>(), 600)) {
        let state = link_state(&mut Tape { words, at: 0 });
        assert_round_trip(&state)?;
    }
}

#[test]
fn every_preset_round_trips_unchanged_and_as_b() {
    for name in PRESET_NAMES {
        let state = LinkState {
            lang: Some(Language::En),
            seed: 7,
            runs: 40,
            a: Named::preset(name).unwrap(),
            b: Some(Named::preset(name).unwrap()),
        };
        let link = encode(&state);
        assert!(!link.contains("b.") || link.contains(&format!("b.preset={name}")));
        let d = decode(&link);
        assert_eq!(d.notices, vec![], "{link}");
        assert_eq!(d.state, state, "{link}");
    }
}

// Length

/// The three-lever scenarios a planner typically shares, with language and seed.
fn typical_states() -> Vec<(&'static str, LinkState)> {
    let base = || LinkState {
        lang: Some(Language::Zh),
        seed: 20_220_415,
        ..LinkState::default()
    };
    let mut out = Vec::new();

    // "Keep dine-in closed two more weeks in Yuci, double the car vouchers, widen relief."
    let mut s = base();
    let sc = &mut s.a.scenario;
    let yuci_dine_in = sc
        .controls
        .intervals
        .iter()
        .rposition(|iv| {
            iv.districts == Target::Districts(vec![District::Yuci]) && iv.measures.dine_in > 0.0
        })
        .unwrap_or(0);
    let iv = &mut sc.controls.intervals[yuci_dine_in];
    iv.end = iv.end.add_days(14);
    sc.vouchers.waves[0].budget_yuan *= 2.0;
    sc.relief.reach = 0.6;
    out.push(("dine-in, car vouchers, relief", s));

    // Three levers with the longest keys, at values off the slider grid.
    let mut s = base();
    let sc = &mut s.a.scenario;
    sc.vouchers.car_voucher_per_unit_yuan = 12_345.0;
    sc.relief.runway_extension_days = 47.5;
    sc.projects.multiplier_lag_days = 123.25;
    out.push(("three long keys", s));

    // An extra interval, the zoning trigger, the housing budget; compared with no controls.
    let mut s = base();
    let sc = &mut s.a.scenario;
    let mut extra = sc.controls.intervals[0].clone();
    extra.start = Date::ymd(2022, 6, 1);
    extra.end = Date::ymd(2022, 6, 14);
    extra.districts = Target::All;
    sc.controls.intervals.push(extra);
    sc.controls.zoning.trigger_cases = 10.0;
    sc.housing.budget_yuan = 9.6e8;
    s.b = Named::preset("no-controls");
    out.push(("new interval, zoning, housing, with B", s));
    out
}

#[test]
fn a_typical_scenario_fits_in_300_characters() {
    for (what, state) in typical_states() {
        let link = encode(&state);
        println!("{what}: {} chars\n  ?{link}", link.len());
        assert!(link.len() <= 300, "{what}: {} chars: {link}", link.len());
        assert_eq!(decode(&link).state, state, "{what}");
    }
}

// Coverage of the scenario's fields

/// Every leaf of the scenario's JSON is carried by some key: a PARAMS key or one of the
/// link's own keys. A new field that is neither would silently fall back to the preset in
/// every shared link, so this test names it.
#[test]
fn every_field_of_a_scenario_has_a_key() {
    fn walk(path: &str, v: &Value, missing: &mut Vec<String>) {
        if OWN_KEYS.contains(&path) || PARAMS.iter().any(|p| p.key == path) {
            return;
        }
        match v {
            Value::Object(map) => {
                for (k, child) in map {
                    let p = if path.is_empty() {
                        k.clone()
                    } else {
                        format!("{path}.{k}")
                    };
                    walk(&p, child, missing);
                }
            }
            _ => missing.push(path.to_string()),
        }
    }
    let mut missing = Vec::new();
    walk("", &json(&presets::jinzhong_2022()), &mut missing);
    assert!(
        missing.is_empty(),
        "not carried by links (register in PARAMS, or give it a key in link.rs): {missing:?}"
    );
}

#[test]
fn keys_never_collide() {
    for p in PARAMS {
        assert!(!OWN_KEYS.contains(&p.key), "{}", p.key);
        assert!(!HEADER_KEYS.contains(&p.key), "{}", p.key);
        assert!(!p.key.starts_with("b."), "{}", p.key);
        for list in ["importations", "controls.intervals", "vouchers.waves"] {
            assert!(!p.key.starts_with(&format!("{list}.")), "{}", p.key);
        }
        assert!(
            p.key
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._".contains(c)),
            "{} needs no escaping",
            p.key
        );
    }
}

// Documentation

/// docs/link-format.md lists every key a link can hold; a number added to PARAMS must be
/// added to its table (`cargo test --test links -- --ignored --nocapture print_params_table`
/// prints the table).
#[test]
fn every_key_is_documented() {
    let doc = std::fs::read_to_string("docs/link-format.md").unwrap();
    for key in PARAMS
        .iter()
        .map(|p| p.key)
        .chain(OWN_KEYS)
        .chain(HEADER_KEYS)
    {
        assert!(
            doc.contains(&format!("`{key}`")),
            "docs/link-format.md does not list `{key}`"
        );
    }
}

#[test]
#[ignore]
fn print_params_table() {
    use recovery_lab::scenario::params::Unit;
    println!("| key | allowed values (stored unit) | unit |");
    println!("| --- | --- | --- |");
    for p in PARAMS {
        let unit = match p.unit {
            Unit::Yuan | Unit::WanYuan | Unit::YiYuan => "yuan",
            Unit::Days => "days",
            Unit::Months => "months",
            Unit::Percent => "share (0.25 = 25%)",
            Unit::PerDay => "per day",
            Unit::Ratio => "ratio",
            Unit::Count => "count",
        };
        let whole = if p.integer { "whole numbers " } else { "" };
        println!("| `{}` | {whole}{} to {} | {unit} |", p.key, p.min, p.max);
    }
}

// The corpus of published links

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Corpus {
    format_version: u32,
    #[allow(dead_code)]
    about: String,
    entries: Vec<Entry>,
}

fn default_runs() -> u32 {
    DEFAULT_RUNS
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    name: String,
    link: String,
    lang: Option<String>,
    seed: u64,
    /// Entries written before the `runs` key have none: 200.
    #[serde(default = "default_runs")]
    runs: u32,
    a: ExpectedSide,
    b: Option<ExpectedSide>,
    notices: Vec<ExpectedNotice>,
}

/// A preset, and the fields (dotted JSON paths) that differ from it, with their JSON values.
/// Fields not listed keep the preset's current value: a link holds only differences, so a
/// recalibrated preset moves its numbers (the model version says so), not its meaning.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedSide {
    preset: String,
    set: serde_json::Map<String, Value>,
}

#[derive(Debug, PartialEq, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
struct ExpectedNotice {
    key: String,
    value: String,
    code: String,
}

/// JSON through text and back, so that both sides of a comparison parse floats alike.
fn json(s: &Scenario) -> Value {
    serde_json::from_str(&recovery_lab::json::to_string(s)).unwrap()
}

/// The field at a dotted path of a scenario's JSON.
fn field<'a>(entry: &str, v: &'a mut Value, path: &str) -> &'a mut Value {
    let mut at = v;
    for part in path.split('.') {
        at = at
            .get_mut(part)
            .unwrap_or_else(|| panic!("{entry}: {path} is no longer a field"));
    }
    at
}

/// The preset's JSON with the entry's changes. A path names a field (replaced whole), or an
/// item of one of the preset's lists: `list[i]` (from 0) replaced, or removed if `null`, and
/// `list[+]` an array of items added at the end, as item keys of a link do.
fn expected_scenario(entry: &str, side: &ExpectedSide) -> Value {
    let preset = presets::preset(&side.preset)
        .unwrap_or_else(|| panic!("{entry}: preset {} is gone", side.preset));
    let mut v = json(&preset);
    let mut item_edits: Vec<(&str, &str, &Value)> = Vec::new();
    for (path, value) in &side.set {
        match path.split_once('[') {
            Some((list, index)) => item_edits.push((list, index.trim_end_matches(']'), value)),
            None => *field(entry, &mut v, path) = value.clone(),
        }
    }
    for list in ["importations", "controls.intervals", "vouchers.waves"] {
        let Value::Array(items) = field(entry, &mut v, list) else {
            panic!("{entry}: {list} is not a list");
        };
        let mut kept: Vec<Option<Value>> = items.drain(..).map(Some).collect();
        let mut added = Vec::new();
        for (_, index, value) in item_edits.iter().filter(|e| e.0 == list) {
            if *index == "+" {
                added.extend(value.as_array().expect("list[+] holds an array").clone());
            } else {
                let i: usize = index.parse().expect("list[i]");
                assert!(
                    i < kept.len(),
                    "{entry}: {list}[{i}] is past the preset's list"
                );
                kept[i] = (!value.is_null()).then(|| (*value).clone());
            }
        }
        items.extend(kept.into_iter().flatten());
        items.extend(added);
    }
    v
}

/// (major, minor, patch) of a `model=` value, as the decoder reads it.
fn version(text: &str) -> Option<Vec<u64>> {
    let v: Option<Vec<u64>> = text.split('.').map(|p| p.parse().ok()).collect();
    v.filter(|v| v.len() == 3)
}

fn check_corpus(file: &str, format_version: u32) -> usize {
    let text = std::fs::read_to_string(file).unwrap();
    let corpus: Corpus = serde_json::from_str(&text).unwrap();
    assert_eq!(corpus.format_version, format_version);
    for e in &corpus.entries {
        let d = decode(&e.link);
        let got_a = json(&d.state.a.scenario);
        assert_eq!(
            got_a,
            expected_scenario(&e.name, &e.a),
            "{}: scenario A",
            e.name
        );
        assert_eq!(d.state.a.preset, e.a.preset, "{}", e.name);
        match (&d.state.b, &e.b) {
            (None, None) => {}
            (Some(b), Some(eb)) => {
                assert_eq!(b.preset, eb.preset, "{}", e.name);
                assert_eq!(
                    json(&b.scenario),
                    expected_scenario(&e.name, eb),
                    "{}: scenario B",
                    e.name
                );
            }
            (got, want) => panic!(
                "{}: B is {:?}, expected {:?}",
                e.name,
                got.as_ref().map(|b| &b.preset),
                want.as_ref().map(|b| &b.preset)
            ),
        }
        assert_eq!(
            d.state.lang.map(|l| l.code().to_string()),
            e.lang,
            "{}",
            e.name
        );
        assert_eq!(d.state.seed, e.seed, "{}", e.name);
        assert_eq!(d.state.runs, e.runs, "{}", e.name);

        // The model-version note depends on the model this build runs, so it is checked
        // against MODEL_VERSION rather than recorded.
        let is_model_note = |code: &str| code == "older_model" || code == "newer_model";
        let got: Vec<ExpectedNotice> = d
            .notices
            .iter()
            .filter(|n| !is_model_note(n.problem.code()))
            .map(|n| ExpectedNotice {
                key: n.key.clone(),
                value: n.value.clone(),
                code: n.problem.code().to_string(),
            })
            .collect();
        assert_eq!(got, e.notices, "{}: notices", e.name);
        let model_notes: Vec<&str> = d
            .notices
            .iter()
            .map(|n| n.problem.code())
            .filter(|c| is_model_note(c))
            .collect();
        let link_model = d
            .notices
            .iter()
            .find(|n| n.key == "model")
            .map(|n| n.value.clone())
            .or_else(|| {
                e.link
                    .split(['?', '&', '#'])
                    .find_map(|p| p.strip_prefix("model="))
                    .map(str::to_string)
            });
        let want: Vec<&str> = match link_model.as_deref().and_then(version) {
            Some(v) if v < version(MODEL_VERSION).unwrap() => vec!["older_model"],
            Some(v) if v > version(MODEL_VERSION).unwrap() => vec!["newer_model"],
            _ => vec![],
        };
        assert_eq!(model_notes, want, "{}: model-version note", e.name);
        for n in &d.notices {
            assert!(!n.message(true).is_empty() && !n.message(false).is_empty());
        }
    }
    corpus.entries.len()
}

#[test]
fn every_v1_corpus_link_decodes_as_recorded() {
    let n = check_corpus("tests/links/v1.json", 1);
    assert!(n >= 40, "only {n} entries");
}

/// Prints corpus entries for the links in `tests/links/v1-draft.txt` (name, tab, link; one
/// per line) as they decode today. Used once, by hand, to draft `v1.json`; every entry was
/// then checked against docs/link-format.md before it was committed, and edited where the
/// draft cannot know the intent: a key whose value equals the preset's today must still be
/// listed in `set`, and item keys are written as `list[i]` / `list[+]`, not as the whole list.
/// Never rewrites the corpus.
///
/// `cargo test --test links -- --ignored --nocapture draft_corpus_entries`
#[test]
#[ignore]
fn draft_corpus_entries() {
    let Ok(text) = std::fs::read_to_string("tests/links/v1-draft.txt") else {
        println!("no tests/links/v1-draft.txt");
        return;
    };
    let mut entries = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let (name, link) = line.split_once('\t').expect("name<TAB>link");
        let d = decode(link);
        let side = |n: &Named| {
            let preset = json(&presets::preset(&n.preset).unwrap());
            let got = json(&n.scenario);
            let mut set = serde_json::Map::new();
            diff("", &preset, &got, &mut set);
            serde_json::json!({ "preset": n.preset, "set": set })
        };
        let notices: Vec<ExpectedNotice> = d
            .notices
            .iter()
            .filter(|n| !matches!(n.problem.code(), "older_model" | "newer_model"))
            .map(|n| ExpectedNotice {
                key: n.key.clone(),
                value: n.value.clone(),
                code: n.problem.code().to_string(),
            })
            .collect();
        for n in &d.notices {
            println!("// {name}: {}", n.message(false));
        }
        entries.push(serde_json::json!({
            "name": name,
            "link": link,
            "lang": d.state.lang.map(|l| l.code()),
            "seed": d.state.seed,
            "a": side(&d.state.a),
            "b": d.state.b.as_ref().map(side),
            "notices": notices,
        }));
    }
    println!("{}", serde_json::to_string_pretty(&entries).unwrap());
}

/// Differences at the level of the link's keys: objects recursed except the link's own keys
/// (measures, curves, lists), which a link replaces whole.
fn diff(path: &str, old: &Value, new: &Value, out: &mut serde_json::Map<String, Value>) {
    match (old, new) {
        (Value::Object(o), Value::Object(n)) if !OWN_KEYS.contains(&path) => {
            for (k, nv) in n {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                match o.get(k) {
                    Some(ov) => diff(&p, ov, nv, out),
                    None => {
                        out.insert(p, nv.clone());
                    }
                }
            }
        }
        _ if old != new => {
            out.insert(path.to_string(), new.clone());
        }
        _ => {}
    }
}

// Robustness

const NASTY_VALUES: &[&str] = &[
    "",
    "1e400",
    "-1e400",
    "1e-400",
    "NaN",
    "nan",
    "inf",
    "-inf",
    "infinity",
    "-0",
    "+1",
    ".5",
    "5.",
    "0x10",
    "1_000",
    "99999999999999999999999999999",
    "18446744073709551616",
    "-1",
    "１２",
    "晋中",
    "榆次",
    "💥",
    "e\u{301}",
    "\u{0}",
    "\u{202e}",
    "%",
    "%Z",
    "%ZZ",
    "%FF%FE",
    "%25",
    "%26",
    "%3D",
    "%E6%99%8B",
    "~",
    "~~~~",
    "_",
    "____",
    "none",
    "all",
    "on",
    "off",
    "2022-02-30",
    "2022-02-29",
    "9999-99-99",
    "0000-01-01",
    "2022-04-15_2022-04-14_all_none",
    "2022-04-15_2022-04-20_yuci.yuci_s1",
    "2022-04-15_2022-04-20__s1",
    "2022-04-15_2022-04-20_all_s1s1",
    "2022-04-15_2022-04-20_all_x1",
    "2022-04-15_2022-04-20_all_t1e9",
    "2022-04-15_2022-04-20_all_e1",
    "2022-04-15_2022-04-20_all_",
    "car_1e9_2022-05-01_60_20_all~",
    "car_-1_2022-05-01_0_0_none",
    "2022-02-20_taigu_4_delta~~2022-02-20_taigu_4",
    "2022-02-20_taigu_1e4_omicron_extra",
    "1_1_1_1_1_1_1_1_1_1_1",
    "0_0_0_0_0_0_0_0_0_0_0_1",
    "1_0_0_0_0_0_0_0_0_0_0_1",
    "9.5",
    "6.4",
    "4",
    "0",
    "1",
    "2",
];

const NASTY_KEYS: &[&str] = &[
    "v",
    "model",
    "preset",
    "lang",
    "seed",
    "b.preset",
    "b.seed",
    "b.b.preset",
    "b.",
    "",
    "=",
    "start",
    "end",
    "b.end",
    "importations",
    "importations.0",
    "importations.1",
    "importations.3",
    "importations.01",
    "importations.999999",
    "importations.add",
    "b.importations.add",
    "controls.intervals.add",
    "vouchers.waves.add",
    "vouchers.waves.add.1",
    "importations.9999999999999999999999",
    "controls.intervals",
    "controls.intervals.1",
    "controls.intervals.5",
    "controls.intervals.6",
    "controls.intervals.-1",
    "controls.intervals.1.2",
    "b.controls.intervals.2",
    "controls.zoning.enabled",
    "controls.zoning.measures",
    "vouchers.waves",
    "vouchers.waves.2",
    "b.vouchers.waves.1",
    "projects.planned_starts",
    "projects.planned_completion",
    "housing.start",
    "relief.start",
    "epidemic.r0_delta",
    "epidemic.ifr",
    "controls.zoning.release_days",
    "projects.count",
    "economy.baseline_growth",
    "b.economy.baseline_growth",
    "unknown.key",
    "from",
    "utm_source",
    "amp;seed",
    "%76",
    "晋中",
];

const NASTY_CHARS: &[char] = &[
    '&', '=', '~', '_', '.', '-', '%', '+', '#', '?', ' ', '\n', '\t', ';', ',', '/', ':', '0',
    '1', '9', 'e', 'E', 'a', 'z', '\u{0}', '\u{7f}', 'é', '晋', '💥', '\u{feff}', '\u{fffd}',
];

fn pick<'a, T>(e: &mut impl Entropy, items: &'a [T]) -> &'a T {
    &items[e.below(items.len() as u64) as usize]
}

/// A char boundary of `s` at or below `i`.
fn boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// One mangling of a link: cut, repeat, replace, insert, encode, lengthen.
fn mutate(e: &mut impl Entropy, s: &mut String, other: &str) {
    let parts: Vec<String> = s.split('&').map(str::to_string).collect();
    match e.below(14) {
        0 => {
            let at = boundary(s, e.below(s.len() as u64 + 1) as usize);
            s.truncate(at);
        }
        1 => {
            let p = pick(e, &parts).clone();
            s.push('&');
            s.push_str(&p);
        }
        2 | 3 => {
            let i = e.below(parts.len() as u64) as usize;
            let key = parts[i].split('=').next().unwrap_or("").to_string();
            let mut p = parts.clone();
            p[i] = format!("{key}={}", pick(e, NASTY_VALUES));
            *s = p.join("&");
        }
        4 => {
            let i = e.below(parts.len() as u64) as usize;
            let value = parts[i]
                .split_once('=')
                .map(|x| x.1)
                .unwrap_or("")
                .to_string();
            let mut p = parts.clone();
            p[i] = format!("{}={value}", pick(e, NASTY_KEYS));
            *s = p.join("&");
        }
        5 => {
            s.push('&');
            s.push_str(pick::<&str>(e, NASTY_KEYS));
            s.push('=');
            s.push_str(pick::<&str>(e, NASTY_VALUES));
        }
        6 => {
            // Percent-encode a stretch, as an over-eager client would.
            let a = boundary(s, e.below(s.len() as u64 + 1) as usize);
            let b = boundary(s, a + e.below(20) as usize);
            let encoded: String = s[a..b].bytes().map(|c| format!("%{c:02X}")).collect();
            s.replace_range(a..b, &encoded);
        }
        7 => {
            for _ in 0..1 + e.below(4) {
                let at = boundary(s, e.below(s.len() as u64 + 1) as usize);
                s.insert(at, *pick(e, NASTY_CHARS));
            }
        }
        8 => {
            let a = boundary(s, e.below(s.len() as u64 + 1) as usize);
            let b = boundary(s, a + e.below(30) as usize);
            s.replace_range(a..b, "");
        }
        9 => {
            // Very long: just under, at and over the limit, or far over.
            let target = match e.below(4) {
                0 => MAX_LINK_LENGTH - e.below(20) as usize,
                1 => MAX_LINK_LENGTH,
                2 => MAX_LINK_LENGTH + 1 + e.below(20) as usize,
                _ => MAX_LINK_LENGTH * (2 + e.below(20) as usize),
            };
            let unit = if s.is_empty() {
                "v=1&".to_string()
            } else {
                format!("&{s}")
            };
            while s.len() < target {
                s.push_str(&unit);
            }
            let at = boundary(s, target);
            s.truncate(at);
        }
        10 => {
            // A long value: digits, separators or letters.
            let fill = *pick(e, &['9', '~', '_', '.', 'a', '0', '%']);
            let n = e.below(MAX_LINK_LENGTH as u64) as usize;
            s.push_str("&epidemic.r0_delta=");
            s.extend(std::iter::repeat_n(fill, n));
        }
        11 => {
            // Splice with another link.
            let a = boundary(s, e.below(s.len() as u64 + 1) as usize);
            let b = boundary(other, e.below(other.len() as u64 + 1) as usize);
            s.truncate(a);
            s.push_str(&other[b..]);
        }
        12 => {
            // Swap separators.
            let from = *pick(e, &['&', '=', '~', '_', '.', '-']);
            let to = *pick(e, &['&', '=', '~', '_', '.', '-', ',', ';']);
            let n = e.below(3) as usize + 1;
            *s = s.replacen(from, &to.to_string(), n);
        }
        _ => {
            // Random text from the link alphabet.
            let n = e.below(120) as usize;
            s.clear();
            for _ in 0..n {
                if e.below(4) == 0 {
                    s.push_str(pick::<&str>(e, NASTY_KEYS));
                } else {
                    s.push(*pick(e, NASTY_CHARS));
                }
            }
        }
    }
}

/// A URL around the query, sometimes.
fn dress(e: &mut impl Entropy, q: &str) -> String {
    match e.below(6) {
        0 => format!("https://recovery-lab.example/?{q}"),
        1 => format!("#{q}"),
        2 => format!("?{q}"),
        3 => format!("<https://recovery-lab.example/lab/?{q}#compare>."),
        _ => q.to_string(),
    }
}

/// Decodes `input`; checks that nothing panics, both scenarios are valid, every notice
/// renders, and the state re-encodes to a link that decodes to itself without notices.
fn check_robust(input: &str) {
    let result = catch_unwind(AssertUnwindSafe(|| {
        let d: Decoded = decode(input);
        assert_eq!(validate::validate(&d.state.a.scenario), Ok(()));
        if let Some(b) = &d.state.b {
            assert_eq!(validate::validate(&b.scenario), Ok(()));
        }
        for n in &d.notices {
            assert!(!n.message(true).is_empty());
            assert!(!n.message(false).is_empty());
            assert!(n.value.chars().count() <= 41 && n.key.chars().count() <= 81);
        }
        let again = encode(&d.state);
        if again.len() <= MAX_LINK_LENGTH {
            let d2 = decode(&again);
            assert_eq!(d2.notices, vec![], "re-encoded: {again}");
            assert!(d2.state == d.state, "re-encoded: {again}");
        }
        d.notices.len()
    }));
    if result.is_err() {
        let shown: String = input.escape_debug().take(6000).collect();
        panic!(
            "decoding failed on input ({} bytes): \"{shown}\"",
            input.len()
        );
    }
}

/// `n` inputs: valid links of random states, each mangled 1 to 4 times (and some left whole).
fn fuzz(seed: u64, n: u64) -> (u64, u64) {
    let mut e = Stream(seed);
    let mut other = encode(&link_state(&mut e));
    let mut over_limit = 0;
    let mut base = String::new();
    for i in 0..n {
        // A new base state every 8 inputs keeps most of the time on mangling.
        if i % 8 == 0 {
            other = std::mem::take(&mut base);
            base = encode(&link_state(&mut e));
        }
        let mut s = base.clone();
        if e.below(10) != 0 {
            for _ in 0..1 + e.below(4) {
                mutate(&mut e, &mut s, &other);
            }
        }
        let input = dress(&mut e, &s);
        if input.len() > MAX_LINK_LENGTH {
            over_limit += 1;
        }
        check_robust(&input);
    }
    (n, over_limit)
}

#[test]
fn mangled_links_never_panic_sample() {
    let cases = std::env::var("LINK_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_000);
    let (n, over) = fuzz(0x5eed_0001, cases);
    println!("{n} mangled inputs decoded, {over} over the length limit");
}

/// The full robustness run: `scripts/fuzz-links.sh` (release mode).
#[test]
#[ignore]
fn fuzz_million() {
    let cases = std::env::var("LINK_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let seed = std::env::var("LINK_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x5eed_1000);
    let started = std::time::Instant::now();
    let (n, over) = fuzz(seed, cases);
    println!(
        "fuzz: {n} inputs (seed {seed}), {over} over the length limit, no panic, {:.1} s",
        started.elapsed().as_secs_f64()
    );
}

#[test]
fn known_hard_inputs_never_panic() {
    let long = "a".repeat(MAX_LINK_LENGTH + 1);
    let at_limit = format!("v=1&epidemic.r0_delta={}", "9".repeat(MAX_LINK_LENGTH - 22));
    for input in [
        "",
        "?",
        "#",
        "&&&",
        "=",
        "==",
        "%",
        "%%%",
        "v",
        "v=",
        "b.",
        "b.=",
        "b.preset",
        "importations.1=none&importations.1=none",
        "controls.intervals.99=none",
        "controls.intervals.5=2022-01-01_2022-01-02_all_none&controls.intervals.7=2022-01-01_2022-01-02_all_none",
        "controls.intervals=none&controls.intervals.1=2022-01-01_2022-01-02_all_none",
        "importations=2022-02-20_taigu_4_delta&importations.2=none",
        "start=2024-01-01&end=2022-01-01",
        "end=2030-01-01",
        "projects.planned_completion=1_1_1_1_1_1_1_1_1_1_1_0.5",
        "seed=18446744073709551616",
        "model=1.0",
        "model=99999999999999999999.0.0",
        long.as_str(),
        at_limit.as_str(),
        "晋中=榆次",
        "\u{0}=\u{0}",
    ] {
        check_robust(input);
    }
}
