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

/// The text of each `<script type="application/json">` child: host-supplied question sets.
fn question_sets(host: &Element) -> Vec<String> {
    let Ok(scripts) = host.query_selector_all(":scope > script[type='application/json']") else {
        return Vec::new();
    };
    (0..scripts.length())
        .filter_map(|i| scripts.item(i))
        .filter_map(|script| script.text_content())
        .collect()
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
        questions: host.get_attribute("questions"),
        pass_mark: host.get_attribute("pass-mark"),
        shuffle: host.get_attribute("shuffle"),
        heading_level: host.get_attribute("heading-level"),
        privacy: host.get_attribute("privacy"),
        question_sets: question_sets(host),
    }
}
