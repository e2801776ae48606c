// The part of a SharePoint modern page that runs web parts, reduced to what the test needs:
// load a component by its manifest's module id through the page's AMD loader, give it a
// domElement, its properties and a context, call onInit() then render(), re-render after a
// property change (as the property pane does), and onDispose() when it is removed.
/* global require */
(function () {
  var parts = [];

  function load(moduleId) {
    return new Promise(function (resolve, reject) {
      require([moduleId], resolve, reject);
    });
  }

  function teamsSdk(locale) {
    return {
      teamsJs: {
        app: {
          getContext: function () {
            return Promise.resolve({ app: { locale: locale, host: { name: "Teams" } } });
          },
        },
      },
    };
  }

  function paneFields(part) {
    var fields = [];
    part.getPropertyPaneConfiguration().pages.forEach(function (page) {
      page.groups.forEach(function (group) {
        fields = fields.concat(group.groupFields);
      });
    });
    return fields;
  }

  window.spHost = {
    /**
     * Adds a web part to the zone with id `zoneId`. Options: properties (over the manifest's
     * preconfigured ones), culture (the page context's), teamsLocale (set: the context says Teams).
     * Resolves to the part's index.
     */
    addWebPart: function (moduleId, zoneId, options) {
      return load(moduleId).then(function (module) {
        var WebPart = module.default;
        var part = new WebPart();
        part.domElement = document.getElementById(zoneId);
        part.properties = Object.assign({}, window.spPreconfigured, options.properties || {});
        var culture = options.culture || "en-US";
        part.context = {
          pageContext: { cultureInfo: { currentUICultureName: culture, currentCultureName: culture } },
          sdks: options.teamsLocale ? { microsoftTeams: teamsSdk(options.teamsLocale) } : {},
          isServedFromLocalhost: false,
        };
        parts.push(part);
        return part.onInit().then(function () {
          part.render();
          return parts.length - 1;
        });
      });
    },
    setProperty: function (index, name, value) {
      parts[index].properties[name] = value;
      parts[index].render();
    },
    dispose: function (index) {
      parts[index].onDispose();
    },
    /** What the property pane shows under a text field for `value`: "" when it is accepted. */
    paneError: function (index, property, value) {
      var field = paneFields(parts[index]).filter(function (f) { return f.targetProperty === property; })[0];
      return Promise.resolve(field.properties.onGetErrorMessage(value));
    },
    /** Every field of the pane: [kind, property, label]. */
    paneFields: function (index) {
      return paneFields(parts[index]).map(function (f) {
        return [f.kind, f.targetProperty, f.properties.label];
      });
    },
  };
})();
