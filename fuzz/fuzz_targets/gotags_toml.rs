#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| gotags_fuzz::gotags_toml(data));
