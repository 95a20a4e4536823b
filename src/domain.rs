//! The pure domain lives in the crate `meetcheck-core` (folder `core/`); it is re-exported here
//! under its old path, with the RON parser of catalogue text added to `catalog`.

pub use meetcheck_core::*;

pub mod catalog {
    pub use crate::catalog_text::{ParseError, parse};
    pub use meetcheck_core::catalog::*;
}
