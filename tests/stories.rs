//! Guided stories (docs/story-format.md): the built-in stories read cleanly, every question
//! is decided by the model, every claim of their texts holds in the engine; the story link
//! codec round-trips random stories, never panics on mangled input, and keeps reading the
//! published links of `tests/links/stories-v1.json`.

use proptest::prelude::*;
use recovery_lab::i18n::Lang;
use recovery_lab::scenario::link;
use recovery_lab::scenario::presets;
use recovery_lab::story::codec::{self, Source, MAX_STORY_LINK_LENGTH};
use recovery_lab::story::{
    self, builtin, fill, Bilingual, Choice, MetricRef, Of, Pick, Question, QuestionKind, Side,
    Step, StepRuns, Story, StoryProblem,
};
use serde_json::Value;

// The built-in stories

#[test]
fn three_built_in_stories_read_without_a_notice() {
    assert_eq!(builtin::all().len(), 3);
    for (id, text) in builtin::FILES {
        let read = story::from_json(text);
        assert_eq!(read.notices, vec![], "{id}");
        let s = read.story.expect(id);
        assert_eq!(s.id, id);
        assert!(s.steps.len() >= 4, "{id}: a class story has several steps");
        assert!(
            s.steps.iter().filter(|st| st.question.is_some()).count() >= 3,
            "{id}: at least three questions"
        );
        for (i, step) in s.steps.iter().enumerate() {
            assert_eq!(step.decoded().notices, vec![], "{id} step {}", i + 1);
            assert!(step.chart.is_some(), "{id} step {}: names its chart", i + 1);
        }
        // The same story read back from what it writes.
        assert_eq!(story::from_json(&s.to_json()).story.as_ref(), Some(&s));
    }
}

/// Every placeholder of every text has a value, in both languages, and no text is left with
/// braces.
#[test]
fn every_text_fills_from_the_run_in_both_languages() {
    for s in builtin::all() {
        for (i, step) in s.steps.iter().enumerate() {
            let runs = step.run();
            let mut texts = vec![&step.text];
            if let Some(q) = &step.question {
                texts.push(
                    q.explain
                        .as_ref()
                        .expect("every built-in question explains"),
                );
            }
            for t in texts {
                for lang in Lang::ALL {
                    let filled = fill(t.get(lang), &runs, lang);
                    assert!(
                        !filled.contains('{') && !filled.contains('}') && !filled.contains('—'),
                        "{} step {} ({lang:?}): {filled}",
                        s.id,
                        i + 1
                    );
                }
            }
        }
    }
}

/// The answer of every question is computed, never a tie.
#[test]
fn the_model_decides_every_question() {
    for s in builtin::all() {
        for (i, step) in s.steps.iter().enumerate() {
            if let Some(q) = &step.question {
                let answer = q.answer(&step.run());
                assert!(
                    answer.correct.is_some(),
                    "{} step {}: {answer:?}",
                    s.id,
                    i + 1
                );
            }
        }
    }
}

fn step(id: &str, n: usize) -> &'static Step {
    &builtin::get(id).expect(id).steps[n - 1]
}

/// The value of `metric` for a side of a run.
fn v(runs: &StepRuns, side: Side, metric: &str) -> f64 {
    let m = MetricRef::parse(metric).expect(metric);
    let run = match side {
        Side::A => &runs.a,
        Side::B => runs.b.as_ref().expect("the step has B"),
    };
    m.value(run).expect(metric)
}

fn correct_label(step: &Step, runs: &StepRuns) -> String {
    let q = step.question.as_ref().expect("a question");
    let i = q.answer(runs).correct.expect("decided");
    q.choices[i].label.en.clone()
}

