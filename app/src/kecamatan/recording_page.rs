//! `/kecamatan/permohonan/:id/rekam`: biometric recording at the desk — ten fingers read from the
//! scanner's images in the staff Web Worker (the page never freezes; images stay in memory and
//! only templates are kept), the face photo and the signature; then into the outbox.

use super::recording_draft::{self, missing_parts, next_to_scan, Finger, RecordingDraft};
use super::{remembered_detail, FaceCapture, FingerSlot, SignaturePad};
use crate::api::{IdempotencyKey, StaffApi};
use crate::components::StageChip;
use crate::extraction::{self, JobInput, JobOutput, Preview};
use crate::i18n::{t, use_lang};
use crate::kecamatan::strings::*;
use crate::nav::navigate;
use crate::platform::random;
use crate::staff::outbox;
use base64::Engine as _;
use leptos::prelude::*;
use shared::api::{LowQualityReason, MissingFingerReason, FINGER_POSITIONS};
use shared::i18n::Lang;
use shared::lifecycle::Stage;
use shared::validation::FieldCode;
use shared::validation::RecordingGap;
use wasm_bindgen_futures::JsFuture;

/// Resolution assumed when a scanner file does not state one (the standard for fingerprints).
const SCANNER_PPI: u16 = 500;

/// The recording screen.
#[component]
pub fn RecordingPage(id: String) -> impl IntoView {
    let lang = use_lang();
    let api = StaffApi::for_view();
    let app_id = StoredValue::new(id.clone());
    extraction::warm_up();

    let fingers = RwSignal::new(vec![Finger::Empty; 10]);
    // Thumbnails of the prints read in this page: held here only, never in the saved draft.
    let previews = RwSignal::new(vec![None::<Preview>; 10]);
    let face = RwSignal::new(None::<String>);
    let signature = RwSignal::new(None::<String>);
    let key = RwSignal::new(String::new());
    let loaded = RwSignal::new(false);
    let show_missing = RwSignal::new(false);
    let store_error = RwSignal::new(false);
    let who =
        RwSignal::new(remembered_detail(&id).map(|d| (d.registration_code, d.form.full_name)));
    // Set when the server says this application cannot be recorded (already recorded): the
    // screen says so before the operator scans anything.
    let already = RwSignal::new(None::<Stage>);

    // The draft (after a reload or a new sign-in) or a fresh one with its idempotency key.
    leptos::task::spawn_local({
        let id = id.clone();
        async move {
            let draft = match recording_draft::load(&id).await {
                Some(d) => d,
                None => RecordingDraft::new(random::hex_128().unwrap_or_default()),
            };
            // Anything captured while the draft was loading wins over the stored copy.
            fingers.update(|now| {
                for (slot, stored) in now.iter_mut().zip(draft.fingers) {
                    if *slot == Finger::Empty {
                        *slot = stored;
                    }
                }
            });
            if face.get_untracked().is_none() {
                face.set(draft.face_jpeg_base64);
            }
            if signature.get_untracked().is_none() {
                signature.set(draft.signature_png_base64);
            }
            key.set(draft.idempotency_key);
            loaded.set(true);
            // Offline, the remembered copy stands in and the outbox sorts it out later.
            if let Ok(d) = api.detail(&id).await {
                super::remember_detail(&d);
                if d.stage.has_recorded_biometrics()
                    && !d.allowed_actions.iter().any(|a| a.records_biometrics())
                {
                    already.set(Some(d.stage));
                }
                who.set(Some((d.registration_code, d.form.full_name)));
            }
        }
    });
    let draft = move || RecordingDraft {
        idempotency_key: key.get(),
        fingers: fingers.get(),
        face_jpeg_base64: face.get(),
        signature_png_base64: signature.get(),
    };
    // Save after every change (templates only: the draft never holds an image of a finger).
    Effect::new(move |_| {
        let d = draft();
        if !loaded.get_untracked() {
            return;
        }
        let id = app_id.get_value();
        leptos::task::spawn_local(async move {
            store_error.set(recording_draft::save(&id, &d).await.is_err());
        });
    });

    let set_finger =
        move |position: u8, f: Finger| fingers.update(|v| v[usize::from(position - 1)] = f);
    let extract = move |position: u8, file: web_sys::File| {
        set_finger(position, Finger::Extracting);
        leptos::task::spawn_local(async move {
            let image = match JsFuture::from(file.array_buffer()).await {
                Ok(buf) => js_sys::Uint8Array::new(&buf).to_vec(),
                Err(_) => {
                    set_finger(position, Finger::Unreadable);
                    return;
                }
            };
            // The image goes to the worker and is dropped there; only the template comes back.
            let result = extraction::run(JobInput::Extract {
                image,
                ppi: SCANNER_PPI,
            })
            .await;
            let f = match result {
                JobOutput::Template {
                    wire,
                    quality,
                    minutiae,
                    millis,
                    preview,
                } => {
                    previews.update(|p| p[usize::from(position - 1)] = Some(preview));
                    Finger::Captured {
                        template_base64: base64::engine::general_purpose::STANDARD.encode(wire),
                        quality,
                        minutiae,
                        millis,
                        kept: None,
                    }
                }
                _ => {
                    previews.update(|p| p[usize::from(position - 1)] = None);
                    Finger::Unreadable
                }
            };
            set_finger(position, f);
        });
    };
    let import_all = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(list) = input.files() else { return };
        let mut files: Vec<web_sys::File> =
            (0..list.length()).filter_map(|i| list.get(i)).collect();
        // Scanner software numbers its files by finger: name order is finger order.
        files.sort_by_key(|f| f.name());
        for (position, file) in FINGER_POSITIONS.zip(files) {
            extract(position, file);
        }
        input.set_value("");
    };

    let done = move || fingers.with(|v| v.iter().filter(|f| f.is_done()).count());
    let missing = move || {
        if show_missing.get() {
            missing_parts(&draft())
        } else {
            Vec::new()
        }
    };
    let problem_of = move |gap: RecordingGap| {
        let message = move |l: Lang| match gap {
            // A low print counts only after the operator's choice: say that, not "missing".
            RecordingGap::Finger(p) if fingers.with(|v| v[usize::from(p - 1)].awaits_choice()) => {
                FieldCode::LowQualityNotConfirmed.message(l)
            }
            RecordingGap::Finger(_) => FINGER_REQUIRED.get(l),
            RecordingGap::Face => FACE_REQUIRED.get(l),
            RecordingGap::Signature => SIGNATURE_REQUIRED.get(l),
        };
        Signal::derive(move || {
            missing()
                .contains(&gap)
                .then(|| message(lang.get()).to_string())
        })
    };
    let submit = move |_| {
        show_missing.set(true);
        let d = draft();
        let Some(submission) = d.submission() else {
            return;
        };
        let (code, name) = who.get_untracked().unwrap_or_default();
        let id = app_id.get_value();
        let item = outbox::Item::new(
            IdempotencyKey::from_stored(d.idempotency_key.clone()),
            id.clone(),
            code,
            name,
            outbox::Action::Record { submission },
        );
        leptos::task::spawn_local(async move {
            match outbox::outbox().enqueue(item).await {
                Ok(()) => {
                    recording_draft::discard(&id).await;
                    navigate(&format!("/kecamatan/permohonan/{id}/tanda-bukti"));
                }
                Err(_) => store_error.set(true),
            }
        });
    };

    view! {
        <section class="recording-page">
            <header class="recording-head">
                <h1>{t(RECORDING_TITLE)}</h1>
                <p class="who">{move || who.get().map(|(code, name)| format!("{name} · {code}"))}</p>
            </header>
            <p class="field-error" role="alert" hidden=move || !store_error.get()>{t(STORAGE_FAILED)}</p>
            {move || already.get().map(|stage| {
                let receipt = format!("/kecamatan/permohonan/{}/tanda-bukti", app_id.get_value());
                view! {
                    <div class="notice already-recorded" role="alert">
                        <p>{t(ALREADY_RECORDED)} " " <StageChip stage=stage/></p>
                        <p><a href=receipt>{t(SEE_RECEIPT)}</a></p>
                    </div>
                }
            })}
            <div class="recording-form" hidden=move || already.get().is_some()>
            <section class="fingers" aria-labelledby="fingers-h">
                <h2 id="fingers-h">{t(FINGERPRINTS)}</h2>
                <p class="hint">{t(FINGER_HINT)}</p>
                <p class="hint">{t(KEYBOARD_HINT)}</p>
                <div class="finger-tools">
                    <label for="finger-import-all">{t(IMPORT_ALL)}</label>
                    <input id="finger-import-all" type="file" multiple accept=super::finger_slot::ACCEPT on:change=import_all/>
                    <label for="finger-progress">{t(PROGRESS)}</label>
                    <progress id="finger-progress" max="10" value=move || done().to_string()></progress>
                    <span>{move || format!("{}/10", done())}</span>
                </div>
                <ol class="finger-grid">
                    {FINGER_POSITIONS.map(|position| {
                        let state = Signal::derive(move || fingers.with(|v| v[usize::from(position - 1)].clone()));
                        view! {
                            <FingerSlot
                                position=position
                                state=state
                                // A memo: a new print redraws its own slot, not all ten.
                                preview=Memo::new(move |_| previews.with(|p| p[usize::from(position - 1)].clone())).into()
                                on_file=Callback::new(move |file| {
                                    extract(position, file);
                                    fingers.with_untracked(|v| focus_after_print(position, v));
                                })
                                on_missing=Callback::new(move |reason: Option<MissingFingerReason>| {
                                    set_finger(position, reason.map(Finger::Missing).unwrap_or(Finger::Empty))
                                })
                                on_keep=Callback::new(move |reason: Option<LowQualityReason>| {
                                    fingers.update(|v| {
                                        if let Finger::Captured { kept, .. } = &mut v[usize::from(position - 1)] {
                                            *kept = reason;
                                        }
                                    })
                                })
                                problem=problem_of(RecordingGap::Finger(position))
                            />
                        }
                    }).collect_view()}
                </ol>
            </section>
            <div class="face-signature">
                <FaceCapture face=face problem=problem_of(RecordingGap::Face)/>
                <SignaturePad signature=signature problem=problem_of(RecordingGap::Signature)/>
            </div>
            <p class="field-error" role="alert" hidden=move || missing().is_empty()>{t(INCOMPLETE)}</p>
            <button type="button" class="primary big" disabled=move || !loaded.get() on:click=submit>{t(SUBMIT_RECORDING)}</button>
            </div>
        </section>
    }
}

/// A print loaded through a slot's own picker while the keyboard focus is on it (the scanner
/// operator's Enter, or a tap) moves the focus on to the next finger still without a print, then
/// to the face photo; a file dragged in with the mouse leaves the focus where it is.
fn focus_after_print(position: u8, fingers: &[Finger]) {
    use wasm_bindgen::JsCast;
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let focused_here = doc
        .active_element()
        .is_some_and(|e| e.id() == format!("finger-{position}"));
    if !focused_here {
        return;
    }
    let target = match next_to_scan(position, fingers) {
        Some(next) => doc.get_element_by_id(&format!("finger-{next}")),
        None => doc
            .query_selector(".face-capture button:not([hidden]), .face-capture input")
            .ok()
            .flatten(),
    };
    if let Some(el) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}
