// The self-check quiz in the built bundle: by keyboard in English and Welsh, resuming after a
// reload, reshuffling on Try again, host-supplied question sets, and bad stored state.

import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, test,
  BUNDLE_NAME, ROOT, focusedText, hostPage, launch, openSession, readStorage, readStorageWhen, seedStorage, serve, waitForReady,
} from "./helpers.mjs";

/** A small valid question set, one of each kind, with markup in its text. */
export const HOST_SET = {
  language: "en",
  topics: [{ id: "local", name: "Our ward's supervision policy" }],
  references: [{ id: 1, title: "Ward 7 supervision policy" }],
  questions: [
    { id: "h1", topic: "local", kind: "single", prompt: "How often is supervision on Ward 7? <img src=x onerror=alert(1)>",
      options: [{ id: "monthly", text: "Monthly" }, { id: "never", text: "Never" }], answer: "monthly",
      explanation: "Our policy says monthly.", source: 1 },
    { id: "h2", topic: "local", kind: "true-false", prompt: "Supervision notes are private.", answer: true,
      explanation: "They are.", source: 1 },
  ],
};

/** The built-in English questions, in authored order. */
const BUILT_IN_EN = JSON.parse(fs.readFileSync(path.join(ROOT, "content/quiz/en.json"), "utf8"));

const widget = (attributes = "", children = "") => `<supervision-widget mode="quiz" ${attributes}>${children}</supervision-widget>`;
const hostSet = (set) => `<script type="application/json">${JSON.stringify(set)}</script>`;

/** A host set whose one question cites a reference, the page and further reading. */
const SOURCES_SET = {
  language: "en",
  topics: [{ id: "local", name: "Our policy" }],
  page: "Ward 7 supervision page",
  references: [{ id: 1, title: "Ward 7 supervision policy, 2026" }],
  further_reading: [{ id: "dq", title: "Duty of Quality statutory guidance", publisher: "Welsh Government", year: 2023 }],
  questions: [
    { id: "q1", topic: "local", kind: "true-false", prompt: "Supervision is monthly on Ward 7.", answer: true,
      explanation: "True.", sources: [1, "page", { further: "dq" }] },
  ],
};

/** A Welsh host set that names an English title inside its Welsh text. */
const WELSH_SET = {
  language: "cy",
  topics: [{ id: "local", name: "Ansawdd" }],
  references: [{ id: 1, title: "Crossing the Quality Chasm" }],
  english_phrases: ["Crossing the Quality Chasm"],
  questions: [
    { id: "w1", topic: "local", kind: "single", prompt: "Ym mha adroddiad, Crossing the Quality Chasm neu arall, y mae'r chwe pharth?",
      options: [{ id: "a", text: "Crossing the Quality Chasm" }, { id: "b", text: "Adroddiad arall" }], answer: "a",
      explanation: "Yn Crossing the Quality Chasm y mae'r chwe pharth.", source: 1, translator_reviewed: true },
  ],
};

let browser;
let server;

