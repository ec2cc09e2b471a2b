//! The city office's review session (初审工作记录): the applications opened for the preliminary
//! review, the office's opinion on each, the files that could not be used, and the rules of
//! editing the opinions — whatever is decided, opened, removed or restored, the recommended
//! applications of the city carry the ranks 1..k and nothing else carries a rank — and the
//! rules never drop what the office recorded: an application recommended while its city was
//! chosen keeps its recommendation and rank *held* while another city is chosen (it cannot be
//! recommended there) and gets them back with its city; decisions and comments stay as they are.
//!
//! The web app keeps a session in browser storage between visits. The stored form is compact
//! canonical JSON:
//!
//! ```text
//! { "format": "shifan.review-session", "format_version": 1,
//!   "city": "140100" | null, "reviewer": { "name", "office" }, "date": "YYYY-MM-DD",
//!   "applications": [ { "file_name", "opinion": { "decision", "rank", "comment" },
//!                       "order": n (the place among every recommendation, held ones too),
//!                       "application": { …the application file, unchanged… } } ],
//!   "rejected": [ { "file_name", "problems": [ … ] } ] }
//! ```
//!
//! The page stores a session in parts (format version 2): the same record with each entry's
//! `"application"` the application's integrity fingerprint (`"sha256:…"`), its file stored on its
//! own ([`Session::head_json`], [`Reviewed::stored_file`], read back by [`Session::from_parts`]).
//! A change to an opinion then rewrites a record of a few hundred bytes per application, and a
//! file is written once, when it is opened.
//!
//! Reading a stored session verifies every application in it again, exactly as an opened file
//! is verified; one that no longer verifies is listed among the rejected files with its
//! problems, never dropped silently. A session is sealed for the province with
//! [`Session::package`], which covers the applications of the reviewing city.

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::application::{Generator, Verified, verify_value};
use crate::canonical;
use crate::catalog::CatalogSet;
use crate::division;
use crate::input::{check_format, parse_json};
use crate::package::{Decision, Package, Review, Reviewer, VerifiedPackage};
use crate::problem::Lang;
use crate::problem::{Code, Problem};
use crate::review::{
    ComparisonRow, ExportRow, Table, city_code_of, duplicate_pairs, export_stem, export_table,
    infer_city, outside_city_problem,
};

/// The `format` value of a stored review session.
pub const SESSION_FORMAT_ID: &str = "shifan.review-session";
/// The session format version this build writes and the newest it reads.
pub const SESSION_FORMAT_VERSION: u32 = 1;
/// The format version of a session stored in parts ([`Session::head_json`]); its reader,
/// [`Session::from_parts`], reads version 1 too.
pub const SESSION_PARTS_VERSION: u32 = 2;
/// The largest stored session accepted, checked before parsing.
pub const MAX_SESSION_BYTES: usize = 64 * 1024 * 1024;

/// The office's opinion on one application, as edited.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Opinion {
    /// Recommend, do not recommend, or not decided yet.
    pub decision: Decision,
    /// Rank among the recommended applications (1 is best); `None` unless recommended.
    pub rank: Option<u32>,
    /// The reviewer's comments.
    pub comment: String,
}

/// One application under review.
#[derive(Clone, Debug)]
pub struct Reviewed {
    /// The name of the file it was opened from.
    pub file_name: String,
    /// The verified application.
    pub verified: Arc<Verified>,
    /// The office's opinion, as it is in effect.
    pub opinion: Opinion,
    /// The place of its recommendation among every recommendation of the session, held ones
    /// included (1..m); the rank in effect is the place among those in effect.
    order: Option<u32>,
}

impl Reviewed {
    /// The place of the office's recommendation held while the application is outside the
    /// chosen city (it comes back with its city, in that place), if one is held.
    pub fn held_recommendation(&self) -> Option<u32> {
        self.order
            .filter(|_| self.opinion.decision != Decision::Recommend)
    }

    /// The application's integrity fingerprint, which names it in the session and the package.
    pub fn integrity(&self) -> &str {
        &self.verified.file.integrity
    }
}

impl Reviewed {
    /// The application's file as a session stored in parts keeps it beside its head
    /// ([`Session::head_json`]): compact canonical JSON, the file as written (without its
    /// indentation), read back by [`Session::from_parts`].
    pub fn stored_file(&self) -> String {
        canonical::to_compact(&self.verified.file.to_value())
    }
}

impl PartialEq for Reviewed {
    fn eq(&self, other: &Self) -> bool {
        self.file_name == other.file_name
            && self.opinion == other.opinion
            && self.order == other.order
            && (Arc::ptr_eq(&self.verified, &other.verified)
                || self.integrity() == other.integrity())
    }
}

