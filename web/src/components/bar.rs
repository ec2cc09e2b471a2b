//! A horizontal bar for a share in tenths of a percent, with an optional marker (the 90% line).
//!
//! Widths are set through the CSS object model, not a `style` attribute, so the page's
//! Content-Security-Policy can forbid inline styles.

use web_sys::HtmlElement;
use yew::prelude::*;

/// Properties of [`Bar`].
#[derive(Properties, PartialEq)]
pub struct BarProps {
    /// The share, 0..=1000 (tenths of a percent); `None` when there is nothing to measure.
    pub per_mille: Option<u32>,
    /// Where to draw the line, 0..=1000.
    #[prop_or_default]
    pub marker: Option<u32>,
    /// The accessible description, e.g. "87.5% met".
    pub label: AttrValue,
    /// Whether the share reaches the marker (colours the bar).
    #[prop_or_default]
    pub reached: bool,
}

fn percent(pm: u32) -> String {
    format!("{}.{}%", pm.min(1000) / 10, pm.min(1000) % 10)
}

fn set_left_or_width(node: &NodeRef, property: &str, value: &str) {
    if let Some(el) = node.cast::<HtmlElement>() {
        let _ = el.style().set_property(property, value);
    }
}

/// The bar.
#[component]
pub fn Bar(props: &BarProps) -> Html {
    let fill = use_node_ref();
    let mark = use_node_ref();
    {
        let (fill, mark) = (fill.clone(), mark.clone());
        use_effect_with((props.per_mille, props.marker), move |(pm, marker)| {
            set_left_or_width(&fill, "width", &percent(pm.unwrap_or(0)));
            if let Some(m) = marker {
                set_left_or_width(&mark, "left", &percent(*m));
            }
        });
    }
    html! {
        <div class={if props.reached { "bar reached" } else { "bar" }} role="img"
            aria-label={props.label.clone()}>
            <div class="bar-fill" ref={fill}></div>
            if props.marker.is_some() {
                <div class="bar-marker" ref={mark}></div>
            }
        </div>
    }
}
