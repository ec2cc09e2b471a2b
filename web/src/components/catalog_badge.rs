//! "Catalog in use: <title>" — the small line that says which indicator catalog a score is
//! computed against. Shown wherever a score is: the summary panel, the report, the training
//! page, and the city review screen (`<CatalogBadge />` for the page's catalog, or
//! `<CatalogBadge catalog={Some(arc)} />` for another one, e.g. an application's own).

use std::sync::Arc;

use shifan_rules::Catalog;
use yew::prelude::*;

use crate::i18n::{fill, texts};
use crate::state::use_app;

/// Properties of [`CatalogBadge`].
#[derive(Properties, PartialEq)]
pub struct CatalogBadgeProps {
    /// The catalog to name; `None` names the page's catalog in use (`AppState::catalog`).
    #[prop_or_default]
    pub catalog: Option<Arc<Catalog>>,
}

/// One line naming the catalog in use (`data-catalog` carries its id).
#[component]
pub fn CatalogBadge(props: &CatalogBadgeProps) -> Html {
    let state = use_app();
    let catalog = props.catalog.as_ref().unwrap_or(&state.catalog);
    html! {
        <p class="catalog-badge" data-catalog={catalog.id().to_string()}>
            { fill(texts(state.lang).catalog_in_use, &[catalog.title()]) }
        </p>
    }
}
