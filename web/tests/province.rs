//! The province page's part of the reducer, natively: packages taken in join the pool (a
//! second copy adds nothing, a broken file is listed with its problems), a scores table is
//! applied whole or not at all, ranked candidates can be named and incomplete ones cannot,
//! the register is sealed from the naming, the stored session is read back at the start (and
//! one that cannot be read is kept aside), an exported session imports, the public notice is
//! set through the rules (a refused one keeps what was typed), the pool is filtered without
//! dropping anyone and a candidate opens read-only and closes. Table-driven through `check`.
#![cfg(all(not(target_arch = "wasm32"), feature = "full"))]

use std::rc::Rc;

use proptest::prelude::*;

use shifan_rules::package::Package;
use shifan_rules::programme::KindKey;
use shifan_rules::province::Standing;
use shifan_rules::province_sample::{sample_packages, sample_scores_csv};
use shifan_rules::register::{Conclusion, EntryRef, EventBody, extends, read_register};
use shifan_rules::supervision::{ReportStanding, report_standings};
use shifan_rules::{CatalogSet, Code, Generator, Lang};
use shifan_web::notice_state::{NoticeAction, NoticeField, SheetOf};
use shifan_web::pool_state::{
    POOL_VIEW_KEY, PoolAction, PoolFilter, pool_cities, remember, remembered, shown_pool,
};
use shifan_web::province_state::{PoolColumn, PoolSort, ProvinceAction, ScoresImport, sorted_pool};
use shifan_web::record::{PROVINCE_KEY, PROVINCE_UNREADABLE_KEY};
use shifan_web::review::OpenedFile;
use shifan_web::state::{Action, AppState, Boot, Mode, Screen, Write};
use shifan_web::supervision_state::{DelistForm, Intake, RevisitForm, SupervisionAction};
use yew::Reducible;

const TODAY: &str = "2021-06-10";
const NOW: &str = "2021-06-20T09:00:00+08:00";

fn packages() -> Vec<Package> {
    let generator = Generator {
        name: "shifan-test".into(),
        version: "0".into(),
    };
    sample_packages(3, 12, 7, &generator).expect("sample round")
}

fn boot(stored: Option<String>) -> Boot {
    let mut boot = Boot::empty(Lang::Zh, TODAY);
    boot.mode = Some(Mode::Province);
    boot.province = stored;
    boot
}

fn run(boot: Boot, actions: Vec<ProvinceAction>) -> AppState {
    let mut state = Rc::new(AppState::load(boot));
    for action in actions {
        state = state.reduce(Action::province(action));
    }
    Rc::unwrap_or_clone(state)
}

/// The files as the page hands them over: read and verified.
fn opened(files: &[(&str, String)]) -> ProvinceAction {
    let catalogs = CatalogSet::default();
    ProvinceAction::Opened(
        files
            .iter()
            .map(|(name, text)| OpenedFile::read(name.to_string(), text.as_bytes(), &catalogs))
            .collect(),
    )
}

/// The page after the round is taken in and the scores table applied.
fn scored(round: &[Package], csv: &str) -> AppState {
    run(
        boot(None),
        vec![ProvinceAction::Enter, take_round(round), scores(csv)],
    )
}

fn take_round(packages: &[Package]) -> ProvinceAction {
    let files: Vec<(String, String)> = packages
        .iter()
        .map(|p| (p.file_name(), p.to_json()))
        .collect();
    let refs: Vec<(&str, String)> = files.iter().map(|(n, t)| (n.as_str(), t.clone())).collect();
    opened(&refs)
}

fn scores(text: &str) -> ProvinceAction {
    ProvinceAction::Scores("scores.csv".into(), text.as_bytes().into())
}

/// The first ranked candidate of `kind`.
fn first_ranked(state: &AppState, kind: KindKey) -> String {
    state
        .modes
        .province
        .session
        .rank(kind)
        .into_iter()
        .find(|r| matches!(r.standing, Standing::Ranked(_)))
        .expect("a ranked candidate")
        .integrity
}

/// What a run must give.
struct Expect {
    candidates: usize,
    rejected: &'static [Code],
    /// Scores: `Some(Ok(n))` applied to n, `Some(Err(code))` refused with that code first.
    scores: Option<Result<usize, Code>>,
    named: usize,
    problems: &'static [Code],
    writes: &'static [&'static str],
    unsaved: bool,
}

const NOTHING: Expect = Expect {
    candidates: 0,
    rejected: &[],
    scores: None,
    named: 0,
    problems: &[],
    writes: &[],
    unsaved: false,
};

