//! The one reducer that holds every piece of UI state: [`AppState`] and its [`Action`]s.
//!
//! Components never change state themselves; they dispatch an [`Action`]. Every rule about the
//! answers (status follows points, a reason for not applicable or an override, evidence checks)
//! is applied by calling `shifan-rules`; derived values such as the score and the gaps are not
//! stored here but computed from the draft where they are shown.
//!
//! The reducer is pure: it reads no clock and no storage. What the browser knows comes in with
//! the actions ([`Boot`] at the start, times in [`Action::Saved`], listings in
//! [`Action::Listed`]); what must be written goes out as [`Write`]s in [`AppState::outbox`],
//! which the hooks perform. So it runs natively, and `web/tests/reducer.rs` checks that no
//! action drops what the official entered.

use std::rc::Rc;
use std::sync::Arc;

use shifan_rules::{
    Catalog, CatalogSet, Draft, EvidenceRef, Kind, Lang, LocalFile, Narrative, Problem, Status,
};
use yew::prelude::*;

pub use crate::modes::Mode;
use crate::modes::{ModeAction, Modes};
pub use crate::record::{Corrupt, Listing, SavedDraft, Watched};
use crate::record::{REVIEW_KEY, draft_key};

/// The screens of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    /// Start page: new, continue, open.
    Start,
    /// The applicant form.
    Applicant,
    /// The indicator workspace.
    Indicators,
    /// The printable self-assessment report.
    Report,
    /// A mode's page (no draft open; see [`crate::modes`]).
    Mode(Mode),
}

impl Screen {
    /// A short stable name, kept in the tab's session storage.
    pub fn as_str(self) -> &'static str {
        match self {
            Screen::Start => "start",
            Screen::Applicant => "applicant",
            Screen::Indicators => "indicators",
            Screen::Report => "report",
            Screen::Mode(mode) => mode.as_str(),
        }
    }

    /// Parses [`Screen::as_str`] for the screens a tab comes back to after a reload (a draft's,
    /// or the start page): a mode's screen is its page's alone, never the tab's memory.
    pub fn parse(s: &str) -> Option<Screen> {
        [
            Screen::Start,
            Screen::Applicant,
            Screen::Indicators,
            Screen::Report,
        ]
        .into_iter()
        .find(|x| x.as_str() == s)
    }
}

/// Everything the page reads from the browser before its first render: the store's records
/// and the tab's memory. [`AppState::load`] builds the first state from it alone.
#[derive(Clone, Debug, PartialEq)]
pub struct Boot {
    /// Page language.
    pub lang: Lang,
    /// The drafts in the store.
    pub listing: Listing,
    /// The city review's stored session, as stored (read by the review when it is shown).
    pub review: Option<String>,
    /// The city review's stored application files (`review:app:…`), as stored.
    pub review_files: Vec<(String, Option<String>)>,
    /// The annual reports' records (`annual:…`), as stored (read when the page is shown).
    pub annual: Vec<(String, Option<String>)>,
    /// The province's stored session, as stored (read when the province page is shown).
    pub province: Option<String>,
    /// The draft id and screen this tab showed before a reload.
    pub reopen: Option<(String, Screen)>,
    /// The mode the page is for (`None`: the county's self-assessment). The one place the
    /// mode comes from: `browser::page_mode` fills it from the page today.
    pub mode: Option<Mode>,
    /// Training's large type was on in this tab.
    pub presenter: bool,
    /// The province pool's sort and filter this tab showed before a reload, as kept
    /// ([`crate::pool_state::remembered`] reads it).
    pub pool_view: Option<String>,
    /// Today's local date, `YYYY-MM-DD` (a new review session is dated with it).
    pub today: String,
    /// Whether the browser keeps the store from eviction (`None`: it cannot say).
    pub persisted: Option<bool>,
    /// Where the app lives: its own page, or a widget in a host's page (see [`crate::embed`]).
    pub host: crate::embed::Host,
    /// The catalog the host gives (a widget's `catalog` attribute), verified: new
    /// self-assessments are answered against it, and it is kept like a loaded one.
    pub catalog: Option<Arc<Catalog>>,
}

impl Boot {
    /// A start with nothing stored and nothing remembered (tests, and a browser without
    /// storage).
    pub fn empty(lang: Lang, today: &str) -> Boot {
        Boot {
            lang,
            listing: Listing::default(),
            review: None,
            review_files: Vec::new(),
            annual: Vec::new(),
            province: None,
            reopen: None,
            mode: None,
            presenter: false,
            pool_view: None,
            today: today.to_string(),
            persisted: None,
            host: Default::default(),
            catalog: None,
        }
    }
}

/// A write to the store that the reducer asks for and the hooks perform (see
/// [`AppState::outbox`]).
#[derive(Clone, Debug, PartialEq)]
pub enum Write {
    /// Write a draft (stamped with the time of the write).
    Draft(Box<Draft>),
    /// Write `text` under `key` as it is.
    Put {
        /// Store key.
        key: String,
        /// Text.
        text: String,
    },
    /// Remove the record under this key.
    Delete(String),
}

