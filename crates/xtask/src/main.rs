//! `cargo xtask`: the project's developer tasks (setup, build-web, serve, test, bench, fuzz).
//!
//! Run `cargo xtask --help`. Everything the web build and the browser tests need is
//! installed by `cargo xtask setup` from package registries only (crates.io, npm, Debian),
//! so a fresh machine needs nothing by hand: `cargo xtask test` is what CI runs.

mod bench;
mod dist;
mod firefox;
mod floor;
mod fuzz;
mod imports;
mod js;
mod offline;
mod serve;
mod setup;
mod test;
#[cfg(test)]
mod tidy;
mod util;
mod web;
mod widget;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Developer tasks for shifan.
#[derive(Debug, Parser)]
#[command(name = "cargo xtask", bin_name = "cargo xtask", version, about)]
struct Cli {
    /// The task to run.
    #[command(subcommand)]
    task: Task,
}

/// The tasks.
#[derive(Debug, Subcommand)]
enum Task {
    /// Install what the web build and browser tests need (only what is missing).
    Setup,
    /// Build the web app with wasm-pack to the browser floor (Chromium 85, Firefox 79), check
    /// every .wasm against it, and assemble the static site in web/dist/.
    BuildWeb {
        /// Debug build (faster, larger, no wasm-opt).
        #[arg(long)]
        dev: bool,
    },
    /// Build the release site into web/dist/ with `.br`/`.gz` beside each file and the
    /// single-file edition `shifan-offline.html` (every mode, runs from file://).
    Dist {
        /// Assemble over the web/dist/ already built (by `build-web`, release or dev).
        #[arg(long)]
        no_build: bool,
    },
    /// Set up, build, then serve web/dist/ on http://127.0.0.1:PORT.
    Serve {
        /// Port to listen on (0 picks a free one).
        #[arg(long, default_value_t = 8080)]
        port: u16,
        /// Debug build (faster, larger, no wasm-opt).
        #[arg(long)]
        dev: bool,
    },
    /// Run every check CI runs: fmt, clippy, native tests, wasm browser tests, e2e tests.
    Test(test::TestArgs),
    /// Build the npm package @shifan/rules (crates/js) into target/npm/package/, to the
    /// browser floor, and print its wasm size.
    Npm {
        /// Debug build (faster, larger, no wasm-opt).
        #[arg(long)]
        dev: bool,
        /// Then pack it and run its consumer tests (`tests/js`), as `cargo xtask test` does.
        #[arg(long, conflicts_with = "dev")]
        test: bool,
    },
    /// Fuzz every reader of outside data (cargo-fuzz, nightly), then minimise the corpus.
    Fuzz(fuzz::FuzzArgs),
    /// Run the criterion benches, then the web and CLI figures beside the peer (tests/bench/bench.mjs).
    Bench {
        /// Skip `cargo xtask setup`.
        #[arg(long)]
        skip_setup: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.task {
        Task::Setup => setup::setup(setup::Scope::All),
        Task::BuildWeb { dev } => web::build_web(dev).map(drop),
        Task::Serve { port, dev } => setup::setup(setup::Scope::Build)
            .and_then(|()| web::build_web(dev))
            .and_then(|dist| dist::assemble(&dist).map(|()| dist))
            .and_then(|dist| serve::serve(&dist, port)),
        Task::Dist { no_build: true } => dist::assemble(&web::dist_dir()),
        Task::Dist { no_build: false } => {
            setup::setup(setup::Scope::Build).and_then(|()| dist::dist().map(drop))
        }
        Task::Test(args) => test::test(&args),
        Task::Npm { test: true, .. } => js::test_step(),
        Task::Npm { dev, .. } => js::build_package(dev).map(drop),
        Task::Bench { skip_setup } => bench::bench(skip_setup),
        Task::Fuzz(args) => fuzz::fuzz(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
