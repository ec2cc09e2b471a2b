//! The records the page keeps in its store, and reading them back: what a key names, and the
//! list of drafts the start page shows, with the records that cannot be read kept beside it.
//!
//! Pure: the store ([`crate::store`]) hands over `(key, text)` pairs and this module decides
//! what they are, so the reading is tested natively and property-tested (`web/tests/record.rs`).
//! A record's text is exactly what `shifan-rules` writes (`Draft::to_json`, `Session::to_json`)
//! and is verified again by its reader (`Draft::from_json`, `Session::from_json`).

use std::rc::Rc;
use std::sync::Arc;

use shifan_rules::{Catalog, CatalogSet, Code, Draft, Problem};

/// Key prefix of drafts; the draft id follows (`draft:mbx3k2f1-7q2kd9`).
pub const DRAFT_PREFIX: &str = "draft:";
/// Key prefix of the catalogs an office loaded; the catalog's fingerprint follows
/// (`catalog:sha256:…`). The record is the catalog's JSON (`Catalog::to_json`).
pub const CATALOG_PREFIX: &str = "catalog:";
/// Key of the city review's session.
pub const REVIEW_KEY: &str = "review:session";
/// Prefix of the city review's application files, stored beside its session (one record per
/// application, under its integrity fingerprint: [`review_file_key`]).
pub const REVIEW_FILE_PREFIX: &str = "review:app:";

/// The key of the review's stored file of the application `integrity`.
pub fn review_file_key(integrity: &str) -> String {
    format!("{REVIEW_FILE_PREFIX}{integrity}")
}

/// Key where a stored review session that cannot be read is kept, before a new session takes
/// its place.
pub const REVIEW_UNREADABLE_KEY: &str = "review:unreadable";
/// Key of the province's session (`ProvinceSession::to_json`).
pub const PROVINCE_KEY: &str = "province:session";
/// Key where a stored province session that cannot be read is kept, before a new session
/// takes its place.
pub const PROVINCE_UNREADABLE_KEY: &str = "province:unreadable";
/// Key whose presence says the records of `localStorage` have been moved into the store.
pub const MIGRATED_KEY: &str = "meta:migrated";

/// The store key of a draft.
pub fn draft_key(id: &str) -> String {
    format!("{DRAFT_PREFIX}{id}")
}

/// The end of a draft id (its random part, `7q2kd9`) as the start page shows it, so that two
/// drafts of the same application can be told apart.
pub fn short_id(id: &str) -> String {
    let count = id.chars().count();
    id.chars().skip(count.saturating_sub(6)).collect()
}

/// The store key of a kept catalog.
pub fn catalog_key(fingerprint: &str) -> String {
    format!("{CATALOG_PREFIX}{fingerprint}")
}

/// A draft saved in browser storage, as listed on the start page.
#[derive(Clone, Debug, PartialEq)]
pub struct SavedDraft {
    /// The draft.
    pub draft: Draft,
    /// The catalog it answers.
    pub catalog: Arc<Catalog>,
}

/// A stored record that cannot be read: kept in the store untouched, shown on the start page
/// and offered as a download of its raw text.
#[derive(Clone, Debug, PartialEq)]
pub struct Corrupt {
    /// Its store key.
    pub key: String,
    /// Its text as stored (empty when the stored value is not text at all).
    pub raw: String,
    /// Why it cannot be read.
    pub problems: Vec<Problem>,
}

impl Corrupt {
    /// The name its raw text is downloaded under, e.g. `shifan-draft-mbx3k2f1-unreadable.txt`.
    pub fn file_name(&self) -> String {
        let stem: String = self
            .key
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        format!("shifan-{stem}-unreadable.txt")
    }
}

/// The drafts in the store, most recently changed first, and the draft records that cannot be
/// read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Listing {
    /// Readable drafts, most recently changed first.
    pub drafts: Vec<SavedDraft>,
    /// Draft and catalog records that cannot be read, in key order.
    pub corrupt: Vec<Corrupt>,
    /// The catalogs kept in the store (an office's own), each verified again when read.
    pub catalogs: Vec<Arc<Catalog>>,
    /// The drafts were read (`false` until the store answered, or when it cannot be opened).
    pub read: bool,
}

