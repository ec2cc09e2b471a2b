//! A horizontal bar for a share in tenths of a percent, with an optional marker (the 90% line).
//!
//! Drawn as SVG whose geometry is in attributes (a 1000-unit-wide view box, one unit per
//! tenth of a percent), so the page's Content-Security-Policy can forbid inline styles and the
//! bar still needs no script of its own: it is a function of its numbers.

use yew::prelude::*;

/// The bar for `per_mille` (0..=1000; `None` when there is nothing to measure) with a line at
/// `marker`, labelled `label` for assistive technology; `reached` colours it as meeting the line.
pub fn bar(per_mille: Option<u32>, marker: Option<u32>, label: String, reached: bool) -> Html {
    let width = per_mille.unwrap_or(0).min(1000).to_string();
    html! {
        <svg class={if reached { "bar reached" } else { "bar" }} viewBox="0 0 1000 10"
            preserveAspectRatio="none" role="img" aria-label={label}>
            <rect class="bar-track" width="1000" height="10" />
            <rect class="bar-fill" {width} height="10" />
            if let Some(m) = marker {
                <line class="bar-marker" x1={m.min(1000).to_string()} x2={m.min(1000).to_string()}
                    y1="-4" y2="14" />
            }
        </svg>
    }
}
