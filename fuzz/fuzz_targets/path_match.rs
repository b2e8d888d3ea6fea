#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| gotags_fuzz::path_match(data));
