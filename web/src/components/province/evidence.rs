//! The province page's evidence panel: per candidate, opened by the "record evidence" button
//! of its pool row or ranking row, a dialog over the page with the third-party evaluation, the
//! satisfaction survey (its rate with the Wilson 95% interval, as the rules word it), the
//! on-site verification and the objections received during the notice. Each part is recorded
//! through the reducer (`EvidenceAction`), which the rules' setters check; what the rules
//! refuse stays in the form with their problems. The candidate's standing is shown live, from
//! the rules' ranking. Focus goes to the dialog when it opens and back to its button when it
//! closes; Escape closes it and Tab stays inside.

use std::cell::RefCell;
use std::rc::Rc;

use shifan_rules::evidence::{Conclusion, Evidence, Figure, Resolution};
use shifan_rules::programme::{KindKey, Part};
use shifan_rules::{Lang, Problem};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::notices::problem_item;
use crate::components::target_value;
use crate::evidence_state::{
    AnswersForm, CheckForm, EvaluationForm, EvidenceAction, EvidenceForm, EvidencePart,
    ObjectionForm, OnSiteForm, OptionForm, SurveyForm,
};
use crate::i18n::evidence::{EvidenceTexts, evidence_texts};
use crate::i18n::{fill, texts};
use crate::province_state::ProvinceAction;
use crate::state::{Action, AppHandle, use_app};

fn evidence(action: EvidenceAction) -> Action {
    Action::province(ProvinceAction::Evidence(action))
}

/// The selector of a candidate's "record evidence" buttons.
fn button_selector(integrity: &str) -> String {
    format!("[data-action=\"record-evidence\"][data-id=\"{integrity}\"]")
}

/// The "record evidence" button of a candidate's row.
pub fn record_button(state: &AppHandle, integrity: &str, applicant: &str) -> Html {
    let t = evidence_texts(state.lang);
    let onclick = {
        let dispatch = state.dispatcher();
        let id = integrity.to_string();
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(evidence(EvidenceAction::Open(id.clone())))
        })
    };
    html! {
        <button type="button" class="record-evidence" data-action="record-evidence"
            data-id={integrity.to_string()} aria-label={fill(t.record_label, &[applicant])}
            aria-haspopup="dialog" {onclick}>{ t.record }</button>
    }
}

/// The column heading of the buttons.
pub fn record_heading(lang: Lang) -> &'static str {
    evidence_texts(lang).record
}

fn problems_list(problems: &[Problem], state: &AppHandle) -> Html {
    let t = texts(state.lang);
    html! {
        <ul class="problems">{ for problems.iter().map(|p| problem_item(p, state, t)) }</ul>
    }
}

/// A rules label as a heading or a field's name: its first letter capital (the rules' English
/// labels are lower case, for use inside sentences).
fn capital(label: &str) -> String {
    let mut chars = label.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A labelled input (`text`, `date`, a whole-number `figure` or a `textarea`) whose every edit
/// goes to `set`.
fn field(
    label: &str,
    role: &'static str,
    kind: &'static str,
    value: &str,
    set: Callback<String>,
) -> Html {
    let oninput = Callback::from(move |e: InputEvent| set.emit(target_value(&e)));
    html! {
        <label class="field">
            <span>{ label.to_string() }</span>
            if kind == "textarea" {
                <textarea data-role={role} value={value.to_string()} {oninput} rows="3" />
            } else {
                // A figure is typed as text (the rules read it) with a keypad of digits.
                <input type={if kind == "figure" { "text" } else { kind }} data-role={role}
                    value={value.to_string()} {oninput}
                    inputmode={if kind == "figure" { "numeric" } else { "text" }} />
            }
        </label>
    }
}

/// A callback that edits a field of the form held in `form`.
fn edit<F: Clone + 'static>(form: &UseStateHandle<F>, f: fn(&mut F, String)) -> Callback<String> {
    let form = form.clone();
    Callback::from(move |v: String| {
        let mut next = (*form).clone();
        f(&mut next, v);
        form.set(next);
    })
}

