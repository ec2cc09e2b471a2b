//! The province pool as the page shows it: filtered by city, kind and a search on the
//! applicant (on top of its sort), and one candidate opened read-only in the county's own
//! indicator view. The filter is a selection: it only chooses which of the session's
//! candidates are listed, and never removes or changes anything recorded.

use shifan_rules::programme::KindKey;
use shifan_rules::province::{Candidate, ProvinceSession};

use crate::province_state::{PoolColumn, PoolSort, ProvinceState, sorted_pool};

/// Session-storage key of the pool's sort and filter: a reload of the tab lists the pool as it
/// was left (read by the store's boot, written by the province page). A new tab starts with
/// everyone listed in the order taken in.
pub const POOL_VIEW_KEY: &str = "shifan.province.pool";

/// Which candidates the pool lists.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PoolFilter {
    /// Only this city's (division code), when set.
    pub city: Option<u32>,
    /// Only this kind, when set.
    pub kind: Option<KindKey>,
    /// Only applicants whose name contains this (case does not matter); empty: everyone.
    pub text: String,
}

impl PoolFilter {
    /// Whether anything is filtered.
    pub fn active(&self) -> bool {
        self.city.is_some() || self.kind.is_some() || !self.text.trim().is_empty()
    }

    /// Whether `c` is listed.
    pub fn keeps(&self, c: &Candidate) -> bool {
        let text = self.text.trim().to_lowercase();
        self.city.is_none_or(|city| city_of(c) == Some(city))
            && self.kind.is_none_or(|kind| c.kind() == kind)
            && (text.is_empty()
                || c.verified
                    .file
                    .applicant
                    .display_name()
                    .to_lowercase()
                    .contains(&text))
    }
}

/// The city a candidate belongs to (as the pool's city column and sort have it).
fn city_of(c: &Candidate) -> Option<u32> {
    shifan_rules::review::city_code_of(&c.verified.file)
}

/// The pool's sort and filter as one line of JSON, kept in the tab's session storage.
pub fn remember(sort: PoolSort, filter: &PoolFilter) -> String {
    serde_json::json!({
        "sort": sort.column.as_str(),
        "reversed": sort.reversed,
        "city": filter.city,
        "kind": filter.kind.map(KindKey::key),
        "text": filter.text,
    })
    .to_string()
}

/// The sort and filter `text` remembers. The tab's storage is outside data: anything that is
/// not what [`remember`] writes gives `None` (the pool as a new tab lists it), and a part
/// that cannot be read is left at its default rather than guessed.
pub fn remembered(text: &str) -> Option<(PoolSort, PoolFilter)> {
    let value: serde_json::Value = serde_json::from_str(text).ok()?;
    let value = value.as_object()?;
    let column = value
        .get("sort")
        .and_then(|v| v.as_str())
        .and_then(PoolColumn::parse)
        .unwrap_or_default();
    let sort = PoolSort {
        column,
        reversed: value.get("reversed").and_then(|v| v.as_bool()) == Some(true),
    };
    let filter = PoolFilter {
        city: value
            .get("city")
            .and_then(|v| v.as_u64())
            .and_then(|c| u32::try_from(c).ok()),
        kind: value
            .get("kind")
            .and_then(|v| v.as_str())
            .and_then(|k| KindKey::ALL.into_iter().find(|kind| kind.key() == k)),
        text: value
            .get("text")
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_string(),
    };
    Some((sort, filter))
}

/// The cities of the pool's candidates, by division code, with their names: the city
/// filter's choices.
pub fn pool_cities(session: &ProvinceSession) -> Vec<(u32, String)> {
    let mut cities: Vec<(u32, String)> = session
        .candidates()
        .iter()
        .filter_map(|c| city_of(c).map(|code| (code, c.city_name())))
        .collect();
    cities.sort();
    cities.dedup_by_key(|(code, _)| *code);
    cities
}

/// The pool in the order `sort` asks, only the candidates `filter` keeps.
pub fn shown_pool<'a>(
    session: &'a ProvinceSession,
    sort: PoolSort,
    filter: &PoolFilter,
) -> Vec<&'a Candidate> {
    let mut pool = sorted_pool(session, sort);
    pool.retain(|c| filter.keeps(c));
    pool
}

/// The pool's filter and the candidate opened from it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PoolView {
    /// Which candidates are listed.
    pub filter: PoolFilter,
    /// The candidate shown read-only (its integrity fingerprint), if any.
    pub viewing: Option<String>,
    /// How far the page was scrolled when it was opened, to come back to the same place.
    pub scroll: f64,
}

/// What can happen to the pool's view.
#[derive(Clone, Debug, PartialEq)]
pub enum PoolAction {
    /// List only this city's candidates (`None`: every city's).
    City(Option<u32>),
    /// List only this kind (`None`: both).
    Kind(Option<KindKey>),
    /// List only applicants whose name contains this.
    Search(String),
    /// List everyone again.
    ClearFilter,
    /// Open a candidate read-only; the page was scrolled this far (the browser's figure).
    Open(String, f64),
    /// Back to the pool.
    Back,
}

impl ProvinceState {
    /// Applies a pool action (nothing recorded changes).
    pub(crate) fn reduce_pool(&mut self, action: PoolAction) {
        let v = &mut self.view;
        match action {
            PoolAction::City(city) => v.filter.city = city,
            PoolAction::Kind(kind) => v.filter.kind = kind,
            PoolAction::Search(text) => v.filter.text = text,
            PoolAction::ClearFilter => v.filter = PoolFilter::default(),
            PoolAction::Open(id, scroll) => {
                // Only a candidate of the pool opens.
                if self.session.get(&id).is_some() {
                    v.viewing = Some(id);
                    v.scroll = scroll;
                }
            }
            PoolAction::Back => v.viewing = None,
        }
    }
}
