#!/usr/bin/env node
// Trunk's one post_build hook (Trunk.toml): runs the build's steps one after the other, each in its
// own node process with Trunk's environment. Trunk 0.21 starts all hooks of a stage at once, so
// two separate hooks could not be ordered; here the order holds:
//
//   1. scripts/minify-js.mjs    release builds: minifies the JavaScript, fixes index.html's integrity
//   2. scripts/sw-precache.mjs  writes sw.js with the list and hash of the final files
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
for (const step of ["minify-js.mjs", "sw-precache.mjs"]) {
  const run = spawnSync(process.execPath, [path.join(here, step)], { stdio: "inherit" });
  if (run.status !== 0) {
    console.error(`post-build: scripts/${step} failed (${run.error?.message ?? `exit ${run.status ?? run.signal}`})`);
    process.exit(1);
  }
}
