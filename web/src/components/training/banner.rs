//! The training-mode banner: says, on every screen of training mode, that nothing is saved;
//! offers the way back to the training page from a demo county, and the presenter switch.

use yew::prelude::*;

use crate::browser;
use crate::components::training::send_training;
use crate::i18n::texts;
use crate::i18n::training::training_texts;
use crate::state::use_app;
use crate::training_state::TrainingAction;

/// The banner (nothing outside training mode).
#[component]
pub fn TrainingBanner() -> Html {
    let state = use_app();
    // Each demo, and the way back to the training page, starts at the top of the page.
    use_effect_with(state.modes.training.demo, |_| browser::scroll_to_top());
    if !state.in_training() {
        return Html::default();
    }
    let d = state.dispatcher();
    let t = texts(state.lang);
    let tt = training_texts(state.lang);
    let presenter = state.modes.training.presenter;
    html! {
        <div class="training-banner no-print" data-training="banner">
            <p role="status"><strong>{ tt.training_banner }</strong></p>
            <div class="actions">
                if state.modes.training.demo.is_some() {
                    <button type="button" onclick={send_training(&d, TrainingAction::Enter)}
                        data-action="training-back">{ tt.training_back }</button>
                }
                <button type="button" class="toggle" aria-pressed={presenter.to_string()}
                    data-action="presenter"
                    onclick={send_training(&d, TrainingAction::Presenter(!presenter))}>
                    { t.presenter }
                </button>
            </div>
        </div>
    }
}
