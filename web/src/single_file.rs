//! The single-file edition (`shifan-offline.html`, written by `cargo xtask dist`): every mode
//! of the full build in one page that an office opens straight from disk.
//!
//! Browser storage on file:// is not a reliable store (some engines key it to the file's path,
//! so a moved or renamed file starts empty; others share it among all local files), so there
//! the page says where the draft is kept, shows when the open draft was last saved to a file,
//! and puts "save to file" beside the save state. The modes are one page, told apart by the
//! address's `#review` / `#training` (the page's entry script sets `data-mode` from it), so
//! the links between modes name a fragment instead of a page.

use shifan_rules::Lang;

use crate::state::Mode;

/// When the open draft was last saved to a file from this page (for the top bar).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileSave {
    /// The draft saved.
    pub draft: String,
    /// Its revision then ([`crate::state::AppState::revision`]).
    pub revision: u64,
    /// The time of the save (RFC 3339).
    pub at: String,
}

/// What the top bar says about files, for the open draft `draft` at `revision`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileState<'a> {
    /// Not saved to a file from this page yet.
    Never,
    /// Saved at this time, nothing changed since.
    Saved(&'a str),
    /// Saved at this time, changed since.
    ChangedSince(&'a str),
}

impl FileSave {
    /// The state of draft `draft` at `revision`, given the last save `last`.
    pub fn state<'a>(last: Option<&'a FileSave>, draft: &str, revision: u64) -> FileState<'a> {
        match last {
            Some(save) if save.draft == draft && save.revision == revision => {
                FileState::Saved(&save.at)
            }
            Some(save) if save.draft == draft => FileState::ChangedSince(&save.at),
            _ => FileState::Never,
        }
    }
}

/// Whether this page is the single-file edition (`<main id="app" data-edition="single">`,
/// set by its entry script).
#[cfg(target_arch = "wasm32")]
pub fn is_single_file() -> bool {
    thread_local! {
        static SINGLE: bool = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("app"))
            .and_then(|app| app.get_attribute("data-edition"))
            .is_some_and(|e| e == "single");
    }
    SINGLE.with(|s| *s)
}

/// Natively (the reducer's tests) no page is the single file.
#[cfg(not(target_arch = "wasm32"))]
pub fn is_single_file() -> bool {
    false
}

/// The address of `mode` (`None`: the county self-assessment) in `lang` within the single
/// file, relative to it: the language in the query as the site's pages have it, the mode in
/// the fragment.
pub fn mode_href(mode: Option<Mode>, lang: Lang) -> String {
    let query = match lang {
        Lang::Zh => "",
        Lang::En => "?lang=en",
    };
    match mode {
        Some(mode) => format!("{query}#{}", mode.as_str()),
        // An empty fragment is the county self-assessment; in English the query alone is a
        // new address.
        None if query.is_empty() => "#".to_owned(),
        None => query.to_owned(),
    }
}

impl crate::state::Action {
    /// The open draft was saved to a file at `at` (RFC 3339).
    pub fn saved_to_file(at: String) -> crate::state::Action {
        crate::state::Action::Mode(crate::modes::ModeAction::SavedToFile(at))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_name_the_mode_in_the_fragment() {
        let cases = [
            (Some(Mode::Review), Lang::Zh, "#review"),
            (Some(Mode::Training), Lang::En, "?lang=en#training"),
            (None, Lang::Zh, "#"),
            (None, Lang::En, "?lang=en"),
        ];
        for (mode, lang, want) in cases {
            assert_eq!(mode_href(mode, lang), want, "{mode:?} {lang:?}");
        }
    }

    #[test]
    fn the_file_state_follows_the_draft_and_its_revision() {
        let save = FileSave {
            draft: "a".into(),
            revision: 3,
            at: "T".into(),
        };
        let cases = [
            (None, "a", 3, FileState::Never),
            (Some(&save), "a", 3, FileState::Saved("T")),
            (Some(&save), "a", 4, FileState::ChangedSince("T")),
            (Some(&save), "b", 3, FileState::Never),
        ];
        for (last, draft, revision, want) in cases {
            assert_eq!(
                FileSave::state(last, draft, revision),
                want,
                "{draft} {revision}"
            );
        }
    }
}
