// The ensemble's module worker: loads the page's own wasm and glue and runs pieces of the
// ensemble (src/ui/ensemble.rs documents the messages).
let loaded = null;
const text = (e) => String(e && e.message ? e.message : e);
self.onmessage = async ({ data: m }) => {
  if (m.type === "init") {
    // The module's start function finds no window here and mounts nothing.
    loaded = import(m.glue).then((mod) => mod.default({ module_or_path: m.wasm }).then(() => mod));
    loaded.then(
      () => self.postMessage({ type: "ready" }),
      (e) => self.postMessage({ type: "error", message: text(e) }),
    );
  } else if (m.type === "run") {
    try {
      const { series, figures } = (await loaded).ensemble_chunk(m.scenario, m.seed, m.first, m.count);
      const { generation, first, count } = m;
      self.postMessage({ type: "chunk", generation, first, count, series, figures }, [series.buffer, figures.buffer]);
    } catch (e) {
      self.postMessage({ type: "error", generation: m.generation, message: text(e) });
    }
  }
};
