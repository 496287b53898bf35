//! The innermost kernel: a stored descriptor's Hamming-nearest probe descriptor, eight at a time
//! with AVX-512 where the CPU has it, else one at a time; both give the same answer.

use super::probe::ProbeFinger;

/// The probe descriptor nearest `g` in Hamming distance, as `distance << 8 | index`
/// (`u32::MAX` when the probe has none): distance and index packed in one word so the minimum
/// carries its argument along.
#[inline(always)]
pub(super) fn nearest(probe: &ProbeFinger, g: u64) -> u32 {
    #[cfg(target_arch = "x86_64")]
    if probe.avx512 {
        // SAFETY: `avx512` is set only when the CPU was checked to support these features.
        return unsafe { nearest_avx512(&probe.padded_bits, &probe.padded_index, g) };
    }
    let mut best = u32::MAX;
    for (i, &p) in probe.bits.iter().enumerate() {
        best = best.min((g ^ p).count_ones() << 8 | i as u32);
    }
    best
}

/// [`nearest`] eight probe descriptors at a time. `bits` and `index` are padded to a multiple of
/// eight; a padding lane's index is above any real key, so it never wins.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512vpopcntdq")]
fn nearest_avx512(bits: &[u64], index: &[u64], g: u64) -> u32 {
    use std::arch::x86_64::*;
    debug_assert!(bits.len() == index.len() && bits.len().is_multiple_of(8));
    let gv = _mm512_set1_epi64(g as i64);
    let mut best = _mm512_set1_epi64(u32::MAX as i64);
    for (b, i) in bits.chunks_exact(8).zip(index.chunks_exact(8)) {
        // SAFETY: both chunks hold exactly eight u64 (64 bytes); unaligned loads.
        let (p, k) = unsafe {
            (
                _mm512_loadu_si512(b.as_ptr().cast()),
                _mm512_loadu_si512(i.as_ptr().cast()),
            )
        };
        let d = _mm512_popcnt_epi64(_mm512_xor_si512(gv, p));
        best = _mm512_min_epu64(best, _mm512_or_si512(_mm512_slli_epi64::<8>(d), k));
    }
    _mm512_reduce_min_epu64(best) as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::screening::fixtures::person;
    use crate::search::screening::ScreeningProbe;

    #[test]
    fn nearest_descriptor_is_the_same_on_every_code_path() {
        let t = person(3).0;
        let mut probe = ScreeningProbe::new([(2, &t)]);
        let f = &mut probe.fingers[0];
        let queries = [
            0u64,
            u64::MAX,
            0x0123_4567_89AB_CDEF,
            f.bits[0],
            f.bits[3] ^ 0b1011,
        ];
        let fast: Vec<u32> = queries.iter().map(|&g| nearest(f, g)).collect();
        f.avx512 = false;
        let portable: Vec<u32> = queries.iter().map(|&g| nearest(f, g)).collect();
        assert_eq!(fast, portable);
    }
}