/// The status under a part: recorded or cleared, or the rules' problems with the form kept.
fn outcome(
    state: &AppHandle,
    t: &EvidenceTexts,
    integrity: &str,
    part: EvidencePart,
    name: &str,
) -> Html {
    let e = &state.modes.province.evidence;
    if let Some(refused) = e.refused(integrity, part) {
        return html! {
            <div class="notice error" role="alert" data-testid="evidence-refused">
                <p>{ t.refused }</p>
                { problems_list(&refused.problems, state) }
            </div>
        };
    }
    match e.recorded {
        Some(r) if r.part == part => html! {
            <p class="open-report" role="status" data-testid="evidence-recorded">
                { fill(if r.cleared { t.cleared } else { t.saved }, &[name]) }
            </p>
        },
        _ => Html::default(),
    }
}

/// The save and clear buttons of a part (clear only when something is recorded).
fn actions(
    t: &EvidenceTexts,
    part: &'static str,
    save: Callback<MouseEvent>,
    clear: Option<Callback<MouseEvent>>,
) -> Html {
    html! {
        <div class="start-actions">
            <button type="button" class="primary" data-action={format!("save-{part}")} onclick={save}>{ t.save }</button>
            if let Some(clear) = clear {
                <button type="button" data-action={format!("clear-{part}")} onclick={clear}>{ t.clear }</button>
            }
        </div>
    }
}

/// Which candidate a part's form is for.
#[derive(Properties, PartialEq, Clone)]
pub struct CandidateProps {
    /// The candidate's application fingerprint.
    pub integrity: String,
}

/// The panel, when a candidate's is open.
#[component]
pub fn EvidencePanel() -> Html {
    let state = use_app();
    let p = &state.modes.province;
    match &p.evidence.open {
        Some(id) if p.session.get(id).is_some() => {
            html! { <EvidenceDialog key={id.clone()} integrity={id.clone()} /> }
        }
        _ => Html::default(),
    }
}

/// Focuses an element, when it is one that can be.
fn focus(element: Option<web_sys::Element>) {
    if let Some(e) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = e.focus();
    }
}

#[component]
fn EvidenceDialog(props: &CandidateProps) -> Html {
    let state = use_app();
    let t = evidence_texts(state.lang);
    let lang = state.lang;
    let heading = use_node_ref();
    let close_button = use_node_ref();
    // The element that had focus when the panel opened (its button), to go back to.
    let opener = use_mut_ref(|| None::<web_sys::Element>);
    {
        let heading = heading.clone();
        let opener = opener.clone();
        let id = props.integrity.clone();
        use_effect_with((), move |_| {
            let document = web_sys::window().and_then(|w| w.document());
            *opener.borrow_mut() = document.as_ref().and_then(|d| d.active_element());
            focus(heading.cast::<web_sys::Element>());
            move || back_to_button(&opener, &id)
        });
    }
    let p = &state.modes.province;
    let Some(c) = p.session.get(&props.integrity) else {
        return Html::default();
    };
    let name = c.verified.file.applicant.display_name();
    let files_refused = p.evidence.files_refused;
    let kind = KindKey::of(&c.verified.file.kind);
    let standing = p
        .session
        .rank(kind)
        .into_iter()
        .find(|r| r.integrity == props.integrity)
        .map(|r| super::standing_text(&r, lang, crate::i18n::province::province_texts(lang)));
    let close = {
        let dispatch = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(evidence(EvidenceAction::Close)))
    };
    let onkeydown = {
        let dispatch = state.dispatcher();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                e.stop_propagation();
                dispatch.dispatch(evidence(EvidenceAction::Close));
            }
        })
    };
    // Tab stays in the dialog: the guards at either end send focus round to the other end.
    let to_start = {
        let heading = heading.clone();
        Callback::from(move |_: FocusEvent| focus(heading.cast::<web_sys::Element>()))
    };
    let to_end = {
        let close_button = close_button.clone();
        Callback::from(move |_: FocusEvent| focus(close_button.cast::<web_sys::Element>()))
    };
    let id = props.integrity.clone();
    html! {
        <div class="evidence-backdrop">
            <div tabindex="0" class="focus-guard" onfocus={to_end.clone()} />
            <div class="evidence-dialog" role="dialog" aria-modal="true" aria-labelledby="evidence-title"
                data-testid="evidence-panel" data-id={id.clone()} {onkeydown}>
                <div class="evidence-head">
                    <h2 id="evidence-title" tabindex="-1" ref={heading}>{ fill(t.title, &[&name]) }</h2>
                </div>
                // A candidate that is not eligible is in no ranking.
                if let Some(standing) = standing {
                    <p class="evidence-standing" role="status" data-testid="evidence-standing">{ fill(t.standing, &[&standing]) }</p>
                }
                if files_refused {
                    <p class="notice warning" role="alert" data-testid="evidence-files-refused">{ t.files_refused }</p>
                }
                <EvaluationPart integrity={id.clone()} />
                <SurveyPart integrity={id.clone()} />
                <OnSitePart integrity={id.clone()} />
                <ObjectionsPart integrity={id} />
                <div class="start-actions evidence-foot">
                    <button type="button" data-action="close-evidence" ref={close_button} onclick={close}>{ t.close }</button>
                </div>
            </div>
            <div tabindex="0" class="focus-guard" onfocus={to_start} />
        </div>
    }
}

