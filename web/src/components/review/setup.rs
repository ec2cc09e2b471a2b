//! The reviewing office: the city (chosen, or inferred from the files), the reviewer, the
//! office and the date; the counts of decisions; whether the review is saved; starting over.

use shifan_rules::division;
use shifan_rules::package::Decision;
use yew::prelude::*;

use crate::browser;
use crate::components::review::review_value;
use crate::i18n::fill;
use crate::i18n::review::review_texts;
use crate::review::ReviewAction;
use crate::state::{Action, SaveError, SaveStatus, use_app};

/// The reviewing office's fields and the review's status line.
#[component]
pub fn ReviewSetup() -> Html {
    let state = use_app();
    let d = state.dispatcher();
    let rt = review_texts(state.lang);
    let r = &state.modes.review;
    let session = &r.session;
    let city = session.city();
    let on_city: Callback<Event> = review_value(&d, |v| ReviewAction::SetCity(v.parse().ok()));
    let on_name: Callback<InputEvent> = review_value(&d, ReviewAction::SetReviewerName);
    let on_office: Callback<InputEvent> = review_value(&d, ReviewAction::SetReviewerOffice);
    let on_date: Callback<Event> = review_value(&d, ReviewAction::SetDate);
    let count = |d: Decision| {
        session
            .applications()
            .iter()
            .filter(|a| a.opinion.decision == d)
            .count()
            .to_string()
    };
    let counts = fill(
        rt.counts,
        &[
            &session.applications().len().to_string(),
            &count(Decision::Recommend),
            &count(Decision::NotRecommend),
            &count(Decision::Pending),
        ],
    );
    let save_text = match (&r.save, r.unsaved()) {
        (SaveStatus::Failed(SaveError::Full | SaveError::Unavailable), _) => {
            rt.not_saved.to_string()
        }
        (_, true) => rt.saving.to_string(),
        (SaveStatus::Saved(at), false) => fill(rt.saved_at, &[&browser::local_time(at)]),
        (SaveStatus::Idle, false) => rt.saved_in_browser.to_string(),
    };
    let failed = matches!(r.save, SaveStatus::Failed(_));
    let new_review = {
        let question = rt.new_review_confirm;
        Callback::from(move |_: MouseEvent| {
            if browser::confirm(question) {
                d.dispatch(Action::review(ReviewAction::NewReview(
                    crate::review::io::today(),
                )));
            }
        })
    };
    let inferred = city
        .filter(|_| r.city_inferred)
        .and_then(division::get)
        .map(|c| fill(rt.city_inferred, &[&c.name]));
    html! {
        <fieldset class="review-setup">
            <legend>{ rt.setup }</legend>
            <div class="setup-grid">
                <div class="field">
                    <label for="review-city">{ rt.city }</label>
                    <select id="review-city" onchange={on_city}
                        aria-describedby={inferred.is_some().then_some("review-city-inferred")}>
                        <option value="" selected={city.is_none()}>{ rt.choose_city }</option>
                        { for division::cities().map(|c| html! {
                            <option value={c.code_str()} selected={city == Some(c.code)}>{ c.name.clone() }</option>
                        }) }
                    </select>
                    if let Some(text) = inferred {
                        <p class="hint" id="review-city-inferred">{ text }</p>
                    }
                </div>
                <div class="field">
                    <label for="reviewer-office">{ rt.reviewer_office }</label>
                    <input id="reviewer-office" type="text" value={session.reviewer.office.clone()}
                        placeholder={rt.office_example} oninput={on_office} />
                </div>
                <div class="field">
                    <label for="reviewer-name">{ rt.reviewer_name }</label>
                    <input id="reviewer-name" type="text" autocomplete="name"
                        value={session.reviewer.name.clone()} oninput={on_name} />
                </div>
                <div class="field">
                    <label for="review-date">{ rt.date }</label>
                    <input id="review-date" type="date" value={session.date.clone()} onchange={on_date} />
                </div>
            </div>
            <div class="review-status">
                <p data-testid="review-counts">{ counts }</p>
                <p class={if failed { "save-state failed" } else { "save-state" }} role="status"
                    data-testid="review-save">{ save_text }</p>
                <button type="button" class="danger" data-action="new-review" onclick={new_review}>{ rt.new_review }</button>
            </div>
        </fieldset>
    }
}
