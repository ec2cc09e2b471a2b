//! Navigation of the workspace by area and section, with each area's progress and compliance.

use yew::prelude::*;

use crate::components::section_picker::SectionPicker;
use crate::components::summary::area_prefix;
use crate::i18n::{fill, texts};
use crate::shown::{ReadOnly, jump_to, shown};
use crate::state::AppHandle;

/// The area navigation of the county's open draft, or of `read_only`.
pub fn area_nav(state: &AppHandle, read_only: Option<&ReadOnly>) -> Html {
    let d = state.dispatcher();
    let t = texts(state.lang);
    let lang = state.lang;
    let Some((draft, catalog)) = shown(read_only, state) else {
        return Html::default();
    };
    let editable = read_only.is_none();
    let score = draft.score(catalog);
    let current = if editable { state.current } else { 0 };
    let current_area = catalog.area_of(current).map(|a| a.number);
    let current_section = catalog.section_of(current).map(|s| s.number);
    let jump = |n: u16| -> Callback<MouseEvent> { jump_to(&d, !editable, n) };
    let picker = html! {
        <SectionPicker catalog={catalog.clone()} {lang} {current_section} read_only={!editable} />
    };
    html! {
        <>
        { picker }
        <nav class="area-nav" aria-labelledby="area-nav-title">
            <h2 id="area-nav-title">{ t.areas_nav }</h2>
            <ol>
                { for catalog.areas().iter().zip(&score.areas).map(|(area, s)| {
                    let first = area.sections.first().and_then(|s| s.indicators.first()).map_or(1, |i| i.number);
                    let here = current_area == Some(area.number);
                    let tally = s.tally;
                    let meta = fill(t.area_progress, &[
                        &tally.answered().to_string(),
                        &tally.to_answer().to_string(),
                        &tally.compliance().percent(),
                    ]);
                    html! {
                        <li key={area.number} class={here.then_some("here")}>
                            <button type="button" class="area-link" onclick={jump(first)}
                                aria-current={here.then_some("true")}>
                                <span class="area-title">{ format!("{}{}", area_prefix(lang, area.number), area.title) }</span>
                                <span class="area-meta">{ meta }</span>
                                <progress max={tally.to_answer().max(1).to_string()}
                                    value={tally.answered().to_string()} aria-hidden="true" />
                            </button>
                            if here {
                                <ol class="sections">
                                    { for area.sections.iter().map(|section| {
                                        let first = section.indicators.first().map_or(1, |i| i.number);
                                        let current = current_section == Some(section.number);
                                        html! {
                                            <li key={section.number}>
                                                <button type="button" class={if current { "section-link here" } else { "section-link" }}
                                                    aria-current={current.then_some("true")} onclick={jump(first)}>
                                                    { format!("{}. {}", section.number, section.title) }
                                                </button>
                                            </li>
                                        }
                                    }) }
                                </ol>
                            }
                        </li>
                    }
                }) }
            </ol>
        </nav>
        </>
    }
}
