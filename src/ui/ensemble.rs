//! The uncertainty bands: a seeded ensemble of stochastic runs, computed off the main thread by
//! a small pool of web workers (`static/ensemble-worker.js`); the main thread only hands pieces
//! on and draws finished views.
//!
//! Every worker loads the page's own wasm module and glue (their hashed names are read from the
//! page's preload links). The *run workers* (one per core, at most [`MAX_WORKERS`]) each run a
//! piece of the runs at a time
//! ([`ensemble_chunk`](crate::ui::ensemble_worker::ensemble_chunk)): replicate `i` is seeded
//! `seed + i`, so any split over the workers gives the same ensemble. A piece comes back as two
//! `Float64Array`s (transferred, not copied), which the main thread passes on, transferred
//! again, to one *aggregating worker*. That one owns the
//! [`EnsembleAggregator`](crate::ui::ensemble_worker::EnsembleAggregator) (the sorted runs of
//! every indicator and day), and at most every 150–250 ms while runs arrive
//! (`ensemble_worker::publish_interval_ms`), and once at the end, sends a finished view: the
//! quantile bands (transferred) and the card ranges. The main thread turns these into
//! [`View`]s and redraws.
//!
//! With a scenario B the same pool runs B's ensemble (same seed and run count) after A's, into
//! a second aggregate. A side already finished for the same scenario, seed and runs is kept
//! (changing B does not rerun A).
//!
//! A new scenario, seed or run count cancels the ensemble in flight (a generation number: late
//! pieces and views are dropped) and starts a new one once the input has settled ([`SETTLE_MS`])
//! and the page is idle (`requestIdleCallback`, where there is one). The workers themselves
//! start in the first idle moment after the first paint. Without `Worker` (or without the
//! page's preload links) the page says so and shows the deterministic run alone; a worker that
//! fails says why, and the deterministic run stays.
//!
//! Messages to a run worker: `{type: "init", glue, wasm}` (the addresses), then
//! `{type: "run", generation, side, scenario (JSON), seed (decimal), first, count}`. From it:
//! `{type: "ready"}`, `{type: "chunk", generation, side, first, count, series, figures}` (the
//! two arrays' buffers transferred), or `{type: "error", message[, generation]}`.
//!
//! Messages to the aggregating worker: `init` as above, `{type: "start", generation, side,
//! scenario, total}`, `{type: "add", generation, side, count, series, figures}` (transferred),
//! `{type: "cancel"}`. From it: `ready`, `{type: "view", generation, side, done, total, bands,
//! ranges}` (both `Float64Array`s, transferred) or `error` as above.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use js_sys::{Array, Float64Array, Function, Object, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::prelude::*;

use crate::scenario::Scenario;
use crate::sim::ensemble::{figure_keys, ranges_from_flat, Bands, Ranges, BAND_INDICATORS};

/// Quiet time after the last input before an ensemble starts, so a drag does not churn.
pub const SETTLE_MS: i32 = 300;

/// Most run workers, whatever `navigator.hardwareConcurrency` says.
const MAX_WORKERS: u32 = 4;

/// Longest wait for an idle moment before the workers start or an ensemble starts anyway.
const IDLE_TIMEOUT_MS: u32 = 500;

/// The worker script, beside index.html (relative to the page's address).
const WORKER_SCRIPT: &str = "ensemble-worker.js";

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

/// What the page shows of scenario B's ensemble (same seed and run count as A's).
#[derive(Clone, Debug)]
pub struct SideView {
    /// The scenario these runs are of.
    pub scenario: Rc<Scenario>,
    /// Runs merged so far.
    pub done: u32,
    pub bands: Option<Rc<Bands>>,
    pub ranges: Option<Rc<Ranges>>,
}

/// What the page shows of an ensemble.
#[derive(Clone, Debug)]
pub struct View {
    /// The scenario these runs are of: bands of another scenario are never drawn.
    pub scenario: Option<Rc<Scenario>>,
    pub seed: u64,
    pub status: Status,
    /// A's runs merged so far.
    pub done: u32,
    /// Runs of each side.
    pub total: u32,
    /// Milliseconds from the start to the last view of the ensemble (for the benchmark).
    pub elapsed_ms: f64,
    pub bands: Option<Rc<Bands>>,
    /// The 5–95% range of each card figure, by card key.
    pub ranges: Option<Rc<Ranges>>,
    /// Scenario B's runs, when comparing.
    pub b: Option<SideView>,
}

