#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| gotags_fuzz::lsp_messages(data));
