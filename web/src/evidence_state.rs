//! The province page's evidence per candidate (the "record evidence" panel): the forms as the
//! office types them, read into the rules' types and given to the session's setters
//! (`set_evaluation`, `set_survey`, `set_on_site`, `add_objection`, `set_objection`). Every
//! figure is read and checked by `shifan-rules` (`evidence::Figure::read`, each type's
//! `problems`); a form the rules refuse is kept here as typed, with its problems, until it is
//! accepted, so that closing the panel and opening it again loses nothing. Pure like the rest
//! of the reducer.

use shifan_rules::evidence::{
    Answers, CheckKind, Checked, Conclusion, Evaluation, Figure, Objection, OnSite, Resolution,
    Survey, SurveyOption, split_names,
};
use shifan_rules::{Code, Problem};

use crate::province_state::ProvinceState;

/// The third-party evaluation as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EvaluationForm {
    /// The evaluating organisation.
    pub evaluator: String,
    /// `YYYY-MM-DD`, as the date input gives it.
    pub date: String,
    /// The score, a decimal text (read by the rules).
    pub score: String,
    /// The scale's maximum, as typed.
    pub scale: String,
    /// The report's reference.
    pub report: String,
}

impl EvaluationForm {
    /// The form showing a recorded evaluation.
    pub fn of(e: &Evaluation) -> EvaluationForm {
        EvaluationForm {
            evaluator: e.evaluator.clone(),
            date: e.date.clone(),
            score: e.score.clone(),
            scale: e.scale.to_string(),
            report: e.report.clone(),
        }
    }

    /// An empty form on the profile's default scale.
    pub fn blank(scale: u64) -> EvaluationForm {
        EvaluationForm {
            scale: scale.to_string(),
            ..EvaluationForm::default()
        }
    }

    /// The evaluation, or why the figures cannot be read.
    pub fn read(&self) -> Result<Evaluation, Vec<Problem>> {
        let scale = Figure::Scale.read(&self.scale).map_err(|p| vec![p])?;
        Ok(Evaluation {
            evaluator: self.evaluator.trim().to_string(),
            date: self.date.trim().to_string(),
            score: self.score.trim().to_string(),
            scale,
            report: self.report.trim().to_string(),
        })
    }
}

/// One answer option as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OptionForm {
    /// The option's text.
    pub label: String,
    /// How many chose it, as typed.
    pub count: String,
    /// Whether it counts as satisfied.
    pub satisfied: bool,
}

/// A survey's answers as typed: counts, or a distribution over options.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswersForm {
    /// Respondents and satisfied answers.
    Counts {
        /// Respondents, as typed.
        respondents: String,
        /// Satisfied answers, as typed.
        satisfied: String,
    },
    /// The options with their counts.
    Distribution(Vec<OptionForm>),
}

/// The satisfaction survey as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SurveyForm {
    /// Who ran it.
    pub by: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// The answers.
    pub answers: AnswersForm,
}

impl SurveyForm {
    /// The form showing a recorded survey.
    pub fn of(s: &Survey) -> SurveyForm {
        SurveyForm {
            by: s.by.clone(),
            date: s.date.clone(),
            answers: match &s.answers {
                Answers::Counts {
                    respondents,
                    satisfied,
                } => AnswersForm::Counts {
                    respondents: respondents.to_string(),
                    satisfied: satisfied.to_string(),
                },
                Answers::Distribution { options } => AnswersForm::Distribution(
                    options
                        .iter()
                        .map(|o| OptionForm {
                            label: o.label.clone(),
                            count: o.count.to_string(),
                            satisfied: o.satisfied,
                        })
                        .collect(),
                ),
            },
        }
    }

    /// An empty form with counts.
    pub fn blank() -> SurveyForm {
        SurveyForm {
            by: String::new(),
            date: String::new(),
            answers: AnswersForm::Counts {
                respondents: String::new(),
                satisfied: String::new(),
            },
        }
    }

