//! What the ensemble's web workers (`static/ensemble-worker.js`) call in the page's own wasm
//! module: [`ensemble_chunk`] runs a piece of the runs (the run workers), and
//! [`EnsembleAggregator`] gathers the pieces and computes the views the page draws (the one
//! aggregating worker). The main thread only hands pieces on and draws finished views
//! ([`crate::ui::ensemble`]).
//!
//! A piece's scenario comes as the JSON the page's export writes. It is parsed and checked
//! once per scenario and kept (a worker gets many pieces of the same scenario in a row), so the
//! parsing costs once per ensemble, not once per piece. The page's own link (`scenario::link`)
//! would do as well only for scenarios whose link fits the decoder's 4,000-character limit
//! (docs/link-format.md, "Maximum length"); a scenario imported from a JSON file need not, so
//! JSON it stays (`crate::json`, which the import and export use anyway).

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Float64Array, Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::scenario::validate::validate;
use crate::scenario::Scenario;
use crate::sim::ensemble::{figure_keys, ranges_to_flat, run_chunk, Aggregate, BAND_INDICATORS};

thread_local! {
    /// The last scenario read, by its JSON.
    static LAST: RefCell<Option<(String, Rc<Scenario>)>> = const { RefCell::new(None) };
}

/// `json` read as a valid scenario (kept for the next call with the same text).
fn scenario_of(json: &str) -> Result<Rc<Scenario>, JsValue> {
    if let Some(s) = LAST.with_borrow(|l| {
        l.as_ref()
            .filter(|(text, _)| text == json)
            .map(|(_, s)| s.clone())
    }) {
        return Ok(s);
    }
    let scenario: Scenario =
        crate::json::from_str(json).map_err(|e| JsValue::from_str(&e.to_string()))?;
    validate(&scenario)
        .map_err(|e| JsValue::from_str(&e.first().map(|e| e.to_string()).unwrap_or_default()))?;
    let scenario = Rc::new(scenario);
    LAST.set(Some((json.to_string(), scenario.clone())));
    Ok(scenario)
}

fn days_of(scenario: &Scenario) -> usize {
    (scenario.end.days_since(scenario.start) + 1).max(0) as usize
}

/// Runs replicates `first .. first + count` of the ensemble of `scenario_json` seeded `seed`
/// (a decimal u64): what one run worker does with one piece. Returns `{series, figures}`:
/// `series` the city series of [`BAND_INDICATORS`], [run][indicator][day]; `figures` the
/// card figures of [`figure_keys`], [run][key] (NaN for none).
#[wasm_bindgen]
pub fn ensemble_chunk(
    scenario_json: &str,
    seed: &str,
    first: u32,
    count: u32,
) -> Result<Object, JsValue> {
    let scenario = scenario_of(scenario_json)?;
    let seed: u64 = seed
        .parse()
        .map_err(|_| JsValue::from_str("the seed is not a whole number"))?;
    let keys = figure_keys(&scenario);
    let (series, figures) = run_chunk(&scenario, seed, first, count, &BAND_INDICATORS, &keys);
    let out = Object::new();
    Reflect::set(&out, &"series".into(), &Float64Array::from(&series[..]))?;
    Reflect::set(&out, &"figures".into(), &Float64Array::from(&figures[..]))?;
    Ok(out)
}

/// Shortest time between two views while runs arrive, for an ensemble of `total` runs:
/// 150 ms for small ensembles, up to 250 ms from 1,000 runs (each view costs the page a
/// redraw; a large ensemble tightens slowly anyway).
pub fn publish_interval_ms(total: u32) -> f64 {
    150.0 + 100.0 * f64::from(total.min(1000)) / 1000.0
}

/// One ensemble (one scenario, seed and run count) gathered in the aggregating worker.
///
/// Pieces wait in `pending` until a view is due, then go into the sorted runs as one: each
/// merge passes over every run already in, so merging once a view rather than once a piece
/// costs a fraction (16 pieces of a 1,000-run ensemble, about 6 views).
#[wasm_bindgen]
pub struct EnsembleAggregator {
    agg: Aggregate,
    last_view: f64,
    /// Runs waiting, and their series and figures, as [`ensemble_chunk`] gives them.
    pending: (u32, Vec<f64>, Vec<f64>),
}

#[wasm_bindgen]
impl EnsembleAggregator {
    /// An empty ensemble of `total` runs of `scenario_json`; `now` (ms) starts the clock of
    /// the views.
    #[wasm_bindgen(constructor)]
    pub fn new(scenario_json: &str, total: u32, now: f64) -> Result<EnsembleAggregator, JsValue> {
        let scenario = scenario_of(scenario_json)?;
        Ok(EnsembleAggregator {
            agg: Aggregate::new(
                scenario.start,
                days_of(&scenario),
                BAND_INDICATORS.to_vec(),
                figure_keys(&scenario),
                total,
            ),
            last_view: now,
            pending: (0, Vec::new(), Vec::new()),
        })
    }

    /// Takes a piece of `count` runs as [`ensemble_chunk`] gave it. Returns whether a view is
    /// due now (the last run is in, or [`publish_interval_ms`] has passed since the last view;
    /// then every run taken is merged); an error if the piece does not fit.
    pub fn add(
        &mut self,
        count: u32,
        series: &[f64],
        figures: &[f64],
        now: f64,
    ) -> Result<bool, JsValue> {
        let (ni, nd) = (self.agg.indicators.len(), self.agg.days);
        let n = count as usize;
        let waiting = self.agg.done + self.pending.0;
        if count == 0
            || waiting + count > self.agg.total
            || series.len() != n * ni * nd
            || figures.len() != n * self.agg.keys.len()
        {
            return Err(JsValue::from_str(
                "a piece of the runs did not fit the ensemble",
            ));
        }
        self.pending.0 += count;
        self.pending.1.extend_from_slice(series);
        self.pending.2.extend_from_slice(figures);
        let last = waiting + count == self.agg.total;
        let due = last || now - self.last_view >= publish_interval_ms(self.agg.total);
        if due {
            self.last_view = now;
            let (count, series, figures) = std::mem::take(&mut self.pending);
            if !self.agg.add(count, &series, &figures) {
                return Err(JsValue::from_str(
                    "a piece of the runs did not fit the ensemble",
                ));
            }
        }
        Ok(due)
    }

    /// Runs in the last view.
    pub fn done(&self) -> u32 {
        self.agg.done
    }

    pub fn total(&self) -> u32 {
        self.agg.total
    }

    /// The bands over the runs merged so far, [indicator][quantile][day] of
    /// [`BAND_INDICATORS`] and [`QUANTILES`](crate::sim::ensemble::QUANTILES).
    pub fn bands(&self) -> Vec<f64> {
        self.agg.bands().data().to_vec()
    }

    /// The card ranges over the runs merged so far, [key][p5, p95] ([`ranges_to_flat`]).
    pub fn ranges(&self) -> Vec<f64> {
        ranges_to_flat(&self.agg.ranges())
    }
}
