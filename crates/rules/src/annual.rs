//! The annual rule-of-law government report (法治政府建设年度报告, format version 1): its template
//! (the required parts, as data), its deadline, the sealed file, and the versions fit to publish.
//!
//! Every local government publishes the report before 1 April of the following year; a named
//! national demonstration place also reports through the province by the end of January
//! (《法治政府建设与责任落实督察工作规定》 art. 24 and the provincial guide). The parts a report
//! must have come from `data/annual-report-template.json`; code only checks a report against
//! them. Reading a file always means parsing *and* verifying, as for an application.

use crate::application::{
    Applicant, CatalogRef, Generator, Kind, Verified, applicant_problems, integrity_of,
    narrative_length,
};
use crate::canonical;
use crate::input::{MAX_FILE_BYTES, check_format, is_rfc3339, parse_json};
use crate::problem::{Code, Lang, Message, Problem, Severity, has_errors};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::sync::OnceLock;

/// The `format` value of an annual report file.
pub const ANNUAL_FORMAT_ID: &str = "shifan.annual-report";
/// The format version this build writes and the newest it reads.
pub const ANNUAL_FORMAT_VERSION: u32 = 1;
/// The earliest year a report can be about: the first national outline of law-based
/// administration (全面推进依法行政实施纲要) is of 2004, and nothing before it is reported.
pub const FIRST_YEAR: u16 = 2004;

// ---------------------------------------------------------------------------------------------
// The template
// ---------------------------------------------------------------------------------------------

/// One part of the report's template: its key in the file, its heading and what to write.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplatePart {
    /// The part's key in the file (`measures` …).
    pub key: String,
    /// Whether the part must have text before the report is ready to publish.
    pub required: bool,
    /// The part's heading.
    pub title: Message,
    /// What to write in it.
    pub guidance: Message,
}

/// The template of the annual report: the parts in order, and the rule they come from.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    /// The template's id, written into every report.
    pub id: String,
    /// The rule the parts and deadlines come from.
    pub basis: Message,
    /// The parts, in the order the report has them.
    pub parts: Vec<TemplatePart>,
}

impl Template {
    /// The built-in template (article 24's five parts). The data is checked by a test, so a
    /// broken file cannot ship; an unreadable one gives an empty template rather than a panic.
    pub fn builtin() -> &'static Template {
        static TEMPLATE: OnceLock<Template> = OnceLock::new();
        TEMPLATE.get_or_init(|| {
            // Parsed as a `Value` and read by the crate's own reader, the two paths every
            // file takes anyway: a typed `serde_json::from_str` compiled a third reader. The
            // copy without the committed file's indentation (`build.rs`).
            serde_json::from_str::<Value>(include_str!(concat!(
                env!("OUT_DIR"),
                "/annual-report-template.min.json"
            )))
            .ok()
            .and_then(|value| crate::json::from_value(&value).ok())
            .unwrap_or_else(|| Template {
                id: String::new(),
                basis: Message::new("", ""),
                parts: Vec::new(),
            })
        })
    }

    /// The part with `key`.
    pub fn part(&self, key: &str) -> Option<&TemplatePart> {
        self.parts.iter().find(|p| p.key == key)
    }

    /// The template with `id`, if this build has it.
    pub fn by_id(id: &str) -> Option<&'static Template> {
        let builtin = Template::builtin();
        (builtin.id == id).then_some(builtin)
    }
}

/// The Chinese ordinal heading mark of the `i`-th part (0-based): 一、二、…
pub fn part_ordinal(i: usize, lang: Lang) -> String {
    const ZH: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
    match lang {
        Lang::Zh => format!("{}、", ZH.get(i).copied().unwrap_or("十")),
        Lang::En => format!("{}. ", i + 1),
    }
}

// ---------------------------------------------------------------------------------------------
// Dates and deadlines
// ---------------------------------------------------------------------------------------------

/// A calendar date (proleptic Gregorian), as the deadlines are counted in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u8,
    /// Day, 1–31.
    pub day: u8,
}

impl Date {
    /// Parses `YYYY-MM-DD` (or the date part of an RFC 3339 time); `None` for anything else.
    ///
    /// ```
    /// use shifan_rules::annual::Date;
    /// assert_eq!(Date::parse("2026-03-31T08:00:00+08:00"), Some(Date { year: 2026, month: 3, day: 31 }));
    /// assert_eq!(Date::parse("2026-02-30"), None);
    /// ```
    pub fn parse(text: &str) -> Option<Date> {
        let date = text.get(..10)?;
        if !crate::assessment::is_date(date) {
            return None;
        }
        Some(Date {
            year: date.get(..4)?.parse().ok()?,
            month: date.get(5..7)?.parse().ok()?,
            day: date.get(8..10)?.parse().ok()?,
        })
    }

