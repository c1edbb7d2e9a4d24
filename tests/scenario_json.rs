//! A scenario's JSON text (the runner's `--scenario` file, the page's export and import, the
//! ensemble worker's input), read and written by `crates/scenario/src/scenario/file.rs` with `recovery_lab::json`.
//!
//! What is written for every preset and a few edited scenarios is kept in
//! `tests/scenario_json/*.json`: the text serde_json wrote when the scenario still derived
//! serde's traits, so files exported by earlier releases read back the same and the text never
//! changes unnoticed. Likewise `accepted-changes.txt` keeps which of 2,761 changed texts serde
//! accepted: the reader accepts exactly those and refuses the rest. Then the messages a planner
//! reads when a file is refused.

use std::collections::BTreeSet;
use std::fs;

use recovery_lab::json::{self, Kind, ToJson, Value};
use recovery_lab::scenario::presets::{self, PRESET_NAMES};
use recovery_lab::scenario::{
    ControlInterval, Date, District, Importation, Scenario, Target, Variant, VoucherKind,
    VoucherWave,
};

/// The fixture file `name`.
fn fixture_file(name: &str) -> String {
    let path = format!("{}/tests/scenario_json/{name}", env!("CARGO_MANIFEST_DIR"));
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The scenario fixture named `name`.
fn fixture(name: &str) -> String {
    fixture_file(&format!("{name}.json"))
}

/// Scenarios a planner could have edited: every kind of target, variant and voucher, empty
/// lists, and numbers whose shortest text is unusual (exponents, the extremes of `f64` and
/// `u32`, negative zero).
fn edited() -> Vec<(&'static str, Scenario)> {
    let mut targets = presets::jinzhong_2022();
    targets.controls.intervals[0].districts =
        Target::Districts(vec![District::Pingyao, District::Yuci]);
    targets.controls.intervals.push(ControlInterval {
        start: Date::ymd(2022, 6, 1),
        end: Date::ymd(2022, 6, 1),
        districts: Target::Districts(vec![District::Yushe]),
        measures: presets::no_measures(),
    });
    targets.controls.zoning.enabled = true;
    targets.controls.zoning.measures.testing_every_days = 3;
    targets.importations.push(Importation {
        date: Date::ymd(2022, 7, 9),
        district: District::Zuoquan,
        count: 0.5,
        variant: Variant::Omicron,
    });
    targets.vouchers.waves.push(VoucherWave {
        kind: VoucherKind::Car,
        budget_yuan: 12_345_678.9,
        start: Date::ymd(2022, 8, 1),
        validity_days: 45,
        redemption_days: 7.25,
        districts: Target::Districts(vec![District::Jiexiu, District::Lingshi, District::Qi]),
    });

    let mut empty = presets::no_outbreak();
    empty.controls.intervals.clear();
    empty.vouchers.waves.clear();
    empty.importations.clear();

    let mut numbers = presets::jinzhong_2022();
    numbers.epidemic.ifr = 0.1 + 0.2;
    numbers.epidemic.extinction_threshold = 1e-7;
    numbers.epidemic.checkpoint_cut = 5e-324;
    numbers.economy.gdp_2021_yuan = f64::MAX;
    numbers.economy.retail_sales_yuan = 1e21;
    numbers.economy.sme_count = 123_456_789_012_345_680_000.0;
    numbers.economy.employment = 1e15;
    numbers.economy.fear_per_doubling = -0.0;
    numbers.projects.count = u32::MAX;
    numbers.projects.planned_starts[3] = 1.0 / 3.0;
    numbers.housing.duration_days = 0;
    numbers.start = Date::ymd(1970, 1, 1);
    numbers.end = Date::ymd(2000, 2, 29);
    numbers.relief.start = Date::ymd(9999, 12, 31);

    vec![
        ("edited-targets", targets),
        ("edited-empty", empty),
        ("edited-numbers", numbers),
    ]
}

/// Every preset and every edited scenario, by fixture name.
fn cases() -> Vec<(&'static str, Scenario)> {
    let mut all: Vec<(&'static str, Scenario)> = PRESET_NAMES
        .iter()
        .map(|&name| (name, presets::preset(name).unwrap()))
        .collect();
    all.extend(edited());
    all
}

#[test]
fn json_writes_the_fixture_text_and_reads_it_back() {
    for (name, scenario) in cases() {
        let text = fixture(name);
        assert_eq!(json::to_string_pretty(&scenario) + "\n", text, "{name}");
        let read: Scenario = json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(read, scenario, "{name}");
        // Compact (the text the page hands its ensemble workers): the same without spaces.
        let compact = json::to_string(&scenario);
        assert_eq!(
            compact,
            json::to_string(&Raw(json::parse(&text).unwrap())),
            "{name}"
        );
        assert!(!compact.contains(['\n', ' ']), "{name}");
        assert_eq!(
            json::from_str::<Scenario>(&compact).unwrap(),
            scenario,
            "{name}"
        );
    }
}

// Changed texts: accepted and refused as before

/// A tree written back as text.
struct Raw(Value);

impl ToJson for Raw {
    fn to_json(&self) -> Value {
        self.0.clone()
    }
}

/// Values put in place of each value of a scenario: every type, numbers a whole-number field
/// refuses, each kind of name, both spellings of a target.
const REPLACEMENTS: [&str; 22] = [
    "null",
    "true",
    "0",
    "-1",
    "2.5",
    "1e2",
    "4294967296",
    "\"x\"",
    "\"all\"",
    "\"districts\"",
    "\"2022-03-01\"",
    "\"2022-02-30\"",
    "\"yuci\"",
    "\"car\"",
    "\"omicron\"",
    "[]",
    "{}",
    "{\"all\": null}",
    "{\"yuci\": null}",
    "{\"districts\": [\"qi\"]}",
    "{\"districts\": []}",
    "{\"districts\": [\"qi\"], \"x\": 1}",
];

/// One change to a scenario's text: what it is (`path = value`, `path removed`, …) and the
/// changed text.
struct Mutation {
    what: String,
    text: String,
}

/// An object's members, in order.
type Members = Vec<(String, Value)>;

/// `root`'s text with the members of the object at `path` changed by `f`.
fn with_members(root: &Value, path: &[Step], f: &dyn Fn(&mut Members)) -> String {
    json::to_string_pretty(&Raw(replace(root, path, &|v| {
        let Kind::Object(mut members) = v.kind.clone() else {
            unreachable!("{} is an object", show(path))
        };
        f(&mut members);
        Value::new(Kind::Object(members))
    })))
}

/// Every change of one value of `root`: each value (in lists, the first item's) replaced by
/// each of [`REPLACEMENTS`]; each member of each object removed, written twice, and an unknown
/// member added.
fn mutations(root: &Value) -> Vec<Mutation> {
    fn walk(root: &Value, node: &Value, path: &mut Vec<Step>, out: &mut Vec<Mutation>) {
        let shown = show(path);
        for r in REPLACEMENTS {
            let new = json::parse(r).unwrap();
            out.push(Mutation {
                what: format!("{shown} = {r}"),
                text: json::to_string_pretty(&Raw(replace(root, path, &|_| new.clone()))),
            });
        }
        match &node.kind {
            Kind::Object(members) => {
                for (i, (key, _)) in members.iter().enumerate() {
                    out.push(Mutation {
                        what: format!("{shown}.{key} removed"),
                        text: with_members(root, path, &|m| {
                            m.remove(i);
                        }),
                    });
                    out.push(Mutation {
                        what: format!("{shown}.{key} twice"),
                        text: with_members(root, path, &|m| m.push(m[i].clone())),
                    });
                }
                out.push(Mutation {
                    what: format!("{shown}.unknown_field added"),
                    text: with_members(root, path, &|m| {
                        m.push(("unknown_field".into(), Value::new(Kind::Number("1".into()))))
                    }),
                });
                for (key, child) in members {
                    path.push(Step::Key(key.clone()));
                    walk(root, child, path, out);
                    path.pop();
                }
            }
            Kind::Array(items) => {
                if let Some(first) = items.first() {
                    path.push(Step::Item(0));
                    walk(root, first, path, out);
                    path.pop();
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(root, root, &mut Vec::new(), &mut out);
    out
}

#[derive(Clone)]
enum Step {
    Key(String),
    Item(usize),
}

fn show(path: &[Step]) -> String {
    let mut s = String::from("$");
    for step in path {
        match step {
            Step::Key(k) => s.push_str(&format!(".{k}")),
            Step::Item(i) => s.push_str(&format!("[{i}]")),
        }
    }
    s
}

/// `root` with the value at `path` replaced by `f` of it.
fn replace(root: &Value, path: &[Step], f: &dyn Fn(&Value) -> Value) -> Value {
    let Some((step, rest)) = path.split_first() else {
        return f(root);
    };
    let kind = match (&root.kind, step) {
        (Kind::Object(members), Step::Key(key)) => Kind::Object(
            members
                .iter()
                .map(|(k, v)| {
                    (
                        k.clone(),
                        if k == key {
                            replace(v, rest, f)
                        } else {
                            v.clone()
                        },
                    )
                })
                .collect(),
        ),
        (Kind::Array(items), Step::Item(i)) => Kind::Array(
            items
                .iter()
                .enumerate()
                .map(|(j, v)| {
                    if j == *i {
                        replace(v, rest, f)
                    } else {
                        v.clone()
                    }
                })
                .collect(),
        ),
        _ => unreachable!(),
    };
    Value::new(kind)
}

/// The base of the changed texts: it has both spellings of a target, each variant and a car
/// voucher wave among the first items of its lists.
const MUTATED: &str = "edited-targets";

/// The changes serde accepted (`tests/scenario_json/accepted-changes.txt`, one a line),
/// recorded while it still read scenarios (and `json` was checked against it change by
/// change); it refused every other change of [`mutations`].
fn accepted_changes() -> BTreeSet<String> {
    fixture_file("accepted-changes.txt")
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn json_accepts_exactly_the_changes_serde_accepted() {
    let root = json::parse(&fixture(MUTATED)).unwrap();
    let all = mutations(&root);
    assert!(all.len() > 2_500, "{} changes", all.len());
    let accepted: BTreeSet<String> = all
        .into_iter()
        .filter(|m| json::from_str::<Scenario>(&m.text).is_ok())
        .map(|m| m.what)
        .collect();
    assert_eq!(accepted, accepted_changes());
}

// Messages a planner reads

/// The default scenario's text with the first `from` replaced by `to`.
fn changed(from: &str, to: &str) -> String {
    let text = fixture("jinzhong-2022");
    assert!(text.contains(from), "{from}");
    text.replacen(from, to, 1)
}

/// Why `text` is refused.
fn refusal(text: &str) -> String {
    json::from_str::<Scenario>(text).unwrap_err().to_string()
}

/// The first control interval's target in the default scenario's text.
const TAIGU: &str =
    "\"districts\": {\n          \"districts\": [\n            \"taigu\"\n          ]\n        }";

#[test]
fn refusals_say_what_and_where() {
    let cases = [
        (
            changed("\"r0_delta\"", "\"r0_deltx\""),
            "epidemic: unknown field `r0_deltx` at line 5 column 17",
        ),
        (
            changed("    \"ifr\": 0.0009,\n", ""),
            "epidemic: missing field `ifr` at line 4 column 15",
        ),
        (
            changed("    \"gdp_2021_yuan\": 184340000000.0,\n", ""),
            "economy: missing field `gdp_2021_yuan` at line 264 column 14",
        ),
        (
            changed(
                "\"r0_omicron\": 5.0,",
                "\"r0_omicron\": 5.0, \"r0_delta\": 5.5,",
            ),
            "epidemic: duplicate field `r0_delta` at line 6 column 36",
        ),
        (
            changed("\"start\": \"2022-01-01\"", "\"start\": 20220101"),
            "start: invalid type: number `20220101`, expected a string at line 2 column 12",
        ),
        (
            changed("\"end\": \"2022-12-31\"", "\"end\": \"2022-02-30\""),
            "end: \"2022-02-30\" is not a date of the form YYYY-MM-DD at line 3 column 10",
        ),
        (
            changed("\"ifr\": 0.0009", "\"ifr\": \"0.0009\""),
            "epidemic.ifr: invalid type: string \"0.0009\", expected a number at line 15 column 12",
        ),
        (
            changed("\"testing_every_days\": 1,", "\"testing_every_days\": -1,"),
            "controls.intervals[0].measures.testing_every_days: `-1` is not a whole number \
             from 0 to 4294967295 at line 56 column 33",
        ),
        (
            changed("\"testing_every_days\": 2,", "\"testing_every_days\": 2.5,"),
            "controls.intervals[1].measures.testing_every_days: `2.5` is not a whole number \
             from 0 to 4294967295 at line 76 column 33",
        ),
        (
            changed("\"district\": \"yuci\"", "\"district\": \"atlantis\""),
            "importations[1].district: unknown district \"atlantis\", expected one of \"yuci\", \
             \"taigu\", \"qi\", \"pingyao\", \"lingshi\", \"jiexiu\", \"shouyang\", \"xiyang\", \
             \"heshun\", \"zuoquan\", \"yushe\" at line 35 column 19",
        ),
        (
            changed("\"variant\": \"delta\"", "\"variant\": \"alpha\""),
            "importations[0].variant: unknown variant \"alpha\", expected one of \"delta\", \
             \"omicron\" at line 31 column 18",
        ),
        (
            changed("\"taigu\"\n", "\"atlantis\"\n"),
            "controls.intervals[0].districts.districts[0]: unknown district \"atlantis\", \
             expected one of \"yuci\", \"taigu\", \"qi\", \"pingyao\", \"lingshi\", \"jiexiu\", \
             \"shouyang\", \"xiyang\", \"heshun\", \"zuoquan\", \"yushe\" at line 47 column 13",
        ),
        (
            changed(
                "\"districts\": {",
                "\"districts\": \"everywhere\", \"x\": {",
            ),
            "controls.intervals[0]: unknown field `x` at line 45 column 41",
        ),
        (
            changed(TAIGU, "\"districts\": \"taigu\""),
            "controls.intervals[0].districts: unknown target \"taigu\", expected \"all\" or \
             {\"districts\": [...]} at line 45 column 22",
        ),
        (
            changed(TAIGU, "\"districts\": 3"),
            "controls.intervals[0].districts: invalid type: number `3`, expected \"all\" or \
             {\"districts\": [...]} at line 45 column 22",
        ),
        (
            changed("\"planned_starts\": [\n      0.3,", "\"planned_starts\": ["),
            "projects.planned_starts: invalid length 11, expected an array of 12 (one value a \
             month) at line 225 column 23",
        ),
        (
            changed("\"enabled\": true", "\"enabled\": 1"),
            "controls.zoning.enabled: invalid type: number `1`, expected a boolean at line 180 \
             column 18",
        ),
        (
            changed("\"ifr\": 0.0009", "\"ifr\": 1e400"),
            "epidemic.ifr: number out of range at line 15 column 12",
        ),
        // Not JSON: where, without a path.
        (
            changed("\"ifr\": 0.0009,", "\"ifr\": 0.0009,,"),
            "key must be a string at line 15 column 19",
        ),
        (
            "[]".to_string(),
            "invalid type: an array, expected an object at line 1 column 1",
        ),
        (
            String::new(),
            "EOF while parsing a value at line 1 column 1",
        ),
    ];
    let mut wrong = Vec::new();
    for (text, says) in &cases {
        let got = refusal(text);
        if got != *says {
            wrong.push(format!("want {says}\n got {got}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn a_file_from_before_the_delta_asymptomatic_share_reads_with_0_3() {
    let old = changed("    \"asymptomatic_share_delta\": 0.3,\n", "");
    let read: Scenario = json::from_str(&old).unwrap();
    assert_eq!(read.epidemic.asymptomatic_share_delta, 0.3);
    assert_eq!(read, presets::jinzhong_2022());
    // Written, the field is there.
    assert_eq!(
        json::to_string_pretty(&read) + "\n",
        fixture("jinzhong-2022")
    );
    let set = changed(
        "\"asymptomatic_share_delta\": 0.3",
        "\"asymptomatic_share_delta\": 0.45",
    );
    let read: Scenario = json::from_str(&set).unwrap();
    assert_eq!(read.epidemic.asymptomatic_share_delta, 0.45);
    assert_eq!(json::to_string_pretty(&read) + "\n", set);
}

#[test]
fn both_spellings_of_a_name_read_the_same_and_the_short_one_is_written() {
    let long = changed("\"district\": \"yuci\"", "\"district\": {\"yuci\": null}");
    let long = long.replacen(
        "\"variant\": \"delta\"",
        "\"variant\": {\"delta\": null}",
        1,
    );
    let read: Scenario = json::from_str(&long).unwrap();
    assert_eq!(read, presets::jinzhong_2022());
    assert_eq!(
        json::to_string_pretty(&read) + "\n",
        fixture("jinzhong-2022")
    );
}
