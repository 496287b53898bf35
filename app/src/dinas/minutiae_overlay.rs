//! The minutiae of one finger pair drawn aligned, as SVG from the overlay endpoint (no
//! fingerprint image exists centrally): the probe's as circles, the candidate's (moved into the
//! probe's frame) as squares, each with a stroke along its ridge direction, and paired minutiae
//! joined by dashed lines. Shape tells the two sets apart, not colour alone.

use super::strings::*;
use crate::i18n::{t, ts, use_lang};
use leptos::prelude::*;
use shared::api::{OverlayMinutia, OverlayView};

/// One minutia as drawn: its centre and the end of its direction stroke.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mark {
    pub x: f32,
    pub y: f32,
    pub tip_x: f32,
    pub tip_y: f32,
}

/// Where `m` is drawn with a direction stroke `len` long. The direction is counter-clockwise
/// from the x axis as the eye sees it, and SVG's y grows downwards, hence the minus.
pub fn mark(m: &OverlayMinutia, len: f32) -> Mark {
    Mark {
        x: m.x,
        y: m.y,
        tip_x: m.x + m.direction.cos() * len,
        tip_y: m.y - m.direction.sin() * len,
    }
}

/// The overlay of one finger pair.
#[component]
pub fn MinutiaeOverlay(overlay: OverlayView) -> impl IntoView {
    let lang = use_lang();
    let (w, h) = (
        f32::from(overlay.width.max(1)),
        f32::from(overlay.height.max(1)),
    );
    let len = w.max(h) / 40.0;
    let r = w.max(h) / 130.0;
    let probe: Vec<Mark> = overlay
        .probe_minutiae
        .iter()
        .map(|m| mark(m, len))
        .collect();
    let candidate: Vec<Mark> = overlay
        .candidate_minutiae
        .iter()
        .map(|m| mark(m, len))
        .collect();
    let pairs: Vec<(Mark, Mark)> = overlay
        .pairs
        .iter()
        .filter_map(|p| {
            Some((
                *probe.get(usize::from(p.probe))?,
                *candidate.get(usize::from(p.candidate))?,
            ))
        })
        .collect();
    let paired = pairs.len();
    let score = overlay.score;
    let stroke = format!("{:.2}", r / 2.0);
    let pair_lines = pairs
        .into_iter()
        .map(|(a, b)| view! { <line class="pair" x1=a.x y1=a.y x2=b.x y2=b.y stroke-width=stroke.clone()/> })
        .collect_view();
    let probe_marks = probe
        .into_iter()
        .map(|m| {
            view! {
                <g class="probe">
                    <circle cx=m.x cy=m.y r=r/>
                    <line x1=m.x y1=m.y x2=m.tip_x y2=m.tip_y/>
                </g>
            }
        })
        .collect_view();
    let candidate_marks = candidate
        .into_iter()
        .map(|m| {
            view! {
                <g class="candidate">
                    <rect x=m.x - r y=m.y - r width=2.0 * r height=2.0 * r/>
                    <line x1=m.x y1=m.y x2=m.tip_x y2=m.tip_y/>
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="overlay">
            <svg
                class="minutiae"
                role="img"
                aria-label=ts(OVERLAY_LABEL)
                viewBox=format!("0 0 {w} {h}")
                data-pairs=paired.to_string()
                stroke-width=format!("{:.2}", r / 2.0)
                xmlns="http://www.w3.org/2000/svg"
            >
                <rect class="frame" width=w height=h/>
                {pair_lines}
                {probe_marks}
                {candidate_marks}
            </svg>
            <figcaption>
                <p class="overlay-summary">{move || format!("{paired} {} {score:.1}", OVERLAY_SUMMARY.get(lang.get()))}</p>
                <p class="legend">{t(OVERLAY_LEGEND)}</p>
            </figcaption>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn direction_strokes_point_the_way_the_eye_reads_the_angle() {
        let m = |direction| OverlayMinutia {
            x: 10.0,
            y: 10.0,
            direction,
            bifurcation: false,
        };
        let right = mark(&m(0.0), 5.0);
        assert_eq!((right.tip_x, right.tip_y), (15.0, 10.0));
        // A quarter turn counter-clockwise points up the screen, where y is smaller.
        let up = mark(&m(std::f32::consts::FRAC_PI_2), 5.0);
        assert!((up.tip_x - 10.0).abs() < 1e-4 && (up.tip_y - 5.0).abs() < 1e-4);
    }
}
