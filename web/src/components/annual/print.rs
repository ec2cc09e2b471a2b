//! The print version of the annual report (A4, `modes.css`'s print rules): the title, every
//! part under its heading with the text as written, the government and date, and a footer
//! with the file's fingerprint and the attached self-assessment, so the stamped paper copy and
//! the exported file can be matched.

use shifan_rules::annual::{Date, Template, part_ordinal};
use shifan_rules::application::narrative_length;
use yew::prelude::*;

use crate::annual_state::{AnnualAction, OpenReport};
use crate::browser;
use crate::i18n::annual::texts;
use crate::i18n::fill;
use crate::state::{Action, AppHandle};

/// The print version of `open`.
pub(super) fn print_view(state: &AppHandle, open: &OpenReport) -> Html {
    let t = texts(state.lang);
    let lang = state.lang;
    let sealed = open.sealed();
    let template = Template::by_id(&sealed.template).unwrap_or(Template::builtin());
    let back = {
        let dispatch = state.dispatcher();
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(Action::annual(AnnualAction::Print(false)))
        })
    };
    let print = Callback::from(|_: MouseEvent| browser::print());
    let name = match lang {
        shifan_rules::Lang::Zh => format!("{}人民政府", sealed.government.display_name()),
        shifan_rules::Lang::En => {
            format!(
                "People's Government of {}",
                sealed.government.display_name()
            )
        }
    };
    let date = Date::parse(&sealed.updated).map_or_else(String::new, |d| d.label(lang));
    let none = match lang {
        shifan_rules::Lang::Zh => "无。",
        shifan_rules::Lang::En => "None.",
    };
    html! {
        <>
            <div class="actions no-print">
                <button type="button" class="button primary" data-action="annual-do-print"
                    onclick={print}>{ t.print }</button>
                <button type="button" class="button" data-action="annual-back" onclick={back}>
                    { t.back }
                </button>
            </div>
            <article class="annual-print sheet" data-role="annual-print">
                <h1><bdi>{ sealed.title(lang) }</bdi></h1>
                { for sealed.parts.iter().enumerate().map(|(i, part)| {
                    let title = template.part(&part.key).map_or(part.key.as_str(), |p| p.title.get(lang));
                    // Each line its own paragraph, indented as an official document's are (as
                    // the published HTML has them).
                    let lines: Vec<&str> = part
                        .text
                        .lines()
                        .map(str::trim)
                        .filter(|l| narrative_length(l) > 0)
                        .collect();
                    html! {
                        <section class="annual-print-part">
                            <h2>{ part_ordinal(i, lang) }{ title.to_string() }</h2>
                            if lines.is_empty() {
                                <p class="user-text">{ none }</p>
                            }
                            { for lines.into_iter().map(|l| html! { <p class="user-text">{ l.to_string() }</p> }) }
                        </section>
                    }
                }) }
                <p class="signature"><bdi>{ name }</bdi><br />{ date }</p>
                <footer class="annual-print-footer">
                    <p>{ fill(t.fingerprint, &[sealed.short_fingerprint()]) }</p>
                    if let Some(attached) = sealed.self_assessment.as_ref() {
                        <p>{ super::attached_line(attached, t, lang) }</p>
                    }
                </footer>
            </article>
        </>
    }
}
