#!/usr/bin/env node
// The browser half of the benchmark (run by scripts/bench.sh, which builds dist/, serves it on a
// free loopback port and passes its URL). Drives Debian's Chromium with Playwright (the library,
// not the test runner) and measures, on the release build:
//
//   cold load     COLD fresh browser contexts (empty cache, no service worker yet: the page
//                 registers its worker after the load event, as on a first visit), each:
//                 navigation start → first rAF callback in which a chart-* canvas has a
//                 non-blank pixel (polled every animation frame with getImageData), the time
//                 the app root shows data-ready="1", and the longest long task (PerformanceObserver
//                 "longtask") from navigation start to one second after the first chart;
//   engine        window.wasmBindings.bench_engine_year(n) (src/ui/bench.rs): one deterministic
//                 year of jinzhong-2022 in the page's wasm, timed with performance.now over
//                 batches of runs;
//   input         MOVES `input` events on a slider, one at a time, each dispatched from a
//                 requestAnimationFrame callback (as Chromium dispatches a drag's continuous
//                 input just before a frame's rendering), and timed from the dispatch:
//                   script = to a microtask queued right after the dispatch, which runs after the
//                            microtask in which Yew renders and runs its effects: the engine
//                            run, the DOM diff and every chart redrawn on its canvas (if Yew's
//                            scheduler yielded with setTimeout(0) after 16 ms, to the end of its
//                            last such timer);
//                   frame  = to a MessageChannel message posted right after that, which runs
//                            once the frame's style, layout and paint are done (after a yield:
//                            of the next frame): the repainted canvases are in the frame handed
//                            to the compositor;
//                 p50, p95 and max of each, and the longest long task while the moves ran;
//   ensemble      ENSEMBLE_RUNS (--ensemble-runs, default 1000) runs opened by link (`runs=`,
//                 a different `seed=` each of --ensemble-repeats loads), in the page's web
//                 workers (src/ui/ensemble.rs): the time from the ensemble's start to its final
//                 view (bands and ranges merged and computed in the aggregating worker, received
//                 on the main thread: the progress element's data-ms, measured in the page), to
//                 the charts drawn with the final bands (a MutationObserver sees
//                 data-state="done", then the next frame), and the longest main-thread long task
//                 (PerformanceObserver "longtask") between the start and the final frame; with
//                 --ensemble-cpu 1 (the default) the same seeds again under a Chromium trace
//                 (apart: tracing slows the workers), for each main-thread task's own CPU time in
//                 that span, from the trace (the renderer main thread's RunTask events,
//                 `tdur`): on a shared machine a task's wall time includes the time it waited
//                 for a core, its CPU time does not;
//   profile       the same moves again with the canvas 2D context's methods wrapped, to split
//                 the time per chart and between canvas calls and the rest (wasm: the engine,
//                 building the figures, plotters, Yew), and a V8 CPU profile (DevTools protocol)
//                 aggregated by function, and a Chromium trace (browser.startTracing) summed by
//                 event (script, style, layout, paint), in wall time and in the main thread's
//                 CPU time (the events' tdur), which other jobs on the machine do not stretch. The instrumented figures are only for
//                 attribution.
//
//   node scripts/bench-page.mjs --url http://127.0.0.1:PORT/ [--out FILE] [--moves 200] [--cold 5]
//
// Prints the figures as JSON on stdout (and into --out).
import { chromium } from "@playwright/test";
import { writeFileSync } from "node:fs";

const args = process.argv.slice(2);
function opt(name, fallback) {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}
const URL_ = opt("url", "http://127.0.0.1:8080/");
const OUT = opt("out", null);
const MOVES = Number(opt("moves", "200"));
const COLD = Number(opt("cold", "5"));
const PROFILE_MOVES = Number(opt("profile-moves", "50"));
const ENSEMBLE_RUNS = Number(opt("ensemble-runs", "1000"));
const ENSEMBLE_REPEATS = Number(opt("ensemble-repeats", "3"));
const ENSEMBLE_CPU = opt("ensemble-cpu", "1") === "1";

// Sliders moved: a fiscal lever (the counterfactual without fiscal levers is unchanged, so one
// engine run per move) and a control measure (both runs rerun).
const SLIDERS = [
  { key: "vouchers.spending_multiplier", runs: 1 },
  { key: "controls.zoning.trigger_cases", runs: 2 },
];