    /// The usual options of a distribution (the rules'), with no answers typed yet.
    pub fn usual_options(lang: shifan_rules::Lang) -> Vec<OptionForm> {
        SurveyOption::usual(lang)
            .into_iter()
            .map(|o| OptionForm {
                label: o.label,
                count: String::new(),
                satisfied: o.satisfied,
            })
            .collect()
    }

    /// The survey, or why its counts cannot be read (every count's problem at once).
    pub fn read(&self) -> Result<Survey, Vec<Problem>> {
        let mut problems = Vec::new();
        let mut count = |figure: Figure, text: &str| match figure.read(text) {
            Ok(n) => n,
            Err(p) => {
                problems.push(p);
                0
            }
        };
        let answers = match &self.answers {
            AnswersForm::Counts {
                respondents,
                satisfied,
            } => Answers::Counts {
                respondents: count(Figure::Respondents, respondents),
                satisfied: count(Figure::Satisfied, satisfied),
            },
            AnswersForm::Distribution(options) => Answers::Distribution {
                options: options
                    .iter()
                    .map(|o| SurveyOption {
                        label: o.label.trim().to_string(),
                        count: count(Figure::OptionCount, &o.count),
                        satisfied: o.satisfied,
                    })
                    .collect(),
            },
        };
        if problems.is_empty() {
            Ok(Survey {
                by: self.by.trim().to_string(),
                date: self.date.trim().to_string(),
                answers,
            })
        } else {
            Err(problems)
        }
    }
}

/// One kind of check as ticked, with what exactly was checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckForm {
    /// The kind.
    pub kind: CheckKind,
    /// Whether it was done.
    pub done: bool,
    /// What exactly (e.g. 调阅行政执法案卷 30 卷).
    pub note: String,
}

/// The on-site verification as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OnSiteForm {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// The team, one member per line (or separated by 、).
    pub team: String,
    /// One line per kind of check, in `CheckKind::ALL`'s order.
    pub checks: Vec<CheckForm>,
    /// Findings.
    pub findings: String,
    /// The conclusion, once chosen.
    pub conclusion: Option<Conclusion>,
}

impl OnSiteForm {
    /// The form showing a recorded verification. Several checks of one kind (not made by this
    /// form) show as one, their notes one per line.
    pub fn of(o: &OnSite) -> OnSiteForm {
        OnSiteForm {
            date: o.date.clone(),
            team: o.team.join("\n"),
            checks: CheckKind::ALL
                .into_iter()
                .map(|kind| {
                    let notes: Vec<&str> = o
                        .checked
                        .iter()
                        .filter(|c| c.kind == kind)
                        .map(|c| c.note.as_str())
                        .collect();
                    CheckForm {
                        kind,
                        done: !notes.is_empty(),
                        note: notes.join("\n"),
                    }
                })
                .collect(),
            findings: o.findings.clone(),
            conclusion: Some(o.conclusion),
        }
    }

    /// An empty form.
    pub fn blank() -> OnSiteForm {
        OnSiteForm {
            date: String::new(),
            team: String::new(),
            checks: CheckKind::ALL
                .into_iter()
                .map(|kind| CheckForm {
                    kind,
                    done: false,
                    note: String::new(),
                })
                .collect(),
            findings: String::new(),
            conclusion: None,
        }
    }

    /// The verification, or why it cannot be recorded yet.
    pub fn read(&self) -> Result<OnSite, Vec<Problem>> {
        let Some(conclusion) = self.conclusion else {
            return Err(vec![Problem::new(
                Code::InvalidFigures,
                "请选择实地核查结论",
                "choose the on-site conclusion",
            )]);
        };
        Ok(OnSite {
            date: self.date.trim().to_string(),
            team: split_names(&self.team),
            checked: self
                .checks
                .iter()
                .filter(|c| c.done)
                .map(|c| Checked {
                    kind: c.kind,
                    note: c.note.trim().to_string(),
                })
                .collect(),
            findings: self.findings.trim().to_string(),
            conclusion,
        })
    }
}