before(async () => {
  browser = await launch();
  const broken = structuredClone(HOST_SET);
  broken.questions[0].answer = "sometimes";
  broken.questions[1].source = 7;
  server = await serve({
    "/en": hostPage(widget('questions="5"')),
    "/cy": hostPage(widget('questions="5" pass-mark="80"'), { lang: "cy" }),
    "/full": hostPage(widget()),
    // A fixed order whose first question is single choice, for tests that answer with one click.
    "/fixed": hostPage(widget('questions="5" shuffle="false"')),
    "/host-set": hostPage(widget('shuffle="false"', hostSet(HOST_SET))),
    "/welsh-set": hostPage(widget('shuffle="false"', hostSet(WELSH_SET)), { lang: "cy" }),
    "/broken-set": hostPage(widget("", hostSet(broken))),
    "/two": hostPage(widget('questions="2" shuffle="false" pass-mark="50"')),
    "/sources": hostPage(widget('shuffle="false"', hostSet(SOURCES_SET))),
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const allowed = (path) => [server.origin + path, `${server.origin}/${BUNDLE_NAME}`, `${server.origin}/blank`];
const quiz = (page) => page.locator("supervision-widget");

/**
 * Answers the question showing with the keyboard alone (focus starts on its heading): the first
 * option of each group, then Check. Returns the prompt.
 */
async function answerByKeyboard(page, checkLabel) {
  const prompt = await focusedText(page);
  const groups = await quiz(page).locator(".sw-sort-row").count();
  for (let i = 0; i < Math.max(groups, 1); i++) {
    await page.keyboard.press("Tab");
    await page.keyboard.press("Space");
  }
  // Tab on past any further checkboxes to the Check button.
  for (let i = 0; i < 12 && (await focusedText(page)) !== checkLabel; i++) {
    await page.keyboard.press("Tab");
  }
  assert.equal(await focusedText(page), checkLabel);
  await page.keyboard.press("Enter");
  return prompt;
}

/** Answers `count` questions of `total` by keyboard, from the first question's heading. */
async function completeByKeyboard(page, t, count, total = count) {
  const prompts = [];
  for (let i = 1; i <= count; i++) {
    assert.match(await quiz(page).locator(".sw-caption").textContent(), new RegExp(t(`Question ${i} of ${total}`, `Cwestiwn ${i} o ${total}`)));
    prompts.push(await answerByKeyboard(page, t("Check answer", "Gwirio'r ateb")));
    // Feedback is in the live region, and focus is on Next.
    assert.ok(await quiz(page).locator("[role=status] .sw-feedback").count(), "feedback shown");
    assert.equal(await focusedText(page), i < total ? t("Next question", "Cwestiwn nesaf") : t("See your results", "Gweld eich canlyniadau"));
    await page.keyboard.press("Enter");
  }
  return prompts;
}

for (const [lang, path] of [["en", "/en"], ["cy", "/cy"]]) {
  const t = (en, cy) => (lang === "en" ? en : cy);
  test(`the quiz can be completed with the keyboard alone (${lang})`, async () => {
    const session = await openSession(browser);
    const { page } = session;
    await page.goto(server.origin + path);
    await waitForReady(page);
    await quiz(page).getByText(t("5 questions, about 4 minutes.", "5 cwestiwn, tua 4 munud.")).waitFor();
    // The language toggle, the way to privacy, and on first use "Your own computer, or
    // shared?" (two buttons), then Start.
    for (let i = 0; i < 5; i++) await page.keyboard.press("Tab");
    assert.equal(await focusedText(page), t("Start the quiz", "Dechrau'r cwis"));
    await page.keyboard.press("Enter");

    // Check with nothing chosen: an error summary, focused, linking to the first option.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    const beforeCheck = await focusedText(page);
    if (beforeCheck === t("Check answer", "Gwirio'r ateb")) {
      await page.keyboard.press("Enter");
      await quiz(page).getByRole("alert").getByText(t("There is a problem", "Mae problem")).waitFor();
      assert.equal(await page.evaluate(() => document.querySelector("supervision-widget").shadowRoot.activeElement.className), "sw-error-summary");
      await page.keyboard.press("Tab");
      await page.keyboard.press("Enter");
      const focusedTag = await page.evaluate(() => document.querySelector("supervision-widget").shadowRoot.activeElement.tagName);
      assert.equal(focusedTag, "INPUT", "the error link moves focus to the first option");
    }
    // Back to the question's heading to answer from a known place.
    await quiz(page).locator(".sw-quiz__heading").focus();
    await completeByKeyboard(page, t, 5);

    await quiz(page).getByRole("heading", { name: t("Your results", "Eich canlyniadau") }).waitFor();
    assert.equal(await focusedText(page), t("Your results", "Eich canlyniadau"));
    assert.match(await quiz(page).locator(".sw-quiz-results__score").textContent(), t(/You scored [\d.]+ out of 5/, /Eich sgôr oedd [\d.]+ allan o 5/));
    if (lang === "cy") await quiz(page).getByText(/marc llwyddo o 80%|y marc llwyddo yw 80%/).waitFor();
    assert.equal(await quiz(page).getByRole("table").locator("tbody tr").count() > 0, true, "scores by topic");

    await quiz(page).getByRole("button", { name: t("Review your answers", "Adolygu eich atebion") }).click();
    assert.equal(await quiz(page).locator(".sw-review__item").count(), 5);
    await quiz(page).getByRole("button", { name: t("Back to your results", "Yn ôl i'ch canlyniadau") }).click();

    // The finished attempt is in the history on the start page, after a reload.
    await page.reload();
    await waitForReady(page);
    const history = quiz(page).getByRole("table");
    await history.waitFor();
    assert.equal(await history.locator("tbody tr").count(), 1);
    await session.check(allowed(path));
  });
}

/** Answers two of five questions, then reloads: the start page offers to carry on. */
async function twoAnsweredThenReload(page) {
  await page.goto(server.origin + "/en");
  await waitForReady(page);
  await quiz(page).getByRole("button", { name: "Start the quiz" }).click();
  await completeByKeyboard(page, (en) => en, 2, 5);
  await page.reload();
  await waitForReady(page);
  await quiz(page).getByText("You have a quiz in progress: question 3 of 5.").waitFor();
}

test("a half-done quiz resumes after a reload", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await twoAnsweredThenReload(page);
  await quiz(page).getByRole("button", { name: "Carry on where you left off" }).click();
  assert.match(await quiz(page).locator(".sw-caption").textContent(), /Question 3 of 5/);
  const stored = JSON.parse((await readStorage(page))["supervision-widget:quiz"]);
  assert.equal(stored.data.checked.length, 2);
  await session.check(allowed("/en"));
});

test("starting again with answers given asks first: Cancel keeps them, Yes starts afresh", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await twoAnsweredThenReload(page);
  const before = (await readStorage(page))["supervision-widget:quiz"];

  await quiz(page).getByRole("button", { name: "Start again" }).click();
  assert.equal(await focusedText(page), "Start again? The answers you have given in this attempt will be deleted.");
  await quiz(page).getByText("Your finished attempts are kept.").waitFor();
  await quiz(page).getByRole("button", { name: "Cancel" }).click();
  assert.equal(await focusedText(page), "Start again", "focus goes back to the button");
  await quiz(page).getByText("You have a quiz in progress: question 3 of 5.").waitFor();
  assert.equal((await readStorage(page))["supervision-widget:quiz"], before, "nothing discarded");

  await page.keyboard.press("Enter");
  await quiz(page).getByRole("button", { name: "Yes, start again" }).click();
  assert.match(await quiz(page).locator(".sw-caption").textContent(), /^Question 1 of 5\b/);
  const fresh = JSON.parse((await readStorageWhen(page, "supervision-widget:quiz", '"checked":[]'))["supervision-widget:quiz"]);
  assert.deepEqual([fresh.data.current, fresh.data.checked, fresh.data.answers], [0, [], {}]);
  await session.check(allowed("/en"));
});

test("try again reshuffles the questions", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await page.goto(server.origin + "/en");
  await waitForReady(page);
  const order = async () => {
    const attempt = JSON.parse((await readStorage(page))["supervision-widget:quiz"]).data;
    return attempt.items.map((item) => `${item.id}:${item.order.join(",")}`);
  };
  await quiz(page).getByRole("button", { name: "Start the quiz" }).click();
  await quiz(page).locator(".sw-quiz__heading").focus();
  const first = await order();
  await completeByKeyboard(page, (en) => en, 5);
  await quiz(page).getByRole("button", { name: "Try again" }).click();
  assert.match(await quiz(page).locator(".sw-caption").textContent(), /Question 1 of 5/);
  assert.equal(await quiz(page).locator(".sw-quiz input:checked").count(), 0, "a fresh attempt");
  const second = await order();
  assert.equal(second.length, 5);
  assert.notDeepEqual(second, first, "a new draw and order of questions and options");
  await session.check(allowed("/en"));
});

test("a host-supplied question set replaces the bank, and its markup shows as text", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await page.goto(server.origin + "/host-set");
  await waitForReady(page);
  await quiz(page).getByText("2 questions, about 2 minutes.").waitFor();
  await quiz(page).getByRole("button", { name: "Start the quiz" }).click();
  await quiz(page).getByText("How often is supervision on Ward 7? <img src=x onerror=alert(1)>").waitFor();
  assert.equal(await quiz(page).locator("img").count(), 0, "no element made from the text");
  await quiz(page).getByLabel("Monthly").check();
  await quiz(page).getByRole("button", { name: "Check answer" }).click();
  await quiz(page).getByText("Source: [1] Ward 7 supervision policy").waitFor();
  await session.check(allowed("/host-set"));
});

