#!/usr/bin/env node
// Minifies the JavaScript of a release build. Run by scripts/post-build.mjs, Trunk's post_build
// hook (Trunk.toml), after Trunk has written every file into its staging folder and before
// scripts/sw-precache.mjs lists and hashes them (so the precache list and its version see the
// final files).
//
// Every .js file in the staging folder is an ES module here: wasm-bindgen's glue
// (recovery-lab-<hash>.js, imported by index.html and by the ensemble worker) and
// ensemble-worker.js (started as a module worker, src/ui/ensemble.rs). terser compresses and
// mangles them with `module: true`: exports keep their names (the page's `init`/`bindings`, the
// worker's `g.default`, `mod.ensemble_chunk`, `new mod.EnsembleAggregator`); only names inside
// the module change. sw.js is not here yet: scripts/sw-precache.mjs writes it and minifies it.
//
// Subresource integrity: Trunk has already written `integrity="sha384-…"` for the glue into
// index.html (its <link rel="modulepreload">). For each file this changes, every occurrence of
// the old file's digest in index.html is replaced by the minified file's digest.
//
// A debug build (`trunk serve`) is left as it is, readable.
//
// Environment (set by Trunk): TRUNK_STAGING_DIR, TRUNK_PROFILE.
// By hand, on a built dist/:  TRUNK_STAGING_DIR=dist TRUNK_PROFILE=release node scripts/minify-js.mjs
import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import path from "node:path";
import { listFiles, minifyJs } from "./build-files.mjs";

const staging = process.env.TRUNK_STAGING_DIR;
const release = process.env.TRUNK_PROFILE === "release";
const INDEX = "index.html";
// Files this hook must not touch: sw.js is the service worker's own script (written later).
const SKIP = new Set(["sw.js"]);

function fail(msg) {
  console.error(`minify-js: ${msg}`);
  process.exit(1);
}

const sri = (body) => `sha384-${createHash("sha384").update(body).digest("base64")}`;

if (!staging) fail("TRUNK_STAGING_DIR is not set (run by Trunk as a post_build hook)");
if (!release) {
  console.log("minify-js: debug build, JavaScript left as it is");
  process.exit(0);
}

const indexPath = path.join(staging, INDEX);
let index = await fs.readFile(indexPath, "utf8").catch((e) => fail(e.message));
let before = 0;
let after = 0;
const files = (await listFiles(staging)).filter((f) => f.endsWith(".js") && !SKIP.has(f)).sort();
for (const f of files) {
  const file = path.join(staging, f);
  const code = await fs.readFile(file, "utf8");
  let result;
  try {
    result = await minifyJs(code, true, fail);
  } catch (e) {
    fail(`${f}: ${e.message}${e.line ? ` (line ${e.line}, column ${e.col})` : ""}`);
  }
  if (typeof result.code !== "string" || result.code.length === 0) fail(`${f}: terser returned no code`);
  const oldHash = sri(code);
  const newHash = sri(result.code);
  const uses = index.split(oldHash).length - 1;
  index = index.split(oldHash).join(newHash);
  await fs.writeFile(file, result.code);
  before += Buffer.byteLength(code);
  after += Buffer.byteLength(result.code);
  console.log(
    `minify-js: ${f} ${Buffer.byteLength(code)} -> ${Buffer.byteLength(result.code)} bytes` +
      (uses ? `, integrity rewritten in ${INDEX} (${uses}x)` : ""),
  );
}
// Check every integrity digest in index.html against the staged file it names.
for (const tag of index.match(/<(?:link|script)\b[^>]*>/g) ?? []) {
  const integrity = tag.match(/\bintegrity="(sha384-[^"]+)"/)?.[1];
  const url = tag.match(/\b(?:href|src)="([^"]+)"/)?.[1];
  if (!integrity || !url || /^[a-z]+:/i.test(url)) continue;
  const rel = decodeURIComponent(url.replace(/^\.?\//, "").split(/[?#]/)[0]);
  const body = await fs.readFile(path.join(staging, rel)).catch(() => null);
  if (body && sri(body) !== integrity) fail(`${INDEX}: integrity of ${rel} does not match the file`);
}
await fs.writeFile(indexPath, index);
console.log(`minify-js: ${before} -> ${after} bytes of JavaScript`);
