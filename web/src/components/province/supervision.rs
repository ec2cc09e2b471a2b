//! The province page's register and supervision section: load the register (this session's
//! naming, or a register file picked or dropped), take in annual reports (several at once),
//! the standings per place and year, a revisit check and a delisting per named entry, the
//! public list (printable, exportable as CSV) and the extended register's download. The
//! standings, the public list, what may be appended and every label come from `shifan-rules`
//! (`register`, `supervision`); the forms only gather what the office types.

use std::rc::Rc;

use shifan_rules::annual::Date;
use shifan_rules::document::Document;
use shifan_rules::fraction::Fraction;
use shifan_rules::programme::{KindKey, Part};
use shifan_rules::register::{AspectCheck, Conclusion, EntryRef, NamedEntry, VerifiedRegister};
use shifan_rules::review::Table;
use shifan_rules::score::Tally;
use shifan_rules::{Aspect, Lang, Problem};
use yew::prelude::*;

use crate::browser;
use crate::components::notices::problem_item;
use crate::components::review::open_files::picked_files;
use crate::i18n::supervision::{SupervisionTexts, supervision_texts};
use crate::i18n::{fill, texts};
use crate::province_state::ProvinceAction;
use crate::review::OpenedFile;
use crate::review::io::{self, Sheet, SheetFailure};
use crate::state::{Action, AppHandle, use_app};
use crate::supervision_state::{DelistForm, Intake, RevisitForm, SupervisionAction};

fn supervise(action: SupervisionAction) -> Action {
    Action::province(ProvinceAction::Supervision(action))
}

/// The action for each step of reading a batch of register and annual report files, dated
/// today (read here, outside the reducer).
fn supervision_step(step: io::Opening) -> Action {
    match step {
        io::Opening::Reading(done, total) => Action::province(ProvinceAction::Reading(done, total)),
        io::Opening::Opened(files) => supervise(SupervisionAction::Opened(files, browser::today())),
        io::Opening::Done => Action::province(ProvinceAction::ReadDone),
    }
}

fn problems_list(problems: &[Problem], state: &AppHandle) -> Html {
    let t = texts(state.lang);
    html! {
        <ul class="problems">{ for problems.iter().map(|p| problem_item(p, state, t)) }</ul>
    }
}

