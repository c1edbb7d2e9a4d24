//! The uncertainty bands: a seeded ensemble of stochastic runs, computed off the main thread by
//! a small pool of web workers (`static/ensemble-worker.js`) and gathered here piece by piece.
//!
//! Each worker loads the page's own wasm module and glue (their hashed names are read from the
//! page's preload links) and calls [`ensemble_chunk`] for a piece of the runs: replicate `i` is
//! seeded `seed + i`, so any split over the workers gives the same ensemble. A piece comes back
//! as two `Float64Array`s (transferred, not copied): the city series the charts band and the
//! figures the cards show ranges of. The main thread merges them into a
//! [`sim::ensemble::Aggregate`](crate::sim::ensemble::Aggregate) (sorted insertion, a few
//! milliseconds a piece), and publishes bands and ranges as they tighten.
//!
//! A new scenario, seed or run count cancels the ensemble in flight (a generation number: late
//! pieces are dropped) and starts a new one once the input has settled ([`SETTLE_MS`]). Without
//! `Worker` (or without the page's preload links) the page says so and shows the
//! deterministic run alone.
//!
//! Messages to a worker: `{type: "init", glue, wasm}` (the addresses), then
//! `{type: "run", generation, scenario (JSON), seed (decimal), first, count}`. From it:
//! `{type: "ready"}`, `{type: "chunk", generation, first, count, series, figures}` (the two
//! arrays' buffers transferred), or `{type: "error", message[, generation]}`.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Float64Array, Object, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::prelude::*;

use crate::scenario::validate::validate;
use crate::scenario::Scenario;
use crate::sim::ensemble::{figure_keys, run_chunk, Aggregate, Bands, Ranges, BAND_INDICATORS};

/// Quiet time after the last input before an ensemble starts, so a drag does not churn.
pub const SETTLE_MS: i32 = 300;

/// Most workers, whatever `navigator.hardwareConcurrency` says.
const MAX_WORKERS: u32 = 4;

/// Bands and ranges are republished at most this often while runs arrive (and once at the end).
const PUBLISH_MS: f64 = 120.0;

/// The worker script, beside index.html (relative to the page's address).
const WORKER_SCRIPT: &str = "ensemble-worker.js";

/// Runs replicates `first .. first + count` of the ensemble of `scenario_json` seeded `seed`
/// (a decimal u64): what one worker does with one piece. Returns `{series, figures}`:
/// `series` the city series of [`BAND_INDICATORS`], [run][indicator][day]; `figures` the
/// card figures of [`figure_keys`], [run][key] (NaN for none).
#[wasm_bindgen]
pub fn ensemble_chunk(
    scenario_json: &str,
    seed: &str,
    first: u32,
    count: u32,
) -> Result<Object, JsValue> {
    let scenario: Scenario =
        serde_json::from_str(scenario_json).map_err(|e| JsValue::from_str(&e.to_string()))?;
    validate(&scenario)
        .map_err(|e| JsValue::from_str(&e.first().map(|e| e.to_string()).unwrap_or_default()))?;
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

/// Where an ensemble stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    /// No web workers here: deterministic run only.
    Unavailable,
    /// Waiting for the input to settle (or for the workers to load).
    Waiting,
    Running,
    Done,
    Failed(String),
}

/// What the page shows of an ensemble.
#[derive(Clone, Debug)]
pub struct View {
    /// The scenario these runs are of: bands of another scenario are never drawn.
    pub scenario: Option<Rc<Scenario>>,
    pub seed: u64,
    pub status: Status,
    pub done: u32,
    pub total: u32,
    /// Milliseconds from the start to the last piece merged (for the benchmark).
    pub elapsed_ms: f64,
    pub bands: Option<Rc<Bands>>,
    /// The 5–95% range of each card figure, by card key.
    pub ranges: Option<Rc<Ranges>>,
}

impl PartialEq for View {
    fn eq(&self, other: &Self) -> bool {
        let same_rc = |a: &Option<Rc<Scenario>>, b: &Option<Rc<Scenario>>| match (a, b) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        same_rc(&self.scenario, &other.scenario)
            && self.seed == other.seed
            && self.status == other.status
            && self.done == other.done
            && self.total == other.total
    }
}

impl View {
    fn empty(status: Status) -> View {
        View {
            scenario: None,
            seed: 0,
            status,
            done: 0,
            total: 0,
            elapsed_ms: 0.0,
            bands: None,
            ranges: None,
        }
    }

