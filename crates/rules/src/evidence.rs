//! The province's evidence on one candidate: the third-party evaluation, the satisfaction
//! survey (with its exact rate and Wilson 95% interval), the on-site verification and the
//! public notice with its objections; and the evaluator's (or the office's) scores table read
//! from CSV with line-numbered problems.

use crate::assessment::is_date;
use crate::fraction::Fraction;
use crate::problem::{Code, Lang, Problem};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

fn figures(zh: impl Into<String>, en: impl Into<String>) -> Problem {
    Problem::new(Code::InvalidFigures, zh, en)
}

fn date_problem(what_zh: &str, what_en: &str, date: &str) -> Option<Problem> {
    (!is_date(date)).then(|| {
        figures(
            format!("{what_zh}「{date}」应为 YYYY-MM-DD"),
            format!("{what_en} “{date}” should be YYYY-MM-DD"),
        )
    })
}

/// A whole-number figure the office types into a form (the evaluation's scale, a survey's
/// counts), read by [`Figure::read`] so every page reads it the same way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Figure {
    /// The maximum of the evaluator's scale.
    Scale,
    /// A survey's respondents.
    Respondents,
    /// A survey's satisfied answers.
    Satisfied,
    /// How many chose one answer option.
    OptionCount,
}

impl Figure {
    /// The figure's name in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Figure::Scale, Lang::Zh) => "满分",
            (Figure::Scale, Lang::En) => "scale (maximum)",
            (Figure::Respondents, Lang::Zh) => "答卷人数",
            (Figure::Respondents, Lang::En) => "respondents",
            (Figure::Satisfied, Lang::Zh) => "满意人数",
            (Figure::Satisfied, Lang::En) => "satisfied answers",
            (Figure::OptionCount, Lang::Zh) => "选项人数",
            (Figure::OptionCount, Lang::En) => "answers for the option",
        }
    }

    /// Reads the figure as typed: ASCII or full-width digits (as a Chinese input method types
    /// them), with `,` or `，` between groups of three (`1,000`); spaces around are ignored.
    ///
    /// ```
    /// use shifan_rules::evidence::Figure;
    /// assert_eq!(Figure::Respondents.read(" 1,050 "), Ok(1050));
    /// assert_eq!(Figure::Respondents.read("５０"), Ok(50));
    /// assert!(Figure::Satisfied.read("46.5").is_err());
    /// assert!(Figure::Scale.read("").is_err());
    /// ```
    pub fn read(self, text: &str) -> Result<u64, Problem> {
        let t = text.trim();
        let (zh, en) = (self.label(Lang::Zh), self.label(Lang::En));
        if t.is_empty() {
            return Err(figures(format!("请填写{zh}"), format!("enter the {en}")));
        }
        let digits: Option<String> = t
            .chars()
            .map(|c| match c {
                '0'..='9' | ',' => Some(c),
                '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
                '，' => Some(','),
                _ => None,
            })
            .collect();
        let grouped = |d: &str| {
            let mut groups = d.split(',');
            let first = groups.next().unwrap_or("");
            (1..=3).contains(&first.len()) && groups.all(|g| g.len() == 3)
        };
        digits
            .filter(|d| !d.contains(',') || grouped(d))
            .and_then(|d| d.replace(',', "").parse::<u64>().ok())
            .ok_or_else(|| {
                figures(
                    format!("{zh}「{t}」应为整数"),
                    format!("{en} “{t}” should be a whole number"),
                )
            })
    }
}

