// Bad input: unknown attribute values, storage that throws or is full, and stored values that are
// not JSON all leave a working widget with a clear message, and never change what was stored.

import assert from "node:assert/strict";
import { after, before, test, BUNDLE_NAME, blockStorage, fillStorage, hostPage, launch, openSession, readStorage, seedStorage, serve, waitForReady } from "./helpers.mjs";

let browser;
let server;

before(async () => {
  browser = await launch();
  server = await serve({
    "/": hostPage(`<supervision-widget></supervision-widget>`),
    "/bad-attributes": hostPage(`<supervision-widget mode="survey" lang="fr" storage-key="has space"></supervision-widget>`),
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const allowed = () => [server.origin + "/", `${server.origin}/${BUNDLE_NAME}`, `${server.origin}/blank`];

/** The widget still does its job: the language toggle switches the whole shell. */
async function stillWorks(page) {
  await page.getByRole("button", { name: "Cymraeg" }).click();
  await page.getByRole("heading", { name: "Hwb Goruchwylio" }).waitFor();
  await page.getByRole("button", { name: "Adborth ar oruchwyliaeth" }).click();
  await page.getByRole("heading", { name: "Adborth ar oruchwyliaeth", level: 3 }).waitFor();
}

test("unknown attribute values fall back to the defaults with a console warning", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await page.goto(server.origin + "/bad-attributes");
  await waitForReady(page);
  // mode falls back to all (navigation shown), lang to the page's (en-GB), storage-key to the default.
  assert.equal(await page.getByRole("navigation").count(), 1);
  await page.getByRole("heading", { name: "Supervision Hub" }).waitFor();
  for (const attribute of ['mode="survey"', 'lang="fr"', 'storage-key="has space"']) {
    assert.ok(session.warnings.some((w) => w.includes(attribute)), `a warning names ${attribute}: ${session.warnings}`);
  }
  await stillWorks(page);
  assert.deepEqual(Object.keys(await readStorage(page)), ["supervision-widget:prefs"]);
  await session.check([server.origin + "/bad-attributes", `${server.origin}/${BUNDLE_NAME}`]);
});

test("a localStorage getter that throws leaves a working widget that says it cannot save", async () => {
  const session = await openSession(browser, { init: blockStorage });
  const { page } = session;
  await page.goto(server.origin + "/");
  await waitForReady(page);
  await page.getByText("Your browser is not letting this tool save anything.").waitFor();
  await stillWorks(page);
  // Said once, not once per attempt.
  assert.equal(await page.getByText("Nid yw eich porwr yn gadael i'r offeryn hwn gadw dim.").count(), 1);
  await session.check(allowed());
});

test("inside a sandboxed iframe (no storage, no Web Locks) the widget works from memory and says so", async () => {
  const framed = await serve({
    "/": `<!DOCTYPE html><html lang="en-GB"><title>Host</title><iframe sandbox="allow-scripts" src="/inner" title="Supervision Hub" style="width:900px;height:700px"></iframe></html>`,
    "/inner": hostPage(`<supervision-widget></supervision-widget>`),
  });
  try {
    const session = await openSession(browser);
    const { page } = session;
    await page.goto(framed.origin + "/");
    const frame = page.frameLocator("iframe");
    // An opaque origin: localStorage throws SecurityError, and navigator.locks refuses.
    await frame.getByText("Your browser is not letting this tool save anything.").waitFor();
    await frame.getByRole("button", { name: "Cymraeg" }).click();
    await frame.getByRole("heading", { name: "Hwb Goruchwylio" }).waitFor();
    await frame.getByRole("button", { name: "Adborth ar oruchwyliaeth" }).click();
    await frame.getByLabel("Label byr (dewisol)").fill("kept in memory");
    await frame.getByRole("button", { name: "Cwis hunanwirio" }).click();
    await frame.getByRole("button", { name: "Adborth ar oruchwyliaeth" }).click();
    assert.equal(await frame.getByLabel("Label byr (dewisol)").inputValue(), "kept in memory", "nothing lost while open");
    assert.equal(await frame.getByText("Nid yw eich porwr yn gadael i'r offeryn hwn gadw dim.").count(), 1, "said once");
    await session.check([framed.origin + "/", framed.origin + "/inner", `${framed.origin}/${BUNDLE_NAME}`]);
  } finally {
    await framed.close();
  }
});

test("a setItem that throws QuotaExceededError says storage is full and changes nothing stored", async () => {
  const stored = JSON.stringify({ version: 1, rev: 4, saved_at: "2026-11-01T09:00:00.000Z", data: { lang: "en" } });
  const session = await openSession(browser, { init: fillStorage });
  const { page } = session;
  await seedStorage(page, server.origin, { "supervision-widget:prefs": stored });
  await page.goto(server.origin + "/");
  await waitForReady(page);
  await page.getByRole("button", { name: "Cymraeg" }).click();
  await page.getByText("Mae'r lle storio ar gyfer y wefan hon ar y cyfrifiadur hwn yn llawn").waitFor();
  await page.getByRole("button", { name: "English" }).click();
  assert.equal(await page.getByText("The storage space for this site on this computer is full").count(), 1);
  assert.deepEqual(await readStorage(page), { "supervision-widget:prefs": stored });
  await session.check(allowed());
});

test("a stored value that is not JSON is kept aside, left untouched, and reported", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await seedStorage(page, server.origin, { "supervision-widget:prefs": "{not json", "host-page-key": "keep me" });
  await page.goto(server.origin + "/");
  await waitForReady(page);
  await page.getByText("Some information saved earlier could not be read.").waitFor();
  await stillWorks(page);
  const storage = await readStorage(page);
  assert.equal(storage["supervision-widget:prefs"], "{not json", "the unreadable value is untouched");
  assert.equal(storage["host-page-key"], "keep me");
  const copies = Object.entries(storage).filter(([key]) => key.startsWith("supervision-widget:quarantine:prefs:"));
  assert.deepEqual(copies.map(([, value]) => value), ["{not json"], "a copy is kept aside");
  await session.check(allowed());
});

test("data from a newer version is left untouched and reported", async () => {
  const newer = JSON.stringify({ version: 99, rev: 1, saved_at: "2030-01-01T00:00:00.000Z", data: { theme: "dark" } });
  const session = await openSession(browser);
  const { page } = session;
  await seedStorage(page, server.origin, { "supervision-widget:prefs": newer });
  await page.goto(server.origin + "/");
  await waitForReady(page);
  await page.getByText("made by a newer version of this tool").waitFor();
  await stillWorks(page);
  assert.deepEqual(await readStorage(page), { "supervision-widget:prefs": newer });
  await session.check(allowed());
});

test("clear my data removes only this widget's keys", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await seedStorage(page, server.origin, {
    "host-page-key": "keep me",
    "supervision-widget-2:prefs": "another widget's",
    "supervision-widget:prefs": "{not json",
  });
  await page.goto(server.origin + "/");
  await waitForReady(page);
  await page.getByRole("button", { name: "Clear my data" }).click();
  await page.getByText("This will remove 2 saved items").waitFor();
  await page.getByRole("button", { name: "Yes, clear my data" }).click();
  await page.getByText("Your data has been cleared from this computer.").waitFor();
  assert.deepEqual(await readStorage(page), { "host-page-key": "keep me", "supervision-widget-2:prefs": "another widget's" });
  // The notice about the cleared data has gone with it.
  assert.equal(await page.getByText("could not be read").count(), 0);
  await session.check(allowed());
});

test("a storage really filled to its quota: the save fails visibly and what is stored is unchanged", async () => {
  const stored = JSON.stringify({ version: 1, rev: 2, saved_at: "2026-11-01T09:00:00.000Z", data: [] });
  const session = await openSession(browser);
  const { page } = session;
  await seedStorage(page, server.origin, { "supervision-widget:quiz-history": stored });
  // The host page's own data fills the rest of the quota: big pieces, then smaller ones, until
  // not even a few characters fit.
  await page.evaluate(() => {
    let n = 0;
    for (const size of [256 * 1024, 16 * 1024, 1024, 64, 4]) {
      const chunk = "x".repeat(size);
      for (;;) {
        try {
          localStorage.setItem(`host-filler-${n++}`, chunk);
        } catch {
          break;
        }
      }
    }
  });
  await page.goto(server.origin + "/");
  await waitForReady(page);
  await page.getByRole("button", { name: "Cymraeg" }).click();
  await page.getByText("Mae'r lle storio ar gyfer y wefan hon ar y cyfrifiadur hwn yn llawn").waitFor();
  await page.getByRole("button", { name: "Llwytho copi o fy nata i lawr" }).waitFor();
  const after = await page.evaluate(() => [localStorage.getItem("supervision-widget:quiz-history"), localStorage.getItem("supervision-widget:prefs")]);
  assert.deepEqual(after, [stored, null]);
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("host-filler-")).forEach((k) => localStorage.removeItem(k)));
  await session.check(allowed());
});
