//! The annual report's part of the reducer, natively: starting, writing, saving, closing and
//! reopening a report never drops what was written; a second start of the same government and
//! year, or a file of it, opens the saved report rather than replacing it; the page's first
//! state is read from the store's `annual:` records (verified). Table-driven through `check`.
#![cfg(all(not(target_arch = "wasm32"), feature = "full"))]

use std::rc::Rc;

use shifan_rules::annual::{AnnualReport, SelfAssessment, read_report};
use shifan_rules::{CatalogSet, Code, Lang, read_application};
use shifan_web::annual_state::{AnnualAction, AnnualState};
use shifan_web::record::{NAMED_PREFIX, annual_key};
use shifan_web::state::{
    Action, AppState, Boot, ContactField, Mode, SaveError, SaveStatus, Screen, Write,
};
use yew::Reducible;

const TODAY: &str = "2026-03-10";
const T0: &str = "2026-03-10T08:00:00.000Z";
const T1: &str = "2026-03-10T08:05:00.000Z";
const T2: &str = "2026-03-10T08:09:00.000Z";
const KEY: &str = "annual:140105-2025";

fn boot(records: Vec<(String, Option<String>)>) -> Boot {
    let mut boot = Boot::empty(Lang::Zh, TODAY);
    boot.mode = Some(Mode::Annual);
    boot.annual = records;
    boot
}

fn run(boot: Boot, actions: Vec<AnnualAction>) -> AppState {
    let mut state = Rc::new(AppState::load(boot));
    for action in actions {
        state = state.reduce(Action::annual(action));
    }
    Rc::unwrap_or_clone(state)
}

fn start(code: &str, year: &str) -> Vec<AnnualAction> {
    vec![
        AnnualAction::SetCode(code.into()),
        AnnualAction::SetYear(year.into()),
        AnnualAction::Start { now: T0.into() },
    ]
}

fn write(key: &str, text: &str) -> AnnualAction {
    AnnualAction::SetPart {
        key: key.into(),
        text: text.into(),
    }
}

fn saved(revision: u64, at: &str) -> AnnualAction {
    AnnualAction::Saved {
        revision,
        result: Ok(at.into()),
    }
}

/// A sealed report of 小店区 on 2025 with `measures` written, as the store holds it.
fn stored(measures: &str) -> AnnualReport {
    let state = run(
        boot(Vec::new()),
        [start("140105", "2025"), vec![write("measures", measures)]].concat(),
    );
    state.modes.annual.open.expect("open").seal(T1)
}

/// What a run must give.
struct Expect {
    screen: Screen,
    /// The open report's key and the text of `measures`, if one is open.
    open: Option<(&'static str, &'static str)>,
    unsaved: bool,
    /// The keys of the records the reducer asked to write, in order.
    writes: &'static [&'static str],
    /// The keys of the listed reports.
    listed: &'static [&'static str],
    problems: &'static [Code],
    already_saved: bool,
}

const NOTHING: Expect = Expect {
    screen: Screen::Mode(Mode::Annual),
    open: None,
    unsaved: false,
    writes: &[],
    listed: &[],
    problems: &[],
    already_saved: false,
};

fn check(name: &str, boot: Boot, actions: Vec<AnnualAction>, expect: Expect) -> AppState {
    let state = run(boot, actions);
    let a: &AnnualState = &state.modes.annual;
    assert_eq!(state.screen, expect.screen, "{name}: screen");
    let open = a
        .open
        .as_ref()
        .map(|o| (o.key(), o.content.text("measures").to_string()));
    assert_eq!(
        open,
        expect.open.map(|(k, t)| (k.to_string(), t.to_string())),
        "{name}: open"
    );
    assert_eq!(a.unsaved(), expect.unsaved, "{name}: unsaved");
    let writes: Vec<&str> = state
        .outbox
        .iter()
        .map(|(_, w)| match w {
            Write::Put { key, .. } => key.as_str(),
            other => panic!("{name}: unexpected write {other:?}"),
        })
        .collect();
    assert_eq!(writes, expect.writes, "{name}: writes");
    let listed: Vec<String> = a
        .listing
        .reports
        .iter()
        .map(|r| annual_key(&r.government.division_code, r.year))
        .collect();
    assert_eq!(listed, expect.listed, "{name}: listed");
    let codes: Vec<Code> = a.problems.iter().map(|p| p.code).collect();
    assert_eq!(codes, expect.problems, "{name}: problems");
    assert_eq!(
        a.already_saved, expect.already_saved,
        "{name}: already saved"
    );
    // Every write asked for is a sealed report that verifies, under its own key (or a kept
    // register, which `a_named_place_keeps_its_register…` checks).
    for (_, w) in &state.outbox {
        if let Write::Put { key, text } = w
            && !key.starts_with(NAMED_PREFIX)
        {
            let r = read_report(text.as_bytes()).expect("a written report verifies");
            assert_eq!(
                &annual_key(&r.report.government.division_code, r.report.year),
                key
            );
        }
    }
    state
}

