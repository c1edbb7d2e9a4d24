// Shared by the post-build steps (scripts/minify-js.mjs, scripts/sw-precache.mjs): the staged
// files of a build, and terser as both run it.

import { promises as fs } from "node:fs";
import path from "node:path";

/** Every file under `dir`, as paths relative to it with `/` separators (unsorted). */
export async function listFiles(dir, rel = "") {
  const out = [];
  for (const entry of await fs.readdir(path.join(dir, rel), { withFileTypes: true })) {
    const p = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(dir, p)));
    else if (entry.isFile()) out.push(p);
  }
  return out;
}

/**
 * `code` minified by terser (compressed, mangled, no comments); `module` for an ES module (its
 * exports keep their names), false for a classic script (its top-level names stay). Loaded
 * here, on first use, so that a debug build needs no terser; a missing one calls `fail` with a
 * clear message.
 */
export async function minifyJs(code, module, fail) {
  const { minify } = await import("terser").catch(() =>
    fail("terser is not installed in node_modules: run scripts/setup.sh (npm ci, package-lock.json)"),
  );
  return minify(code, { module, compress: true, mangle: true, format: { comments: false } });
}