    /// Days since 1970-01-01 (negative before), by Howard Hinnant's `days_from_civil`.
    pub fn days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// `2026-03-31`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// `2026年3月31日` or `31 March 2026`.
    pub fn label(self, lang: Lang) -> String {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        match lang {
            Lang::Zh => format!("{}年{}月{}日", self.year, self.month, self.day),
            Lang::En => format!(
                "{} {} {}",
                self.day,
                MONTHS[usize::from(self.month.clamp(1, 12)) - 1],
                self.year
            ),
        }
    }
}

/// The calendar day of `text` (`YYYY-MM-DD`, or the date part of an RFC 3339 time): the same as
/// [`Date::parse`], under a name for callers that keep clock words out of their code.
pub fn calendar_day(text: &str) -> Option<Date> {
    Date::parse(text)
}

/// Which of the report's deadlines.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DeadlineKind {
    /// Made public, by every government: before 1 April of the following year.
    Publication,
    /// Reported through the provincial office to the central office, by a national
    /// demonstration place: by the end of January of the following year.
    ThroughProvince,
}

impl DeadlineKind {
    /// What is due, in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (DeadlineKind::Publication, Lang::Zh) => "向社会公开",
            (DeadlineKind::Publication, Lang::En) => "made public",
            (DeadlineKind::ThroughProvince, Lang::Zh) => "经省级依法治省办报送中央依法治国办",
            (DeadlineKind::ThroughProvince, Lang::En) => {
                "reported through the province to the central office"
            }
        }
    }
}

/// A deadline: what is due and its last day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Deadline {
    /// What is due.
    pub kind: DeadlineKind,
    /// The last day it may be done on.
    pub last_day: Date,
}

/// Where a date stands against a deadline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// On or before the last day: this many days remain after the date (0: the date is the
    /// last day).
    DaysLeft(u32),
    /// After the last day, by this many days (at least 1).
    Late(u32),
}

impl Standing {
    /// `date` against `last_day`.
    ///
    /// ```
    /// use shifan_rules::annual::{Date, Standing};
    /// let last = Date { year: 2027, month: 3, day: 31 };
    /// assert_eq!(Standing::of(Date { year: 2027, month: 3, day: 1 }, last), Standing::DaysLeft(30));
    /// assert_eq!(Standing::of(last, last), Standing::DaysLeft(0));
    /// assert_eq!(Standing::of(Date { year: 2027, month: 4, day: 1 }, last), Standing::Late(1));
    /// ```
    pub fn of(date: Date, last_day: Date) -> Standing {
        let diff = last_day.days() - date.days();
        let days = |d: i64| u32::try_from(d).unwrap_or(u32::MAX);
        if diff >= 0 {
            Standing::DaysLeft(days(diff))
        } else {
            Standing::Late(days(-diff))
        }
    }

    /// `还剩 30 天` / `今天是最后一天` / `已逾期 1 天`, and the English.
    pub fn label(self, lang: Lang) -> String {
        match (self, lang) {
            (Standing::DaysLeft(0), Lang::Zh) => "今天是最后一天".into(),
            (Standing::DaysLeft(0), Lang::En) => "today is the last day".into(),
            (Standing::DaysLeft(n), Lang::Zh) => format!("还剩 {n} 天"),
            (Standing::DaysLeft(1), Lang::En) => "1 day left".into(),
            (Standing::DaysLeft(n), Lang::En) => format!("{n} days left"),
            (Standing::Late(n), Lang::Zh) => format!("已逾期 {n} 天"),
            (Standing::Late(1), Lang::En) => "1 day late".into(),
            (Standing::Late(n), Lang::En) => format!("{n} days late"),
        }
    }
}

/// The deadlines of the report on `year`: made public before 1 April of the next year (last
/// day 31 March), and for a national demonstration place first reported through the province
/// by the end of January. Earliest first.
///
/// ```
/// use shifan_rules::annual::{Date, DeadlineKind, deadlines};
/// let [public] = deadlines(2026, false)[..] else { panic!() };
/// assert_eq!((public.kind, public.last_day), (DeadlineKind::Publication, Date { year: 2027, month: 3, day: 31 }));
/// let both = deadlines(2026, true);
/// assert_eq!(both[0].last_day, Date { year: 2027, month: 1, day: 31 });
/// ```
pub fn deadlines(year: u16, national: bool) -> Vec<Deadline> {
    let next = i32::from(year) + 1;
    let mut out = Vec::new();
    if national {
        out.push(Deadline {
            kind: DeadlineKind::ThroughProvince,
            last_day: Date {
                year: next,
                month: 1,
                day: 31,
            },
        });
    }
    out.push(Deadline {
        kind: DeadlineKind::Publication,
        last_day: Date {
            year: next,
            month: 3,
            day: 31,
        },
    });
    out
}

