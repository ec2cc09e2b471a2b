//! What both autosaves share: hold what is unsaved, write it a short pause after the last
//! change (changes in between are batched), and at once when the page is hidden or closed.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::state::Dispatch;

/// How long the page waits after a change before it writes (changes in between are batched).
pub const AUTOSAVE_DELAY_MS: u32 = 400;

/// What is waiting to be written, with the revision it was taken at and the store namespace
/// it goes to.
type Pending<T> = Rc<RefCell<Option<(u64, T, String)>>>;

/// How a value is written: `(revision, value, store namespace, dispatcher, leaving)`; it
/// reports the result to the reducer. `leaving` (the page is hidden or closed, or the app
/// destroyed): the write must start now, inside the event; else it may take its time.
type Save<T> = fn(u64, T, &str, &Dispatch, bool);

/// Writes what is pending, if anything.
fn flush<T>(pending: &Pending<T>, dispatch: &Dispatch, save: Save<T>, leaving: bool) {
    let taken = pending.borrow_mut().take();
    if let Some((revision, value, ns)) = taken {
        save(revision, value, &ns, dispatch, leaving);
    }
}

/// Keeps `unsaved` (the value at `revision`, or `None` when everything is written) and has
/// `save` write it [`AUTOSAVE_DELAY_MS`] after the last change, and at once when the page is
/// left or hidden ([`crate::leaving::on_leaving`]), into the store namespace `ns`. When the
/// app is destroyed (a widget removed from its page) what is pending is written at once, not
/// dropped with the timer.
#[hook]
pub fn use_debounced_save<T: 'static>(
    revision: u64,
    unsaved: Option<T>,
    ns: String,
    dispatch: Dispatch,
    save: Save<T>,
) {
    let pending: Pending<T> = use_mut_ref(|| None);
    let timer = use_mut_ref(|| None::<Timeout>);
    *pending.borrow_mut() = unsaved.map(|value| (revision, value, ns));
    {
        let pending = pending.clone();
        let dispatch = dispatch.clone();
        use_effect_with(revision, move |_| {
            let waiting = pending.borrow().is_some();
            *timer.borrow_mut() = waiting.then(|| {
                Timeout::new(AUTOSAVE_DELAY_MS, move || {
                    flush(&pending, &dispatch, save, false)
                })
            });
        });
    }
    use_effect_with((), move |()| {
        let listeners = {
            let (pending, dispatch) = (pending.clone(), dispatch.clone());
            crate::leaving::on_leaving(Rc::new(move || flush(&pending, &dispatch, save, true)))
        };
        move || {
            drop(listeners);
            // Only a widget is ever destroyed (removed from its host's page).
            #[cfg(feature = "widget")]
            flush(&pending, &dispatch, save, true);
        }
    });
}