/// The names in a list as typed (one per line, or separated by `、` `，` `,` `；` `;`), trimmed,
/// empty ones left out: an on-site team's members.
///
/// ```
/// use shifan_rules::evidence::split_names;
/// assert_eq!(split_names("张三、李四\n 王五 ,"), ["张三", "李四", "王五"]);
/// ```
pub fn split_names(text: &str) -> Vec<String> {
    text.split(['\n', '、', '，', ',', '；', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// A third-party evaluation (第三方评估) of one candidate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Evaluation {
    /// The evaluating organisation.
    pub evaluator: String,
    /// Date of the evaluation, `YYYY-MM-DD`.
    pub date: String,
    /// The score as the evaluator wrote it, a decimal text such as `87.5`.
    pub score: String,
    /// The maximum of the evaluator's scale, e.g. 100.
    pub scale: u64,
    /// Reference of the evaluation report.
    pub report: String,
}

impl Evaluation {
    /// The score mapped onto [0, 1]: score / scale, exactly; `None` when invalid.
    pub fn value(&self) -> Option<Fraction> {
        let score = Fraction::parse_decimal(&self.score)?;
        let v = score.checked_mul(Fraction::new(1, self.scale)?)?;
        v.is_unit().then_some(v)
    }

    /// What is wrong with the figures; empty when valid.
    pub fn problems(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        if self.evaluator.trim().is_empty() {
            out.push(figures(
                "第三方评估缺少评估机构",
                "the evaluation names no evaluator",
            ));
        }
        out.extend(date_problem("评估日期", "evaluation date", &self.date));
        if self.scale == 0 {
            out.push(figures(
                "评估满分不能为 0",
                "the evaluation's scale must not be 0",
            ));
        } else if self.value().is_none() {
            out.push(figures(
                format!(
                    "评估得分「{}」不是 0 至 {} 之间的数",
                    self.score, self.scale
                ),
                format!(
                    "score “{}” is not a number from 0 to {}",
                    self.score, self.scale
                ),
            ));
        }
        out
    }
}

/// One answer option of a satisfaction survey.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SurveyOption {
    /// The option's text, e.g. 满意.
    pub label: String,
    /// How many chose it.
    pub count: u64,
    /// Whether it counts as satisfied.
    pub satisfied: bool,
}

impl SurveyOption {
    /// The usual three answer options (满意, 基本满意 and 不满意), the first two counted as
    /// satisfied, with no answers yet: where a distribution starts before the office edits it.
    pub fn usual(lang: Lang) -> Vec<SurveyOption> {
        let labels: [(&str, &str, bool); 3] = [
            ("满意", "satisfied", true),
            ("基本满意", "fairly satisfied", true),
            ("不满意", "dissatisfied", false),
        ];
        labels
            .into_iter()
            .map(|(zh, en, satisfied)| SurveyOption {
                label: match lang {
                    Lang::Zh => zh,
                    Lang::En => en,
                }
                .to_string(),
                count: 0,
                satisfied,
            })
            .collect()
    }
}

/// The answers of a satisfaction survey (人民群众满意度测评).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Answers {
    /// Respondents and satisfied answers.
    Counts {
        /// Everyone who answered.
        respondents: u64,
        /// Those satisfied.
        satisfied: u64,
    },
    /// A distribution over answer options; the satisfied options count as satisfied.
    Distribution {
        /// The options with their counts.
        options: Vec<SurveyOption>,
    },
}

/// A satisfaction survey of one candidate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Survey {
    /// Who ran it (a third party, the statistics bureau, a phone line).
    pub by: String,
    /// Date the survey closed, `YYYY-MM-DD`.
    pub date: String,
    /// The answers.
    pub answers: Answers,
}

/// The 95% Wilson score interval of a proportion, as floating-point bounds for display (the
/// ranking uses the exact rate, never these).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Interval {
    /// Lower bound in [0, 1].
    pub low: f64,
    /// Upper bound in [0, 1].
    pub high: f64,
}

/// The Wilson 95% interval of `successes` out of `n`; `None` for `n == 0` or more successes
/// than trials.
///
/// ```
/// use shifan_rules::evidence::wilson;
/// let i = wilson(45, 50).unwrap();
/// assert!((i.low - 0.7864).abs() < 1e-3 && (i.high - 0.9565).abs() < 1e-3);
/// ```
pub fn wilson(successes: u64, n: u64) -> Option<Interval> {
    if n == 0 || successes > n {
        return None;
    }
    const Z: f64 = 1.959_963_984_540_054;
    let (s, n) = (successes as f64, n as f64);
    let p = s / n;
    let z2 = Z * Z;
    let centre = (p + z2 / (2.0 * n)) / (1.0 + z2 / n);
    let half = Z * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt() / (1.0 + z2 / n);
    // At the edges the exact bound is 0 or 1; clamp what rounding leaves.
    let low = if successes == 0 {
        0.0
    } else {
        (centre - half).clamp(0.0, 1.0)
    };
    let high = if successes as f64 == n {
        1.0
    } else {
        (centre + half).clamp(0.0, 1.0)
    };
    Some(Interval { low, high })
}

impl Survey {
    /// Respondents and satisfied answers, whichever form the answers took.
    pub fn counts(&self) -> (u64, u64) {
        match &self.answers {
            Answers::Counts {
                respondents,
                satisfied,
            } => (*respondents, *satisfied),
            Answers::Distribution { options } => options.iter().fold((0u64, 0u64), |(n, s), o| {
                (
                    n.saturating_add(o.count),
                    if o.satisfied {
                        s.saturating_add(o.count)
                    } else {
                        s
                    },
                )
            }),
        }
    }

