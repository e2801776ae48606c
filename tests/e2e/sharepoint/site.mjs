// A page shaped like a SharePoint Online modern page, for the web part's tests and the README's
// screenshot: SharePoint's kind of CSP (a nonce, 'unsafe-eval', no 'unsafe-inline'), an AMD loader
// (RequireJS), small stand-ins for the SPFx modules (spfx-stand-ins.js), the part of the page that
// runs web parts (host.js), and the package's own assets served from a ClientSideAssets/ folder.

import fs from "node:fs";
import path from "node:path";
import { ROOT } from "../helpers.mjs";
import { readPackage } from "../sppkg.mjs";

export const NONCE = "r4nd0mN0nc3";
/**
 * The shape of SharePoint Online's policy: scripts from the page's own origin, Microsoft's CDNs
 * (unreachable here, and never asked for) and the per-page nonce; 'unsafe-eval', which also
 * allows WebAssembly; no 'unsafe-inline'.
 */
export const SHAREPOINT_CSP =
  `script-src 'nonce-${NONCE}' 'unsafe-eval' 'self' https://res-1.cdn.office.net https://publiccdn.sharepointonline.com; ` +
  "object-src 'none'; base-uri 'self'";
export const ASSETS = "/sites/appcatalog/ClientSideAssets/";
export const LAYOUTS = "/_layouts/15/";
export const PAGES = { "en-US": "/sites/intranet/SitePages/Supervision.aspx", "cy-GB": "/sites/intranet/SitePages/Goruchwylio.aspx" };

export const pkg = readPackage();
export const manifest = pkg.manifest;
export const moduleId = (version = manifest.version) => `${manifest.id}_${version}`;
export const webPartFile = manifest.loaderConfig.scriptResources[manifest.loaderConfig.entryModuleId].path;
export const strings = manifest.loaderConfig.scriptResources.SupervisionHubWebPartStrings;

/** A SharePoint-shaped page in `culture`: the AMD loader, the SPFx stand-ins, two zones. */
export function sharePointPage(culture, extraPaths = {}) {
  const paths = {
    [moduleId()]: ASSETS + webPartFile.replace(/\.js$/, ""),
    SupervisionHubWebPartStrings: ASSETS + strings.paths[culture].replace(/\.js$/, ""),
    ...extraPaths,
  };
  const script = (src) => `<script nonce="${NONCE}" src="${LAYOUTS}${src}"></script>`;
  return {
    csp: SHAREPOINT_CSP,
    body: `<!DOCTYPE html>
<html lang="${culture.toLowerCase()}" dir="ltr">
<head><meta charset="utf-8"><title>Supervision - Intranet</title>
${script("require.js")}${script("spfx-stand-ins.js")}${script("host.js")}
<script nonce="${NONCE}">
  require.config({ paths: ${JSON.stringify(paths)}, waitSeconds: 0 });
  window.spPreconfigured = ${JSON.stringify(manifest.preconfiguredEntries[0].properties)};
</script>
<style>
  body { margin: 0; font-family: "Segoe UI", Arial, sans-serif; color: #323130; background: #faf9f8; }
  #SuiteNavWrapper { height: 48px; background: #03787c; color: #fff; display: flex; align-items: center; padding: 0 16px; font-weight: 600; }
  .siteHeader { background: #fff; padding: 16px 32px; border-bottom: 1px solid #edebe9; font-size: 24px; }
  #spPageCanvasContent { max-width: 1204px; margin: 0 auto; padding: 16px 32px; background: #fff; }
  .ControlZone { margin: 16px 0; }
</style>
</head>
<body><div id="SuiteNavWrapper">SharePoint</div><div class="siteHeader">NHS Wales Intranet</div>
<div id="spPageCanvasContent"><h1>Supervision</h1>
<div class="ControlZone" id="zone-1"></div><div class="ControlZone" id="zone-2"></div></div></body>
</html>`,
  };
}

/**
 * Everything the site serves (for helpers.mjs's `serve`): its scripts, a page per culture and
 * every ClientSideAssets/ file of the package.
 */
export function sitePages() {
  const script = (file) => ({ body: fs.readFileSync(file), type: "text/javascript" });
  const pages = {
    [`${LAYOUTS}require.js`]: script(path.join(ROOT, "node_modules/requirejs/require.js")),
    [`${LAYOUTS}spfx-stand-ins.js`]: script(new URL("./spfx-stand-ins.js", import.meta.url)),
    [`${LAYOUTS}host.js`]: script(new URL("./host.js", import.meta.url)),
    [PAGES["en-US"]]: sharePointPage("en-US"),
    [PAGES["cy-GB"]]: sharePointPage("cy-GB"),
  };
  for (const [name, data] of pkg.assets) {
    pages[ASSETS + name] = { body: data, type: name.endsWith(".js") ? "text/javascript" : "image/png" };
  }
  return pages;
}

/** Every URL a page of the site in `culture` may ask for: itself, its scripts, the package's. */
export function allowedUrls(origin, pagePath, culture = "en-US", extra = []) {
  return [pagePath, `${LAYOUTS}require.js`, `${LAYOUTS}spfx-stand-ins.js`, `${LAYOUTS}host.js`, ASSETS + webPartFile, ASSETS + strings.paths[culture], ...extra].map(
    (p) => origin + p
  );
}

/** Adds the web part (module `id`) to a zone, as SharePoint does; resolves to its index. */
export const addWebPart = (page, zone, options = {}, id = moduleId()) =>
  page.evaluate(([id, zone, options]) => window.spHost.addWebPart(id, zone, options), [id, zone, options]);

/** Changes a property as the property pane does. */
export const setProperty = (page, index, name, value) =>
  page.evaluate(([index, name, value]) => window.spHost.setProperty(index, name, value), [index, name, value]);
