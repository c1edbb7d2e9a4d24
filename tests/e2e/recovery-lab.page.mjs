// Page object for Recovery Lab: the one place that knows the page's data-testid contract.
//
// The contract (the page is built to it; change both together):
//   app                                root; data-ready="1" once results are shown
//   preset-select                      <select>, option values = preset names
//   lang-zh, lang-en                   buttons; <html lang> becomes zh-CN / en
//   summary-<key>                      summary card; data-value = the unformatted number
//                                      (shortest round-trip), "" for null
//   summary-<key>-<date>               fai_completed_pct and projects_started, per check date
//   summary-recovery_date              data-value = ISO date or ""
//   param-<key>                        number input of a PARAMS key, value in its display unit
//   wave-<i>-budget                    voucher wave i's budget input, 万元
//   field-error-<key>                  message at a field that refused a typed value
//   error-banner, reset-default        engine error or panic message, and its way back
//   chart-<id>                         <canvas> of each chart
//   chart-summary-<id>                 the chart's summary in words (the canvas's aria-describedby)
//   table-toggle-<id>, chart-table-<id>  its "Data table" button (aria-expanded) and the table
//   district-map                       the district view
// Links, comparison, saved scenarios, exports (issue 4):
//   link-notices, link-notice          notices of the opening link (data-code = notice code,
//                                      data-key = the key); link-notices-dismiss closes them all
//   share-button, share-dialog         Share; the dialog with share-link (read-only input, the
//   share-link, share-copy             whole address), share-copy, share-copy-status,
//   share-copy-status, share-close     share-close; share-too-long when over the maximum
//   qr-code                            a QR code (<figure> with an <svg role="img">; data-qr-version,
//                                      data-qr-level); qr-too-long: its message when the text does
//                                      not fit a QR code
//   compare-select                     <select>: off, copy, preset:<name>, saved:<key>, link
//   edit-target                        <select> a / b (only while comparing)
//   b-<key>, diff-<key>                per summary card while comparing: B's data-value, and
//                                      data-value = B − A unformatted ("" if either is null;
//                                      recovery_date: days)
//   chart-diff, diff-indicator         difference chart (B − A, city) and its indicator select
//   saved-panel (<details>), save-name, save-button, saved-list, saved-item (data-key),
//   saved-name, saved-load, saved-rename, saved-rename-input, saved-rename-ok, saved-delete
//   page-notes: saved-skipped, storage-unavailable, import-error
//   export-csv, export-json, import-json (file input), png-<chart id> (incl. png-diff)
// Playback and presentation mode (issue 6):
//   playback-bar                       data-day = the day shown ("" = whole year),
//                                      data-playing = "1" / "0"
//   playback-play, playback-speed      play / pause button; <select> of days per second
//   playback-scrubber, playback-date   range input over the days; the date (data-value ISO, "")
//   playback-all                       back to the whole year
//   summary-as-of                      "As of …" above the cards (data-value ISO) in playback
//   present-button                     opens presentation mode (so does the p key)
//   presentation                       the mode's layer (data-slide = 0…7: the 7 charts, then
//                                      the district view); presentation-slide "n / 8",
//                                      presentation-title, presentation-prev, -next, -close,
//                                      presentation-summary (preset, changed levers, figures, qr-code),
//                                      presentation-card-<key> (data-value as summary-<key>,
//                                      as of the playback day), presentation-range-<key> (the
//                                      ensemble's range, worded as range-<key>; whole year
//                                      only), presentation-playback-<part>
//                                      (the playback bar's test ids with this prefix)
// Guided stories (issue 6):
//   stories-button, story-menu         Stories (header) and its menu: story-item-<id>,
//                                      story-start-<id>, story-menu-close, story-open-file
//                                      (file input), story-file (title story-file-title, link
//                                      story-file-link, story-file-copy, story-file-start,
//                                      story-file-notices), story-file-refused
//   story-player                       data-story = id, data-step (from 1), data-steps;
//                                      story-title, story-step-of, story-dot-<n>, story-text,
//                                      story-prev, story-next, story-leave, story-see-chart,
//                                      story-end (last step)
//   story-question                     story-prompt, story-choice-<n> (data-correct = "1" on
//                                      the correct one once answered), story-show-me;
//                                      story-answer (data-outcome right / wrong / shown /
//                                      undecided), story-numbers, story-explain
//   story-notices, story-notice        what a story link or file could not use;
//                                      story-notices-dismiss
//   main.layout.story-pending          results greyed and inert until the question is answered
//   figure[data-story-focus]           the chart the step is about
import { test as base, expect } from "@playwright/test";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const SCREENSHOT_DIR = path.join(ROOT, "artifacts", "screenshots");