/// Gives focus back to the button that opened the panel, or to another of the candidate's
/// buttons when the rows were redrawn (the ranking reorders as evidence is recorded).
fn back_to_button(opener: &Rc<RefCell<Option<web_sys::Element>>>, integrity: &str) {
    let opened_by = opener
        .borrow_mut()
        .take()
        .filter(|e| e.is_connected() && e.get_attribute("data-id").as_deref() == Some(integrity));
    let element = opened_by.or_else(|| {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(&button_selector(integrity)).ok().flatten())
    });
    focus(element);
}

fn recorded_line(t: &EvidenceTexts, text: Option<String>, testid: &'static str) -> Html {
    html! {
        <p class="evidence-now" data-testid={testid}>
            { match text {
                Some(text) => fill(t.recorded_as, &[&text]),
                None => t.nothing.to_string(),
            } }
        </p>
    }
}

/// `main` with `notes` beside it in brackets, as each language writes them.
fn aside(lang: Lang, main: String, notes: &[&str]) -> String {
    match lang {
        Lang::Zh => format!("{main}（{}）", notes.join("，")),
        Lang::En => format!("{main} ({})", notes.join(", ")),
    }
}

fn session_evidence(state: &AppHandle, integrity: &str) -> Evidence {
    state.modes.province.session.evidence(integrity)
}

#[component]
fn EvaluationPart(props: &CandidateProps) -> Html {
    let state = use_app();
    let t = evidence_texts(state.lang);
    let lang = state.lang;
    let p = &state.modes.province;
    let recorded = session_evidence(&state, &props.integrity).evaluation;
    let form = {
        let kept = p
            .evidence
            .refused(&props.integrity, EvidencePart::Evaluation)
            .map(|r| r.form.clone());
        let recorded = recorded.clone();
        let scale = p.session.profile().default_points_scale();
        use_state(move || match kept {
            Some(EvidenceForm::Evaluation(f)) => f,
            _ => recorded
                .as_ref()
                .map_or_else(|| EvaluationForm::blank(scale), EvaluationForm::of),
        })
    };
    let send = |value: Option<EvaluationForm>| {
        let dispatch = state.dispatcher();
        let id = props.integrity.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(evidence(EvidenceAction::Evaluation(
                id.clone(),
                value.clone(),
            )))
        })
    };
    let name = Part::Evaluation.label(lang);
    html! {
        <section class="evidence-part" data-part="evaluation" aria-labelledby="ev-title">
            <h3 id="ev-title">{ capital(name) }</h3>
            { recorded_line(t, recorded.as_ref().map(|e| aside(lang, format!("{}/{}", e.score, e.scale), &[&e.evaluator, &e.date])), "evaluation-now") }
            <div class="field-row">
                { field(t.evaluator, "ev-evaluator", "text", &form.evaluator, edit(&form, |f, v| f.evaluator = v)) }
                { field(t.evaluation_date, "ev-date", "date", &form.date, edit(&form, |f, v| f.date = v)) }
            </div>
            <div class="field-row">
                { field(t.score, "ev-score", "text", &form.score, edit(&form, |f, v| f.score = v)) }
                { field(&capital(Figure::Scale.label(lang)), "ev-scale", "figure", &form.scale, edit(&form, |f, v| f.scale = v)) }
                { field(t.report, "ev-report", "text", &form.report, edit(&form, |f, v| f.report = v)) }
            </div>
            { actions(t, "evaluation", send(Some((*form).clone())), recorded.is_some().then(|| send(None))) }
            { outcome(&state, t, &props.integrity, EvidencePart::Evaluation, name) }
        </section>
    }
}

