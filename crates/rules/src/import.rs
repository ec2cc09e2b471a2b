//! Catalog import from and export to a spreadsheet table (CSV), the form offices keep the
//! official indicator table in.
//!
//! Columns: `area, section, number, title, criteria, evidence, applies_to` (Chinese headers
//! 一级指标, 二级指标, 序号, 三级指标, 评价要点, 佐证材料, 适用范围 work too). Inside the criteria and
//! evidence cells each line is one item. Rows whose number starts with 附加 are additional items.
//! Every problem names its line, and the resulting catalog goes through the same validation as
//! any other.

use crate::catalog::{
    AdditionalItem, Applicability, Area, Catalog, CatalogData, Category, Indicator, Section,
    Threshold,
};
use crate::problem::{Code, Problem};

/// What a table does not carry: the catalog's identity and rules.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableMeta {
    /// Catalog id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Issuer.
    pub issuer: String,
    /// Edition year.
    pub year: u16,
    /// Provenance note.
    pub provenance: String,
    /// Comprehensive threshold.
    pub threshold: Threshold,
    /// Single-item categories.
    pub single_item_categories: Vec<Category>,
}

impl TableMeta {
    /// The metadata of an existing catalog, to import a table that replaces it.
    pub fn of(catalog: &Catalog) -> TableMeta {
        let d = catalog.data();
        TableMeta {
            id: d.id.clone(),
            title: d.title.clone(),
            issuer: d.issuer.clone(),
            year: d.year,
            provenance: d.provenance.clone(),
            threshold: d.threshold,
            single_item_categories: d.single_item_categories.clone(),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Column {
    Area,
    Section,
    Number,
    Title,
    Criteria,
    Evidence,
    AppliesTo,
}

const COLUMNS: [(Column, &str, &[&str]); 7] = [
    (Column::Area, "area", &["一级指标", "领域"]),
    (Column::Section, "section", &["二级指标"]),
    (Column::Number, "number", &["序号", "编号", "指标序号"]),
    (Column::Title, "title", &["三级指标", "指标", "指标名称"]),
    (
        Column::Criteria,
        "criteria",
        &["评价要点", "考核要点", "考核标准", "评价标准"],
    ),
    (Column::Evidence, "evidence", &["佐证材料", "证明材料"]),
    (
        Column::AppliesTo,
        "applies_to",
        &["适用范围", "适用对象", "适用"],
    ),
];

fn column_of(header: &str) -> Option<Column> {
    let h = header.trim().trim_start_matches('\u{feff}').trim();
    COLUMNS
        .iter()
        .find(|(_, en, zh)| h.eq_ignore_ascii_case(en) || zh.contains(&h))
        .map(|(c, _, _)| *c)
}

fn parse_applies_to(cell: &str) -> Option<Applicability> {
    match cell.trim() {
        "" | "both" | "Both" | "通用" | "市县" | "市县通用" | "全部" => {
            Some(Applicability::Both)
        }
        "city" | "City" | "市" | "设区的市" | "市级" => Some(Applicability::City),
        "county" | "County" | "县" | "县级" | "县(市、区)" => Some(Applicability::County),
        _ => None,
    }
}

/// Strips an item's own numbering, as offices often type it: `1.`, `1、`, `(1)`, `(1)`, `①`.
fn strip_item_number(line: &str) -> &str {
    let line = line.trim();
    if let Some(rest) = line.strip_prefix(['①', '②', '③', '④', '⑤', '⑥', '⑦', '⑧', '⑨', '⑩'])
    {
        return rest.trim_start();
    }
    for (open, close) in [("(", ")"), ("(", ")")] {
        if let Some(rest) = line.strip_prefix(open)
            && let Some(end) = rest.find(close)
            && end > 0
            && rest[..end].bytes().all(|b| b.is_ascii_digit())
        {
            return rest[end + close.len()..].trim_start();
        }
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits <= 2 {
        for sep in [".", "、", ".", ")", ")"] {
            if let Some(rest) = line[digits..].strip_prefix(sep) {
                return rest.trim_start();
            }
        }
    }
    line
}

/// Strips a heading's table numbering: `一、`, `(一)`, `1.` and the like.
fn strip_heading_number(cell: &str) -> &str {
    let cell = cell.trim();
    let numeral_len: usize = cell
        .chars()
        .take_while(|c| "一二三四五六七八九十".contains(*c))
        .map(char::len_utf8)
        .sum();
    if numeral_len > 0
        && let Some(rest) = cell[numeral_len..].strip_prefix(['、', '.', '.'])
    {
        return rest.trim_start();
    }
    strip_item_number(cell)
}

fn lines_of(cell: &str) -> Vec<String> {
    cell.lines()
        .map(strip_item_number)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

fn table_problem(line: u64, zh: String, en: String) -> Problem {
    Problem::new(Code::InvalidTable, zh, en).at_line(line, None)
}

/// Imports a catalog from CSV bytes (UTF-8; Excel's "CSV UTF-8" format).
pub fn import_csv(bytes: &[u8], meta: TableMeta) -> Result<Catalog, Vec<Problem>> {
    // UTF-16 keeps its own problem, which says how to save the file as UTF-8; anything else
    // that is not UTF-8 gets Excel's way to save the table.
    let text = crate::input::decode_text(bytes).map_err(|problems| {
        if problems.iter().any(|p| p.code == Code::Utf16) {
            return problems;
        }
        vec![Problem::new(
            Code::NotUtf8,
            "表格不是 UTF-8 编码：请在 Excel 中选择「另存为 → CSV UTF-8（逗号分隔）」",
            "the table is not UTF-8: in Excel choose Save As → CSV UTF-8 (comma delimited)",
        )]
    })?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| {
            vec![table_problem(
                1,
                format!("无法读取表头：{e}"),
                format!("cannot read the header row: {e}"),
            )]
        })?
        .clone();
    let mut index = [None; 7];
    for (i, header) in headers.iter().enumerate() {
        if let Some(col) = column_of(header) {
            index[COLUMNS.iter().position(|(c, _, _)| *c == col).unwrap_or(0)] = Some(i);
        }
    }
    let mut problems = Vec::new();
    for (slot, (_, en, zh)) in index.iter().zip(COLUMNS.iter()) {
        if slot.is_none() && *en != "applies_to" && *en != "evidence" {
            problems.push(table_problem(
                1,
                format!("表头缺少「{}」列（{en}）", zh[0]),
                format!("the header row lacks the {en} column ({})", zh[0]),
            ));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let cell = |record: &csv::StringRecord, col: Column| -> String {
        let at = COLUMNS
            .iter()
            .position(|(c, _, _)| *c == col)
            .and_then(|p| index[p]);
        at.and_then(|i| record.get(i)).unwrap_or("").to_string()
    };

    let mut areas: Vec<Area> = Vec::new();
    let mut additional_items = Vec::new();
    let mut section_count = 0u16;
    for result in reader.records() {
        let record = match result {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                problems.push(table_problem(
                    line,
                    format!("无法解析该行：{e}"),
                    format!("cannot parse this row: {e}"),
                ));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let number_cell = cell(&record, Column::Number).trim().to_string();
        let title = cell(&record, Column::Title).trim().to_string();
        if let Some(code) = number_cell
            .strip_prefix("附加")
            .map(|_| number_cell.clone())
        {
            additional_items.push(AdditionalItem {
                code,
                title,
                description: lines_of(&cell(&record, Column::Criteria)).join("\n"),
            });
            continue;
        }
        let Ok(number) = number_cell.trim_end_matches(['.', '、']).parse::<u16>() else {
            problems.push(table_problem(
                line,
                format!("序号「{number_cell}」不是数字"),
                format!("number “{number_cell}” is not a whole number"),
            ));
            continue;
        };
        let applies_cell = cell(&record, Column::AppliesTo);
        let Some(applies_to) = parse_applies_to(&applies_cell) else {
            problems.push(table_problem(
                line,
                format!(
                    "适用范围「{applies_cell}」无法识别：应为 both、city、county（或 通用、市、县）"
                ),
                format!("applies_to “{applies_cell}” is not recognised: use both, city or county"),
            ));
            continue;
        };
        let area_title = strip_heading_number(&cell(&record, Column::Area)).to_string();
        let section_title = strip_heading_number(&cell(&record, Column::Section)).to_string();
        if area_title.is_empty() || section_title.is_empty() {
            problems.push(table_problem(
                line,
                "一级指标或二级指标为空".into(),
                "the area or section cell is empty".into(),
            ));
            continue;
        }
        if areas.last().is_none_or(|a| a.title != area_title) {
            if areas.iter().any(|a| a.title == area_title) {
                problems.push(table_problem(
                    line,
                    format!("一级指标「{area_title}」的各行不连续：同一一级指标的行须排在一起"),
                    format!("the rows of area “{area_title}” are not together"),
                ));
            }
            let number = u8::try_from(areas.len() + 1).unwrap_or(u8::MAX);
            areas.push(Area {
                number,
                title: area_title,
                sections: Vec::new(),
            });
        }
        let area = areas.last_mut().expect("an area was just ensured");
        if area
            .sections
            .last()
            .is_none_or(|s| s.title != section_title)
        {
            section_count += 1;
            area.sections.push(Section {
                number: section_count,
                title: section_title,
                indicators: Vec::new(),
            });
        }
        let section = area
            .sections
            .last_mut()
            .expect("a section was just ensured");
        let criteria = lines_of(&cell(&record, Column::Criteria));
        if criteria.is_empty() {
            problems.push(table_problem(
                line,
                format!("第 {number} 项指标没有评价要点"),
                format!("indicator {number} has no checkable points"),
            ));
        }
        section.indicators.push(Indicator {
            number,
            title,
            criteria,
            evidence: lines_of(&cell(&record, Column::Evidence)),
            applies_to,
        });
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let data = CatalogData {
        id: meta.id,
        title: meta.title,
        issuer: meta.issuer,
        year: meta.year,
        provenance: meta.provenance,
        threshold: meta.threshold,
        areas,
        additional_items,
        single_item_categories: meta.single_item_categories,
    };
    Catalog::from_data(data)
}

/// Exports a catalog as a CSV table that [`import_csv`] reads back to the same catalog.
pub fn export_csv(catalog: &Catalog) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut rows: Vec<Vec<String>> =
        vec![COLUMNS.iter().map(|(_, en, _)| en.to_string()).collect()];
    for (area, section, indicator) in catalog.entries() {
        rows.push(vec![
            area.title.clone(),
            section.title.clone(),
            indicator.number.to_string(),
            indicator.title.clone(),
            indicator.criteria.join("\n"),
            indicator.evidence.join("\n"),
            indicator.applies_to.as_str().to_string(),
        ]);
    }
    for item in &catalog.data().additional_items {
        rows.push(vec![
            String::new(),
            String::new(),
            item.code.clone(),
            item.title.clone(),
            item.description.clone(),
            String::new(),
            String::new(),
        ]);
    }
    for row in rows {
        // Writing into a Vec cannot fail.
        let _ = writer.write_record(&row);
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// Whether a catalog file picked by a user is an indicator table (CSV) rather than a JSON
/// catalog: a `.csv` name, or, unless the name ends in `.json`, content that does not start
/// with `{`.
///
/// ```
/// use shifan_rules::import::is_table;
/// assert!(is_table("指标表.CSV", b"{"));
/// assert!(!is_table("catalog.json", b"area,section"));
/// assert!(!is_table("catalog", b"\xEF\xBB\xBF  {\"id\": 1}"));
/// assert!(is_table("catalog", b"area,section"));
/// ```
pub fn is_table(name: &str, bytes: &[u8]) -> bool {
    let lower = name.to_ascii_lowercase();
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let starts_like_json = body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{');
    lower.ends_with(".csv") || (!lower.ends_with(".json") && !starts_like_json)
}

/// Reads a catalog file picked by a user: an indicator table ([`is_table`]) is imported with
/// the reference catalog's rules and named after the file; anything else is a JSON catalog.
/// Every problem comes back (with its line where known).
///
/// ```
/// use shifan_rules::{Catalog, import::export_csv, import::read_catalog_file};
/// let table = export_csv(Catalog::reference());
/// let catalog = read_catalog_file("本省指标表.csv", table.as_bytes()).unwrap();
/// assert_eq!(catalog.title(), "本省指标表");
/// assert_eq!(catalog.len(), Catalog::reference().len());
/// let problems = read_catalog_file("broken.csv", b"area,section\n1,2\n").unwrap_err();
/// assert!(!problems.is_empty());
/// ```
pub fn read_catalog_file(name: &str, bytes: &[u8]) -> Result<Catalog, Vec<Problem>> {
    if !is_table(name, bytes) {
        return Catalog::from_json(bytes);
    }
    read_table(name, bytes, Catalog::reference().data())
}

/// Imports an indicator table named `name` with the rules (id, threshold, single-item
/// categories) of the catalog `base`, titled after the file. `base`'s areas are not used, so a
/// caller may pass them empty.
///
/// ```
/// use shifan_rules::{Catalog, import::export_csv, import::read_table};
/// let mut base = Catalog::reference().data().clone();
/// base.areas.clear();
/// let table = export_csv(Catalog::reference());
/// let catalog = read_table("C:\\表格\\省表.csv", table.as_bytes(), &base).unwrap();
/// assert_eq!(catalog.title(), "省表");
/// assert_eq!(catalog.threshold(), Catalog::reference().threshold());
/// ```
pub fn read_table(name: &str, bytes: &[u8], base: &CatalogData) -> Result<Catalog, Vec<Problem>> {
    let stem = name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(name)
        .rsplit_once('.')
        .map_or(name, |(stem, _)| stem)
        .trim();
    let meta = TableMeta {
        id: base.id.clone(),
        title: if stem.is_empty() {
            base.title.clone()
        } else {
            stem.to_string()
        },
        issuer: base.issuer.clone(),
        year: base.year,
        provenance: format!("由表格文件「{name}」导入。"),
        threshold: base.threshold,
        single_item_categories: base.single_item_categories.clone(),
    };
    import_csv(bytes, meta)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn check(csv: &str, expected_codes_lines: &[(Code, u64)]) {
        let meta = TableMeta::of(Catalog::reference());
        match import_csv(csv.as_bytes(), meta) {
            Ok(c) => assert!(
                expected_codes_lines.is_empty(),
                "expected problems, got a catalog of {}",
                c.len()
            ),
            Err(problems) => {
                let got: Vec<(Code, u64)> = problems
                    .iter()
                    .map(|p| (p.code, p.at.line.unwrap_or(0)))
                    .collect();
                assert_eq!(got, expected_codes_lines, "{problems:#?}");
            }
        }
    }

    #[test]
    fn a_table_saved_as_utf16_says_so() {
        // Found by the bad-input corpus: it was called "not UTF-8", without the way out.
        let csv = export_csv(Catalog::reference());
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(csv.encode_utf16().flat_map(u16::to_le_bytes));
        let problems = import_csv(&utf16, TableMeta::of(Catalog::reference())).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].code, Code::Utf16);
        let gbk = import_csv(b"\xd5\xfe\xb8\xae", TableMeta::of(Catalog::reference())).unwrap_err();
        assert_eq!(gbk[0].code, Code::NotUtf8);
        assert!(gbk[0].message.en.contains("CSV UTF-8"));
    }

    #[test]
    fn reference_round_trips_through_csv() {
        let reference = Catalog::reference();
        let csv = export_csv(reference);
        let back = import_csv(csv.as_bytes(), TableMeta::of(reference)).unwrap();
        assert_eq!(back.fingerprint(), reference.fingerprint());
    }

    #[test]
    fn shipped_csv_matches_the_reference() {
        crate::testing::check_committed(
            "data/catalog-reference-2019.csv",
            &export_csv(Catalog::reference()),
        );
    }

    #[test]
    fn chinese_headers_and_numbering_are_understood() {
        let csv = "一级指标,二级指标,序号,三级指标,评价要点,佐证材料,适用范围\n\
                   一、甲,1. 乙,1,丙,\"1. 点一\n(2)点二\",材料,通用\n\
                   一、甲,1. 乙,2,丁,① 点,材料,市\n";
        let c = import_csv(csv.as_bytes(), TableMeta::of(Catalog::reference())).unwrap();
        assert_eq!(c.areas()[0].title, "甲");
        assert_eq!(c.areas()[0].sections[0].title, "乙");
        assert_eq!(c.indicator(1).unwrap().criteria, vec!["点一", "点二"]);
        assert_eq!(c.indicator(2).unwrap().applies_to, Applicability::City);
    }

    #[test]
    fn problems_name_their_lines() {
        let header = "area,section,number,title,criteria,evidence,applies_to\n";
        check(
            &format!("{header}a,s,1,t,c,e,both\na,s,x,t,c,e,both\n"),
            &[(Code::InvalidTable, 3)],
        );
        check(
            &format!("{header}a,s,1,t,c,e,both\na,s,2,t,c,e,everyone\n"),
            &[(Code::InvalidTable, 3)],
        );
        check(
            &format!("{header}a,s,1,t,,e,both\n"),
            &[(Code::InvalidTable, 2)],
        );
        check(
            &format!("{header}a,s,1,t,c,e,both\nb,s,2,t,c,e,both\na,s,3,t,c,e,both\n"),
            &[(Code::InvalidTable, 4)],
        );
        check(
            "area,number\n",
            &[
                (Code::InvalidTable, 1),
                (Code::InvalidTable, 1),
                (Code::InvalidTable, 1),
            ],
        );
        // Numbering gaps are caught by catalog validation.
        let gap = import_csv(
            format!("{header}a,s,1,t,c,e,both\na,s,3,t,c,e,both\n").as_bytes(),
            TableMeta::of(Catalog::reference()),
        );
        assert_eq!(gap.unwrap_err()[0].code, Code::InvalidCatalog);
    }

    #[test]
    fn json_and_table_files() {
        let json = Catalog::reference().to_json();
        let from_json = read_catalog_file("catalog.json", json.as_bytes()).unwrap();
        assert_eq!(from_json.fingerprint(), Catalog::reference().fingerprint());
        // Without a telling extension the content decides.
        let sniffed = read_catalog_file("catalog", json.as_bytes()).unwrap();
        assert_eq!(sniffed.fingerprint(), Catalog::reference().fingerprint());
        let problems = read_catalog_file("table.csv", "一级指标,二级指标\n".as_bytes())
            .expect_err("a table without indicators");
        assert!(!problems.is_empty());
        let bad_json = read_catalog_file("catalog.json", b"{\"id\": 1}").unwrap_err();
        assert!(!bad_json.is_empty());
    }
}
