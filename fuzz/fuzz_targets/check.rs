//! Any bytes that are UTF-8, as one file: the whole check never panics and
//! every diagnostic points into the file.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| pgm_fuzz::check_points_into_text(data));
