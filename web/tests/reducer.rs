//! The reducer, natively and without a browser: every action that must never drop what the
//! official entered is checked here, table-driven through one `check` helper. The reducer is
//! pure, so a state is built from a [`Boot`] and actions alone, and the writes it asks for are
//! read from its outbox.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;
use std::sync::Arc;

use shifan_rules::{Catalog, CatalogSet, Draft, Lang, Status};
use shifan_web::record::{Listing, draft_key};
use shifan_web::state::{Action, AppState, Boot, SaveError, SaveStatus, Screen, Write};
use yew::Reducible;

const TODAY: &str = "2026-12-02";
const T0: &str = "2026-12-02T08:00:00.000Z";
const T1: &str = "2026-12-02T08:05:00.000Z";

fn boot() -> Boot {
    Boot::empty(Lang::Zh, TODAY)
}

fn reference() -> Arc<Catalog> {
    CatalogSet::builtin().iter().next().cloned().unwrap()
}

/// A stored draft `id` for 小店区 with indicator 1's first point ticked.
fn stored(id: &str, updated: &str) -> Draft {
    let catalog = reference();
    let mut draft = Draft::new(id.to_string(), &catalog, T0.to_string());
    draft.division_code = "140105".to_string();
    draft.assessment.toggle_point(&catalog, 1, 0);
    draft.updated = updated.to_string();
    draft
}

fn listing(drafts: &[Draft]) -> Listing {
    let records = drafts
        .iter()
        .map(|d| (draft_key(&d.id), Some(d.to_json())))
        .collect();
    Listing::read(records, &CatalogSet::builtin())
}

fn run(boot: Boot, actions: Vec<Action>) -> AppState {
    let mut state = Rc::new(AppState::load(boot));
    for action in actions {
        state = state.reduce(action);
    }
    Rc::unwrap_or_clone(state)
}

fn new_draft(id: &str) -> Action {
    Action::NewDraft {
        id: id.to_string(),
        now: T0.to_string(),
    }
}

/// A new draft `d1` for 小店区 with indicator 5's first point ticked, not yet saved.
fn edited() -> Vec<Action> {
    vec![
        new_draft("d1"),
        Action::SetDivision("140105".to_string()),
        Action::TogglePoint {
            number: 5,
            point: 0,
        },
    ]
}

fn then(mut actions: Vec<Action>, more: impl IntoIterator<Item = Action>) -> Vec<Action> {
    actions.extend(more);
    actions
}

/// The drafts the state asks to be written.
fn draft_writes(s: &AppState) -> Vec<&Draft> {
    s.outbox
        .iter()
        .filter_map(|(_, w)| match w {
            Write::Draft(d) => Some(&**d),
            _ => None,
        })
        .collect()
}

/// Whether `draft` has indicator 5's first point ticked (the edit of [`edited`]).
fn has_the_edit(draft: &Draft) -> bool {
    draft
        .assessment
        .get(5)
        .is_some_and(|a| a.satisfied.contains(&0))
        && draft.division_code == "140105"
}

/// One case: its name, the start, the actions, and what must hold afterwards.
type Case = (
    &'static str,
    Boot,
    Vec<Action>,
    fn(&AppState) -> Result<(), String>,
);

fn check(cases: Vec<Case>) {
    let mut failed = Vec::new();
    for (name, boot, actions, expect) in cases {
        if let Err(why) = expect(&run(boot, actions)) {
            failed.push(format!("{name}: {why}"));
        }
    }
    assert!(failed.is_empty(), "\n{}", failed.join("\n"));
}

fn ensure(ok: bool, why: &str) -> Result<(), String> {
    if ok { Ok(()) } else { Err(why.to_string()) }
}

