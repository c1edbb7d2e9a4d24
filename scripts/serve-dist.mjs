#!/usr/bin/env node
// A small static file server for the built page (dist/), loopback only, no dependencies.
//
//   node scripts/serve-dist.mjs [--dir dist] [--host 127.0.0.1] [--port 8080] [--port-file FILE]
//
// --port 0 takes a free port; the URL is printed ("serving dist at http://127.0.0.1:PORT/") and,
// with --port-file, written to FILE once the server listens (scripts/test.sh waits for it).
// Serves .wasm as application/wasm so the browser compiles it while it downloads.
import { createServer } from "node:http";
import { createReadStream, promises as fs } from "node:fs";
import path from "node:path";

const args = process.argv.slice(2);
function opt(name, fallback) {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}
const dir = path.resolve(opt("dir", "dist"));
const host = opt("host", "127.0.0.1");
const port = Number(opt("port", "8080"));
const portFile = opt("port-file", null);

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/plain; charset=utf-8",
};

async function resolveFile(urlPath) {
  let rel;
  try {
    rel = decodeURIComponent(urlPath.split("?")[0].split("#")[0]);
  } catch {
    return null;
  }
  const file = path.join(dir, path.normalize(rel));
  if (file !== dir && !file.startsWith(dir + path.sep)) return null; // no way out of dir
  try {
    const st = await fs.stat(file);
    if (st.isDirectory()) {
      const index = path.join(file, "index.html");
      return (await fs.stat(index)).isFile() ? index : null;
    }
    return st.isFile() ? file : null;
  } catch {
    return null;
  }
}

const server = createServer(async (req, res) => {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405).end();
    return;
  }
  // The page is a single page: unknown paths without an extension get index.html.
  let file = await resolveFile(req.url || "/");
  if (!file && !path.extname((req.url || "/").split("?")[0])) {
    file = await resolveFile("/index.html");
  }
  if (!file) {
    res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
    return;
  }
  res.writeHead(200, {
    "content-type": TYPES[path.extname(file)] || "application/octet-stream",
    "cache-control": "no-cache",
  });
  if (req.method === "HEAD") res.end();
  else createReadStream(file).pipe(res);
});

server.on("error", (err) => {
  console.error(`serve-dist: ${err.message}`);
  process.exit(1);
});
server.listen(port, host, async () => {
  const actual = server.address().port;
  const url = `http://${host}:${actual}/`;
  console.log(`serving ${path.relative(process.cwd(), dir) || "."} at ${url}`);
  if (portFile) await fs.writeFile(portFile, `${actual}\n`);
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => process.exit(0));
