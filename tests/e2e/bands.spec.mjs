// The ensemble's bands on the presentation slides, and the toggle that hides them (on the page
// and the slides alike) while the cards keep their 90% ranges.
import { test, expect } from "./recovery-lab.page.mjs";

const LINK = "?v=1&preset=jinzhong-2022&seed=7&runs=30";

const progress = (page) => page.getByTestId("ensemble-progress");

/** The tooltip of `chart` with the pointer over a day in spring (the keys change slides in
 * presentation mode), as text. */
async function tooltipAt(page, scope, chart) {
  const canvas = scope.getByTestId(`chart-${chart}`);
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.6);
  const tip = scope.locator(".tooltip");
  await expect(tip).toBeVisible();
  return tip.innerText();
}

test("a presentation slide of a link with runs shows the bands and the cards' ranges", async ({ lab, page }) => {
  await lab.goto(LINK);
  await lab.waitReady();
  await expect(progress(page)).toHaveAttribute("data-state", "done", { timeout: 60_000 });
  const pageRange = page.getByTestId("range-infections_total");
  const p5 = await pageRange.getAttribute("data-p5");
  const p95 = await pageRange.getAttribute("data-p95");
  expect(Number(p95)).toBeGreaterThan(Number(p5));
  const rangeText = (await pageRange.innerText()).replace(/\s+/g, " ").trim();
  const dateText = (await page.getByTestId("range-recovery_date").innerText()).replace(/\s+/g, " ").trim();

  await page.getByTestId("present-button").click();
  const pres = page.getByTestId("presentation");
  await expect(pres).toHaveAttribute("data-slide", "0");
  // The slide's chart draws the band: its tooltip reads the 90% range, as the page's does.
  expect(await tooltipAt(page, pres, "infections")).toContain("90%");
  // The slide's cards carry the same ranges as the page's cards, worded the same.
  const slideRange = pres.getByTestId("presentation-range-infections_total");
  await expect(slideRange).toContainText(/90%/);
  expect((await slideRange.innerText()).replace(/\s+/g, " ").trim()).toBe(rangeText);
  expect((await pres.getByTestId("presentation-range-recovery_date").innerText()).replace(/\s+/g, " ").trim()).toBe(dateText);
  await lab.screenshot("bands-presentation");
  await page.keyboard.press("Escape");
  expect(lab.consoleErrors).toEqual([]);
});

test("the bands toggle hides the bands on the page and the slides, and the cards keep their ranges", async ({ lab, page }) => {
  await lab.goto(LINK);
  await lab.waitReady();
  await expect(progress(page)).toHaveAttribute("data-state", "done", { timeout: 60_000 });
  const toggle = page.getByTestId("bands-toggle");
  await expect(toggle).toBeChecked();
  const canvas = page.getByTestId("chart-infections");
  const withBands = await canvas.evaluate((c) => c.toDataURL());
  expect(await tooltipAt(page, page.locator(".results"), "infections")).toContain("90%");

  await toggle.uncheck();
  await expect(toggle).not.toBeChecked();
  // Redrawn without the bands: another picture, and no 90% range in the tooltip.
  await expect.poll(() => canvas.evaluate((c) => c.toDataURL())).not.toBe(withBands);
  expect(await tooltipAt(page, page.locator(".results"), "infections")).not.toContain("90%");
  await expect(page.getByTestId("range-infections_total")).toHaveCount(1);
  await page.mouse.click(5, 5);
  await lab.screenshot("bands-hidden");

  // The slides follow the page.
  await page.getByTestId("present-button").click();
  const pres = page.getByTestId("presentation");
  await expect(pres).toHaveAttribute("data-slide", "0");
  expect(await tooltipAt(page, pres, "infections")).not.toContain("90%");
  await expect(pres.getByTestId("presentation-range-infections_total")).toHaveCount(1);
  await page.keyboard.press("Escape");
  await expect(pres).toHaveCount(0);

  // And back: the same picture as before.
  await toggle.check();
  await expect.poll(() => canvas.evaluate((c) => c.toDataURL())).toBe(withBands);
  expect(lab.consoleErrors).toEqual([]);
});
