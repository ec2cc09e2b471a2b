//! The `shifan` command line: argument parsing with clap, then one call into the commands of
//! `shifan_cli` (which call `shifan-rules`), then printing and the exit status.

use clap::{Args, Parser, Subcommand, ValueEnum};
use shifan_cli::catalog_cmd::{self, MetaOverrides};
use shifan_cli::input::load_catalogs;
use shifan_cli::output::lang_from_env;
use shifan_cli::province_cmd::{self, NameArgs, RoundInputs};
use shifan_cli::sample_cmd::{self, KindArg, SampleArgs};
use shifan_cli::summary::{self, Format};
use shifan_cli::{Outcome, check};
use shifan_rules::Lang;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Checking a folder parses, verifies and drops thousands of JSON trees of small allocations;
/// mimalloc serves them faster than the system's allocator (see `cargo xtask bench`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Self-assessment files for rule-of-law government demonstration creation (法治政府建设示范创建):
/// batch checks, summaries, catalogs and samples.
///
/// Exit status: 0 when everything is valid, 1 when an input is invalid, 2 for usage errors.
#[derive(Parser, Debug)]
#[command(name = "shifan", version)]
struct Cli {
    /// Language of messages [default: zh if LANG starts with zh, else en].
    #[arg(long, global = true, value_enum)]
    lang: Option<LangArg>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum LangArg {
    /// 中文
    Zh,
    /// English
    En,
}

/// Application files to read, and extra catalogs to read them against.
#[derive(Args, Debug)]
struct Inputs {
    /// Application files or recommendation packages (JSON, as exported by the web app), or
    /// folders: every `.json` file in a folder and its subfolders is checked.
    #[arg(required = true, value_name = "FILE|DIR")]
    files: Vec<PathBuf>,
    /// A catalog file to know besides the built-in ones (repeatable).
    #[arg(long = "catalog", value_name = "FILE")]
    catalogs: Vec<PathBuf>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Verify application files, recommendation packages and annual reports: one line per
    /// file; exit 1 if any is invalid.
    Check {
        #[command(flatten)]
        inputs: Inputs,
        /// Print a JSON array instead of text.
        #[arg(long)]
        json: bool,
        /// An older register: check that the one register given (the newer) only extends it
        /// (the same events first, none changed or dropped).
        #[arg(long, value_name = "OLDER.json")]
        extends: Option<PathBuf>,
    },
    /// The valid files side by side, best compliance first; invalid files after.
    Summary {
        #[command(flatten)]
        inputs: Inputs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = FormatArg::Table)]
        format: FormatArg,
        /// Also write the comparison table as an Excel workbook (.xlsx) to this file.
        #[arg(long, value_name = "FILE")]
        xlsx: Option<PathBuf>,
    },
    /// Show, import or export indicator catalogs.
    #[command(subcommand)]
    Catalog(CatalogCommand),
    /// The provincial office's round: rank the cities' packages, list the candidates for the
    /// public notice, write the register.
    #[command(subcommand)]
    Province(ProvinceCommand),
    /// Print the JSON Schema of a file format [default: the application file].
    Schema {
        /// Which format.
        #[arg(value_enum, default_value_t = SchemaArg::Application)]
        of: SchemaArg,
    },
    /// Write a realistic, valid sample application (reproducible for the same arguments).
    Sample {
        /// Division code of the applicant, e.g. 140105 (太原市小店区) or 140100 (太原市).
        #[arg(long, value_name = "CODE", required_unless_present = "round")]
        county: Option<String>,
        /// How many indicators are met.
        #[arg(long, value_name = "N", required_unless_present = "round")]
        met: Option<u32>,
        /// Instead: a provincial round, every city's recommendation package and a scores
        /// table (`scores.csv`), written into the folder given by --output.
        #[arg(long, conflicts_with_all = ["county", "met", "category"])]
        round: bool,
        /// With --round: how many cities send a package (1 to 11).
        #[arg(long, value_name = "N", default_value_t = 11, requires = "round")]
        cities: usize,
        /// With --round: how many candidates in all.
        #[arg(long, value_name = "N", default_value_t = 300, requires = "round")]
        candidates: usize,
        /// Comprehensive or single-item.
        #[arg(long, value_enum, default_value_t = KindValue::Comprehensive)]
        kind: KindValue,
        /// Single-item category id [default: the catalog's first category].
        #[arg(long, value_name = "ID")]
        category: Option<String>,
        /// Seed for every choice in the sample.
        #[arg(long, value_name = "S", default_value_t = 1)]
        seed: u64,
        /// Creation and write time, RFC 3339 [default: fixed times in November 2026].
        #[arg(long, value_name = "RFC3339")]
        date: Option<String>,
        /// Output file, `-` for standard output.
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum FormatArg {
    /// Aligned columns.
    Table,
    /// Comma-separated values.
    Csv,
    /// JSON.
    Json,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum KindValue {
    /// 综合示范
    Comprehensive,
    /// 单项示范
    SingleItem,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum SchemaArg {
    /// The application file (shifan.application).
    Application,
    /// The recommendation package (shifan.package).
    Package,
    /// The programme profile (shifan.programme).
    Programme,
    /// The register file (shifan.register).
    Register,
    /// The annual report file (shifan.annual-report).
    AnnualReport,
}

/// The round's inputs.
#[derive(Args, Debug)]
struct Round {
    /// Recommendation packages and application files taken directly, or folders of them.
    #[arg(required = true, value_name = "FILE|DIR")]
    files: Vec<PathBuf>,
    /// A scores table (CSV): evaluation, survey and on-site figures per candidate (repeatable,
    /// applied in order; an evaluator's table with only the evaluation columns works too).
    #[arg(long = "scores", value_name = "FILE.csv")]
    scores: Vec<PathBuf>,
    /// A programme profile file [default: the built-in Shanxi 2020 profile].
    #[arg(long, value_name = "FILE")]
    profile: Option<PathBuf>,
    /// A catalog file to know besides the built-in ones (repeatable).
    #[arg(long = "catalog", value_name = "FILE")]
    catalogs: Vec<PathBuf>,
}

impl Round {
    fn inputs(&self) -> RoundInputs {
        RoundInputs {
            files: self.files.clone(),
            scores: self.scores.clone(),
            profile: self.profile.clone(),
        }
    }
}

#[derive(Subcommand, Debug)]
enum ProvinceCommand {
    /// The scores table per kind: position (or why not ranked), figures, composite, formula.
    Rank {
        #[command(flatten)]
        round: Round,
        /// Output format.
        #[arg(long, value_enum, default_value_t = FormatArg::Table)]
        format: FormatArg,
        /// Also write the table as an Excel workbook (.xlsx) to this file.
        #[arg(long, value_name = "FILE")]
        xlsx: Option<PathBuf>,
    },
    /// The candidate list for the public notice: the ranked candidates within each kind's
    /// planned number of names.
    List {
        #[command(flatten)]
        round: Round,
        /// First day of the notice, YYYY-MM-DD.
        #[arg(long, value_name = "DATE", requires_all = ["notice_end", "published_in", "objections_to"])]
        notice_start: Option<String>,
        /// Last day of the notice, YYYY-MM-DD.
        #[arg(long, value_name = "DATE", requires = "notice_start")]
        notice_end: Option<String>,
        /// Where the notice is published.
        #[arg(long, value_name = "TEXT", requires = "notice_start")]
        published_in: Option<String>,
        /// Where objections go (address, phone, e-mail).
        #[arg(long, value_name = "TEXT", requires = "notice_start")]
        objections_to: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = FormatArg::Table)]
        format: FormatArg,
        /// Also write the list as an Excel workbook (.xlsx) to this file.
        #[arg(long, value_name = "FILE")]
        xlsx: Option<PathBuf>,
    },
    /// The public list of a register: current demonstration places, then delisted ones with
    /// the ground, the decision's document number and date.
    PublicList {
        /// The register file (shifan.register).
        #[arg(value_name = "REGISTER.json")]
        register: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = FormatArg::Table)]
        format: FormatArg,
        /// Also write the list as an Excel workbook (.xlsx) to this file.
        #[arg(long, value_name = "FILE")]
        xlsx: Option<PathBuf>,
    },
    /// The annual reports of a register's current places per year: on time, late (days),
    /// missing, or not yet due on the given day.
    Reports {
        /// The register file (shifan.register).
        #[arg(value_name = "REGISTER.json")]
        register: PathBuf,
        /// The day to judge on, YYYY-MM-DD.
        #[arg(long, value_name = "DATE")]
        today: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = FormatArg::Table)]
        format: FormatArg,
        /// Also write the table as an Excel workbook (.xlsx) to this file.
        #[arg(long, value_name = "FILE")]
        xlsx: Option<PathBuf>,
    },
    /// Write the register (shifan.register) of the candidates a naming table names.
    Name {
        #[command(flatten)]
        round: Round,
        /// The naming table (CSV): one row per candidate named, by fingerprint
        /// (申报文件指纹) or by division code and kind (区划代码, 申报类型[, 单项类别]).
        #[arg(long, value_name = "FILE.csv")]
        naming: PathBuf,
        /// The naming decision's document number (文号).
        #[arg(long, value_name = "TEXT")]
        document_number: String,
        /// The naming decision's date, YYYY-MM-DD.
        #[arg(long, value_name = "DATE")]
        date: String,
        /// When the file is written, RFC 3339 [default: the decision's date, 00:00 +08:00].
        #[arg(long, value_name = "RFC3339")]
        created: Option<String>,
        /// The register file to write, `-` for standard output.
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
    },
}

