//! The public notice (公示): the form for its period, where it is published and where
//! objections go (set through the rules, refused with their problems and kept as typed), and
//! the candidate list for the notice — the session's `notice_table`, as the CLI's
//! `province list` prints it — printable on A4 (only the list, its title, the period and
//! where objections go) and downloadable as a workbook or CSV. The downloads' helpers serve the ranking's too.

use shifan_rules::review::Table;
use yew::prelude::*;

use crate::browser;
use crate::components::province::problems_list;
use crate::components::province::supervision::table_html;
use crate::i18n::fill;
use crate::i18n::notice::{NoticeTexts, notice_texts};
use crate::notice_state::{NoticeAction, NoticeField, SheetOf};
use crate::province_state::ProvinceAction;
use crate::review::io::{self, Sheet, SheetFailure};
use crate::state::{Action, AppHandle, use_app};

fn notice_action(action: NoticeAction) -> Action {
    Action::province(ProvinceAction::Notice(action))
}

/// Writes `table` as `format` and downloads it; the page hears when it is busy, refused or
/// failed. Shared by the notice list and the ranking.
pub(crate) fn download_table(state: &AppHandle, of: SheetOf, table: Table, format: Sheet) {
    let d = state.dispatcher();
    d.dispatch(notice_action(NoticeAction::Exporting(Some(of))));
    io::download_sheet(&table, format, state.host.node(), move |outcome| {
        let (refused, failed) = match outcome {
            Ok(()) => (false, None),
            Err(SheetFailure::Refused) => (true, None),
            Err(SheetFailure::Failed(message)) => (false, Some((of, message))),
        };
        d.dispatch(notice_action(NoticeAction::Exporting(None)));
        d.dispatch(notice_action(NoticeAction::SheetFailed(failed)));
        d.dispatch(Action::province(ProvinceAction::DownloadRefused(refused)));
    });
}

/// The busy line and the spreadsheet module's failure, under the buttons of table `of`.
pub(crate) fn sheet_status(state: &AppHandle, nt: &NoticeTexts, of: SheetOf) -> Html {
    let n = &state.modes.province.notice;
    html! {
        <>
            if n.exporting == Some(of) {
                <p role="status">{ nt.exporting }</p>
            }
            if let Some((_, message)) = n.sheet_failed.as_ref().filter(|(on, _)| *on == of) {
                <p class="notice error" role="alert">{ fill(nt.sheet_failed, &[message]) }</p>
            }
        </>
    }
}

/// Prints the page with only the notice list showing (the print stylesheet's
/// `.print-notice`).
fn print_list() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    if let Some(root) = &root {
        let _ = root.class_list().add_1("print-notice");
    }
    browser::print();
    if let Some(root) = &root {
        let _ = root.class_list().remove_1("print-notice");
    }
}

/// The notice section: the form, then the list.
#[component]
pub fn NoticePanel() -> Html {
    let state = use_app();
    let lang = state.lang;
    let nt = notice_texts(lang);
    let p = &state.modes.province;
    if p.session.candidates().is_empty() {
        return Html::default();
    }
    let d = state.dispatcher();
    let form = p.notice.shown(&p.session);
    let edit = |field: NoticeField| {
        let d = d.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            d.dispatch(notice_action(NoticeAction::Edit(field, input.value())));
        })
    };
    let type_in = |field: NoticeField| {
        let d = d.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            d.dispatch(notice_action(NoticeAction::Edit(field, input.value())));
        })
    };
    let onsubmit = {
        let d = d.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            d.dispatch(notice_action(NoticeAction::Set));
        })
    };
    let changed = p.notice.form.is_some() && p.notice.form != p.session.notice;
    let days = p.session.profile().data().notice_days.value;
    html! {
        <section class="review-panel notice-panel" aria-labelledby="notice-title" data-testid="notice">
            <h2 id="notice-title" class="no-print">{ nt.title }</h2>
            <form class="no-print notice-form" {onsubmit} novalidate=true>
                <p class="hint">{ fill(nt.lead, &[&days.to_string()]) }</p>
                <div class="field-row">
                    <label class="field">
                        <span>{ nt.start }</span>
                        <input type="date" value={form.start.clone()} data-role="notice-start"
                            onchange={edit(NoticeField::Start)} />
                    </label>
                    <label class="field">
                        <span>{ nt.end }</span>
                        <input type="date" value={form.end.clone()} data-role="notice-end"
                            onchange={edit(NoticeField::End)} />
                    </label>
                </div>
                <div class="field-row">
                    <label class="field grow">
                        <span>{ nt.published_in }</span>
                        <input type="text" value={form.published_in.clone()} data-role="notice-published"
                            oninput={type_in(NoticeField::PublishedIn)} />
                    </label>
                    <label class="field grow">
                        <span>{ nt.objections_to }</span>
                        <input type="text" value={form.objections_to.clone()} data-role="notice-objections"
                            oninput={type_in(NoticeField::ObjectionsTo)} />
                    </label>
                </div>
                if !p.notice.problems.is_empty() {
                    <div class="notice error" role="alert" data-testid="notice-problems">
                        <p>{ nt.refused }</p>
                        { problems_list(&p.notice.problems, &state) }
                    </div>
                } else if changed {
                    <p class="hint" role="status">{ nt.unset_changes }</p>
                }
                <button type="submit" class="primary" data-action="set-notice">{ nt.set }</button>
            </form>
            { notice_list(&state, nt) }
        </section>
    }
}

/// The list as printed: its title, the period, where it is published and where objections
/// go, the table; the buttons are not printed.
fn notice_list(state: &AppHandle, nt: &NoticeTexts) -> Html {
    let lang = state.lang;
    let session = &state.modes.province.session;
    let table = session.notice_table(lang);
    let sheet = |format: Sheet| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            let table = state.modes.province.session.notice_table(state.lang);
            download_table(&state, SheetOf::List, table, format);
        })
    };
    let exporting = state.modes.province.notice.exporting.is_some();
    let round = &session.profile().data().round.title;
    html! {
        <section class="notice-list" aria-labelledby="notice-list-title">
            <h3 id="notice-list-title">{ fill(nt.list_title, &[round]) }</h3>
            <div class="notice-terms" data-testid="notice-terms">
                if let Some(n) = &session.notice {
                    <p data-testid="notice-period">{ fill(nt.period, &[&n.start, &n.end]) }</p>
                    <p>{ fill(nt.published, &[&n.published_in]) }</p>
                    <p data-testid="notice-objections">{ fill(nt.objections, &[&n.objections_to]) }</p>
                } else {
                    <p class="hint">{ nt.no_notice }</p>
                }
            </div>
            if table.rows.is_empty() {
                <p class="empty">{ nt.list_empty }</p>
            } else {
                { table_html(&table, "notice-list") }
            }
            <div class="start-actions no-print">
                <button type="button" data-action="print-notice"
                    onclick={Callback::from(|_: MouseEvent| print_list())}>{ nt.print }</button>
                <button type="button" data-action="notice-xlsx" onclick={sheet(Sheet::Xlsx)}
                    disabled={exporting}>{ nt.list_xlsx }</button>
                <button type="button" data-action="notice-csv" onclick={sheet(Sheet::Csv)}
                    disabled={exporting}>{ nt.list_csv }</button>
            </div>
            <div class="no-print">{ sheet_status(state, nt, SheetOf::List) }</div>
        </section>
    }
}
