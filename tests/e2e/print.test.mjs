// The widget's own print prints its record alone: from a host page with a header, navigation,
// an article and a footer, Chromium's PDF of the page (read back with poppler's pdftotext)
// holds the record and none of the host's text, in English and Welsh; after the print the host
// page is as it was.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test, BUNDLE_NAME, ROOT, envelope, hostPage, launch, openSession, seedStorage, serve, storedSession, waitForReady } from "./helpers.mjs";

const PDFTOTEXT = process.env.PDFTOTEXT || "/usr/bin/pdftotext";
const folder = fs.mkdtempSync(path.join(os.tmpdir(), "widget-print-"));
const HOST_TEXT = ["Ward Intranet header", "Intranet navigation: Home, Policies", "Article text above the widget", "Intranet footer, 2026"];

let browser;
let server;

before(async () => {
  browser = await launch();
  const page = (lang) =>
    hostPage(
      `<header><p>${HOST_TEXT[0]}</p><nav>${HOST_TEXT[1]}</nav></header>
       <article><h1>Supervision</h1><p>${HOST_TEXT[2]}</p>
         <supervision-widget mode="feedback" lang="${lang}"></supervision-widget></article>
       <footer>${HOST_TEXT[3]}</footer>`,
      { lang }
    );
  const quizPage = (lang) =>
    hostPage(`<header><p>${HOST_TEXT[0]}</p><nav>${HOST_TEXT[1]}</nav></header><article><p>${HOST_TEXT[2]}</p>
      <supervision-widget mode="quiz" lang="${lang}"></supervision-widget></article><footer>${HOST_TEXT[3]}</footer>`, { lang });
  server = await serve({ "/en": page("en"), "/cy": page("cy"), "/quiz-en": quizPage("en"), "/quiz-cy": quizPage("cy") });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** An init script: the print dialogue is a no-op that counts, so the page stays as the widget left it for printing. */
function countPrints() {
  window.print = () => {
    window.__prints = (window.__prints || 0) + 1;
  };
}

/** The PDF Chromium makes of the page now, as text, one string per page. */
async function pdfPages(page, name) {
  const file = path.join(folder, `${name}.pdf`);
  await page.pdf({ path: file, format: "A4" });
  return execFileSync(PDFTOTEXT, ["-layout", file, "-"], { encoding: "utf8" }).split("\f").filter((p) => p.trim());
}

const WORDS = {
  en: { open: "Open 1 October 2026", print: "Print or save as PDF", heading: "Your feedback on the session of 1 October 2026", printed: /Printed on \d{1,2} \w+ \d{4}/, from: "From http", reminder: "Keep this record free of names", form: ["Their shared file", "Download this session to share", "Copy summary"] },
  cy: { open: "Agor 1 Hydref 2026", print: "Argraffu neu gadw fel PDF", heading: "Eich adborth ar sesiwn 1 Hydref 2026", printed: /Argraffwyd ar \d{1,2} \S+ \d{4}/, from: "O http", reminder: "Cadwch y cofnod hwn heb enwau", form: ["Eu ffeil a rannwyd", "Llwytho'r sesiwn hon i lawr i'w rhannu", "Copïo'r crynodeb"] },
};

for (const lang of ["en", "cy"]) {
  test(`the widget's Print prints the session's record alone, from the top of the first page (${lang})`, async () => {
    const w = WORDS[lang];
    const session = await openSession(browser, { init: countPrints });
    const { page } = session;
    await seedStorage(page, server.origin, {
      "supervision-widget:feedback-sessions": envelope([storedSession("b", "2026-10-01", [4, null, 4, 2, 5, 4])]),
    });
    await page.goto(`${server.origin}/${lang}`);
    await waitForReady(page);
    const widget = page.locator("supervision-widget");
    await widget.getByRole("button", { name: lang === "en" ? "Your saved sessions" : "Eich sesiynau a gadwyd" }).click();
    await widget.getByRole("button", { name: w.open }).click();
    for (const words of w.form) await widget.getByText(words, { exact: false }).first().waitFor();
    const sheetsBefore = await page.evaluate(() => document.adoptedStyleSheets.length);

    await widget.getByRole("button", { name: w.print }).click();
    assert.equal(await page.evaluate(() => window.__prints), 1, "the print dialogue was asked for");
    const pages = await pdfPages(page, `record-${lang}`);
    const all = pages.join("\n");
    for (const text of HOST_TEXT) assert.ok(!all.includes(text), `the host's "${text}" is not printed`);
    const firstLine = pages[0].split("\n").map((l) => l.trim()).find(Boolean);
    assert.equal(firstLine, lang === "en" ? "Supervision Hub" : "Hwb Goruchwylio", "the record starts at the top of the first page");
    assert.match(all, w.printed);
    assert.ok(all.includes(w.from), "the page's own http(s) address");
    assert.ok(all.includes(w.reminder), "the no-identifiable-information reminder");
    assert.ok(all.includes(w.heading));
    for (const words of w.form) assert.ok(!all.includes(words), `nothing interactive prints: "${words}"`);

    // After the print, the host page is as it was: its own print shows everything again.
    await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
    assert.equal(await widget.getAttribute("data-sw-printing"), null);
    assert.equal(await page.evaluate(() => document.adoptedStyleSheets.length), sheetsBefore);
    const hostPrint = (await pdfPages(page, `host-${lang}`)).join("\n");
    for (const text of HOST_TEXT) assert.ok(hostPrint.includes(text), `the host's own print keeps "${text}"`);
    assert.ok(!hostPrint.includes(w.reminder), "the record's header is only for the widget's own print");
    await session.check([`${server.origin}/${lang}`, `${server.origin}/${BUNDLE_NAME}`, `${server.origin}/blank`]);
  });
}

for (const lang of ["en", "cy"]) {
  test(`a reflective account prints alone, with what was typed in full (${lang})`, async () => {
    const t = (en, cy) => (lang === "en" ? en : cy);
    const session = await openSession(browser, { init: countPrints });
    const { page } = session;
    const long = "A long reflection. ".repeat(60).trim();
    await seedStorage(page, server.origin, {
      "supervision-widget:feedback-sessions": JSON.stringify({ version: 2, rev: 1, saved_at: "2026-11-01T00:00:00.000Z", data: [{
        ...storedSession("b", "2026-10-01", [4, null, 4, 2, 5, 4]),
        reflection: { learned: long, changed: "I bring a list of cases.", themes: [true, false, true, false], other: "HCPC standard 4" } }] }),
    });
    await page.goto(`${server.origin}/${lang}`);
    await waitForReady(page);
    const widget = page.locator("supervision-widget");
    await widget.getByRole("button", { name: t("Your saved sessions", "Eich sesiynau a gadwyd") }).click();
    await widget.getByRole("button", { name: t("Open 1 October 2026", "Agor 1 Hydref 2026") }).click();
    await widget.getByRole("button", { name: t("Write a reflective account for revalidation", "Ysgrifennu cyfrif myfyriol ar gyfer ailddilysu") }).click();
    await widget.getByRole("button", { name: t("Print or save as PDF", "Argraffu neu gadw fel PDF") }).click();
    const all = (await pdfPages(page, `account-${lang}`)).join("\n").replace(/\s+/g, " ");
    for (const text of HOST_TEXT) assert.ok(!all.includes(text), `the host's "${text}" is not printed`);
    for (const heading of t(
      ["What was the nature of the supervision and the feedback?", "What did you learn?", "How did you change or improve your practice as a result?", "How is this relevant to your professional standards?"],
      ["Beth oedd natur y goruchwylio a'r adborth?", "Beth wnaethoch chi ei ddysgu?", "Sut wnaethoch chi newid neu wella eich ymarfer o ganlyniad?", "Sut mae hyn yn berthnasol i'ch safonau proffesiynol?"]
    )) {
      assert.ok(all.includes(heading), `"${heading}" is printed`);
    }
    assert.ok(all.includes(long), "the whole of a long answer prints, not a text box's worth");
    assert.ok(all.includes("HCPC standard 4"));
    assert.ok(all.includes(t("Keep this record free of names", "Cadwch y cofnod hwn heb enwau")));
    assert.ok(!all.includes(t("Back to the session", "Yn ôl i'r sesiwn")), "no buttons");
    await session.check([`${server.origin}/${lang}`, `${server.origin}/${BUNDLE_NAME}`, `${server.origin}/blank`]);
  });
}

for (const lang of ["en", "cy"]) {
  test(`a quiz learning record prints alone: every question, the notes in full (${lang})`, async () => {
    const t = (en, cy) => (lang === "en" ? en : cy);
    const session = await openSession(browser, { init: countPrints });
    const { page } = session;
    const history = JSON.parse(fs.readFileSync(path.join(ROOT, "tests/fixtures/v2/quiz-history.json"), "utf8"));
    const long = "I learned a lot. ".repeat(70).trim();
    history.data[0].notes.learned = long;
    await seedStorage(page, server.origin, { "supervision-widget:quiz-history": JSON.stringify(history) });
    await page.goto(`${server.origin}/quiz-${lang}`);
    await waitForReady(page);
    const widget = page.locator("supervision-widget");
    await widget.getByRole("button", { name: new RegExp(`^${t("Learning record", "Cofnod dysgu")} `) }).click();
    // The one-page summary: the score, the topics and the notes, without the questions.
    await widget.getByRole("button", { name: t("Print or save a one-page summary", "Argraffu neu gadw crynodeb un dudalen") }).click();
    const summary = await pdfPages(page, `learning-summary-${lang}`);
    assert.equal(summary.length, 1, "one page");
    const summaryText = summary.join("\n").replace(/\s+/g, " ");
    assert.ok(summaryText.includes(t("Learning record: self-check quiz", "Cofnod dysgu: cwis hunanwirio")));
    assert.ok(summaryText.includes("Read the hub page first."), "the notes");
    assert.ok(!summaryText.includes(t("Compared with supervision, coaching tends to be:", "O'i gymharu â goruchwylio, mae hyfforddi yn tueddu i fod:")), "no questions");
    assert.ok(!summaryText.includes(t("Saved on this computer already", "Wedi'u cadw ar y cyfrifiadur hwn yn barod")), "nor the notice about this computer");
    await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
    await widget.getByRole("button", { name: t("Print or save the full record", "Argraffu neu gadw'r cofnod llawn") }).click();
    const all = (await pdfPages(page, `learning-${lang}`)).join("\n").replace(/\s+/g, " ");
    for (const text of HOST_TEXT) assert.ok(!all.includes(text), `the host's "${text}" is not printed`);
    assert.ok(all.includes(t("Learning record: self-check quiz", "Cofnod dysgu: cwis hunanwirio")));
    assert.ok(all.includes(t("Taken with a pass mark of 80%.", "Wedi'i wneud gyda marc llwyddo o 80%.")));
    assert.ok(all.includes(t("Compared with supervision, coaching tends to be:", "O'i gymharu â goruchwylio, mae hyfforddi yn tueddu i fod:")), "the questions");
    assert.ok(all.includes(t("Your answer", "Eich ateb")) && all.includes("[1] Supervision: Guidance for occupational therapists"), "answers and sources");
    assert.ok(all.includes(long), "the whole of a long note prints");
    assert.ok(all.includes("Read the hub page first."));
    assert.ok(!all.includes(t("Back to the start of the quiz", "Yn ôl i ddechrau'r cwis")), "no buttons");
    await session.check([`${server.origin}/quiz-${lang}`, `${server.origin}/${BUNDLE_NAME}`, `${server.origin}/blank`]);
  });
}

/** `days` before today, as a session date. */
const daysAgo = (days) => new Date(Date.now() - days * 86400000).toISOString().slice(0, 10);

for (const lang of ["en", "cy"]) {
  test(`the revalidation record on feedback received prints alone, on one or two pages (${lang})`, async () => {
    const t = (en, cy) => (lang === "en" ? en : cy);
    const session = await openSession(browser, { init: countPrints });
    const { page } = session;
    const piece = (id, days, ratings) => ({ id, received_at: `${daysAgo(days)}T10:00:00.000Z`, label: "Private label",
      piece: { date: daysAgo(days), kind: "clinical", ratings, comments: ["A comment the record leaves out", "", "", "", "", ""], actions: [] } });
    await seedStorage(page, server.origin, {
      "supervision-widget:feedback-received": envelope([piece("a", 10, [4, 3, null, 5, 4, 2]), piece("b", 100, [5, 4, 3, 5, 4, 3]), piece("c", 200, [2, 4, 3, null, 5, 4])]),
      "supervision-widget:feedback-received-plan": envelope({
        changes: [{ domain: 1, text: "Start and end on time", outcome: "done", note: "Agreed at the start" }],
        reflection: { learned: "Supervisees want protected time.", changed: "I book a quiet room.", themes: [true, false, false, true], other: "" },
      }),
      "supervision-widget:feedback-sessions": envelope([storedSession("g", daysAgo(20), [3, 3, 3, 3, 3, 3], { role: "gave" })], 3),
    });
    await page.goto(`${server.origin}/${lang}`);
    await waitForReady(page);
    const widget = page.locator("supervision-widget");
    await widget.getByRole("button", { name: t("Feedback on my supervision", "Adborth ar fy ngoruchwyliaeth") }).click();
    await widget.getByRole("button", { name: t("Show the revalidation record", "Dangos y cofnod ailddilysu") }).click();
    const heading = widget.getByRole("heading", { name: t("Revalidation record: feedback on my supervision", "Cofnod ailddilysu: adborth ar fy ngoruchwyliaeth") });
    await heading.waitFor();
    assert.equal(await heading.evaluate((el) => el.getRootNode().activeElement === el), true, "focus on the record's heading");
    await widget.getByRole("button", { name: t("Print or save as PDF", "Argraffu neu gadw fel PDF") }).click();
    assert.equal(await page.evaluate(() => window.__prints), 1);
    const pages = await pdfPages(page, `revalidation-${lang}`);
    const all = pages.join("\n");
    assert.ok(pages.length <= 2, `one page or two, not ${pages.length}`);
    for (const text of HOST_TEXT) assert.ok(!all.includes(text), `the host's "${text}" is not printed`);
    const expected = [
      t("Revalidation record: feedback on my supervision", "Cofnod ailddilysu: adborth ar fy ngoruchwyliaeth"),
      t("The last 12 months: 3 pieces of feedback received.", "Y 12 mis diwethaf: 3 darn o adborth a dderbyniwyd."),
      t("your own ratings of the 1 session you gave", "eich sgoriau eich hun ar gyfer y 1 sesiwn a roesoch"),
      t("Start and end on time (Done). Agreed at the start", "Start and end on time (Wedi'i wneud). Agreed at the start"),
      "Supervisees want protected time.",
      "I book a quiet room.",
    ];
    const flat = all.replace(/\s+/g, " ");
    for (const text of expected) assert.ok(flat.includes(text), `the record says "${text}"`);
    for (const text of ["A comment the record leaves out", "Private label", t("Back to feedback on my supervision", "Yn ôl i adborth ar fy ngoruchwyliaeth")]) {
      assert.ok(!flat.includes(text), `not in the record: "${text}"`);
    }
    // Back returns to the screen, with focus on the button that showed the record.
    await widget.getByRole("button", { name: t("Back to feedback on my supervision", "Yn ôl i adborth ar fy ngoruchwyliaeth") }).click();
    const opener = widget.getByRole("button", { name: t("Show the revalidation record", "Dangos y cofnod ailddilysu") });
    await opener.waitFor();
    assert.equal(await opener.evaluate((el) => el.getRootNode().activeElement === el), true);
    await session.check([`${server.origin}/${lang}`, `${server.origin}/${BUNDLE_NAME}`, `${server.origin}/blank`]);
  });
}
