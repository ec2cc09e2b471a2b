//! What the indicator view shows: the county's own open draft (editable), or an application
//! the city review opened read-only. The review hands a [`ReadOnly`] to the workspace, which
//! passes it on to the area navigation and the summary; its cards show it instead of the draft
//! and offer no editing.

use std::rc::Rc;
use std::sync::Arc;

use shifan_rules::{Catalog, Draft};
use yew::prelude::*;

use crate::browser;
use crate::components::send;
use crate::state::{Action, AppHandle, Dispatch};

/// An application shown read-only, as a draft of its answers, with its catalog.
#[derive(Clone, Debug)]
pub struct ReadOnly {
    /// The application's answers.
    pub draft: Rc<Draft>,
    /// The catalog it answers.
    pub catalog: Arc<Catalog>,
}

impl PartialEq for ReadOnly {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.draft, &other.draft) && Arc::ptr_eq(&self.catalog, &other.catalog)
    }
}

/// The draft and catalog the indicator view shows: the read-only application, else the open
/// draft with the state's catalog.
pub fn shown<'a>(
    read_only: Option<&'a ReadOnly>,
    state: &'a AppHandle,
) -> Option<(&'a Draft, &'a Arc<Catalog>)> {
    match read_only {
        Some(view) => Some((&*view.draft, &view.catalog)),
        None => state.draft.as_ref().map(|d| (d, &state.catalog)),
    }
}

/// A click that brings indicator `n` into view: through the reducer for the county's draft
/// (it becomes the current indicator), or only by scrolling when read-only.
pub fn jump_to(dispatch: &Dispatch, read_only: bool, n: u16) -> Callback<MouseEvent> {
    if read_only {
        Callback::from(move |_: MouseEvent| browser::focus_and_reveal(None, &format!("ind-{n}")))
    } else {
        send(dispatch, Action::Jump(n))
    }
}