#[test]
fn closing_or_replacing_a_draft_asks_for_its_last_changes_to_be_written() {
    check(vec![
        (
            "Go(Start) with unsaved changes writes the latest draft",
            boot(),
            then(edited(), [Action::Go(Screen::Start)]),
            |s| {
                let writes = draft_writes(s);
                ensure(writes.len() == 1, "one draft write")?;
                ensure(has_the_edit(writes[0]), "the write has the last edit")?;
                ensure(s.draft.is_none() && s.screen == Screen::Start, "start page")?;
                ensure(
                    s.drafts.drafts.iter().any(|d| has_the_edit(&d.draft)),
                    "the start page lists the draft as it is",
                )
            },
        ),
        (
            "Go(Start) after the save asks for nothing",
            boot(),
            then(
                edited(),
                [
                    Action::Saved {
                        revision: 3,
                        result: Ok(T1.to_string()),
                    },
                    Action::Go(Screen::Start),
                ],
            ),
            |s| ensure(draft_writes(s).is_empty(), "no write"),
        ),
        (
            "opening another draft writes the first one's last changes",
            boot(),
            then(
                edited(),
                [Action::OpenDraft {
                    draft: Box::new(stored("d2", T0)),
                    catalog: reference(),
                    warnings: Vec::new(),
                }],
            ),
            |s| {
                let writes = draft_writes(s);
                ensure(writes.len() == 1 && writes[0].id == "d1", "d1 written")?;
                ensure(has_the_edit(writes[0]), "with its last edit")?;
                ensure(s.draft.as_ref().is_some_and(|d| d.id == "d2"), "d2 open")
            },
        ),
        (
            "starting a new draft writes the open one's last changes",
            boot(),
            then(edited(), [new_draft("d3")]),
            |s| {
                let writes = draft_writes(s);
                ensure(writes.len() == 1 && has_the_edit(writes[0]), "d1 written")
            },
        ),
        (
            "a change while the write is under way is written again on closing",
            boot(),
            then(
                edited(),
                [
                    Action::SetNote {
                        number: 5,
                        note: "已核对".to_string(),
                    },
                    Action::Saved {
                        revision: 3,
                        result: Ok(T1.to_string()),
                    },
                    Action::Go(Screen::Start),
                ],
            ),
            |s| {
                let writes = draft_writes(s);
                ensure(writes.len() == 1, "one write")?;
                ensure(
                    writes[0]
                        .assessment
                        .get(5)
                        .is_some_and(|a| a.note == "已核对"),
                    "the note typed after the save is in it",
                )
            },
        ),
        (
            "a failed write is said",
            boot(),
            then(
                edited(),
                [
                    Action::Go(Screen::Start),
                    Action::Written {
                        seq: 1,
                        result: Err(SaveError::Full),
                    },
                ],
            ),
            |s| {
                ensure(s.outbox.is_empty(), "the write is done with")?;
                ensure(
                    s.save == SaveStatus::Failed(SaveError::Full),
                    "failure kept",
                )
            },
        ),
    ]);
}

#[test]
fn saving_stamps_the_time_the_write_gave() {
    check(vec![
        (
            "Saved for the current revision stamps and lists the draft",
            boot(),
            then(
                edited(),
                [Action::Saved {
                    revision: 3,
                    result: Ok(T1.to_string()),
                }],
            ),
            |s| {
                ensure(!s.unsaved(), "nothing unsaved")?;
                ensure(s.draft.as_ref().unwrap().updated == T1, "stamped")?;
                ensure(
                    s.drafts
                        .drafts
                        .first()
                        .is_some_and(|d| d.draft.updated == T1),
                    "listed with the time",
                )
            },
        ),
        (
            "Saved for an older revision leaves the newer change unsaved",
            boot(),
            then(
                edited(),
                [Action::Saved {
                    revision: 2,
                    result: Ok(T1.to_string()),
                }],
            ),
            |s| {
                ensure(s.unsaved(), "the newest change is still to be written")?;
                ensure(s.draft.as_ref().unwrap().updated == T0, "not stamped")
            },
        ),
        (
            "a failed save keeps the change unsaved and says so",
            boot(),
            then(
                edited(),
                [Action::Saved {
                    revision: 3,
                    result: Err(SaveError::Unavailable),
                }],
            ),
            |s| {
                ensure(s.unsaved(), "still unsaved")?;
                ensure(
                    s.save == SaveStatus::Failed(SaveError::Unavailable),
                    "failure shown",
                )
            },
        ),
    ]);
}

