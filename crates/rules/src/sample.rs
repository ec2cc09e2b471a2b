//! Realistic sample applications, for demos, training and tests.
//!
//! The sample is deterministic for a given seed: which indicators are met, the ticked points,
//! notes and evidence references all follow from it, so fixtures and demo counties never change
//! unexpectedly. Evidence titles come from the catalog's own evidence guidance.

use crate::application::{Applicant, ApplicationFile, Contact, Generator, Kind, Narrative};
use crate::assessment::{Answer, EvidenceRef, Status, suggested_status};
use crate::catalog::{Catalog, applicable_count};
use crate::division::GovLevel;
use crate::problem::{Code, Problem};
use crate::score::{Verdict, score};

/// What kind of sample to make.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SampleKind {
    /// A comprehensive application.
    Comprehensive,
    /// A single-item project in the given catalog category.
    SingleItem(String),
}

/// The creation time of a sample unless told otherwise, so that samples are reproducible.
pub const DEFAULT_CREATED: &str = "2026-11-01T09:00:00+08:00";
/// The write time of a sample unless told otherwise.
pub const DEFAULT_UPDATED: &str = "2026-11-20T17:30:00+08:00";

/// The parameters of a sample.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SampleSpec {
    /// Applicant's division code.
    pub division_code: String,
    /// How many indicators are met.
    pub met: u32,
    /// Comprehensive or single-item.
    pub kind: SampleKind,
    /// Seed for every choice.
    pub seed: u64,
    /// Creation time (RFC 3339).
    pub created: String,
    /// Write time (RFC 3339).
    pub updated: String,
}

impl SampleSpec {
    /// A sample of `division_code` with `met` indicators met, of `kind`, from `seed`, written
    /// at the default times ([`DEFAULT_CREATED`], [`DEFAULT_UPDATED`]).
    pub fn new(division_code: &str, met: u32, kind: SampleKind, seed: u64) -> SampleSpec {
        SampleSpec {
            division_code: division_code.to_string(),
            met,
            kind,
            seed,
            created: DEFAULT_CREATED.to_string(),
            updated: DEFAULT_UPDATED.to_string(),
        }
    }
}

/// A small, fast, seedable generator (SplitMix64); plenty for picking sample content.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}

const NA_REASONS: &[&str] = &[
    "本级政府无该项职权，相关事项由上级政府统一实施",
    "评估期内未发生该类事项，无相应工作可评",
];

const GAP_NOTES: &[&str] = &[
    "已列入年度整改清单，正在推进",
    "部分乡镇尚未落实，已下发督办通知",
    "制度已起草，待政府常务会议审议",
    "材料正在收集整理",
];

/// The short name used in document numbers: 小店区 → 小店, 太原市 → 太原.
fn short_name(name: &str) -> String {
    let trimmed = name.trim_end_matches(['区', '县', '市']);
    let short: String = trimmed.chars().take(2).collect();
    if short.is_empty() {
        name.to_string()
    } else {
        short
    }
}

