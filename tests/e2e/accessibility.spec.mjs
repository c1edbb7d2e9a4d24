// Classroom and accessibility (issues 4 and 6): the Share dialog's QR code decodes back to the
// current link; axe-core finds no serious or critical violation on the default page, while
// comparing A and B, with the Share dialog open and on a phone; every chart has a summary and
// a data table; the phone layout has no horizontal scrolling and a compact header; screenshots
// at 390×844 and 1920×1080 are saved as artifacts (artifacts/screenshot-390x844.png,
// artifacts/screenshot-1920x1080.png).
import { test, expect, ROOT, CHART_IDS } from "./recovery-lab.page.mjs";
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
    // One row for the name, one for the controls: under 100 px (three rows were 125).
    expect(box.height, "the header takes at most two rows").toBeLessThan(100);
    // Every header control is inside the phone's width, in both languages.
    const outside = async () =>
      header.locator("button, select").evaluateAll((els) =>
        els.filter((e) => { const r = e.getBoundingClientRect(); return r.left < 0 || r.right > window.innerWidth; }).map((e) => e.textContent),
      );
    expect(await outside()).toEqual([]);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, "screenshot-390x844.png") });
    await lab.switchLanguage("en");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    expect((await header.boundingBox()).height, "two rows in English too").toBeLessThan(100);
    expect(await outside()).toEqual([]);
    await lab.switchLanguage("zh");
    // The whole page too, charts and tables included: one chart's table open.
    await page.getByTestId("table-toggle-infections").click();
    await page.screenshot({ path: path.join(ARTIFACTS, "screenshot-390x844-full.png"), fullPage: true });
    const overflowOpen = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflowOpen, "an open data table scrolls inside its box, not the page").toBeLessThanOrEqual(0);
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

test.describe("charts for readers who do not see them", () => {
  test("every chart has a text summary as its description and a data table behind a toggle", async ({ lab, page }) => {
    await lab.goto("?lang=en");
    await lab.waitReady();
    for (const id of CHART_IDS) {
      const canvas = lab.chart(id);
      const descId = await canvas.getAttribute("aria-describedby");
      expect(descId, `chart-${id} is described`).toBeTruthy();
      const summary = page.locator(`[id="${descId}"]`);
      await expect(summary).toBeVisible();
      // Sentences made from the data: a number and a date of 2022.
      await expect(summary).toHaveText(/\d.* 2022/);

      const toggle = page.getByTestId(`table-toggle-${id}`);
      await expect(toggle).toHaveAttribute("aria-expanded", "false");
      // Keyboard: focus the toggle and press Enter.
      await toggle.focus();
      await page.keyboard.press("Enter");
      await expect(toggle).toHaveAttribute("aria-expanded", "true");
      const table = page.getByTestId(`chart-table-${id}`);
      await expect(table).toBeVisible();
      const heads = await table.locator("thead th").count();
      expect(heads, `chart-${id}'s table has a date column and one per series`).toBeGreaterThan(1);
      const rows = await table.locator("tbody tr").count();
      // Weekly over the year (53 rows) plus the last day and the peaks.
      expect(rows).toBeGreaterThanOrEqual(53);
      expect(rows).toBeLessThan(53 + 2 + heads);
      // Each column's peak is marked once.
      expect(await table.locator(".peak").count()).toBeGreaterThanOrEqual(heads - 1);
      await page.keyboard.press("Enter");
      await expect(table).toHaveCount(0);
    }
    expect(lab.consoleErrors).toEqual([]);
  });

  test("the infections table's peak row holds the largest value of its column", async ({ lab, page }) => {
    await lab.goto("?lang=en");
    await lab.waitReady();
    await page.getByTestId("table-toggle-infections").click();
    const table = page.getByTestId("chart-table-infections");
    const cols = await table.locator("thead th").allInnerTexts();
    const rows = await table.locator("tbody tr").evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => ({ text: td.textContent, peak: !!td.querySelector(".peak") }))),
    );
    // "12.3 thousand people" → 12300; the table's numbers are read back in the page's units.
    const read = (t) => {
      const m = t.replace(/,/g, "").match(/(-?[\d.]+)\s*(thousand|million|billion)?/);
      const mult = { thousand: 1e3, million: 1e6, billion: 1e9 }[m[2]] ?? 1;
      return Number(m[1]) * mult;
    };
    for (let c = 0; c < cols.length - 1; c++) {
      const values = rows.map((r) => read(r[c].text));
      const peakRows = rows.map((r, i) => (r[c].peak ? i : -1)).filter((i) => i >= 0);
      expect(peakRows.length, `column ${cols[c + 1]} has one peak`).toBe(1);
      expect(values[peakRows[0]]).toBe(Math.max(...values));
    }
  });
});