#[component]
fn SurveyPart(props: &CandidateProps) -> Html {
    let state = use_app();
    let t = evidence_texts(state.lang);
    let lang = state.lang;
    let p = &state.modes.province;
    let recorded = session_evidence(&state, &props.integrity).survey;
    let start = match p.evidence.refused(&props.integrity, EvidencePart::Survey) {
        Some(r) => match &r.form {
            EvidenceForm::Survey(f) => f.clone(),
            _ => SurveyForm::blank(),
        },
        None => recorded
            .as_ref()
            .map_or_else(SurveyForm::blank, SurveyForm::of),
    };
    // Counts and options are both kept while the office switches between them.
    let (start_counts, start_options, start_by_options) = match &start.answers {
        AnswersForm::Counts {
            respondents,
            satisfied,
        } => (
            (respondents.clone(), satisfied.clone()),
            SurveyForm::usual_options(lang),
            false,
        ),
        AnswersForm::Distribution(options) => {
            ((String::new(), String::new()), options.clone(), true)
        }
    };
    let head = {
        let start = start.clone();
        use_state(move || SurveyForm {
            answers: AnswersForm::Distribution(Vec::new()),
            ..start
        })
    };
    let counts = use_state(move || start_counts);
    let options = use_state(move || start_options);
    let by_options = use_state(move || start_by_options);
    let form = SurveyForm {
        by: head.by.clone(),
        date: head.date.clone(),
        answers: if *by_options {
            AnswersForm::Distribution((*options).clone())
        } else {
            AnswersForm::Counts {
                respondents: counts.0.clone(),
                satisfied: counts.1.clone(),
            }
        },
    };
    // The rate of what is typed, before it is recorded, as the rules word it.
    let preview = form
        .read()
        .ok()
        .filter(|s| s.problems().is_empty())
        .map(|s| s.describe(lang));
    let send = |value: Option<SurveyForm>| {
        let dispatch = state.dispatcher();
        let id = props.integrity.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(evidence(EvidenceAction::Survey(id.clone(), value.clone())))
        })
    };
    let mode = |value: bool, label: &str| {
        let checked = *by_options == value;
        let by_options = by_options.clone();
        let onchange = Callback::from(move |_: Event| by_options.set(value));
        html! {
            <label class="choice">
                <input type="radio" name="sv-mode" value={if value { "options" } else { "counts" }}
                    data-role="sv-mode" {checked} {onchange} />
                { format!(" {label}") }
            </label>
        }
    };
    let set_count = |which: usize| {
        let counts = counts.clone();
        Callback::from(move |v: String| {
            let mut next = (*counts).clone();
            if which == 0 {
                next.0 = v
            } else {
                next.1 = v
            }
            counts.set(next);
        })
    };
    let option_row = |(i, o): (usize, &OptionForm)| {
        let set = |f: fn(&mut OptionForm, String)| {
            let options = options.clone();
            Callback::from(move |v: String| {
                let mut next = (*options).clone();
                if let Some(o) = next.get_mut(i) {
                    f(o, v)
                }
                options.set(next);
            })
        };
        let on_label = set(|o, v| o.label = v);
        let on_count = set(|o, v| o.count = v);
        let on_satisfied = {
            let options = options.clone();
            Callback::from(move |e: Event| {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                let mut next = (*options).clone();
                if let Some(o) = next.get_mut(i) {
                    o.satisfied = input.checked()
                }
                options.set(next);
            })
        };
        let remove = {
            let options = options.clone();
            Callback::from(move |_: MouseEvent| {
                let mut next = (*options).clone();
                if i < next.len() {
                    next.remove(i);
                }
                options.set(next);
            })
        };
        let shown = if o.label.trim().is_empty() {
            (i + 1).to_string()
        } else {
            o.label.clone()
        };
        html! {
            <li class="survey-option" data-option={i.to_string()}>
                <input type="text" data-role="sv-option-label" aria-label={format!("{} {}", t.option, i + 1)}
                    value={o.label.clone()} oninput={Callback::from(move |e: InputEvent| on_label.emit(target_value(&e)))} />
                <input type="text" inputmode="numeric" data-role="sv-option-count"
                    aria-label={format!("{}：{}", shown, Figure::OptionCount.label(lang))}
                    value={o.count.clone()} oninput={Callback::from(move |e: InputEvent| on_count.emit(target_value(&e)))} />
                <label class="choice">
                    <input type="checkbox" data-role="sv-option-satisfied" checked={o.satisfied} onchange={on_satisfied} />
                    { format!(" {}", t.counts_satisfied) }
                </label>
                <button type="button" class="link" data-action="remove-option" onclick={remove}>{ fill(t.remove_option, &[&shown]) }</button>
            </li>
        }
    };
    let add_option = {
        let options = options.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*options).clone();
            next.push(OptionForm::default());
            options.set(next);
        })
    };
    let name = Part::Satisfaction.label(lang);
    html! {
        <section class="evidence-part" data-part="survey" aria-labelledby="sv-title">
            <h3 id="sv-title">{ capital(name) }</h3>
            { recorded_line(t, recorded.as_ref().map(|s| s.describe(lang)), "survey-now") }
            <div class="field-row">
                { field(t.survey_by, "sv-by", "text", &head.by, edit(&head, |f, v| f.by = v)) }
                { field(t.survey_date, "sv-date", "date", &head.date, edit(&head, |f, v| f.date = v)) }
            </div>
            <fieldset class="choices">
                <legend>{ t.answers }</legend>
                { mode(false, t.by_counts) }
                { mode(true, t.by_options) }
            </fieldset>
            if *by_options {
                <ul class="survey-options">{ for options.iter().enumerate().map(option_row) }</ul>
                <button type="button" data-action="add-option" onclick={add_option}>{ t.add_option }</button>
            } else {
                <div class="field-row">
                    { field(&capital(Figure::Respondents.label(lang)), "sv-respondents", "figure", &counts.0, set_count(0)) }
                    { field(&capital(Figure::Satisfied.label(lang)), "sv-satisfied", "figure", &counts.1, set_count(1)) }
                </div>
            }
            if let Some(preview) = preview {
                <p class="hint" data-testid="survey-preview">{ fill(t.as_typed, &[&preview]) }</p>
            }
            { actions(t, "survey", send(Some(form.clone())), recorded.is_some().then(|| send(None))) }
            { outcome(&state, t, &props.integrity, EvidencePart::Survey, name) }
        </section>
    }
}

