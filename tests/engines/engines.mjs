// The browsers beyond Chromium that the smoke test runs in, and how to drive each. `cargo xtask
// setup` installs them (Debian's firefox-esr and webkit2gtk-driver, geckodriver from crates.io)
// and `cargo xtask test` passes their paths in the environment.

import os from "node:os";
import path from "node:path";

const env = (name, fallback) => process.env[name] || fallback;

export const ENGINES = [
  {
    name: "Firefox",
    driver: env("GECKODRIVER", path.join(os.homedir(), ".cargo/bin/geckodriver")),
    driverArgs: (port) => ["--host", "127.0.0.1", "--port", String(port)],
    capabilities: {
      browserName: "firefox",
      "moz:firefoxOptions": {
        binary: env("FIREFOX", "/usr/bin/firefox-esr"),
        args: ["-headless"],
        prefs: {
          // The page's console goes to the driver's log, shown when the test fails.
          "devtools.console.stdout.content": true,
          "browser.dom.window.dump.enabled": true,
          // Nothing but the test's own pages: no update checks, telemetry or suggestions.
          "app.update.enabled": false,
          "browser.shell.checkDefaultBrowser": false,
          "datareporting.policy.dataSubmissionEnabled": false,
          "toolkit.telemetry.enabled": false,
          "network.captive-portal-service.enabled": false,
          "network.connectivity-service.enabled": false,
        },
      },
    },
  },
  {
    name: "WebKit",
    // MiniBrowser has no headless mode: the driver runs under a virtual X server.
    driver: "xvfb-run",
    driverArgs: (port) => ["-a", env("WEBKIT_WEBDRIVER", "WebKitWebDriver"), `--port=${port}`],
    capabilities: {
      "webkitgtk:browserOptions": {
        binary: env("MINIBROWSER", "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"),
        // Without --automation the session hangs.
        args: ["--automation"],
      },
    },
  },
];
