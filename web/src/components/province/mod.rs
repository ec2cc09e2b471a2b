//! The province page (`province.html`, the full build): take in the cities' packages and
//! applications (picked several at once, or dropped anywhere on the page), the rejected files
//! with their problems, the candidate pool across the cities, the scores table's import, the
//! ranking per kind with each composite's formula, the naming and the register, and the work
//! record's export and import; the public notice and its list (printable, downloadable), the
//! ranking's downloads, the pool's filter and a candidate opened read-only. Every label, figure and formula shown comes from
//! `shifan-rules`; the page only lays them out.

pub mod evidence;
pub mod notice;
pub mod pool_filter;
pub mod ranking_export;
pub mod supervision;
pub mod viewer;
pub mod weights;

use std::rc::Rc;

use shifan_rules::programme::KindKey;
use shifan_rules::province::{Candidate, RankRow, Route, Standing, TIE_RULE};
use shifan_rules::{Lang, Problem};
use yew::prelude::*;

use crate::browser;
use crate::components::notices::problem_item;
use crate::components::on_file_picked;
use crate::components::open_file::load_catalog_button;
use crate::components::review::open_files::picked_files;
use crate::components::review::page::use_file_drop;
use crate::components::send;
use crate::evidence_state::EvidenceAction;
use crate::i18n::notice::notice_texts;
use crate::i18n::province::{ProvinceTexts, province_texts};
use crate::i18n::{fill, texts};
use crate::pool_state::{PoolAction, shown_pool};
use crate::province_state::{PoolColumn, ProvinceAction, ProvinceState, ScoresImport};
use crate::review::io;
use crate::state::{Action, AppHandle, Dispatch, SaveError, SaveStatus, use_app};
use weights::Weights;

fn province<E: 'static>(dispatch: &Dispatch, action: ProvinceAction) -> Callback<E> {
    send(dispatch, Action::province(action))
}

/// The province's action for each step of reading a batch of files.
fn province_step(step: io::Opening) -> Action {
    Action::province(match step {
        io::Opening::Reading(done, total) => ProvinceAction::Reading(done, total),
        // Registers and annual reports dropped on the page go to supervision, dated today.
        io::Opening::Opened(files) => ProvinceAction::OpenedOn(files, browser::today()),
        io::Opening::Done => ProvinceAction::ReadDone,
    })
}

/// Reads and verifies the files picked or dropped, and takes them in.
fn take_files(files: Vec<web_sys::File>, dispatch: Dispatch, ns: String) {
    io::read_files(files, dispatch, ns, province_step);
}

/// The problem of a file the browser could not read.
pub(crate) fn unreadable_file(name: &str) -> Problem {
    Problem::new(
        shifan_rules::Code::NotUtf8,
        format!("浏览器无法读取文件「{name}」。"),
        format!("the browser could not read the file “{name}”."),
    )
}

/// A one-file picker whose file's bytes go to `make`'s action.
fn bytes_picker(
    dispatch: &Dispatch,
    make: fn(String, Rc<[u8]>) -> ProvinceAction,
) -> Callback<Event> {
    let dispatch = dispatch.clone();
    on_file_picked(move |file| {
        let dispatch = dispatch.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let action = match browser::read_file(&file).await {
                Ok(bytes) => make(file.name(), bytes.into()),
                Err(_) => ProvinceAction::Problems(vec![unreadable_file(&file.name())]),
            };
            dispatch.dispatch(Action::province(action));
        });
    })
}

/// The save state in words.
fn save_text(p: &ProvinceState, t: &ProvinceTexts) -> String {
    match (&p.save, p.unsaved()) {
        (SaveStatus::Failed(SaveError::Full), _) => t.save_failed_full.to_string(),
        (SaveStatus::Failed(SaveError::Unavailable), _) => t.save_failed_unavailable.to_string(),
        (_, true) => t.saving.to_string(),
        (SaveStatus::Saved(at), false) => fill(t.saved_at, &[&browser::local_time(at)]),
        (SaveStatus::Idle, false) => String::new(),
    }
}

