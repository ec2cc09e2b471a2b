//! One area of the workspace: its heading, its sections and their indicator cards.
//!
//! An area is a component of its own so that an answer re-renders the one area it belongs to:
//! the other areas' props compare equal and Yew skips them, without building their cards.

use std::sync::Arc;

use shifan_rules::{Answer, Catalog, GovLevel, Lang};
use yew::prelude::*;

use crate::components::indicator::IndicatorCard;
use crate::components::summary::area_prefix;
use crate::state::{EvidenceForm, PendingStatus};

/// Properties of [`AreaSection`]: everything its cards show, and nothing of other areas.
#[derive(Properties, PartialEq)]
pub struct AreaProps {
    /// The catalog.
    pub catalog: Arc<Catalog>,
    /// Where the area is in the catalog's list of areas.
    pub index: usize,
    /// The answers of the area's indicators (a damaged draft may lack some).
    pub answers: Vec<Answer>,
    /// The applicant's level, which decides the indicators that do not apply.
    pub level: GovLevel,
    /// Page language.
    pub lang: Lang,
    /// The indicator the keyboard acts on, when it is in this area (else 0).
    pub current: u16,
    /// A status of one of the area's indicators waiting for its reason.
    pub pending: Option<PendingStatus>,
    /// The evidence form, when open for one of the area's indicators.
    pub form: Option<EvidenceForm>,
    /// Shown read-only (an application the city review opened).
    pub read_only: bool,
}

/// One area, with its sections and their cards.
#[component]
pub fn AreaSection(props: &AreaProps) -> Html {
    let Some(area) = props.catalog.areas().get(props.index) else {
        return Html::default();
    };
    let sections = area.sections.iter().map(|section| {
        let cards = section.indicators.iter().map(|indicator| {
            let n = indicator.number;
            html! {
                <IndicatorCard key={n}
                    catalog={props.catalog.clone()}
                    number={n}
                    answer={props.answers.iter().find(|a| a.number == n).cloned()}
                    lang={props.lang}
                    excluded={!indicator.applies_to.applies_to(props.level)}
                    current={props.current == n}
                    pending={props.pending.clone().filter(|p| p.number == n)}
                    form={props.form.clone().filter(|f| f.number == n)}
                    read_only={props.read_only} />
            }
        });
        html! {
            <section class="section" key={section.number}
                aria-labelledby={format!("section-{}-title", section.number)}>
                <h3 id={format!("section-{}-title", section.number)}>
                    { format!("{}. {}", section.number, section.title) }
                </h3>
                { for cards }
            </section>
        }
    });
    html! {
        <section class="area" id={format!("area-{}", area.number)}
            aria-labelledby={format!("area-{}-title", area.number)}>
            <h2 id={format!("area-{}-title", area.number)}>
                { format!("{}{}", area_prefix(props.lang, area.number), area.title) }
            </h2>
            { for sections }
        </section>
    }
}