const VIEWPORT = { width: 1440, height: 900 };

function quantile(sorted, q) {
  if (sorted.length === 0) return null;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}
function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const r = (x) => (x === null ? null : Math.round(x * 100) / 100);
  return {
    n: s.length,
    p50: r(quantile(s, 0.5)),
    p95: r(quantile(s, 0.95)),
    min: r(s[0] ?? null),
    max: r(s[s.length - 1] ?? null),
    mean: r(s.reduce((a, b) => a + b, 0) / Math.max(1, s.length)),
  };
}

// Installed before the page's own scripts: long tasks and the first painted chart.
function initScript() {
  const bench = (window.__bench = {
    longtasks: [],
    firstChart: null,
    firstChartId: null,
    ready: null,
    track: false,
    pending: 0,
    yields: 0,
    lastWorkEnd: 0,
    onIdle: null,
  });
  // Yew's scheduler yields to the browser with setTimeout(0) once a pass has run 16 ms, leaving
  // the rest of the work (charts still to draw) to that timer: while a move is measured, such
  // timers are counted, so the move ends when the last of them has run.
  const setTimeout0 = window.setTimeout;
  window.setTimeout = function (fn, ms, ...rest) {
    if (!bench.track || typeof fn !== "function" || ms) return setTimeout0.call(this, fn, ms, ...rest);
    bench.pending++;
    bench.yields++;
    return setTimeout0.call(
      this,
      function (...a) {
        bench.pending--;
        try {
          return fn.apply(this, a);
        } finally {
          bench.lastWorkEnd = performance.now();
          // After the microtasks this timer queued: if no timer is left, the move's work is done.
          queueMicrotask(() => {
            if (bench.pending === 0 && bench.onIdle) {
              const f = bench.onIdle;
              bench.onIdle = null;
              f();
            }
          });
        }
      },
      ms,
      ...rest,
    );
  };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  } catch (e) {
    bench.longtaskError = String(e);
  }
  function nonBlank(c) {
    if (c.width === 0 || c.height === 0) return false;
    const ctx = c.getContext("2d");
    if (!ctx) return false;
    const px = new Uint32Array(ctx.getImageData(0, 0, c.width, c.height).data.buffer);
    for (let i = 0; i < px.length; i++) if (px[i] !== 0) return true;
    return false;
  }
  function poll() {
    const now = performance.now();
    if (bench.ready === null && document.querySelector('[data-testid="app"][data-ready="1"]')) bench.ready = now;
    if (bench.firstChart === null) {
      for (const c of document.querySelectorAll('canvas[data-testid^="chart-"]')) {
        if (nonBlank(c)) {
          bench.firstChart = now;
          bench.firstChartId = c.dataset.testid;
          break;
        }
      }
    }
    if (bench.firstChart === null || bench.ready === null) requestAnimationFrame(poll);
  }
  requestAnimationFrame(poll);
}

async function coldLoad(browser) {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: "zh-CN" });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.addInitScript(initScript);
  await page.goto(URL_, { waitUntil: "load" });
  await page.waitForFunction(() => window.__bench.firstChart !== null && window.__bench.ready !== null, null, {
    timeout: 30_000,
  });
  await page.waitForTimeout(1000);
  const r = await page.evaluate(() => {
    const b = window.__bench;
    const nav = performance.getEntriesByType("navigation")[0];
    const wasm = performance.getEntriesByType("resource").find((e) => e.name.endsWith(".wasm"));
    const until = b.firstChart + 1000;
    const lts = b.longtasks.filter((t) => t.start < until);
    return {
      firstChartMs: b.firstChart,
      firstChartId: b.firstChartId,
      readyMs: b.ready,
      domContentLoadedMs: nav ? nav.domContentLoadedEventEnd : null,
      loadEventMs: nav ? nav.loadEventEnd : null,
      wasmResponseEndMs: wasm ? wasm.responseEnd : null,
      longestTaskMs: lts.reduce((m, t) => Math.max(m, t.duration), 0),
      longTasks: lts.map((t) => ({ start: Math.round(t.start), duration: Math.round(t.duration) })),
      longtaskError: b.longtaskError ?? null,
    };
  });
  r.errors = errors;
  return { context, page, result: r };
}

