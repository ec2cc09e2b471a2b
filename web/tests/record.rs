//! The reader of the store's records, property-tested natively: whatever a store holds, reading
//! it never panics and hides nothing — every draft record is listed, readable or as corrupt with
//! its raw text — and a draft written is read back as it was.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use shifan_rules::{CatalogSet, Draft};
use shifan_web::record::{DRAFT_PREFIX, Listing, draft_key};

fn valid(id: &str, updated: &str) -> String {
    let catalog = CatalogSet::builtin().iter().next().cloned().unwrap();
    let mut draft = Draft::new(id.to_string(), &catalog, updated.to_string());
    draft.division_code = "140105".to_string();
    draft.to_json()
}

/// One stored record: a valid draft, a mutated one, random text, a value that is not text, or
/// a record of another kind.
fn record() -> impl Strategy<Value = (String, Option<String>)> {
    let id = "[a-z0-9]{1,8}-[a-z0-9]{1,6}";
    prop_oneof![
        id.prop_map(|id| (draft_key(&id), Some(valid(&id, "2026-12-02T08:00:00.000Z")))),
        (id, any::<usize>(), any::<u8>()).prop_map(|(id, at, byte)| {
            let mut bytes = valid(&id, "2026-12-02T08:00:00.000Z").into_bytes();
            let at = at % bytes.len();
            bytes[at] = byte;
            (
                draft_key(&id),
                Some(String::from_utf8_lossy(&bytes).into_owned()),
            )
        }),
        (id, ".*").prop_map(|(id, text)| (draft_key(&id), Some(text))),
        id.prop_map(|id| (draft_key(&id), None)),
        (".*", ".*").prop_map(|(key, text)| (key, Some(text))),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_draft_record_is_listed_readable_or_corrupt(
        records in proptest::collection::vec(record(), 0..6)
    ) {
        // Keys are unique in a store.
        let mut seen = std::collections::BTreeSet::new();
        let records: Vec<_> = records.into_iter().filter(|(k, _)| seen.insert(k.clone())).collect();
        let drafts = records.iter().filter(|(k, _)| k.starts_with(DRAFT_PREFIX)).count();
        let listing = Listing::read(records.clone(), &CatalogSet::builtin());
        prop_assert!(listing.read);
        prop_assert_eq!(listing.drafts.len() + listing.corrupt.len(), drafts);
        for corrupt in &listing.corrupt {
            let stored = records.iter().find(|(k, _)| *k == corrupt.key).unwrap();
            prop_assert_eq!(&corrupt.raw, stored.1.as_deref().unwrap_or(""));
            prop_assert!(!corrupt.problems.is_empty());
            prop_assert!(corrupt.file_name().ends_with("-unreadable.txt"));
        }
        for saved in &listing.drafts {
            prop_assert!(records.iter().any(|(k, _)| *k == draft_key(&saved.draft.id)));
        }
        // Newest first.
        prop_assert!(listing.drafts.windows(2).all(|w| w[0].draft.updated >= w[1].draft.updated));
    }

    #[test]
    fn a_written_draft_is_read_back_as_it_was(id in "[a-z0-9]{1,8}-[a-z0-9]{1,6}", minute in 0u8..60) {
        let updated = format!("2026-12-02T08:{minute:02}:00.000Z");
        let text = valid(&id, &updated);
        let listing = Listing::read(vec![(draft_key(&id), Some(text.clone()))], &CatalogSet::builtin());
        prop_assert!(listing.corrupt.is_empty());
        prop_assert_eq!(listing.drafts.len(), 1);
        prop_assert_eq!(listing.drafts[0].draft.to_json(), text);
    }
}
