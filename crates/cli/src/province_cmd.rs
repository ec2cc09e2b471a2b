//! `shifan province`: the provincial office's round from the command line — take in the
//! cities' recommendation packages (and applications taken directly), apply scores tables,
//! print or export the ranking per kind (`rank`) and the candidate list for the public notice
//! (`list`), and write the register from a naming table (`name`). Every rule is
//! `shifan_rules::province`'s; this module reads files and formats output.

use crate::input::{describe_unreadable, expand_folders, read_capped, unreadable_message};
use crate::output::{Align, Table as TextTable, write_to};
use crate::summary::Format;
use crate::{EXIT_INVALID, Outcome};
use shifan_rules::evidence::{Notice, read_naming_csv, read_scores_csv};
use shifan_rules::package::MAX_PACKAGE_BYTES;
use shifan_rules::programme::Profile;
use shifan_rules::province::{ProvinceSession, TIE_RULE};
use shifan_rules::register::{MAX_REGISTER_BYTES, Register, VerifiedRegister, read_register};
use shifan_rules::review::{Cell, Table};
use shifan_rules::{CatalogSet, Generator, Lang, Problem};
use std::path::{Path, PathBuf};

/// What every province command reads.
#[derive(Clone, Debug, Default)]
pub struct RoundInputs {
    /// Packages, application files, or folders of them.
    pub files: Vec<PathBuf>,
    /// Scores tables (CSV), applied in order.
    pub scores: Vec<PathBuf>,
    /// A programme profile file instead of the built-in Shanxi 2020 one.
    pub profile: Option<PathBuf>,
}

fn problems_text(path: &Path, problems: &[Problem], lang: Lang) -> String {
    let mut out = format!("{}:\n", path.display());
    for p in problems {
        out.push_str(&format!("    {}\n", p.describe(lang)));
    }
    out
}

/// Reads the inputs into a province session. Unusable packages or files are listed on
/// standard error (and make the status 1) but do not stop the round; a bad profile or scores
/// table stops it, since nothing may be ranked on half a table.
pub fn load(
    inputs: &RoundInputs,
    catalogs: &CatalogSet,
    lang: Lang,
) -> Result<(ProvinceSession, String, u8), Outcome> {
    let profile = match &inputs.profile {
        None => Profile::shanxi_2020(),
        Some(path) => {
            let bytes =
                read_capped(path, shifan_rules::programme::MAX_PROFILE_BYTES).map_err(|e| {
                    Outcome::invalid(format!(
                        "{}: {}\n",
                        path.display(),
                        describe_unreadable(&unreadable_message(&e), lang)
                    ))
                })?;
            Profile::from_json(&bytes)
                .map_err(|p| Outcome::invalid(problems_text(path, &p, lang)))?
        }
    };
    let (paths, mut notes) = expand_folders(&inputs.files, lang).map_err(Outcome::invalid)?;
    let mut session = ProvinceSession::new(profile);
    let mut status = crate::EXIT_OK;
    for path in &paths {
        let name = path.display().to_string();
        match read_capped(path, MAX_PACKAGE_BYTES) {
            Ok(bytes) => {
                session.take_file(&name, &bytes, catalogs);
            }
            Err(e) => {
                notes.push_str(&crate::input::unreadable_path(path, &e, lang));
                status = EXIT_INVALID;
            }
        }
    }
    for r in &session.rejected {
        status = EXIT_INVALID;
        notes.push_str(&problems_text(Path::new(&r.file_name), &r.problems, lang));
    }
    let scale = session.profile().default_points_scale();
    for path in &inputs.scores {
        let bytes = read_capped(path, shifan_rules::evidence::MAX_TABLE_BYTES).map_err(|e| {
            Outcome::invalid(format!(
                "{}: {}\n",
                path.display(),
                describe_unreadable(&unreadable_message(&e), lang)
            ))
        })?;
        let rows = read_scores_csv(&bytes, scale)
            .map_err(|p| Outcome::invalid(format!("{notes}{}", problems_text(path, &p, lang))))?;
        session
            .apply_scores(&rows)
            .map_err(|p| Outcome::invalid(format!("{notes}{}", problems_text(path, &p, lang))))?;
    }
    Ok((session, notes, status))
}

/// An export table as aligned text (numbers right-aligned).
pub fn render_text(table: &Table) -> String {
    let align: Vec<(&str, Align)> = table
        .headers
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let numeric = table
                .rows
                .iter()
                .all(|r| matches!(r.get(i), Some(Cell::Count(_) | Cell::Percent(_))));
            (
                h.as_str(),
                if numeric && !table.rows.is_empty() {
                    Align::Right
                } else {
                    Align::Left
                },
            )
        })
        .collect();
    let mut out = TextTable::new(&align);
    for row in &table.rows {
        out.push(
            row.iter()
                .map(|c| c.display(table.lang).replace('\n', " "))
                .collect(),
        );
    }
    out.render()
}

