//! The printable opinion sheet (初审意见表): the city's applications with the office's
//! decision, rank and comments, the reviewing office, reviewer and date, and a block for the
//! signatures and the seal — laid out for A4 paper, instead of printing the screen. Shown in
//! place of the review page through the reducer (`ReviewAction::Sheet`); every figure is
//! `shifan-rules`' (the comparison row, the session's opinions).

use shifan_rules::division;
use shifan_rules::package::Decision;
use shifan_rules::review::ComparisonRow;
use shifan_rules::session::Reviewed;
use yew::prelude::*;

use crate::browser;
use crate::components::review::{decision_key, decision_label, review};
use crate::i18n::fill;
use crate::i18n::review::review_texts;
use crate::review::ReviewAction;
use crate::state::use_app;

/// The order of the sheet: the recommended by rank, then the others by division code (as the
/// office reads down a list of counties).
fn sheet_order(a: &Reviewed, b: &Reviewed) -> std::cmp::Ordering {
    let key = |r: &Reviewed| {
        (
            r.opinion.rank.unwrap_or(u32::MAX),
            r.verified.file.applicant.division_code.clone(),
        )
    };
    key(a).cmp(&key(b))
}

/// The opinion sheet.
#[component]
pub fn ReviewSheet() -> Html {
    let state = use_app();
    let d = state.dispatcher();
    let lang = state.lang;
    let rt = review_texts(lang);
    let t = crate::i18n::texts(lang);
    // The sheet starts at the top of the page, as a page of its own.
    use_effect_with((), |()| browser::scroll_to_top());
    let session = &state.modes.review.session;
    let mut apps: Vec<&Reviewed> = session
        .applications()
        .iter()
        .filter(|a| session.outside_problem(a).is_none())
        .collect();
    apps.sort_by(|a, b| sheet_order(a, b));
    let outside = session.applications().len() - apps.len();
    let city = session
        .city()
        .and_then(division::get)
        .map(|c| c.name.clone())
        .unwrap_or_default();
    let or_dash = |s: &str| {
        if s.trim().is_empty() {
            rt.sheet_none.to_string()
        } else {
            s.trim().to_string()
        }
    };
    let print = Callback::from(|_: MouseEvent| browser::print());
    let row = |(i, r): (usize, &&Reviewed)| {
        let file = &r.verified.file;
        let figures = ComparisonRow::of(&r.verified);
        let kind = match lang {
            shifan_rules::Lang::Zh => figures.kind_zh,
            shifan_rules::Lang::En => figures.kind_en,
        };
        let kind = if figures.category.is_empty() {
            kind.to_string()
        } else {
            format!("{kind}（{}）", figures.category)
        };
        let decision = r.opinion.decision;
        html! {
            <tr data-id={r.integrity().to_string()} data-decision={decision_key(decision)}>
                <td class="rv-num">{ i + 1 }</td>
                <th scope="row">{ file.applicant.display_name() }</th>
                <td>{ kind }</td>
                <td class="rv-num">{ figures.compliance.percent() }<br />
                    <span class="formula">{ figures.compliance.formula() }</span></td>
                <td class={format!("sheet-decision {}", decision_key(decision))}>
                    <strong>{ decision_label(lang, decision) }</strong>
                </td>
                <td class="rv-num">{ r.opinion.rank.map_or_else(|| rt.sheet_none.to_string(), |k| k.to_string()) }</td>
                <td class="sheet-comment">{ or_dash(&r.opinion.comment) }</td>
            </tr>
        }
    };
    let recommended = apps
        .iter()
        .filter(|a| a.opinion.decision == Decision::Recommend)
        .count();
    let counts = fill(
        rt.counts,
        &[
            &apps.len().to_string(),
            &recommended.to_string(),
            &apps
                .iter()
                .filter(|a| a.opinion.decision == Decision::NotRecommend)
                .count()
                .to_string(),
            &apps
                .iter()
                .filter(|a| a.opinion.decision == Decision::Pending)
                .count()
                .to_string(),
        ],
    );
    html! {
        <section class="opinion-sheet" aria-labelledby="sheet-title" data-testid="opinion-sheet">
            <div class="report-tools no-print">
                <button type="button" class="link back" data-action="sheet-back"
                    onclick={review::<MouseEvent>(&d, ReviewAction::Sheet(false))}>{ rt.sheet_back }</button>
                <button type="button" class="primary" data-action="sheet-print" onclick={print}>{ rt.sheet_print }</button>
                <p class="hint">{ rt.sheet_hint }</p>
            </div>
            <header class="report-head">
                <h1 id="sheet-title">{ fill(rt.sheet_title, &[&city]).trim_end_matches([' ', '·']).to_string() }</h1>
            </header>
            <table class="kv sheet-meta">
                <tbody>
                    <tr><th scope="row">{ rt.sheet_office }</th><td>{ or_dash(&session.reviewer.office) }</td></tr>
                    <tr><th scope="row">{ rt.reviewer_name }</th><td>{ or_dash(&session.reviewer.name) }</td></tr>
                    <tr><th scope="row">{ rt.date }</th><td>{ or_dash(&session.date) }</td></tr>
                </tbody>
            </table>
            <p data-testid="sheet-counts">{ counts }</p>
            if outside > 0 {
                <p class="hint">{ fill(rt.export_outside, &[&outside.to_string()]) }</p>
            }
            <div class="table-wrap">
                <table class="sheet-table">
                    <thead>
                        <tr>
                            <th scope="col">{ rt.sheet_no }</th>
                            <th scope="col">{ rt.col_applicant }</th>
                            <th scope="col">{ rt.col_kind }</th>
                            <th scope="col">{ rt.col_compliance }</th>
                            <th scope="col">{ rt.col_decision }</th>
                            <th scope="col">{ rt.col_rank }</th>
                            <th scope="col">{ rt.col_comment }</th>
                        </tr>
                    </thead>
                    <tbody>{ for apps.iter().enumerate().map(row) }</tbody>
                </table>
            </div>
            <p class="hint rounding-note">{ rt.rounding_note }</p>
            <section class="signatures sheet-signatures" aria-label={t.signatures}>
                <p>{ rt.sign_reviewer }</p>
                <p>{ rt.sign_head }</p>
                <p>{ rt.sign_seal }</p>
                <p>{ rt.sign_date }</p>
            </section>
        </section>
    }
}
