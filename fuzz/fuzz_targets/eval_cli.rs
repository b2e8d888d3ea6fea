#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| gotags_fuzz::eval_cli(data));
