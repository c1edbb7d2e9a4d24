#!/usr/bin/env node
// Joins the benchmark's parts (run by scripts/bench.sh): the page figures from
// scripts/bench-page.mjs, criterion's estimate of one deterministic year natively, the shipped
// size and the machine; prints the table of issue 5's targets and writes the whole as JSON.
//
//   node scripts/bench-report.mjs --page PAGE.json --criterion DIR --size-bytes N --out FILE
import { execSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const args = process.argv.slice(2);
function opt(name, fallback) {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}
const page = JSON.parse(readFileSync(opt("page", "artifacts/bench-page.json"), "utf8"));
const criterionDir = opt("criterion", "target/criterion");
const sizeBytes = Number(opt("size-bytes", "0"));
const out = opt("out", "artifacts/bench.json");

function sh(cmd) {
  try {
    return execSync(cmd, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return null;
  }
}

function criterion(name) {
  const file = path.join(criterionDir, name, "new", "estimates.json");
  if (!existsSync(file)) return null;
  const e = JSON.parse(readFileSync(file, "utf8"));
  return {
    name,
    medianMs: e.median.point_estimate / 1e6,
    meanMs: e.mean.point_estimate / 1e6,
    file,
  };
}
const native = criterion("deterministic year (jinzhong-2022)");

const machine = {
  nproc: os.cpus().length,
  lscpu: sh("lscpu | head -12"),
  loadavgBefore: opt("load-before", null),
  loadavgAfter: os.loadavg().map((x) => Math.round(x * 100) / 100),
  chromium: page.chromium,
  chromiumVersion: sh("/usr/bin/chromium --version 2>/dev/null"),
  rustc: sh("rustc --version"),
  commit: sh("git rev-parse --short HEAD"),
};

const ms = (x) => (x === null || x === undefined ? "–" : `${x.toFixed(x < 10 ? 2 : 1)} ms`);
const verdict = (ok) => (ok === null ? "–" : ok ? "met" : "MISSED");
const rows = [];
const inputKeys = Object.keys(page.input || {});
for (const key of inputKeys) {
  const r = page.input[key];
  rows.push({
    figure: `input → the ${r.chartsInViewport} chart(s) in view repainted (off-screen ones of ${r.charts} wait until scrolled in), p50 / p95 of ${r.frame.n} moves of ${key} (${r.engineRunsPerMove} engine run${r.engineRunsPerMove > 1 ? "s" : ""} per move)`,
    value: `${ms(r.frame.p50)} / ${ms(r.frame.p95)}`,
    target: "p95 ≤ 16 ms",
    status: verdict(r.frame.p95 <= 16),
  });
  rows.push({
    figure: `  of which script (handler, engine, Yew, charts drawn), p50 / p95`,
    value: `${ms(r.script.p50)} / ${ms(r.script.p95)}`,
    target: "",
    status: "",
  });
}
rows.push({
  figure: "one deterministic year, wasm in the browser (median / fastest batch)",
  value: `${ms(page.engineWasm?.p50)} / ${ms(page.engineWasm?.min)}`,
  target: "≤ 1 ms",
  status: verdict(page.engineWasm ? page.engineWasm.p50 <= 1 : null),
});
rows.push({
  figure: "one deterministic year, native (criterion median)",
  value: native ? ms(native.medianMs) : "not run",
  target: "≤ 0.5 ms",
  status: verdict(native ? native.medianMs <= 0.5 : null),
});
const ens = page.ensemble;
if (ens && ens.runs.length) {
  const n = ens.runs[0].runs;
  rows.push({
    figure: `${n.toLocaleString("en")}-run ensemble with bands, in ${ens.runs[0].workers} worker(s) (median / max of ${ens.runs.length})`,
    value: `${ms(ens.inWorkersMs.p50)} / ${ms(ens.inWorkersMs.max)}`,
    target: "≤ 1 s",
    status: verdict(ens.inWorkersMs.max <= 1000),
  });
  rows.push({
    figure: "  … to the charts drawn with the final bands (median)",
    value: ms(ens.toFinalFrameMs.p50),
    target: "",
    status: "",
  });
  rows.push({
    figure: `longest main-thread task while the ensemble runs (median / max of ${ens.runs.length})`,
    value: `${ms(ens.longestTaskMs.p50)} / ${ms(ens.longestTaskMs.max)}`,
    target: "≤ 50 ms",
    status: verdict(ens.longestTaskMs.max <= 50),
  });
  if (ens.longestTaskCpuMs) {
    rows.push({
      figure: "  … in CPU time, the same seeds run again under a trace (without the time spent waiting for a core)",
      value: `${ms(ens.longestTaskCpuMs.p50)} / ${ms(ens.longestTaskCpuMs.max)}`,
      target: "",
      status: "",
    });
  }
} else {
  rows.push({ figure: "1,000-run ensemble with bands, in the worker(s)", value: "not run", target: "≤ 1 s", status: "–" });
  rows.push({ figure: "longest main-thread task while the ensemble runs", value: "not run", target: "≤ 50 ms", status: "–" });
}
rows.push({
  figure: `longest main-thread task, cold load (median / max of ${page.coldLoad.runs.length})`,
  value: `${ms(page.coldLoad.longestTaskMs.p50)} / ${ms(page.coldLoad.longestTaskMs.max)}`,
  target: "–",
  status: "",
});
for (const key of inputKeys) {
  rows.push({
    figure: `longest main-thread task during the moves of ${key}`,
    value: ms(page.input[key].longestTaskMs),
    target: "–",
    status: "",
  });
}
rows.push({
  figure: `first chart painted after a cold load from 127.0.0.1 (median / max of ${page.coldLoad.runs.length})`,
  value: `${ms(page.coldLoad.firstChartMs.p50)} / ${ms(page.coldLoad.firstChartMs.max)}`,
  target: "≤ 1 s",
  status: verdict(page.coldLoad.firstChartMs.max <= 1000),
});
rows.push({
  figure: "wasm + JS shipped, gzipped",
  value: sizeBytes ? `${(sizeBytes / 1000).toFixed(1)} KB` : "–",
  target: "≤ 400 KB",
  status: verdict(sizeBytes ? sizeBytes <= 400000 : null),
});

const report = { machine, rows, native, sizeBytes, page };
writeFileSync(out, JSON.stringify(report, null, 2) + "\n");

const w = [0, 0, 0];
for (const r of rows) {
  w[0] = Math.max(w[0], r.figure.length);
  w[1] = Math.max(w[1], r.value.length);
  w[2] = Math.max(w[2], r.target.length);
}
console.log();
console.log(
  `bench: ${machine.nproc} cores, load average ${machine.loadavgBefore ?? "?"} before, ${machine.loadavgAfter.join(" ")} after; Chromium ${machine.chromium}`,
);
for (const r of rows) console.log(`  ${r.figure.padEnd(w[0])}  ${r.value.padEnd(w[1])}  ${r.target.padEnd(w[2])}  ${r.status}`);
for (const key of Object.keys(page.attribution || {})) {
  const a = page.attribution[key].median;
  const p = page.cpuProfile?.[key];
  console.log(
    `  where a move of ${key} goes (instrumented, medians): script ${ms(a.scriptMs)}; before the first canvas call ${ms(a.beforeFirstCanvasCallMs)}; ` +
      `inside ${a.canvasCalls} canvas calls ${ms(a.canvasNativeMs)}; ${a.layoutReads} forced layout reads ${ms(a.layoutReadMs)}` +
      (p ? `; CPU profile: busy ${ms(p.busyMs)}, wasm ${ms(p.wasmMs)}, GC ${ms(p.gcMs)}, the rest ${ms(p.otherMs)}` : ""),
  );
  const t = page.timeline?.[key];
  if (t) console.log(`    trace, per move: ${Object.entries(t).map(([n, v]) => `${n} ${ms(v.msPerMove)} (CPU ${ms(v.cpuMsPerMove)}, ${v.perMove}×)`).join("; ")}`);
  if (p) console.log(`    top self time per move: ${p.top.slice(0, 6).map((t) => `${t.fn} ${ms(t.ms)}`).join("; ")}`);
}
if (page.coldProfile) {
  const c = page.coldProfile;
  console.log(
    `  cold load under the CPU profiler: busy ${ms(c.busyMs)}, wasm ${ms(c.wasmMs)}, GC ${ms(c.gcMs)}; long tasks ${c.longTasks.map((t) => Math.round(t.duration)).join(", ")} ms`,
  );
  console.log(`    top self time: ${c.top.slice(0, 8).map((t) => `${t.fn} ${ms(t.ms)}`).join("; ")}`);
}
if (page.errors?.length) console.log(`  page errors: ${page.errors.join("; ")}`);
console.log(`written: ${out}`);
