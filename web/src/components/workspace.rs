//! The indicator workspace: area navigation, every indicator of the catalog grouped by area
//! and section, and the summary.

use yew::prelude::*;

use crate::components::indicator::IndicatorCard;
use crate::components::nav::area_nav;
use crate::components::summary::{area_prefix, summary};
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
    let list = catalog.areas().iter().map(|area| {
        html! {
            <section class="area" key={area.number} id={format!("area-{}", area.number)}
                aria-labelledby={format!("area-{}-title", area.number)}>
                <h2 id={format!("area-{}-title", area.number)}>
                    { format!("{}{}", area_prefix(lang, area.number), area.title) }
                </h2>
                { for area.sections.iter().map(|section| html! {
                    <section class="section" key={section.number}
                        aria-labelledby={format!("section-{}-title", section.number)}>
                        <h3 id={format!("section-{}-title", section.number)}>
                            { format!("{}. {}", section.number, section.title) }
                        </h3>
                        { for section.indicators.iter().map(|indicator| {
                            let n = indicator.number;
                            let answer = draft.assessment.get(n).cloned();
                            html! {
                                <IndicatorCard key={n}
                                    catalog={catalog.clone()}
                                    number={n}
                                    {answer}
                                    {lang}
                                    excluded={!indicator.applies_to.applies_to(level)}
                                    current={editable && state.current == n}
                                    pending={state.pending.clone().filter(|p| editable && p.number == n)}
                                    form={state.evidence_form.clone().filter(|f| editable && f.number == n)}
                                    read_only={!editable} />
                            }
                        }) }
                    </section>
                }) }
            </section>
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
                { for list }
            </section>
            { summary(state, read_only) }
        </div>
    }
}