#[test]
fn the_page_enters_its_mode_with_last_years_report_proposed() {
    let state = check("enter", boot(Vec::new()), vec![], NOTHING);
    assert_eq!(state.modes.annual.form.year, "2025");
    assert_eq!(state.modes.annual.today, TODAY);
}

#[test]
fn writing_saving_closing_and_reopening_keeps_every_word() {
    check(
        "a new report is unsaved until its first write",
        boot(Vec::new()),
        start("140105", "2025"),
        Expect {
            open: Some((KEY, "")),
            unsaved: true,
            ..NOTHING
        },
    );
    check(
        "typing then the autosave's write",
        boot(Vec::new()),
        [
            start("140105", "2025"),
            vec![write("measures", "一是……"), saved(2, T1)],
        ]
        .concat(),
        Expect {
            open: Some((KEY, "一是……")),
            listed: &[KEY],
            ..NOTHING
        },
    );
    check(
        "a change after the write is unsaved again",
        boot(Vec::new()),
        [
            start("140105", "2025"),
            vec![
                write("measures", "一是"),
                saved(2, T1),
                write("measures", "一是二是"),
            ],
        ]
        .concat(),
        Expect {
            open: Some((KEY, "一是二是")),
            unsaved: true,
            listed: &[KEY],
            ..NOTHING
        },
    );
    let state = check(
        "closing inside the autosave's pause writes the last change",
        boot(Vec::new()),
        [
            start("140105", "2025"),
            vec![
                write("measures", "未等到自动保存"),
                AnnualAction::Close { now: T2.into() },
            ],
        ]
        .concat(),
        Expect {
            writes: &[KEY],
            listed: &[KEY],
            ..NOTHING
        },
    );
    let listed = &state.modes.annual.listing.reports[0];
    assert_eq!(listed.content().text("measures"), "未等到自动保存");
    assert_eq!(listed.updated, T2);
    // Reopened from the list, the text is there and nothing is unsaved.
    let reopened = Rc::new(state).reduce(Action::annual(AnnualAction::OpenStored(KEY.into())));
    assert_eq!(
        reopened
            .modes
            .annual
            .open
            .as_ref()
            .map(|o| o.content.text("measures")),
        Some("未等到自动保存")
    );
    assert!(!reopened.modes.annual.unsaved());
    check(
        "a failed write keeps the change unsaved and says so",
        boot(Vec::new()),
        [
            start("140105", "2025"),
            vec![
                write("measures", "x"),
                AnnualAction::Saved {
                    revision: 2,
                    result: Err(SaveError::Full),
                },
            ],
        ]
        .concat(),
        Expect {
            open: Some((KEY, "x")),
            unsaved: true,
            ..NOTHING
        },
    );
}

#[test]
fn a_reload_reads_the_stored_reports_and_refuses_none_silently() {
    let report = stored("重新加载前写的");
    let mut edited = report.to_json();
    edited = edited.replace("重新加载前写的", "改过");
    let records = vec![
        (KEY.to_string(), Some(report.to_json())),
        ("annual:140106-2025".to_string(), Some(edited)),
        ("annual:140107-2025".to_string(), Some(report.to_json())),
        ("draft:x".to_string(), Some("ignored here".into())),
    ];
    let state = check(
        "reload",
        boot(records),
        vec![],
        Expect {
            listed: &[KEY],
            ..NOTHING
        },
    );
    let corrupt: Vec<(&str, Code)> = state
        .modes
        .annual
        .listing
        .corrupt
        .iter()
        .map(|c| (c.key.as_str(), c.problems[0].code))
        .collect();
    assert_eq!(
        corrupt,
        [
            ("annual:140106-2025", Code::IntegrityMismatch),
            ("annual:140107-2025", Code::NotApplication),
        ]
    );
    let reopened = run(
        boot(vec![(KEY.to_string(), Some(report.to_json()))]),
        vec![AnnualAction::OpenStored(KEY.into())],
    );
    assert_eq!(
        reopened.modes.annual.open.expect("open").sealed().to_json(),
        report.to_json(),
        "the reopened report is the stored file, byte for byte"
    );
}

