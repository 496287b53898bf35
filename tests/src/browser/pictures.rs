//! Pictures for the page's file inputs, made by the browser's own encoders so they are real,
//! decodable files.

use super::Browser;
use base64::Engine as _;
use std::path::{Path, PathBuf};

/// A JPEG face picture (a face drawn on a canvas), saved as `face.jpg` in `dir`.
pub async fn face_jpeg(b: &Browser, dir: &Path) -> PathBuf {
    let v = b
        .client
        .execute(
            r#"const c = document.createElement('canvas'); c.width = 600; c.height = 800;
               const x = c.getContext('2d');
               x.fillStyle = '#dfe8f0'; x.fillRect(0, 0, 600, 800);
               x.fillStyle = '#c99a73'; x.beginPath(); x.ellipse(300, 380, 170, 220, 0, 0, 7); x.fill();
               x.fillStyle = '#222'; x.fillRect(220, 320, 40, 20); x.fillRect(340, 320, 40, 20);
               x.fillRect(260, 500, 80, 12);
               return c.toDataURL('image/jpeg', 0.9).split(',')[1];"#,
            vec![],
        )
        .await
        .unwrap();
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(v.as_str().unwrap())
        .unwrap();
    assert_eq!(&bytes[..2], &[0xFF, 0xD8], "a JPEG");
    let path = dir.join("face.jpg");
    std::fs::write(&path, bytes).unwrap();
    path
}