    /// Whether this view is of `scenario` (the same `Rc`) and `seed`, `runs`.
    pub fn is_of(&self, scenario: &Rc<Scenario>, seed: u64, runs: u32) -> bool {
        self.scenario
            .as_ref()
            .is_some_and(|s| Rc::ptr_eq(s, scenario))
            && self.seed == seed
            && self.total == runs
    }
}

struct Slot {
    worker: Worker,
    ready: bool,
    busy: bool,
    failed: bool,
}

struct Job {
    generation: u32,
    scenario: Rc<Scenario>,
    json: String,
    seed: u64,
    next: u32,
    chunk: u32,
    agg: Aggregate,
    started: f64,
    last_publish: f64,
}

struct Inner {
    slots: Vec<Slot>,
    job: Option<Job>,
    generation: u32,
}

/// The workers and the ensemble in flight.
pub struct Pool {
    inner: Rc<RefCell<Inner>>,
    publish: Callback<Rc<View>>,
    _listeners: Vec<Closure<dyn FnMut(MessageEvent)>>,
    _error_listeners: Vec<Closure<dyn FnMut(web_sys::Event)>>,
}

impl Drop for Pool {
    fn drop(&mut self) {
        for s in &self.inner.borrow().slots {
            s.worker.terminate();
        }
    }
}

fn now() -> f64 {
    js_sys::Date::now()
}

/// The `href` of the first element matching `selector`. Trunk writes root-relative addresses
/// (`/recovery-lab-….js`), which mean the same in the worker (same origin).
fn linked_url(doc: &web_sys::Document, selector: &str) -> Option<String> {
    doc.query_selector(selector).ok()??.get_attribute("href")
}

fn get_f64_array(data: &JsValue, key: &str) -> Option<Vec<f64>> {
    Reflect::get(data, &key.into())
        .ok()?
        .dyn_into::<Float64Array>()
        .ok()
        .map(|a| a.to_vec())
}

fn get_u32(data: &JsValue, key: &str) -> Option<u32> {
    Reflect::get(data, &key.into())
        .ok()?
        .as_f64()
        .map(|v| v as u32)
}

impl Pool {
    /// Starts the workers (none if the browser has no `Worker`, or the page lacks its preload
    /// links): `None` then, and the page says the bands are unavailable.
    pub fn new(publish: Callback<Rc<View>>) -> Option<Pool> {
        let window = web_sys::window()?;
        let has_worker = Reflect::has(&window, &"Worker".into()).unwrap_or(false)
            && !Reflect::get(&window, &"Worker".into())
                .map(|w| w.is_undefined() || w.is_null())
                .unwrap_or(true);
        if !has_worker {
            return None;
        }
        let doc = window.document()?;
        let glue = linked_url(&doc, "link[rel=modulepreload][href$='.js']")?;
        let wasm = linked_url(&doc, "link[rel=preload][href$='.wasm']")?;
        let cores = window.navigator().hardware_concurrency() as u32;
        let count = cores.clamp(1, MAX_WORKERS);
        let inner = Rc::new(RefCell::new(Inner {
            slots: Vec::new(),
            job: None,
            generation: 0,
        }));
        let mut listeners = Vec::new();
        let mut error_listeners = Vec::new();
        let opts = WorkerOptions::new();
        opts.set_type(WorkerType::Module);
        for i in 0..count as usize {
            let worker = Worker::new_with_options(WORKER_SCRIPT, &opts).ok()?;
            let (inner_m, publish_m) = (inner.clone(), publish.clone());
            let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
                if let Some(view) = on_message(&inner_m, i, &e.data()) {
                    publish_later(&inner_m, &publish_m, view);
                }
            });
            worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            let (inner_e, publish_e) = (inner.clone(), publish.clone());
            let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
                let view = fail_slot(&inner_e, i, "the worker did not load");
                if let Some(view) = view {
                    publish_e.emit(view);
                }
            });
            worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
            let init = Object::new();
            let _ = Reflect::set(&init, &"type".into(), &"init".into());
            let _ = Reflect::set(&init, &"glue".into(), &glue.as_str().into());
            let _ = Reflect::set(&init, &"wasm".into(), &wasm.as_str().into());
            worker.post_message(&init).ok()?;
            inner.borrow_mut().slots.push(Slot {
                worker,
                ready: false,
                busy: false,
                failed: false,
            });
            listeners.push(on_message);
            error_listeners.push(on_error);
        }
        Some(Pool {
            inner,
            publish,
            _listeners: listeners,
            _error_listeners: error_listeners,
        })
    }

    /// Drops the ensemble in flight: pieces still running are ignored when they come back.
    pub fn cancel(&self) {
        let mut inner = self.inner.borrow_mut();
        inner.generation += 1;
        inner.job = None;
    }

    /// Starts an ensemble of `runs` runs of `scenario` seeded `seed`, cancelling any other.
    pub fn start(&self, scenario: Rc<Scenario>, seed: u64, runs: u32) {
        let view = {
            let mut inner = self.inner.borrow_mut();
            inner.generation += 1;
            // Pretty, as the JSON export writes it: one serializer in the wasm, not two.
            let Ok(json) = serde_json::to_string_pretty(&*scenario) else {
                return;
            };
            let days = (scenario.end.days_since(scenario.start) + 1).max(0) as usize;
            let workers = inner.slots.len().max(1) as u32;
            let chunk = runs.div_ceil(8 * workers).clamp(1, 100);
            let agg = Aggregate::new(
                scenario.start,
                days,
                BAND_INDICATORS.to_vec(),
                figure_keys(&scenario),
                runs,
            );
            let t = now();
            inner.job = Some(Job {
                generation: inner.generation,
                scenario: scenario.clone(),
                json,
                seed,
                next: 0,
                chunk,
                agg,
                started: t,
                last_publish: t,
            });
            for i in 0..inner.slots.len() {
                dispatch(&mut inner, i);
            }
            let failed = inner.slots.iter().all(|s| s.failed);
            let mut view = View::empty(if failed {
                Status::Failed("the workers did not load".into())
            } else {
                Status::Running
            });
            view.scenario = Some(scenario);
            view.seed = seed;
            view.total = runs;
            view
        };
        self.publish.emit(Rc::new(view));
    }
}