impl PartialEq for View {
    fn eq(&self, other: &Self) -> bool {
        let same_rc = |a: Option<&Rc<Scenario>>, b: Option<&Rc<Scenario>>| match (a, b) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        same_rc(self.scenario.as_ref(), other.scenario.as_ref())
            && self.seed == other.seed
            && self.status == other.status
            && self.done == other.done
            && self.total == other.total
            && same_rc(
                self.b.as_ref().map(|b| &b.scenario),
                other.b.as_ref().map(|b| &b.scenario),
            )
            && self.b.as_ref().map(|b| b.done) == other.b.as_ref().map(|b| b.done)
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
            b: None,
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

    /// Scenario B's runs, if this view is of A = `a` and B = `b` (same `Rc`s), `seed`, `runs`.
    pub fn b_of(
        &self,
        a: &Rc<Scenario>,
        b: &Rc<Scenario>,
        seed: u64,
        runs: u32,
    ) -> Option<&SideView> {
        self.b
            .as_ref()
            .filter(|s| self.is_of(a, seed, runs) && Rc::ptr_eq(&s.scenario, b))
    }
}

/// A worker and what it is doing.
struct Slot {
    worker: Worker,
    ready: bool,
    /// Pieces sent and not yet back (a run worker).
    in_flight: u32,
    failed: bool,
}

/// Pieces a run worker holds at once: the next one waits in its queue while it runs one, so it
/// never idles while the main thread (busy, or short of a core) is slow to hand out the next.
const PIECES_QUEUED: u32 = 2;

/// Most runs in a piece: with [`PIECES_QUEUED`], what a cancelled ensemble may still run.
const MAX_PIECE: u32 = 50;

/// Fewest runs in a piece (but the last), however few are left to hand out.
const MIN_PIECE: u32 = 4;

/// One side's (A's or B's) ensemble in flight, or kept.
#[derive(Clone)]
struct SideJob {
    scenario: Rc<Scenario>,
    json: String,
    keys: Vec<String>,
    /// Next run to hand out.
    next: u32,
    /// Runs merged (the aggregating worker's last view).
    done: u32,
    bands: Option<Rc<Bands>>,
    ranges: Option<Rc<Ranges>>,
}

impl SideJob {
    fn view(&self) -> SideView {
        SideView {
            scenario: self.scenario.clone(),
            done: self.done,
            bands: self.bands.clone(),
            ranges: self.ranges.clone(),
        }
    }
}

struct Job {
    generation: u32,
    seed: u64,
    total: u32,
    chunk: u32,
    sides: Vec<SideJob>,
    started: f64,
    /// Whether the aggregating worker has been told of this job's sides.
    announced: bool,
}

impl Job {
    fn complete(&self) -> bool {
        self.sides.iter().all(|s| s.done == self.total)
    }
}

/// A side finished: kept so that it need not run again.
struct Finished {
    scenario: Rc<Scenario>,
    seed: u64,
    runs: u32,
    side: SideJob,
}

/// The sides kept (A and B of the last comparison, and one more).
const KEEP_FINISHED: usize = 3;

struct Inner {
    runners: Vec<Slot>,
    aggregator: Slot,
    job: Option<Job>,
    generation: u32,
    finished: Vec<Finished>,
    /// Why the first worker that failed did.
    why_failed: Option<String>,
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
        let inner = self.inner.borrow();
        for s in inner.runners.iter().chain([&inner.aggregator]) {
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

fn get(data: &JsValue, key: &str) -> JsValue {
    Reflect::get(data, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

fn get_u32(data: &JsValue, key: &str) -> Option<u32> {
    get(data, key).as_f64().map(|v| v as u32)
}

fn message(pairs: &[(&str, JsValue)]) -> Object {
    let msg = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&msg, &(*k).into(), v);
    }
    msg
}

/// Which worker a message came from.
#[derive(Clone, Copy)]
enum Who {
    Runner(usize),
    Aggregator,
}

impl Inner {
    fn slot(&mut self, who: Who) -> Option<&mut Slot> {
        match who {
            Who::Runner(i) => self.runners.get_mut(i),
            Who::Aggregator => Some(&mut self.aggregator),
        }
    }
}

/// Runs `f` when the page is idle (at most [`IDLE_TIMEOUT_MS`] later), or in a task of its own
/// where there is no `requestIdleCallback`.
fn when_idle(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return f();
    };
    let f = Closure::once_into_js(f);
    let ric = Reflect::get(&window, &"requestIdleCallback".into())
        .ok()
        .and_then(|v| v.dyn_into::<Function>().ok());
    let called = ric.is_some_and(|ric| {
        let opts = message(&[("timeout", IDLE_TIMEOUT_MS.into())]);
        ric.call2(&window, &f, &opts).is_ok()
    });
    if !called {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(f.unchecked_ref(), 0);
    }
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
        let count = cores.clamp(1, MAX_WORKERS) as usize;
        let opts = WorkerOptions::new();
        opts.set_type(WorkerType::Module);
        let init = message(&[
            ("type", "init".into()),
            ("glue", glue.as_str().into()),
            ("wasm", wasm.as_str().into()),
        ]);
        let mut workers = Vec::new();
        for _ in 0..=count {
            let worker = Worker::new_with_options(WORKER_SCRIPT, &opts).ok()?;
            worker.post_message(&init).ok()?;
            workers.push(worker);
        }
        let slot = |worker: Worker| Slot {
            worker,
            ready: false,
            in_flight: 0,
            failed: false,
        };
        let aggregator = slot(workers.pop()?);
        let inner = Rc::new(RefCell::new(Inner {
            runners: workers.into_iter().map(slot).collect(),
            aggregator,
            job: None,
            generation: 0,
            finished: Vec::new(),
            why_failed: None,
        }));
        let mut listeners = Vec::new();
        let mut error_listeners = Vec::new();
        let whos = (0..count).map(Who::Runner).chain([Who::Aggregator]);
        for who in whos {
            let (inner_m, publish_m) = (inner.clone(), publish.clone());
            let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
                if let Some(view) = on_message(&inner_m, who, &e.data()) {
                    publish_m.emit(view);
                }
            });
            let (inner_e, publish_e) = (inner.clone(), publish.clone());
            let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
                if let Some(view) = fail_worker(&inner_e, who, "the worker did not load") {
                    publish_e.emit(view);
                }
            });
            {
                let mut i = inner.borrow_mut();
                let worker = &i.slot(who)?.worker;
                worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
                worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
            }
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

    /// Drops the ensemble in flight: pieces and views still coming are ignored.
    pub fn cancel(&self) {
        let mut inner = self.inner.borrow_mut();
        inner.generation += 1;
        if inner.job.take().is_some() {
            let _ = inner
                .aggregator
                .worker
                .post_message(&message(&[("type", "cancel".into())]));
        }
    }

    /// Starts the ensembles of `a` (and then of `b`) of `runs` runs seeded `seed`, cancelling
    /// any other. A side finished before for the same scenario, seed and runs is not rerun.
    pub fn start(&self, a: Rc<Scenario>, b: Option<Rc<Scenario>>, seed: u64, runs: u32) {
        let view = {
            let mut inner = self.inner.borrow_mut();
            inner.generation += 1;
            let mut sides = Vec::new();
            for scenario in [Some(a), b].into_iter().flatten() {
                let kept = inner.finished.iter().find(|f| {
                    Rc::ptr_eq(&f.scenario, &scenario) && f.seed == seed && f.runs == runs
                });
                if let Some(f) = kept {
                    sides.push(f.side.clone());
                    continue;
                }
                // Compact: the workers parse it, nobody reads it.
                let json = crate::json::to_string(&*scenario);
                sides.push(SideJob {
                    keys: figure_keys(&scenario),
                    scenario,
                    json,
                    next: 0,
                    done: 0,
                    bands: None,
                    ranges: None,
                });
            }
            let workers = inner.runners.len().max(1) as u32;
            let job = Job {
                generation: inner.generation,
                seed,
                total: runs,
                chunk: runs.div_ceil(8 * workers).clamp(1, MAX_PIECE),
                sides,
                started: now(),
                announced: false,
            };
            let failed = inner.aggregator.failed || inner.runners.iter().all(|s| s.failed);
            let status = if job.complete() {
                Status::Done
            } else if failed {
                let why = inner.why_failed.as_deref();
                Status::Failed(why.unwrap_or("the workers did not load").into())
            } else {
                Status::Running
            };
            let view = view_of(&job, status.clone());
            if status == Status::Running {
                inner.job = Some(job);
                announce(&mut inner);
            }
            view
        };
        self.publish.emit(Rc::new(view));
    }
}

