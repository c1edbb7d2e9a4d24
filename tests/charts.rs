//! The charts drawn natively into plotters' SVG backend: every chart draws, in both languages,
//! with its axis and legend labels, real month names on the time axis, and the article's
//! 19.8%-by-30-April point on the projects chart.

use plotters::prelude::*;
use recovery_lab::charts::{self, ChartId, Figure};
use recovery_lab::i18n::{Lang, Text};
use recovery_lab::scenario::presets;
use recovery_lab::sim::{self, Area, Indicator, Mode, Outcome};

const W: u32 = 720;
const H: u32 = 300;

/// A run with shapes in every series (an outbreak bump, a dip below baseline), so the charts
/// have something to scale, whatever state the engine is in.
fn synthetic_outcome() -> Outcome {
    let scenario = presets::jinzhong_2022();
    let mut o = sim::run(&scenario, Mode::Deterministic);
    let days = o.days();
    let bump = |i: usize| (-((i as f64 - 60.0) / 10.0).powi(2)).exp();
    for area in Area::all() {
        let k = if area == Area::City { 11.0 } else { 1.0 };
        let mut set = |ind, f: &dyn Fn(usize) -> f64| {
            for (i, v) in o.series_mut(ind, area).iter_mut().enumerate() {
                *v = f(i);
            }
        };
        set(Indicator::NewInfections, &|i| 40.0 * k * bump(i));
        set(Indicator::ActiveInfections, &|i| 300.0 * k * bump(i));
        set(Indicator::DetectedNew, &|i| 30.0 * k * bump(i));
        set(Indicator::Isolated, &|i| 200.0 * k * bump(i));
        set(Indicator::CumulativeInfections, &|i| i as f64 * k);
        set(Indicator::Stringency, &|i| {
            if (50..80).contains(&i) {
                70.0
            } else {
                0.0
            }
        });
        set(Indicator::GdpBaseline, &|_| 5.2e8 * k / 11.0);
        set(Indicator::Gdp, &|i| {
            5.2e8 * k / 11.0 * (1.0 - 0.1 * bump(i))
        });
        set(Indicator::RetailBaseline, &|_| 2.0e8 * k / 11.0);
        set(Indicator::RetailSales, &|i| {
            2.0e8 * k / 11.0 * (1.0 - 0.2 * bump(i))
        });
        set(Indicator::Catering, &|i| 3e7 * (1.0 - 0.5 * bump(i)));
        set(Indicator::CarSalesUnits, &|i| 200.0 * (1.0 - 0.5 * bump(i)));
        set(Indicator::HomeSalesUnits, &|i| {
            100.0 * (1.0 - 0.3 * bump(i))
        });
        set(Indicator::OnlineSales, &|i| 1e7 * (1.0 + 0.3 * bump(i)));
        set(Indicator::FaiCompletedPct, &|i| i as f64 / 365.0 * 100.0);
        set(Indicator::ProjectsStarted, &|i| (i as f64 / 1.2).min(110.0));
        set(Indicator::Employment, &|i| 1.6e6 - 2e4 * bump(i));
        set(Indicator::SmesOpenPct, &|i| 100.0 - 3.0 * bump(i));
        set(Indicator::FiscalCostCumulative, &|i| i as f64 * 2e6);
    }
    assert_eq!(days, 365);
    o
}

fn svg(id: ChartId, lang: Lang, outcome: &Outcome) -> String {
    let scenario = presets::jinzhong_2022();
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (W, H)).into_drawing_area();
        let frame = charts::draw(&root, id, outcome, &scenario, lang, 1.0)
            .unwrap_or_else(|e| panic!("{id:?} {lang:?}: {e:?}"));
        assert!(
            frame.left < frame.right && frame.right < W as i32,
            "{frame:?}"
        );
        assert!(
            frame.top < frame.bottom && frame.bottom < H as i32,
            "{frame:?}"
        );
        assert_eq!(frame.days, 365);
        root.present().unwrap();
    }
    // For looking at the charts: CHART_SVG_DIR=/tmp/charts cargo test --test charts
    if let Ok(dir) = std::env::var("CHART_SVG_DIR") {
        let path = format!("{dir}/{}-{lang:?}.svg", id.key());
        std::fs::create_dir_all(&dir)
            .and_then(|_| std::fs::write(path, &out))
            .unwrap();
    }
    out
}

/// The texts the SVG draws, with XML escapes undone.
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let body = &t[t.find('>')? + 1..t.find("</text>")?];
            Some(
                body.trim()
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&#39;", "'")
                    .replace("&amp;", "&"),
            )
        })
        .collect()
}

fn has_text(svg: &str, text: &str) -> bool {
    texts(svg).iter().any(|t| t == text)
}

fn assert_texts(id: ChartId, lang: Lang, svg: &str, texts: &[&str]) {
    for t in texts {
        assert!(
            has_text(svg, t),
            "{id:?} {lang:?}: no text \"{t}\" in the SVG"
        );
    }
}

