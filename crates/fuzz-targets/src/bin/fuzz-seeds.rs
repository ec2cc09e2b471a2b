//! `fuzz-seeds DIR`: prints the fuzz targets' names, one a line, and writes each target's seeds
//! to `DIR/<target>/seed-<n>` when its folder is missing or empty. `cargo xtask fuzz` runs it
//! before libFuzzer, so a new target starts from its seeds.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(root) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: fuzz-seeds CORPUS_DIR");
        return ExitCode::FAILURE;
    };
    for target in shifan_fuzz_targets::TARGETS {
        let dir = root.join(target.name);
        let empty = std::fs::read_dir(&dir).map_or(true, |mut d| d.next().is_none());
        if empty {
            let written = std::fs::create_dir_all(&dir).and_then(|()| {
                (target.seeds)()
                    .iter()
                    .enumerate()
                    .try_for_each(|(i, seed)| std::fs::write(dir.join(format!("seed-{i}")), seed))
            });
            if let Err(e) = written {
                eprintln!("{}: {e}", dir.display());
                return ExitCode::FAILURE;
            }
        }
        println!("{}", target.name);
    }
    ExitCode::SUCCESS
}