/// A rules table as an HTML table (the standings, the public list).
pub(crate) fn table_html(table: &Table, testid: &'static str) -> Html {
    let lang = table.lang;
    html! {
        <div class="table-wrap comparison-wrap" tabindex="0" role="region" aria-label={table.sheet.clone()}>
            <table class="comparison" data-testid={testid}>
                <thead>
                    <tr>{ for table.headers.iter().map(|h| html! { <th scope="col" class="plain">{ h.clone() }</th> }) }</tr>
                </thead>
                <tbody>
                    { for table.rows.iter().map(|row| html! {
                        <tr>{ for row.iter().map(|c| html! { <td class="wrap">{ c.display(lang) }</td> }) }</tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

/// The entry's name as shown: the government, and a project's title.
fn entry_name(entry: &NamedEntry, lang: Lang) -> String {
    let kind = entry.kind.label(lang);
    if entry.title.is_empty() {
        format!("{}（{kind}）", entry.place.name)
    } else {
        format!("{}「{}」（{kind}）", entry.place.name, entry.title)
    }
}

/// The register and supervision section.
#[component]
pub fn Supervision() -> Html {
    let state = use_app();
    let t = supervision_texts(state.lang);
    let p = &state.modes.province;
    let d = state.dispatcher();
    let onchange = {
        let dispatch = d.clone();
        let ns = state.host.namespace();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            io::read_files(
                picked_files(&input),
                dispatch.clone(),
                ns.clone(),
                supervision_step,
            );
        })
    };
    let use_named = {
        let dispatch = d.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(supervise(SupervisionAction::UseNamed(browser::now_iso())));
        })
    };
    let named = !p.session.naming.named.is_empty();
    html! {
        <section class="review-panel supervision" aria-labelledby="supervision-title" data-testid="supervision">
            <h2 id="supervision-title">{ t.title }</h2>
            <p class="hint no-print">{ t.lead }</p>
            <div class="start-actions no-print">
                if named {
                    <button type="button" data-action="supervise-named" onclick={use_named}>{ t.use_named }</button>
                }
                <label class="button file-button">
                    <span>{ t.choose_files }</span>
                    <input type="file" class="visually-hidden" multiple=true accept=".json,application/json"
                        data-role="supervision-files" {onchange} />
                </label>
            </div>
            if !p.supervision_problems.is_empty() {
                <div class="notice error no-print" role="alert" data-testid="supervision-problems">
                    { problems_list(&p.supervision_problems, &state) }
                </div>
            }
            { intake(&state, t) }
            if let Some(verified) = &p.session.supervised {
                { loaded(&state, t, verified) }
            }
        </section>
    }
}

fn intake(state: &AppHandle, t: &SupervisionTexts) -> Html {
    let p = &state.modes.province;
    if p.intake.is_empty() {
        return Html::default();
    }
    let lang = state.lang;
    let name_of = |e: &EntryRef| {
        p.session
            .supervised
            .as_ref()
            .and_then(|v| v.register.entry(e))
            .map_or_else(|| e.division_code.clone(), |n| entry_name(n, lang))
    };
    html! {
        <div class="no-print" role="status">
        <ul class="intake" data-testid="intake">
            { for p.intake.iter().map(|i| match i {
                Intake::Register(name) => html! {
                    <li data-file={name.clone()} data-outcome="register">{ fill(t.intake_register, &[name]) }</li>
                },
                Intake::Report(name, entry, year) => html! {
                    <li data-file={name.clone()} data-outcome="report">
                        { fill(t.intake_report, &[name, &name_of(entry), &year.to_string()]) }
                    </li>
                },
                Intake::Refused(name, problems) => html! {
                    <li data-file={name.clone()} data-outcome="refused">
                        <p class="error-text">{ fill(t.intake_refused, &[name]) }</p>
                        { problems_list(problems, state) }
                    </li>
                },
            }) }
        </ul>
        </div>
    }
}

fn loaded(state: &AppHandle, t: &SupervisionTexts, verified: &VerifiedRegister) -> Html {
    let lang = state.lang;
    let register = &verified.register;
    let today = browser::today();
    let day = Date::parse(&today);
    let export = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(v) = &state.modes.province.session.supervised {
                let refused = browser::download(
                    None,
                    &v.register.file_name(),
                    &v.register.to_json(),
                    "application/json",
                )
                .is_err();
                state.dispatch(Action::province(ProvinceAction::DownloadRefused(refused)));
            }
        })
    };
    let close = {
        let d = state.dispatcher();
        Callback::from(move |_: MouseEvent| d.dispatch(supervise(SupervisionAction::Close)))
    };
    let standings = day.map(|day| shifan_rules::supervision::standings_table(verified, day, lang));
    html! {
        <>
            <p class="no-print" data-testid="register-loaded">{ fill(t.loaded, &[
                &register.province.name,
                &register.round.title,
                &register.events.len().to_string(),
            ]) }</p>
            <div class="start-actions no-print">
                <button type="button" class="primary" data-action="export-supervised" onclick={export}>{ t.export }</button>
                <button type="button" data-action="close-register" onclick={close}>{ t.close }</button>
            </div>
            <section class="no-print" aria-labelledby="standings-title">
                <h3 id="standings-title">{ fill(t.standings_title, &[&today]) }</h3>
                { match standings {
                    Some(table) if !table.rows.is_empty() => table_html(&table, "standings"),
                    _ => html! { <p class="empty">{ t.standings_empty }</p> },
                } }
            </section>
            <EntryChecks />
            { public_list(state, t, verified) }
        </>
    }
}