fn format_of(format: FormatArg) -> Format {
    match format {
        FormatArg::Table => Format::Table,
        FormatArg::Csv => Format::Csv,
        FormatArg::Json => Format::Json,
    }
}

fn province(command: ProvinceCommand, lang: Lang) -> Outcome {
    let round = match &command {
        ProvinceCommand::Rank { round, .. }
        | ProvinceCommand::List { round, .. }
        | ProvinceCommand::Name { round, .. } => round,
        // These read a register only.
        ProvinceCommand::PublicList {
            register,
            format,
            xlsx,
        } => return province_cmd::public_list(register, lang, format_of(*format), xlsx.as_deref()),
        ProvinceCommand::Reports {
            register,
            today,
            format,
            xlsx,
        } => {
            return province_cmd::reports(
                register,
                today,
                lang,
                format_of(*format),
                xlsx.as_deref(),
            );
        }
    };
    let catalogs = match load_catalogs(&round.catalogs, lang) {
        Ok(catalogs) => catalogs,
        Err(message) => return Outcome::usage(message),
    };
    let inputs = round.inputs();
    match command {
        ProvinceCommand::Rank { format, xlsx, .. } => {
            province_cmd::rank(&inputs, &catalogs, lang, format_of(format), xlsx.as_deref())
        }
        ProvinceCommand::List {
            notice_start,
            notice_end,
            published_in,
            objections_to,
            format,
            xlsx,
            ..
        } => {
            let notice = notice_start.map(|start| shifan_rules::evidence::Notice {
                start,
                end: notice_end.unwrap_or_default(),
                published_in: published_in.unwrap_or_default(),
                objections_to: objections_to.unwrap_or_default(),
            });
            province_cmd::list(
                &inputs,
                &catalogs,
                lang,
                notice,
                format_of(format),
                xlsx.as_deref(),
            )
        }
        ProvinceCommand::PublicList { .. } | ProvinceCommand::Reports { .. } => {
            unreachable!("answered above")
        }
        ProvinceCommand::Name {
            naming,
            document_number,
            date,
            created,
            output,
            ..
        } => province_cmd::name(
            &inputs,
            &catalogs,
            lang,
            &NameArgs {
                naming,
                document_number,
                date,
                created,
                output,
            },
        ),
    }
}

