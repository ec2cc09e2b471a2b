//! The register file (命名名册), format version 1: the places and projects a province named in
//! one round, sealed and canonical like the other files. It carries the round, the programme
//! profile it ranked with (embedded, with its fingerprint), and a history of **events** in which
//! each event carries the hash of the one before it (a hash chain anchored to the register's
//! round and profile): today the `named` event with the decision's document number and date,
//! each named place or project with the fingerprint of the application it was named on and the
//! province's figures. Supervision (annual reports, revisits, delisting) appends events.

use crate::annual::{AnnualReport, Date};
use crate::application::Generator;
use crate::assessment::is_date;
use crate::canonical;
use crate::catalog::Threshold;
use crate::fraction::Fraction;
use crate::input::{check_format, is_rfc3339, parse_json};
use crate::problem::{Code, Lang, Problem, has_errors};
use crate::programme::{KindKey, Part, Profile, ProfileData, Province, Round};
use crate::province::{ProvinceSession, Standing};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use std::collections::{HashMap, HashSet};

/// The `format` value of a register file.
pub const REGISTER_FORMAT_ID: &str = "shifan.register";
/// The register format version this build writes and the newest it reads.
pub const REGISTER_FORMAT_VERSION: u32 = 1;
/// The largest register accepted, checked before parsing.
pub const MAX_REGISTER_BYTES: usize = 20 * 1024 * 1024;

/// The profile a register ranked with, embedded so the register can be read wherever the
/// profile is not built in (an office may have changed its weights).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProfileRef {
    /// The profile's id.
    pub id: String,
    /// The profile's version.
    pub version: u32,
    /// `sha256:` fingerprint of the profile.
    pub fingerprint: String,
    /// The profile itself (`shifan.programme`).
    pub data: Value,
}

/// The named government.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NamedPlace {
    /// Six-digit division code.
    pub division_code: String,
    /// City and county name, as the application gave it.
    pub name: String,
}

/// One part's figure as ranked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PartFigure {
    /// Which part.
    pub part: Part,
    /// Its value on [0, 1]; `None` for a gate without a value (the notice).
    pub value: Option<Fraction>,
}

/// The province's figures for one named entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Figures {
    /// Position in its kind's ranking.
    pub position: u32,
    /// The composite, exactly.
    pub composite: Fraction,
    /// Each part, in the profile's order.
    pub parts: Vec<PartFigure>,
    /// The composite's formula with its numbers, in Chinese.
    pub formula_zh: String,
    /// The same in English.
    pub formula_en: String,
}

/// A named place (综合示范) or project (单项示范).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NamedEntry {
    /// Comprehensive or single-item.
    pub kind: KindKey,
    /// The government.
    pub place: NamedPlace,
    /// Single-item category id (empty for comprehensive).
    pub category: String,
    /// Single-item project title (empty for comprehensive).
    pub title: String,
    /// The `integrity` fingerprint of the application it was named on.
    pub application: String,
    /// The province's figures.
    pub figures: Figures,
}

/// The naming decision (命名决定).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NamedEvent {
    /// The decision's document number (文号).
    pub document_number: String,
    /// Everyone named by it.
    pub entries: Vec<NamedEntry>,
}

/// Which named entry a supervision event concerns: the same key that may be named only once
/// (kind, government, single-item category), readable in the file without a lookup.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EntryRef {
    /// Comprehensive or single-item.
    pub kind: KindKey,
    /// Six-digit division code of the government.
    pub division_code: String,
    /// Single-item category id (empty for comprehensive).
    pub category: String,
}

impl EntryRef {
    /// The reference to a named entry.
    pub fn of(entry: &NamedEntry) -> EntryRef {
        EntryRef {
            kind: entry.kind,
            division_code: entry.place.division_code.clone(),
            category: entry.category.clone(),
        }
    }
}

/// An annual report taken in (the event's date is the day it was received).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportReceivedEvent {
    /// The named entry it reports for.
    pub entry: EntryRef,
    /// The year reported on.
    pub year: u16,
    /// The `integrity` fingerprint of the annual report file.
    pub report: String,
}

/// The fresh assessment of a comprehensive place at a revisit, with its compliance as counts
/// and the bar, so that whether it still meets the bar is recomputed from the event itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RevisitAssessment {
    /// The `integrity` fingerprint of the assessment's application file (the team's own or the
    /// place's new self-assessment, verified).
    pub application: String,
    /// Indicators met.
    pub met: u32,
    /// Indicators applicable.
    pub applicable: u32,
    /// The catalog's threshold the counts are held against (the round's, as in the profile).
    pub threshold: Threshold,
}

