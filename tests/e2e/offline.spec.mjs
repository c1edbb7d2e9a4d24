// Offline use (issue 6): the web app manifest, the service worker that caches every file on the
// first load, the page with the network off, and the banner that says a new version is waiting.
//
// The service worker and the banner live in index.html (registration script) and static/sw.js
// (dist/sw.js is written by scripts/sw-precache.mjs); the banner is plain DOM outside the app
// root: data-testid="update-banner".
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { test, expect, RecoveryLab, ROOT, SCREENSHOT_DIR } from "./recovery-lab.page.mjs";

/** Waits until a service worker controls the page: it has cached every file by then. */
async function waitForServiceWorker(page, timeout = 20_000) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout });
}

/** The page origin's cache names. */
function cacheNames(page) {
  return page.evaluate(() => caches.keys());
}

/** The precache list and version written into the served sw.js by the build. */
function precacheOf(swSource) {
  const list = swSource.match(/^const PRECACHE = (\[.*\]);$/m);
  const version = swSource.match(/^const VERSION = "([0-9a-f]+)";$/m);
  expect(list, "sw.js holds the build's PRECACHE list").not.toBeNull();
  expect(version, "sw.js holds the build's VERSION").not.toBeNull();
  return { files: JSON.parse(list[1]), version: version[1] };
}

/** Records the responses of the page's own requests: [url, served by the service worker]. */
function recordResponses(page) {
  const seen = [];
  page.on("response", (res) => seen.push([res.url(), res.fromServiceWorker()]));
  return seen;
}

/** Changes voucher wave 0's budget and waits for the retail card to change. */
async function runScenario(lab) {
  const before = await lab.summaryValue("retail_loss_yuan");
  expect(before, "summary-retail_loss_yuan has a value").not.toBe("");
  const wan = Number(await lab.waveBudget(0).inputValue());
  expect(wan, "wave-0-budget holds a number (万元)").toBeGreaterThan(0);
  await lab.setWaveBudget(0, wan / 2);
  await expect
    .poll(() => lab.summaryValue("retail_loss_yuan"), { message: "summary-retail_loss_yuan changes" })
    .not.toBe(before);
  await lab.waitReady();
}

// Share links (format version 1): the worker answers any query with the cached index.html, and
// the page reads the scenario from its address. The second has the keys WeChat appends.
const LINK = "?v=1&model=1.0.0&preset=citywide-lockdown&lang=zh&seed=7";
const OTHER_LINK = "?v=1&model=1.0.0&preset=no-controls&lang=en&from=singlemessage&isappinstalled=0";

