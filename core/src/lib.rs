//! The pure core of meetcheck (crate `meetcheck-core`): catalogue, scenario, narrowing rules,
//! to-dos and the assessment record. No terminal, no file system, no clock (today's date is passed
//! in), no environment, no texts (ids only).

mod ids;

pub mod answer_value;
pub mod assessment;
pub mod catalog;
pub mod changes;
pub mod decision;
pub mod evidence;
pub mod fact_ref;
pub mod facts;
pub mod narrowing;
pub mod norms;
pub mod people;
pub mod scenario;
pub mod todos;