impl RevisitAssessment {
    /// Whether the counts reach the threshold, in exact integer arithmetic.
    pub fn meets_bar(&self) -> bool {
        self.threshold.is_reached(self.met, self.applicable)
    }
}

/// One narrative aspect of a single-item project, as the revisit found it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AspectCheck {
    /// The aspect's key, as in the application's narrative (`innovation`, `leadership`,
    /// `typicality`, `replicability`).
    pub aspect: String,
    /// Whether the project still runs as the application described it, with its evidence.
    pub confirmed: bool,
    /// What the team found.
    pub findings: String,
}

/// The revisit's conclusion.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Conclusion {
    /// Still meets the requirements.
    StillMeets,
    /// No longer meets them (the ground for delisting after a revisit).
    NoLongerMeets,
}

impl Conclusion {
    /// The label in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Conclusion::StillMeets, Lang::Zh) => "仍符合示范标准",
            (Conclusion::StillMeets, Lang::En) => "still meets the requirements",
            (Conclusion::NoLongerMeets, Lang::Zh) => "已不符合示范标准",
            (Conclusion::NoLongerMeets, Lang::En) => "no longer meets the requirements",
        }
    }
}

/// A revisit check (回访核查).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RevisitEvent {
    /// The named entry checked.
    pub entry: EntryRef,
    /// The check team.
    pub team: String,
    /// What was checked.
    pub checked: String,
    /// The findings.
    pub findings: String,
    /// For a comprehensive place: the fresh assessment (`None` for a project).
    pub assessment: Option<RevisitAssessment>,
    /// For a single-item project: each narrative aspect (empty for a place).
    pub aspects: Vec<AspectCheck>,
    /// The conclusion; for a place it must agree with the assessment's counts.
    pub conclusion: Conclusion,
}

/// A delisting (摘牌) decision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DelistedEvent {
    /// The named entry delisted.
    pub entry: EntryRef,
    /// The ground's id, one of the embedded profile's `delisting_grounds`.
    pub ground: String,
    /// The facts.
    pub facts: String,
    /// The decision's document number (文号).
    pub document_number: String,
}

/// What happened: places and projects named, then supervision (annual reports received,
/// revisits, delistings), each one more variant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum EventBody {
    /// Places and projects named.
    Named(NamedEvent),
    /// An annual report received.
    ReportReceived(ReportReceivedEvent),
    /// A revisit check recorded.
    Revisit(RevisitEvent),
    /// A named entry delisted.
    Delisted(DelistedEvent),
}

/// One event of the register's history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// 1, 2, … in order.
    pub seq: u32,
    /// Date of the event (the decision's date for `named`), `YYYY-MM-DD`.
    pub date: String,
    /// The `hash` of the event before; for the first, the register's anchor (the fingerprint
    /// of its province, round and profile fingerprint).
    pub previous: String,
    /// What happened.
    pub body: EventBody,
    /// `sha256:` over the canonical form of the event without this field.
    pub hash: String,
}

/// A register file, format version 1.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Register {
    /// Always `shifan.register`.
    pub format: String,
    /// Format version (1).
    pub format_version: u32,
    /// The province.
    pub province: Province,
    /// The round.
    pub round: Round,
    /// The profile ranked with.
    pub profile: ProfileRef,
    /// The history, oldest first.
    pub events: Vec<Event>,
    /// The program that wrote the file.
    pub generator: Generator,
    /// When the file was written (RFC 3339).
    pub created: String,
    /// `sha256:` + SHA-256 over the canonical form of every other field.
    pub integrity: String,
}

fn invalid(zh: impl Into<String>, en: impl Into<String>) -> Problem {
    Problem::new(Code::InvalidRegister, zh, en)
}

/// The anchor of a register's chain.
fn anchor(province: &Province, round: &Round, profile_fingerprint: &str) -> String {
    canonical::fingerprint(&json!({
        "province": province,
        "round": round,
        "profile": profile_fingerprint,
    }))
}

fn event_hash(event: &Event) -> String {
    canonical::fingerprint_without(&serde_json::to_value(event).unwrap_or(Value::Null), "hash")
}

