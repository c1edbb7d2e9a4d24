//! The district view: the 11 districts as tiles laid out roughly as on the map, coloured by
//! a chosen figure, with a legend. Plain HTML, so every tile is text a screen reader reads.
//! When comparing, scenario B gets its own map beside A's, on the same colour scale, and each
//! of its tiles also says B − A.

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::charts::districts::MapIndicator;
use crate::charts::sequential;
use crate::i18n::{fmt_quantity, Lang, Text};
use crate::scenario::DISTRICTS;
use crate::ui::engine::Results;

#[derive(Properties, Clone)]
pub struct DistrictMapProps {
    pub results: Rc<Results>,
    /// Scenario B's run, when comparing.
    #[prop_or_default]
    pub b: Option<Rc<Results>>,
    pub indicator: MapIndicator,
    pub onselect: Callback<MapIndicator>,
    /// Playback: the values as of this day, coloured on the whole year's scale.
    #[prop_or_default]
    pub until: Option<usize>,
}

impl PartialEq for DistrictMapProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.results, &other.results)
            && match (&self.b, &other.b) {
                (Some(x), Some(y)) => Rc::ptr_eq(x, y),
                (None, None) => true,
                _ => false,
            }
            && self.indicator == other.indicator
            && self.onselect == other.onselect
            && self.until == other.until
    }
}

/// Dark text on light tiles, white on dark ones.
fn ink((r, g, b): (u8, u8, u8)) -> &'static str {
    let lum = 0.2126 * r as f64 + 0.7152 * g as f64 + 0.0722 * b as f64;
    if lum > 140.0 {
        "#1f2937"
    } else {
        "#ffffff"
    }
}

/// One map's tiles. `base` (scenario A's values) adds "B − A" to each tile.
fn tiles(
    lang: Lang,
    ind: MapIndicator,
    values: &[f64],
    base: Option<&[f64]>,
    domain: (f64, f64),
    testid: &'static str,
    label: Option<&str>,
) -> Html {
    let q = ind.quantity();
    html! {
        <div class="tile-map" data-testid={testid} role="list" aria-label={label.map(str::to_string)}>
            { for DISTRICTS.iter().zip(values.iter()).enumerate().map(|(i, (&d, &v))| {
                let (col, row) = d.tile();
                let c = ind.colour(v, domain);
                let name = lang.pick(d.name_zh(), d.name_en());
                let value = fmt_quantity(lang, q, v);
                let diff = base.map(|a| v - a[i]);
                let diff_text = diff.map(|x| {
                    let size = fmt_quantity(lang, q, x.abs());
                    // A difference that rounds to nothing has no sign.
                    let sign = if size == fmt_quantity(lang, q, 0.0) {
                        "±"
                    } else if x > 0.0 {
                        "+"
                    } else {
                        "−"
                    };
                    format!("B − A {sign}{size}")
                });
                let title = match &diff_text {
                    Some(t) => format!("{name}: {value} ({t})"),
                    None => format!("{name}: {value}"),
                };
                html! {
                    <div class="tile" role="listitem"
                        data-district={d.id()}
                        data-value={format!("{v}")}
                        data-diff={diff.map(|x| format!("{x}"))}
                        style={format!("grid-column: {}; grid-row: {}; background: rgb({},{},{}); color: {};", col + 1, row + 1, c.0, c.1, c.2, ink(c))}
                        title={title}>
                        <span class="tile-name">{ name }</span>
                        <span class="tile-value">{ value }</span>
                        if let Some(t) = diff_text {
                            <span class="tile-diff">{ t }</span>
                        }
                    </div>
                }
            }) }
        </div>
    }
}

#[component(DistrictMap)]
pub fn district_map(props: &DistrictMapProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let ind = props.indicator;
    let values = ind.values_until(&props.results.outcome, props.until);
    let values_b = props
        .b
        .as_ref()
        .map(|b| ind.values_until(&b.outcome, props.until));
    // One colour scale for both maps, so the same colour means the same number, and the whole
    // year's, so the tiles darken as the year plays instead of rescaling.
    let all: Vec<f64> = std::iter::once(&props.results)
        .chain(props.b.as_ref())
        .flat_map(|r| ind.values(&r.outcome))
        .collect();
    let domain = ind.domain(&all);
    let q = ind.quantity();
    let on_select = props.onselect.reform(|e: Event| {
        let v = e.target_unchecked_into::<HtmlSelectElement>().value();
        MapIndicator::from_key(&v).unwrap_or(MapIndicator::Infections)
    });
    // The legend's gradient, in the direction the tiles use.
    let stops: Vec<String> = (0..=8)
        .map(|i| {
            let t = i as f64 / 8.0;
            let c = if ind == MapIndicator::SmesOpenEnd {
                sequential(1.0 - t)
            } else {
                sequential(t)
            };
            format!("rgb({},{},{}) {:.0}%", c.0, c.1, c.2, t * 100.0)
        })
        .collect();
    let maps = match &values_b {
        None => tiles(lang, ind, &values, None, domain, "district-map", None),
        Some(vb) => {
            let (la, lb) = (Text::ScenarioA.get(lang), Text::ScenarioB.get(lang));
            html! {
                <div class="tile-maps compared">
                    <div>
                        <h4 class="map-side">{ la }</h4>
                        { tiles(lang, ind, &values, None, domain, "district-map", Some(la)) }
                    </div>
                    <div>
                        <h4 class="map-side map-side-b">{ lb }</h4>
                        { tiles(lang, ind, vb, Some(&values), domain, "district-map-b", Some(lb)) }
                    </div>
                </div>
            }
        }
    };
    html! {
        <section class="district-view" aria-labelledby="district-title">
            <div class="district-head">
                <h3 id="district-title">{ Text::DistrictView.get(lang) }</h3>
                <label class="inline">
                    { Text::MapIndicator.get(lang) }
                    <select data-testid="map-indicator" onchange={on_select}>
                        { for MapIndicator::ALL.iter().map(|&m| html! {
                            <option value={m.key()} selected={m == ind}>{ m.text().get(lang) }</option>
                        }) }
                    </select>
                </label>
            </div>
            { maps }
            <div class="map-legend" aria-label={Text::Legend.get(lang)}>
                <span>{ fmt_quantity(lang, q, if ind == MapIndicator::SmesOpenEnd { domain.1 } else { domain.0 }) }</span>
                <span class="gradient" style={format!("background: linear-gradient(to right, {})", stops.join(", "))}></span>
                <span>{ fmt_quantity(lang, q, if ind == MapIndicator::SmesOpenEnd { domain.0 } else { domain.1 }) }</span>
            </div>
        </section>
    }
}
