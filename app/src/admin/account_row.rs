//! One account in the administrator's list: its state and the actions that fit it (disable or
//! enable, unlock while locked, reset the password with a temporary one).

use super::strings::*;
use crate::api::{AccountWrite, ApiError, StaffApi};
use crate::dinas::{FormErrors, WriteKey};
use crate::i18n::{t, use_lang};
use leptos::prelude::*;
use shared::api::StaffAccount;

#[component]
pub fn AccountRow(account: StaffAccount, on_change: Callback<()>) -> impl IntoView {
    let lang = use_lang();
    let api = StaffApi::for_view();
    let key = WriteKey::new();
    let id = StoredValue::new(account.id.clone());
    let errors = RwSignal::new(FormErrors::default());
    let resetting = RwSignal::new(false);
    let temporary = RwSignal::new(String::new());
    let act = Action::new_local(move |write: &AccountWrite| {
        let write = *write;
        async move {
            let Some(k) = key.get() else {
                return Err(ApiError::Unexpected { status: 0 });
            };
            let result = match write {
                AccountWrite::ResetPassword => {
                    api.reset_password(&id.get_value(), &temporary.get_untracked(), &k)
                        .await
                }
                other => api.change_account(&id.get_value(), other, &k).await,
            };
            key.settle(&result);
            result
        }
    });
    Effect::new(move |_| match act.value().get() {
        Some(Ok(_)) => {
            errors.set(FormErrors::default());
            on_change.run(());
        }
        Some(Err(e)) => errors.set(FormErrors {
            local: vec![],
            server: Some(e),
        }),
        None => {}
    });
    let username = account.username.clone();
    let status = {
        let mut parts = vec![if account.active { ACTIVE } else { DISABLED }];
        if account.locked_until.is_some() {
            parts.push(LOCKED);
        }
        if account.must_change_password {
            parts.push(MUST_CHANGE);
        }
        move || {
            parts
                .iter()
                .map(|p| p.get(lang.get()))
                .collect::<Vec<_>>()
                .join(" · ")
        }
    };
    let (active, locked) = (account.active, account.locked_until.is_some());
    let role = account.role;
    let field_id = format!("reset-{}", account.id);
    let field_for = field_id.clone();
    view! {
        <tr>
            <td class="code">{account.username}</td>
            <td>{account.display_name}</td>
            <td>{move || role.label(lang.get())}</td>
            <td>{account.district_name.unwrap_or_default()}</td>
            <td>{status}</td>
            <td><div class="row-actions">
                {if active {
                    view! { <button type="button" on:click=move |_| { act.dispatch(AccountWrite::Disable); }>{t(DISABLE)}</button> }.into_any()
                } else {
                    view! { <button type="button" on:click=move |_| { act.dispatch(AccountWrite::Enable); }>{t(ENABLE)}</button> }.into_any()
                }}
                {locked.then(|| view! {
                    <button type="button" on:click=move |_| { act.dispatch(AccountWrite::Unlock); }>{t(UNLOCK)}</button>
                })}
                <button type="button" aria-expanded=move || resetting.get().to_string()
                    on:click=move |_| resetting.update(|r| *r = !*r)>{t(RESET)}</button>
                <form class="reset-form" hidden=move || !resetting.get() on:submit=move |ev| {
                    ev.prevent_default();
                    act.dispatch(AccountWrite::ResetPassword);
                }>
                    <label for=field_for>{t(RESET_FOR)}" "{username}</label>
                    <input id=field_id type="text" autocomplete="off" bind:value=temporary/>
                    <button type="submit" class="primary">{t(RESET_SEND)}</button>
                </form>
                <p class="field-error" role="alert">
                    {move || errors.with(|e| e.field("password", lang.get()).or_else(|| e.form(lang.get())))}
                </p>
            </div></td>
        </tr>
    }
}