#[test]
fn zoning_story_claims_hold() {
    use Side::{A, B};
    let id = "zoning-vs-lockdown";
    // Step 1: the default preset is zoned (the zoning rule is on; no interval covers every
    // district with full closures).
    let s1 = step(id, 1);
    let d1 = s1.decoded();
    assert!(d1.state.a.scenario.controls.zoning.enabled);
    // Step 2: B is every district under full controls, 21 Feb–20 Mar and 15 Apr–20 May.
    let s2 = step(id, 2);
    let d2 = s2.decoded();
    let b = &d2.state.b.as_ref().unwrap().scenario;
    let spans: Vec<String> = b
        .controls
        .intervals
        .iter()
        .map(|iv| {
            assert_eq!(iv.districts, recovery_lab::scenario::Target::All);
            assert_eq!(iv.measures.schools, 1.0);
            assert_eq!(iv.measures.sealed_zones, 1.0);
            format!("{}_{}", iv.start, iv.end)
        })
        .collect();
    assert_eq!(spans, ["2022-02-21_2022-03-20", "2022-04-15_2022-05-20"]);
    let r = s2.run();
    // "Both contain the outbreak and the totals are close."
    let (ia, ib) = (v(&r, A, "infections_total"), v(&r, B, "infections_total"));
    assert!(ia < 100.0 && ib < 100.0, "{ia} {ib}");
    assert!((ia - ib).abs() < 0.25 * ia.max(ib), "{ia} {ib}");
    // "The cases were only in Taigu and Yuci."
    for (district, d) in &r.a.summary.districts {
        if district != "taigu" && district != "yuci" {
            assert!(
                d.infections_total < 1.0,
                "{district}: {}",
                d.infections_total
            );
        }
    }
    // Step 3: the lockdown loses "many times" more GDP, "for nearly the same infections".
    let r3 = step(id, 3).run();
    assert!(v(&r3, B, "gdp_loss_yuan") > 3.0 * v(&r3, A, "gdp_loss_yuan"));
    assert_eq!(correct_label(step(id, 3), &r3), "B: citywide lockdown");
    // Step 4: jobs and firms "tell the same story".
    let r4 = step(id, 4).run();
    assert!(v(&r4, B, "jobs_lost_trough") > v(&r4, A, "jobs_lost_trough"));
    assert!(v(&r4, B, "smes_closed") > v(&r4, A, "smes_closed"));
    // Step 5: no controls costs "far more" GDP than zoning.
    let r5 = step(id, 5).run();
    assert!(v(&r5, B, "gdp_loss_yuan") > 3.0 * v(&r5, A, "gdp_loss_yuan"));
    assert!(v(&r5, B, "infections_total") > 1000.0 * v(&r5, A, "infections_total"));
    let b5 = &step(id, 5).decoded().state.b.unwrap().scenario;
    assert!(b5.controls.intervals.is_empty() && !b5.controls.zoning.enabled);
}

#[test]
fn vouchers_story_claims_hold() {
    use Side::{A, B};
    let id = "vouchers-pay";
    // Step 1: B's waves are 100 million general in May, 50 million catering in June, citywide.
    let d1 = step(id, 1).decoded();
    let b = &d1.state.b.as_ref().unwrap().scenario;
    let waves: Vec<String> = b
        .vouchers
        .waves
        .iter()
        .map(|w| format!("{:?} {} {}", w.kind, w.budget_yuan, w.start))
        .collect();
    assert_eq!(
        waves,
        [
            "General 100000000 2022-05-01",
            "Catering 50000000 2022-06-01"
        ]
    );
    assert!(b
        .vouchers
        .waves
        .iter()
        .all(|w| w.districts == recovery_lab::scenario::Target::All));
    assert!(d1.state.a.scenario.vouchers.waves.is_empty());
    // Step 2: less than one yuan of GDP per yuan; retail rises more than GDP; part of the
    // spending is given back later.
    let s2 = step(id, 2);
    let r2 = s2.run();
    assert!(v(&r2, A, "gdp_kept_per_yuan") < 1.0);
    assert!(v(&r2, A, "retail_vs_baseline_yuan") > v(&r2, A, "gdp_vs_baseline_yuan"));
    assert!(v(&r2, A, "gdp_vs_baseline_yuan") > 0.0);
    assert!(s2.decoded().state.a.scenario.vouchers.payback_share > 0.0);
    // Step 3: default multiplier 3.4, B at 5.8 with nothing given back; the answer flips.
    let s3 = step(id, 3);
    let d3 = s3.decoded();
    assert_eq!(d3.state.a.scenario.vouchers.spending_multiplier, 3.4);
    let b3 = &d3.state.b.as_ref().unwrap().scenario;
    assert_eq!(b3.vouchers.spending_multiplier, 5.8);
    assert_eq!(b3.vouchers.payback_share, 0.0);
    let r3 = s3.run();
    assert!(v(&r3, A, "gdp_kept_per_yuan") < 1.0 && v(&r3, B, "gdp_kept_per_yuan") >= 1.0);
    // Step 4: housing subsidy of 4.8亿 (the article's), relief in A only; without relief more
    // small firms close.
    let s4 = step(id, 4);
    let d4 = s4.decoded();
    assert_eq!(d4.state.a.scenario.housing.budget_yuan, 4.8e8);
    assert!(d4.state.a.scenario.relief.reach > 0.0);
    assert_eq!(d4.state.b.as_ref().unwrap().scenario.relief.reach, 0.0);
    assert!(!d4.state.a.scenario.vouchers.waves.is_empty());
    let r4 = s4.run();
    assert!(v(&r4, B, "smes_closed") > v(&r4, A, "smes_closed"));
}