impl Listing {
    /// Reads the draft records among `records` (`(key, text)`; text `None` when the stored value
    /// is not text). Records of other kinds are ignored; every draft record ends up either in
    /// `drafts` or in `corrupt`, so nothing stored is hidden.
    pub fn read(records: Vec<(String, Option<String>)>, catalogs: &CatalogSet) -> Listing {
        let mut listing = Listing {
            read: true,
            ..Listing::default()
        };
        for (key, text) in records {
            let Some(id) = key.strip_prefix(DRAFT_PREFIX) else {
                continue;
            };
            let read = match text.as_deref() {
                Some(json) => Draft::from_json(json.as_bytes(), catalogs),
                None => Err(vec![not_text()]),
            };
            match read {
                // A record under another draft's key would be saved back under its own id and
                // be listed twice: it is shown as it is instead.
                Ok((draft, _)) if draft.id != id => listing.corrupt.push(Corrupt {
                    key,
                    raw: text.unwrap_or_default(),
                    problems: vec![wrong_key()],
                }),
                Ok((draft, catalog)) => listing.put(SavedDraft { draft, catalog }),
                Err(problems) => listing.corrupt.push(Corrupt {
                    key,
                    raw: text.unwrap_or_default(),
                    problems,
                }),
            }
        }
        listing
    }

    /// Reads the store's records: the kept catalogs first (each validated again by
    /// `Catalog::from_json`, and refused unless its fingerprint is the one its key names), then
    /// the drafts against the built-in catalogs and those.
    pub fn read_store(records: Vec<(String, Option<String>)>) -> Listing {
        let mut catalogs = Vec::new();
        let mut corrupt = Vec::new();
        for (key, text) in &records {
            let Some(fingerprint) = key.strip_prefix(CATALOG_PREFIX) else {
                continue;
            };
            let read = match text.as_deref() {
                Some(json) => Catalog::from_json(json.as_bytes()).and_then(|c| {
                    if c.fingerprint() == fingerprint {
                        Ok(c)
                    } else {
                        Err(vec![wrong_fingerprint()])
                    }
                }),
                None => Err(vec![not_text()]),
            };
            match read {
                Ok(catalog) => catalogs.push(Arc::new(catalog)),
                Err(problems) => corrupt.push(Corrupt {
                    key: key.clone(),
                    raw: text.clone().unwrap_or_default(),
                    problems,
                }),
            }
        }
        let mut listing = Listing::read(records, &catalog_set(&catalogs));
        listing.corrupt.extend(corrupt);
        listing.catalogs = catalogs;
        listing
    }

    /// The catalogs files and drafts are read against: the built-in ones and the kept ones.
    pub fn catalog_set(&self) -> CatalogSet {
        catalog_set(&self.catalogs)
    }

    /// Keeps `catalog` in the list (once per fingerprint).
    pub fn keep_catalog(&mut self, catalog: Arc<Catalog>) {
        if !self
            .catalogs
            .iter()
            .any(|c| c.fingerprint() == catalog.fingerprint())
        {
            self.catalogs.push(catalog);
        }
    }

    /// Puts `saved` in the list, in place of the draft with its id, at its place by time.
    pub fn put(&mut self, saved: SavedDraft) {
        self.drafts.retain(|d| d.draft.id != saved.draft.id);
        // Each draft goes in at its place (a county keeps a handful): this costs the page's
        // download far less than a sort of these records.
        let at = self
            .drafts
            .partition_point(|d| d.draft.updated >= saved.draft.updated);
        self.drafts.insert(at, saved);
    }

    /// Takes the draft or corrupt record stored under `key` off the list.
    pub fn remove(&mut self, key: &str) {
        self.drafts.retain(|d| draft_key(&d.draft.id) != key);
        self.corrupt.retain(|c| c.key != key);
    }
}