#[test]
fn nothing_typed_is_dropped_by_acting_elsewhere() {
    let pending_on_2 = || {
        then(
            edited(),
            [Action::SetStatus {
                number: 2,
                status: Status::NotApplicable,
                reason: None,
            }],
        )
    };
    check(vec![
        (
            "not applicable without a reason waits for one",
            boot(),
            pending_on_2(),
            |s| ensure(s.pending.as_ref().is_some_and(|p| p.number == 2), "pending"),
        ),
        (
            "ticking a point of another card keeps the pending status",
            boot(),
            then(
                pending_on_2(),
                [
                    Action::EditPendingReason("本县未设置".to_string()),
                    Action::TogglePoint {
                        number: 3,
                        point: 0,
                    },
                ],
            ),
            |s| {
                ensure(
                    s.pending
                        .as_ref()
                        .is_some_and(|p| p.number == 2 && p.reason == "本县未设置"),
                    "pending with its reason",
                )
            },
        ),
        (
            "setting another card's status keeps the pending status",
            boot(),
            then(
                pending_on_2(),
                [Action::SetStatus {
                    number: 4,
                    status: Status::NotMet,
                    reason: None,
                }],
            ),
            |s| ensure(s.pending.as_ref().is_some_and(|p| p.number == 2), "pending"),
        ),
        (
            "confirming applies it",
            boot(),
            then(
                pending_on_2(),
                [
                    Action::EditPendingReason("本县未设置".to_string()),
                    Action::ConfirmPending,
                ],
            ),
            |s| {
                let answer = s.draft.as_ref().unwrap().assessment.get(2).unwrap().clone();
                ensure(s.pending.is_none(), "done")?;
                ensure(answer.status == Status::NotApplicable, "applied")?;
                ensure(answer.reason == "本县未设置", "with the reason")
            },
        ),
        (
            "switching to single-item and back keeps the single-item text",
            boot(),
            then(
                edited(),
                [
                    Action::SetSingleItem(true),
                    Action::SetProjectTitle("一枚印章管审批".to_string()),
                    Action::SetSingleItem(false),
                    Action::SetSingleItem(true),
                ],
            ),
            |s| {
                let kind = &s.draft.as_ref().unwrap().kind;
                ensure(
                    matches!(kind, shifan_rules::Kind::SingleItem { title, .. } if title == "一枚印章管审批"),
                    "title back",
                )
            },
        ),
    ]);
}

