//! The ways into the city review: a button in the top bar and a card on the start page.

use yew::prelude::*;

use crate::components::review::review;
use crate::i18n::review::review_texts;
use crate::review::ReviewAction;
use crate::state::{Screen, use_app};

/// The top bar's "City review" button (not shown on the review itself).
#[component]
pub fn ReviewNavButton() -> Html {
    let state = use_app();
    if state.draft.is_none() && state.screen == Screen::Review {
        return Html::default();
    }
    html! {
        <button type="button" data-action="review"
            onclick={review::<MouseEvent>(&state.dispatcher(), ReviewAction::Enter)}>
            { review_texts(state.lang).entry }
        </button>
    }
}

/// The start page's card for the city office.
#[component]
pub fn ReviewStartCard() -> Html {
    let state = use_app();
    let rt = review_texts(state.lang);
    html! {
        <section class="drafts-section review-entry" aria-labelledby="review-entry-title">
            <h2 id="review-entry-title">{ rt.entry }</h2>
            <p>{ rt.entry_hint }</p>
            <button type="button" data-action="start-review"
                onclick={review::<MouseEvent>(&state.dispatcher(), ReviewAction::Enter)}>
                { rt.entry_button }
            </button>
        </section>
    }
}
