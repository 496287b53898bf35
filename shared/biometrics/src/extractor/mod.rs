//! Minutiae extraction: a 500 ppi greyscale image in, a [`Template`] out, as a straight sequence of
//! pure stages. Reading [`extract_traced`] teaches the algorithm.

mod binarization;
mod enhancement;
mod false_minutiae;
mod minutiae;
mod orientation;
mod quality;
mod ridge_clarity;
mod ridge_frequency;
mod segmentation_mask;
mod thinning;

use crate::primitives::{angle, grid::Grid};
use crate::trace::{self, keys, NoTrace, TraceSink};
use crate::{GrayImage, Minutia, Template};

/// Extracts the minutiae template of a 500 ppi image. Never fails: a blank or unusable image gives
/// a template with few or no minutiae and a low quality.
pub fn extract(image: &GrayImage) -> Template {
    extract_traced(image, &mut NoTrace)
}

/// [`extract`], recording every stage's output into `sink` under the keys of [`trace::keys`].
pub fn extract_traced(image: &GrayImage, sink: &mut dyn TraceSink) -> Template {
    let pixels = Grid {
        width: image.width,
        height: image.height,
        data: image.pixels.iter().map(|&p| p as f32).collect(),
    };
    if image.width < 3 || image.height < 3 {
        return Template {
            width: image.width as u16,
            height: image.height as u16,
            quality: 0,
            minutiae: Vec::new(),
        };
    }

    let tensor = orientation::structure_tensor(&pixels);
    let mask = segmentation_mask::segmentation_mask(&tensor, image.width, image.height);
    trace::record(sink, keys::SEGMENTATION_MASK, || {
        trace::bools(&mask.blocks.data)
    });

    let field = orientation::orientation_field(&tensor, &mask.blocks);
    trace::record(sink, keys::ORIENTATION, || trace::f32s(&field.angle.data));

    let frequency = ridge_frequency::ridge_frequency(&pixels, &field, &mask.blocks);
    trace::record(sink, keys::RIDGE_FREQUENCY, || {
        trace::f32s(&frequency.period_px.data)
    });

    let enhanced = enhancement::enhancement(&pixels, &mask, &field, &frequency);
    trace::record(sink, keys::ENHANCEMENT, || trace::f32s(&enhanced.data));

    let ridges = binarization::binarization(&enhanced, &mask);
    trace::record(sink, keys::BINARIZATION, || trace::bools(&ridges.data));

    let skeleton = thinning::thinning(&ridges);
    trace::record(sink, keys::THINNING, || trace::bools(&skeleton.data));

    let candidates = minutiae::minutiae(&skeleton, &mask, &field);
    trace::record(sink, keys::MINUTIAE, || {
        encode_candidates(candidates.iter())
    });

    let kept = false_minutiae::false_minutiae(candidates, &mask, &field);
    trace::record(sink, keys::FALSE_MINUTIAE, || {
        encode_candidates(kept.iter().map(|k| &k.candidate))
    });

    let clarity = ridge_clarity::ridge_clarity(&pixels, &field, &frequency, &mask.blocks);
    trace::record(sink, keys::RIDGE_CLARITY, || {
        trace::f32s(&clarity.clarity.data)
    });

    let quality = quality::quality(&mask, &field, &clarity, kept.len());
    trace::record(sink, keys::QUALITY, || vec![quality]);

    let mut minutiae: Vec<Minutia> = kept
        .iter()
        .map(|k| Minutia {
            x: k.candidate.x as u16,
            y: k.candidate.y as u16,
            // Image axes turn clockwise on screen; ISO angles turn counter-clockwise.
            direction: angle::to_iso(-k.candidate.angle),
            kind: k.candidate.kind,
        })
        .collect();
    minutiae.sort_by_key(|m| (m.y, m.x, m.direction));
    Template {
        width: image.width as u16,
        height: image.height as u16,
        quality,
        minutiae,
    }
}

fn encode_candidates<'a>(candidates: impl Iterator<Item = &'a minutiae::Candidate>) -> Vec<u8> {
    candidates
        .flat_map(|c| {
            let mut v = Vec::with_capacity(13);
            v.extend_from_slice(&(c.x as u32).to_le_bytes());
            v.extend_from_slice(&(c.y as u32).to_le_bytes());
            v.extend_from_slice(&c.angle.to_le_bytes());
            v.push(c.kind as u8);
            v
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_and_tiny_images_give_empty_low_quality_templates() {
        let blank = GrayImage::new(200, 200, vec![255; 40_000]).unwrap();
        let t = extract(&blank);
        assert!(t.minutiae.is_empty());
        assert_eq!(t.quality, 0);
        let tiny = GrayImage::new(2, 2, vec![0; 4]).unwrap();
        assert!(extract(&tiny).minutiae.is_empty());
    }
}