test.describe("keyboard", () => {
  test("Tab reaches every visible control, each with a visible focus outline", async ({ lab, page }) => {
    // Hundreds of key presses (a date field alone takes three: day, month, year).
    test.setTimeout(240_000);
    await lab.goto("?lang=en");
    await lab.waitReady();
    // Open one lever group so that its fields are in the tab order too.
    await page.getByTestId("group-vouchers").locator("> summary").click();
    const expected = await page.evaluate(() => {
      const sel = "a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex='-1'])";
      return [...document.querySelectorAll(sel)]
        .filter((e) => !e.disabled && e.getAttribute("tabindex") !== "-1" && e.checkVisibility() && e.getClientRects().length > 0)
        .filter((e) => !(e.type === "file")) // a file input is reached through its label's button
        // A radio group is one tab stop (its checked radio); the arrow keys move within it.
        .filter((e) => !(e.type === "radio" && !e.checked && e.name && document.querySelector(`input[type="radio"][name="${e.name}"]:checked`)))
        .map((e, i) => {
          e.dataset.a11yIndex = String(i);
          return i;
        });
    });
    expect(expected.length).toBeGreaterThan(20);
    await page.locator("body").focus();
    const reached = new Set();
    const unstyled = [];
    for (let n = 0; n < expected.length * 4 + 50 && reached.size < expected.length; n++) {
      await page.keyboard.press("Tab");
      const info = await page.evaluate(() => {
        const e = document.activeElement;
        if (!e || e === document.body) return null;
        const s = getComputedStyle(e);
        const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 1;
        // A file input's focus shows on its label (.file-btn:focus-within).
        const within = e.parentElement && getComputedStyle(e.parentElement).outlineStyle !== "none";
        return { index: e.dataset.a11yIndex ?? null, visible: outline || within, what: `${e.tagName} ${e.dataset.testid ?? e.id ?? ""}` };
      });
      if (!info) continue;
      if (info.index !== null) reached.add(Number(info.index));
      if (!info.visible) unstyled.push(info.what);
    }
    const missed = await page.evaluate(
      (seen) =>
        [...document.querySelectorAll("[data-a11y-index]")]
          .filter((e) => !seen.includes(Number(e.dataset.a11yIndex)))
          .map((e) => `${e.tagName} ${e.dataset.testid ?? e.id ?? e.textContent.slice(0, 30)}`),
      [...reached],
    );
    expect(missed, "controls Tab never reached").toEqual([]);
    expect(unstyled, "focused controls without a visible outline").toEqual([]);
  });

  test("the Share dialog, the saved panel and the district map work from the keyboard", async ({ lab, page }) => {
    await lab.goto("?lang=en");
    await lab.waitReady();
    await lab.shareButton.focus();
    await page.keyboard.press("Enter");
    await expect(lab.shareDialog).toBeVisible();
    await expect(lab.shareLink).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(lab.shareDialog).toHaveCount(0);
    await expect(lab.shareButton).toBeFocused();

    await lab.savedPanel.locator("summary").focus();
    await page.keyboard.press("Enter");
    await expect(lab.savedPanel).toHaveAttribute("open", "");
    await page.getByTestId("save-name").focus();
    await page.keyboard.type("kbd");
    await page.keyboard.press("Enter");
    await expect(lab.savedItem("kbd")).toHaveCount(1);

    // The district map's indicator is a select: the keyboard changes it.
    const picker = page.getByTestId("map-indicator");
    await picker.focus();
    const before = await picker.inputValue();
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => picker.inputValue()).not.toBe(before);
  });
});
