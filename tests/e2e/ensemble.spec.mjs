// The uncertainty bands: a seeded ensemble in web workers, streamed into the page. The ranges on
// the cards must equal what the command-line runner prints for the same link, seed and runs.
import { test, expect, SCALAR_SUMMARY_KEYS, DATED_SUMMARY_KEYS } from "./recovery-lab.page.mjs";
import { cliJson } from "./cli.mjs";

const SEED = 20220415;
const RUNS = 40;
const LINK = `?v=1&preset=jinzhong-2022&seed=${SEED}&runs=${RUNS}&relief.reach=0.6`;

const progress = (page) => page.getByTestId("ensemble-progress");

// The cards' ranges (test ids `${prefix}${key}`) against the runner's ensemble summary: every
// p5 and p95 exactly. Returns what differs and how many figures were checked.
async function differences(page, summary, prefix) {
  const expected = {};
  for (const key of [...SCALAR_SUMMARY_KEYS, "recovery_date"]) expected[key] = summary[key];
  for (const key of DATED_SUMMARY_KEYS) for (const [date, v] of Object.entries(summary[key])) expected[`${key}-${date}`] = v;
  const problems = [];
  for (const [key, band] of Object.entries(expected)) {
    const range = page.getByTestId(`${prefix}${key}`);
    if ((await range.count()) !== 1) {
      problems.push(`${key}: no range on the card`);
      continue;
    }
    for (const p of ["p5", "p95"]) {
      const actual = await range.getAttribute(`data-${p}`);
      const want = band[p];
      const ok = want === null ? actual === "" : typeof want === "number" ? Number(actual) === want && actual !== "" : actual === want;
      if (!ok) problems.push(`${key} ${p}: page "${actual}", runner ${JSON.stringify(want)}`);
    }
  }
  return { problems, count: Object.keys(expected).length };
}

test("a link's seed and runs give the runner's ranges on every card, and bands on the charts", async ({ lab, page }) => {
  await lab.goto(LINK);
  await lab.waitReady();
  await expect(progress(page)).toHaveAttribute("data-state", "done", { timeout: 60_000 });
  await expect(progress(page)).toHaveAttribute("data-done", String(RUNS));

  const summary = cliJson(["run", "--link", new URL(LINK, lab.baseURL).href, "--runs", String(RUNS), "--seed", String(SEED), "--summary"]);
  expect(summary.runs).toBe(RUNS);
  const checked = await differences(page, summary, "range-");
  expect(checked.problems, "card ranges that differ from recovery-lab-cli").toEqual([]);
  expect(checked.count).toBeGreaterThanOrEqual(18);

  // The bands are drawn: the legend names them (read from the canvas is not possible; the
  // tooltip is), so hover the infections chart and read the 90% range in the tooltip.
  const chart = page.getByTestId("chart-infections");
  await chart.focus();
  await page.keyboard.press("End");
  await expect(page.locator(".tooltip")).toContainText("90%");
  await lab.screenshot("ensemble-bands");
  expect(lab.consoleErrors).toEqual([]);
});