/// A file that could not be used, with why. No problems means the browser could not read it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rejected {
    /// The file's name.
    pub file_name: String,
    /// What is wrong with it.
    pub problems: Vec<Problem>,
}

/// A review session.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Session {
    city: Option<u32>,
    /// Who reviews.
    pub reviewer: Reviewer,
    /// Review date, `YYYY-MM-DD`.
    pub date: String,
    applications: Vec<Reviewed>,
    /// Files that could not be used, in the order they were opened.
    pub rejected: Vec<Rejected>,
}

/// The stored form of a session.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Record {
    format: String,
    format_version: u32,
    city: Option<String>,
    reviewer: Reviewer,
    date: String,
    applications: Vec<EntryRecord>,
    rejected: Vec<Value>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryRecord {
    file_name: String,
    opinion: Opinion,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    order: Option<u32>,
    application: Value,
}

/// The stored record of a session, read from parsed JSON.
fn read_record(value: &Value) -> Result<Record, Vec<Problem>> {
    crate::json::from_value(value).map_err(|e| {
        vec![Problem::new(
            Code::NotApplication,
            format!("初审工作记录已损坏：{}。", e.zh()),
            format!("the review session record is damaged: {}", e.en()),
        )]
    })
}

/// A stored file as read: verified, or why not.
type FileRead = Result<Verified, Vec<Problem>>;

/// The application files of a session stored in parts, read and verified, until the head's
/// entries take theirs; what is left joins the session.
struct StoredFiles {
    /// Each file by the fingerprint that names it (its own when it verified, else the one it
    /// was stored under), in the order given.
    files: Vec<(String, Option<FileRead>)>,
    /// Where each fingerprint is in `files`.
    index: std::collections::HashMap<String, usize>,
}

impl StoredFiles {
    fn read(files: &[(&str, &[u8])], catalogs: &CatalogSet) -> StoredFiles {
        let mut out = StoredFiles {
            files: Vec::with_capacity(files.len()),
            index: std::collections::HashMap::with_capacity(files.len()),
        };
        for (under, text) in files {
            let read = crate::application::read_application(text, catalogs);
            let name = match &read {
                Ok(v) => v.file.integrity.clone(),
                Err(_) => (*under).to_string(),
            };
            if !out.index.contains_key(&name) {
                out.index.insert(name.clone(), out.files.len());
                out.files.push((name, Some(read)));
            }
        }
        out
    }

    /// The file of the application `integrity`, taken out; a missing one is a problem.
    fn take(&mut self, integrity: &str) -> FileRead {
        self.index
            .get(integrity)
            .and_then(|&i| self.files[i].1.take())
            .unwrap_or_else(|| {
                Err(vec![Problem::new(
                    Code::UnknownApplication,
                    format!("初审工作记录中的申报文件（{integrity}）没有保存下来，请重新打开该文件。"),
                    format!("the review session names an application file ({integrity}) that is not stored; open that file again"),
                )])
            })
    }

    /// The files no entry took: those that verify join `session` undecided, under their export
    /// name; the others are listed among its rejected files under the name they were stored by.
    fn join(self, session: &mut Session) {
        for (name, read) in self.files {
            match read {
                Some(Ok(verified)) => {
                    session.add(verified.file.file_name(), verified);
                }
                Some(Err(problems)) => session.reject(name, problems),
                None => {}
            }
        }
    }
}

/// An application taken out of a review by [`Session::remove`], with everything recorded on
/// it, so that [`Session::restore`] can put it back as it was.
#[derive(Clone, Debug, PartialEq)]
pub struct Removed {
    /// Where it was in the order opened.
    pub index: usize,
    /// The application with its opinion.
    pub reviewed: Reviewed,
}

/// The prefecture-level city with this code, if it is one.
fn city(code: u32) -> Option<u32> {
    division::get(code)
        .filter(|d| d.parent == division::PROVINCE_CODE)
        .map(|d| d.code)
}

impl Session {
    /// An empty session reviewed on `date` (`YYYY-MM-DD`).
    pub fn new(date: String) -> Session {
        Session {
            date,
            ..Session::default()
        }
    }

    /// The reviewing city's code, once chosen or inferred.
    pub fn city(&self) -> Option<u32> {
        self.city
    }

    /// The applications under review, in the order they were opened.
    pub fn applications(&self) -> &[Reviewed] {
        &self.applications
    }

    /// The application with this integrity fingerprint.
    pub fn get(&self, integrity: &str) -> Option<&Reviewed> {
        self.applications
            .iter()
            .find(|r| r.integrity() == integrity)
    }

