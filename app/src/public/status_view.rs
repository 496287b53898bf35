//! One application's status: current stage, what to do next, reasons if returned, and the timeline.

use super::card_step_texts;
use crate::components::StageChip;
use crate::i18n::{
    format_timestamp, t, use_lang, CERTIFICATE_NO_LONGER_VALID, CERTIFICATE_VALID_UNTIL,
    RETURNED_REASONS, STAGE_NOW, TIMELINE, WHAT_NEXT,
};
use leptos::prelude::*;
use shared::api::StatusView;
use shared::i18n::Lang;

/// Renders a [`StatusView`] in the current language. It holds stages and dates only.
#[component]
pub fn StatusDetails(status: StatusView) -> impl IntoView {
    let lang = use_lang();
    let StatusView {
        stage,
        timeline,
        next_action,
        returned_reasons,
        certificate,
        card,
        ..
    } = status;
    // Once the card left the dinas, its own words say where it is and what to do.
    let step = card.as_ref().map(|c| c.step);
    let what_next = move || match step {
        Some(step) => card_step_texts::next(step).get(lang.get()),
        None => next_action.message(lang.get()),
    };
    let card_line = card.map(|c| {
        let since = c.since.clone();
        view! {
            <p class="card-step" data-step=format!("{:?}", c.step)>
                {t(card_step_texts::step(c.step))}" "
                <span class="card-step-since">{t(card_step_texts::SINCE)}" "
                    <time datetime=c.since>{move || format_timestamp(&since, lang.get())}</time>
                </span>
            </p>
        }
    });
    view! {
        <section class="status-now" aria-labelledby="stage-now">
            <h2 id="stage-now">{t(STAGE_NOW)}</h2>
            // The plain-language name coloured by its meaning; the offices' short codes (PRE,
            // PRR, DUP) mean nothing to a resident.
            <p class="stage"><StageChip stage=stage/></p>
            {card_line}
            {stage.about(Lang::Id).map(|_| view! {
                <p class="stage-about">{move || stage.about(lang.get())}</p>
            })}
        </section>
        <section class="next-action" aria-labelledby="what-next">
            <h2 id="what-next">{t(WHAT_NEXT)}</h2>
            <p>{what_next}</p>
        </section>
        {(!returned_reasons.is_empty()).then(|| view! {
            <section class="returned" aria-labelledby="returned-reasons">
                <h2 id="returned-reasons">{t(RETURNED_REASONS)}</h2>
                <ul>
                    {returned_reasons.iter().map(|&r| view! { <li>{move || r.message(lang.get())}</li> }).map(IntoAny::into_any).collect_view()}
                </ul>
            </section>
        })}
        {certificate.map(|c| {
            // One plain line: dates only, the page never shows who holds it.
            let (label, date) = if c.valid {
                (CERTIFICATE_VALID_UNTIL, c.valid_through)
            } else {
                (CERTIFICATE_NO_LONGER_VALID, c.issued_on)
            };
            let shown = date.clone();
            view! {
                <p class="certificate-line" data-valid=c.valid.to_string()>
                    {t(label)}" "<time datetime=date>{move || format_timestamp(&shown, lang.get())}</time>
                </p>
            }
        })}
        <section aria-labelledby="timeline">
            <h2 id="timeline">{t(TIMELINE)}</h2>
            <ol class="timeline">
                {timeline.into_iter().map(|entry| {
                    let at = entry.at.clone();
                    view! {
                        <li>
                            <span class="timeline-stage">{move || entry.stage.label(lang.get())}</span>
                            <time datetime=entry.at>{move || format_timestamp(&at, lang.get())}</time>
                        </li>
                    }
                }).map(IntoAny::into_any).collect_view()}
            </ol>
        </section>
    }
}
