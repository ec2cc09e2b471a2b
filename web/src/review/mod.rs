//! The city review's part of the one reducer: [`ReviewState`] (a field of [`AppState`]) and
//! the [`ReviewAction`]s that change it.
//!
//! The city office (市委依法治市办) opens its counties' application files, compares them,
//! decides on each (推荐 / 不推荐 / 待定, with comments and a rank among the recommended) and
//! seals a recommendation package for the province. Every rule — verification, the city a file
//! belongs to, duplicates, the rank rule, the package — comes from `shifan-rules`
//! (`document`, `review`, `session`, `package`); this module only holds the UI's part: sort
//! order, filters, which application is open, reading progress and saving.
//!
//! [`rows`] derives the comparison table from the state; [`io`] talks to the browser (reading
//! many files, storage, downloads, the spreadsheet module loaded on demand).

pub mod io;
pub mod rows;

use shifan_rules::Problem;
use shifan_rules::document::Document;
use shifan_rules::package::Decision;
use shifan_rules::session::{Removed, Session};

use crate::modes::{Mode, ModeAction};
use crate::record::{REVIEW_FILE_PREFIX, REVIEW_UNREADABLE_KEY};
use crate::state::{Action, AppState, SaveError, SaveStatus, Write};

pub use rows::{Column, DecisionFilter, KindFilter, Sort, VerdictFilter};

/// A file read from the office's computer, verified: an application, a package, or problems
/// (none when the browser could not read the file at all).
#[derive(Clone, Debug)]
pub struct OpenedFile {
    /// The file's name.
    pub name: String,
    /// What reading and verifying it gave.
    pub result: Result<Document, Vec<Problem>>,
    /// The file as read, kept only when it was refused for its catalog, so that loading that
    /// catalog verifies it again ([`ReviewState::awaiting`]).
    pub retry: Option<std::rc::Rc<[u8]>>,
}

impl OpenedFile {
    /// `name` read and verified against `catalogs`, its bytes kept when it was refused for
    /// its catalog.
    pub fn read(name: String, bytes: &[u8], catalogs: &shifan_rules::CatalogSet) -> OpenedFile {
        let result = shifan_rules::document::read_document(bytes, catalogs);
        let retry = matches!(&result, Err(p) if shifan_rules::problem::needs_catalog(p))
            .then(|| bytes.into());
        OpenedFile {
            name,
            result,
            retry,
        }
    }
}

/// What the last batch of opened files gave, for the status line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OpenReport {
    /// Files in the batch.
    pub files: usize,
    /// Applications added to the review (packages count their applications).
    pub added: usize,
    /// Applications that were already open.
    pub already_open: usize,
    /// Files that cannot be used.
    pub rejected: usize,
}

/// How many rows a long list draws at first, and how many more each "show more" adds: the
/// browser takes ~1 ms per table row to create and lay out, so 2,000 rows drawn at once cost
/// seconds before the office sees anything.
pub const PAGE: usize = 100;

/// A long list of the review page that draws a first page and offers the rest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    /// The comparison table (rows).
    Table,
    /// The heat map (rows).
    Heat,
    /// The duplicate submissions (groups).
    Duplicates,
}

/// How much of each long list is drawn: the first so many rows (or groups) of what the
/// filters let through, in the order chosen. What is not drawn is counted beside the list and
/// offered by a button, never dropped: sorting and filtering work over every application.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shown {
    /// Rows of the comparison table.
    pub table: usize,
    /// Rows of the heat map.
    pub heat: usize,
    /// Groups of duplicate submissions.
    pub duplicates: usize,
}

impl Default for Shown {
    fn default() -> Self {
        Shown {
            table: PAGE,
            heat: PAGE,
            duplicates: PAGE / 10,
        }
    }
}

impl Shown {
    /// How many of `panel`'s rows (or groups) are drawn.
    pub fn of(self, panel: Panel) -> usize {
        match panel {
            Panel::Table => self.table,
            Panel::Heat => self.heat,
            Panel::Duplicates => self.duplicates,
        }
    }

    fn slot(&mut self, panel: Panel) -> &mut usize {
        match panel {
            Panel::Table => &mut self.table,
            Panel::Heat => &mut self.heat,
            Panel::Duplicates => &mut self.duplicates,
        }
    }

    /// One more page of `panel` (a page of the duplicates is ten groups).
    pub fn more(&mut self, panel: Panel) {
        let step = Shown::default().of(panel);
        let slot = self.slot(panel);
        *slot = slot.saturating_add(step);
    }

    /// All of `panel`.
    pub fn all(&mut self, panel: Panel) {
        *self.slot(panel) = usize::MAX;
    }
}