async function engineInWasm(page) {
  return page.evaluate(() => {
    const f = window.wasmBindings && window.wasmBindings.bench_engine_year;
    if (typeof f !== "function") return { error: "window.wasmBindings.bench_engine_year is missing" };
    f(10); // warm up (compiled tiers, allocator)
    const batch = 20;
    const perRun = [];
    let check = 0;
    for (let k = 0; k < 25; k++) {
      const t = performance.now();
      check += f(batch);
      perRun.push((performance.now() - t) / batch);
    }
    return { batch, batches: perRun.length, perRunMs: perRun, check };
  });
}

// MOVES slider moves, one at a time; returns the raw timings.
async function moveSlider(page, key, moves) {
  return page.evaluate(
    async ({ key, moves }) => {
      const el = document.querySelector(`[data-testid="param-${key}-range"]`);
      if (!el) return { error: `no slider param-${key}-range` };
      const min = Number(el.min);
      const max = Number(el.max);
      const step = Number(el.step) || 1;
      const steps = Math.round((max - min) / step);
      // Back and forth across the slider's range, as a drag would, never repeating a value.
      const span = Math.min(steps, 30);
      const start = Math.max(0, Math.min(steps - span, Math.round((Number(el.value) - min) / step) - span / 2));
      const values = [];
      for (let i = 0; values.length < moves; i++) {
        const phase = i % (2 * span);
        const k = start + (phase < span ? phase + 1 : 2 * span - phase - 1);
        values.push((min + k * step).toFixed(6).replace(/\.?0+$/, ""));
      }
      const card = () =>
        [...document.querySelectorAll('[data-testid^="summary-"]')].map((e) => e.dataset.value).join("|");
      const before = card();
      let first = null;
      const t0all = performance.now();
      const script = [];
      const frame = [];
      const yieldsPerMove = [];
      for (const v of values) {
        await new Promise((r) => setTimeout(r, 0));
        // Dispatched in a rAF callback, as Chromium dispatches continuous input (a drag) just
        // before a frame's rendering; the message posted right after it runs once this frame's
        // style, layout and paint are done.
        const [t0, tScript, tFrame, yields] = await new Promise((resolve) =>
          requestAnimationFrame(() => {
            const b = window.__bench;
            const t0 = performance.now();
            b.track = true;
            b.yields = 0;
            el.value = v;
            el.dispatchEvent(new Event("input", { bubbles: true }));
            // Yew renders (and runs the effects that draw the charts) in one microtask queued by
            // the handler; this one runs after it.
            queueMicrotask(() => {
              const tMicro = performance.now();
              const after = (f) => {
                const ch = new MessageChannel();
                ch.port1.onmessage = f;
                ch.port2.postMessage(0);
              };
              if (b.pending === 0) {
                b.track = false;
                // All done within this frame: the message runs after its style, layout, paint.
                after(() => resolve([t0, tMicro, performance.now(), 0]));
                return;
              }
              // Yew yielded: wait for its timers, then for the next frame to be rendered.
              b.onIdle = () => {
                b.track = false;
                const tDone = b.lastWorkEnd;
                requestAnimationFrame(() => after(() => resolve([t0, tDone, performance.now(), b.yields])));
              };
            });
          }),
        );
        yieldsPerMove.push(yields);
        script.push(tScript - t0);
        frame.push(tFrame - t0);
        if (first === null) first = card();
      }
      const t1all = performance.now();
      const lts = window.__bench.longtasks.filter((t) => t.start >= t0all && t.start <= t1all);
      const canvases = [...document.querySelectorAll('canvas[data-testid^="chart-"]')];
      const inView = canvases.filter((c) => {
        const r = c.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight;
      });
      return {
        key,
        values: [values[0], values[values.length - 1]],
        script,
        frame,
        movesYielded: yieldsPerMove.filter((y) => y > 0).length,
        longestTaskMs: lts.reduce((m, t) => Math.max(m, t.duration), 0),
        longTaskCount: lts.length,
        cardBefore: before,
        cardFirst: first,
        cardAfter: card(),
        charts: canvases.length,
        chartsWithSize: canvases.filter((c) => c.clientWidth > 0).length,
        chartsInViewport: inView.map((c) => c.dataset.testid),
      };
    },
    { key, moves },
  );
}

