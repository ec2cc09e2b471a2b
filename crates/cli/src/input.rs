//! Reading inputs from disk: application files (verified by `shifan-rules`, read in parallel),
//! catalogs given with `--catalog`, and the explanation when a path cannot be read.

use shifan_rules::annual::VerifiedReport;
use shifan_rules::catalog::MAX_CATALOG_BYTES;
use shifan_rules::document::{Document, read_document};
use shifan_rules::package::{MAX_PACKAGE_BYTES, VerifiedPackage};
use shifan_rules::{Catalog, CatalogSet, Lang, Message, Problem, Verified};
use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// Reads at most `limit + 1` bytes of `path`: enough for a reader to see that the file is over
/// its limit, without loading a huge file into memory.
pub fn read_capped(path: &Path, limit: usize) -> io::Result<Vec<u8>> {
    if path.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            "is a directory",
        ));
    }
    let mut bytes = Vec::new();
    File::open(path)?
        .take(limit as u64 + 1)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Why a path could not be read, in both languages.
pub fn unreadable_message(error: &io::Error) -> Message {
    match error.kind() {
        io::ErrorKind::NotFound => Message::new("文件不存在", "no such file"),
        io::ErrorKind::IsADirectory => Message::new(
            "这是一个文件夹，不是文件",
            "this is a directory, not a file",
        ),
        io::ErrorKind::PermissionDenied => {
            Message::new("没有读取该文件的权限", "permission denied")
        }
        _ => Message::new(
            format!("无法读取文件：{error}"),
            format!("cannot read the file: {error}"),
        ),
    }
}

/// The code printed for a path that cannot be read. It is the CLI's own marker, not a
/// [`shifan_rules::Code`]: no file content was seen.
pub const UNREADABLE: &str = "unreadable";

/// What became of one input path.
#[derive(Clone, Debug)]
pub enum FileOutcome {
    /// Read and verified; may carry warnings.
    Valid(Box<Verified>),
    /// A recommendation package, read and verified with every application in it.
    Package(Box<VerifiedPackage>),
    /// A province's register of named places and projects, read and verified.
    Register(Box<shifan_rules::register::VerifiedRegister>),
    /// An annual report, read and verified.
    AnnualReport(Box<VerifiedReport>),
    /// Read, but not a valid application: the problems, errors first.
    Invalid(Vec<Problem>),
    /// Could not be read at all.
    Unreadable(Message),
}

impl FileOutcome {
    /// Whether the input is usable.
    pub fn is_valid(&self) -> bool {
        matches!(
            self,
            FileOutcome::Valid(_)
                | FileOutcome::Package(_)
                | FileOutcome::Register(_)
                | FileOutcome::AnnualReport(_)
        )
    }

    /// The code of the first problem (or [`UNREADABLE`]); `None` for a valid file.
    pub fn first_code(&self) -> Option<&'static str> {
        match self {
            FileOutcome::Valid(_)
            | FileOutcome::Package(_)
            | FileOutcome::Register(_)
            | FileOutcome::AnnualReport(_) => None,
            FileOutcome::Invalid(problems) => problems.first().map(|p| p.code.as_str()),
            FileOutcome::Unreadable(_) => Some(UNREADABLE),
        }
    }

    /// One line describing the first problem, in `lang`; `None` for a valid file.
    pub fn first_problem(&self, lang: Lang) -> Option<String> {
        match self {
            FileOutcome::Valid(_)
            | FileOutcome::Package(_)
            | FileOutcome::Register(_)
            | FileOutcome::AnnualReport(_) => None,
            FileOutcome::Invalid(problems) => problems.first().map(|p| p.describe(lang)),
            FileOutcome::Unreadable(message) => Some(describe_unreadable(message, lang)),
        }
    }
}

/// The error line for `path`, which could not be read: the path, then why.
pub fn unreadable_path(path: &Path, error: &io::Error, lang: Lang) -> String {
    let message = unreadable_message(error);
    format!(
        "{}: {}\n",
        path.display(),
        describe_unreadable(&message, lang)
    )
}

/// The line for an unreadable path, shaped like [`Problem::describe`].
pub fn describe_unreadable(message: &Message, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{UNREADABLE}:{}", message.zh),
        Lang::En => format!("{UNREADABLE}: {}", message.en),
    }
}

/// One input path with what became of it.
#[derive(Clone, Debug)]
pub struct Checked {
    /// The path as given.
    pub path: PathBuf,
    /// The result.
    pub outcome: FileOutcome,
}

