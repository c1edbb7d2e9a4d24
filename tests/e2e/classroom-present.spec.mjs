// Classroom (issue #6): day-by-day playback of the year and presentation mode.
//
// Playback: scrubbing to a date shows that date, and the cards read as of it: infections equal
// the runner's cumulative infections on that date (its CSV), never more than the year's; what
// lies ahead reads "not yet". Presentation mode: opens from its button, arrows change the slide,
// Space plays (the date and a card advance), Esc leaves and focus goes back to the button.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test, expect, ROOT, DEFAULT_PRESET } from "./recovery-lab.page.mjs";

const ARTIFACTS = path.join(ROOT, "artifacts");
const JSQR = path.join(ROOT, "node_modules", "jsqr", "dist", "jsQR.js");

/** The text of the QR code in `locator`, read by jsQR from a screenshot of it (null if none). */
async function readQr(page, locator) {
  const png = await locator.screenshot();
  await page.addScriptTag({ path: JSQR });
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = Object.assign(document.createElement("canvas"), { width: img.naturalWidth, height: img.naturalHeight });
    const ctx = canvas.getContext("2d");
    ctx.drawImage(img, 0, 0);
    const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    return window.jsQR(data, width, height, { inversionAttempts: "dontInvert" })?.data ?? null;
  }, png.toString("base64"));
}

