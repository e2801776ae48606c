// `cargo xtask bench` (task cost): what the tasks of issue 24 cost a person, walked through the
// built bundle in Chromium at 1280×800 and 375×700 by the recorder in walk.mjs. A host page
// embeds the widget with both parts, as a web editor would. Figures only; nothing here passes
// or fails (a walk that cannot finish says where it stopped, and the others still run).
//
// The tasks:
// - first time: a supervisee's first feedback: "my own computer", six ratings, one (Effective)
//   rated 2 with a comment and an action, save (also in Welsh);
// - a month later: the same person follows up that action (done), rates a new session, and looks
//   at the trend;
// - supervisor: gives feedback on the same session, then compares it with the supervisee's file;
// - keeping feedback received: a supervisor adds the file a supervisee sent and keeps it;
// - revalidation: a supervisor with five pieces plans a change, writes what they learned, and
//   prints the revalidation record;
// - quiz on a phone: all 21 questions (the first option of each group, so some wrong), then the
//   learning record's one-page summary, printed (the PDF's page count is given).
// ONLY=<part of a task's name> runs just that task, while a flow is being changed.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { ROOT, envelope, hostPage, launch, openSession, serve, storedSession, waitForReady } from "../e2e/helpers.mjs";
import { HEADER, SIZES, Walk } from "./walk.mjs";

const COMMENT = "We ran out of time to talk about the two cases I was worried about.";
const ACTION = "I will bring my two cases to the start of the next session.";
/** The words each control has, from the message catalogue, so the walks follow its wording. */
const KEYS = {
  feedbackPart: "nav.feedback", give: "fb.new_session", mine: "offer.keep", received: "fb.role.received", gave: "fb.role.gave",
  clinical: "fb.type.clinical", next: "fb.continue", save: "fb.save", saved: "fb.saved_title", trend: "fb.trend_link",
  compare: "fb.compare_button", theirFile: "fb.compare_file", start: "quiz.start", check: "quiz.check", nextQuestion: "quiz.next",
  results: "quiz.see_results", record: "quiz.record_button", print: "quiz.print_summary",
  receivedPart: "recv.link", theirMessageFile: "recv.file_label", showIt: "recv.read", keepIt: "recv.keep", keptIt: "recv.kept",
  showRecord: "recv.record_button", printRecord: "fb.print", changeFold: "recv.change_heading", accountFold: "recv.account_heading",
};
const words = (lang) => {
  const catalogue = JSON.parse(fs.readFileSync(path.join(ROOT, `content/messages/${lang}.json`), "utf8")).messages;
  return Object.fromEntries(Object.entries(KEYS).map(([name, key]) => [name, catalogue[key]]));
};

const browser = await launch();
const server = await serve({
  "/en": hostPage(`<supervision-widget></supervision-widget>`),
  "/cy": hostPage(`<supervision-widget lang="cy"></supervision-widget>`, { lang: "cy" }),
  "/quiz": hostPage(`<supervision-widget shuffle="false"></supervision-widget>`),
});
const folder = fs.mkdtempSync(path.join(os.tmpdir(), "sw-tasks-"));
const today = new Date().toISOString().slice(0, 10);
const monthAgo = new Date(Date.now() - 30 * 86400000).toISOString().slice(0, 10);

/**
 * Six ratings, a comment and an action under each rated 2 or lower, through whichever form the
 * widget shows: all six on one page, or one domain a page with the actions after them.
 */
async function rateSix(walk, w, ratings, comment, action) {
  const onePage = await w.widget.locator("#sw-fb-rating-5-1").isVisible();
  for (let i = 0; i < 6; i++) {
    await walk.rate(w.widget.locator(`#sw-fb-rating-${i}-${ratings[i]}`));
    if (comment && ratings[i] <= 2) {
      const box = w.widget.locator(`#sw-fb-comment-${i}`);
      if (!(await box.isVisible())) await walk.click(w.widget.locator(`#sw-fb-comment-${i}`).locator("xpath=ancestor::details/summary"));
      await walk.type(box, comment);
    }
    if (action && ratings[i] <= 2 && onePage) await walk.type(w.widget.locator(`#sw-fb-action-${i}`), action);
    if (!onePage) await walk.click(w.widget.getByRole("button", { name: w.t.next, exact: true }));
  }
  if (!onePage) {
    // The actions page.
    for (let i = 0; i < 6; i++) if (action && ratings[i] <= 2) await walk.type(w.widget.locator(`#sw-fb-action-${i}`), action);
  }
  await walk.click(w.widget.getByRole("button", { name: w.t.next, exact: true }));
}

/** The person's first feedback. */
async function firstTime(walk, w) {
  await walk.click(w.widget.getByRole("button", { name: w.t.feedbackPart }));
  await walk.click(w.widget.getByRole("button", { name: w.t.mine }));
  await walk.click(w.widget.getByRole("button", { name: w.t.give }));
  await walk.choose(w.widget.getByLabel(w.t.received));
  await walk.choose(w.widget.getByLabel(w.t.clinical, { exact: true }));
  await walk.click(w.widget.getByRole("button", { name: w.t.next, exact: true }));
  await rateSix(walk, w, [4, 4, 2, 4, 5, 4], COMMENT, ACTION);
  await walk.click(w.widget.getByRole("button", { name: w.t.save }));
  await w.widget.getByText(w.t.saved).first().waitFor();
}

