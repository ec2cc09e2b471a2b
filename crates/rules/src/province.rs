//! The provincial office's work on one round (the province session): the candidate pool taken
//! in from the cities' recommendation packages (and applications the province takes
//! directly), the province's evidence per candidate, the ranking per kind under the programme
//! profile, the candidate list for the public notice and the choice of whom to name. Pure
//! operations on a value, as [`crate::session`] is for the city review, so that the page is a
//! thin view over them; kept in browser storage as [`ProvinceSession::to_json`] and verified
//! again by [`ProvinceSession::from_json`] (also the one-file export and import).

use crate::application::{Verified, verify_value};
use crate::canonical;
use crate::catalog::CatalogSet;
use crate::document::{Document, read_document};
use crate::evidence::{
    Conclusion, Evaluation, Evidence, Notice, Objection, OnSite, RowKey, ScoreRow, Survey,
};
use crate::fraction::Fraction;
use crate::input::{check_format, parse_json};
use crate::package::{Decision, VerifiedPackage};
use crate::problem::{Code, Lang, Message, Problem};
use crate::programme::{KindKey, Part, Profile, Scale};
use crate::register::VerifiedRegister;
use crate::review::{Cell, Table, city_code_of, neutralise_formula, same_submission};
use crate::session::Rejected;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// The `format` value of a stored province session.
pub const PROVINCE_SESSION_FORMAT_ID: &str = "shifan.province-session";
/// The province session format version this build writes and the newest it reads.
pub const PROVINCE_SESSION_FORMAT_VERSION: u32 = 1;
/// The largest stored province session accepted (11 packages of 30 applications fit easily).
pub const MAX_PROVINCE_SESSION_BYTES: usize = 512 * 1024 * 1024;

/// How a candidate reached the province.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// In a city's recommendation package, with the city's decision.
    Package {
        /// The package's integrity fingerprint.
        package: String,
        /// The reviewing city's code.
        city_code: u32,
        /// The city's name.
        city_name: String,
        /// The city's decision.
        decision: Decision,
        /// The city's rank, when recommended.
        rank: Option<u32>,
        /// The city's comment.
        comment: String,
    },
    /// An application file the province took directly (e.g. a city-level applicant).
    Direct {
        /// The file's name.
        file_name: String,
    },
}

/// One application in the pool.
#[derive(Clone, Debug)]
pub struct Candidate {
    /// The verified application.
    pub verified: Arc<Verified>,
    /// Every way it arrived (two packages recommending it give two routes).
    pub routes: Vec<Route>,
    /// Warnings about how it arrived (recommended twice, edited after packaging).
    pub flags: Vec<Problem>,
}

impl Candidate {
    /// The application's integrity fingerprint, which names the candidate.
    pub fn integrity(&self) -> &str {
        &self.verified.file.integrity
    }

    /// Comprehensive or single-item.
    pub fn kind(&self) -> KindKey {
        KindKey::of(&self.verified.file.kind)
    }

    /// Whether it is in the running: recommended by a city, or taken directly.
    pub fn eligible(&self) -> bool {
        self.routes.iter().any(|r| match r {
            Route::Package { decision, .. } => *decision == Decision::Recommend,
            Route::Direct { .. } => true,
        })
    }

    /// The city the applicant belongs to.
    pub fn city_name(&self) -> String {
        city_code_of(&self.verified.file)
            .and_then(crate::division::get)
            .map(|d| d.name.clone())
            .unwrap_or_default()
    }
}

/// A package taken in, kept whole so the session can be verified again when read (shared, so
/// that cloning a session — as a reducer does on every action — does not copy megabytes).
#[derive(Clone, Debug)]
struct TakenPackage {
    file_name: String,
    integrity: String,
    /// Kept as read and written out only when the session is: a package is megabytes, and
    /// turning it into a JSON value when it is taken in doubled the cost of taking it in.
    package: Arc<crate::package::Package>,
}

/// The naming decision being prepared.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Naming {
    /// The decision's document number (文号), e.g. 晋法治办发〔2021〕5号.
    pub document_number: String,
    /// The decision's date, `YYYY-MM-DD`.
    pub date: String,
    /// The candidates named, by application fingerprint.
    pub named: BTreeSet<String>,
}

/// The province's work on one round.
#[derive(Clone, Debug)]
pub struct ProvinceSession {
    profile: Profile,
    packages: Vec<TakenPackage>,
    directs: Vec<(String, Arc<Value>)>,
    candidates: Vec<Candidate>,
    evidence: BTreeMap<String, Evidence>,
    /// Files that could not be used.
    pub rejected: Vec<Rejected>,
    /// The public notice, once set.
    pub notice: Option<Notice>,
    proposed: BTreeSet<String>,
    /// The naming decision being prepared.
    pub naming: Naming,
    /// The register under supervision (annual reports, revisits, delistings appended to it),
    /// kept with the session so that a reload or an exported work file carries it.
    pub supervised: Option<VerifiedRegister>,
    /// Packages and applications of a stored session that did not verify when it was read
    /// (their catalog not loaded here, say): listed among the rejected files, written back as
    /// they were, and verified again by [`ProvinceSession::verify_again`].
    unverified: Vec<Unverified>,
}

/// A package or application of a stored session that did not verify, kept as recorded.
#[derive(Clone, Debug)]
struct Unverified {
    file_name: String,
    value: Value,
    /// A recommendation package (otherwise an application sent directly).
    package: bool,
}

/// Where a candidate stands in its kind's ranking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Standing {
    /// Ranked at this position (equal composites and tie-break figures share one).
    Ranked(u32),
    /// A part that applies is still missing; never ranked as if it were zero.
    Incomplete(Vec<Part>),
    /// Taken out by a gate (on-site not passed, an upheld objection).
    Out(Vec<Message>),
}

/// One row of a kind's ranking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RankRow {
    /// The candidate's application fingerprint.
    pub integrity: String,
    /// Where it stands.
    pub standing: Standing,
    /// The composite, when every weighted part is there.
    pub composite: Option<Fraction>,
    /// Each part's value on [0, 1], in the profile's order (`None`: missing or a gate only).
    pub values: Vec<(Part, Option<Fraction>)>,
    /// The composite's formula with its numbers, in both languages.
    pub formula: Message,
}

/// The tie rule, as stated to users.
pub const TIE_RULE: (&str, &str) = (
    "综合得分相同的，依次比较创建方案所列各部分的得分（按方案顺序），再比较自评达标率；仍相同的并列同一名次，按区划代码排列。",
    "Equal composites are ordered by each part's value in the profile's order, then by the self-assessed compliance; candidates still equal share one position and are listed by division code.",
);

/// The name under which a stored register that no longer verifies is listed among the
/// rejected files.
pub const SUPERVISED_FILE_NAME: &str = "register.json";