/// An objection as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ObjectionForm {
    /// `YYYY-MM-DD`.
    pub received: String,
    /// What it says.
    pub summary: String,
    /// How it was resolved.
    pub resolution: Resolution,
    /// How it was looked into.
    pub note: String,
}

impl ObjectionForm {
    /// The form showing a recorded objection.
    pub fn of(o: &Objection) -> ObjectionForm {
        ObjectionForm {
            received: o.received.clone(),
            summary: o.summary.clone(),
            resolution: o.resolution,
            note: o.note.clone(),
        }
    }

    /// An empty form (a new objection is being looked into).
    pub fn blank() -> ObjectionForm {
        ObjectionForm {
            received: String::new(),
            summary: String::new(),
            resolution: Resolution::Pending,
            note: String::new(),
        }
    }

    /// The objection (its checks are the rules', made by the setters).
    pub fn read(&self) -> Objection {
        Objection {
            received: self.received.trim().to_string(),
            summary: self.summary.trim().to_string(),
            resolution: self.resolution,
            note: self.note.trim().to_string(),
        }
    }
}

/// Which part of a candidate's evidence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EvidencePart {
    /// The third-party evaluation.
    Evaluation,
    /// The satisfaction survey.
    Survey,
    /// The on-site verification.
    OnSite,
    /// A new objection.
    NewObjection,
    /// Objection `n` (its resolution).
    Objection(usize),
}

/// A form as typed, of any part.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EvidenceForm {
    /// The evaluation's.
    Evaluation(EvaluationForm),
    /// The survey's.
    Survey(SurveyForm),
    /// The on-site verification's.
    OnSite(OnSiteForm),
    /// An objection's.
    Objection(ObjectionForm),
}

/// A form the rules refused, kept as typed with why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refused {
    /// The candidate's application fingerprint.
    pub integrity: String,
    /// Which part.
    pub part: EvidencePart,
    /// What was typed.
    pub form: EvidenceForm,
    /// The rules' problems.
    pub problems: Vec<Problem>,
}

/// The last part recorded, for the panel's status line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Recorded {
    /// Which part.
    pub part: EvidencePart,
    /// Cleared rather than recorded.
    pub cleared: bool,
}

/// The evidence panel's state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EvidenceState {
    /// The candidate whose panel is open.
    pub open: Option<String>,
    /// Forms refused, at most one per candidate and part, until accepted.
    pub refused: Vec<Refused>,
    /// What the last accepted action did.
    pub recorded: Option<Recorded>,
    /// The objection the last action removed, with its candidate, so the panel says what went.
    pub removed: Option<(String, Objection)>,
    /// Files were dropped while the panel was open: they were not taken in (the dialog is over
    /// the pool), and the panel says so until the next action.
    pub files_refused: bool,
}

impl EvidenceState {
    /// The refused form of a candidate's part, if any.
    pub fn refused(&self, integrity: &str, part: EvidencePart) -> Option<&Refused> {
        self.refused
            .iter()
            .find(|r| r.integrity == integrity && r.part == part)
    }
}

/// Everything that can happen in the evidence panel. `None` clears a part.
#[derive(Clone, Debug)]
pub enum EvidenceAction {
    /// Open the panel of a candidate.
    Open(String),
    /// Close the panel (refused forms stay kept).
    Close,
    /// Record or clear the third-party evaluation.
    Evaluation(String, Option<EvaluationForm>),
    /// Record or clear the satisfaction survey.
    Survey(String, Option<SurveyForm>),
    /// Record or clear the on-site verification.
    OnSite(String, Option<OnSiteForm>),
    /// Add an objection received during the notice.
    AddObjection(String, ObjectionForm),
    /// Record objection `n`'s resolution (or correct it).
    SetObjection(String, usize, ObjectionForm),
    /// Remove objection `n` (registered by mistake); the page asks first.
    RemoveObjection(String, usize),
    /// Files were dropped on the page while the panel is open: they are not read.
    FilesRefused,
}