fn catalog_set(kept: &[Arc<Catalog>]) -> CatalogSet {
    let mut set = CatalogSet::builtin();
    for catalog in kept {
        set.add(Catalog::clone(catalog));
    }
    set
}

fn wrong_fingerprint() -> Problem {
    Problem::new(
        Code::InvalidCatalog,
        "存储的指标目录与其存储键的指纹不符。",
        "The stored catalog's fingerprint does not match its storage key.",
    )
}

fn not_text() -> Problem {
    Problem::new(
        Code::NotUtf8,
        "存储的记录不是文本。",
        "The stored record is not text.",
    )
}

fn wrong_key() -> Problem {
    Problem::new(
        Code::NotApplication,
        "存储的草稿与其存储键的编号不符。",
        "The stored draft's id does not match its storage key.",
    )
}

/// What a tab has open and saves, for the guard against the same record open in two tabs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Watched {
    /// The name tabs announce: a draft's id, or a name no id can have for the review.
    pub name: String,
    /// The store key its autosave writes.
    pub key: String,
}

/// Key prefix of annual reports; the government's division code and the year follow
/// (`annual:140105-2025`): one report per government and year, so a second start of the same
/// report opens the saved one instead of a copy nobody can tell apart.
pub const ANNUAL_PREFIX: &str = "annual:";

/// The store key of the annual report of `division_code` on `year`.
pub fn annual_key(division_code: &str, year: u16) -> String {
    format!("{ANNUAL_PREFIX}{division_code}-{year}")
}

/// The annual reports in the store, most recently written first, and the records under the
/// prefix that cannot be read. A record's text is the sealed report file
/// (`AnnualReport::to_json`), verified again when read (`annual::read_report`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AnnualListing {
    /// Readable reports, most recently written first.
    pub reports: Vec<shifan_rules::annual::AnnualReport>,
    /// Records that cannot be read, in key order.
    pub corrupt: Vec<Corrupt>,
}

impl AnnualListing {
    /// Reads the `annual:` records among `records` (others are ignored): each ends up either
    /// among the reports or among the corrupt records, so nothing stored is hidden. A report
    /// under another report's key is corrupt: it would be saved back under its own.
    pub fn read(records: Vec<(String, Option<String>)>) -> AnnualListing {
        let mut listing = AnnualListing::default();
        for (key, text) in records {
            if !key.starts_with(ANNUAL_PREFIX) || key.starts_with(NAMED_PREFIX) {
                continue;
            }
            let read = match text.as_deref() {
                Some(json) => shifan_rules::annual::read_report(json.as_bytes()),
                None => Err(vec![not_text()]),
            };
            match read {
                Ok(verified)
                    if annual_key(
                        &verified.report.government.division_code,
                        verified.report.year,
                    ) != key =>
                {
                    listing.corrupt.push(Corrupt {
                        key,
                        raw: text.unwrap_or_default(),
                        problems: vec![wrong_report_key()],
                    })
                }
                Ok(verified) => listing.put(verified.report),
                Err(problems) => listing.corrupt.push(Corrupt {
                    key,
                    raw: text.unwrap_or_default(),
                    problems,
                }),
            }
        }
        listing
    }

    /// Puts `report` in the list, in place of the one under its key, at its place by time.
    pub fn put(&mut self, report: shifan_rules::annual::AnnualReport) {
        let key = annual_key(&report.government.division_code, report.year);
        self.reports
            .retain(|r| annual_key(&r.government.division_code, r.year) != key);
        let at = self
            .reports
            .partition_point(|r| r.updated >= report.updated);
        self.reports.insert(at, report);
    }

    /// The report stored under `key`.
    pub fn get(&self, key: &str) -> Option<&shifan_rules::annual::AnnualReport> {
        self.reports
            .iter()
            .find(|r| annual_key(&r.government.division_code, r.year) == key)
    }
}