/// Messages of the review page.
#[derive(Clone, Debug, PartialEq)]
pub enum ReviewNotice {
    /// The package cannot be sealed yet, for these reasons.
    PackageFailed(Vec<Problem>),
    /// The spreadsheet could not be written (the browser's message).
    XlsxFailed(String),
    /// The browser refused a download.
    DownloadRefused,
}

/// The review's state.
#[derive(Clone, Debug, PartialEq)]
pub struct ReviewState {
    /// The session: city, reviewer, date, applications with opinions, rejected files.
    pub session: Session,
    /// Whether the stored session has been read (it is read when the review is first shown).
    pub loaded: bool,
    /// The stored session as the store held it at the start, until the review reads it
    /// (shared: the state is cloned on every action, and a session can be megabytes).
    pub stored: Option<std::rc::Rc<str>>,
    /// The application files stored beside that session (`review:app:…`), until the review
    /// reads them with it.
    pub stored_files: std::rc::Rc<[(String, Option<String>)]>,
    /// The stored session could not be read; it is left in storage untouched.
    pub load_problems: Vec<Problem>,
    /// That session's text as stored, offered as a download beside its problems.
    pub load_raw: Option<std::rc::Rc<str>>,
    /// The city was inferred from the files rather than chosen.
    pub city_inferred: bool,
    /// Sort order of the comparison table.
    pub sort: Sort,
    /// Kind filter.
    pub kind: KindFilter,
    /// Verdict filter.
    pub verdict: VerdictFilter,
    /// Decision filter.
    pub decision: DecisionFilter,
    /// How much of each long list is drawn.
    pub shown: Shown,
    /// The application open read-only (its integrity fingerprint).
    pub viewing: Option<String>,
    /// Files being read: done and total.
    pub reading: Option<(usize, usize)>,
    /// What the last batch gave.
    pub report: Option<OpenReport>,
    /// Files are being dragged over the page.
    pub dragging: bool,
    /// The spreadsheet is being written.
    pub exporting: bool,
    /// A message to show.
    pub notice: Option<ReviewNotice>,
    /// Counts every change to the session; autosave follows it.
    pub revision: u64,
    /// The revision last written to storage.
    pub saved_revision: u64,
    /// Whether saving works, and when it last happened.
    pub save: SaveStatus,
    /// The printable opinion sheet (初审意见表) is shown instead of the page.
    pub sheet: bool,
    /// The application removed last, with its decision, rank and comment, until it is put
    /// back ([`ReviewAction::UndoRemove`]) or the notice offering that is closed.
    pub removed: Option<Removed>,
    /// The rejected files refused only for their catalog, by name, as read: verified again
    /// when a catalog is kept, so they join the table without being picked again.
    pub awaiting: Vec<(String, std::rc::Rc<[u8]>)>,
}

impl Default for ReviewState {
    fn default() -> Self {
        ReviewState {
            session: Session::default(),
            loaded: false,
            stored: None,
            stored_files: std::rc::Rc::from(Vec::new()),
            load_problems: Vec::new(),
            load_raw: None,
            city_inferred: false,
            sort: Sort::default(),
            kind: KindFilter::All,
            verdict: VerdictFilter::All,
            decision: DecisionFilter::All,
            shown: Shown::default(),
            viewing: None,
            reading: None,
            report: None,
            dragging: false,
            exporting: false,
            notice: None,
            revision: 0,
            saved_revision: 0,
            save: SaveStatus::Idle,
            sheet: false,
            removed: None,
            awaiting: Vec::new(),
        }
    }
}

impl ReviewState {
    /// Whether the session has changes not yet in storage.
    pub fn unsaved(&self) -> bool {
        self.revision > self.saved_revision
    }

    /// Reads the stored session with its stored files, once; a new session is dated `today`.
    /// A stored session that cannot be read is kept: the write that copies it aside comes back,
    /// to be done before a new session is saved in its place, and the new session holds every
    /// stored file that verifies (undecided), so no application is lost with it.
    fn ensure_loaded(
        &mut self,
        today: String,
        catalogs: &shifan_rules::CatalogSet,
    ) -> Option<Write> {
        if self.loaded {
            return None;
        }
        self.loaded = true;
        let stored_files = std::mem::replace(&mut self.stored_files, std::rc::Rc::from(Vec::new()));
        let files: Vec<(&str, &[u8])> = stored_files
            .iter()
            .map(|(key, text)| {
                let under = key.strip_prefix(REVIEW_FILE_PREFIX).unwrap_or(key);
                (under, text.as_deref().unwrap_or_default().as_bytes())
            })
            .collect();
        let Some(stored) = self.stored.take() else {
            self.session = Session::recover(today, &files, catalogs);
            return None;
        };
        match Session::from_parts(stored.as_bytes(), &files, catalogs) {
            Ok(session) => {
                self.session = session;
                None
            }
            Err(problems) => {
                self.load_problems = problems;
                self.session = Session::recover(today, &files, catalogs);
                let write = Write::Put {
                    key: REVIEW_UNREADABLE_KEY.to_string(),
                    text: stored.to_string(),
                };
                self.load_raw = Some(stored);
                Some(write)
            }
        }
    }

