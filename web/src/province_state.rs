//! The province's part of the one reducer: [`ProvinceState`] (a field of [`AppState`]) and the
//! [`ProvinceAction`]s that change it (the full build's `province.html`).
//!
//! The provincial office (省委依法治省办) takes in the cities' recommendation packages (and
//! applications it receives directly), imports the evaluator's scores table, ranks each kind
//! and names the demonstrations. Every rule — verification, flags, the scores table, the
//! ranking with its formulas, who may be named, the register — comes from `shifan-rules`
//! (`province`, `evidence`, `register`); this module holds only what the page shows (sort
//! order, the last import's outcome) and what is unsaved. Pure like the rest of the reducer:
//! files arrive read and verified ([`crate::review::OpenedFile`], the review's reader), and
//! times come in with the actions.

use std::rc::Rc;

use shifan_rules::document::Document;
use shifan_rules::evidence::read_scores_csv;
use shifan_rules::programme::{KindKey, Profile};
use shifan_rules::province::{Candidate, ProvinceSession};
use shifan_rules::register::Register;
use shifan_rules::{Generator, Problem};

use crate::modes::{Mode, ModeAction};
use crate::notice_state::{NoticeAction, NoticeState};
use crate::pool_state::{PoolAction, PoolView};
use crate::record::PROVINCE_UNREADABLE_KEY;
use crate::review::OpenedFile;
use crate::state::{Action, AppState, SaveError, SaveStatus, Write};
use crate::supervision_state::SupervisionAction;

/// The program named in the registers this page writes.
fn generator() -> Generator {
    Generator {
        name: "shifan-web".to_string(),
        version: env!("CARGO_PKG_VERSION").to_string(),
    }
}

/// The columns the candidate pool sorts by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PoolColumn {
    /// The order taken in.
    #[default]
    Taken,
    /// The applicant's name.
    Applicant,
    /// The city (by division code).
    City,
    /// The self-assessed compliance.
    Compliance,
}

impl PoolColumn {
    /// The column's name in the page (`data-sort`), for tests and styles.
    pub fn as_str(self) -> &'static str {
        match self {
            PoolColumn::Taken => "taken",
            PoolColumn::Applicant => "applicant",
            PoolColumn::City => "city",
            PoolColumn::Compliance => "compliance",
        }
    }

    /// The column [`PoolColumn::as_str`] names.
    pub fn parse(name: &str) -> Option<PoolColumn> {
        [
            PoolColumn::Taken,
            PoolColumn::Applicant,
            PoolColumn::City,
            PoolColumn::Compliance,
        ]
        .into_iter()
        .find(|c| c.as_str() == name)
    }
}

/// The pool's sort: a column and a direction.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PoolSort {
    /// The column.
    pub column: PoolColumn,
    /// Reversed from the column's natural order (compliance: best first; others: A to Z).
    pub reversed: bool,
}

impl PoolSort {
    /// Sorting by `column`: again on the same column reverses it.
    pub fn by(self, column: PoolColumn) -> PoolSort {
        PoolSort {
            column,
            reversed: self.column == column && !self.reversed,
        }
    }

    /// The `aria-sort` value of `column`'s header.
    pub fn aria(self, column: PoolColumn) -> &'static str {
        if self.column != column || column == PoolColumn::Taken {
            return "none";
        }
        // Compliance reads best first, the others A to Z.
        match (column == PoolColumn::Compliance, self.reversed) {
            (true, false) | (false, true) => "descending",
            _ => "ascending",
        }
    }
}

/// The city code a candidate's first route names (its applicant's city otherwise), for
/// sorting by city.
fn city_key(c: &Candidate) -> u32 {
    shifan_rules::review::city_code_of(&c.verified.file).unwrap_or(u32::MAX)
}