test("the web app manifest and its icons are served from the page's origin", async ({ lab, request, baseURL }) => {
  await lab.goto();
  const href = await lab.page.locator('link[rel="manifest"]').getAttribute("href");
  expect(href, '<link rel="manifest">').toBeTruthy();
  const manifestUrl = new URL(href, lab.page.url());
  expect(manifestUrl.origin).toBe(new URL(baseURL).origin);
  const res = await request.get(manifestUrl.href);
  expect(res.status()).toBe(200);
  const manifest = await res.json();
  expect(manifest.name).toContain("复苏实验室");
  expect(manifest.name).toContain("Recovery Lab");
  expect(manifest.display).toBe("standalone");
  expect(new URL(manifest.start_url, manifestUrl).href).toBe(new URL("./", baseURL).href);
  const sizes = manifest.icons.map((i) => i.sizes);
  expect(sizes).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  expect(manifest.icons.some((i) => i.purpose === "maskable")).toBe(true);
  for (const icon of manifest.icons) {
    const url = new URL(icon.src, manifestUrl);
    expect(url.origin, `${icon.src} is on the page's origin`).toBe(manifestUrl.origin);
    const img = await request.get(url.href);
    expect(img.status(), `${icon.src}`).toBe(200);
    expect((await img.body()).length, `${icon.src} is not empty`).toBeGreaterThan(100);
  }
  await expect(lab.page.locator('meta[name="theme-color"]')).toHaveAttribute("content", /^#[0-9a-f]{6}$/);
});

test("after the first load the page works offline: reload, run a scenario, open share links", async ({
  lab,
  page,
  context,
  request,
}) => {
  // First load, online, from a share link: its numbers are what the offline page must show.
  await lab.goto(LINK);
  await lab.waitReady();
  const online = await lab.summaryValues();
  await waitForServiceWorker(page);

  // Every file of the build is cached (the list the build wrote into sw.js).
  const { files, version } = precacheOf(await (await request.get(new URL("sw.js", lab.baseURL).href)).text());
  expect(files).toEqual(expect.arrayContaining(["index.html", "manifest.webmanifest"]));
  expect(files.some((f) => f.endsWith(".wasm"))).toBe(true);
  expect(await cacheNames(page)).toEqual([`recovery-lab-${version}`]);
  const cached = await page.evaluate(async (name) => {
    const cache = await caches.open(name);
    return (await cache.keys()).map((r) => new URL(r.url).pathname.replace(/^\//, "")).sort();
  }, `recovery-lab-${version}`);
  expect(cached, "the cache holds every file of the build").toEqual([...files].sort());

  // Network off.
  await context.setOffline(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  const uncached = await page.evaluate(() =>
    fetch(`not-cached-${Date.now()}.txt`).then(
      () => "fetched",
      () => "failed",
    ),
  );
  expect(uncached, "a file that is not cached cannot be fetched: the network is off").toBe("failed");

  // Reload: the page, and the same numbers.
  const responses = recordResponses(page);
  await page.reload({ waitUntil: "load" });
  await lab.waitReady();
  await expect(lab.presetSelect, "offline, the page reads the link in its address").toHaveValue("citywide-lockdown");
  expect(await lab.summaryValues(), "offline, the link shows the same summary").toEqual(online);
  const notFromWorker = responses.filter(([url, fromWorker]) => !fromWorker && !url.startsWith("data:"));
  expect(notFromWorker, "every response came from the service worker").toEqual([]);
  expect(responses.length, "the reload made requests").toBeGreaterThan(0);

  // Run a scenario.
  await runScenario(lab);

  // Another share link, never opened before, and the bare address.
  await lab.goto(OTHER_LINK);
  await lab.waitReady();
  await expect(lab.presetSelect).toHaveValue("no-controls");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  expect(await lab.summaryValue("infections_total")).not.toBe("");
  await lab.goto();
  await lab.waitReady();
  await runScenario(lab);

  expect(lab.foreignRequests, "requests to another origin").toEqual([]);
  const errors = lab.consoleErrors.filter((e) => !e.includes("/not-cached-"));
  expect(errors, "console errors (but the refused fetch above)").toEqual([]);
});

// A copy of the served build on a private loopback server, so the test can publish a "new version".
async function serveCopy(request, baseURL) {
  const sw = await (await request.get(new URL("sw.js", baseURL).href)).text();
  const { files, version } = precacheOf(sw);
  const TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".wasm": "application/wasm",
    ".css": "text/css; charset=utf-8",
    ".webmanifest": "application/manifest+json",
    ".svg": "image/svg+xml",
    ".png": "image/png",
  };
  const site = new Map();
  for (const f of [...files, "sw.js"]) {
    const res = await request.get(new URL(f, baseURL).href);
    expect(res.status(), f).toBe(200);
    site.set(`/${f}`, await res.body());
  }
  const server = createServer((req, res) => {
    let p = new URL(req.url, "http://x").pathname;
    if (p === "/") p = "/index.html";
    const body = site.get(p);
    if (!body) return res.writeHead(404).end();
    res.writeHead(200, {
      "content-type": TYPES[path.extname(p)] || "application/octet-stream",
      "cache-control": "no-cache",
    });
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, site, version, url: `http://127.0.0.1:${server.address().port}/` };
}

test("a new version shows the update banner; clicking it reloads into the new version", async ({
  browser,
  request,
  baseURL,
}) => {
  const copy = await serveCopy(request, baseURL);
  const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    const lab = new RecoveryLab(page, copy.url);
    await lab.goto();
    await lab.waitReady();
    await waitForServiceWorker(page);
    expect(await cacheNames(page)).toEqual([`recovery-lab-${copy.version}`]);
    await expect(page.getByTestId("update-banner")).toHaveCount(0);

    // The network drops; meanwhile a new build is published: another index.html and, as the
    // build would write, another sw.js. When the network comes back, the open tab looks for it.
    await context.setOffline(true);
    const next = `${copy.version}0`;
    const index = copy.site.get("/index.html").toString("utf8");
    copy.site.set("/index.html", Buffer.from(index.replace("<head>", '<head>\n    <meta name="e2e-build" content="next" />')));
    const sw = copy.site.get("/sw.js").toString("utf8");
    copy.site.set("/sw.js", Buffer.from(sw.replace(`const VERSION = "${copy.version}";`, `const VERSION = "${next}";`)));
    await expect(page.getByTestId("update-banner")).toHaveCount(0);
    await context.setOffline(false);

    const banner = page.getByTestId("update-banner");
    await expect(banner).toBeVisible();
    await expect(banner).toContainText("有新版本，点击刷新");
    await expect(banner).toContainText("A new version is available — reload");
    await expect(page.locator('meta[name="e2e-build"]'), "the open page is still the old version").toHaveCount(0);
    // The viewport, where the reader sees the banner (fixed at its bottom).
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "update-banner-1440x900.png") });
    // On a phone the banner fits the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    const box = await banner.boundingBox();
    expect(box.x, "the banner starts on the screen").toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, "the banner ends on the screen").toBeLessThanOrEqual(390);
    expect(box.y + box.height, "the banner is above the bottom edge").toBeLessThanOrEqual(844);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, "update-banner-390x844.png") });

    await Promise.all([page.waitForEvent("load"), banner.click()]);
    await lab.waitReady();
    await expect(page.locator('meta[name="e2e-build"]'), "the reloaded page is the new version").toHaveCount(1);
    await expect(banner).toHaveCount(0);
    expect(await cacheNames(page), "the old version's cache is deleted").toEqual([`recovery-lab-${next}`]);
    expect(lab.foreignRequests, "requests to another origin").toEqual([]);
    expect(lab.consoleErrors, "console errors").toEqual([]);
  } finally {
    await context.close();
    await new Promise((resolve) => copy.server.close(resolve));
  }
});