/// The year a report written on `today` is normally about: the year before (a report is
/// written after the year it covers ends).
pub fn report_year_for(today: Date) -> u16 {
    u16::try_from(today.year - 1).unwrap_or(FIRST_YEAR)
}

// ---------------------------------------------------------------------------------------------
// The file
// ---------------------------------------------------------------------------------------------

/// One part of a report as written: the template part's key and the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportPart {
    /// The template part's key.
    pub key: String,
    /// The text, line breaks kept.
    pub text: String,
}

/// The year's self-assessment attached to a report: which application file it was (its
/// fingerprint) and its compliance then, so the province sees the trend.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SelfAssessment {
    /// The application file's integrity fingerprint (`sha256:…`).
    pub fingerprint: String,
    /// The division code of the government it assessed (the report's own).
    pub division_code: String,
    /// `comprehensive` or `single_item`.
    pub kind: String,
    /// The catalog it was answered against.
    pub catalog: CatalogRef,
    /// Indicators met.
    pub met: u32,
    /// Indicators applicable.
    pub applicable: u32,
    /// When the application file was written (RFC 3339).
    pub updated: String,
}

impl SelfAssessment {
    /// The reference to a verified application.
    pub fn of(verified: &Verified) -> SelfAssessment {
        SelfAssessment {
            fingerprint: verified.file.integrity.clone(),
            division_code: verified.file.applicant.division_code.clone(),
            kind: verified.file.kind.as_str().to_string(),
            catalog: verified.file.catalog.clone(),
            met: verified.score.total.met,
            applicable: verified.score.total.applicable(),
            updated: verified.file.updated.clone(),
        }
    }

    /// The compliance then, as `met / applicable`.
    pub fn ratio(&self) -> crate::Ratio {
        crate::Ratio {
            met: self.met,
            applicable: self.applicable,
        }
    }

    /// The kind's name in `lang`.
    pub fn kind_label(&self, lang: Lang) -> &'static str {
        match self.kind.as_str() {
            "single_item" => Kind::SingleItem {
                category: String::new(),
                title: String::new(),
                narrative: Default::default(),
            }
            .label(lang),
            _ => Kind::Comprehensive.label(lang),
        }
    }

    fn problems(&self, government: &Applicant) -> Vec<Problem> {
        let mut wrong: Vec<(&str, &str)> = Vec::new();
        let hex = self.fingerprint.strip_prefix(canonical::SHA256_PREFIX);
        if !hex.is_some_and(canonical::is_sha256_hex) {
            wrong.push((
                "指纹不是 sha256: 加 64 位十六进制数",
                "its fingerprint is not sha256: and 64 hex digits",
            ));
        }
        if self.division_code != government.division_code {
            wrong.push((
                "是另一个政府的自评",
                "it is another government's self-assessment",
            ));
        }
        if !matches!(self.kind.as_str(), "comprehensive" | "single_item") {
            wrong.push((
                "申报类型不是 comprehensive 或 single_item",
                "its kind is not comprehensive or single_item",
            ));
        }
        if self.met > self.applicable {
            wrong.push(("达标数大于适用数", "more indicators met than applicable"));
        }
        if !is_rfc3339(&self.updated) {
            wrong.push(("时间不是 RFC 3339 格式", "its time is not RFC 3339"));
        }
        if wrong.is_empty() {
            return Vec::new();
        }
        let zh: Vec<&str> = wrong.iter().map(|w| w.0).collect();
        let en: Vec<&str> = wrong.iter().map(|w| w.1).collect();
        vec![Problem::new(
            Code::InvalidSelfAssessment,
            format!("所附自评情况有误：{}。", zh.join("；")),
            format!("the attached self-assessment is wrong: {}", en.join("; ")),
        )]
    }
}

/// An annual report file, format version 1.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AnnualReport {
    /// Always `shifan.annual-report`.
    pub format: String,
    /// Format version (1).
    pub format_version: u32,
    /// The template's id.
    pub template: String,
    /// The reporting government, with the names derived from its division code.
    pub government: Applicant,
    /// The year reported on.
    pub year: u16,
    /// Whether the government is a named national demonstration place (which also reports
    /// through the province by the end of January).
    pub national: bool,
    /// One part per template part, in the template's order.
    pub parts: Vec<ReportPart>,
    /// The year's self-assessment, if attached.
    pub self_assessment: Option<SelfAssessment>,
    /// The program that wrote the file.
    pub generator: Generator,
    /// When the report was started (RFC 3339).
    pub created: String,
    /// When the file was written (RFC 3339).
    pub updated: String,
    /// `sha256:` + SHA-256 over the canonical form of every other field.
    pub integrity: String,
}

