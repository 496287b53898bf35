//! `/staf/administrasi`: the account list with each account's actions, and the form for a new
//! account. The list is read again after every change.

use super::account_row::AccountRow;
use super::new_account_form::NewAccountForm;
use super::strings::*;
use crate::api::StaffApi;
use crate::i18n::{t, use_lang};
use crate::staff::StaffShell;
use leptos::prelude::*;
use shared::auth::StaffRole;

const ROLES: [StaffRole; 1] = [StaffRole::Administrator];

/// The administrator's console.
#[component]
pub fn AccountsPage() -> impl IntoView {
    view! {
        <StaffShell title=CONSOLE_TITLE roles=&ROLES wrong_role=WRONG_ROLE links=|| ()>
            <Accounts/>
        </StaffShell>
    }
}

#[component]
fn Accounts() -> impl IntoView {
    let lang = use_lang();
    let api = StaffApi::for_view();
    let version = RwSignal::new(0u32);
    let list = LocalResource::new(move || {
        version.track();
        async move { api.staff_accounts().await }
    });
    let reload = Callback::new(move |()| version.update(|v| *v += 1));
    let rows = move || {
        Suspend::new(async move {
            match list.await {
                Ok(list) => view! {
                    <table class="queue accounts">
                        <thead><tr>
                            <th scope="col">{t(COL_USERNAME)}</th>
                            <th scope="col">{t(COL_NAME)}</th>
                            <th scope="col">{t(COL_ROLE)}</th>
                            <th scope="col">{t(COL_KECAMATAN)}</th>
                            <th scope="col">{t(COL_STATUS)}</th>
                            <th scope="col">{t(COL_ACTIONS)}</th>
                        </tr></thead>
                        <tbody>
                            {list.accounts.into_iter().map(|account| view! {
                                <AccountRow account on_change=reload/>
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any(),
                Err(e) => view! { <p class="field-error" role="alert">{move || e.message(lang.get())}</p> }.into_any(),
            }
        })
    };
    view! {
        <section class="admin-accounts">
            <h1>{t(ACCOUNTS_TITLE)}</h1>
            <p>{t(ACCOUNTS_INTRO)}</p>
            <Transition fallback=move || view! { <p>{t(crate::kecamatan::strings::LOADING)}</p> }>{rows}</Transition>
            <NewAccountForm on_done=reload/>
        </section>
    }
}