    /// The export table ([`export_table`]) of `rows` (as the office sees them, sorted and
    /// filtered) with the flags and the office's opinion on each: decision, rank among the
    /// recommended, and comment; named after the city and the review date.
    pub fn table(&self, rows: &[ComparisonRow], area_titles: &[&str], lang: Lang) -> Table {
        let files: Vec<&crate::ApplicationFile> =
            self.applications.iter().map(|r| &r.verified.file).collect();
        let mut duplicate = vec![false; files.len()];
        for (i, j) in duplicate_pairs(&files) {
            duplicate[i] = true;
            duplicate[j] = true;
        }
        let export: Vec<ExportRow<'_>> = rows
            .iter()
            .map(|row| {
                let at = self.position(&row.integrity);
                let reviewed = at.map(|i| &self.applications[i]);
                ExportRow {
                    file: reviewed.map_or("", |r| r.file_name.as_str()),
                    row,
                    outside: reviewed.is_some_and(|r| self.outside_problem(r).is_some()),
                    duplicate: at.is_some_and(|i| duplicate[i]),
                    warnings: reviewed.is_some_and(|r| !r.verified.warnings.is_empty()),
                    opinion: Some(reviewed.map_or((Decision::Pending, None, ""), |r| {
                        (
                            r.opinion.decision,
                            r.opinion.rank,
                            r.opinion.comment.as_str(),
                        )
                    })),
                }
            })
            .collect();
        let city = self.city.and_then(division::get).map(|d| d.name.as_str());
        export_table(
            &export,
            area_titles,
            lang,
            export_stem(city, &self.date, lang),
        )
    }

    fn position(&self, integrity: &str) -> Option<usize> {
        self.applications
            .iter()
            .position(|r| r.integrity() == integrity)
    }

    /// Why an application is not for this city's review, if it is not (no city chosen: none is).
    pub fn outside_problem(&self, reviewed: &Reviewed) -> Option<Problem> {
        self.city
            .and_then(|c| outside_city_problem(&reviewed.verified.file, c))
    }

    fn is_outside(&self, reviewed: &Reviewed) -> bool {
        self.city
            .is_some_and(|c| city_code_of(&reviewed.verified.file) != Some(c))
    }

    /// Chooses the reviewing city (`None`, or a code that is not a prefecture-level city,
    /// clears it). A recommendation of an application outside it is held, with its rank, and
    /// comes back when its city is chosen again; nothing recorded is dropped.
    pub fn set_city(&mut self, code: Option<u32>) {
        self.city = code.and_then(city);
        self.settle();
    }

    /// Chooses the city most of the applications come from, when none is chosen yet; says
    /// whether it did.
    pub fn infer_city(&mut self) -> bool {
        if self.city.is_some() {
            return false;
        }
        let inferred = infer_city(self.applications.iter().map(|r| &r.verified.file));
        self.set_city(inferred);
        self.city.is_some()
    }

    /// Adds a verified application, not yet decided; `false` when the same application (same
    /// integrity fingerprint) is already open. A rejection of a file with the same name is
    /// forgotten: the file was fixed.
    pub fn add(&mut self, file_name: String, verified: Verified) -> bool {
        if self.position(&verified.file.integrity).is_some() {
            return false;
        }
        self.rejected.retain(|r| r.file_name != file_name);
        self.applications.push(Reviewed {
            file_name,
            verified: Arc::new(verified),
            opinion: Opinion::default(),
            order: None,
        });
        true
    }

    /// Opens a recommendation package: its applications are added (those already open are
    /// kept) and its decisions restored. Into an empty session it also brings its city,
    /// reviewer and date; otherwise it brings its city only when none is chosen. Returns how
    /// many applications were new.
    pub fn add_package(&mut self, file_name: &str, package: VerifiedPackage) -> usize {
        let VerifiedPackage {
            package,
            applications,
            ..
        } = package;
        let fresh = self.applications.is_empty();
        if fresh || self.city.is_none() {
            self.city = package.city.division_code.parse().ok().and_then(city);
        }
        if fresh {
            self.reviewer = package.reviewer.clone();
            self.date = package.date.clone();
        }
        self.rejected.retain(|r| r.file_name != file_name);
        let mut added = 0;
        for verified in applications {
            let opinion = package
                .decisions
                .iter()
                .find(|d| d.application == verified.file.integrity)
                .map(|d| Opinion {
                    decision: d.decision,
                    rank: d.rank,
                    comment: d.comment.clone(),
                })
                .unwrap_or_default();
            match self.position(&verified.file.integrity) {
                Some(i) => {
                    self.applications[i].order = opinion.rank;
                    self.applications[i].opinion = opinion;
                }
                None => {
                    let name = format!("{file_name} · {}", verified.file.file_name());
                    self.applications.push(Reviewed {
                        file_name: name,
                        verified: Arc::new(verified),
                        order: opinion.rank,
                        opinion,
                    });
                    added += 1;
                }
            }
        }
        self.settle();
        added
    }