/// Builds a valid sample application.
///
/// ```
/// use shifan_rules::{Catalog, CatalogSet, read_application};
/// use shifan_rules::sample::{SampleKind, SampleSpec, sample_application};
/// let spec = SampleSpec::new("140105", 90, SampleKind::Comprehensive, 7);
/// let file = sample_application(Catalog::reference(), &spec).unwrap();
/// let verified = read_application(file.to_json().as_bytes(), &CatalogSet::builtin()).unwrap();
/// assert_eq!(verified.score.total.met, 90);
/// ```
pub fn sample_application(
    catalog: &Catalog,
    spec: &SampleSpec,
) -> Result<ApplicationFile, Problem> {
    let contact = Contact {
        name: "张明".into(),
        phone: "0351-1234567".into(),
        email: "fzb@example.gov.cn".into(),
    };
    let applicant = Applicant::from_code(&spec.division_code, contact)?;
    let mut rng = SplitMix(spec.seed ^ u64::from(spec.met) << 32);
    let mut applicable: Vec<u16> = catalog
        .indicators()
        .filter(|i| i.applies_to.applies_to(applicant.level))
        .map(|i| i.number)
        .collect();
    let met = spec.met as usize;
    if met > applicable.len() {
        return Err(Problem::new(
            Code::InvalidStatus,
            format!(
                "该单位适用的指标只有 {} 项，无法达标 {met} 项",
                applicable.len()
            ),
            format!(
                "only {} indicators apply to this government; {met} cannot be met",
                applicable.len()
            ),
        ));
    }
    rng.shuffle(&mut applicable);
    let not_applicable = (applicable.len() - met).min(rng.below(3));
    let short = short_name(if applicant.county.is_empty() {
        &applicant.city
    } else {
        &applicant.county
    });

    let mut answers: Vec<Answer> = catalog
        .indicators()
        .map(|i| Answer::unanswered(i.number))
        .collect();
    for (rank, &number) in applicable.iter().enumerate() {
        let indicator = catalog
            .indicator(number)
            .expect("numbers come from the catalog");
        let criteria = indicator.criteria.len();
        let answer = &mut answers[usize::from(number) - 1];
        if rank < met {
            answer.satisfied = (0..criteria as u8).collect();
            let documents = 1 + rng.below(indicator.evidence.len().min(2));
            for d in 0..documents {
                let month = 1 + rng.below(12);
                let day = 1 + rng.below(28);
                answer.evidence.push(EvidenceRef {
                    title: indicator.evidence[d].clone(),
                    document_number: format!(
                        "{short}政办发〔{}〕{}号",
                        2024 + rng.below(2),
                        1 + rng.below(80)
                    ),
                    date: format!("{}-{month:02}-{day:02}", 2024 + rng.below(2)),
                    file: None,
                });
            }
        } else if rank < met + not_applicable {
            answer.status = Status::NotApplicable;
            answer.reason = NA_REASONS[rng.below(NA_REASONS.len())].to_string();
            continue;
        } else {
            // A gap: some or none of the points, never all of them.
            let ticked = rng.below(criteria);
            let mut points: Vec<u8> = (0..criteria as u8).collect();
            rng.shuffle(&mut points);
            answer.satisfied = points[..ticked].to_vec();
            answer.satisfied.sort_unstable();
            answer.note = GAP_NOTES[rng.below(GAP_NOTES.len())].to_string();
        }
        answer.status = suggested_status(answer.satisfied.len(), criteria);
    }

    let kind = match &spec.kind {
        SampleKind::Comprehensive => Kind::Comprehensive,
        SampleKind::SingleItem(category) => {
            let title = catalog
                .category(category)
                .map(|c| c.title.clone())
                .ok_or_else(|| {
                    Problem::new(
                        Code::UnknownCategory,
                        format!("单项示范类别「{category}」不在指标目录中"),
                        format!("single-item category “{category}” is not in the catalog"),
                    )
                })?;
            let place = applicant.display_name();
            Kind::SingleItem {
                category: category.clone(),
                title: format!("{place}“{title}”创新实践"),
                narrative: Narrative {
                    innovation: format!("{place}围绕{title}，在全省率先建立统一的工作规则和线上办理平台，将分散在各部门的事项集中办理。"),
                    leadership: "相关做法被省级主管部门发文推广，两年来接待外地考察学习二十余批次。".into(),
                    typicality: "针对县域普遍存在的标准不一、程序不清问题，形成了可操作的制度文本和工作流程。".into(),
                    replicability: "制度文本、流程图和系统需求已整理成册，其他县(市、区)可按本地机构设置直接套用。".into(),
                },
            }
        }
    };
    let generator = Generator {
        name: "shifan-sample".into(),
        version: env!("CARGO_PKG_VERSION").into(),
    };
    Ok(ApplicationFile::build(
        catalog,
        applicant,
        kind,
        answers,
        generator,
        spec.created.clone(),
        spec.updated.clone(),
    ))
}

/// One of the built-in demo counties.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Demo {
    /// A comprehensive application well above the bar (清徐县).
    WellAbove,
    /// A comprehensive application just below the bar (介休市).
    JustBelow,
    /// A single-item project in the catalog's first category (泽州县).
    SingleItem,
}

/// Creation and write times of every demo (fixed, so the demos never change).
const DEMO_CREATED: &str = "2021-04-06T09:00:00+08:00";
const DEMO_UPDATED: &str = "2021-05-28T17:30:00+08:00";

impl Demo {
    /// Every demo, in the order shown.
    pub const ALL: [Demo; 3] = [Demo::WellAbove, Demo::JustBelow, Demo::SingleItem];

