// Zero network: from load through use the page asks for nothing but itself and the bundle, and
// under the strict CSP the README documents it runs without a single violation.

import assert from "node:assert/strict";
import { after, before, test, BUNDLE_NAME, STRICT_CSP, hostPage, launch, openSession, serve, waitForReady } from "./helpers.mjs";

let browser;
let server;

before(async () => {
  browser = await launch();
  server = await serve({
    "/plain": hostPage(`<supervision-widget></supervision-widget>`),
    "/strict-csp": { body: hostPage(`<supervision-widget></supervision-widget>`), csp: STRICT_CSP },
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Uses every control of the shell once. */
async function useEverything(page) {
  await page.getByRole("button", { name: "Cymraeg" }).click();
  await page.getByRole("button", { name: "Adborth ar oruchwyliaeth" }).click();
  await page.getByRole("button", { name: "English" }).click();
  await page.getByRole("button", { name: "Self-check quiz" }).click();
  await page.getByRole("button", { name: "Clear my data" }).click();
  await page.getByRole("button", { name: "Cancel" }).click();
  await page.getByRole("button", { name: "Clear my data" }).click();
  await page.getByRole("button", { name: "Yes, clear my data" }).click();
  await page.getByText("Your data has been cleared from this computer.").waitFor();
}

for (const [name, path] of [
  ["with no CSP", "/plain"],
  ["under the strict CSP", "/strict-csp"],
]) {
  test(`makes no request but the page and the bundle ${name}`, async () => {
    const session = await openSession(browser);
    await session.page.goto(server.origin + path);
    await waitForReady(session.page);
    await useEverything(session.page);
    await session.page.reload();
    await waitForReady(session.page);
    assert.equal(await session.page.getByRole("heading", { name: "Supervision Hub" }).count(), 1);
    await session.check([server.origin + path, `${server.origin}/${BUNDLE_NAME}`]);
  });
}
