#!/usr/bin/env node
// Writes the service worker (sw.js) of a Trunk build. Run by scripts/post-build.mjs, Trunk's
// post_build hook (Trunk.toml), after Trunk has written every file of the build into its staging
// folder and scripts/minify-js.mjs has minified its JavaScript, before Trunk moves them to dist/.
//
// It reads the template static/sw.js and replaces the block between its marker lines
// (`// @build-values-start` … `// @build-values-end`) with
//
//   const VERSION = "<16 hex digits>";  // SHA-256 of every staged file's path and contents
//   const PRECACHE = ["icons/…", "index.html", "manifest.webmanifest", "recovery-lab-<hash>.js", …];
//   const ENABLED = true;
//
// PRECACHE is every file in the staging folder except sw.js itself, as paths relative to the
// worker's scope (the folder of index.html), sorted. A release build gets ENABLED = true; a debug
// build (`trunk serve`) gets ENABLED = false with VERSION "dev" and no list: the same bytes on every
// rebuild, a worker that caches nothing (see static/sw.js).
//
// A release build's worker is minified (terser; a classic script, so its top-level names stay):
// the header line and the three value lines above come first, verbatim, one per line (the e2e
// tests read them), then the template's code after the block, minified. Whatever precedes the
// block in the template is comments only and is dropped.
//
// Environment (set by Trunk): TRUNK_STAGING_DIR, TRUNK_SOURCE_DIR, TRUNK_PROFILE.
// By hand, on a built dist/:  TRUNK_STAGING_DIR=dist TRUNK_PROFILE=release node scripts/sw-precache.mjs
import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { listFiles, minifyJs } from "./build-files.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const staging = process.env.TRUNK_STAGING_DIR;
const source = process.env.TRUNK_SOURCE_DIR || root;
const release = process.env.TRUNK_PROFILE === "release";
const WORKER = "sw.js";
const START = "// @build-values-start";
const END = "// @build-values-end";

function fail(msg) {
  console.error(`sw-precache: ${msg}`);
  process.exit(1);
}

if (!staging) fail("TRUNK_STAGING_DIR is not set (run by Trunk as a post_build hook)");
const template = await fs.readFile(path.join(source, "static", WORKER), "utf8").catch((e) => fail(e.message));
const lines = template.split("\n");
const start = lines.findIndex((l) => l.startsWith(START));
const end = lines.findIndex((l) => l.startsWith(END));
if (start < 0 || end <= start) fail(`static/${WORKER} has no "${START}" … "${END}" block`);

let values;
if (release) {
  const files = (await listFiles(staging)).filter((f) => f !== WORKER).sort();
  if (!files.includes("index.html")) fail(`no index.html in ${staging}`);
  const hash = createHash("sha256");
  for (const f of files) {
    const body = await fs.readFile(path.join(staging, f));
    hash.update(`${f}\0${createHash("sha256").update(body).digest("hex")}\n`);
  }
  const version = hash.digest("hex").slice(0, 16);
  values = [
    `const VERSION = ${JSON.stringify(version)};`,
    `const PRECACHE = ${JSON.stringify(files)};`,
    "const ENABLED = true;",
  ];
  console.log(`sw-precache: ${WORKER} caches ${files.length} files as version ${version}`);
} else {
  values = ['const VERSION = "dev";', "const PRECACHE = [];", "const ENABLED = false;"];
  console.log(`sw-precache: debug build, ${WORKER} caches nothing`);
}

const header = `// Written by scripts/sw-precache.mjs (${release ? "release" : "debug"} build).`;
let out;
if (release) {
  const rest = lines.slice(end + 1).join("\n");
  let code;
  try {
    // Not a module: VERSION, PRECACHE and ENABLED are declared in the lines before this code.
    ({ code } = await minifyJs(rest, false, fail));
  } catch (e) {
    fail(`minifying static/${WORKER}: ${e.message}${e.line ? ` (line ${e.line + end + 1} of the template)` : ""}`);
  }
  if (typeof code !== "string" || code.length === 0) fail(`minifying static/${WORKER}: terser returned no code`);
  out = [header, ...values, code];
} else {
  out = [...lines.slice(0, start), header, ...values, ...lines.slice(end + 1)];
}
await fs.writeFile(path.join(staging, WORKER), out.join("\n"));
