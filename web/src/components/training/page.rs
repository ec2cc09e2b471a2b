//! The training page: what training mode is, the catalog in use (and loading another one), the
//! demo counties and the catalog browser.

use yew::prelude::*;

use crate::components::catalog_badge::catalog_badge;
use crate::components::training::catalog_browser::CatalogBrowser;
use crate::components::training::demos::DemoCounties;
use crate::components::training::load_catalog::LoadCatalog;
use crate::i18n::training::training_texts;
use crate::state::use_app;

/// The training page.
#[component]
pub fn TrainingPage() -> Html {
    let state = use_app();
    let tt = training_texts(state.lang);
    html! {
        <section class="training" aria-labelledby="training-title">
            <div class="hero training-head">
                <h1 id="training-title">{ tt.training_title }</h1>
                <p class="lead">{ tt.training_lead }</p>
                { catalog_badge(state.lang, &state.training_catalog()) }
                <LoadCatalog />
            </div>
            <DemoCounties />
            <CatalogBrowser />
        </section>
    }
}
