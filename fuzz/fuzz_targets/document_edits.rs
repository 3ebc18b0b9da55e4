//! Any bytes, read as a document and a sequence of edits: the language
//! server's document store ends up with the text a plain string does.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| pgm_fuzz::document_edits_agree(data));
