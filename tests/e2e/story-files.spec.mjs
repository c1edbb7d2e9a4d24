// The built-in stories are files the page fetches (stories/ID.json), not text in its wasm
// (BENCHMARKS.md, "Size"). A story link fetches them before the page opens; the Stories
// menu fetches them when it opens, says so while they load, and if they do not come says why,
// keeps the rest of the menu usable and offers to try again. The page never goes blank.
import { test, expect, DEFAULT_PRESET } from "./recovery-lab.page.mjs";

// Requests of a page under a service worker bypass page.route: no worker here.
test.use({ serviceWorkers: "block" });

const IDS = ["zoning-vs-lockdown", "vouchers-pay", "shutdown-projects"];

/** Fails every request for a built-in story's file; returns the list of those asked for. */
async function blockStories(page) {
  const asked = [];
  await page.route("**/stories/*.json", (route) => {
    asked.push(new URL(route.request().url()).pathname);
    return route.abort("internetdisconnected");
  });
  return asked;
}

/** Console errors other than the browser's own report of the requests a test blocked. */
const unexpected = (errors) => errors.filter((e) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(e));

test("the Stories menu fetches the built-in stories and lists them", async ({ lab, page }) => {
  const fetched = [];
  page.on("request", (r) => {
    if (/\/stories\/[^/]+\.json$/.test(r.url())) fetched.push(new URL(r.url()).pathname.split("/").pop());
  });
  await lab.goto("?lang=en");
  await lab.waitReady();
  expect(fetched, "nothing is fetched before a story is asked for").toEqual([]);
  await page.getByTestId("stories-button").click();
  for (const id of IDS) await expect(page.getByTestId(`story-item-${id}`)).toBeVisible();
  await expect(page.getByTestId("story-list-loading")).toHaveCount(0);
  await expect(page.getByTestId("story-item-vouchers-pay")).toContainText("Steps: 4");
  expect(fetched.sort()).toEqual(IDS.map((id) => `${id}.json`).sort());
  await page.getByTestId("story-start-vouchers-pay").click();
  await expect(page.getByTestId("story-player")).toHaveAttribute("data-step", "1");
  await expect(page).toHaveURL(/story=vouchers-pay.*&step=1$/);
  expect(lab.consoleErrors).toEqual([]);
});

test("a built-in story's file that does not come: the link's page opens and says so", async ({ lab, page }) => {
  const asked = await blockStories(page);
  await lab.goto("?story=zoning-vs-lockdown&lang=en&step=2");
  await lab.waitReady();
  expect(asked.map((p) => p.split("/").pop()).sort()).toEqual(IDS.map((id) => `${id}.json`).sort());
  await expect(page.getByTestId("story-notices")).toContainText(
    /built-in story “zoning-vs-lockdown” could not be loaded: check the connection/,
  );
  await expect(page.getByTestId("story-player")).toHaveCount(0);
  await expect(lab.presetSelect).toHaveValue(DEFAULT_PRESET);
  expect(await lab.summaryValue("infections_total")).not.toBe("");
  expect(unexpected(lab.consoleErrors)).toEqual([]);
});

test("the Stories menu without its files: a clear message, the file button, and Try again", async ({ lab, page }) => {
  await blockStories(page);
  await lab.goto("?lang=en");
  await lab.waitReady();
  await page.getByTestId("stories-button").click();
  const failed = page.getByTestId("story-list-failed");
  await expect(failed).toContainText(/The built-in stories could not be loaded .*Check the connection and try again/);
  await expect(failed).toHaveAttribute("role", "alert");
  await expect(page.getByTestId("story-item-vouchers-pay")).toHaveCount(0);
  // A teacher's own file still opens.
  await expect(page.getByTestId("story-open-file")).toBeAttached();
  await lab.screenshot("story-menu-files-failed-en");

  // Back online: Try again lists them.
  await page.unroute("**/stories/*.json");
  await page.getByTestId("story-list-retry").click();
  for (const id of IDS) await expect(page.getByTestId(`story-item-${id}`)).toBeVisible();
  await expect(failed).toHaveCount(0);
  await page.getByTestId("story-start-zoning-vs-lockdown").click();
  await expect(page.getByTestId("story-player")).toHaveAttribute("data-step", "1");
  expect(unexpected(lab.consoleErrors)).toEqual([]);
});