impl Register {
    /// The naming decision of a province session sealed into a register: every candidate the
    /// session marks as named, with its figures. Refused without a document number or a valid
    /// date, with nobody named, or when a named candidate is not ranked or has an objection
    /// still pending.
    pub fn from_session(
        session: &ProvinceSession,
        generator: Generator,
        created: String,
    ) -> Result<Register, Vec<Problem>> {
        let naming = &session.naming;
        let mut problems = Vec::new();
        if naming.document_number.trim().is_empty() {
            problems.push(invalid(
                "请填写命名决定的文号",
                "give the naming decision's document number",
            ));
        }
        if !is_date(&naming.date) {
            problems.push(Problem::new(
                Code::InvalidTime,
                format!("命名日期「{}」应为 YYYY-MM-DD", naming.date),
                format!("naming date “{}” should be YYYY-MM-DD", naming.date),
            ));
        }
        if naming.named.is_empty() {
            problems.push(invalid("还没有选定命名对象", "nobody is named yet"));
        }
        let mut entries = Vec::new();
        for kind in KindKey::ALL {
            for row in session.rank(kind) {
                if !naming.named.contains(&row.integrity) {
                    continue;
                }
                let Some(c) = session.get(&row.integrity) else {
                    continue;
                };
                let name = c.verified.file.applicant.display_name();
                let (Standing::Ranked(position), Some(composite)) = (&row.standing, row.composite)
                else {
                    problems.push(invalid(format!("{name}未排名（得分不全或被否决），不能命名"), format!("{name} is not ranked (a part missing or a gate failed) and cannot be named")));
                    continue;
                };
                if session
                    .evidence(&row.integrity)
                    .objections
                    .iter()
                    .any(|o| o.resolution == crate::evidence::Resolution::Pending)
                {
                    problems.push(invalid(
                        format!("{name}的公示异议尚未处理完毕"),
                        format!("an objection to {name} is still pending"),
                    ));
                }
                let (category, title) = match &c.verified.file.kind {
                    crate::Kind::SingleItem {
                        category, title, ..
                    } => (category.clone(), title.clone()),
                    crate::Kind::Comprehensive => (String::new(), String::new()),
                };
                entries.push(NamedEntry {
                    kind,
                    place: NamedPlace {
                        division_code: c.verified.file.applicant.division_code.clone(),
                        name,
                    },
                    category,
                    title,
                    application: row.integrity.clone(),
                    figures: Figures {
                        position: *position,
                        composite,
                        parts: row
                            .values
                            .iter()
                            .map(|(part, value)| PartFigure {
                                part: *part,
                                value: *value,
                            })
                            .collect(),
                        formula_zh: row.formula.zh.clone(),
                        formula_en: row.formula.en.clone(),
                    },
                });
            }
        }
        if has_errors(&problems) {
            return Err(problems);
        }
        let profile = session.profile();
        let mut register = Register {
            format: REGISTER_FORMAT_ID.into(),
            format_version: REGISTER_FORMAT_VERSION,
            province: profile.data().province.clone(),
            round: profile.data().round.clone(),
            profile: ProfileRef {
                id: profile.data().id.clone(),
                version: profile.data().version,
                fingerprint: profile.fingerprint().to_string(),
                data: profile.to_value(),
            },
            events: Vec::new(),
            generator,
            created,
            integrity: String::new(),
        };
        register.append(
            naming.date.clone(),
            EventBody::Named(NamedEvent {
                document_number: naming.document_number.trim().to_string(),
                entries,
            }),
        )?;
        Ok(register)
    }

    /// Appends an event (chained to the last one) and seals the file again; the result is
    /// checked as a reader checks it.
    pub fn append(&mut self, date: String, body: EventBody) -> Result<(), Vec<Problem>> {
        let previous = match self.events.last() {
            Some(e) => e.hash.clone(),
            None => anchor(&self.province, &self.round, &self.profile.fingerprint),
        };
        let mut event = Event {
            seq: self.events.len() as u32 + 1,
            date,
            previous,
            body,
            hash: String::new(),
        };
        event.hash = event_hash(&event);
        self.events.push(event);
        let problems = self.rule_problems();
        if has_errors(&problems) {
            self.events.pop();
            return Err(problems);
        }
        self.integrity = canonical::fingerprint_without(&self.to_value(), "integrity");
        Ok(())
    }

    /// Records an annual report received on `date` for the named `entry`: refused when the
    /// report is another government's, or when the history's rules refuse it (the entry not
    /// named or delisted, a year before the naming or received twice).
    pub fn receive_report(
        &mut self,
        date: String,
        entry: EntryRef,
        report: &AnnualReport,
    ) -> Result<(), Vec<Problem>> {
        if report.government.division_code != entry.division_code {
            return Err(vec![invalid(
                format!(
                    "年度报告是{}的，不是区划代码 {} 的",
                    report.government.display_name(),
                    entry.division_code
                ),
                format!(
                    "the annual report is {}'s, not that of division {}",
                    report.government.display_name(),
                    entry.division_code
                ),
            )]);
        }
        self.append(
            date,
            EventBody::ReportReceived(ReportReceivedEvent {
                entry,
                year: report.year,
                report: report.integrity.clone(),
            }),
        )
    }

