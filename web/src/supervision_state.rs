//! The province page's supervision part (the register under supervision): the register
//! loaded (the one just named, or a register file picked or dropped), annual report files
//! taken in and matched to their named entries, revisit checks and delistings appended. Every
//! rule — verification, the chain, what may be appended, the standings — is `shifan-rules`'
//! (`register`, `supervision`); this module only routes files and form payloads to it. The
//! register lives in the province session ([`ProvinceSession::supervised`]), so the page's
//! autosave and the work file carry it. Pure: today's date comes in with the actions.
//!
//! [`ProvinceSession::supervised`]: shifan_rules::province::ProvinceSession::supervised

use shifan_rules::annual::{Date, VerifiedReport};
use shifan_rules::register::{
    AspectCheck, Conclusion, EntryRef, EventBody, RevisitAssessment, RevisitEvent, VerifiedRegister,
};
use shifan_rules::{Code, Problem};

use crate::province_state::ProvinceState;
use crate::review::OpenedFile;

/// What the last batch of supervision files gave, per file, for the page.
#[derive(Clone, Debug, PartialEq)]
pub enum Intake {
    /// A register was loaded from this file.
    Register(String),
    /// An annual report was recorded as received for this entry and year.
    Report(String, EntryRef, u16),
    /// The file was refused, with why.
    Refused(String, Vec<Problem>),
}

/// A revisit check's form as sent: for a comprehensive place the fresh self-assessment's
/// fingerprint and counts, for a single-item project the four aspects and the team's
/// conclusion.
#[derive(Clone, Debug, PartialEq)]
pub struct RevisitForm {
    /// The entry checked.
    pub entry: EntryRef,
    /// The check's date, `YYYY-MM-DD`.
    pub date: String,
    /// The check team.
    pub team: String,
    /// What was checked.
    pub checked: String,
    /// The findings.
    pub findings: String,
    /// A comprehensive place's fresh assessment: its application fingerprint, met, applicable.
    pub assessment: Option<(String, u32, u32)>,
    /// A single-item project's aspects.
    pub aspects: Vec<AspectCheck>,
    /// A single-item project's conclusion (a place's follows from its counts).
    pub conclusion: Conclusion,
}

/// A delisting as sent, after the office confirmed it.
#[derive(Clone, Debug, PartialEq)]
pub struct DelistForm {
    /// The entry delisted.
    pub entry: EntryRef,
    /// The ground's id, one of the profile's.
    pub ground: String,
    /// The facts.
    pub facts: String,
    /// The decision's document number.
    pub document_number: String,
    /// The decision's date, `YYYY-MM-DD`.
    pub date: String,
}

/// Everything that can happen in the supervision part of the province page.
#[derive(Clone, Debug)]
pub enum SupervisionAction {
    /// Supervise the register of this session's naming, sealed at `now` (RFC 3339).
    UseNamed(String),
    /// Register and annual report files were read and verified; `today` is `YYYY-MM-DD`.
    Opened(Vec<OpenedFile>, String),
    /// Record a revisit check.
    Revisit(Box<RevisitForm>),
    /// Record a delisting.
    Delist(DelistForm),
    /// Stop supervising (the register stays wherever it was downloaded).
    Close,
}

/// The problem of an annual report for which the register names no current entry.
fn no_entry(report: &VerifiedReport) -> Problem {
    let name = report.report.government.display_name();
    Problem::new(
        Code::InvalidRegister,
        format!(
            "名册中没有{name}（区划代码 {}）的现有命名",
            report.report.government.division_code
        ),
        format!(
            "the register has no current naming of {name} (division {})",
            report.report.government.division_code
        ),
    )
}

/// The problem of an annual report taken in while no register is loaded.
fn no_register() -> Problem {
    Problem::new(
        Code::InvalidRegister,
        "请先载入命名名册，再导入年度报告",
        "load the register first, then take in annual reports",
    )
}

/// The current entry an annual report belongs to: the first named and not delisted entry of
/// its government that has no report for that year yet (a city may be named twice, as a place
/// and for a project); the first of its government otherwise, so that the rules say why.
fn entry_for(verified: &VerifiedRegister, report: &VerifiedReport) -> Option<EntryRef> {
    let code = &report.report.government.division_code;
    let mine: Vec<EntryRef> = verified
        .register
        .current()
        .map(EntryRef::of)
        .filter(|e| &e.division_code == code)
        .collect();
    let received = |e: &EntryRef| {
        verified.register.events.iter().any(|ev| {
            matches!(&ev.body, EventBody::ReportReceived(r) if &r.entry == e && r.year == report.report.year)
        })
    };
    mine.iter()
        .find(|e| !received(e))
        .or_else(|| mine.first())
        .cloned()
}