    /// A short stable name (`above`, `below`, `single`).
    pub fn as_str(self) -> &'static str {
        match self {
            Demo::WellAbove => "above",
            Demo::JustBelow => "below",
            Demo::SingleItem => "single",
        }
    }

    /// The demo county's division code (all three are county-level governments).
    pub fn division_code(self) -> &'static str {
        match self {
            Demo::WellAbove => "140121",
            Demo::JustBelow => "140781",
            Demo::SingleItem => "140525",
        }
    }

    fn spec(self, catalog: &Catalog, met: u32) -> Option<SampleSpec> {
        let kind = match self {
            Demo::SingleItem => {
                SampleKind::SingleItem(catalog.data().single_item_categories.first()?.id.clone())
            }
            _ => SampleKind::Comprehensive,
        };
        Some(SampleSpec {
            division_code: self.division_code().to_string(),
            met,
            kind,
            seed: 2020 + self as u64,
            created: DEMO_CREATED.to_string(),
            updated: DEMO_UPDATED.to_string(),
        })
    }

    /// The demo's application file on `catalog`, or `None` when the catalog cannot make it
    /// (no indicator applies to a county, or no single-item category for the project).
    ///
    /// ```
    /// use shifan_rules::{Catalog, Verdict, score, GovLevel};
    /// use shifan_rules::sample::Demo;
    /// let catalog = Catalog::reference();
    /// let above = Demo::WellAbove.application(catalog).unwrap();
    /// let below = Demo::JustBelow.application(catalog).unwrap();
    /// let verdict = |f: &shifan_rules::ApplicationFile| score(catalog, GovLevel::County, &f.answers).verdict;
    /// assert_eq!(verdict(&above), Verdict::MeetsBar);
    /// assert_eq!(verdict(&below), Verdict::NotYet);
    /// ```
    pub fn application(self, catalog: &Catalog) -> Option<ApplicationFile> {
        let applicable = applicable_count(catalog, GovLevel::County) as u32;
        if applicable == 0 {
            return None;
        }
        let threshold = catalog.threshold();
        // The fewest met indicators that reach the bar with nothing declared not applicable.
        let lowest = (0..=applicable)
            .find(|&m| threshold.is_reached(m, applicable))
            .unwrap_or(applicable);
        let make = |met: u32| sample_application(catalog, &self.spec(catalog, met)?).ok();
        match self {
            Demo::WellAbove => make((applicable - applicable / 20).max(lowest)),
            Demo::SingleItem => make(applicable * 4 / 5),
            // Declared "not applicable" answers shrink the denominator, so step down until the
            // sample really is below the bar.
            Demo::JustBelow => (0..lowest).rev().find_map(|met| {
                let file = make(met)?;
                let verdict = score(catalog, GovLevel::County, &file.answers).verdict;
                (verdict == Verdict::NotYet).then_some(file)
            }),
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::import::{export_csv, read_catalog_file};
    use crate::read_application;

    fn check(catalog: &Catalog) {
        for demo in Demo::ALL {
            let file = demo
                .application(catalog)
                .expect("the catalog makes every demo");
            let mut set = crate::CatalogSet::builtin();
            set.add(catalog.clone());
            let verified = read_application(file.to_json().as_bytes(), &set).expect("valid");
            let total = verified.score.total;
            let per_mille = total.compliance().per_mille().unwrap_or(0);
            let line = catalog.threshold().per_mille();
            assert_eq!(total.unanswered, 0, "{demo:?}");
            match demo {
                Demo::WellAbove => {
                    assert_eq!(verified.score.verdict, Verdict::MeetsBar);
                    assert!(per_mille >= line + 40, "{demo:?} {per_mille}");
                }
                Demo::JustBelow => {
                    assert_eq!(verified.score.verdict, Verdict::NotYet);
                    assert!(
                        per_mille + 50 >= line,
                        "{demo:?} {per_mille} is not just below"
                    );
                }
                Demo::SingleItem => {
                    assert!(matches!(verified.file.kind, crate::Kind::SingleItem { .. }));
                    assert!(verified.warnings.is_empty(), "{:?}", verified.warnings);
                }
            }
            assert_eq!(
                demo.application(catalog).map(|f| f.to_json()),
                Some(file.to_json()),
                "{demo:?} is deterministic"
            );
        }
    }

    #[test]
    fn demos_on_the_reference_and_on_an_imported_table() {
        check(Catalog::reference());
        let table = export_csv(Catalog::reference());
        check(&read_catalog_file("官方指标表.csv", table.as_bytes()).unwrap());
    }
}