/// The pool in the order `sort` asks; ties keep the order taken in.
pub fn sorted_pool(session: &ProvinceSession, sort: PoolSort) -> Vec<&Candidate> {
    let mut pool: Vec<&Candidate> = session.candidates().iter().collect();
    match sort.column {
        PoolColumn::Taken => {}
        PoolColumn::Applicant => pool.sort_by(|a, b| {
            a.verified
                .file
                .applicant
                .display_name()
                .cmp(&b.verified.file.applicant.display_name())
        }),
        PoolColumn::City => pool.sort_by_key(|c| city_key(c)),
        PoolColumn::Compliance => pool.sort_by(|a, b| {
            shifan_rules::review::compare_compliance(
                b.verified.score.total.compliance(),
                a.verified.score.total.compliance(),
            )
        }),
    }
    if sort.reversed {
        pool.reverse();
    }
    pool
}

/// What the last batch of files gave, for the status line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TakeReport {
    /// Files in the batch.
    pub files: usize,
    /// Candidates new to the pool.
    pub added: usize,
    /// Files that cannot be used.
    pub rejected: usize,
}

/// The outcome of the last scores table imported.
#[derive(Clone, Debug, PartialEq)]
pub enum ScoresImport {
    /// The table's rows were all applied: its name, and how many candidates got figures.
    Applied(String, usize),
    /// Nothing was applied: its name, and every problem (with its line).
    Refused(String, Vec<Problem>),
}

/// The province page's state.
#[derive(Clone, Debug)]
pub struct ProvinceState {
    /// The session: the pool, the evidence, the notice list, the naming.
    pub session: ProvinceSession,
    /// Whether the stored session has been read (when the page is first shown).
    pub loaded: bool,
    /// The stored session as the store held it at the start, until the page reads it.
    pub stored: Option<Rc<str>>,
    /// The stored session could not be read; it was copied aside, untouched.
    pub load_problems: Vec<Problem>,
    /// The pool's sort.
    pub sort: PoolSort,
    /// Files being read: done and total.
    pub reading: Option<(usize, usize)>,
    /// Files refused for their catalog, as read (name and bytes): loading that catalog
    /// verifies them again, without picking them again.
    pub awaiting: Vec<(String, Rc<[u8]>)>,
    /// What the last batch gave.
    pub report: Option<TakeReport>,
    /// Files are being dragged over the page.
    pub dragging: bool,
    /// The last scores table's outcome.
    pub scores: Option<ScoresImport>,
    /// Why the register (or an imported session) could not be made or read, or why naming a
    /// candidate was refused.
    pub problems: Vec<Problem>,
    /// The browser refused the last download.
    pub download_refused: bool,
    /// Counts every change to the session; autosave follows it.
    pub revision: u64,
    /// The revision last written to the store.
    pub saved_revision: u64,
    /// Whether saving works, and when it last happened.
    pub save: SaveStatus,
    /// Why the last supervision step (loading, a revisit, a delisting) was refused.
    pub supervision_problems: Vec<Problem>,
    /// What the last batch of registers and annual reports gave, file by file.
    pub intake: Vec<crate::supervision_state::Intake>,
    /// Why the last change of a kind's weights was refused.
    pub weights_refused: Option<(KindKey, Vec<Problem>)>,
    /// The evidence panel: the candidate open, the forms refused as typed.
    pub evidence: crate::evidence_state::EvidenceState,
    /// The public notice's form, and its downloads ([`crate::notice_state`]).
    pub notice: NoticeState,
    /// The pool's filter and the candidate opened read-only ([`crate::pool_state`]).
    pub view: PoolView,
}

impl Default for ProvinceState {
    fn default() -> Self {
        ProvinceState {
            session: ProvinceSession::new(Profile::shanxi_2020()),
            loaded: false,
            stored: None,
            load_problems: Vec::new(),
            sort: PoolSort::default(),
            reading: None,
            awaiting: Vec::new(),
            report: None,
            dragging: false,
            scores: None,
            problems: Vec::new(),
            download_refused: false,
            revision: 0,
            saved_revision: 0,
            save: SaveStatus::Idle,
            supervision_problems: Vec::new(),
            intake: Vec::new(),
            weights_refused: None,
            evidence: Default::default(),
            notice: NoticeState::default(),
            view: PoolView::default(),
        }
    }
}

