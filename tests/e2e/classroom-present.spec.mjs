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
