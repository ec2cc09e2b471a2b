//! Property tests of the review session: its reader (browser storage is outside data) never
//! panics on random, mutated or truncated input and what it accepts keeps the rank rule; any
//! sequence of edits keeps the rank rule and survives a write and read unchanged; no sequence
//! of city changes drops a recorded decision, rank or comment; a removal is undone exactly.

// Uses proptest: native only.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use proptest::sample::Index;
use shifan_rules::package::{Decision, Reviewer};
use shifan_rules::review::city_code_of;
use shifan_rules::sample::{SampleKind, SampleSpec, sample_application};
use shifan_rules::session::Session;
use shifan_rules::{Catalog, CatalogSet, Verified, read_application};
use std::sync::OnceLock;

const CASES: u32 = 128;

/// Five verified applications: four from 太原 (two of them the same county), one from 大同.
fn applications() -> &'static Vec<Verified> {
    static APPS: OnceLock<Vec<Verified>> = OnceLock::new();
    APPS.get_or_init(|| {
        ["140105", "140106", "140107", "140105", "140212"]
            .iter()
            .enumerate()
            .map(|(i, code)| {
                let spec =
                    SampleSpec::new(code, 80 + i as u32, SampleKind::Comprehensive, i as u64);
                let file = sample_application(Catalog::reference(), &spec).expect("a sample");
                read_application(file.to_json().as_bytes(), catalogs()).expect("valid")
            })
            .collect()
    })
}

fn catalogs() -> &'static CatalogSet {
    static SET: OnceLock<CatalogSet> = OnceLock::new();
    SET.get_or_init(CatalogSet::builtin)
}

/// A stored session with decisions, comments and a rejected file.
fn stored() -> &'static Vec<u8> {
    static STORED: OnceLock<Vec<u8>> = OnceLock::new();
    STORED.get_or_init(|| {
        let mut s = Session::new("2026-12-01".into());
        for (i, v) in applications().iter().enumerate() {
            s.add(format!("{i}.json"), v.clone());
        }
        s.infer_city();
        s.reviewer = Reviewer {
            name: "李华".into(),
            office: "太原市委依法治市办".into(),
        };
        let ids: Vec<String> = s
            .applications()
            .iter()
            .map(|r| r.integrity().to_string())
            .collect();
        s.set_decision(&ids[0], Decision::Recommend);
        s.set_decision(&ids[2], Decision::Recommend);
        s.set_decision(&ids[1], Decision::NotRecommend);
        s.set_comment(&ids[2], "材料扎实,特色鲜明");
        s.reject(
            "坏.json".into(),
            vec![shifan_rules::Problem::new(
                shifan_rules::Code::NotJson,
                "不是 JSON",
                "not JSON",
            )],
        );
        s.to_json().into_bytes()
    })
}

/// The rank rule: the recommended applications carry 1..k, each once; nothing else is ranked;
/// nothing from outside the chosen city is recommended.
fn check_ranks(s: &Session) -> Result<(), TestCaseError> {
    let mut ranks = Vec::new();
    for r in s.applications() {
        let recommended = r.opinion.decision == Decision::Recommend;
        prop_assert_eq!(recommended, r.opinion.rank.is_some());
        if let Some(rank) = r.opinion.rank {
            ranks.push(rank);
        }
        if recommended && let Some(city) = s.city() {
            prop_assert_eq!(city_code_of(&r.verified.file), Some(city));
        }
    }
    ranks.sort_unstable();
    prop_assert_eq!(ranks, (1..=s.recommended() as u32).collect::<Vec<_>>());
    Ok(())
}

/// Reading never panics; what is accepted keeps the rank rule and writes back stably.
fn check_read(bytes: &[u8]) -> Result<(), TestCaseError> {
    if let Ok(session) = Session::from_json(bytes, catalogs()) {
        check_ranks(&session)?;
        let json = session.to_json();
        let again = Session::from_json(json.as_bytes(), catalogs());
        prop_assert!(again.is_ok());
        prop_assert_eq!(again.map(|s| s.to_json()).unwrap_or_default(), json);
    }
    Ok(())
}

