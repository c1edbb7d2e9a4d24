// The page's ensemble worker (src/ui/ensemble.rs): a module worker that loads the page's own
// wasm module and glue (their hashed addresses arrive in the "init" message) and runs pieces of
// the stochastic ensemble with the module's `ensemble_chunk` export. Results go back as two
// Float64Arrays whose buffers are transferred, not copied.
//
// Messages in:  {type: "init", glue, wasm}
//               {type: "run", generation, scenario (JSON), seed (decimal string), first, count}
// Messages out: {type: "ready"} | {type: "error", message[, generation]}
//               {type: "chunk", generation, first, count, series, figures}
let loaded = null;

self.onmessage = async (event) => {
  const m = event.data;
  if (m.type === "init") {
    loaded = import(m.glue).then(async (mod) => {
      // The module's start function sees no window here and mounts nothing.
      await mod.default({ module_or_path: m.wasm });
      return mod;
    });
    loaded.then(
      () => self.postMessage({ type: "ready" }),
      (err) => self.postMessage({ type: "error", message: String(err && err.message ? err.message : err) }),
    );
    return;
  }
  if (m.type === "run") {
    try {
      const mod = await loaded;
      const out = mod.ensemble_chunk(m.scenario, m.seed, m.first, m.count);
      const series = out.series;
      const figures = out.figures;
      self.postMessage(
        { type: "chunk", generation: m.generation, first: m.first, count: m.count, series, figures },
        [series.buffer, figures.buffer],
      );
    } catch (err) {
      self.postMessage({ type: "error", generation: m.generation, message: String(err && err.message ? err.message : err) });
    }
  }
};