#[component]
fn OnSitePart(props: &CandidateProps) -> Html {
    let state = use_app();
    let t = evidence_texts(state.lang);
    let lang = state.lang;
    let p = &state.modes.province;
    let recorded = session_evidence(&state, &props.integrity).on_site;
    let form = {
        let kept = p
            .evidence
            .refused(&props.integrity, EvidencePart::OnSite)
            .map(|r| r.form.clone());
        let recorded = recorded.clone();
        use_state(move || match kept {
            Some(EvidenceForm::OnSite(f)) => f,
            _ => recorded
                .as_ref()
                .map_or_else(OnSiteForm::blank, OnSiteForm::of),
        })
    };
    let send = |value: Option<OnSiteForm>| {
        let dispatch = state.dispatcher();
        let id = props.integrity.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(evidence(EvidenceAction::OnSite(id.clone(), value.clone())))
        })
    };
    let check_row = |(i, c): (usize, &CheckForm)| {
        let on_done = {
            let form = form.clone();
            Callback::from(move |e: Event| {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                let mut next = (*form).clone();
                if let Some(c) = next.checks.get_mut(i) {
                    c.done = input.checked()
                }
                form.set(next);
            })
        };
        let on_note = {
            let form = form.clone();
            Callback::from(move |e: InputEvent| {
                let mut next = (*form).clone();
                if let Some(c) = next.checks.get_mut(i) {
                    c.note = target_value(&e);
                    // Saying what was checked is doing it.
                    c.done = c.done || !c.note.trim().is_empty();
                }
                form.set(next);
            })
        };
        let label = c.kind.label(lang);
        html! {
            <li data-kind={c.kind.key()}>
                <label class="choice">
                    <input type="checkbox" data-role="os-check" checked={c.done} onchange={on_done} />
                    { format!(" {}", capital(label)) }
                </label>
                <input type="text" data-role="os-note" aria-label={fill(t.check_note, &[label])}
                    value={c.note.clone()} oninput={on_note} />
            </li>
        }
    };
    let conclusion = |c: Conclusion| {
        let checked = form.conclusion == Some(c);
        let form = form.clone();
        let onchange = Callback::from(move |_: Event| {
            let mut next = (*form).clone();
            next.conclusion = Some(c);
            form.set(next);
        });
        html! {
            <label class="choice">
                <input type="radio" name="os-conclusion" value={c.key()} data-role="os-conclusion"
                    {checked} {onchange} />
                { format!(" {}", capital(c.label(lang))) }
            </label>
        }
    };
    let name = Part::OnSite.label(lang);
    html! {
        <section class="evidence-part" data-part="on-site" aria-labelledby="os-title">
            <h3 id="os-title">{ capital(name) }</h3>
            { recorded_line(t, recorded.as_ref().map(|o| aside(lang, o.conclusion.label(lang).to_string(), &[&o.date])), "on-site-now") }
            <div class="field-row">
                { field(t.on_site_date, "os-date", "date", &form.date, edit(&form, |f, v| f.date = v)) }
                { field(t.team, "os-team", "textarea", &form.team, edit(&form, |f, v| f.team = v)) }
            </div>
            <fieldset class="checks">
                <legend>{ t.checked }</legend>
                <ul class="check-list">{ for form.checks.iter().enumerate().map(check_row) }</ul>
            </fieldset>
            { field(t.findings, "os-findings", "textarea", &form.findings, edit(&form, |f, v| f.findings = v)) }
            <fieldset class="choices">
                <legend>{ t.conclusion }</legend>
                { for Conclusion::ALL.into_iter().map(conclusion) }
            </fieldset>
            { actions(t, "on-site", send(Some((*form).clone())), recorded.is_some().then(|| send(None))) }
            { outcome(&state, t, &props.integrity, EvidencePart::OnSite, name) }
        </section>
    }
}