    /// Records a revisit check made on `date`.
    pub fn record_revisit(
        &mut self,
        date: String,
        revisit: RevisitEvent,
    ) -> Result<(), Vec<Problem>> {
        self.append(date, EventBody::Revisit(revisit))
    }

    /// Records the delisting of `entry` decided on `date` on the profile's `ground`.
    pub fn delist(
        &mut self,
        date: String,
        entry: EntryRef,
        ground: &str,
        facts: String,
        document_number: String,
    ) -> Result<(), Vec<Problem>> {
        self.append(
            date,
            EventBody::Delisted(DelistedEvent {
                entry,
                ground: ground.to_string(),
                facts,
                document_number: document_number.trim().to_string(),
            }),
        )
    }

    /// The named entry `entry` refers to.
    pub fn entry(&self, entry: &EntryRef) -> Option<&NamedEntry> {
        self.named().find(|e| EntryRef::of(e) == *entry)
    }

    /// The event that named `entry`.
    pub fn naming_of(&self, entry: &EntryRef) -> Option<(&Event, &NamedEvent)> {
        self.events.iter().find_map(|e| match &e.body {
            EventBody::Named(n) if n.entries.iter().any(|x| EntryRef::of(x) == *entry) => {
                Some((e, n))
            }
            _ => None,
        })
    }

    /// The event that delisted `entry`, if any.
    pub fn delisting_of(&self, entry: &EntryRef) -> Option<(&Event, &DelistedEvent)> {
        self.events.iter().find_map(|e| match &e.body {
            EventBody::Delisted(d) if d.entry == *entry => Some((e, d)),
            _ => None,
        })
    }

    /// The entries named and not delisted, in order.
    pub fn current(&self) -> impl Iterator<Item = &NamedEntry> {
        self.named()
            .filter(|e| self.delisting_of(&EntryRef::of(e)).is_none())
    }

    /// The register as a JSON value.
    pub fn to_value(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }

    /// The register as written to disk: canonical, indented JSON.
    pub fn to_json(&self) -> String {
        canonical::to_pretty(&self.to_value())
    }

    /// A readable file name, e.g. `山西省-命名名册-2021-09-10.json`.
    pub fn file_name(&self) -> String {
        let date = self.events.first().map_or("", |e| e.date.as_str());
        format!("{}-命名名册-{date}.json", self.province.name)
    }

    /// Every entry named so far, in order.
    pub fn named(&self) -> impl Iterator<Item = &NamedEntry> {
        self.events.iter().flat_map(|e| match &e.body {
            EventBody::Named(n) => n.entries.as_slice(),
            _ => &[],
        })
    }