#[test]
fn every_chart_draws_in_both_languages_with_months_on_the_axis() {
    let o = synthetic_outcome();
    for id in ChartId::ALL {
        let zh = svg(id, Lang::Zh, &o);
        let en = svg(id, Lang::En, &o);
        assert_texts(id, Lang::Zh, &zh, &["1月", "3月", "12月"]);
        assert_texts(id, Lang::En, &en, &["Jan", "Mar", "Dec"]);
        assert!(
            !has_text(&zh, "Jan"),
            "{id:?}: English month in Chinese chart"
        );
    }
}

#[test]
fn infections_chart_labels() {
    let o = synthetic_outcome();
    let t = |l| Text::ActiveInfections.get(l);
    assert_texts(
        ChartId::Infections,
        Lang::Zh,
        &svg(ChartId::Infections, Lang::Zh, &o),
        &[
            t(Lang::Zh),
            "新增感染",
            "新发现病例",
            "隔离中",
            "人数（人）",
        ],
    );
    assert_texts(
        ChartId::Infections,
        Lang::En,
        &svg(ChartId::Infections, Lang::En, &o),
        &[
            t(Lang::En),
            "New infections",
            "Cases found",
            "In isolation",
            "Count (thousand people)",
        ],
    );
}

#[test]
fn money_axes_read_in_yi_and_in_millions() {
    let o = synthetic_outcome();
    assert_texts(
        ChartId::GdpRetail,
        Lang::Zh,
        &svg(ChartId::GdpRetail, Lang::Zh, &o),
        &[
            "GDP",
            "GDP（无疫情）",
            "社零额",
            "社零额（无疫情）",
            "每日（亿元）",
        ],
    );
    assert_texts(
        ChartId::GdpRetail,
        Lang::En,
        &svg(ChartId::GdpRetail, Lang::En, &o),
        &[
            "GDP, no outbreak",
            "Retail, no outbreak",
            "Per day (million yuan)",
        ],
    );
    assert_texts(
        ChartId::Fiscal,
        Lang::Zh,
        &svg(ChartId::Fiscal, Lang::Zh, &o),
        &["累计财政投入（亿元）"],
    );
    assert_texts(
        ChartId::Fiscal,
        Lang::En,
        &svg(ChartId::Fiscal, Lang::En, &o),
        &["Fiscal cost to date (million yuan)"],
    );
}

#[test]
fn projects_chart_marks_the_article_point() {
    let o = synthetic_outcome();
    assert_texts(
        ChartId::Projects,
        Lang::Zh,
        &svg(ChartId::Projects, Lang::Zh, &o),
        &[
            "完成投资",
            "计划",
            "文章：4月30日完成19.8%",
            "占年度计划（%）",
            "已开工项目（个）",
        ],
    );
    assert_texts(
        ChartId::Projects,
        Lang::En,
        &svg(ChartId::Projects, Lang::En, &o),
        &[
            "Invested",
            "Plan",
            "Article: 19.8% by 30 April",
            "Projects started",
        ],
    );
}

#[test]
fn sectors_jobs_and_stringency_labels() {
    let o = synthetic_outcome();
    let cases: [(ChartId, &[&str], &[&str]); 3] = [
        (
            ChartId::Sectors,
            &[
                "餐饮",
                "汽车销量",
                "住房销量",
                "网络零售",
                "指数（1月首周=100）",
            ],
            &["Catering", "Cars sold", "Homes sold", "Online sales"],
        ),
        (
            ChartId::JobsSmes,
            &[
                "就业人数",
                "中小企业营业比例",
                "就业人数（万人）",
                "营业中小企业（%）",
            ],
            &[
                "Employed",
                "Small firms open",
                "Employed (million people)",
                "Small firms open (%)",
            ],
        ),
        (
            ChartId::Stringency,
            &["严格度", "榆次区", "太谷区", "榆社县"],
            &["Stringency", "Yuci", "Taigu", "Yushe"],
        ),
    ];
    for (id, zh, en) in cases {
        assert_texts(id, Lang::Zh, &svg(id, Lang::Zh, &o), zh);
        assert_texts(id, Lang::En, &svg(id, Lang::En, &o), en);
    }
}

#[test]
fn hover_reads_the_date_and_values() {
    let o = synthetic_outcome();
    let s = presets::jinzhong_2022();
    let (title, rows) = charts::hover(ChartId::GdpRetail, &o, &s, Lang::Zh, 60);
    assert_eq!(title, "2022年3月2日");
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[0].label, "GDP");
    assert!(
        rows[0].value.ends_with("亿元 (-10.0%)"),
        "{}",
        rows[0].value
    );
    let (title, rows) = charts::hover(ChartId::Stringency, &o, &s, Lang::En, 60);
    assert_eq!(title, "2 Mar 2022");
    assert_eq!(rows.len(), 11);
    assert_eq!(rows[0].value, "70");
    let (_, rows) = charts::hover(ChartId::Sectors, &o, &s, Lang::Zh, 60);
    assert!(rows[0].value.ends_with("万元"), "{}", rows[0].value);
    // The figure and the drawing agree on which day is under the pointer.
    let fig = charts::figure(ChartId::Infections, &o, &s, Lang::En);
    assert!(matches!(fig, Figure::Lines(_)));
}
