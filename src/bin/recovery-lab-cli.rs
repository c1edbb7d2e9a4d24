//! `recovery-lab-cli`: the native command-line runner for analysts and batches.
//!
//! ```text
//! recovery-lab-cli run [--preset NAME | --scenario FILE.json | --link URL [--side a|b]] [--seed N] [--runs N] [--summary] [--csv FILE]
//! recovery-lab-cli scenario --preset NAME
//! recovery-lab-cli story FILE.json
//! ```
//!
//! Arguments are parsed by hand to keep the dependency graph small. Any bad input gives one
//! line on stderr and exit code 2, with nothing written: the CSV is built in memory and saved
//! through a temporary file that is renamed only once complete. README ("Command-line runner")
//! documents the options and the summary's shape.
//!
//! The binary is native only: on wasm32 its `main` is empty.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    std::process::exit(cli::main(&args));
}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use recovery_lab::export;
    use recovery_lab::scenario::link;
    use recovery_lab::scenario::presets::{self, DEFAULT_PRESET, PRESET_NAMES};
    use recovery_lab::scenario::validate::validate;
    use recovery_lab::scenario::{Date, Scenario};
    use recovery_lab::sim::ensemble::quantile_sorted;
    use recovery_lab::sim::{self, Mode, Summary};
    use serde_json::{Map, Value};
    use std::fs;
    use std::io::Write;
    use std::path::{Path, PathBuf};

    /// Most stochastic runs one call may ask for.
    pub const MAX_RUNS: u32 = 10_000;
    /// Most runs of an ensemble whose daily bands go to `--csv` (each run's city series are
    /// kept until the bands are computed: about 64 KB per run and simulated year).
    pub const MAX_CSV_RUNS: u32 = 1_000;
    /// Seed of an ensemble when `--seed` is not given.
    pub const DEFAULT_ENSEMBLE_SEED: u64 = 1;
    /// Exit code for bad input.
    const EXIT_BAD_INPUT: i32 = 2;

    const USAGE: &str = "\
recovery-lab-cli: run the Recovery Lab (复苏实验室) model of Jinzhong's 11 districts

USAGE:
  recovery-lab-cli run [--preset NAME | --scenario FILE.json | --link URL [--side a|b]] [--seed N] [--runs N] [--summary] [--csv FILE]
  recovery-lab-cli scenario --preset NAME
  recovery-lab-cli story FILE.json
  recovery-lab-cli help

run:
  --preset NAME        a named scenario (default jinzhong-2022)
  --scenario FILE      a scenario JSON file (as printed by `scenario --preset NAME`, or the page's Export JSON)
  --link URL           a share link of the page (whole address or its query); each value the link
                       cannot use is a warning on stderr and falls back to the preset's, as on the page;
                       the link's seed is the default seed, and a link with runs=N (the page writes it
                       when the run count is not 200) runs that ensemble when neither --runs nor
                       --seed is given (--runs 1 for the deterministic run)
  --side a|b           with --link: run scenario A (default) or the link's scenario B
  --seed N             stochastic run from seed N (0 to 2^64-1); without it, one run is deterministic
  --runs N             stochastic ensemble of N runs (1 to 10000), seeds N, N+1, ... (default seed 1)
  --summary            print the summary as one JSON object (the default when --csv is not given)
  --csv FILE           write every daily series as long-form CSV: date,district,indicator,value
                       (with --runs N > 1, N <= 1000: the city's quantile bands p5..p95,
                        with a leading band column)

scenario:
  --preset NAME        print the preset as JSON that `run --scenario` reads back

