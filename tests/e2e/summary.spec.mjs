// The page and the command-line runner must agree exactly on the default preset's summary.
import { test, expect, DEFAULT_PRESET, SCALAR_SUMMARY_KEYS, DATED_SUMMARY_KEYS, DATE_SUMMARY_KEYS } from "./recovery-lab.page.mjs";
import { cliSummary } from "./cli.mjs";

/** The runner's summary as the page's test-id suffixes → expected data-value (number, string or null). */
function expectedCards(summary) {
  const cards = {};
  const missing = [];
  for (const key of [...SCALAR_SUMMARY_KEYS, ...DATE_SUMMARY_KEYS]) {
    if (!(key in summary)) missing.push(key);
    else cards[key] = summary[key];
  }
  for (const key of DATED_SUMMARY_KEYS) {
    if (!summary[key] || typeof summary[key] !== "object") {
      missing.push(key);
      continue;
    }
    for (const [date, value] of Object.entries(summary[key])) cards[`${key}-${date}`] = value;
  }
  return { cards, missing };
}

/** Why a card's data-value does not match the runner's value, or null if it does. */
function mismatch(key, expected, actual) {
  if (actual === null) return `${key}: no card or no data-value (runner: ${JSON.stringify(expected)})`;
  if (expected === null) return actual === "" ? null : `${key}: page "${actual}", runner null (expected "")`;
  if (typeof expected === "number") {
    // Both sides are shortest round-trip renderings of an f64: equal numbers, to the last bit.
    const n = actual.trim() === "" ? NaN : Number(actual);
    return n === expected ? null : `${key}: page "${actual}", runner ${JSON.stringify(expected)}`;
  }
  return actual === String(expected) ? null : `${key}: page "${actual}", runner ${JSON.stringify(expected)}`;
}

test(`the default preset's summary cards equal recovery-lab-cli run --preset ${DEFAULT_PRESET} --summary`, async ({ lab }) => {
  const summary = cliSummary(DEFAULT_PRESET);
  const { cards, missing } = expectedCards(summary);
  expect(missing, "keys missing from the runner's --summary").toEqual([]);

  await lab.goto();
  await lab.waitReady();
  await expect(lab.presetSelect).toHaveValue(DEFAULT_PRESET);
  const problems = [];
  for (const [key, expected] of Object.entries(cards)) {
    const card = lab.summaryCard(key);
    const actual = (await card.count()) === 1 ? await card.getAttribute("data-value") : null;
    const why = mismatch(key, expected, actual);
    if (why) problems.push(why);
  }
  expect(problems, "summary cards that differ from the runner").toEqual([]);
  expect(Object.keys(cards).length).toBeGreaterThanOrEqual(SCALAR_SUMMARY_KEYS.length + 1 + 3 * DATED_SUMMARY_KEYS.length);
});