    /// The chain's and the content's rules (everything but the seal).
    fn rule_problems(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        let mut previous = anchor(&self.province, &self.round, &self.profile.fingerprint);
        for (i, e) in self.events.iter().enumerate() {
            if e.seq != i as u32 + 1 {
                problems.push(invalid(
                    format!("第 {} 个事件的序号是 {}", i + 1, e.seq),
                    format!("event {} has sequence number {}", i + 1, e.seq),
                ));
            }
            if e.previous != previous {
                problems.push(Problem::new(
                    Code::BrokenChain,
                    format!("第 {} 个事件没有指向前一个事件：名册的历史被改动过", i + 1),
                    format!(
                        "event {} does not point to the one before it: the history was edited",
                        i + 1
                    ),
                ));
            }
            if event_hash(e) != e.hash {
                problems.push(Problem::new(
                    Code::BrokenChain,
                    format!("第 {} 个事件与其哈希不符：事件被改动过", i + 1),
                    format!("event {} does not match its hash: it was edited", i + 1),
                ));
            }
            previous = e.hash.clone();
            if !is_date(&e.date) {
                problems.push(Problem::new(
                    Code::InvalidTime,
                    format!("第 {} 个事件的日期「{}」应为 YYYY-MM-DD", i + 1, e.date),
                    format!(
                        "the date “{}” of event {} should be YYYY-MM-DD",
                        e.date,
                        i + 1
                    ),
                ));
            }
        }
        match self.events.first() {
            Some(Event {
                body: EventBody::Named(_),
                ..
            }) => {}
            Some(_) => problems.push(invalid(
                "名册的第一个事件应是命名决定",
                "the register's first event should be the naming decision",
            )),
            None => problems.push(invalid("名册没有任何事件", "the register has no events")),
        }
        problems.extend(self.history_problems());
        // A government named twice for the same kind (and category), or one application named
        // twice.
        let mut seen = HashSet::new();
        let mut applications = HashSet::new();
        for e in &self.events {
            let EventBody::Named(n) = &e.body else {
                continue;
            };
            if n.document_number.trim().is_empty() {
                problems.push(invalid(
                    "命名事件缺少文号",
                    "a naming event has no document number",
                ));
            }
            if n.entries.is_empty() {
                problems.push(invalid(
                    "命名事件没有命名对象",
                    "a naming event names nobody",
                ));
            }
            for entry in &n.entries {
                let hex = entry
                    .application
                    .strip_prefix(canonical::SHA256_PREFIX)
                    .unwrap_or("");
                if !canonical::is_sha256_hex(hex) {
                    problems.push(invalid(
                        format!("{}的申报文件指纹格式不对", entry.place.name),
                        format!(
                            "the application fingerprint of {} is malformed",
                            entry.place.name
                        ),
                    ));
                }
                let place = (
                    entry.kind,
                    entry.place.division_code.as_str(),
                    entry.category.as_str(),
                );
                if !seen.insert(place) || !applications.insert(entry.application.as_str()) {
                    problems.push(invalid(
                        format!("{}被命名了两次", entry.place.name),
                        format!("{} is named twice", entry.place.name),
                    ));
                }
                let known = entry
                    .place
                    .division_code
                    .parse()
                    .ok()
                    .and_then(crate::division::get)
                    .is_some();
                if !known {
                    problems.push(invalid(
                        format!(
                            "区划代码「{}」不在山西省区划表中",
                            entry.place.division_code
                        ),
                        format!(
                            "division code “{}” is not in the Shanxi table",
                            entry.place.division_code
                        ),
                    ));
                }
                let single = entry.kind == KindKey::SingleItem;
                if single == entry.category.trim().is_empty()
                    || single == entry.title.trim().is_empty()
                {
                    problems.push(invalid(
                        format!("{}：单项示范须有类别和项目名称，综合示范不应有", entry.place.name),
                        format!("{}: a single-item entry needs its category and title, a comprehensive one has none", entry.place.name),
                    ));
                }
                let f = &entry.figures;
                if f.position == 0
                    || !f.composite.is_unit()
                    || f.parts
                        .iter()
                        .any(|p| p.value.is_some_and(|v| !v.is_unit()))
                {
                    problems.push(invalid(
                        format!("{}的得分不在 [0, 1] 之内或名次为 0", entry.place.name),
                        format!(
                            "the figures of {} are outside [0, 1] or its position is 0",
                            entry.place.name
                        ),
                    ));
                }
            }
        }
        problems
    }
}

/// Whether `text` is a `sha256:` fingerprint.
fn is_fingerprint(text: &str) -> bool {
    canonical::is_sha256_hex(text.strip_prefix(canonical::SHA256_PREFIX).unwrap_or(""))
}

/// How an entry is called in messages: its government, and the project's title when it has one.
fn entry_name(entry: &NamedEntry, lang: Lang) -> String {
    match (entry.title.is_empty(), lang) {
        (true, _) => format!("{}（{}）", entry.place.name, entry.kind.label(lang)),
        (false, Lang::Zh) => format!("{}「{}」", entry.place.name, entry.title),
        (false, Lang::En) => format!("{} “{}”", entry.place.name, entry.title),
    }
}