// Wraps every CanvasRenderingContext2D method to time the canvas calls per chart, then moves the
// slider; per move: the total, the time inside canvas calls, and per chart the span from its first
// to its last canvas call.
async function attribute(page, key, moves) {
  return page.evaluate(
    async ({ key, moves }) => {
      const proto = CanvasRenderingContext2D.prototype;
      const rec = { on: false, calls: 0, native: 0, per: new Map(), byMethod: new Map() };
      const originals = [];
      for (const name of Object.getOwnPropertyNames(proto)) {
        const d = Object.getOwnPropertyDescriptor(proto, name);
        if (!d || typeof d.value !== "function" || name === "constructor") continue;
        const orig = d.value;
        originals.push([name, orig]);
        proto[name] = function (...a) {
          if (!rec.on) return orig.apply(this, a);
          const t = performance.now();
          const out = orig.apply(this, a);
          const t2 = performance.now();
          rec.calls++;
          rec.native += t2 - t;
          const m = rec.byMethod.get(name) || { calls: 0, ms: 0 };
          m.calls++;
          m.ms += t2 - t;
          rec.byMethod.set(name, m);
          const id = this.canvas && this.canvas.dataset ? this.canvas.dataset.testid || "?" : "?";
          const p = rec.per.get(id) || { first: t, last: t2, calls: 0, native: 0 };
          p.last = t2;
          p.calls++;
          p.native += t2 - t;
          rec.per.set(id, p);
          return out;
        };
      }
      // Layout reads that force a synchronous layout after a DOM change: plotters measures text
      // with a <span> it appends to <body> and reads offsetWidth/offsetHeight of.
      const layout = { ms: 0, calls: 0 };
      const getters = [];
      for (const [obj, name] of [
        [HTMLElement.prototype, "offsetHeight"],
        [HTMLElement.prototype, "offsetWidth"],
        [Element.prototype, "clientWidth"],
        [Element.prototype, "clientHeight"],
      ]) {
        const d = Object.getOwnPropertyDescriptor(obj, name);
        getters.push([obj, name, d]);
        Object.defineProperty(obj, name, {
          configurable: true,
          get() {
            if (!rec.on) return d.get.call(this);
            const t = performance.now();
            const v = d.get.call(this);
            layout.ms += performance.now() - t;
            layout.calls++;
            return v;
          },
        });
      }
      const el = document.querySelector(`[data-testid="param-${key}-range"]`);
      const min = Number(el.min);
      const step = Number(el.step) || 1;
      const base = Math.round((Number(el.value) - min) / step);
      const rows = [];
      const perChart = new Map();
      for (let i = 0; i < moves; i++) {
        await new Promise((r) => setTimeout(r, 0));
        rec.calls = 0;
        rec.native = 0;
        rec.per = new Map();
        layout.ms = 0;
        layout.calls = 0;
        const b = window.__bench;
        const [t0, tScript] = await new Promise((resolve) =>
          requestAnimationFrame(() => {
            rec.on = true;
            b.track = true;
            b.yields = 0;
            const t0 = performance.now();
            el.value = String(min + (base + (i % 2 === 0 ? 1 : 0)) * step);
            el.dispatchEvent(new Event("input", { bubbles: true }));
            queueMicrotask(() => {
              const tMicro = performance.now();
              // As in moveSlider: wait for the timers Yew's scheduler yielded to.
              const done = () => {
                rec.on = false;
                b.track = false;
                resolve([t0, b.yields ? b.lastWorkEnd : tMicro]);
              };
              if (b.pending > 0) b.onIdle = done;
              else done();
            });
          }),
        );
        const spans = [...rec.per.entries()].sort((a, b) => a[1].first - b[1].first);
        const firstCall = spans.length ? spans[0][1].first : tScript;
        for (const [id, p] of spans) {
          const c = perChart.get(id) || { span: [], native: [], calls: [] };
          c.span.push(p.last - p.first);
          c.native.push(p.native);
          c.calls.push(p.calls);
          perChart.set(id, c);
        }
        rows.push({
          script: tScript - t0,
          beforeFirstCanvasCall: firstCall - t0,
          canvasNative: rec.native,
          canvasCalls: rec.calls,
          layoutReads: layout.calls,
          layoutReadMs: layout.ms,
          charts: spans.length,
        });
      }
      for (const [obj, name, d] of getters) Object.defineProperty(obj, name, d);
      for (const [name, orig] of originals) proto[name] = orig;
      const med = (xs) => {
        const s = [...xs].sort((a, b) => a - b);
        return s.length ? s[Math.floor((s.length - 1) / 2)] : null;
      };
      return {
        key,
        moves,
        median: {
          scriptMs: med(rows.map((r) => r.script)),
          beforeFirstCanvasCallMs: med(rows.map((r) => r.beforeFirstCanvasCall)),
          canvasNativeMs: med(rows.map((r) => r.canvasNative)),
          canvasCalls: med(rows.map((r) => r.canvasCalls)),
          layoutReads: med(rows.map((r) => r.layoutReads)),
          layoutReadMs: med(rows.map((r) => r.layoutReadMs)),
          chartsDrawn: med(rows.map((r) => r.charts)),
        },
        perChart: Object.fromEntries(
          [...perChart.entries()].map(([id, c]) => [
            id,
            { spanMs: med(c.span), canvasNativeMs: med(c.native), calls: med(c.calls) },
          ]),
        ),
        byMethod: Object.fromEntries(
          [...rec.byMethod.entries()]
            .sort((a, b) => b[1].ms - a[1].ms)
            .slice(0, 12)
            .map(([n, m]) => [n, { callsPerMove: Math.round(m.calls / moves), msPerMove: m.ms / moves }]),
        ),
      };
    },
    { key, moves },
  );
}

