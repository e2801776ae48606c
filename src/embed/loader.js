// The <supervision-widget> bundle: one classic script carrying the wasm (gzip, base64), the
// stylesheet and the wasm-bindgen glue. It defines the custom element and nothing else global.
// `cargo xtask dist` fills in the four placeholders below; see xtask/src/dist.rs.
//
// It also runs unchanged inside another bundle (the SharePoint web part's webpack module, on a
// page with an AMD loader): it never reads top-level `this`, `define` or `document.currentScript`,
// and a second copy on the page (another version of the web part) leaves the first's element be.
(function () {
  "use strict";

  var TAG = "supervision-widget";
  // Loading the script twice (two embeds on one page) must be harmless.
  if (typeof window === "undefined" || !window.customElements || window.customElements.get(TAG)) {
    return;
  }

  var STYLES = "__SW_STYLES__";
  var WASM_GZIP_BASE64 = "__SW_WASM__";
  // Shown when WebAssembly cannot start; from the message catalogue, in both languages.
  var STARTUP_FAILED = "__SW_STARTUP_FAILED__";

  /* __SW_GLUE__ */

  var started = null;

  // Starts the wasm once per page; every element waits on the same promise. The wasm is
  // compiled as it is inflated (a Response over the DecompressionStream, with the wasm type, so
  // instantiateStreaming can start before the last byte is out). Inside the promise chain, so a
  // browser without DecompressionStream or WebAssembly ends in the explanation, not a blank box.
  function start() {
    if (!started) {
      started = Promise.resolve().then(function () {
        mark("start");
        var bytes = decodeBase64(WASM_GZIP_BASE64);
        mark("decoded");
        var inflated = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
        var wasm = new Response(inflated, { headers: { "Content-Type": "application/wasm" } });
        return wasm_bindgen({ module_or_path: wasm }).then(function (exports) {
          mark("instantiated");
          return exports;
        });
      });
    }
    return started;
  }

  // Start-up phases on the page's performance timeline (`cargo xtask bench` reads them).
  function mark(phase) {
    if (typeof performance !== "undefined" && performance.mark) {
      performance.mark(TAG + ":" + phase);
    }
  }

  // The gzip-compressed wasm's bytes: the browser's own decoder where it has one (a fraction of
  // the time, most on a slow computer), else a loop over atob.
  function decodeBase64(base64) {
    if (typeof Uint8Array.fromBase64 === "function") {
      return Uint8Array.fromBase64(base64);
    }
    var binary = atob(base64);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i);
    }
    return bytes;
  }

  var sheet = null;

  // A constructed stylesheet is not inline style, so a host page's CSP `style-src` allows it.
  function adoptStyles(root) {
    if ("adoptedStyleSheets" in root && typeof CSSStyleSheet === "function") {
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(STYLES);
      }
      root.adoptedStyleSheets = [sheet];
    } else {
      var style = document.createElement("style");
      style.textContent = STYLES;
      root.appendChild(style);
    }
  }

  function showStartupFailure(root, error) {
    console.error("<supervision-widget> could not start:", error);
    var box = document.createElement("div");
    box.className = "sw-startup-failed";
    box.setAttribute("role", "alert");
    ["en", "cy"].forEach(function (lang) {
      var p = document.createElement("p");
      p.lang = lang;
      p.textContent = STARTUP_FAILED[lang];
      box.appendChild(p);
    });
    root.replaceChildren(box);
  }

  class SupervisionWidget extends HTMLElement {
    static get observedAttributes() {
      // Every attribute the README lists: a change takes effect without a reload.
      return ["mode", "lang", "storage-key", "questions", "pass-mark", "shuffle", "heading-level", "privacy"];
    }

    // For wrappers (the SharePoint web part's property pane): checks a value an editor typed for
    // `storage-key`, `questions` or `pass-mark` by the element's own rules. Resolves to undefined
    // when the element would use it, else the message saying what it takes, in `lang`.
    static checkSetting(name, value, lang) {
      return start().then(function () {
        return wasm_bindgen.checkSetting(name, String(value), String(lang || "en"));
      });
    }

    connectedCallback() {
      if (this._widget || this._starting) {
        return;
      }
      // The element's own children (e.g. "This tool needs JavaScript") are not slotted, so the
      // shadow root replaces them on screen while leaving them readable to later features.
      var root = this.shadowRoot || this.attachShadow({ mode: "open" });
      adoptStyles(root);
      var mountPoint = document.createElement("div");
      mountPoint.className = "sw-mount";
      root.replaceChildren(mountPoint);
      this._starting = true;
      var element = this;
      start().then(
        function () {
          element._starting = false;
          if (element.isConnected && !element._widget) {
            element._widget = wasm_bindgen.mount(element, mountPoint);
          }
        },
        function (error) {
          element._starting = false;
          showStartupFailure(root, error);
        }
      );
    }

    disconnectedCallback() {
      if (this._widget) {
        this._widget.destroy();
        this._widget.free();
        this._widget = null;
      }
    }

    attributeChangedCallback() {
      if (this._widget) {
        this._widget.refresh();
      }
    }
  }

  window.customElements.define(TAG, SupervisionWidget);
})();
