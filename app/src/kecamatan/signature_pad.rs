//! The signature pad: the applicant signs on the tablet with finger or stylus (pointer events),
//! and each finished stroke updates the PNG that is sent (within the server's 100 KB limit).

use crate::i18n::t;
use crate::kecamatan::strings::*;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, PointerEvent};

/// Drawing size in canvas pixels; CSS scales the box, strokes are mapped back.
const WIDTH_PX: u32 = 600;
const HEIGHT_PX: u32 = 200;

fn context(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas.get_context("2d").ok()??.dyn_into().ok()
}

/// The pointer's position in canvas pixels.
fn point(canvas: &HtmlCanvasElement, ev: &PointerEvent) -> (f64, f64) {
    let rect = canvas.get_bounding_client_rect();
    let sx = f64::from(canvas.width()) / rect.width().max(1.0);
    let sy = f64::from(canvas.height()) / rect.height().max(1.0);
    (
        (f64::from(ev.client_x()) - rect.left()) * sx,
        (f64::from(ev.client_y()) - rect.top()) * sy,
    )
}

/// The pad; `signature` holds the PNG as base64 (None while empty).
#[component]
pub fn SignaturePad(
    signature: RwSignal<Option<String>>,
    problem: Signal<Option<String>>,
) -> impl IntoView {
    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    let drawing = RwSignal::new(false);
    let too_large = RwSignal::new(false);
    let export = move || {
        let Some(canvas) = canvas_ref.get_untracked() else {
            return;
        };
        let Ok(url) = canvas.to_data_url_with_type("image/png") else {
            return;
        };
        let b64 = url
            .split_once(',')
            .map(|(_, b)| b.to_string())
            .unwrap_or_default();
        // base64 is 4/3 of the bytes.
        let bytes = b64.len() / 4 * 3;
        too_large.set(bytes > shared::validation::SIGNATURE_MAX_BYTES);
        signature.set((!too_large.get_untracked()).then_some(b64));
    };
    let clear = move |_| {
        if let Some(canvas) = canvas_ref.get_untracked() {
            if let Some(ctx) = context(&canvas) {
                ctx.clear_rect(0.0, 0.0, f64::from(WIDTH_PX), f64::from(HEIGHT_PX));
            }
        }
        signature.set(None);
        too_large.set(false);
    };
    // A signature restored from the draft is drawn back onto the pad.
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        let (Some(canvas), Some(b64)) = (canvas_ref.get(), signature.get_untracked()) else {
            return false;
        };
        if let Ok(img) = web_sys::HtmlImageElement::new() {
            let c = canvas.clone();
            let i = img.clone();
            let onload = wasm_bindgen::closure::Closure::once_into_js(move || {
                if let Some(ctx) = context(&c) {
                    let _ = ctx.draw_image_with_html_image_element(&i, 0.0, 0.0);
                }
            });
            img.set_onload(Some(onload.unchecked_ref()));
            img.set_src(&format!("data:image/png;base64,{b64}"));
        }
        true
    });
    view! {
        <section class="signature" aria-labelledby="sig-h">
            <h3 id="sig-h">{t(SIGNATURE)}</h3>
            <canvas
                node_ref=canvas_ref
                class="signature-pad"
                width=WIDTH_PX.to_string()
                height=HEIGHT_PX.to_string()
                role="img"
                aria-label=t(SIGNATURE_PAD)
                on:pointerdown=move |ev: PointerEvent| {
                    let Some(canvas) = canvas_ref.get_untracked() else { return };
                    ev.prevent_default();
                    let _ = canvas.set_pointer_capture(ev.pointer_id());
                    if let Some(ctx) = context(&canvas) {
                        let (x, y) = point(&canvas, &ev);
                        ctx.set_line_width(3.0);
                        ctx.set_line_cap("round");
                        ctx.set_line_join("round");
                        ctx.set_stroke_style_str("#111");
                        ctx.begin_path();
                        ctx.move_to(x, y);
                        // A tap leaves a dot.
                        ctx.line_to(x + 0.1, y + 0.1);
                        ctx.stroke();
                    }
                    drawing.set(true);
                }
                on:pointermove=move |ev: PointerEvent| {
                    if !drawing.get_untracked() { return; }
                    let Some(canvas) = canvas_ref.get_untracked() else { return };
                    if let Some(ctx) = context(&canvas) {
                        let (x, y) = point(&canvas, &ev);
                        ctx.line_to(x, y);
                        ctx.stroke();
                    }
                }
                on:pointerup=move |_| {
                    if drawing.get_untracked() {
                        drawing.set(false);
                        export();
                    }
                }
                on:pointercancel=move |_| {
                    if drawing.get_untracked() {
                        drawing.set(false);
                        export();
                    }
                }
            ></canvas>
            <button type="button" on:click=clear>{t(CLEAR)}</button>
            <p class="field-error" role="alert" hidden=move || !too_large.get()>{t(SIGNATURE_TOO_LARGE)}</p>
            <p class="field-error" role="alert">{move || problem.get()}</p>
        </section>
    }
}
