// SharePoint Online: the web part package (dist/supervision-widget.sppkg) as an app catalog reads
// it, and its web part on a page shaped like a SharePoint modern page (sharepoint/site.mjs). Also
// the plain bundle on a page that loaded RequireJS first.

import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, test, BUNDLE_NAME, DIST, ROOT, hostPage, launch, openSession, readStorage, serve, waitForReady } from "./helpers.mjs";
import { PACKAGE_PATH } from "./sppkg.mjs";
import { ASSETS, LAYOUTS, PAGES, addWebPart, allowedUrls, manifest, moduleId, pkg, setProperty, sharePointPage, sitePages, strings, webPartFile } from "./sharepoint/site.mjs";

const TWO_VERSIONS_PAGE = "/sites/intranet/SitePages/Two-versions.aspx";
/** The same web part script under another version's module id, as a second package would add. */
const OLDER_VERSION = { id: "0.0.9", file: "supervision-hub-web-part_older.js" };
const cargoVersion = fs.readFileSync(path.join(ROOT, "Cargo.toml"), "utf8").match(/^version = "([^"]+)"/m)[1];

let browser;
let server;

before(async () => {
  browser = await launch();
  server = await serve({
    ...sitePages(),
    [TWO_VERSIONS_PAGE]: sharePointPage("en-US", { [moduleId(OLDER_VERSION.id)]: ASSETS + OLDER_VERSION.file.replace(/\.js$/, "") }),
    [`${ASSETS}${OLDER_VERSION.file}`]: {
      body: pkg.assets.get(webPartFile).toString("utf8").replace(`define("${moduleId()}"`, `define("${moduleId(OLDER_VERSION.id)}"`),
      type: "text/javascript",
    },
    // A plain page (WordPress, a static CMS) whose theme loaded RequireJS before the widget.
    "/requirejs-page": hostPage(`<supervision-widget mode="quiz" questions="5" shuffle="false"></supervision-widget>`, {
      head: `<script src="${LAYOUTS}require.js"></script>`,
    }),
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const allowed = (pagePath, culture, extra) => allowedUrls(server.origin, pagePath, culture, extra);

async function openPage(pagePath) {
  const session = await openSession(browser);
  await session.page.goto(server.origin + pagePath);
  return session;
}

const zone = (page, id) => page.locator(`#${id} supervision-widget`);

/** Starts the quiz in `widget` and answers its first question (single choice, authored order). */
async function answerFirstQuestion(widget, t) {
  await widget.getByRole("button", { name: t.start }).click();
  await widget.getByRole("radio").first().check();
  await widget.getByRole("button", { name: t.check }).click();
  await widget.getByRole("button", { name: t.next }).waitFor();
}
const EN = { start: "Start the quiz", check: "Check answer", next: "Next question" };

test("the package: its manifest, the widget bundle inside it, no outside URL, English and Welsh", () => {
  // SharePoint's switches: assets inside the package, no per-site feature step, no custom script.
  assert.match(pkg.appManifest, /SkipFeatureDeployment="true"/);
  assert.ok(pkg.files.has("ClientSideAssets.xml"), "the client-side assets feature");
  assert.deepEqual(manifest.loaderConfig.internalModuleBaseUrls, ["HTTPS://SPCLIENTSIDEASSETLIBRARY/"], "assets load from the package's own library");
  const source = JSON.parse(
    fs.readFileSync(path.join(ROOT, "spfx/src/webparts/supervisionHub/SupervisionHubWebPart.manifest.json"), "utf8").replace(/(^|\s)\/\/.*$/gm, "")
  );
  assert.equal(source.requiresCustomScript, false);
  assert.notEqual(manifest.requiresCustomScript, true, "the packaged manifest does not ask for custom script");
  assert.deepEqual(manifest.supportedHosts.slice().sort(), ["SharePointFullPage", "SharePointWebPart", "TeamsPersonalApp", "TeamsTab"]);

  // The version is Cargo.toml's, in the package and in the web part.
  assert.match(pkg.appManifest, new RegExp(`Version="${cargoVersion.replace(/\./g, "\\.")}\\.0"`));
  assert.equal(manifest.version, cargoVersion);

  // The widget's bundle is inside the web part's script: its wasm and styles exactly as built.
  const bundle = fs.readFileSync(path.join(DIST, BUNDLE_NAME), "utf8");
  const webPart = pkg.assets.get(webPartFile).toString("utf8");
  // Both are minified, so the literals are found by their content: the wasm is the one long
  // base64 string, the styles the string that starts with `:host{`.
  const wasm = bundle.match(/["']([A-Za-z0-9+/]{100000,}={0,2})["']/)[1];
  assert.ok(webPart.includes(wasm), "the bundle's wasm is in the web part's script");
  const [, quote, literal] = bundle.match(/(["'])(:host\{(?:(?!\1)[^\\]|\\.)*)\1/);
  const css = Function(`return ${quote}${literal}${quote}`)();
  assert.ok(!css.includes("\\"), "the styles have no backslash, so their two quoted forms are these");
  const quotedEitherWay = [css.replace(/'/g, "\\'"), css.replace(/"/g, '\\"')];
  assert.ok(css.length > 10_000 && quotedEitherWay.some((form) => webPart.includes(form)), "the bundle's styles are in the web part's script");
  assert.ok(webPart.length <= bundle.length + 10 * 1024, `the web part's script (${webPart.length} bytes) is at most 10 KB over the bundle (${bundle.length})`);

  // No URL points outside the package. XML namespaces and relationship types name a schema and
  // are never fetched; the asset library's token is SharePoint's own placeholder.
  const identifiers = /^https?:\/\/schemas\.(microsoft\.com\/sharepoint|openxmlformats\.org\/package)\//;
  for (const [name, data] of pkg.files) {
    if (/\.(png)$/.test(name)) continue;
    const urls = data.toString("utf8").match(/https?:\/\/[^\s"'<>)\\]+/gi) || [];
    const outside = urls.filter((url) => !url.startsWith("HTTPS://SPCLIENTSIDEASSETLIBRARY/") && !(/\.(xml|rels)$/.test(name) && identifiers.test(url)));
    assert.deepEqual(outside, [], `${name} refers to nothing outside the package`);
  }
  const entry = manifest.preconfiguredEntries[0];
  assert.match(entry.iconImageUrl, /^data:image\/svg\+xml;base64,/, "the toolbox icon is inside the manifest");
  assert.ok(pkg.files.has("images/icon.png") && pkg.assets.has(`${manifest.id}_color.png`) && pkg.assets.has(`${manifest.id}_outline.png`), "the app and Teams icons");

  // English and Welsh: the toolbox entry, the app catalog's descriptions, the property pane.
  assert.equal(entry.title["en-US"], "Supervision Hub");
  assert.equal(entry.title["cy-GB"], "Hwb Goruchwylio");
  assert.ok(entry.description["en-US"] && entry.description["cy-GB"]);
  assert.match(pkg.appManifest, /<LocalizedString CultureName="cy-GB">Cwis hunanwirio/);
  assert.match(pkg.appManifest, /<LocalizedString CultureName="en-US">A self-check quiz/);
  assert.deepEqual(Object.keys(strings.paths).sort(), ["cy-GB", "en-US"]);
  assert.match(pkg.assets.get(strings.paths["cy-GB"]).toString("utf8"), /"LanguageWelsh": "Cymraeg"/);
  assert.match(pkg.assets.get(strings.paths["en-US"]).toString("utf8"), /"LanguageWelsh": "Welsh"/);
  assert.ok(fs.statSync(PACKAGE_PATH).size > 0);
});

test("on a SharePoint-shaped page: the web part's widget starts, a quiz answer is checked, properties re-render, dispose tears it down", async () => {
  const pagePath = PAGES["en-US"];
  const session = await openPage(pagePath);
  const { page } = session;
  const index = await addWebPart(page, "zone-1", { properties: { mode: "quiz", questions: "5", shuffle: false } });
  await waitForReady(page);
  const widget = zone(page, "zone-1");
  assert.equal(await widget.getAttribute("lang"), "en", "the page's language: en-US");
  assert.equal(await widget.getAttribute("questions"), "5");
  assert.equal(await widget.getAttribute("shuffle"), "false");
  await widget.getByText("5 questions").waitFor();
  await answerFirstQuestion(widget, EN);

  // Changing mode, then language, in the property pane: the same element, re-rendered.
  await setProperty(page, index, "mode", "feedback");
  await widget.getByRole("heading", { name: "About the session" }).waitFor();
  await setProperty(page, index, "language", "cy");
  await widget.getByRole("heading", { name: "Am y sesiwn" }).waitFor();
  // The title under a heading 2 of the page: heading 3.
  await setProperty(page, index, "headingLevel", "3");
  await widget.getByRole("heading", { name: "Hwb Goruchwylio", level: 3 }).waitFor();
  assert.equal(await page.locator("supervision-widget").count(), 1, "one element, updated in place");
  // A ward page's editor asks for nothing to be kept: the element keeps it in the tab only.
  await setProperty(page, index, "privacy", "none");
  assert.equal(await widget.getAttribute("privacy"), "none");
  await widget.getByText("Nid oes dim yn cael ei gadw ar y cyfrifiadur hwn: mae'r hyn", { exact: false }).waitFor();
  await setProperty(page, index, "privacy", "keep");
  assert.equal(await widget.getAttribute("privacy"), null);

  // The quiz answer was saved under the default key while it was shown.
  const stored = await readStorage(page);
  assert.ok(stored["supervision-widget:quiz"], "the attempt in progress is stored");

  await page.evaluate((index) => window.spHost.dispose(index), index);
  assert.equal(await page.locator("supervision-widget").count(), 0, "the element is gone");
  assert.equal(await page.locator("#zone-1").evaluate((zone) => zone.childElementCount), 0);
  await session.check(allowed(pagePath));
});

test("two web parts with different storage keys on one SharePoint page keep separate data", async () => {
  const pagePath = PAGES["en-US"];
  const session = await openPage(pagePath);
  const { page } = session;
  await addWebPart(page, "zone-1", { properties: { mode: "quiz", storageKey: "ward-7", questions: "5", shuffle: false } });
  await addWebPart(page, "zone-2", { properties: { mode: "quiz", storageKey: "ward-9" } });
  await waitForReady(page, 2);
  await answerFirstQuestion(zone(page, "zone-1"), EN);
  // The second web part still offers a fresh start, with its own number of questions.
  await zone(page, "zone-2").getByRole("button", { name: "Start the quiz" }).waitFor();
  assert.equal(await zone(page, "zone-2").getByRole("button", { name: "Carry on where you left off" }).count(), 0);
  const keys = Object.keys(await readStorage(page));
  assert.ok(keys.includes("ward-7:quiz"), `ward-7's attempt is stored: ${keys}`);
  assert.ok(!keys.some((key) => key.startsWith("ward-9:quiz")), `nothing in ward-9's quiz: ${keys}`);
  assert.ok(!keys.some((key) => key.startsWith("supervision-widget:")), `nothing under the default key: ${keys}`);
  await session.check(allowed(pagePath));
});

test("a Welsh page: the widget and the property pane speak Welsh, and the pane checks typed values by the element's rules", async () => {
  const pagePath = PAGES["cy-GB"];
  const session = await openPage(pagePath);
  const { page } = session;
  const index = await addWebPart(page, "zone-1", { culture: "cy-GB" });
  await waitForReady(page);
  const widget = zone(page, "zone-1");
  assert.equal(await widget.getAttribute("lang"), "cy", "the page's language: cy-GB");
  await widget.getByRole("heading", { name: "Hwb Goruchwylio" }).waitFor();

  const fields = await page.evaluate((index) => window.spHost.paneFields(index), index);
  assert.deepEqual(
    fields.map(([kind, property]) => `${kind}:${property}`),
    ["Dropdown:mode", "Dropdown:language", "Dropdown:headingLevel", "TextField:storageKey", "Dropdown:privacy", "TextField:questions", "TextField:passMark", "Toggle:shuffle"]
  );
  assert.deepEqual(fields.map(([, , label]) => label).slice(0, 2), ["Dangos", "Iaith"], "the pane's labels in Welsh");

  const paneError = (property, value) => page.evaluate(([i, p, v]) => window.spHost.paneError(i, p, v), [index, property, value]);
  assert.match(await paneError("storageKey", "ward 7"), /^Defnyddiwch 1 i 64/);
  assert.match(await paneError("questions", "0"), /^Rhowch rif cyfan o 1 i 200/);
  assert.match(await paneError("passMark", "101"), /^Rhowch rif cyfan o 0 i 100/);
  for (const [property, value] of [["storageKey", "ward-7"], ["questions", "12"], ["passMark", "80"], ["questions", ""], ["passMark", "  "]]) {
    assert.equal(await paneError(property, value), "", `${property}=${JSON.stringify(value)} is accepted`);
  }
  // A value the pane accepted reaches the element.
  await setProperty(page, index, "passMark", "80");
  assert.equal(await widget.getAttribute("pass-mark"), "80");
  await widget.getByText("80%").first().waitFor();
  await session.check(allowed(pagePath, "cy-GB"));
});

test("in Teams: the web part renders as it does in SharePoint, in the Teams user's language", async () => {
  const pagePath = PAGES["en-US"];
  const session = await openPage(pagePath);
  const { page } = session;
  await addWebPart(page, "zone-1", { teamsLocale: "cy-GB", properties: { mode: "quiz", questions: "5", shuffle: false } });
  await waitForReady(page);
  const widget = zone(page, "zone-1");
  assert.equal(await widget.getAttribute("lang"), "cy", "Teams' locale, not the site's en-US");
  await answerFirstQuestion(widget, { start: "Dechrau'r cwis", check: "Gwirio'r ateb", next: "Cwestiwn nesaf" });
  await session.check(allowed(pagePath));
});

test("two versions of the package on one page: both web parts work, the element is defined once", async () => {
  const session = await openPage(TWO_VERSIONS_PAGE);
  const { page } = session;
  await addWebPart(page, "zone-1", { properties: { mode: "quiz", storageKey: "new", questions: "5", shuffle: false } });
  await addWebPart(page, "zone-2", { properties: { mode: "quiz", storageKey: "old", questions: "5", shuffle: false } }, moduleId(OLDER_VERSION.id));
  await waitForReady(page, 2);
  await answerFirstQuestion(zone(page, "zone-1"), EN);
  await answerFirstQuestion(zone(page, "zone-2"), EN);
  await session.check(allowed(TWO_VERSIONS_PAGE, "en-US", [ASSETS + OLDER_VERSION.file]));
});

test("the plain bundle on a page that loaded RequireJS first defines the element and works", async () => {
  const session = await openPage("/requirejs-page");
  const { page } = session;
  await waitForReady(page);
  assert.equal(await page.evaluate(() => typeof window.define === "function" && Boolean(window.define.amd)), true, "an AMD define is on the page");
  await answerFirstQuestion(page.locator("supervision-widget"), EN);
  await session.check([`${server.origin}/requirejs-page`, `${server.origin}${LAYOUTS}require.js`, `${server.origin}/${BUNDLE_NAME}`]);
});