#[test]
fn projects_story_claims_hold() {
    use Side::{A, B};
    let id = "shutdown-projects";
    // Step 1: 110 projects, as the article.
    assert_eq!(step(id, 1).decoded().state.a.scenario.projects.count, 110);
    // Step 2: the model's 2022 figure sits by the article's 19.8%.
    let r2 = step(id, 2).run();
    let fai = v(&r2, B, "fai_completed_pct@2022-04-30");
    assert!((fai - 19.8).abs() < 0.5, "{fai}");
    // Step 2 text: sites in Taigu and Yuci stopped while their controls lasted.
    assert!(v(&r2, A, "fai_completed_pct@2022-04-30") > fai);
    // Step 3: the lockdown is further behind on 30 April.
    let r3 = step(id, 3).run();
    assert!(v(&r3, A, "fai_completed_pct@2022-04-30") > v(&r3, B, "fai_completed_pct@2022-04-30"));
    // Step 4: both the lockdown; B has no catch-up, completes less and loses more GDP.
    let s4 = step(id, 4);
    let d4 = s4.decoded();
    assert_eq!(d4.state.a.preset, "citywide-lockdown");
    assert!(d4.state.a.scenario.projects.catch_up > 0.0);
    assert_eq!(d4.state.b.as_ref().unwrap().scenario.projects.catch_up, 0.0);
    let r4 = s4.run();
    assert!(v(&r4, A, "fai_completed_pct@2022-12-31") > v(&r4, B, "fai_completed_pct@2022-12-31"));
    assert!(v(&r4, B, "gdp_loss_pct") > v(&r4, A, "gdp_loss_pct"));
    // Step 5: B starts earlier, catches up faster, plans 20% more; ends above the baseline
    // while A is below it.
    let d5 = step(id, 5).decoded();
    let (a5, b5) = (&d5.state.a.scenario, &d5.state.b.as_ref().unwrap().scenario);
    assert!((b5.projects.annual_plan_yuan / a5.projects.annual_plan_yuan - 1.2).abs() < 1e-9);
    assert!(b5.projects.catch_up > a5.projects.catch_up);
    assert!(a5
        .projects
        .planned_starts
        .iter()
        .zip(b5.projects.planned_starts.iter())
        .all(|(x, y)| y >= x));
    let r5 = step(id, 5).run();
    assert!(v(&r5, B, "gdp_vs_baseline_pct") > 0.0 && v(&r5, A, "gdp_loss_pct") > 0.0);
    // The baseline is the default preset's plan (MODEL.md, Key projects).
    assert_eq!(
        a5.projects.annual_plan_yuan,
        presets::jinzhong_2022().projects.annual_plan_yuan
    );
}

// Story links

#[test]
fn a_built_in_story_link_opens_at_its_step() {
    let q = codec::query(&Source::Builtin("vouchers-pay".into()), 2, None);
    assert_eq!(q, "story=vouchers-pay&step=3");
    let got = codec::read_link(&format!("https://x.org/lab/?{q}")).unwrap();
    assert_eq!(got.notices, vec![]);
    let o = got.opened.unwrap();
    assert_eq!((o.story.id.as_str(), o.step), ("vouchers-pay", 2));
    // Without step=: the first step. The scenario decoder passes over the story keys.
    let o = codec::read_link("?story=zoning-vs-lockdown&lang=en").unwrap();
    assert_eq!(o.opened.unwrap().step, 0);
    let d = link::decode("?story=zoning-vs-lockdown&lang=en&step=2");
    assert_eq!(d.notices, vec![]);
    assert_eq!(d.state.lang, Some(link::Language::En));
}

#[test]
fn a_bad_step_or_story_gives_a_notice() {
    let got = codec::read_link("?story=zoning-vs-lockdown&step=99").unwrap();
    assert_eq!(got.opened.unwrap().step, 0);
    assert!(matches!(
        got.notices[0].problem,
        StoryProblem::NoSuchStep { count: 5, .. }
    ));
    let got = codec::read_link("?story=atlantis").unwrap();
    assert!(got.opened.is_none());
    assert!(matches!(
        got.notices[0].problem,
        StoryProblem::UnknownStory { .. }
    ));
    for n in &got.notices {
        assert!(!n.message(true).is_empty() && !n.message(false).is_empty());
    }
}

