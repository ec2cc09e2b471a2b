//! The one seam between the county's self-assessment and the modes of the full build (the
//! city review, training mode): what a mode is, what it keeps in the state, its actions, how
//! a page enters it, and which view shows it.
//!
//! The county page (`index.html`) is built without the `full` feature and its download has a
//! budget, so there the modes' types are empty: [`Modes`] is a unit struct and [`ModeAction`]
//! has no variant. The state, the actions and the app then carry nothing of the modes, and the
//! code that matches on them is dead and compiled out, without a `cfg` in the reducer or the
//! app. Only [`Mode`] itself is inhabited in both builds: it names the modes' pages, which the
//! county page links to.
//!
//! Adding a mode (an annual report, the province's round) is one variant of [`Mode`] (its page),
//! one of [`ModeAction`], one field of [`Modes`] and one arm in each function below, all in
//! this file; its state, actions and views live in its own modules, which reach the rest of
//! the app only through here.

use shifan_rules::Lang;
#[cfg(feature = "widget")]
use shifan_rules::Problem;
use yew::Html;

#[cfg(feature = "widget")]
use crate::state::Action;
use crate::state::{AppState, Boot};

/// The modes a page can show besides the county's self-assessment, each on a page of its own.
///
/// The mode a page shows comes from one place, [`Boot::mode`] (today `<main id="app"
/// data-mode="…">`, read by `browser::page_mode`): nothing the tab showed before can change
/// it, and changing mode is a navigation to the other page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// The city review.
    Review,
    /// Training mode.
    Training,
    /// A government's annual rule-of-law government report.
    Annual,
    /// The provincial office's round: the cities' candidates ranked and named.
    Province,
}

impl Mode {
    /// Every mode.
    pub const ALL: [Mode; 4] = [Mode::Review, Mode::Training, Mode::Annual, Mode::Province];

    /// The page the mode lives on, relative to the county page.
    pub fn page(self) -> &'static str {
        match self {
            Mode::Review => "review.html",
            Mode::Training => "training.html",
            Mode::Annual => "annual.html",
            Mode::Province => "province.html",
        }
    }

    /// The name a page gives its mode in `<main id="app" data-mode="…">`.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Review => "review",
            Mode::Training => "training",
            Mode::Annual => "annual",
            Mode::Province => "province",
        }
    }

    /// Parses [`Mode::as_str`].
    pub fn parse(s: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.as_str() == s)
    }

    /// The address of the mode's page in `lang` (`?lang=en` for English, as the pages show it);
    /// in the single file, which holds every mode, the mode is in the fragment.
    pub fn href(self, lang: Lang) -> String {
        #[cfg(feature = "full")]
        if crate::single_file::is_single_file() {
            return crate::single_file::mode_href(Some(self), lang);
        }
        match lang {
            Lang::Zh => self.page().to_string(),
            Lang::En => format!("{}?lang=en", self.page()),
        }
    }
}

/// The address of the county page in `lang`, from a mode's page (in the single file: its
/// county mode).
pub fn county_page_href(lang: Lang) -> String {
    #[cfg(feature = "full")]
    if crate::single_file::is_single_file() {
        return crate::single_file::mode_href(None, lang);
    }
    match lang {
        Lang::Zh => "index.html",
        Lang::En => "index.html?lang=en",
    }
    .to_owned()
}

/// Whether this build has the modes (the full build). The reducer and the views ask it first
/// where a mode's page is tested at run time, so that on the county page the test is a
/// constant and the paths only a mode's page takes are compiled out of its download.
pub const IN_BUILD: bool = cfg!(feature = "full");

/// What the modes keep in [`AppState::modes`]: each mode's part of the state.
#[cfg(feature = "full")]
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Modes {
    /// Training mode (catalog browser, session catalog, demo counties, presenter switch).
    pub training: crate::training_state::Training,
    /// The city review (see [`crate::review`]).
    pub review: crate::review::ReviewState,
    /// The annual report (see [`crate::annual_state`]).
    pub annual: crate::annual_state::AnnualState,
    /// The province's round (see [`crate::province_state`]).
    pub province: crate::province_state::ProvinceState,
    /// When a draft was last saved to a file (the single-file edition shows it).
    pub file_save: Option<crate::single_file::FileSave>,
}

/// The county page has no mode: nothing is kept.
#[cfg(not(feature = "full"))]
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Modes;

