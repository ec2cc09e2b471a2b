//! Under a long list of the review (the comparison table, the heat map, the duplicates): how
//! many are listed and how many are not yet, with buttons for one more page and for all. A list
//! shows a first page so that thousands of files reach the screen in a moment; what is not
//! drawn is always counted here, never dropped.

use yew::prelude::*;

use crate::components::review::review;
use crate::i18n::fill;
use crate::i18n::review::review_texts;
use crate::review::{Panel, ReviewAction, Shown};
use crate::state::AppHandle;

/// The line under `panel` when `left` of its rows (or groups) are not drawn, after `drawn`;
/// nothing when every one is drawn.
pub fn more(state: &AppHandle, panel: Panel, drawn: usize, left: usize) -> Html {
    if left == 0 {
        return Html::default();
    }
    let rt = review_texts(state.lang);
    let d = state.dispatcher();
    let step = left.min(Shown::default().of(panel)).to_string();
    let all = (drawn + left).to_string();
    let (line, more, every) = match panel {
        Panel::Duplicates => (rt.groups_left, rt.show_more_groups, rt.show_all_groups),
        Panel::Table | Panel::Heat => (rt.rows_left, rt.show_more, rt.show_all),
    };
    html! {
        <div class="more-rows" data-testid="more-rows">
            <p>{ fill(line, &[&drawn.to_string(), &left.to_string()]) }</p>
            <button type="button" data-action="show-more"
                onclick={review::<MouseEvent>(&d, ReviewAction::ShowMore(panel))}>{ fill(more, &[&step]) }</button>
            <button type="button" data-action="show-all"
                onclick={review::<MouseEvent>(&d, ReviewAction::ShowAll(panel))}>{ fill(every, &[&all]) }</button>
        </div>
    }
}