test("with only an English host set, Welsh readers see the English questions, marked as English", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await page.goto(server.origin + "/host-set");
  await waitForReady(page);
  await quiz(page).getByRole("button", { name: "Cymraeg" }).click();
  await quiz(page).getByRole("button", { name: "Dechrau'r cwis" }).click();
  const question = quiz(page).locator(".sw-quiz__heading");
  assert.equal(await question.textContent(), "Cwestiwn 1 o 2 – How often is supervision on Ward 7? <img src=x onerror=alert(1)>");
  // Only the set's own words are marked English; the caption and the buttons stay Welsh.
  assert.equal(await question.locator("span[lang=en]").textContent(), "How often is supervision on Ward 7? <img src=x onerror=alert(1)>");
  assert.equal(await question.evaluate((el) => el.closest("[lang]").lang), "cy");
  assert.equal(await quiz(page).locator("label", { hasText: "Monthly" }).locator("span[lang=en]").count(), 1);
  const check = quiz(page).getByRole("button", { name: "Gwirio'r ateb" });
  assert.equal(await check.evaluate((el) => el.closest("[lang]").lang), "cy");
  await session.check(allowed("/host-set"));
});

test("an English title inside Welsh quiz text is marked as English, wherever it stands", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await page.goto(server.origin + "/welsh-set");
  await waitForReady(page);
  await quiz(page).getByRole("button", { name: "Dechrau'r cwis" }).click();
  const english = async (locator) => locator.locator("span[lang=en]").allTextContents();
  assert.deepEqual(await english(quiz(page).locator(".sw-quiz__heading")), ["Crossing the Quality Chasm"]);
  assert.deepEqual(await english(quiz(page).locator("label").first()), ["Crossing the Quality Chasm"]);
  assert.deepEqual(await english(quiz(page).locator("label").nth(1)), [], "a Welsh option is not marked");
  await quiz(page).getByLabel("Crossing the Quality Chasm").check();
  await quiz(page).getByRole("button", { name: "Gwirio'r ateb" }).click();
  const explanation = quiz(page).locator(".sw-feedback > p").first();
  assert.equal(await explanation.textContent(), "Yn Crossing the Quality Chasm y mae'r chwe pharth.");
  assert.deepEqual(await english(explanation), ["Crossing the Quality Chasm"]);
  await session.check(allowed("/welsh-set"));
});