pub(crate) fn problems_list(problems: &[Problem], state: &AppHandle) -> Html {
    let t = texts(state.lang);
    html! {
        <ul class="problems">{ for problems.iter().map(|p| problem_item(p, state, t)) }</ul>
    }
}

/// Back from a candidate to the pool: the page is scrolled to where it was when the
/// candidate was opened, and focus returns to the candidate's button.
#[hook]
fn use_pool_return(state: &AppHandle) {
    let last = use_mut_ref(|| None::<String>);
    let view = &state.modes.province.view;
    let scroll = view.scroll;
    use_effect_with(view.viewing.clone(), move |viewing| {
        let closed = last.replace(viewing.clone());
        if let (None, Some(id)) = (viewing, closed)
            && let Some(window) = web_sys::window()
        {
            let selector = format!("[data-testid=\"pool\"] tr[data-id=\"{id}\"] button.open");
            let button = window
                .document()
                .and_then(|d| d.query_selector(&selector).ok().flatten())
                .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
            if let Some(button) = button {
                let _ = button.focus();
            }
            // After the focus, which may have scrolled it into view: the page stays where it
            // was left.
            window.scroll_to_with_x_and_y(0.0, scroll);
        }
    });
}

/// The province page.
#[component]
pub fn ProvincePage() -> Html {
    let state = use_app();
    use_file_drop(
        state.dispatcher(),
        |on| Action::province(ProvinceAction::Dragging(on)),
        take_files,
        &state.host,
        (!state.modes.province.takes_files())
            .then(|| Action::province(ProvinceAction::Evidence(EvidenceAction::FilesRefused))),
    );
    use_pool_return(&state);
    let t = province_texts(state.lang);
    let p = &state.modes.province;
    if let Some(id) = p.view.viewing.clone() {
        return html! { <viewer::CandidateViewer id={id} /> };
    }
    let profile = p.session.profile().data();
    html! {
        <section class="review province" data-screen="province" aria-labelledby="province-title">
            <div class="panel review-head">
                <h1 id="province-title">{ t.title }</h1>
                <p class="lead">{ t.lead }</p>
                <p class="hint" data-testid="profile">{ fill(t.profile, &[&profile.round.title]) }</p>
                <p class="save-state" role="status" data-testid="province-save">{ save_text(p, t) }</p>
                if !p.load_problems.is_empty() {
                    <div class="notice warning" data-testid="load-problems">
                        <p>{ t.load_failed }</p>
                        { problems_list(&p.load_problems, &state) }
                    </div>
                }
                if p.download_refused {
                    <p class="notice error" role="alert">{ t.download_refused }</p>
                }
                if !p.problems.is_empty() {
                    <div class="notice error" role="alert" data-testid="province-problems">
                        { problems_list(&p.problems, &state) }
                    </div>
                }
            </div>
            { take_in(&state, t) }
            if p.reading.is_none() {
                { rejected(&state, t) }
                { pool(&state, t) }
                { scores(&state, t) }
                { for KindKey::ALL.into_iter().map(|kind| ranking(&state, t, kind)) }
                <ranking_export::RankingExport />
                { naming(&state, t) }
                <notice::NoticePanel />
                <supervision::Supervision />
                <evidence::EvidencePanel />
            }
            { work_record(&state, t) }
        </section>
    }
}

