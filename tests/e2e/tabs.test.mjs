// Two tabs of one page in one browser: another tab's save refreshes this one; two unsaved
// changes never overwrite each other; the host page clearing localStorage is recovered from.

import assert from "node:assert/strict";
import fs from "node:fs";
import { after, before, test,
  BUNDLE_NAME, anotherPage, openSession, envelope, focusedText, hostPage, launch, openYourData, readStorage, seedStorage, serve, storedSession, waitForReady, writesSettled,
} from "./helpers.mjs";

let browser;
let server;

before(async () => {
  browser = await launch();
  server = await serve({ "/": hostPage(`<supervision-widget mode="feedback"></supervision-widget>`) });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const widget = (page) => page.locator("supervision-widget");

/**
 * Tab A on the widget page and tab B on `second` ("/" for the widget too, "/blank" for a plain
 * page of the same origin), after seeding storage with `seed`.
 */
async function openTwoTabs({ seed, second = "/" } = {}) {
  const session = await openSession(browser);
  if (seed) await seedStorage(session.page, server.origin, seed);
  const tabA = session.page;
  await tabA.goto(server.origin + "/");
  await waitForReady(tabA);
  const tabB = await anotherPage(session);
  await tabB.page.goto(server.origin + second);
  if (second === "/") await waitForReady(tabB.page);
  return { session, tabA, tabB };
}

test("a tab with nothing unsaved refreshes when another tab saves", async () => {
  const { session, tabA, tabB } = await openTwoTabs({
    seed: {
      "supervision-widget:feedback-sessions": envelope([storedSession("a", "2026-09-01", [3, 3, 3, 3, 3, 3])]),
    },
  });

  await widget(tabA).getByRole("button", { name: "Your saved sessions" }).click();
  await widget(tabA).getByRole("button", { name: "Delete 1 September 2026" }).click();
  await widget(tabA).getByRole("button", { name: "Yes, delete it" }).click();

  await widget(tabB.page).getByRole("button", { name: "Your saved sessions" }).click();
  await widget(tabB.page).getByText("You have not saved any feedback yet.").waitFor();
  assert.deepEqual(tabB.problems, []);
  await session.check([server.origin + "/", `${server.origin}/${BUNDLE_NAME}`, `${server.origin}/blank`]);
});

test("another tab's save reloads in place: the screen, the place and the focus stay", async () => {
  const { session, tabA, tabB } = await openTwoTabs({
    seed: {
      "supervision-widget:feedback-sessions": envelope([
        storedSession("a", "2026-09-01", [3, 3, 3, 3, 3, 3]),
        storedSession("b", "2026-10-01", [4, 4, 4, 4, 4, 4]),
      ]),
    },
  });

  await widget(tabA).getByRole("button", { name: "Your saved sessions" }).click();
  await widget(tabA).getByRole("button", { name: "Open 1 October 2026" }).focus();
  await widget(tabB.page).getByRole("button", { name: "Your saved sessions" }).click();
  await widget(tabB.page).getByRole("button", { name: "Delete 1 September 2026" }).click();
  await widget(tabB.page).getByRole("button", { name: "Yes, delete it" }).click();

  await widget(tabA).getByRole("button", { name: "Open 1 September 2026" }).waitFor({ state: "detached" });
  assert.equal(await focusedText(tabA), "Open 1 October 2026, Clinical, I received supervision", "still on the history, focus where it was");

  // Typing in one tab while the other saves something else: the typing carries on undisturbed.
  await widget(tabA).getByRole("button", { name: "Give feedback on a session" }).click();
  const label = widget(tabA).getByLabel("A short label (optional)");
  await label.click();
  await tabA.keyboard.type("half");
  await widget(tabB.page).getByRole("button", { name: "Cymraeg" }).click();
  await tabA.waitForTimeout(300);
  await tabA.keyboard.type(" way");
  assert.equal(await label.inputValue(), "half way");
  assert.equal(await tabA.evaluate(() => document.activeElement.shadowRoot.activeElement.id), "sw-fb-label");
  assert.deepEqual(tabB.problems, []);
  await session.check([server.origin + "/", `${server.origin}/${BUNDLE_NAME}`, `${server.origin}/blank`]);
});

test("a newer version saving in another tab makes this tab's part read-only, and writes nothing over it", async () => {
  const { session, tabA, tabB } = await openTwoTabs({ second: "/blank" });
  const newer = JSON.stringify({ version: 3, rev: 50, saved_at: "2030-01-01T00:00:00Z", data: { from: "a newer version" } });
  await tabB.page.evaluate((value) => localStorage.setItem("supervision-widget:feedback-draft", value), newer);

  await widget(tabA).getByText("This part cannot be changed here").waitFor();
  await widget(tabA).getByText("Some information saved earlier was made by a newer version of this tool.").waitFor();
  await widget(tabA).getByRole("button", { name: "Cymraeg" }).click();
  await widget(tabA).getByText("Ni ellir newid y rhan hon yma").waitFor();
  assert.equal((await readStorage(tabA))["supervision-widget:feedback-draft"], newer, "byte-for-byte unchanged");
  assert.deepEqual(tabB.problems, []);
  await session.check([server.origin + "/", `${server.origin}/${BUNDLE_NAME}`, `${server.origin}/blank`]);
});

test("with a change unsaved here, a newer version's save elsewhere is a clash first, then read-only", async () => {
  const { session, tabA, tabB } = await openTwoTabs({ second: "/blank" });
  await widget(tabA).getByLabel("I received supervision").check();
  const newer = JSON.stringify({ version: 3, rev: 50, saved_at: "2030-01-01T00:00:00Z", data: {} });
  await tabB.page.evaluate((value) => localStorage.setItem("supervision-widget:feedback-draft", value), newer);

  await widget(tabA).getByText("Another tab or window with this tool saved changes").waitFor();
  await widget(tabA).getByRole("button", { name: "Load the other tab's version" }).click();
  await widget(tabA).getByText("This part cannot be changed here").waitFor();
  assert.equal((await readStorage(tabA))["supervision-widget:feedback-draft"], newer, "byte-for-byte unchanged");
  assert.deepEqual(tabB.problems, []);
  await session.check([server.origin + "/", `${server.origin}/${BUNDLE_NAME}`, `${server.origin}/blank`]);
});

test("two tabs typing at once: the later save is stopped, and the person chooses", async () => {
  const { session, tabA, tabB } = await openTwoTabs();

  await widget(tabB.page).getByLabel("A short label (optional)").fill("typed in tab B");
  await widget(tabA).getByLabel("A short label (optional)").fill("typed in tab A");
  // Both autosaves fire; whichever comes second finds the other's save.
  const conflict = "Another tab or window with this tool saved changes after this one last loaded them.";
  await Promise.any([tabA, tabB.page].map((page) => widget(page).getByText(conflict).waitFor()));
  await writesSettled(tabA);
  await writesSettled(tabB.page);
  const shownIn = [];
  for (const [name, page] of [["A", tabA], ["B", tabB.page]]) {
    if (await widget(page).getByText(conflict).count()) shownIn.push(name);
  }
  assert.equal(shownIn.length, 1, `exactly one tab is told: ${shownIn}`);
  const loser = shownIn[0] === "A" ? tabA : tabB.page;
  const winnerText = shownIn[0] === "A" ? "typed in tab B" : "typed in tab A";
  const loserText = shownIn[0] === "A" ? "typed in tab A" : "typed in tab B";
  let storage = await readStorage(tabA);
  assert.ok(storage["supervision-widget:feedback-draft"].includes(winnerText), "the first save stands");

  await widget(loser).getByRole("button", { name: "Keep mine as a copy" }).click();
  await widget(loser).getByText(conflict).waitFor({ state: "detached" });
  storage = await readStorage(tabA);
  const copies = Object.entries(storage).filter(([key]) => key.startsWith("supervision-widget:copy:feedback-draft:"));
  assert.equal(copies.length, 1);
  assert.ok(copies[0][1].includes(loserText), "the stopped save is kept as a copy");
  assert.equal(await widget(loser).getByLabel("A short label (optional)").inputValue(), winnerText, "the tab now shows the saved version");
  // The copy can be taken away from "Your data".
  await openYourData(widget(loser));
  const [download] = await Promise.all([
    loser.waitForEvent("download"),
    widget(loser).getByRole("button", { name: "Download the data kept aside" }).click(),
  ]);
  const kept = JSON.parse(fs.readFileSync(await download.path(), "utf8"));
  assert.deepEqual(Object.keys(kept), [copies[0][0]]);
  assert.ok(kept[copies[0][0]].includes(loserText));
  assert.deepEqual(tabB.problems, []);
  await session.check([server.origin + "/", `${server.origin}/${BUNDLE_NAME}`]);
});

test("the host page clearing localStorage is noticed and the next action saves again", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await page.goto(server.origin + "/");
  await waitForReady(page);
  await widget(page).getByRole("button", { name: "Cymraeg" }).click();
  await page.evaluate(() => localStorage.clear());
  await widget(page).getByRole("button", { name: "English" }).click();
  const prefs = JSON.parse((await readStorage(page))["supervision-widget:prefs"]);
  assert.equal(prefs.data.lang, "en");
  await session.check([server.origin + "/", `${server.origin}/${BUNDLE_NAME}`]);
});

test("two widgets sharing a storage key on one page keep each other up to date", async () => {
  const server2 = await serve({
    "/": hostPage(`<supervision-widget mode="quiz"></supervision-widget><supervision-widget mode="feedback"></supervision-widget>`),
  });
  const session = await openSession(browser, {
    init: () => {
      window.__stored = [];
      addEventListener("supervision-widget:stored", (event) => window.__stored.push(event.detail));
    },
  });
  const { page } = session;
  await page.goto(server2.origin + "/");
  await waitForReady(page, 2);
  const [quiz, feedback] = [page.locator("supervision-widget").nth(0), page.locator("supervision-widget").nth(1)];
  await quiz.getByRole("button", { name: "Cymraeg" }).click();
  await feedback.getByRole("button", { name: "Cymraeg" }).click();
  await feedback.getByRole("button", { name: "English" }).click();
  await quiz.getByRole("button", { name: "English" }).click();
  const conflict = "Another tab or window with this tool saved changes after this one last loaded them.";
  assert.equal(await page.getByText(conflict).count(), 0, "no false alarm between widgets on one page");
  assert.equal(JSON.parse((await readStorage(page))["supervision-widget:prefs"]).data.lang, "en");
  // Each write is announced on the window with the key and the writer, never the data.
  const announced = await page.evaluate(() => window.__stored);
  assert.ok(announced.length >= 4, `one announcement per write: ${JSON.stringify(announced)}`);
  for (const detail of announced) {
    assert.deepEqual(Object.keys(detail).sort(), ["key", "source"]);
    assert.equal(detail.key, "supervision-widget:prefs");
  }
  assert.equal(new Set(announced.map((d) => d.source)).size, 2, "each widget names itself");
  await session.check([server2.origin + "/", `${server2.origin}/${BUNDLE_NAME}`]);
  await server2.close();
});

/** Takes the widget's write lock in `page` and keeps it until the returned function is called. */
async function holdWriteLock(page) {
  await page.evaluate(() => new Promise((granted) => {
    navigator.locks.request("supervision-widget:lock", () => new Promise((release) => {
      window.releaseWriteLock = release;
      granted();
    }));
  }));
  return () => page.evaluate(() => window.releaseWriteLock());
}

const storedLang = async (page) => {
  const raw = (await readStorage(page))["supervision-widget:prefs"];
  return raw && JSON.parse(raw).data.lang;
};

test("a save waits while another tab writes (Web Locks), then is made", async () => {
  const { session, tabA, tabB } = await openTwoTabs({ second: "/blank" });
  const release = await holdWriteLock(tabB.page);

  await widget(tabA).getByRole("button", { name: "Cymraeg" }).click();
  await tabA.waitForTimeout(300);
  assert.equal(await storedLang(tabA), undefined, "nothing is written while the other tab holds the lock");
  await release();
  await tabA.waitForFunction(() => localStorage.getItem("supervision-widget:prefs")?.includes('"cy"'));
  assert.deepEqual(tabB.problems, []);
  await session.check([server.origin + "/", `${server.origin}/${BUNDLE_NAME}`, `${server.origin}/blank`]);
});

test("a save still waiting for the lock is made when the person leaves the page", async () => {
  const { session, tabA, tabB } = await openTwoTabs({ second: "/blank" });
  await holdWriteLock(tabB.page);

  await widget(tabA).getByRole("button", { name: "Cymraeg" }).click();
  await tabA.goto(server.origin + "/blank");
  assert.equal(await storedLang(tabB.page), "cy", "the waiting save was made on the way out");
  assert.deepEqual(tabB.problems, []);
  await session.check([server.origin + "/", `${server.origin}/${BUNDLE_NAME}`, `${server.origin}/blank`]);
});

for (const [name, kind] of [["a browser without Web Locks", "missing"], ["a page where Web Locks refuse", "refusing"]]) {
  test(`${name} still saves`, async () => {
    const session = await openSession(browser, {
      init: [(kind) => {
        const locks = kind === "missing"
          ? undefined
          : { request: () => Promise.reject(new DOMException("refused", "SecurityError")) };
        Object.defineProperty(Navigator.prototype, "locks", { get: () => locks });
      }, kind],
    });
    const { page } = session;
    await page.goto(server.origin + "/");
    await waitForReady(page);
    await widget(page).getByRole("button", { name: "Cymraeg" }).click();
    await page.waitForFunction(() => localStorage.getItem("supervision-widget:prefs")?.includes('"cy"'));
    await widget(page).getByRole("button", { name: "English" }).click();
    await page.waitForFunction(() => localStorage.getItem("supervision-widget:prefs")?.includes('"en"'));
    await session.check([server.origin + "/", `${server.origin}/${BUNDLE_NAME}`]);
  });
}
