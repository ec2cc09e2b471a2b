//! The annual report page (`annual.html`, the full build): start or open a report, write it
//! part by part from the template with its guidance and length counters, see the deadlines
//! with the days left, attach the year's self-assessment, export the sealed file, and print or
//! download the versions fit to publish. Everything it shows is computed by `shifan-rules`
//! (`annual`) from the reducer's state ([`crate::annual_state`]).

mod named;
mod print;

use shifan_rules::annual::{AnnualReport, SelfAssessment, Standing, Template, read_report};
use shifan_rules::application::narrative_length;
use shifan_rules::{Lang, Problem, division, read_application};
use yew::prelude::*;

use crate::annual_state::{AnnualAction, AnnualState, OpenReport};
use crate::browser;
use crate::components::{on_file_picked, target_value};
use crate::i18n::annual::{AnnualTexts, texts};
use crate::i18n::fill;
use crate::state::{Action, AppHandle, ContactField, SaveError, SaveStatus, use_app};

/// The annual report page.
#[component]
pub fn AnnualPage() -> Html {
    let state = use_app();
    let a = &state.modes.annual;
    let t = texts(state.lang);
    // Opening, closing or printing removes the button that did it: the content area takes
    // the focus then, so it never falls back to the page body.
    let shown = (a.open.as_ref().map(OpenReport::key), a.print);
    let near = state.host.node();
    use_effect_with(shown, move |_| {
        if browser::focus_lost(near.as_ref()) {
            browser::focus_and_reveal(near.as_ref(), "content");
        }
    });
    let body = match (&a.open, a.print) {
        (Some(open), true) => print::print_view(&state, open),
        (Some(open), false) => write_view(&state, open),
        (None, _) => start_view(&state),
    };
    html! {
        <section class="annual" data-screen="annual">
            { problems(&state, t) }
            { body }
        </section>
    }
}

fn send(state: &AppHandle, action: AnnualAction) -> Callback<MouseEvent> {
    let dispatch = state.dispatcher();
    Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::annual(action.clone())))
}

fn on_value(state: &AppHandle, make: fn(String) -> AnnualAction) -> Callback<InputEvent> {
    let dispatch = state.dispatcher();
    Callback::from(move |e: InputEvent| {
        dispatch.dispatch(Action::annual(make(target_value(e.as_ref()))))
    })
}

fn problems(state: &AppHandle, t: &AnnualTexts) -> Html {
    let a = &state.modes.annual;
    if a.problems.is_empty() && !a.already_saved {
        return Html::default();
    }
    let lang = state.lang;
    html! {
        <div class="notice" role="alert" data-role="annual-problems">
            if a.already_saved { <p>{ t.already_saved }</p> }
            <ul class="problems">
                { for a.problems.iter().map(|p: &Problem| html! {
                    <li data-code={p.code.as_str()}>{ p.message.get(lang).to_string() }</li>
                }) }
            </ul>
            <button type="button" class="button" onclick={send(state, AnnualAction::Dismiss)}>
                { t.dismiss }
            </button>
        </div>
    }
}

