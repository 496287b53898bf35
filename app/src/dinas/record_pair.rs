//! The probe beside one candidate: face at recording and 3x4 photo, the demographics side by
//! side with each differing field marked in words (not by colour alone), kecamatan, when and by
//! whom each was recorded, and the stage.

use super::strings::*;
use super::StaffImage;
use crate::i18n::{format_timestamp, t, use_lang, Tr};
use leptos::prelude::*;
use shared::api::{Demographics, RecordSide};

/// The compared fields: their JSON name (as `differing_fields` names them), label and value.
fn fields(d: &Demographics) -> [(&'static str, Tr, String); 7] {
    [
        ("full_name", F_NAME, d.full_name.clone()),
        ("nik", F_NIK, d.nik.clone()),
        ("kk_number", F_KK, d.kk_number.clone()),
        ("birth_place", F_BIRTH_PLACE, d.birth_place.clone()),
        ("birth_date", F_BIRTH_DATE, d.birth_date.clone()),
        ("sex", F_SEX, d.sex.clone()),
        ("address", F_ADDRESS, d.address.clone()),
    ]
}

/// The two records side by side; `differing` names the fields whose values differ.
#[component]
pub fn RecordPair(
    probe: RecordSide,
    candidate: RecordSide,
    differing: Vec<String>,
) -> impl IntoView {
    let lang = use_lang();
    let rows = fields(&probe.demographics)
        .into_iter()
        .zip(fields(&candidate.demographics))
        .map(|((name, label, a), (_, _, b))| {
            let differs = differing.iter().any(|f| f == name);
            view! {
                <tr class:differs=differs>
                    <th scope="row">{t(label)}</th>
                    <td>{a}</td>
                    <td>{b}</td>
                    <td class="compare">{if differs { view! { <strong>"≠ "{t(DIFFERS)}</strong> }.into_any() } else { view! { <span>"= "{t(SAME)}</span> }.into_any() }}</td>
                </tr>
            }
        })
        .collect_view();
    let context_row = |label: Tr, a: String, b: String| {
        view! { <tr><th scope="row">{t(label)}</th><td>{a}</td><td>{b}</td><td></td></tr> }
    };
    let (ps, cs) = (probe.stage, candidate.stage);
    let (pa, ca) = (probe.recorded_at.clone(), candidate.recorded_at.clone());
    view! {
        <div class="record-pair">
            <div class="faces">
                <figure>
                    <figcaption>{t(PROBE)}" · "<span class="code">{probe.registration_code.clone()}</span></figcaption>
                    <div class="face-row">
                        <StaffImage path=probe.face_path.clone() alt=FACE class="face"/>
                        <StaffImage path=probe.photo_path.clone() alt=PHOTO_3X4 class="photo"/>
                    </div>
                </figure>
                <figure>
                    <figcaption>{t(CANDIDATE)}" · "<span class="code">{candidate.registration_code.clone()}</span></figcaption>
                    <div class="face-row">
                        <StaffImage path=candidate.face_path.clone() alt=FACE class="face"/>
                        <StaffImage path=candidate.photo_path.clone() alt=PHOTO_3X4 class="photo"/>
                    </div>
                </figure>
            </div>
            <table class="demographics">
                <thead><tr>
                    <th scope="col">{t(FIELD)}</th>
                    <th scope="col">{t(PROBE)}</th>
                    <th scope="col">{t(CANDIDATE)}</th>
                    <th scope="col">{t(COMPARED)}</th>
                </tr></thead>
                <tbody>
                    {rows}
                    {context_row(F_KECAMATAN, probe.district_name.clone(), candidate.district_name.clone())}
                    <tr>
                        <th scope="row">{t(F_RECORDED)}</th>
                        <td>{move || format_timestamp(&pa, lang.get())}</td>
                        <td>{move || format_timestamp(&ca, lang.get())}</td>
                        <td></td>
                    </tr>
                    {context_row(F_RECORDED_BY, probe.recorded_by.clone(), candidate.recorded_by.clone())}
                    <tr>
                        <th scope="row">{t(F_STAGE)}</th>
                        <td>{move || ps.label(lang.get())}</td>
                        <td>{move || cs.label(lang.get())}</td>
                        <td></td>
                    </tr>
                </tbody>
            </table>
        </div>
    }
}