    /// Lists a file that could not be used (replacing an earlier rejection of the same name).
    pub fn reject(&mut self, file_name: String, problems: Vec<Problem>) {
        self.rejected.retain(|r| r.file_name != file_name);
        self.rejected.push(Rejected {
            file_name,
            problems,
        });
    }

    /// Removes an application from the review; the ranks close up. Returns what was removed,
    /// opinion included, for [`Session::restore`] (an undo), or `None` when it is not open.
    pub fn remove(&mut self, integrity: &str) -> Option<Removed> {
        let index = self.position(integrity)?;
        let reviewed = self.applications.remove(index);
        self.settle();
        Some(Removed { index, reviewed })
    }

    /// Puts a removed application back where it was, with its decision, rank and comment: a
    /// recommendation takes its old rank again and the ones from there on move down. Returns
    /// `false` (and changes nothing) when the same application is open again meanwhile.
    pub fn restore(&mut self, removed: Removed) -> bool {
        if self.position(removed.reviewed.integrity()).is_some() {
            return false;
        }
        if let Some(place) = removed.reviewed.order {
            for r in &mut self.applications {
                if let Some(other) = r.order.as_mut().filter(|other| **other >= place) {
                    *other = other.saturating_add(1);
                }
            }
        }
        let index = removed.index.min(self.applications.len());
        self.applications.insert(index, removed.reviewed);
        self.settle();
        true
    }

    /// Sets the decision on an application. A new recommendation ranks last; leaving
    /// "recommend" gives up the rank and the ones below move up. An application from outside
    /// the city cannot be recommended. Returns whether anything changed.
    pub fn set_decision(&mut self, integrity: &str, decision: Decision) -> bool {
        let Some(i) = self.position(integrity) else {
            return false;
        };
        if decision == Decision::Recommend && self.is_outside(&self.applications[i]) {
            return false;
        }
        let opinion = &mut self.applications[i].opinion;
        if opinion.decision == decision {
            return false;
        }
        opinion.decision = decision;
        opinion.rank = (decision == Decision::Recommend).then_some(u32::MAX);
        // A new decision replaces a recommendation held for the city; a new recommendation
        // comes last.
        self.applications[i].order = None;
        self.settle();
        true
    }

    /// Moves a recommended application one place up (towards rank 1) or down, swapping with
    /// its neighbour. Returns whether it moved.
    pub fn move_rank(&mut self, integrity: &str, up: bool) -> bool {
        let Some(i) = self.position(integrity) else {
            return false;
        };
        let Some(rank) = self.applications[i].opinion.rank else {
            return false;
        };
        let target = if up {
            rank.checked_sub(1)
        } else {
            rank.checked_add(1)
        };
        let Some(j) = target.and_then(|t| {
            self.applications
                .iter()
                .position(|r| r.opinion.rank == Some(t))
        }) else {
            return false;
        };
        let other = self.applications[j].opinion.rank;
        self.applications[j].opinion.rank = Some(rank);
        self.applications[i].opinion.rank = other;
        // The places among every recommendation swap too (held ones between stay put).
        let (a, b) = (self.applications[i].order, self.applications[j].order);
        self.applications[i].order = b;
        self.applications[j].order = a;
        true
    }

    /// Replaces the comments on an application. Returns whether anything changed.
    pub fn set_comment(&mut self, integrity: &str, comment: &str) -> bool {
        match self.position(integrity) {
            Some(i) if self.applications[i].opinion.comment != comment => {
                self.applications[i].opinion.comment = comment.to_string();
                true
            }
            _ => false,
        }
    }

    /// How many applications are recommended.
    pub fn recommended(&self) -> usize {
        self.applications
            .iter()
            .filter(|r| r.opinion.decision == Decision::Recommend)
            .count()
    }

