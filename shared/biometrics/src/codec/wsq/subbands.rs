//! Where WSQ's 64 subbands and 20 intermediate regions sit in the image.
//!
//! WSQ splits the image into quadrants again and again (IAFIS-IC-0110, figure 1 and table 1). A split
//! of a `w`-wide region puts `ceil(w/2)` lowpass columns before `floor(w/2)` highpass ones, except in
//! a region that is itself the right-hand (highpass) quadrant of its parent: there the highpass half
//! comes first ("spectral inversion"). Rows likewise, for bottom quadrants. The subband numbering
//! follows the recursion below.

/// A rectangle of the coefficient plane, with the storage order of its own split.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Region {
    pub x: usize,
    pub y: usize,
    pub width: usize,
    pub height: usize,
    /// Its columns split highpass-first.
    pub invert_x: bool,
    /// Its rows split highpass-first.
    pub invert_y: bool,
}

impl Region {
    pub(super) fn whole(width: usize, height: usize) -> Self {
        Self {
            x: 0,
            y: 0,
            width,
            height,
            invert_x: false,
            invert_y: false,
        }
    }

    /// The four quadrants in order top-left, top-right, bottom-left, bottom-right.
    pub(super) fn split(&self) -> [Region; 4] {
        let left = first_part(self.width, self.invert_x);
        let top = first_part(self.height, self.invert_y);
        let quadrant = |right: bool, bottom: bool| Region {
            x: self.x + if right { left } else { 0 },
            y: self.y + if bottom { top } else { 0 },
            width: if right { self.width - left } else { left },
            height: if bottom { self.height - top } else { top },
            invert_x: right,
            invert_y: bottom,
        };
        [
            quadrant(false, false),
            quadrant(true, false),
            quadrant(false, true),
            quadrant(true, true),
        ]
    }

    pub(super) fn len(&self) -> usize {
        self.width * self.height
    }
}

/// Length of the part stored first: the lowpass half (rounded up), or the highpass half when inverted.
fn first_part(len: usize, inverted: bool) -> usize {
    if inverted {
        len / 2
    } else {
        len.div_ceil(2)
    }
}

/// The decomposition of one image: subbands 0-59 (60-63 are never coded) and the regions to
/// reassemble, deepest first, so each region's quadrants are complete before it is joined.
pub(super) struct Layout {
    pub subbands: Vec<Region>,
    pub joins: Vec<Region>,
}

pub(super) fn layout(width: usize, height: usize) -> Layout {
    let image = Region::whole(width, height);
    let [q1, q2, q3, _q4] = image.split(); // q4's four subbands (60-63) are always zero
    let [a1, a2, a3, a4] = q1.split();
    let [b1, b2, b3, b4] = a1.split();
    let [c1, c2, c3, c4] = b1.split();

    let mut subbands = Vec::with_capacity(60);
    subbands.extend(c1.split()); // 0-3
    subbands.extend([c2, c3, c4]); // 4-6
    for b in [b2, b3, b4] {
        subbands.extend(b.split()); // 7-18
    }
    for a in [a2, a3] {
        for quadrant in a.split() {
            subbands.extend(quadrant.split()); // 19-34, 35-50
        }
    }
    subbands.push(a4); // 51
    subbands.extend(q2.split()); // 52-55
    subbands.extend(q3.split()); // 56-59

    let mut joins = Vec::with_capacity(20);
    joins.extend(a2.split());
    joins.extend(a3.split());
    joins.extend([c1, b2, b3, b4, b1, a1, a2, a3, q2, q3, q1, image]);
    Layout { subbands, joins }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subbands_tile_the_coded_area_exactly() {
        for (w, h) in [(388, 374), (296, 560), (1, 1), (7, 3), (33, 65)] {
            let l = layout(w, h);
            assert_eq!(l.subbands.len(), 60);
            let mut covered = vec![0u8; w * h];
            for s in &l.subbands {
                for y in s.y..s.y + s.height {
                    for x in s.x..s.x + s.width {
                        covered[y * w + x] += 1;
                    }
                }
            }
            let q4 = Region::whole(w, h).split()[3];
            for y in 0..h {
                for x in 0..w {
                    let in_q4 = x >= q4.x && y >= q4.y;
                    assert_eq!(covered[y * w + x], u8::from(!in_q4), "({x},{y}) of {w}x{h}");
                }
            }
        }
    }

    #[test]
    fn odd_sizes_put_the_longer_half_on_the_lowpass_side() {
        let [tl, tr, bl, br] = Region::whole(5, 3).split();
        assert_eq!((tl.width, tl.height, tr.width, bl.height), (3, 2, 2, 1));
        assert!(tr.invert_x && !tr.invert_y && bl.invert_y && br.invert_x && br.invert_y);
        // Inside an inverted region the short highpass half comes first.
        assert_eq!(tr.split()[0].width, 1);
    }
}
