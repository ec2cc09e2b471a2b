//! `cargo xtask bench`: the criterion benches, then the web and CLI figures of
//! `tests/bench/bench.mjs` (the county page beside its peer, SurveyJS, in the same run).
//!
//! The peer's npm packages (`survey-core`, `survey-js-ui`) are the benchmark's own dev
//! dependencies in `tests/bench/`, installed here on demand: `cargo xtask test` never needs them.

use std::path::PathBuf;

use crate::setup::{self, Scope};
use crate::test::{Chain, node};
use crate::util::{self, Result, cmd, run};
use crate::web;

/// Runs the benches; figures are printed and written to `target/bench/`, never asserted.
pub(crate) fn bench(skip_setup: bool) -> Result {
    let mut chain = Chain::new();
    util::ensure_cargo_bin_on_path();
    if !skip_setup {
        chain.step("setup", || setup::setup(Scope::All))?;
    }
    chain.cargo("cargo bench", &["bench", "--workspace"])?;
    let dir = util::root().join("tests").join("bench");
    chain.step("npm packages (tests/bench: the peer, SurveyJS)", || {
        run(cmd("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&dir))
    })?;
    // The CLI's figure is the release build's, as offices run it.
    chain.cargo(
        "build shifan CLI (release)",
        &["build", "--release", "-p", "shifan-cli"],
    )?;
    let mut dist = PathBuf::new();
    chain.step("web build (release)", || {
        dist = web::build_web(false)?;
        Ok(())
    })?;
    chain.step("web and CLI figures (node tests/bench/bench.mjs)", || {
        run(node(&dist)
            .env(
                "SHIFAN_BIN",
                util::target_dir().join("release").join("shifan"),
            )
            .arg(dir.join("bench.mjs")))
    })
}
