//! "Catalog in use: <title>" — the small line that says which indicator catalog a score is
//! computed against. Shown wherever a score is: the summary panel, the report, the training
//! page, and the city review screen.
//!
//! A function rather than a component: it has no state of its own, and every component type
//! costs the page's download more than this line does.

use shifan_rules::{Catalog, Lang};
use yew::prelude::*;

use crate::i18n::{fill, texts};

/// One line naming `catalog` (`data-catalog` carries its id).
pub fn catalog_badge(lang: Lang, catalog: &Catalog) -> Html {
    html! {
        <p class="catalog-badge" data-catalog={catalog.id().to_string()}>
            { fill(texts(lang).catalog_in_use, &[catalog.title()]) }
        </p>
    }
}