test("an invalid host-supplied set is reported to the page author, not played", async () => {
  const session = await openSession(browser, { allowedConsoleError: /question set cannot be used/ });
  const { page } = session;
  await page.goto(server.origin + "/broken-set");
  await waitForReady(page);
  const report = quiz(page).getByRole("alert");
  await report.getByText("This quiz's questions cannot be used").waitFor();
  const items = await report.locator("li").allTextContents();
  assert.ok(items.some((p) => p.includes('answer "sometimes" is not one of its options')), items.join("\n"));
  assert.ok(items.some((p) => p.includes("source 7 is not one of the set's references")), items.join("\n"));
  assert.equal(await quiz(page).getByRole("button", { name: "Start the quiz" }).count(), 0);
  await session.check(allowed("/broken-set"));
});

for (const [name, stored] of [["unreadable", "{not json"]]) {
  test(`stored quiz state that is ${name} is kept aside and the quiz starts fresh`, async () => {
    const session = await openSession(browser);
    const { page } = session;
    await seedStorage(page, server.origin, { "supervision-widget:quiz": stored });
    await page.goto(server.origin + "/en");
    await waitForReady(page);
    await quiz(page).getByText("could not be read").waitFor();
    await quiz(page).getByRole("button", { name: "Start the quiz" }).click();
    await quiz(page).locator(".sw-quiz input").first().check();
    await quiz(page).getByRole("button", { name: "Check answer" }).click();
    assert.equal((await readStorage(page))["supervision-widget:quiz"], stored, "never overwritten");
    await session.check(allowed("/en"));
  });
}