/// Sealed stored form.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Record {
    format: String,
    format_version: u32,
    profile: Value,
    profile_fingerprint: String,
    packages: Vec<PackageRecord>,
    applications: Vec<DirectRecord>,
    evidence: BTreeMap<String, Evidence>,
    rejected: Vec<Value>,
    notice: Option<Notice>,
    proposed: BTreeSet<String>,
    naming: Naming,
    /// The register under supervision; absent in sessions written before supervision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    supervised: Option<Value>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PackageRecord {
    file_name: String,
    package: Value,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct DirectRecord {
    file_name: String,
    application: Value,
}

fn short(integrity: &str) -> &str {
    let hex = integrity
        .strip_prefix(canonical::SHA256_PREFIX)
        .unwrap_or(integrity);
    hex.get(..12).unwrap_or(hex)
}

/// The problem of an objection index the candidate does not have.
fn no_such_objection() -> Problem {
    Problem::new(Code::InvalidFigures, "没有这条异议", "no such objection")
}

/// The problem of a fingerprint that names no candidate of the pool.
fn unknown(integrity: &str) -> Problem {
    Problem::new(
        Code::UnknownApplication,
        format!("候选名单中没有申报 {}", short(integrity)),
        format!("the pool has no application {}", short(integrity)),
    )
}

impl ProvinceSession {
    /// An empty session under `profile`.
    pub fn new(profile: Profile) -> ProvinceSession {
        ProvinceSession {
            profile,
            packages: Vec::new(),
            directs: Vec::new(),
            candidates: Vec::new(),
            evidence: BTreeMap::new(),
            rejected: Vec::new(),
            notice: None,
            proposed: BTreeSet::new(),
            naming: Naming::default(),
            supervised: None,
            unverified: Vec::new(),
        }
    }

    /// Verifies again, against `catalogs`, the packages and applications of the stored session
    /// that did not verify when it was read (once their catalog is loaded): those that verify
    /// now join the pool and leave the rejected files. Returns how many candidates are new.
    pub fn verify_again(&mut self, catalogs: &CatalogSet) -> usize {
        let mut added = 0;
        for mut u in std::mem::take(&mut self.unverified) {
            let verified = if u.package {
                crate::package::verify_package_in_place(&mut u.value, catalogs)
                    .map(|v| self.add_package(&u.file_name, v))
            } else {
                verify_value(&u.value, catalogs)
                    .map(|v| usize::from(self.add_application(&u.file_name, v)))
            };
            match verified {
                Ok(n) => added += n,
                Err(_) => self.unverified.push(u),
            }
        }
        added
    }

    /// The profile ranked with.
    pub fn profile(&self) -> &Profile {
        &self.profile
    }

