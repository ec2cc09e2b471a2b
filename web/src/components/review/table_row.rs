//! One row of the comparison table, a component of its own so that a change to one opinion
//! draws one row again: it takes everything by props (the row as `review::rows` derives it,
//! the count of recommendations only when it is ranked, the language), and Yew skips a row
//! whose props are equal.

use shifan_rules::Lang;
use yew::prelude::*;

use crate::components::review::opinion::{DecisionSelect, RankControl};
use crate::components::review::{decision_key, review, weak_reasons_of};
use crate::i18n::fill;
use crate::i18n::review::review_texts;
use crate::review::ReviewAction;
use crate::review::rows::Row;
use crate::state::use_dispatch;

/// Properties of [`TableRow`].
#[derive(Properties, PartialEq, Clone)]
pub struct TableRowProps {
    /// The row.
    pub row: Row,
    /// How many applications are recommended (the last rank), given only to a ranked row
    /// (0 otherwise): an unranked row does not change when another is recommended.
    pub recommended: usize,
    /// Page language.
    pub lang: Lang,
}

/// A row of the comparison table.
#[component]
pub fn TableRow(props: &TableRowProps) -> Html {
    let d = use_dispatch();
    let lang = props.lang;
    let rt = review_texts(lang);
    let row = &props.row;
    let recommended = props.recommended;
    let name = AttrValue::from(row.row.name.clone());
    let id = AttrValue::from(row.id.clone());
    let kind = match lang {
        Lang::Zh => row.row.kind_zh,
        Lang::En => row.row.kind_en,
    };
    let c = row.row.compliance;
    let mut class = String::from("review-row");
    for (on, extra) in [
        (row.outside.is_some(), " outside"),
        (row.duplicate, " duplicate"),
    ] {
        if on {
            class.push_str(extra);
        }
    }
    let weak = weak_reasons_of(&row.row, &row.verified, lang);
    let contact = &row.verified.file.applicant.contact;
    let comment = row.opinion.comment.trim().to_string();
    html! {
        <tr {class} data-id={id.clone()} data-code={row.row.division_code.clone()}
            data-decision={decision_key(row.opinion.decision)}>
            <th scope="row" class="applicant">
                <button type="button" class="link open" aria-label={fill(rt.open_named, &[&name])}
                    onclick={review::<MouseEvent>(&d, ReviewAction::View(Some(row.id.clone())))}>{ name.clone() }</button>
                <span class="code">{ row.row.division_code.clone() }</span>
                if let Some(problem) = row.outside.as_ref() {
                    <span class="badge outside" title={problem.message.get(lang).to_string()}>{ rt.badge_outside }</span>
                }
                if row.duplicate {
                    <span class="badge duplicate">{ rt.badge_duplicate }</span>
                }
                if !row.verified.warnings.is_empty() {
                    <span class="badge warnings">{ rt.badge_warnings }</span>
                }
            </th>
            <td>{ kind }</td>
            <td>{ row.row.category.clone() }</td>
            <td class="rv-compliance" data-testid="compliance">
                <strong>{ c.percent() }</strong>
                <span class="formula">{ c.formula() }</span>
            </td>
            <td class={if row.row.meets_bar() { "meets yes" } else { "meets" }}>{ row.row.verdict_cell(lang) }</td>
            <td class="decision-cell">
                <DecisionSelect id={id.clone()} name={name.clone()} opinion={row.opinion.clone()}
                    outside={row.outside.is_some()} {recommended} weak={weak.clone()} {lang} />
            </td>
            <td class="rank-cell">
                <RankControl {id} {name} opinion={row.opinion.clone()} {recommended} {weak} {lang} />
            </td>
            <td class="comment-cell" data-testid="comment" title={comment.clone()}>
                if comment.is_empty() { { "—" } } else { <span class="comment-text">{ comment }</span> }
            </td>
            { for row.row.areas.iter().map(|a| html! { <td class="rv-num" title={a.formula()}>{ a.percent() }</td> }) }
            <td class="rv-num">{ row.row.unanswered }</td>
            <td class="rv-num">{ row.row.evidence }</td>
            <td class="contact-cell" data-testid="contact">
                <span>{ contact.name.clone() }</span>
                <span class="phone">{ contact.phone.clone() }</span>
            </td>
            <td><code class="short-hash">{ row.row.fingerprint.clone() }</code></td>
        </tr>
    }
}
