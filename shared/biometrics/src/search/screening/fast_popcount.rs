//! Compiling the screening loops for the CPU's popcount: AVX-512 with vector popcount, the scalar
//! `popcnt` instruction, or the baseline.

/// Whether the CPU runs the AVX-512 kernel of [`nearest`](super::nearest_descriptor::nearest).
pub(super) fn has_avx512_popcount() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        std::arch::is_x86_feature_detected!("avx512f")
            && std::arch::is_x86_feature_detected!("avx512vpopcntdq")
    }
    #[cfg(not(target_arch = "x86_64"))]
    false
}

/// Runs `f` compiled for the vector popcount and AVX-512 when the CPU has them, else for the
/// scalar `popcnt` instruction (baseline x86-64 lacks it and the software fallback is several
/// times slower in the descriptor loops), else as it is. `f` must be `#[inline(always)]` and
/// everything it calls in the hot loops too, so the code is generated inside the wrapper.
#[inline(always)]
pub(super) fn with_fast_popcount<R>(f: impl FnOnce() -> R) -> R {
    #[cfg(target_arch = "x86_64")]
    {
        #[target_feature(enable = "popcnt,avx2,avx512f,avx512vl,avx512bw,avx512vpopcntdq")]
        fn avx512<R>(f: impl FnOnce() -> R) -> R {
            f()
        }
        #[target_feature(enable = "popcnt")]
        fn popcnt<R>(f: impl FnOnce() -> R) -> R {
            f()
        }
        if std::arch::is_x86_feature_detected!("avx512vpopcntdq")
            && std::arch::is_x86_feature_detected!("avx512bw")
            && std::arch::is_x86_feature_detected!("avx512vl")
            && std::arch::is_x86_feature_detected!("avx2")
            && std::arch::is_x86_feature_detected!("popcnt")
        {
            // SAFETY: the CPU was just checked to support every feature the wrapper enables.
            return unsafe { avx512(f) };
        }
        if std::arch::is_x86_feature_detected!("popcnt") {
            // SAFETY: the CPU was just checked to support `popcnt`.
            return unsafe { popcnt(f) };
        }
    }
    f()
}
