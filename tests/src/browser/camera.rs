//! Chromium's fake camera, fed from a Y4M video file made by the test.

use std::path::Path;

/// Chromium switches that grant camera access without asking and play `video` (looped) as the
/// camera's picture.
pub fn fake_camera_args(video: &Path) -> Vec<String> {
    vec![
        "--use-fake-ui-for-media-stream".to_string(),
        "--use-fake-device-for-media-stream".into(),
        format!("--use-file-for-fake-video-capture={}", video.display()),
    ]
}

/// The fake camera's picture size.
const W: usize = 640;
const H: usize = 480;

/// One 640x480 picture of `text` as a QR code on white, as 4:2:0 YUV frames of a Y4M video
/// (the format Chromium's fake camera plays from a file, in a loop).
pub fn qr_video(text: &str) -> Vec<u8> {
    let qr = qrcode::QrCode::new(text.as_bytes()).unwrap();
    let modules = qr.width();
    let colors = qr.to_colors();
    // Four modules of quiet zone on each side; as large as fits with room to spare.
    let scale = (H * 8 / 10) / (modules + 8);
    let (x0, y0) = ((W - modules * scale) / 2, (H - modules * scale) / 2);
    let mut luma = vec![235u8; W * H];
    for (i, c) in colors.iter().enumerate() {
        if *c == qrcode::Color::Dark {
            let (mx, my) = (i % modules, i / modules);
            for y in 0..scale {
                let row = (y0 + my * scale + y) * W + x0 + mx * scale;
                luma[row..row + scale].fill(16);
            }
        }
    }
    y4m(&luma)
}

/// `picture` (greyscale, e.g. a screenshot of a printed QR code) centred on a white 640x480
/// frame, enlarged by the largest whole factor that fits 80 % of the height, as [`qr_video`] makes.
pub fn picture_video(picture: &biometrics::GrayImage) -> Vec<u8> {
    let (pw, ph) = (picture.width, picture.height);
    assert!(
        pw <= W && ph <= H,
        "a {pw}x{ph} picture does not fit the camera's frame"
    );
    let scale = ((H * 8 / 10) / ph).min((W * 8 / 10) / pw).max(1);
    let (x0, y0) = ((W - pw * scale) / 2, (H - ph * scale) / 2);
    let mut luma = vec![235u8; W * H];
    for y in 0..ph * scale {
        for x in 0..pw * scale {
            luma[(y0 + y) * W + x0 + x] = picture.pixels[(y / scale) * pw + x / scale];
        }
    }
    y4m(&luma)
}

/// Three frames of 640x480 `luma` (grey chroma) as a Y4M video.
fn y4m(luma: &[u8]) -> Vec<u8> {
    let mut video = format!("YUV4MPEG2 W{W} H{H} F10:1 Ip A1:1 C420jpeg\n").into_bytes();
    for _ in 0..3 {
        video.extend_from_slice(b"FRAME\n");
        video.extend_from_slice(luma);
        video.extend(std::iter::repeat_n(128u8, W * H / 2));
    }
    video
}
