//! Reads the first QR code in a camera frame given as 8-bit luma, row-major. Pure Rust (`rqrr`)
//! and nothing else, so the /v page's decoder stays a small module that loads only when the
//! camera is opened (the staff worker, which also carries the fingerprint engine, is ~400 KB).

/// The text of the first QR code found in the `width` x `height` frame, if any.
pub fn scan(width: u32, height: u32, luma: &[u8]) -> Option<String> {
    let (w, h) = (width as usize, height as usize);
    if w == 0 || luma.len() != w * h {
        return None;
    }
    let mut prepared = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| luma[y * w + x]);
    prepared
        .detect_grids()
        .into_iter()
        .find_map(|grid| grid.decode().ok().map(|(_, text)| text))
}

/// [`scan`] for the page's Web Worker (`static/qr-worker.js`): `undefined` when no code is found.
#[cfg(feature = "export")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn decode(width: u32, height: u32, luma: &[u8]) -> Option<String> {
    scan(width, height, luma)
}

#[cfg(test)]
mod tests {
    use super::scan;

    #[test]
    fn frames_of_the_wrong_size_and_blank_frames_read_nothing() {
        assert_eq!(scan(0, 0, &[]), None);
        assert_eq!(scan(4, 4, &[255; 15]), None);
        assert_eq!(scan(64, 48, &[255; 64 * 48]), None);
    }

    #[test]
    fn a_drawn_code_reads_back() {
        let text = "SK1:6BFOXN*TS0BB8C0";
        let code = qrcode::QrCode::new(text.as_bytes()).unwrap();
        let (modules, colors) = (code.width(), code.to_colors());
        // Four modules of quiet zone, five pixels a module.
        let (scale, side) = (5, (modules + 8) * 5);
        let mut luma = vec![240u8; side * side];
        for (i, c) in colors.iter().enumerate() {
            if *c == qrcode::Color::Dark {
                let (mx, my) = (i % modules + 4, i / modules + 4);
                for y in 0..scale {
                    let row = (my * scale + y) * side + mx * scale;
                    luma[row..row + scale].fill(20);
                }
            }
        }
        assert_eq!(scan(side as u32, side as u32, &luma).as_deref(), Some(text));
    }
}