/// What a report is made of before it is sealed: everything but the format fields, the
/// generator, the times and the integrity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportContent {
    /// The reporting government.
    pub government: Applicant,
    /// The year reported on.
    pub year: u16,
    /// A national demonstration place.
    pub national: bool,
    /// The parts, in template order.
    pub parts: Vec<ReportPart>,
    /// The attached self-assessment.
    pub self_assessment: Option<SelfAssessment>,
}

impl ReportContent {
    /// A report on `year` with every part of the built-in template empty.
    pub fn blank(government: Applicant, year: u16, national: bool) -> ReportContent {
        ReportContent {
            government,
            year,
            national,
            parts: Template::builtin()
                .parts
                .iter()
                .map(|p| ReportPart {
                    key: p.key.clone(),
                    text: String::new(),
                })
                .collect(),
            self_assessment: None,
        }
    }

    /// The text of part `key` (empty when there is no such part).
    pub fn text(&self, key: &str) -> &str {
        self.parts
            .iter()
            .find(|p| p.key == key)
            .map_or("", |p| p.text.as_str())
    }

    /// Sets the text of part `key`; `false` (and nothing changed) when there is no such part.
    pub fn set_text(&mut self, key: &str, text: String) -> bool {
        match self.parts.iter_mut().find(|p| p.key == key) {
            Some(part) => {
                part.text = text;
                true
            }
            None => false,
        }
    }
}

impl AnnualReport {
    /// Builds and seals a report with the built-in template. Times are given by the caller;
    /// this crate reads no clock.
    pub fn build(
        content: ReportContent,
        generator: Generator,
        created: String,
        updated: String,
    ) -> AnnualReport {
        let mut report = AnnualReport {
            format: ANNUAL_FORMAT_ID.to_string(),
            format_version: ANNUAL_FORMAT_VERSION,
            template: Template::builtin().id.clone(),
            government: content.government,
            year: content.year,
            national: content.national,
            parts: content.parts,
            self_assessment: content.self_assessment,
            generator,
            created,
            updated,
            integrity: String::new(),
        };
        report.integrity = integrity_of(&report.to_value());
        report
    }

    /// The content, to edit and seal again.
    pub fn content(&self) -> ReportContent {
        ReportContent {
            government: self.government.clone(),
            year: self.year,
            national: self.national,
            parts: self.parts.clone(),
            self_assessment: self.self_assessment.clone(),
        }
    }

    /// The file as a JSON value.
    pub fn to_value(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }

    /// The file as written to disk: canonical, indented JSON; writing what was read gives the
    /// same bytes.
    pub fn to_json(&self) -> String {
        canonical::to_pretty(&self.to_value())
    }

    /// The first 12 hex digits of the integrity fingerprint, for printouts.
    pub fn short_fingerprint(&self) -> &str {
        let hex = self
            .integrity
            .strip_prefix(canonical::SHA256_PREFIX)
            .unwrap_or(&self.integrity);
        hex.get(..12).unwrap_or(hex)
    }