#[test]
fn the_store_is_read_from_the_boot_and_written_through_the_outbox() {
    let mut reopen = boot();
    reopen.listing = listing(&[stored("old", T0), stored("new", T1)]);
    reopen.reopen = Some(("old".to_string(), Screen::Indicators));
    let mut with_drafts = boot();
    with_drafts.listing = listing(&[stored("old", T0), stored("new", T1)]);
    let mut bad = boot();
    bad.listing = Listing::read(
        vec![
            (draft_key("ok"), Some(stored("ok", T0).to_json())),
            (
                draft_key("broken"),
                Some("{\"format\": \"shifan.draft\"".to_string()),
            ),
            (draft_key("other"), Some(stored("ok", T0).to_json())),
            (draft_key("binary"), None),
        ],
        &CatalogSet::builtin(),
    );
    check(vec![
        (
            "the drafts are listed newest first",
            with_drafts.clone(),
            vec![],
            |s| {
                let ids: Vec<&str> = s
                    .drafts
                    .drafts
                    .iter()
                    .map(|d| d.draft.id.as_str())
                    .collect();
                ensure(ids == ["new", "old"], &format!("{ids:?}"))
            },
        ),
        (
            "records that cannot be read are listed as corrupt, with their text",
            bad,
            vec![],
            |s| {
                let keys: Vec<&str> = s.drafts.corrupt.iter().map(|c| c.key.as_str()).collect();
                ensure(s.drafts.drafts.len() == 1, "one readable")?;
                ensure(
                    keys == ["draft:broken", "draft:other", "draft:binary"],
                    &format!("{keys:?}"),
                )?;
                ensure(
                    s.drafts.corrupt[0].raw.starts_with("{\"format\""),
                    "raw text kept",
                )
            },
        ),
        (
            "deleting a draft takes it off the list and asks for the delete",
            with_drafts,
            vec![Action::DeleteRecord(draft_key("old"))],
            |s| {
                ensure(s.drafts.drafts.len() == 1, "one left")?;
                ensure(
                    s.outbox == vec![(1, Write::Delete(draft_key("old")))],
                    "delete asked for",
                )
            },
        ),
        (
            "writes are numbered and leave the outbox once done",
            boot(),
            then(
                edited(),
                [
                    Action::Go(Screen::Start),
                    Action::DeleteRecord(draft_key("x")),
                    Action::Written {
                        seq: 1,
                        result: Ok(()),
                    },
                ],
            ),
            |s| {
                ensure(s.outbox_seq == 2, "two asked")?;
                ensure(
                    s.outbox == vec![(2, Write::Delete(draft_key("x")))],
                    "the second waits",
                )?;
                ensure(s.save != SaveStatus::Failed(SaveError::Full), "no failure")
            },
        ),
        (
            "the persisted answer is shown",
            boot(),
            vec![Action::Persisted(Some(true))],
            |s| ensure(s.persisted == Some(true), "persisted"),
        ),
        #[cfg(not(feature = "full"))]
        (
            "a reload reopens the tab's draft on its screen, with nothing to write",
            reopen,
            vec![],
            |s| {
                ensure(s.draft.as_ref().is_some_and(|d| d.id == "old"), "old open")?;
                ensure(s.screen == Screen::Indicators, "its screen")?;
                ensure(!s.unsaved() && s.outbox.is_empty(), "nothing to write")
            },
        ),
    ]);
}

#[cfg(feature = "full")]
mod full {
    use super::*;
    use shifan_web::record::REVIEW_UNREADABLE_KEY;
    use shifan_web::review::ReviewAction;
    use shifan_web::state::Mode;
    use shifan_web::training_state::TrainingAction;

    fn enter() -> Action {
        Action::Review(ReviewAction::Enter {
            today: TODAY.to_string(),
        })
    }

    #[test]
    fn entering_the_review_or_training_keeps_every_record() {
        let mut unreadable = boot();
        unreadable.review = Some("{\"format\": \"shifan.review-session\", ".to_string());
        let mut session = shifan_rules::session::Session::new("2026-11-30".to_string());
        session.reviewer.name = "王审核".to_string();
        let mut readable = boot();
        readable.review = Some(session.to_json());
        readable.mode = Some(Mode::Review);
        check(vec![
            (
                "entering the review with an unsaved draft writes it",
                boot(),
                then(edited(), [enter()]),
                |s| {
                    let writes = draft_writes(s);
                    ensure(writes.len() == 1 && has_the_edit(writes[0]), "d1 written")?;
                    ensure(s.in_review(), "review shown")
                },
            ),
            (
                "entering training with an unsaved draft writes it",
                boot(),
                then(edited(), [Action::Training(TrainingAction::Enter)]),
                |s| ensure(draft_writes(s).len() == 1, "d1 written"),
            ),
            (
                "a stored session that cannot be read is copied aside before anything replaces it",
                unreadable,
                vec![enter()],
                |s| {
                    ensure(!s.review.load_problems.is_empty(), "problems shown")?;
                    ensure(s.review.session.date == TODAY, "a new session dated today")?;
                    ensure(
                        s.outbox.iter().any(|(_, w)| {
                            matches!(w,
                            Write::Put { key, text } if key == REVIEW_UNREADABLE_KEY
                                && text.starts_with("{\"format\""))
                        }),
                        "copy asked for",
                    )
                },
            ),
            (
                "the review page comes back to the stored session",
                readable,
                vec![],
                |s| {
                    ensure(s.in_review(), "review shown")?;
                    ensure(s.review.session.reviewer.name == "王审核", "session back")?;
                    ensure(
                        !s.review.unsaved() && s.outbox.is_empty(),
                        "nothing to write",
                    )
                },
            ),
            (
                "a demo county is never written",
                boot(),
                vec![
                    Action::Training(TrainingAction::Enter),
                    Action::Training(TrainingAction::OpenDemo(shifan_rules::sample::Demo::ALL[0])),
                    Action::TogglePoint {
                        number: 1,
                        point: 0,
                    },
                    Action::Go(Screen::Start),
                ],
                |s| ensure(s.outbox.is_empty(), "no write"),
            ),
        ]);
    }
}