/// Reads and verifies one application file, recommendation package or annual report.
pub fn check_path(path: &Path, catalogs: &CatalogSet) -> FileOutcome {
    match read_capped(path, MAX_PACKAGE_BYTES) {
        Err(e) => FileOutcome::Unreadable(unreadable_message(&e)),
        Ok(bytes) => match read_document(&bytes, catalogs) {
            Ok(Document::Application(verified)) => FileOutcome::Valid(verified),
            Ok(Document::Package(package)) => FileOutcome::Package(package),
            Ok(Document::Register(register)) => FileOutcome::Register(register),
            Ok(Document::AnnualReport(report)) => FileOutcome::AnnualReport(report),
            Err(problems) => FileOutcome::Invalid(problems),
        },
    }
}

/// Reads and verifies every path, in parallel over the machine's cores, keeping their order.
pub fn check_paths(paths: &[PathBuf], catalogs: &CatalogSet) -> Vec<Checked> {
    check_paths_then(paths, catalogs, |checked| checked)
}

/// Reads and verifies every path, in parallel over the machine's cores, and hands what became
/// of each to `then` on the thread that checked it; the answers come back in the order of
/// `paths`. Each core takes the next file when it is done with one, so a core that the machine
/// gives to another program for a while leaves no share of the files waiting for it.
///
/// `shifan check` renders each file's report in `then`: keeping every verified file until all
/// are checked held each one's answers and evidence (a hundred MB over 2,000 files) only to
/// print one line of it, and the fresh memory cost more time than verifying.
pub fn check_paths_then<T: Send>(
    paths: &[PathBuf],
    catalogs: &CatalogSet,
    then: impl Fn(Checked) -> T + Sync,
) -> Vec<T> {
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(paths.len().max(1));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let worker = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let Some(path) = paths.get(i) else {
                return done;
            };
            let outcome = check_path(path, catalogs);
            done.push((
                i,
                then(Checked {
                    path: path.clone(),
                    outcome,
                }),
            ));
        }
    };
    let done: Vec<Vec<(usize, T)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads).map(|_| scope.spawn(worker)).collect();
        handles
            .into_iter()
            // A worker only panics if the library does, which its property tests rule out.
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    let mut in_order: Vec<Option<T>> = std::iter::repeat_with(|| None).take(paths.len()).collect();
    for (i, answer) in done.into_iter().flatten() {
        in_order[i] = Some(answer);
    }
    in_order.into_iter().flatten().collect()
}

/// The paths to check: each file as given, and for each folder every `.json` file under it
/// (recursively, in name order; links to folders are not followed), with a line per folder that
/// says how many it holds. A folder without any `.json` file is an error, with the message.
pub fn expand_folders(paths: &[PathBuf], lang: Lang) -> Result<(Vec<PathBuf>, String), String> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for path in entries {
            let meta = std::fs::symlink_metadata(&path)?;
            if meta.is_dir() {
                walk(&path, out)?;
            } else if path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("json"))
            {
                out.push(path);
            }
        }
        Ok(())
    }
    let (mut files, mut notes) = (Vec::new(), String::new());
    for path in paths {
        if !path.is_dir() {
            files.push(path.clone());
            continue;
        }
        let mut found = Vec::new();
        walk(path, &mut found).map_err(|e| unreadable_path(path, &e, lang))?;
        if found.is_empty() {
            return Err(match lang {
                Lang::Zh => format!(
                    "文件夹 {} 中（含子文件夹）没有 .json 文件：请确认收到的申报文件或材料包已保存到这里。\n",
                    path.display()
                ),
                Lang::En => format!(
                    "the folder {} (with its subfolders) holds no .json file: make sure the application files or packages received are saved there\n",
                    path.display()
                ),
            });
        }
        notes.push_str(&match lang {
            Lang::Zh => format!(
                "文件夹 {}：找到 {} 个 .json 文件\n",
                path.display(),
                found.len()
            ),
            Lang::En => format!(
                "folder {}: found {} .json files\n",
                path.display(),
                found.len()
            ),
        });
        files.extend(found);
    }
    Ok((files, notes))
}

/// The built-in catalogs plus every catalog file in `paths`; on failure, the explanation.
pub fn load_catalogs(paths: &[PathBuf], lang: Lang) -> Result<CatalogSet, String> {
    let mut set = CatalogSet::builtin();
    for path in paths {
        let bytes =
            read_capped(path, MAX_CATALOG_BYTES).map_err(|e| unreadable_path(path, &e, lang))?;
        let catalog = Catalog::from_json(&bytes).map_err(|problems| {
            let mut text = match lang {
                Lang::Zh => format!("无法载入指标目录 {}：\n", path.display()),
                Lang::En => format!("cannot load catalog {}:\n", path.display()),
            };
            for p in problems {
                text.push_str("  ");
                text.push_str(&p.describe(lang));
                text.push('\n');
            }
            text
        })?;
        set.add(catalog);
    }
    Ok(set)
}