/** The runner's deterministic city value of `indicator` on `date` (its CSV's value column, as written). */
function cliCityValue(preset, indicator, date) {
  const dir = execFileSync("mktemp", ["-d", path.join(os.tmpdir(), "present-XXXXXX")], { encoding: "utf8" }).trim();
  const file = path.join(dir, "run.csv");
  const args = ["run", "--preset", preset, "--csv", file];
  const bin = process.env.RECOVERY_LAB_CLI;
  const [cmd, argv] =
    bin && existsSync(bin) ? [bin, args] : ["cargo", ["run", "--quiet", "--bin", "recovery-lab-cli", "--", ...args]];
  execFileSync(cmd, argv, { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
  const row = readFileSync(file, "utf8")
    .split("\n")
    .find((line) => line.startsWith(`${date},city,${indicator},`));
  rmSync(dir, { recursive: true, force: true });
  expect(row, `the runner's CSV has ${date},city,${indicator}`).toBeTruthy();
  return row.split(",")[3];
}

test("playback: scrubbing to a date shows the cards as of that date", async ({ lab, page }) => {
  await lab.goto("?lang=en");
  await lab.waitReady();
  const yearInfections = Number(await lab.summaryValue("infections_total"));
  const scrubber = page.getByTestId("playback-scrubber");
  const date = page.getByTestId("playback-date");

  // 31 March 2022 is day 89 of the default run.
  await scrubber.fill("89");
  await expect(date).toHaveAttribute("data-value", "2022-03-31");
  await expect(date).toHaveText("31 Mar 2022");
  await expect(page.getByTestId("summary-as-of")).toHaveAttribute("data-value", "2022-03-31");
  const march = await lab.summaryValue("infections_total");
  expect(march).toBe(cliCityValue(DEFAULT_PRESET, "cumulative_infections", "2022-03-31"));
  expect(Number(march)).toBeLessThanOrEqual(yearInfections);
  // The check dates are all ahead, and so is the recovery.
  await expect(lab.summaryCard("fai_completed_pct-2022-04-30")).toHaveAttribute("data-value", "");
  await expect(lab.summaryCard("fai_completed_pct-2022-04-30")).toContainText("not yet");
  await expect(lab.summaryCard("recovery_date")).toContainText("not yet");

  // Later in the year, more; "show the whole year" puts the year's figures back.
  await scrubber.fill("200");
  await expect(date).toHaveAttribute("data-value", "2022-07-20");
  const july = Number(await lab.summaryValue("infections_total"));
  expect(july).toBeGreaterThanOrEqual(Number(march));
  expect(july).toBeLessThanOrEqual(yearInfections);
  await page.getByTestId("playback-all").click();
  await expect(page.getByTestId("summary-as-of")).toHaveCount(0);
  expect(Number(await lab.summaryValue("infections_total"))).toBe(yearInfections);

  // Play moves the date on by itself; pause stops it.
  await page.getByTestId("playback-speed").selectOption("40");
  await page.getByTestId("playback-play").click();
  await expect(page.getByTestId("playback-bar")).toHaveAttribute("data-playing", "1");
  await expect
    .poll(async () => Number((await page.getByTestId("playback-bar").getAttribute("data-day")) || 0))
    .toBeGreaterThan(20);
  await page.getByTestId("playback-play").click();
  await expect(page.getByTestId("playback-bar")).toHaveAttribute("data-playing", "0");
  expect(lab.consoleErrors).toEqual([]);
});

test("presentation mode: opens, arrows change the slide, Space plays, Esc leaves", async ({ lab, page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await lab.goto("?lang=en");
  await lab.waitReady();
  const present = page.getByTestId("present-button");
  const deck = page.getByTestId("presentation");
  await present.click();
  await expect(deck).toBeVisible();
  await expect(deck, "focus goes into the presentation").toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  expect(await deck.evaluate((el) => el.contains(document.activeElement)), "Tab stays in the presentation").toBe(true);
  await expect(lab.app, "the page behind is inert").toHaveAttribute("inert");
  await deck.focus();
  await expect(deck).toHaveAttribute("data-slide", "0");
  await expect(page.getByTestId("presentation-slide")).toHaveText("1 / 8");
  await expect(page.getByTestId("presentation-title")).toHaveText("Infections and isolation");
  await expect(deck.getByTestId("chart-infections")).toBeVisible();
  await expect(page.getByTestId("presentation-summary")).toContainText("Jinzhong 2022 (default)");
  // The QR code holds the page's current link.
  expect(await readQr(page, deck.getByTestId("qr-code").locator("svg"))).toBe(page.url());

  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(deck).toHaveAttribute("data-slide", "2");
  await expect(deck.getByTestId("chart-sectors")).toBeVisible();
  await page.keyboard.press("ArrowLeft");
  await expect(deck).toHaveAttribute("data-slide", "1");
  await expect(deck.getByTestId("chart-gdp_retail")).toBeVisible();
  await page.keyboard.press("PageDown");
  await expect(deck).toHaveAttribute("data-slide", "2");
  await page.keyboard.press("End");
  await expect(page.getByTestId("presentation-slide")).toHaveText("8 / 8");
  await expect(deck.getByTestId("district-map")).toBeVisible();
  await page.keyboard.press("Home");
  await expect(deck).toHaveAttribute("data-slide", "0");
  // On a focused chart the arrows and End move the chart's day, not the slide; PageDown (a
  // clicker) still changes the slide.
  await deck.getByTestId("chart-infections").focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("End");
  await expect(deck.locator(".tooltip-date")).toBeVisible();
  await expect(deck, "the arrows on a chart move its day").toHaveAttribute("data-slide", "0");
  await page.keyboard.press("PageDown");
  await expect(deck).toHaveAttribute("data-slide", "1");
  await deck.focus();
  await page.keyboard.press("Home");
  await expect(deck).toHaveAttribute("data-slide", "0");

  // Space plays: the date and the infections figure move on by themselves; Space again pauses.
  const bar = page.getByTestId("presentation-playback-bar");
  const infections = page.getByTestId("presentation-card-infections_total");
  await page.getByTestId("presentation-playback-speed").selectOption("40");
  await deck.focus();
  await page.keyboard.press(" ");
  await expect(bar).toHaveAttribute("data-playing", "1");
  const first = Number(await infections.getAttribute("data-value"));
  await expect.poll(async () => Number(await bar.getAttribute("data-day")), { timeout: 20_000 }).toBeGreaterThan(80);
  await expect.poll(async () => Number(await infections.getAttribute("data-value")), { timeout: 20_000 }).toBeGreaterThan(first);
  await page.keyboard.press(" ");
  await expect(bar).toHaveAttribute("data-playing", "0");
  await expect(page.getByTestId("presentation-playback-date")).not.toHaveAttribute("data-value", "");
  mkdirSync(path.join(ARTIFACTS, "screenshots"), { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, "screenshots", "presentation-1920x1080.png") });

  await page.keyboard.press("Escape");
  await expect(deck).toHaveCount(0);
  await expect(present, "focus returns to the Present button").toBeFocused();
  await expect(lab.app).not.toHaveAttribute("inert");
  // The page keeps the day the presentation played to.
  await expect(page.getByTestId("summary-as-of")).toBeVisible();

  // The p key opens it too (not while typing in a field).
  await page.locator("body").press("p");
  await expect(deck).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(deck).toHaveCount(0);
  expect(lab.consoleErrors).toEqual([]);
});

test("a story in presentation mode: its step leads the side panel, the slide waits for the answer, the QR code is the story link", async ({ lab, page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  // Step 2 of the zoning story asks a question before it shows the answer.
  await lab.goto("?lang=en&story=zoning-vs-lockdown&step=2");
  await lab.waitReady();
  await page.getByTestId("present-button").click();
  const deck = page.getByTestId("presentation");
  await expect(deck).toBeVisible();
  const story = page.getByTestId("presentation-story");
  await expect(story).toBeVisible();
  await expect(story.getByTestId("story-prompt")).toBeVisible();
  // Predict first: the slide stays hidden until the class answers.
  const stage = deck.locator(".pres-stage");
  await expect(stage).toHaveClass(/veiled/);
  await story.getByTestId("story-choice-1").click();
  await expect(story.getByTestId("story-answer")).toBeVisible();
  await expect(stage).not.toHaveClass(/veiled/);
  // The QR code opens the story at this step, as the address does.
  await expect(page).toHaveURL(/[?&]story=zoning-vs-lockdown.*&step=2$/);
  expect(await readQr(page, page.getByTestId("presentation-qr").locator("svg"))).toBe(page.url());
  await page.keyboard.press("Escape");
  await expect(deck).toHaveCount(0);
  expect(lab.consoleErrors).toEqual([]);
});
