//! `shifan catalog show|import|export-csv`: printing a built-in catalog, importing an indicator
//! table from CSV into a catalog file, and exporting a catalog as a CSV table.

use crate::output::{tr, write_to};
use crate::{EXIT_INVALID, Outcome};
use shifan_rules::catalog::{Applicability, chinese_numeral, counts, repeated_titles};
use shifan_rules::import::{TableMeta, export_csv, import_csv};
use shifan_rules::{Catalog, CatalogSet, Lang};
use std::path::Path;
use std::sync::Arc;

/// The built-in catalog with id `edition`, or the reference catalog when none is given.
pub fn builtin(edition: Option<&str>, lang: Lang) -> Result<Arc<Catalog>, Outcome> {
    let set = CatalogSet::builtin();
    let id = edition.unwrap_or(Catalog::reference().id());
    set.iter().find(|c| c.id() == id).cloned().ok_or_else(|| {
        let known: Vec<&str> = set.iter().map(|c| c.id()).collect();
        Outcome::usage(match lang {
            Lang::Zh => format!(
                "没有内置的指标目录「{id}」；内置目录：{}\n",
                known.join("、")
            ),
            Lang::En => format!(
                "no built-in catalog {id:?}; built-in catalogs: {}\n",
                known.join(", ")
            ),
        })
    })
}

fn applies_marker(applies: Applicability, lang: Lang) -> &'static str {
    match applies {
        Applicability::Both => "",
        Applicability::City => tr(lang, "  〔仅适用于设区的市〕", "  [cities only]"),
        Applicability::County => tr(lang, "  〔仅适用于县级〕", "  [county level only]"),
    }
}

/// The catalog as readable text: identity, threshold, provenance, then areas, sections and
/// indicators with their checkable points and evidence.
pub fn render_text(catalog: &Catalog, lang: Lang) -> String {
    let data = catalog.data();
    let (areas, sections, indicators) = counts(catalog);
    let t = catalog.threshold();
    let mut out = String::new();
    out.push_str(&format!("{}\n", data.title));
    match lang {
        Lang::Zh => {
            out.push_str(&format!(
                "标识：{}  年份：{}  发布：{}\n",
                data.id, data.year, data.issuer
            ));
            out.push_str(&format!("指纹：{}\n", catalog.fingerprint()));
            out.push_str(&format!(
                "结构：{areas} 个一级指标、{sections} 个二级指标、{indicators} 个三级指标\n"
            ));
            out.push_str(&format!(
                "综合示范标准（预估口径）：达标指标占适用指标的 {}/{}\n",
                t.numerator, t.denominator
            ));
            out.push_str(&format!("来源说明：{}\n", data.provenance));
        }
        Lang::En => {
            out.push_str(&format!(
                "id: {}  year: {}  issuer: {}\n",
                data.id, data.year, data.issuer
            ));
            out.push_str(&format!("fingerprint: {}\n", catalog.fingerprint()));
            out.push_str(&format!(
                "structure: {areas} areas, {sections} sections, {indicators} indicators\n"
            ));
            out.push_str(&format!(
                "comprehensive bar (estimate): {}/{} of applicable indicators met\n",
                t.numerator, t.denominator
            ));
            out.push_str(&format!("provenance: {}\n", data.provenance));
        }
    }
    for area in catalog.areas() {
        out.push_str(&format!(
            "\n{}、{}\n",
            chinese_numeral(area.number),
            area.title
        ));
        for section in &area.sections {
            out.push_str(&format!("  ({}) {}\n", section.number, section.title));
            for indicator in &section.indicators {
                out.push_str(&format!(
                    "    {}. {}{}\n",
                    indicator.number,
                    indicator.title,
                    applies_marker(indicator.applies_to, lang)
                ));
                for (i, criterion) in indicator.criteria.iter().enumerate() {
                    out.push_str(&format!("        {}) {criterion}\n", i + 1));
                }
                if !indicator.evidence.is_empty() {
                    out.push_str(&format!(
                        "        {}{}\n",
                        tr(lang, "佐证材料：", "evidence: "),
                        indicator.evidence.join(tr(lang, ";", "; "))
                    ));
                }
            }
        }
    }
    if !data.additional_items.is_empty() {
        out.push_str(&format!("\n{}\n", tr(lang, "附加项", "Additional items")));
        for item in &data.additional_items {
            out.push_str(&format!(
                "  {} {}:{}\n",
                item.code, item.title, item.description
            ));
        }
    }
    out.push_str(&format!(
        "\n{}\n",
        tr(lang, "单项示范类别", "Single-item categories")
    ));
    let id_width = data
        .single_item_categories
        .iter()
        .map(|c| c.id.chars().count())
        .max()
        .unwrap_or(0);
    for category in &data.single_item_categories {
        out.push_str(&format!(
            "  {:<id_width$}  {}\n",
            category.id, category.title
        ));
    }
    out
}