/// The session has no equality of its own (it holds verified files); every change to it
/// counts a revision, so two states are the same when their revisions and what the page shows
/// are.
impl PartialEq for ProvinceState {
    fn eq(&self, other: &Self) -> bool {
        self.revision == other.revision
            && self.saved_revision == other.saved_revision
            && self.loaded == other.loaded
            && self.session.candidates().len() == other.session.candidates().len()
            && self.load_problems == other.load_problems
            && self.sort == other.sort
            && self.reading == other.reading
            && self.awaiting.len() == other.awaiting.len()
            && self.report == other.report
            && self.dragging == other.dragging
            && self.scores == other.scores
            && self.problems == other.problems
            && self.download_refused == other.download_refused
            && self.save == other.save
            && self.supervision_problems == other.supervision_problems
            && self.intake == other.intake
            && self.weights_refused == other.weights_refused
            && self.evidence == other.evidence
            && self.notice == other.notice
            && self.view == other.view
    }
}

impl ProvinceState {
    /// Whether files dropped on the page are taken in now: not while the evidence dialog is
    /// over the pool, where the office would not see them arrive (the dialog says so instead,
    /// [`crate::evidence_state::EvidenceAction::FilesRefused`]).
    pub fn takes_files(&self) -> bool {
        self.evidence.open.is_none()
    }

    /// Whether the session has changes not yet in the store.
    pub fn unsaved(&self) -> bool {
        self.loaded && self.revision > self.saved_revision
    }

    /// The register of the candidates marked named, sealed at `now`, or why it cannot be made.
    pub fn register(&self, now: &str) -> Result<Register, Vec<Problem>> {
        Register::from_session(&self.session, generator(), now.to_string())
    }

    fn changed(&mut self) {
        self.revision += 1;
    }

    /// Reads the stored session, once. One that cannot be read is copied aside by the write
    /// that comes back, before a new session is saved in its place.
    fn ensure_loaded(&mut self, catalogs: &shifan_rules::CatalogSet) -> Option<Write> {
        if self.loaded {
            return None;
        }
        self.loaded = true;
        let stored = self.stored.take()?;
        match ProvinceSession::from_json(stored.as_bytes(), catalogs) {
            Ok(session) => {
                self.session = session;
                None
            }
            Err(problems) => {
                self.load_problems = problems;
                Some(Write::Put {
                    key: PROVINCE_UNREADABLE_KEY.to_string(),
                    text: stored.to_string(),
                })
            }
        }
    }

    fn opened(&mut self, files: Vec<OpenedFile>) {
        let mut report = self.report.take().unwrap_or_default();
        for file in files {
            report.files += 1;
            match file.result {
                Ok(Document::Package(package)) => {
                    report.added += self.session.add_package(&file.name, *package);
                }
                Ok(Document::Application(verified)) => {
                    report.added +=
                        usize::from(self.session.add_application(&file.name, *verified));
                }
                // A register or an annual report is refused with what it is and where it opens.
                Ok(other @ (Document::Register(_) | Document::AnnualReport(_))) => {
                    report.rejected += 1;
                    self.session
                        .reject(file.name, other.not_for_review().into_iter().collect());
                }
                Err(problems) => {
                    report.rejected += 1;
                    if let Some(bytes) = file.retry {
                        self.awaiting.retain(|(name, _)| *name != file.name);
                        self.awaiting.push((file.name.clone(), bytes));
                    }
                    self.session.reject(file.name, problems);
                }
            }
        }
        self.report = Some(report);
        self.changed();
    }
}