#[component]
fn ObjectionsPart(props: &CandidateProps) -> Html {
    let state = use_app();
    let t = evidence_texts(state.lang);
    let objections = session_evidence(&state, &props.integrity).objections;
    let status = use_node_ref();
    let gone = match &state.modes.province.evidence.removed {
        Some((id, o)) if *id == props.integrity => Some(o.clone()),
        _ => None,
    };
    {
        // The removed row had focus: it goes to the line that says what went, still inside
        // the dialog (so Escape and Tab keep working).
        let status = status.clone();
        use_effect_with(gone.clone(), move |gone| {
            if gone.is_some() {
                focus(status.cast::<web_sys::Element>());
            }
        });
    }
    let removed = match &gone {
        Some(o) => html! {
            <p class="open-report" role="status" tabindex="-1" ref={status} data-testid="objection-removed">
                { fill(t.removed, &[&o.received, &o.summary]) }
            </p>
        },
        _ => Html::default(),
    };
    html! {
        <section class="evidence-part" data-part="objections" aria-labelledby="ob-title">
            <h3 id="ob-title">{ t.objections_title }</h3>
            { removed }
            if objections.is_empty() {
                <p class="evidence-now">{ t.objections_none }</p>
            } else {
                <ol class="objections">
                    { for objections.iter().enumerate().map(|(i, o)| {
                        // Keyed by what the objection says (and which of identical ones), so that
                        // when one is removed the rows after it keep what is typed in them.
                        let twin = objections[..i].iter().filter(|p| *p == o).count();
                        let key = format!("{}|{}|{}|{}|{twin}", o.received, o.summary, o.resolution.key(), o.note);
                        html! { <ObjectionRow key={key} integrity={props.integrity.clone()} index={i} /> }
                    }) }
                </ol>
            }
            <NewObjection integrity={props.integrity.clone()} />
        </section>
    }
}

