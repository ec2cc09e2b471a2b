//! The annual report's part of the one reducer: [`AnnualState`] (a field of [`AppState`]) and
//! the [`AnnualAction`]s that change it (the full build's `annual.html`).
//!
//! A government writes its rule-of-law government annual report from the template of
//! `shifan-rules` (`annual`): the parts, their guidance, the length counts, the deadlines and
//! the sealed file all come from there; this module holds only what the page shows and what is
//! unsaved. Pure like the rest of the reducer: times come in with the actions, and the writes
//! it asks for itself (closing a report with unsaved changes) go out through the outbox.

use std::rc::Rc;

use shifan_rules::annual::{AnnualReport, ReportContent, SelfAssessment, calendar_day};
use shifan_rules::{Applicant, Contact, Generator, Problem};

use crate::record::{AnnualListing, KeptRegister, NamedListing, annual_key};
use crate::state::{Action, AppState, ContactField, Mode, SaveError, SaveStatus, Screen, Write};

/// The program named in the reports this page writes.
fn generator() -> Generator {
    Generator {
        name: "shifan-web".to_string(),
        version: env!("CARGO_PKG_VERSION").to_string(),
    }
}

/// Records as the store hands them over: `(key, text)`, text `None` when not text.
pub type Records = Vec<(String, Option<String>)>;

/// The report being written: its content, and the times the file keeps.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenReport {
    /// Everything the official writes.
    pub content: ReportContent,
    /// When the report was started (RFC 3339).
    pub created: String,
    /// When it was last written to the store or opened (RFC 3339).
    pub updated: String,
}

impl OpenReport {
    /// Its store key (`annual:<code>-<year>`).
    pub fn key(&self) -> String {
        annual_key(&self.content.government.division_code, self.content.year)
    }

    /// The sealed file, written at `now`.
    pub fn seal(&self, now: &str) -> AnnualReport {
        AnnualReport::build(
            self.content.clone(),
            generator(),
            self.created.clone(),
            now.to_string(),
        )
    }

    /// The sealed file as last written (the print view, and the downloads, show this one:
    /// the same content always gives the same fingerprint).
    pub fn sealed(&self) -> AnnualReport {
        self.seal(&self.updated)
    }

    fn of(report: &AnnualReport) -> OpenReport {
        OpenReport {
            content: report.content(),
            created: report.created.clone(),
            updated: report.updated.clone(),
        }
    }
}

/// The form that starts a report: which government, which year.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NewReport {
    /// Division code, as chosen.
    pub code: String,
    /// The year reported on, as typed.
    pub year: String,
    /// A national demonstration place.
    pub national: bool,
}

/// The annual report page's state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AnnualState {
    /// The store's `annual:` records as read at the start, until the page is entered (shared:
    /// the state is cloned on every action).
    pub stored: Option<Rc<Records>>,
    /// The reports in the store, and the records that cannot be read.
    pub listing: AnnualListing,
    /// Today's local date, `YYYY-MM-DD` (the deadlines count from it).
    pub today: String,
    /// The form that starts a report.
    pub form: NewReport,
    /// The report being written.
    pub open: Option<OpenReport>,
    /// The print version is shown.
    pub print: bool,
    /// Counts every change to the open report; autosave follows it.
    pub revision: u64,
    /// The revision last written to the store.
    pub saved_revision: u64,
    /// Whether saving works, and when it last happened.
    pub save: SaveStatus,
    /// Problems to show (a file that cannot be used, a form not filled in).
    pub problems: Vec<Problem>,
    /// A report started or opened was already saved in this browser: the saved one is shown.
    pub already_saved: bool,
    /// The registers this browser keeps to know its government is a named place, and the
    /// records of them that cannot be read.
    pub named: NamedListing,
}

impl AnnualState {
    /// Whether the open report has changes not yet in the store.
    pub fn unsaved(&self) -> bool {
        self.open.is_some() && self.revision > self.saved_revision
    }

    /// The day the page was opened on, if the browser gave one (the deadlines count from it).
    pub fn day(&self) -> Option<shifan_rules::annual::Date> {
        calendar_day(&self.today)
    }
}