    /// The report's title: `太原市小店区2025年法治政府建设年度报告`.
    pub fn title(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!(
                "{}{}年法治政府建设年度报告",
                self.government.display_name(),
                self.year
            ),
            Lang::En => format!(
                "{} — annual report on building a law-based government, {}",
                self.government.display_name(),
                self.year
            ),
        }
    }

    /// The file name stem: `太原市-小店区-2025年度法治政府建设年度报告`.
    pub fn file_stem(&self) -> String {
        let mut parts = vec![self.government.city.as_str()];
        if !self.government.county.is_empty() {
            parts.push(&self.government.county);
        }
        let what = format!("{}年度法治政府建设年度报告", self.year);
        parts.push(&what);
        crate::application::sanitize_file_name(&parts.join("-"))
    }

    /// The sealed file's name (`….json`).
    pub fn file_name(&self) -> String {
        format!("{}.json", self.file_stem())
    }

    /// The length of each part as a reader counts it ([`narrative_length`]), in part order.
    pub fn lengths(&self) -> Vec<(&str, usize)> {
        self.parts
            .iter()
            .map(|p| (p.key.as_str(), narrative_length(&p.text)))
            .collect()
    }

    /// The deadlines of this report.
    pub fn deadlines(&self) -> Vec<Deadline> {
        deadlines(self.year, self.national)
    }

    /// The parts with their template headings, in order, for the published versions.
    fn headed_parts(&self, lang: Lang) -> Vec<(String, &str)> {
        let template = Template::by_id(&self.template).unwrap_or(Template::builtin());
        self.parts
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let title = template
                    .part(&p.key)
                    .map_or(p.key.as_str(), |t| t.title.get(lang));
                (format!("{}{title}", part_ordinal(i, lang)), p.text.as_str())
            })
            .collect()
    }

    /// The signature line: the government and the date the file was written.
    fn signature(&self, lang: Lang) -> (String, String) {
        let name = match lang {
            Lang::Zh => format!("{}人民政府", self.government.display_name()),
            Lang::En => format!("People's Government of {}", self.government.display_name()),
        };
        let date = Date::parse(&self.updated).map_or_else(String::new, |d| d.label(lang));
        (name, date)
    }

    /// The plain-text version fit to publish: title, each part under its heading (an empty
    /// optional part says so rather than vanishing), the government and date at the end.
    /// Lines end with `\n`; the text is the user's, unchanged.
    pub fn publish_text(&self, lang: Lang) -> String {
        let mut out = format!("{}\n\n", self.title(lang));
        let none = match lang {
            Lang::Zh => "无。",
            Lang::En => "None.",
        };
        for (heading, text) in self.headed_parts(lang) {
            let text = text.trim_end();
            let body = if narrative_length(text) == 0 {
                none
            } else {
                text
            };
            out.push_str(&format!("{heading}\n\n{}\n\n", body.replace("\r\n", "\n")));
        }
        let (name, date) = self.signature(lang);
        out.push_str(&format!("{name}\n{date}\n"));
        out
    }

    /// The HTML version fit to publish: a whole page (UTF-8, its own small style, no script),
    /// every text of the user's escaped, each paragraph (a line of the text) its own `<p>`.
    pub fn publish_html(&self, lang: Lang) -> String {
        let html_lang = match lang {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        };
        let title = escape_html(&self.title(lang));
        let mut out = format!(
            "<!DOCTYPE html>\n<html lang=\"{html_lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>{title}</title>\n<style>body{{max-width:40em;margin:2em auto;padding:0 1em;\
             font-family:serif;line-height:1.8}}h1{{text-align:center;font-size:1.5em}}\
             h2{{font-size:1.15em}}p{{text-indent:2em;margin:.4em 0}}\
             .signature{{text-align:right;text-indent:0;margin-top:2em}}</style>\n</head>\n<body>\n\
             <h1>{title}</h1>\n"
        );
        let none = match lang {
            Lang::Zh => "无。",
            Lang::En => "None.",
        };
        for (heading, text) in self.headed_parts(lang) {
            out.push_str(&format!("<h2>{}</h2>\n", escape_html(&heading)));
            let lines: Vec<&str> = text
                .lines()
                .map(str::trim_end)
                .filter(|l| narrative_length(l) > 0)
                .collect();
            if lines.is_empty() {
                out.push_str(&format!("<p>{none}</p>\n"));
            }
            for line in lines {
                out.push_str(&format!("<p>{}</p>\n", escape_html(line.trim_start())));
            }
        }
        let (name, date) = self.signature(lang);
        out.push_str(&format!(
            "<p class=\"signature\">{}<br>{}</p>\n</body>\n</html>\n",
            escape_html(&name),
            escape_html(&date)
        ));
        out
    }
}

/// Escapes text for HTML content and attribute values: `& < > " '`.
///
/// ```
/// assert_eq!(shifan_rules::annual::escape_html("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
/// ```
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

/// A read and verified annual report.
#[derive(Clone, Debug)]
pub struct VerifiedReport {
    /// The file as read.
    pub report: AnnualReport,
    /// Problems that do not make the file unusable (an empty required part, a contact that
    /// does not look like one).
    pub warnings: Vec<Problem>,
}

/// Whether parsed JSON claims to be an annual report.
pub fn is_annual_report(value: &Value) -> bool {
    value.get("format").and_then(Value::as_str) == Some(ANNUAL_FORMAT_ID)
}

/// Reads and verifies an annual report file.
///
/// ```
/// use shifan_rules::{Code, annual::read_report};
/// let problems = read_report(b"{\"format\": \"shifan.application\", \"format_version\": 1}").unwrap_err();
/// assert_eq!(problems[0].code, Code::OtherDocument);
/// ```
pub fn read_report(bytes: &[u8]) -> Result<VerifiedReport, Vec<Problem>> {
    verify_report_value(parse_json(bytes, MAX_FILE_BYTES)?)
}

