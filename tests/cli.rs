//! The command-line runner end to end: the built `recovery-lab-cli` binary, its summary JSON,
//! its CSV, the preset round trip through `--scenario`, and its refusal of bad input (exit
//! code 2, one line on stderr, nothing written).

use recovery_lab::json;
use recovery_lab::scenario::presets::{self, PRESET_NAMES};
use recovery_lab::scenario::DISTRICTS;
use recovery_lab::sim::{Area, Indicator};
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_recovery-lab-cli");

/// The summary's top-level keys (README, "Command-line runner").
const SUMMARY_KEYS: [&str; 16] = [
    "model_version",
    "infections_total",
    "detected_total",
    "peak_isolated",
    "deaths_total",
    "gdp_loss_yuan",
    "gdp_loss_pct",
    "retail_loss_yuan",
    "jobs_lost_trough",
    "smes_closed",
    "fiscal_cost_yuan",
    "gdp_kept_per_yuan",
    "fai_completed_pct",
    "projects_started",
    "recovery_date",
    "districts",
];

const CHECK_DATES: [&str; 3] = ["2022-04-30", "2022-06-30", "2022-12-31"];

fn cli(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .output()
        .expect("the runner starts")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).expect("stderr is UTF-8")
}

/// Runs the CLI and expects success.
fn ok(args: &[&str]) -> String {
    let out = cli(args);
    assert!(out.status.success(), "{args:?} failed: {}", stderr(&out));
    stdout(&out)
}

/// A fresh, empty scratch folder for one test.
fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("recovery-lab-cli-{}-{test}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn path_str(p: &Path) -> &str {
    p.to_str().expect("temp paths are UTF-8")
}

#[test]
fn summary_has_every_key() {
    let v: Value = serde_json::from_str(&ok(&["run", "--preset", "jinzhong-2022", "--summary"]))
        .expect("--summary prints JSON");
    let obj = v.as_object().unwrap();
    for key in SUMMARY_KEYS {
        assert!(obj.contains_key(key), "missing {key}");
    }
    assert_eq!(v["model_version"], recovery_lab::sim::MODEL_VERSION);
    for key in SUMMARY_KEYS {
        match key {
            "model_version" | "fai_completed_pct" | "projects_started" | "districts" => {}
            "gdp_kept_per_yuan" => assert!(v[key].is_number() || v[key].is_null(), "{key}"),
            "recovery_date" => {
                let date = &v[key];
                assert!(
                    date.is_null()
                        || date
                            .as_str()
                            .unwrap()
                            .parse::<recovery_lab::scenario::Date>()
                            .is_ok(),
                    "{date}"
                );
            }
            _ => assert!(v[key].is_number(), "{key} = {}", v[key]),
        }
    }
    for key in ["fai_completed_pct", "projects_started"] {
        for date in CHECK_DATES {
            assert!(v[key][date].is_number(), "{key}.{date}");
        }
    }
    let districts = v["districts"].as_object().unwrap();
    assert_eq!(districts.len(), DISTRICTS.len());
    for d in DISTRICTS {
        for key in ["infections_total", "detected_total"] {
            assert!(v["districts"][d.id()][key].is_number(), "{}.{key}", d.id());
        }
    }
}

/// Every number of an ensemble summary is `{"value", "p5", "p95"}` with p5 ≤ value ≤ p95.
fn check_bands(v: &Value, path: &str) {
    match v {
        Value::Object(map) if map.contains_key("p5") => {
            assert_eq!(map.len(), 3, "{path}: {v}");
            let (p5, value, p95) = (&map["p5"], &map["value"], &map["p95"]);
            if let (Some(a), Some(b), Some(c)) = (p5.as_f64(), value.as_f64(), p95.as_f64()) {
                assert!(a <= b && b <= c, "{path}: {v}");
            } else if path != ".recovery_date" {
                panic!("{path}: {v}");
            }
        }
        Value::Object(map) => {
            for (k, x) in map {
                check_bands(x, &format!("{path}.{k}"));
            }
        }
        Value::Number(_) => panic!("{path} has no band: {v}"),
        _ => {}
    }
}

