// End-to-end tests of the served release build (scripts/test.sh serves dist/ and sets the URL).
import { test, expect, RecoveryLab, PRESETS, DEFAULT_PRESET, CHART_IDS } from "./recovery-lab.page.mjs";

test("the page loads with no console error and no request to another origin", async ({ lab, page }) => {
  await lab.goto();
  await page.waitForLoadState("networkidle");
  const ready = await lab.tryWaitReady();
  expect(lab.consoleErrors, "console errors").toEqual([]);
  expect(lab.foreignRequests, "requests to another origin").toEqual([]);
  expect(ready, 'the app shows results (data-testid="app" gets data-ready="1")').toBe(true);
  // Still clean once the first results are drawn.
  expect(lab.consoleErrors, "console errors after the first results").toEqual([]);
  expect(lab.foreignRequests, "requests to another origin after the first results").toEqual([]);
});

test("the preset picker lists every preset, the default selected", async ({ lab }) => {
  await lab.goto();
  await lab.waitReady();
  const values = await lab.presetSelect.locator("option").evaluateAll((opts) => opts.map((o) => o.value));
  expect(values.sort()).toEqual([...PRESETS].sort());
  await expect(lab.presetSelect).toHaveValue(DEFAULT_PRESET);
});

test("results show every chart and the district view", async ({ lab }) => {
  await lab.goto();
  await lab.waitReady();
  for (const id of CHART_IDS) {
    const chart = lab.chart(id);
    await expect(chart, `chart-${id}`).toBeVisible();
    const size = await chart.evaluate((c) => [c.width, c.height]);
    expect(size[0] * size[1], `chart-${id} has a drawing surface`).toBeGreaterThan(0);
  }
  await expect(lab.districtMap).toBeVisible();
});

test("changing the car-voucher wave's budget changes the retail card", async ({ lab }) => {
  await lab.goto();
  await lab.waitReady();
  const budget = lab.waveBudget(0);
  await expect(budget, "the default preset has a voucher wave (wave-0-budget)").toBeVisible();
  const before = await lab.summaryValue("retail_loss_yuan");
  const wan = Number(await budget.inputValue());
  expect(wan, "wave-0-budget holds a number (万元)").toBeGreaterThan(0);
  await lab.setWaveBudget(0, wan / 2);
  await expect(lab.fieldError("wave-0-budget")).not.toBeVisible();
  await expect
    .poll(() => lab.summaryValue("retail_loss_yuan"), { message: "summary-retail_loss_yuan changes" })
    .not.toBe(before);
  await lab.waitReady();
  expect(lab.consoleErrors).toEqual([]);
});

test("switching the language changes the labels and the document language", async ({ lab }) => {
  await lab.goto();
  await lab.waitReady();
  expect(await lab.htmlLang()).toBe("zh-CN");
  const zh = await lab.headings.allInnerTexts();
  expect(zh.length, "the page has headings").toBeGreaterThan(0);

  await lab.switchLanguage("en");
  await expect(lab.page.locator("html")).toHaveAttribute("lang", "en");
  await expect.poll(() => lab.headings.allInnerTexts(), { message: "headings change to English" }).not.toEqual(zh);
  const en = await lab.headings.allInnerTexts();
  expect(en.join(" "), "English headings have no Chinese characters").not.toMatch(/[\u4e00-\u9fff]{2,}/);

  await lab.switchLanguage("zh");
  await expect(lab.page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect.poll(() => lab.headings.allInnerTexts()).toEqual(zh);
  expect(lab.consoleErrors).toEqual([]);
});

test("a typed out-of-range value is refused with a message at the field", async ({ lab }) => {
  const key = "vouchers.spending_multiplier"; // documented range 3.0–5.8
  await lab.goto();
  await lab.waitReady();
  const before = await lab.summaryValue("retail_loss_yuan");
  await lab.setParam(key, 9);
  await expect(lab.fieldError(key)).toBeVisible();
  await expect(lab.fieldError(key)).not.toHaveText("");
  // Refused, not clamped to 5.8: the results still belong to the last valid value.
  expect(await lab.summaryValue("retail_loss_yuan")).toBe(before);
  await lab.setParam(key, 4);
  await expect(lab.fieldError(key)).not.toBeVisible();
  expect(lab.consoleErrors).toEqual([]);
});

for (const [name, width, height] of [
  ["desktop-1440x900", 1440, 900],
  ["phone-390x844", 390, 844],
]) {
  test(`screenshot at ${width}×${height}`, async ({ browser, baseURL }, testInfo) => {
    const context = await browser.newContext({ viewport: { width, height }, locale: "zh-CN" });
    const page = await context.newPage();
    const lab = new RecoveryLab(page, baseURL);
    await lab.goto();
    const ready = await lab.tryWaitReady();
    const file = await lab.screenshot(name);
    await testInfo.attach(name, { path: file, contentType: "image/png" });
    await context.close();
    expect(lab.consoleErrors, "console errors").toEqual([]);
    expect(ready, "the app shows results").toBe(true);
  });
}