export const DEFAULT_PRESET = "jinzhong-2022";
export const PRESETS = [
  "jinzhong-2022",
  "no-outbreak",
  "no-controls",
  "citywide-lockdown",
  "vouchers-only",
  "investment-push",
  "jinzhong-2022-omicron",
];

/** Summary cards holding one number (or "" for null). */
export const SCALAR_SUMMARY_KEYS = [
  "infections_total",
  "detected_total",
  "peak_isolated",
  "deaths_total",
  "gdp_loss_yuan",
  "gdp_loss_pct",
  "retail_loss_yuan",
  "jobs_lost_trough",
  "smes_closed",
  "fiscal_cost_yuan",
  "gdp_kept_per_yuan",
];
/** Summary figures read on the check dates: one card per date. */
export const DATED_SUMMARY_KEYS = ["fai_completed_pct", "projects_started"];
export const CHECK_DATES = ["2022-04-30", "2022-06-30", "2022-12-31"];
/** A date card: ISO date or "". */
export const DATE_SUMMARY_KEYS = ["recovery_date"];

export const CHART_IDS = ["infections", "gdp_retail", "sectors", "projects", "jobs_smes", "fiscal", "stringency"];

export class RecoveryLab {
  /**
   * Starts recording console errors, uncaught exceptions and requests to any other origin.
   * @param {import('@playwright/test').Page} page
   * @param {string} baseURL where the page is served
   */
  constructor(page, baseURL) {
    this.page = page;
    this.baseURL = baseURL;
    this.origin = new URL(baseURL).origin;
    this.consoleErrors = [];
    this.foreignRequests = [];
    page.on("console", (msg) => {
      if (msg.type() !== "error") return;
      const where = msg.location()?.url;
      this.consoleErrors.push(where ? `${msg.text()} (${where})` : msg.text());
    });
    page.on("pageerror", (err) => this.consoleErrors.push(`uncaught: ${err.message}`));
    page.on("request", (req) => {
      const url = req.url();
      if (url.startsWith("data:") || url.startsWith("blob:")) return;
      if (new URL(url).origin !== this.origin) this.foreignRequests.push(url);
    });
  }

  // Navigation

  /** Opens the page (optionally with a query string or hash) and waits for the load event. */
  async goto(suffix = "") {
    await this.page.goto(new URL(suffix, this.baseURL).href, { waitUntil: "load" });
  }

  /** Waits until the app shows results (data-ready="1"). */
  async waitReady(timeout = 20_000) {
    await expect(this.app, "the app root shows data-ready=\"1\" once results are shown").toHaveAttribute(
      "data-ready",
      "1",
      { timeout },
    );
  }

  /** Like waitReady, but returns false instead of failing (for screenshots of a broken page). */
  async tryWaitReady(timeout = 20_000) {
    try {
      await this.waitReady(timeout);
      return true;
    } catch {
      return false;
    }
  }

  // Locators

  get app() {
    return this.page.getByTestId("app");
  }
  get presetSelect() {
    return this.page.getByTestId("preset-select");
  }
  langButton(lang) {
    return this.page.getByTestId(`lang-${lang}`);
  }
  summaryCard(key) {
    return this.page.getByTestId(`summary-${key}`);
  }
  param(key) {
    return this.page.getByTestId(`param-${key}`);
  }
  waveBudget(index) {
    return this.page.getByTestId(`wave-${index}-budget`);
  }
  fieldError(key) {
    return this.page.getByTestId(`field-error-${key}`);
  }
  get errorBanner() {
    return this.page.getByTestId("error-banner");
  }
  get resetDefault() {
    return this.page.getByTestId("reset-default");
  }
  chart(id) {
    return this.page.getByTestId(`chart-${id}`);
  }
  get districtMap() {
    return this.page.getByTestId("district-map");
  }
  /** Section and card headings, for checking that labels change with the language. */
  get headings() {
    return this.page.locator("h1, h2, h3");
  }

  // Reading

