//! One KTP-el at ID-1 size (85.60 x 53.98 mm), front and back, from the laid-out card face:
//! every value is printed on the lines `shared::printing::lay_out_card` made, in a monospaced
//! column that holds exactly `LINE_CHARS` characters, so nothing wraps or is cut here. The card
//! is in Indonesian whatever the console's language.

use super::strings::*;
use crate::dinas::StaffImage;
use crate::i18n::ts;
use leptos::prelude::*;
use shared::api::CardFace;

/// The front and back of one card.
#[component]
pub fn KtpCard(
    face: CardFace,
    photo_path: String,
    signature_path: String,
    serial: Option<String>,
) -> impl IntoView {
    let rows: Vec<(&'static str, Vec<String>)> = vec![
        ("Nama", face.full_name.clone()),
        ("Tempat/Tgl Lahir", vec![face.birth.clone()]),
    ];
    let rest: Vec<(&'static str, Vec<String>)> = vec![
        ("Alamat", face.street.clone()),
        ("RT/RW", vec![face.rt_rw.clone()]),
        ("Kel/Desa", vec![face.village.clone()]),
        ("Kecamatan", vec![face.district.clone()]),
        ("Agama", vec![face.religion.clone()]),
        ("Status Perkawinan", vec![face.marital_status.clone()]),
        ("Pekerjaan", vec![face.occupation.clone()]),
        ("Kewarganegaraan", vec![face.citizenship.clone()]),
        ("Berlaku Hingga", vec![face.valid_until.clone()]),
    ];
    let row = |(label, lines): (&'static str, Vec<String>)| {
        view! {
            <div class="ktp-row">
                <span class="ktp-label">{label}</span>
                <span class="ktp-colon">":"</span>
                <span class="ktp-value">{lines.into_iter().map(|l| view! { <span class="ktp-line">{l}</span> }).collect_view()}</span>
            </div>
        }
    };
    view! {
        <div class="ktp-pair">
            <article class="ktp-card ktp-front" aria-label=ts(CARD_FRONT)>
                <header class="ktp-head">
                    <p>{face.province.clone()}</p>
                    <p>{face.regency.clone()}</p>
                </header>
                <div class="ktp-body">
                    <div class="ktp-fields">
                        <div class="ktp-row ktp-nik">
                            <span class="ktp-label">"NIK"</span>
                            <span class="ktp-colon">":"</span>
                            <span class="ktp-value"><span class="ktp-line">{face.nik.clone()}</span></span>
                        </div>
                        {rows.into_iter().map(row).collect_view()}
                        <div class="ktp-row">
                            <span class="ktp-label">"Jenis Kelamin"</span>
                            <span class="ktp-colon">":"</span>
                            <span class="ktp-value ktp-sex">
                                <span class="ktp-line">{face.sex.clone()}</span>
                                <span class="ktp-blood">"Gol. Darah : "<span class="ktp-line">{face.blood_type.clone()}</span></span>
                            </span>
                        </div>
                        {rest.into_iter().map(row).collect_view()}
                    </div>
                    <div class="ktp-side">
                        <StaffImage path=photo_path alt=PHOTO class="ktp-photo"/>
                        <p class="ktp-issue">{face.issue_place.clone()}</p>
                        <p class="ktp-issue">{face.issue_date.clone()}</p>
                        <StaffImage path=signature_path alt=SIGNATURE class="ktp-signature"/>
                    </div>
                </div>
            </article>
            <article class="ktp-card ktp-back" aria-label=ts(CARD_BACK)>
                <p class="ktp-back-title">"REPUBLIK INDONESIA"</p>
                <p class="ktp-back-sub">"KARTU TANDA PENDUDUK ELEKTRONIK"</p>
                <p class="ktp-back-note">
                    "Kartu ini milik Negara Republik Indonesia. Bila menemukan kartu ini, harap serahkan ke Dinas Kependudukan dan Pencatatan Sipil "
                    {face.regency.clone()}"."
                </p>
                <p class="ktp-back-serial">{serial.unwrap_or_default()}</p>
            </article>
        </div>
    }
}
