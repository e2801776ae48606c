// `cargo xtask bench` (feedback): with 1,000 saved sessions, each with 3 actions and the
// follow-ups of the session before, the time to render the history, the trend, "Your actions"
// and the follow-up page; the main-thread time per keystroke in a comment (with the autosave it
// triggers); and the stored bytes per session. Figures only; nothing here passes or fails.

import { envelope, hostPage, launch, serve, storedSession } from "../e2e/helpers.mjs";
import { autosaveCost, openFirstComment, perKeystroke } from "./measure.mjs";

const SESSIONS = 1000;
const KEYSTROKES = 200;

const ACTION = "I will ask for ten minutes at the start of each session to talk about risks.";
const sessions = [];
for (let i = 0; i < SESSIONS; i++) {
  const day = new Date(Date.UTC(2020, 0, 1) + i * 86400000).toISOString().slice(0, 10);
  const ratings = Array.from({ length: 6 }, (_, d) => ((i + d) % 7 === 0 ? null : ((i * (d + 1)) % 5) + 1));
  const session = storedSession(`s${i}`, day, ratings, {
    kind: ["clinical", "coaching", "managerial"][i % 3],
    comment: "A typical comment of a sentence or two about how the session went.",
  });
  session.reflection = { learned: "", changed: "", themes: [false, false, false, false], other: "" };
  // Three actions, a month to do each; the session before's three followed up: one done, one
  // partly done and carried forward, one no longer needed. The last session's three stay open.
  const by = new Date(Date.UTC(2020, 0, 31) + i * 86400000).toISOString().slice(0, 10);
  session.actions = [0, 2, 4].map((d) => ({ domain: (d + i) % 6, text: ACTION, by }));
  const previous = sessions[i - 1];
  session.follow_ups = previous
    ? previous.actions.map((action, k) => ({
        session: previous.id,
        domain: action.domain,
        outcome: ["done", "partly", "no-longer-needed"][k],
        note: "A short note on how it went.",
        carried: k === 1,
      }))
    : [];
  sessions.push(session);
}

const server = await serve({ "/": hostPage(`<supervision-widget mode="feedback"></supervision-widget>`) });
const browser = await launch();
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
try {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/blank`);
  const raw = envelope(sessions, 3);
  await page.evaluate((value) => localStorage.setItem("supervision-widget:feedback-sessions", value), raw);

  // Renders: click, then wait for the rows or charts, polling every task.
  const timeRender = (button, selector, count) =>
    page.evaluate(async ({ button, selector, count }) => {
      const root = document.querySelector("supervision-widget").shadowRoot;
      const target = [...root.querySelectorAll("button")].find((b) => b.textContent.trim() === button);
      const start = performance.now();
      target.click();
      while (root.querySelectorAll(selector).length < count) await new Promise((r) => setTimeout(r, 0));
      return performance.now() - start;
    }, { button, selector, count });

  const history = [];
  const trend = [];
  const actions = [];
  const followUp = [];
  for (let run = 0; run < 5; run++) {
    await page.goto(`${server.origin}/`);
    await page.waitForFunction(() => document.querySelector("supervision-widget")?.shadowRoot?.querySelector(".sw-form"));
    // The history shows a page of twenty, newest first.
    history.push(await timeRender("Your saved sessions", "tbody tr", Math.min(SESSIONS, 20)));
    trend.push(await timeRender("See your ratings over time", ".sw-trend__svg", 6));
    actions.push(await timeRender("Your actions", ".sw-fb-actions tbody tr", 20));
    // The follow-up page: Continue from the first page lists the three open actions.
    await page.goto(`${server.origin}/`);
    await page.waitForFunction(() => document.querySelector("supervision-widget")?.shadowRoot?.querySelector(".sw-form"));
    await page.locator("supervision-widget").getByLabel("I received supervision").check();
    await page.locator("supervision-widget").getByLabel("Clinical").check();
    followUp.push(await timeRender("Continue", ".sw-fb__follow-up", 3));
    // The next run starts with no draft: the widget is gone (its waiting save made as the page
    // was left) before the draft is removed.
    await page.goto(`${server.origin}/blank`);
    await page.evaluate(() => localStorage.removeItem("supervision-widget:feedback-draft"));
  }

  // Keystrokes: each an input event on the comment, then a task for Yew to render it.
  await page.goto(`${server.origin}/`);
  await page.waitForFunction(() => document.querySelector("supervision-widget")?.shadowRoot?.querySelector(".sw-form"));
  const root = page.locator("supervision-widget");
  await root.getByLabel("I received supervision").check();
  await root.getByLabel("Clinical").check();
  await root.getByRole("button", { name: "Continue" }).click();
  // Past the follow-up page, to the first domain's comment (folded on the page of all six).
  await root.getByRole("button", { name: "Continue" }).click();
  await openFirstComment(root);
  const perKey = await perKeystroke(page, "#sw-fb-comment-0", KEYSTROKES);
  // The autosave after the pause: the whole timer task, and the write it makes inside the Web Lock
  // (serialising the draft, the revision check and setItem).
  const before = await page.evaluate(() => localStorage.getItem("supervision-widget:feedback-draft"));
  const saved = await autosaveCost(page, "#sw-fb-comment-0");
  const autosave = { spent: saved.spent, changed: saved.draft !== before };

  console.log(`\nFeedback with ${SESSIONS} saved sessions, 3 actions each (headless Chromium, median of 5)`);
  console.log(`  history render: ${median(history).toFixed(1)} ms (runs: ${history.map((t) => t.toFixed(0)).join(", ")})`);
  console.log(`  trend render:   ${median(trend).toFixed(1)} ms (runs: ${trend.map((t) => t.toFixed(0)).join(", ")})`);
  console.log(`  Your actions render: ${median(actions).toFixed(1)} ms (runs: ${actions.map((t) => t.toFixed(0)).join(", ")})`);
  console.log(`  follow-up page render: ${median(followUp).toFixed(1)} ms (runs: ${followUp.map((t) => t.toFixed(0)).join(", ")})`);
  console.log(`  per keystroke in a comment: ${perKey.toFixed(2)} ms (mean of ${KEYSTROKES}, Yew render included)`);
  console.log(`  autosave after the pause: ${autosave.spent.toFixed(2)} ms for the timer task and the locked write (draft written: ${autosave.changed})`);
  console.log(`  stored bytes per session: ${(raw.length / SESSIONS).toFixed(0)} (UTF-16 code units of the JSON)`);
} finally {
  await browser.close();
  await server.close();
}
