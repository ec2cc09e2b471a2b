//! The indicator workspace: area navigation, every indicator of the catalog grouped by area
//! and section, and the summary.

use yew::prelude::*;

use crate::components::area::AreaSection;
use crate::components::nav::area_nav;
use crate::components::summary::summary;
use crate::i18n::texts;
use crate::shown::{ReadOnly, shown};
use crate::state::AppHandle;

/// The workspace: the county's open draft, or `read_only` (an application the city review
/// opened).
pub fn workspace(state: &AppHandle, read_only: Option<&ReadOnly>) -> Html {
    let t = texts(state.lang);
    let lang = state.lang;
    let Some((draft, catalog)) = shown(read_only, state) else {
        return Html::default();
    };
    let editable = read_only.is_none();
    let level = draft.level();
    let current = if editable { state.current } else { 0 };
    let areas = catalog.areas().iter().enumerate().map(|(index, area)| {
        let holds = |n: u16| catalog.area_of(n).is_some_and(|a| a.number == area.number);
        html! {
            <AreaSection key={area.number}
                catalog={catalog.clone()}
                {index}
                answers={area.sections.iter().flat_map(|s| &s.indicators).filter_map(|i| draft.assessment.get(i.number).cloned()).collect::<Vec<_>>()}
                {level}
                {lang}
                current={if holds(current) { current } else { 0 }}
                pending={state.pending.clone().filter(|p| editable && holds(p.number))}
                form={state.evidence_form.clone().filter(|f| editable && holds(f.number))}
                read_only={!editable} />
        }
    });
    html! {
        <div class="workspace">
            { area_nav(state, read_only) }
            <section class="indicators" aria-labelledby="indicators-title">
                <h1 id="indicators-title">{ t.indicators_title }</h1>
                if editable {
                    <p class="keys" id="keyboard-help">{ t.keyboard_help }</p>
                }
                { for areas }
            </section>
            { summary(state, read_only) }
        </div>
    }
}
