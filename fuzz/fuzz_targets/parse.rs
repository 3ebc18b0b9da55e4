//! Any bytes that are UTF-8: lexing and parsing never panic and keep their
//! spans inside the text.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| pgm_fuzz::parse_keeps_spans_in_text(data));
