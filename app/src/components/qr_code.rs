//! A QR code drawn as inline SVG (no image request, allowed by the Content-Security-Policy).

use leptos::prelude::*;
use qrcode::{types::Color, EcLevel};

/// The SVG path of the dark modules of a QR code for `text`, and the side length in modules
/// including the 4-module quiet zone. `None` if the text is too long for a QR code.
pub fn qr_path(text: &str) -> Option<(String, usize)> {
    // Level M survives a smudged or creased printout, which is how these codes travel.
    let code = qrcode::QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let width = code.width();
    let mut d = String::new();
    for (i, color) in code.to_colors().iter().enumerate() {
        if *color == Color::Dark {
            let (x, y) = (i % width + 4, i / width + 4);
            d.push_str(&format!("M{x} {y}h1v1h-1z"));
        }
    }
    Some((d, width + 8))
}

/// A scannable QR code of `text`, labelled for screen readers by `label`.
#[component]
pub fn QrCode(#[prop(into)] text: String, #[prop(into)] label: Signal<String>) -> impl IntoView {
    qr_path(&text).map(|(d, side)| {
        view! {
            <svg
                class="qr"
                role="img"
                aria-label=label
                viewBox=format!("0 0 {side} {side}")
                shape-rendering="crispEdges"
                xmlns="http://www.w3.org/2000/svg"
            >
                <rect width=side.to_string() height=side.to_string() fill="#fff"/>
                <path d=d fill="#000"/>
            </svg>
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_status_url_fits_and_has_a_quiet_zone() {
        let (d, side) = qr_path("https://ktp.grobogankab.go.id/s/K7Q4-9XMT-2HCE-8").unwrap();
        assert!(side >= 21 + 8);
        assert!(
            d.starts_with("M4 4h1v1h-1z"),
            "finder pattern's first module at the quiet zone's edge"
        );
    }
}
