//! The annual report page's section for a named place: load the province's register once to
//! mark the government as named, and from then on see the report due in each reporting season
//! with the days left (computed by `shifan_rules::supervision::reminder`).

use shifan_rules::Lang;
use shifan_rules::register::read_register;
use shifan_rules::supervision::{OwnNaming, reminder};
use yew::prelude::*;

use crate::annual_state::AnnualAction;
use crate::browser;
use crate::components::on_file_picked;
use crate::i18n::annual::texts;
use crate::i18n::fill;
use crate::record::KeptRegister;
use crate::state::{Action, AppHandle};

/// The named place's section of the start screen.
pub(super) fn named_section(state: &AppHandle) -> Html {
    let a = &state.modes.annual;
    let t = texts(state.lang);
    let load = {
        let dispatch = state.dispatcher();
        on_file_picked(move |file| {
            let dispatch = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let result = match browser::read_file(&file).await {
                    Ok(bytes) => read_register(&bytes).map(Box::new),
                    Err(_) => Err(vec![super::unreadable_file(&file.name())]),
                };
                dispatch.dispatch(Action::annual(AnnualAction::KeepRegister(result)));
            });
        })
    };
    html! {
        <section class="drafts-section" aria-labelledby="annual-named" data-role="annual-named">
            <h2 id="annual-named">{ t.named_heading }</h2>
            <p class="hint">{ t.named_intro }</p>
            if a.named.kept.is_empty() && a.named.corrupt.is_empty() {
                <p class="empty">{ t.named_none }</p>
            } else {
                <ul class="drafts">
                    { for a.named.kept.iter().flat_map(|k| k.namings.iter().map(move |n| (k, n))).map(|(k, n)| naming(state, k, n)) }
                    { for a.named.corrupt.iter().map(|c| super::corrupt_item(state, c)) }
                </ul>
            }
            <label class="button file-button">
                <span>{ t.named_load }</span>
                <input type="file" class="visually-hidden" accept=".json,application/json"
                    data-role="annual-register-file" onchange={load} />
            </label>
        </section>
    }
}

/// One of the government's entries, with its reminder on the page's day.
fn naming(state: &AppHandle, kept: &KeptRegister, n: &OwnNaming) -> Html {
    let a = &state.modes.annual;
    let t = texts(state.lang);
    let lang = state.lang;
    let colon = match lang {
        Lang::Zh => "：",
        Lang::En => ": ",
    };
    let due = a
        .day()
        .and_then(|today| reminder(n, today, a.form.national));
    let write = due.as_ref().map(|r| {
        let dispatch = state.dispatcher();
        let (code, year) = (kept.division_code.clone(), r.year.to_string());
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(Action::annual(AnnualAction::SetCode(code.clone())));
            dispatch.dispatch(Action::annual(AnnualAction::SetYear(year.clone())));
            dispatch.dispatch(Action::annual(AnnualAction::Start {
                now: browser::now_iso(),
            }));
        })
    });
    let key = format!("{}:{}", kept.key, n.entry.category);
    html! {
        <li class="draft" key={key} data-named={kept.division_code.clone()}
            data-in-season={due.as_ref().map(|r| r.in_season.to_string())}>
            <div class="draft-main">
                <h3 class="draft-name">
                    <bdi>{ fill(t.named_as, &[&n.name, &n.named_on.label(lang), &n.kind_label(lang), &n.document_number]) }</bdi>
                </h3>
                <p class="draft-meta">{ kept.register.round.title.clone() }</p>
                if let Some(day) = n.delisted_on {
                    <p class="late">{ fill(t.named_delisted, &[&day.label(lang)]) }</p>
                }
                if let Some(r) = &due {
                    <p data-role="annual-reminder" class={if r.in_season { "reminder in-season" } else { "reminder" }}>
                        <strong>{ fill(if r.in_season { t.named_due } else { t.named_next }, &[&r.year.to_string()]) }</strong>
                    </p>
                    <ul>
                        { for r.deadlines.iter().map(|(d, s)| html! {
                            <li>
                                { d.kind.label(lang) }{ colon }{ fill(t.last_day, &[&d.last_day.label(lang)]) }
                                { " " }<span class={if matches!(s, shifan_rules::annual::Standing::Late(_)) { "late" } else { "left" }}>{ s.label(lang) }</span>
                            </li>
                        }) }
                    </ul>
                }
            </div>
            if let Some(write) = write {
                <button type="button" class="button" data-action="annual-write-due" onclick={write}>{ t.named_write }</button>
            }
        </li>
    }
}