/// Tells the aggregating worker of the job's sides (once it is ready), then hands out pieces.
fn announce(inner: &mut Inner) {
    let Some(job) = inner.job.as_mut() else {
        return;
    };
    if !job.announced && inner.aggregator.ready {
        for (side, s) in job.sides.iter().enumerate() {
            if s.done == job.total {
                continue;
            }
            let msg = message(&[
                ("type", "start".into()),
                ("generation", job.generation.into()),
                ("side", (side as u32).into()),
                ("scenario", s.json.as_str().into()),
                ("total", job.total.into()),
            ]);
            let _ = inner.aggregator.worker.post_message(&msg);
        }
        job.announced = true;
    }
    for i in 0..inner.runners.len() {
        dispatch(inner, i);
    }
}

/// Gives run worker `i` the next pieces of the job, up to [`PIECES_QUEUED`] at once, while
/// there are any: A's runs first, then B's.
fn dispatch(inner: &mut Inner, i: usize) {
    while dispatch_one(inner, i) {}
}

/// Gives run worker `i` one piece, if it has room and there is one left.
fn dispatch_one(inner: &mut Inner, i: usize) -> bool {
    let workers = inner.runners.len().max(1) as u32;
    let Some(job) = inner.job.as_mut().filter(|j| j.announced) else {
        return false;
    };
    let slot = &mut inner.runners[i];
    if !slot.ready || slot.in_flight >= PIECES_QUEUED || slot.failed {
        return false;
    }
    let total = job.total;
    // Pieces shrink as the runs left to hand out do, so the workers finish close together.
    let left: u32 = job
        .sides
        .iter()
        .filter(|s| s.done < total)
        .map(|s| total - s.next.min(total))
        .sum();
    let Some((side, s)) = job
        .sides
        .iter_mut()
        .enumerate()
        .find(|(_, s)| s.done < total && s.next < total)
    else {
        return false;
    };
    let share = left.div_ceil(2 * workers * PIECES_QUEUED).max(MIN_PIECE);
    let count = job.chunk.min(share).min(total - s.next);
    let msg = message(&[
        ("type", "run".into()),
        ("generation", job.generation.into()),
        ("side", (side as u32).into()),
        ("scenario", s.json.as_str().into()),
        ("seed", job.seed.to_string().into()),
        ("first", s.next.into()),
        ("count", count.into()),
    ]);
    if slot.worker.post_message(&msg).is_err() {
        return false;
    }
    slot.in_flight += 1;
    s.next += count;
    true
}

