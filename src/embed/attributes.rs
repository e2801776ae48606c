//! Reads the element's attributes (and the page's language) into a [`WidgetConfig`].

use gloo::console;
use web_sys::Element;

use crate::core::config::{Attributes, WidgetConfig};

/// Reads the settings of `host`, warning in the console about any value it cannot use.
pub fn read_config(host: &Element) -> WidgetConfig {
    let (config, warnings) = WidgetConfig::from_attributes(&read_attributes(host));
    for warning in warnings {
        console::warn!(warning);
    }
    config
}

fn read_attributes(host: &Element) -> Attributes {
    // The nearest `lang` around the element: an ancestor's, else the document's.
    let page_lang = host
        .parent_element()
        .and_then(|parent| parent.closest("[lang]").ok().flatten())
        .and_then(|el| el.get_attribute("lang"))
        .filter(|lang| !lang.trim().is_empty());
    Attributes {
        mode: host.get_attribute("mode"),
        lang: host.get_attribute("lang"),
        page_lang,
        storage_key: host.get_attribute("storage-key"),
    }
}
