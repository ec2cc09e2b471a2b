//! The public notice (公示) on the province page: the form for its period, where it was
//! published and where objections go, and the downloads of the candidate list and the
//! ranking. The notice is set through [`ProvinceSession::set_notice`], which checks it
//! against the profile's notice days exactly as `shifan province list --notice-start …` does;
//! a refused form keeps every character typed, with the rules' problems beside it.
//!
//! [`ProvinceSession::set_notice`]: shifan_rules::province::ProvinceSession::set_notice

use shifan_rules::Problem;
use shifan_rules::evidence::Notice;
use shifan_rules::province::ProvinceSession;

use crate::province_state::ProvinceState;

/// A field of the notice form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeField {
    /// First day, `YYYY-MM-DD`.
    Start,
    /// Last day, `YYYY-MM-DD`.
    End,
    /// Where the notice is published.
    PublishedIn,
    /// Where objections go.
    ObjectionsTo,
}

/// Which table a download is of (its busy line and failure show under its own buttons).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SheetOf {
    /// The candidate list for the notice.
    List,
    /// The ranking of both kinds.
    Ranking,
}

/// The notice form's state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NoticeState {
    /// The form as typed, while it differs from the session's notice; `None` shows the
    /// session's own (so an imported or reloaded session's notice is what the form says).
    pub form: Option<Notice>,
    /// Why the form was last refused (empty once it is accepted).
    pub problems: Vec<Problem>,
    /// A spreadsheet is being written, of this table.
    pub exporting: Option<SheetOf>,
    /// The spreadsheet module failed on this table, with its message.
    pub sheet_failed: Option<(SheetOf, String)>,
}

impl NoticeState {
    /// The form as the page shows it: as typed, else the session's notice, else empty.
    pub fn shown(&self, session: &ProvinceSession) -> Notice {
        self.form
            .clone()
            .or_else(|| session.notice.clone())
            .unwrap_or_else(|| Notice {
                start: String::new(),
                end: String::new(),
                published_in: String::new(),
                objections_to: String::new(),
            })
    }
}

/// What can happen to the notice form and its downloads.
#[derive(Clone, Debug, PartialEq)]
pub enum NoticeAction {
    /// A field was typed in.
    Edit(NoticeField, String),
    /// Set the notice as the form has it (refused with the rules' problems when it does not
    /// pass).
    Set,
    /// A spreadsheet download of this table started (or, `None`, ended).
    Exporting(Option<SheetOf>),
    /// The spreadsheet module failed on a table with this message (or, `None`, the last one
    /// worked).
    SheetFailed(Option<(SheetOf, String)>),
}

impl ProvinceState {
    /// Applies a notice action; `true` when the session changed (to be saved).
    pub(crate) fn reduce_notice(&mut self, action: NoticeAction) -> bool {
        let n = &mut self.notice;
        match action {
            NoticeAction::Edit(field, value) => {
                let mut form = n.shown(&self.session);
                let slot = match field {
                    NoticeField::Start => &mut form.start,
                    NoticeField::End => &mut form.end,
                    NoticeField::PublishedIn => &mut form.published_in,
                    NoticeField::ObjectionsTo => &mut form.objections_to,
                };
                *slot = value;
                n.form = Some(form);
                false
            }
            NoticeAction::Set => {
                let form = n.shown(&self.session);
                match self.session.set_notice(form.clone()) {
                    Ok(()) => {
                        n.form = None;
                        n.problems.clear();
                        true
                    }
                    Err(problems) => {
                        // The form stays as typed, so the office corrects rather than retypes.
                        n.form = Some(form);
                        n.problems = problems;
                        false
                    }
                }
            }
            NoticeAction::Exporting(on) => {
                n.exporting = on;
                false
            }
            NoticeAction::SheetFailed(message) => {
                n.sheet_failed = message;
                false
            }
        }
    }
}
