// Classroom (issue #6): guided stories (docs/story-format.md).
//
// Each built-in story runs through all its steps in both languages: texts filled from the run
// (no placeholder left), every question answered (or "show me") with the results hidden until
// then and the computed answer revealed after, the address the story link at each step. A
// story link opens at its first step, `step=` opens there with that step's scenario; a broken
// story link gives a notice and a working page; a teacher's story file opens from the menu by
// keyboard, shows its link, and that link opens the story.
import { test, expect, DEFAULT_PRESET } from "./recovery-lab.page.mjs";

const STORIES = [
  { id: "zoning-vs-lockdown", steps: 5 },
  { id: "vouchers-pay", steps: 4 },
  { id: "shutdown-projects", steps: 5 },
];
const CJK = /[\u4e00-\u9fff]/;

/** Step n's text and question: answers it (a choice, or "show me" on every other question). */
async function checkStep(page, lang, n, questionIndex) {
  const player = page.getByTestId("story-player");
  await expect(player).toHaveAttribute("data-step", String(n));
  await expect(page).toHaveURL(new RegExp(`[?&]story=[^&]+.*&step=${n}$`));
  const text = await page.getByTestId("story-text").innerText();
  expect(text.length, `step ${n} has a text`).toBeGreaterThan(10);
  expect(text, `step ${n}: placeholders filled`).not.toMatch(/[{}]/);
  expect(CJK.test(text), `step ${n} text in ${lang}`).toBe(lang === "zh");

  const question = page.getByTestId("story-question");
  if ((await question.count()) === 0) {
    await expect(page.locator("main.layout")).not.toHaveClass(/story-pending/);
    return questionIndex;
  }
  // Predict first: the results are hidden (and inert) until an answer is picked.
  await expect(page.locator("main.layout")).toHaveClass(/story-pending/);
  await expect(page.locator("section.results")).toHaveAttribute("inert", "");
  await expect(page.getByTestId("story-answer")).toHaveCount(0);
  const prompt = await page.getByTestId("story-prompt").innerText();
  expect(CJK.test(prompt), `step ${n} prompt in ${lang}`).toBe(lang === "zh");
  if (questionIndex % 2 === 0) {
    await page.getByTestId("story-choice-1").click();
  } else {
    await page.getByTestId("story-show-me").click();
  }
  const answer = page.getByTestId("story-answer");
  await expect(answer).toBeVisible();
  const outcome = await answer.getAttribute("data-outcome");
  expect(["right", "wrong", "shown"], `step ${n}: the model decides`).toContain(outcome);
  // Exactly one choice is marked correct; the numbers and the explanation are shown.
  await expect(page.locator('[data-testid^="story-choice-"][data-correct="1"]')).toHaveCount(1);
  await expect(page.getByTestId("story-numbers")).toContainText(/\d/);
  const explain = await page.getByTestId("story-explain").innerText();
  expect(explain, `step ${n}: explanation filled`).not.toMatch(/[{}]/);
  expect(CJK.test(explain)).toBe(lang === "zh");
  await expect(page.locator("main.layout")).not.toHaveClass(/story-pending/);
  await expect(page.locator("section.results")).not.toHaveAttribute("inert", "");
  return questionIndex + 1;
}

for (const { id, steps } of STORIES) {
  for (const lang of ["zh", "en"]) {
    test(`story ${id} runs through all ${steps} steps (${lang})`, async ({ lab, page }) => {
      await lab.goto(`?story=${id}&lang=${lang}`);
      await lab.waitReady();
      expect(await lab.htmlLang()).toBe(lang === "zh" ? "zh-CN" : "en");
      const title = await page.getByTestId("story-title").innerText();
      expect(CJK.test(title)).toBe(lang === "zh");
      await expect(page.getByTestId("story-player")).toHaveAttribute("data-steps", String(steps));
      let q = 0;
      for (let n = 1; n <= steps; n++) {
        await expect(page.getByTestId("story-step-of")).toHaveText(
          lang === "zh" ? `第 ${n} 步，共 ${steps} 步` : `Step ${n} of ${steps}`,
        );
        q = await checkStep(page, lang, n, q);
        if (n === 2 && id === "zoning-vs-lockdown") await lab.screenshot(`story-${id}-${lang}-answered`);
        if (n < steps) await page.getByTestId("story-next").click();
      }
      expect(q, "every built-in story asks at least three questions").toBeGreaterThanOrEqual(3);
      await expect(page.getByTestId("story-next")).toBeDisabled();
      await expect(page.getByTestId("story-end")).toBeVisible();
      // Back one step: the answer given there stays revealed.
      await page.getByTestId("story-prev").click();
      await expect(page.getByTestId("story-player")).toHaveAttribute("data-step", String(steps - 1));
      // Leaving the story: the normal page, its address the scenario's link again.
      await page.getByTestId("story-leave").click();
      await expect(page.getByTestId("story-player")).toHaveCount(0);
      await expect(page).toHaveURL(/[?&]v=1&/);
      await expect(page).not.toHaveURL(/story=/);
      expect(lab.consoleErrors).toEqual([]);
      expect(lab.foreignRequests).toEqual([]);
    });
  }
}