/// Which objection of a candidate.
#[derive(Properties, PartialEq, Clone)]
struct ObjectionProps {
    integrity: String,
    index: usize,
}

/// The fields of an objection's form.
fn objection_fields(t: &EvidenceTexts, lang: Lang, form: &UseStateHandle<ObjectionForm>) -> Html {
    let on_resolution = {
        let form = form.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let mut next = (*form).clone();
            if let Some(r) = Resolution::ALL
                .into_iter()
                .find(|r| r.key() == select.value())
            {
                next.resolution = r;
            }
            form.set(next);
        })
    };
    html! {
        <>
            <div class="field-row">
                { field(t.received, "ob-received", "date", &form.received, edit(form, |f, v| f.received = v)) }
                <label class="field">
                    <span>{ t.resolution }</span>
                    <select data-role="ob-resolution" onchange={on_resolution}>
                        { for Resolution::ALL.into_iter().map(|r| html! {
                            <option value={r.key()} selected={form.resolution == r}>{ capital(r.label(lang)) }</option>
                        }) }
                    </select>
                </label>
            </div>
            { field(t.summary, "ob-summary", "textarea", &form.summary, edit(form, |f, v| f.summary = v)) }
            { field(t.resolution_note, "ob-note", "textarea", &form.note, edit(form, |f, v| f.note = v)) }
        </>
    }
}