impl ProvinceState {
    /// Applies an evidence action; `true` when the session changed.
    pub(crate) fn reduce_evidence(&mut self, action: EvidenceAction) -> bool {
        self.evidence.removed = None;
        self.evidence.files_refused = false;
        let (integrity, part, form, done) = match action {
            EvidenceAction::FilesRefused => {
                self.evidence.files_refused = self.evidence.open.is_some();
                return false;
            }
            EvidenceAction::Open(integrity) => {
                self.evidence.open = Some(integrity);
                self.evidence.recorded = None;
                return false;
            }
            EvidenceAction::Close => {
                self.evidence.open = None;
                self.evidence.recorded = None;
                return false;
            }
            EvidenceAction::Evaluation(id, form) => {
                let done = match &form {
                    Some(f) => f
                        .read()
                        .and_then(|e| self.session.set_evaluation(&id, Some(e))),
                    None => self.session.set_evaluation(&id, None),
                };
                (
                    id,
                    EvidencePart::Evaluation,
                    form.map(EvidenceForm::Evaluation),
                    done,
                )
            }
            EvidenceAction::Survey(id, form) => {
                let done = match &form {
                    Some(f) => f.read().and_then(|s| self.session.set_survey(&id, Some(s))),
                    None => self.session.set_survey(&id, None),
                };
                (
                    id,
                    EvidencePart::Survey,
                    form.map(EvidenceForm::Survey),
                    done,
                )
            }
            EvidenceAction::OnSite(id, form) => {
                let done = match &form {
                    Some(f) => f
                        .read()
                        .and_then(|o| self.session.set_on_site(&id, Some(o))),
                    None => self.session.set_on_site(&id, None),
                };
                (
                    id,
                    EvidencePart::OnSite,
                    form.map(EvidenceForm::OnSite),
                    done,
                )
            }
            EvidenceAction::AddObjection(id, form) => {
                let done = self.session.add_objection(&id, form.read());
                (
                    id,
                    EvidencePart::NewObjection,
                    Some(EvidenceForm::Objection(form)),
                    done,
                )
            }
            EvidenceAction::RemoveObjection(id, n) => return self.remove_objection(id, n),
            EvidenceAction::SetObjection(id, n, form) => {
                let done = self.session.set_objection(&id, n, form.read());
                (
                    id,
                    EvidencePart::Objection(n),
                    Some(EvidenceForm::Objection(form)),
                    done,
                )
            }
        };
        let cleared = form.is_none();
        self.evidence
            .refused
            .retain(|r| !(r.integrity == integrity && r.part == part));
        match done {
            Ok(()) => {
                // A new objection is shown as the one it became.
                let part = match part {
                    EvidencePart::NewObjection => EvidencePart::Objection(
                        self.session
                            .evidence(&integrity)
                            .objections
                            .len()
                            .saturating_sub(1),
                    ),
                    other => other,
                };
                self.evidence.recorded = Some(Recorded { part, cleared });
                true
            }
            Err(problems) => {
                self.evidence.recorded = None;
                // A clear is never refused for its figures; a pool without the candidate
                // refuses it, and there is nothing typed to keep.
                if let Some(form) = form {
                    self.evidence.refused.push(Refused {
                        integrity,
                        part,
                        form,
                        problems,
                    });
                }
                false
            }
        }
    }
}

impl ProvinceState {
    /// Removes objection `n`; the forms kept for the objections after it follow them to
    /// their new places, and the removed one's kept form goes with it.
    fn remove_objection(&mut self, integrity: String, n: usize) -> bool {
        let Ok(removed) = self.session.remove_objection(&integrity, n) else {
            // A stale index (the row was already gone) changes nothing.
            return false;
        };
        let e = &mut self.evidence;
        e.recorded = None;
        e.refused
            .retain(|r| !(r.integrity == integrity && r.part == EvidencePart::Objection(n)));
        for r in e.refused.iter_mut().filter(|r| r.integrity == integrity) {
            if let EvidencePart::Objection(m) = &mut r.part
                && *m > n
            {
                *m -= 1;
            }
        }
        e.removed = Some((integrity, removed));
        true
    }
}
