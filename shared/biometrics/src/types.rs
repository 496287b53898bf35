//! Core data types every stage of the engine agrees on.

/// The resolution the engine works at; images at other resolutions are resampled to it.
pub const STANDARD_PPI: u16 = 500;

/// An 8-bit greyscale image, row-major, `0` black (ridge) to `255` white (valley/background).
#[derive(Clone, PartialEq, Eq)]
pub struct GrayImage {
    pub width: usize,
    pub height: usize,
    pub pixels: Vec<u8>,
}

impl GrayImage {
    /// Builds an image, checking that the buffer holds exactly `width * height` pixels.
    pub fn new(width: usize, height: usize, pixels: Vec<u8>) -> Option<Self> {
        (width.checked_mul(height)? == pixels.len()).then_some(Self {
            width,
            height,
            pixels,
        })
    }

    pub fn get(&self, x: usize, y: usize) -> u8 {
        self.pixels[y * self.width + x]
    }
}

impl std::fmt::Debug for GrayImage {
    // Printing every pixel of a fingerprint into a test log helps nobody.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "GrayImage({}x{})", self.width, self.height)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MinutiaKind {
    Ending,
    Bifurcation,
}

/// One minutia at 500 ppi. `direction` is in 256ths of a full turn (1.40625°, the ISO 19794-2 unit),
/// measured counter-clockwise from the x axis with y pointing down the image, as ISO 19794-2 does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Minutia {
    pub x: u16,
    pub y: u16,
    pub direction: u8,
    pub kind: MinutiaKind,
}

/// The extraction output for one finger: minutiae in a `width x height` frame at 500 ppi, and the
/// image quality score 0-100 (higher is better).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Template {
    pub width: u16,
    pub height: u16,
    pub quality: u8,
    pub minutiae: Vec<Minutia>,
}