/// Publishes `view` in a task of its own, unless another ensemble has started meanwhile: the
/// merge of a piece and the redraw its view causes are then two main-thread tasks, not one.
fn publish_later(inner: &Rc<RefCell<Inner>>, publish: &Callback<Rc<View>>, view: Rc<View>) {
    let generation = inner.borrow().generation;
    let (inner, publish) = (inner.clone(), publish.clone());
    let emit = move || {
        if inner.borrow().generation == generation {
            publish.emit(view);
        }
    };
    let Some(window) = web_sys::window() else {
        return emit();
    };
    let f = Closure::once_into_js(emit);
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(f.unchecked_ref(), 0);
}

/// Gives worker `i` the next piece of the job, if it is free and there is one.
fn dispatch(inner: &mut Inner, i: usize) {
    let Some(job) = inner.job.as_mut() else {
        return;
    };
    let slot = &mut inner.slots[i];
    if !slot.ready || slot.busy || slot.failed || job.next >= job.agg.total {
        return;
    }
    let count = job.chunk.min(job.agg.total - job.next);
    let msg = Object::new();
    let _ = Reflect::set(&msg, &"type".into(), &"run".into());
    let _ = Reflect::set(&msg, &"generation".into(), &job.generation.into());
    let _ = Reflect::set(&msg, &"scenario".into(), &job.json.as_str().into());
    let _ = Reflect::set(&msg, &"seed".into(), &job.seed.to_string().into());
    let _ = Reflect::set(&msg, &"first".into(), &job.next.into());
    let _ = Reflect::set(&msg, &"count".into(), &count.into());
    if slot.worker.post_message(&msg).is_ok() {
        slot.busy = true;
        job.next += count;
    }
}

/// The view of the job as it stands.
fn view_of(job: &Job, status: Status) -> View {
    View {
        scenario: Some(job.scenario.clone()),
        seed: job.seed,
        status,
        done: job.agg.done,
        total: job.agg.total,
        elapsed_ms: now() - job.started,
        bands: Some(Rc::new(job.agg.bands())),
        ranges: Some(Rc::new(job.agg.ranges())),
    }
}

/// Worker `i` cannot work; if none can, the job fails.
fn fail_slot(inner: &Rc<RefCell<Inner>>, i: usize, why: &str) -> Option<Rc<View>> {
    let mut inner = inner.borrow_mut();
    let slot = inner.slots.get_mut(i)?;
    slot.failed = true;
    slot.busy = false;
    if inner.slots.iter().all(|s| s.failed) {
        let job = inner.job.take();
        let mut view = View::empty(Status::Failed(why.to_string()));
        if let Some(job) = job {
            view = View {
                status: Status::Failed(why.to_string()),
                ..view_of(&job, Status::Waiting)
            };
        }
        return Some(Rc::new(view));
    }
    None
}