fn public_list(state: &AppHandle, t: &SupervisionTexts, verified: &VerifiedRegister) -> Html {
    let table = shifan_rules::supervision::public_list(verified, state.lang);
    let print = Callback::from(|_: MouseEvent| {
        let root = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element());
        if let Some(root) = &root {
            let _ = root.class_list().add_1("print-public");
        }
        browser::print();
        if let Some(root) = &root {
            let _ = root.class_list().remove_1("print-public");
        }
    });
    let csv = {
        let state = state.clone();
        let table = table.clone();
        Callback::from(move |_: MouseEvent| {
            let d = state.dispatcher();
            io::download_sheet(&table, Sheet::Csv, None, move |outcome| {
                let action = match outcome {
                    Ok(()) => ProvinceAction::DownloadRefused(false),
                    Err(SheetFailure::Refused) => ProvinceAction::DownloadRefused(true),
                    Err(SheetFailure::Failed(message)) => {
                        ProvinceAction::Problems(vec![Problem::new(
                            shifan_rules::Code::InvalidRegister,
                            fill(supervision_texts(Lang::Zh).csv_failed, &[&message]),
                            fill(supervision_texts(Lang::En).csv_failed, &[&message]),
                        )])
                    }
                };
                d.dispatch(Action::province(action));
            });
        })
    };
    html! {
        <section class="public-list" aria-labelledby="public-title">
            <h3 id="public-title">{ t.public_title }</h3>
            <p class="print-only">{ format!("{} · {}", verified.register.province.name, verified.register.round.title) }</p>
            { table_html(&table, "public-list") }
            <div class="start-actions no-print">
                <button type="button" data-action="print-public" onclick={print}>{ t.print }</button>
                <button type="button" data-action="export-public-csv" onclick={csv}>{ t.export_csv }</button>
            </div>
        </section>
    }
}

/// The revisit check and the delisting of one named entry, picked from the current ones.
#[component]
fn EntryChecks() -> Html {
    let state = use_app();
    let t = supervision_texts(state.lang);
    let lang = state.lang;
    let picked = use_state(|| 0usize);
    let Some(verified) = &state.modes.province.session.supervised else {
        return Html::default();
    };
    let current: Vec<&NamedEntry> = verified.register.current().collect();
    if current.is_empty() {
        return Html::default();
    }
    let index = (*picked).min(current.len() - 1);
    let entry = current[index];
    let onchange = {
        let picked = picked.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            picked.set(select.value().parse().unwrap_or(0));
        })
    };
    let key = EntryRef::of(entry);
    let id = format!("{}-{}-{}", key.division_code, key.category, index);
    html! {
        <section class="entry-checks no-print" aria-labelledby="entry-title">
            <h3 id="entry-title">{ t.entry_title }</h3>
            <label class="field">
                <span>{ t.entry_label }</span>
                <select data-role="entry" {onchange}>
                    { for current.iter().enumerate().map(|(i, e)| html! {
                        <option value={i.to_string()} selected={i == index}>{ entry_name(e, lang) }</option>
                    }) }
                </select>
            </label>
            <RevisitCheck key={format!("r-{id}")} entry={key.clone()} />
            <Delisting key={format!("d-{id}")} entry={key} />
        </section>
    }
}

/// Props of the forms of one entry.
#[derive(Properties, PartialEq, Clone)]
struct EntryProps {
    /// The entry.
    entry: EntryRef,
}

/// The fresh self-assessment loaded for a comprehensive place's revisit.
#[derive(Clone, PartialEq)]
struct Fresh {
    integrity: String,
    total: Tally,
    areas: Vec<(String, Tally)>,
}

fn input_value(e: &Event) -> String {
    crate::components::target_value(e)
}

/// A text field bound to a `use_state` string.
fn text_field(label: &str, role: &'static str, value: &UseStateHandle<String>, area: bool) -> Html {
    let oninput = {
        let value = value.clone();
        Callback::from(move |e: InputEvent| value.set(input_value(&e)))
    };
    html! {
        <label class="field">
            <span>{ label.to_string() }</span>
            if area {
                <textarea data-role={role} value={(**value).clone()} {oninput} rows="3" />
            } else {
                <input type={if role.ends_with("date") { "date" } else { "text" }} data-role={role}
                    value={(**value).clone()} {oninput} />
            }
        </label>
    }
}

