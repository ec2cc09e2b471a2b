//! The reducer, natively and without a browser: every action that must never drop what the
//! official entered is checked here, table-driven through one `check` helper. The reducer is
//! pure, so a state is built from a [`Boot`] and actions alone, and the writes it asks for are
//! read from its outbox.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;
use std::sync::Arc;

use shifan_rules::{Catalog, CatalogSet, Draft, Lang, Status};
use shifan_web::record::{Listing, draft_key};
use shifan_web::state::{
    Action, AppState, Boot, DuplicateChoice, SaveError, SaveStatus, Screen, Write,
};
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

/// Whether the unsaved edit of [`edited`] survives: the draft is still open with it, or it
/// was asked to be written and the start page lists it as it is.
fn edit_kept(s: &AppState) -> Result<(), String> {
    if s.draft
        .as_ref()
        .is_some_and(|d| d.id == "d1" && has_the_edit(d))
    {
        return ensure(s.unsaved(), "still open and still to be saved");
    }
    ensure(
        draft_writes(s)
            .iter()
            .any(|d| d.id == "d1" && has_the_edit(d)),
        "d1 asked to be written with its edit",
    )?;
    ensure(
        s.drafts
            .drafts
            .iter()
            .any(|d| d.draft.id == "d1" && has_the_edit(&d.draft)),
        "d1 listed as it is",
    )?;
    ensure(
        s.pending.is_none() && s.evidence_form.is_none() && s.kind_stash.is_none(),
        "nothing of d1 left to act on the next draft",
    )
}

/// A file of the same application as the saved draft `s1` (same start, applicant, catalog).
fn same_as_saved() -> Action {
    Action::OpenDraft {
        draft: Box::new(stored("f1", T1)),
        catalog: reference(),
        warnings: Vec::new(),
    }
}

#[test]
fn every_way_out_of_a_draft_keeps_its_unsaved_change() {
    let saved = || {
        let mut b = boot();
        b.listing = listing(&[stored("s1", T0)]);
        b
    };
    // Each way the official can leave the open draft `d1` while its last edit is not yet
    // written: all go through `AppState::close_draft`, and none drops the edit.
    let cases: Vec<(&'static str, Boot, Vec<Action>)> = vec![
        ("the start page", boot(), vec![Action::Go(Screen::Start)]),
        ("a new draft", boot(), vec![new_draft("d3")]),
        (
            "another draft opened",
            boot(),
            vec![Action::OpenDraft {
                draft: Box::new(stored("d2", T0)),
                catalog: reference(),
                warnings: Vec::new(),
            }],
        ),
        (
            "a file of a saved application, while the question is open",
            saved(),
            vec![same_as_saved()],
        ),
        (
            "a file of a saved application, the saved draft continued",
            saved(),
            vec![
                same_as_saved(),
                Action::ResolveDuplicate(DuplicateChoice::Continue),
            ],
        ),
        (
            "a file of a saved application, kept as a copy",
            saved(),
            vec![
                same_as_saved(),
                Action::ResolveDuplicate(DuplicateChoice::KeepCopy),
            ],
        ),
        (
            "a file of a saved application, neither",
            saved(),
            vec![
                same_as_saved(),
                Action::ResolveDuplicate(DuplicateChoice::Cancel),
            ],
        ),
        (
            "another stored draft deleted",
            saved(),
            vec![Action::DeleteRecord(draft_key("s1"))],
        ),
        (
            "a status waiting for its reason, then the start page",
            boot(),
            vec![
                Action::SetStatus {
                    number: 7,
                    status: Status::NotApplicable,
                    reason: None,
                },
                Action::Go(Screen::Start),
            ],
        ),
        (
            "an evidence form open, then another draft",
            boot(),
            vec![Action::OpenEvidenceForm(5), new_draft("d3")],
        ),
        (
            "the store listed again meanwhile",
            saved(),
            vec![Action::Listed(listing(&[])), Action::Go(Screen::Start)],
        ),
        #[cfg(feature = "full")]
        (
            "the city review entered",
            boot(),
            vec![Action::review(shifan_web::review::ReviewAction::Enter {
                today: TODAY.to_string(),
            })],
        ),
        #[cfg(feature = "full")]
        (
            "training entered",
            boot(),
            vec![Action::training(
                shifan_web::training_state::TrainingAction::Enter,
            )],
        ),
        #[cfg(feature = "full")]
        (
            "a demo county opened",
            boot(),
            vec![Action::training(
                shifan_web::training_state::TrainingAction::OpenDemo(
                    shifan_rules::sample::Demo::ALL[0],
                ),
            )],
        ),
    ];
    check(
        cases
            .into_iter()
            .map(|(name, boot, more)| {
                (
                    name,
                    boot,
                    then(edited(), more),
                    edit_kept as fn(&AppState) -> Result<(), String>,
                )
            })
            .collect(),
    );
}