fn take_in(state: &AppHandle, t: &ProvinceTexts) -> Html {
    let p = &state.modes.province;
    let onchange = {
        let dispatch = state.dispatcher();
        let ns = state.host.namespace();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            take_files(picked_files(&input), dispatch.clone(), ns.clone());
        })
    };
    let class = if p.dragging {
        "dropzone dragging"
    } else {
        "dropzone"
    };
    html! {
        <section {class} aria-labelledby="take-title">
            <h2 id="take-title">{ t.take_title }</h2>
            <p class="drop-line">
                <span>{ if p.dragging { t.drop_now } else { t.drop_hint } }</span>
                { " " }
                <label class="button primary file-button">
                    <span>{ t.choose_files }</span>
                    <input type="file" class="visually-hidden" multiple=true
                        accept=".json,.csv,application/json,text/csv" data-role="province-files" {onchange} />
                </label>
            </p>
            if let Some((done, total)) = p.reading {
                <div class="reading" role="status">
                    <progress max={total.max(1).to_string()} value={done.to_string()} />
                    <span>{ fill(t.reading, &[&done.min(total).to_string(), &total.to_string()]) }</span>
                </div>
            } else if let Some(report) = p.report {
                <p class="open-report" role="status" data-testid="take-report">
                    { fill(t.report, &[
                        &report.files.to_string(),
                        &report.added.to_string(),
                        &report.rejected.to_string(),
                    ]) }
                </p>
            }
        </section>
    }
}

fn rejected(state: &AppHandle, t: &ProvinceTexts) -> Html {
    let rejected = &state.modes.province.session.rejected;
    if rejected.is_empty() {
        return Html::default();
    }
    let d = state.dispatcher();
    html! {
        <section class="review-panel rejected" aria-labelledby="p-rejected-title" data-testid="rejected">
            <h2 id="p-rejected-title">{ fill(t.rejected_title, &[&rejected.len().to_string()]) }</h2>
            <ul class="rejected-list">
                { for rejected.iter().map(|file| html! {
                    <li class="rejected-file" data-file={file.file_name.clone()}>
                        <div class="rejected-head">
                            <strong class="file-name">{ file.file_name.clone() }</strong>
                        </div>
                        if file.problems.is_empty() {
                            <p class="error-text">{ t.unreadable }</p>
                        } else {
                            { problems_list(&file.problems, state) }
                        }
                        if shifan_rules::problem::needs_catalog(&file.problems) {
                            <p class="hint" data-notice="catalog-needed">{ t.catalog_needed }</p>
                            { load_catalog_button(state) }
                        }
                    </li>
                }) }
            </ul>
            <button type="button" onclick={province::<MouseEvent>(&d, ProvinceAction::ClearRejected)}>{ t.clear_rejected }</button>
        </section>
    }
}

