//! The register file (命名名册), format version 1: the places and projects a province named in
//! one round, sealed and canonical like the other files. It carries the round, the programme
//! profile it ranked with (embedded, with its fingerprint), and a history of **events** in which
//! each event carries the hash of the one before it (a hash chain anchored to the register's
//! round and profile): today the `named` event with the decision's document number and date,
//! each named place or project with the fingerprint of the application it was named on and the
//! province's figures. Supervision (annual reports, revisits, delisting) appends events.

use crate::application::Generator;
use crate::assessment::is_date;
use crate::canonical;
use crate::fraction::Fraction;
use crate::input::{check_format, is_rfc3339, parse_json};
use crate::problem::{Code, Problem, has_errors};
use crate::programme::{KindKey, Part, Profile, Province, Round};
use crate::province::{ProvinceSession, Standing};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use std::collections::HashSet;

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

/// What happened. Later format versions of supervision add kinds (report received, revisit,
/// delisted); each is one more variant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum EventBody {
    /// Places and projects named.
    Named(NamedEvent),
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

fn without(value: &Value, field: &str) -> Value {
    let mut value = value.clone();
    if let Some(map) = value.as_object_mut() {
        map.remove(field);
    }
    value
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
    canonical::fingerprint(&without(
        &serde_json::to_value(event).unwrap_or(Value::Null),
        "hash",
    ))
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
        self.integrity = canonical::fingerprint(&without(&self.to_value(), "integrity"));
        Ok(())
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
            EventBody::Named(n) => n.entries.iter(),
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
            None => problems.push(invalid("名册没有任何事件", "the register has no events")),
        }
        // A government named twice for the same kind (and category), or one application named
        // twice.
        let mut seen = HashSet::new();
        let mut applications = HashSet::new();
        for e in &self.events {
            let EventBody::Named(n) = &e.body;
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

/// A read and verified register.
#[derive(Clone, Debug)]
pub struct VerifiedRegister {
    /// The register as read.
    pub register: Register,
    /// The profile it ranked with, validated again.
    pub profile: Profile,
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
    let declared = canonical::fingerprint(&without(&value, "integrity"));
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