fn bi(e: &mut impl FnMut(u64) -> u64, what: &str) -> Bilingual {
    const WORDS_ZH: [&str; 6] = ["疫情", "封控", "消费券", "重点项目", "晋中", "“引号”&=?#%"];
    const WORDS_EN: [&str; 6] = [
        "outbreak",
        "lockdown",
        "vouchers",
        "{a.gdp_loss_pct}",
        "Jinzhong",
        "a&b=c?d#e%f +",
    ];
    let n = 1 + e(12) as usize;
    let zh: String = (0..n).map(|_| WORDS_ZH[e(6) as usize]).collect();
    let en: Vec<&str> = (0..n).map(|_| WORDS_EN[e(6) as usize]).collect();
    Bilingual {
        zh: format!("{what}{zh}"),
        en: format!("{what} {}", en.join(" ")),
    }
}

const LINKS: [&str; 5] = [
    "preset=jinzhong-2022",
    "preset=no-outbreak&b.preset=vouchers-only",
    "preset=citywide-lockdown&b.preset=citywide-lockdown&b.projects.catch_up=0",
    "preset=jinzhong-2022&relief.reach=0.6&b.preset=no-controls",
    "preset=vouchers-only&b.preset=vouchers-only&b.vouchers.spending_multiplier=5.8",
];

/// A random valid story from a stream of numbers.
fn random_story(words: &[u64]) -> Story {
    let mut i = 0;
    let mut e = |n: u64| {
        let w = words[i % words.len()];
        i += 1;
        w % n.max(1)
    };
    let steps = (0..1 + e(8))
        .map(|_| {
            let link = LINKS[e(5) as usize].to_string();
            let has_b = link.contains("b.");
            let question = (e(3) > 0).then(|| {
                let metric = story::METRICS[e(story::METRICS.len() as u64) as usize];
                let metric = if metric.dated {
                    format!("{}@2022-0{}-1{}", metric.name, 1 + e(9), e(10))
                } else {
                    metric.name.to_string()
                };
                let (kind, pick, of, choices) = if has_b && e(2) == 0 {
                    (
                        QuestionKind::Compare,
                        Some(if e(2) == 0 { Pick::Higher } else { Pick::Lower }),
                        None,
                        vec![
                            Choice {
                                label: bi(&mut e, "A"),
                                side: Some(Side::A),
                                from: None,
                                below: None,
                            },
                            Choice {
                                label: bi(&mut e, "B"),
                                side: Some(Side::B),
                                from: None,
                                below: None,
                            },
                        ],
                    )
                } else {
                    let cuts: Vec<f64> = {
                        let mut c: Vec<f64> = (0..1 + e(4))
                            .map(|_| (e(2_000_000) as f64 - 1e6) / 7.0)
                            .collect();
                        c.sort_by(f64::total_cmp);
                        c.dedup();
                        c
                    };
                    let choices = (0..=cuts.len())
                        .map(|k| Choice {
                            label: bi(&mut e, "C"),
                            side: None,
                            from: k.checked_sub(1).map(|j| cuts[j]),
                            below: cuts.get(k).copied(),
                        })
                        .collect();
                    let of = if has_b {
                        [Of::A, Of::B, Of::D][e(3) as usize]
                    } else {
                        Of::A
                    };
                    (QuestionKind::Range, None, Some(of), choices)
                };
                Question {
                    prompt: bi(&mut e, "Q"),
                    metric,
                    kind,
                    pick,
                    of,
                    choices,
                    explain: (e(2) == 0).then(|| bi(&mut e, "E")),
                }
            });
            Step {
                link,
                text: bi(&mut e, "T"),
                question,
                chart: (e(2) == 0).then(|| "gdp_retail".to_string()),
            }
        })
        .collect();
    Story {
        app: story::STORY_APP.into(),
        schema: story::STORY_SCHEMA,
        id: format!("story-{}", e(1000)),
        title: bi(&mut e, "Title"),
        steps,
    }
}