/// Opening `draft` as a file does: under a new id.
fn open_file(draft: Draft) -> Action {
    Action::OpenDraft {
        draft: Box::new(draft),
        catalog: reference(),
        warnings: Vec::new(),
    }
}

/// A boot whose store holds `d1` (小店区, started at T0, saved at T1).
fn boot_with_d1() -> Boot {
    Boot {
        listing: listing(&[stored("d1", T1)]),
        ..boot()
    }
}

#[test]
fn a_file_of_a_saved_draft_asks_before_a_second_draft_is_made() {
    use shifan_web::state::DuplicateChoice::{Cancel, Continue, KeepCopy};
    check(vec![
        (
            "the file of d1 (new id) waits for the choice and opens nothing",
            boot_with_d1(),
            vec![open_file(stored("f1", T1))],
            |s| {
                let dup = s.duplicate.as_ref().ok_or("a choice is asked")?;
                ensure(dup.existing == "d1", "it names d1")?;
                ensure(
                    s.draft.is_none() && draft_writes(s).is_empty(),
                    "nothing opened",
                )
            },
        ),
        (
            "continue opens the saved d1, and no copy is made",
            boot_with_d1(),
            vec![
                open_file(stored("f1", T1)),
                Action::ResolveDuplicate(Continue),
            ],
            |s| {
                ensure(s.duplicate.is_none(), "the choice is gone")?;
                ensure(s.draft.as_ref().is_some_and(|d| d.id == "d1"), "d1 open")?;
                ensure(s.drafts.drafts.len() == 1, "one draft listed")
            },
        ),
        (
            "keep a copy opens the file as its own draft, written beside d1",
            boot_with_d1(),
            vec![
                open_file(stored("f1", T1)),
                Action::ResolveDuplicate(KeepCopy),
                Action::Saved {
                    revision: 1,
                    result: Ok(T1.to_string()),
                },
            ],
            |s| {
                ensure(s.draft.as_ref().is_some_and(|d| d.id == "f1"), "f1 open")?;
                let ids: Vec<&str> = s
                    .drafts
                    .drafts
                    .iter()
                    .map(|d| d.draft.id.as_str())
                    .collect();
                ensure(ids.contains(&"d1") && ids.contains(&"f1"), "both listed")
            },
        ),
        (
            "open neither leaves the start page as it was",
            boot_with_d1(),
            vec![
                open_file(stored("f1", T1)),
                Action::ResolveDuplicate(Cancel),
            ],
            |s| {
                ensure(s.duplicate.is_none() && s.draft.is_none(), "nothing open")?;
                ensure(s.drafts.drafts.len() == 1, "one draft listed")
            },
        ),
        (
            "continue while d1 is open with unsaved edits keeps the edits",
            boot_with_d1(),
            vec![
                open_file(stored("d1", T1)),
                Action::SetNote {
                    number: 5,
                    note: "已核对".to_string(),
                },
                open_file(stored("f1", T1)),
                Action::ResolveDuplicate(Continue),
            ],
            |s| {
                let d = s.draft.as_ref().ok_or("a draft is open")?;
                ensure(d.id == "d1", "d1 open")?;
                ensure(
                    d.assessment.get(5).is_some_and(|a| a.note == "已核对"),
                    "the note is kept",
                )
            },
        ),
        (
            "a saved draft opened from the list is never asked about",
            Boot {
                listing: listing(&[stored("d1", T1), stored("d2", T0)]),
                ..boot()
            },
            vec![open_file(stored("d2", T0))],
            |s| {
                ensure(s.duplicate.is_none(), "no choice")?;
                ensure(s.draft.as_ref().is_some_and(|d| d.id == "d2"), "d2 open")
            },
        ),
        (
            "a file of another application opens at once",
            boot_with_d1(),
            vec![open_file({
                let mut other = stored("f2", T1);
                other.created = T1.to_string();
                other
            })],
            |s| {
                ensure(s.duplicate.is_none(), "no choice")?;
                ensure(s.draft.as_ref().is_some_and(|d| d.id == "f2"), "f2 open")
            },
        ),
    ]);
}

