//! Property tests of the readers of outside data: random bytes never panic any reader; a valid
//! file mutated byte by byte, cut short or edited as JSON never panics and verifies only when
//! its meaning is unchanged; generated samples round-trip byte for byte.

// Reads the file system and uses proptest: native only.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::Value;
use shifan_rules::catalog::applicable_count;
use shifan_rules::import::{TableMeta, import_csv};
use shifan_rules::package::read_package;
use shifan_rules::sample::{SampleKind, SampleSpec, sample_application};
use shifan_rules::{Catalog, CatalogSet, Code, Draft, Status, division, read_application};
use std::sync::OnceLock;

const CASES: u32 = 256;

/// A valid comprehensive file (bytes as written, and its JSON value).
fn valid() -> &'static (Vec<u8>, Value) {
    static VALID: OnceLock<(Vec<u8>, Value)> = OnceLock::new();
    VALID.get_or_init(|| {
        let spec = SampleSpec::new("140105", 88, SampleKind::Comprehensive, 42);
        let file = sample_application(Catalog::reference(), &spec).expect("a valid sample");
        let bytes = file.to_json().into_bytes();
        let value = serde_json::from_slice(&bytes).expect("JSON");
        (bytes, value)
    })
}

fn catalogs() -> &'static CatalogSet {
    static SET: OnceLock<CatalogSet> = OnceLock::new();
    SET.get_or_init(CatalogSet::builtin)
}

/// The property every mutation must keep: reading never panics (the call returns), and the
/// result verifies exactly when the bytes still mean the original file.
fn check(bytes: &[u8]) -> Result<(), TestCaseError> {
    let (_, original) = valid();
    let same_meaning = serde_json::from_slice::<Value>(bytes).is_ok_and(|v| v == *original);
    match read_application(bytes, catalogs()) {
        Ok(verified) => {
            prop_assert!(same_meaning, "a changed file verified");
            prop_assert_eq!(&verified.file.to_value(), original);
        }
        Err(problems) => {
            prop_assert!(!same_meaning, "an unchanged file failed: {:?}", problems);
            prop_assert!(!problems.is_empty());
        }
    }
    Ok(())
}