fn is_link_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~=&".contains(c)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Any valid story travels inline and reads back identical, with no notice, at any step;
    /// the link holds only chat-safe characters and ends in a digit.
    #[test]
    fn random_stories_round_trip(words in prop::collection::vec(any::<u64>(), 300), at in 0usize..10) {
        let s = random_story(&words);
        let read = story::from_json(&s.to_json());
        prop_assert_eq!(&read.notices, &vec![]);
        prop_assert_eq!(read.story.as_ref(), Some(&s));
        let step = at % s.steps.len();
        let q = codec::query(&Source::Inline(codec::inline_value(&s)), step, Some(link::Language::Zh));
        prop_assert!(q.chars().all(is_link_char), "{}", q);
        prop_assert!(q.ends_with(|c: char| c.is_ascii_digit()));
        prop_assert!(q.len() < MAX_STORY_LINK_LENGTH);
        let got = codec::read_link(&format!("https://x.org/lab/?{q}")).unwrap();
        prop_assert_eq!(&got.notices, &vec![]);
        let o = got.opened.unwrap();
        prop_assert_eq!(&o.story, &s);
        prop_assert_eq!(o.step, step);
        prop_assert_eq!(link::decode(&q).notices, vec![]);
    }

    /// A mangled story link never panics: it opens a usable story at one of its steps, or
    /// gives notices, each worded in both languages.
    #[test]
    fn mangled_story_links_never_panic(words in prop::collection::vec(any::<u64>(), 300), cut in any::<u64>(), kind in 0u8..6, junk in ".{0,12}") {
        let s = random_story(&words);
        let q = format!("?{}", codec::inline_query(&s));
        let at = (cut as usize) % q.len().max(1);
        let mangled = match kind {
            0 => q[..at].to_string(),
            1 => format!("{}{}{}", &q[..at], junk, &q[at..]),
            2 => q.replacen(|c: char| c.is_ascii_uppercase(), "z", 1 + at % 5),
            3 => format!("{q}{}", "A".repeat(MAX_STORY_LINK_LENGTH)),
            4 => q.replace("story=1.", &format!("story={junk}.")),
            _ => {
                let mut b = q.clone().into_bytes();
                if at > 9 { b.swap(at, at / 2 + 5); }
                String::from_utf8_lossy(&b).into_owned()
            }
        };
        if let Some(got) = codec::read_link(&mangled) {
            match &got.opened {
                Some(o) => prop_assert!(o.step < o.story.steps.len() && !o.story.steps.is_empty()),
                None => prop_assert!(!got.notices.is_empty()),
            }
            for n in &got.notices {
                prop_assert!(!n.message(true).is_empty() && !n.message(false).is_empty());
            }
        }
        let _ = link::decode(&mangled);
    }
}

#[test]
fn a_story_file_with_bad_parts_keeps_the_rest() {
    let text = r#"{
        "id": "mine", "title": {"zh": "我的", "en": "Mine"}, "extra": 1,
        "steps": [
            {"link": "preset=atlantis&relief.reach=9", "text": {"zh": "一{a.nope}", "en": "one"}, "chart": "pie"},
            {"link": "preset=no-controls", "text": {"zh": "二", "en": ""}},
            {"link": "preset=no-controls", "text": {"zh": "三", "en": "three"},
             "question": {"kind": "compare", "pick": "higher", "metric": "gdp_loss_pct",
                          "prompt": {"zh": "哪个？", "en": "Which?"},
                          "choices": [{"side": "a", "label": {"zh": "A", "en": "A"}}, {"side": "b", "label": {"zh": "B", "en": "B"}}]}},
            {"link": "preset=no-controls&b.preset=no-outbreak", "text": {"zh": "四", "en": "four"},
             "question": {"kind": "range", "of": "d", "metric": "deaths_total",
                          "prompt": {"zh": "多少？", "en": "How many?"},
                          "choices": [{"below": 0, "label": {"zh": "少", "en": "fewer"}}, {"from": 0, "label": {"zh": "多", "en": "more"}}]}}
        ]
    }"#;
    let read = story::from_json(text);
    let s = read.story.expect("three steps are usable");
    assert_eq!(s.steps.len(), 3);
    assert_eq!(s.steps[0].chart, None);
    assert!(
        s.steps[1].question.is_none(),
        "a compare question without B is left out"
    );
    let q = s.steps[2].question.as_ref().unwrap();
    // Deaths: B (no outbreak) − A (no controls) < 0: the first choice.
    assert_eq!(q.answer(&s.steps[2].run()).correct, Some(0));
    let codes: Vec<(Option<usize>, String)> = read
        .notices
        .iter()
        .map(|n| (n.step, n.problem.code().to_string()))
        .collect();
    assert_eq!(
        codes,
        [
            (Some(1), "link_notices".to_string()),
            (Some(1), "text".to_string()),
            (Some(1), "text".to_string()),
            (Some(2), "step_dropped".to_string()),
            (Some(3), "question_dropped".to_string()),
        ]
    );
    for bad in [
        "",
        "[]",
        "{}",
        r#"{"id": "x", "title": {"zh": "a", "en": "b"}, "steps": []}"#,
        r#"{"id": "X!", "title": {"zh": "a", "en": "b"}, "steps": []}"#,
        r#"{"app": "other", "id": "x", "title": {"zh": "a", "en": "b"}, "steps": []}"#,
    ] {
        let r = story::from_json(bad);
        assert!(r.story.is_none() && !r.notices.is_empty(), "{bad}");
    }
}

