//! One gap of the summary's list: an indicator still to work on, a button that jumps to it.
//!
//! A component of its own, keyed by the indicator: an answer closes one gap, and the rest of
//! the hundred compare equal and are not built again.

use std::sync::Arc;

use shifan_rules::Catalog;
use yew::prelude::*;

use crate::shown::jump_to;
use crate::state::use_dispatch;

/// Properties of [`GapItem`].
#[derive(Properties, PartialEq)]
pub struct GapItemProps {
    /// The catalog the indicator is in.
    pub catalog: Arc<Catalog>,
    /// The indicator.
    pub number: u16,
    /// Shown read-only (an application the city review opened): the jump only scrolls.
    pub read_only: bool,
}

/// A gap: the indicator's number and title, as a jump to its card.
#[component]
pub fn GapItem(props: &GapItemProps) -> Html {
    let d = use_dispatch();
    let n = props.number;
    let title = props
        .catalog
        .indicator(n)
        .map(|i| i.title.clone())
        .unwrap_or_default();
    html! {
        <li>
            <button type="button" class="gap" onclick={jump_to(&d, props.read_only, n)} data-gap={n.to_string()}>
                <span class="gap-num">{ n }</span>
                <span class="gap-title">{ title }</span>
            </button>
        </li>
    }
}
