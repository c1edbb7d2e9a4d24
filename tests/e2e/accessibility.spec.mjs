// Classroom and accessibility (issues 4 and 6): the Share dialog's QR code decodes back to the
// current link; axe-core finds no serious or critical violation on the default page, while
// comparing A and B, with the Share dialog open and on a phone; the phone layout has no
// horizontal scrolling and a compact header; screenshots at 390×844 and 1920×1080 are saved
// as artifacts (artifacts/screenshot-390x844.png, artifacts/screenshot-1920x1080.png).
import { test, expect, ROOT } from "./recovery-lab.page.mjs";
import { mkdirSync } from "node:fs";
import path from "node:path";

const JSQR = path.join(ROOT, "node_modules", "jsqr", "dist", "jsQR.js");
const AXE = path.join(ROOT, "node_modules", "axe-core", "axe.min.js");
const ARTIFACTS = path.join(ROOT, "artifacts");

/**
 * Decodes the QR code shown by `locator` from the page's own pixels: an element screenshot
 * (what a phone camera would see on the screen), drawn into a canvas in the page and read by
 * jsQR. Returns the decoded text, or null when jsQR finds no code.
 */
async function decodeQr(page, locator) {
  const png = await locator.screenshot();
  await page.addScriptTag({ path: JSQR });
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext("2d");
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const found = window.jsQR(data.data, data.width, data.height, { inversionAttempts: "dontInvert" });
    return found ? found.data : null;
  }, png.toString("base64"));
}

/** Runs axe-core on the page; returns the serious and critical violations, readable. */
async function seriousViolations(page, context = "the page") {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () => {
    // The runs are for WCAG 2.1 A and AA, plus axe's best practices.
    return window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
      resultTypes: ["violations"],
    });
  });
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({
      context,
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")}: ${n.failureSummary?.split("\n").slice(0, 2).join(" ")}`),
      count: v.nodes.length,
    }));
}

test.describe("QR code of the link", () => {
  test("the Share dialog's QR code decodes back to the current link", async ({ lab, page }) => {
    await lab.goto();
    await lab.waitReady();
    // A link with changes, so that it is not the bare address.
    await lab.setWaveBudget(0, 1234);
    await expect.poll(() => lab.query(), { message: "the address carries the change" }).toContain("vouchers.waves=");
    await lab.shareButton.click();
    await expect(lab.shareDialog).toBeVisible();
    const qr = lab.shareDialog.getByTestId("qr-code");
    await expect(qr).toBeVisible();
    await expect(qr.locator("svg")).toHaveAttribute("aria-label", /.+/);
    const link = await lab.shareLink.inputValue();
    expect(link).toBe(page.url());
    expect(await decodeQr(page, qr.locator("svg"))).toBe(link);
    expect(lab.consoleErrors).toEqual([]);
  });

  test("comparing A and B: the longer link's QR code still decodes to it exactly", async ({ lab, page }) => {
    await lab.goto("?lang=en");
    await lab.waitReady();
    await lab.compareWith("preset:citywide-lockdown");
    await expect(lab.editTarget).toBeVisible();
    await lab.shareButton.click();
    const qr = lab.shareDialog.getByTestId("qr-code");
    await expect(qr).toBeVisible();
    const link = await lab.shareLink.inputValue();
    expect(link).toContain("b.");
    expect(await decodeQr(page, qr.locator("svg"))).toBe(link);
    // The code changes when the link does: a different scenario is a different code.
    await page.keyboard.press("Escape");
    await expect(lab.shareDialog).toHaveCount(0);
    await lab.compareWith("off");
    await lab.shareButton.click();
    const shorter = await lab.shareLink.inputValue();
    expect(shorter).not.toBe(link);
    expect(await decodeQr(page, lab.shareDialog.getByTestId("qr-code").locator("svg"))).toBe(shorter);
    expect(lab.consoleErrors).toEqual([]);
  });
});

test.describe("accessibility check (axe-core)", () => {
  test("default page, A against B, the Share dialog: no serious or critical violation", async ({ lab, page }) => {
    await lab.goto();
    await lab.waitReady();
    const found = await seriousViolations(page, "default page");

    await lab.compareWith("preset:citywide-lockdown");
    await expect(page.getByTestId("chart-diff")).toBeVisible();
    found.push(...(await seriousViolations(page, "comparing A and B")));

    await lab.shareButton.click();
    await expect(lab.shareDialog).toBeVisible();
    found.push(...(await seriousViolations(page, "Share dialog open")));
    expect(found, JSON.stringify(found, null, 2)).toEqual([]);
    expect(lab.consoleErrors).toEqual([]);
  });

  test("at 390×844 in English: no serious or critical violation", async ({ lab, page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await lab.goto("?lang=en");
    await lab.waitReady();
    const found = await seriousViolations(page, "390×844");
    expect(found, JSON.stringify(found, null, 2)).toEqual([]);
  });
});

test.describe("screens", () => {
  test("phone 390×844: no horizontal scrolling, a compact header; screenshot saved", async ({ lab, page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await lab.goto();
    await lab.waitReady();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, "the page is no wider than the phone").toBeLessThanOrEqual(0);
    const header = page.locator("header.top");
    const box = await header.boundingBox();
    // One row for the name, one for the controls: under 130 px (three rows were ~190).
    expect(box.height, "the header takes at most two rows").toBeLessThan(130);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, "screenshot-390x844.png") });
  });

  test("desktop 1920×1080: screenshot saved", async ({ lab, page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await lab.goto();
    await lab.waitReady();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, "screenshot-1920x1080.png") });
  });
});
