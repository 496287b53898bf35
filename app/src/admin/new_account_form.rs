//! The form for a new staff account: user name, name, role, the kecamatan (a kecamatan operator
//! only, exactly one of this regency's) and a first password. The edge decides; its field
//! errors are shown next to each field.

use super::strings::*;
use crate::api::{get_region_children, ApiError, StaffApi, ViewRequests};
use crate::dinas::{FormErrors, WriteKey};
use crate::i18n::{t, use_lang, CHOOSE};
use crate::resident::DEFAULT_REGENCY;
use leptos::prelude::*;
use shared::api::NewStaffAccount;
use shared::auth::StaffRole;

#[component]
pub fn NewAccountForm(on_done: Callback<()>) -> impl IntoView {
    let lang = use_lang();
    let api = StaffApi::for_view();
    let key = WriteKey::new();
    let username = RwSignal::new(String::new());
    let display_name = RwSignal::new(String::new());
    let role = RwSignal::new(StaffRole::KecamatanOperator.as_str().to_string());
    let district = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let errors = RwSignal::new(FormErrors::default());
    let created = RwSignal::new(None::<String>);
    let kecamatan = LocalResource::new(move || async move {
        get_region_children(DEFAULT_REGENCY, lang.get_untracked(), ViewRequests::new()).await
    });
    let is_operator = move || role.with(|r| r == StaffRole::KecamatanOperator.as_str());

    let send = Action::new_local(move |account: &NewStaffAccount| {
        let account = account.clone();
        async move {
            let Some(k) = key.get() else {
                return Err(ApiError::Unexpected { status: 0 });
            };
            let result = api.create_account(&account, &k).await;
            key.settle(&result);
            result
        }
    });
    Effect::new(move |_| match send.value().get() {
        Some(Ok(account)) => {
            errors.set(FormErrors::default());
            created.set(Some(account.username));
            for field in [username, display_name, password, district] {
                field.set(String::new());
            }
            on_done.run(());
        }
        Some(Err(e)) => errors.set(FormErrors {
            local: vec![],
            server: Some(e),
        }),
        None => {}
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        created.set(None);
        let Some(role) = StaffRole::parse(&role.get_untracked()) else {
            return;
        };
        let district = Some(district.get_untracked()).filter(|d| is_operator() && !d.is_empty());
        send.dispatch(NewStaffAccount {
            username: username.get_untracked(),
            display_name: display_name.get_untracked(),
            role,
            district_code: district,
            password: password.get_untracked(),
        });
    };
    let error = move |field: &'static str| move || errors.with(|e| e.field(field, lang.get()));
    let options = move || {
        Suspend::new(async move {
            kecamatan
                .await
                .unwrap_or_default()
                .into_iter()
                .map(|k| view! { <option value=k.code.clone()>{k.name}</option> })
                .collect_view()
        })
    };
    view! {
        <form class="new-account" on:submit=submit>
            <h2>{t(NEW_ACCOUNT)}</h2>
            <label for="acc-username">{t(USERNAME)}</label>
            <input id="acc-username" autocomplete="off" bind:value=username aria-describedby="acc-username-error"/>
            <p id="acc-username-error" class="field-error">{error("username")}</p>
            <label for="acc-name">{t(DISPLAY_NAME)}</label>
            <input id="acc-name" autocomplete="off" bind:value=display_name aria-describedby="acc-name-error"/>
            <p id="acc-name-error" class="field-error">{error("display_name")}</p>
            <label for="acc-role">{t(ROLE)}</label>
            <select id="acc-role" bind:value=role>
                {StaffRole::ALL.into_iter().map(|r| view! {
                    <option value=r.as_str()>{move || r.label(lang.get())}</option>
                }).collect_view()}
            </select>
            <label for="acc-kecamatan">{t(KECAMATAN)}</label>
            <select id="acc-kecamatan" bind:value=district disabled=move || !is_operator()
                aria-describedby="acc-kecamatan-hint acc-kecamatan-error">
                <option value="">{t(CHOOSE)}</option>
                <Transition fallback=|| ()>{options}</Transition>
            </select>
            <p id="acc-kecamatan-hint" class="hint">{t(KECAMATAN_HINT)}</p>
            <p id="acc-kecamatan-error" class="field-error">{error("district_code")}</p>
            <label for="acc-password">{t(FIRST_PASSWORD)}</label>
            <input id="acc-password" type="text" autocomplete="off" bind:value=password
                aria-describedby="acc-password-hint acc-password-error"/>
            <p id="acc-password-hint" class="hint">{t(PASSWORD_HINT)}</p>
            <p id="acc-password-error" class="field-error">{error("password")}</p>
            <p class="field-error" role="alert">{move || errors.with(|e| e.form(lang.get()))}</p>
            <p role="status">{move || created.get().map(|u| format!("{} {u}", CREATED.get(lang.get())))}</p>
            <button type="submit" class="primary" disabled=move || send.pending().get()>{t(CREATE)}</button>
        </form>
    }
}
