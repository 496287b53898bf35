//! One required document: pick (or photograph) it, prepare it in the browser, keep it on the
//! device, and show what is saved.

use super::draft::{AttachmentMeta, Prefill, MAX_BODY_BYTES, MAX_FILE_BYTES, MAX_PHOTO_BYTES};
use crate::i18n::{
    file_size, t, use_lang, Tr, DOC_CHOOSE_FILE, DOC_ERR_NOT_IMAGE, DOC_ERR_NOT_SAVED,
    DOC_ERR_NO_CANVAS, DOC_ERR_PDF_TOO_LARGE, DOC_ERR_PHOTO_NOT_IMAGE, DOC_ERR_TOO_LARGE,
    DOC_ERR_TOTAL_TOO_LARGE, DOC_ERR_WRONG_TYPE, DOC_PDF, DOC_PREPARING, DOC_REMOVE, DOC_SAVED,
    PHOTO_CHOOSE_FILE, PHOTO_HINT, PHOTO_TAKE,
};
use crate::platform::{idb, image};
use leptos::prelude::*;
use shared::api::AttachmentKind;
use wasm_bindgen::JsCast;
use web_sys::{Blob, File, HtmlInputElement, Url};

/// Why a chosen file was not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentProblem {
    PhotoNotImage,
    WrongType,
    PdfTooLarge,
    NotAnImage,
    TooLarge,
    NoCanvas,
    /// All documents together would pass the 4 MiB body limit.
    TotalTooLarge,
    /// The device refused to store the file (storage full or disabled).
    NotSaved,
}

impl From<image::ImageError> for DocumentProblem {
    fn from(e: image::ImageError) -> DocumentProblem {
        match e {
            image::ImageError::NotAnImage => DocumentProblem::NotAnImage,
            image::ImageError::TooLarge => DocumentProblem::TooLarge,
            image::ImageError::Canvas => DocumentProblem::NoCanvas,
        }
    }
}

impl DocumentProblem {
    fn text(self) -> Tr {
        match self {
            DocumentProblem::PhotoNotImage => DOC_ERR_PHOTO_NOT_IMAGE,
            DocumentProblem::WrongType => DOC_ERR_WRONG_TYPE,
            DocumentProblem::PdfTooLarge => DOC_ERR_PDF_TOO_LARGE,
            DocumentProblem::NotAnImage => DOC_ERR_NOT_IMAGE,
            DocumentProblem::TooLarge => DOC_ERR_TOO_LARGE,
            DocumentProblem::NoCanvas => DOC_ERR_NO_CANVAS,
            DocumentProblem::TotalTooLarge => DOC_ERR_TOTAL_TOO_LARGE,
            DocumentProblem::NotSaved => DOC_ERR_NOT_SAVED,
        }
    }
}

/// What happened to the last file chosen for this document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Processing {
    Idle,
    Busy,
    Failed(DocumentProblem),
}

/// Prepares `file` for `kind`: the photo is cropped to 3:4 and compressed; other images are
/// scaled down and compressed; PDFs go as they are if small enough.
async fn prepare(
    kind: AttachmentKind,
    file: &File,
) -> Result<(Blob, String, String), DocumentProblem> {
    let mime = file.type_();
    let stem = kind.as_str();
    if kind == AttachmentKind::Photo3x4 {
        if !mime.starts_with("image/") {
            return Err(DocumentProblem::PhotoNotImage);
        }
        let blob = image::photo_3x4(file, MAX_PHOTO_BYTES)
            .await
            .map_err(DocumentProblem::from)?;
        return Ok((blob, format!("{stem}.jpg"), "image/jpeg".into()));
    }
    if mime == "application/pdf" {
        if file.size() > f64::from(MAX_FILE_BYTES) {
            return Err(DocumentProblem::PdfTooLarge);
        }
        return Ok((file.clone().into(), format!("{stem}.pdf"), mime));
    }
    if mime.starts_with("image/") {
        let blob = image::document(file, MAX_FILE_BYTES)
            .await
            .map_err(DocumentProblem::from)?;
        return Ok((blob, format!("{stem}.jpg"), "image/jpeg".into()));
    }
    Err(DocumentProblem::WrongType)
}