fn check(name: &str, state: &AppState, expect: Expect) {
    let p = &state.modes.province;
    assert_eq!(state.screen, Screen::Mode(Mode::Province), "{name}: screen");
    assert_eq!(
        p.session.candidates().len(),
        expect.candidates,
        "{name}: pool"
    );
    let rejected: Vec<Code> = p
        .session
        .rejected
        .iter()
        .flat_map(|r| r.problems.first().map(|p| p.code))
        .collect();
    assert_eq!(rejected, expect.rejected, "{name}: rejected");
    let scores = p.scores.as_ref().map(|s| match s {
        ScoresImport::Applied(_, n) => Ok(*n),
        ScoresImport::Refused(_, problems) => Err(problems[0].code),
    });
    assert_eq!(scores, expect.scores, "{name}: scores");
    assert_eq!(p.session.naming.named.len(), expect.named, "{name}: named");
    let problems: Vec<Code> = p.problems.iter().map(|p| p.code).collect();
    assert_eq!(problems, expect.problems, "{name}: problems");
    let writes: Vec<String> = state
        .outbox
        .iter()
        .filter_map(|(_, w)| match w {
            Write::Put { key, .. } => Some(key.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(writes, expect.writes, "{name}: writes");
    assert_eq!(p.unsaved(), expect.unsaved, "{name}: unsaved");
}

#[test]
fn the_round_is_taken_in_scored_ranked_and_named() {
    let round = packages();
    let csv = sample_scores_csv(&round, 7);
    let enter = || ProvinceAction::Enter;

    let state = run(boot(None), vec![enter()]);
    check("entered", &state, NOTHING);
    // A second tab with the page open is warned: the tab guard watches the session's record.
    assert_eq!(
        state.watched().map(|w| w.key),
        Some(PROVINCE_KEY.to_string())
    );

    let state = run(
        boot(None),
        vec![enter(), take_round(&round), take_round(&round)],
    );
    check(
        "the round, taken in twice",
        &state,
        Expect {
            candidates: 12,
            unsaved: true,
            ..NOTHING
        },
    );
    let report = state.modes.province.report.expect("report");
    assert_eq!((report.files, report.added, report.rejected), (6, 12, 0));

    let state = run(
        boot(None),
        vec![
            enter(),
            opened(&[("broken.json", "{\"format\":".into())]),
            opened(&[("notes.txt", "hello".into())]),
        ],
    );
    assert_eq!(state.modes.province.session.rejected.len(), 2);
    let state = run(
        boot(None),
        vec![
            enter(),
            opened(&[("broken.json", "{\"format\":".into())]),
            ProvinceAction::ClearRejected,
        ],
    );
    check(
        "rejected, then forgotten",
        &state,
        Expect {
            unsaved: true,
            ..NOTHING
        },
    );

    // A scores table naming a candidate not in the pool refuses the whole table.
    let bad = format!(
        "{csv}sha256:{},某机构,2021-05-01,80,100,X,测评机构,2021-05-20,100,90,通过,2021-06-01\r\n",
        "0".repeat(64)
    );
    let state = run(boot(None), vec![enter(), take_round(&round), scores(&bad)]);
    check(
        "a bad scores table",
        &state,
        Expect {
            candidates: 12,
            scores: Some(Err(Code::InvalidScores)),
            unsaved: true,
            ..NOTHING
        },
    );
    // The problem names the line: 12 candidates under the header, then the bad row.
    let Some(ScoresImport::Refused(_, problems)) = &state.modes.province.scores else {
        unreachable!("checked above")
    };
    assert_eq!(problems[0].at.line, Some(14));
    assert!(
        state
            .modes
            .province
            .session
            .rank(KindKey::Comprehensive)
            .iter()
            .all(|r| !matches!(r.standing, Standing::Ranked(_))),
        "nothing of a refused table is applied"
    );

    let scored = run(boot(None), vec![enter(), take_round(&round), scores(&csv)]);
    check(
        "scored",
        &scored,
        Expect {
            candidates: 12,
            scores: Some(Ok(12)),
            unsaved: true,
            ..NOTHING
        },
    );

    // Naming: a ranked candidate can be named, one not in the pool cannot; the register
    // needs the decision's number and date.
    let first = first_ranked(&scored, KindKey::Comprehensive);
    let mut state = Rc::new(scored.clone());
    for action in [
        ProvinceAction::Name(first.clone(), true),
        ProvinceAction::Name(format!("sha256:{}", "1".repeat(64)), true),
    ] {
        state = state.reduce(Action::province(action));
    }
    check(
        "one named, one refused",
        &state,
        Expect {
            candidates: 12,
            scores: Some(Ok(12)),
            named: 1,
            problems: &[Code::UnknownApplication],
            unsaved: true,
            ..NOTHING
        },
    );
    let problems = state.modes.province.register(NOW).expect_err("no number");
    assert!(problems.iter().any(|p| p.code == Code::InvalidRegister));
    for action in [
        ProvinceAction::SetDocumentNumber("晋法治办发〔2021〕5号".into()),
        ProvinceAction::SetDate("2021-06-20".into()),
    ] {
        state = state.reduce(Action::province(action));
    }
    let register = state.modes.province.register(NOW).expect("register");
    let text = register.to_json();
    assert!(shifan_rules::document::read_document(text.as_bytes(), &CatalogSet::default()).is_ok());
    // The naming's register goes under supervision as it is, its one event first.
    let supervised = state
        .clone()
        .reduce(Action::province(ProvinceAction::Supervision(
            SupervisionAction::UseNamed(NOW.into()),
        )));
    let held = supervised.modes.province.session.supervised.as_ref();
    assert_eq!(
        held.map(|v| v.register.integrity.clone()),
        Some(register.integrity.clone())
    );
    assert!(supervised.modes.province.supervision_problems.is_empty());
    assert!(supervised.modes.province.revision > state.modes.province.revision);
    // Named, then no longer.
    let state = state.reduce(Action::province(ProvinceAction::Name(first, false)));
    assert_eq!(state.modes.province.session.naming.named.len(), 0);
}

#[test]
fn the_session_survives_a_reload_and_travels_as_one_file() {
    let round = packages();
    let csv = sample_scores_csv(&round, 7);
    let scored = scored(&round, &csv);
    let first = first_ranked(&scored, KindKey::Comprehensive);
    let named = Rc::new(scored).reduce(Action::province(ProvinceAction::Name(first, true)));
    let stored = named.modes.province.session.to_json();

    let reloaded = run(boot(Some(stored.clone())), vec![ProvinceAction::Enter]);
    check(
        "reloaded",
        &reloaded,
        Expect {
            candidates: 12,
            named: 1,
            ..NOTHING
        },
    );
    assert_eq!(reloaded.modes.province.session.to_json(), stored);

    let unreadable = run(
        boot(Some("{\"format\":\"nonsense\"}".into())),
        vec![ProvinceAction::Enter],
    );
    check(
        "an unreadable record is kept aside",
        &unreadable,
        Expect {
            writes: &[PROVINCE_UNREADABLE_KEY],
            ..NOTHING
        },
    );
    assert!(!unreadable.modes.province.load_problems.is_empty());
    assert_ne!(PROVINCE_KEY, PROVINCE_UNREADABLE_KEY);

    let imported = run(
        boot(None),
        vec![
            ProvinceAction::Enter,
            ProvinceAction::Import(stored.as_bytes().into()),
        ],
    );
    check(
        "imported",
        &imported,
        Expect {
            candidates: 12,
            named: 1,
            unsaved: true,
            ..NOTHING
        },
    );
    let refused = run(
        boot(None),
        vec![
            ProvinceAction::Enter,
            ProvinceAction::Import(b"[]"[..].into()),
        ],
    );
    assert!(
        !refused.modes.province.problems.is_empty(),
        "a bad file says why"
    );

    let fresh = Rc::new(imported).reduce(Action::province(ProvinceAction::New));
    assert_eq!(fresh.modes.province.session.candidates().len(), 0);
}

#[test]
fn the_pool_sorts_by_compliance_and_city() {
    let round = packages();
    let mut state = Rc::new(run(
        boot(None),
        vec![ProvinceAction::Enter, take_round(&round)],
    ));
    state = state.reduce(Action::province(ProvinceAction::Sort(
        PoolColumn::Compliance,
    )));
    let p = &state.modes.province;
    let compliance: Vec<_> = sorted_pool(&p.session, p.sort)
        .iter()
        .map(|c| c.verified.score.total.compliance())
        .collect();
    assert!(
        compliance
            .windows(2)
            .all(|w| shifan_rules::review::compare_compliance(w[0], w[1]).is_ge()),
        "best first"
    );
    state = state.reduce(Action::province(ProvinceAction::Sort(
        PoolColumn::Compliance,
    )));
    assert!(state.modes.province.sort.reversed, "again: reversed");
    state = state.reduce(Action::province(ProvinceAction::Sort(PoolColumn::City)));
    let p = &state.modes.province;
    let cities: Vec<u32> = sorted_pool(&p.session, p.sort)
        .iter()
        .map(|c| shifan_rules::review::city_code_of(&c.verified.file).unwrap())
        .collect();
    assert!(cities.windows(2).all(|w| w[0] <= w[1]), "{cities:?}");
    assert!(cities.first() != cities.last(), "three cities");
}

// ---- The register under supervision -------------------------------------------------------

const REGISTER: &str = include_str!("../../tests/fixtures/province/valid-register.json");
/// 太原市's 2025 report (太原市 is named for a single-item project in the register).
const REPORT_TAIYUAN: &str = include_str!("../../tests/fixtures/annual/valid-national.json");
/// 小店区's 2025 report (小店区 is not named in the register).
const REPORT_XIAODIAN: &str = include_str!("../../tests/fixtures/annual/valid-report.json");
/// The day the office works on: the 2025 reports' deadline (31 March 2026) has passed.
const SUPERVISION_DAY: &str = "2026-12-02";

/// Files read and verified on [`SUPERVISION_DAY`], as the page hands them over.
fn opened_on(files: &[(&str, &str)]) -> ProvinceAction {
    let catalogs = CatalogSet::default();
    ProvinceAction::OpenedOn(
        files
            .iter()
            .map(|(name, text)| OpenedFile::read(name.to_string(), text.as_bytes(), &catalogs))
            .collect(),
        SUPERVISION_DAY.into(),
    )
}

fn supervise(action: SupervisionAction) -> ProvinceAction {
    ProvinceAction::Supervision(action)
}

/// 太原市古交市, a comprehensive place of the register.
fn gujiao() -> EntryRef {
    EntryRef {
        kind: KindKey::Comprehensive,
        division_code: "140181".into(),
        category: String::new(),
    }
}

fn revisit(team: &str, met: u32) -> ProvinceAction {
    supervise(SupervisionAction::Revisit(Box::new(RevisitForm {
        entry: gujiao(),
        date: "2026-11-20".into(),
        team: team.into(),
        checked: "重新对照指标体系逐项评估".into(),
        findings: "多项指标不再达标".into(),
        assessment: Some((format!("sha256:{}", "a".repeat(64)), met, 100)),
        aspects: Vec::new(),
        conclusion: Conclusion::StillMeets,
    })))
}

fn delist(ground: &str) -> ProvinceAction {
    supervise(SupervisionAction::Delist(DelistForm {
        entry: gujiao(),
        ground: ground.into(),
        facts: "回访核查重新评估达标 80/100 项，低于 90% 的标准".into(),
        document_number: "晋法治办发〔2026〕12号".into(),
        date: "2026-11-30".into(),
    }))
}

/// What a supervision run must give.
struct Supervised {
    /// Events in the register (`None`: no register).
    events: Option<usize>,
    /// Entries named and not delisted.
    current: usize,
    /// The last batch, file by file: `register`, `report` or the first problem's code.
    intake: &'static [&'static str],
    /// The codes of the last step's problems.
    problems: &'static [Code],
}

fn check_supervised(name: &str, state: &AppState, expect: Supervised) {
    let p = &state.modes.province;
    let supervised = p.session.supervised.as_ref();
    assert_eq!(
        supervised.map(|v| v.register.events.len()),
        expect.events,
        "{name}: events"
    );
    assert_eq!(
        supervised.map_or(0, |v| v.register.current().count()),
        expect.current,
        "{name}: current"
    );
    let intake: Vec<String> = p
        .intake
        .iter()
        .map(|i| match i {
            Intake::Register(_) => "register".to_string(),
            Intake::Report(..) => "report".to_string(),
            Intake::Refused(_, problems) => problems[0].code.as_str().to_string(),
        })
        .collect();
    assert_eq!(intake, expect.intake, "{name}: intake");
    let problems: Vec<Code> = p.supervision_problems.iter().map(|p| p.code).collect();
    assert_eq!(problems, expect.problems, "{name}: problems");
    // Whatever was appended is a valid register that only extends the one loaded.
    if let Some(v) = supervised {
        let reread = read_register(v.register.to_json().as_bytes()).expect("the register reads");
        let original = read_register(REGISTER.as_bytes()).expect("the fixture reads");
        extends(&original.register, &reread.register).expect("it extends the fixture");
    }
}

const NONE: Supervised = Supervised {
    events: None,
    current: 0,
    intake: &[],
    problems: &[],
};

#[test]
fn the_register_is_supervised_reports_revisits_and_delistings_appended() {
    let enter = || ProvinceAction::Enter;
    let load = || opened_on(&[("register.json", REGISTER)]);

    let state = run(boot(None), vec![enter(), load()]);
    check_supervised(
        "loaded",
        &state,
        Supervised {
            events: Some(1),
            current: 12,
            intake: &["register"],
            ..NONE
        },
    );
    assert!(state.modes.province.unsaved(), "a loaded register is saved");

    // A report before any register is refused; so is anything else dropped with it.
    let state = run(
        boot(None),
        vec![enter(), opened_on(&[("taiyuan.json", REPORT_TAIYUAN)])],
    );
    check_supervised(
        "a report without a register",
        &state,
        Supervised {
            intake: &["invalid-register"],
            ..NONE
        },
    );

    // A register and two reports at once: 太原市's is received (late), 小店区 is not named.
    let batch = || {
        opened_on(&[
            ("taiyuan.json", REPORT_TAIYUAN),
            ("xiaodian.json", REPORT_XIAODIAN),
            ("register.json", REGISTER),
        ])
    };
    let state = run(boot(None), vec![enter(), batch()]);
    check_supervised(
        "a register and its reports",
        &state,
        Supervised {
            events: Some(2),
            current: 12,
            intake: &["register", "report", "invalid-register"],
            ..NONE
        },
    );
    let verified = state.modes.province.session.supervised.as_ref().unwrap();
    let day = shifan_rules::annual::Date::parse(SUPERVISION_DAY).unwrap();
    let standings = report_standings(verified, day);
    let of = |code: &str, year: u16| {
        standings
            .iter()
            .find(|s| s.entry.division_code == code && s.year == year)
            .map(|s| s.standing)
    };
    assert!(matches!(of("140100", 2025), Some(ReportStanding::Late(n)) if n > 0));
    assert_eq!(of("140100", 2024), Some(ReportStanding::Missing));
    // The same report again is refused by the rules (received twice).
    let state = run(
        boot(None),
        vec![
            enter(),
            batch(),
            opened_on(&[("again.json", REPORT_TAIYUAN)]),
        ],
    );
    assert_eq!(
        state
            .modes
            .province
            .session
            .supervised
            .as_ref()
            .unwrap()
            .register
            .events
            .len(),
        2,
        "received twice"
    );
    assert!(matches!(
        state.modes.province.intake[..],
        [Intake::Refused(..)]
    ));

    // A revisit below the bar: its conclusion is the rules' (80 of 100 < 90%), whatever the
    // form said; one without a team is refused and changes nothing.
    let state = run(boot(None), vec![enter(), load(), revisit("", 80)]);
    check_supervised(
        "a revisit without its team",
        &state,
        Supervised {
            events: Some(1),
            current: 12,
            intake: &["register"],
            problems: &[Code::InvalidRegister],
        },
    );
    let state = run(
        boot(None),
        vec![enter(), load(), revisit("省依法治省办回访核查组", 80)],
    );
    check_supervised(
        "a revisit below the bar",
        &state,
        Supervised {
            events: Some(2),
            current: 12,
            intake: &["register"],
            ..NONE
        },
    );
    let last = state
        .modes
        .province
        .session
        .supervised
        .as_ref()
        .unwrap()
        .register
        .events
        .last()
        .cloned()
        .unwrap();
    assert!(
        matches!(&last.body, EventBody::Revisit(r) if r.conclusion == Conclusion::NoLongerMeets)
    );

    // Delisted on that ground; a ground the profile lacks, or a second delisting, is refused.
    let delisted = || {
        vec![
            enter(),
            load(),
            revisit("省依法治省办回访核查组", 80),
            delist("revisit-failed"),
        ]
    };
    let state = run(boot(None), delisted());
    check_supervised(
        "delisted",
        &state,
        Supervised {
            events: Some(3),
            current: 11,
            intake: &["register"],
            ..NONE
        },
    );
    let mut actions = delisted();
    actions.push(delist("revisit-failed"));
    let state = run(boot(None), actions);
    check_supervised(
        "delisted twice",
        &state,
        Supervised {
            events: Some(3),
            current: 11,
            intake: &["register"],
            problems: &[Code::InvalidRegister],
        },
    );
    let state = run(boot(None), vec![enter(), load(), delist("no-such-ground")]);
    assert_eq!(
        state
            .modes
            .province
            .session
            .supervised
            .as_ref()
            .unwrap()
            .register
            .events
            .len(),
        1
    );
    assert!(!state.modes.province.supervision_problems.is_empty());

    // The session keeps the register: a reload (the stored record) and the exported work
    // file carry every event.
    let state = run(boot(None), delisted());
    let stored = state.modes.province.session.to_json();
    let reloaded = run(boot(Some(stored.clone())), vec![enter()]);
    check_supervised(
        "reloaded",
        &reloaded,
        Supervised {
            events: Some(3),
            current: 11,
            ..NONE
        },
    );
    let imported = run(
        boot(None),
        vec![enter(), ProvinceAction::Import(stored.as_bytes().into())],
    );
    assert_eq!(
        imported
            .modes
            .province
            .session
            .supervised
            .as_ref()
            .map(|v| v.register.integrity.clone()),
        state
            .modes
            .province
            .session
            .supervised
            .as_ref()
            .map(|v| v.register.integrity.clone()),
    );

    // Closed: the session no longer holds it.
    let state = run(
        boot(None),
        vec![enter(), load(), supervise(SupervisionAction::Close)],
    );
    check_supervised("closed", &state, NONE);
    // The naming's own register needs a naming first.
    let state = run(
        boot(None),
        vec![enter(), supervise(SupervisionAction::UseNamed(NOW.into()))],
    );
    assert!(state.modes.province.session.supervised.is_none());
    assert!(!state.modes.province.supervision_problems.is_empty());
}

#[test]
fn the_office_changes_a_kinds_weights_with_a_reason_and_a_refusal_changes_nothing() {
    let round = packages();
    let csv = sample_scores_csv(&round, 7);
    let base = scored(&round, &csv);
    let before = base
        .modes
        .province
        .session
        .profile()
        .fingerprint()
        .to_string();
    let parts = base
        .modes
        .province
        .session
        .profile()
        .kind(KindKey::Comprehensive)
        .unwrap()
        .parts
        .len();
    let change = |weights: &[&str], reason: &str| {
        let mut typed: Vec<String> = weights.iter().map(|w| w.to_string()).collect();
        typed.resize(parts, "0".into());
        ProvinceAction::ChangeWeights {
            kind: KindKey::Comprehensive,
            weights: typed,
            reason: reason.into(),
        }
    };
    let reduce = |state: &AppState, action| {
        Rc::unwrap_or_clone(Rc::new(state.clone()).reduce(Action::province(action)))
    };
    // Refused: the weights do not add up; the profile and the revision stay as they were.
    let refused = reduce(&base, change(&["1/2", "1/2", "1/2"], "专家组意见"));
    let p = &refused.modes.province;
    assert_eq!(p.session.profile().fingerprint(), before);
    assert_eq!(p.revision, base.modes.province.revision);
    let (kind, problems) = p.weights_refused.as_ref().expect("refused");
    assert_eq!(*kind, KindKey::Comprehensive);
    assert_eq!(problems[0].code, Code::InvalidProfile);
    // Accepted: a new profile, recorded, saved, and the refusal forgotten.
    let changed = reduce(&refused, change(&["10%", "3/5", "0.3"], "专家组意见"));
    let p = &changed.modes.province;
    assert_ne!(p.session.profile().fingerprint(), before);
    assert!(p.weights_refused.is_none());
    assert!(p.unsaved(), "the change is to be saved");
    assert_eq!(
        p.session
            .profile()
            .weight_changes(KindKey::Comprehensive)
            .count(),
        1
    );
    // Starting over keeps the office's profile, with nothing refused.
    let fresh = reduce(&changed, ProvinceAction::New);
    assert_eq!(
        fresh.modes.province.session.profile().fingerprint(),
        p.session.profile().fingerprint()
    );
}

// The evidence panel's reducer: each part recorded, refused (with its code, the typed form
// kept and the session as it was) and cleared, the ranking following.

use shifan_rules::evidence::{Conclusion as OnSiteConclusion, Resolution};
use shifan_rules::programme::Part;
use shifan_web::evidence_state::{
    AnswersForm, EvaluationForm, EvidenceAction, EvidenceForm, EvidencePart, ObjectionForm,
    OnSiteForm, OptionForm, SurveyForm,
};

fn ev(action: EvidenceAction) -> ProvinceAction {
    ProvinceAction::Evidence(action)
}

fn evaluation(score: &str, scale: &str) -> EvaluationForm {
    EvaluationForm {
        evaluator: "山西大学法学院".into(),
        date: "2021-05-08".into(),
        score: score.into(),
        scale: scale.into(),
        report: "评估〔2021〕12号".into(),
    }
}

fn survey(respondents: &str, satisfied: &str) -> SurveyForm {
    SurveyForm {
        by: "省统计局".into(),
        date: "2021-05-20".into(),
        answers: AnswersForm::Counts {
            respondents: respondents.into(),
            satisfied: satisfied.into(),
        },
    }
}

fn on_site(conclusion: Option<OnSiteConclusion>, findings: &str) -> OnSiteForm {
    let mut form = OnSiteForm::blank();
    form.date = "2021-06-01".into();
    form.team = "张三\n李四".into();
    form.checks[1].done = true;
    form.checks[1].note = "调阅行政执法案卷 30 卷".into();
    form.findings = findings.into();
    form.conclusion = conclusion;
    form
}

fn objection(summary: &str, resolution: Resolution, note: &str) -> ObjectionForm {
    ObjectionForm {
        received: "2021-06-22".into(),
        summary: summary.into(),
        resolution,
        note: note.into(),
    }
}

/// Where a candidate stands, in words the test can compare.
fn standing_of(state: &AppState, integrity: &str) -> String {
    let row = state
        .modes
        .province
        .session
        .rank(KindKey::Comprehensive)
        .into_iter()
        .find(|r| r.integrity == integrity)
        .expect("in the ranking");
    match row.standing {
        Standing::Ranked(_) => "ranked".into(),
        Standing::Incomplete(parts) => format!(
            "incomplete: {}",
            parts
                .iter()
                .map(|p| p.label(Lang::En))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Standing::Out(reasons) => format!(
            "out: {}",
            reasons
                .iter()
                .map(|m| m.en.clone())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

#[test]
fn evidence_is_recorded_refused_and_cleared_through_the_reducer() {
    let round = packages();
    let csv = sample_scores_csv(&round, 7);
    let scored = scored(&round, &csv);
    let a = first_ranked(&scored, KindKey::Comprehensive);
    let before = scored.modes.province.session.evidence(&a);
    let unknown = format!("sha256:{}", "2".repeat(64));

    /// One case: the actions after scoring, the part they touch, the code of a refusal (none:
    /// accepted), and where the candidate then stands.
    struct Case {
        name: &'static str,
        actions: Vec<EvidenceAction>,
        part: EvidencePart,
        refused: Option<Code>,
        standing: &'static str,
    }
    let id = || a.clone();
    let cases = vec![
        Case {
            name: "evaluation recorded",
            actions: vec![EvidenceAction::Evaluation(
                id(),
                Some(evaluation("87.5", "100")),
            )],
            part: EvidencePart::Evaluation,
            refused: None,
            standing: "ranked",
        },
        Case {
            name: "evaluation above its scale",
            actions: vec![EvidenceAction::Evaluation(
                id(),
                Some(evaluation("120", "100")),
            )],
            part: EvidencePart::Evaluation,
            refused: Some(Code::InvalidFigures),
            standing: "ranked",
        },
        Case {
            name: "evaluation scale not a number",
            actions: vec![EvidenceAction::Evaluation(
                id(),
                Some(evaluation("80", "百分")),
            )],
            part: EvidencePart::Evaluation,
            refused: Some(Code::InvalidFigures),
            standing: "ranked",
        },
        Case {
            name: "evaluation cleared",
            actions: vec![EvidenceAction::Evaluation(id(), None)],
            part: EvidencePart::Evaluation,
            refused: None,
            standing: "incomplete: third-party evaluation",
        },
        Case {
            name: "survey recorded",
            actions: vec![EvidenceAction::Survey(id(), Some(survey("50", "46")))],
            part: EvidencePart::Survey,
            refused: None,
            standing: "ranked",
        },
        Case {
            name: "survey with more satisfied than respondents",
            actions: vec![EvidenceAction::Survey(id(), Some(survey("40", "46")))],
            part: EvidencePart::Survey,
            refused: Some(Code::InvalidFigures),
            standing: "ranked",
        },
        Case {
            name: "survey count not whole",
            actions: vec![EvidenceAction::Survey(id(), Some(survey("50", "46.5")))],
            part: EvidencePart::Survey,
            refused: Some(Code::InvalidFigures),
            standing: "ranked",
        },
        Case {
            name: "survey as a distribution",
            actions: vec![EvidenceAction::Survey(
                id(),
                Some(SurveyForm {
                    answers: AnswersForm::Distribution(vec![
                        OptionForm {
                            label: "满意".into(),
                            count: "30".into(),
                            satisfied: true,
                        },
                        OptionForm {
                            label: "不满意".into(),
                            count: "１０".into(),
                            satisfied: false,
                        },
                    ]),
                    ..survey("", "")
                }),
            )],
            part: EvidencePart::Survey,
            refused: None,
            standing: "ranked",
        },
        Case {
            name: "survey cleared",
            actions: vec![EvidenceAction::Survey(id(), None)],
            part: EvidencePart::Survey,
            refused: None,
            standing: "incomplete: satisfaction survey",
        },
        Case {
            name: "on-site not passed without findings",
            actions: vec![EvidenceAction::OnSite(
                id(),
                Some(on_site(Some(OnSiteConclusion::NotPassed), "")),
            )],
            part: EvidencePart::OnSite,
            refused: Some(Code::InvalidFigures),
            standing: "ranked",
        },
        Case {
            name: "on-site without a conclusion",
            actions: vec![EvidenceAction::OnSite(id(), Some(on_site(None, "")))],
            part: EvidencePart::OnSite,
            refused: Some(Code::InvalidFigures),
            standing: "ranked",
        },
        Case {
            name: "on-site not passed",
            actions: vec![EvidenceAction::OnSite(
                id(),
                Some(on_site(Some(OnSiteConclusion::NotPassed), "执法案卷缺失")),
            )],
            part: EvidencePart::OnSite,
            refused: None,
            standing: "out: on-site verification not passed",
        },
        Case {
            name: "on-site cleared",
            actions: vec![EvidenceAction::OnSite(id(), None)],
            part: EvidencePart::OnSite,
            refused: None,
            standing: "incomplete: on-site verification",
        },
        Case {
            name: "objection without a summary",
            actions: vec![EvidenceAction::AddObjection(
                id(),
                objection(" ", Resolution::Pending, ""),
            )],
            part: EvidencePart::NewObjection,
            refused: Some(Code::InvalidFigures),
            standing: "ranked",
        },
        Case {
            name: "objection registered, pending",
            actions: vec![EvidenceAction::AddObjection(
                id(),
                objection("执法公示不全", Resolution::Pending, ""),
            )],
            part: EvidencePart::Objection(0),
            refused: None,
            standing: "ranked",
        },
        Case {
            name: "objection upheld without a note",
            actions: vec![
                EvidenceAction::AddObjection(
                    id(),
                    objection("执法公示不全", Resolution::Pending, ""),
                ),
                EvidenceAction::SetObjection(
                    id(),
                    0,
                    objection("执法公示不全", Resolution::Upheld, ""),
                ),
            ],
            part: EvidencePart::Objection(0),
            refused: Some(Code::InvalidFigures),
            standing: "ranked",
        },
        Case {
            name: "objection upheld",
            actions: vec![
                EvidenceAction::AddObjection(
                    id(),
                    objection("执法公示不全", Resolution::Pending, ""),
                ),
                EvidenceAction::SetObjection(
                    id(),
                    0,
                    objection("执法公示不全", Resolution::Upheld, "经核实属实"),
                ),
            ],
            part: EvidencePart::Objection(0),
            refused: None,
            standing: "out: 1 objection(s) upheld",
        },
        Case {
            name: "an objection that is not there",
            actions: vec![EvidenceAction::SetObjection(
                id(),
                3,
                objection("执法公示不全", Resolution::Dismissed, "不属实"),
            )],
            part: EvidencePart::Objection(3),
            refused: Some(Code::InvalidFigures),
            standing: "ranked",
        },
    ];
    for case in cases {
        let mut actions = vec![
            ProvinceAction::Enter,
            take_round(&round),
            scores(&csv),
            ev(EvidenceAction::Open(a.clone())),
        ];
        actions.extend(case.actions.iter().cloned().map(ev));
        let state = run(boot(None), actions);
        let p = &state.modes.province;
        check(
            case.name,
            &state,
            Expect {
                candidates: 12,
                scores: Some(Ok(12)),
                unsaved: true,
                ..NOTHING
            },
        );
        assert_eq!(
            p.evidence.open.as_deref(),
            Some(a.as_str()),
            "{}: open",
            case.name
        );
        assert_eq!(
            standing_of(&state, &a),
            case.standing,
            "{}: standing",
            case.name
        );
        let last = case.actions.last().expect("an action");
        match case.refused {
            None => {
                assert!(
                    p.evidence.refused.is_empty(),
                    "{}: nothing refused",
                    case.name
                );
                let recorded = p.evidence.recorded.expect("recorded");
                assert_eq!(recorded.part, case.part, "{}: part", case.name);
            }
            Some(code) => {
                let refused = p.evidence.refused(&a, case.part).expect("kept");
                assert_eq!(refused.problems[0].code, code, "{}: code", case.name);
                // What was typed is kept as typed.
                let typed = match last {
                    EvidenceAction::Evaluation(_, Some(f)) => EvidenceForm::Evaluation(f.clone()),
                    EvidenceAction::Survey(_, Some(f)) => EvidenceForm::Survey(f.clone()),
                    EvidenceAction::OnSite(_, Some(f)) => EvidenceForm::OnSite(f.clone()),
                    EvidenceAction::AddObjection(_, f) | EvidenceAction::SetObjection(_, _, f) => {
                        EvidenceForm::Objection(f.clone())
                    }
                    other => unreachable!("{other:?}"),
                };
                assert_eq!(refused.form, typed, "{}: kept as typed", case.name);
                assert_eq!(p.evidence.recorded, None, "{}: not recorded", case.name);
                // The session is as it was before the refused action.
                let mut before_last = case.actions.clone();
                before_last.pop();
                let mut actions = vec![ProvinceAction::Enter, take_round(&round), scores(&csv)];
                actions.extend(before_last.into_iter().map(ev));
                let expected = run(boot(None), actions);
                assert_eq!(
                    p.session.evidence(&a),
                    expected.modes.province.session.evidence(&a),
                    "{}: nothing changed",
                    case.name
                );
            }
        }
    }

    // What was recorded is what the rules read: the rate exactly, with its interval.
    let state = run(
        boot(None),
        vec![
            ProvinceAction::Enter,
            take_round(&round),
            scores(&csv),
            ev(EvidenceAction::Survey(
                a.clone(),
                Some(survey(" 50 ", "46")),
            )),
            ev(EvidenceAction::Evaluation(
                a.clone(),
                Some(evaluation("87.5", "100")),
            )),
        ],
    );
    let e = state.modes.province.session.evidence(&a);
    let s = e.survey.as_ref().expect("survey");
    assert_eq!(s.rate(), shifan_rules::fraction::Fraction::new(23, 25));
    assert_eq!(s.describe(Lang::Zh), "92.0%（46/50，95% 区间 81.1%–96.9%）");
    assert_eq!(e.evaluation.as_ref().map(|e| e.scale), Some(100));
    assert_ne!(e, before);
    let row = state
        .modes
        .province
        .session
        .rank(KindKey::Comprehensive)
        .into_iter()
        .find(|r| r.integrity == a)
        .expect("ranked");
    assert!(row.formula.zh.contains("46/50"), "{}", row.formula.zh);
    assert!(row.values.iter().any(|(p, _)| *p == Part::Satisfaction));

    // A refused form is kept while the panel is closed and opened again; accepting it forgets
    // it; a part of a candidate not in the pool is refused.
    let mut state = Rc::new(scored.clone());
    for action in [
        EvidenceAction::Open(a.clone()),
        EvidenceAction::Survey(a.clone(), Some(survey("40", "46"))),
        EvidenceAction::Close,
        EvidenceAction::Open(a.clone()),
    ] {
        state = state.reduce(Action::province(ev(action)));
    }
    assert!(
        state
            .modes
            .province
            .evidence
            .refused(&a, EvidencePart::Survey)
            .is_some()
    );
    let revision = state.modes.province.revision;
    state = state.reduce(Action::province(ev(EvidenceAction::Survey(
        a.clone(),
        Some(survey("50", "46")),
    ))));
    assert!(state.modes.province.evidence.refused.is_empty());
    assert_eq!(state.modes.province.revision, revision + 1);
    state = state.reduce(Action::province(ev(EvidenceAction::Evaluation(
        unknown.clone(),
        Some(evaluation("80", "100")),
    ))));
    let refused = state
        .modes
        .province
        .evidence
        .refused(&unknown, EvidencePart::Evaluation)
        .expect("refused");
    assert_eq!(refused.problems[0].code, Code::UnknownApplication);

    // Reload: the evidence comes back with the session; the panel and refused forms do not.
    let stored = state.modes.province.session.to_json();
    let reloaded = run(boot(Some(stored)), vec![ProvinceAction::Enter]);
    assert_eq!(
        reloaded.modes.province.session.evidence(&a),
        state.modes.province.session.evidence(&a)
    );
    assert_eq!(reloaded.modes.province.evidence.open, None);
    // A new session forgets the panel.
    let fresh = state.reduce(Action::province(ProvinceAction::New));
    assert_eq!(fresh.modes.province.evidence, Default::default());
}

#[test]
fn an_objection_registered_by_mistake_is_removed_and_the_forms_after_it_follow() {
    let round = packages();
    let csv = sample_scores_csv(&round, 7);
    let scored = scored(&round, &csv);
    let a = first_ranked(&scored, KindKey::Comprehensive);
    let mut state = Rc::new(scored);
    for action in [
        EvidenceAction::Open(a.clone()),
        EvidenceAction::AddObjection(a.clone(), objection("重复登记", Resolution::Upheld, "误")),
        EvidenceAction::AddObjection(
            a.clone(),
            objection("执法公示不全", Resolution::Pending, ""),
        ),
        EvidenceAction::AddObjection(
            a.clone(),
            objection("复议案卷缺页", Resolution::Pending, ""),
        ),
        // Upheld without a note: refused, the typed form kept on objection 3.
        EvidenceAction::SetObjection(
            a.clone(),
            2,
            objection("复议案卷缺页", Resolution::Upheld, ""),
        ),
    ] {
        state = state.reduce(Action::province(ev(action)));
    }
    assert_eq!(standing_of(&state, &a).split(':').next(), Some("out"));
    let revision = state.modes.province.revision;
    state = state.reduce(Action::province(ev(EvidenceAction::RemoveObjection(
        a.clone(),
        0,
    ))));
    let p = &state.modes.province;
    assert_eq!(p.revision, revision + 1, "the removal is stored");
    let left: Vec<_> = p
        .session
        .evidence(&a)
        .objections
        .into_iter()
        .map(|o| o.summary)
        .collect();
    assert_eq!(left, ["执法公示不全", "复议案卷缺页"]);
    assert_eq!(
        p.evidence
            .removed
            .as_ref()
            .map(|(id, o)| (id.as_str(), o.summary.as_str())),
        Some((a.as_str(), "重复登记"))
    );
    // The refused form moved with its objection, from the third place to the second.
    let kept = p
        .evidence
        .refused(&a, EvidencePart::Objection(1))
        .expect("kept");
    assert_eq!(
        kept.form,
        EvidenceForm::Objection(objection("复议案卷缺页", Resolution::Upheld, ""))
    );
    assert!(p.evidence.refused(&a, EvidencePart::Objection(2)).is_none());
    // Without the upheld objection the candidate is ranked again.
    assert_eq!(standing_of(&state, &a), "ranked");
    // An index it no longer has (a second click on a gone row) changes nothing.
    let before = state.modes.province.session.to_json();
    state = state.reduce(Action::province(ev(EvidenceAction::RemoveObjection(
        a.clone(),
        5,
    ))));
    assert_eq!(state.modes.province.session.to_json(), before);
    assert_eq!(state.modes.province.revision, revision + 1);
    // The next action forgets the removal's status line; a reload keeps what is left.
    state = state.reduce(Action::province(ev(EvidenceAction::Close)));
    assert_eq!(state.modes.province.evidence.removed, None);
    let reloaded = run(boot(Some(before)), vec![ProvinceAction::Enter]);
    assert_eq!(
        reloaded
            .modes
            .province
            .session
            .evidence(&a)
            .objections
            .len(),
        2
    );
}

// ---- The public notice, the pool's filter, a candidate opened read-only -------------------

fn notice(action: NoticeAction) -> ProvinceAction {
    ProvinceAction::Notice(action)
}

fn pool(action: PoolAction) -> ProvinceAction {
    ProvinceAction::Pool(action)
}

/// The notice form filled in: from `start` to `end`, published and with where objections go.
fn notice_form(start: &str, end: &str, objections: &str) -> Vec<ProvinceAction> {
    vec![
        notice(NoticeAction::Edit(NoticeField::Start, start.into())),
        notice(NoticeAction::Edit(NoticeField::End, end.into())),
        notice(NoticeAction::Edit(
            NoticeField::PublishedIn,
            "山西日报、省司法厅网站".into(),
        )),
        notice(NoticeAction::Edit(
            NoticeField::ObjectionsTo,
            objections.into(),
        )),
        notice(NoticeAction::Set),
    ]
}

/// A notice case: its name, the form (start, end, objections to), the problems' codes, and
/// whether the session's notice is set.
type NoticeCase = (
    &'static str,
    (&'static str, &'static str, &'static str),
    &'static [Code],
    bool,
);

#[test]
fn the_notice_is_set_through_the_rules_and_a_refused_one_keeps_what_was_typed() {
    let round = packages();
    let csv = sample_scores_csv(&round, 7);
    let base = || vec![ProvinceAction::Enter, take_round(&round), scores(&csv)];
    let scored = run(boot(None), base());
    let first = first_ranked(&scored, KindKey::Comprehensive);
    let with = |extra: Vec<ProvinceAction>| {
        let mut actions = base();
        actions.push(ProvinceAction::Name(first.clone(), true));
        actions.extend(extra);
        run(boot(None), actions)
    };
    let expect = Expect {
        candidates: 12,
        scores: Some(Ok(12)),
        named: 1,
        unsaved: true,
        ..NOTHING
    };
    // (case, form, the notice's problems' codes, the session's notice set)
    let cases: [NoticeCase; 5] = [
        (
            "seven days, first and last included",
            ("2021-06-01", "2021-06-07", "0351-1234567"),
            &[],
            true,
        ),
        (
            "six days: too short",
            ("2021-06-01", "2021-06-06", "0351-1234567"),
            &[Code::InvalidFigures],
            false,
        ),
        (
            "no date",
            ("", "2021-06-07", "0351-1234567"),
            &[Code::InvalidFigures],
            false,
        ),
        (
            "nowhere for objections",
            ("2021-06-01", "2021-06-30", "  "),
            &[Code::InvalidFigures],
            false,
        ),
        (
            "the end before the start",
            ("2021-06-07", "2021-06-01", "0351-1234567"),
            &[Code::InvalidFigures],
            false,
        ),
    ];
    for (name, (start, end, objections), codes, set) in cases {
        let state = with(notice_form(start, end, objections));
        check(name, &state, Expect { ..expect });
        let p = &state.modes.province;
        let got: Vec<Code> = p.notice.problems.iter().map(|p| p.code).collect();
        assert_eq!(got, codes, "{name}: problems");
        assert_eq!(p.session.notice.is_some(), set, "{name}: set");
        // The form shows what was typed, refused or not.
        let shown = p.notice.shown(&p.session);
        assert_eq!(
            (
                shown.start.as_str(),
                shown.end.as_str(),
                shown.objections_to.as_str()
            ),
            (start, end, objections),
            "{name}: the form as typed"
        );
        assert_eq!(
            p.notice.form.is_none(),
            set,
            "{name}: the form is the session's"
        );
        // The notice list carries the period and where objections go on every row.
        let table = p.session.notice_table(Lang::Zh);
        assert_eq!(table.rows.len(), 1, "{name}: the one named");
        let period = table.rows[0][6].display(Lang::Zh);
        assert_eq!(
            period.is_empty(),
            !set,
            "{name}: the period in the list: {period}"
        );
    }
    // The same rule as the CLI's: a six-day period is refused with its days named.
    let refused = with(notice_form("2021-06-01", "2021-06-06", "0351-1234567"));
    let message = refused.modes.province.notice.problems[0]
        .message
        .get(Lang::Zh);
    assert!(
        message.contains("6 天") && message.contains("7 天"),
        "{message}"
    );

    // Refused, corrected: the notice is set, the problems go, the session is to be saved.
    let mut actions = notice_form("2021-06-01", "2021-06-06", "0351-1234567");
    actions.push(notice(NoticeAction::Edit(
        NoticeField::End,
        "2021-06-08".into(),
    )));
    actions.push(notice(NoticeAction::Set));
    let corrected = with(actions);
    let p = &corrected.modes.province;
    assert!(p.notice.problems.is_empty());
    assert_eq!(
        p.session.notice.as_ref().map(|n| n.end.as_str()),
        Some("2021-06-08")
    );
    let before = with(Vec::new()).modes.province.revision;
    assert_eq!(
        p.revision,
        before + 1,
        "only the accepted notice is a change"
    );

    // The notice travels with the session: a reload shows it in the form.
    let reloaded = run(boot(Some(p.session.to_json())), vec![ProvinceAction::Enter]);
    let r = &reloaded.modes.province;
    assert_eq!(r.notice.shown(&r.session).end, "2021-06-08");

    // Typing is not a change to the session until the notice is set; a fresh start empties
    // the form.
    let typed = with(vec![notice(NoticeAction::Edit(
        NoticeField::PublishedIn,
        "山西日报".into(),
    ))]);
    assert_eq!(typed.modes.province.revision, before);
    let fresh = Rc::new(typed).reduce(Action::province(ProvinceAction::New));
    let f = &fresh.modes.province;
    assert_eq!(f.notice.shown(&f.session).published_in, "");

    // A download's busy line and failure are said under the table it was of.
    let mut state = Rc::new(scored);
    for action in [
        notice(NoticeAction::Exporting(Some(SheetOf::List))),
        notice(NoticeAction::Exporting(None)),
        notice(NoticeAction::SheetFailed(Some((
            SheetOf::Ranking,
            "out of memory".into(),
        )))),
    ] {
        state = state.reduce(Action::province(action));
    }
    let n = &state.modes.province.notice;
    assert_eq!(n.exporting, None);
    assert_eq!(
        n.sheet_failed,
        Some((SheetOf::Ranking, "out of memory".to_string()))
    );
}

#[test]
fn the_pool_is_filtered_without_dropping_anyone_and_a_candidate_opens_read_only() {
    let round = packages();
    let taken = run(boot(None), vec![ProvinceAction::Enter, take_round(&round)]);
    let p = &taken.modes.province;
    let cities = pool_cities(&p.session);
    assert_eq!(cities.len(), 3, "{cities:?}");
    let (city, _) = cities[1];
    let some = &p.session.candidates()[3];
    let name = some.verified.file.applicant.display_name();
    let in_city = |state: &AppState| {
        let p = &state.modes.province;
        p.session
            .candidates()
            .iter()
            .filter(|c| shifan_rules::review::city_code_of(&c.verified.file) == Some(city))
            .count()
    };
    let of_kind = |kind: KindKey| {
        p.session
            .candidates()
            .iter()
            .filter(|c| c.kind() == kind)
            .count()
    };
    assert_eq!(
        of_kind(KindKey::SingleItem) + of_kind(KindKey::Comprehensive),
        12
    );
    // (case, filter actions, how many are listed)
    let cases: Vec<(&str, Vec<PoolAction>, usize)> = vec![
        ("nothing filtered", vec![], 12),
        (
            "one city",
            vec![PoolAction::City(Some(city))],
            in_city(&taken),
        ),
        (
            "comprehensive only",
            vec![PoolAction::Kind(Some(KindKey::Comprehensive))],
            of_kind(KindKey::Comprehensive),
        ),
        (
            "single-item only",
            vec![PoolAction::Kind(Some(KindKey::SingleItem))],
            of_kind(KindKey::SingleItem),
        ),
        (
            "the applicant's name",
            vec![PoolAction::Search(name.clone())],
            1,
        ),
        (
            "a name in another case, with spaces",
            vec![PoolAction::Search(format!("  {}  ", name.to_uppercase()))],
            1,
        ),
        ("nobody", vec![PoolAction::Search("没有这个单位".into())], 0),
        (
            "filtered, then everyone",
            vec![
                PoolAction::City(Some(city)),
                PoolAction::Search("没有这个单位".into()),
                PoolAction::ClearFilter,
            ],
            12,
        ),
    ];
    for (case, actions, listed) in cases {
        let mut actions: Vec<ProvinceAction> = actions.into_iter().map(pool).collect();
        actions.insert(0, take_round(&round));
        actions.insert(0, ProvinceAction::Enter);
        let state = run(boot(None), actions);
        // A selection: the pool and what is recorded stay as they were.
        check(
            case,
            &state,
            Expect {
                candidates: 12,
                unsaved: true,
                ..NOTHING
            },
        );
        let p = &state.modes.province;
        assert_eq!(
            p.revision, taken.modes.province.revision,
            "{case}: no change"
        );
        let shown = shown_pool(&p.session, p.sort, &p.view.filter);
        assert_eq!(shown.len(), listed, "{case}: listed");
        assert!(shown.iter().all(|c| p.view.filter.keeps(c)), "{case}");
    }
    // Filtered and sorted together: the city's candidates, best first.
    let state = run(
        boot(None),
        vec![
            ProvinceAction::Enter,
            take_round(&round),
            pool(PoolAction::City(Some(city))),
            ProvinceAction::Sort(PoolColumn::Compliance),
        ],
    );
    let p = &state.modes.province;
    let shown = shown_pool(&p.session, p.sort, &p.view.filter);
    assert_eq!(shown.len(), in_city(&state));
    assert!(shown.windows(2).all(|w| {
        shifan_rules::review::compare_compliance(
            w[0].verified.score.total.compliance(),
            w[1].verified.score.total.compliance(),
        )
        .is_ge()
    }));

    // Opened read-only from where the page was scrolled, and back: nothing changes but what
    // is shown; a candidate not in the pool does not open.
    let id = some.integrity().to_string();
    let mut state = Rc::new(taken.clone());
    state = state.reduce(Action::province(pool(PoolAction::Open(id.clone(), 840.0))));
    assert_eq!(
        state.modes.province.view.viewing.as_deref(),
        Some(id.as_str())
    );
    assert_eq!(state.modes.province.view.scroll, 840.0);
    state = state.reduce(Action::province(pool(PoolAction::Back)));
    assert_eq!(state.modes.province.view.viewing, None);
    assert_eq!(
        state.modes.province.view.scroll, 840.0,
        "kept to scroll back to"
    );
    state = state.reduce(Action::province(pool(PoolAction::Open(
        format!("sha256:{}", "1".repeat(64)),
        10.0,
    ))));
    assert_eq!(state.modes.province.view.viewing, None);
    assert_eq!(state.modes.province.revision, taken.modes.province.revision);
    assert_eq!(
        state.modes.province.session.to_json(),
        taken.modes.province.session.to_json()
    );
}

/// The tab keeps the pool's sort and filter: the boot that reads them back lists the pool as
/// it was left; what the tab's storage holds otherwise starts the pool as a new tab does.
#[test]
fn the_pools_sort_and_filter_come_back_with_the_tab() {
    let round = packages();
    let taken = run(boot(None), vec![ProvinceAction::Enter, take_round(&round)]);
    let (city, _) = pool_cities(&taken.modes.province.session)[1];
    let left = run(
        boot(None),
        vec![
            ProvinceAction::Enter,
            take_round(&round),
            pool(PoolAction::City(Some(city))),
            pool(PoolAction::Kind(Some(KindKey::Comprehensive))),
            pool(PoolAction::Search("县".into())),
            ProvinceAction::Sort(PoolColumn::Compliance),
            ProvinceAction::Sort(PoolColumn::Compliance),
        ],
    );
    let p = &left.modes.province;
    let kept = remember(p.sort, &p.view.filter);
    assert!(POOL_VIEW_KEY.starts_with("shifan."));
    let stored = Some(taken.modes.province.session.to_json());
    // (case, what the tab's storage holds, the sort and filter the pool starts with)
    let cases: Vec<(&str, Option<String>, PoolSort, PoolFilter)> = vec![
        ("as left", Some(kept), p.sort, p.view.filter.clone()),
        (
            "nothing kept",
            None,
            PoolSort::default(),
            PoolFilter::default(),
        ),
        (
            "not JSON",
            Some("city=1407".into()),
            PoolSort::default(),
            PoolFilter::default(),
        ),
        (
            "not an object",
            Some("[1407]".into()),
            PoolSort::default(),
            PoolFilter::default(),
        ),
        (
            "parts of another kind",
            Some(r#"{"sort":"height","reversed":"yes","city":-3,"kind":"county","text":7}"#.into()),
            PoolSort::default(),
            PoolFilter::default(),
        ),
        (
            "a city code too large",
            Some(r#"{"sort":"city","city":99999999999}"#.into()),
            PoolSort {
                column: PoolColumn::City,
                reversed: false,
            },
            PoolFilter::default(),
        ),
    ];
    for (case, kept, sort, filter) in cases {
        let mut b = boot(stored.clone());
        b.pool_view = kept;
        let state = run(b, vec![ProvinceAction::Enter]);
        let p = &state.modes.province;
        assert_eq!((p.sort, &p.view.filter), (sort, &filter), "{case}");
        // A selection only: every candidate is still in the session.
        assert_eq!(p.session.candidates().len(), 12, "{case}");
    }
}

fn pool_sort() -> impl Strategy<Value = PoolSort> {
    (
        prop_oneof![
            Just(PoolColumn::Taken),
            Just(PoolColumn::Applicant),
            Just(PoolColumn::City),
            Just(PoolColumn::Compliance),
        ],
        any::<bool>(),
    )
        .prop_map(|(column, reversed)| PoolSort { column, reversed })
}

fn pool_filter() -> impl Strategy<Value = PoolFilter> {
    (
        proptest::option::of(any::<u32>()),
        proptest::option::of(prop_oneof![
            Just(KindKey::Comprehensive),
            Just(KindKey::SingleItem)
        ]),
        ".*",
    )
        .prop_map(|(city, kind, text)| PoolFilter { city, kind, text })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Whatever the tab's storage holds, reading it never panics; what the page wrote reads
    /// back as it was.
    #[test]
    fn the_remembered_pool_view_reads_any_text(text in ".*", sort in pool_sort(), filter in pool_filter()) {
        let _ = remembered(&text);
        prop_assert_eq!(remembered(&remember(sort, &filter)), Some((sort, filter)));
    }
}

#[test]
fn files_dropped_while_the_evidence_dialog_is_open_are_refused_there_and_nothing_changes() {
    let round = packages();
    let taken = run(boot(None), vec![ProvinceAction::Enter, take_round(&round)]);
    let id = taken.modes.province.session.candidates()[0]
        .integrity()
        .to_string();
    assert!(taken.modes.province.takes_files());
    let mut state = Rc::new(taken.clone());
    state = state.reduce(Action::province(ev(EvidenceAction::FilesRefused)));
    assert!(
        !state.modes.province.evidence.files_refused,
        "no dialog: nothing to say"
    );
    state = state.reduce(Action::province(ev(EvidenceAction::Open(id.clone()))));
    assert!(!state.modes.province.takes_files());
    state = state.reduce(Action::province(ev(EvidenceAction::FilesRefused)));
    let p = &state.modes.province;
    assert!(p.evidence.files_refused);
    assert_eq!(
        p.revision, taken.modes.province.revision,
        "nothing recorded"
    );
    assert_eq!(p.session.to_json(), taken.modes.province.session.to_json());
    assert_eq!(p.reading, None, "nothing is read behind the dialog");
    // The next action in the panel, or closing it, ends the message.
    let typed = state
        .clone()
        .reduce(Action::province(ev(EvidenceAction::Evaluation(
            id.clone(),
            Some(evaluation("abc", "100")),
        ))));
    assert!(!typed.modes.province.evidence.files_refused);
    state = state.reduce(Action::province(ev(EvidenceAction::Close)));
    assert!(!state.modes.province.evidence.files_refused);
    assert!(state.modes.province.takes_files());
}

/// An office's own catalog (the reference's table under another id) and 晋中市's package of
/// two applications answered against it.
fn office_round() -> (std::sync::Arc<shifan_rules::Catalog>, Package) {
    use shifan_rules::import::{TableMeta, export_csv, import_csv};
    use shifan_rules::package::{Decision, Review, Reviewer};
    use shifan_rules::sample::{SampleKind, SampleSpec, sample_application};
    let reference = shifan_rules::Catalog::reference();
    let meta = TableMeta {
        id: "office-jinzhong-2026".into(),
        title: "晋中市法治政府示范创建指标".into(),
        ..TableMeta::of(reference)
    };
    let office = import_csv(export_csv(reference).as_bytes(), meta).expect("the table imports");
    let mut catalogs = CatalogSet::builtin();
    catalogs.add(office.clone());
    let verified: Vec<_> = ["140702", "140721"]
        .iter()
        .enumerate()
        .map(|(i, code)| {
            let spec =
                SampleSpec::new(code, 70 + i as u32, SampleKind::Comprehensive, 1 + i as u64);
            let file = sample_application(&office, &spec).expect("sample");
            shifan_rules::read_application(file.to_json().as_bytes(), &catalogs).expect("verifies")
        })
        .collect();
    let review = Review {
        city_code: 140700,
        reviewer: Reviewer {
            name: "王明".into(),
            office: "晋中市委依法治市办".into(),
        },
        date: "2021-03-01".into(),
        decisions: vec![
            (Decision::Recommend, Some(1), String::new()),
            (Decision::Recommend, Some(2), String::new()),
        ],
    };
    let generator = Generator {
        name: "shifan-test".into(),
        version: "0".into(),
    };
    let refs: Vec<_> = verified.iter().collect();
    let package = Package::build(
        &review,
        &refs,
        generator,
        "2021-03-01T10:00:00+08:00".into(),
    )
    .unwrap();
    (std::sync::Arc::new(office), package)
}

/// A boot whose store keeps `catalog` (as `catalog:<fingerprint>`), and the province session.
fn boot_keeping(catalog: &shifan_rules::Catalog, stored: Option<String>) -> Boot {
    let mut boot = boot(stored);
    boot.listing = shifan_web::record::Listing::read_store(vec![(
        shifan_web::record::catalog_key(catalog.fingerprint()),
        Some(catalog.to_json()),
    )]);
    boot
}

#[test]
fn an_office_catalog_lets_its_package_in_and_the_stored_session_is_read_against_it() {
    let (office, package) = office_round();
    let file = [(package.file_name(), package.to_json())];
    let file: Vec<(&str, String)> = file.iter().map(|(n, t)| (n.as_str(), t.clone())).collect();
    // The package read by the page against the kept catalogs (the built-in and the office's).
    let kept = boot_keeping(&office, None).listing.catalog_set();
    let read_against = |catalogs: &CatalogSet| {
        ProvinceAction::Opened(vec![OpenedFile::read(
            package.file_name(),
            package.to_json().as_bytes(),
            catalogs,
        )])
    };
    let taken = run(
        boot_keeping(&office, None),
        vec![ProvinceAction::Enter, read_against(&kept)],
    );
    let stored = taken.modes.province.session.to_json();
    // Loading the catalog keeps it in the store.
    let key: &'static str =
        Box::leak(shifan_web::record::catalog_key(office.fingerprint()).into_boxed_str());
    let kept_key: &'static [&'static str] = Box::leak(vec![key].into_boxed_slice());
    let without_catalog = run(boot(None), vec![ProvinceAction::Enter, opened(&file)]);
    let cases: Vec<(&str, AppState, Expect)> = vec![
        (
            "taken in against the kept catalog",
            taken.clone(),
            Expect {
                candidates: 2,
                unsaved: true,
                ..NOTHING
            },
        ),
        (
            "reloaded: the stored session is read against the catalog kept at boot",
            run(boot_keeping(&office, Some(stored.clone())), vec![]),
            Expect {
                candidates: 2,
                ..NOTHING
            },
        ),
        (
            "without the catalog: refused with the code that asks for it",
            without_catalog.clone(),
            Expect {
                rejected: &[Code::UnknownCatalog],
                unsaved: true,
                ..NOTHING
            },
        ),
        (
            "the catalog loaded from the rejected list: the package is verified again and joins",
            Rc::unwrap_or_clone(
                Rc::new(without_catalog.clone()).reduce(Action::KeepCatalog(office.clone())),
            ),
            Expect {
                candidates: 2,
                writes: kept_key,
                unsaved: true,
                ..NOTHING
            },
        ),
        (
            "the rejected files forgotten: loading the catalog adds nothing",
            Rc::unwrap_or_clone(
                Rc::new(run(
                    boot(None),
                    vec![
                        ProvinceAction::Enter,
                        opened(&file),
                        ProvinceAction::ClearRejected,
                    ],
                ))
                .reduce(Action::KeepCatalog(office.clone())),
            ),
            Expect {
                writes: kept_key,
                unsaved: true,
                ..NOTHING
            },
        ),
        (
            "the stored session read without the catalog: the package is rejected, not dropped",
            run(boot(Some(stored.clone())), vec![]),
            Expect {
                rejected: &[Code::UnknownCatalog],
                ..NOTHING
            },
        ),
        (
            "a work record imported without the catalog: rejected, and back once it is loaded",
            {
                let imported = run(
                    boot(None),
                    vec![
                        ProvinceAction::Enter,
                        ProvinceAction::Import(stored.as_bytes().into()),
                    ],
                );
                assert_eq!(
                    imported.modes.province.session.to_json(),
                    run(boot(Some(stored.clone())), vec![])
                        .modes
                        .province
                        .session
                        .to_json(),
                    "the record as imported keeps the package"
                );
                Rc::unwrap_or_clone(Rc::new(imported).reduce(Action::KeepCatalog(office.clone())))
            },
            Expect {
                candidates: 2,
                writes: kept_key,
                unsaved: true,
                ..NOTHING
            },
        ),
    ];
    for (name, state, expect) in cases {
        check(name, &state, expect);
    }
    // Nothing the office recorded is lost by a reload without the catalog.
    let reloaded = run(boot(Some(stored.clone())), vec![]);
    let written: serde_json::Value =
        serde_json::from_str(&reloaded.modes.province.session.to_json()).unwrap();
    let original: serde_json::Value = serde_json::from_str(&stored).unwrap();
    assert_eq!(written["packages"], original["packages"]);
}