impl AppState {
    /// A catalog was loaded and kept: the files refused for their catalog and the stored
    /// session's packages that did not verify are verified again against every kept catalog;
    /// those answered against it join the pool.
    pub(crate) fn province_catalog_kept(&mut self) {
        let catalogs = self.drafts.catalog_set();
        let p = &mut self.modes.province;
        if p.session.verify_again(&catalogs) > 0 {
            p.changed();
        }
        if p.awaiting.is_empty() {
            return;
        }
        let files = std::mem::take(&mut p.awaiting)
            .into_iter()
            .map(|(name, bytes)| OpenedFile::read(name, &bytes, &catalogs))
            .collect();
        p.report = None;
        p.opened(files);
    }
}

impl Action {
    /// The action `action` of the province page.
    pub fn province(action: ProvinceAction) -> Action {
        Action::Mode(ModeAction::Province(action))
    }
}

/// Everything that can happen on the province page.
#[derive(Clone, Debug)]
pub enum ProvinceAction {
    /// Show the page; the stored session is read the first time.
    Enter,
    /// Files are (or are no longer) dragged over the page.
    Dragging(bool),
    /// Reading files: done of total (a new batch starts at 0).
    Reading(usize, usize),
    /// Some files were read and verified.
    Opened(Vec<OpenedFile>),
    /// Some files were read and verified on `today` (`YYYY-MM-DD`): applications and packages
    /// go to the pool, registers and annual reports to supervision.
    OpenedOn(Vec<OpenedFile>, String),
    /// A step of the register's supervision.
    Supervision(SupervisionAction),
    /// A step of the evidence panel (a candidate's evaluation, survey, on-site verification
    /// or objections).
    Evidence(crate::evidence_state::EvidenceAction),
    /// The batch is finished.
    ReadDone,
    /// Forget every rejected file.
    ClearRejected,
    /// Sort the pool by a column (again: reverse).
    Sort(PoolColumn),
    /// A scores table (CSV) was picked: its name and bytes.
    Scores(String, Rc<[u8]>),
    /// Name a ranked candidate (which puts it on the notice list), or no longer.
    Name(String, bool),
    /// The naming decision's document number.
    SetDocumentNumber(String),
    /// The naming decision's date, `YYYY-MM-DD`.
    SetDate(String),
    /// An exported session file was picked: it replaces the session when it reads.
    Import(Rc<[u8]>),
    /// Start over with an empty session.
    New,
    /// Set a kind's weights as typed (in the profile's part order), with the reason.
    ChangeWeights {
        /// The kind whose weights change.
        kind: KindKey,
        /// Each part's weight as typed.
        weights: Vec<String>,
        /// Why.
        reason: String,
    },
    /// Show why something could not be done (the register), or hide it (empty).
    Problems(Vec<Problem>),
    /// The browser refused a download (or, `false`, the last one started).
    DownloadRefused(bool),
    /// A step of the public notice's form or its downloads.
    Notice(NoticeAction),
    /// The pool's filter, or a candidate opened read-only and closed.
    Pool(PoolAction),
    /// The session at `revision` was written to the store (or not).
    Saved {
        /// The revision written.
        revision: u64,
        /// When, or why it failed.
        result: Result<String, SaveError>,
    },
}