// A V8 CPU profile of `moves` slider moves, self time aggregated by function.
async function cpuProfile(page, key, moves) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
  await cdp.send("Profiler.start");
  await moveSlider(page, key, moves);
  const { profile } = await cdp.send("Profiler.stop");
  await cdp.detach();
  return { key, moves, ...aggregate(profile, moves) };
}

// Self time of a V8 CPU profile by function, per `per` (moves or loads).
function aggregate(profile, per) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const n = byId.get(profile.samples[i]);
    const cf = n.callFrame;
    let name = cf.functionName || "(anonymous)";
    if (cf.url && cf.url.endsWith(".wasm")) name = `wasm: ${name}`;
    else if (cf.url) name = `${name} (${cf.url.split("/").pop()})`;
    self.set(name, (self.get(name) || 0) + (dt[i + 1] ?? 0) / 1000);
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const idle = self.get("(idle)") || 0;
  const busy = total - idle;
  let wasm = 0;
  let gc = 0;
  for (const [n, ms] of self) {
    if (n.startsWith("wasm: ")) wasm += ms;
    if (n === "(garbage collector)") gc += ms;
  }
  const top = [...self.entries()]
    .filter(([n]) => n !== "(idle)")
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
    .map(([n, ms]) => ({ fn: n, ms: Math.round((ms / per) * 1000) / 1000, share: Math.round((ms / busy) * 1000) / 10 }));
  return {
    busyMs: busy / per,
    wasmMs: wasm / per,
    gcMs: gc / per,
    otherMs: (busy - wasm - gc) / per,
    top,
  };
}

