//! `shifan sample`: writes a realistic, valid application file made by
//! `shifan_rules::sample`, reproducible for the same arguments.

use crate::output::write_to;
use crate::{EXIT_INVALID, Outcome};
use shifan_rules::input::is_rfc3339;
use shifan_rules::sample::{
    DEFAULT_CREATED, DEFAULT_UPDATED, SampleKind, SampleSpec, sample_application,
};
use shifan_rules::{Catalog, Lang, score};
use std::path::PathBuf;

/// Comprehensive or single-item, as given on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KindArg {
    /// A comprehensive application.
    Comprehensive,
    /// A single-item project.
    SingleItem,
}

/// The arguments of `shifan sample`.
#[derive(Clone, Debug)]
pub struct SampleArgs {
    /// Division code of the applicant (a county-level unit or a prefecture-level city).
    pub county: String,
    /// How many indicators are met.
    pub met: u32,
    /// Comprehensive or single-item.
    pub kind: KindArg,
    /// Single-item category id; the catalog's first category when not given.
    pub category: Option<String>,
    /// Seed for every choice in the sample.
    pub seed: u64,
    /// Creation and write time (RFC 3339); fixed defaults when not given.
    pub date: Option<String>,
    /// Where to write, `-` for standard output.
    pub output: PathBuf,
}

/// Builds the sample and writes it; usage errors (bad code, too many met, bad date, unknown
/// category) give status 2.
pub fn run(args: SampleArgs, lang: Lang) -> Outcome {
    let catalog = Catalog::reference();
    if let Some(date) = &args.date
        && !is_rfc3339(date)
    {
        return Outcome::usage(match lang {
            Lang::Zh => {
                format!("--date「{date}」不是 RFC 3339 时间，例如 2026-11-20T17:30:00+08:00\n")
            }
            Lang::En => {
                format!("--date {date:?} is not an RFC 3339 time, e.g. 2026-11-20T17:30:00+08:00\n")
            }
        });
    }
    let kind = match (args.kind, args.category) {
        (KindArg::Comprehensive, None) => SampleKind::Comprehensive,
        (KindArg::Comprehensive, Some(_)) => {
            return Outcome::usage(
                match lang {
                    Lang::Zh => "--category 只用于 --kind single-item\n",
                    Lang::En => "--category only goes with --kind single-item\n",
                }
                .to_string(),
            );
        }
        (KindArg::SingleItem, category) => SampleKind::SingleItem(category.unwrap_or_else(|| {
            catalog
                .data()
                .single_item_categories
                .first()
                .map(|c| c.id.clone())
                .unwrap_or_default()
        })),
    };
    let spec = SampleSpec {
        division_code: args.county,
        met: args.met,
        kind,
        seed: args.seed,
        created: args.date.clone().unwrap_or(DEFAULT_CREATED.into()),
        updated: args.date.unwrap_or(DEFAULT_UPDATED.into()),
    };
    let file = match sample_application(catalog, &spec) {
        Ok(file) => file,
        Err(problem) => return Outcome::usage(format!("{}\n", problem.describe(lang))),
    };
    if let Err(e) = write_to(&args.output, file.to_json().as_bytes()) {
        return Outcome {
            stderr: format!("{}: {e}\n", args.output.display()),
            status: EXIT_INVALID,
            ..Outcome::default()
        };
    }
    let s = score(catalog, file.applicant.level, &file.answers);
    let ratio = s.total.compliance();
    let report = format!(
        "{} {}: {}  {}  {} ({})  {}\n",
        match lang {
            Lang::Zh => "已写入",
            Lang::En => "wrote",
        },
        args.output.display(),
        file.applicant.display_name(),
        file.kind.label(lang),
        ratio.percent(),
        ratio.formula(),
        shifan_rules::Verdict::label_of(
            matches!(file.kind, shifan_rules::Kind::Comprehensive).then_some(s.verdict),
            lang
        )
    );
    if args.output == std::path::Path::new("-") {
        Outcome {
            stderr: report,
            ..Outcome::default()
        }
    } else {
        Outcome::ok(report)
    }
}