    /// The satisfaction rate, exactly; `None` without respondents or when invalid.
    pub fn rate(&self) -> Option<Fraction> {
        let (n, s) = self.counts();
        (s <= n).then(|| Fraction::new(s, n)).flatten()
    }

    /// The Wilson 95% interval of the rate.
    pub fn interval(&self) -> Option<Interval> {
        let (n, s) = self.counts();
        wilson(s, n)
    }

    /// The rate with its interval and sample size, for people, e.g.
    /// `90.0%（45/50，95% 区间 78.6%–95.7%）`. Percentages are rounded down, the interval's
    /// bounds outward.
    pub fn describe(&self, lang: Lang) -> String {
        let (n, s) = self.counts();
        let (Some(rate), Some(i)) = (self.rate(), self.interval()) else {
            return match lang {
                Lang::Zh => "无有效答卷".into(),
                Lang::En => "no valid answers".into(),
            };
        };
        let pct = |x: f64| format!("{:.1}%", x * 100.0);
        let low = pct(((i.low * 1000.0).floor() / 1000.0).max(0.0));
        let high = pct(((i.high * 1000.0).ceil() / 1000.0).min(1.0));
        let percent = rate.checked_mul(Fraction::ONE_HUNDRED).unwrap_or(rate);
        let shown = format!("{}%", percent.decimal(1));
        match lang {
            Lang::Zh => format!("{shown}（{s}/{n}，95% 区间 {low}–{high}）"),
            Lang::En => format!("{shown} ({s}/{n}, 95% interval {low}–{high})"),
        }
    }

    /// What is wrong with the figures; empty when valid.
    pub fn problems(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        out.extend(date_problem("测评日期", "survey date", &self.date));
        let (n, s) = self.counts();
        if n == 0 {
            out.push(figures(
                "满意度测评没有答卷",
                "the survey has no respondents",
            ));
        } else if s > n {
            out.push(figures(
                format!("满意人数 {s} 多于答卷人数 {n}"),
                format!("{s} satisfied answers are more than the {n} respondents"),
            ));
        }
        if let Answers::Distribution { options } = &self.answers
            && options.iter().any(|o| o.label.trim().is_empty())
        {
            out.push(figures("答卷选项缺少名称", "an answer option has no label"));
        }
        out
    }
}

/// The conclusion of an on-site verification.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Conclusion {
    /// Passed (通过).
    Passed,
    /// Passed after rectification (整改后通过).
    PassedAfterRectification,
    /// Not passed (不通过).
    NotPassed,
}

impl Conclusion {
    /// Every conclusion.
    pub const ALL: [Conclusion; 3] = [
        Conclusion::Passed,
        Conclusion::PassedAfterRectification,
        Conclusion::NotPassed,
    ];

    /// The label in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Conclusion::Passed, Lang::Zh) => "通过",
            (Conclusion::Passed, Lang::En) => "passed",
            (Conclusion::PassedAfterRectification, Lang::Zh) => "整改后通过",
            (Conclusion::PassedAfterRectification, Lang::En) => "passed after rectification",
            (Conclusion::NotPassed, Lang::Zh) => "不通过",
            (Conclusion::NotPassed, Lang::En) => "not passed",
        }
    }

    /// The snake-case key (as stored), for forms and tests.
    pub fn key(self) -> &'static str {
        match self {
            Conclusion::Passed => "passed",
            Conclusion::PassedAfterRectification => "passed_after_rectification",
            Conclusion::NotPassed => "not_passed",
        }
    }

    /// Reads a label in either language, or the snake-case key.
    pub fn parse(text: &str) -> Option<Conclusion> {
        let t = text.trim();
        Conclusion::ALL.into_iter().find(|c| {
            t == c.label(Lang::Zh)
                || t.eq_ignore_ascii_case(c.label(Lang::En))
                || serde_json::to_value(c)
                    .ok()
                    .and_then(|v| v.as_str().map(|s| s == t))
                    == Some(true)
        })
    }
}

/// What an on-site verification looked at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CheckKind {
    /// Discussion meetings (座谈会).
    Meeting,
    /// Files sampled (调阅案卷).
    FilesSampled,
    /// Spot checks (随机抽查、暗访).
    SpotCheck,
    /// Anything else (the note says what).
    Other,
}