test("a story link opens at its first step, and step= opens there", async ({ lab, page }) => {
  await lab.goto("?story=vouchers-pay");
  await lab.waitReady();
  await expect(page.getByTestId("story-player")).toHaveAttribute("data-step", "1");
  await expect(page).toHaveURL(/\?story=vouchers-pay&step=1$/);
  // Step 1 compares no outbreak (A) with the vouchers (B).
  await expect(lab.presetSelect).toHaveValue("no-outbreak");
  await expect(page.getByTestId("story-question")).toBeVisible();

  await lab.goto("?story=shutdown-projects&lang=en&step=4");
  await lab.waitReady();
  await expect(page.getByTestId("story-player")).toHaveAttribute("data-step", "4");
  await expect(page.getByTestId("story-step-of")).toHaveText("Step 4 of 5");
  await expect(page).toHaveURL(/\?story=shutdown-projects&lang=en&step=4$/);
  // Step 4's scenario A is the citywide lockdown; its chart stands out.
  await expect(lab.presetSelect).toHaveValue("citywide-lockdown");
  await expect(page.locator('figure[data-chart="projects"]')).toHaveAttribute("data-story-focus", "");
  // Share during a story: the story link at this step, with its QR code for the class.
  await page.getByTestId("share-button").click();
  await expect(page.getByTestId("share-link")).toHaveValue(/\?story=shutdown-projects&lang=en&step=4$/);
  await expect(page.getByTestId("share-dialog").getByTestId("qr-code")).toBeVisible();
  await page.getByTestId("share-close").click();
  await page.setViewportSize({ width: 390, height: 844 });
  await lab.screenshot("story-phone-step4-en");
  await page.getByTestId("story-choice-2").click();
  await expect(page.getByTestId("story-answer")).toHaveAttribute("data-outcome", "wrong");
  await lab.screenshot("story-phone-step4-en-answered");
  expect(lab.consoleErrors).toEqual([]);
});

test("a broken story link shows a notice and a working page", async ({ lab, page }) => {
  for (const [suffix, words] of [
    ["?story=1.eJzLSM3JyVcozy_KSQEAGgQEXQ&lang=en&step=2", /cannot be unpacked|not a valid story/],
    ["?story=atlantis&lang=en", /no built-in story “atlantis”/],
  ]) {
    await lab.goto(suffix);
    await lab.waitReady();
    await expect(page.getByTestId("story-notices")).toContainText(words);
    await expect(page.getByTestId("story-player")).toHaveCount(0);
    await expect(lab.presetSelect).toHaveValue(DEFAULT_PRESET);
    expect(await lab.summaryValue("infections_total")).not.toBe("");
    // The page still works: a preset changes the cards.
    await lab.selectPreset("no-controls");
    await expect(lab.presetSelect).toHaveValue("no-controls");
    await page.getByTestId("story-notices-dismiss").click();
    await expect(page.getByTestId("story-notices")).toHaveCount(0);
  }
  await lab.goto("?story=zoning-vs-lockdown&step=42&lang=zh");
  await lab.waitReady();
  await expect(page.getByTestId("story-notices")).toContainText("step=42");
  await expect(page.getByTestId("story-player")).toHaveAttribute("data-step", "1");
  expect(lab.consoleErrors).toEqual([]);
});

test("a teacher's story file opens from the menu by keyboard, and its link opens it", async ({ lab, page }) => {
  await lab.goto("?lang=en");
  await lab.waitReady();
  await page.getByTestId("stories-button").focus();
  await page.keyboard.press("Enter");
  const menu = page.getByTestId("story-menu");
  await expect(menu).toBeVisible();
  await expect(menu.locator(".story-item")).toHaveCount(3);
  const story = {
    app: "recovery-lab-story",
    schema: 1,
    id: "testing-matters",
    title: { zh: "不管控会怎样？", en: "What if nothing is done?" },
    steps: [
      {
        link: "preset=jinzhong-2022&b.preset=no-controls",
        chart: "infections",
        text: { zh: "A为2022年实际，B不管控。", en: "A is 2022 as it happened; B has no controls." },
        question: {
          kind: "compare",
          pick: "higher",
          metric: "deaths_total",
          prompt: { zh: "哪个方案死亡更多？", en: "Which scenario has more deaths?" },
          choices: [
            { side: "a", label: { zh: "A", en: "A: 2022" } },
            { side: "b", label: { zh: "B", en: "B: no controls" } },
          ],
          explain: { zh: "相差{d.deaths_total}。", en: "A difference of {d.deaths_total}." },
        },
      },
      { link: "preset=no-outbreak", text: { zh: "没有疫情。", en: "" } },
    ],
  };
  await page.getByTestId("story-open-file").setInputFiles({
    name: "mine.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(story)),
  });
  await expect(page.getByTestId("story-file-title")).toHaveText("What if nothing is done?");
  // The empty English text of step 2 is reported; the story keeps step 1.
  await expect(page.getByTestId("story-file-notices")).toContainText("Step 2");
  const link = await page.getByTestId("story-file-link").inputValue();
  expect(link).toMatch(/\?story=1\.[A-Za-z0-9_-]+&step=1$/);
  await expect(page.getByTestId("story-file").getByTestId("qr-code")).toBeVisible();
  await lab.screenshot("story-menu-file-en");
  // Start by keyboard; answer by keyboard.
  await page.getByTestId("story-file-start").focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("story-player")).toHaveAttribute("data-story", "testing-matters");
  await page.getByTestId("story-choice-2").focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("story-answer")).toHaveAttribute("data-outcome", "right");
  await expect(page.getByTestId("story-answer")).toBeFocused();

  // The link (made by the browser's compressor) opens the same story at its first step.
  await page.goto(link, { waitUntil: "load" });
  await lab.waitReady();
  await expect(page.getByTestId("story-player")).toHaveAttribute("data-story", "testing-matters");
  await expect(page.getByTestId("story-player")).toHaveAttribute("data-steps", "1");
  // The link chooses no language: the reader's default, Chinese.
  await expect(page.getByTestId("story-text")).toHaveText("A为2022年实际，B不管控。");
  await expect(page.getByTestId("story-notices")).toHaveCount(0);
  expect(lab.consoleErrors).toEqual([]);
});
