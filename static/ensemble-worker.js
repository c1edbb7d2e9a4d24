// The ensemble's module worker: loads the page's own wasm and glue, then runs pieces of the
// ensemble (a run worker) or gathers them and sends the page finished views (the aggregating
// worker). src/ui/ensemble.rs documents the messages; src/ui/ensemble_worker.rs the wasm side.
let mod = null;
const aggregates = new Map(); // side -> { generation, agg }
const text = (e) => String(e && e.message ? e.message : e);
const drop = (side) => {
  const a = aggregates.get(side);
  if (a) a.agg.free();
  aggregates.delete(side);
};
self.onmessage = ({ data: m }) => {
  if (m.type === "init") {
    // The module's start function finds no window here and mounts nothing.
    import(m.glue)
      .then((g) => g.default({ module_or_path: m.wasm }).then(() => g))
      .then(
        (g) => {
          mod = g;
          self.postMessage({ type: "ready" });
        },
        (e) => self.postMessage({ type: "error", message: text(e) }),
      );
    return;
  }
  if (m.type === "cancel") {
    for (const side of [...aggregates.keys()]) drop(side);
    return;
  }
  const { generation, side } = m;
  try {
    if (m.type === "run") {
      const { series, figures } = mod.ensemble_chunk(m.scenario, m.seed, m.first, m.count);
      const { first, count } = m;
      self.postMessage({ type: "chunk", generation, side, first, count, series, figures }, [series.buffer, figures.buffer]);
    } else if (m.type === "start") {
      for (const [s, a] of [...aggregates]) if (s === side || a.generation !== generation) drop(s);
      aggregates.set(side, { generation, agg: new mod.EnsembleAggregator(m.scenario, m.total, performance.now()) });
    } else if (m.type === "add") {
      const a = aggregates.get(side);
      if (!a || a.generation !== generation) return;
      if (!a.agg.add(m.count, m.series, m.figures, performance.now())) return;
      const bands = a.agg.bands();
      const ranges = a.agg.ranges();
      const done = a.agg.done();
      const total = a.agg.total();
      self.postMessage({ type: "view", generation, side, done, total, bands, ranges }, [bands.buffer, ranges.buffer]);
      if (done === total) drop(side);
    }
  } catch (e) {
    self.postMessage({ type: "error", generation, message: text(e) });
  }
};