/// Everything that can happen on the annual report page.
#[derive(Clone, Debug)]
pub enum AnnualAction {
    /// Show the page, dated `today` (`YYYY-MM-DD`); the stored reports are read the first time.
    Enter {
        /// Today's local date.
        today: String,
    },
    /// The government chosen in the form.
    SetCode(String),
    /// The year typed in the form.
    SetYear(String),
    /// A national demonstration place (the form, or the open report).
    SetNational(bool),
    /// Start the report of the form, at `now` (RFC 3339); a report already saved for the same
    /// government and year opens instead.
    Start {
        /// The time it starts.
        now: String,
    },
    /// Open the stored report under this key.
    OpenStored(String),
    /// A picked report file, verified (or why it cannot be used).
    OpenFile(Result<Box<AnnualReport>, Vec<Problem>>),
    /// Change the text of a part.
    SetPart {
        /// The template part's key.
        key: String,
        /// The whole text.
        text: String,
    },
    /// Change a field of the contact.
    SetContact(ContactField, String),
    /// Attach the year's self-assessment (a verified application file), or say why not.
    Attach(Result<Box<SelfAssessment>, Vec<Problem>>),
    /// Take the attached self-assessment off.
    Detach,
    /// Show or leave the print version.
    Print(bool),
    /// Close the report (its last changes are written first, sealed at `now`).
    Close {
        /// The time of the write.
        now: String,
    },
    /// The report at `revision` was written, at the time given, or why it failed.
    Saved {
        /// The revision written.
        revision: u64,
        /// The time of the write, or why it failed.
        result: Result<String, SaveError>,
    },
    /// A register picked to mark the government chosen in the form (or of the open report) as
    /// a named place, verified (or why it cannot be used): kept if it names that government,
    /// in place of the one kept for the same round only if it extends it.
    KeepRegister(Result<Box<shifan_rules::register::VerifiedRegister>, Vec<Problem>>),
    /// Hide the problems.
    Dismiss,
}

