#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| gotags_fuzz::build_expr(data));