impl Register {
    /// The supervision events' rules: dates in order, every event about an entry named
    /// before it and not yet delisted, reports not before the naming year and once per year,
    /// revisits that fit their kind and whose conclusion agrees with their counts, delistings
    /// on a ground of the profile.
    fn history_problems(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        // The profile as data only: when it is not valid the reader says so already
        // (`profile-mismatch`), and the checks that need it are skipped. Read by the crate's
        // own reader, as every typed value is: `serde_json::from_value` compiled a second reader
        // of the whole profile into the WebAssembly builds (~8 KB gzip of the npm package).
        let profile: Option<ProfileData> = crate::json::from_value(&self.profile.data).ok();
        let mut named: HashMap<EntryRef, (&NamedEntry, i32)> = HashMap::new();
        let mut delisted: HashMap<EntryRef, &str> = HashMap::new();
        let mut reports: HashSet<(EntryRef, u16)> = HashSet::new();
        let mut last_date: Option<Date> = None;
        for (i, e) in self.events.iter().enumerate() {
            let n = i + 1;
            let date = Date::parse(&e.date);
            if let (Some(d), Some(last)) = (date, last_date)
                && d < last
            {
                problems.push(invalid(
                    format!("第 {n} 个事件的日期 {} 早于前一个事件的 {}：事件应按日期先后记录", d.iso(), last.iso()),
                    format!("event {n} is dated {}, before the event before it ({}): events are recorded in date order", d.iso(), last.iso()),
                ));
            }
            last_date = date.or(last_date);
            let year = date.map_or(0, |d| d.year);
            let entry_ref = match &e.body {
                EventBody::Named(named_event) => {
                    for entry in &named_event.entries {
                        named.entry(EntryRef::of(entry)).or_insert((entry, year));
                    }
                    continue;
                }
                EventBody::ReportReceived(r) => &r.entry,
                EventBody::Revisit(r) => &r.entry,
                EventBody::Delisted(d) => &d.entry,
            };
            let Some(&(entry, named_year)) = named.get(entry_ref) else {
                problems.push(invalid(
                    format!(
                        "第 {n} 个事件所指的对象（{} {}{}）此前没有被命名",
                        entry_ref.kind.label(Lang::Zh),
                        entry_ref.division_code,
                        entry_ref.category
                    ),
                    format!(
                        "event {n} concerns an entry ({} {} {}) not named before it",
                        entry_ref.kind.label(Lang::En),
                        entry_ref.division_code,
                        entry_ref.category
                    ),
                ));
                continue;
            };
            let (zh, en) = (entry_name(entry, Lang::Zh), entry_name(entry, Lang::En));
            if let Some(when) = delisted.get(entry_ref) {
                problems.push(invalid(
                    format!("第 {n} 个事件：{zh}已于 {when} 摘牌，此后不能再收报告、回访或摘牌"),
                    format!("event {n}: {en} was delisted on {when}; nothing is recorded for it after that"),
                ));
            }
            match &e.body {
                EventBody::Named(_) => {}
                EventBody::ReportReceived(r) => {
                    if i32::from(r.year) < named_year {
                        problems.push(invalid(
                            format!("第 {n} 个事件：{zh} {named_year} 年才被命名，不能报送 {} 年的年度报告", r.year),
                            format!("event {n}: {en} was named in {named_year} and cannot report on {}", r.year),
                        ));
                    }
                    if date.is_some_and(|d| i32::from(r.year) > d.year) {
                        problems.push(invalid(
                            format!(
                                "第 {n} 个事件：{} 年的年度报告不能在 {} 收到",
                                r.year, e.date
                            ),
                            format!(
                                "event {n}: a report on {} cannot be received on {}",
                                r.year, e.date
                            ),
                        ));
                    }
                    if !reports.insert((entry_ref.clone(), r.year)) {
                        problems.push(invalid(
                            format!("第 {n} 个事件：{zh} {} 年的年度报告已经收到过", r.year),
                            format!(
                                "event {n}: the {} report of {en} was already received",
                                r.year
                            ),
                        ));
                    }
                    if !is_fingerprint(&r.report) {
                        problems.push(invalid(
                            format!("第 {n} 个事件：年度报告的指纹格式不对"),
                            format!("event {n}: the annual report's fingerprint is malformed"),
                        ));
                    }
                }
                EventBody::Revisit(r) => {
                    problems.extend(revisit_problems(n, r, entry, profile.as_ref()));
                }
                EventBody::Delisted(d) => {
                    // The first delisting counts; a second one is refused above.
                    delisted.entry(entry_ref.clone()).or_insert(e.date.as_str());
                    let known = profile
                        .as_ref()
                        .is_none_or(|p| p.delisting_grounds.value.iter().any(|g| g.id == d.ground));
                    if !known {
                        problems.push(invalid(
                            format!(
                                "第 {n} 个事件：摘牌情形「{}」不是创建方案所列的情形",
                                d.ground
                            ),
                            format!(
                                "event {n}: delisting ground “{}” is not one of the profile's",
                                d.ground
                            ),
                        ));
                    }
                    if d.facts.trim().is_empty() || d.document_number.trim().is_empty() {
                        problems.push(invalid(
                            format!("第 {n} 个事件：摘牌须写明事实和决定文号"),
                            format!("event {n}: a delisting needs its facts and the decision's document number"),
                        ));
                    }
                }
            }
        }
        problems
    }
}

