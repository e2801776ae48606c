// Small stand-ins for the SharePoint Framework modules the web part imports, defined as AMD
// modules the way SharePoint's own loader provides them. ES5 constructors, as SPFx's are: the web
// part is compiled to ES5 and calls its base class as a function.
/* global define */
define("@microsoft/sp-core-library", [], function () {
  return {
    Version: {
      parse: function (text) {
        return { toString: function () { return text; } };
      },
    },
  };
});

define("@microsoft/sp-property-pane", [], function () {
  // Each field as the property pane receives it: its kind, the property it edits, its options.
  function field(kind) {
    return function (targetProperty, properties) {
      return { kind: kind, targetProperty: targetProperty, properties: properties };
    };
  }
  return {
    PropertyPaneDropdown: field("Dropdown"),
    PropertyPaneTextField: field("TextField"),
    PropertyPaneToggle: field("Toggle"),
  };
});

define("@microsoft/sp-webpart-base", [], function () {
  function BaseClientSideWebPart() {}
  BaseClientSideWebPart.prototype.onInit = function () {
    return Promise.resolve();
  };
  BaseClientSideWebPart.prototype.onDispose = function () {};
  return { BaseClientSideWebPart: BaseClientSideWebPart };
});