test("a debug build's worker (trunk serve) replaces a release worker: cache gone, page from the server", async ({
  browser,
  request,
  baseURL,
}) => {
  // The sw.js a debug build gets: the build's own hook, run as Trunk runs it.
  const staging = mkdtempSync(path.join(tmpdir(), "sw-debug-"));
  let devWorker;
  try {
    execFileSync("node", [path.join(ROOT, "scripts", "sw-precache.mjs")], {
      env: { ...process.env, TRUNK_STAGING_DIR: staging, TRUNK_SOURCE_DIR: ROOT, TRUNK_PROFILE: "debug" },
      stdio: "pipe",
    });
    devWorker = readFileSync(path.join(staging, "sw.js"));
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  expect(devWorker.toString("utf8")).toContain("const ENABLED = false;");

  const copy = await serveCopy(request, baseURL);
  const context = await browser.newContext({ locale: "zh-CN" });
  try {
    const page = await context.newPage();
    const lab = new RecoveryLab(page, copy.url);
    await lab.goto();
    await lab.waitReady();
    await waitForServiceWorker(page);
    expect(await cacheNames(page)).toEqual([`recovery-lab-${copy.version}`]);

    // The same address now serves a debug build (scripts/serve.sh, then trunk serve, both on 8080).
    const index = copy.site.get("/index.html").toString("utf8");
    copy.site.set("/index.html", Buffer.from(index.replace("<head>", '<head>\n    <meta name="e2e-build" content="dev" />')));
    copy.site.set("/sw.js", devWorker);
    // The debug worker takes over at once, deletes the cache and reloads the page.
    await Promise.all([
      page.waitForEvent("load"),
      page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update()),
    ]);
    await expect(page.locator('meta[name="e2e-build"]'), "the reloaded page comes from the server").toHaveCount(1);
    await lab.waitReady();
    await expect.poll(() => cacheNames(page), { message: "the release cache is deleted" }).toEqual([]);

    // From now on every request goes to the server.
    const responses = recordResponses(page);
    await page.reload({ waitUntil: "load" });
    await lab.waitReady();
    expect(responses.length).toBeGreaterThan(0);
    expect(responses.filter(([, fromWorker]) => fromWorker), "no response from the worker").toEqual([]);
    expect(lab.consoleErrors, "console errors").toEqual([]);
  } finally {
    await context.close();
    await new Promise((resolve) => copy.server.close(resolve));
  }
});
