//! Any bytes that are UTF-8 and format: formatting again changes nothing,
//! and the formatted file means what the original meant.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| pgm_fuzz::format_is_stable_and_keeps_meaning(data));
