//! A staff-only image (a recorded face, a 3x4 photo) fetched with the session cookie and shown
//! from a blob URL, which is revoked when the view goes away.

use super::strings::IMAGE_FAILED;
use crate::api::StaffApi;
use crate::i18n::{t, ts, Tr};
use leptos::prelude::*;

/// The image at API path `path`, described by `alt`.
#[component]
pub fn StaffImage(path: String, alt: Tr, #[prop(optional)] class: &'static str) -> impl IntoView {
    let api = StaffApi::for_view();
    let url = RwSignal::new(None::<Result<String, ()>>);
    leptos::task::spawn_local(async move {
        let answer = api.image_url(&path).await.map_err(|_| ());
        // The view may be gone by now: then the URL is released at once.
        if url.try_set(Some(answer.clone())).is_some() {
            if let Ok(u) = answer {
                let _ = web_sys::Url::revoke_object_url(&u);
            }
        }
    });
    on_cleanup(move || {
        if let Some(Some(Ok(u))) = url.try_get_untracked() {
            let _ = web_sys::Url::revoke_object_url(&u);
        }
    });
    let alt = ts(alt);
    move || {
        match url.get() {
        None => view! { <div class=format!("staff-image loading {class}") role="img" aria-label=alt></div> }.into_any(),
        Some(Ok(u)) => view! { <img class=format!("staff-image {class}") src=u alt=alt/> }.into_any(),
        Some(Err(())) => view! { <p class=format!("staff-image failed {class}")>{t(IMAGE_FAILED)}</p> }.into_any(),
    }
    }
}
