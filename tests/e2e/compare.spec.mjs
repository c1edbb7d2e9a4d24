// A/B comparison, saved scenarios and exports (issue 4): difference cards equal B − A and B
// equals the runner's --side b; saved scenarios survive a reload; the CSV download has the
// runner's rows for A and B; JSON export imports again (page and runner); PNG of a chart.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test, expect, ROOT, SCALAR_SUMMARY_KEYS, DATED_SUMMARY_KEYS, CHECK_DATES } from "./recovery-lab.page.mjs";

function cli(args) {
  const bin = process.env.RECOVERY_LAB_CLI;
  const [cmd, argv] =
    bin && existsSync(bin) ? [bin, args] : ["cargo", ["run", "--quiet", "--bin", "recovery-lab-cli", "--", ...args]];
  const r = spawnSync(cmd, argv, { cwd: ROOT, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`recovery-lab-cli ${args.join(" ")}: exit ${r.status}\n${r.stderr}`);
  return r.stdout;
}

const NUMERIC_KEYS = [
  ...SCALAR_SUMMARY_KEYS,
  ...DATED_SUMMARY_KEYS.flatMap((k) => CHECK_DATES.map((d) => `${k}-${d}`)),
];

test("comparing A with B: B's cards equal the runner's --side b, each difference card is B − A", async ({ lab, page }) => {
  await lab.goto();
  await lab.waitReady();
  await lab.compareWith("preset:citywide-lockdown");
  await expect(lab.diffCard("infections_total")).toBeVisible();
  expect(lab.query()).toContain("b.preset=citywide-lockdown");

  const b = JSON.parse(cli(["run", "--link", page.url(), "--side", "b", "--summary"]));
  const problems = [];
  for (const key of NUMERIC_KEYS) {
    const a = await lab.summaryValue(key);
    const bv = await lab.compareValue("b", key);
    const diff = await lab.compareValue("diff", key);
    const [base, date] = key.includes("-20") ? [key.slice(0, key.indexOf("-20")), key.slice(key.indexOf("-20") + 1)] : [key, null];
    const runner = date ? b[base][date] : b[base];
    if (runner === null ? bv !== "" : Number(bv) !== runner) problems.push(`b-${key}: page "${bv}", runner ${runner}`);
    const want = a === "" || bv === "" ? "" : Number(bv) - Number(a);
    if (want === "" ? diff !== "" : Number(diff) !== want) problems.push(`diff-${key}: "${diff}", B − A = ${want}`);
  }
  expect(problems).toEqual([]);
  // Shown with a sign and a unit.
  await expect(lab.diffCard("infections_total")).toContainText(/[+−]/);

  // The difference chart, for a chosen indicator.
  await expect(lab.chart("diff")).toBeVisible();
  await page.getByTestId("diff-indicator").selectOption("employment");
  await expect(page.getByTestId("diff-indicator")).toHaveValue("employment");

  // The district view shows B beside A, each B tile with B − A.
  const tilesA = page.getByTestId("district-map").locator(".tile");
  const tilesB = page.getByTestId("district-map-b").locator(".tile");
  await expect(tilesB).toHaveCount(11);
  for (let i = 0; i < 11; i++) {
    const [va, vb, d] = [
      Number(await tilesA.nth(i).getAttribute("data-value")),
      Number(await tilesB.nth(i).getAttribute("data-value")),
      Number(await tilesB.nth(i).getAttribute("data-diff")),
    ];
    expect(d).toBe(vb - va);
  }

  // The levers edit B when asked; A's cards stay.
  const a0 = await lab.summaryValue("infections_total");
  const b0 = await lab.compareValue("b", "infections_total");
  await lab.editTarget.selectOption("b");
  await lab.setParam("epidemic.r0_delta", 4);
  await expect.poll(() => lab.compareValue("b", "infections_total")).not.toBe(b0);
  expect(await lab.summaryValue("infections_total")).toBe(a0);
  expect(lab.query()).toContain("b.epidemic.r0_delta=4");
  await lab.screenshot("compare");
  await page.setViewportSize({ width: 390, height: 844 });
  await lab.screenshot("compare-phone");
  expect(lab.consoleErrors).toEqual([]);
});

test("a saved scenario survives a reload and loads again", async ({ lab, page }) => {
  await lab.goto();
  await lab.waitReady();
  await page.evaluate(() => {
    for (const k of Object.keys(localStorage)) if (k.startsWith("recovery-lab.saved.")) localStorage.removeItem(k);
  });
  await lab.setParam("relief.reach", 90);
  await expect.poll(() => lab.query()).toContain("relief.reach=0.9");
  const saved = await lab.summaryValues();
  await lab.saveScenario("Relief for 90%");

  await lab.goto(); // a plain address: the default scenario
  await lab.waitReady();
  expect(await lab.summaryValue("smes_closed")).not.toBe(saved.smes_closed);
  await lab.openSaved();
  await expect(lab.savedItems).toHaveCount(1);
  await lab.loadSaved("Relief for 90%");
  await expect.poll(() => lab.summaryValues()).toEqual(saved);
  expect(lab.query()).toContain("relief.reach=0.9");

  // A damaged entry is reported and skipped; the good one stays.
  await page.evaluate(() => localStorage.setItem("recovery-lab.saved.broken", "{not json"));
  await page.reload();
  await lab.waitReady();
  await expect(page.getByTestId("saved-skipped")).toBeVisible();
  await lab.openSaved();
  await expect(lab.savedItems).toHaveCount(1);
  // Rename and delete.
  await lab.savedItem("Relief for 90%").getByTestId("saved-rename").click();
  await page.getByTestId("saved-rename-input").fill("Relief 90");
  await page.getByTestId("saved-rename-ok").click();
  await expect(lab.savedItem("Relief 90")).toHaveCount(1);
  await lab.savedItem("Relief 90").getByTestId("saved-delete").click();
  await expect(lab.savedItems).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem("recovery-lab.saved.broken"))).toBe("{not json");
  await page.evaluate(() => localStorage.removeItem("recovery-lab.saved.broken"));
});

