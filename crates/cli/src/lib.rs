//! The commands of the `shifan` command line, as a library: each command computes its output and
//! exit status from its arguments, so the binary stays a thin clap front end and tests and
//! benches can call the same code path.
//!
//! Nothing here re-implements a rule: reading and verifying files, scoring, the verdict,
//! comparison order, catalog import and export, samples and the JSON Schema all come from
//! [`shifan_rules`]. This crate reads files, formats text and chooses exit statuses.

pub mod catalog_cmd;
pub mod check;
pub mod input;
pub mod output;
pub mod province_cmd;
pub mod sample_cmd;
pub mod summary;

/// Exit status: everything checked is valid.
pub const EXIT_OK: u8 = 0;
/// Exit status: at least one input is invalid or unreadable.
pub const EXIT_INVALID: u8 = 1;
/// Exit status: the command line itself is wrong (also clap's status for usage errors).
pub const EXIT_USAGE: u8 = 2;

/// What a command produced: text for standard output and standard error, and the exit status.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Text for standard output.
    pub stdout: String,
    /// Text for standard error.
    pub stderr: String,
    /// Exit status ([`EXIT_OK`], [`EXIT_INVALID`] or [`EXIT_USAGE`]).
    pub status: u8,
}

impl Outcome {
    /// A successful outcome printing `stdout`.
    pub fn ok(stdout: String) -> Outcome {
        Outcome {
            stdout,
            ..Outcome::default()
        }
    }

    /// A usage error: `message` on standard error, status [`EXIT_USAGE`].
    pub fn usage(message: String) -> Outcome {
        Outcome {
            stderr: message,
            status: EXIT_USAGE,
            ..Outcome::default()
        }
    }

    /// A failure with invalid input: `message` on standard error, status [`EXIT_INVALID`].
    pub fn invalid(message: String) -> Outcome {
        Outcome {
            stderr: message,
            status: EXIT_INVALID,
            ..Outcome::default()
        }
    }
}