/** A month later: the action followed up, a new session, the trend. */
async function monthLater(walk, w) {
  // The widget opens where the person was: the feedback part.
  await walk.click(w.widget.getByRole("button", { name: w.t.give }));
  await walk.choose(w.widget.getByLabel(w.t.received));
  await walk.choose(w.widget.getByLabel(w.t.clinical, { exact: true }));
  await walk.click(w.widget.getByRole("button", { name: w.t.next, exact: true }));
  await walk.choose(w.widget.locator("#sw-fb-fu-0-done"));
  await walk.click(w.widget.getByRole("button", { name: w.t.next, exact: true }));
  await rateSix(walk, w, [4, 4, 4, 4, 5, 4]);
  await walk.click(w.widget.getByRole("button", { name: w.t.save }));
  await w.widget.getByText(w.t.saved).first().waitFor();
  await walk.click(w.widget.getByRole("button", { name: w.t.trend }));
  await w.widget.locator(".sw-trend svg, #sw-fb-trend svg").first().waitFor();
}

/** A supervisor's feedback on the session, then Compare with the supervisee's file. */
async function supervisor(walk, w) {
  await walk.click(w.widget.getByRole("button", { name: w.t.feedbackPart }));
  await walk.click(w.widget.getByRole("button", { name: w.t.mine }));
  await walk.click(w.widget.getByRole("button", { name: w.t.give }));
  await walk.choose(w.widget.getByLabel(w.t.gave));
  await walk.choose(w.widget.getByLabel(w.t.clinical, { exact: true }));
  await walk.click(w.widget.getByRole("button", { name: w.t.next, exact: true }));
  await rateSix(walk, w, [4, 4, 2, 4, 4, 4], "I rushed the end: two cases were left for next time.", "I will keep the last ten minutes for cases.");
  await walk.click(w.widget.getByRole("button", { name: w.t.save }));
  await w.widget.getByText(w.t.saved).first().waitFor();
  const theirs = storedSession("theirs", today, [4, 3, 2, 4, 5, 4], { role: "received", comment: COMMENT });
  const file = path.join(folder, "shared.json");
  fs.writeFileSync(file, JSON.stringify({ format: "supervision-widget-export", version: 3, exported_at: `${today}T09:00:00Z`, data: { quiz_history: [], feedback_sessions: [theirs] } }));
  await walk.file(w.widget.getByLabel(w.t.theirFile), file);
  await walk.click(w.widget.getByRole("button", { name: w.t.compare, exact: true }));
  await w.widget.locator(".sw-compare svg").first().waitFor();
}

/** A supervisor keeps the feedback a supervisee sent them as a file. */
async function received(walk, w) {
  await walk.click(w.widget.getByRole("button", { name: w.t.receivedPart }));
  const file = path.join(folder, "for-my-supervisor.json");
  fs.writeFileSync(file, JSON.stringify({ format: "supervision-widget-feedback", version: 1, sent_at: `${today}T09:00:00Z`, role: "received",
    piece: { date: today, kind: "clinical", ratings: [4, 3, 2, 4, 5, 4], comments: ["", "", COMMENT, "", "", ""], actions: [] } }));
  await walk.file(w.widget.getByLabel(w.t.theirMessageFile), file);
  await walk.click(w.widget.getByRole("button", { name: w.t.showIt }));
  await walk.click(w.widget.getByRole("button", { name: w.t.keepIt }));
  await w.widget.getByText(w.t.keptIt, { exact: true }).waitFor();
}

/** A supervisor with a year's feedback plans one change, writes what they learned, and prints
 * the revalidation record. */
async function revalidation(walk, w) {
  await walk.click(w.widget.getByRole("button", { name: w.t.receivedPart }));
  await walk.click(w.widget.getByText(w.t.changeFold, { exact: true }));
  await walk.type(w.widget.locator("#sw-recv-change-1"), "Start and end each session on time.");
  await walk.click(w.widget.getByText(w.t.accountFold, { exact: true }));
  await walk.type(w.widget.locator("#sw-recv-account-learned"), "Supervisees want protected time for their cases.");
  await walk.click(w.widget.getByRole("button", { name: w.t.showRecord }));
  await walk.click(w.widget.getByRole("button", { name: w.t.printRecord }));
}