test("switching language mid-question keeps the place and the answer", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await page.goto(server.origin + "/fixed");
  await waitForReady(page);
  await quiz(page).getByRole("button", { name: "Start the quiz" }).click();
  await quiz(page).locator(".sw-quiz input").first().check();
  await quiz(page).getByRole("button", { name: "Cymraeg" }).click();
  assert.match(await quiz(page).locator(".sw-caption").textContent(), /Cwestiwn 1 o 5/);
  assert.equal(await quiz(page).locator(".sw-quiz input:checked").count(), 1);
  await quiz(page).getByRole("button", { name: "Gwirio'r ateb" }).click();
  // The explanation, in Welsh, with its sources.
  await quiz(page).locator(".sw-feedback__source").getByText(/^(Ffynhonnell|Ffynonellau):/).waitFor();
  await session.check(allowed("/fixed"));
});

/** Sets attributes on the element, as a page script or the SharePoint property pane does. */
const setAttributes = (page, attributes) =>
  quiz(page).evaluate((el, values) => {
    for (const [name, value] of Object.entries(values)) el.setAttribute(name, value);
  }, attributes);

test("changing questions after start takes effect without a reload", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await page.goto(server.origin + "/en");
  await waitForReady(page);
  await quiz(page).getByText("5 questions, about 4 minutes.").waitFor();
  await setAttributes(page, { questions: "8" });
  await quiz(page).getByText("8 questions, about 6 minutes.").waitFor();
  await quiz(page).getByRole("button", { name: "Start the quiz" }).click();
  assert.match(await quiz(page).locator(".sw-caption").textContent(), /^Question 1 of 8\b/);
  await session.check(allowed("/en"));
});

test("changing pass-mark after start takes effect without a reload", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await page.goto(server.origin + "/en");
  await waitForReady(page);
  await quiz(page).getByText("This is a self-check: there is no pass mark.").waitFor();
  await setAttributes(page, { "pass-mark": "80" });
  await quiz(page).getByText("The pass mark is 80%.").waitFor();
  await setAttributes(page, { "pass-mark": "60" });
  await quiz(page).getByText("The pass mark is 60%.").waitFor();
  await session.check(allowed("/en"));
});

test("changing shuffle after start takes effect without a reload", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await page.goto(server.origin + "/full");
  await waitForReady(page);
  // Shuffled, the first of 21 questions and its options are in authored order only by chance;
  // with shuffle="false", always.
  await setAttributes(page, { shuffle: "false" });
  await quiz(page).getByRole("button", { name: "Start the quiz" }).click();
  const first = BUILT_IN_EN.questions[0];
  assert.equal(await quiz(page).locator(".sw-quiz__heading").textContent(), `Question 1 of 21 – ${first.prompt}`);
  const labels = (await quiz(page).locator(".sw-quiz label").allTextContents()).map((l) => l.trim());
  assert.deepEqual(labels, first.options.map((o) => o.text));
  await session.check(allowed("/full"));
});

