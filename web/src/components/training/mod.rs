//! Training mode (培训演示), one component per file: the page with the catalog browser, the
//! session catalog loader and the demo counties, and the banner that says nothing is saved.
//! Their state is [`crate::training_state::Training`], changed only through
//! [`crate::training_state::TrainingAction`]s.

pub mod banner;
pub mod catalog_browser;
pub mod demos;
pub mod load_catalog;
pub mod page;

use yew::prelude::*;

use crate::state::{Action, Dispatch};
use crate::training_state::TrainingAction;

/// A callback that dispatches a training action whatever the event.
pub fn send_training<E: 'static>(dispatch: &Dispatch, action: TrainingAction) -> Callback<E> {
    crate::components::send(dispatch, Action::training(action))
}
