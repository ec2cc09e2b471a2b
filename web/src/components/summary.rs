//! The always-visible summary: estimated compliance against the catalog's line with its
//! formula, the counts, a bar per area, the verdict (an estimate) and the gaps, each a jump to
//! its indicator. Everything shown is computed by `shifan-rules` from the draft.

use shifan_rules::catalog::chinese_numeral;
use shifan_rules::score::still_needed;
use shifan_rules::{Catalog, Gap, Kind, Lang, Status, Verdict, gaps};
use std::sync::Arc;

use yew::prelude::*;

use crate::components::bar::bar;
use crate::components::catalog_badge::catalog_badge;
use crate::components::gap_item::GapItem;
use crate::i18n::{fill, status_label, texts};
use crate::shown::{ReadOnly, shown};
use crate::state::AppHandle;

/// The full summary panel of the county's open draft, or of `read_only`.
pub fn summary(state: &AppHandle, read_only: Option<&ReadOnly>) -> Html {
    let t = texts(state.lang);
    let lang = state.lang;
    let Some((draft, catalog)) = shown(read_only, state) else {
        return Html::default();
    };
    let score = draft.score(catalog);
    let total = score.total;
    let ratio = total.compliance();
    let line = score.threshold.per_mille();
    let comprehensive = matches!(draft.kind, Kind::Comprehensive);
    let reached = score.verdict == Verdict::MeetsBar;
    let needed = still_needed(score.threshold, total.met, total.applicable());
    let gap_list = gaps(catalog, draft.level(), draft.assessment.answers());
    let verdict = score.verdict.label(lang);
    let percent = ratio.percent();
    // Focusable: on wide screens the panel scrolls on its own, and a keyboard must reach it
    // (WCAG 2.1.1, axe's scrollable-region-focusable).
    html! {
        <aside class="summary" id="summary" aria-labelledby="summary-title" tabindex="0">
            <h2 id="summary-title">{ t.summary_title }</h2>
            <div class="compliance" aria-live="polite">
                <p class="big-number" data-testid="compliance">{ percent.clone() }</p>
                <p class="formula" data-testid="formula">
                    { fill(t.formula, &[&ratio.met.to_string(), &ratio.applicable.to_string()]) }
                </p>
            </div>
            { bar(ratio.per_mille(), Some(line), fill(t.bar_label, &[&percent, &score.threshold.percent(lang)]), reached) }
            <p class="line-note">{ fill(t.threshold_line, &[&score.threshold.percent(lang)]) }</p>
            <dl class="counts">
                <div><dt>{ status_label(lang, Status::Met) }</dt><dd data-testid="met">{ total.met }</dd></div>
                <div><dt>{ t.count_applicable }</dt><dd data-testid="applicable">{ total.applicable() }</dd></div>
                <div><dt>{ status_label(lang, Status::Unanswered) }</dt><dd data-testid="unanswered">{ total.unanswered }</dd></div>
                <div><dt>{ status_label(lang, Status::PartlyMet) }</dt><dd>{ total.partly_met }</dd></div>
                <div><dt>{ status_label(lang, Status::NotMet) }</dt><dd>{ total.not_met }</dd></div>
                <div><dt>{ status_label(lang, Status::NotApplicable) }</dt><dd>{ total.not_applicable }</dd></div>
            </dl>
            if total.excluded > 0 {
                <p class="hint">{ fill(t.excluded_note, &[&total.excluded.to_string()]) }</p>
            }
            if comprehensive {
                <p class={if reached { "verdict meets" } else { "verdict not-yet" }} data-testid="verdict">
                    { verdict }
                </p>
                if !reached && total.applicable() > 0 {
                    <p class="hint">{ fill(t.still_needed, &[&needed.to_string()]) }</p>
                }
            } else {
                <p class="hint">{ t.single_item_note }</p>
            }
            <p class="estimate-note">{ t.estimate_note }</p>
            { catalog_badge(lang, read_only.as_ref().map_or(&state.catalog, |v| &v.catalog)) }
            <h3>{ t.by_area }</h3>
            <ol class="area-bars">
                { for score.areas.iter().map(|area| {
                    let r = area.tally.compliance();
                    let label = format!("{}{}", area_prefix(lang, area.number), area.title);
                    html! {
                        <li>
                            <div class="area-line">
                                <span class="area-name">{ label.clone() }</span>
                                <span class="area-value">{ format!("{} ({})", r.percent(), r.formula()) }</span>
                            </div>
                            { bar(
                                r.per_mille(),
                                Some(line),
                                fill(t.area_bar_label, &[&label, &r.percent()]),
                                score.threshold.is_reached(r.met, r.applicable),
                            ) }
                        </li>
                    }
                }) }
            </ol>
            <h3 id="gaps-title">{ fill(t.gaps_title, &[&gap_list.len().to_string()]) }</h3>
            if gap_list.is_empty() {
                <p class="hint">{ t.no_gaps }</p>
            } else {
                { gap_groups(lang, catalog, &gap_list, read_only.is_some()) }
            }
        </aside>
    }
}

/// The gaps grouped by status (not met, partly met, unanswered: what to work on first), then
/// by area in catalog order, as one list: a status heading, then each area's heading and its
/// gaps, each a [`GapItem`] that jumps to its indicator (only scrolling when `read_only`).
pub fn gap_groups(lang: Lang, catalog: &Arc<Catalog>, gaps: &[Gap], read_only: bool) -> Html {
    let t = texts(lang);
    let mut rows = Vec::new();
    for status in [Status::NotMet, Status::PartlyMet, Status::Unanswered] {
        let count = gaps.iter().filter(|g| g.status == status).count();
        if count == 0 {
            continue;
        }
        rows.push(html! {
            <li key={format!("s{}", status.as_str())} class="gap-status" data-status={status.as_str()}>
                { fill(t.gap_group, &[status_label(lang, status), &count.to_string()]) }
            </li>
        });
        let mut area = 0;
        for gap in gaps.iter().filter(|g| g.status == status) {
            let n = gap.number;
            if let Some(a) = catalog.area_of(n).filter(|a| a.number != area) {
                area = a.number;
                rows.push(html! {
                    <li key={format!("{}-a{}", status.as_str(), a.number)} class="gap-area">
                        { format!("{}{}", area_prefix(lang, a.number), a.title) }
                    </li>
                });
            }
            rows.push(html! {
                <GapItem key={n} catalog={catalog.clone()} number={n} {read_only} />
            });
        }
    }
    html! { <ul class="gaps">{ for rows }</ul> }
}

/// "一、" in Chinese, "1. " in English.
pub fn area_prefix(lang: Lang, number: u8) -> String {
    match lang {
        Lang::Zh => format!("{}、", chinese_numeral(number)),
        Lang::En => format!("{number}. "),
    }
}

/// A compact strip of the summary, fixed at the bottom of small screens.
pub fn summary_strip(state: &AppHandle) -> Html {
    let t = texts(state.lang);
    let Some(draft) = state.draft.as_ref() else {
        return Html::default();
    };
    let score = draft.score(&state.catalog);
    let ratio = score.total.compliance();
    html! {
        <div class="summary-strip no-print">
            <span class="strip-number">{ ratio.percent() }</span>
            <span class="strip-formula">{ fill(t.formula, &[&ratio.met.to_string(), &ratio.applicable.to_string()]) }</span>
            <span class="strip-open">{ fill(t.strip_unanswered, &[&score.total.unanswered.to_string()]) }</span>
            <a href="#summary" class="strip-link">{ t.show_summary }</a>
        </div>
    }
}