test("a mode change after other changes shows them all; an attempt under way keeps its settings and says so", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await page.goto(server.origin + "/en");
  await waitForReady(page);
  await quiz(page).getByRole("button", { name: "Start the quiz" }).click();
  assert.match(await quiz(page).locator(".sw-caption").textContent(), /^Question 1 of 5\b/);

  await setAttributes(page, { questions: "8", "pass-mark": "80" });
  await quiz(page).getByText("The settings of this quiz have changed since you started.").waitFor();
  assert.match(await quiz(page).locator(".sw-caption").textContent(), /^Question 1 of 5\b/, "the attempt keeps its 5 questions");

  await setAttributes(page, { mode: "all" });
  await quiz(page).getByRole("navigation").waitFor();
  await quiz(page).getByRole("button", { name: "Supervision feedback" }).click();
  await quiz(page).getByRole("button", { name: "Self-check quiz" }).click();
  await quiz(page).getByText("8 questions, about 6 minutes.").waitFor();
  await quiz(page).getByText("The pass mark is 80%.").waitFor();
  await quiz(page).getByText("You have a quiz in progress: question 1 of 5.").waitFor();
  await quiz(page).getByText("The settings of this quiz have changed since you started.").waitFor();
  // Starting again uses the new settings, and the note goes; with nothing answered, it does not ask.
  await quiz(page).getByRole("button", { name: "Start again" }).click();
  assert.match(await quiz(page).locator(".sw-caption").textContent(), /^Question 1 of 8\b/);
  assert.equal(await quiz(page).getByText("The settings of this quiz have changed").count(), 0);
  await session.check(allowed("/en"));
});

test("a wrong pick on a one-answer question shows the right one as 'Right answer'", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await page.goto(server.origin + "/fixed");
  await waitForReady(page);
  await quiz(page).getByRole("button", { name: "Start the quiz" }).click();
  // Unshuffled, the first question has one answer, its first option.
  await quiz(page).locator(".sw-quiz input").nth(1).check();
  await quiz(page).getByRole("button", { name: "Check answer" }).click();
  const items = quiz(page).locator(".sw-radios__item");
  assert.equal(await items.nth(0).locator(".sw-tag").textContent(), "Right answer");
  assert.equal(await items.nth(1).locator(".sw-tag").textContent(), "Your answer: not correct");
  assert.equal(await quiz(page).getByText("A correct answer you did not choose").count(), 0);
  await session.check(allowed("/fixed"));
});

test("on a phone, after Check answer the explanation and Next are both in view", async () => {
  const session = await openSession(browser, { viewport: { width: 375, height: 700 } });
  const { page } = session;
  await page.goto(server.origin + "/fixed");
  await waitForReady(page);
  await quiz(page).getByRole("button", { name: "Start the quiz" }).click();
  await quiz(page).locator(".sw-quiz input").first().check();
  await quiz(page).getByRole("button", { name: "Check answer" }).click();
  await quiz(page).locator(".sw-feedback").waitFor();
  assert.equal(await focusedText(page), "Next question");
  const inView = await quiz(page).evaluate((host) => {
    const root = host.shadowRoot;
    const next = [...root.querySelectorAll("button")].find((b) => b.textContent.trim() === "Next question").getBoundingClientRect();
    const feedback = root.querySelector(".sw-feedback").getBoundingClientRect();
    const fits = (r) => r.top >= 0 && r.bottom <= innerHeight + 1;
    return { next: fits(next), explanation: fits(feedback) };
  });
  assert.deepEqual(inView, { next: true, explanation: true });
  await session.check(allowed("/fixed"));
});

test("an explanation shows each of its sources: a numbered reference, the page's own words, and labelled further reading", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await page.goto(server.origin + "/sources");
  await waitForReady(page);
  await quiz(page).getByRole("button", { name: "Start the quiz" }).click();
  await quiz(page).getByLabel("True").check();
  await quiz(page).getByRole("button", { name: "Check answer" }).click();
  const items = await quiz(page).locator(".sw-feedback__source li").allTextContents();
  assert.deepEqual(items, [
    "[1] Ward 7 supervision policy, 2026",
    "Ward 7 supervision page: the hub page's own words",
    "Further reading, not cited by the hub: Duty of Quality statutory guidance (Welsh Government, 2023)",
  ]);
  assert.match(await quiz(page).locator(".sw-feedback__source").textContent(), /^Sources:/);
  await session.check(allowed("/sources"));
});