/// A revisit's own rules: a place has a fresh assessment whose conclusion agrees with its
/// counts, a project has its aspects and no assessment.
fn revisit_problems(
    n: usize,
    r: &RevisitEvent,
    entry: &NamedEntry,
    profile: Option<&ProfileData>,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    let (zh, en) = (entry_name(entry, Lang::Zh), entry_name(entry, Lang::En));
    if r.team.trim().is_empty() || r.checked.trim().is_empty() {
        problems.push(invalid(
            format!("第 {n} 个事件：回访核查须写明核查组和核查内容"),
            format!("event {n}: a revisit needs its check team and what was checked"),
        ));
    }
    match (entry.kind, &r.assessment) {
        (KindKey::Comprehensive, None) => problems.push(invalid(
            format!("第 {n} 个事件：{zh}是综合示范，回访须附重新评估的结果"),
            format!("event {n}: {en} is a comprehensive place; its revisit needs the fresh assessment"),
        )),
        (KindKey::Comprehensive, Some(a)) => {
            let t = a.threshold;
            if !is_fingerprint(&a.application)
                || a.met > a.applicable
                || t.denominator == 0
                || t.numerator > t.denominator
            {
                problems.push(invalid(
                    format!("第 {n} 个事件：重新评估的指纹、达标项数或标准不对"),
                    format!("event {n}: the fresh assessment's fingerprint, counts or threshold are malformed"),
                ));
            } else if profile.is_some_and(|p| p.threshold.value != t) {
                problems.push(invalid(
                    format!("第 {n} 个事件：重新评估的达标标准 {}/{} 与创建方案的不同", t.numerator, t.denominator),
                    format!("event {n}: the fresh assessment's threshold {}/{} differs from the profile's", t.numerator, t.denominator),
                ));
            } else if a.meets_bar() != (r.conclusion == Conclusion::StillMeets) {
                problems.push(Problem::new(
                    Code::RevisitMismatch,
                    format!(
                        "第 {n} 个事件：{zh}重新评估达标 {}/{} 项，按标准 {}/{} {}，但结论写的是「{}」",
                        a.met, a.applicable, t.numerator, t.denominator,
                        if a.meets_bar() { "达到标准" } else { "未达到标准" },
                        r.conclusion.label(Lang::Zh)
                    ),
                    format!(
                        "event {n}: the fresh assessment of {en} meets {} of {} indicators, which {} the threshold {}/{}, but the conclusion says “{}”",
                        a.met, a.applicable,
                        if a.meets_bar() { "reaches" } else { "does not reach" },
                        t.numerator, t.denominator,
                        r.conclusion.label(Lang::En)
                    ),
                ));
            }
            if !r.aspects.is_empty() {
                problems.push(invalid(
                    format!("第 {n} 个事件：综合示范的回访不逐项核对单项叙述"),
                    format!("event {n}: a comprehensive place's revisit has no narrative aspects"),
                ));
            }
        }
        (KindKey::SingleItem, Some(_)) => problems.push(invalid(
            format!("第 {n} 个事件：{zh}是单项示范，没有综合示范的 90% 标准，回访不附重新评估"),
            format!("event {n}: {en} is a single-item project with no comprehensive bar; its revisit has no assessment"),
        )),
        (KindKey::SingleItem, None) => {
            // Each of the four narrative aspects, once, by its key in the application file.
            let mut keys: Vec<&str> = r.aspects.iter().map(|a| a.aspect.as_str()).collect();
            keys.sort_unstable();
            let mut all = crate::Aspect::ALL.map(crate::Aspect::key);
            all.sort_unstable();
            if keys != all {
                problems.push(invalid(
                    format!("第 {n} 个事件：单项示范的回访须逐项核对叙述的四个方面（创新性、引领性、典型性、可复制可推广），各一次"),
                    format!("event {n}: a single-item revisit checks each of the four narrative aspects (innovation, leadership, typicality, replicability) once"),
                ));
            }
        }
    }
    problems
}

/// A read and verified register.
#[derive(Clone, Debug)]
pub struct VerifiedRegister {
    /// The register as read.
    pub register: Register,
    /// The profile it ranked with, validated again.
    pub profile: Profile,
}

