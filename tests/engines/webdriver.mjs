// A minimal W3C WebDriver client over Node's fetch: start a driver, open a session, navigate and
// run scripts. Enough for a smoke test in Firefox (geckodriver) and WebKit (WebKitWebDriver), whose
// browsers Playwright cannot download here. Four endpoints do not need a library.

import { spawn } from "node:child_process";
import net from "node:net";

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts a WebDriver server: `command` and `args(port)`. Returns { url, log(), stop() }; `log()`
 * is everything the driver printed (geckodriver prints the page's console there).
 */
export async function startDriver(command, args) {
  const port = await freePort();
  // Its own process group, so stop() ends the driver, its browser and any X server with it.
  const child = spawn(command, args(port), { stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    if (child.exitCode !== null) throw new Error(`${command} exited (${child.exitCode}):\n${output}`);
    try {
      const status = await (await fetch(`${url}/status`)).json();
      if (status.value && status.value.ready !== false) break;
    } catch {
      // Not listening yet.
    }
    if (tries > 300) throw new Error(`${command} did not start in 60 s:\n${output}`);
    await sleep(200);
  }
  return {
    url,
    log: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", resolve);
        try {
          process.kill(-child.pid, "SIGTERM");
        } catch {
          child.kill("SIGTERM");
        }
      }),
  };
}

async function call(method, url, body) {
  const response = await fetch(url, {
    method,
    headers: { "Content-Type": "application/json; charset=utf-8" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok || (json.value && json.value.error)) {
    const { error, message } = json.value || {};
    throw new Error(`WebDriver ${method} ${url}: ${error}: ${message}`);
  }
  return json.value;
}

/** Opens a browser session on `driverUrl` with `capabilities` (alwaysMatch). */
export async function newSession(driverUrl, capabilities) {
  const value = await call("POST", `${driverUrl}/session`, { capabilities: { alwaysMatch: capabilities } });
  const base = `${driverUrl}/session/${value.sessionId}`;
  return {
    capabilities: value.capabilities,
    goto: (url) => call("POST", `${base}/url`, { url }),
    /** Runs `fn` (a function, sent as its source) in the page with `args`; returns its result. */
    run: (fn, ...args) => call("POST", `${base}/execute/sync`, { script: `return (${fn}).apply(null, arguments);`, args }),
    close: () => call("DELETE", base).catch(() => {}),
  };
}