impl CheckKind {
    /// Every kind of check, in the order a form lists them.
    pub const ALL: [CheckKind; 4] = [
        CheckKind::Meeting,
        CheckKind::FilesSampled,
        CheckKind::SpotCheck,
        CheckKind::Other,
    ];

    /// The label in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (CheckKind::Meeting, Lang::Zh) => "座谈会",
            (CheckKind::Meeting, Lang::En) => "discussion meetings",
            (CheckKind::FilesSampled, Lang::Zh) => "调阅案卷",
            (CheckKind::FilesSampled, Lang::En) => "files sampled",
            (CheckKind::SpotCheck, Lang::Zh) => "随机抽查、暗访",
            (CheckKind::SpotCheck, Lang::En) => "spot checks",
            (CheckKind::Other, Lang::Zh) => "其他",
            (CheckKind::Other, Lang::En) => "other",
        }
    }

    /// The snake-case key (as stored), for forms and tests.
    pub fn key(self) -> &'static str {
        match self {
            CheckKind::Meeting => "meeting",
            CheckKind::FilesSampled => "files_sampled",
            CheckKind::SpotCheck => "spot_check",
            CheckKind::Other => "other",
        }
    }
}

/// One thing checked on site.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Checked {
    /// What kind of check.
    pub kind: CheckKind,
    /// What exactly (e.g. 调阅行政执法案卷 30 卷).
    pub note: String,
}

/// An on-site verification (实地核查).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OnSite {
    /// Date, `YYYY-MM-DD`.
    pub date: String,
    /// Members of the team.
    pub team: Vec<String>,
    /// What was checked.
    pub checked: Vec<Checked>,
    /// Findings.
    pub findings: String,
    /// The conclusion.
    pub conclusion: Conclusion,
}

impl OnSite {
    /// What is wrong; empty when valid.
    pub fn problems(&self) -> Vec<Problem> {
        let mut out: Vec<Problem> = date_problem("核查日期", "on-site date", &self.date)
            .into_iter()
            .collect();
        if self.conclusion != Conclusion::Passed && self.findings.trim().is_empty() {
            out.push(figures(
                "核查结论不是“通过”时须写明发现的问题",
                "a conclusion other than “passed” needs its findings",
            ));
        }
        out
    }
}

/// How an objection was resolved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Resolution {
    /// Still being looked into (核查中).
    Pending,
    /// Not upheld (不成立).
    Dismissed,
    /// Upheld (成立): the candidate is not named.
    Upheld,
}

impl Resolution {
    /// Every resolution, in the order a form lists them.
    pub const ALL: [Resolution; 3] = [
        Resolution::Pending,
        Resolution::Dismissed,
        Resolution::Upheld,
    ];

    /// The snake-case key (as stored), for forms and tests.
    pub fn key(self) -> &'static str {
        match self {
            Resolution::Pending => "pending",
            Resolution::Dismissed => "dismissed",
            Resolution::Upheld => "upheld",
        }
    }

    /// The label in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Resolution::Pending, Lang::Zh) => "核查中",
            (Resolution::Pending, Lang::En) => "pending",
            (Resolution::Dismissed, Lang::Zh) => "不成立",
            (Resolution::Dismissed, Lang::En) => "dismissed",
            (Resolution::Upheld, Lang::Zh) => "成立",
            (Resolution::Upheld, Lang::En) => "upheld",
        }
    }
}

/// An objection received during the public notice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Objection {
    /// Date received, `YYYY-MM-DD`.
    pub received: String,
    /// What it says.
    pub summary: String,
    /// How it was resolved.
    pub resolution: Resolution,
    /// How it was looked into and why it was resolved so.
    pub note: String,
}

impl Objection {
    /// What is wrong; empty when valid.
    pub fn problems(&self) -> Vec<Problem> {
        let mut out: Vec<Problem> = date_problem("异议收到日期", "objection date", &self.received)
            .into_iter()
            .collect();
        if self.summary.trim().is_empty() {
            out.push(figures("异议缺少内容摘要", "an objection has no summary"));
        }
        if self.resolution != Resolution::Pending && self.note.trim().is_empty() {
            out.push(figures(
                "已处理的异议须说明处理情况",
                "a resolved objection needs a note on how",
            ));
        }
        out
    }
}

/// The public notice (公示) of the candidate list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Notice {
    /// First day, `YYYY-MM-DD`.
    pub start: String,
    /// Last day, `YYYY-MM-DD`.
    pub end: String,
    /// Where it was published (e.g. 山西日报、省司法厅网站).
    pub published_in: String,
    /// Where objections go (an address, a phone number, an e-mail address).
    pub objections_to: String,
}