/// The view of the job as it stands.
fn view_of(job: &Job, status: Status) -> View {
    let a = &job.sides[0];
    View {
        scenario: Some(a.scenario.clone()),
        seed: job.seed,
        status,
        done: a.done,
        total: job.total,
        elapsed_ms: now() - job.started,
        bands: a.bands.clone(),
        ranges: a.ranges.clone(),
        b: job.sides.get(1).map(SideJob::view),
    }
}

/// The job fails with `why` (the bands so far stay out of the page: it shows the
/// deterministic run).
fn fail_job(inner: &mut Inner, why: &str) -> Rc<View> {
    let job = inner.job.take();
    let _ = inner
        .aggregator
        .worker
        .post_message(&message(&[("type", "cancel".into())]));
    let status = Status::Failed(why.to_string());
    Rc::new(match job {
        Some(job) => view_of(&job, status),
        None => View::empty(status),
    })
}

/// A worker cannot work: if it is the aggregating one, or no run worker is left, the job in
/// flight fails (without one, nothing changes now: the next start says the workers failed).
fn fail_worker(inner: &Rc<RefCell<Inner>>, who: Who, why: &str) -> Option<Rc<View>> {
    let mut inner = inner.borrow_mut();
    let slot = inner.slot(who)?;
    slot.failed = true;
    slot.in_flight = 0;
    inner.why_failed.get_or_insert_with(|| why.to_string());
    let fatal = matches!(who, Who::Aggregator) || inner.runners.iter().all(|s| s.failed);
    (fatal && inner.job.is_some()).then(|| fail_job(&mut inner, why))
}

