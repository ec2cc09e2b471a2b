//! The city review page: the reviewing office, opening files (picked, or dropped anywhere on
//! the page), rejected files, duplicates, the comparison table, the export and the heat map —
//! or, when one is open, an application read-only, or the printable opinion sheet.

use std::cell::Cell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::DragEvent;
use yew::prelude::*;

use crate::components::catalog_badge::catalog_badge;
use crate::components::review::duplicates::Duplicates;
use crate::components::review::export::ReviewExport;
use crate::components::review::heatmap::HeatMap;
use crate::components::review::notices::ReviewNotices;
use crate::components::review::open_files::OpenFiles;
use crate::components::review::rejected::RejectedList;
use crate::components::review::setup::ReviewSetup;
use crate::components::review::sheet::ReviewSheet;
use crate::components::review::table::ComparisonTable;
use crate::components::review::viewer::ReviewViewer;
use crate::embed::Host;
use crate::i18n::review::review_texts;
use crate::review::{ReviewAction, io};
use crate::state::{Action, Dispatch, use_app};

fn has_files(event: &DragEvent) -> bool {
    event
        .data_transfer()
        .is_some_and(|t| t.types().includes(&"Files".into(), 0))
}

/// Lets files be dropped anywhere on the page while it is shown: the page (not the browser)
/// opens them with `open`, and says so (`dragging`) while they are dragged over it. The
/// review's page and the province's use it. A widget (`host`) listens on its own root, never
/// on the host's window: files dropped elsewhere on the host's page are the host's. `open` gets
/// the app's store namespace too. While `refusal` is given (a dialog is over the page), files
/// dropped are not read: that action is dispatched instead, and the browser does not open them
/// either.
#[hook]
pub fn use_file_drop(
    dispatch: Dispatch,
    dragging: fn(bool) -> Action,
    open: fn(Vec<web_sys::File>, Dispatch, String),
    host: &Host,
    refusal: Option<Action>,
) {
    let ns = host.namespace();
    let near = host.node();
    let on_drag = dragging;
    // The listeners live as long as the page; the refusal is the latest render's.
    let refused = use_mut_ref(|| None::<Action>);
    *refused.borrow_mut() = refusal;
    use_effect_with((), move |()| {
        let dragging = Rc::new(Cell::new(false));
        let set = {
            let dispatch = dispatch.clone();
            move |dragging: &Cell<bool>, on: bool| {
                if dragging.replace(on) != on {
                    dispatch.dispatch(on_drag(on));
                }
            }
        };
        let target: Option<web_sys::EventTarget> = match near {
            Some(node) => Some(node.unchecked_into()),
            None => web_sys::window().map(|w| w.unchecked_into()),
        };
        let listeners = target.map(|window| {
            let options = EventListenerOptions::enable_prevent_default();
            let over = {
                let (dragging, set, refused) = (dragging.clone(), set.clone(), refused.clone());
                EventListener::new_with_options(&window, "dragover", options, move |e| {
                    if let Some(e) = e.dyn_ref::<DragEvent>().filter(|e| has_files(e)) {
                        e.prevent_default();
                        set(&dragging, refused.borrow().is_none());
                    }
                })
            };
            let leave = {
                let (dragging, set) = (dragging.clone(), set.clone());
                EventListener::new(&window, "dragleave", move |e| {
                    // Leaving the window: no element is entered next.
                    if e.dyn_ref::<DragEvent>()
                        .is_some_and(|e| e.related_target().is_none())
                    {
                        set(&dragging, false);
                    }
                })
            };
            let on_drop = EventListener::new_with_options(&window, "drop", options, move |e| {
                let Some(e) = e.dyn_ref::<DragEvent>() else {
                    return;
                };
                e.prevent_default();
                set(&dragging, false);
                if let Some(refusal) = refused.borrow().clone() {
                    dispatch.dispatch(refusal);
                    return;
                }
                let files = e
                    .data_transfer()
                    .and_then(|t| t.files())
                    .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
                    .unwrap_or_default();
                open(files, dispatch.clone(), ns.clone());
            });
            (over, leave, on_drop)
        });
        move || drop(listeners)
    });
}

/// Back from an application to the table, focus returns to the row it was opened from (looked
/// up in the widget's root when the app is one, `root`).
#[hook]
fn use_focus_return(viewing: Option<String>, root: Option<web_sys::Element>) {
    let last = use_mut_ref(|| None::<String>);
    use_effect_with(viewing, move |viewing| {
        let closed = last.replace(viewing.clone());
        if let (None, Some(id)) = (viewing, closed) {
            let selector = format!("tr[data-id=\"{id}\"] button.open");
            let button = match &root {
                Some(root) => root.query_selector(&selector).ok().flatten(),
                None => web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.query_selector(&selector).ok().flatten()),
            }
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(button) = button {
                let _ = button.focus();
            }
        }
    });
}

/// The review page.
#[component]
pub fn ReviewPage() -> Html {
    let state = use_app();
    use_file_drop(
        state.dispatcher(),
        |on| Action::review(ReviewAction::Dragging(on)),
        io::open_files,
        &state.host,
        None,
    );
    use_focus_return(state.modes.review.viewing.clone(), state.host.root());
    let rt = review_texts(state.lang);
    let r = &state.modes.review;
    if r.sheet {
        return html! { <ReviewSheet /> };
    }
    if let Some(id) = r.viewing.clone() {
        return html! {
            <>
                <ReviewNotices />
                <ReviewViewer id={id} />
            </>
        };
    }
    let catalog = r
        .session
        .applications()
        .first()
        .map(|a| a.verified.catalog.clone());
    html! {
        <section class="review" aria-labelledby="review-title">
            <ReviewNotices />
            <div class="panel review-head">
                <h1 id="review-title">{ rt.title }</h1>
                <p class="lead">{ rt.lead }</p>
                <ReviewSetup />
                { catalog_badge(state.lang, catalog.as_ref().unwrap_or(&state.catalog)) }
            </div>
            <OpenFiles />
            // While a batch is being verified only its progress is shown: the table is
            // drawn once, when every file of the batch is in.
            if r.reading.is_none() {
                <RejectedList />
                <Duplicates />
                <ComparisonTable />
                <ReviewExport />
                <HeatMap />
            }
        </section>
    }
}