  /** The data-value of a summary card (a string; "" for null). */
  async summaryValue(key) {
    const card = this.summaryCard(key);
    await expect(card, `summary card summary-${key}`).toHaveCount(1);
    const value = await card.getAttribute("data-value");
    expect(value, `summary-${key} has a data-value attribute`).not.toBeNull();
    return value;
  }

  /** Every summary card's data-value, keyed by the test id's suffix (`fai_completed_pct-2022-04-30`). */
  async summaryValues(checkDates = CHECK_DATES) {
    const out = {};
    for (const key of [...SCALAR_SUMMARY_KEYS, ...DATE_SUMMARY_KEYS]) out[key] = await this.summaryValue(key);
    for (const key of DATED_SUMMARY_KEYS) {
      for (const date of checkDates) out[`${key}-${date}`] = await this.summaryValue(`${key}-${date}`);
    }
    return out;
  }

  async htmlLang() {
    return this.page.locator("html").getAttribute("lang");
  }

  // Acting

  async selectPreset(name) {
    await this.presetSelect.selectOption(name);
  }

  async switchLanguage(lang) {
    await this.langButton(lang).click();
  }

  /** Types a value into a number input the way a person does: select all, type, leave the field. */
  async typeInto(locator, value) {
    await locator.click();
    await locator.fill(String(value));
    await locator.press("Tab");
  }

  async setParam(key, value) {
    await this.typeInto(this.param(key), value);
  }

  async setWaveBudget(index, wanYuan) {
    await this.typeInto(this.waveBudget(index), wanYuan);
  }

  // Links, comparison, saved scenarios, exports

  get linkNotices() {
    return this.page.getByTestId("link-notices");
  }
  get linkNoticeItems() {
    return this.page.getByTestId("link-notice");
  }
  get shareButton() {
    return this.page.getByTestId("share-button");
  }
  get shareDialog() {
    return this.page.getByTestId("share-dialog");
  }
  get shareLink() {
    return this.page.getByTestId("share-link");
  }
  get compareSelect() {
    return this.page.getByTestId("compare-select");
  }
  get editTarget() {
    return this.page.getByTestId("edit-target");
  }
  diffCard(key) {
    return this.page.getByTestId(`diff-${key}`);
  }
  bCard(key) {
    return this.page.getByTestId(`b-${key}`);
  }
  get savedPanel() {
    return this.page.getByTestId("saved-panel");
  }
  get savedItems() {
    return this.page.getByTestId("saved-item");
  }
  savedItem(name) {
    return this.savedItems.filter({ has: this.page.getByTestId("saved-name").getByText(name, { exact: true }) });
  }
  get importJson() {
    return this.page.getByTestId("import-json");
  }

  /** The query of the current address (without "?"). */
  query() {
    return new URL(this.page.url()).search.replace(/^\?/, "");
  }

  /** The data-value of a card's B value or difference ("b" or "diff"), as a string. */
  async compareValue(kind, key) {
    const el = this.page.getByTestId(`${kind}-${key}`);
    await expect(el, `${kind}-${key}`).toHaveCount(1);
    return el.getAttribute("data-value");
  }

  async compareWith(value) {
    await this.compareSelect.selectOption(value);
  }

  async openSaved() {
    if ((await this.savedPanel.getAttribute("open")) === null) await this.savedPanel.locator("summary").click();
  }

  async saveScenario(name) {
    await this.openSaved();
    await this.page.getByTestId("save-name").fill(name);
    await this.page.getByTestId("save-button").click();
    await expect(this.savedItem(name)).toHaveCount(1);
  }

  async loadSaved(name) {
    await this.openSaved();
    await this.savedItem(name).getByTestId("saved-load").click();
  }

  /** Clicks `locator` and returns the download's suggested name and saved path. */
  async download(locator) {
    const [download] = await Promise.all([this.page.waitForEvent("download"), locator.click()]);
    return { name: download.suggestedFilename(), path: await download.path() };
  }

  /** Full-page screenshot into artifacts/screenshots/NAME.png; returns the path. */
  async screenshot(name) {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = path.join(SCREENSHOT_DIR, `${name}.png`);
    await this.page.screenshot({ path: file, fullPage: true });
    return file;
  }
}

/** `test` with a `lab` fixture: a RecoveryLab on the test's page. */
export const test = base.extend({
  lab: async ({ page, baseURL }, use) => {
    await use(new RecoveryLab(page, baseURL));
  },
});
export { expect };
