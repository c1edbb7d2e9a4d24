// Offline use (issue 6): the web app manifest and its icons.
import { test, expect } from "./recovery-lab.page.mjs";

test("the web app manifest and its icons are served from the page's origin", async ({ lab, request, baseURL }) => {
  await lab.goto();
  const href = await lab.page.locator('link[rel="manifest"]').getAttribute("href");
  expect(href, '<link rel="manifest">').toBeTruthy();
  const manifestUrl = new URL(href, lab.page.url());
  expect(manifestUrl.origin).toBe(new URL(baseURL).origin);
  const res = await request.get(manifestUrl.href);
  expect(res.status()).toBe(200);
  const manifest = await res.json();
  expect(manifest.name).toContain("复苏实验室");
  expect(manifest.name).toContain("Recovery Lab");
  expect(manifest.display).toBe("standalone");
  expect(new URL(manifest.start_url, manifestUrl).href).toBe(new URL("./", baseURL).href);
  const sizes = manifest.icons.map((i) => i.sizes);
  expect(sizes).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  expect(manifest.icons.some((i) => i.purpose === "maskable")).toBe(true);
  for (const icon of manifest.icons) {
    const url = new URL(icon.src, manifestUrl);
    expect(url.origin, `${icon.src} is on the page's origin`).toBe(manifestUrl.origin);
    const img = await request.get(url.href);
    expect(img.status(), `${icon.src}`).toBe(200);
    expect((await img.body()).length, `${icon.src} is not empty`).toBeGreaterThan(100);
  }
  await expect(lab.page.locator('meta[name="theme-color"]')).toHaveAttribute("content", /^#[0-9a-f]{6}$/);
});