impl AppState {
    /// Applies a province action.
    pub(crate) fn reduce_province(&mut self, action: ProvinceAction) {
        let p = &mut self.modes.province;
        match action {
            ProvinceAction::Enter => {
                self.show_mode(Mode::Province);
                if let Some(write) = self
                    .modes
                    .province
                    .ensure_loaded(&self.drafts.catalog_set())
                {
                    self.request(write);
                }
            }
            ProvinceAction::Dragging(on) => p.dragging = on,
            ProvinceAction::Reading(done, total) => {
                if done == 0 {
                    p.report = None;
                }
                p.reading = Some((done, total));
                p.dragging = false;
            }
            ProvinceAction::Opened(files) => p.opened(files),
            ProvinceAction::OpenedOn(files, today) => {
                let (supervised, pool): (Vec<OpenedFile>, Vec<OpenedFile>) =
                    files.into_iter().partition(|f| {
                        matches!(
                            f.result,
                            Ok(Document::Register(_) | Document::AnnualReport(_))
                        )
                    });
                if !pool.is_empty() {
                    p.opened(pool);
                }
                if !supervised.is_empty() {
                    p.reduce_supervision(SupervisionAction::Opened(supervised, today));
                    p.changed();
                }
            }
            ProvinceAction::Supervision(action) => {
                if p.reduce_supervision(action) {
                    p.changed();
                }
            }
            ProvinceAction::Evidence(action) => {
                if p.reduce_evidence(action) {
                    p.changed();
                }
            }
            ProvinceAction::ReadDone => p.reading = None,
            ProvinceAction::ClearRejected => {
                p.awaiting.clear();
                if !p.session.rejected.is_empty() {
                    p.session.rejected.clear();
                    p.changed();
                }
            }
            ProvinceAction::Sort(column) => p.sort = p.sort.by(column),
            ProvinceAction::Scores(name, bytes) => {
                let scale = p.session.profile().default_points_scale();
                let applied =
                    read_scores_csv(&bytes, scale).and_then(|rows| p.session.apply_scores(&rows));
                p.scores = Some(match applied {
                    Ok(n) => {
                        p.changed();
                        ScoresImport::Applied(name, n)
                    }
                    Err(problems) => ScoresImport::Refused(name, problems),
                });
            }
            ProvinceAction::Name(integrity, on) => {
                let done = if on {
                    p.session
                        .set_proposed(&integrity, true)
                        .and_then(|()| p.session.set_named(&integrity, true))
                } else {
                    p.session.set_proposed(&integrity, false)
                };
                match done {
                    Ok(()) => {
                        p.problems.clear();
                        p.changed();
                    }
                    Err(problems) => p.problems = problems,
                }
            }
            ProvinceAction::SetDocumentNumber(number) => {
                p.session.naming.document_number = number;
                p.changed();
            }
            ProvinceAction::SetDate(date) => {
                p.session.naming.date = date;
                p.changed();
            }
            ProvinceAction::Import(bytes) => {
                match ProvinceSession::from_json(&bytes, &self.drafts.catalog_set()) {
                    Ok(session) => {
                        let p = &mut self.modes.province;
                        p.session = session;
                        p.awaiting.clear();
                        p.problems.clear();
                        p.scores = None;
                        p.report = None;
                        p.intake.clear();
                        p.supervision_problems.clear();
                        p.weights_refused = None;
                        p.evidence = Default::default();
                        p.notice = NoticeState::default();
                        p.view = PoolView::default();
                        p.changed();
                    }
                    Err(problems) => self.modes.province.problems = problems,
                }
            }
            ProvinceAction::New => {
                p.session = ProvinceSession::new(p.session.profile().clone());
                p.awaiting.clear();
                p.problems.clear();
                p.scores = None;
                p.report = None;
                p.load_problems.clear();
                p.intake.clear();
                p.supervision_problems.clear();
                p.weights_refused = None;
                p.evidence = Default::default();
                p.notice = NoticeState::default();
                p.view = PoolView::default();
                p.changed();
            }
            ProvinceAction::ChangeWeights {
                kind,
                weights,
                reason,
            } => match p.session.change_weights(kind, &weights, &reason) {
                Ok(()) => {
                    p.weights_refused = None;
                    p.changed();
                }
                Err(problems) => p.weights_refused = Some((kind, problems)),
            },
            ProvinceAction::Problems(problems) => p.problems = problems,
            ProvinceAction::DownloadRefused(refused) => p.download_refused = refused,
            ProvinceAction::Notice(action) => {
                if p.reduce_notice(action) {
                    p.changed();
                }
            }
            ProvinceAction::Pool(action) => p.reduce_pool(action),
            ProvinceAction::Saved { revision, result } => match result {
                Ok(at) => {
                    p.saved_revision = p.saved_revision.max(revision);
                    p.save = SaveStatus::Saved(at);
                }
                Err(e) => p.save = SaveStatus::Failed(e),
            },
        }
    }
}
