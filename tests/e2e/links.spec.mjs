// The address bar is the scenario (issue 4): a link opens with its changes and gives exactly the
// numbers of `recovery-lab-cli run --link URL --summary`; a bad link is named in notices and the
// page still works; the address follows every change without new history entries; Share.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { test, expect, ROOT, SCALAR_SUMMARY_KEYS, DATED_SUMMARY_KEYS, DATE_SUMMARY_KEYS } from "./recovery-lab.page.mjs";

/** `recovery-lab-cli ARGS…`: exit code, stdout, stderr (the binary scripts/test.sh built, else cargo run). */
function cli(args) {
  const bin = process.env.RECOVERY_LAB_CLI;
  const [cmd, argv] =
    bin && existsSync(bin) ? [bin, args] : ["cargo", ["run", "--quiet", "--bin", "recovery-lab-cli", "--", ...args]];
  const r = spawnSync(cmd, argv, { cwd: ROOT, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every card of the runner's summary as test-id suffix → value (number, string or null). */
function cards(summary) {
  const out = {};
  for (const key of [...SCALAR_SUMMARY_KEYS, ...DATE_SUMMARY_KEYS]) out[key] = summary[key];
  for (const key of DATED_SUMMARY_KEYS) for (const [date, v] of Object.entries(summary[key])) out[`${key}-${date}`] = v;
  return out;
}

/** The page's data-value against the runner's value: equal numbers to the last bit, or equal text. */
function same(expected, actual) {
  if (expected === null) return actual === "";
  if (typeof expected === "number") return actual.trim() !== "" && Number(actual) === expected;
  return actual === String(expected);
}

// The default preset with four changes: relief reach, R0 of Delta, a second car-voucher wave and
// the language; and a seed. Written by hand, as a planner would edit one.
const LINK =
  "?v=1&model=1.0.0&preset=jinzhong-2022&lang=en&seed=7&relief.reach=0.6&epidemic.r0_delta=6.1" +
  "&vouchers.waves.add=car_1.2e8_2022-06-01_60_20_all";

test("a link with changes gives exactly the numbers of recovery-lab-cli run --link URL --summary", async ({ lab, baseURL }) => {
  const url = new URL(LINK, baseURL).href;
  const run = cli(["run", "--link", url, "--summary"]);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stderr, "a clean link gives the runner no warning").toBe("");
  const expected = cards(JSON.parse(run.stdout));

  await lab.goto(LINK);
  await lab.waitReady();
  await expect(lab.linkNotices, "a clean link gives no notice").toHaveCount(0);
  expect(await lab.htmlLang(), "the link's language").toBe("en");
  const problems = [];
  for (const [key, value] of Object.entries(expected)) {
    const actual = await lab.summaryValue(key);
    if (!same(value, actual)) problems.push(`${key}: page "${actual}", runner ${JSON.stringify(value)}`);
  }
  expect(problems, "cards that differ from the runner").toEqual([]);
  // The changes count: the default preset's cards are different.
  const plain = cards(JSON.parse(cli(["run", "--preset", "jinzhong-2022", "--summary"]).stdout));
  expect(same(plain.smes_closed, await lab.summaryValue("smes_closed"))).toBe(false);
  // The address keeps every change (in the encoder's order) and the seed.
  for (const part of ["seed=7", "relief.reach=0.6", "epidemic.r0_delta=6.1", "lang=en"]) {
    expect(lab.query(), part).toContain(part);
  }
  expect(lab.consoleErrors).toEqual([]);
});

test("a link with bad values names each one in a notice, and the page works", async ({ lab, baseURL }) => {
  const bad = "?v=1&preset=jinzhong-2022&relief.reach=7&foo=1&vouchers.payback_days=abc&relief.runway_extension_days=45";
  await lab.goto(bad);
  await lab.waitReady();
  await expect(lab.linkNotices).toBeVisible();
  await expect(lab.linkNoticeItems).toHaveCount(3);
  const codes = await lab.linkNoticeItems.evaluateAll((els) => els.map((e) => [e.dataset.key, e.dataset.code]));
  expect(codes).toEqual([
    ["relief.reach", "out_of_range"],
    ["foo", "unknown_key"],
    ["vouchers.payback_days", "not_a_number"],
  ]);
  // Worded in the page's language (Chinese first), naming the value.
  await expect(lab.linkNoticeItems.first()).toContainText("7");
  await expect(lab.linkNoticeItems.first()).toContainText("超出范围");

  // The rest applied: the same numbers as the runner, which warns once per bad value.
  const run = cli(["run", "--link", new URL(bad, baseURL).href, "--summary"]);
  expect(run.code).toBe(0);
  expect(run.stderr.trim().split("\n")).toHaveLength(3);
  expect(await lab.summaryValue("smes_closed")).toBe(String(JSON.parse(run.stdout).smes_closed));
  // The address now holds what applied, and nothing of the bad values.
  expect(lab.query()).toContain("relief.runway_extension_days=45");
  expect(lab.query()).not.toContain("foo");

  // The page works: a lever still moves the results; the notices can be dismissed.
  const before = await lab.summaryValue("infections_total");
  await lab.setParam("epidemic.r0_delta", 6);
  await expect.poll(() => lab.summaryValue("infections_total")).not.toBe(before);
  await lab.linkNoticeItems.first().getByRole("button").click();
  await expect(lab.linkNoticeItems).toHaveCount(2);
  await lab.page.getByTestId("link-notices-dismiss").click();
  await expect(lab.linkNotices).toHaveCount(0);
  expect(lab.consoleErrors).toEqual([]);
  await lab.screenshot("link-notices");
});

test("an overlong link is refused with a notice and the default scenario", async ({ lab }) => {
  await lab.goto(`?v=1&preset=no-outbreak&relief.reach=0.5&x=${"1".repeat(4100)}`);
  await lab.waitReady();
  await expect(lab.linkNoticeItems).toHaveCount(1);
  await expect(lab.linkNoticeItems.first()).toHaveAttribute("data-code", "too_long");
  await expect(lab.presetSelect).toHaveValue("jinzhong-2022");
});

test("the address follows the levers with replaceState, and Share shows it", async ({ lab, page }) => {
  await lab.goto();
  await lab.waitReady();
  const entries = await page.evaluate(() => history.length);
  for (const v of [4.5, 5, 5.5, 6]) await lab.setParam("epidemic.r0_delta", v);
  await expect.poll(() => lab.query()).toContain("epidemic.r0_delta=6");
  expect(await page.evaluate(() => history.length), "no new history entries").toBe(entries);

  await lab.shareButton.click();
  await expect(lab.shareDialog).toBeVisible();
  await expect(lab.shareLink).toHaveValue(page.url());
  await expect(lab.shareLink).toHaveAttribute("readonly", /.*/);
  await page.getByTestId("share-copy").click();
  await expect(page.getByTestId("share-copy-status")).not.toHaveText("");
  await lab.screenshot("share-dialog");
  await page.keyboard.press("Escape");
  await expect(lab.shareDialog).toHaveCount(0);

  // The copied address opens the same numbers in a new page.
  const url = page.url();
  const infections = await lab.summaryValue("infections_total");
  const other = await page.context().newPage();
  await other.goto(url);
  await expect(other.getByTestId("summary-infections_total")).toHaveAttribute("data-value", infections);
  await other.close();
});

test("a link in the fragment opens too, also when only the fragment changes", async ({ lab, page }) => {
  await lab.goto("#v=1&preset=no-outbreak&lang=en");
  await lab.waitReady();
  await expect(lab.presetSelect).toHaveValue("no-outbreak");
  expect(await lab.htmlLang()).toBe("en");
  // The address is rewritten as a query.
  expect(lab.query()).toContain("preset=no-outbreak");
  expect(new URL(page.url()).hash).toBe("");
  // A new fragment on the open page (no reload) opens that link.
  await page.evaluate(() => {
    location.hash = "v=1&preset=citywide-lockdown&relief.reach=0.5&bogus=1";
  });
  await expect(lab.presetSelect).toHaveValue("citywide-lockdown");
  await expect(lab.linkNoticeItems).toHaveCount(1);
  await expect.poll(() => lab.query()).toContain("relief.reach=0.5");
  expect(lab.consoleErrors).toEqual([]);
});
