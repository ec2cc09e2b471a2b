//! Indicator rules for the rule-of-law government demonstration self-assessment (法治政府建设示范创建).
//!
//! `shifan-rules` is the one place where the rules live: the indicator catalog (as data), the
//! Shanxi division table, answers and their statuses, scoring and the comprehensive verdict, and
//! the application file with its verification. The web app and the CLI only call into it.
//!
//! It is pure Rust with no browser dependency, reads no clock and touches no file system, so the
//! same code runs natively and in `wasm32-unknown-unknown`.
//!
//! ```
//! use shifan_rules::{Catalog, GovLevel, Assessment, score};
//!
//! let catalog = Catalog::reference();
//! let mut assessment = Assessment::new(catalog);
//! let first = catalog.indicators().next().unwrap();
//! for point in 0..first.criteria.len() {
//!     assessment.toggle_point(catalog, first.number, point);
//! }
//! let score = score(catalog, GovLevel::County, assessment.answers());
//! assert_eq!(score.total.met, 1);
//! ```
#![forbid(unsafe_code)]

pub mod annual;
pub mod application;
pub mod assessment;
pub mod canonical;
pub mod catalog;
pub mod division;
pub mod document;
pub mod draft;
pub mod evidence;
pub mod fraction;
pub mod import;
pub mod input;
pub mod json;
pub mod package;
pub mod problem;
pub mod programme;
pub mod province;
pub mod province_sample;
pub mod register;
pub mod review;
pub mod sample;
pub mod score;
pub mod search;
pub mod session;
pub mod supervision;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod testing;

pub use application::{
    Applicant, ApplicationFile, Aspect, Contact, Generator, Kind, Narrative, Verified,
    read_application,
};
pub use assessment::{Answer, Assessment, EvidenceRef, LocalFile, Status};
pub use canonical::FileHasher;
pub use catalog::{Applicability, Catalog, CatalogSet};
pub use division::{Division, GovLevel, Place};
pub use draft::Draft;
pub use problem::{Code, Lang, Message, Problem, Severity};
pub use score::{Gap, Ratio, Score, Summary, Tally, Verdict, gaps, score};