/// Why the last save to browser storage failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// The browser gives the page no storage (disabled, private mode, policy).
    Unavailable,
    /// The storage refused the write (quota exceeded).
    Full,
}

/// What the page knows about saving the open draft.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum SaveStatus {
    /// Nothing saved in this session yet.
    #[default]
    Idle,
    /// Saved; the time (RFC 3339) of the save.
    Saved(String),
    /// The last save failed.
    Failed(SaveError),
}

/// A status the official chose that needs a reason first (not applicable, or an override).
#[derive(Clone, Debug, PartialEq)]
pub struct PendingStatus {
    /// Indicator number.
    pub number: u16,
    /// The chosen status.
    pub status: Status,
    /// The reason typed so far.
    pub reason: String,
    /// Why a reason is needed, from `Assessment::set_status`.
    pub problem: Problem,
}

/// A field of the contact.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContactField {
    /// Contact person.
    Name,
    /// Telephone.
    Phone,
    /// E-mail.
    Email,
}

/// The four narrative aspects: the one list of them, in `shifan-rules`.
pub use shifan_rules::Aspect;

/// A field of the evidence form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EvidenceField {
    /// Title.
    Title,
    /// Document number (文号).
    DocumentNumber,
    /// Date, `YYYY-MM-DD`.
    Date,
}

/// The evidence reference being written for one indicator.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EvidenceForm {
    /// Indicator number.
    pub number: u16,
    /// The reference as typed so far.
    pub evidence: EvidenceRef,
    /// Fingerprinting progress: bytes done and total, while a file is being read.
    pub hashing: Option<(u64, u64)>,
    /// Why the reference was refused, from `Assessment::add_evidence`.
    pub problem: Option<Problem>,
    /// The name of a picked file that could not be read.
    pub unreadable: Option<String>,
    /// The position of the registered reference this form edits (submitting replaces it), or
    /// `None` for a new one.
    pub replacing: Option<usize>,
}

/// A file opened while a saved draft is the same application
/// ([`Draft::same_application`]): the official chooses to continue that draft or to keep the
/// file as a separate copy, so two drafts nobody can tell apart are never made unasked.
#[derive(Clone, Debug, PartialEq)]
pub struct Duplicate {
    /// The file's draft (under its new id).
    pub draft: Box<Draft>,
    /// Its catalog.
    pub catalog: Arc<Catalog>,
    /// The warnings of the file, shown when it is opened.
    pub warnings: Vec<Problem>,
    /// The id of the saved draft that is the same application.
    pub existing: String,
}

/// A file refused only for its catalog, kept while its notice offers to load that catalog:
/// once the catalog is kept ([`Action::KeepCatalog`]) the file opens, without being picked
/// again.
#[derive(Clone, Debug, PartialEq)]
pub struct AwaitingCatalog {
    /// The file as it was read.
    pub bytes: Rc<[u8]>,
    /// The id its draft gets when it opens.
    pub id: String,
}

/// What the official chose for a [`Duplicate`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DuplicateChoice {
    /// Open the saved draft; the file is not opened.
    Continue,
    /// Open the file as a draft of its own, beside the saved one.
    KeepCopy,
    /// Open neither; what was open stays.
    Cancel,
}

/// Problems to show in a notice, with what they are about.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    /// What the problems are about.
    pub topic: NoticeTopic,
    /// The problems, shown in the page's language.
    pub problems: Vec<Problem>,
}

/// What a [`Notice`] is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeTopic {
    /// A file the official opened could not be used; the open draft is unchanged.
    OpenFailed,
    /// A file was opened, with these warnings.
    OpenedWithWarnings,
    /// The application file cannot be written yet.
    ExportFailed,
    /// The browser refused to start a download.
    DownloadRefused,
    /// The browser could not read the picked file; the open draft is unchanged.
    ReadFailed,
    /// A catalog file could not be loaded; the kept catalogs are unchanged.
    CatalogFailed,
    /// A catalog was loaded and kept: the files answered against it open now.
    CatalogKept,
    /// A status waiting for its reason was given up because another indicator's status now
    /// waits for one (the problem says which indicator and why).
    PendingDropped,
}