/// Verifies parsed JSON that should be an annual report, starting with its format fields.
pub fn verify_report_value(value: Value) -> Result<VerifiedReport, Vec<Problem>> {
    check_format(&value, ANNUAL_FORMAT_ID, ANNUAL_FORMAT_VERSION).map_err(|p| vec![p])?;
    let declared = integrity_of(&value);
    let report: AnnualReport = crate::json::from_value(&value).map_err(|e| {
        vec![Problem::new(
            Code::NotApplication,
            format!("年度报告文件的内容不完整或格式不对：{}。", e.zh()),
            format!(
                "the annual report file is incomplete or malformed: {}",
                e.en()
            ),
        )]
    })?;
    let mut problems = Vec::new();
    match Template::by_id(&report.template) {
        None => problems.push(Problem::new(
            Code::UnknownTemplate,
            format!(
                "年度报告模板「{}」不是本程序所知的模板，请用最新版本打开。",
                report.template
            ),
            format!(
                "the annual report template “{}” is not one this program knows; open it with the latest version",
                report.template
            ),
        )),
        Some(template) => problems.extend(part_problems(template, &report.parts)),
    }
    problems.extend(applicant_problems(&report.government));
    problems.extend(report.government.contact.problems());
    let updated_year = Date::parse(&report.updated).map(|d| d.year);
    if report.year < FIRST_YEAR || updated_year.is_some_and(|y| i32::from(report.year) > y) {
        problems.push(Problem::new(
            Code::InvalidYear,
            format!(
                "报告年度 {} 无效：应在 {FIRST_YEAR} 年至文件写出的年份之间。",
                report.year
            ),
            format!(
                "the report's year {} is not valid: it must be from {FIRST_YEAR} to the year the file was written",
                report.year
            ),
        ));
    }
    if let Some(attached) = &report.self_assessment {
        problems.extend(attached.problems(&report.government));
    }
    problems.extend(crate::input::time_problems(&[
        ("created", &report.created),
        ("updated", &report.updated),
    ]));
    if declared != report.integrity {
        problems.push(Problem::new(
            Code::IntegrityMismatch,
            "年度报告内容与完整性指纹不符：导出后被修改过。请向报告单位索取原始导出文件。",
            "the annual report does not match its integrity fingerprint: it was edited after export; ask the reporting government for the original file",
        ));
    }
    if has_errors(&problems) {
        let (mut errors, warnings): (Vec<Problem>, Vec<Problem>) = problems
            .into_iter()
            .partition(|p| p.code.severity() == Severity::Error);
        errors.extend(warnings);
        return Err(errors);
    }
    Ok(VerifiedReport {
        report,
        warnings: problems,
    })
}

/// Checks the parts against the template: exactly its parts, once each, in its order (an
/// error otherwise), and a warning naming every required part that has nothing a reader sees.
pub fn part_problems(template: &Template, parts: &[ReportPart]) -> Vec<Problem> {
    let expected: Vec<&str> = template.parts.iter().map(|p| p.key.as_str()).collect();
    let found: Vec<&str> = parts.iter().map(|p| p.key.as_str()).collect();
    if expected != found {
        return vec![Problem::new(
            Code::InvalidPart,
            format!(
                "年度报告的组成部分与模板不符：应依次为 {}，文件中是 {}。",
                expected.join("、"),
                if found.is_empty() {
                    "（无）".to_string()
                } else {
                    found.join("、")
                }
            ),
            format!(
                "the report's parts do not match its template: expected {} in this order, the file has {}",
                expected.join(", "),
                if found.is_empty() {
                    "none".to_string()
                } else {
                    found.join(", ")
                }
            ),
        )];
    }
    let empty: Vec<&TemplatePart> = template
        .parts
        .iter()
        .zip(parts)
        .filter(|(t, p)| t.required && narrative_length(&p.text) == 0)
        .map(|(t, _)| t)
        .collect();
    if empty.is_empty() {
        return Vec::new();
    }
    let zh: Vec<&str> = empty.iter().map(|t| t.title.zh.as_str()).collect();
    let en: Vec<&str> = empty.iter().map(|t| t.title.en.as_str()).collect();
    vec![Problem::new(
        Code::IncompleteReport,
        format!("年度报告尚缺必写部分：{}。", zh.join("；")),
        format!(
            "the annual report still lacks required parts: {}",
            en.join("; ")
        ),
    )]
}