    /// Restores the rank rule: only recommended applications of the city are ranked, with
    /// 1..k in the order of their places among every recommendation (new ones last, ties in
    /// the order opened). A recommendation outside the city is held in its place (in effect:
    /// pending, unranked); a held one inside the city is in effect again.
    fn settle(&mut self) {
        let city = self.city;
        for r in &mut self.applications {
            let outside = city.is_some_and(|c| city_code_of(&r.verified.file) != Some(c));
            let held = r.order.is_some() && r.opinion.decision == Decision::Pending;
            if outside && r.opinion.decision == Decision::Recommend {
                r.order = Some(r.order.unwrap_or(u32::MAX));
                r.opinion.decision = Decision::Pending;
            } else if !outside && held {
                r.opinion.decision = Decision::Recommend;
            }
            if r.opinion.decision == Decision::Recommend && r.order.is_none() {
                r.order = Some(u32::MAX);
            }
            if r.opinion.decision == Decision::NotRecommend {
                r.order = None;
            }
            if r.opinion.decision != Decision::Recommend {
                r.opinion.rank = None;
            }
        }
        let mut places: Vec<usize> = (0..self.applications.len())
            .filter(|&i| self.applications[i].order.is_some())
            .collect();
        places.sort_by_key(|&i| (self.applications[i].order, i));
        let mut rank = 0u32;
        for (k, i) in places.into_iter().enumerate() {
            let r = &mut self.applications[i];
            r.order = Some(u32::try_from(k + 1).unwrap_or(u32::MAX));
            if r.opinion.decision == Decision::Recommend {
                rank += 1;
                r.opinion.rank = Some(rank);
            }
        }
    }

    /// The review to seal, over the applications of the reviewing city in the order opened
    /// (applications from elsewhere are left out), with those applications.
    pub fn review(&self) -> (Review, Vec<&Verified>) {
        let mine: Vec<&Reviewed> = self
            .applications
            .iter()
            .filter(|r| !self.is_outside(r))
            .collect();
        let review = Review {
            city_code: self.city.unwrap_or(0),
            reviewer: Reviewer {
                name: self.reviewer.name.trim().to_string(),
                office: self.reviewer.office.trim().to_string(),
            },
            date: self.date.trim().to_string(),
            decisions: mine
                .iter()
                .map(|r| {
                    (
                        r.opinion.decision,
                        r.opinion.rank,
                        r.opinion.comment.trim().to_string(),
                    )
                })
                .collect(),
        };
        (review, mine.into_iter().map(|r| &*r.verified).collect())
    }

    /// Seals the session into a recommendation package (see [`Package::build`]); without a
    /// city, the problem says to choose one.
    pub fn package(&self, generator: Generator, created: String) -> Result<Package, Vec<Problem>> {
        let (review, applications) = self.review();
        Package::build(&review, &applications, generator, created)
    }

    /// The stored record of the session at `version`, each entry's application left `null`.
    fn record(&self, version: u32) -> Record {
        Record {
            format: SESSION_FORMAT_ID.to_string(),
            format_version: version,
            city: self.city.map(|c| format!("{c:06}")),
            reviewer: self.reviewer.clone(),
            date: self.date.clone(),
            applications: self
                .applications
                .iter()
                .map(|r| EntryRecord {
                    file_name: r.file_name.clone(),
                    opinion: r.opinion.clone(),
                    order: r.order,
                    application: Value::Null,
                })
                .collect(),
            rejected: self
                .rejected
                .iter()
                .map(|r| serde_json::to_value(r).unwrap_or(Value::Null))
                .collect(),
        }
    }

    /// The session as stored in one record: compact canonical JSON, every application file in it.
    pub fn to_json(&self) -> String {
        let mut value =
            serde_json::to_value(self.record(SESSION_FORMAT_VERSION)).unwrap_or(Value::Null);
        // Each application's tree is put in after the record is made a `Value`: made inside
        // the record, every tree was copied once more (the page saves the whole session after
        // each batch, a megabyte-sized tree per hundred applications).
        if let Some(entries) = value.get_mut("applications").and_then(Value::as_array_mut) {
            for (entry, r) in entries.iter_mut().zip(&self.applications) {
                if let Some(slot) = entry.get_mut("application") {
                    *slot = r.verified.file.to_value();
                }
            }
        }
        canonical::to_compact(&value)
    }

    /// The session as stored in parts (format version 2), without its applications' files:
    /// each entry names its application by integrity fingerprint, and the file is stored on its
    /// own ([`Reviewed::stored_file`]).
    pub fn head_json(&self) -> String {
        let mut value =
            serde_json::to_value(self.record(SESSION_PARTS_VERSION)).unwrap_or(Value::Null);
        if let Some(entries) = value.get_mut("applications").and_then(Value::as_array_mut) {
            for (entry, r) in entries.iter_mut().zip(&self.applications) {
                if let Some(slot) = entry.get_mut("application") {
                    *slot = Value::String(r.integrity().to_string());
                }
            }
        }
        canonical::to_compact(&value)
    }