/// Everything the page shows, in one place.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// Page language.
    pub lang: Lang,
    /// The screen shown.
    pub screen: Screen,
    /// The catalog of the open draft (the reference catalog when none is open).
    pub catalog: Arc<Catalog>,
    /// The open draft.
    pub draft: Option<Draft>,
    /// Counts every change to the draft; autosave follows it.
    pub revision: u64,
    /// The revision last written to storage.
    pub saved_revision: u64,
    /// Whether saving works, and when it last happened.
    pub save: SaveStatus,
    /// The indicator the keyboard acts on.
    pub current: u16,
    /// Counts requests to scroll to and focus the current indicator.
    pub jump: u64,
    /// A status waiting for its reason.
    pub pending: Option<PendingStatus>,
    /// The evidence form that is open.
    pub evidence_form: Option<EvidenceForm>,
    /// A single-item kind kept while the official looks at "comprehensive", so switching back
    /// loses nothing.
    pub kind_stash: Option<Kind>,
    /// Problems to show.
    pub notice: Option<Notice>,
    /// A file waiting for the choice between the saved draft it repeats and a copy.
    pub duplicate: Option<Duplicate>,
    /// A file refused for its catalog, waiting for it while its notice shows.
    pub awaiting: Option<AwaitingCatalog>,
    /// The same draft is open in another tab.
    pub conflict: bool,
    /// Drafts in browser storage (and records that cannot be read), for the start page.
    pub drafts: Listing,
    /// Whether the browser keeps the store from eviction (`None`: it cannot say).
    pub persisted: Option<bool>,
    /// Writes asked for and not yet done, each with its number; the hooks perform them in
    /// order and report [`Action::Written`].
    pub outbox: Vec<(u64, Write)>,
    /// The number of the last write put in the outbox.
    pub outbox_seq: u64,
    /// The city picked in the applicant form while its level (the city's own government or
    /// one of its counties) is not chosen yet: picking a city alone makes nobody an applicant.
    pub city_pick: Option<u32>,
    /// The mode this page shows, from [`Boot::mode`] (`None`: the county's self-assessment).
    pub mode: Option<Mode>,
    /// Each mode's part of the state (nothing on the county page, see [`crate::modes`]).
    pub modes: Modes,
    /// Where the app lives (its page, or a widget); read by the views and hooks, never by
    /// `reduce`.
    pub host: crate::embed::Host,
}

impl AppState {
    /// A fresh state: the start page with the saved drafts listed, or the draft this tab had
    /// open before a reload.
    pub fn load(boot: Boot) -> AppState {
        let catalogs = CatalogSet::builtin();
        let reference = catalogs
            .iter()
            .next()
            .cloned()
            .unwrap_or_else(Catalog::shared_reference);
        let modes = Modes::new(&boot);
        let mut state = AppState {
            lang: boot.lang,
            screen: Screen::Start,
            catalog: reference,
            draft: None,
            revision: 0,
            saved_revision: 0,
            save: SaveStatus::Idle,
            current: 1,
            jump: 0,
            pending: None,
            evidence_form: None,
            kind_stash: None,
            notice: None,
            duplicate: None,
            awaiting: None,
            conflict: false,
            drafts: boot.listing,
            persisted: boot.persisted,
            outbox: Vec::new(),
            outbox_seq: 0,
            city_pick: None,
            mode: None,
            modes,
            host: boot.host,
        };
        if let Some(catalog) = boot.catalog {
            // Kept in the store, so the drafts answered against it are listed after a reload
            // (before the host has given it again).
            if state
                .drafts
                .catalog_set()
                .by_fingerprint(catalog.fingerprint())
                .is_none()
            {
                state.request(Write::Put {
                    key: crate::record::catalog_key(catalog.fingerprint()),
                    text: catalog.to_json(),
                });
                state.drafts.keep_catalog(catalog.clone());
            }
            state.catalog = catalog;
        }
        // A mode's page opens its mode, even when the tab left a draft there; the county's
        // self-assessment comes back to the draft this tab had open.
        match boot.mode {
            Some(mode) if crate::modes::enter(&mut state, mode, boot.today) => {
                state.mode = Some(mode)
            }
            _ => state.reopen_session_draft(boot.reopen),
        }
        state
    }

    /// Reopens the draft this tab had open before a reload, on the screen it showed.
    fn reopen_session_draft(&mut self, reopen: Option<(String, Screen)>) {
        if let Some((id, screen)) = reopen
            && let Some(saved) = self
                .drafts
                .drafts
                .iter()
                .find(|s| s.draft.id == id)
                .cloned()
        {
            self.open(saved.draft, saved.catalog);
            self.screen = screen;
            self.revision = 0;
        }
    }

    /// Asks for `write` to be done (the hooks perform the outbox in order).
    pub(crate) fn request(&mut self, write: Write) {
        self.outbox_seq += 1;
        self.outbox.push((self.outbox_seq, write));
    }

    /// Has the open draft's last changes written before it is closed or replaced, so the
    /// autosave delay never loses them; the start page lists it as it is now.
    pub(crate) fn put_away(&mut self) {
        if self.unsaved()
            && let Some(draft) = self.draft.clone()
        {
            self.drafts.put(SavedDraft {
                draft: draft.clone(),
                catalog: self.catalog.clone(),
            });
            self.request(Write::Draft(Box::new(draft)));
            self.saved_revision = self.revision;
        }
    }