impl Notice {
    /// What is wrong (dates, order, a period shorter than the profile's); empty when valid.
    pub fn problems(&self, notice_days: u32) -> Vec<Problem> {
        let mut out = Vec::new();
        out.extend(date_problem("公示开始日期", "notice start", &self.start));
        out.extend(date_problem("公示结束日期", "notice end", &self.end));
        if out.is_empty() {
            let days = day_number(&self.end) - day_number(&self.start) + 1;
            if days < i64::from(notice_days) {
                out.push(figures(
                    format!("公示期 {} 至 {} 共 {days} 天，少于规定的 {notice_days} 天", self.start, self.end),
                    format!("the notice from {} to {} lasts {days} days, fewer than the {notice_days} required", self.start, self.end),
                ));
            }
        }
        if self.published_in.trim().is_empty() || self.objections_to.trim().is_empty() {
            out.push(figures(
                "须写明公示媒体和异议受理渠道",
                "say where the notice is published and where objections go",
            ));
        }
        out
    }
}

/// Days since 1970-01-01 of a valid `YYYY-MM-DD` date (civil calendar).
pub fn day_number(date: &str) -> i64 {
    let part =
        |r: std::ops::Range<usize>| date.get(r).and_then(|s| s.parse::<i64>().ok()).unwrap_or(0);
    let (y, m, d) = (part(0..4), part(5..7), part(8..10));
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Everything the province recorded on one candidate.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// The third-party evaluation.
    pub evaluation: Option<Evaluation>,
    /// The satisfaction survey.
    pub survey: Option<Survey>,
    /// The on-site verification.
    pub on_site: Option<OnSite>,
    /// Objections received during the notice.
    pub objections: Vec<Objection>,
}

impl Evidence {
    /// What is wrong with any of it; empty when valid.
    pub fn problems(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        out.extend(self.evaluation.iter().flat_map(Evaluation::problems));
        out.extend(self.survey.iter().flat_map(Survey::problems));
        out.extend(self.on_site.iter().flat_map(OnSite::problems));
        out.extend(self.objections.iter().flat_map(Objection::problems));
        out
    }
}

/// Which candidate a row of a scores table means.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowKey {
    /// An application fingerprint, whole or its first 12 or more hex digits.
    Fingerprint(String),
    /// A division code with the kind, and the category for a single-item project.
    Applicant {
        /// Six-digit division code.
        division_code: String,
        /// Comprehensive or single-item.
        kind: crate::programme::KindKey,
        /// Single-item category id (or title), when given.
        category: Option<String>,
    },
}

/// One row of a scores table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScoreRow {
    /// 1-based line in the table (the header is line 1).
    pub line: u64,
    /// Which candidate.
    pub key: RowKey,
    /// The evaluation, when the row has a score.
    pub evaluation: Option<Evaluation>,
    /// The survey, when the row has respondents.
    pub survey: Option<Survey>,
    /// The on-site conclusion (and date), when the row has one.
    pub on_site: Option<(Conclusion, String)>,
}

/// The columns a scores table may have, each with its Chinese and English header.
const COLUMNS: &[(&str, &[&str])] = &[
    (
        "application",
        &[
            "application",
            "fingerprint",
            "申报文件指纹",
            "文件指纹",
            "指纹",
        ],
    ),
    (
        "division_code",
        &["division_code", "division code", "区划代码"],
    ),
    ("kind", &["kind", "申报类型", "类型"]),
    ("category", &["category", "单项类别", "类别"]),
    ("evaluator", &["evaluator", "评估机构"]),
    ("date", &["date", "evaluation date", "评估日期"]),
    ("score", &["score", "得分", "评估得分"]),
    ("scale", &["scale", "max", "满分"]),
    ("report", &["report", "报告编号", "评估报告"]),
    ("survey_by", &["survey by", "survey_by", "测评机构"]),
    ("survey_date", &["survey date", "survey_date", "测评日期"]),
    ("respondents", &["respondents", "答卷人数", "受访人数"]),
    ("satisfied", &["satisfied", "满意人数"]),
    (
        "on_site",
        &["on-site", "on_site", "实地核查结论", "核查结论"],
    ),
    (
        "on_site_date",
        &["on-site date", "on_site_date", "核查日期"],
    ),
];

/// The largest scores table accepted.
pub const MAX_TABLE_BYTES: usize = 5 * 1024 * 1024;

