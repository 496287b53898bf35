//! The flags raised for the supervisor (identity fraud found at a clarification, a recording
//! with the operator's own prints), newest first, on the case queue of a supervisor: a flagged
//! case has often closed and left the queue, and this keeps it in sight, one click from the
//! case (where the reason is read, audited).

use super::clarification_strings::*;
use crate::api::StaffApi;
use crate::i18n::{format_timestamp, t, use_lang};
use leptos::prelude::*;
use shared::api::FlaggedCase;

#[component]
pub fn FlagList() -> impl IntoView {
    let lang = use_lang();
    let api = StaffApi::for_view();
    let flags = LocalResource::new(move || async move { api.flags().await });
    let rows = move || {
        Suspend::new(async move {
            match flags.await {
                Ok(list) if list.items.is_empty() => view! { <p>{t(NO_FLAGS)}</p> }.into_any(),
                Ok(list) => view! {
                    <table class="queue flags">
                        <thead><tr>
                            <th scope="col">{t(super::strings::COL_CODE)}</th>
                            <th scope="col">{t(COL_FLAG)}</th>
                            <th scope="col">{t(COL_RAISED)}</th>
                            <th scope="col">{t(COL_RAISED_BY)}</th>
                        </tr></thead>
                        <tbody>{list.items.into_iter().map(|f| view! { <FlagRow flag=f/> }).collect_view()}</tbody>
                    </table>
                }.into_any(),
                Err(e) => view! { <p class="field-error" role="alert">{move || e.message(lang.get())}</p> }.into_any(),
            }
        })
    };
    view! {
        <section class="flag-list" aria-labelledby="flags-title">
            <h2 id="flags-title">{t(FLAGS_TITLE)}</h2>
            <p>{t(FLAGS_INTRO)}</p>
            <Transition fallback=|| ()>{rows}</Transition>
        </section>
    }
}

#[component]
fn FlagRow(flag: FlaggedCase) -> impl IntoView {
    let lang = use_lang();
    let href = format!("/dinas/adjudikasi/{}", flag.case_id);
    let at = flag.raised_at.clone();
    view! {
        <tr data-kind=flag.kind.as_str()>
            <td class="code"><a href=href>{flag.registration_code}</a></td>
            <td>{t(flag_label(flag.kind))}</td>
            <td>{move || format_timestamp(&at, lang.get())}</td>
            <td>{flag.raised_by}</td>
        </tr>
    }
}
