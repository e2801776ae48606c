// Private on a shared computer (issue 15, so far: keep for a limited time). The choice in Your
// data is saved, and reopening the page after the limit deletes what is older, saying how many.

import assert from "node:assert/strict";
import { after, before, test,
  BUNDLE_NAME, envelope, hostPage, launch, openSession, openYourData, readStorage, seedStorage, serve, storedSession,
  waitForReady,
} from "./helpers.mjs";

let browser;
let server;

before(async () => {
  browser = await launch();
  server = await serve({ "/": hostPage(`<supervision-widget></supervision-widget>`) });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const allowed = () => [server.origin + "/", `${server.origin}/${BUNDLE_NAME}`, `${server.origin}/blank`];
const widget = (page) => page.locator("supervision-widget");
const daysAgo = (days) => new Date(Date.now() - days * 86_400_000).toISOString();

test("keeping for 7 days is saved, and the next start deletes what is older and says how many", async () => {
  const old = { ...storedSession("old", "2026-01-05", [3, 3, 3, 3, 3, 3], { comment: "A private worry from January" }), saved_at: daysAgo(8) };
  const recent = { ...storedSession("recent", "2026-11-20", [4, 4, 4, 4, 4, 4]), saved_at: daysAgo(2) };
  const result = (finished_at) => ({ finished_at, score: 3, possible: 5, by_topic: [] });
  const session = await openSession(browser);
  const { page } = session;
  await seedStorage(page, server.origin, {
    "supervision-widget:feedback-sessions": envelope([old, recent]),
    "supervision-widget:quiz-history": envelope([result(daysAgo(40)), result(daysAgo(1))]),
  });
  await page.goto(server.origin + "/");
  await waitForReady(page);
  // Nothing is deleted until a time limit is chosen.
  assert.match((await readStorage(page))["supervision-widget:feedback-sessions"], /A private worry/);
  await openYourData(widget(page));
  assert.equal(await widget(page).getByLabel("Keep everything until I clear it").isChecked(), true);
  await widget(page).getByLabel("Keep for 7 days").check();
  await widget(page).getByText("Saved. From the next time this tool starts, records older than 7 days are deleted.").waitFor();
  assert.deepEqual(JSON.parse((await readStorage(page))["supervision-widget:privacy"]).data, { keep: "7d" });

  await page.reload();
  await waitForReady(page);
  await widget(page).getByText("2 saved records were older than 7 days, so they have been deleted from this computer, as this tool is set to do.").waitFor();
  const stored = await readStorage(page);
  assert.deepEqual(JSON.parse(stored["supervision-widget:feedback-sessions"]).data.map((s) => s.id), ["recent"]);
  assert.equal(JSON.parse(stored["supervision-widget:quiz-history"]).data.length, 1);
  for (const [key, value] of Object.entries(stored)) {
    assert.doesNotMatch(value, /A private worry/, `${key} holds nothing of the deleted session`);
  }
  // The choice is remembered, and nothing more goes at the next start.
  await openYourData(widget(page));
  assert.equal(await widget(page).getByLabel("Keep for 7 days").isChecked(), true);
  await page.reload();
  await waitForReady(page);
  assert.equal(await widget(page).getByText("older than 7 days").count(), 0);
  await session.check(allowed());
});
