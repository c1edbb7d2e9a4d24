// Classroom and accessibility (issues 4 and 6): the Share dialog's QR code decodes back to the
// current link.
import { test, expect, ROOT } from "./recovery-lab.page.mjs";
import path from "node:path";

const JSQR = path.join(ROOT, "node_modules", "jsqr", "dist", "jsQR.js");

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