    /// The one way the open draft is left, whatever leaves it (the start page, a new draft,
    /// another draft or file opened, a demo county, a mode entered, the draft deleted): its
    /// last changes are asked to be written and it is listed as it is now ([`Self::put_away`]),
    /// the modes let go of what is theirs alone (training's demo and session catalog), and
    /// nothing of it stays behind to act on the next one (a waiting status, an evidence form,
    /// a stashed kind, a city picked without its level, the other tab's warning).
    /// `web/tests/reducer.rs` runs every way through here with an unsaved change.
    pub(crate) fn close_draft(&mut self) {
        self.put_away();
        crate::modes::leave(self);
        self.draft = None;
        self.pending = None;
        self.evidence_form = None;
        self.kind_stash = None;
        self.city_pick = None;
        self.conflict = false;
    }

    /// Closes the open draft and shows `mode`'s page: how a mode is entered.
    pub fn show_mode(&mut self, mode: Mode) {
        self.close_draft();
        self.notice = None;
        self.screen = Screen::Mode(mode);
    }

    /// Opens a draft read from a file or the list; a draft under a new id (a file) that
    /// repeats a saved one waits for the official's choice ([`AppState::duplicate`]); a saved
    /// draft opened from the list is never asked about.
    fn open_asked(&mut self, draft: Box<Draft>, catalog: Arc<Catalog>, warnings: Vec<Problem>) {
        let known = self.drafts.drafts.iter().any(|d| d.draft.id == draft.id);
        let existing = self
            .drafts
            .drafts
            .iter()
            .find(|d| !known && d.draft.same_application(&draft))
            .map(|d| d.draft.id.clone());
        match existing {
            Some(existing) => {
                self.duplicate = Some(Duplicate {
                    draft,
                    catalog,
                    warnings,
                    existing,
                })
            }
            None => self.open_with_warnings(*draft, catalog, warnings),
        }
    }

    /// Opens `draft` and shows the warnings it was opened with (none: no notice).
    fn open_with_warnings(&mut self, draft: Draft, catalog: Arc<Catalog>, warnings: Vec<Problem>) {
        self.open(draft, catalog);
        self.notice = (!warnings.is_empty()).then_some(Notice {
            topic: NoticeTopic::OpenedWithWarnings,
            problems: warnings,
        });
    }

    /// Opens `draft` (answered against `catalog`) in place of the open one, which is closed
    /// first ([`Self::close_draft`]).
    pub(crate) fn open(&mut self, draft: Draft, catalog: Arc<Catalog>) {
        self.close_draft();
        self.current = catalog.indicators().next().map_or(1, |i| i.number);
        self.draft = Some(draft);
        self.catalog = catalog;
        self.revision += 1;
        self.saved_revision = 0;
        self.save = SaveStatus::Idle;
        let ready = self.draft.as_ref().is_some_and(|d| d.place().is_ok());
        self.screen = if ready {
            Screen::Indicators
        } else {
            Screen::Applicant
        };
    }

    /// Applies `f` to the open draft; when it reports a change, counts a new revision (the
    /// draft's time is stamped when the change is written, see [`Action::Saved`]).
    fn edit(&mut self, f: impl FnOnce(&mut Draft, &Catalog) -> bool) {
        let catalog = self.catalog.clone();
        if let Some(draft) = self.draft.as_mut()
            && f(draft, &catalog)
        {
            self.revision += 1;
        }
    }

    /// Whether the open draft has changes not yet in storage (never for a demo county of
    /// training mode, which is not saved).
    pub fn unsaved(&self) -> bool {
        self.draft.is_some() && !self.in_demo() && self.revision > self.saved_revision
    }

    /// Whether the open draft is a demo county of training mode (never on the county page).
    pub fn in_demo(&self) -> bool {
        self.modes.in_demo()
    }

    /// What this tab has open and saves, for the guard against the same record open in two
    /// tabs: the draft (not a demo county, which is never saved), or the city review's session.
    pub fn watched(&self) -> Option<Watched> {
        if let Some(draft) = self.draft.as_ref() {
            return (!self.in_demo()).then(|| Watched {
                name: draft.id.clone(),
                key: draft_key(&draft.id),
            });
        }
        if let Some(watched) = crate::modes::watched(self) {
            return Some(watched);
        }
        if self.in_review() {
            // A name the page's own draft ids (lower-case letters, digits, a hyphen) never take.
            return Some(Watched {
                name: "review:session".to_string(),
                key: REVIEW_KEY.to_string(),
            });
        }
        None
    }

    /// Whether the page shows the city review.
    pub fn in_review(&self) -> bool {
        crate::modes::IN_BUILD && self.draft.is_none() && self.screen == Screen::Mode(Mode::Review)
    }

    /// Whether the page shows the annual report.
    pub fn in_annual(&self) -> bool {
        crate::modes::IN_BUILD && self.draft.is_none() && self.screen == Screen::Mode(Mode::Annual)
    }

    /// Whether the page shows the province's round.
    pub fn in_province(&self) -> bool {
        crate::modes::IN_BUILD
            && self.draft.is_none()
            && self.screen == Screen::Mode(Mode::Province)
    }

    /// Whether the page is in training mode: the training page, or a demo county open.
    pub fn in_training(&self) -> bool {
        crate::modes::IN_BUILD
            && (self.in_demo()
                || (self.draft.is_none() && self.screen == Screen::Mode(Mode::Training)))
    }