#[component]
fn RevisitCheck(props: &EntryProps) -> Html {
    let state = use_app();
    let t = supervision_texts(state.lang);
    let lang = state.lang;
    let team = use_state(String::new);
    let checked = use_state(String::new);
    let findings = use_state(String::new);
    let date = use_state(browser::today);
    let fresh = use_state(|| None::<Fresh>);
    let fresh_problems = use_state(Vec::<Problem>::new);
    let aspects = use_state(|| [true; 4]);
    let aspect_findings =
        use_state(|| Rc::new([String::new(), String::new(), String::new(), String::new()]));
    let project_meets = use_state(|| true);
    let Some(verified) = &state.modes.province.session.supervised else {
        return Html::default();
    };
    let Some(entry) = verified.register.entry(&props.entry) else {
        return Html::default();
    };
    let comprehensive = entry.kind == KindKey::Comprehensive;
    // Compliance at naming: the application named, when this session still holds it.
    let then = state
        .modes
        .province
        .session
        .get(&entry.application)
        .map(|c| c.verified.score.clone());
    let on_file = {
        let fresh = fresh.clone();
        let fresh_problems = fresh_problems.clone();
        let catalogs = state.drafts.catalog_set();
        let code = props.entry.division_code.clone();
        crate::components::on_file_picked(move |file| {
            let fresh = fresh.clone();
            let fresh_problems = fresh_problems.clone();
            let catalogs = catalogs.clone();
            let code = code.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let name = file.name();
                let Ok(bytes) = browser::read_file(&file).await else {
                    fresh_problems.set(vec![super::unreadable_file(&name)]);
                    return;
                };
                match OpenedFile::read(name, &bytes, &catalogs).result {
                    Ok(Document::Application(v)) => {
                        let applicant = &v.file.applicant;
                        if applicant.division_code == code {
                            fresh_problems.set(Vec::new());
                            fresh.set(Some(Fresh {
                                integrity: v.file.integrity.clone(),
                                total: v.score.total,
                                areas: v
                                    .score
                                    .areas
                                    .iter()
                                    .map(|a| (a.title.clone(), a.tally))
                                    .collect(),
                            }));
                        } else {
                            let (zh, en) = (
                                fill(
                                    supervision_texts(Lang::Zh).other_government,
                                    &[&applicant.display_name()],
                                ),
                                fill(
                                    supervision_texts(Lang::En).other_government,
                                    &[&applicant.display_name()],
                                ),
                            );
                            fresh_problems.set(vec![Problem::new(
                                shifan_rules::Code::ApplicantMismatch,
                                zh,
                                en,
                            )]);
                        }
                    }
                    Ok(other) => fresh_problems.set(other.not_for_review().into_iter().collect()),
                    Err(problems) => fresh_problems.set(problems),
                }
            });
        })
    };
    let threshold = verified.profile.data().threshold.value;
    // The total at naming: the application's own count when the session holds it, else the
    // desk-review figure the register recorded (the self-assessed compliance, exact).
    let then_total = then
        .as_ref()
        .map(|s| s.total.compliance().percent())
        .or_else(|| {
            entry
                .figures
                .parts
                .iter()
                .find(|f| f.part == Part::Desk)
                .and_then(|f| f.value)
                .and_then(|v| v.checked_mul(Fraction::ONE_HUNDRED))
                .map(|v| format!("{}%", v.decimal(1)))
        })
        .unwrap_or_else(|| t.unknown_then.to_string());
    let comparison = fresh.as_ref().map(|f| {
        let then_area = |title: &str| {
            then.as_ref()
                .and_then(|s| s.areas.iter().find(|a| a.title == title))
                .map(|a| a.tally.compliance().percent())
                .unwrap_or_default()
        };
        let meets = threshold.is_reached(f.total.met, f.total.applicable());
        let conclusion = if meets { Conclusion::StillMeets } else { Conclusion::NoLongerMeets };
        let (n, a) = (f.total.met, f.total.applicable());
        let (num, den) = (threshold.numerator, threshold.denominator);
        // The rules' comparison, shown as the products it reduces to (whole numbers, exact).
        let (left, right) = (u64::from(n) * u64::from(den), u64::from(num) * u64::from(a));
        html! {
            <div data-testid="revisit-comparison">
                <div class="table-wrap" tabindex="0" role="region" aria-label={t.col_area}>
                    <table class="comparison">
                        <thead><tr>
                            <th scope="col" class="plain">{ t.col_area }</th>
                            <th scope="col" class="plain">{ t.col_then }</th>
                            <th scope="col" class="plain">{ t.col_now }</th>
                        </tr></thead>
                        <tbody>
                            { for f.areas.iter().map(|(title, tally)| html! {
                                <tr>
                                    <th scope="row">{ title.clone() }</th>
                                    <td class="num">{ then_area(title) }</td>
                                    <td class="num">{ tally.compliance().percent() }</td>
                                </tr>
                            }) }
                            <tr data-row="total">
                                <th scope="row">{ t.total }</th>
                                <td class="num" data-col="then">{ then_total.clone() }</td>
                                <td class="num">{ f.total.compliance().percent() }</td>
                            </tr>
                        </tbody>
                    </table>
                </div>
                <p data-testid="revisit-arithmetic">{ fill(t.arithmetic, &[
                    &n.to_string(), &a.to_string(), &num.to_string(), &den.to_string(),
                    &n.to_string(), &den.to_string(), &left.to_string(),
                    if meets { "≥" } else { "<" },
                    &right.to_string(), &num.to_string(), &a.to_string(),
                ]) }</p>
                <p data-testid="revisit-conclusion" data-conclusion={if meets { "still_meets" } else { "no_longer_meets" }}>
                    <strong>{ fill(t.conclusion, &[conclusion.label(lang)]) }</strong>
                </p>
            </div>
        }
    });
    let record = {
        let dispatch = state.dispatcher();
        let entry = props.entry.clone();
        let (team, checked, findings, date) = (
            team.clone(),
            checked.clone(),
            findings.clone(),
            date.clone(),
        );
        let (fresh, aspects, aspect_findings, project_meets) = (
            fresh.clone(),
            aspects.clone(),
            aspect_findings.clone(),
            project_meets.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let form = RevisitForm {
                entry: entry.clone(),
                date: (*date).clone(),
                team: (*team).clone(),
                checked: (*checked).clone(),
                findings: (*findings).clone(),
                assessment: if comprehensive {
                    (*fresh)
                        .as_ref()
                        .map(|f| (f.integrity.clone(), f.total.met, f.total.applicable()))
                } else {
                    None
                },
                aspects: if comprehensive {
                    Vec::new()
                } else {
                    Aspect::ALL
                        .iter()
                        .enumerate()
                        .map(|(i, a)| AspectCheck {
                            aspect: a.key().to_string(),
                            confirmed: aspects[i],
                            findings: aspect_findings[i].trim().to_string(),
                        })
                        .collect()
                },
                conclusion: if *project_meets {
                    Conclusion::StillMeets
                } else {
                    Conclusion::NoLongerMeets
                },
            };
            dispatch.dispatch(supervise(SupervisionAction::Revisit(Box::new(form))));
        })
    };
    html! {
        <section class="revisit" aria-labelledby="revisit-title" data-kind={if comprehensive { "comprehensive" } else { "single_item" }}>
            <h4 id="revisit-title">{ t.revisit_title }</h4>
            <div class="field-row">
                { text_field(t.team, "revisit-team", &team, false) }
                { text_field(t.check_date, "revisit-date", &date, false) }
            </div>
            { text_field(t.checked, "revisit-checked", &checked, false) }
            if comprehensive {
                <label class="button file-button">
                    <span>{ t.choose_assessment }</span>
                    <input type="file" class="visually-hidden" accept=".json,application/json"
                        data-role="revisit-assessment" onchange={on_file} />
                </label>
                if !fresh_problems.is_empty() {
                    <div class="notice error" role="alert" data-testid="assessment-problems">
                        { problems_list(&fresh_problems, &state) }
                    </div>
                }
                { comparison.unwrap_or_default() }
            } else {
                <ul class="aspects">
                    { for Aspect::ALL.iter().enumerate().map(|(i, a)| {
                        let on_check = {
                            let aspects = aspects.clone();
                            Callback::from(move |e: Event| {
                                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                                let mut next = *aspects;
                                next[i] = input.checked();
                                aspects.set(next);
                            })
                        };
                        let on_text = {
                            let aspect_findings = aspect_findings.clone();
                            Callback::from(move |e: InputEvent| {
                                let mut next = (*aspect_findings).as_ref().clone();
                                next[i] = input_value(&e);
                                aspect_findings.set(Rc::new(next));
                            })
                        };
                        html! {
                            <li data-aspect={a.key()}>
                                <label>
                                    <input type="checkbox" checked={aspects[i]} data-role="aspect-confirmed" onchange={on_check} />
                                    { format!(" {} — {}", a.label(lang), t.aspect_confirmed) }
                                </label>
                                <input type="text" aria-label={format!("{} — {}", a.label(lang), t.findings)}
                                    data-role="aspect-findings" value={aspect_findings[i].clone()} oninput={on_text} />
                            </li>
                        }
                    }) }
                </ul>
                <label class="field">
                    <span>{ t.project_conclusion }</span>
                    <select data-role="project-conclusion" onchange={{
                        let project_meets = project_meets.clone();
                        Callback::from(move |e: Event| {
                            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
                            project_meets.set(select.value() == "still_meets");
                        })
                    }}>
                        <option value="still_meets" selected={*project_meets}>{ Conclusion::StillMeets.label(lang) }</option>
                        <option value="no_longer_meets" selected={!*project_meets}>{ Conclusion::NoLongerMeets.label(lang) }</option>
                    </select>
                </label>
            }
            { text_field(t.findings, "revisit-findings", &findings, true) }
            <button type="button" class="primary" data-action="record-revisit" onclick={record}>{ t.record_revisit }</button>
        </section>
    }
}