/// Whether `newer` only extends `older`: the same province, round and profile, and `older`'s
/// events a prefix of `newer`'s (the same hashes). Both should be verified first; the problems
/// (`register-rewritten`) say which event differs or was dropped.
pub fn extends(older: &Register, newer: &Register) -> Result<(), Vec<Problem>> {
    let rewritten = |zh: String, en: String| Problem::new(Code::RegisterRewritten, zh, en);
    let mut problems = Vec::new();
    if older.province != newer.province
        || older.round != newer.round
        || older.profile.fingerprint != newer.profile.fingerprint
    {
        problems.push(rewritten(
            "两份名册的省份、轮次或创建方案不同：不是同一份名册".into(),
            "the two registers differ in province, round or profile: they are not the same register".into(),
        ));
    }
    for (i, old) in older.events.iter().enumerate() {
        let n = i + 1;
        match newer.events.get(i) {
            None => {
                problems.push(rewritten(
                    format!(
                        "较新的名册只有 {} 个事件，较旧的名册有 {}：第 {n} 个事件（{}）被删掉了",
                        newer.events.len(),
                        older.events.len(),
                        old.date
                    ),
                    format!(
                        "the newer register has {} events, the older {}: event {n} ({}) was dropped",
                        newer.events.len(),
                        older.events.len(),
                        old.date
                    ),
                ));
                break;
            }
            Some(new) if new.hash != old.hash => {
                problems.push(rewritten(
                    format!(
                        "第 {n} 个事件（{}）在较新的名册里不同：历史被改写了",
                        old.date
                    ),
                    format!(
                        "event {n} ({}) differs in the newer register: the history was rewritten",
                        old.date
                    ),
                ));
                break;
            }
            Some(_) => {}
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// Whether parsed JSON claims to be a register.
pub fn is_register(value: &Value) -> bool {
    value.get("format").and_then(Value::as_str) == Some(REGISTER_FORMAT_ID)
}

/// Reads and verifies a register file.
pub fn read_register(bytes: &[u8]) -> Result<VerifiedRegister, Vec<Problem>> {
    let value = parse_json(bytes, MAX_REGISTER_BYTES)?;
    verify_register_value(value)
}

/// Verifies a register already parsed as JSON: shape, embedded profile, chain, rules, seal.
pub fn verify_register_value(value: Value) -> Result<VerifiedRegister, Vec<Problem>> {
    check_format(&value, REGISTER_FORMAT_ID, REGISTER_FORMAT_VERSION).map_err(|p| vec![p])?;
    let declared = canonical::fingerprint_without(&value, "integrity");
    let register: Register = crate::json::from_value(&value).map_err(|e| {
        vec![invalid(
            format!("名册的内容不完整或格式不对：{}。", e.zh()),
            format!("the register is incomplete or malformed: {}", e.en()),
        )]
    })?;
    let mut problems = Vec::new();
    let profile = match Profile::from_value(&register.profile.data) {
        Ok(p) => Some(p),
        Err(inner) => {
            problems.push(Problem::new(
                Code::ProfileMismatch,
                "名册所附的创建方案无效",
                "the register's programme profile is not valid",
            ));
            problems.extend(inner);
            None
        }
    };
    if let Some(p) = &profile
        && (p.fingerprint() != register.profile.fingerprint
            || p.data().id != register.profile.id
            || p.data().version != register.profile.version)
    {
        problems.push(Problem::new(
            Code::ProfileMismatch,
            "名册所附的创建方案与其指纹、编号或版本不符",
            "the register's programme profile does not match its fingerprint, id or version",
        ));
    }
    if let Some(p) = &profile
        && (p.data().province != register.province || p.data().round != register.round)
    {
        problems.push(invalid(
            "名册的省份或轮次与其创建方案不一致",
            "the register's province or round differs from its profile's",
        ));
    }
    problems.extend(register.rule_problems());
    if !is_rfc3339(&register.created) {
        problems.push(Problem::new(
            Code::InvalidTime,
            "名册生成时间不是 RFC 3339 格式",
            "the register's created time is not RFC 3339",
        ));
    }
    if declared != register.integrity {
        problems.push(Problem::new(
            Code::IntegrityMismatch,
            "名册内容与完整性指纹不符：生成后被修改过",
            "the register does not match its integrity fingerprint: it was edited after it was written",
        ));
    }
    match profile {
        Some(profile) if !has_errors(&problems) => Ok(VerifiedRegister { register, profile }),
        _ => Err(problems),
    }
}

/// The JSON Schema of the register, as committed in `schema/register-v1.schema.json`.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Register);
    canonical::to_pretty(&serde_json::to_value(schema).unwrap_or(Value::Null))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn committed_schema_is_current() {
        crate::testing::check_committed("schema/register-v1.schema.json", &json_schema());
    }
}