    fn step(&mut self, forward: bool) {
        let numbers: Vec<u16> = self.catalog.indicators().map(|i| i.number).collect();
        let at = numbers.iter().position(|&n| n == self.current).unwrap_or(0);
        let next = if forward {
            (at + 1).min(numbers.len().saturating_sub(1))
        } else {
            at.saturating_sub(1)
        };
        if let Some(&n) = numbers.get(next) {
            self.current = n;
            self.jump += 1;
        }
    }

    fn set_status(&mut self, number: u16, status: Status, reason: Option<String>) {
        let mut failed = None;
        let reason_given = reason.clone();
        self.edit(|draft, catalog| {
            let reason = reason.unwrap_or_else(|| {
                draft
                    .assessment
                    .get(number)
                    .map(|a| a.reason.clone())
                    .unwrap_or_default()
            });
            let before = draft.assessment.get(number).cloned();
            match draft
                .assessment
                .set_status(catalog, number, status, &reason)
            {
                Ok(()) => draft.assessment.get(number).cloned() != before,
                Err(problem) => {
                    failed = Some(problem);
                    false
                }
            }
        });
        self.current = number;
        match failed {
            Some(problem) => {
                // One status waits for its reason at a time: when another indicator's is given
                // up for this one, the page says so rather than dropping it without a word.
                if let Some(old) = self.pending.take().filter(|p| p.number != number) {
                    self.notice = Some(Notice {
                        topic: NoticeTopic::PendingDropped,
                        problems: vec![old.problem.at_indicator(old.number)],
                    });
                }
                self.pending = Some(PendingStatus {
                    number,
                    status,
                    reason: reason_given.unwrap_or_default(),
                    problem,
                });
            }
            // A status that needs no reason, on another card, leaves the waiting one alone.
            None => {
                if self.pending.as_ref().is_some_and(|p| p.number == number) {
                    self.pending = None;
                }
            }
        }
    }
}