/// The city's decision, rank and comment on every route the candidate came by.
pub(crate) fn routes_text(c: &Candidate, lang: Lang, t: &ProvinceTexts) -> String {
    c.routes
        .iter()
        .map(|route| match route {
            Route::Package {
                city_name,
                decision,
                rank,
                comment,
                ..
            } => {
                let colon = if lang == Lang::Zh { "：" } else { ": " };
                let mut s = format!("{city_name}{colon}{}", decision.label(lang));
                if let Some(n) = rank {
                    s.push_str(&format!(" #{n}"));
                }
                if !comment.is_empty() {
                    s.push_str(&format!(" — {comment}"));
                }
                s
            }
            Route::Direct { .. } => t.direct.to_string(),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn category_of(c: &Candidate) -> String {
    match &c.verified.file.kind {
        shifan_rules::Kind::SingleItem { category, .. } => {
            c.verified.catalog.category_title(category)
        }
        shifan_rules::Kind::Comprehensive => String::new(),
    }
}

fn pool(state: &AppHandle, t: &ProvinceTexts) -> Html {
    let p = &state.modes.province;
    let lang = state.lang;
    let d = state.dispatcher();
    let total = p.session.candidates().len();
    let nt = notice_texts(lang);
    let shown = shown_pool(&p.session, p.sort, &p.view.filter);
    let open = |id: &str| {
        let d = d.clone();
        let id = id.to_string();
        Callback::from(move |_: MouseEvent| {
            let scroll = web_sys::window()
                .and_then(|w| w.scroll_y().ok())
                .unwrap_or(0.0);
            d.dispatch(Action::province(ProvinceAction::Pool(PoolAction::Open(
                id.clone(),
                scroll,
            ))));
        })
    };
    let header = |column: PoolColumn, label: &'static str| {
        let aria = p.sort.aria(column);
        let arrow = match aria {
            "ascending" => "▲",
            "descending" => "▼",
            _ => "↕",
        };
        html! {
            <th scope="col" aria-sort={aria} class={if aria == "none" { "sortable" } else { "sortable sorted" }}>
                <button type="button" class="sort" data-sort={column.as_str()}
                    aria-label={fill(t.sort_by, &[label])}
                    onclick={province::<MouseEvent>(&d, ProvinceAction::Sort(column))}>
                    <span>{ label }</span>
                    <span class="arrow" aria-hidden="true">{ arrow }</span>
                </button>
            </th>
        }
    };
    let row = |c: &Candidate| {
        let f = &c.verified.file;
        let flags: Vec<String> = c
            .flags
            .iter()
            .map(|p| p.message.get(lang).to_string())
            .collect();
        html! {
            <tr data-id={c.integrity().to_string()} data-flagged={(!c.flags.is_empty()).to_string()}>
                <th scope="row" class="applicant">
                    <button type="button" class="link open" data-action="open-candidate"
                        aria-label={fill(nt.open_label, &[&f.applicant.display_name()])}
                        onclick={open(c.integrity())}>{ f.applicant.display_name() }</button>
                </th>
                <td data-col="city">{ c.city_name() }</td>
                <td>{ KindKey::of(&f.kind).label(lang) }</td>
                <td>{ category_of(c) }</td>
                <td class="num" data-col="compliance">{ c.verified.score.total.compliance().percent() }</td>
                <td class="wrap">{ routes_text(c, lang, t) }</td>
                <td class="wrap flags" data-col="flags">
                    { for c.flags.iter().zip(flags).map(|(p, text)| html! {
                        <span class="flag" data-code={p.code.as_str()}>{ text }</span>
                    }) }
                </td>
                <td>{ evidence::record_button(state, c.integrity(), &f.applicant.display_name()) }</td>
            </tr>
        }
    };
    html! {
        <section class="review-panel table-panel" aria-labelledby="pool-title">
            <h2 id="pool-title">{ fill(t.pool_title, &[&total.to_string(), &p.session.package_count().to_string()]) }</h2>
            if total == 0 {
                <p class="empty">{ t.pool_empty }</p>
            } else {
                <pool_filter::PoolFilterBar />
                if shown.is_empty() {
                    <p class="empty" data-testid="pool-none">{ fill(nt.none_match, &[&total.to_string()]) }</p>
                } else {
                <div class="table-wrap comparison-wrap" tabindex="0" role="region" aria-labelledby="pool-title">
                    <table class="comparison" data-testid="pool">
                        <thead>
                            <tr>
                                { header(PoolColumn::Applicant, t.col_applicant) }
                                { header(PoolColumn::City, t.col_city) }
                                <th scope="col" class="plain">{ t.col_kind }</th>
                                <th scope="col" class="plain">{ t.col_category }</th>
                                { header(PoolColumn::Compliance, t.col_compliance) }
                                <th scope="col" class="plain">{ t.col_decision }</th>
                                <th scope="col" class="plain">{ t.col_flags }</th>
                                <th scope="col" class="plain">{ evidence::record_heading(lang) }</th>
                            </tr>
                        </thead>
                        <tbody>{ for shown.into_iter().map(row) }</tbody>
                    </table>
                </div>
                }
                <p class="hint rounding-note">{ shifan_rules::Ratio::rounding_note(lang) }</p>
            }
        </section>
    }
}

fn scores(state: &AppHandle, t: &ProvinceTexts) -> Html {
    let p = &state.modes.province;
    if p.session.candidates().is_empty() {
        return Html::default();
    }
    let onchange = bytes_picker(&state.dispatcher(), ProvinceAction::Scores);
    html! {
        <section class="review-panel" aria-labelledby="scores-title">
            <h2 id="scores-title">{ t.scores_title }</h2>
            <p class="hint">{ t.scores_hint }</p>
            <label class="button file-button">
                <span>{ t.choose_scores }</span>
                <input type="file" class="visually-hidden" accept=".csv,text/csv"
                    data-role="province-scores" {onchange} />
            </label>
            { match &p.scores {
                Some(ScoresImport::Applied(name, n)) => html! {
                    <p class="open-report" role="status" data-testid="scores-applied">
                        { fill(t.scores_applied, &[name, &n.to_string()]) }
                    </p>
                },
                Some(ScoresImport::Refused(name, problems)) => html! {
                    <div class="notice error" role="alert" data-testid="scores-refused">
                        <p>{ fill(t.scores_refused, &[name]) }</p>
                        { problems_list(problems, state) }
                    </div>
                },
                None => Html::default(),
            } }
        </section>
    }
}

pub(super) fn standing_text(row: &RankRow, lang: Lang, t: &ProvinceTexts) -> String {
    let sep = if lang == Lang::Zh { "、" } else { ", " };
    match &row.standing {
        Standing::Ranked(n) => fill(t.ranked, &[&n.to_string()]),
        Standing::Incomplete(parts) => fill(
            t.incomplete,
            &[&parts
                .iter()
                .map(|p| p.label(lang))
                .collect::<Vec<_>>()
                .join(sep)],
        ),
        Standing::Out(reasons) => fill(
            t.out,
            &[&reasons
                .iter()
                .map(|m| m.get(lang))
                .collect::<Vec<_>>()
                .join(sep)],
        ),
    }
}

fn ranking(state: &AppHandle, t: &ProvinceTexts, kind: KindKey) -> Html {
    let p = &state.modes.province;
    if p.session.candidates().is_empty() {
        return Html::default();
    }
    let lang = state.lang;
    let d = state.dispatcher();
    let rows = p.session.rank(kind);
    let planned = p
        .session
        .profile()
        .kind(kind)
        .map_or(0, |k| k.planned_names.value);
    let kind_id = kind.key();
    let title_id = format!("ranking-{kind_id}");
    let row = |r: &RankRow| {
        let Some(c) = p.session.get(&r.integrity) else {
            return Html::default();
        };
        let name = c.verified.file.applicant.display_name();
        let named = p.session.naming.named.contains(&r.integrity);
        let ranked = matches!(r.standing, Standing::Ranked(_));
        let onchange = {
            let dispatch = d.clone();
            let id = r.integrity.clone();
            Callback::from(move |e: Event| {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                dispatch.dispatch(Action::province(ProvinceAction::Name(
                    id.clone(),
                    input.checked(),
                )));
            })
        };
        let standing = match r.standing {
            Standing::Ranked(_) => "ranked",
            Standing::Incomplete(_) => "incomplete",
            Standing::Out(_) => "out",
        };
        html! {
            <tr data-id={r.integrity.clone()} data-standing={standing}>
                <td data-col="standing">{ standing_text(r, lang, t) }</td>
                <th scope="row" class="applicant">{ name.clone() }</th>
                <td>{ c.city_name() }</td>
                <td>{ category_of(c) }</td>
                <td class="num" data-col="composite">{ r.composite.map(|x| x.decimal(4)).unwrap_or_default() }</td>
                <td class="wrap formula" data-col="formula">{ r.formula.get(lang).to_string() }</td>
                <td>
                    if ranked || named {
                        <input type="checkbox" checked={named} data-role="name"
                            aria-label={fill(t.name_label, &[&name])} {onchange} />
                    }
                </td>
                <td>{ evidence::record_button(state, &r.integrity, &name) }</td>
            </tr>
        }
    };
    html! {
        <section class="review-panel table-panel" aria-labelledby={title_id.clone()} data-kind={kind_id}>
            <h2 id={title_id.clone()}>{ format!("{}{}{}", t.ranking_title, if lang == Lang::Zh { "：" } else { ": " }, kind.label(lang)) }</h2>
            <p class="hint" data-testid="planned">{ fill(t.planned, &[&planned.to_string()]) }</p>
            <p class="hint tie-rule">{ if lang == Lang::Zh { TIE_RULE.0 } else { TIE_RULE.1 } }</p>
            <Weights {kind} />
            if rows.is_empty() {
                <p class="empty">{ t.kind_empty }</p>
            } else {
                <div class="table-wrap comparison-wrap" tabindex="0" role="region" aria-labelledby={title_id}>
                    <table class="comparison ranking" data-testid={format!("ranking-{kind_id}")}>
                        <thead>
                            <tr>
                                <th scope="col" class="plain">{ t.col_standing }</th>
                                <th scope="col" class="plain">{ t.col_applicant }</th>
                                <th scope="col" class="plain">{ t.col_city }</th>
                                <th scope="col" class="plain">{ t.col_category }</th>
                                <th scope="col" class="plain">{ t.col_composite }</th>
                                <th scope="col" class="plain">{ t.col_formula }</th>
                                <th scope="col" class="plain">{ t.col_named }</th>
                                <th scope="col" class="plain">{ evidence::record_heading(lang) }</th>
                            </tr>
                        </thead>
                        <tbody>{ for rows.iter().map(row) }</tbody>
                    </table>
                </div>
            }
        </section>
    }
}

fn naming(state: &AppHandle, t: &ProvinceTexts) -> Html {
    let p = &state.modes.province;
    if p.session.candidates().is_empty() {
        return Html::default();
    }
    let d = state.dispatcher();
    let naming = &p.session.naming;
    let on_number = crate::components::send_value(
        &d,
        Box::new(|v| Action::province(ProvinceAction::SetDocumentNumber(v))),
    );
    let on_date = crate::components::send_value(
        &d,
        Box::new(|v| Action::province(ProvinceAction::SetDate(v))),
    );
    let export = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            match state.modes.province.register(&browser::now_iso()) {
                Ok(register) => {
                    let refused = browser::download(
                        None,
                        &register.file_name(),
                        &register.to_json(),
                        "application/json",
                    )
                    .is_err();
                    state.dispatch(Action::province(ProvinceAction::Problems(Vec::new())));
                    state.dispatch(Action::province(ProvinceAction::DownloadRefused(refused)));
                }
                Err(problems) => {
                    state.dispatch(Action::province(ProvinceAction::Problems(problems)));
                }
            }
        })
    };
    html! {
        <section class="review-panel naming" aria-labelledby="naming-title">
            <h2 id="naming-title">{ t.naming_title }</h2>
            <p data-testid="named-count">{ fill(t.named_count, &[&naming.named.len().to_string()]) }</p>
            <div class="field-row">
                <label class="field">
                    <span>{ t.document_number }</span>
                    <input type="text" value={naming.document_number.clone()} data-role="document-number"
                        oninput={on_number} />
                </label>
                <label class="field">
                    <span>{ t.date }</span>
                    <input type="date" value={naming.date.clone()} data-role="naming-date"
                        onchange={on_date} />
                </label>
            </div>
            <button type="button" class="primary" data-action="export-register" onclick={export}>{ t.export_register }</button>
        </section>
    }
}

fn work_record(state: &AppHandle, t: &ProvinceTexts) -> Html {
    let d = state.dispatcher();
    let export = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            let session = &state.modes.province.session;
            let name = format!(
                "{}.province-session.json",
                shifan_rules::review::neutralise_formula(&session.profile().data().round.title)
            );
            let refused =
                browser::download(None, &name, &session.to_json(), "application/json").is_err();
            state.dispatch(Action::province(ProvinceAction::DownloadRefused(refused)));
        })
    };
    let import = bytes_picker(&d, |_, bytes| ProvinceAction::Import(bytes));
    html! {
        <section class="review-panel work-record" aria-labelledby="record-title">
            <h2 id="record-title">{ t.session_title }</h2>
            <div class="start-actions">
                <button type="button" data-action="export-session" onclick={export}>{ t.export_session }</button>
                <label class="button file-button">
                    <span>{ t.import_session }</span>
                    <input type="file" class="visually-hidden" accept=".json,application/json"
                        data-role="import-session" onchange={import} />
                </label>
                <button type="button" data-action="new-session"
                    onclick={province::<MouseEvent>(&d, ProvinceAction::New)}>{ t.new_session }</button>
            </div>
        </section>
    }
}