#[component]
fn ObjectionRow(props: &ObjectionProps) -> Html {
    let state = use_app();
    let t = evidence_texts(state.lang);
    let lang = state.lang;
    let part = EvidencePart::Objection(props.index);
    let recorded = session_evidence(&state, &props.integrity)
        .objections
        .get(props.index)
        .cloned();
    let form = {
        let kept = state
            .modes
            .province
            .evidence
            .refused(&props.integrity, part)
            .map(|r| r.form.clone());
        let recorded = recorded.clone();
        use_state(move || match kept {
            Some(EvidenceForm::Objection(f)) => f,
            _ => recorded
                .as_ref()
                .map_or_else(ObjectionForm::blank, ObjectionForm::of),
        })
    };
    let save = {
        let dispatch = state.dispatcher();
        let (id, n, form) = (props.integrity.clone(), props.index, form.clone());
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(evidence(EvidenceAction::SetObjection(
                id.clone(),
                n,
                (*form).clone(),
            )))
        })
    };
    let confirming = use_state(|| false);
    let (remove_button, confirm_button) = (use_node_ref(), use_node_ref());
    {
        // Focus goes into the question when it opens, and back to its button when kept.
        let (remove_button, confirm_button) = (remove_button.clone(), confirm_button.clone());
        let first = use_mut_ref(|| true);
        use_effect_with(*confirming, move |asking| {
            if std::mem::take(&mut *first.borrow_mut()) {
                return;
            }
            focus(if *asking {
                confirm_button.cast()
            } else {
                remove_button.cast()
            });
        });
    }
    let ask = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(true))
    };
    let keep = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(false))
    };
    let remove = {
        let dispatch = state.dispatcher();
        let (id, n, confirming) = (props.integrity.clone(), props.index, confirming.clone());
        Callback::from(move |_: MouseEvent| {
            confirming.set(false);
            dispatch.dispatch(evidence(EvidenceAction::RemoveObjection(id.clone(), n)))
        })
    };
    let title = fill(t.objection_n, &[&(props.index + 1).to_string()]);
    let said = recorded
        .as_ref()
        .map(|o| o.summary.clone())
        .unwrap_or_default();
    let resolution = recorded.map(|o| o.resolution);
    html! {
        <li class="objection" data-index={props.index.to_string()} data-resolution={resolution.map(Resolution::key)}>
            <h4>{ format!("{title}{}{}", if lang == Lang::Zh { "：" } else { ": " }, resolution.map(|r| r.label(lang)).unwrap_or_default()) }</h4>
            { objection_fields(t, lang, &form) }
            <div class="start-actions">
                <button type="button" class="primary" data-action="save-objection" onclick={save}>{ t.save_objection }</button>
                <button type="button" data-action="remove-objection" ref={remove_button} onclick={ask}>{ t.remove_objection }</button>
            </div>
            if *confirming {
                <div class="notice warning" role="alertdialog" aria-labelledby={format!("ob-remove-{}", props.index)} data-testid="objection-remove-confirm">
                    <p id={format!("ob-remove-{}", props.index)}>{ fill(t.confirm_remove, &[&(props.index + 1).to_string(), &said]) }</p>
                    <div class="start-actions">
                        <button type="button" class="primary" data-action="confirm-remove-objection" ref={confirm_button} onclick={remove}>{ t.confirm_remove_yes }</button>
                        <button type="button" data-action="keep-objection" onclick={keep}>{ t.confirm_remove_no }</button>
                    </div>
                </div>
            }
            { outcome(&state, t, &props.integrity, part, &title) }
        </li>
    }
}

#[component]
fn NewObjection(props: &CandidateProps) -> Html {
    let state = use_app();
    let t = evidence_texts(state.lang);
    let lang = state.lang;
    let form = {
        let kept = state
            .modes
            .province
            .evidence
            .refused(&props.integrity, EvidencePart::NewObjection)
            .map(|r| r.form.clone());
        use_state(move || match kept {
            Some(EvidenceForm::Objection(f)) => f,
            _ => ObjectionForm::blank(),
        })
    };
    {
        // A registered objection empties the form; one removed elsewhere leaves what is typed.
        let count = session_evidence(&state, &props.integrity).objections.len();
        let before = use_mut_ref(|| count);
        let form = form.clone();
        use_effect_with(count, move |&count| {
            if count > std::mem::replace(&mut *before.borrow_mut(), count) {
                form.set(ObjectionForm::blank());
            }
        });
    }
    let add = {
        let dispatch = state.dispatcher();
        let (id, form) = (props.integrity.clone(), form.clone());
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(evidence(EvidenceAction::AddObjection(
                id.clone(),
                (*form).clone(),
            )))
        })
    };
    html! {
        <div class="new-objection" data-testid="new-objection">
            <h4>{ t.new_objection }</h4>
            { objection_fields(t, lang, &form) }
            <div class="start-actions">
                <button type="button" data-action="add-objection" onclick={add}>{ t.add_objection }</button>
            </div>
            { outcome(&state, t, &props.integrity, EvidencePart::NewObjection, t.new_objection) }
        </div>
    }
}