/// Everything that can happen in the app.
#[derive(Clone, Debug)]
pub enum Action {
    /// Switch the page language.
    SetLang(Lang),
    /// Show a screen (the start page closes the draft).
    Go(Screen),
    /// Start a new self-assessment with this id at this time.
    NewDraft {
        /// Draft id.
        id: String,
        /// Start time (RFC 3339).
        now: String,
    },
    /// Open a draft (from storage or from a verified file).
    OpenDraft {
        /// The draft.
        draft: Box<Draft>,
        /// Its catalog.
        catalog: Arc<Catalog>,
        /// Warnings to show (e.g. an incomplete single-item narrative).
        warnings: Vec<Problem>,
    },
    /// Keep this catalog (loaded from a file) in the store: files and drafts answered against
    /// it are read with it from now on, also after a reload; the file waiting for it opens
    /// ([`AppState::awaiting`]), and the review verifies its waiting files again.
    KeepCatalog(Arc<Catalog>),
    /// A file was refused only for its catalog: its problems are shown, and it waits for the
    /// catalog to be loaded from the notice.
    RefusedForCatalog {
        /// The file as it was read.
        bytes: Rc<[u8]>,
        /// The id its draft gets when it opens.
        id: String,
        /// Why it was refused.
        problems: Vec<Problem>,
    },
    /// The official's choice for the file waiting in [`AppState::duplicate`].
    ResolveDuplicate(DuplicateChoice),
    /// The store was read again: the drafts it holds.
    Listed(Listing),
    /// Delete the stored draft (or unreadable record) under this key.
    DeleteRecord(String),
    /// The write numbered `seq` of the outbox was done (or failed).
    Written {
        /// Its number.
        seq: u64,
        /// `Ok`, or why it failed.
        result: Result<(), SaveError>,
    },
    /// Whether the browser keeps the store from eviction.
    Persisted(Option<bool>),
    /// Show problems.
    ShowProblems(NoticeTopic, Vec<Problem>),
    /// Hide the notice.
    DismissNotice,
    /// The draft at `revision` was written to storage, stamped with the time of the write
    /// (RFC 3339), or why it failed.
    Saved {
        /// The revision written.
        revision: u64,
        /// The time it was stamped with, or why it failed.
        result: Result<String, SaveError>,
    },
    /// Another tab has (or no longer has) the same draft open.
    Conflict(bool),
    /// Set the division code (picked or typed).
    SetDivision(String),
    /// Pick a city in the applicant form (its code), which leaves the level to choose: the
    /// division code is cleared unless it already names that city or one of its counties.
    PickCity(String),
    /// Set a contact field.
    SetContact(ContactField, String),
    /// Choose comprehensive (`false`) or single-item (`true`).
    SetSingleItem(bool),
    /// Set the single-item category id.
    SetCategory(String),
    /// Set the single-item project title.
    SetProjectTitle(String),
    /// Set a narrative aspect.
    SetNarrative(Aspect, String),
    /// Tick or untick a point.
    TogglePoint {
        /// Indicator.
        number: u16,
        /// Point, 0-based.
        point: usize,
    },
    /// Set a status; `reason` `None` keeps the answer's current reason.
    SetStatus {
        /// Indicator.
        number: u16,
        /// Status.
        status: Status,
        /// Reason, or `None` to keep the current one.
        reason: Option<String>,
    },
    /// Set the status of the current indicator (keyboard), keeping its reason.
    SetCurrentStatus(Status),
    /// Edit the reason of the status waiting for one.
    EditPendingReason(String),
    /// Apply the waiting status with its reason.
    ConfirmPending,
    /// Drop the waiting status.
    CancelPending,
    /// Replace an indicator's note.
    SetNote {
        /// Indicator.
        number: u16,
        /// Note.
        note: String,
    },
    /// Open the evidence form for an indicator.
    OpenEvidenceForm(u16),
    /// Close the evidence form.
    CloseEvidenceForm,
    /// Edit a field of the evidence form.
    EditEvidence(EvidenceField, String),
    /// Fingerprinting progress.
    HashProgress {
        /// Indicator whose form started it.
        number: u16,
        /// Bytes done.
        done: u64,
        /// Bytes in all.
        total: u64,
    },
    /// A file was fingerprinted.
    Hashed {
        /// Indicator whose form started it.
        number: u16,
        /// Name, size and SHA-256.
        file: LocalFile,
    },
    /// A picked file could not be read.
    HashFailed {
        /// Indicator whose form started it.
        number: u16,
        /// The file's name.
        name: String,
    },
    /// Forget the fingerprinted file in the form.
    ClearEvidenceFile,
    /// Add the form's reference to its indicator.
    SubmitEvidence,
    /// Open the evidence form on a registered reference, to edit it (submitting replaces it).
    EditEvidenceEntry {
        /// Indicator.
        number: u16,
        /// Position in its list.
        index: usize,
    },
    /// Remove an evidence reference.
    RemoveEvidence {
        /// Indicator.
        number: u16,
        /// Position in its list.
        index: usize,
    },
    /// Make an indicator current without moving the view.
    Select(u16),
    /// Make an indicator current and bring it into view (on the indicator screen).
    Jump(u16),
    /// Next indicator.
    Next,
    /// Previous indicator.
    Prev,
    /// An action of a mode (see [`crate::modes`]; none on the county page).
    Mode(ModeAction),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = Rc::unwrap_or_clone(self);
        match action {
            Action::SetLang(lang) => s.lang = lang,
            Action::Go(Screen::Start) => {
                s.close_draft();
                s.screen = Screen::Start;
            }
            Action::Go(screen) => {
                if s.draft.is_some() {
                    s.screen = screen;
                }
            }
            Action::NewDraft { id, now } => {
                let catalog = s.catalog.clone();
                let draft = Draft::new(id, &catalog, now);
                s.open(draft, catalog);
                s.notice = None;
            }
            Action::OpenDraft {
                draft,
                catalog,
                warnings,
            } => s.open_asked(draft, catalog, warnings),
            Action::KeepCatalog(catalog) => {
                s.request(Write::Put {
                    key: crate::record::catalog_key(catalog.fingerprint()),
                    text: catalog.to_json(),
                });
                s.notice = Some(Notice {
                    topic: NoticeTopic::CatalogKept,
                    problems: Vec::new(),
                });
                s.drafts.keep_catalog(catalog);
                if let Some(file) = s.awaiting.take() {
                    let catalogs = s.drafts.catalog_set();
                    match crate::files::read_opened(&file.bytes, &catalogs, file.id.clone()) {
                        Ok((draft, catalog, warnings)) => {
                            s.open_asked(Box::new(draft), catalog, warnings);
                            // Opened without warnings: the notice still says the catalog is kept.
                            if s.notice.is_none() {
                                s.notice = Some(Notice {
                                    topic: NoticeTopic::CatalogKept,
                                    problems: Vec::new(),
                                });
                            }
                        }
                        // Another catalog than the file's: the notice says it is kept, and
                        // why the file still cannot open; it still waits.
                        Err(problems) => {
                            s.awaiting = Some(file);
                            s.notice = Some(Notice {
                                topic: NoticeTopic::CatalogKept,
                                problems,
                            });
                        }
                    }
                }
                crate::modes::catalog_kept(&mut s);
            }
            Action::RefusedForCatalog {
                bytes,
                id,
                problems,
            } => {
                s.notice = Some(Notice {
                    topic: NoticeTopic::OpenFailed,
                    problems,
                });
                s.awaiting = Some(AwaitingCatalog { bytes, id });
            }
            Action::ResolveDuplicate(choice) => {
                if let Some(dup) = s.duplicate.take() {
                    match choice {
                        // The open draft itself is the one to continue: it stays as it is.
                        DuplicateChoice::Continue
                            if s.draft.as_ref().is_some_and(|d| d.id == dup.existing) => {}
                        DuplicateChoice::Continue => {
                            if let Some(saved) = s
                                .drafts
                                .drafts
                                .iter()
                                .find(|d| d.draft.id == dup.existing)
                                .cloned()
                            {
                                s.open_with_warnings(saved.draft, saved.catalog, Vec::new());
                            }
                        }
                        DuplicateChoice::KeepCopy => {
                            s.open_with_warnings(*dup.draft, dup.catalog, dup.warnings)
                        }
                        DuplicateChoice::Cancel => {}
                    }
                }
            }
            Action::Listed(listing) => s.drafts = listing,
            Action::DeleteRecord(key) => {
                // Deleting the open draft leaves it first, through the one way out; the
                // deletion, asked for last, is what stays.
                if s.draft.as_ref().is_some_and(|d| draft_key(&d.id) == key) {
                    s.close_draft();
                    s.screen = Screen::Start;
                }
                s.drafts.remove(&key);
                s.request(Write::Delete(key));
            }
            Action::Written { seq, result } => {
                s.outbox.retain(|(n, _)| *n != seq);
                if let Err(e) = result {
                    s.save = SaveStatus::Failed(e);
                }
            }
            Action::Persisted(persisted) => s.persisted = persisted,
            Action::ShowProblems(topic, problems) => s.notice = Some(Notice { topic, problems }),
            Action::DismissNotice => s.notice = None,
            Action::Saved { revision, result } => match result {
                Ok(at) => {
                    s.saved_revision = s.saved_revision.max(revision);
                    // The open draft is what was written only when nothing changed since
                    // (another draft may have been opened meanwhile): only then is it stamped.
                    let current = revision == s.revision && !s.in_demo();
                    if let Some(draft) = s.draft.as_mut().filter(|_| current) {
                        draft.updated = at.clone();
                        s.drafts.put(SavedDraft {
                            draft: draft.clone(),
                            catalog: s.catalog.clone(),
                        });
                    }
                    s.save = SaveStatus::Saved(at);
                }
                Err(e) => s.save = SaveStatus::Failed(e),
            },
            Action::Conflict(on) => s.conflict = on,
            Action::SetDivision(code) => s.edit(|d, _| {
                let code = code.trim().to_string();
                let changed = d.division_code != code;
                d.division_code = code;
                changed
            }),
            Action::PickCity(code) => {
                let city = crate::components::applicant::city_of(&code);
                s.city_pick = city;
                s.edit(|d, _| {
                    let keep = city.is_some_and(|c| {
                        crate::components::applicant::city_of(&d.division_code) == Some(c)
                    });
                    let changed = !keep && !d.division_code.is_empty();
                    if changed {
                        d.division_code.clear();
                    }
                    changed
                });
            }
            Action::EditEvidenceEntry { number, index } => {
                let entry = s
                    .draft
                    .as_ref()
                    .and_then(|d| d.assessment.get(number))
                    .and_then(|a| a.evidence.get(index))
                    .cloned();
                if let Some(evidence) = entry {
                    s.current = number;
                    s.evidence_form = Some(EvidenceForm {
                        number,
                        evidence,
                        replacing: Some(index),
                        ..EvidenceForm::default()
                    });
                }
            }
            Action::SetContact(field, value) => s.edit(|d, _| {
                let slot = match field {
                    ContactField::Name => &mut d.contact.name,
                    ContactField::Phone => &mut d.contact.phone,
                    ContactField::Email => &mut d.contact.email,
                };
                let changed = *slot != value;
                *slot = value;
                changed
            }),
            Action::SetSingleItem(single) => {
                let mut stash = s.kind_stash.take();
                s.edit(|d, _| {
                    let is_single = matches!(d.kind, Kind::SingleItem { .. });
                    if is_single == single {
                        return false;
                    }
                    let next = if single {
                        stash.take().unwrap_or(Kind::SingleItem {
                            category: String::new(),
                            title: String::new(),
                            narrative: Narrative::default(),
                        })
                    } else {
                        Kind::Comprehensive
                    };
                    let previous = std::mem::replace(&mut d.kind, next);
                    if is_single {
                        stash = Some(previous);
                    }
                    true
                });
                s.kind_stash = stash;
            }
            Action::SetCategory(id) => s.edit(|d, _| match &mut d.kind {
                Kind::SingleItem { category, .. } if *category != id => {
                    *category = id;
                    true
                }
                _ => false,
            }),
            Action::SetProjectTitle(text) => s.edit(|d, _| match &mut d.kind {
                Kind::SingleItem { title, .. } if *title != text => {
                    *title = text;
                    true
                }
                _ => false,
            }),
            Action::SetNarrative(aspect, text) => s.edit(|d, _| match &mut d.kind {
                Kind::SingleItem { narrative, .. } => {
                    let slot = aspect.get_mut(narrative);
                    let changed = *slot != text;
                    *slot = text;
                    changed
                }
                Kind::Comprehensive => false,
            }),
            Action::TogglePoint { number, point } => {
                s.current = number;
                if s.pending.as_ref().is_some_and(|p| p.number == number) {
                    s.pending = None;
                }
                s.edit(|d, c| d.assessment.toggle_point(c, number, point));
            }
            Action::SetStatus {
                number,
                status,
                reason,
            } => s.set_status(number, status, reason),
            Action::SetCurrentStatus(status) => {
                let number = s.current;
                let applies = s.draft.as_ref().is_some_and(|d| {
                    s.catalog
                        .indicator(number)
                        .is_some_and(|i| i.applies_to.applies_to(d.level()))
                });
                if applies {
                    s.set_status(number, status, None);
                }
            }
            Action::EditPendingReason(text) => {
                if let Some(p) = s.pending.as_mut() {
                    p.reason = text;
                }
            }
            Action::ConfirmPending => {
                if let Some(p) = s.pending.take() {
                    s.set_status(p.number, p.status, Some(p.reason));
                }
            }
            Action::CancelPending => s.pending = None,
            Action::SetNote { number, note } => s.edit(|d, _| {
                let same = d.assessment.get(number).is_some_and(|a| a.note == note);
                !same && d.assessment.set_note(number, &note)
            }),
            Action::OpenEvidenceForm(number) => {
                s.current = number;
                s.evidence_form = Some(EvidenceForm {
                    number,
                    ..EvidenceForm::default()
                });
            }
            Action::CloseEvidenceForm => s.evidence_form = None,
            Action::EditEvidence(field, value) => {
                if let Some(form) = s.evidence_form.as_mut() {
                    let slot = match field {
                        EvidenceField::Title => &mut form.evidence.title,
                        EvidenceField::DocumentNumber => &mut form.evidence.document_number,
                        EvidenceField::Date => &mut form.evidence.date,
                    };
                    *slot = value;
                    form.problem = None;
                }
            }
            Action::HashProgress {
                number,
                done,
                total,
            } => {
                if let Some(form) = s.evidence_form.as_mut().filter(|f| f.number == number) {
                    form.hashing = Some((done, total));
                    form.unreadable = None;
                }
            }
            Action::Hashed { number, file } => {
                if let Some(form) = s.evidence_form.as_mut().filter(|f| f.number == number) {
                    form.hashing = None;
                    if form.evidence.title.trim().is_empty() {
                        form.evidence.title = file.name.clone();
                    }
                    form.evidence.file = Some(file);
                }
            }
            Action::HashFailed { number, name } => {
                if let Some(form) = s.evidence_form.as_mut().filter(|f| f.number == number) {
                    form.hashing = None;
                    form.unreadable = Some(name);
                }
            }
            Action::ClearEvidenceFile => {
                if let Some(form) = s.evidence_form.as_mut() {
                    form.evidence.file = None;
                }
            }
            Action::SubmitEvidence => {
                if let Some(mut form) = s.evidence_form.take() {
                    let mut refused = None;
                    let number = form.number;
                    let mut evidence = form.evidence.clone();
                    evidence.title = evidence.title.trim().to_string();
                    evidence.document_number = evidence.document_number.trim().to_string();
                    evidence.date = evidence.date.trim().to_string();
                    let replacing = form.replacing;
                    s.edit(|d, _| {
                        match match replacing {
                            Some(index) => d.assessment.replace_evidence(number, index, evidence),
                            None => d.assessment.add_evidence(number, evidence),
                        } {
                            Ok(()) => true,
                            Err(problem) => {
                                refused = Some(problem);
                                false
                            }
                        }
                    });
                    if let Some(problem) = refused {
                        form.problem = Some(problem);
                        s.evidence_form = Some(form);
                    }
                }
            }
            Action::RemoveEvidence { number, index } => {
                s.edit(|d, _| d.assessment.remove_evidence(number, index).is_some())
            }
            Action::Select(number) => {
                if s.catalog.indicator(number).is_some() {
                    s.current = number;
                }
            }
            Action::Jump(number) => {
                if s.catalog.indicator(number).is_some() && s.draft.is_some() {
                    s.current = number;
                    s.screen = Screen::Indicators;
                    s.jump += 1;
                }
            }
            Action::Mode(action) => crate::modes::reduce(&mut s, action),
            Action::Next => s.step(true),
            Action::Prev => s.step(false),
        }
        // A file waits for its catalog only while its notice offers to load one.
        if !s
            .notice
            .as_ref()
            .is_some_and(|n| shifan_rules::problem::needs_catalog(&n.problems))
        {
            s.awaiting = None;
        }
        Rc::new(s)
    }
}

/// The state handle components read from context.
pub type AppHandle = UseReducerHandle<AppState>;

/// The dispatcher components that do not read the state get from context; it never changes,
/// so it re-renders nothing.
pub type Dispatch = UseReducerDispatcher<AppState>;

/// The app state from context (inside [`crate::App`]).
#[hook]
pub fn use_app() -> AppHandle {
    use_context::<AppHandle>().expect("components are used inside App, which provides the state")
}

/// The dispatcher from context (inside [`crate::App`]).
#[hook]
pub fn use_dispatch() -> Dispatch {
    use_context::<Dispatch>()
        .expect("components are used inside App, which provides the dispatcher")
}
