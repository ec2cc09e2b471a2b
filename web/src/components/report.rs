//! The printable self-assessment report (自评报告): applicant, summary, per-area table, gaps,
//! every answer with its evidence, and the integrity fingerprint of the application file, so
//! that the stamped paper copy can be matched with the electronic file.

use shifan_rules::{Kind, Status, Verdict, gaps};
use yew::prelude::*;

use crate::browser;
use crate::components::catalog_badge::catalog_badge;
use crate::components::evidence::{evidence_line, file_line};
use crate::components::notices::problem_item;
use crate::components::summary::{area_prefix, gap_groups as grouped_gaps};
use crate::components::{class_list, send};
use crate::files;
use crate::i18n::{fill, status_label, texts};
use crate::state::{Action, AppHandle};

/// The report.
pub fn report(state: &AppHandle) -> Html {
    let t = texts(state.lang);
    let lang = state.lang;
    let Some(draft) = state.draft.as_ref() else {
        return Html::default();
    };
    let catalog = &state.catalog;
    let score = draft.score(catalog);
    let level = draft.level();
    let total = score.total;
    let ratio = total.compliance();
    let gap_list = gaps(catalog, level, draft.assessment.answers());
    let file = files::application(state);
    let place = draft.place().ok();
    let print = Callback::from(|_: MouseEvent| browser::print());
    let download = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(action) = files::download_application(&state) {
                state.dispatch(action);
            }
        })
    };
    let kind_label = draft.kind.label(lang);
    let verdict = score.verdict.label(lang);
    let row = |label: &str, value: String| {
        // Values are isolated (`<bdi>`): a right-to-left mark in a name cannot reorder the
        // text around it; line breaks the official typed are kept.
        html! { <tr><th scope="row">{ label.to_string() }</th><td><bdi class="user-text">{ value }</bdi></td></tr> }
    };
    let single = match &draft.kind {
        Kind::Comprehensive => Html::default(),
        Kind::SingleItem {
            category,
            title,
            narrative,
        } => {
            let category = catalog.category_title(category);
            html! {
                <>
                    { row(t.category, category) }
                    { row(t.project_title, title.clone()) }
                    { for crate::state::Aspect::ALL.into_iter().map(|a| row(&t.aspect(a).0, a.get(narrative).to_string())) }
                </>
            }
        }
    };

    let answers = catalog.areas().iter().map(|area| {
        html! {
            <section class="report-area" key={area.number}>
                <h3>{ format!("{}{}", area_prefix(lang, area.number), area.title) }</h3>
                { for area.sections.iter().flat_map(|s| &s.indicators).map(|indicator| {
                    let n = indicator.number;
                    let answer = draft.assessment.get(n);
                    let applies = indicator.applies_to.applies_to(level);
                    let status = answer.map_or(Status::Unanswered, |a| a.status);
                    html! {
                        <div class="report-answer" key={n} data-number={n.to_string()}>
                            <p class="answer-head">
                                <strong>{ format!("{n}. {}", indicator.title) }</strong>
                                { " — " }
                                if applies {
                                    <span class={class_list("chip", &[Some(status.as_str())])}>{ status_label(lang, status) }</span>
                                } else {
                                    <span class="chip excluded">{ t.excluded_chip }</span>
                                }
                            </p>
                            if applies {
                                <ul class="report-points">
                                    { for indicator.criteria.iter().enumerate().map(|(i, c)| {
                                        let ticked = answer.is_some_and(|a| a.satisfied.iter().any(|&p| usize::from(p) == i));
                                        html! {
                                            <li class={ticked.then_some("ticked")}>
                                                <span aria-hidden="true">{ if ticked { "☑ " } else { "☐ " } }</span>
                                                <span class="visually-hidden">{ if ticked { t.point_ticked } else { t.point_not_ticked } }</span>
                                                { c.clone() }
                                            </li>
                                        }
                                    }) }
                                </ul>
                                if let Some(a) = answer {
                                    if !a.reason.is_empty() {
                                        <p><span class="label">{ t.reason_label }</span><bdi class="user-text">{ a.reason.clone() }</bdi></p>
                                    }
                                    if !a.note.is_empty() {
                                        <p><span class="label">{ t.note_label }</span><bdi class="user-text">{ a.note.clone() }</bdi></p>
                                    }
                                    if !a.evidence.is_empty() {
                                        <ul class="report-evidence">
                                            { for a.evidence.iter().map(|e| html! {
                                                <li>
                                                    { evidence_line(e) }
                                                    if let Some(f) = e.file.as_ref() {
                                                        <br />
                                                        { file_line(t, f) }
                                                        <code class="hash">{ format!("SHA-256 {}", f.sha256) }</code>
                                                    }
                                                </li>
                                            }) }
                                        </ul>
                                    }
                                }
                            }
                        </div>
                    }
                }) }
            </section>
        }
    });

    html! {
        <article class="report panel" aria-labelledby="report-title">
            <div class="report-tools no-print">
                <button type="button" class="primary" onclick={print}>{ t.print_report }</button>
                <button type="button" onclick={download}>{ state.host.export_label(t.download) }</button>
                if total.unanswered > 0 {
                    <p class="print-unanswered" role="note">{ fill(t.print_unanswered, &[&total.unanswered.to_string()]) }</p>
                }
                <p class="hint">{ t.print_hint }</p>
            </div>
            <header class="report-head">
                <h1 id="report-title">{ t.report_title }</h1>
                <p class="report-sub">{ catalog.title().to_string() }</p>
                if let Some(Ok(file)) = file.as_ref() {
                    <p class="report-sub">{ fill(t.report_fingerprint_line, &[file.short_fingerprint()]) }</p>
                }
            </header>

            <section aria-labelledby="r-applicant">
                <h2 id="r-applicant">{ t.report_applicant }</h2>
                <table class="kv">
                    <tbody>
                        { row(t.applicant_unit, place.as_ref().map(|p| format!("{}{}", p.province, p.display_name())).unwrap_or_else(|| t.no_applicant_yet.to_string())) }
                        { row(t.report_division_code, draft.division_code.clone()) }
                        { row(t.kind, kind_label.to_string()) }
                        { single }
                        { row(t.contact_name, draft.contact.name.clone()) }
                        { row(t.contact_phone, draft.contact.phone.clone()) }
                        { row(t.contact_email, draft.contact.email.clone()) }
                        { row(t.started, browser::local_time(&draft.created)) }
                        { row(t.last_changed, browser::local_time(&draft.updated)) }
                    </tbody>
                </table>
            </section>

            <section aria-labelledby="r-summary">
                <h2 id="r-summary">{ t.summary_title }</h2>
                <p class="report-big">
                    { ratio.percent() }{ " " }
                    <span class="formula">{ fill(t.formula, &[&ratio.met.to_string(), &ratio.applicable.to_string()]) }</span>
                </p>
                <p>{ fill(t.threshold_line, &[&score.threshold.percent(lang)]) }</p>
                if matches!(draft.kind, Kind::Comprehensive) {
                    <p class={if score.verdict == Verdict::MeetsBar { "verdict meets" } else { "verdict not-yet" }}>{ verdict }</p>
                }
                <p class="estimate-note">{ t.estimate_note }</p>
                { catalog_badge(lang, catalog) }
                <table class="grid">
                    <thead>
                        <tr>
                            <th scope="col">{ t.col_area }</th>
                            <th scope="col">{ status_label(lang, Status::Met) }</th>
                            <th scope="col">{ status_label(lang, Status::PartlyMet) }</th>
                            <th scope="col">{ status_label(lang, Status::NotMet) }</th>
                            <th scope="col">{ status_label(lang, Status::NotApplicable) }</th>
                            <th scope="col">{ status_label(lang, Status::Unanswered) }</th>
                            <th scope="col">{ t.col_excluded }</th>
                            <th scope="col">{ t.col_compliance }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for score.areas.iter().map(|a| {
                            let r = a.tally.compliance();
                            html! {
                                <tr key={a.number}>
                                    <th scope="row">{ format!("{}{}", area_prefix(lang, a.number), a.title) }</th>
                                    <td>{ a.tally.met }</td>
                                    <td>{ a.tally.partly_met }</td>
                                    <td>{ a.tally.not_met }</td>
                                    <td>{ a.tally.not_applicable }</td>
                                    <td>{ a.tally.unanswered }</td>
                                    <td>{ a.tally.excluded }</td>
                                    <td>{ format!("{} ({})", r.percent(), r.formula()) }</td>
                                </tr>
                            }
                        }) }
                        <tr class="total">
                            <th scope="row">{ t.col_total }</th>
                            <td>{ total.met }</td>
                            <td>{ total.partly_met }</td>
                            <td>{ total.not_met }</td>
                            <td>{ total.not_applicable }</td>
                            <td>{ total.unanswered }</td>
                            <td>{ total.excluded }</td>
                            <td>{ format!("{} ({})", ratio.percent(), ratio.formula()) }</td>
                        </tr>
                    </tbody>
                </table>
            </section>

            <section aria-labelledby="r-gaps">
                <h2 id="r-gaps">{ fill(t.gaps_title, &[&gap_list.len().to_string()]) }</h2>
                if gap_list.is_empty() {
                    <p>{ t.no_gaps }</p>
                } else {
                    { grouped_gaps(lang, catalog, &gap_list, false) }
                }
            </section>

            <section aria-labelledby="r-answers">
                <h2 id="r-answers">{ t.report_answers }</h2>
                { for answers }
            </section>

            <section class="report-file" aria-labelledby="r-file">
                <h2 id="r-file">{ t.report_file }</h2>
                { match file {
                    Some(Ok(file)) => html! {
                        <table class="kv">
                            <tbody>
                                { row(t.file_name, file.file_name()) }
                                <tr>
                                    <th scope="row">{ t.integrity }</th>
                                    <td><code class="hash" data-testid="integrity">{ file.integrity.clone() }</code></td>
                                </tr>
                                { row(t.short_fingerprint, file.short_fingerprint().to_string()) }
                            </tbody>
                        </table>
                    },
                    Some(Err(problems)) => html! {
                        <>
                            <p>{ t.no_file_yet }</p>
                            <ul class="problems">{ for problems.iter().map(|p| problem_item(p, state, t)) }</ul>
                        </>
                    },
                    None => Html::default(),
                } }
                <p class="hint">{ t.file_match_note }</p>
            </section>

            <section class="signatures" aria-label={t.signatures}>
                <p>{ t.sign_unit }</p>
                <p>{ t.sign_person }</p>
                <p>{ t.sign_date }</p>
            </section>
            <p class="no-print back">
                <button type="button"
                    onclick={send::<MouseEvent>(&state.dispatcher(), Action::Go(crate::state::Screen::Indicators))}>
                    { t.back_to_indicators }
                </button>
            </p>
        </article>
    }
}