/// A message from worker `i`; returns a view to publish, if any.
fn on_message(inner_rc: &Rc<RefCell<Inner>>, i: usize, data: &JsValue) -> Option<Rc<View>> {
    let kind = Reflect::get(data, &"type".into()).ok()?.as_string()?;
    match kind.as_str() {
        "ready" => {
            let mut inner = inner_rc.borrow_mut();
            inner.slots.get_mut(i)?.ready = true;
            dispatch(&mut inner, i);
            None
        }
        "chunk" => {
            let mut inner = inner_rc.borrow_mut();
            inner.slots.get_mut(i)?.busy = false;
            let generation = get_u32(data, "generation")?;
            let mut view = None;
            if let Some(job) = inner.job.as_mut().filter(|j| j.generation == generation) {
                let count = get_u32(data, "count")?;
                let series = get_f64_array(data, "series")?;
                let figures = get_f64_array(data, "figures")?;
                if job.agg.add(count, &series, &figures) {
                    let t = now();
                    if job.agg.complete() {
                        view = Some(Rc::new(view_of(job, Status::Done)));
                    } else if t - job.last_publish >= PUBLISH_MS {
                        job.last_publish = t;
                        view = Some(Rc::new(view_of(job, Status::Running)));
                    }
                }
            }
            if inner.job.as_ref().is_some_and(|j| j.agg.complete()) {
                inner.job = None;
            }
            for k in 0..inner.slots.len() {
                dispatch(&mut inner, k);
            }
            view
        }
        "error" => {
            let message = Reflect::get(data, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
                .unwrap_or_default();
            let generation = get_u32(data, "generation");
            if generation.is_none() {
                // The worker could not load the module.
                return fail_slot(inner_rc, i, &message);
            }
            let mut inner = inner_rc.borrow_mut();
            inner.slots.get_mut(i)?.busy = false;
            let job = inner.job.take_if(|j| Some(j.generation) == generation)?;
            Some(Rc::new(View {
                status: Status::Failed(message),
                ..view_of(&job, Status::Waiting)
            }))
        }
        _ => None,
    }
}

/// The ensemble of `scenario` (none while its deterministic run fails), restarted
/// [`SETTLE_MS`] after the scenario, seed or run count last changed.
#[hook]
pub fn use_ensemble(scenario: Option<Rc<Scenario>>, seed: u64, runs: u32) -> Rc<View> {
    let view = use_state(|| Rc::new(View::empty(Status::Waiting)));
    let pool: Rc<RefCell<Option<Option<Pool>>>> = use_mut_ref(|| None);
    let key = scenario.as_ref().map(|s| Rc::as_ptr(s) as usize);
    {
        let setter = view.setter();
        let pool = pool.clone();
        use_effect_with((key, seed, runs), move |_| {
            // The workers start after the first paint, never before it.
            if pool.borrow().is_none() {
                let publish = Callback::from(move |v: Rc<View>| setter.set(v));
                let made = Pool::new(publish.clone());
                if made.is_none() {
                    publish.emit(Rc::new(View::empty(Status::Unavailable)));
                }
                *pool.borrow_mut() = Some(made);
            }
            if let Some(Some(p)) = pool.borrow().as_ref() {
                p.cancel();
            }
            let window = web_sys::window();
            let timer = match (scenario, &window) {
                (Some(scenario), Some(w)) => {
                    let pool = pool.clone();
                    let start = Closure::once(move || {
                        if let Some(Some(p)) = pool.borrow().as_ref() {
                            p.start(scenario, seed, runs);
                        }
                    });
                    let id = w
                        .set_timeout_with_callback_and_timeout_and_arguments_0(
                            start.as_ref().unchecked_ref(),
                            SETTLE_MS,
                        )
                        .ok();
                    Some((id, start))
                }
                _ => None,
            };
            move || {
                if let (Some((Some(id), _)), Some(w)) = (&timer, window) {
                    w.clear_timeout_with_handle(*id);
                }
                drop(timer);
            }
        });
    }
    (*view).clone()
}

/// Puts `bands` behind the lines of `figure`, with the legend's "5–95% / 25–75% of N runs".
pub fn attach(figure: &mut crate::charts::Figure, bands: &Bands, lang: crate::i18n::Lang) {
    use crate::i18n::Text;
    let label = format!(
        "{} {} {}",
        Text::BandLegend.get(lang),
        bands.runs,
        Text::BandRuns.get(lang)
    );
    crate::charts::attach_bands(figure, bands, &label);
}