#[test]
fn deleting_the_open_draft_closes_it_and_the_deletion_is_the_last_word() {
    check(vec![(
        "deleting d1 while it is open",
        boot(),
        then(edited(), [Action::DeleteRecord(draft_key("d1"))]),
        |s| {
            ensure(s.draft.is_none() && s.screen == Screen::Start, "closed")?;
            ensure(
                matches!(s.outbox.last(), Some((_, Write::Delete(k))) if *k == draft_key("d1")),
                "the deletion is done after any write of it",
            )?;
            ensure(
                !s.drafts.drafts.iter().any(|d| d.draft.id == "d1"),
                "not listed",
            )
        },
    )]);
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
        Action::review(ReviewAction::Enter {
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
                then(edited(), [Action::training(TrainingAction::Enter)]),
                |s| ensure(draft_writes(s).len() == 1, "d1 written"),
            ),
            (
                "a stored session that cannot be read is copied aside before anything replaces it",
                unreadable,
                vec![enter()],
                |s| {
                    ensure(!s.modes.review.load_problems.is_empty(), "problems shown")?;
                    ensure(
                        s.modes
                            .review
                            .load_raw
                            .as_deref()
                            .is_some_and(|raw| raw.starts_with("{\"format\"")),
                        "its text kept for the download",
                    )?;
                    ensure(
                        s.modes.review.session.date == TODAY,
                        "a new session dated today",
                    )?;
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
                    ensure(
                        s.modes.review.session.reviewer.name == "王审核",
                        "session back",
                    )?;
                    ensure(
                        !s.modes.review.unsaved() && s.outbox.is_empty(),
                        "nothing to write",
                    )
                },
            ),
            (
                "a demo county is never written",
                boot(),
                vec![
                    Action::training(TrainingAction::Enter),
                    Action::training(TrainingAction::OpenDemo(shifan_rules::sample::Demo::ALL[0])),
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
    /// Verified application files of 小店区 (90 met) and 迎泽区 (80 met), as the review opens
    /// them.
    fn two_applications() -> Vec<shifan_web::review::OpenedFile> {
        use shifan_rules::sample::{SampleKind, SampleSpec, sample_application};
        [
            ("xiaodian.json", "140105", 90, 1),
            ("yingze.json", "140106", 80, 2),
        ]
        .into_iter()
        .map(|(name, code, met, seed)| {
            let spec = SampleSpec::new(code, met, SampleKind::Comprehensive, seed);
            let text = sample_application(Catalog::reference(), &spec)
                .unwrap()
                .to_json();
            shifan_web::review::OpenedFile::read(
                name.to_string(),
                text.as_bytes(),
                &CatalogSet::builtin(),
            )
        })
        .collect()
    }

    /// The review with both files open, 小店区 recommended (rank 2, with a comment) after
    /// 迎泽区 (rank 1).
    fn decided() -> Vec<Action> {
        use shifan_rules::package::Decision;
        let ids: Vec<String> = two_applications()
            .iter()
            .map(|f| match &f.result {
                Ok(shifan_rules::document::Document::Application(v)) => v.file.integrity.clone(),
                _ => panic!("a valid sample"),
            })
            .collect();
        [
            enter(),
            Action::review(ReviewAction::Opened(two_applications())),
            Action::review(ReviewAction::Decide(ids[1].clone(), Decision::Recommend)),
            Action::review(ReviewAction::Decide(ids[0].clone(), Decision::Recommend)),
            Action::review(ReviewAction::Comment(
                ids[0].clone(),
                "材料齐全".to_string(),
            )),
        ]
        .into_iter()
        .collect()
    }

    fn xiaodian(s: &AppState) -> Option<&shifan_rules::session::Reviewed> {
        s.modes
            .review
            .session
            .applications()
            .iter()
            .find(|r| r.verified.file.applicant.division_code == "140105")
    }

    fn xiaodian_id() -> String {
        let s = run(boot(), decided());
        xiaodian(&s).unwrap().integrity().to_string()
    }

    #[test]
    fn a_removal_from_the_review_can_be_undone_with_everything_recorded() {
        let remove = || Action::review(ReviewAction::Remove(xiaodian_id()));
        let undo = || Action::review(ReviewAction::UndoRemove);
        check(vec![
            (
                "the decided state is as described",
                boot(),
                decided(),
                |s| {
                    let x = xiaodian(s).ok_or("小店区 open")?;
                    ensure(x.opinion.rank == Some(2), "rank 2")?;
                    ensure(x.opinion.comment == "材料齐全", "comment")
                },
            ),
            (
                "removing keeps what it took for an undo",
                boot(),
                then(decided(), [remove()]),
                |s| {
                    ensure(xiaodian(s).is_none(), "gone from the table")?;
                    let removed = s.modes.review.removed.as_ref().ok_or("kept for undo")?;
                    ensure(
                        removed.reviewed.opinion.comment == "材料齐全",
                        "with its comment",
                    )
                },
            ),
            (
                "undo puts it back with its decision, rank and comment",
                boot(),
                then(decided(), [remove(), undo()]),
                |s| {
                    let x = xiaodian(s).ok_or("back in the table")?;
                    ensure(
                        x.opinion.decision == shifan_rules::package::Decision::Recommend,
                        "recommended",
                    )?;
                    ensure(x.opinion.rank == Some(2), "rank 2 again")?;
                    ensure(x.opinion.comment == "材料齐全", "its comment")?;
                    ensure(s.modes.review.removed.is_none(), "the undo is used up")?;
                    ensure(s.modes.review.unsaved(), "the session is to be saved again")
                },
            ),
            (
                "a second undo does nothing",
                boot(),
                then(decided(), [remove(), undo(), undo()]),
                |s| {
                    ensure(
                        s.modes.review.session.applications().len() == 2,
                        "two applications",
                    )
                },
            ),
            (
                "closing the notice keeps the removal",
                boot(),
                then(
                    decided(),
                    [
                        remove(),
                        Action::review(ReviewAction::ForgetRemoved),
                        undo(),
                    ],
                ),
                |s| ensure(xiaodian(s).is_none(), "still removed"),
            ),
            (
                "the same file opened again meanwhile: the undo makes no twin",
                boot(),
                then(
                    decided(),
                    [
                        remove(),
                        Action::review(ReviewAction::Opened(two_applications())),
                        undo(),
                    ],
                ),
                |s| {
                    ensure(
                        s.modes.review.session.applications().len() == 2,
                        "two applications, no twin",
                    )
                },
            ),
            (
                "a new review forgets the undo",
                boot(),
                then(
                    decided(),
                    [
                        remove(),
                        Action::review(ReviewAction::NewReview(TODAY.to_string())),
                        undo(),
                    ],
                ),
                |s| ensure(s.modes.review.session.applications().is_empty(), "empty"),
            ),
        ]);
    }

    #[test]
    fn a_rejected_file_joins_the_table_once_its_catalog_is_loaded() {
        let (office, file) = office_and_file();
        let opened = || {
            let mut files = two_applications();
            files.push(shifan_web::review::OpenedFile::read(
                "jinzhong.json".to_string(),
                &file,
                &CatalogSet::builtin(),
            ));
            Action::review(ReviewAction::Opened(files))
        };
        fn rejected(s: &AppState) -> bool {
            s.modes
                .review
                .session
                .rejected
                .iter()
                .any(|r| r.file_name == "jinzhong.json")
        }
        check(vec![
            (
                "refused for its catalog: rejected, and waiting",
                boot(),
                vec![enter(), opened()],
                |s| {
                    ensure(
                        s.modes.review.session.applications().len() == 2,
                        "two in the table",
                    )?;
                    ensure(rejected(s), "rejected")?;
                    ensure(s.modes.review.awaiting.len() == 1, "waiting")
                },
            ),
            (
                "its catalog loaded: verified again, in the table, no longer rejected",
                boot(),
                vec![enter(), opened(), Action::KeepCatalog(office.clone())],
                |s| {
                    ensure(
                        s.modes.review.session.applications().len() == 3,
                        "three in the table",
                    )?;
                    ensure(!rejected(s), "not rejected")?;
                    ensure(s.modes.review.awaiting.is_empty(), "nothing waits")?;
                    ensure(s.modes.review.unsaved(), "the session is to be saved")
                },
            ),
            (
                "the rejected file forgotten: loading the catalog adds nothing",
                boot(),
                vec![
                    enter(),
                    opened(),
                    Action::review(ReviewAction::ClearRejected),
                    Action::KeepCatalog(office.clone()),
                ],
                |s| ensure(s.modes.review.session.applications().len() == 2, "two"),
            ),
        ]);
    }

    /// `n` verified applications of 太原's counties, each with its own figures.
    fn many_applications(n: usize) -> Vec<shifan_web::review::OpenedFile> {
        use shifan_rules::sample::{SampleKind, SampleSpec, sample_application};
        const COUNTIES: [&str; 10] = [
            "140105", "140106", "140107", "140108", "140109", "140110", "140121", "140122",
            "140123", "140181",
        ];
        (0..n)
            .map(|i| {
                let met = 40 + (i * 37 % 56) as u32;
                let spec =
                    SampleSpec::new(COUNTIES[i % 10], met, SampleKind::Comprehensive, i as u64);
                let text = sample_application(Catalog::reference(), &spec)
                    .unwrap()
                    .to_json();
                shifan_web::review::OpenedFile::read(
                    format!("{i}.json"),
                    text.as_bytes(),
                    &CatalogSet::builtin(),
                )
            })
            .collect()
    }

    #[test]
    fn long_lists_draw_a_first_page_and_count_the_rest_sorted_over_every_file() {
        use shifan_web::review::rows::{first, shown_rows};
        use shifan_web::review::{Column, PAGE, Panel, Shown};
        let opened = || {
            vec![
                enter(),
                Action::review(ReviewAction::Opened(many_applications(PAGE + 30))),
            ]
        };
        /// The least compliant application of them all, whichever page it would be on.
        fn lowest(s: &AppState) -> Option<shifan_rules::Ratio> {
            s.modes
                .review
                .session
                .applications()
                .iter()
                .min_by(|a, b| {
                    shifan_rules::review::compare_compliance(
                        a.verified.score.total.compliance(),
                        b.verified.score.total.compliance(),
                    )
                })
                .map(|r| r.verified.score.total.compliance())
        }
        check(vec![
            (
                "a first page of the table and the heat map, the rest counted",
                boot(),
                opened(),
                |s| {
                    let rows = shown_rows(&s.modes.review);
                    ensure(rows.len() == PAGE + 30, "every file is a row")?;
                    let (drawn, left) = first(&rows, s.modes.review.shown.of(Panel::Table));
                    ensure(drawn.len() == PAGE && left == 30, "100 drawn, 30 counted")?;
                    ensure(
                        s.modes.review.shown == Shown::default(),
                        "a first page of each",
                    )
                },
            ),
            (
                "one more page of the table draws the rest, the heat map stays",
                boot(),
                then(
                    opened(),
                    [Action::review(ReviewAction::ShowMore(Panel::Table))],
                ),
                |s| {
                    let rows = shown_rows(&s.modes.review);
                    let (drawn, left) = first(&rows, s.modes.review.shown.table);
                    ensure(drawn.len() == PAGE + 30 && left == 0, "all drawn")?;
                    ensure(s.modes.review.shown.heat == PAGE, "the heat map's own page")?;
                    // Only the opening changed the session: drawing more is nothing to save.
                    ensure(s.modes.review.revision == 1, "no change to save")
                },
            ),
            (
                "all of a list, and of the duplicates' groups",
                boot(),
                then(
                    opened(),
                    [
                        Action::review(ReviewAction::ShowAll(Panel::Heat)),
                        Action::review(ReviewAction::ShowMore(Panel::Duplicates)),
                    ],
                ),
                |s| {
                    let rows = shown_rows(&s.modes.review);
                    ensure(
                        first(&rows, s.modes.review.shown.heat).1 == 0,
                        "heat map all",
                    )?;
                    ensure(s.modes.review.shown.duplicates == 20, "ten groups more")
                },
            ),
            (
                "the first row after reversing the sort is the lowest of every file",
                boot(),
                then(
                    opened(),
                    [Action::review(ReviewAction::Sort(Column::Compliance))],
                ),
                |s| {
                    let rows = shown_rows(&s.modes.review);
                    ensure(
                        Some(rows[0].row.compliance) == lowest(s),
                        "lowest first, over all files",
                    )
                },
            ),
            (
                "a new review starts with a first page again",
                boot(),
                then(
                    opened(),
                    [
                        Action::review(ReviewAction::ShowAll(Panel::Table)),
                        Action::review(ReviewAction::NewReview(TODAY.to_string())),
                    ],
                ),
                |s| ensure(s.modes.review.shown == Shown::default(), "first pages"),
            ),
        ]);
    }

    /// A boot whose store holds the review of `decided()` in parts, its head replaced by
    /// `head` when given, and the files of `files` (indices into its applications).
    fn boot_with_parts(head: Option<&str>, files: &[usize]) -> Boot {
        let s = run(boot(), decided());
        let session = &s.modes.review.session;
        let mut b = boot();
        b.review = Some(head.map_or_else(|| session.head_json(), str::to_string));
        b.review_files = files
            .iter()
            .map(|&i| {
                let r = &session.applications()[i];
                (
                    shifan_web::record::review_file_key(r.integrity()),
                    Some(r.stored_file()),
                )
            })
            .collect();
        b
    }

    #[test]
    fn the_review_stored_in_parts_comes_back_and_keeps_every_file() {
        check(vec![
            (
                "head and files: the same review",
                boot_with_parts(None, &[0, 1]),
                vec![enter()],
                |s| {
                    let want = run(boot(), decided());
                    ensure(
                        s.modes.review.session == want.modes.review.session,
                        "the same session",
                    )?;
                    ensure(s.outbox.is_empty(), "nothing to copy aside")
                },
            ),
            (
                "a file missing: listed as rejected with its problem",
                boot_with_parts(None, &[1]),
                vec![enter()],
                |s| {
                    let r = &s.modes.review.session;
                    ensure(r.applications().len() == 1, "one application")?;
                    ensure(
                        r.rejected
                            .iter()
                            .any(|x| x.problems[0].code == shifan_rules::Code::UnknownApplication),
                        "the missing one is a rejected file",
                    )
                },
            ),
            (
                "the head unreadable: copied aside, and every file kept",
                boot_with_parts(Some("{\"format\": \"shifan.review-session\", "), &[0, 1]),
                vec![enter()],
                |s| {
                    let r = &s.modes.review;
                    ensure(!r.load_problems.is_empty(), "problems shown")?;
                    ensure(r.session.applications().len() == 2, "both files kept")?;
                    ensure(
                        s.outbox.iter().any(|(_, w)| matches!(w,
                            shifan_web::state::Write::Put { key, .. } if key == REVIEW_UNREADABLE_KEY)),
                        "the head copied aside",
                    )
                },
            ),
            (
                "files without a head: kept, undecided",
                {
                    let mut b = boot_with_parts(None, &[0, 1]);
                    b.review = None;
                    b
                },
                vec![enter()],
                |s| {
                    let r = &s.modes.review.session;
                    ensure(r.applications().len() == 2, "both files")?;
                    ensure(r.recommended() == 0, "undecided")
                },
            ),
        ]);
    }

    #[test]
    fn a_decision_changes_the_row_it_is_on_and_no_other() {
        use shifan_rules::package::Decision;
        use shifan_web::review::rows::all_rows;
        let before = run(boot(), decided());
        let id = xiaodian_id();
        let after = run(
            boot(),
            then(
                decided(),
                [Action::review(ReviewAction::Decide(
                    id.clone(),
                    Decision::NotRecommend,
                ))],
            ),
        );
        let (a, b) = (
            all_rows(&before.modes.review.session),
            all_rows(&after.modes.review.session),
        );
        assert_eq!(a.len(), b.len());
        for (x, y) in a.iter().zip(&b) {
            // 迎泽区 keeps rank 1; only 小店区's opinion changed.
            assert_eq!(x == y, x.id != id, "row {}", x.row.name);
        }
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

/// An office's own catalog (the reference one under another id), and a file of 小店区 answered
/// against it.
fn office_and_file() -> (Arc<Catalog>, Vec<u8>) {
    use shifan_rules::sample::{SampleKind, SampleSpec, sample_application};
    let mut data = Catalog::reference().data().clone();
    data.id = "office-jinzhong-2026".to_string();
    let office = Arc::new(Catalog::from_data(data).unwrap());
    let spec = SampleSpec::new("140105", 60, SampleKind::Comprehensive, 7);
    let file = sample_application(&office, &spec).unwrap().to_json();
    (office, file.into_bytes())
}

/// Opening `bytes` as the page does when it reads a picked file (with the id `f9`).
fn open_bytes(bytes: &[u8]) -> Action {
    match shifan_web::files::read_opened(bytes, &CatalogSet::builtin(), "f9".to_string()) {
        Ok(_) => panic!("refused without its catalog"),
        Err(problems) => {
            assert!(
                shifan_rules::problem::needs_catalog(&problems),
                "{problems:?}"
            );
            Action::RefusedForCatalog {
                bytes: bytes.into(),
                id: "f9".to_string(),
                problems,
            }
        }
    }
}

#[test]
fn a_file_refused_for_its_catalog_opens_once_the_catalog_is_loaded() {
    use shifan_web::state::NoticeTopic;
    let (office, file) = office_and_file();
    let other = {
        let mut data = Catalog::reference().data().clone();
        data.id = "office-datong-2026".to_string();
        Arc::new(Catalog::from_data(data).unwrap())
    };
    check(vec![
        (
            "refused: the notice says why and the file waits",
            boot(),
            vec![open_bytes(&file)],
            |s| {
                ensure(s.draft.is_none(), "nothing opened")?;
                ensure(
                    s.notice
                        .as_ref()
                        .is_some_and(|n| n.topic == NoticeTopic::OpenFailed),
                    "refused",
                )?;
                ensure(s.awaiting.is_some(), "waits for its catalog")
            },
        ),
        (
            "its catalog loaded from the notice: the file opens, unpicked",
            boot(),
            vec![open_bytes(&file), Action::KeepCatalog(office.clone())],
            |s| {
                let d = s.draft.as_ref().ok_or("the file opened")?;
                ensure(d.id == "f9" && d.division_code == "140105", "as the file")?;
                ensure(
                    s.catalog.id() == "office-jinzhong-2026",
                    "on the office's catalog",
                )?;
                ensure(s.awaiting.is_none(), "no longer waiting")?;
                ensure(
                    s.notice
                        .as_ref()
                        .is_some_and(|n| n.topic == NoticeTopic::CatalogKept),
                    "the catalog is said to be kept",
                )
            },
        ),
        (
            "its catalog loaded while a draft is open: that draft's edit is written first",
            boot(),
            then(
                edited(),
                [open_bytes(&file), Action::KeepCatalog(office.clone())],
            ),
            |s| {
                ensure(
                    s.draft.as_ref().is_some_and(|d| d.id == "f9"),
                    "the file opened",
                )?;
                ensure(
                    draft_writes(s)
                        .iter()
                        .any(|d| d.id == "d1" && has_the_edit(d)),
                    "d1 written",
                )
            },
        ),
        (
            "another catalog loaded: the file still waits and says why",
            boot(),
            vec![open_bytes(&file), Action::KeepCatalog(other.clone())],
            |s| {
                ensure(s.draft.is_none(), "nothing opened")?;
                ensure(s.awaiting.is_some(), "still waiting")?;
                ensure(
                    s.notice.as_ref().is_some_and(|n| {
                        n.topic == NoticeTopic::CatalogKept
                            && shifan_rules::problem::needs_catalog(&n.problems)
                    }),
                    "kept, and the file's problems still shown",
                )
            },
        ),
        (
            "another catalog, then the right one: the file opens",
            boot(),
            vec![
                open_bytes(&file),
                Action::KeepCatalog(other.clone()),
                Action::KeepCatalog(office.clone()),
            ],
            |s| ensure(s.draft.as_ref().is_some_and(|d| d.id == "f9"), "opened"),
        ),
        (
            "the notice closed: the file no longer waits",
            boot(),
            vec![
                open_bytes(&file),
                Action::DismissNotice,
                Action::KeepCatalog(office.clone()),
            ],
            |s| {
                ensure(s.draft.is_none(), "nothing opened")?;
                ensure(s.awaiting.is_none(), "forgotten")
            },
        ),
    ]);
}

/// The single-file edition's "saved to a file": the draft and revision saved, behind after a
/// change, nothing for another draft or with none open.
#[cfg(feature = "full")]
#[test]
fn saving_to_a_file_is_remembered_for_the_draft_and_revision() {
    use shifan_web::single_file::{FileSave, FileState};
    fn state_of(s: &AppState) -> FileState<'_> {
        let id = s.draft.as_ref().map_or("", |d| d.id.as_str());
        FileSave::state(s.modes.file_save.as_ref(), id, s.revision)
    }
    check(vec![
        ("nothing saved yet", boot(), edited(), |s| {
            ensure(state_of(s) == FileState::Never, "never")
        }),
        (
            "saved: the time, for this revision",
            boot(),
            then(edited(), [Action::saved_to_file(T1.to_string())]),
            |s| ensure(state_of(s) == FileState::Saved(T1), "saved at T1"),
        ),
        (
            "a change after the save: behind",
            boot(),
            then(
                edited(),
                [
                    Action::saved_to_file(T1.to_string()),
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
                [Action::saved_to_file(T1.to_string()), new_draft("d2")],
            ),
            |s| ensure(state_of(s) == FileState::Never, "never for d2"),
        ),
        (
            "no draft open: nothing recorded",
            boot(),
            vec![Action::saved_to_file(T1.to_string())],
            |s| ensure(s.modes.file_save.is_none(), "none"),
        ),
    ]);
}