    /// Reads a session stored in parts: its head ([`Session::head_json`], or a whole session of
    /// version 1, [`Session::to_json`]) and the stored files, each with the fingerprint it was
    /// stored under, every file verified again. An application whose file is missing or no
    /// longer verifies is listed among the rejected files with its problems; a stored file the
    /// head does not name joins the review undecided under its export name (or, unreadable,
    /// among the rejected files): nothing stored is dropped silently. Ranks are restored to 1..k.
    pub fn from_parts(
        head: &[u8],
        files: &[(&str, &[u8])],
        catalogs: &CatalogSet,
    ) -> Result<Session, Vec<Problem>> {
        let value = parse_json(head, MAX_SESSION_BYTES)?;
        check_format(&value, SESSION_FORMAT_ID, SESSION_PARTS_VERSION).map_err(|p| vec![p])?;
        let record = read_record(&value)?;
        let mut stored = StoredFiles::read(files, catalogs);
        let mut session = Session::from_record_head(&record);
        for entry in record.applications {
            let verified = match &entry.application {
                Value::String(integrity) => stored.take(integrity),
                inline => verify_value(inline, catalogs),
            };
            session.push_entry(entry, verified);
        }
        session.rejected.extend(
            record
                .rejected
                .into_iter()
                .filter_map(|v| crate::json::from_value(&v).ok()),
        );
        stored.join(&mut session);
        session.settle();
        Ok(session)
    }

    /// A new session dated `date` holding every stored file (`(fingerprint stored under, text)`)
    /// that verifies, undecided, and the others among the rejected files: what is kept of a
    /// session stored in parts whose head cannot be read.
    pub fn recover(date: String, files: &[(&str, &[u8])], catalogs: &CatalogSet) -> Session {
        let mut session = Session::new(date);
        StoredFiles::read(files, catalogs).join(&mut session);
        session
    }

    /// A session with the record's city, reviewer and date, and nothing in it yet.
    fn from_record_head(record: &Record) -> Session {
        Session {
            city: record
                .city
                .as_deref()
                .and_then(|c| c.parse().ok())
                .and_then(city),
            reviewer: record.reviewer.clone(),
            date: record.date.clone(),
            applications: Vec::new(),
            rejected: Vec::new(),
        }
    }

    /// Adds a stored entry: its application when it verified (once), else a rejected file.
    fn push_entry(&mut self, entry: EntryRecord, verified: Result<Verified, Vec<Problem>>) {
        match verified {
            Ok(verified) => {
                if self.position(&verified.file.integrity).is_none() {
                    self.applications.push(Reviewed {
                        file_name: entry.file_name,
                        verified: Arc::new(verified),
                        order: entry.order.or(entry.opinion.rank),
                        opinion: entry.opinion,
                    });
                }
            }
            Err(problems) => self.rejected.push(Rejected {
                file_name: entry.file_name,
                problems,
            }),
        }
    }