    fn changed(&mut self) {
        self.revision += 1;
    }

    fn opened(&mut self, files: Vec<OpenedFile>) {
        let mut report = self.report.take().unwrap_or_default();
        for file in files {
            report.files += 1;
            // The file's latest reading is what counts: an earlier rejection under its name goes.
            self.awaiting.retain(|(name, _)| *name != file.name);
            if let Some(bytes) = file.retry {
                self.awaiting.push((file.name.clone(), bytes));
            }
            if file.result.is_ok() {
                self.session.rejected.retain(|r| r.file_name != file.name);
            }
            match file.result {
                Ok(Document::Application(verified)) => {
                    if self.session.add(file.name, *verified) {
                        report.added += 1;
                    } else {
                        report.already_open += 1;
                    }
                }
                Ok(Document::Package(package)) => {
                    let total = package.applications.len();
                    let added = self.session.add_package(&file.name, *package);
                    report.added += added;
                    report.already_open += total - added;
                }
                // A register or an annual report is refused with what it is and where it opens.
                Ok(other @ (Document::Register(_) | Document::AnnualReport(_))) => {
                    report.rejected += 1;
                    self.session
                        .reject(file.name, other.not_for_review().into_iter().collect());
                }
                Err(problems) => {
                    report.rejected += 1;
                    self.session.reject(file.name, problems);
                }
            }
        }
        if self.session.city().is_none() && self.session.infer_city() {
            self.city_inferred = true;
        }
        self.report = Some(report);
        self.changed();
    }
}

impl Action {
    /// The action `action` of the city review.
    pub fn review(action: ReviewAction) -> Action {
        Action::Mode(ModeAction::Review(action))
    }
}

/// Everything that can happen in the city review.
#[derive(Clone, Debug)]
pub enum ReviewAction {
    /// Show the review page (closing any open draft, which is saved first); the stored
    /// session is read the first time, and a new one is dated `today` (`YYYY-MM-DD`).
    Enter {
        /// Today's local date.
        today: String,
    },
    /// Choose the reviewing city (`None` clears it).
    SetCity(Option<u32>),
    /// Set the reviewer's name.
    SetReviewerName(String),
    /// Set the reviewing office.
    SetReviewerOffice(String),
    /// Set the review date.
    SetDate(String),
    /// Files are (or are no longer) dragged over the page.
    Dragging(bool),
    /// Reading files: done of total (a new batch starts at 0).
    Reading(usize, usize),
    /// Some files were read and verified.
    Opened(Vec<OpenedFile>),
    /// The batch is finished.
    ReadDone,
    /// Remove an application from the review (kept in [`ReviewState::removed`] for an undo).
    Remove(String),
    /// Put the application removed last back, with its decision, rank and comment.
    UndoRemove,
    /// Close the notice that offers to undo the removal (the removal stays).
    ForgetRemoved,
    /// Forget one rejected file.
    RemoveRejected(usize),
    /// Forget every rejected file.
    ClearRejected,
    /// Start over: an empty session dated with this day (`YYYY-MM-DD`).
    NewReview(String),
    /// Decide on an application.
    Decide(String, Decision),
    /// Move a recommended application up (`true`) or down in rank.
    Move(String, bool),
    /// Set the comments on an application.
    Comment(String, String),
    /// Sort by a column (again: reverse).
    Sort(Column),
    /// Filter by kind.
    FilterKind(KindFilter),
    /// Filter by verdict.
    FilterVerdict(VerdictFilter),
    /// Filter by decision.
    FilterDecision(DecisionFilter),
    /// Draw one more page of a long list.
    ShowMore(Panel),
    /// Draw all of a long list.
    ShowAll(Panel),
    /// Open an application read-only, or go back to the table.
    View(Option<String>),
    /// The session at `revision` was written to storage (or not).
    Saved {
        /// The revision written.
        revision: u64,
        /// When, or why it failed.
        result: Result<String, SaveError>,
    },
    /// The spreadsheet is (or is no longer) being written.
    Exporting(bool),
    /// Show a message, or hide it.
    Notice(Option<ReviewNotice>),
    /// Show the printable opinion sheet (初审意见表), or go back to the page.
    Sheet(bool),
}