fn row_problem(line: u64, zh: String, en: String) -> Problem {
    Problem::new(Code::InvalidScores, zh, en).at_line(line, None)
}

/// Reads a scores table (CSV UTF-8, as Excel saves it; Chinese or English headers): per row a
/// candidate (`application` fingerprint, or `division_code` + `kind` [+ `category`]) and any of
/// the evaluation (`evaluator`, `date`, `score`, `scale`, `report`), the survey (`survey_by`,
/// `survey_date`, `respondents`, `satisfied`) and the on-site conclusion (`on_site`,
/// `on_site_date`). An evaluator's table has the evaluation columns only. Every problem names
/// its line; nothing is returned unless every row is good.
pub fn read_scores_csv(bytes: &[u8], default_scale: u64) -> Result<Vec<ScoreRow>, Vec<Problem>> {
    read_table(bytes, default_scale, true)
}

/// Reads a naming table: the same candidate columns as a scores table (`application`, or
/// `division_code` + `kind` [+ `category`]), one row per candidate named; figures, when
/// present, are read and checked but not needed.
pub fn read_naming_csv(bytes: &[u8]) -> Result<Vec<ScoreRow>, Vec<Problem>> {
    read_table(bytes, 100, false)
}

fn read_table(
    bytes: &[u8],
    default_scale: u64,
    figures_needed: bool,
) -> Result<Vec<ScoreRow>, Vec<Problem>> {
    if bytes.len() > MAX_TABLE_BYTES {
        return Err(vec![crate::input::too_large(MAX_TABLE_BYTES)]);
    }
    let text = crate::input::decode_text(bytes)?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| {
        vec![row_problem(
            1,
            format!("无法读取表头：{e}"),
            format!("cannot read the header row: {e}"),
        )]
    })?;
    let mut index: Vec<(&str, usize)> = Vec::new();
    let mut problems = Vec::new();
    for (i, h) in headers.iter().enumerate() {
        let h = h.trim().trim_start_matches('\u{feff}').to_lowercase();
        match COLUMNS
            .iter()
            .find(|(_, names)| names.iter().any(|n| n.to_lowercase() == h))
        {
            Some((key, _)) if index.iter().any(|(k, _)| k == key) => problems.push(row_problem(
                1,
                format!("表头「{h}」重复"),
                format!("header “{h}” appears twice"),
            )),
            Some((key, _)) => index.push((key, i)),
            None if h.is_empty() => {}
            None => problems.push(row_problem(
                1,
                format!("不认识的表头「{h}」"),
                format!("unknown header “{h}”"),
            )),
        }
    }
    let has = |k: &str| index.iter().any(|(key, _)| *key == k);
    if !(has("application") || (has("division_code") && has("kind"))) {
        problems.push(row_problem(
            1,
            "表格须有「申报文件指纹」列，或「区划代码」和「申报类型」两列".into(),
            "the table needs an “application” column, or “division_code” and “kind”".into(),
        ));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut rows = Vec::new();
    for (n, record) in reader.records().enumerate() {
        let line = n as u64 + 2;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                problems.push(row_problem(
                    line,
                    format!("无法读取该行：{e}"),
                    format!("cannot read the row: {e}"),
                ));
                continue;
            }
        };
        let get = |k: &str| {
            index
                .iter()
                .find(|(key, _)| *key == k)
                .and_then(|(_, i)| record.get(*i))
                .map(str::trim)
                .filter(|s| !s.is_empty())
        };
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        match read_row(line, &get, default_scale, figures_needed) {
            Ok(row) => rows.push(row),
            Err(p) => problems.extend(p),
        }
    }
    if problems.is_empty() {
        Ok(rows)
    } else {
        Err(problems)
    }
}