// A Chromium trace (DevTools timeline categories) of `moves` slider moves: the renderer main
// thread's events summed by name, per move. Events nest (a RunTask holds a FunctionCall, which
// may hold a forced Layout), so the rows overlap.
async function timeline(browser, page, key, moves) {
  await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline"] });
  await moveSlider(page, key, moves);
  const buf = await browser.stopTracing();
  const events = JSON.parse(buf.toString("utf8")).traceEvents;
  const main = new Set(
    events
      .filter((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain")
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const sums = new Map();
  for (const e of events) {
    if (e.ph !== "X" || !main.has(`${e.pid}:${e.tid}`) || typeof e.dur !== "number") continue;
    const s = sums.get(e.name) || { ms: 0, cpu: 0, count: 0 };
    s.ms += e.dur / 1000;
    // tdur: the thread's CPU time, which other jobs on the machine do not stretch.
    s.cpu += (typeof e.tdur === "number" ? e.tdur : e.dur) / 1000;
    s.count++;
    sums.set(e.name, s);
  }
  const pick = ["RunTask", "FireAnimationFrame", "FunctionCall", "EventDispatch", "UpdateLayoutTree", "Layout",
    "PrePaint", "Paint", "Layerize", "Commit", "MinorGC", "MajorGC"];
  return Object.fromEntries(
    pick
      .filter((n) => sums.has(n))
      .map((n) => {
        const v = sums.get(n);
        const r = (x) => Math.round((x / moves) * 100) / 100;
        return [n, { msPerMove: r(v.ms), cpuMsPerMove: r(v.cpu), perMove: Math.round((v.count / moves) * 10) / 10 }];
      }),
  );
}

// One more cold load under the CPU profiler, from before navigation to the first chart + 1 s.
async function coldProfile(browser) {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: "zh-CN" });
  const page = await context.newPage();
  await page.addInitScript(initScript);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
  await cdp.send("Profiler.start");
  await page.goto(URL_, { waitUntil: "load" });
  await page.waitForFunction(() => window.__bench.firstChart !== null, null, { timeout: 30_000 });
  await page.waitForTimeout(1000);
  const { profile } = await cdp.send("Profiler.stop");
  const longTasks = await page.evaluate(() => window.__bench.longtasks);
  await context.close();
  return { ...aggregate(profile, 1), longTasks };
}

// One ensemble of ENSEMBLE_RUNS runs, opened by link in a fresh page (see the header).
async function ensembleRun(browser, seed, traced) {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: "zh-CN" });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.addInitScript(initScript);
  await page.addInitScript(() => {
    window.__ensemble = { doneAt: null, frameAt: null, publishes: 0 };
    const watch = () => {
      const el = document.querySelector('[data-testid="ensemble-progress"]');
      if (!el) return requestAnimationFrame(watch);
      new MutationObserver(() => {
        window.__ensemble.publishes++;
        if (el.dataset.state === "done" && window.__ensemble.doneAt === null) {
          window.__ensemble.doneAt = performance.now();
          requestAnimationFrame(() =>
            setTimeout(() => {
              window.__ensemble.frameAt = performance.now();
              performance.mark("bench-ensemble-frame");
            }, 0),
          );
        }
      }).observe(el, { attributes: true });
    };
    requestAnimationFrame(watch);
  });
  if (traced) await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "blink.user_timing"] });
  await page.goto(new URL(`?v=1&preset=jinzhong-2022&seed=${seed}&runs=${ENSEMBLE_RUNS}`, URL_).href, { waitUntil: "load" });
  await page.waitForFunction(() => window.__ensemble.frameAt !== null, null, { timeout: 180_000 });
  await page.waitForTimeout(300);
  const trace = traced ? JSON.parse((await browser.stopTracing()).toString()).traceEvents : null;
  const r = await page.evaluate(() => {
    const el = document.querySelector('[data-testid="ensemble-progress"]');
    const e = window.__ensemble;
    const ms = Number(el.dataset.ms);
    const start = e.doneAt - ms;
    const lts = window.__bench.longtasks.filter((t) => t.start + t.duration >= start && t.start <= e.frameAt);
    return {
      runs: Number(el.dataset.done),
      workers: navigator.hardwareConcurrency,
      inWorkersMs: ms,
      toFinalFrameMs: e.frameAt - start,
      longestTaskMs: lts.reduce((m, t) => Math.max(m, t.duration), 0),
      longTaskCount: lts.length,
      longTasks: lts,
    };
  });
  await context.close();
  return { ...r, ...(trace ? taskCpu(trace, r.toFinalFrameMs) : {}), seed, errors };
}