test("comparing: B's ensemble runs after A's, its ranges under B's values equal the runner's --side b, bands behind both", async ({ lab, page }) => {
  const link = `${LINK}&b.preset=citywide-lockdown`;
  await lab.goto(link);
  await lab.waitReady();
  await expect(progress(page)).toHaveAttribute("data-state", "done", { timeout: 90_000 });
  await expect(progress(page)).toHaveAttribute("data-done", String(RUNS));
  await expect(progress(page)).toHaveAttribute("data-b-done", String(RUNS));
  const url = new URL(link, lab.baseURL).href;
  for (const side of ["a", "b"]) {
    const summary = cliJson(["run", "--link", url, "--side", side, "--runs", String(RUNS), "--seed", String(SEED), "--summary"]);
    const checked = await differences(page, summary, side === "a" ? "range-" : "range-b-");
    expect(checked.problems, `${side}'s card ranges that differ from recovery-lab-cli --side ${side}`).toEqual([]);
    expect(checked.count).toBeGreaterThanOrEqual(18);
    // The link's runs and seed are the runner's defaults: the same numbers without them.
    if (side === "b") expect(cliJson(["run", "--link", url, "--side", "b", "--summary"])).toEqual(summary);
  }
  // A's and B's lines each carry their own 90% range in the tooltip.
  const chart = page.getByTestId("chart-infections");
  await chart.scrollIntoViewIfNeeded();
  await chart.focus();
  await page.keyboard.press("Home");
  for (let i = 0; i < 60; i++) await page.keyboard.press("ArrowRight");
  const rows = page.locator(".tooltip tr");
  await expect(rows.filter({ hasText: /^A · / }).filter({ hasText: "90%" }).first()).toBeVisible();
  await expect(rows.filter({ hasText: /^B · / }).filter({ hasText: "90%" }).first()).toBeVisible();
  await lab.screenshot("ensemble-bands-compared");

  // Another B: only B's ensemble runs again; A's finished runs are kept (its count never drops).
  const rangeA = await page.getByTestId("range-infections_total").getAttribute("data-p95");
  await page.evaluate(() => {
    const el = document.querySelector('[data-testid="ensemble-progress"]');
    window.__doneSeen = [];
    window.__bDoneSeen = [];
    new MutationObserver(() => {
      window.__doneSeen.push(el.dataset.done);
      window.__bDoneSeen.push(el.dataset.bDone);
    }).observe(el, { attributes: true });
  });
  await lab.compareWith("preset:no-controls");
  // The new B's ensemble has started (B's count went to 0) and ended.
  await expect.poll(() => page.evaluate(() => window.__bDoneSeen.includes("0")), { timeout: 30_000 }).toBe(true);
  await expect(progress(page)).toHaveAttribute("data-state", "done", { timeout: 90_000 });
  await expect(progress(page)).toHaveAttribute("data-b-done", String(RUNS));
  const seen = await page.evaluate(() => window.__doneSeen);
  expect(seen.filter((d) => d !== String(RUNS)), "A's runs done while B's ran again").toEqual([]);
  await expect(page.getByTestId("range-infections_total")).toHaveAttribute("data-p95", rangeA);
  const b2 = cliJson(["run", "--link", page.url(), "--side", "b", "--runs", String(RUNS), "--seed", String(SEED), "--summary"]);
  expect((await differences(page, b2, "range-b-")).problems).toEqual([]);
  expect(lab.consoleErrors).toEqual([]);
});

test("a new input cancels the ensemble in flight and the run count travels in the link", async ({ lab, page }) => {
  await lab.goto(`?v=1&preset=jinzhong-2022&seed=3&runs=2000`);
  await lab.waitReady();
  await expect(progress(page)).toHaveAttribute("data-state", "running", { timeout: 30_000 });
  await page.getByTestId("ensemble-runs").selectOption("20");
  await expect(progress(page)).toHaveAttribute("data-total", "20");
  await expect(progress(page)).toHaveAttribute("data-state", "done", { timeout: 30_000 });
  await expect(progress(page)).toHaveAttribute("data-done", "20");
  expect(new URL(page.url()).searchParams.get("runs")).toBe("20");
  expect(new URL(page.url()).searchParams.get("seed")).toBe("3");
  expect(lab.consoleErrors).toEqual([]);
});

test("without web workers the page says so and still shows the deterministic run", async ({ lab, page }) => {
  await page.addInitScript(() => {
    delete window.Worker;
  });
  await lab.goto();
  await lab.waitReady();
  await expect(page.getByTestId("ensemble-unavailable")).toBeVisible();
  await expect(progress(page)).toHaveCount(0);
  await expect(lab.summaryCard("infections_total")).toHaveAttribute("data-value", /^\d/);
  await expect(page.locator("[data-testid^=range-]")).toHaveCount(0);
  expect(lab.consoleErrors).toEqual([]);
});

// A worker that cannot load its module, and one that loads but fails on a piece of the runs.
const BROKEN_WORKERS = {
  "at load": 'self.onmessage = () => self.postMessage({ type: "error", message: "broken on purpose" });',
  "on a piece":
    'self.onmessage = ({ data: m }) => self.postMessage(m.type === "init" ? { type: "ready" } : { type: "error", generation: m.generation, message: "broken on purpose" });',
};

for (const [when, body] of Object.entries(BROKEN_WORKERS)) {
  test(`a worker that fails ${when} says why, and the page keeps the deterministic run`, async ({ lab, page }) => {
    await page.context().route("**/ensemble-worker.js", (route) => route.fulfill({ contentType: "text/javascript", body }));
    await lab.goto(`?v=1&preset=jinzhong-2022&seed=3&runs=20`);
    await lab.waitReady();
    await expect(progress(page)).toHaveAttribute("data-state", "failed", { timeout: 30_000 });
    await expect(progress(page)).toContainText("broken on purpose");
    await expect(lab.summaryCard("infections_total")).toHaveAttribute("data-value", /^\d/);
    await expect(page.locator("[data-testid^=range-]")).toHaveCount(0);
    await expect(page.getByTestId("chart-infections")).toBeVisible();
  });
}