fn emit(
    table: &Table,
    format: Format,
    xlsx: Option<&Path>,
    notes: String,
    status: u8,
    footer: &str,
) -> Outcome {
    if let Some(path) = xlsx {
        let written = shifan_sheet::to_xlsx(table)
            .map_err(|e| format!("xlsx: {e}\n"))
            .and_then(|bytes| {
                write_to(path, &bytes).map_err(|e| format!("{}: {e}\n", path.display()))
            });
        if let Err(message) = written {
            return Outcome::invalid(format!("{notes}{message}"));
        }
    }
    let stdout = match format {
        Format::Table => format!("{}{footer}", render_text(table)),
        Format::Csv => table.to_csv(),
        Format::Json => {
            let mut text = serde_json::to_string_pretty(table).unwrap_or_default();
            text.push('\n');
            text
        }
    };
    Outcome {
        stdout,
        stderr: notes,
        status,
    }
}

/// `shifan province rank`: the scores table of both kinds — position or why not ranked, each
/// part's figures, the composite and its formula — with the tie rule below it.
pub fn rank(
    inputs: &RoundInputs,
    catalogs: &CatalogSet,
    lang: Lang,
    format: Format,
    xlsx: Option<&Path>,
) -> Outcome {
    let (session, notes, status) = match load(inputs, catalogs, lang) {
        Ok(loaded) => loaded,
        Err(outcome) => return outcome,
    };
    let table = session.ranking_table(lang, session.ranking_stem(lang));
    let tie = if lang == Lang::Zh {
        TIE_RULE.0
    } else {
        TIE_RULE.1
    };
    let footer = format!(
        "\n{}{}\n",
        if lang == Lang::Zh {
            "并列规则："
        } else {
            "Tie rule: "
        },
        tie
    );
    emit(&table, format, xlsx, notes, status, &footer)
}

/// `shifan province list`: the candidate list for the public notice — the ranked candidates
/// within each kind's planned number of names — with the notice period and where objections
/// go when given (checked against the profile's notice period).
pub fn list(
    inputs: &RoundInputs,
    catalogs: &CatalogSet,
    lang: Lang,
    notice: Option<Notice>,
    format: Format,
    xlsx: Option<&Path>,
) -> Outcome {
    let (mut session, notes, status) = match load(inputs, catalogs, lang) {
        Ok(loaded) => loaded,
        Err(outcome) => return outcome,
    };
    if let Some(notice) = notice
        && let Err(p) = session.set_notice(notice)
    {
        return Outcome::usage(problems_text(Path::new("--notice"), &p, lang));
    }
    session.propose_by_plan();
    let table = session.notice_table(lang);
    emit(&table, format, xlsx, notes, status, "")
}

/// What `shifan province name` needs besides the round.
#[derive(Clone, Debug)]
pub struct NameArgs {
    /// The naming table (CSV): one row per candidate named.
    pub naming: PathBuf,
    /// The decision's document number.
    pub document_number: String,
    /// The decision's date, `YYYY-MM-DD`.
    pub date: String,
    /// When the file is written (RFC 3339); the decision's date at midnight, Beijing time,
    /// when not given.
    pub created: Option<String>,
    /// The register file to write, `-` for standard output.
    pub output: PathBuf,
}

/// `shifan province name`: writes the register of the candidates a naming table names.
pub fn name(inputs: &RoundInputs, catalogs: &CatalogSet, lang: Lang, args: &NameArgs) -> Outcome {
    let (mut session, notes, status) = match load(inputs, catalogs, lang) {
        Ok(loaded) => loaded,
        Err(outcome) => return outcome,
    };
    if status != crate::EXIT_OK {
        return Outcome::invalid(format!(
            "{notes}{}\n",
            if lang == Lang::Zh {
                "有文件无法使用，不生成名册"
            } else {
                "some files cannot be used; no register is written"
            }
        ));
    }
    let bytes = match read_capped(&args.naming, shifan_rules::evidence::MAX_TABLE_BYTES) {
        Ok(b) => b,
        Err(e) => return Outcome::invalid(crate::input::unreadable_path(&args.naming, &e, lang)),
    };
    let rows = match read_naming_csv(&bytes).and_then(|rows| session.name_rows(&rows)) {
        Ok(n) => n,
        Err(p) => return Outcome::invalid(problems_text(&args.naming, &p, lang)),
    };
    session.naming.document_number = args.document_number.clone();
    session.naming.date = args.date.clone();
    let created = args
        .created
        .clone()
        .unwrap_or_else(|| format!("{}T00:00:00+08:00", args.date));
    let generator = Generator {
        name: "shifan-cli".into(),
        version: env!("CARGO_PKG_VERSION").into(),
    };
    let register = match Register::from_session(&session, generator, created) {
        Ok(r) => r,
        Err(p) => return Outcome::invalid(problems_text(Path::new("register"), &p, lang)),
    };
    if let Err(e) = write_to(&args.output, register.to_json().as_bytes()) {
        return Outcome::invalid(format!("{}: {e}\n", args.output.display()));
    }
    let report = match lang {
        Lang::Zh => format!(
            "已写入 {}：命名 {rows} 个（{}）\n",
            args.output.display(),
            args.document_number
        ),
        Lang::En => format!(
            "wrote {}: {rows} named ({})\n",
            args.output.display(),
            args.document_number
        ),
    };
    if args.output == Path::new("-") {
        Outcome {
            stderr: format!("{notes}{report}"),
            ..Outcome::default()
        }
    } else {
        Outcome {
            stdout: report,
            stderr: notes,
            status: crate::EXIT_OK,
        }
    }
}