test("the CSV download holds every daily series of A and B, row for row the runner's", async ({ lab, page }) => {
  await lab.goto("?v=1&preset=jinzhong-2022&b.preset=no-controls");
  await lab.waitReady();
  await expect(lab.diffCard("infections_total")).toBeVisible();
  const { name, path: file } = await lab.download(page.getByTestId("export-csv"));
  expect(name).toMatch(/\.csv$/);
  const lines = readFileSync(file, "utf8").trimEnd().split("\n");
  expect(lines[0]).toBe("scenario,date,district,indicator,value");

  const dir = mkdtempSync(path.join(os.tmpdir(), "recovery-lab-e2e-"));
  const rows = (side) => {
    const out = path.join(dir, `${side}.csv`);
    cli(["run", "--link", page.url(), "--side", side, "--csv", out]);
    return readFileSync(out, "utf8").trimEnd().split("\n").slice(1);
  };
  const a = rows("a");
  const b = rows("b");
  expect(lines.length - 1, "rows: A's then B's").toBe(a.length + b.length);
  expect(a.length).toBe(365 * 12 * 24);
  expect(lines[1]).toBe(`A,${a[0]}`);
  expect(lines[a.length]).toBe(`A,${a[a.length - 1]}`);
  expect(lines[a.length + 1]).toBe(`B,${b[0]}`);
  expect(lines.at(-1)).toBe(`B,${b.at(-1)}`);
  const mismatched = a.filter((row, i) => lines[1 + i] !== `A,${row}`).length + b.filter((row, i) => lines[1 + a.length + i] !== `B,${row}`).length;
  expect(mismatched, "rows that differ from the runner's").toBe(0);
});

test("JSON export imports again on the page and runs with --scenario; a bad file is refused", async ({ lab, page }) => {
  await lab.goto("?v=1&preset=jinzhong-2022&relief.reach=0.7&epidemic.r0_delta=5");
  await lab.waitReady();
  const cards = await lab.summaryValues();
  const { name, path: file } = await lab.download(page.getByTestId("export-json"));
  expect(name).toMatch(/\.json$/);
  const json = readFileSync(file, "utf8");
  const runner = JSON.parse(cli(["run", "--scenario", file, "--summary"]));
  expect(String(runner.infections_total)).toBe(cards.infections_total);

  await lab.selectPreset("no-outbreak");
  await expect.poll(() => lab.summaryValue("infections_total")).toBe("0");
  await lab.importJson.setInputFiles({ name: "scenario.json", mimeType: "application/json", buffer: Buffer.from(json) });
  await expect.poll(() => lab.summaryValues()).toEqual(cards);

  const bad = JSON.parse(json);
  bad.relief.reach = 3;
  await lab.importJson.setInputFiles({ name: "bad.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bad)) });
  await expect(page.getByTestId("import-error")).toBeVisible();
  await expect(page.getByTestId("import-error")).toContainText("relief.reach");
  expect(await lab.summaryValues(), "nothing changed").toEqual(cards);
  await lab.importJson.setInputFiles({ name: "junk.json", mimeType: "application/json", buffer: Buffer.from("{") });
  await expect(page.getByTestId("import-error")).toHaveCount(2);
  // A hand-edited file that lost a field: the message says which, in which part, and where.
  const edited = JSON.parse(json);
  delete edited.epidemic.ifr;
  await lab.importJson.setInputFiles({ name: "edited.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(edited, null, 2)) });
  await expect(page.getByTestId("import-error")).toHaveCount(3);
  await expect(page.getByTestId("import-error").last()).toContainText("epidemic: missing field `ifr` at line 4 column 15");
  expect(await lab.summaryValues(), "nothing changed").toEqual(cards);
  expect(lab.consoleErrors).toEqual([]);
});

test("each chart downloads as a PNG", async ({ lab, page }) => {
  await lab.goto();
  await lab.waitReady();
  const { name, path: file } = await lab.download(page.getByTestId("png-gdp_retail"));
  expect(name).toBe("recovery-lab-gdp_retail.png");
  const bytes = readFileSync(file);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.length).toBeGreaterThan(5000);
  for (const id of ["infections", "sectors", "projects", "jobs_smes", "fiscal", "stringency"]) {
    await expect(page.getByTestId(`png-${id}`)).toBeVisible();
  }
});

test("a scenario saved in one tab appears in another open tab", async ({ lab, page }) => {
  await lab.goto();
  await lab.waitReady();
  await page.evaluate(() => {
    for (const k of Object.keys(localStorage)) if (k.startsWith("recovery-lab.saved.")) localStorage.removeItem(k);
  });
  const other = await page.context().newPage();
  await other.goto(page.url());
  await expect(other.getByTestId("app")).toHaveAttribute("data-ready", "1");
  await expect(other.getByTestId("saved-item")).toHaveCount(0);
  await lab.saveScenario("From tab one");
  await expect(other.getByTestId("saved-item")).toHaveCount(1);
  await expect(other.getByTestId("compare-select").locator("option", { hasText: "From tab one" })).toHaveCount(1);
  await other.close();
  await page.evaluate(() => {
    for (const k of Object.keys(localStorage)) if (k.startsWith("recovery-lab.saved.")) localStorage.removeItem(k);
  });
});