#[derive(Subcommand, Debug)]
enum CatalogCommand {
    /// Print a built-in catalog: areas, sections, indicators with their points.
    Show {
        /// Catalog id among the built-in ones [default: the reference catalog].
        #[arg(long, value_name = "ID")]
        edition: Option<String>,
        /// Print the canonical JSON instead.
        #[arg(long)]
        json: bool,
    },
    /// Import an indicator table (CSV UTF-8, as Excel saves it) into a catalog file.
    ///
    /// Metadata not given comes from the reference catalog; when importing an official table,
    /// give at least --id, --title, --issuer and --provenance.
    Import {
        /// The table: one row per indicator (area, section, number, title, criteria, evidence,
        /// applies_to; Chinese headers are understood too).
        #[arg(value_name = "TABLE.csv")]
        table: PathBuf,
        /// Output catalog file, `-` for standard output.
        #[arg(short, long, value_name = "CATALOG.json")]
        output: PathBuf,
        /// Catalog id (no white space).
        #[arg(long)]
        id: Option<String>,
        /// Title of the indicator system.
        #[arg(long)]
        title: Option<String>,
        /// Who issued it.
        #[arg(long)]
        issuer: Option<String>,
        /// Edition year.
        #[arg(long)]
        year: Option<u16>,
        /// Where the text comes from and how far it can be relied on.
        #[arg(long)]
        provenance: Option<String>,
    },
    /// Export a built-in catalog as a CSV table that `catalog import` reads back.
    ExportCsv {
        /// Catalog id among the built-in ones [default: the reference catalog].
        #[arg(long, value_name = "ID")]
        edition: Option<String>,
        /// Output file [default: standard output].
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

fn run(cli: Cli) -> Outcome {
    let lang = match cli.lang {
        Some(LangArg::Zh) => Lang::Zh,
        Some(LangArg::En) => Lang::En,
        None => lang_from_env(std::env::var("LANG").ok().as_deref()),
    };
    match cli.command {
        Command::Check {
            inputs,
            json,
            extends,
        } => match (load_catalogs(&inputs.catalogs, lang), extends) {
            (Err(message), _) => Outcome::usage(message),
            (Ok(catalogs), None) => check::run(&inputs.files, &catalogs, lang, json),
            (Ok(catalogs), Some(older)) => match &inputs.files[..] {
                [newer] => check::run_extends(&older, newer, &catalogs, lang, json),
                _ => Outcome::usage(match lang {
                    Lang::Zh => "--extends 较旧的名册之后只给一个较新的名册\n".to_string(),
                    Lang::En => "--extends OLDER takes exactly one newer register\n".to_string(),
                }),
            },
        },
        Command::Summary {
            inputs,
            format,
            xlsx,
        } => {
            let format = match format {
                FormatArg::Table => Format::Table,
                FormatArg::Csv => Format::Csv,
                FormatArg::Json => Format::Json,
            };
            match load_catalogs(&inputs.catalogs, lang) {
                Ok(catalogs) => {
                    summary::run(&inputs.files, &catalogs, lang, format, xlsx.as_deref())
                }
                Err(message) => Outcome::usage(message),
            }
        }
        Command::Catalog(CatalogCommand::Show { edition, json }) => {
            catalog_cmd::show(edition.as_deref(), json, lang)
        }
        Command::Catalog(CatalogCommand::Import {
            table,
            output,
            id,
            title,
            issuer,
            year,
            provenance,
        }) => {
            let meta = MetaOverrides {
                id,
                title,
                issuer,
                year,
                provenance,
            };
            catalog_cmd::import(&table, &output, meta, lang)
        }
        Command::Catalog(CatalogCommand::ExportCsv { edition, output }) => {
            catalog_cmd::export(edition.as_deref(), output.as_deref(), lang)
        }
        Command::Province(command) => province(command, lang),
        Command::Schema { of } => Outcome::ok(match of {
            SchemaArg::Application => shifan_rules::application::json_schema(),
            SchemaArg::Package => shifan_rules::package::json_schema(),
            SchemaArg::Programme => shifan_rules::programme::json_schema(),
            SchemaArg::Register => shifan_rules::register::json_schema(),
            SchemaArg::AnnualReport => shifan_rules::annual::json_schema(),
        }),
        Command::Sample {
            round: true,
            cities,
            candidates,
            seed,
            output,
            ..
        } => province_cmd::sample_round(cities, candidates, seed, &output, lang),
        Command::Sample {
            county,
            met,
            kind,
            category,
            seed,
            date,
            output,
            ..
        } => sample_cmd::run(
            SampleArgs {
                county: county.unwrap_or_default(),
                met: met.unwrap_or_default(),
                kind: match kind {
                    KindValue::Comprehensive => KindArg::Comprehensive,
                    KindValue::SingleItem => KindArg::SingleItem,
                },
                category,
                seed,
                date,
                output,
            },
            lang,
        ),
    }
}

fn main() -> ExitCode {
    let outcome = run(Cli::parse());
    // A closed pipe (`shifan check … | head`) is not an error of the check; the status stays.
    let _ = std::io::stdout()
        .lock()
        .write_all(outcome.stdout.as_bytes());
    let _ = std::io::stdout().flush();
    let _ = std::io::stderr()
        .lock()
        .write_all(outcome.stderr.as_bytes());
    ExitCode::from(outcome.status)
}
