//! The libFuzzer entry point of every reader: `SHIFAN_FUZZ_TARGET` picks the target
//! (`shifan_fuzz_targets::TARGETS`); `cargo xtask fuzz` sets it for each in turn.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| shifan_fuzz_targets::run_from_env(data));