#[derive(Clone, Debug)]
enum Op {
    Add(usize),
    Decide(usize, Decision),
    Move(usize, bool),
    Remove(usize),
    Comment(usize, String),
    City(Option<u32>),
    Infer,
}

fn op() -> impl Strategy<Value = Op> {
    let decision = prop::sample::select(vec![
        Decision::Recommend,
        Decision::NotRecommend,
        Decision::Pending,
    ]);
    prop_oneof![
        (0..5usize).prop_map(Op::Add),
        (0..5usize, decision).prop_map(|(i, d)| Op::Decide(i, d)),
        (0..5usize, any::<bool>()).prop_map(|(i, up)| Op::Move(i, up)),
        (0..5usize).prop_map(Op::Remove),
        (0..5usize, "[a-z意见]{0,6}").prop_map(|(i, c)| Op::Comment(i, c)),
        prop::sample::select(vec![
            None,
            Some(140100),
            Some(140200),
            Some(140105),
            Some(1)
        ])
        .prop_map(Op::City),
        Just(Op::Infer),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn random_bytes_never_panic_the_reader(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        check_read(&bytes)?;
    }

    #[test]
    fn single_byte_mutations_never_panic(at in any::<Index>(), byte in any::<u8>()) {
        let mut bytes = stored().clone();
        let i = at.index(bytes.len());
        bytes[i] = byte;
        check_read(&bytes)?;
    }

    #[test]
    fn truncations_never_panic(len in any::<Index>()) {
        let bytes = stored();
        let cut = len.index(bytes.len());
        prop_assert!(Session::from_json(&bytes[..cut], catalogs()).is_err());
    }

    #[test]
    fn edits_keep_the_rank_rule_and_survive_storage(ops in prop::collection::vec(op(), 0..40)) {
        let apps = applications();
        let mut s = Session::new("2026-12-01".into());
        for op in ops {
            let id = |s: &Session, i: usize| {
                s.applications().get(i % s.applications().len().max(1)).map(|r| r.integrity().to_string())
            };
            match op {
                Op::Add(i) => { s.add(format!("{i}.json"), apps[i].clone()); }
                Op::Decide(i, d) => if let Some(id) = id(&s, i) { s.set_decision(&id, d); },
                Op::Move(i, up) => if let Some(id) = id(&s, i) { s.move_rank(&id, up); },
                Op::Remove(i) => if let Some(id) = id(&s, i) { s.remove(&id); },
                Op::Comment(i, c) => if let Some(id) = id(&s, i) { s.set_comment(&id, &c); },
                Op::City(c) => s.set_city(c),
                Op::Infer => { s.infer_city(); }
            }
            check_ranks(&s)?;
        }
        let json = s.to_json();
        let back = Session::from_json(json.as_bytes(), catalogs());
        prop_assert_eq!(back.as_ref().ok(), Some(&s));
    }
}

/// Applies `ops` to a fresh session.
fn session_after(ops: Vec<Op>) -> Session {
    let apps = applications();
    let mut s = Session::new("2026-12-01".into());
    for op in ops {
        let id = |s: &Session, i: usize| {
            s.applications()
                .get(i % s.applications().len().max(1))
                .map(|r| r.integrity().to_string())
        };
        match op {
            Op::Add(i) => {
                s.add(format!("{i}.json"), apps[i].clone());
            }
            Op::Decide(i, d) => {
                if let Some(id) = id(&s, i) {
                    s.set_decision(&id, d);
                }
            }
            Op::Move(i, up) => {
                if let Some(id) = id(&s, i) {
                    s.move_rank(&id, up);
                }
            }
            Op::Remove(i) => {
                if let Some(id) = id(&s, i) {
                    s.remove(&id);
                }
            }
            Op::Comment(i, c) => {
                if let Some(id) = id(&s, i) {
                    s.set_comment(&id, &c);
                }
            }
            Op::City(c) => s.set_city(c),
            Op::Infer => {
                s.infer_city();
            }
        }
    }
    s
}

/// What the office recorded on each application: its decision (a held recommendation counts
/// as one), and its comment.
fn recorded(s: &Session) -> Vec<(String, Decision, String)> {
    s.applications()
        .iter()
        .map(|r| {
            let decision = if r.held_recommendation().is_some() {
                Decision::Recommend
            } else {
                r.opinion.decision
            };
            (
                r.integrity().to_string(),
                decision,
                r.opinion.comment.clone(),
            )
        })
        .collect()
}

fn city() -> impl Strategy<Value = Option<u32>> {
    prop::sample::select(vec![
        None,
        Some(140100),
        Some(140200),
        Some(140105),
        Some(1),
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn city_changes_never_drop_a_recorded_decision_rank_or_comment(
        ops in prop::collection::vec(op(), 0..30),
        cities in prop::collection::vec(city(), 1..8),
    ) {
        let mut s = session_after(ops);
        let (before, stored, chosen) = (recorded(&s), s.to_json(), s.city());
        for c in cities {
            s.set_city(c);
            check_ranks(&s)?;
            prop_assert_eq!(recorded(&s), before.clone());
        }
        // The city chosen again: every decision, rank and comment as it was.
        s.set_city(chosen);
        prop_assert_eq!(s.to_json(), stored);
    }

    #[test]
    fn a_removal_is_undone_exactly(ops in prop::collection::vec(op(), 0..30), which in any::<Index>()) {
        let mut s = session_after(ops);
        prop_assume!(!s.applications().is_empty());
        let before = s.to_json();
        let id = s.applications()[which.index(s.applications().len())].integrity().to_string();
        let removed = s.remove(&id).expect("it is open");
        check_ranks(&s)?;
        prop_assert!(s.get(&id).is_none());
        prop_assert!(s.restore(removed.clone()));
        prop_assert_eq!(s.to_json(), before);
        prop_assert!(!s.restore(removed), "the same application twice");
    }
}

#[test]
fn the_stored_session_reads_back() {
    let s = Session::from_json(stored(), catalogs()).expect("valid");
    assert_eq!(s.applications().len(), 5);
    assert_eq!(s.recommended(), 2);
    assert_eq!(s.rejected.len(), 1);
    assert_eq!(s.to_json().as_bytes(), stored().as_slice());
}

/// A session as the page stores it in parts: its head and each application's file under its
/// fingerprint.
fn parts(s: &Session) -> (Vec<u8>, Vec<(String, Vec<u8>)>) {
    let files = s
        .applications()
        .iter()
        .map(|r| (r.integrity().to_string(), r.stored_file().into_bytes()))
        .collect();
    (s.head_json().into_bytes(), files)
}

/// Reads stored parts as the page does: the head with the files, or, when the head cannot be
/// read, the files alone; and whether the head was read.
fn read_parts(head: &[u8], files: &[(String, Vec<u8>)]) -> (Session, bool) {
    let files: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(k, t)| (k.as_str(), t.as_slice()))
        .collect();
    match Session::from_parts(head, &files, catalogs()) {
        Ok(session) => (session, true),
        Err(_) => (
            Session::recover("2026-12-02".into(), &files, catalogs()),
            false,
        ),
    }
}

/// The session of `stored()`, read back.
fn stored_session() -> Session {
    Session::from_json(stored(), catalogs()).expect("the stored session reads")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn edits_survive_storage_in_parts(ops in prop::collection::vec(op(), 0..40)) {
        let s = session_after(ops);
        let (head, files) = parts(&s);
        let (back, read) = read_parts(&head, &files);
        prop_assert!(read);
        prop_assert_eq!(&back, &s);
        // The one-record form and the parts are the same session.
        prop_assert_eq!(back.to_json(), s.to_json());
    }

    #[test]
    fn damaged_or_missing_files_drop_nothing(
        lost in proptest::option::of(any::<Index>()),
        damaged in proptest::option::of((any::<Index>(), any::<Index>(), any::<u8>())),
        cut in proptest::option::of((any::<Index>(), any::<Index>())),
    ) {
        let s = stored_session();
        let (head, mut files) = parts(&s);
        if let Some((which, at, byte)) = damaged {
            let bytes = &mut files[which.index(s.applications().len())].1;
            let i = at.index(bytes.len());
            bytes[i] = byte;
        }
        if let Some((which, len)) = cut {
            let bytes = &mut files[which.index(s.applications().len())].1;
            let n = len.index(bytes.len());
            bytes.truncate(n);
        }
        if let Some(which) = lost {
            files.remove(which.index(files.len()));
        }
        let (back, read) = read_parts(&head, &files);
        prop_assert!(read, "the head is whole");
        check_ranks(&back)?;
        // Every stored file that still verifies is in the review.
        for (_, text) in &files {
            if let Ok(v) = shifan_rules::read_application(text, catalogs()) {
                prop_assert!(back.get(&v.file.integrity).is_some(), "a stored file is in the review");
            }
        }
        // Every application of the head is in the review or among the rejected files, by name.
        for r in s.applications() {
            let named = back.applications().iter().any(|a| a.file_name == r.file_name)
                || back.rejected.iter().any(|x| x.file_name == r.file_name);
            prop_assert!(named, "{} is kept or listed as rejected", r.file_name);
        }
    }

    #[test]
    fn a_damaged_head_never_panics_and_keeps_every_file(at in any::<Index>(), byte in any::<u8>(), cut in any::<Index>()) {
        let s = stored_session();
        let (mut head, files) = parts(&s);
        let i = at.index(head.len());
        head[i] = byte;
        head.truncate(cut.index(head.len() + 1).max(1));
        let (back, _) = read_parts(&head, &files);
        check_ranks(&back)?;
        for r in s.applications() {
            prop_assert!(back.get(r.integrity()).is_some(), "every stored file is kept");
        }
    }

}

proptest! {
    // Each case makes and verifies a sample application: fewer cases.
    #![proptest_config(ProptestConfig::with_cases(16))]

    #[test]
    fn a_file_the_head_does_not_name_joins_undecided(met in 40u32..96, seed in 100u64..200) {
        let s = stored_session();
        let (head, mut files) = parts(&s);
        let spec = SampleSpec::new("140108", met, SampleKind::Comprehensive, seed);
        let file = sample_application(Catalog::reference(), &spec).expect("a sample");
        let v = read_application(file.to_json().as_bytes(), catalogs()).expect("valid");
        let mut other = Session::new("2026-12-01".into());
        other.add("x.json".into(), v.clone());
        files.push((v.file.integrity.clone(), other.applications()[0].stored_file().into_bytes()));
        let (back, read) = read_parts(&head, &files);
        prop_assert!(read, "the head is whole");
        prop_assert_eq!(back.applications().len(), s.applications().len() + 1);
        let joined = back.get(&v.file.integrity).ok_or_else(|| TestCaseError::fail("joined"))?;
        prop_assert_eq!(joined.opinion.decision, Decision::Pending);
        prop_assert_eq!(&joined.file_name, &v.file.file_name());
    }
}

#[test]
fn a_missing_file_is_listed_with_the_problem_and_a_version_1_session_reads_as_parts() {
    let s = stored_session();
    let (head, mut files) = parts(&s);
    let gone = files.remove(0);
    let (back, read) = read_parts(&head, &files);
    assert!(read, "the head is whole");
    let name = &s.applications()[0].file_name;
    let rejected = back
        .rejected
        .iter()
        .find(|r| &r.file_name == name)
        .expect("listed as rejected");
    assert_eq!(
        rejected.problems[0].code,
        shifan_rules::Code::UnknownApplication
    );
    assert!(
        rejected.problems[0]
            .message
            .get(shifan_rules::Lang::En)
            .contains(&gone.0)
    );
    // A session stored in one record (version 1) reads the same through the parts' reader.
    let (whole, read) = read_parts(stored(), &[]);
    assert!(read, "version 1");
    assert_eq!(whole, s);
}