fn read_row<'a>(
    line: u64,
    get: &dyn Fn(&str) -> Option<&'a str>,
    default_scale: u64,
    figures_needed: bool,
) -> Result<ScoreRow, Vec<Problem>> {
    let mut problems = Vec::new();
    let key = if let Some(fp) = get("application") {
        let hex = fp
            .strip_prefix(crate::canonical::SHA256_PREFIX)
            .unwrap_or(fp)
            .to_ascii_lowercase();
        if hex.len() < 12 || hex.len() > 64 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            problems.push(row_problem(
                line,
                format!("文件指纹「{fp}」应为至少 12 位十六进制数字"),
                format!("fingerprint “{fp}” should be at least 12 hex digits"),
            ));
        }
        RowKey::Fingerprint(hex)
    } else {
        let code = get("division_code").unwrap_or("");
        if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
            problems.push(row_problem(
                line,
                format!("区划代码「{code}」应为 6 位数字"),
                format!("division code “{code}” should be 6 digits"),
            ));
        }
        let kind = match get("kind").unwrap_or("") {
            "综合示范" | "综合" | "comprehensive" | "Comprehensive" => {
                Some(crate::programme::KindKey::Comprehensive)
            }
            "单项示范" | "单项" | "single_item" | "single-item" | "Single-item" => {
                Some(crate::programme::KindKey::SingleItem)
            }
            other => {
                problems.push(row_problem(
                    line,
                    format!("申报类型「{other}」应为「综合示范」或「单项示范」"),
                    format!("kind “{other}” should be comprehensive or single-item"),
                ));
                None
            }
        };
        RowKey::Applicant {
            division_code: code.to_string(),
            kind: kind.unwrap_or(crate::programme::KindKey::Comprehensive),
            category: get("category").map(str::to_string),
        }
    };
    let locate = |ps: Vec<Problem>| ps.into_iter().map(move |p| p.at_line(line, None));
    let evaluation = get("score").map(|score| {
        let scale = match get("scale") {
            Some(s) => s.parse::<u64>().unwrap_or(0),
            None => default_scale,
        };
        Evaluation {
            evaluator: get("evaluator").unwrap_or("").to_string(),
            date: get("date").unwrap_or("").to_string(),
            score: score.to_string(),
            scale,
            report: get("report").unwrap_or("").to_string(),
        }
    });
    if let Some(e) = &evaluation {
        problems.extend(locate(e.problems()).map(|mut p| {
            p.code = Code::InvalidScores;
            p
        }));
    }
    let survey = match (get("respondents"), get("satisfied")) {
        (None, None) => None,
        (r, s) => {
            let num = |v: Option<&str>| v.and_then(|t| t.parse::<u64>().ok());
            match (num(r), num(s)) {
                (Some(respondents), Some(satisfied)) => Some(Survey {
                    by: get("survey_by").unwrap_or("").to_string(),
                    date: get("survey_date").unwrap_or("").to_string(),
                    answers: Answers::Counts {
                        respondents,
                        satisfied,
                    },
                }),
                _ => {
                    problems.push(row_problem(
                        line,
                        "答卷人数和满意人数都须为整数".into(),
                        "respondents and satisfied must both be whole numbers".into(),
                    ));
                    None
                }
            }
        }
    };
    if let Some(s) = &survey {
        problems.extend(locate(s.problems()).map(|mut p| {
            p.code = Code::InvalidScores;
            p
        }));
    }
    let on_site = match get("on_site") {
        None => None,
        Some(text) => match Conclusion::parse(text) {
            Some(c) => {
                let date = get("on_site_date").unwrap_or("").to_string();
                if !is_date(&date) {
                    problems.push(row_problem(
                        line,
                        format!("核查日期「{date}」应为 YYYY-MM-DD"),
                        format!("on-site date “{date}” should be YYYY-MM-DD"),
                    ));
                }
                Some((c, date))
            }
            None => {
                problems.push(row_problem(
                    line,
                    format!("核查结论「{text}」应为「通过」「整改后通过」或「不通过」"),
                    format!("on-site conclusion “{text}” should be passed, passed after rectification or not passed"),
                ));
                None
            }
        },
    };
    if figures_needed && evaluation.is_none() && survey.is_none() && on_site.is_none() {
        problems.push(row_problem(
            line,
            "该行没有任何得分".into(),
            "the row has no figures".into(),
        ));
    }
    if problems.is_empty() {
        Ok(ScoreRow {
            line,
            key,
            evaluation,
            survey,
            on_site,
        })
    } else {
        Err(problems)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn wilson_brackets_the_rate_and_narrows_with_the_sample(s in 0u64..5000, extra in 0u64..5000, k in 2u64..20) {
            let n = s + extra;
            prop_assume!(n > 0);
            let i = wilson(s, n).unwrap();
            let p = s as f64 / n as f64;
            prop_assert!(0.0 <= i.low && i.low <= p + 1e-12 && p <= i.high + 1e-12 && i.high <= 1.0);
            // The same rate on k times the sample has an interval no wider.
            let j = wilson(s * k, n * k).unwrap();
            prop_assert!(j.high - j.low <= i.high - i.low + 1e-12);
        }

        #[test]
        fn scores_table_reader_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let _ = read_scores_csv(&bytes, 100);
            let _ = read_naming_csv(&bytes);
        }

        #[test]
        fn scores_table_rows_keep_their_lines(scores in proptest::collection::vec(0u32..=1000, 1..20)) {
            let mut csv = String::from("区划代码,申报类型,评估机构,评估日期,得分,满分\n");
            for s in &scores {
                csv.push_str(&format!("140105,综合示范,山西大学,2021-05-01,{}.{},100\n", s / 10, s % 10));
            }
            let rows = read_scores_csv(csv.as_bytes(), 100).unwrap();
            prop_assert_eq!(rows.len(), scores.len());
            for (i, (row, s)) in rows.iter().zip(&scores).enumerate() {
                prop_assert_eq!(row.line, i as u64 + 2);
                prop_assert_eq!(row.evaluation.as_ref().unwrap().value(), Fraction::new(u64::from(*s), 1000));
            }
        }
    }

    #[test]
    fn bad_rows_are_line_numbered() {
        let csv = "区划代码,申报类型,评估机构,评估日期,得分,满分\n140105,综合示范,山西大学,2021-05-01,101,100\n140106,综合,山西大学,2021-13-01,80,100\n1401,其它,,,,\n";
        let problems = read_scores_csv(csv.as_bytes(), 100).unwrap_err();
        let lines: Vec<_> = problems.iter().map(|p| (p.code, p.at.line)).collect();
        assert!(lines.iter().all(|(c, _)| *c == Code::InvalidScores));
        assert!(lines.contains(&(Code::InvalidScores, Some(2))));
        assert!(lines.contains(&(Code::InvalidScores, Some(3))));
        assert!(lines.contains(&(Code::InvalidScores, Some(4))));
        assert_eq!(
            read_scores_csv(b"name,score\n", 100).unwrap_err()[0]
                .at
                .line,
            Some(1)
        );
    }

    #[test]
    fn keys_are_the_stored_names_and_typed_figures_read_as_people_type_them() {
        for c in Conclusion::ALL {
            assert_eq!(serde_json::to_value(c).unwrap(), c.key());
            assert_eq!(Conclusion::parse(c.key()), Some(c));
        }
        for r in Resolution::ALL {
            assert_eq!(serde_json::to_value(r).unwrap(), r.key());
        }
        for k in CheckKind::ALL {
            assert_eq!(serde_json::to_value(k).unwrap(), k.key());
        }
        let read = |t: &str| Figure::Respondents.read(t);
        for (typed, want) in [
            ("50", Some(50)),
            (" 1,000 ", Some(1000)),
            ("１，２００", Some(1200)),
            ("0", Some(0)),
            ("12,34", None),
            (",100", None),
            ("1000,", None),
            ("-3", None),
            ("4.0", None),
            ("五十", None),
            ("", None),
            ("99999999999999999999999", None),
        ] {
            assert_eq!(read(typed).ok(), want, "{typed:?}");
        }
        let p = read("4.0").unwrap_err();
        assert_eq!(p.code, Code::InvalidFigures);
        assert_eq!(p.message.zh, "答卷人数「4.0」应为整数");
        assert_eq!(read("").unwrap_err().message.en, "enter the respondents");
        assert_eq!(split_names("  "), Vec::<String>::new());
        assert_eq!(split_names("甲；乙;丙，丁"), ["甲", "乙", "丙", "丁"]);
        let usual = SurveyOption::usual(Lang::Zh);
        assert_eq!(
            usual.iter().map(|o| o.satisfied).collect::<Vec<_>>(),
            [true, true, false]
        );
    }

    #[test]
    fn survey_rate_is_exact_and_distributions_count() {
        let s = Survey {
            by: "省统计局".into(),
            date: "2021-06-01".into(),
            answers: Answers::Distribution {
                options: vec![
                    SurveyOption {
                        label: "满意".into(),
                        count: 30,
                        satisfied: true,
                    },
                    SurveyOption {
                        label: "基本满意".into(),
                        count: 15,
                        satisfied: true,
                    },
                    SurveyOption {
                        label: "不满意".into(),
                        count: 5,
                        satisfied: false,
                    },
                ],
            },
        };
        assert_eq!(s.rate(), Fraction::new(9, 10));
        assert!(s.problems().is_empty());
        assert_eq!(s.describe(Lang::Zh), "90.0%（45/50，95% 区间 78.6%–95.7%）");
        assert_eq!(day_number("1970-01-01"), 0);
        assert_eq!(day_number("2020-06-25") - day_number("2020-06-19") + 1, 7);
    }
}
