// Writes docs/sharepoint.png, the README's picture of the web part on the SharePoint-shaped page:
//   node tests/e2e/sharepoint/screenshot.mjs   (after `cargo xtask spfx`)

import path from "node:path";
import { ROOT, launch, serve, waitForReady } from "../helpers.mjs";
import { PAGES, addWebPart, sitePages } from "./site.mjs";

const browser = await launch();
const server = await serve(sitePages());
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  await page.goto(server.origin + PAGES["en-US"]);
  await addWebPart(page, "zone-1", { properties: { mode: "all" } });
  await page.waitForFunction(() => document.querySelector("supervision-widget")?.shadowRoot?.querySelector("h2"));
  await page.screenshot({ path: path.join(ROOT, "docs/sharepoint.png") });
} finally {
  await browser.close();
  await server.close();
}