/** The whole quiz on a phone, then the learning record, printed. */
async function quizOnAPhone(walk, w) {
  await walk.click(w.widget.getByRole("button", { name: w.t.mine }));
  await walk.click(w.widget.getByRole("button", { name: w.t.start }));
  for (let i = 0; i < 21; i++) {
    const rows = await w.widget.locator(".sw-sort-row").count();
    if (rows) {
      for (let r = 0; r < rows; r++) await walk.choose(w.widget.locator(".sw-sort-row").nth(r).locator("input").first());
    } else {
      await walk.choose(w.widget.locator(".sw-quiz input").first());
    }
    await walk.click(w.widget.getByRole("button", { name: w.t.check }));
    await walk.click(w.widget.getByRole("button", { name: i < 20 ? w.t.nextQuestion : w.t.results }));
  }
  await walk.click(w.widget.getByRole("button", { name: w.t.record }));
  await walk.click(w.widget.getByRole("button", { name: w.t.print, exact: true }));
  const pdf = path.join(folder, "record.pdf");
  await walk.page.pdf({ path: pdf, format: "A4" });
  return `${(fs.readFileSync(pdf, "latin1").match(/\/Type\s*\/Page[^s]/g) || []).length}-page PDF`;
}

const TASKS = [
  { name: "first-time feedback", lang: "en", run: firstTime },
  { name: "first-time feedback, Welsh", lang: "cy", run: firstTime, sizes: ["desk"] },
  {
    name: "a month later: follow up, new session, trend",
    lang: "en",
    run: monthLater,
    seed: () => {
      const before = storedSession("before", monthAgo, [4, 4, 2, 4, 5, 4], { comment: COMMENT });
      before.actions = [{ domain: 2, text: ACTION, by: today }];
      before.follow_ups = [];
      return {
        "supervision-widget:feedback-sessions": envelope([before], 3),
        "supervision-widget:privacy": JSON.stringify({ version: 1, rev: 1, saved_at: `${monthAgo}T09:00:00.000Z`, data: { keep: "keep" } }),
        // Feedback was the part last used, as it is for someone who gave feedback last time.
        "supervision-widget:prefs": JSON.stringify({ version: 1, rev: 1, saved_at: `${monthAgo}T09:00:00.000Z`, data: { lang: "en", section: "feedback" } }),
      };
    },
  },
  { name: "supervisor: feedback, then Compare", lang: "en", run: supervisor },
  {
    name: "supervisor: keeps feedback a supervisee sent (issue 25)",
    lang: "en",
    run: received,
    seed: () => ({
      "supervision-widget:privacy": JSON.stringify({ version: 1, rev: 1, saved_at: `${monthAgo}T09:00:00.000Z`, data: { keep: "keep" } }),
      "supervision-widget:prefs": JSON.stringify({ version: 1, rev: 1, saved_at: `${monthAgo}T09:00:00.000Z`, data: { lang: "en", section: "feedback" } }),
    }),
  },
  {
    name: "supervisor: plans a change and prints the revalidation record (issue 25)",
    lang: "en",
    run: revalidation,
    seed: () => ({
      "supervision-widget:privacy": JSON.stringify({ version: 1, rev: 1, saved_at: `${monthAgo}T09:00:00.000Z`, data: { keep: "keep" } }),
      "supervision-widget:prefs": JSON.stringify({ version: 1, rev: 1, saved_at: `${monthAgo}T09:00:00.000Z`, data: { lang: "en", section: "feedback" } }),
      "supervision-widget:feedback-received": envelope([0, 1, 2, 3, 4].map((i) => {
        const date = new Date(Date.now() - (i * 60 + 5) * 86400000).toISOString().slice(0, 10);
        return { id: `p${i}`, received_at: `${date}T10:00:00.000Z`, label: "",
          piece: { date, kind: "clinical", ratings: [4, 3 - (i % 2), 4, 5, 4, 4], comments: ["", i % 2 ? COMMENT : "", "", "", "", ""], actions: [] } };
      })),
    }),
  },
  { name: "quiz on a phone, learning record printed", lang: "en", path: "/quiz", run: quizOnAPhone, sizes: ["phone"] },
];

const rows = [];
try {
  for (const task of TASKS.filter((task) => !process.env.ONLY || task.name.includes(process.env.ONLY))) {
    for (const size of task.sizes ?? ["desk", "phone"]) {
      const walkName = `${task.name}`;
      const { page, context, problems } = await openSession(browser, { viewport: SIZES[size].viewport, init: () => (window.print = () => {}) });
      try {
        const url = server.origin + (task.path ?? `/${task.lang}`);
        if (task.seed) {
          await page.goto(`${server.origin}/blank`);
          await page.evaluate((values) => Object.entries(values).forEach(([k, v]) => localStorage.setItem(k, v)), task.seed());
        }
        await page.goto(url);
        await waitForReady(page);
        const walk = new Walk(page, size);
        await walk.look();
        const note = await task.run(walk, { widget: walk.widget, t: words(task.lang) });
        rows.push(walk.row(note ? `${walkName} (${note})` : walkName, size));
        if (problems.length) rows.push(`| ${walkName} | ${size} | problems: ${problems.join("; ")} |||||||`);
      } catch (error) {
        rows.push(`| ${walkName} | ${size} | could not finish: ${String(error.message).split("\n").slice(0, 3).join(" ")} |||||||`);
      } finally {
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`\nTask cost (issue 24's counting):\n${HEADER}\n${rows.join("\n")}`);