/// JSON pointers to every value in `value` that satisfies `pick`, in document order.
fn pointers(value: &Value, pick: &dyn Fn(&Value) -> bool) -> Vec<String> {
    fn walk(value: &Value, at: String, pick: &dyn Fn(&Value) -> bool, out: &mut Vec<String>) {
        if pick(value) {
            out.push(at.clone());
        }
        match value {
            Value::Object(map) => {
                for (k, v) in map {
                    let key = k.replace('~', "~0").replace('/', "~1");
                    walk(v, format!("{at}/{key}"), pick, out);
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    walk(v, format!("{at}/{i}"), pick, out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(value, String::new(), pick, &mut out);
    out
}

fn write(value: &Value) -> Vec<u8> {
    shifan_rules::canonical::to_pretty(value).into_bytes()
}

/// Bytes that look a little like JSON, so the parser gets past the first character.
fn jsonish() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(
        prop::sample::select(b"{}[]\",:0123456789.-eE truefalsnu\\\n\xe4\xb8\xad".to_vec()),
        0..400,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn random_bytes_never_panic_a_reader(
        bytes in prop_oneof![prop::collection::vec(any::<u8>(), 0..2048), jsonish()]
    ) {
        let set = catalogs();
        prop_assert!(read_application(&bytes, set).is_err());
        let _ = Draft::from_json(&bytes, set);
        let _ = Catalog::from_json(&bytes);
        let _ = import_csv(&bytes, TableMeta::of(Catalog::reference()));
        prop_assert!(read_package(&bytes, set).is_err());
        prop_assert!(shifan_rules::document::read_document(&bytes, set).is_err());
    }

    #[test]
    fn a_valid_prefix_with_garbage_never_panics(cut in any::<Index>(), tail in prop::collection::vec(any::<u8>(), 0..64)) {
        let (bytes, _) = valid();
        let mut mutated = bytes[..cut.index(bytes.len())].to_vec();
        mutated.extend(tail);
        check(&mutated)?;
        let _ = Draft::from_json(&mutated, catalogs());
        let _ = Catalog::from_json(&mutated);
    }

    #[test]
    fn single_byte_mutations_are_caught(at in any::<Index>(), byte in any::<u8>()) {
        let (bytes, _) = valid();
        let mut mutated = bytes.clone();
        mutated[at.index(bytes.len())] = byte;
        check(&mutated)?;
    }

    #[test]
    fn truncations_are_caught(len in any::<Index>()) {
        let (bytes, _) = valid();
        check(&bytes[..len.index(bytes.len())])?;
    }

    #[test]
    fn changed_numbers_are_caught(which in any::<Index>(), delta in 1u64..1000, wild in any::<bool>()) {
        let (_, original) = valid();
        let numbers = pointers(original, &|v| v.is_number());
        let mut value = original.clone();
        let target = value.pointer_mut(&numbers[which.index(numbers.len())]).expect("a number");
        let old = target.as_u64().expect("whole numbers only");
        *target = Value::from(if wild { old.wrapping_mul(delta).wrapping_add(u64::MAX / 2) } else { old + delta });
        check(&write(&value))?;
    }

    #[test]
    fn any_key_written_twice_is_refused_with_its_own_code_and_line(which in any::<Index>()) {
        // A member line with a plain value (`"key": value` with or without its comma), copied
        // above itself: still JSON, and a parser alone would keep the last one.
        let (bytes, _) = valid();
        let text = std::str::from_utf8(bytes).expect("UTF-8");
        let lines: Vec<&str> = text.lines().collect();
        let members: Vec<usize> = (0..lines.len())
            .filter(|&i| {
                let line = lines[i].trim_start();
                line.starts_with('"') && line.contains("\": ") && !line.ends_with(['{', '['])
            })
            .collect();
        let at = members[which.index(members.len())];
        let mut edited: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        let copy = lines[at].trim_end_matches(',').to_string() + ",";
        edited.insert(at, copy);
        let problems = read_application(edited.join("\n").as_bytes(), catalogs()).unwrap_err();
        prop_assert_eq!(problems[0].code, Code::DuplicateKey);
        prop_assert_eq!(problems[0].at.line, Some(at as u64 + 2));
    }

    #[test]
    fn deleted_keys_are_caught(which in any::<Index>()) {
        let (_, original) = valid();
        let keys: Vec<String> = pointers(original, &|_| true).into_iter().filter(|p| !p.is_empty()).collect();
        let mut value = original.clone();
        let pointer = &keys[which.index(keys.len())];
        let (parent, key) = pointer.rsplit_once('/').expect("a parent");
        match value.pointer_mut(parent).expect("the parent") {
            Value::Object(map) => { map.remove(key); }
            Value::Array(items) => { items.remove(key.parse::<usize>().expect("an index")); }
            _ => unreachable!("parents are containers"),
        }
        prop_assert_ne!(&value, original);
        check(&write(&value))?;
    }

    #[test]
    fn any_text_in_any_string_is_caught(which in any::<Index>(), text in "\\PC{0,12}") {
        let (_, original) = valid();
        let strings = pointers(original, &Value::is_string);
        let mut value = original.clone();
        let pointer = &strings[which.index(strings.len())];
        *value.pointer_mut(pointer).expect("the string") = Value::from(text);
        check(&write(&value))?;
    }

    #[test]
    fn any_time_of_day_is_caught(field in prop::sample::select(vec!["created", "updated"]), text in "\\PC{0,12}") {
        let (_, original) = valid();
        let mut value = original.clone();
        // A valid date and a `T` take any character on to the time-of-day checks.
        value[field] = Value::from(format!("2026-11-24T{text}"));
        check(&write(&value))?;
    }

    #[test]
    fn swapped_statuses_are_caught(which in any::<Index>(), status in prop::sample::select(Status::ALL.to_vec())) {
        let (_, original) = valid();
        let mut value = original.clone();
        let answers = value["answers"].as_array_mut().expect("answers");
        let i = which.index(answers.len());
        answers[i]["status"] = Value::from(status.as_str());
        // Swapping a status for itself is the one mutation that keeps the meaning.
        prop_assert_eq!(&value == original, original["answers"][i]["status"] == status.as_str());
        check(&write(&value))?;
    }

    #[test]
    fn samples_round_trip_with_exactly_their_met(
        county in any::<Index>(),
        met_pick in any::<u32>(),
        seed in any::<u64>(),
        category in prop::option::of(any::<Index>()),
    ) {
        let catalog = Catalog::reference();
        let codes: Vec<String> = division::all()
            .iter()
            .filter(|d| d.code != division::PROVINCE_CODE)
            .map(|d| d.code_str())
            .collect();
        let code = &codes[county.index(codes.len())];
        let level = division::lookup(code).expect("a live code").level;
        let met = met_pick % (applicable_count(catalog, level) as u32 + 1);
        let categories = &catalog.data().single_item_categories;
        let kind = match category {
            None => SampleKind::Comprehensive,
            Some(i) => SampleKind::SingleItem(categories[i.index(categories.len())].id.clone()),
        };
        let spec = SampleSpec::new(code, met, kind, seed);
        let written = sample_application(catalog, &spec).expect("met ≤ applicable").to_json();
        let verified = read_application(written.as_bytes(), catalogs()).expect("a sample verifies");
        prop_assert_eq!(verified.score.total.met, met);
        prop_assert!(verified.warnings.is_empty());
        prop_assert_eq!(verified.file.to_json(), written);
    }
}