/// Key prefix of the registers a government keeps to know it is a named place (under the
/// annual reports' prefix, so the page reads both at once); the government's division code and
/// the register's round follow (`annual:named:140181-shanxi-2020-1`). A later register of the
/// same round replaces it only if it extends it.
pub const NAMED_PREFIX: &str = "annual:named:";

/// The store key of the register of `round_id` kept by the government `division_code`.
pub fn named_key(division_code: &str, round_id: &str) -> String {
    format!("{NAMED_PREFIX}{division_code}-{round_id}")
}

/// A register kept by a named place, with its own entries in it.
#[derive(Clone, Debug, PartialEq)]
pub struct KeptRegister {
    /// Its store key.
    pub key: String,
    /// The government that keeps it.
    pub division_code: String,
    /// The register, as verified.
    pub register: Rc<shifan_rules::register::Register>,
    /// The government's own entries in it.
    pub namings: Vec<shifan_rules::supervision::OwnNaming>,
}

impl KeptRegister {
    /// `verified` as kept by `division_code`: `None` when it names that government nowhere.
    pub fn of(
        verified: &shifan_rules::register::VerifiedRegister,
        division_code: &str,
    ) -> Option<KeptRegister> {
        let namings = shifan_rules::supervision::own_namings(verified, division_code);
        (!namings.is_empty()).then(|| KeptRegister {
            key: named_key(division_code, &verified.register.round.id),
            division_code: division_code.to_string(),
            register: Rc::new(verified.register.clone()),
            namings,
        })
    }
}

/// The registers kept in the store (`annual:named:` records), in key order, and the records
/// under the prefix that cannot be read (a register that fails verification, or names the
/// government of its key nowhere), so nothing stored is hidden.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NamedListing {
    /// Readable registers, in key order.
    pub kept: Vec<KeptRegister>,
    /// Records that cannot be read, in key order.
    pub corrupt: Vec<Corrupt>,
}

impl NamedListing {
    /// Reads the `annual:named:` records among `records` (others are ignored).
    pub fn read(records: Vec<(String, Option<String>)>) -> NamedListing {
        let mut listing = NamedListing::default();
        let mut records: Vec<_> = records
            .into_iter()
            .filter(|(key, _)| key.starts_with(NAMED_PREFIX))
            .collect();
        records.sort_by(|a, b| a.0.cmp(&b.0));
        for (key, text) in records {
            let read = match text.as_deref() {
                Some(json) => shifan_rules::register::read_register(json.as_bytes()),
                None => Err(vec![not_text()]),
            };
            let kept = read.and_then(|verified| {
                // The key names the government; its round must be the register's.
                let code = key[NAMED_PREFIX.len()..].split('-').next().unwrap_or("");
                KeptRegister::of(&verified, code)
                    .filter(|k| k.key == key)
                    .ok_or_else(|| vec![wrong_named_key()])
            });
            match kept {
                Ok(kept) => listing.kept.push(kept),
                Err(problems) => listing.corrupt.push(Corrupt {
                    key,
                    raw: text.unwrap_or_default(),
                    problems,
                }),
            }
        }
        listing
    }

    /// Puts `kept` in the list, in place of the one under its key.
    pub fn put(&mut self, kept: KeptRegister) {
        match self.kept.iter_mut().find(|k| k.key == kept.key) {
            Some(old) => *old = kept,
            None => {
                let at = self.kept.partition_point(|k| k.key < kept.key);
                self.kept.insert(at, kept);
            }
        }
    }

    /// The register kept under `key`.
    pub fn get(&self, key: &str) -> Option<&KeptRegister> {
        self.kept.iter().find(|k| k.key == key)
    }
}

fn wrong_named_key() -> Problem {
    Problem::new(
        Code::InvalidRegister,
        "存储的命名名册没有以其存储键所指的单位或轮次命名任何对象。",
        "The stored register names nobody of the government or round its storage key gives.",
    )
}

fn wrong_report_key() -> Problem {
    Problem::new(
        Code::NotApplication,
        "存储的年度报告与其存储键的单位或年度不符。",
        "The stored annual report's government or year does not match its storage key.",
    )
}
