//! Shared helpers for the xtask: workspace paths, running commands with echo, timing, errors.

use std::env;
use std::ffi::{OsStr, OsString};
use std::fmt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::Instant;

/// An xtask failure: a message for the person at the terminal.
#[derive(Debug)]
pub(crate) struct Error(pub(crate) String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error(e.to_string())
    }
}

/// Result type of every xtask step.
pub(crate) type Result<T = ()> = std::result::Result<T, Error>;

/// Builds an [`Error`] from a format string.
macro_rules! fail {
    ($($arg:tt)*) => {
        $crate::util::Error(format!($($arg)*))
    };
}
pub(crate) use fail;

/// The workspace root (two levels above this crate's manifest).
pub(crate) fn root() -> PathBuf {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    here.ancestors()
        .nth(2)
        .map(Path::to_path_buf)
        .unwrap_or_else(|| here.to_path_buf())
}

/// Cargo's target directory for this workspace (honours `CARGO_TARGET_DIR`).
pub(crate) fn target_dir() -> PathBuf {
    match env::var_os("CARGO_TARGET_DIR") {
        Some(dir) if !dir.is_empty() => {
            let dir = PathBuf::from(dir);
            if dir.is_absolute() {
                dir
            } else {
                root().join(dir)
            }
        }
        _ => root().join("target"),
    }
}

/// The directory of the e2e npm package (`tests/e2e`).
pub(crate) fn e2e_dir() -> PathBuf {
    root().join("tests").join("e2e")
}

/// The `cargo` to call: the one that started us, else `cargo` from `PATH`.
pub(crate) fn cargo() -> OsString {
    env::var_os("CARGO").unwrap_or_else(|| "cargo".into())
}

/// Puts cargo's bin directory (where `cargo install` puts tools) on this process's `PATH`,
/// so that tools installed by `setup` are found by later steps and by child processes.
pub(crate) fn ensure_cargo_bin_on_path() {
    prepend_path(&cargo_bin_dir());
}

/// Where `cargo install` puts programs: `$CARGO_HOME/bin`, else `~/.cargo/bin`.
pub(crate) fn cargo_bin_dir() -> PathBuf {
    env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_default()
        .join("bin")
}

/// Prepends `dir` to the `PATH` seen by our child commands unless it is already first.
pub(crate) fn prepend_path(dir: &Path) {
    let old = get_env("PATH").unwrap_or_default();
    let mut parts: Vec<PathBuf> = env::split_paths(&old).collect();
    if parts.first().map(PathBuf::as_path) == Some(dir) {
        return;
    }
    parts.retain(|p| p != dir);
    parts.insert(0, dir.to_path_buf());
    if let Ok(joined) = env::join_paths(parts) {
        set_env("PATH", joined);
    }
}

/// Environment changes applied to every child command made with [`cmd`].
///
/// Edition 2024 makes `std::env::set_var` unsafe and the workspace forbids unsafe code,
/// so instead of editing our own environment we record overrides here.
static ENV_OVERRIDES: Mutex<Vec<(String, OsString)>> = Mutex::new(Vec::new());

fn overrides() -> std::sync::MutexGuard<'static, Vec<(String, OsString)>> {
    ENV_OVERRIDES.lock().unwrap_or_else(|e| e.into_inner())
}

/// Sets an environment variable for every later child command made with [`cmd`].
pub(crate) fn set_env(key: &str, value: impl AsRef<OsStr>) {
    let mut o = overrides();
    o.retain(|(k, _)| k != key);
    o.push((key.to_owned(), value.as_ref().to_owned()));
}

/// Current value of an environment variable, seeing overrides made with [`set_env`].
pub(crate) fn get_env(key: &str) -> Option<OsString> {
    let found = overrides()
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.clone());
    found.or_else(|| env::var_os(key))
}

/// A command builder that applies our environment overrides and echoes what it runs.
pub(crate) fn cmd(program: impl AsRef<OsStr>) -> Command {
    let program = program.as_ref();
    // Resolve the program against our (possibly amended) PATH, so that tools installed
    // into cargo's bin directory during this run are found.
    let resolved = if Path::new(program).components().count() == 1 {
        which(program).map(OsString::from)
    } else {
        None
    };
    let mut c = Command::new(resolved.as_deref().unwrap_or(program));
    for (k, v) in overrides().iter() {
        c.env(k, v);
    }
    c
}

/// Finds an executable on our (possibly amended) `PATH`.
pub(crate) fn which(program: &OsStr) -> Option<PathBuf> {
    let path = get_env("PATH")?;
    env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|p| is_executable(p))
}

fn is_executable(p: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    p.metadata()
        .map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        .unwrap_or(false)
}

/// Renders a command as a shell-like line for echoing.
pub(crate) fn describe(c: &Command) -> String {
    let mut s = String::new();
    for (k, v) in c.get_envs() {
        if let Some(v) = v
            && k != "PATH"
        {
            s.push_str(&format!("{}={} ", k.to_string_lossy(), v.to_string_lossy()));
        }
    }
    let prog = c.get_program().to_string_lossy();
    let prog = prog.rsplit('/').next().unwrap_or(&prog).to_owned();
    s.push_str(&prog);
    for a in c.get_args() {
        let a = a.to_string_lossy();
        if a.contains(' ') || a.is_empty() {
            s.push_str(&format!(" '{a}'"));
        } else {
            s.push(' ');
            s.push_str(&a);
        }
    }
    if let Some(dir) = c.get_current_dir() {
        s.push_str(&format!("   (in {})", dir.display()));
    }
    s
}

/// Runs a command, echoing it first, with inherited stdio; fails on a non-zero exit.
pub(crate) fn run(c: &mut Command) -> Result {
    println!("$ {}", describe(c));
    let status = c
        .status()
        .map_err(|e| fail!("could not start `{}`: {e}", describe(c)))?;
    if status.success() {
        Ok(())
    } else {
        Err(fail!("`{}` failed: {status}", describe(c)))
    }
}

/// Runs a command quietly and returns its trimmed stdout, or `None` if it cannot run or fails.
pub(crate) fn output(c: &mut Command) -> Option<String> {
    let out = c.stderr(Stdio::null()).stdin(Stdio::null()).output().ok()?;
    if !out.status.success() {
        return None;
    }
    Some(String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

/// Seconds since `start`, for progress lines.
pub(crate) fn secs(start: Instant) -> String {
    format!("{:.1}s", start.elapsed().as_secs_f64())
}

/// Current wall-clock time as `HH:MM:SS` UTC, for phase headers.
pub(crate) fn clock() -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let s = now % 86_400;
    format!("{:02}:{:02}:{:02}Z", s / 3600, (s / 60) % 60, s % 60)
}

/// Recursively copies the contents of directory `from` into directory `to`.
pub(crate) fn copy_dir(from: &Path, to: &Path) -> Result {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let dest = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &dest)?;
        } else {
            std::fs::copy(entry.path(), &dest)
                .map_err(|e| fail!("copying {}: {e}", entry.path().display()))?;
        }
    }
    Ok(())
}