/// The JSON Schema of the annual report file, as committed in
/// `schema/annual-report-v1.schema.json`.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(AnnualReport);
    canonical::to_pretty(&serde_json::to_value(schema).unwrap_or(Value::Null))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::{Contact, testing::test_generator};

    fn report(texts: [&str; 5], national: bool) -> AnnualReport {
        let government = Applicant::from_code("140105", Contact::default()).unwrap();
        let mut content = ReportContent::blank(government, 2025, national);
        for (part, text) in content.parts.iter_mut().zip(texts) {
            part.text = text.into();
        }
        AnnualReport::build(
            content,
            test_generator(),
            "2026-02-01T09:00:00+08:00".into(),
            "2026-03-20T10:00:00+08:00".into(),
        )
    }

    #[test]
    fn the_template_has_the_five_parts_of_article_24_in_both_languages() {
        let t = Template::builtin();
        let keys: Vec<&str> = t.parts.iter().map(|p| p.key.as_str()).collect();
        assert_eq!(
            keys,
            ["measures", "shortcomings", "leadership", "plans", "other"]
        );
        for p in &t.parts {
            for m in [&p.title, &p.guidance] {
                assert!(
                    !m.zh.trim().is_empty() && !m.en.trim().is_empty(),
                    "{}",
                    p.key
                );
            }
        }
        assert_eq!(t.parts.iter().filter(|p| !p.required).count(), 1);
        assert!(t.basis.zh.contains("第二十四条"));
        // The committed data is canonical, so the file reviewers read is what the code sees.
        let raw = include_str!("../data/annual-report-template.json");
        let value: Value = serde_json::from_str(raw).unwrap();
        assert_eq!(canonical::to_pretty(&value), raw);
    }

    #[test]
    fn deadlines_and_days_left() {
        fn check(
            today: &str,
            year: u16,
            national: bool,
            expected: &[(DeadlineKind, &str, Standing)],
        ) {
            let today = Date::parse(today).unwrap();
            let got: Vec<(DeadlineKind, String, Standing)> = deadlines(year, national)
                .into_iter()
                .map(|d| (d.kind, d.last_day.iso(), Standing::of(today, d.last_day)))
                .collect();
            let expected: Vec<(DeadlineKind, String, Standing)> = expected
                .iter()
                .map(|(k, d, s)| (*k, d.to_string(), *s))
                .collect();
            assert_eq!(got, expected, "{today:?}");
        }
        use DeadlineKind::*;
        use Standing::*;
        check(
            "2026-03-01",
            2025,
            false,
            &[(Publication, "2026-03-31", DaysLeft(30))],
        );
        check(
            "2026-03-31",
            2025,
            false,
            &[(Publication, "2026-03-31", DaysLeft(0))],
        );
        check(
            "2026-04-01",
            2025,
            false,
            &[(Publication, "2026-03-31", Late(1))],
        );
        check(
            "2027-03-31",
            2025,
            false,
            &[(Publication, "2026-03-31", Late(365))],
        );
        check(
            "2026-01-01",
            2025,
            true,
            &[
                (ThroughProvince, "2026-01-31", DaysLeft(30)),
                (Publication, "2026-03-31", DaysLeft(89)),
            ],
        );
        // 2028 is a leap year: February has 29 days.
        check(
            "2028-02-01",
            2027,
            true,
            &[
                (ThroughProvince, "2028-01-31", Late(1)),
                (Publication, "2028-03-31", DaysLeft(59)),
            ],
        );
        check(
            "2025-12-31",
            2025,
            false,
            &[(Publication, "2026-03-31", DaysLeft(90))],
        );
        assert_eq!(Date::parse("1970-01-01").unwrap().days(), 0);
        assert_eq!(Date::parse("2000-03-01").unwrap().days(), 11_017);
        assert_eq!(Date::parse("1969-12-31").unwrap().days(), -1);
        assert_eq!(report_year_for(Date::parse("2026-02-10").unwrap()), 2025);
        for (s, zh, en) in [
            (DaysLeft(0), "今天是最后一天", "today is the last day"),
            (DaysLeft(1), "还剩 1 天", "1 day left"),
            (DaysLeft(12), "还剩 12 天", "12 days left"),
            (Late(1), "已逾期 1 天", "1 day late"),
            (Late(3), "已逾期 3 天", "3 days late"),
        ] {
            assert_eq!(
                (s.label(Lang::Zh).as_str(), s.label(Lang::En).as_str()),
                (zh, en)
            );
        }
        assert_eq!(
            Date::parse("2026-03-31").unwrap().label(Lang::En),
            "31 March 2026"
        );
    }

    #[test]
    fn sealed_canonical_and_read_back() {
        let r = report(["举措", "不足", "履职", "安排", ""], true);
        let read = read_report(r.to_json().as_bytes()).expect("verifies");
        assert!(read.warnings.is_empty(), "{:?}", read.warnings);
        assert_eq!(read.report, r);
        assert_eq!(read.report.to_json(), r.to_json());
        assert_eq!(
            r.file_name(),
            "太原市-小店区-2025年度法治政府建设年度报告.json"
        );
        assert_eq!(r.title(Lang::Zh), "太原市小店区2025年法治政府建设年度报告");
        // Editing and sealing again changes the fingerprint; the old seal no longer fits.
        let mut content = r.content();
        assert!(content.set_text("other", "补充".into()));
        assert!(!content.set_text("nope", "x".into()));
        let again = AnnualReport::build(
            content,
            test_generator(),
            r.created.clone(),
            r.updated.clone(),
        );
        assert_ne!(again.integrity, r.integrity);
    }

    #[test]
    fn an_empty_required_part_is_a_warning_naming_it() {
        let r = report(["举措", " \u{3000}\u{200B}\n", "履职", "", ""], false);
        let read = read_report(r.to_json().as_bytes()).expect("readable");
        let codes: Vec<Code> = read.warnings.iter().map(|p| p.code).collect();
        assert_eq!(codes, [Code::IncompleteReport]);
        let zh = &read.warnings[0].message.zh;
        assert!(
            zh.contains("存在的不足和原因") && zh.contains("主要安排"),
            "{zh}"
        );
        assert!(
            !zh.contains("其他"),
            "the optional part is not asked for: {zh}"
        );
        crate::input::tests::assert_worded_for_people(&read.warnings[0].message);
    }

    #[test]
    fn the_published_versions_escape_and_keep_every_word() {
        let r = report(
            [
                "第一段<script>alert(1)</script>\n\n第二段 & \"引号\" 'x'",
                "不足",
                "履职",
                "安排",
                "",
            ],
            false,
        );
        let html = r.publish_html(Lang::Zh);
        assert!(!html.contains("<script>"), "{html}");
        assert!(
            html.contains("<p>第一段&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
            "{html}"
        );
        assert!(
            html.contains("<p>第二段 &amp; &quot;引号&quot; &#39;x&#39;</p>"),
            "{html}"
        );
        assert!(html.contains("<h2>一、上一年度推进法治政府建设的主要举措和成效</h2>"));
        assert!(html.contains("<h2>五、其他需要报告的情况</h2>\n<p>无。</p>"));
        assert!(html.contains("太原市小店区人民政府<br>2026年3月20日"));
        let text = r.publish_text(Lang::Zh);
        assert!(text.starts_with("太原市小店区2025年法治政府建设年度报告\n\n一、上一年度"));
        assert!(text.contains("第一段<script>alert(1)</script>\n\n第二段 & \"引号\" 'x'"));
        assert!(text.ends_with("太原市小店区人民政府\n2026年3月20日\n"));
        let en = r.publish_text(Lang::En);
        assert!(
            en.contains("1. Main measures and results of the past year"),
            "{en}"
        );
    }

    #[test]
    fn an_attached_self_assessment_must_be_this_governments_and_sound() {
        let verified = crate::testing::verified_sample("140105", 90, 3);
        let attached = SelfAssessment::of(&verified);
        assert_eq!(
            (attached.met, attached.kind.as_str()),
            (90, "comprehensive")
        );
        let government = verified.file.applicant.clone();
        assert!(attached.problems(&government).is_empty());
        let other = Applicant::from_code("140106", Contact::default()).unwrap();
        let problems = attached.problems(&other);
        assert_eq!(problems[0].code, Code::InvalidSelfAssessment);
        assert!(problems[0].message.zh.contains("另一个政府"));
        let mut bad = attached.clone();
        bad.met = bad.applicable + 1;
        bad.fingerprint = "abc".into();
        let zh = &bad.problems(&government)[0].message.zh;
        assert!(
            zh.contains("指纹") && zh.contains("达标数大于适用数"),
            "{zh}"
        );
    }

    #[test]
    fn committed_schema_is_current() {
        crate::testing::check_committed("schema/annual-report-v1.schema.json", &json_schema());
    }

    #[test]
    fn lengths_count_as_the_narrative_does() {
        let r = report(["创新 做法\n", "\u{200B}", "a\u{200D}b", "", ""], false);
        assert_eq!(
            r.lengths(),
            [
                ("measures", 4),
                ("shortcomings", 0),
                ("leadership", 2),
                ("plans", 0),
                ("other", 0)
            ]
        );
    }
}