#[test]
fn a_loaded_catalog_is_kept_in_the_store_and_read_with() {
    let mut data = Catalog::reference().data().clone();
    data.id = "office-jinzhong-2026".to_string();
    let office = Arc::new(Catalog::from_data(data).unwrap());
    let s = run(boot(), vec![Action::KeepCatalog(office.clone())]);
    let key = shifan_web::record::catalog_key(office.fingerprint());
    let put = s.outbox.iter().find_map(|(_, w)| match w {
        Write::Put { key: k, text } if *k == key => Some(text.clone()),
        _ => None,
    });
    assert_eq!(put.as_deref(), Some(office.to_json().as_str()), "written");
    assert!(
        s.drafts
            .catalog_set()
            .resolve(office.id(), office.fingerprint())
            .is_ok(),
        "files are read against it"
    );
    assert_eq!(
        s.notice.map(|n| n.topic),
        Some(shifan_web::state::NoticeTopic::CatalogKept)
    );
}

/// The single-file edition's "saved to a file": the draft and revision saved, behind after a
/// change, nothing for another draft or with none open.
#[cfg(feature = "full")]
#[test]
fn saving_to_a_file_is_remembered_for_the_draft_and_revision() {
    use shifan_web::single_file::{FileSave, FileState};
    fn state_of(s: &AppState) -> FileState<'_> {
        let id = s.draft.as_ref().map_or("", |d| d.id.as_str());
        FileSave::state(s.file_save.as_ref(), id, s.revision)
    }
    check(vec![
        ("nothing saved yet", boot(), edited(), |s| {
            ensure(state_of(s) == FileState::Never, "never")
        }),
        (
            "saved: the time, for this revision",
            boot(),
            then(edited(), [Action::SavedToFile(T1.to_string())]),
            |s| ensure(state_of(s) == FileState::Saved(T1), "saved at T1"),
        ),
        (
            "a change after the save: behind",
            boot(),
            then(
                edited(),
                [
                    Action::SavedToFile(T1.to_string()),
                    Action::TogglePoint {
                        number: 6,
                        point: 0,
                    },
                ],
            ),
            |s| {
                ensure(
                    state_of(s) == FileState::ChangedSince(T1),
                    "changed since T1",
                )
            },
        ),
        (
            "another draft opened: not saved",
            boot(),
            then(
                edited(),
                [Action::SavedToFile(T1.to_string()), new_draft("d2")],
            ),
            |s| ensure(state_of(s) == FileState::Never, "never for d2"),
        ),
        (
            "no draft open: nothing recorded",
            boot(),
            vec![Action::SavedToFile(T1.to_string())],
            |s| ensure(s.file_save.is_none(), "none"),
        ),
    ]);
}