/// `shifan catalog show`: the text form, or the canonical JSON with `json`.
pub fn show(edition: Option<&str>, json: bool, lang: Lang) -> Outcome {
    match builtin(edition, lang) {
        Ok(catalog) if json => Outcome::ok(catalog.to_json()),
        Ok(catalog) => Outcome::ok(render_text(&catalog, lang)),
        Err(outcome) => outcome,
    }
}

/// Metadata given on the command line for `catalog import`; unset fields come from the
/// reference catalog.
#[derive(Clone, Debug, Default)]
pub struct MetaOverrides {
    /// Catalog id.
    pub id: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// Issuer.
    pub issuer: Option<String>,
    /// Edition year.
    pub year: Option<u16>,
    /// Provenance note.
    pub provenance: Option<String>,
}

impl MetaOverrides {
    /// The reference catalog's metadata with these overrides applied.
    pub fn apply(self) -> TableMeta {
        let base = TableMeta::of(Catalog::reference());
        TableMeta {
            id: self.id.unwrap_or(base.id),
            title: self.title.unwrap_or(base.title),
            issuer: self.issuer.unwrap_or(base.issuer),
            year: self.year.unwrap_or(base.year),
            provenance: self.provenance.unwrap_or(base.provenance),
            ..base
        }
    }
}

/// `shifan catalog import TABLE.csv -o CATALOG.json`: every problem with its line on standard
/// error and status 1, or the catalog written (to standard output when `output` is `-`).
pub fn import(table: &Path, output: &Path, meta: MetaOverrides, lang: Lang) -> Outcome {
    let bytes = match std::fs::read(table) {
        Ok(bytes) => bytes,
        Err(e) => {
            return Outcome::invalid(crate::input::unreadable_path(table, &e, lang));
        }
    };
    let catalog = match import_csv(&bytes, meta.apply()) {
        Ok(catalog) => catalog,
        Err(problems) => {
            let mut text = match lang {
                Lang::Zh => format!("{} 有 {} 处问题：\n", table.display(), problems.len()),
                Lang::En => format!("{}: {} problem(s):\n", table.display(), problems.len()),
            };
            for p in &problems {
                text.push_str(&format!("  {}\n", p.describe(lang)));
            }
            return Outcome::invalid(text);
        }
    };
    if let Err(e) = write_to(output, catalog.to_json().as_bytes()) {
        return Outcome::invalid(format!("{}: {e}\n", output.display()));
    }
    let (areas, sections, indicators) = counts(&catalog);
    let mut report = match lang {
        Lang::Zh => format!(
            "已写入 {}：{}「{}」，{areas} 个一级指标、{sections} 个二级指标、{indicators} 个三级指标\n指纹：{}\n",
            output.display(),
            catalog.id(),
            catalog.title(),
            catalog.fingerprint()
        ),
        Lang::En => format!(
            "wrote {}: {} {:?}, {areas} areas, {sections} sections, {indicators} indicators\nfingerprint: {}\n",
            output.display(),
            catalog.id(),
            catalog.title(),
            catalog.fingerprint()
        ),
    };
    let repeated = repeated_titles(&catalog);
    if !repeated.is_empty() {
        report.push_str(&match lang {
            Lang::Zh => format!("提示：以下指标标题重复出现：{}\n", repeated.join("、")),
            Lang::En => format!(
                "note: these indicator titles occur more than once: {}\n",
                repeated.join(", ")
            ),
        });
    }
    if output == Path::new("-") {
        Outcome {
            stderr: report,
            ..Outcome::default()
        }
    } else {
        Outcome::ok(report)
    }
}

/// `shifan catalog export-csv`: the catalog as the CSV table `catalog import` reads back.
pub fn export(edition: Option<&str>, output: Option<&Path>, lang: Lang) -> Outcome {
    let catalog = match builtin(edition, lang) {
        Ok(catalog) => catalog,
        Err(outcome) => return outcome,
    };
    let csv = export_csv(&catalog);
    match output {
        None => Outcome::ok(csv),
        Some(path) => match write_to(path, csv.as_bytes()) {
            Ok(()) => Outcome::default(),
            Err(e) => Outcome {
                stderr: format!("{}: {e}\n", path.display()),
                status: EXIT_INVALID,
                ..Outcome::default()
            },
        },
    }
}