/// Picker for one document kind, with a thumbnail (images) or name and size (PDF) once saved.
#[component]
pub fn DocumentInput(kind: AttachmentKind) -> impl IntoView {
    let state = expect_context::<Prefill>();
    let lang = use_lang();
    let processing = RwSignal::new(Processing::Idle);
    // The wire name names the section in the page (`doc-photo_3x4`); the device key is the intake's.
    let key = kind.as_str();
    let file_key = state.intake.file_key(kind);
    let is_photo = kind == AttachmentKind::Photo3x4;
    let saved = Memo::new(move |_| {
        state
            .attachments
            .with(|a| a.iter().find(|m| m.kind == kind).cloned())
    });
    let preview = Memo::new(move |_| {
        state
            .previews
            .with(|p| p.iter().find(|(k, _)| *k == kind).map(|(_, u)| u.clone()))
    });

    let on_file = move |ev: web_sys::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        // Clear the input so choosing the same file again still fires `change`.
        input.set_value("");
        processing.set(Processing::Busy);
        leptos::task::spawn_local(async move {
            let result = async {
                let (blob, file_name, mime) = prepare(kind, &file).await?;
                let size = blob.size() as u32;
                let others: u32 = state
                    .attachments
                    .with_untracked(|a| a.iter().filter(|m| m.kind != kind).map(|m| m.size).sum());
                if others + size > MAX_BODY_BYTES - 64 * 1024 {
                    return Err(DocumentProblem::TotalTooLarge);
                }
                idb::put(&state.intake.file_key(kind), &blob)
                    .await
                    .map_err(|_| DocumentProblem::NotSaved)?;
                Ok((
                    blob,
                    AttachmentMeta {
                        kind,
                        file_name,
                        mime,
                        size,
                    },
                ))
            }
            .await;
            match result {
                Ok((blob, meta)) => {
                    let url = meta
                        .mime
                        .starts_with("image/")
                        .then(|| Url::create_object_url_with_blob(&blob).ok())
                        .flatten();
                    state.previews.update(|p| {
                        if let Some(i) = p.iter().position(|(k, _)| *k == kind) {
                            let _ = Url::revoke_object_url(&p.remove(i).1);
                        }
                        if let Some(url) = url {
                            p.push((kind, url));
                        }
                    });
                    state.attachments.update(|a| {
                        a.retain(|m| m.kind != kind);
                        a.push(meta);
                    });
                    processing.set(Processing::Idle);
                }
                Err(problem) => processing.set(Processing::Failed(problem)),
            }
        });
    };

    let remove = move |_| {
        state.attachments.update(|a| a.retain(|m| m.kind != kind));
        state.previews.update(|p| p.retain(|(k, _)| *k != kind));
        let file_key = file_key.clone();
        leptos::task::spawn_local(async move {
            // The entry is gone from the draft either way; an orphaned blob is overwritten by
            // the next file of this kind or cleared with the draft.
            let _ = idb::delete(&file_key).await;
        });
    };

    let section_id = format!("doc-{key}");
    let status_id = format!("doc-{key}-status");
    let camera_id = format!("doc-{key}-camera");
    let file_id = format!("doc-{key}-file");
    let accept = if is_photo {
        "image/*"
    } else {
        "image/*,application/pdf"
    };
    let described = status_id.clone();
    let described2 = status_id.clone();
    view! {
        <section class="document" id=section_id aria-labelledby=format!("doc-{key}-title")>
            <h3 id=format!("doc-{key}-title")>{move || kind.label(lang.get())}</h3>
            {is_photo.then(|| view! { <p class="hint">{t(PHOTO_HINT)}</p> })}
            <div class="document-body">
                {move || match (saved.get(), preview.get()) {
                    (Some(_), Some(url)) => view! { <img class="thumb" class:thumb-photo=is_photo src=url alt=""/> }.into_any(),
                    (Some(meta), None) => view! { <p class="file-chip">{t(DOC_PDF)} " · " {file_size(meta.size)}</p> }.into_any(),
                    _ => ().into_any(),
                }}
                <div class="document-actions">
                    {is_photo.then(|| view! {
                        <input id=camera_id.clone() class="file-input" type="file" accept="image/*" capture="user"
                            aria-describedby=described.clone() on:change=on_file/>
                        <label class="button file-button" for=camera_id.clone()>{t(PHOTO_TAKE)}</label>
                    })}
                    <input id=file_id.clone() class="file-input" type="file" accept=accept aria-describedby=described2 on:change=on_file/>
                    <label class="button secondary file-button" for=file_id.clone()>
                        {move || if is_photo { PHOTO_CHOOSE_FILE.get(lang.get()) } else { DOC_CHOOSE_FILE.get(lang.get()) }}
                    </label>
                    <button type="button" class="button link" hidden=move || saved.with(Option::is_none) on:click=remove>
                        {t(DOC_REMOVE)}
                    </button>
                </div>
            </div>
            <p id=status_id class="document-status" class:error-text=move || matches!(processing.get(), Processing::Failed(_)) role="status" aria-live="polite">
                {move || match processing.get() {
                    Processing::Busy => DOC_PREPARING.get(lang.get()).to_string(),
                    Processing::Failed(p) => p.text().get(lang.get()).to_string(),
                    Processing::Idle => saved
                        .get()
                        .map(|m| format!("{} ({})", DOC_SAVED.get(lang.get()), file_size(m.size)))
                        .unwrap_or_default(),
                }}
            </p>
        </section>
    }
}