impl AppState {
    /// Applies an annual report action.
    pub(crate) fn reduce_annual(&mut self, action: AnnualAction) {
        let a = &mut self.modes.annual;
        match action {
            AnnualAction::Enter { today } => {
                self.screen = Screen::Mode(Mode::Annual);
                a.today = today;
                if let Some(stored) = a.stored.take() {
                    a.listing = AnnualListing::read(stored.as_ref().clone());
                    a.named = NamedListing::read(stored.as_ref().clone());
                }
                if a.form.year.is_empty()
                    && let Some(date) = a.day()
                {
                    a.form.year = shifan_rules::annual::report_year_for(date).to_string();
                }
            }
            AnnualAction::SetCode(code) => a.form.code = code,
            AnnualAction::SetYear(year) => a.form.year = year,
            AnnualAction::SetNational(national) => match a.open.as_mut() {
                Some(open) if open.content.national != national => {
                    open.content.national = national;
                    a.revision += 1;
                }
                Some(_) => {}
                None => a.form.national = national,
            },
            AnnualAction::Start { now } => {
                let year = a.form.year.trim().parse::<u16>().ok().filter(|y| {
                    *y >= shifan_rules::annual::FIRST_YEAR
                        && a.day().is_none_or(|d| i32::from(*y) <= d.year)
                });
                let government = Applicant::from_code(a.form.code.trim(), Contact::default());
                let mut problems = Vec::new();
                if let Err(problem) = &government {
                    problems.push(problem.clone());
                }
                if year.is_none() {
                    problems.push(Problem::new(
                        shifan_rules::Code::InvalidYear,
                        format!(
                            "报告年度「{}」无效：请填写 {} 年至今年之间的四位年份。",
                            a.form.year,
                            shifan_rules::annual::FIRST_YEAR
                        ),
                        format!(
                            "the report's year “{}” is not valid: give a four-digit year from {} to this year.",
                            a.form.year,
                            shifan_rules::annual::FIRST_YEAR
                        ),
                    ));
                }
                let (Ok(government), Some(year)) = (government, year) else {
                    a.problems = problems;
                    return;
                };
                let key = annual_key(&government.division_code, year);
                let open = match a.listing.get(&key) {
                    Some(saved) => {
                        a.already_saved = true;
                        OpenReport::of(saved)
                    }
                    None => {
                        a.already_saved = false;
                        OpenReport {
                            content: ReportContent::blank(government, year, a.form.national),
                            created: now.clone(),
                            updated: now,
                        }
                    }
                };
                let new = a.listing.get(&key).is_none();
                self.open_annual(open, new);
            }
            AnnualAction::OpenStored(key) => {
                if let Some(saved) = a.listing.get(&key).cloned() {
                    a.already_saved = false;
                    self.open_annual(OpenReport::of(&saved), false);
                }
            }
            AnnualAction::KeepRegister(Err(problems)) => a.problems = problems,
            AnnualAction::KeepRegister(Ok(verified)) => {
                let code = match &a.open {
                    Some(open) => open.content.government.division_code.clone(),
                    None => a.form.code.trim().to_string(),
                };
                let Some(kept) = KeptRegister::of(&verified, &code) else {
                    a.problems = vec![shifan_rules::supervision::not_named_problem(
                        &verified, &code,
                    )];
                    return;
                };
                if let Some(old) = a.named.get(&kept.key)
                    && let Err(problems) =
                        shifan_rules::register::extends(&old.register, &kept.register)
                {
                    a.problems = problems;
                    return;
                }
                a.problems.clear();
                let write = Write::Put {
                    key: kept.key.clone(),
                    text: kept.register.to_json(),
                };
                a.named.put(kept);
                self.request(write);
            }
            AnnualAction::OpenFile(Err(problems)) => a.problems = problems,
            AnnualAction::OpenFile(Ok(report)) => {
                let opened = OpenReport::of(&report);
                let key = opened.key();
                match a.listing.get(&key) {
                    // The saved one is what this browser has been writing: a file never
                    // replaces it unasked. An identical file is simply the saved report.
                    Some(saved) => {
                        a.already_saved = saved.content() != report.content();
                        let saved = OpenReport::of(saved);
                        self.open_annual(saved, false);
                    }
                    None => {
                        a.already_saved = false;
                        self.open_annual(opened, true);
                    }
                }
            }
            AnnualAction::SetPart { key, text } => {
                if let Some(open) = a.open.as_mut()
                    && open.content.text(&key) != text
                    && open.content.set_text(&key, text)
                {
                    a.revision += 1;
                }
            }
            AnnualAction::SetContact(field, text) => {
                if let Some(open) = a.open.as_mut() {
                    let contact = &mut open.content.government.contact;
                    let slot = match field {
                        ContactField::Name => &mut contact.name,
                        ContactField::Phone => &mut contact.phone,
                        ContactField::Email => &mut contact.email,
                    };
                    if *slot != text {
                        *slot = text;
                        a.revision += 1;
                    }
                }
            }
            AnnualAction::Attach(Err(problems)) => a.problems = problems,
            AnnualAction::Attach(Ok(attached)) => {
                if let Some(open) = a.open.as_mut() {
                    if attached.division_code != open.content.government.division_code {
                        a.problems = vec![Problem::new(
                            shifan_rules::Code::InvalidSelfAssessment,
                            "所选申报文件是另一个政府的自评，不能附在本报告后。",
                            "the application file picked is another government's self-assessment; it cannot be attached to this report.",
                        )];
                    } else if open.content.self_assessment.as_ref() != Some(&*attached) {
                        open.content.self_assessment = Some(*attached);
                        a.problems.clear();
                        a.revision += 1;
                    }
                }
            }
            AnnualAction::Detach => {
                if let Some(open) = a.open.as_mut()
                    && open.content.self_assessment.take().is_some()
                {
                    a.revision += 1;
                }
            }
            AnnualAction::Print(on) => a.print = on && a.open.is_some(),
            AnnualAction::Close { now } => {
                self.put_away_annual(&now);
                let a = &mut self.modes.annual;
                a.open = None;
                a.print = false;
                a.already_saved = false;
                a.problems.clear();
                self.conflict = false;
            }
            AnnualAction::Saved { revision, result } => match result {
                Ok(at) => {
                    if let Some(open) = a.open.as_mut() {
                        open.updated = at.clone();
                        a.listing.put(open.seal(&at));
                    }
                    a.saved_revision = a.saved_revision.max(revision);
                    a.save = SaveStatus::Saved(at);
                }
                Err(error) => a.save = SaveStatus::Failed(error),
            },
            AnnualAction::Dismiss => {
                a.problems.clear();
                a.already_saved = false;
            }
        }
    }

    /// Opens `open` (after writing the last changes of the one open before); a new report is
    /// written at once, so it is listed even before anything is typed.
    fn open_annual(&mut self, open: OpenReport, new: bool) {
        let now = open.updated.clone();
        self.put_away_annual(&now);
        let a = &mut self.modes.annual;
        a.open = Some(open);
        a.print = false;
        a.problems.clear();
        a.save = SaveStatus::Idle;
        a.revision += 1;
        a.saved_revision = if new { 0 } else { a.revision };
        self.conflict = false;
    }

    /// Has the open report's unsaved changes written, sealed at `now`, and listed as they are.
    fn put_away_annual(&mut self, now: &str) {
        if !self.modes.annual.unsaved() {
            return;
        }
        let Some(open) = self.modes.annual.open.as_mut() else {
            return;
        };
        open.updated = now.to_string();
        let sealed = open.seal(now);
        let key = open.key();
        self.modes.annual.listing.put(sealed.clone());
        self.modes.annual.saved_revision = self.modes.annual.revision;
        self.request(Write::Put {
            key,
            text: sealed.to_json(),
        });
    }
}

impl Action {
    /// An action of the annual report.
    pub fn annual(action: AnnualAction) -> Action {
        Action::Mode(crate::modes::ModeAction::Annual(action))
    }
}
