//! One file per subcommand: each turns its arguments into library calls and output.
//! Exit codes: 0 clean, 1 new unresolved contradictions, 2 input or usage errors.

pub mod check;
pub mod coverage;
pub mod value;

pub const OK: u8 = 0;
pub const CONTRADICTIONS: u8 = 1;
pub const INPUT_ERROR: u8 = 2;
