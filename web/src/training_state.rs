//! The training mode's part of the one reducer: [`Training`] (a field of
//! [`AppState`]) and the [`TrainingAction`]s that change it.
//!
//! Training mode is for a trainer in front of a room: a catalog browser with search and an
//! applicability filter, a catalog file loaded for the session, three demo counties that open in
//! the ordinary workspace, and a presenter switch. Nothing in training mode is saved: while a
//! demo is open [`AppState::unsaved`] is false, so neither autosave nor closing the draft
//! writes it, and the demo never reaches the list of drafts.

use std::sync::Arc;

use shifan_rules::application::verify_value;
use shifan_rules::sample::Demo;
use shifan_rules::{Catalog, CatalogSet, Draft, GovLevel, Problem};

use crate::modes::{Mode, ModeAction};
use crate::state::{Action, AppState};

/// Session-storage key of the presenter switch (read by the store's boot, written by
/// `hooks::use_modes`: the reducer only holds the switch).
pub const PRESENTER_KEY: &str = "shifan.presenter";

/// Which indicators the catalog browser lists, by the level of government they apply to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Scope {
    /// Every indicator.
    #[default]
    All,
    /// Indicators that apply to a prefecture-level city.
    City,
    /// Indicators that apply to a county-level government.
    County,
}

impl Scope {
    /// Every scope, in the order shown.
    pub const ALL: [Scope; 3] = [Scope::All, Scope::City, Scope::County];

    /// A short stable name (`all`, `city`, `county`).
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::All => "all",
            Scope::City => "city",
            Scope::County => "county",
        }
    }

    /// The level the scope keeps, or `None` for all.
    pub fn level(self) -> Option<GovLevel> {
        match self {
            Scope::All => None,
            Scope::City => Some(GovLevel::City),
            Scope::County => Some(GovLevel::County),
        }
    }
}

/// The training mode's state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Training {
    /// A catalog loaded for this session; `None` uses the built-in reference catalog.
    pub catalog: Option<Arc<Catalog>>,
    /// The problems of the last catalog file that could not be loaded, and its name.
    pub load_failed: Option<(String, Vec<Problem>)>,
    /// The catalog browser's search text.
    pub query: String,
    /// The catalog browser's applicability filter.
    pub scope: Scope,
    /// The demo county open in the workspace.
    pub demo: Option<Demo>,
    /// Large type for projectors (remembered for the tab's session).
    pub presenter: bool,
}

impl Action {
    /// The action `action` of training mode.
    pub fn training(action: TrainingAction) -> Action {
        Action::Mode(ModeAction::Training(action))
    }
}

/// Everything that can happen in training mode.
#[derive(Clone, Debug)]
pub enum TrainingAction {
    /// Show the training page (closing any open draft, which is saved first, or demo).
    Enter,
    /// Set the search text.
    Search(String),
    /// Set the applicability filter.
    Filter(Scope),
    /// A catalog file was read: the catalog to use for the session, or why it cannot be used.
    Loaded {
        /// The file's name.
        name: String,
        /// The catalog, or its problems (the catalog in use stays).
        result: Result<Arc<Catalog>, Vec<Problem>>,
    },
    /// Go back to the built-in reference catalog.
    UseReference,
    /// Open a demo county in the workspace.
    OpenDemo(Demo),
    /// Turn large type for projectors on or off.
    Presenter(bool),
}

impl AppState {
    /// The catalog training mode uses: the one loaded for the session, else the reference.
    pub fn training_catalog(&self) -> Arc<Catalog> {
        // With no session catalog, `catalog` is the reference one unless a draft answering
        // another built-in catalog was open last.
        self.modes
            .training
            .catalog
            .clone()
            .unwrap_or_else(|| builtin_reference(&self.catalog))
    }

    /// Leaves training mode: closes a demo and returns to the built-in catalog, so that nothing
    /// outside training mode answers a catalog loaded for the session.
    pub(crate) fn leave_training(&mut self) {
        if self.modes.training.demo.take().is_some() {
            self.draft = None;
        }
        if self.modes.training.catalog.is_some() {
            self.catalog = builtin_reference(&self.catalog);
        }
    }

    /// Applies a training action.
    pub(crate) fn reduce_training(&mut self, action: TrainingAction) {
        let t = &mut self.modes.training;
        match action {
            TrainingAction::Enter => {
                self.show_mode(Mode::Training);
            }
            TrainingAction::Search(query) => t.query = query,
            TrainingAction::Filter(scope) => t.scope = scope,
            TrainingAction::Loaded { name, result } => match result {
                Ok(catalog) => {
                    t.catalog = Some(catalog);
                    t.load_failed = None;
                }
                Err(problems) => t.load_failed = Some((name, problems)),
            },
            TrainingAction::UseReference => {
                t.catalog = None;
                t.load_failed = None;
            }
            TrainingAction::OpenDemo(demo) => {
                let catalog = self.training_catalog();
                let mut set = CatalogSet::builtin();
                set.add((*catalog).clone());
                let verified = demo
                    .application(&catalog)
                    .map(|file| verify_value(&file.to_value(), &set));
                self.modes.training.load_failed = None;
                if let Some(Ok(verified)) = verified {
                    let draft = Draft::from_verified(format!("demo-{}", demo.as_str()), &verified);
                    self.open(draft, catalog);
                    self.modes.training.demo = Some(demo);
                    self.notice = None;
                }
            }
            TrainingAction::Presenter(on) => t.presenter = on,
        }
    }
}

/// The built-in reference catalog: `current` when it is that one, else a fresh handle.
fn builtin_reference(current: &Arc<Catalog>) -> Arc<Catalog> {
    let builtin = CatalogSet::builtin();
    match builtin.by_fingerprint(current.fingerprint()) {
        Some(_) => current.clone(),
        None => builtin
            .iter()
            .next()
            .cloned()
            .unwrap_or_else(Catalog::shared_reference),
    }
}
