//! The district view: the 11 districts as tiles laid out roughly as on the map, coloured by
//! a chosen figure, with a legend. Plain HTML, so every tile is text a screen reader reads.

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
    pub indicator: MapIndicator,
    pub onselect: Callback<MapIndicator>,
    /// Playback: the values as of this day, coloured on the whole year's scale.
    #[prop_or_default]
    pub until: Option<usize>,
}

impl PartialEq for DistrictMapProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.results, &other.results)
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

#[component(DistrictMap)]
pub fn district_map(props: &DistrictMapProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let ind = props.indicator;
    let values = ind.values_until(&props.results.outcome, props.until);
    // The whole year's scale, so the tiles darken as the year plays instead of rescaling.
    let domain = ind.domain(&ind.values(&props.results.outcome));
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
            <div class="tile-map" data-testid="district-map" role="list">
                { for DISTRICTS.iter().zip(values.iter()).map(|(&d, &v)| {
                    let (col, row) = d.tile();
                    let c = ind.colour(v, domain);
                    let name = lang.pick(d.name_zh(), d.name_en());
                    let value = fmt_quantity(lang, q, v);
                    html! {
                        <div class="tile" role="listitem"
                            data-district={d.id()}
                            data-value={format!("{v}")}
                            style={format!("grid-column: {}; grid-row: {}; background: rgb({},{},{}); color: {};", col + 1, row + 1, c.0, c.1, c.2, ink(c))}
                            title={format!("{name}: {value}")}>
                            <span class="tile-name">{ name }</span>
                            <span class="tile-value">{ value }</span>
                        </div>
                    }
                }) }
            </div>
            <div class="map-legend" aria-label={Text::Legend.get(lang)}>
                <span>{ fmt_quantity(lang, q, if ind == MapIndicator::SmesOpenEnd { domain.1 } else { domain.0 }) }</span>
                <span class="gradient" style={format!("background: linear-gradient(to right, {})", stops.join(", "))}></span>
                <span>{ fmt_quantity(lang, q, if ind == MapIndicator::SmesOpenEnd { domain.0 } else { domain.1 }) }</span>
            </div>
        </section>
    }
}