    /// Reads a stored session, verifying every application in it again. Applications that no
    /// longer verify are listed among the rejected files with their problems; a rejected-file
    /// record that cannot be read is left out; ranks are restored to 1..k.
    pub fn from_json(bytes: &[u8], catalogs: &CatalogSet) -> Result<Session, Vec<Problem>> {
        let value = parse_json(bytes, MAX_SESSION_BYTES)?;
        check_format(&value, SESSION_FORMAT_ID, SESSION_FORMAT_VERSION).map_err(|p| vec![p])?;
        let record = read_record(&value)?;
        let mut session = Session {
            city: record
                .city
                .as_deref()
                .and_then(|c| c.parse().ok())
                .and_then(city),
            reviewer: record.reviewer,
            date: record.date,
            applications: Vec::new(),
            rejected: Vec::new(),
        };
        for entry in record.applications {
            match verify_value(&entry.application, catalogs) {
                Ok(verified) => {
                    if session.position(&verified.file.integrity).is_none() {
                        session.applications.push(Reviewed {
                            file_name: entry.file_name,
                            verified: Arc::new(verified),
                            order: entry.order.or(entry.opinion.rank),
                            opinion: entry.opinion,
                        });
                    }
                }
                Err(problems) => session.rejected.push(Rejected {
                    file_name: entry.file_name,
                    problems,
                }),
            }
        }
        session.rejected.extend(
            record
                .rejected
                .into_iter()
                .filter_map(|v| crate::json::from_value(&v).ok()),
        );
        session.settle();
        Ok(session)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::testing::{test_generator as generator, verified_sample as verified};

    use crate::package::read_package;

    /// A session over 太原 counties 140105, 140106, 140107 (in that order) and 新荣区 (大同).
    fn session() -> (Session, Vec<String>) {
        let mut s = Session::new("2026-12-01".into());
        let mut ids = Vec::new();
        for (i, code) in ["140105", "140106", "140107", "140212"].iter().enumerate() {
            let v = verified(code, 80 + i as u32, i as u64);
            ids.push(v.file.integrity.clone());
            assert!(s.add(format!("{code}.json"), v));
        }
        (s, ids)
    }

    fn ranks(s: &Session) -> Vec<Option<u32>> {
        s.applications().iter().map(|r| r.opinion.rank).collect()
    }

    #[test]
    fn the_city_is_inferred_and_outside_files_are_flagged() {
        let (mut s, ids) = session();
        assert!(s.infer_city());
        assert_eq!(s.city(), Some(140100));
        assert!(!s.infer_city(), "a chosen city stays");
        let outside = s.get(&ids[3]).unwrap();
        assert_eq!(
            s.outside_problem(outside).map(|p| p.code),
            Some(Code::OutsideCity)
        );
        assert!(!s.set_decision(&ids[3], Decision::Recommend));
        assert!(s.set_decision(&ids[3], Decision::NotRecommend));
    }

    #[test]
    fn the_exported_table_carries_each_decision_rank_and_comment() {
        let (mut s, ids) = session();
        assert!(s.set_decision(&ids[1], Decision::Recommend));
        assert!(s.set_decision(&ids[0], Decision::NotRecommend));
        assert!(s.set_comment(&ids[0], "佐证不足"));
        // Rows as the page shows them: sorted, and one of them filtered out.
        let mut rows: Vec<ComparisonRow> = s
            .applications()
            .iter()
            .map(|r| ComparisonRow::of(&r.verified))
            .filter(|row| row.integrity != ids[2])
            .collect();
        rows.sort_by(ComparisonRow::by_compliance);
        let catalog = crate::Catalog::reference();
        let titles: Vec<&str> = catalog.areas().iter().map(|a| a.title.as_str()).collect();
        let table = s.table(&rows, &titles, Lang::Zh);
        let at = |name: &str| table.headers.iter().position(|h| h == name).expect(name);
        let n = table.headers.len();
        let (decision, rank, comment) = (at("初审意见"), at("推荐排序"), at("初审意见说明"));
        assert_eq!((rank, comment), (decision + 1, decision + 2));
        let opinions: Vec<(String, String, String)> = table
            .rows
            .iter()
            .map(|cells| {
                let text = |c: &crate::review::Cell| c.display(Lang::Zh);
                (
                    text(&cells[decision]),
                    text(&cells[rank]),
                    text(&cells[comment]),
                )
            })
            .collect();
        let expected = |id: &str| match id {
            i if i == ids[0] => ("不推荐".into(), String::new(), "佐证不足".into()),
            i if i == ids[1] => ("推荐".into(), "1".into(), String::new()),
            _ => ("待定".into(), String::new(), String::new()),
        };
        let want: Vec<(String, String, String)> =
            rows.iter().map(|row| expected(&row.integrity)).collect();
        assert_eq!(opinions, want);
        assert_eq!(table.rows.len(), 3);
        assert!(table.rows.iter().all(|cells| cells.len() == n));
        let en = s.table(&rows, &titles, Lang::En);
        let at = en
            .headers
            .iter()
            .position(|h| h == "Decision")
            .expect("Decision");
        assert_eq!(en.headers[at..at + 3], ["Decision", "Rank", "Comment"]);
        assert_eq!(table.sheet, "初审对比");
        assert_eq!(table.stem, format!("初审对比-{}", s.date.trim()));
        s.set_city(Some(140100));
        let named = s.table(&rows, &titles, Lang::Zh).stem;
        assert_eq!(named, format!("太原市-初审对比-{}", s.date.trim()));
    }

    #[test]
    fn ranks_follow_decisions() {
        let (mut s, ids) = session();
        s.set_city(Some(140100));
        assert!(s.set_decision(&ids[1], Decision::Recommend));
        assert!(s.set_decision(&ids[0], Decision::Recommend));
        assert!(s.set_decision(&ids[2], Decision::Recommend));
        assert_eq!(ranks(&s), vec![Some(2), Some(1), Some(3), None]);
        assert!(s.move_rank(&ids[2], true));
        assert_eq!(ranks(&s), vec![Some(3), Some(1), Some(2), None]);
        assert!(!s.move_rank(&ids[1], true), "rank 1 cannot move up");
        assert!(!s.move_rank(&ids[0], false), "the last cannot move down");
        // Leaving "recommend" closes the gap.
        assert!(s.set_decision(&ids[1], Decision::Pending));
        assert_eq!(ranks(&s), vec![Some(2), None, Some(1), None]);
        assert!(s.remove(&ids[2]).is_some());
        assert_eq!(ranks(&s), vec![Some(1), None, None]);
        // Choosing another city drops the recommendation of a file now outside it.
        s.set_city(Some(140200));
        assert_eq!(s.recommended(), 0);
    }

    #[test]
    fn a_session_round_trips_and_packages() {
        let (mut s, ids) = session();
        s.infer_city();
        s.reviewer = Reviewer {
            name: "李华".into(),
            office: "太原市委依法治市办".into(),
        };
        s.set_decision(&ids[2], Decision::Recommend);
        s.set_decision(&ids[0], Decision::NotRecommend);
        s.set_comment(&ids[2], "材料扎实");
        s.reject(
            "broken.json".into(),
            vec![Problem::new(Code::NotJson, "坏", "bad")],
        );
        let json = s.to_json();
        let back = Session::from_json(json.as_bytes(), &CatalogSet::builtin()).unwrap();
        assert_eq!(back, s);
        assert_eq!(back.to_json(), json);
        // The record made in one go, each application's tree inside it: the same text.
        let whole = Record {
            format: SESSION_FORMAT_ID.to_string(),
            format_version: SESSION_FORMAT_VERSION,
            city: s.city.map(|c| format!("{c:06}")),
            reviewer: s.reviewer.clone(),
            date: s.date.clone(),
            applications: s
                .applications
                .iter()
                .map(|r| EntryRecord {
                    file_name: r.file_name.clone(),
                    opinion: r.opinion.clone(),
                    order: r.order,
                    application: r.verified.file.to_value(),
                })
                .collect(),
            rejected: s
                .rejected
                .iter()
                .map(|r| serde_json::to_value(r).unwrap())
                .collect(),
        };
        assert_eq!(
            json,
            canonical::to_compact(&serde_json::to_value(whole).unwrap())
        );

        let package = s
            .package(generator(), "2026-12-01T10:00:00+08:00".into())
            .unwrap();
        assert_eq!(
            package.applications.len(),
            3,
            "the file from 大同 is left out"
        );
        let read = read_package(package.to_json().as_bytes(), &CatalogSet::builtin()).unwrap();
        assert_eq!(
            read.package
                .decisions
                .iter()
                .filter(|d| d.rank.is_some())
                .count(),
            1
        );

        // Opening the package into a new session restores everything it holds.
        let mut restored = Session::new("2027-01-01".into());
        assert_eq!(restored.add_package("p.json", read), 3);
        assert_eq!(restored.city(), Some(140100));
        assert_eq!(restored.date, "2026-12-01");
        assert_eq!(restored.reviewer.name, "李华");
        let r = restored.get(&ids[2]).unwrap();
        assert_eq!(r.opinion.rank, Some(1));
        assert_eq!(r.opinion.comment, "材料扎实");
    }

    #[test]
    fn a_package_without_a_city_says_so() {
        let (s, _) = session();
        let problems = s.package(generator(), "2026-12-01T10:00:00+08:00".into());
        assert_eq!(
            problems.unwrap_err().first().map(|p| p.code),
            Some(Code::UnknownDivision)
        );
    }

    #[test]
    fn a_stored_application_that_no_longer_verifies_is_listed_not_dropped() {
        let (s, _) = session();
        let json = s.to_json().replacen("\"met\":8", "\"met\":9", 1);
        let back = Session::from_json(json.as_bytes(), &CatalogSet::builtin()).unwrap();
        assert_eq!(back.applications().len() + back.rejected.len(), 4);
        assert_eq!(back.rejected.len(), 1);
        assert!(!back.rejected[0].problems.is_empty());
    }

    #[test]
    fn the_same_application_opens_once() {
        let (mut s, _) = session();
        assert!(!s.add("again.json".into(), verified("140105", 80, 0)));
        assert_eq!(s.applications().len(), 4);
    }

    #[test]
    fn choosing_another_city_holds_the_recommendations_and_choosing_it_again_brings_them_back() {
        let (mut s, ids) = session();
        s.set_city(Some(140100));
        assert!(s.set_decision(&ids[1], Decision::Recommend));
        assert!(s.set_decision(&ids[0], Decision::Recommend));
        assert!(s.set_decision(&ids[2], Decision::NotRecommend));
        assert!(s.set_comment(&ids[0], "材料扎实"));
        let before = s.to_json();
        s.set_city(Some(140200));
        let a = s.get(&ids[0]).unwrap();
        assert_eq!(
            a.opinion.decision,
            Decision::Pending,
            "not recommended for another city"
        );
        assert_eq!(a.opinion.rank, None);
        assert_eq!(a.held_recommendation(), Some(2));
        assert_eq!(a.opinion.comment, "材料扎实");
        assert_eq!(
            s.get(&ids[2]).unwrap().opinion.decision,
            Decision::NotRecommend
        );
        // Kept through storage too.
        let stored = Session::from_json(s.to_json().as_bytes(), &CatalogSet::builtin()).unwrap();
        assert_eq!(stored, s);
        s.set_city(None);
        s.set_city(Some(140100));
        assert_eq!(s.to_json(), before);
        assert_eq!(ranks(&s)[..2], [Some(2), Some(1)]);
    }
}