/// Reads and verifies a register file, or the outcome that says why not.
fn read_register_file(path: &Path, lang: Lang) -> Result<VerifiedRegister, Outcome> {
    let bytes = read_capped(path, MAX_REGISTER_BYTES)
        .map_err(|e| Outcome::invalid(crate::input::unreadable_path(path, &e, lang)))?;
    read_register(&bytes).map_err(|p| Outcome::invalid(problems_text(path, &p, lang)))
}

/// `shifan province public-list`: the register's public list — current demonstration places,
/// then delisted ones with the ground, document number and date — printed or exported.
pub fn public_list(register: &Path, lang: Lang, format: Format, xlsx: Option<&Path>) -> Outcome {
    match read_register_file(register, lang) {
        Ok(verified) => emit(
            &shifan_rules::supervision::public_list(&verified, lang),
            format,
            xlsx,
            String::new(),
            crate::EXIT_OK,
            "",
        ),
        Err(outcome) => outcome,
    }
}

/// `shifan province reports`: per current place and report year, whether its annual report
/// came on time, late (by how many days), is missing or not yet due on `today` (`YYYY-MM-DD`).
pub fn reports(
    register: &Path,
    today: &str,
    lang: Lang,
    format: Format,
    xlsx: Option<&Path>,
) -> Outcome {
    let Some(day) = shifan_rules::annual::calendar_day(today).filter(|_| today.len() == 10) else {
        return Outcome::usage(match lang {
            Lang::Zh => format!("--today「{today}」应为 YYYY-MM-DD\n"),
            Lang::En => format!("--today “{today}” should be YYYY-MM-DD\n"),
        });
    };
    match read_register_file(register, lang) {
        Ok(verified) => emit(
            &shifan_rules::supervision::standings_table(&verified, day, lang),
            format,
            xlsx,
            String::new(),
            crate::EXIT_OK,
            "",
        ),
        Err(outcome) => outcome,
    }
}

/// `shifan sample --round`: every city's recommendation package for `candidates` candidates in
/// all, and `scores.csv` for them, written into `dir`.
pub fn sample_round(
    cities: usize,
    candidates: usize,
    seed: u64,
    dir: &Path,
    lang: Lang,
) -> Outcome {
    let generator = Generator {
        name: "shifan-cli".into(),
        version: env!("CARGO_PKG_VERSION").into(),
    };
    let packages = match shifan_rules::province_sample::sample_packages(
        cities, candidates, seed, &generator,
    ) {
        Ok(p) => p,
        Err(p) => return Outcome::usage(problems_text(dir, &p, lang)),
    };
    if let Err(e) = std::fs::create_dir_all(dir) {
        return Outcome::invalid(format!("{}: {e}\n", dir.display()));
    }
    for p in &packages {
        let path = dir.join(p.file_name());
        if let Err(e) = std::fs::write(&path, p.to_json()) {
            return Outcome::invalid(format!("{}: {e}\n", path.display()));
        }
    }
    let scores = dir.join("scores.csv");
    if let Err(e) = std::fs::write(
        &scores,
        shifan_rules::province_sample::sample_scores_csv(&packages, seed),
    ) {
        return Outcome::invalid(format!("{}: {e}\n", scores.display()));
    }
    let n: usize = packages.iter().map(|p| p.applications.len()).sum();
    Outcome::ok(match lang {
        Lang::Zh => format!(
            "已写入 {}：{} 个材料包，{n} 份申报，评分表 scores.csv\n",
            dir.display(),
            packages.len()
        ),
        Lang::En => format!(
            "wrote {}: {} packages, {n} applications, scores table scores.csv\n",
            dir.display(),
            packages.len()
        ),
    })
}