#[component]
fn Delisting(props: &EntryProps) -> Html {
    let state = use_app();
    let t = supervision_texts(state.lang);
    let lang = state.lang;
    let ground = use_state(String::new);
    let facts = use_state(String::new);
    let number = use_state(String::new);
    let date = use_state(browser::today);
    let confirming = use_state(|| false);
    let Some(verified) = &state.modes.province.session.supervised else {
        return Html::default();
    };
    let Some(entry) = verified.register.entry(&props.entry) else {
        return Html::default();
    };
    let grounds = &verified.profile.data().delisting_grounds.value;
    // The ground proposed: the revisit's when the last revisit found the bar no longer met.
    let chosen = if ground.is_empty() {
        grounds.first().map(|g| g.id.clone()).unwrap_or_default()
    } else {
        (*ground).clone()
    };
    let label = |id: &str| {
        grounds.iter().find(|g| g.id == id).map_or_else(
            || id.to_string(),
            |g| match lang {
                Lang::Zh => g.title_zh.clone(),
                Lang::En => g.title_en.clone(),
            },
        )
    };
    let on_ground = {
        let ground = ground.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            ground.set(select.value());
        })
    };
    let ask = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(true))
    };
    let cancel = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(false))
    };
    let confirm = {
        let dispatch = state.dispatcher();
        let entry = props.entry.clone();
        let chosen = chosen.clone();
        let (facts, number, date, confirming) = (
            facts.clone(),
            number.clone(),
            date.clone(),
            confirming.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            confirming.set(false);
            dispatch.dispatch(supervise(SupervisionAction::Delist(DelistForm {
                entry: entry.clone(),
                ground: chosen.clone(),
                facts: (*facts).clone(),
                document_number: (*number).clone(),
                date: (*date).clone(),
            })));
        })
    };
    html! {
        <section class="delisting" aria-labelledby="delist-title">
            <h4 id="delist-title">{ t.delist_title }</h4>
            <label class="field">
                <span>{ t.ground }</span>
                <select data-role="delist-ground" onchange={on_ground}>
                    { for grounds.iter().map(|g| html! {
                        <option value={g.id.clone()} selected={g.id == chosen}>{ label(&g.id) }</option>
                    }) }
                </select>
            </label>
            { text_field(t.facts, "delist-facts", &facts, true) }
            <div class="field-row">
                { text_field(t.document_number, "delist-number", &number, false) }
                { text_field(t.decision_date, "delist-date", &date, false) }
            </div>
            if *confirming {
                <div class="notice warning" role="alertdialog" aria-labelledby="delist-confirm" data-testid="delist-confirm">
                    <p id="delist-confirm">{ fill(t.confirm, &[&label(&chosen), &entry_name(entry, lang)]) }</p>
                    <div class="start-actions">
                        <button type="button" class="primary" data-action="confirm-delist" onclick={confirm}>{ t.confirm_yes }</button>
                        <button type="button" data-action="cancel-delist" onclick={cancel}>{ t.confirm_no }</button>
                    </div>
                </div>
            } else {
                <button type="button" data-action="delist" onclick={ask}>{ t.delist }</button>
            }
        </section>
    }
}