fn start_view(state: &AppHandle) -> Html {
    let a = &state.modes.annual;
    let t = texts(state.lang);
    let lang = state.lang;
    let template = Template::builtin();
    let governments = division::all()
        .iter()
        .filter(|d| d.code != division::PROVINCE_CODE)
        .filter_map(|d| {
            shifan_rules::Applicant::from_code(&d.code_str(), Default::default())
                .ok()
                .map(|g| (d.code_str(), g.display_name()))
        });
    let code = a.form.code.clone();
    let on_code = {
        let dispatch = state.dispatcher();
        Callback::from(move |e: Event| {
            dispatch.dispatch(Action::annual(AnnualAction::SetCode(target_value(&e))))
        })
    };
    let on_national = {
        let dispatch = state.dispatcher();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            dispatch.dispatch(Action::annual(AnnualAction::SetNational(input.checked())))
        })
    };
    let start = {
        let dispatch = state.dispatcher();
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(Action::annual(AnnualAction::Start {
                now: browser::now_iso(),
            }))
        })
    };
    let open_file = {
        let dispatch = state.dispatcher();
        on_file_picked(move |file| {
            let dispatch = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let result = match browser::read_file(&file).await {
                    Ok(bytes) => read_report(&bytes).map(|v| Box::new(v.report)),
                    Err(_) => Err(vec![unreadable_file(&file.name())]),
                };
                dispatch.dispatch(Action::annual(AnnualAction::OpenFile(result)));
            });
        })
    };
    let saved = |report: &AnnualReport| {
        let key = crate::record::annual_key(&report.government.division_code, report.year);
        html! {
            <li class="draft" key={key.clone()} data-report={key.clone()}>
                <div class="draft-main">
                    <h3 class="draft-name"><bdi>{ report.title(lang) }</bdi></h3>
                    <p class="draft-meta">{ fill(t.written_at, &[&browser::local_time(&report.updated)]) }</p>
                </div>
                <button type="button" class="button primary" data-action="annual-open"
                    onclick={send(state, AnnualAction::OpenStored(key))}>{ t.continue_writing }</button>
            </li>
        }
    };
    html! {
        <>
            <h1>{ t.title }</h1>
            <p class="lead">{ template.basis.get(lang).to_string() }</p>
            <section class="drafts-section" aria-labelledby="annual-new">
                <h2 id="annual-new">{ t.new_heading }</h2>
                <div class="field">
                    <label for="annual-government">{ t.government }</label>
                    <select id="annual-government" data-role="annual-government" onchange={on_code}>
                        <option value="" selected={code.is_empty()}>{ t.choose_government }</option>
                        { for governments.map(|(c, name)| html! {
                            <option value={c.clone()} selected={c == code}>{ format!("{name}（{c}）") }</option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for="annual-year">{ t.year }</label>
                    <input id="annual-year" data-role="annual-year" inputmode="numeric"
                        value={a.form.year.clone()} oninput={on_value(state, AnnualAction::SetYear)} />
                </div>
                <div class="field checkbox">
                    <label>
                        <input type="checkbox" data-role="annual-national"
                            checked={a.form.national} onchange={on_national} />
                        { " " }{ t.national }
                    </label>
                    <p class="hint">{ t.national_hint }</p>
                </div>
                <button type="button" class="button primary" data-action="annual-start" onclick={start}>
                    { t.start }
                </button>
            </section>
            { named::named_section(state) }
            <section class="drafts-section" aria-labelledby="annual-open">
                <h2 id="annual-open">{ t.open_heading }</h2>
                <label class="button file-button">
                    <span>{ t.open_file }</span>
                    <input type="file" class="visually-hidden" accept=".json,application/json"
                        data-role="annual-open-file" onchange={open_file} />
                </label>
            </section>
            <section class="drafts-section" aria-labelledby="annual-saved">
                <h2 id="annual-saved">{ t.saved_heading }</h2>
                if a.listing.reports.is_empty() && a.listing.corrupt.is_empty() {
                    <p class="empty">{ t.none_saved }</p>
                } else {
                    <ul class="drafts">
                        { for a.listing.reports.iter().map(saved) }
                        { for a.listing.corrupt.iter().map(|c| corrupt_item(state, c)) }
                    </ul>
                }
            </section>
        </>
    }
}

/// A stored record that cannot be read: why, and its text to download (never deleted unasked).
fn corrupt_item(state: &AppHandle, c: &crate::record::Corrupt) -> Html {
    let t = texts(state.lang);
    let lang = state.lang;
    let download = {
        let (name, raw) = (c.file_name(), c.raw.clone());
        Callback::from(move |_: MouseEvent| {
            let _ = browser::download(None, &name, &raw, "text/plain;charset=utf-8");
        })
    };
    html! {
        <li class="draft corrupt" key={c.key.clone()} data-corrupt={c.key.clone()}>
            <div class="draft-main">
                <h3 class="draft-name">{ t.unreadable }{ " " }<code>{ c.key.clone() }</code></h3>
                <ul class="problems">
                    { for c.problems.iter().map(|p| html! { <li>{ p.message.get(lang).to_string() }</li> }) }
                </ul>
            </div>
            <button type="button" class="button" onclick={download}>{ t.download_raw }</button>
        </li>
    }
}

fn unreadable_file(name: &str) -> Problem {
    Problem::new(
        shifan_rules::Code::NotUtf8,
        format!("浏览器无法读取文件「{name}」。"),
        format!("the browser could not read the file “{name}”."),
    )
}

/// The save state in words.
fn save_text(a: &AnnualState, t: &AnnualTexts) -> String {
    match (&a.save, a.unsaved()) {
        (SaveStatus::Failed(SaveError::Full), _) => t.save_failed_full.to_string(),
        (SaveStatus::Failed(SaveError::Unavailable), _) => t.save_failed_unavailable.to_string(),
        (_, true) => t.saving.to_string(),
        (SaveStatus::Saved(at), false) => fill(t.saved_at, &[&browser::local_time(at)]),
        (SaveStatus::Idle, false) => t.saved_in_browser.to_string(),
    }
}

/// The deadlines of the open report against today, each with the days left or late.
fn deadlines(state: &AppHandle, open: &OpenReport) -> Html {
    let t = texts(state.lang);
    let lang = state.lang;
    let today = state.modes.annual.day();
    let items = shifan_rules::annual::deadlines(open.content.year, open.content.national);
    let (colon, gap) = match lang {
        Lang::Zh => ("：", "　"),
        Lang::En => (": ", " — "),
    };
    html! {
        <section class="annual-deadlines" aria-labelledby="annual-deadlines">
            <h2 id="annual-deadlines">{ t.deadlines }</h2>
            <ul>
                { for items.into_iter().map(|d| {
                    let standing = today.map(|today| Standing::of(today, d.last_day));
                    let late = matches!(standing, Some(Standing::Late(_)));
                    html! {
                        <li data-role="annual-deadline" data-late={late.to_string()}>
                            <strong>{ d.kind.label(lang) }</strong>{ colon }
                            { fill(t.last_day, &[&d.last_day.label(lang)]) }
                            if let Some(s) = standing {
                                { gap }<span class={if late { "late" } else { "left" }}>{ s.label(lang) }</span>
                            }
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

fn contact_field(
    state: &AppHandle,
    id: &'static str,
    label: &'static str,
    value: &str,
    make: fn(String) -> AnnualAction,
) -> Html {
    html! {
        <div class="field">
            <label for={id}>{ label }</label>
            <input id={id} data-role={id} value={value.to_string()} oninput={on_value(state, make)} />
        </div>
    }
}

fn attached_line(attached: &SelfAssessment, t: &AnnualTexts, lang: Lang) -> String {
    let ratio = attached.ratio();
    let hex = attached
        .fingerprint
        .strip_prefix(shifan_rules::canonical::SHA256_PREFIX)
        .unwrap_or(&attached.fingerprint);
    fill(
        t.attached,
        &[
            attached.kind_label(lang),
            &attached.met.to_string(),
            &attached.applicable.to_string(),
            &ratio.percent(),
            hex.get(..12).unwrap_or(hex),
            &browser::local_time(&attached.updated),
        ],
    )
}

fn write_view(state: &AppHandle, open: &OpenReport) -> Html {
    let a = &state.modes.annual;
    let t = texts(state.lang);
    let lang = state.lang;
    let template = Template::builtin();
    let content = &open.content;
    let government = &content.government;
    let title = open.sealed().title(lang);
    let on_national = {
        let dispatch = state.dispatcher();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            dispatch.dispatch(Action::annual(AnnualAction::SetNational(input.checked())))
        })
    };
    let parts = template.parts.iter().enumerate().map(|(i, part)| {
        let text = content.text(&part.key).to_string();
        let id = format!("annual-part-{}", part.key);
        let key = part.key.clone();
        let oninput = {
            let dispatch = state.dispatcher();
            Callback::from(move |e: InputEvent| {
                dispatch.dispatch(Action::annual(AnnualAction::SetPart {
                    key: key.clone(),
                    text: target_value(e.as_ref()),
                }))
            })
        };
        let count = narrative_length(&text);
        html! {
            <section class="annual-part" key={part.key.clone()} data-part={part.key.clone()}>
                <h2>
                    <label for={id.clone()}>
                        { shifan_rules::annual::part_ordinal(i, lang) }{ part.title.get(lang).to_string() }
                    </label>
                    { " " }
                    <span class={if part.required { "tag required" } else { "tag" }}>
                        { if part.required { t.required } else { t.optional } }
                    </span>
                </h2>
                <details class="guidance" open={count == 0}>
                    <summary>{ t.guidance }</summary>
                    <p>{ part.guidance.get(lang).to_string() }</p>
                </details>
                <textarea id={id} class="narrative" rows="10" data-role="annual-part"
                    data-key={part.key.clone()} value={text} {oninput} />
                <p class="counter" data-role="annual-count" aria-live="polite">
                    { fill(t.count, &[&count.to_string()]) }
                </p>
            </section>
        }
    });
    let attach = {
        let dispatch = state.dispatcher();
        let catalogs = state.drafts.catalog_set();
        on_file_picked(move |file| {
            let (dispatch, catalogs) = (dispatch.clone(), catalogs.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let result = match browser::read_file(&file).await {
                    Ok(bytes) => read_application(&bytes, &catalogs)
                        .map(|v| Box::new(SelfAssessment::of(&v))),
                    Err(_) => Err(vec![unreadable_file(&file.name())]),
                };
                dispatch.dispatch(Action::annual(AnnualAction::Attach(result)));
            });
        })
    };
    let download = |kind: &'static str| {
        let (dispatch, open) = (state.dispatcher(), open.clone());
        Callback::from(move |_: MouseEvent| {
            let sealed = open.sealed();
            let (name, text, mime) = match kind {
                "html" => (
                    format!("{}.html", sealed.file_stem()),
                    sealed.publish_html(Lang::Zh),
                    "text/html;charset=utf-8",
                ),
                "text" => (
                    format!("{}.txt", sealed.file_stem()),
                    sealed.publish_text(Lang::Zh),
                    "text/plain;charset=utf-8",
                ),
                _ => (sealed.file_name(), sealed.to_json(), "application/json"),
            };
            if browser::download(None, &name, &text, mime).is_err() {
                dispatch.dispatch(Action::annual(AnnualAction::OpenFile(Err(vec![
                    Problem::new(
                        shifan_rules::Code::NotApplication,
                        texts(Lang::Zh).download_refused,
                        texts(Lang::En).download_refused,
                    ),
                ]))));
            }
        })
    };
    let close = {
        let dispatch = state.dispatcher();
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(Action::annual(AnnualAction::Close {
                now: browser::now_iso(),
            }))
        })
    };
    let contact_problems = government.contact.problems();
    html! {
        <>
            <div class="annual-head">
                <h1 data-role="annual-title"><bdi>{ title }</bdi></h1>
                <p class="save-state" data-role="annual-save" aria-live="polite">{ save_text(a, t) }</p>
            </div>
            if state.conflict {
                <p class="notice conflict" role="alert" data-role="annual-conflict">{ t.conflict }</p>
            }
            { deadlines(state, open) }
            <section class="annual-details">
                <div class="field checkbox">
                    <label>
                        <input type="checkbox" data-role="annual-national"
                            checked={content.national} onchange={on_national} />
                        { " " }{ t.national }
                    </label>
                    <p class="hint">{ t.national_hint }</p>
                </div>
                <fieldset>
                    <legend>{ t.contact }</legend>
                    { contact_field(state, "annual-contact-name", t.contact_name, &government.contact.name,
                        |v| AnnualAction::SetContact(ContactField::Name, v)) }
                    { contact_field(state, "annual-contact-phone", t.contact_phone, &government.contact.phone,
                        |v| AnnualAction::SetContact(ContactField::Phone, v)) }
                    { contact_field(state, "annual-contact-email", t.contact_email, &government.contact.email,
                        |v| AnnualAction::SetContact(ContactField::Email, v)) }
                    { for contact_problems.iter().map(|p| html! {
                        <p class="field-problem">{ p.message.get(lang).to_string() }</p>
                    }) }
                </fieldset>
            </section>
            { for parts }
            <section class="annual-self" aria-labelledby="annual-self">
                <h2 id="annual-self">{ t.self_heading }</h2>
                if let Some(attached) = content.self_assessment.as_ref() {
                    <p data-role="annual-attached">{ attached_line(attached, t, lang) }</p>
                    <button type="button" class="button" data-action="annual-detach"
                        onclick={send(state, AnnualAction::Detach)}>{ t.detach }</button>
                } else {
                    <p class="hint">{ t.self_hint }</p>
                    <label class="button file-button">
                        <span>{ t.attach }</span>
                        <input type="file" class="visually-hidden" accept=".json,application/json"
                            data-role="annual-attach" onchange={attach} />
                    </label>
                }
            </section>
            <div class="actions annual-actions">
                <button type="button" class="button primary" data-action="annual-export"
                    onclick={download("json")}>{ t.export }</button>
                <button type="button" class="button" data-action="annual-html"
                    onclick={download("html")}>{ t.download_html }</button>
                <button type="button" class="button" data-action="annual-text"
                    onclick={download("text")}>{ t.download_text }</button>
                <button type="button" class="button" data-action="annual-print"
                    onclick={send(state, AnnualAction::Print(true))}>{ t.print_view }</button>
                <button type="button" class="button" data-action="annual-close" onclick={close}>
                    { t.close }
                </button>
            </div>
        </>
    }
}
