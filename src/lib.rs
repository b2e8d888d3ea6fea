//! gotags: which Go files compile on which platform, what `//go:embed` pulls in and which
//! `//go:generate` steps run, exactly as the Go 1.23 toolchain would, without running Go.

pub mod embed;