/// An action of one mode ([`crate::state::Action::Mode`]). Each mode's module gives `Action` a
/// constructor (`Action::review`, `Action::training`).
#[cfg(feature = "full")]
#[derive(Clone, Debug)]
pub enum ModeAction {
    /// Training mode (see [`crate::training_state`]).
    Training(crate::training_state::TrainingAction),
    /// The city review (see [`crate::review`]).
    Review(crate::review::ReviewAction),
    /// The annual report (see [`crate::annual_state`]).
    Annual(crate::annual_state::AnnualAction),
    /// The province's round (see [`crate::province_state`]).
    Province(crate::province_state::ProvinceAction),
    /// The open draft was saved to a file at this time (RFC 3339; the single-file edition).
    SavedToFile(String),
}

/// The county page has no mode: no action of one can be made.
#[cfg(not(feature = "full"))]
#[derive(Clone, Debug)]
pub enum ModeAction {}

impl Modes {
    /// The modes' state at the start, from what the page read before its first render.
    #[cfg(feature = "full")]
    pub fn new(boot: &Boot) -> Modes {
        Modes {
            training: crate::training_state::Training {
                presenter: boot.presenter,
                ..Default::default()
            },
            review: crate::review::ReviewState {
                stored: boot.review.as_deref().map(std::rc::Rc::from),
                stored_files: std::rc::Rc::from(boot.review_files.as_slice()),
                ..Default::default()
            },
            annual: crate::annual_state::AnnualState {
                stored: Some(std::rc::Rc::new(boot.annual.clone())),
                ..Default::default()
            },
            province: {
                let mut province = crate::province_state::ProvinceState {
                    stored: boot.province.as_deref().map(std::rc::Rc::from),
                    ..Default::default()
                };
                if let Some((sort, filter)) = boot
                    .pool_view
                    .as_deref()
                    .and_then(crate::pool_state::remembered)
                {
                    province.sort = sort;
                    province.view.filter = filter;
                }
                province
            },
            file_save: None,
        }
    }

    /// The modes' state at the start: nothing on the county page.
    #[cfg(not(feature = "full"))]
    pub fn new(_boot: &Boot) -> Modes {
        Modes
    }

    /// Whether the open draft is a demo county of training mode, which is never saved.
    pub fn in_demo(&self) -> bool {
        #[cfg(feature = "full")]
        return self.training.demo.is_some();
        #[cfg(not(feature = "full"))]
        false
    }
}

/// Enters `mode`, the page's (see [`Boot::mode`]), whatever the tab showed before; a new review
/// session is dated `today`. `false` when this build has no such mode (the county page).
pub(crate) fn enter(state: &mut AppState, mode: Mode, today: String) -> bool {
    #[cfg(feature = "full")]
    {
        match mode {
            Mode::Review => state.reduce_review(crate::review::ReviewAction::Enter { today }),
            Mode::Training => state.reduce_training(crate::training_state::TrainingAction::Enter),
            Mode::Annual => state.reduce_annual(crate::annual_state::AnnualAction::Enter { today }),
            Mode::Province => state.reduce_province(crate::province_state::ProvinceAction::Enter),
        }
        true
    }
    #[cfg(not(feature = "full"))]
    {
        let _ = (state, mode, today);
        false
    }
}

/// What a mode's page has open and saves, for the guard against the same record open in two
/// tabs (the annual report being written); `None` when it has nothing of its own there.
pub(crate) fn watched(state: &AppState) -> Option<crate::state::Watched> {
    #[cfg(feature = "full")]
    if let Some(open) = state
        .modes
        .annual
        .open
        .as_ref()
        .filter(|_| state.in_annual())
    {
        return Some(crate::state::Watched {
            name: open.key(),
            key: open.key(),
        });
    }
    #[cfg(feature = "full")]
    if state.in_province() {
        // A name the page's own draft ids (lower-case letters, digits, a hyphen) never take.
        return Some(crate::state::Watched {
            name: crate::record::PROVINCE_KEY.to_string(),
            key: crate::record::PROVINCE_KEY.to_string(),
        });
    }
    let _ = state;
    None
}

/// Applies a mode's action.
pub(crate) fn reduce(state: &mut AppState, action: ModeAction) {
    #[cfg(feature = "full")]
    match action {
        ModeAction::Training(action) => state.reduce_training(action),
        ModeAction::Review(action) => state.reduce_review(action),
        ModeAction::Annual(action) => state.reduce_annual(action),
        ModeAction::Province(action) => state.reduce_province(action),
        ModeAction::SavedToFile(at) => {
            if let Some(draft) = &state.draft {
                state.modes.file_save = Some(crate::single_file::FileSave {
                    draft: draft.id.clone(),
                    revision: state.revision,
                    at,
                });
            }
        }
    }
    #[cfg(not(feature = "full"))]
    {
        let _ = state;
        match action {}
    }
}

/// The draft is being closed: every mode lets go of what belongs to it alone (training's demo
/// county and its session catalog), so that nothing outside the mode answers them.
pub(crate) fn leave(state: &mut AppState) {
    #[cfg(feature = "full")]
    state.leave_training();
    #[cfg(not(feature = "full"))]
    let _ = state;
}