#[test]
fn ensemble_summary_gives_every_number_a_band() {
    let v: Value = serde_json::from_str(&ok(&["run", "--runs", "4", "--seed", "3"])).unwrap();
    assert_eq!(v["runs"], 4);
    assert_eq!(v["seed"], 3);
    assert_eq!(v["model_version"], recovery_lab::sim::MODEL_VERSION);
    for key in SUMMARY_KEYS {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    let mut rest = v.clone();
    for key in ["runs", "seed", "model_version", "gdp_kept_per_yuan"] {
        rest.as_object_mut().unwrap().remove(key);
    }
    check_bands(&rest, "");
    assert!(v["fai_completed_pct"]["2022-04-30"]["p95"].is_number());
    assert!(v["districts"]["taigu"]["infections_total"]["value"].is_number());
}

#[test]
fn csv_has_the_header_and_one_row_per_day_area_indicator() {
    let dir = scratch("csv");
    let file = dir.join("out.csv");
    let out = ok(&["run", "--preset", "no-outbreak", "--csv", path_str(&file)]);
    assert_eq!(out, "", "--csv alone prints nothing");
    let text = fs::read_to_string(&file).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "date,district,indicator,value");
    let s = presets::preset("no-outbreak").unwrap();
    let days = s.end.days_since(s.start) as usize + 1;
    assert_eq!(lines.len() - 1, days * 12 * Indicator::COUNT);
    assert_eq!(Area::COUNT, 12);
    // The first day, in order: every indicator of yuci, …, then the city.
    let mut expected = Vec::new();
    for area in Area::all() {
        for ind in Indicator::ALL {
            expected.push(format!("2022-01-01,{},{}", area.id(), ind.key()));
        }
    }
    for (line, want) in lines[1..].iter().zip(&expected) {
        let (head, value) = line.rsplit_once(',').unwrap();
        assert_eq!(head, want);
        let x: f64 = value.parse().unwrap();
        assert!(x.is_finite());
    }
    let last_key = Indicator::ALL[Indicator::COUNT - 1].key();
    assert!(lines
        .last()
        .unwrap()
        .starts_with(&format!("2022-12-31,city,{last_key},")));
    // No temporary file left behind.
    assert_eq!(fs::read_dir(&dir).unwrap().count(), 1);
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn csv_and_summary_together() {
    let dir = scratch("csv-summary");
    let file = dir.join("out.csv");
    let out = ok(&["run", "--csv", path_str(&file), "--summary"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert!(v["infections_total"].is_number());
    assert!(fs::metadata(&file).unwrap().len() > 0);
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn ensemble_csv_has_the_city_bands() {
    let dir = scratch("csv-bands");
    let file = dir.join("bands.csv");
    ok(&["run", "--runs", "3", "--csv", path_str(&file)]);
    let text = fs::read_to_string(&file).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "band,date,district,indicator,value");
    let s = presets::jinzhong_2022();
    let rows = (s.end.days_since(s.start) as usize + 1) * Indicator::COUNT;
    let bands = ["p5", "p25", "p50", "p75", "p95"];
    assert_eq!(lines.len(), 1 + bands.len() * rows);
    for (i, band) in bands.iter().enumerate() {
        let block = &lines[1 + i * rows..1 + (i + 1) * rows];
        assert!(block.iter().all(|l| l.starts_with(&format!("{band},"))));
        assert!(block.iter().all(|l| l.split(',').nth(2) == Some("city")));
        assert_eq!(
            block[0].rsplit_once(',').unwrap().0,
            format!("{band},2022-01-01,city,new_infections")
        );
    }
    // Pointwise quantiles: p5 ≤ p50 ≤ p95 on every row.
    let value = |l: &str| l.rsplit_once(',').unwrap().1.parse::<f64>().unwrap();
    for r in 1..=rows {
        let (lo, mid, hi) = (
            value(lines[r]),
            value(lines[r + 2 * rows]),
            value(lines[r + 4 * rows]),
        );
        assert!(
            lo <= mid && mid <= hi,
            "{} / {} / {}",
            lines[r],
            lines[r + 2 * rows],
            lines[r + 4 * rows]
        );
    }
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn every_preset_round_trips_through_scenario_and_run() {
    let dir = scratch("round-trip");
    for name in PRESET_NAMES {
        let text = ok(&["scenario", "--preset", name]);
        // The printed JSON is the preset, and reads back unchanged.
        let parsed: recovery_lab::scenario::Scenario = json::from_str(&text).unwrap();
        assert_eq!(parsed, presets::preset(name).unwrap(), "{name}");
        assert_eq!(json::to_string_pretty(&parsed) + "\n", text, "{name}");
        let file = dir.join(format!("{name}.json"));
        fs::write(&file, &text).unwrap();
        let from_file = ok(&["run", "--scenario", path_str(&file), "--summary"]);
        let from_preset = ok(&["run", "--preset", name, "--summary"]);
        assert_eq!(from_file, from_preset, "{name}");
    }
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn help_prints_usage() {
    let out = ok(&["help"]);
    assert!(out.contains("recovery-lab-cli run"));
    assert!(out.contains("recovery-lab-cli scenario --preset NAME"));
}

/// A bad input: its arguments (with `{dir}` replaced by the scratch folder) and a word the
/// error must contain.
struct Bad {
    args: &'static [&'static str],
    says: &'static str,
}

#[test]
fn bad_input_exits_2_with_one_line_and_writes_nothing() {
    let dir = scratch("bad");
    let preset = presets::jinzhong_2022();
    let write_json = |name: &str, text: String| fs::write(dir.join(name), text).unwrap();
    let pretty = |v: &Value| serde_json::to_string_pretty(v).unwrap();
    let base: Value = serde_json::from_str(&json::to_string(&preset)).unwrap();

    write_json("syntax.json", "{\"start\": \"2022-01-01\",".into());
    write_json("empty.json", String::new());
    let mut v = base.clone();
    v["epidemic"]["r0_deltx"] = 5.0.into();
    write_json("unknown-field.json", pretty(&v));
    let mut v = base.clone();
    v["epidemic"]["r0_delta"] = 9.0.into();
    write_json("out-of-range.json", pretty(&v));
    let mut v = base.clone();
    v["controls"]["intervals"][0]["start"] = "2022-03-10".into();
    v["controls"]["intervals"][0]["end"] = "2022-03-01".into();
    write_json("interval.json", pretty(&v));
    let mut v = base.clone();
    v["end"] = "2022-02-30".into();
    write_json("bad-date.json", pretty(&v));
    let mut v = base.clone();
    v["end"] = "2030-01-01".into();
    write_json("too-long.json", pretty(&v));
    let mut v = base.clone();
    v["controls"]["intervals"][0]["districts"] = serde_json::json!({"districts": ["atlantis"]});
    write_json("district.json", pretty(&v));
    let mut v = base.clone();
    v.as_object_mut().unwrap().remove("economy");
    write_json("missing-field.json", pretty(&v));

    let cases = [
        Bad {
            args: &[],
            says: "no command",
        },
        Bad {
            args: &["walk"],
            says: "unknown command",
        },
        Bad {
            args: &["run", "--preset", "atlantis"],
            says: "unknown preset",
        },
        Bad {
            args: &["scenario", "--preset", "atlantis"],
            says: "unknown preset",
        },
        Bad {
            args: &["scenario"],
            says: "--preset",
        },
        Bad {
            args: &["run", "--fast"],
            says: "unknown option --fast",
        },
        Bad {
            args: &["run", "--preset"],
            says: "needs a value",
        },
        Bad {
            args: &[
                "run",
                "--preset",
                "no-outbreak",
                "--scenario",
                "{dir}/x.json",
            ],
            says: "only one of",
        },
        Bad {
            args: &["run", "--scenario", "{dir}/missing.json"],
            says: "cannot read",
        },
        Bad {
            args: &["run", "--scenario", "{dir}"],
            says: "cannot read",
        },
        Bad {
            args: &["run", "--scenario", "{dir}/syntax.json"],
            says: "not a valid scenario",
        },
        Bad {
            args: &["run", "--scenario", "{dir}/empty.json"],
            says: "not a valid scenario",
        },
        Bad {
            args: &["run", "--scenario", "{dir}/unknown-field.json"],
            says: "unknown field `r0_deltx`",
        },
        Bad {
            args: &["run", "--scenario", "{dir}/missing-field.json"],
            says: "missing field `economy`",
        },
        Bad {
            args: &["run", "--scenario", "{dir}/bad-date.json"],
            says: "2022-02-30",
        },
        Bad {
            args: &["run", "--scenario", "{dir}/district.json"],
            says: "atlantis",
        },
        Bad {
            args: &["run", "--scenario", "{dir}/out-of-range.json"],
            says: "epidemic.r0_delta = 9: allowed 4 to 6.4",
        },
        Bad {
            args: &["run", "--scenario", "{dir}/interval.json"],
            says: "controls.intervals[0].end = 2022-03-01",
        },
        Bad {
            args: &["run", "--scenario", "{dir}/too-long.json"],
            says: "end = 2030-01-01",
        },
        Bad {
            args: &["run", "--seed", "abc"],
            says: "invalid --seed",
        },
        Bad {
            args: &["run", "--seed", "-1"],
            says: "invalid --seed",
        },
        Bad {
            args: &["run", "--seed", "18446744073709551616"],
            says: "invalid --seed",
        },
        Bad {
            args: &["run", "--runs", "0"],
            says: "invalid --runs",
        },
        Bad {
            args: &["run", "--runs", "10001"],
            says: "invalid --runs",
        },
        Bad {
            args: &["run", "--runs", "2.5"],
            says: "invalid --runs",
        },
        Bad {
            args: &["run", "--runs", "1001"],
            says: "at most 1000 runs",
        },
        Bad {
            args: &["run", "--seed", "1", "--seed", "2"],
            says: "given twice",
        },
        Bad {
            args: &["run", "--summary=yes"],
            says: "takes no value",
        },
    ];
    let csv = dir.join("out.csv");
    let kept = dir.join("kept.csv");
    for (i, case) in cases.iter().enumerate() {
        // Each case also asks for a CSV, fresh and over an existing file: neither is written.
        fs::write(&kept, "keep me\n").unwrap();
        for target in [&csv, &kept] {
            let mut args: Vec<String> = case
                .args
                .iter()
                .map(|a| a.replace("{dir}", path_str(&dir)))
                .collect();
            if args.first().is_some_and(|c| c == "run") {
                args.extend(["--csv".to_string(), path_str(target).to_string()]);
            }
            let out = Command::new(BIN).args(&args).output().unwrap();
            let err = stderr(&out);
            assert_eq!(out.status.code(), Some(2), "case {i} {args:?}: {err}");
            assert_eq!(err.lines().count(), 1, "case {i} {args:?}: {err}");
            assert!(err.ends_with('\n'), "case {i}: {err:?}");
            assert!(err.contains(case.says), "case {i} {args:?}: {err}");
            assert!(
                out.stdout.is_empty(),
                "case {i} {args:?}: printed {}",
                stdout(&out)
            );
        }
        assert!(!csv.exists(), "case {i} wrote {}", csv.display());
        assert_eq!(fs::read_to_string(&kept).unwrap(), "keep me\n", "case {i}");
    }
    // Nothing but the inputs and the kept file: no temporary file left behind.
    let names: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with(".json"))
        .collect();
    assert_eq!(names, ["kept.csv"]);
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn unwritable_csv_path_exits_2_without_output() {
    let dir = scratch("unwritable");
    for target in [dir.join("no/such/folder/out.csv"), dir.clone()] {
        let out = cli(&[
            "run",
            "--preset",
            "no-outbreak",
            "--summary",
            "--csv",
            path_str(&target),
        ]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("cannot write"), "{err}");
        // The summary is not printed when the CSV could not be saved.
        assert!(out.stdout.is_empty());
    }
    assert_eq!(fs::read_dir(&dir).unwrap().count(), 0);
    let _ = fs::remove_dir_all(&dir);
}

/// The README's "CSV indicators" table lists every key the CSV writes.
#[test]
fn every_csv_indicator_is_documented() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let docs = fs::read_to_string(root.join("README.md")).expect("README.md");
    for ind in Indicator::ALL {
        assert!(
            docs.contains(&format!("| `{}` |", ind.key())),
            "indicator `{}` is missing from the \"CSV indicators\" table",
            ind.key()
        );
    }
}

// `--link`: the page's share links, through the same decoder.

/// The link of a scenario, as the page writes it.
fn link_of(state: &recovery_lab::scenario::link::LinkState) -> String {
    format!(
        "https://example.org/recovery-lab/?{}",
        recovery_lab::scenario::link::encode(state)
    )
}

#[test]
fn a_link_runs_exactly_the_scenario_it_holds() {
    use recovery_lab::scenario::link::{LinkState, Named};
    let dir = scratch("link");
    let mut scenario = presets::jinzhong_2022();
    scenario.relief.reach = 0.6;
    scenario.vouchers.waves[0].budget_yuan *= 2.0;
    let mut b = presets::preset("citywide-lockdown").unwrap();
    b.epidemic.r0_delta = 6.0;
    let state = LinkState {
        lang: None,
        seed: 77,
        runs: 40,
        a: Named {
            preset: "jinzhong-2022".into(),
            scenario: scenario.clone(),
        },
        b: Some(Named {
            preset: "citywide-lockdown".into(),
            scenario: b.clone(),
        }),
    };
    let link = link_of(&state);

    // The same numbers as the scenario's JSON file, and no warning for a link the page wrote.
    let run_file = |s: &recovery_lab::scenario::Scenario, name: &str| {
        let file = dir.join(name);
        fs::write(&file, json::to_string_pretty(s)).unwrap();
        ok(&["run", "--scenario", path_str(&file), "--summary"])
    };
    // `--runs 1`: the deterministic run (the link has `runs=40`, see below).
    let out = cli(&["run", "--link", &link, "--runs", "1", "--summary"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stderr(&out), "", "a clean link gives no warning");
    assert_eq!(stdout(&out), run_file(&scenario, "a.json"));
    assert_ne!(stdout(&out), ok(&["run", "--summary"]), "the changes count");
    // `--side b` runs B; the bare query and `--link=` read the same.
    assert_eq!(
        ok(&["run", "--link", &link, "--side", "b", "--runs", "1"]),
        run_file(&b, "b.json")
    );
    let query = link.split_once('?').unwrap().1;
    let inline = format!("--link={query}");
    assert_eq!(
        ok(&["run", &inline, "--runs", "1", "--summary"]),
        stdout(&out)
    );
    // An ensemble without --seed takes the link's seed.
    let v: Value = serde_json::from_str(&ok(&["run", "--link", &link, "--runs", "2"])).unwrap();
    assert_eq!(v["seed"], 77);
    // Without --runs and --seed, the link's own ensemble: its 40 runs from its seed, the
    // same as asking for them.
    assert!(
        query.contains("runs=40") && query.contains("seed=77"),
        "{query}"
    );
    let own = ok(&["run", "--link", &link, "--side", "b", "--summary"]);
    let v: Value = serde_json::from_str(&own).unwrap();
    assert_eq!(
        (v["runs"].as_u64(), v["seed"].as_u64()),
        (Some(40), Some(77))
    );
    let asked = [
        "run", "--link", &link, "--side", "b", "--runs", "40", "--seed", "77",
    ];
    assert_eq!(own, ok(&asked));
    // A link without `runs=` runs deterministically, as before.
    let mut default_runs = state.clone();
    default_runs.runs = recovery_lab::scenario::link::DEFAULT_RUNS;
    assert_eq!(
        ok(&["run", "--link", &link_of(&default_runs), "--summary"]),
        stdout(&out)
    );
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn a_link_with_bad_values_warns_on_stderr_and_still_runs() {
    let link = "https://example.org/?v=1&preset=jinzhong-2022&relief.reach=7&foo=1&vouchers.payback_days=abc&relief.runway_extension_days=45";
    let out = cli(&["run", "--link", link, "--summary"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 3, "one warning per bad value: {err}");
    for line in &lines {
        assert!(
            line.starts_with("recovery-lab-cli: warning: link: "),
            "{line}"
        );
    }
    assert!(
        lines[0].contains("relief.reach") && lines[0].contains('7'),
        "{err}"
    );
    assert!(lines[1].contains("foo"), "{err}");
    assert!(lines[2].contains("vouchers.payback_days"), "{err}");
    // The bad values fell back to the preset's; the good one applied.
    let mut expected = presets::jinzhong_2022();
    expected.relief.runway_extension_days = 45.0;
    let dir = scratch("link-bad");
    let file = dir.join("expected.json");
    fs::write(&file, json::to_string_pretty(&expected)).unwrap();
    assert_eq!(
        stdout(&out),
        ok(&["run", "--scenario", path_str(&file), "--summary"])
    );
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn an_overlong_link_is_refused_with_exit_2() {
    let link = format!(
        "https://example.org/?v=1&preset=jinzhong-2022&x={}",
        "1".repeat(recovery_lab::scenario::link::MAX_LINK_LENGTH)
    );
    let out = cli(&["run", "--link", &link, "--summary"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stdout(&out), "");
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("recovery-lab-cli: error: --link refused"),
        "{err}"
    );

    let out = cli(&["run", "--link", "v=1&relief.reach=0.5", "--side", "b"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no scenario B"), "{}", stderr(&out));
}