/// What each part of a story file may hold: which mistakes refuse the story, drop a step or
/// a question, or pass. (The decisions serde's derived readers made: unknown fields pass at
/// the top of the file and nowhere else; a field written twice is refused; `null` is absent.)
#[test]
fn each_part_of_a_story_file_is_judged_on_its_own() {
    let step = r#"{"link": "preset=no-controls", "text": {"zh": "一", "en": "one"}}"#;
    let question = r#"{"kind": "range", "of": "a", "metric": "deaths_total",
        "prompt": {"zh": "多少？", "en": "How many?"},
        "choices": [{"below": 10, "label": {"zh": "少", "en": "few"}}, {"from": 10, "label": {"zh": "多", "en": "many"}}]}"#;
    let file = |top: &str, steps: &[String]| {
        format!(
            r#"{{"id": "t", "title": {{"zh": "题", "en": "T"}}{top}, "steps": [{}]}}"#,
            steps.join(",\n")
        )
    };
    // Each case: extra top-level text, the second step, and what the reader says
    // (`None`: the story is refused; else the notices' codes for the second step).
    let with_q = |q: &str| {
        format!(
            r#"{{"link": "preset=no-controls", "text": {{"zh": "二", "en": "two"}}, "question": {q}}}"#
        )
    };
    let cases: Vec<(&str, String, Option<Vec<&str>>)> = vec![
        ("", step.to_string(), Some(vec![])),
        (r#", "later": {"x": [1]}, "later": 2"#, step.to_string(), Some(vec![])),
        (r#", "app": null, "schema": null"#, step.to_string(), Some(vec![])),
        (r#", "id": "u""#, step.to_string(), None),
        (r#", "schema": 1.0"#, step.to_string(), None),
        (r#", "schema": 0"#, step.to_string(), None),
        (r#", "schema": -1"#, step.to_string(), None),
        (r#", "app": 1"#, step.to_string(), None),
        ("", "7".to_string(), Some(vec!["step_dropped"])),
        ("", "[]".to_string(), Some(vec!["step_dropped"])),
        ("", r#"{"link": "preset=no-controls", "text": {"zh": "二", "en": "two"}, "charts": "pie"}"#.to_string(), Some(vec!["step_dropped"])),
        ("", r#"{"link": "preset=no-controls", "link": "preset=no-controls", "text": {"zh": "二", "en": "two"}}"#.to_string(), Some(vec!["step_dropped"])),
        ("", r#"{"link": "preset=no-controls", "text": {"zh": "二", "en": "two", "fr": "deux"}}"#.to_string(), Some(vec!["step_dropped"])),
        ("", r#"{"link": 1, "text": {"zh": "二", "en": "two"}}"#.to_string(), Some(vec!["step_dropped"])),
        ("", r#"{"link": "preset=no-controls", "text": {"zh": "二", "en": "two"}, "chart": null, "question": null}"#.to_string(), Some(vec![])),
        ("", r#"{"link": "preset=no-controls", "text": {"zh": "二", "en": "two"}, "chart": 3}"#.to_string(), Some(vec!["step_dropped"])),
        ("", with_q(question), Some(vec![])),
        ("", with_q(&question.replace(r#""of": "a""#, r#""of": "a", "pick": null, "explain": null"#)), Some(vec![])),
        ("", with_q(&question.replace(r#""of": "a""#, r#""of": "a", "hint": 1"#)), Some(vec!["question_dropped"])),
        ("", with_q(&question.replace(r#""of": "a""#, r#""of": "a", "of": "a""#)), Some(vec!["question_dropped"])),
        ("", with_q(&question.replace(r#""of": "a""#, r#""of": "e""#)), Some(vec!["question_dropped"])),
        ("", with_q(&question.replace(r#""kind": "range""#, r#""kind": "Range""#)), Some(vec!["question_dropped"])),
        ("", with_q(&question.replace(r#""below": 10"#, r#""below": "10""#)), Some(vec!["question_dropped"])),
        ("", with_q(&question.replace(r#""below": 10"#, r#""below": 1e400"#)), Some(vec!["question_dropped"])),
        ("", with_q(&question.replace(r#""below": 10,"#, r#""below": 10, "side": null, "note": "x","#)), Some(vec!["question_dropped"])),
        ("", with_q(&question.replace(r#""label": {"zh": "少", "en": "few"}"#, r#""label": {"zh": "少"}"#)), Some(vec!["question_dropped"])),
        ("", with_q(r#"[1, 2]"#), Some(vec!["question_dropped"])),
        ("", with_q(r#""a question""#), Some(vec!["question_dropped"])),
    ];
    for (top, second, want) in cases {
        let text = file(top, &[step.to_string(), second.clone()]);
        let read = story::from_json(&text);
        let got = read.story.as_ref().map(|_| {
            read.notices
                .iter()
                .inspect(|n| assert_eq!(n.step, Some(2), "{text}: {n}"))
                .map(|n| n.problem.code())
                .collect::<Vec<_>>()
        });
        assert_eq!(got, want, "{text}: {:?}", read.notices);
        if let Some(s) = &read.story {
            let dropped = want.as_deref() == Some(&["step_dropped"][..]);
            assert_eq!(s.steps.len(), if dropped { 1 } else { 2 }, "{text}");
        }
    }
}

/// A notice says what was wrong and where, in the file as a whole (line and column).
#[test]
fn a_notice_says_where_in_the_file() {
    let text = "{\"id\": \"t\", \"title\": {\"zh\": \"题\", \"en\": \"T\"}, \"steps\": [\n  {\"link\": \"preset=no-controls\", \"text\": {\"zh\": \"一\", \"en\": \"one\"}},\n  {\"link\": \"preset=no-controls\", \"text\": {\"zh\": \"二\", \"en\": \"two\"}, \"charts\": \"pie\"}\n]}";
    let read = story::from_json(text);
    assert_eq!(read.story.unwrap().steps.len(), 1);
    assert_eq!(
        read.notices[0].message(false),
        "Step 2: cannot be read and was left out (unknown field `charts` at line 3 column 78)."
    );
    let read = story::from_json("{\"id\": \"t\",\n \"title\": {\"zh\": \"题\", \"en\": \"T\"}, \"id\": \"u\", \"steps\": []}");
    assert_eq!(
        read.notices[0].message(false),
        "not a valid story (duplicate field `id` at line 2 column 41)."
    );
    let read = story::from_json("{\"id\": \"t\", \"steps\": [}");
    assert_eq!(
        read.notices[0].message(false),
        "not a valid story (expected value at line 1 column 23)."
    );
}

/// The JSON a story writes (its inline links carry it, compressed) is the text earlier
/// releases wrote, byte for byte: field order, optional fields left out, escapes, numbers
/// (`1e+21`, `3.0`, `-0.0`; a number that is not finite as `null`), `app` and `schema` set.
#[test]
fn a_story_writes_the_text_it_always_wrote() {
    let bi = |zh: &str, en: &str| Bilingual {
        zh: zh.into(),
        en: en.into(),
    };
    let range = |label: &str, from: Option<f64>, below: Option<f64>| Choice {
        label: bi(label, label),
        side: None,
        from,
        below,
    };
    let s = Story {
        app: "whatever".into(),
        schema: 7,
        id: "pin-1".into(),
        title: bi(
            "标题 \"引号\" \\ 斜杠/",
            "Title\ttab\nline \u{1} \u{1f} é 😀",
        ),
        steps: vec![
            Step {
                link: "preset=no-controls&b.preset=jinzhong-2022".into(),
                text: bi("一{a.deaths_total}", "one"),
                question: Some(Question {
                    prompt: bi("哪个？", "Which?"),
                    metric: "deaths_total".into(),
                    kind: QuestionKind::Compare,
                    pick: Some(Pick::Lower),
                    of: None,
                    choices: vec![
                        Choice {
                            label: bi("A", "A"),
                            side: Some(Side::A),
                            from: None,
                            below: None,
                        },
                        Choice {
                            label: bi("B", "B"),
                            side: Some(Side::B),
                            from: None,
                            below: None,
                        },
                    ],
                    explain: Some(bi("因为", "because {d.deaths_total}")),
                }),
                chart: Some("infections".into()),
            },
            Step {
                link: "preset=no-controls".into(),
                text: bi("二", "two"),
                question: Some(Question {
                    prompt: bi("多少？", "How many?"),
                    metric: "gdp_loss_pct".into(),
                    kind: QuestionKind::Range,
                    pick: None,
                    of: Some(Of::D),
                    choices: vec![
                        range("a", None, Some(-2.5)),
                        range("b", Some(-2.5), Some(0.1)),
                        range("c", Some(0.1), Some(1e-7)),
                        range("d", Some(1e21), Some(12345.678)),
                        range("e", Some(3.0), Some(f64::NAN)),
                        range("f", Some(-0.0), None),
                    ],
                    explain: None,
                }),
                chart: None,
            },
            Step {
                link: "preset=no-outbreak".into(),
                text: bi("三", "three"),
                question: None,
                chart: None,
            },
        ],
    };
    // Written by the serde_json writer of earlier releases.
    let earlier = r#"{"app":"recovery-lab-story","schema":1,"id":"pin-1","title":{"zh":"标题 \"引号\" \\ 斜杠/","en":"Title\ttab\nline \u0001 \u001f é 😀"},"steps":[{"link":"preset=no-controls&b.preset=jinzhong-2022","text":{"zh":"一{a.deaths_total}","en":"one"},"question":{"prompt":{"zh":"哪个？","en":"Which?"},"metric":"deaths_total","kind":"compare","pick":"lower","choices":[{"label":{"zh":"A","en":"A"},"side":"a"},{"label":{"zh":"B","en":"B"},"side":"b"}],"explain":{"zh":"因为","en":"because {d.deaths_total}"}},"chart":"infections"},{"link":"preset=no-controls","text":{"zh":"二","en":"two"},"question":{"prompt":{"zh":"多少？","en":"How many?"},"metric":"gdp_loss_pct","kind":"range","of":"d","choices":[{"label":{"zh":"a","en":"a"},"below":-2.5},{"label":{"zh":"b","en":"b"},"from":-2.5,"below":0.1},{"label":{"zh":"c","en":"c"},"from":0.1,"below":1e-7},{"label":{"zh":"d","en":"d"},"from":1e+21,"below":12345.678},{"label":{"zh":"e","en":"e"},"from":3.0,"below":null},{"label":{"zh":"f","en":"f"},"from":-0.0}]}},{"link":"preset=no-outbreak","text":{"zh":"三","en":"three"}}]}"#;
    assert_eq!(s.to_json(), earlier);
}

// The corpus of published story links

/// Every link of `tests/links/stories-v1.json` reads as recorded. The file is written by hand
/// and never regenerated: a later release must keep opening these links.
#[test]
fn every_published_story_link_reads_as_recorded() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/links/stories-v1.json"
    ))
    .unwrap();
    let corpus: Value = serde_json::from_str(&text).unwrap();
    let entries = corpus["entries"].as_array().unwrap();
    assert!(entries.len() >= 8);
    for e in entries {
        let name = e["name"].as_str().unwrap();
        let got = codec::read_link(e["link"].as_str().unwrap()).expect(name);
        let codes: Vec<String> = got
            .notices
            .iter()
            .map(|n| n.problem.code().to_string())
            .collect();
        let want: Vec<String> = e["notices"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_str().unwrap().to_string())
            .collect();
        assert_eq!(codes, want, "{name}");
        match (&got.opened, e["story"].as_object()) {
            (None, None) => {}
            (Some(o), Some(want)) => {
                assert_eq!(o.story.id, want["id"].as_str().unwrap(), "{name}");
                assert_eq!(
                    o.story.title.en,
                    want["title_en"].as_str().unwrap(),
                    "{name}"
                );
                assert_eq!(
                    o.story.steps.len() as u64,
                    want["steps"].as_u64().unwrap(),
                    "{name}"
                );
                assert_eq!(o.step as u64 + 1, want["step"].as_u64().unwrap(), "{name}");
                let questions = o
                    .story
                    .steps
                    .iter()
                    .filter(|s| s.question.is_some())
                    .count();
                assert_eq!(
                    questions as u64,
                    want["questions"].as_u64().unwrap(),
                    "{name}"
                );
                if let Some(text) = want.get("first_text_en") {
                    assert_eq!(o.story.steps[0].text.en, text.as_str().unwrap(), "{name}");
                }
            }
            (got, want) => panic!("{name}: opened {got:?}, recorded {want:?}"),
        }
    }
}

/// Prints a corpus entry's inline link for a small story (run once when writing the corpus).
#[test]
#[ignore]
fn print_inline_link() {
    let text = std::fs::read_to_string(std::env::var("STORY").unwrap()).unwrap();
    let s = story::from_json(&text).story.unwrap();
    println!("{}", codec::inline_query(&s));
}