    /// Sets `kind`'s weights to `weights` as the office typed them (in the profile's part
    /// order; see [`Fraction::parse_ratio`]), with its `reason` recorded in the profile
    /// (which gets a new fingerprint: the register names the profile it ranked with). Refused,
    /// with every problem and the profile unchanged, when a weight cannot be read, the weights
    /// do not add up to 1, or no reason is given.
    pub fn change_weights(
        &mut self,
        kind: KindKey,
        weights: &[String],
        reason: &str,
    ) -> Result<(), Vec<Problem>> {
        let parts = self
            .profile
            .kind(kind)
            .map(|k| k.parts.clone())
            .unwrap_or_default();
        let mut problems = Vec::new();
        let mut read = Vec::new();
        for (part, text) in parts.iter().zip(weights) {
            match Fraction::parse_ratio(text) {
                Some(w) => read.push(w),
                None => problems.push(Problem::new(
                    Code::InvalidProfile,
                    format!(
                        "「{}」的权重「{}」无法读取：请写成分数（2/5）、小数（0.4）或百分数（40%）",
                        part.part.label(Lang::Zh),
                        text.trim()
                    ),
                    format!(
                        "the weight “{}” of “{}” cannot be read: write a fraction (2/5), a decimal (0.4) or a percentage (40%)",
                        text.trim(),
                        part.part.label(Lang::En)
                    ),
                )),
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        self.profile = self.profile.with_weights(kind, &read, reason)?;
        Ok(())
    }

    /// The pool, in the order taken in.
    pub fn candidates(&self) -> &[Candidate] {
        &self.candidates
    }

    /// The candidate with this fingerprint.
    pub fn get(&self, integrity: &str) -> Option<&Candidate> {
        self.candidates.iter().find(|c| c.integrity() == integrity)
    }

    /// The evidence recorded on a candidate (empty when none).
    pub fn evidence(&self, integrity: &str) -> Evidence {
        self.evidence.get(integrity).cloned().unwrap_or_default()
    }

    /// How many packages were taken in.
    pub fn package_count(&self) -> usize {
        self.packages.len()
    }

    /// Reads one dropped file (a package or an application) and takes it in, or lists it among
    /// the rejected files with its problems. Returns how many candidates were new.
    pub fn take_file(&mut self, file_name: &str, bytes: &[u8], catalogs: &CatalogSet) -> usize {
        match read_document(bytes, catalogs) {
            Ok(Document::Package(p)) => self.add_package(file_name, *p),
            Ok(Document::Application(v)) => usize::from(self.add_application(file_name, *v)),
            Ok(document @ (Document::Register(_) | Document::AnnualReport(_))) => {
                self.reject(
                    file_name.to_string(),
                    document.not_for_review().into_iter().collect(),
                );
                0
            }
            Err(problems) => {
                self.reject(file_name.to_string(), problems);
                0
            }
        }
    }

    /// Lists a file that could not be used (replacing an earlier rejection of the same name).
    pub fn reject(&mut self, file_name: String, problems: Vec<Problem>) {
        self.rejected.retain(|r| r.file_name != file_name);
        self.rejected.push(Rejected {
            file_name,
            problems,
        });
    }

    /// Takes in a verified package: each application joins the pool with the city's decision
    /// (a package already taken in is not taken twice). Returns how many candidates were new.
    pub fn add_package(&mut self, file_name: &str, package: VerifiedPackage) -> usize {
        let integrity = package.package.integrity.clone();
        if self.packages.iter().any(|p| p.integrity == integrity) {
            return 0;
        }
        self.rejected.retain(|r| r.file_name != file_name);
        let taken = Arc::new(package.package);
        self.packages.push(TakenPackage {
            file_name: file_name.to_string(),
            integrity: integrity.clone(),
            package: Arc::clone(&taken),
        });
        let city_code = taken.city.division_code.parse().unwrap_or(0);
        let mut added = 0;
        for verified in package.applications {
            let entry = taken
                .decisions
                .iter()
                .find(|d| d.application == verified.file.integrity);
            let route = Route::Package {
                package: integrity.clone(),
                city_code,
                city_name: taken.city.name.clone(),
                decision: entry.map_or(Decision::Pending, |d| d.decision),
                rank: entry.and_then(|d| d.rank),
                comment: entry.map(|d| d.comment.clone()).unwrap_or_default(),
            };
            added += usize::from(self.join(verified, route));
        }
        self.settle();
        added
    }

    /// Takes in an application file the province receives directly. Returns whether it is new.
    pub fn add_application(&mut self, file_name: &str, verified: Verified) -> bool {
        self.rejected.retain(|r| r.file_name != file_name);
        if !self.directs.iter().any(|(_, v)| {
            v.get("integrity").and_then(Value::as_str) == Some(&verified.file.integrity)
        }) {
            self.directs
                .push((file_name.to_string(), Arc::new(verified.file.to_value())));
        }
        let new = self.join(
            verified,
            Route::Direct {
                file_name: file_name.to_string(),
            },
        );
        self.settle();
        new
    }

    fn join(&mut self, verified: Verified, route: Route) -> bool {
        match self
            .candidates
            .iter_mut()
            .find(|c| c.integrity() == verified.file.integrity)
        {
            Some(c) => {
                if !c.routes.contains(&route) {
                    c.routes.push(route);
                }
                false
            }
            None => {
                self.candidates.push(Candidate {
                    verified: Arc::new(verified),
                    routes: vec![route],
                    flags: Vec::new(),
                });
                true
            }
        }
    }

    /// Recomputes the flags of every candidate.
    fn settle(&mut self) {
        let n = self.candidates.len();
        let mut flags: Vec<Vec<Problem>> = vec![Vec::new(); n];
        for (i, c) in self.candidates.iter().enumerate() {
            let cities: BTreeSet<&str> = c
                .routes
                .iter()
                .filter_map(|r| match r {
                    Route::Package {
                        city_name,
                        decision: Decision::Recommend,
                        ..
                    } => Some(city_name.as_str()),
                    _ => None,
                })
                .collect();
            let packages = c
                .routes
                .iter()
                .filter(|r| {
                    matches!(
                        r,
                        Route::Package {
                            decision: Decision::Recommend,
                            ..
                        }
                    )
                })
                .count();
            if packages > 1 {
                let list = cities.iter().copied().collect::<Vec<_>>().join("、");
                flags[i].push(Problem::new(
                    Code::RecommendedTwice,
                    format!("同一份申报由 {packages} 个材料包推荐（{list}）"),
                    format!("the same application is recommended by {packages} packages ({list})"),
                ));
            }
        }
        for i in 0..n {
            for j in i + 1..n {
                let (a, b) = (&self.candidates[i], &self.candidates[j]);
                if !same_submission(&a.verified.file, &b.verified.file) {
                    continue;
                }
                let packaged =
                    |c: &Candidate| c.routes.iter().any(|r| matches!(r, Route::Package { .. }));
                let direct_only = |c: &Candidate| !packaged(c);
                let name = a.verified.file.applicant.display_name();
                if packaged(a) && packaged(b) {
                    for (k, other) in [(i, b), (j, a)] {
                        flags[k].push(Problem::new(
                            Code::RecommendedTwice,
                            format!("{name}的同类申报另有一份在其他材料包中（{}）", short(other.integrity())),
                            format!("another application of {name} of the same kind is in another package ({})", short(other.integrity())),
                        ));
                    }
                } else if direct_only(a) != direct_only(b) {
                    let (k, other) = if direct_only(a) { (i, b) } else { (j, a) };
                    flags[k].push(Problem::new(
                        Code::EditedAfterPackaging,
                        format!(
                            "{name}直接报送的文件与市里材料包中的同一申报（{}）不一致：打包后被修改过",
                            short(other.integrity())
                        ),
                        format!(
                            "the file {name} sent directly differs from the same submission in the city's package ({}): it was edited after packaging",
                            short(other.integrity())
                        ),
                    ));
                }
            }
        }
        for (c, f) in self.candidates.iter_mut().zip(flags) {
            c.flags = f;
        }
    }

    fn evidence_mut(&mut self, integrity: &str) -> Result<&mut Evidence, Vec<Problem>> {
        if self.get(integrity).is_none() {
            return Err(vec![unknown(integrity)]);
        }
        Ok(self.evidence.entry(integrity.to_string()).or_default())
    }

    fn set_checked<T>(
        &mut self,
        integrity: &str,
        value: Option<T>,
        problems: impl Fn(&T) -> Vec<Problem>,
        put: impl Fn(&mut Evidence, Option<T>),
    ) -> Result<(), Vec<Problem>> {
        if let Some(v) = &value {
            let p = problems(v);
            if !p.is_empty() {
                return Err(p);
            }
        }
        put(self.evidence_mut(integrity)?, value);
        Ok(())
    }

    /// Records (or clears) a candidate's third-party evaluation; invalid figures are refused.
    pub fn set_evaluation(
        &mut self,
        integrity: &str,
        evaluation: Option<Evaluation>,
    ) -> Result<(), Vec<Problem>> {
        self.set_checked(integrity, evaluation, Evaluation::problems, |e, v| {
            e.evaluation = v
        })
    }

    /// Records (or clears) a candidate's satisfaction survey.
    pub fn set_survey(
        &mut self,
        integrity: &str,
        survey: Option<Survey>,
    ) -> Result<(), Vec<Problem>> {
        self.set_checked(integrity, survey, Survey::problems, |e, v| e.survey = v)
    }

    /// Records (or clears) a candidate's on-site verification.
    pub fn set_on_site(
        &mut self,
        integrity: &str,
        on_site: Option<OnSite>,
    ) -> Result<(), Vec<Problem>> {
        self.set_checked(integrity, on_site, OnSite::problems, |e, v| e.on_site = v)
    }

    /// Adds an objection received during the notice.
    pub fn add_objection(
        &mut self,
        integrity: &str,
        objection: Objection,
    ) -> Result<(), Vec<Problem>> {
        let p = objection.problems();
        if !p.is_empty() {
            return Err(p);
        }
        self.evidence_mut(integrity)?.objections.push(objection);
        Ok(())
    }

    /// Replaces objection `index` of a candidate (its resolution recorded).
    pub fn set_objection(
        &mut self,
        integrity: &str,
        index: usize,
        objection: Objection,
    ) -> Result<(), Vec<Problem>> {
        let p = objection.problems();
        if !p.is_empty() {
            return Err(p);
        }
        let e = self.evidence_mut(integrity)?;
        match e.objections.get_mut(index) {
            Some(slot) => {
                *slot = objection;
                Ok(())
            }
            None => Err(vec![no_such_objection()]),
        }
    }

    /// Removes objection `index` of a candidate (one registered by mistake, or twice), and
    /// gives it back so that the page can say what went. The rest keep their order.
    pub fn remove_objection(
        &mut self,
        integrity: &str,
        index: usize,
    ) -> Result<Objection, Vec<Problem>> {
        let e = self.evidence_mut(integrity)?;
        if index >= e.objections.len() {
            return Err(vec![no_such_objection()]);
        }
        Ok(e.objections.remove(index))
    }

    /// Sets the public notice after checking it against the profile's notice period.
    pub fn set_notice(&mut self, notice: Notice) -> Result<(), Vec<Problem>> {
        let p = notice.problems(self.profile.data().notice_days.value);
        if !p.is_empty() {
            return Err(p);
        }
        self.notice = Some(notice);
        Ok(())
    }

    /// The one candidate a scores-table row means, or the row's problem.
    fn resolve(&self, row: &ScoreRow) -> Result<String, Problem> {
        let matches: Vec<&Candidate> = match &row.key {
            RowKey::Fingerprint(hex) => self
                .candidates
                .iter()
                .filter(|c| {
                    c.integrity()
                        .strip_prefix(canonical::SHA256_PREFIX)
                        .unwrap_or("")
                        .starts_with(hex.as_str())
                })
                .collect(),
            RowKey::Applicant {
                division_code,
                kind,
                category,
            } => self
                .candidates
                .iter()
                .filter(|c| {
                    let f = &c.verified.file;
                    f.applicant.division_code == *division_code
                        && c.kind() == *kind
                        && match (&f.kind, category) {
                            (crate::Kind::SingleItem { category: id, .. }, Some(want)) => {
                                id == want || c.verified.catalog.category_title(id) == *want
                            }
                            _ => true,
                        }
                })
                .collect(),
        };
        match matches.as_slice() {
            [one] => Ok(one.integrity().to_string()),
            [] => Err(Problem::new(
                Code::InvalidScores,
                "该行指向的申报不在候选名单中",
                "the row names no candidate of the pool",
            )
            .at_line(row.line, None)),
            _ => Err(Problem::new(
                Code::InvalidScores,
                "该行对应多份申报：请用「申报文件指纹」或「单项类别」区分",
                "the row matches several candidates: tell them apart by fingerprint or category",
            )
            .at_line(row.line, None)),
        }
    }

    /// Names the candidates of a naming table's rows (see
    /// [`crate::evidence::read_naming_csv`]): each is put on the notice list and marked named;
    /// all of them or none (a row that names no single candidate, or one not ranked, refuses
    /// the table). Returns how many are named.
    pub fn name_rows(&mut self, rows: &[ScoreRow]) -> Result<usize, Vec<Problem>> {
        let mut problems = Vec::new();
        let mut targets = Vec::new();
        for row in rows {
            match self.resolve(row) {
                Ok(i) => targets.push((row.line, i)),
                Err(p) => problems.push(p),
            }
        }
        let mut trial = self.clone();
        for (line, integrity) in &targets {
            if let Err(p) = trial
                .set_proposed(integrity, true)
                .and_then(|()| trial.set_named(integrity, true))
            {
                problems.extend(p.into_iter().map(|p| p.at_line(*line, None)));
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        *self = trial;
        Ok(targets.len())
    }

    /// Applies the rows of a scores table (see [`crate::evidence::read_scores_csv`]): all of
    /// them, or none when any row names no single candidate or a candidate twice. Returns how
    /// many candidates received figures.
    pub fn apply_scores(&mut self, rows: &[ScoreRow]) -> Result<usize, Vec<Problem>> {
        let mut problems = Vec::new();
        let mut targets = Vec::new();
        let mut seen = BTreeMap::new();
        for row in rows {
            match self.resolve(row) {
                Ok(integrity) => {
                    if let Some(first) = seen.insert(integrity.clone(), row.line) {
                        problems.push(
                            Problem::new(
                                Code::InvalidScores,
                                format!("与第 {first} 行是同一份申报"),
                                format!("the same candidate as line {first}"),
                            )
                            .at_line(row.line, None),
                        );
                    }
                    targets.push(integrity);
                }
                Err(p) => problems.push(p),
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        for (row, integrity) in rows.iter().zip(&targets) {
            let e = self.evidence.entry(integrity.clone()).or_default();
            if let Some(ev) = &row.evaluation {
                e.evaluation = Some(ev.clone());
            }
            if let Some(s) = &row.survey {
                e.survey = Some(s.clone());
            }
            if let Some((conclusion, date)) = &row.on_site {
                let findings = e
                    .on_site
                    .as_ref()
                    .map(|o| o.findings.clone())
                    .unwrap_or_default();
                e.on_site = Some(OnSite {
                    date: date.clone(),
                    team: e
                        .on_site
                        .as_ref()
                        .map(|o| o.team.clone())
                        .unwrap_or_default(),
                    checked: e
                        .on_site
                        .as_ref()
                        .map(|o| o.checked.clone())
                        .unwrap_or_default(),
                    findings: if findings.is_empty() && *conclusion != Conclusion::Passed {
                        match conclusion {
                            Conclusion::NotPassed => "见核查报告（由评分表导入）".into(),
                            _ => "见整改报告（由评分表导入）".into(),
                        }
                    } else {
                        findings
                    },
                    conclusion: *conclusion,
                });
            }
        }
        Ok(targets.len())
    }

    /// The ranking of one kind: every eligible candidate of that kind, ranked ones first by
    /// position, then incomplete ones, then those taken out.
    pub fn rank(&self, kind: KindKey) -> Vec<RankRow> {
        let Some(rule) = self.profile.kind(kind) else {
            return Vec::new();
        };
        let mut rows: Vec<(RankRow, &Candidate)> = self
            .candidates
            .iter()
            .filter(|c| c.kind() == kind && c.eligible())
            .map(|c| (self.row(c, &rule.parts), c))
            .collect();
        let compliance = |c: &Candidate| {
            let r = c.verified.score.total.compliance();
            Fraction::new(u64::from(r.met), u64::from(r.applicable)).unwrap_or(Fraction::ZERO)
        };
        let key = |r: &RankRow, c: &Candidate| {
            let mut k: Vec<Fraction> = vec![r.composite.unwrap_or(Fraction::ZERO)];
            k.extend(r.values.iter().map(|(_, v)| v.unwrap_or(Fraction::ZERO)));
            k.push(compliance(c));
            k
        };
        let class = |s: &Standing| match s {
            Standing::Ranked(_) => 0,
            Standing::Incomplete(_) => 1,
            Standing::Out(_) => 2,
        };
        rows.sort_by(|(a, ca), (b, cb)| {
            class(&a.standing)
                .cmp(&class(&b.standing))
                .then_with(|| key(b, cb).cmp(&key(a, ca)))
                .then_with(|| {
                    ca.verified
                        .file
                        .applicant
                        .division_code
                        .cmp(&cb.verified.file.applicant.division_code)
                })
        });
        let mut position = 0u32;
        let mut previous: Option<Vec<Fraction>> = None;
        for (i, (row, c)) in rows.iter_mut().enumerate() {
            if matches!(row.standing, Standing::Ranked(_)) {
                let k = key(row, c);
                if previous.as_ref() != Some(&k) {
                    position = i as u32 + 1;
                }
                row.standing = Standing::Ranked(position);
                previous = Some(k);
            }
        }
        rows.into_iter().map(|(r, _)| r).collect()
    }

    fn row(&self, c: &Candidate, parts: &[crate::programme::PartRule]) -> RankRow {
        let e = self.evidence(c.integrity());
        let mut values = Vec::new();
        let mut missing = Vec::new();
        let mut out = Vec::new();
        let mut terms_zh = Vec::new();
        let mut terms_en = Vec::new();
        let mut gates_zh = Vec::new();
        let mut gates_en = Vec::new();
        let mut composite = Some(Fraction::ZERO);
        for p in parts {
            let (value, shown): (Option<Fraction>, String) = match (&p.scale, p.part) {
                (Scale::Compliance, _) => {
                    let r = c.verified.score.total.compliance();
                    (
                        Fraction::new(u64::from(r.met), u64::from(r.applicable)),
                        format!("{}/{}", r.met, r.applicable),
                    )
                }
                (Scale::Points { .. }, _) => match &e.evaluation {
                    Some(ev) => (ev.value(), format!("{}/{}", ev.score, ev.scale)),
                    None => (None, String::new()),
                },
                (Scale::Rate, _) => match &e.survey {
                    Some(s) => {
                        let (n, k) = s.counts();
                        (s.rate(), format!("{k}/{n}"))
                    }
                    None => (None, String::new()),
                },
                (
                    Scale::Conclusion {
                        passed,
                        passed_after_rectification,
                    },
                    _,
                ) => match &e.on_site {
                    Some(o) => {
                        gates_zh.push(format!("实地核查：{}", o.conclusion.label(Lang::Zh)));
                        gates_en.push(format!("on-site: {}", o.conclusion.label(Lang::En)));
                        let v = match o.conclusion {
                            Conclusion::Passed => *passed,
                            Conclusion::PassedAfterRectification => *passed_after_rectification,
                            Conclusion::NotPassed => {
                                if p.gate {
                                    out.push(Message::new(
                                        "实地核查不通过",
                                        "on-site verification not passed",
                                    ));
                                }
                                Fraction::ZERO
                            }
                        };
                        (Some(v), o.conclusion.label(Lang::Zh).to_string())
                    }
                    None => (None, String::new()),
                },
                (Scale::Objections, _) => {
                    let upheld = e
                        .objections
                        .iter()
                        .filter(|o| o.resolution == crate::evidence::Resolution::Upheld)
                        .count();
                    if upheld > 0 && p.gate {
                        out.push(Message::new(
                            format!("公示异议 {upheld} 条成立"),
                            format!("{upheld} objection(s) upheld"),
                        ));
                    }
                    values.push((p.part, None));
                    continue;
                }
            };
            if value.is_none() {
                missing.push(p.part);
            }
            values.push((p.part, value));
            if p.weight.value != Fraction::ZERO {
                composite = match (composite, value) {
                    (Some(acc), Some(v)) => v
                        .checked_mul(p.weight.value)
                        .and_then(|t| acc.checked_add(t)),
                    _ => None,
                };
                let v = if shown.is_empty() {
                    "?".to_string()
                } else {
                    shown
                };
                terms_zh.push(format!(
                    "{} × {}（{}）",
                    p.weight.value,
                    v,
                    p.part.label(Lang::Zh)
                ));
                terms_en.push(format!(
                    "{} × {} ({})",
                    p.weight.value,
                    v,
                    p.part.label(Lang::En)
                ));
            }
        }
        let (sum_zh, sum_en) = match composite {
            Some(x) => (
                format!(" = {}（向下取整至四位小数）", x.decimal(4)),
                format!(" = {} (rounded down to 4 places)", x.decimal(4)),
            ),
            None => (
                " = ？（缺少部分得分）".to_string(),
                " = ? (a part is missing)".to_string(),
            ),
        };
        let gates = |g: &[String], sep: &str| {
            if g.is_empty() {
                String::new()
            } else {
                format!("{sep}{}", g.join(sep))
            }
        };
        let formula = Message::new(
            format!(
                "{}{}{}",
                terms_zh.join(" + "),
                sum_zh,
                gates(&gates_zh, "；")
            ),
            format!(
                "{}{}{}",
                terms_en.join(" + "),
                sum_en,
                gates(&gates_en, "; ")
            ),
        );
        let standing = if !out.is_empty() {
            Standing::Out(out)
        } else if !missing.is_empty() {
            Standing::Incomplete(missing)
        } else {
            Standing::Ranked(0)
        };
        RankRow {
            integrity: c.integrity().to_string(),
            composite: if matches!(standing, Standing::Incomplete(_)) {
                None
            } else {
                composite
            },
            standing,
            values,
            formula,
        }
    }

    /// Whether a candidate is on the notice list.
    pub fn is_proposed(&self, integrity: &str) -> bool {
        self.proposed.contains(integrity)
    }

    /// Puts a candidate on the notice list or takes it off; only a ranked candidate can be put
    /// on it.
    pub fn set_proposed(&mut self, integrity: &str, on: bool) -> Result<(), Vec<Problem>> {
        if !on {
            self.proposed.remove(integrity);
            self.naming.named.remove(integrity);
            return Ok(());
        }
        let Some(c) = self.get(integrity) else {
            return Err(vec![unknown(integrity)]);
        };
        let ranked = self
            .rank(c.kind())
            .into_iter()
            .any(|r| r.integrity == integrity && matches!(r.standing, Standing::Ranked(_)));
        if !ranked {
            return Err(vec![Problem::new(
                Code::InvalidFigures,
                "只有已排名（得分齐全且未被否决）的候选对象才能列入公示名单",
                "only a ranked candidate (every part present, no gate failed) can go on the notice list",
            )]);
        }
        self.proposed.insert(integrity.to_string());
        Ok(())
    }

    /// Puts on the notice list, per kind, every ranked candidate whose position is within the
    /// profile's planned number of names (a tie at the boundary brings all who share it).
    pub fn propose_by_plan(&mut self) -> usize {
        let mut added = 0;
        for kind in KindKey::ALL {
            let planned = self.profile.kind(kind).map_or(0, |k| k.planned_names.value);
            for row in self.rank(kind) {
                if let Standing::Ranked(p) = row.standing
                    && p <= planned
                {
                    added += usize::from(self.proposed.insert(row.integrity));
                }
            }
        }
        added
    }

    /// Marks a proposed candidate as named (or not).
    pub fn set_named(&mut self, integrity: &str, on: bool) -> Result<(), Vec<Problem>> {
        if on && !self.proposed.contains(integrity) {
            return Err(vec![Problem::new(
                Code::InvalidRegister,
                "只能命名列入公示名单的候选对象",
                "only a candidate on the notice list can be named",
            )]);
        }
        if on {
            self.naming.named.insert(integrity.to_string());
        } else {
            self.naming.named.remove(integrity);
        }
        Ok(())
    }

    /// The file stem the ranking's table is saved under (`{round}-省级评审排名`): the CLI's
    /// `province rank --xlsx` and the page's downloads name it alike.
    pub fn ranking_stem(&self, lang: Lang) -> String {
        format!(
            "{}-{}",
            self.profile.data().round.title,
            if lang == Lang::Zh {
                "省级评审排名"
            } else {
                "provincial-ranking"
            }
        )
    }

    /// The ranking of both kinds as one export table (the scores table): position or
    /// standing, applicant, city, kind, category, title, each part's figures, the composite and
    /// its formula, flags and fingerprint.
    pub fn ranking_table(&self, lang: Lang, stem: String) -> Table {
        let zh = lang == Lang::Zh;
        let pick = |z: &str, e: &str| if zh { z.to_string() } else { e.to_string() };
        let headers = vec![
            pick("申报类型", "Kind"),
            pick("名次", "Position"),
            pick("状态", "Standing"),
            pick("申报单位", "Applicant"),
            pick("所属市", "City"),
            pick("单项类别", "Category"),
            pick("项目名称", "Project title"),
            pick("市级初审", "City's decision"),
            pick("自评达标率（预估）", "Self-assessed compliance (estimate)"),
            pick("第三方评估", "Third-party evaluation"),
            pick("群众满意度", "Satisfaction"),
            pick("实地核查", "On-site"),
            pick("公示异议", "Objections"),
            pick("综合得分（向下取整）", "Composite (rounded down)"),
            pick("计算式", "Formula"),
            pick("提示", "Flags"),
            pick("文件指纹", "Fingerprint"),
        ];
        let mut rows = Vec::new();
        for kind in KindKey::ALL {
            for r in self.rank(kind) {
                let Some(c) = self.get(&r.integrity) else {
                    continue;
                };
                rows.push(self.ranking_cells(kind, &r, c, lang));
            }
        }
        Table {
            headers,
            rows,
            lang,
            sheet: pick("省级评审排名", "Provincial ranking"),
            stem,
        }
    }

    fn ranking_cells(&self, kind: KindKey, r: &RankRow, c: &Candidate, lang: Lang) -> Vec<Cell> {
        let f = &c.verified.file;
        let e = self.evidence(c.integrity());
        let (category, title) = match &f.kind {
            crate::Kind::SingleItem {
                category, title, ..
            } => (c.verified.catalog.category_title(category), title.clone()),
            crate::Kind::Comprehensive => (String::new(), String::new()),
        };
        let (position, standing) = match &r.standing {
            Standing::Ranked(p) => (
                Cell::Count(u64::from(*p)),
                if lang == Lang::Zh {
                    "已排名".into()
                } else {
                    "ranked".into()
                },
            ),
            Standing::Incomplete(parts) => (
                Cell::Text(String::new()),
                format!(
                    "{}{}",
                    if lang == Lang::Zh {
                        "不完整：缺"
                    } else {
                        "incomplete: missing "
                    },
                    parts
                        .iter()
                        .map(|p| p.label(lang))
                        .collect::<Vec<_>>()
                        .join(if lang == Lang::Zh { "、" } else { ", " })
                ),
            ),
            Standing::Out(reasons) => (
                Cell::Text(String::new()),
                format!(
                    "{}{}",
                    if lang == Lang::Zh {
                        "不予排名："
                    } else {
                        "out: "
                    },
                    reasons
                        .iter()
                        .map(|m| m.get(lang))
                        .collect::<Vec<_>>()
                        .join("; ")
                ),
            ),
        };
        let decision = c
            .routes
            .iter()
            .map(|route| match route {
                Route::Package {
                    city_name,
                    decision,
                    rank,
                    ..
                } => format!(
                    "{city_name} {}{}",
                    decision.label(lang),
                    rank.map(|n| format!(" #{n}")).unwrap_or_default()
                ),
                Route::Direct { .. } => {
                    if lang == Lang::Zh {
                        "省直接受理".into()
                    } else {
                        "taken directly".into()
                    }
                }
            })
            .collect::<Vec<_>>()
            .join("; ");
        let ratio = c.verified.score.total.compliance();
        let evaluation = e.evaluation.as_ref().map_or(String::new(), |ev| {
            format!("{}/{}（{}）", ev.score, ev.scale, ev.evaluator)
        });
        let survey = e
            .survey
            .as_ref()
            .map_or(String::new(), |s| s.describe(lang));
        let on_site = e
            .on_site
            .as_ref()
            .map_or(String::new(), |o| o.conclusion.label(lang).to_string());
        let objections = e
            .objections
            .iter()
            .map(|o| o.resolution.label(lang))
            .collect::<Vec<_>>()
            .join(", ");
        vec![
            Cell::Text(kind.label(lang).into()),
            position,
            Cell::Text(standing),
            Cell::Text(f.applicant.display_name()),
            Cell::Text(c.city_name()),
            Cell::Text(category),
            Cell::Text(title),
            Cell::Text(decision),
            Cell::Percent(ratio),
            Cell::Text(evaluation),
            Cell::Text(survey),
            Cell::Text(on_site),
            Cell::Text(objections),
            Cell::Text(r.composite.map_or(String::new(), |x| x.decimal(4))),
            Cell::Text(r.formula.get(lang).to_string()),
            Cell::Text(
                c.flags
                    .iter()
                    .map(|p| p.message.get(lang).to_string())
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
            Cell::Text(short(c.integrity()).to_string()),
        ]
    }

    /// The candidate list for the public notice (公示名单): the proposed candidates per kind in
    /// ranking order, with the notice period and where objections go on every row.
    pub fn notice_table(&self, lang: Lang) -> Table {
        let zh = lang == Lang::Zh;
        let pick = |z: &str, e: &str| if zh { z.to_string() } else { e.to_string() };
        let headers = vec![
            pick("序号", "No."),
            pick("申报类型", "Kind"),
            pick("申报单位", "Applicant"),
            pick("所属市", "City"),
            pick("单项类别", "Category"),
            pick("项目名称", "Project title"),
            pick("公示期", "Notice period"),
            pick("异议受理", "Objections to"),
        ];
        let (period, to) = match &self.notice {
            Some(n) => (format!("{} — {}", n.start, n.end), n.objections_to.clone()),
            None => (String::new(), String::new()),
        };
        let mut rows = Vec::new();
        for kind in KindKey::ALL {
            for r in self
                .rank(kind)
                .into_iter()
                .filter(|r| self.proposed.contains(&r.integrity))
            {
                let Some(c) = self.get(&r.integrity) else {
                    continue;
                };
                let f = &c.verified.file;
                let (category, title) = match &f.kind {
                    crate::Kind::SingleItem {
                        category, title, ..
                    } => (c.verified.catalog.category_title(category), title.clone()),
                    crate::Kind::Comprehensive => (String::new(), String::new()),
                };
                rows.push(vec![
                    Cell::Count(rows.len() as u64 + 1),
                    Cell::Text(kind.label(lang).into()),
                    Cell::Text(f.applicant.display_name()),
                    Cell::Text(c.city_name()),
                    Cell::Text(category),
                    Cell::Text(title),
                    Cell::Text(period.clone()),
                    Cell::Text(to.clone()),
                ]);
            }
        }
        let round = &self.profile.data().round.title;
        Table {
            headers,
            rows,
            lang,
            sheet: pick("公示名单", "Candidate list"),
            stem: format!(
                "{}-{}",
                neutralise_formula(round),
                pick("拟命名名单公示", "candidate-list")
            ),
        }
    }

    /// The session as stored: compact canonical JSON (also the one-file export).
    pub fn to_json(&self) -> String {
        let record = Record {
            format: PROVINCE_SESSION_FORMAT_ID.into(),
            format_version: PROVINCE_SESSION_FORMAT_VERSION,
            profile: self.profile.to_value(),
            profile_fingerprint: self.profile.fingerprint().to_string(),
            packages: self
                .packages
                .iter()
                .map(|p| PackageRecord {
                    file_name: p.file_name.clone(),
                    package: p.package.to_value(),
                })
                .chain(
                    self.unverified
                        .iter()
                        .filter(|u| u.package)
                        .map(|u| PackageRecord {
                            file_name: u.file_name.clone(),
                            package: u.value.clone(),
                        }),
                )
                .collect(),
            applications: self
                .directs
                .iter()
                .map(|(file_name, application)| DirectRecord {
                    file_name: file_name.clone(),
                    application: Value::clone(application),
                })
                .chain(
                    self.unverified
                        .iter()
                        .filter(|u| !u.package)
                        .map(|u| DirectRecord {
                            file_name: u.file_name.clone(),
                            application: u.value.clone(),
                        }),
                )
                .collect(),
            evidence: self.evidence.clone(),
            rejected: self
                .rejected
                .iter()
                .map(|r| serde_json::to_value(r).unwrap_or(Value::Null))
                .collect(),
            notice: self.notice.clone(),
            proposed: self.proposed.clone(),
            naming: self.naming.clone(),
            supervised: self.supervised.as_ref().map(|v| v.register.to_value()),
        };
        canonical::to_compact(&serde_json::to_value(record).unwrap_or(Value::Null))
    }

    /// Reads a stored or exported session, verifying its profile and every package and
    /// application again. A package or application that no longer verifies is listed among the
    /// rejected files; evidence recorded on a candidate that is gone is kept (and written back),
    /// so nothing entered is lost.
    pub fn from_json(bytes: &[u8], catalogs: &CatalogSet) -> Result<ProvinceSession, Vec<Problem>> {
        let value = parse_json(bytes, MAX_PROVINCE_SESSION_BYTES)?;
        check_format(
            &value,
            PROVINCE_SESSION_FORMAT_ID,
            PROVINCE_SESSION_FORMAT_VERSION,
        )
        .map_err(|p| vec![p])?;
        let record: Record = crate::json::from_value(&value).map_err(|e| {
            vec![Problem::new(
                Code::NotApplication,
                format!("省级评审工作记录已损坏：{}。", e.zh()),
                format!("the province session record is damaged: {}", e.en()),
            )]
        })?;
        let profile = Profile::from_value(&record.profile).map_err(|mut p| {
            p.insert(
                0,
                Problem::new(
                    Code::ProfileMismatch,
                    "工作记录中的创建方案无效",
                    "the session's programme profile is not valid",
                ),
            );
            p
        })?;
        if profile.fingerprint() != record.profile_fingerprint {
            return Err(vec![Problem::new(
                Code::ProfileMismatch,
                "工作记录中的创建方案与其指纹不符",
                "the session's programme profile does not match its fingerprint",
            )]);
        }
        let mut session = ProvinceSession::new(profile);
        // One that does not verify is kept as recorded (and written back), so loading its
        // catalog later brings it back: the office's record loses nothing.
        for mut p in record.packages {
            // Verified in place: one that fails comes back as recorded, with no copy of every
            // package made beforehand (a round's packages are megabytes).
            match crate::package::verify_package_in_place(&mut p.package, catalogs) {
                Ok(v) => {
                    session.add_package(&p.file_name, v);
                }
                Err(problems) => {
                    session.reject(p.file_name.clone(), problems);
                    session.unverified.push(Unverified {
                        file_name: p.file_name,
                        value: p.package,
                        package: true,
                    });
                }
            }
        }
        for d in record.applications {
            match verify_value(&d.application, catalogs) {
                Ok(v) => {
                    session.add_application(&d.file_name, v);
                }
                Err(problems) => {
                    session.reject(d.file_name.clone(), problems);
                    session.unverified.push(Unverified {
                        file_name: d.file_name,
                        value: d.application,
                        package: false,
                    });
                }
            }
        }
        session.evidence = record.evidence;
        for r in record
            .rejected
            .into_iter()
            .filter_map(|v| crate::json::from_value::<Rejected>(&v).ok())
        {
            if !session.rejected.iter().any(|x| x.file_name == r.file_name) {
                session.rejected.push(r);
            }
        }
        // A stored notice is kept as entered, even one that no longer passes its checks: the
        // page shows its problems and the office corrects it.
        session.notice = record.notice;
        session.proposed = record.proposed;
        session.naming = record.naming;
        // The register is verified again like every file of the session; one that no longer
        // verifies is listed among the rejected files, not dropped in silence.
        if let Some(value) = record.supervised {
            match crate::register::verify_register_value(value) {
                Ok(v) => session.supervised = Some(v),
                Err(problems) => session.reject(SUPERVISED_FILE_NAME.to_string(), problems),
            }
        }
        Ok(session)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::evidence::{Answers, Resolution, read_scores_csv};
    use crate::package::{Package, Review, Reviewer};
    use crate::testing::{test_generator, verified_sample};

    pub(crate) fn package(city: u32, apps: &[&Verified]) -> VerifiedPackage {
        let review = Review {
            city_code: city,
            reviewer: Reviewer {
                name: "李华".into(),
                office: "市委依法治市办".into(),
            },
            date: "2021-03-01".into(),
            decisions: apps
                .iter()
                .enumerate()
                .map(|(i, _)| (Decision::Recommend, Some(i as u32 + 1), String::new()))
                .collect(),
        };
        let p = Package::build(
            &review,
            apps,
            test_generator(),
            "2021-03-01T10:00:00+08:00".into(),
        )
        .unwrap();
        crate::package::read_package(p.to_json().as_bytes(), &CatalogSet::builtin()).unwrap()
    }

    fn survey(n: u64, s: u64) -> Survey {
        Survey {
            by: "省统计局".into(),
            date: "2021-06-01".into(),
            answers: Answers::Counts {
                respondents: n,
                satisfied: s,
            },
        }
    }

    fn evaluation(score: &str) -> Evaluation {
        Evaluation {
            evaluator: "山西大学".into(),
            date: "2021-05-01".into(),
            score: score.into(),
            scale: 100,
            report: "R-1".into(),
        }
    }

    fn on_site(c: Conclusion) -> OnSite {
        OnSite {
            date: "2021-06-10".into(),
            team: vec!["王五".into()],
            checked: vec![],
            findings: "见报告".into(),
            conclusion: c,
        }
    }

    fn standings(s: &ProvinceSession) -> Vec<(String, Standing)> {
        s.rank(KindKey::Comprehensive)
            .into_iter()
            .map(|r| {
                (
                    s.get(&r.integrity)
                        .unwrap()
                        .verified
                        .file
                        .applicant
                        .division_code
                        .clone(),
                    r.standing,
                )
            })
            .collect()
    }

    #[test]
    fn ranking_gates_incomplete_ties_and_formula() {
        let a = verified_sample("140105", 92, 1);
        let b = verified_sample("140106", 92, 1);
        let c = verified_sample("140107", 94, 3);
        let d = verified_sample("140108", 94, 4);
        let mut s = ProvinceSession::new(Profile::shanxi_2020());
        assert_eq!(
            s.add_package("太原.json", package(140100, &[&a, &b, &c, &d])),
            4
        );
        for (v, score) in [(&a, "90"), (&b, "90"), (&c, "80")] {
            let i = &v.file.integrity;
            s.set_evaluation(i, Some(evaluation(score))).unwrap();
            s.set_survey(i, Some(survey(100, 90))).unwrap();
            s.set_on_site(i, Some(on_site(Conclusion::Passed))).unwrap();
        }
        // d: not passed on site, everything else present.
        s.set_evaluation(&d.file.integrity, Some(evaluation("99")))
            .unwrap();
        s.set_survey(&d.file.integrity, Some(survey(100, 99)))
            .unwrap();
        s.set_on_site(&d.file.integrity, Some(on_site(Conclusion::NotPassed)))
            .unwrap();
        let got = standings(&s);
        // a and b are exactly equal (same compliance, scores): they share position 1.
        assert_eq!(got[0], ("140105".into(), Standing::Ranked(1)));
        assert_eq!(got[1], ("140106".into(), Standing::Ranked(1)));
        assert_eq!(got[2], ("140107".into(), Standing::Ranked(3)));
        assert!(matches!(got[3].1, Standing::Out(_)));
        let row = &s.rank(KindKey::Comprehensive)[0];
        // 1/5 × 92/95 + 1/2 × 9/10 + 3/10 × 9/10 = 0.91368…
        assert_eq!(a.score.total.compliance().applicable, 95);
        assert_eq!(
            row.composite,
            Fraction::new(92, 95 * 5)
                .unwrap()
                .checked_add(Fraction::new(72, 100).unwrap())
        );
        assert!(
            row.formula
                .zh
                .starts_with("1/5 × 92/95（书面审查（自评达标率））"),
            "{}",
            row.formula.zh
        );
        assert!(
            row.formula.en.contains("= 0.9136 (rounded down"),
            "{}",
            row.formula.en
        );
        // Clearing a survey makes a candidate incomplete, never ranked as zero.
        s.set_survey(&c.file.integrity, None).unwrap();
        assert_eq!(
            standings(&s)[2],
            (
                "140107".into(),
                Standing::Incomplete(vec![Part::Satisfaction])
            )
        );
        // An upheld objection takes a ranked one out.
        s.add_objection(
            &a.file.integrity,
            Objection {
                received: "2021-07-02".into(),
                summary: "材料不实".into(),
                resolution: Resolution::Upheld,
                note: "经核实".into(),
            },
        )
        .unwrap();
        assert!(
            standings(&s)
                .iter()
                .any(|(code, st)| code == "140105" && matches!(st, Standing::Out(_)))
        );
        assert!(
            s.set_evaluation(&a.file.integrity, Some(evaluation("101")))
                .is_err()
        );
        // Removing the upheld objection (registered by mistake) brings the candidate back;
        // an index it does not have changes nothing.
        assert!(s.remove_objection(&a.file.integrity, 1).is_err());
        let removed = s.remove_objection(&a.file.integrity, 0).unwrap();
        assert_eq!(removed.summary, "材料不实");
        assert!(s.evidence(&a.file.integrity).objections.is_empty());
        assert!(
            !standings(&s)
                .iter()
                .any(|(code, st)| code == "140105" && matches!(st, Standing::Out(_)))
        );
        assert!(s.remove_objection(&a.file.integrity, 0).is_err());
        assert!(s.remove_objection("sha256:nobody", 0).is_err());
    }

    #[test]
    fn pool_flags_and_direct_routes() {
        let a = verified_sample("140105", 92, 1);
        let city = verified_sample("140100", 95, 7);
        let mut s = ProvinceSession::new(Profile::shanxi_2020());
        s.add_package("太原.json", package(140100, &[&a, &city]));
        // The same application in a second package of the same city.
        s.add_package("太原-补报.json", {
            let mut p = package(140100, &[&a]);
            p.package.date = "2021-03-02".into();
            p.package.integrity = "sha256:other".into();
            p
        });
        assert_eq!(s.candidates().len(), 2);
        assert_eq!(
            s.get(&a.file.integrity).unwrap().flags[0].code,
            Code::RecommendedTwice
        );
        // The city-level applicant sent directly, edited after packaging.
        let edited = verified_sample("140100", 96, 7);
        assert!(s.add_application("太原市本级.json", edited.clone()));
        let flagged = s.get(&edited.file.integrity).unwrap();
        assert_eq!(flagged.flags[0].code, Code::EditedAfterPackaging);
        assert!(flagged.eligible());
    }

    #[test]
    fn session_round_trips_and_keeps_orphaned_evidence() {
        let a = verified_sample("140105", 92, 1);
        let mut s = ProvinceSession::new(Profile::shanxi_2020());
        s.add_package("太原.json", package(140100, &[&a]));
        let csv = format!(
            "申报文件指纹,评估机构,评估日期,得分,满分,测评日期,答卷人数,满意人数,实地核查结论,核查日期\n{},山西大学,2021-05-01,88.5,100,2021-05-20,120,100,通过,2021-06-01\n",
            short(&a.file.integrity)
        );
        let rows = read_scores_csv(csv.as_bytes(), 100).unwrap();
        assert_eq!(s.apply_scores(&rows).unwrap(), 1);
        assert_eq!(s.propose_by_plan(), 1);
        s.set_named(&a.file.integrity, true).unwrap();
        s.evidence.insert(
            "sha256:gone".into(),
            Evidence {
                evaluation: Some(evaluation("70")),
                ..Evidence::default()
            },
        );
        let json = s.to_json();
        let back = ProvinceSession::from_json(json.as_bytes(), &CatalogSet::builtin()).unwrap();
        assert_eq!(back.to_json(), json);
        assert!(back.is_proposed(&a.file.integrity));
        assert_eq!(back.notice_table(Lang::Zh).rows.len(), 1);
        assert_eq!(back.ranking_table(Lang::En, "x".into()).rows.len(), 1);
        let unknown = "申报文件指纹,评估机构,评估日期,得分\n0123456789ab,山西大学,2021-05-01,80\n";
        let err = s
            .apply_scores(&read_scores_csv(unknown.as_bytes(), 100).unwrap())
            .unwrap_err();
        assert_eq!(
            (err[0].code, err[0].at.line),
            (Code::InvalidScores, Some(2))
        );
    }
}
