//! The demo counties: three built-in sample applications made on the catalog in use (well
//! above the bar, just below it, a single-item project), each opened with one click in the
//! ordinary workspace, where nothing is saved.

use shifan_rules::division;
use shifan_rules::sample::Demo;
use yew::prelude::*;

use crate::components::training::send_training;
use crate::i18n::fill;
use crate::i18n::training::training_texts;
use crate::state::use_app;
use crate::training_state::TrainingAction;

/// The demo county cards.
#[component]
pub fn DemoCounties() -> Html {
    let state = use_app();
    let d = state.dispatcher();
    let tt = training_texts(state.lang);
    html! {
        <section class="demos" aria-labelledby="demos-title">
            <h2 id="demos-title">{ tt.demos_title }</h2>
            <p class="hint">{ tt.demos_hint }</p>
            <ul class="demo-list">
                { for Demo::ALL.iter().zip(tt.demos).map(|(&demo, (label, text))| {
                    let place = division::lookup(demo.division_code())
                        .map(|p| p.display_name())
                        .unwrap_or_default();
                    html! {
                        <li class="demo" data-demo={demo.as_str()}>
                            <h3>{ place.clone() }</h3>
                            <p class="demo-label">{ label }</p>
                            <p class="hint">{ text }</p>
                            <button type="button" class="primary"
                                aria-label={fill("{} {}", &[tt.open_demo, &place])}
                                onclick={send_training(&d, TrainingAction::OpenDemo(demo))}>
                                { tt.open_demo }
                            </button>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