/// A message from a worker; returns a view to publish, if any.
fn on_message(inner_rc: &Rc<RefCell<Inner>>, who: Who, data: &JsValue) -> Option<Rc<View>> {
    let kind = get(data, "type").as_string()?;
    let generation = get_u32(data, "generation");
    match kind.as_str() {
        "ready" => {
            let mut inner = inner_rc.borrow_mut();
            inner.slot(who)?.ready = true;
            announce(&mut inner);
            None
        }
        "chunk" => {
            let mut inner = inner_rc.borrow_mut();
            let slot = inner.slot(who)?;
            slot.in_flight = slot.in_flight.saturating_sub(1);
            let current = inner.job.as_ref().map(|j| j.generation);
            if current.is_some() && generation == current {
                // On to the aggregating worker, the arrays' buffers moved, not copied.
                let series = get(data, "series");
                let figures = get(data, "figures");
                let msg = message(&[
                    ("type", "add".into()),
                    ("generation", get(data, "generation")),
                    ("side", get(data, "side")),
                    ("count", get(data, "count")),
                    ("series", series.clone()),
                    ("figures", figures.clone()),
                ]);
                let transfer = Array::of2(&get(&series, "buffer"), &get(&figures, "buffer"));
                let _ = inner
                    .aggregator
                    .worker
                    .post_message_with_transfer(&msg, &transfer);
            }
            announce(&mut inner);
            None
        }
        "view" => {
            let mut inner = inner_rc.borrow_mut();
            let job = inner
                .job
                .as_mut()
                .filter(|j| Some(j.generation) == generation)?;
            let total = job.total;
            let side = job.sides.get_mut(get_u32(data, "side")? as usize)?;
            let done = get_u32(data, "done")?.min(total);
            let bands = get(data, "bands").dyn_into::<Float64Array>().ok()?.to_vec();
            let ranges = get(data, "ranges")
                .dyn_into::<Float64Array>()
                .ok()?
                .to_vec();
            let s = &side.scenario;
            let days = (s.end.days_since(s.start) + 1).max(0) as usize;
            let bands = Bands::from_data(s.start, days, done, BAND_INDICATORS.to_vec(), bands)?;
            side.bands = Some(Rc::new(bands));
            side.ranges = Some(Rc::new(ranges_from_flat(&side.keys, &ranges)?));
            side.done = done;
            if done == total {
                let kept = Finished {
                    scenario: side.scenario.clone(),
                    seed: job.seed,
                    runs: total,
                    side: side.clone(),
                };
                inner.finished.insert(0, kept);
                inner.finished.truncate(KEEP_FINISHED);
            }
            let job = inner.job.as_ref()?;
            if job.complete() {
                let view = view_of(job, Status::Done);
                inner.job = None;
                Some(Rc::new(view))
            } else {
                Some(Rc::new(view_of(job, Status::Running)))
            }
        }
        "error" => {
            let why = get(data, "message").as_string().unwrap_or_default();
            if generation.is_none() {
                // The worker could not load the module.
                return fail_worker(inner_rc, who, &why);
            }
            let mut inner = inner_rc.borrow_mut();
            let slot = inner.slot(who)?;
            slot.in_flight = slot.in_flight.saturating_sub(1);
            let current = inner.job.as_ref().map(|j| j.generation);
            (current.is_some() && generation == current).then(|| fail_job(&mut inner, &why))
        }
        _ => None,
    }
}

