// Playwright configuration for the end-to-end suite. Run through scripts/test.sh, which builds the
// page, serves dist/ on a free loopback port and passes its URL in E2E_BASE_URL. Runs against
// Debian's Chromium (CHROMIUM, default /usr/bin/chromium): Playwright's own browser download is
// never used (no `npx playwright install`).
import { defineConfig } from "@playwright/test";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");

export default defineConfig({
  testDir: here,
  testMatch: "*.spec.mjs",
  outputDir: path.join(root, "test-results"),
  // The suite is small and shares 2 cores with the build: one browser at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    baseURL: process.env.E2E_BASE_URL || "http://127.0.0.1:8080/",
    browserName: "chromium",
    headless: true,
    viewport: { width: 1440, height: 900 },
    locale: "zh-CN",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
      // As root Chromium needs --no-sandbox; background networking would reach other origins.
      args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"],
    },
  },
});
