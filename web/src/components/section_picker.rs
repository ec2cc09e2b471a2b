//! The drop-down that jumps to a section of the workspace, for screens too narrow for the area
//! navigation.
//!
//! A component of its own: its forty-odd options change only with the catalog, the language
//! and the current section, so an answer does not rebuild them.

use std::sync::Arc;

use shifan_rules::{Catalog, Lang};
use yew::prelude::*;

use crate::components::summary::area_prefix;
use crate::components::{send_value, target_value};
use crate::i18n::texts;
use crate::state::{Action, use_dispatch};

/// Properties of [`SectionPicker`].
#[derive(Properties, PartialEq)]
pub struct SectionPickerProps {
    /// The catalog whose sections are listed.
    pub catalog: Arc<Catalog>,
    /// Page language.
    pub lang: Lang,
    /// The section holding the current indicator, shown as picked.
    pub current_section: Option<u16>,
    /// Shown read-only (an application the city review opened): picking only scrolls.
    pub read_only: bool,
}

/// The section drop-down.
#[component]
pub fn SectionPicker(props: &SectionPickerProps) -> Html {
    let d = use_dispatch();
    let t = texts(props.lang);
    let on_pick: Callback<Event> = if props.read_only {
        Callback::from(|e: Event| {
            crate::browser::focus_and_reveal(None, &format!("ind-{}", target_value(&e)))
        })
    } else {
        send_value(
            &d,
            Box::new(|v| Action::Jump(v.parse().unwrap_or_default())),
        )
    };
    html! {
        <div class="area-jump field">
            <label for="area-jump">{ t.jump_to_section }</label>
            <select id="area-jump" onchange={on_pick}>
                { for props.catalog.areas().iter().map(|area| html! {
                    <optgroup label={format!("{}{}", area_prefix(props.lang, area.number), area.title)}>
                        { for area.sections.iter().map(|section| {
                            let first = section.indicators.first().map_or(1, |i| i.number);
                            html! {
                                <option value={first.to_string()} selected={props.current_section == Some(section.number)}>
                                    { format!("{}. {}", section.number, section.title) }
                                </option>
                            }
                        }) }
                    </optgroup>
                }) }
            </select>
        </div>
    }
}