impl AppState {
    /// A catalog was kept: the files refused for their catalog are verified again against
    /// every catalog now kept; those it opens join the table and leave the rejected list.
    pub(crate) fn review_catalog_kept(&mut self) {
        if self.modes.review.awaiting.is_empty() {
            return;
        }
        let catalogs = self.drafts.catalog_set();
        let r = &mut self.modes.review;
        let files = std::mem::take(&mut r.awaiting)
            .into_iter()
            .map(|(name, bytes)| OpenedFile::read(name, &bytes, &catalogs))
            .collect();
        r.report = None;
        r.opened(files);
    }

    /// Applies a review action.
    pub(crate) fn reduce_review(&mut self, action: ReviewAction) {
        let r = &mut self.modes.review;
        match action {
            ReviewAction::Enter { today } => {
                self.show_mode(Mode::Review);
                if let Some(write) = self
                    .modes
                    .review
                    .ensure_loaded(today, &self.drafts.catalog_set())
                {
                    self.request(write);
                }
            }
            ReviewAction::SetCity(code) => {
                r.session.set_city(code);
                r.city_inferred = false;
                r.changed();
            }
            ReviewAction::SetReviewerName(name) => {
                r.session.reviewer.name = name;
                r.changed();
            }
            ReviewAction::SetReviewerOffice(office) => {
                r.session.reviewer.office = office;
                r.changed();
            }
            ReviewAction::SetDate(date) => {
                r.session.date = date;
                r.changed();
            }
            ReviewAction::Dragging(on) => r.dragging = on,
            ReviewAction::Reading(done, total) => {
                if done == 0 {
                    r.report = None;
                }
                r.reading = Some((done, total));
                r.dragging = false;
            }
            ReviewAction::Opened(files) => r.opened(files),
            ReviewAction::ReadDone => r.reading = None,
            ReviewAction::Remove(id) => {
                if let Some(removed) = r.session.remove(&id) {
                    if r.viewing.as_deref() == Some(id.as_str()) {
                        r.viewing = None;
                    }
                    r.removed = Some(removed);
                    r.changed();
                }
            }
            // Refused (and forgotten) only when the same application was opened again
            // meanwhile: that copy is in the table, and the restored one would be a twin.
            ReviewAction::UndoRemove => {
                if let Some(removed) = r.removed.take()
                    && r.session.restore(removed)
                {
                    r.changed();
                }
            }
            ReviewAction::ForgetRemoved => r.removed = None,
            ReviewAction::RemoveRejected(i) => {
                if i < r.session.rejected.len() {
                    let gone = r.session.rejected.remove(i);
                    r.awaiting.retain(|(name, _)| *name != gone.file_name);
                    r.changed();
                }
            }
            ReviewAction::ClearRejected => {
                r.session.rejected.clear();
                r.awaiting.clear();
                r.changed();
            }
            ReviewAction::NewReview(today) => {
                r.session = Session::new(today);
                r.city_inferred = false;
                r.removed = None;
                r.awaiting.clear();
                r.viewing = None;
                r.report = None;
                r.notice = None;
                r.load_problems.clear();
                r.load_raw = None;
                r.shown = Shown::default();
                r.changed();
            }
            ReviewAction::Decide(id, decision) => {
                if r.session.set_decision(&id, decision) {
                    r.changed();
                }
            }
            ReviewAction::Move(id, up) => {
                if r.session.move_rank(&id, up) {
                    r.changed();
                }
            }
            ReviewAction::Comment(id, text) => {
                if r.session.set_comment(&id, &text) {
                    r.changed();
                }
            }
            ReviewAction::Sort(column) => r.sort = r.sort.by(column),
            ReviewAction::FilterKind(f) => r.kind = f,
            ReviewAction::FilterVerdict(f) => r.verdict = f,
            ReviewAction::FilterDecision(f) => r.decision = f,
            ReviewAction::ShowMore(panel) => r.shown.more(panel),
            ReviewAction::ShowAll(panel) => r.shown.all(panel),
            ReviewAction::View(id) => {
                r.viewing = id.filter(|id| r.session.get(id).is_some());
            }
            ReviewAction::Saved { revision, result } => match result {
                Ok(at) => {
                    r.saved_revision = r.saved_revision.max(revision);
                    r.save = SaveStatus::Saved(at);
                }
                Err(e) => r.save = SaveStatus::Failed(e),
            },
            ReviewAction::Exporting(on) => r.exporting = on,
            ReviewAction::Notice(notice) => r.notice = notice,
            ReviewAction::Sheet(on) => {
                r.sheet = on;
                if on {
                    r.viewing = None;
                }
            }
        }
    }
}
