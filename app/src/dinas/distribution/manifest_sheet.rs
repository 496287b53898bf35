//! The printable manifest of a shipment: the manifest code as text and as a QR (the code only,
//! no personal data), the kecamatan, who packed it, and the numbered list of cards to tick.

use super::strings::*;
use super::wording;
use crate::components::QrCode;
use crate::i18n::{format_timestamp, t, ts, use_lang};
use leptos::prelude::*;
use shared::api::ShipmentView;

/// The manifest as printed.
#[component]
pub fn ManifestSheet(shipment: ShipmentView) -> impl IntoView {
    let lang = use_lang();
    let s = shipment.shipment;
    let packed = s.packed_at.clone();
    view! {
        <article class="manifest-sheet" aria-label=ts(MANIFEST_TITLE)>
            <header class="manifest-head">
                <div>
                    <p class="sk-office">"Disdukcapil Kabupaten Grobogan"</p>
                    <h2>{t(MANIFEST_TITLE)}</h2>
                    <p class="manifest-code code">{s.code.clone()}</p>
                    <dl>
                        <dt>{t(TO_KECAMATAN)}</dt><dd>{format!("{} ({})", s.district_name, s.district_code)}</dd>
                        <dt>{t(COL_CARDS)}</dt><dd>{s.cards}</dd>
                        <dt>{t(COL_PACKED)}</dt><dd>{move || format_timestamp(&packed, lang.get())}</dd>
                        <dt>{t(PACKED_BY)}</dt><dd>{s.packed_by.clone()}</dd>
                    </dl>
                </div>
                <div class="manifest-qr">
                    <QrCode text=s.code.clone() label=ts(MANIFEST_QR)/>
                    <p>{t(MANIFEST_HINT)}</p>
                </div>
            </header>
            <table class="manifest-cards">
                <thead><tr>
                    <th scope="col">{t(COL_NO)}</th>
                    <th scope="col">{t(COL_SERIAL)}</th>
                    <th scope="col">{t(COL_REG_CODE)}</th>
                    <th scope="col">{t(COL_NAME)}</th>
                    <th scope="col">{t(COL_VILLAGE)}</th>
                    <th scope="col">{t(COL_STATE)}</th>
                </tr></thead>
                <tbody>
                    {shipment.cards.into_iter().enumerate().map(|(i, c)| {
                        let state = c.state;
                        view! {
                            <tr data-state=format!("{state:?}")>
                                <td>{i + 1}</td>
                                <td class="code">{c.card_serial}</td>
                                <td class="code">{c.registration_code}</td>
                                <td>{c.full_name}</td>
                                <td>{c.village_name}</td>
                                <td>{t(wording::card_state(state))}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </article>
    }
}

#[cfg(test)]
mod tests {
    use qrcode::{EcLevel, QrCode, Version};
    use shared::domain::ManifestCode;

    #[test]
    fn a_manifest_code_is_a_version_1_qr_of_20_characters() {
        let code = ManifestCode::from_random([0xff; ManifestCode::RANDOM_BYTES]).to_string();
        assert_eq!(code.len(), 20);
        let qr = QrCode::with_error_correction_level(code.as_bytes(), EcLevel::M).unwrap();
        assert_eq!(qr.version(), Version::Normal(1), "{code}");
        assert_eq!(qr.width(), 21);
    }
}