impl ProvinceState {
    /// Applies a supervision action; `true` when the session changed.
    pub(crate) fn reduce_supervision(&mut self, action: SupervisionAction) -> bool {
        match action {
            SupervisionAction::UseNamed(now) => match self.register(&now) {
                Ok(register) => {
                    match shifan_rules::register::verify_register_value(register.to_value()) {
                        Ok(verified) => {
                            self.session.supervised = Some(verified);
                            self.supervision_problems.clear();
                            self.intake.clear();
                            true
                        }
                        Err(problems) => {
                            self.supervision_problems = problems;
                            false
                        }
                    }
                }
                Err(problems) => {
                    self.supervision_problems = problems;
                    false
                }
            },
            SupervisionAction::Opened(files, today) => {
                self.take_supervision_files(files, &today);
                true
            }
            SupervisionAction::Revisit(form) => {
                let done = self.with_register(|v| {
                    let threshold = v.profile.data().threshold.value;
                    let assessment =
                        form.assessment
                            .clone()
                            .map(|(application, met, applicable)| RevisitAssessment {
                                application,
                                met,
                                applicable,
                                threshold,
                            });
                    // A place's conclusion is the rules' reading of its counts; a project's
                    // is the team's.
                    let conclusion = match &assessment {
                        Some(a) if a.meets_bar() => Conclusion::StillMeets,
                        Some(_) => Conclusion::NoLongerMeets,
                        None => form.conclusion,
                    };
                    v.register.record_revisit(
                        form.date.clone(),
                        RevisitEvent {
                            entry: form.entry.clone(),
                            team: form.team.trim().to_string(),
                            checked: form.checked.trim().to_string(),
                            findings: form.findings.trim().to_string(),
                            assessment,
                            aspects: form.aspects.clone(),
                            conclusion,
                        },
                    )
                });
                self.settle(done)
            }
            SupervisionAction::Delist(form) => {
                let done = self.with_register(|v| {
                    v.register.delist(
                        form.date.clone(),
                        form.entry.clone(),
                        &form.ground,
                        form.facts.trim().to_string(),
                        form.document_number.clone(),
                    )
                });
                self.settle(done)
            }
            SupervisionAction::Close => {
                let had = self.session.supervised.take().is_some();
                self.supervision_problems.clear();
                self.intake.clear();
                had
            }
        }
    }

    /// Runs `f` on the register under supervision; nothing loaded is a problem.
    fn with_register(
        &mut self,
        f: impl FnOnce(&mut VerifiedRegister) -> Result<(), Vec<Problem>>,
    ) -> Result<(), Vec<Problem>> {
        match self.session.supervised.as_mut() {
            Some(v) => f(v),
            None => Err(vec![no_register()]),
        }
    }

    /// Keeps the outcome of an append: its problems shown, or cleared; `true` when appended.
    fn settle(&mut self, done: Result<(), Vec<Problem>>) -> bool {
        match done {
            Ok(()) => {
                self.supervision_problems.clear();
                true
            }
            Err(problems) => {
                self.supervision_problems = problems;
                false
            }
        }
    }

    /// Loads a register file, or receives annual reports into the loaded one (on `today`).
    fn take_supervision_files(&mut self, files: Vec<OpenedFile>, today: &str) {
        use shifan_rules::document::Document;
        self.intake.clear();
        // Registers first, so a register and its reports can come in one batch.
        let (registers, others): (Vec<OpenedFile>, Vec<OpenedFile>) = files
            .into_iter()
            .partition(|f| matches!(f.result, Ok(Document::Register(_))));
        for file in registers {
            if let Ok(Document::Register(verified)) = file.result {
                self.session.supervised = Some(*verified);
                self.intake.push(Intake::Register(file.name));
            }
        }
        let day = Date::parse(today).map(Date::iso).unwrap_or_default();
        for file in others {
            let outcome = match file.result {
                Ok(Document::AnnualReport(report)) => match self.session.supervised.as_mut() {
                    None => Err(vec![no_register()]),
                    Some(v) => match entry_for(v, &report) {
                        None => Err(vec![no_entry(&report)]),
                        Some(entry) => v
                            .register
                            .receive_report(day.clone(), entry.clone(), &report.report)
                            .map(|()| (entry, report.report.year)),
                    },
                },
                Ok(other) => Err(other
                    .not_for_review()
                    .into_iter()
                    .chain(other_document(&other))
                    .collect()),
                Err(problems) => Err(problems),
            };
            self.intake.push(match outcome {
                Ok((entry, year)) => Intake::Report(file.name, entry, year),
                Err(problems) => Intake::Refused(file.name, problems),
            });
        }
    }
}

/// The problem of an application or a package given where registers and annual reports are
/// taken: they belong in the pool above.
fn other_document(document: &shifan_rules::document::Document) -> Option<Problem> {
    use shifan_rules::document::Document;
    matches!(document, Document::Application(_) | Document::Package(_)).then(|| {
        Problem::new(
            Code::OtherDocument,
            "这是申报文件或推荐材料包，请在上方“导入材料”处导入；这里只接收命名名册和年度报告",
            "this is an application or a recommendation package: take it in above; only registers and annual reports are taken here",
        )
    })
}