/// A catalog was kept: each mode reads again what waited for it (the review and the province
/// verify the files refused for their catalog, which then join the table or the pool; the
/// province also the stored session's packages that did not verify).
pub(crate) fn catalog_kept(state: &mut AppState) {
    #[cfg(feature = "full")]
    {
        state.review_catalog_kept();
        state.province_catalog_kept();
    }
    #[cfg(not(feature = "full"))]
    let _ = state;
}

/// The name in the top bar when it is not the self-assessment's (the review's page names the
/// city review, the province's page the provincial evaluation).
pub fn app_name(state: &AppState) -> Option<&'static str> {
    #[cfg(feature = "full")]
    return if state.in_review() {
        Some(crate::i18n::review::review_texts(state.lang).app_name)
    } else {
        state
            .in_province()
            .then(|| crate::i18n::province::province_texts(state.lang).title)
    };
    #[cfg(not(feature = "full"))]
    {
        let _ = state;
        None
    }
}

/// The view of `mode`'s page (no draft open).
pub fn page(mode: Mode) -> Html {
    #[cfg(feature = "full")]
    return match mode {
        Mode::Training => yew::html! { <crate::components::training::page::TrainingPage /> },
        Mode::Review => yew::html! { <crate::components::review::page::ReviewPage /> },
        Mode::Annual => yew::html! { <crate::components::annual::AnnualPage /> },
        Mode::Province => yew::html! { <crate::components::province::ProvincePage /> },
    };
    #[cfg(not(feature = "full"))]
    {
        let _ = mode;
        Html::default()
    }
}

/// Files refused, each with its name and problems.
#[cfg(feature = "widget")]
pub(crate) type Refused = Vec<(String, Vec<Problem>)>;

/// What the city review's table holds, for a widget's host (its `shifan-change`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReviewCounts {
    /// Applications in the table.
    pub files: usize,
    /// Of them, recommended.
    pub recommended: usize,
    /// Not recommended.
    pub not_recommended: usize,
    /// Not decided yet.
    pub pending: usize,
    /// Files refused.
    pub rejected: usize,
    /// The reviewing city's division code, chosen or inferred.
    pub city: Option<u32>,
    /// Whether the session is in the store.
    pub saved: bool,
    /// The session's revision (each change counts).
    pub revision: u64,
}

/// The review's counts when the state shows the review; `None` otherwise (always on the
/// county page).
pub fn review_counts(state: &AppState) -> Option<ReviewCounts> {
    #[cfg(feature = "full")]
    if state.in_review() {
        use shifan_rules::package::Decision;
        let r = &state.modes.review;
        let apps = r.session.applications();
        let count = |d: Decision| apps.iter().filter(|a| a.opinion.decision == d).count();
        return Some(ReviewCounts {
            files: apps.len(),
            recommended: count(Decision::Recommend),
            not_recommended: count(Decision::NotRecommend),
            pending: count(Decision::Pending),
            rejected: r.session.rejected.len(),
            city: r.session.city(),
            saved: !r.unsaved(),
            revision: r.revision,
        });
    }
    let _ = state;
    None
}

/// Files' texts (name, text) handed to the review by a widget's host: the actions that add
/// them, as picking them does (each verified against the kept catalogs), and each refused
/// file's name and problems. `None` when the state does not show the review.
#[cfg(feature = "widget")]
pub(crate) fn open_in_review(
    state: &AppState,
    files: Vec<(String, String)>,
) -> Option<(Vec<Action>, Refused)> {
    #[cfg(feature = "full")]
    if state.in_review() {
        use crate::review::{OpenedFile, ReviewAction};
        let catalogs = state.drafts.catalog_set();
        let count = files.len();
        let opened: Vec<OpenedFile> = files
            .into_iter()
            .map(|(name, text)| OpenedFile::read(name, text.as_bytes(), &catalogs))
            .collect();
        let refused = opened
            .iter()
            .filter_map(|f| Some((f.name.clone(), f.result.as_ref().err()?.clone())))
            .collect();
        let actions = vec![
            Action::review(ReviewAction::Reading(0, count)),
            Action::review(ReviewAction::Opened(opened)),
            Action::review(ReviewAction::ReadDone),
        ];
        return Some((actions, refused));
    }
    let _ = (state, files);
    None
}

/// What the modes show above every screen (training mode's banner).
pub fn banner() -> Html {
    #[cfg(feature = "full")]
    return yew::html! { <crate::components::training::banner::TrainingBanner /> };
    #[cfg(not(feature = "full"))]
    Html::default()
}