test("a learning record, by keyboard alone: from the results, notes kept with the attempt after a reload, and from the history", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await page.goto(server.origin + "/two");
  await waitForReady(page);
  await quiz(page).getByRole("button", { name: "Start the quiz" }).click();
  const prompts = await completeByKeyboard(page, (en) => en, 2);
  await quiz(page).getByRole("heading", { name: "Your results" }).waitFor();
  await quiz(page).getByRole("button", { name: "Print or save as PDF a learning record" }).focus();
  await page.keyboard.press("Enter");
  assert.equal(await focusedText(page), "Learning record: self-check quiz");
  await quiz(page).getByText("Taken with a pass mark of 50%.").waitFor();
  // Every question asked, with its answer, the right one and its sources.
  const items = quiz(page).locator(".sw-review__item");
  assert.equal(await items.count(), 2);
  for (const [i, prompt] of prompts.entries()) {
    assert.ok(prompt.endsWith(await items.nth(i).locator(".sw-review__prompt").textContent()), prompt);
    await items.nth(i).locator(".sw-feedback__source").waitFor();
  }
  await quiz(page).getByLabel("What I learned").focus();
  await page.keyboard.type("Coaching is compared with supervision.");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.querySelector("supervision-widget").shadowRoot.activeElement.id), "sw-quiz-differently");
  await page.keyboard.type("Read the hub page first.");
  // Saved after a pause in typing.
  const history = "supervision-widget:quiz-history";
  const stored = JSON.parse((await readStorageWhen(page, history, "Read the hub page first."))[history]);
  assert.equal(stored.version, 2);
  assert.deepEqual(stored.data[0].notes, { learned: "Coaching is compared with supervision.", differently: "Read the hub page first." });
  assert.equal(stored.data[0].asked.length, 2);
  await quiz(page).getByRole("status").filter({ hasText: "Your notes are saved on this computer." }).waitFor();
  await page.reload();
  await waitForReady(page);
  await quiz(page).getByRole("button", { name: /^Learning record / }).first().click();
  assert.equal(await quiz(page).getByLabel("What I learned").inputValue(), "Coaching is compared with supervision.");
  assert.equal(await quiz(page).getByLabel("What I will do differently").inputValue(), "Read the hub page first.");
  await session.check(allowed("/two"));
});

test("a browser holding version 1 quiz results keeps them, and their learning record says the questions were not kept", async () => {
  const v1 = fs.readFileSync(path.join(ROOT, "tests/fixtures/v1/quiz-history.json"), "utf8");
  const session = await openSession(browser);
  const { page } = session;
  await seedStorage(page, server.origin, { "supervision-widget:quiz-history": v1 });
  await page.goto(server.origin + "/en");
  await waitForReady(page);
  await quiz(page).getByRole("button", { name: /^Learning record / }).click();
  await quiz(page).getByText("The questions of this attempt were not kept").waitFor();
  await quiz(page).getByText("You scored 12.5 out of 16 (78%).").waitFor();
  await quiz(page).getByLabel("What I learned").fill("Noted after the upgrade");
  const history = "supervision-widget:quiz-history";
  const stored = JSON.parse((await readStorageWhen(page, history, "Noted after the upgrade"))[history]);
  assert.equal(stored.version, 2);
  const { asked, bank, pass_mark, notes, ...scores } = stored.data[0];
  assert.deepEqual(scores, JSON.parse(v1).data[0], "the scores are kept as they were");
  assert.equal(notes.learned, "Noted after the upgrade");
  await session.check(allowed("/en"));
});