// The page's main-thread tasks in the `spanMs` before the mark "bench-ensemble-frame", from a
// trace: the longest one's CPU time (`tdur`), and wall and CPU time of each over 50 ms.
function taskCpu(events, spanMs) {
  const mark = events.find((e) => e.name === "bench-ensemble-frame");
  if (!mark) return { taskCpuError: "no bench-ensemble-frame mark in the trace" };
  const from = mark.ts - spanMs * 1000;
  const tasks = events.filter(
    (e) => e.ph === "X" && e.name === "RunTask" && e.pid === mark.pid && e.tid === mark.tid && e.ts + e.dur >= from && e.ts <= mark.ts,
  );
  const ms = (us) => Math.round(us / 100) / 10;
  return {
    tasks: tasks.length,
    longestTaskCpuMs: ms(tasks.reduce((m, t) => Math.max(m, t.tdur ?? 0), 0)),
    longTasksWallCpu: tasks.filter((t) => t.dur > 50000).map((t) => ({ wallMs: ms(t.dur), cpuMs: ms(t.tdur ?? 0) })),
  };
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"],
});
const out = { url: URL_, chromium: browser.version(), viewport: VIEWPORT, started: new Date().toISOString() };
try {
  const cold = [];
  let last = null;
  for (let i = 0; i < COLD; i++) {
    if (last) await last.context.close();
    last = await coldLoad(browser);
    cold.push(last.result);
    process.stderr.write(`cold load ${i + 1}/${COLD}: first chart ${last.result.firstChartMs.toFixed(0)} ms\n`);
  }
  out.coldLoad = {
    runs: cold,
    firstChartMs: stats(cold.map((c) => c.firstChartMs)),
    readyMs: stats(cold.map((c) => c.readyMs)),
    longestTaskMs: stats(cold.map((c) => c.longestTaskMs)),
  };
  const page = last.page;
  out.input = {};
  for (const s of SLIDERS) {
    process.stderr.write(`input: ${MOVES} moves of param-${s.key}-range\n`);
    const r = await moveSlider(page, s.key, MOVES);
    if (r.error) throw new Error(r.error);
    out.input[s.key] = {
      engineRunsPerMove: s.runs,
      script: stats(r.script),
      frame: stats(r.frame),
      longestTaskMs: r.longestTaskMs,
      longTaskCount: r.longTaskCount,
      movesYielded: r.movesYielded,
      values: r.values,
      summaryChanged: r.cardFirst !== r.cardAfter,
      charts: r.charts,
      chartsWithSize: r.chartsWithSize,
      chartsInViewport: r.chartsInViewport,
    };
  }
  process.stderr.write("engine: bench_engine_year in the page's wasm\n");
  const e = await engineInWasm(page);
  if (e.error) throw new Error(e.error);
  out.engineWasm = { ...stats(e.perRunMs), batch: e.batch, batches: e.batches };
  out.ensemble = { runs: [] };
  // The timed ensembles run untraced (tracing slows the workers by a third or more); with
  // --ensemble-cpu 1, the same seeds run again under the trace for the tasks' CPU time.
  for (let i = 0; i < ENSEMBLE_REPEATS; i++) {
    const r = await ensembleRun(browser, 1 + i * 100000, false);
    process.stderr.write(`ensemble ${i + 1}/${ENSEMBLE_REPEATS}: ${r.runs} runs in ${r.inWorkersMs.toFixed(0)} ms, longest task ${r.longestTaskMs.toFixed(0)} ms\n`);
    out.ensemble.runs.push(r);
  }
  out.ensemble.inWorkersMs = stats(out.ensemble.runs.map((r) => r.inWorkersMs));
  out.ensemble.toFinalFrameMs = stats(out.ensemble.runs.map((r) => r.toFinalFrameMs));
  out.ensemble.longestTaskMs = stats(out.ensemble.runs.map((r) => r.longestTaskMs));
  if (ENSEMBLE_CPU) {
    out.ensemble.traced = [];
    for (let i = 0; i < ENSEMBLE_REPEATS; i++) {
      const r = await ensembleRun(browser, 1 + i * 100000, true);
      process.stderr.write(`ensemble ${i + 1}/${ENSEMBLE_REPEATS}, traced: ${r.runs} runs in ${r.inWorkersMs.toFixed(0)} ms, longest task ${r.longestTaskMs.toFixed(0)} ms, longest in CPU time ${r.longestTaskCpuMs} ms\n`);
      out.ensemble.traced.push(r);
    }
    out.ensemble.longestTaskCpuMs = stats(out.ensemble.traced.map((r) => r.longestTaskCpuMs));
  }
  process.stderr.write(`profile: ${PROFILE_MOVES} instrumented moves per slider, and a CPU profile\n`);
  out.attribution = {};
  out.cpuProfile = {};
  for (const s of SLIDERS) {
    out.attribution[s.key] = await attribute(page, s.key, PROFILE_MOVES);
    out.cpuProfile[s.key] = await cpuProfile(page, s.key, PROFILE_MOVES);
  }
  out.timeline = {};
  for (const s of SLIDERS) out.timeline[s.key] = await timeline(browser, page, s.key, PROFILE_MOVES);
  process.stderr.write("profile: a cold load under the CPU profiler\n");
  await last.context.close();
  out.coldProfile = await coldProfile(browser);
  out.errors = cold.flatMap((c) => c.errors);
} finally {
  await browser.close();
}
out.finished = new Date().toISOString();
const text = JSON.stringify(out, null, 2);
if (OUT) writeFileSync(OUT, text + "\n");
process.stdout.write(text + "\n");