#[test]
fn the_same_report_started_again_or_opened_from_a_file_opens_the_saved_one() {
    let report = stored("保存的版本");
    let records = || vec![(KEY.to_string(), Some(report.to_json()))];
    check(
        "starting the same government and year again",
        boot(records()),
        start("140105", "2025"),
        Expect {
            open: Some((KEY, "保存的版本")),
            listed: &[KEY],
            already_saved: true,
            ..NOTHING
        },
    );
    let mut other = report.content();
    other.set_text("measures", "文件中的版本".into());
    let file = AnnualReport::build(other, report.generator.clone(), T0.into(), T2.into());
    check(
        "a different file of the same report does not replace the saved one",
        boot(records()),
        vec![AnnualAction::OpenFile(Ok(Box::new(file.clone())))],
        Expect {
            open: Some((KEY, "保存的版本")),
            listed: &[KEY],
            already_saved: true,
            ..NOTHING
        },
    );
    check(
        "the saved report's own file is simply the saved report",
        boot(records()),
        vec![AnnualAction::OpenFile(Ok(Box::new(report.clone())))],
        Expect {
            open: Some((KEY, "保存的版本")),
            listed: &[KEY],
            ..NOTHING
        },
    );
    check(
        "a file of a report not saved here opens, unsaved",
        boot(Vec::new()),
        vec![AnnualAction::OpenFile(Ok(Box::new(file)))],
        Expect {
            open: Some((KEY, "文件中的版本")),
            unsaved: true,
            ..NOTHING
        },
    );
}

#[test]
fn a_form_not_filled_in_says_why_and_starts_nothing() {
    check(
        "no government",
        boot(Vec::new()),
        start("", "2025"),
        Expect {
            problems: &[Code::UnknownDivision],
            ..NOTHING
        },
    );
    check(
        "a year not begun",
        boot(Vec::new()),
        start("140105", "2027"),
        Expect {
            problems: &[Code::InvalidYear],
            ..NOTHING
        },
    );
    check(
        "not a year",
        boot(Vec::new()),
        start("140105", "二〇二五"),
        Expect {
            problems: &[Code::InvalidYear],
            ..NOTHING
        },
    );
}

#[test]
fn contact_national_and_the_self_assessment_are_changes_like_the_text() {
    let application = shifan_rules::sample::sample_application(
        shifan_rules::Catalog::reference(),
        &shifan_rules::sample::SampleSpec::new(
            "140105",
            90,
            shifan_rules::sample::SampleKind::Comprehensive,
            1,
        ),
    )
    .expect("a sample");
    let verified = read_application(application.to_json().as_bytes(), &CatalogSet::builtin())
        .expect("verifies");
    let attached = SelfAssessment::of(&verified);
    let mut foreign = attached.clone();
    foreign.division_code = "140106".into();
    let state = check(
        "edits",
        boot(Vec::new()),
        [
            start("140105", "2025"),
            vec![
                saved(1, T1),
                AnnualAction::SetContact(ContactField::Phone, "0351-7654321".into()),
                AnnualAction::SetNational(true),
                AnnualAction::Attach(Ok(Box::new(foreign))),
                AnnualAction::Attach(Ok(Box::new(attached.clone()))),
            ],
        ]
        .concat(),
        Expect {
            open: Some((KEY, "")),
            unsaved: true,
            listed: &[KEY],
            ..NOTHING
        },
    );
    let open = state.modes.annual.open.as_ref().expect("open");
    assert_eq!(open.content.government.contact.phone, "0351-7654321");
    assert!(open.content.national);
    assert_eq!(open.content.self_assessment.as_ref(), Some(&attached));
    let sealed = read_report(open.seal(T2).to_json().as_bytes()).expect("verifies");
    assert_eq!(
        sealed.report.self_assessment.as_ref().map(|s| s.met),
        Some(90)
    );
    // The other government's file was refused with a reason, and the right one cleared it.
    let refused = run(
        boot(Vec::new()),
        [
            start("140105", "2025"),
            vec![AnnualAction::Attach(Ok(Box::new({
                let mut f = attached.clone();
                f.division_code = "140106".into();
                f
            })))],
        ]
        .concat(),
    );
    assert_eq!(
        refused.modes.annual.problems[0].code,
        Code::InvalidSelfAssessment
    );
    assert!(
        refused
            .modes
            .annual
            .open
            .expect("open")
            .content
            .self_assessment
            .is_none()
    );
    let detached = Rc::new(state).reduce(Action::annual(AnnualAction::Detach));
    assert!(
        detached
            .modes
            .annual
            .open
            .as_ref()
            .expect("open")
            .content
            .self_assessment
            .is_none()
    );
    assert!(matches!(detached.modes.annual.save, SaveStatus::Saved(_)));
}

