// Accessibility beyond axe: what an auditor checks by hand. Focus after every confirmation,
// the heading outline at each `heading-level`, captions inside the headings they caption, no
// sideways scrolling at 320 px where tables are, the file inputs' focus style, and names in the
// accessibility tree.

import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test,
  BUNDLE_NAME, envelope, focusedText, hostPage, launch, openSession, openYourData, seedStorage, serve, storedSession, waitForReady,
} from "./helpers.mjs";

let browser;
let server;
const folder = fs.mkdtempSync(path.join(os.tmpdir(), "widget-audit-"));

before(async () => {
  browser = await launch();
  server = await serve({
    "/feedback": hostPage(`<supervision-widget mode="feedback"></supervision-widget>`),
    "/feedback-cy": hostPage(`<supervision-widget mode="feedback" lang="cy"></supervision-widget>`),
    "/quiz": hostPage(`<supervision-widget mode="quiz" shuffle="false"></supervision-widget>`),
    "/quiz-cy": hostPage(`<supervision-widget mode="quiz" lang="cy" shuffle="false"></supervision-widget>`, { lang: "cy" }),
    // The page's own headings above the widget, down to one level above its title.
    ...Object.fromEntries([2, 3, 4, 5].map((top) => [
      `/levels-${top}`,
      hostPage(`${Array.from({ length: top - 1 }, (_, i) => `<h${i + 1}>Page heading ${i + 1}</h${i + 1}>`).join("")}<supervision-widget mode="all" heading-level="${top}"></supervision-widget>`),
    ])),
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const allowed = (pagePath) => [server.origin + pagePath, `${server.origin}/${BUNDLE_NAME}`, `${server.origin}/blank`];
const widget = (page) => page.locator("supervision-widget");
const SEEDED = {
  "supervision-widget:feedback-sessions": envelope([
    storedSession("a", "2026-09-01", [3, 3, 3, 3, 3, 3]),
    storedSession("b", "2026-10-01", [4, null, 4, 2, 5, 4]),
  ]),
};

async function openSeeded(pagePath, values = SEEDED) {
  const session = await openSession(browser);
  await seedStorage(session.page, server.origin, values);
  await session.page.goto(server.origin + pagePath);
  await waitForReady(session.page);
  return session;
}

test("every confirmation: Cancel returns focus to the button that asked, Yes moves it to the outcome", async () => {
  const session = await openSeeded("/feedback");
  const { page } = session;
  const w = widget(page);

  // Start again on the form, once there is something to start again from.
  assert.equal(await w.getByRole("button", { name: "Start again" }).count(), 0, "not on an empty form");
  await w.locator("#sw-fb-role-received").check();
  await w.getByRole("button", { name: "Start again" }).click();
  assert.match(await focusedText(page), /^Start again\?/);
  await w.getByRole("button", { name: "Cancel" }).click();
  assert.equal(await focusedText(page), "Start again");
  await w.getByRole("button", { name: "Start again" }).click();
  await w.getByRole("button", { name: "Yes, start again" }).click();
  assert.equal(await focusedText(page), "About the session", "the outcome: a fresh first page");

  // Delete from the history.
  await w.getByRole("button", { name: "Your saved sessions" }).click();
  await w.getByRole("button", { name: "Delete 1 September 2026" }).click();
  assert.match(await focusedText(page), /^Delete the feedback/);
  await w.getByRole("button", { name: "Cancel" }).click();
  assert.equal(await focusedText(page), "Delete 1 September 2026, Clinical, I received supervision");
  await w.getByRole("button", { name: "Delete 1 September 2026" }).click();
  await w.getByRole("button", { name: "Yes, delete it" }).click();
  assert.equal(await focusedText(page), "The session of 1 September 2026 has been deleted.");

  // Delete from a saved session's own page.
  await w.getByRole("button", { name: "Open 1 October 2026" }).click();
  await w.getByRole("button", { name: "Delete", exact: true }).click();
  await w.getByRole("button", { name: "Cancel" }).click();
  assert.equal(await focusedText(page), "Delete");
  await w.getByRole("button", { name: "Delete", exact: true }).click();
  await w.getByRole("button", { name: "Yes, delete it" }).click();
  assert.equal(await focusedText(page), "The session of 1 October 2026 has been deleted.");

  // Replace my data, in Your data.
  const file = path.join(folder, "export.json");
  fs.writeFileSync(file, JSON.stringify({ format: "supervision-widget-export", version: 1, exported_at: "2026-11-26T10:00:00Z",
    data: { quiz_history: [], feedback_sessions: [storedSession("c", "2026-11-01", [5, 5, 5, 5, 5, 5])] } }));
  await openYourData(w);
  await w.getByLabel("Import data from an export file").setInputFiles(file);
  await w.getByLabel("Replace it with the file's data").check();
  await w.getByRole("button", { name: "Import", exact: true }).click();
  assert.match(await focusedText(page), /^Replace your saved feedback/);
  await w.getByRole("button", { name: "Cancel" }).click();
  assert.equal(await focusedText(page), "Import");
  await w.getByRole("button", { name: "Import", exact: true }).click();
  await w.getByRole("button", { name: "Yes, replace my data" }).click();
  await w.getByText("Import finished").waitFor();
  assert.equal(await focusedText(page), "Import finished: 1 added, 0 already here and left as they were.");

  // Clear my data.
  await w.getByRole("button", { name: "Clear my data" }).click();
  await w.getByRole("button", { name: "Cancel" }).click();
  assert.equal(await focusedText(page), "Clear my data");
  await w.getByRole("button", { name: "Clear my data" }).click();
  await w.getByRole("button", { name: "Yes, clear my data" }).click();
  assert.equal(await focusedText(page), "Your data has been cleared from this computer.");
  await session.check(allowed("/feedback"));
});

/** Every heading in the widget, in order: [level, text]. */
function outline(page) {
  return page.evaluate(() => {
    const root = document.querySelector("supervision-widget").shadowRoot;
    return [...root.querySelectorAll("h1, h2, h3, h4, h5, h6, [role=heading]")].map((el) => [
      el.getAttribute("aria-level") ? Number(el.getAttribute("aria-level")) : Number(el.tagName.slice(1)),
      el.textContent.trim(),
    ]);
  });
}

/** Fails unless the title is at `top`, everything else below it, and no heading skips a level. */
function assertOutline(headings, top, where) {
  assert.deepEqual(headings[0], [top, "Supervision Hub"], `${where}: the title`);
  headings.slice(1).forEach(([level, text], i) => {
    assert.ok(level > top, `${where}: "${text}" (${level}) sits under the title (${top})`);
    assert.ok(level <= headings[i][0] + 1, `${where}: "${text}" (${level}) skips a level after "${headings[i][1]}" (${headings[i][0]})`);
  });
}

test("heading-level 2 to 5 puts the widget's outline under the page's own heading, with no level skipped", async () => {
  for (const top of [2, 3, 4, 5]) {
    const pagePath = `/levels-${top}`;
    const session = await openSession(browser);
    const { page } = session;
    await seedStorage(page, server.origin, SEEDED);
    await page.goto(server.origin + pagePath);
    await waitForReady(page);
    const w = widget(page);
    assertOutline(await outline(page), top, `level ${top}, quiz start`);
    // A checked quiz answer (its explanation has a heading of its own).
    await w.getByRole("button", { name: "Start the quiz" }).click();
    await w.getByRole("button", { name: "Check answer" }).click();
    assertOutline(await outline(page), top, `level ${top}, quiz error`);
    // A saved session: its chart, table, comments and compare headings.
    await w.getByRole("button", { name: "Supervision feedback" }).click();
    await w.getByRole("button", { name: "Your saved sessions" }).click();
    await w.getByRole("button", { name: "Open 1 October 2026" }).click();
    const headings = await outline(page);
    assertOutline(headings, top, `level ${top}, a saved session`);
    // The deepest are three below the title, or h6 where that would be deeper: never past it.
    const deepest = Math.min(top + 3, 6);
    assert.ok(headings.some(([level]) => level === deepest), `level ${top}: the deepest headings are at ${deepest}`);
    assert.ok(headings.every(([level]) => level <= 6), `level ${top}: no heading past h6`);
    await session.check(allowed(pagePath));
  }
});

test("the caption is inside the heading that takes focus: 'Domain 1 of 6' and 'Question 1 of 21' are read with it", async () => {
  for (const [pagePath, t] of [["/feedback", (en) => en], ["/feedback-cy", (en, cy) => cy]]) {
    const session = await openSession(browser);
    const { page } = session;
    await page.goto(server.origin + pagePath);
    await waitForReady(page);
    const w = widget(page);
    await w.locator("#sw-fb-role-received").check();
    await w.locator("#sw-fb-kind-clinical").check();
    await w.locator("#sw-fb-one-at-a-time").check();
    await w.getByRole("button", { name: t("Continue", "Parhau"), exact: true }).click();
    assert.equal(await focusedText(page), t("Domain 1 of 6 – Safe", "Parth 1 o 6 – Diogel"));
    // The accessible name, as a screen reader announces the heading.
    await w.getByRole("heading", { name: t("Domain 1 of 6 – Safe", "Parth 1 o 6 – Diogel") }).waitFor();
    await session.check(allowed(pagePath));
  }
  const session = await openSession(browser);
  const { page } = session;
  await page.goto(server.origin + "/quiz");
  await waitForReady(page);
  await widget(page).getByRole("button", { name: "Start the quiz" }).click();
  assert.match(await focusedText(page), /^Question 1 of 21 – \S/);
  await session.check(allowed("/quiz"));
});

test("a file upload's focus shows on its Choose file button: NHS.UK's yellow with the dark edge", async () => {
  const session = await openSeeded("/feedback");
  const { page } = session;
  const w = widget(page);
  await openYourData(w);
  await w.getByRole("button", { name: "Your saved sessions" }).click();
  await w.getByRole("button", { name: "Open 1 October 2026" }).click();
  for (const id of ["#sw-import-file", "#sw-compare-file"]) {
    const input = w.locator(id);
    const face = input.locator("xpath=following-sibling::span[1]");
    const look = () => face.evaluate((el) => { const s = getComputedStyle(el); return `${s.color} on ${s.backgroundColor}, ${s.boxShadow}`; });
    const unfocused = await look();
    await input.focus();
    // The input is transparent over its face: the face shows the focus, as an NHS.UK button does.
    assert.equal(await look(), "rgb(33, 43, 50) on rgb(255, 235, 59), rgb(33, 43, 50) 0px 4px 0px 0px", `${id}: NHS.UK's focus`);
    assert.notEqual(unfocused, await look());
  }
  await session.check(allowed("/feedback"));
});

/** The page's accessibility tree (Chromium's, through the open shadow roots): [role, name] pairs. */
async function axTree(page) {
  const client = await page.context().newCDPSession(page);
  const { nodes } = await client.send("Accessibility.getFullAXTree");
  await client.detach();
  return nodes.filter((n) => !n.ignored).map((n) => [n.role?.value, n.name?.value ?? ""]);
}
const hasNode = (tree, role, name) => tree.some(([r, n]) => r === role && n === name);

test("the accessibility tree names the widget, its feedback menu, each domain's rating group and comment, and the trend's dates as row headers", async () => {
  const session = await openSeeded("/feedback");
  const { page } = session;
  const w = widget(page);
  let tree = await axTree(page);
  assert.ok(hasNode(tree, "region", "Supervision Hub"), "the widget is a landmark named by its title");
  assert.ok(hasNode(tree, "navigation", "Feedback pages"), "the feedback menu is a named nav");

  await w.locator("#sw-fb-role-received").check();
  await w.locator("#sw-fb-kind-clinical").check();
  await w.getByRole("button", { name: "Continue" }).click();
  await w.getByText("Add a comment on Safe").click();
  tree = await axTree(page);
  assert.ok(hasNode(tree, "group", "Safe"), "the rating group is named by its domain");
  assert.ok(hasNode(tree, "textbox", "Comment on Safe (optional)"), "the comment names its domain");
  assert.ok(hasNode(tree, "checkbox", "Plan an action for Timely"), "so does each action's choice");
  // Back on the first page, the menus are there again.
  await w.getByRole("button", { name: "Back", exact: true }).click();

  await w.getByRole("button", { name: "See your ratings over time" }).click();
  await w.locator(".sw-fb-trend details summary").click();
  tree = await axTree(page);
  for (const date of ["1 September 2026", "1 October 2026"]) {
    assert.ok(hasNode(tree, "rowheader", date), `${date} heads its row`);
  }
  await session.check(allowed("/feedback"));
});

test("the character count is said politely once typing pauses, and the field describes its limit", async () => {
  const session = await openSeeded("/feedback", {});
  const { page } = session;
  const w = widget(page);
  await w.locator("#sw-fb-role-received").check();
  await w.locator("#sw-fb-kind-clinical").check();
  await w.getByRole("button", { name: "Continue" }).click();
  await w.getByText("Add a comment on Safe").click();
  const comment = w.getByLabel("Comment on Safe (optional)");
  const described = await comment.evaluate((el) =>
    el.getAttribute("aria-describedby").split(" ").map((id) => el.getRootNode().getElementById(id).textContent).join(" | ")
  );
  assert.match(described, /You can enter up to 1000 characters/);
  const status = w.locator(".sw-form-group:has(#sw-fb-comment-0) [role=status]");
  assert.equal(await status.textContent(), "", "nothing is said before typing");
  await comment.pressSequentially("Good", { delay: 20 });
  await w.locator(".sw-form-group:has(#sw-fb-comment-0) [role=status]", { hasText: "You have 996 characters remaining" }).waitFor();
  await session.check(allowed("/feedback"));
});

test("a history filter says how many sessions it shows", async () => {
  const session = await openSeeded("/feedback");
  const { page } = session;
  const w = widget(page);
  await w.getByRole("button", { name: "Your saved sessions" }).click();
  const status = w.locator(".sw-fb-history [role=status]");
  assert.equal(await status.textContent(), "2 saved sessions shown");
  await w.getByLabel("Type of supervision").selectOption({ index: 4 }); // Clinical
  await w.locator(".sw-fb-history [role=status]", { hasText: "2 saved sessions shown" }).waitFor();
  await w.getByLabel("Type of supervision").selectOption({ index: 1 }); // Professional
  await w.locator(".sw-fb-history [role=status]", { hasText: "0 saved sessions shown" }).waitFor();
  await session.check(allowed("/feedback"));
});

/** The contrast ratio of an rgb() colour against white. */
function contrastOnWhite(rgb) {
  const [r, g, b] = rgb.match(/\d+/g).slice(0, 3).map((c) => {
    const s = Number(c) / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05);
}

test("the radar's rings and spokes and the trend's grid lines have 3:1 contrast; the radar is named once, pointing to its table", async () => {
  const session = await openSeeded("/feedback");
  const { page } = session;
  const w = widget(page);
  await w.getByRole("button", { name: "Your saved sessions" }).click();
  await w.getByRole("button", { name: "Open 1 October 2026" }).click();
  for (const selector of [".sw-radar__ring", ".sw-radar__spoke"]) {
    const stroke = await w.locator(selector).first().evaluate((el) => getComputedStyle(el).stroke);
    assert.ok(contrastOnWhite(stroke) >= 3, `${selector}: ${stroke} is ${contrastOnWhite(stroke).toFixed(2)}:1`);
  }
  const radar = w.locator("svg.sw-radar__svg");
  assert.equal(await radar.locator("desc").count(), 0, "no description repeating the caption");
  assert.equal(await w.getByRole("img", { name: /table below gives the same ratings/ }).count(), 1);
  await w.getByRole("button", { name: "See your ratings over time" }).click();
  const grid = await w.locator(".sw-trend__grid").first().evaluate((el) => getComputedStyle(el).stroke);
  assert.ok(contrastOnWhite(grid) >= 3, `the trend grid: ${grid}`);
  await session.check(allowed("/feedback"));
});

test("compare: a missing file is an error tied to its input; a result takes focus at its heading with a short summary", async () => {
  const session = await openSeeded("/feedback");
  const { page } = session;
  const w = widget(page);
  await w.getByRole("button", { name: "Your saved sessions" }).click();
  await w.getByRole("button", { name: "Open 1 October 2026" }).click();
  await w.getByRole("button", { name: "Compare", exact: true }).click();
  await w.getByText("Choose the file the other person shared with you").waitFor();
  const input = w.locator("#sw-compare-file");
  assert.equal(await input.evaluate((el) => el.getRootNode().activeElement === el), true, "focus is on the file input");
  assert.match(await input.evaluate((el) => el.getRootNode().getElementById(el.getAttribute("aria-describedby")).textContent), /Choose the file the other person shared/);
  assert.equal(await w.getByText("Choose a file to import").count(), 0, "not the import's words");

  const theirs = storedSession("t", "2026-10-01", [4, 3, 4, 2, 1, 4], { role: "gave" });
  await input.setInputFiles({ name: "shared.json", mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify({ format: "supervision-widget-export", version: 1, exported_at: "x", data: { quiz_history: [], feedback_sessions: [theirs] } })) });
  await w.getByRole("button", { name: "Compare", exact: true }).click();
  await w.locator(".sw-compare__result").waitFor();
  assert.equal(await focusedText(page), "Both views of the session of 1 October 2026");
  // Mine: [4, N/A, 4, 2, 5, 4]; theirs: [4, 3, 4, 2, 1, 4]: two domains differ.
  assert.equal(await w.locator(".sw-compare [role=status]").textContent(), "Compared: the two views rate 2 domains differently.");
  assert.equal(await w.locator(".sw-compare [aria-live], .sw-compare [aria-atomic]").count(), 0, "no atomic live region around the result");
  await session.check(allowed("/feedback"));
});

test("in Welsh, an explanation's English source title is marked as English", async () => {
  const session = await openSession(browser);
  const { page } = session;
  await page.goto(server.origin + "/quiz-cy");
  await waitForReady(page);
  const w = widget(page);
  await w.getByRole("button", { name: "Dechrau'r cwis" }).click();
  await w.getByRole("radio").first().check();
  await w.getByRole("button", { name: "Gwirio'r ateb" }).click();
  // The first question rests on reference [1] (an English title) and the hub page itself.
  const source = w.locator(".sw-feedback__source");
  assert.match(await source.textContent(), /^Ffynonellau:/);
  const title = source.locator("span[lang=en]");
  assert.equal(await title.count(), 1, "the English title carries lang=en");
  assert.equal(await title.textContent(), "Supervision: Guidance for occupational therapists and their managers");
  await source.getByText("Hwb Goruchwylio: Gwella (AaGIC): geiriau tudalen yr hwb ei hun").waitFor();
  await session.check(allowed("/quiz-cy"));
});