/// Makes the pool if there is none yet (`Some(None)` once it is known there can be none).
fn ensure_pool(pool: &RefCell<Option<Option<Pool>>>, publish: &Callback<Rc<View>>) {
    if pool.borrow().is_some() {
        return;
    }
    let made = Pool::new(publish.clone());
    if made.is_none() {
        publish.emit(Rc::new(View::empty(Status::Unavailable)));
    }
    *pool.borrow_mut() = Some(made);
}

/// The ensemble of `a` and, when comparing, of `b` (none while A's deterministic run fails),
/// restarted [`SETTLE_MS`] after a scenario, the seed or the run count last changed, in an
/// idle moment.
#[hook]
pub fn use_ensemble(
    a: Option<Rc<Scenario>>,
    b: Option<Rc<Scenario>>,
    seed: u64,
    runs: u32,
) -> Rc<View> {
    let view = use_state(|| Rc::new(View::empty(Status::Waiting)));
    let pool: Rc<RefCell<Option<Option<Pool>>>> = use_mut_ref(|| None);
    let publish = {
        let setter = view.setter();
        Callback::from(move |v: Rc<View>| setter.set(v))
    };
    {
        // The workers load in the first idle moment after the first paint, never before it.
        let (pool, publish) = (pool.clone(), publish.clone());
        use_effect_with((), move |_| when_idle(move || ensure_pool(&pool, &publish)));
    }
    let key = (
        a.as_ref().map(|s| Rc::as_ptr(s) as usize),
        b.as_ref().map(|s| Rc::as_ptr(s) as usize),
        seed,
        runs,
    );
    use_effect_with(key, move |_| {
        if let Some(Some(p)) = pool.borrow().as_ref() {
            p.cancel();
        }
        // Cleared when the input changes again: a start that comes late does nothing.
        let alive = Rc::new(Cell::new(true));
        if let (Some(a), Some(window)) = (a, web_sys::window()) {
            let alive = alive.clone();
            let start = Closure::once_into_js(move || {
                when_idle(move || {
                    if !alive.get() {
                        return;
                    }
                    ensure_pool(&pool, &publish);
                    if let Some(Some(p)) = pool.borrow().as_ref() {
                        p.start(a, b, seed, runs);
                    }
                })
            });
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                start.unchecked_ref(),
                SETTLE_MS,
            );
        }
        move || alive.set(false)
    });
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

/// × the bands' opacity when A's and B's are drawn on the same chart, so the lines stay legible.
const COMPARED_BAND_OPACITY: f64 = 0.6;

/// The figure of `kind` with A's bands behind A's lines and, when comparing, B's behind B's
/// (each side's bands attached before B is laid over A, so each line gets its own scenario's
/// bands, in its own colour). Two sides' bands are drawn lighter.
pub fn figure_with_bands(
    kind: crate::ui::compare::ChartKind,
    a: crate::ui::compare::Run,
    b: Option<crate::ui::compare::Run>,
    bands_a: Option<&Bands>,
    bands_b: Option<&Bands>,
    lang: crate::i18n::Lang,
) -> crate::charts::Figure {
    use crate::charts::Figure;
    use crate::ui::compare::{self, ChartKind};
    let ChartKind::Chart(id) = kind else {
        return compare::figure(kind, a, b, lang);
    };
    let mut fa = crate::charts::figure(id, a.outcome, a.scenario, lang);
    if let Some(bands) = bands_a {
        attach(&mut fa, bands, lang);
    }
    let Some(b) = b else {
        return fa;
    };
    let mut fb = crate::charts::figure(id, b.outcome, b.scenario, lang);
    if let Some(bands) = bands_b {
        attach(&mut fb, bands, lang);
    }
    let banded =
        |f: &Figure| matches!(f, Figure::Lines(c) if c.series.iter().any(|s| s.band.is_some()));
    let both = banded(&fa) && banded(&fb);
    let mut figure = compare::overlay(fa, fb);
    if let (Figure::Lines(chart), true) = (&mut figure, both) {
        for band in chart.series.iter_mut().filter_map(|s| s.band.as_mut()) {
            band.opacity *= COMPARED_BAND_OPACITY;
        }
    }
    figure
}