/// A register fixture of `tests/fixtures/province/`, verified.
fn register(name: &str) -> Box<shifan_rules::register::VerifiedRegister> {
    let path = format!(
        "{}/../tests/fixtures/province/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    Box::new(shifan_rules::register::read_register(&std::fs::read(path).unwrap()).unwrap())
}

#[test]
fn a_named_place_keeps_its_register_and_a_later_one_only_if_it_extends_it() {
    const NAMED: &str = "annual:named:140181-shanxi-2020-1";
    let keep = |code: &str, file: &str| {
        vec![
            AnnualAction::SetCode(code.into()),
            AnnualAction::KeepRegister(Ok(register(file))),
        ]
    };
    // Kept, and written under the government and the round.
    let state = check(
        "kept",
        boot(Vec::new()),
        keep("140181", "supervised-register-older.json"),
        Expect {
            writes: &[NAMED],
            ..NOTHING
        },
    );
    let kept = &state.modes.annual.named.kept;
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].namings[0].entry.division_code, "140181");
    let Some((_, Write::Put { text: older, .. })) = state.outbox.first() else {
        panic!("no write");
    };
    let stored = vec![(NAMED.to_string(), Some(older.clone()))];
    // A reload reads it back; the annual reports' listing does not take it for a report.
    let reloaded = check("reload", boot(stored.clone()), vec![], NOTHING);
    assert_eq!(reloaded.modes.annual.named, state.modes.annual.named);
    assert!(reloaded.modes.annual.listing.corrupt.is_empty());
    // A later register of the round that extends it replaces it; one that rewrites it does not.
    let extended = check(
        "extends",
        boot(stored.clone()),
        keep("140181", "supervised-register.json"),
        Expect {
            writes: &[NAMED],
            ..NOTHING
        },
    );
    assert_eq!(extended.modes.annual.named.kept[0].register.events.len(), 7);
    let rewritten = check(
        "rewritten",
        boot(stored.clone()),
        keep("140181", "invalid-register-register-rewritten.json"),
        Expect {
            problems: &[Code::RegisterRewritten],
            ..NOTHING
        },
    );
    assert_eq!(rewritten.modes.annual.named, reloaded.modes.annual.named);
    // A register that does not name the government, or no government chosen: kept nowhere.
    for code in ["140105", ""] {
        let state = check(
            "not named",
            boot(Vec::new()),
            keep(code, "supervised-register.json"),
            Expect {
                problems: &[Code::InvalidRegister],
                ..NOTHING
            },
        );
        assert!(state.modes.annual.named.kept.is_empty());
    }
    // A stored record that is not a register of its key is listed as unreadable, not dropped.
    let odd = vec![
        (NAMED.to_string(), Some("{".to_string())),
        (
            "annual:named:140105-shanxi-2020-1".to_string(),
            Some(older.clone()),
        ),
    ];
    let listed = check("corrupt", boot(odd), vec![], NOTHING);
    let corrupt: Vec<&str> = listed
        .modes
        .annual
        .named
        .corrupt
        .iter()
        .map(|c| c.key.as_str())
        .collect();
    assert_eq!(corrupt, ["annual:named:140105-shanxi-2020-1", NAMED]);
    assert!(listed.modes.annual.listing.corrupt.is_empty());
}
