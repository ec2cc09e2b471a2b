//! The applicant form: the government (city → county, or the code typed), the contact, and
//! what is applied for (comprehensive, or single-item with its category, title and the four
//! narrative aspects).

use shifan_rules::division::{self, PROVINCE_CODE};
use shifan_rules::{GovLevel, Kind, Lang, Problem};
use yew::prelude::*;

use crate::components::{send, send_value};
use crate::i18n::{fill, kind_label, texts};
use crate::state::{Action, AppHandle, Aspect, ContactField, Screen};

/// The city a division code belongs to (the city itself for a city code).
pub fn city_of(code: &str) -> Option<u32> {
    let division = division::get(code.parse().ok()?)?;
    if division.parent == PROVINCE_CODE {
        Some(division.code)
    } else {
        division::get(division.parent)
            .filter(|p| p.parent == PROVINCE_CODE)
            .map(|p| p.code)
    }
}

/// The applicant form.
pub fn applicant_form(state: &AppHandle) -> Html {
    let d = state.dispatcher();
    let t = texts(state.lang);
    let lang = state.lang;
    let Some(draft) = state.draft.as_ref() else {
        return Html::default();
    };
    // A picked city alone makes nobody an applicant: the level (one of its counties, or the
    // city's own government) is a choice of its own.
    let city = city_of(&draft.division_code).or(state.city_pick);
    let on_city: Callback<Event> = send_value(&d, Box::new(Action::PickCity));
    let on_county: Callback<Event> = send_value(&d, Box::new(Action::SetDivision));
    let on_code: Callback<InputEvent> = send_value(&d, Box::new(Action::SetDivision));
    let contact = |field: ContactField| -> Callback<InputEvent> {
        send_value(&d, Box::new(move |v| Action::SetContact(field, v)))
    };
    let set_single = |single: bool| -> Callback<Event> { send(&d, Action::SetSingleItem(single)) };
    let place = draft.place();
    let code_status = if draft.division_code.is_empty() {
        html! { <p class="hint" id="code-status">{ t.no_division_yet }</p> }
    } else {
        match &place {
            Ok(p) => html! {
                <p class="ok" id="code-status" data-level={p.level.as_str()}>
                    { format!("{} {} {} · ", p.province, p.city, p.county) }
                    { match p.level { GovLevel::City => t.level_city, GovLevel::County => t.level_county } }
                </p>
            },
            Err(problem) => html! {
                <p class="error-text" id="code-status">{ problem.message.get(lang).to_string() }</p>
            },
        }
    };
    // Warnings, never blocks: the official may know a number the check does not.
    let phone_warning = draft.contact.phone_problem();
    let email_warning = draft.contact.email_problem();
    let single = matches!(draft.kind, Kind::SingleItem { .. });
    let kind_problems = draft.kind.problems(&state.catalog);

    let single_item = match &draft.kind {
        Kind::Comprehensive => Html::default(),
        Kind::SingleItem {
            category,
            title,
            narrative,
        } => {
            let on_category: Callback<Event> = send_value(&d, Box::new(Action::SetCategory));
            let on_title: Callback<InputEvent> = send_value(&d, Box::new(Action::SetProjectTitle));
            let aspect = |aspect: Aspect| {
                let (label, guide) = t.aspect(aspect);
                let text = aspect.get(narrative).to_string();
                let count = shifan_rules::application::narrative_length(&text);
                let id = format!("aspect-{}", aspect.key());
                let oninput: Callback<InputEvent> =
                    send_value(&d, Box::new(move |v| Action::SetNarrative(aspect, v)));
                html! {
                    <div class="field aspect">
                        <label for={id.clone()}>{ label }</label>
                        <p class="hint" id={format!("{id}-guide")}>{ guide }</p>
                        <textarea id={id.clone()} rows="5" value={text}
                            aria-describedby={format!("{id}-guide {id}-count")} {oninput} />
                        <p class="counter" id={format!("{id}-count")} aria-live="polite">
                            { fill(t.char_count, &[&count.to_string()]) }
                        </p>
                    </div>
                }
            };
            html! {
                <div class="single-item">
                    <div class="field">
                        <label for="category">{ t.category }</label>
                        <select id="category" onchange={on_category}>
                            <option value="" selected={category.is_empty()}>{ t.choose_category }</option>
                            { for state.catalog.data().single_item_categories.iter().map(|c| html! {
                                <option value={c.id.clone()} selected={*category == c.id}>{ c.title.clone() }</option>
                            }) }
                        </select>
                    </div>
                    <div class="field">
                        <label for="project-title">{ t.project_title }</label>
                        <input id="project-title" type="text" value={title.clone()} oninput={on_title} />
                    </div>
                    { for Aspect::ALL.into_iter().map(aspect) }
                </div>
            }
        }
    };

    let go_indicators: Callback<MouseEvent> = send(&d, Action::Go(Screen::Indicators));

    html! {
        <section class="applicant panel" aria-labelledby="applicant-title">
            <h1 id="applicant-title">{ t.applicant_title }</h1>
            <fieldset>
                <legend>{ t.applicant_unit }</legend>
                <div class="grid-2">
                    <div class="field">
                        <label for="city">{ t.city }</label>
                        <select id="city" onchange={on_city}>
                            <option value="" selected={city.is_none()}>{ t.choose_city }</option>
                            { for division::cities().map(|c| html! {
                                <option value={c.code_str()} selected={city == Some(c.code)}>{ c.name.clone() }</option>
                            }) }
                        </select>
                    </div>
                    <div class="field">
                        <label for="county">{ t.county }</label>
                        <select id="county" onchange={on_county} disabled={city.is_none()}
                            aria-describedby="level-hint">
                            if let Some(city) = city {
                                <option value="" selected={draft.division_code.is_empty()}>{ t.choose_level }</option>
                                <option value={format!("{city:06}")}
                                    selected={draft.division_code == format!("{city:06}")}>{ t.city_itself }</option>
                                { for division::counties_of(city).map(|c| html! {
                                    <option value={c.code_str()} selected={draft.division_code == c.code_str()}>{ c.name.clone() }</option>
                                }) }
                            } else {
                                <option value="">{ t.choose_city_first }</option>
                            }
                        </select>
                        <p class="hint" id="level-hint">{ t.level_hint }</p>
                    </div>
                </div>
                <div class="field">
                    <label for="division-code">{ t.division_code }</label>
                    <input id="division-code" type="text" inputmode="numeric" maxlength="6"
                        autocomplete="off" value={draft.division_code.clone()}
                        aria-describedby="code-status" oninput={on_code} />
                    { code_status }
                </div>
            </fieldset>
            <fieldset>
                <legend>{ t.contact }</legend>
                <div class="grid-3">
                    <div class="field">
                        <label for="contact-name">{ t.contact_name }</label>
                        <input id="contact-name" type="text" autocomplete="name"
                            value={draft.contact.name.clone()} oninput={contact(ContactField::Name)} />
                    </div>
                    <div class="field">
                        <label for="contact-phone">{ t.contact_phone }</label>
                        <input id="contact-phone" type="tel" autocomplete="tel"
                            aria-describedby={phone_warning.is_some().then_some("contact-phone-warning")}
                            aria-invalid={phone_warning.is_some().then_some("true")}
                            value={draft.contact.phone.clone()} oninput={contact(ContactField::Phone)} />
                        { contact_warning("contact-phone-warning", phone_warning.as_ref(), lang) }
                    </div>
                    <div class="field">
                        <label for="contact-email">{ t.contact_email }</label>
                        <input id="contact-email" type="email" autocomplete="email"
                            aria-describedby={email_warning.is_some().then_some("contact-email-warning")}
                            aria-invalid={email_warning.is_some().then_some("true")}
                            value={draft.contact.email.clone()} oninput={contact(ContactField::Email)} />
                        { contact_warning("contact-email-warning", email_warning.as_ref(), lang) }
                    </div>
                </div>
            </fieldset>
            <fieldset>
                <legend>{ t.kind }</legend>
                <div class="choices">
                    <label class="choice">
                        <input type="radio" name="kind" value="comprehensive" checked={!single}
                            onchange={set_single(false)} />
                        <span><strong>{ kind_label(lang, false) }</strong><br />
                            <span class="hint">{ fill(t.kind_comprehensive_hint, &[&state.catalog.threshold().percent(lang)]) }</span></span>
                    </label>
                    <label class="choice">
                        <input type="radio" name="kind" value="single_item" checked={single}
                            onchange={set_single(true)} />
                        <span><strong>{ kind_label(lang, true) }</strong><br />
                            <span class="hint">{ t.kind_single_hint }</span></span>
                    </label>
                </div>
                { single_item }
                if !kind_problems.is_empty() {
                    <ul class="inline-problems">
                        { for kind_problems.iter().map(|p| html! { <li>{ p.message.get(lang).to_string() }</li> }) }
                    </ul>
                }
            </fieldset>
            <div class="form-end">
                <button type="button" class="primary big" onclick={go_indicators}>{ t.to_indicators }</button>
            </div>
        </section>
    }
}

/// A contact field's warning under it (from `shifan-rules`), or nothing.
fn contact_warning(id: &'static str, warning: Option<&Problem>, lang: Lang) -> Html {
    match warning {
        Some(p) => {
            html! { <p class="warning-text" {id} data-code={p.code.as_str()}>{ p.message.get(lang).to_string() }</p> }
        }
        None => Html::default(),
    }
}