story:
  FILE.json            check a guided story (docs/story-format.md): each problem is a warning on
                       stderr (steps or questions the page would leave out, link values it cannot
                       use, questions the model cannot decide); prints the story's link query
                       (put it after the page's address and `?`); exit code 2 if no step is usable

Bad input: one line on stderr, exit code 2, nothing written.";

    /// A problem with the input: one line for stderr.
    #[derive(Debug, PartialEq)]
    pub struct CliError(pub String);

    impl CliError {
        fn new(msg: impl Into<String>) -> CliError {
            // Messages quote user text (file contents, paths): keep them on one line.
            let msg: String = msg.into();
            CliError(msg.replace(['\n', '\r'], " "))
        }
    }

    /// Where the scenario comes from.
    #[derive(Debug, PartialEq)]
    pub enum Source {
        Preset(String),
        File(PathBuf),
        /// A share link, and whether to run its scenario B.
        Link {
            link: String,
            b: bool,
        },
    }

    /// The options of `run`.
    #[derive(Debug, PartialEq)]
    pub struct RunArgs {
        pub source: Source,
        pub seed: Option<u64>,
        pub runs: Option<u32>,
        pub summary: bool,
        pub csv: Option<PathBuf>,
    }

    /// A parsed command line.
    #[derive(Debug, PartialEq)]
    pub enum Command {
        Run(RunArgs),
        Scenario { preset: String },
        Story { file: PathBuf },
        Help,
    }

    /// How `run` draws its numbers, from `--seed` and `--runs`.
    #[derive(Debug, PartialEq)]
    pub enum Plan {
        /// One run; deterministic or one stochastic draw.
        Single(Mode),
        /// `runs` stochastic runs, seeds `seed`, `seed + 1`, ….
        Ensemble { seed: u64, runs: u32 },
    }

    impl RunArgs {
        /// No `--seed` and at most one run: deterministic. `--seed S` alone or with `--runs 1`:
        /// one stochastic run from S. `--runs N > 1`: an ensemble from `--seed` (default 1).
        #[cfg(test)]
        pub fn plan(&self) -> Plan {
            self.plan_with_defaults(DEFAULT_ENSEMBLE_SEED, None)
        }

        /// [`plan`](Self::plan) with another seed for an ensemble without `--seed` (a link's),
        /// and with neither `--runs` nor `--seed`,
        /// the ensemble of `default_runs` runs (a link's `runs=`, even 1, as the page shows
        /// it) from `default_seed`, if there is a default.
        pub fn plan_with_defaults(&self, default_seed: u64, default_runs: Option<u32>) -> Plan {
            if let (None, None, Some(runs)) = (self.runs, self.seed, default_runs) {
                return Plan::Ensemble {
                    seed: default_seed,
                    runs,
                };
            }
            match (self.runs.unwrap_or(1), self.seed) {
                (1, None) => Plan::Single(Mode::Deterministic),
                (1, Some(seed)) => Plan::Single(Mode::Stochastic { seed }),
                (runs, seed) => Plan::Ensemble {
                    seed: seed.unwrap_or(default_seed),
                    runs,
                },
            }
        }
    }

    /// Runs the command line; returns the exit code.
    pub fn main(args: &[String]) -> i32 {
        match parse(args).and_then(execute) {
            Ok(()) => 0,
            Err(CliError(msg)) => {
                eprintln!("recovery-lab-cli: error: {msg}");
                EXIT_BAD_INPUT
            }
        }
    }

    // Parsing

    /// Parses the arguments after the program name.
    pub fn parse(args: &[String]) -> Result<Command, CliError> {
        let Some((command, rest)) = args.split_first() else {
            return Err(CliError::new(
                "no command given; expected `run` or `scenario` (see `recovery-lab-cli help`)",
            ));
        };
        match command.as_str() {
            "help" | "--help" | "-h" => Ok(Command::Help),
            "run" => {
                let flags = Flags::parse(
                    rest,
                    &[
                        "preset", "scenario", "link", "side", "seed", "runs", "summary", "csv",
                    ],
                )?;
                let side_b = match flags.value("side") {
                    None | Some("a") => false,
                    Some("b") => true,
                    Some(other) => {
                        return Err(CliError::new(format!(
                            "invalid --side \"{}\": expected a or b",
                            clip(other)
                        )))
                    }
                };
                let source = match (
                    flags.value("preset"),
                    flags.value("scenario"),
                    flags.value("link"),
                ) {
                    (Some(name), None, None) => Source::Preset(name.to_string()),
                    (None, Some(file), None) => Source::File(PathBuf::from(file)),
                    (None, None, Some(link)) => Source::Link {
                        link: link.to_string(),
                        b: side_b,
                    },
                    (None, None, None) => Source::Preset(DEFAULT_PRESET.to_string()),
                    _ => {
                        return Err(CliError::new(
                            "give only one of --preset, --scenario and --link",
                        ))
                    }
                };
                if flags.value("side").is_some() && !matches!(source, Source::Link { .. }) {
                    return Err(CliError::new("--side goes with --link"));
                }
                let seed = flags
                    .value("seed")
                    .map(|v| {
                        v.parse::<u64>().map_err(|_| {
                            CliError::new(format!(
                                "invalid --seed \"{}\": expected a whole number from 0 to {}",
                                clip(v),
                                u64::MAX
                            ))
                        })
                    })
                    .transpose()?;
                let runs = flags
                    .value("runs")
                    .map(|v| match v.parse::<u32>() {
                        Ok(n) if (1..=MAX_RUNS).contains(&n) => Ok(n),
                        _ => Err(CliError::new(format!(
                            "invalid --runs \"{}\": expected a whole number from 1 to {MAX_RUNS}",
                            clip(v)
                        ))),
                    })
                    .transpose()?;
                let csv = flags.value("csv").map(PathBuf::from);
                let summary = flags.switch("summary") || csv.is_none();
                Ok(Command::Run(RunArgs {
                    source,
                    seed,
                    runs,
                    summary,
                    csv,
                }))
            }
            "scenario" => {
                let flags = Flags::parse(rest, &["preset"])?;
                let preset = flags.value("preset").ok_or_else(|| {
                    CliError::new(format!(
                        "scenario needs --preset NAME (one of {})",
                        PRESET_NAMES.join(", ")
                    ))
                })?;
                Ok(Command::Scenario {
                    preset: preset.to_string(),
                })
            }
            "story" => match rest {
                [file] if !file.starts_with("--") => Ok(Command::Story {
                    file: PathBuf::from(file),
                }),
                _ => Err(CliError::new(
                    "story needs one argument: a story file FILE.json",
                )),
            },
            other => Err(CliError::new(format!(
                "unknown command \"{}\"; expected `run`, `scenario` or `story`",
                clip(other)
            ))),
        }
    }

    /// Flags that take no value.
    const SWITCHES: [&str; 1] = ["summary"];

    /// `--name value`, `--name=value` and switches, each at most once.
    struct Flags(Vec<(String, Option<String>)>);

    impl Flags {
        /// Parses `args`, refusing any option not in `known`.
        fn parse(args: &[String], known: &[&str]) -> Result<Flags, CliError> {
            let mut out: Vec<(String, Option<String>)> = Vec::new();
            let mut it = args.iter();
            while let Some(arg) = it.next() {
                let Some(body) = arg.strip_prefix("--") else {
                    return Err(CliError::new(format!(
                        "unexpected argument \"{}\"; options start with --",
                        clip(arg)
                    )));
                };
                let (name, inline) = match body.split_once('=') {
                    Some((n, v)) => (n, Some(v.to_string())),
                    None => (body, None),
                };
                if !known.contains(&name) {
                    return Err(CliError::new(format!(
                        "unknown option --{}; expected one of {}",
                        clip(name),
                        known
                            .iter()
                            .map(|k| format!("--{k}"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )));
                }
                if out.iter().any(|(n, _)| n == name) {
                    return Err(CliError::new(format!("--{} given twice", clip(name))));
                }
                let value = if SWITCHES.contains(&name) {
                    if inline.is_some() {
                        return Err(CliError::new(format!("--{name} takes no value")));
                    }
                    None
                } else {
                    match inline {
                        Some(v) => Some(v),
                        None => match it.next() {
                            Some(v) if !v.starts_with("--") => Some(v.clone()),
                            _ => {
                                return Err(CliError::new(format!(
                                    "--{} needs a value",
                                    clip(name)
                                )))
                            }
                        },
                    }
                };
                out.push((name.to_string(), value));
            }
            Ok(Flags(out))
        }

        fn value(&self, name: &str) -> Option<&str> {
            self.0
                .iter()
                .find(|(n, _)| n == name)
                .and_then(|(_, v)| v.as_deref())
        }

        fn switch(&self, name: &str) -> bool {
            self.0.iter().any(|(n, _)| n == name)
        }
    }

    /// User text quoted in a message, cut to a readable length.
    fn clip(s: &str) -> String {
        let mut out: String = s.chars().take(60).collect();
        if out.len() < s.len() {
            out.push('…');
        }
        out
    }

    // Running

    fn execute(command: Command) -> Result<(), CliError> {
        match command {
            Command::Help => {
                println!("{USAGE}");
                Ok(())
            }
            Command::Scenario { preset } => {
                let scenario = load_preset(&preset)?;
                print_stdout(&recovery_lab::json::to_string_pretty(&scenario))
            }
            Command::Run(args) => run(&args),
            Command::Story { file } => story(&file),
        }
    }

    /// Checks a story file and prints its link query; warnings on stderr.
    fn story(file: &Path) -> Result<(), CliError> {
        use recovery_lab::story::{self, codec};
        let text = fs::read_to_string(file).map_err(|e| {
            CliError::new(format!(
                "cannot read {}: {e}",
                clip(&file.display().to_string())
            ))
        })?;
        let read = story::from_json(&text);
        for n in &read.notices {
            eprintln!("recovery-lab-cli: warning: {}", n.message(false));
        }
        let Some(s) = read.story else {
            return Err(CliError::new(format!(
                "{} is not a usable story (see the warnings above)",
                clip(&file.display().to_string())
            )));
        };
        for (i, step) in s.steps.iter().enumerate() {
            if let Some(q) = &step.question {
                let answer = q.answer(&step.run());
                if answer.correct.is_none() {
                    eprintln!(
                        "recovery-lab-cli: warning: step {}: the model cannot decide the question (a tie, or no value of {}): no choice will be marked right",
                        i + 1,
                        q.metric
                    );
                }
            }
        }
        let query = codec::inline_query(&s);
        if query.len() + 60 > codec::MAX_STORY_LINK_LENGTH {
            eprintln!(
                "recovery-lab-cli: warning: the link is {} characters; with the page's address it may pass the limit of {} (shorten the texts)",
                query.len(),
                codec::MAX_STORY_LINK_LENGTH
            );
        }
        print_stdout(&format!("?{query}"))
    }

    fn run(args: &RunArgs) -> Result<(), CliError> {
        let (scenario, default_seed) = load(&args.source)?;
        // A link's own run count, when it has one (`runs=`), is the default.
        let default_runs = match &args.source {
            Source::Link { link, .. } if link::has_key(link, "runs") => {
                Some(link::decode(link).state.runs)
            }
            _ => None,
        };
        let (summary, csv) = match args.plan_with_defaults(default_seed, default_runs) {
            Plan::Single(mode) => {
                // A stochastic run's "GDP kept per yuan" compares with the same seed.
                let (outcome, summary) = sim::run_summary(&scenario, mode);
                // Printed from the struct, so keys keep the order of `Summary`'s fields.
                let json = serde_json::to_string_pretty(&summary).expect("a summary serialises");
                let csv = args.csv.as_ref().map(|_| export::csv_string(&outcome));
                (json, csv)
            }
            Plan::Ensemble { seed, runs } => {
                let (summaries, csv) = if args.csv.is_some() {
                    if runs > MAX_CSV_RUNS {
                        return Err(CliError::new(format!(
                            "--csv with --runs {runs}: the bands keep every run's city series in \
                             memory, so at most {MAX_CSV_RUNS} runs (the summary alone takes up \
                             to {MAX_RUNS})"
                        )));
                    }
                    let ens = sim::ensemble(&scenario, seed, runs);
                    let mut text = String::new();
                    export::write_ensemble_csv(&ens, &mut text)
                        .expect("writing to a String cannot fail");
                    (ens.runs, Some(text))
                } else {
                    // The same summaries as `sim::ensemble`'s, one run at a time, so memory
                    // stays flat up to MAX_RUNS.
                    let summaries = (0..runs)
                        .map(|i| {
                            let seed = sim::ensemble::replicate_seed(seed, i);
                            sim::ensemble::replicate(&scenario, seed).1
                        })
                        .collect::<Vec<_>>();
                    (summaries, None)
                };
                let json = serde_json::to_string_pretty(&ensemble_summary(&summaries, seed, runs))
                    .expect("JSON values serialise");
                (json, csv)
            }
        };
        // Save the CSV before printing anything, so a failed write leaves no output at all.
        if let (Some(path), Some(text)) = (&args.csv, csv) {
            save_atomically(path, text.as_bytes())?;
        }
        if args.summary {
            print_stdout(&summary)?;
        }
        Ok(())
    }

    fn load_preset(name: &str) -> Result<Scenario, CliError> {
        presets::preset(name).ok_or_else(|| {
            CliError::new(format!(
                "unknown preset \"{}\"; expected one of {}",
                clip(name),
                PRESET_NAMES.join(", ")
            ))
        })
    }

    /// A share link's scenario (A, or B with `b`) and seed. Each notice is a warning on
    /// stderr, as the page shows it; a link refused whole (too long) is an error.
    fn load_link(text: &str, b: bool) -> Result<(Scenario, u64), CliError> {
        let decoded = link::decode(text);
        if let Some(n) = decoded
            .notices
            .iter()
            .find(|n| n.problem.code() == "too_long")
        {
            return Err(CliError::new(format!(
                "--link refused: {}",
                n.message(false)
            )));
        }
        for n in &decoded.notices {
            eprintln!(
                "recovery-lab-cli: warning: link: {}",
                n.message(false).replace(['\n', '\r'], " ")
            );
        }
        let state = decoded.state;
        let named = if b {
            state.b.ok_or_else(|| {
                CliError::new("--side b: the link holds no scenario B (no b.* key)")
            })?
        } else {
            state.a
        };
        Ok((named.scenario, state.seed))
    }

    /// The scenario to run, and the seed of an ensemble without `--seed`.
    fn load(source: &Source) -> Result<(Scenario, u64), CliError> {
        let (scenario, origin) = match source {
            Source::Link { link, b } => return load_link(link, *b),
            Source::Preset(name) => (load_preset(name)?, format!("preset {name}")),
            Source::File(path) => {
                let shown = path.display();
                let text = fs::read_to_string(path)
                    .map_err(|e| CliError::new(format!("cannot read {shown}: {e}")))?;
                let scenario: Scenario = recovery_lab::json::from_str(&text)
                    .map_err(|e| CliError::new(format!("{shown} is not a valid scenario: {e}")))?;
                (scenario, shown.to_string())
            }
        };
        validate(&scenario).map_err(|errors| {
            let more = match errors.len() {
                1 => String::new(),
                n => format!(" (and {} more)", n - 1),
            };
            CliError::new(format!("{origin} is out of range: {}{more}", errors[0]))
        })?;
        Ok((scenario, DEFAULT_ENSEMBLE_SEED))
    }

    fn print_stdout(text: &str) -> Result<(), CliError> {
        let mut out = std::io::stdout().lock();
        writeln!(out, "{text}")
            .and_then(|()| out.flush())
            .map_err(|e| CliError::new(format!("cannot write to stdout: {e}")))
    }

    /// Writes `bytes` to a temporary file beside `path` and renames it into place, so `path`
    /// is either the complete file or untouched.
    fn save_atomically(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
        let shown = path.display();
        let name = path
            .file_name()
            .ok_or_else(|| CliError::new(format!("--csv {shown} is not a file name")))?;
        let mut tmp_name = std::ffi::OsString::from(".");
        tmp_name.push(name);
        tmp_name.push(format!(".{}.tmp", std::process::id()));
        let tmp = path.with_file_name(tmp_name);
        let result = fs::write(&tmp, bytes).and_then(|()| fs::rename(&tmp, path));
        result.map_err(|e| {
            let _ = fs::remove_file(&tmp);
            CliError::new(format!("cannot write {shown}: {e}"))
        })
    }

    // The ensemble's summary

    /// Percentiles reported for an ensemble, with their JSON keys.
    const BAND: [(&str, f64); 3] = [("p5", 0.05), ("value", 0.5), ("p95", 0.95)];

    /// The summary of an ensemble: the shape of one run's summary, where every number (and
    /// `recovery_date`) becomes `{"value": median, "p5": …, "p95": …}` over the runs, plus
    /// `runs` and `seed`. Strings that are the same in every run (`model_version`) stay as is.
    pub fn ensemble_summary(summaries: &[Summary], seed: u64, runs: u32) -> Value {
        let values: Vec<Value> = summaries
            .iter()
            .map(|s| serde_json::to_value(s).expect("a summary is plain data"))
            .collect();
        let mut out = match combine(&values.iter().collect::<Vec<_>>()) {
            Value::Object(map) => map,
            _ => unreachable!("a summary is an object"),
        };
        out.insert("runs".into(), runs.into());
        out.insert("seed".into(), seed.into());
        Value::Object(out)
    }

    /// Combines the same field of every run.
    fn combine(values: &[&Value]) -> Value {
        let first = values[0];
        match first {
            Value::Object(map) => {
                let mut out = Map::new();
                for key in map.keys() {
                    let field: Vec<&Value> = values
                        .iter()
                        .map(|v| v.get(key).unwrap_or(&Value::Null))
                        .collect();
                    out.insert(key.clone(), combine(&field));
                }
                Value::Object(out)
            }
            _ if values.iter().all(|v| v.is_number() || v.is_null()) => {
                let mut numbers: Vec<f64> = values.iter().filter_map(|v| v.as_f64()).collect();
                if numbers.is_empty() {
                    return Value::Null;
                }
                numbers.sort_by(f64::total_cmp);
                band(|p| quantile_sorted(&numbers, p).into())
            }
            _ if values
                .iter()
                .all(|v| v.is_null() || v.as_str().is_some_and(|s| s.parse::<Date>().is_ok())) =>
            {
                // Dates (recovery_date): ordered by day, with null ("never") after every date.
                let mut days: Vec<Option<Date>> = values
                    .iter()
                    .map(|v| v.as_str().and_then(|s| s.parse().ok()))
                    .collect();
                days.sort_by_key(|d| (d.is_none(), *d));
                band(|p| {
                    let i = ((days.len() - 1) as f64 * p).round() as usize;
                    days[i].map_or(Value::Null, |d| d.to_string().into())
                })
            }
            _ => first.clone(),
        }
    }

    fn band(at: impl Fn(f64) -> Value) -> Value {
        let mut out = Map::new();
        for (key, p) in BAND {
            out.insert(key.into(), at(p));
        }
        Value::Object(out)
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        fn args(line: &str) -> Vec<String> {
            line.split_whitespace().map(String::from).collect()
        }

        fn run_args(line: &str) -> RunArgs {
            match parse(&args(line)).unwrap() {
                Command::Run(r) => r,
                other => panic!("{other:?}"),
            }
        }

        fn err(line: &str) -> String {
            parse(&args(line)).unwrap_err().0
        }

        #[test]
        fn run_defaults_to_the_default_preset_deterministic_summary() {
            let r = run_args("run");
            assert_eq!(r.source, Source::Preset(DEFAULT_PRESET.into()));
            assert!(r.summary);
            assert_eq!(r.plan(), Plan::Single(Mode::Deterministic));
        }

        #[test]
        fn a_links_runs_and_seed_are_the_defaults_without_runs_and_seed() {
            let link = Some(40);
            assert_eq!(
                run_args("run").plan_with_defaults(77, link),
                Plan::Ensemble { seed: 77, runs: 40 }
            );
            assert_eq!(
                run_args("run").plan_with_defaults(77, Some(1)),
                Plan::Ensemble { seed: 77, runs: 1 }
            );
            assert_eq!(
                run_args("run").plan_with_defaults(77, None),
                Plan::Single(Mode::Deterministic)
            );
            assert_eq!(
                run_args("run --runs 1").plan_with_defaults(77, link),
                Plan::Single(Mode::Deterministic)
            );
            assert_eq!(
                run_args("run --runs 5").plan_with_defaults(77, link),
                Plan::Ensemble { seed: 77, runs: 5 }
            );
            assert_eq!(
                run_args("run --seed 3").plan_with_defaults(77, link),
                Plan::Single(Mode::Stochastic { seed: 3 })
            );
        }

        #[test]
        fn seed_and_runs_choose_the_mode() {
            assert_eq!(
                run_args("run --seed 7").plan(),
                Plan::Single(Mode::Stochastic { seed: 7 })
            );
            assert_eq!(
                run_args("run --seed=7 --runs 1").plan(),
                Plan::Single(Mode::Stochastic { seed: 7 })
            );
            assert_eq!(
                run_args("run --runs 1").plan(),
                Plan::Single(Mode::Deterministic)
            );
            assert_eq!(
                run_args("run --runs 20").plan(),
                Plan::Ensemble { seed: 1, runs: 20 }
            );
            assert_eq!(
                run_args("run --runs 20 --seed 5").plan(),
                Plan::Ensemble { seed: 5, runs: 20 }
            );
        }

        #[test]
        fn a_link_is_a_source_with_its_side() {
            let r = run_args("run --link https://x.org/?v=1&relief.reach=0.6 --side b");
            assert_eq!(
                r.source,
                Source::Link {
                    link: "https://x.org/?v=1&relief.reach=0.6".into(),
                    b: true
                }
            );
            assert_eq!(
                r.plan_with_defaults(9, None),
                Plan::Single(Mode::Deterministic),
                "one run is deterministic, as on the page"
            );
            let r = run_args("run --link v=1 --runs 5");
            assert_eq!(
                r.plan_with_defaults(9, None),
                Plan::Ensemble { seed: 9, runs: 5 }
            );
        }

        #[test]
        fn csv_alone_prints_no_summary() {
            let r = run_args("run --preset no-outbreak --csv out.csv");
            assert!(!r.summary);
            assert_eq!(r.csv, Some(PathBuf::from("out.csv")));
            assert!(run_args("run --csv out.csv --summary").summary);
        }

        #[test]
        fn bad_command_lines_are_refused() {
            assert!(err("").contains("no command"));
            assert!(err("walk").contains("unknown command"));
            assert!(err("run --fast").contains("unknown option --fast"));
            assert!(err("run --preset a --scenario b").contains("only one of"));
            assert!(err("run --preset a --link v=1").contains("only one of"));
            assert!(err("run --side b").contains("goes with --link"));
            assert!(err("run --link v=1 --side c").contains("invalid --side"));
            assert!(err("run --seed").contains("needs a value"));
            assert!(err("run --seed --summary").contains("needs a value"));
            assert!(err("run --seed -1").contains("invalid --seed"));
            assert!(err("run --seed 1.5").contains("invalid --seed"));
            assert!(err("run --runs 0").contains("invalid --runs"));
            assert!(err("run --runs 10001").contains("invalid --runs"));
            assert!(err("run --runs ten").contains("invalid --runs"));
            assert!(err("run --seed 1 --seed 2").contains("given twice"));
            assert!(err("run --summary=yes").contains("takes no value"));
            assert!(err("run extra").contains("unexpected argument"));
            assert!(err("scenario").contains("needs --preset"));
            assert!(err("scenario --preset x --seed 1").contains("unknown option --seed"));
        }

        /// The page's card ranges (`figure_range` over `figures`) are the summary's p5/p95.
        #[test]
        fn page_ranges_equal_the_ensemble_summary() {
            use recovery_lab::sim::ensemble::{figure_keys, figure_range, figures, replicate};
            let scenario = recovery_lab::scenario::presets::jinzhong_2022();
            let summaries: Vec<Summary> = (0..12).map(|i| replicate(&scenario, 40 + i).1).collect();
            let json = ensemble_summary(&summaries, 40, 12);
            let keys = figure_keys(&scenario);
            for (k, key) in keys.iter().enumerate() {
                let values: Vec<f64> = summaries.iter().map(|s| figures(s, &keys)[k]).collect();
                let range = figure_range(key, &values);
                let entry = match key.split_once('-') {
                    Some((field, date)) if !key.starts_with("recovery") => &json[field][date],
                    _ => &json[key.as_str()],
                };
                for (i, p) in ["p5", "p95"].iter().enumerate() {
                    let expected = if key == "recovery_date" {
                        entry[p]
                            .as_str()
                            .map(|d| d.parse::<Date>().unwrap().days_since_epoch() as f64)
                    } else {
                        entry[p].as_f64()
                    };
                    assert_eq!(range[i], expected, "{key} {p}");
                }
            }
        }

        #[test]
        fn ensemble_shape_bands_numbers_and_dates() {
            let runs: Vec<Value> = (0..5)
                .map(|i| {
                    serde_json::json!({
                        "model_version": "1.0.0",
                        "deaths_total": i as f64,
                        "gdp_kept_per_yuan": null,
                        "recovery_date": if i == 4 { Value::Null } else {
                            format!("2022-07-0{}", 5 - i).into()
                        },
                        "districts": {"yuci": {"infections_total": 10.0 * i as f64}},
                    })
                })
                .collect();
            let v = combine(&runs.iter().collect::<Vec<_>>());
            assert_eq!(v["model_version"], "1.0.0");
            assert_eq!(v["gdp_kept_per_yuan"], Value::Null);
            assert_eq!(
                v["deaths_total"],
                serde_json::json!({"p5": 0.2, "value": 2.0, "p95": 3.8})
            );
            assert_eq!(v["districts"]["yuci"]["infections_total"]["value"], 20.0);
            assert_eq!(
                v["recovery_date"],
                serde_json::json!({"p5": "2022-07-02", "value": "2022-07-04", "p95": null})
            );
        }
    }
}
