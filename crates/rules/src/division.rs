//! Shanxi's administrative divisions (GB/T 2260): codes, names and the level of government.
//!
//! The table is `data/shanxi_divisions.tsv` (code, name, parent code), embedded at compile time.
//! Codes whose digits 5–6 are 71 are statistical development zones, not governments, and are not
//! accepted as applicants; codes retired in the 2018–2019 reforms are recognised so that an error
//! can name the code that replaced them.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

const TABLE: &str = include_str!("../data/shanxi_divisions.tsv");

/// Level of government of an applicant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum GovLevel {
    /// A prefecture-level city (地级市).
    City,
    /// A county-level unit: district (区), county (县) or county-level city (县级市).
    County,
}

impl GovLevel {
    /// The value as stored in files.
    pub fn as_str(self) -> &'static str {
        match self {
            GovLevel::City => "city",
            GovLevel::County => "county",
        }
    }
}

/// One row of the division table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Division {
    /// Six-digit code.
    pub code: u32,
    /// Name, e.g. 小店区.
    pub name: String,
    /// Parent's code (000000 for the province).
    pub parent: u32,
}

impl Division {
    /// The code as six digits.
    pub fn code_str(&self) -> String {
        format!("{:06}", self.code)
    }
}

/// A government identified by its code, with the names derived from the table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    /// Six-digit code.
    pub code: String,
    /// Province name (山西省).
    pub province: String,
    /// Prefecture-level city name.
    pub city: String,
    /// County-level name; empty for a city applicant.
    pub county: String,
    /// Level of government.
    pub level: GovLevel,
}

impl Place {
    /// A display name such as 太原市小店区 or 太原市.
    pub fn display_name(&self) -> String {
        format!("{}{}", self.city, self.county)
    }
}

fn table() -> &'static [Division] {
    static DIVISIONS: OnceLock<Vec<Division>> = OnceLock::new();
    DIVISIONS.get_or_init(|| {
        TABLE
            .lines()
            .skip(1)
            .filter_map(|line| {
                let mut cols = line.split('\t');
                let code = cols.next()?.trim().parse().ok()?;
                let name = cols.next()?.trim().to_string();
                let parent = cols.next()?.trim().parse().ok()?;
                Some(Division { code, name, parent })
            })
            .collect()
    })
}

/// Every division in the table: the province, then cities, then county-level units.
pub fn all() -> &'static [Division] {
    table()
}

/// The province's code.
pub const PROVINCE_CODE: u32 = 140000;

/// The prefecture-level cities, in code order.
pub fn cities() -> impl Iterator<Item = &'static Division> {
    table().iter().filter(|d| d.parent == PROVINCE_CODE)
}

/// The county-level units of the city `city_code`, in code order.
pub fn counties_of(city_code: u32) -> impl Iterator<Item = &'static Division> {
    table().iter().filter(move |d| d.parent == city_code)
}

/// The division with this code.
pub fn get(code: u32) -> Option<&'static Division> {
    table().iter().find(|d| d.code == code)
}

/// Codes retired in 2018–2019 and the codes that replaced them.
const RETIRED: &[(u32, u32)] = &[
    (140726, 140703),
    (140202, 140213),
    (140203, 140214),
    (140211, 140213),
    (140227, 140215),
    (140402, 140403),
    (140411, 140403),
    (140421, 140404),
    (140424, 140405),
    (140481, 140406),
    (140624, 140681),
];

/// The current code for a code retired in the 2018–2019 reforms.
///
/// ```
/// assert_eq!(shifan_rules::division::successor(140726), Some(140703)); // 太谷县 → 太谷区
/// assert_eq!(shifan_rules::division::successor(140105), None);
/// ```
pub fn successor(code: u32) -> Option<u32> {
    RETIRED
        .iter()
        .find(|(old, _)| *old == code)
        .map(|(_, new)| *new)
}

/// Why a code names no applicant.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DivisionError {
    /// Not six digits.
    #[error("not a six-digit code")]
    Malformed,
    /// A development zone (digits 5–6 are 71), not a government.
    #[error("a statistical development zone, not a government")]
    DevelopmentZone,
    /// Retired; the new code is given.
    #[error("retired code, now {0:06}")]
    Retired(u32),
    /// The province itself, which does not apply.
    #[error("the province itself")]
    Province,
    /// Not in the Shanxi table.
    #[error("not a Shanxi division")]
    Unknown,
}

impl DivisionError {
    /// The explanation in Chinese.
    pub fn zh(&self) -> String {
        match self {
            DivisionError::Malformed => "区划代码应为 6 位数字".into(),
            DivisionError::DevelopmentZone => "该代码是统计用开发区，不是一级政府".into(),
            DivisionError::Retired(new) => {
                let name = get(*new).map(|d| d.name.clone()).unwrap_or_default();
                format!("该代码已在区划调整中撤销，现为 {new:06}（{name}）")
            }
            DivisionError::Province => "省本级不是申报主体，请选择市或县（市、区）".into(),
            DivisionError::Unknown => "山西省区划表中没有该代码".into(),
        }
    }

    /// The explanation in English.
    pub fn en(&self) -> String {
        match self {
            DivisionError::Retired(new) => format!("this code was retired; it is now {new:06}"),
            DivisionError::Province => {
                "the province itself does not apply; choose a city or county".into()
            }
            other => other.to_string(),
        }
    }
}

/// Looks up an applicant by its six-digit code.
///
/// ```
/// use shifan_rules::{division, GovLevel};
/// let place = division::lookup("140105").unwrap();
/// assert_eq!((place.city.as_str(), place.county.as_str()), ("太原市", "小店区"));
/// assert_eq!(place.level, GovLevel::County);
/// assert_eq!(division::lookup("140100").unwrap().level, GovLevel::City);
/// assert!(division::lookup("140726").is_err()); // retired 2019
/// ```
pub fn lookup(code: &str) -> Result<Place, DivisionError> {
    let code = code.trim();
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(DivisionError::Malformed);
    }
    let n: u32 = code.parse().map_err(|_| DivisionError::Malformed)?;
    if n % 100 == 71 {
        return Err(DivisionError::DevelopmentZone);
    }
    if n == PROVINCE_CODE {
        return Err(DivisionError::Province);
    }
    let Some(division) = get(n) else {
        return Err(match successor(n) {
            Some(new) => DivisionError::Retired(new),
            None => DivisionError::Unknown,
        });
    };
    let province = get(PROVINCE_CODE)
        .map(|p| p.name.clone())
        .unwrap_or_default();
    if division.parent == PROVINCE_CODE {
        Ok(Place {
            code: code.to_string(),
            province,
            city: division.name.clone(),
            county: String::new(),
            level: GovLevel::City,
        })
    } else {
        let city = get(division.parent).ok_or(DivisionError::Unknown)?;
        Ok(Place {
            code: code.to_string(),
            province,
            city: city.name.clone(),
            county: division.name.clone(),
            level: GovLevel::County,
        })
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn table_has_the_documented_shape() {
        assert_eq!(cities().count(), 11);
        let counties: usize = cities().map(|c| counties_of(c.code).count()).sum();
        assert_eq!(counties, 117);
        let kinds = |lo: u32, hi: u32| {
            table()
                .iter()
                .filter(|d| {
                    d.parent != PROVINCE_CODE
                        && d.code != PROVINCE_CODE
                        && (lo..=hi).contains(&(d.code % 100))
                })
                .count()
        };
        assert_eq!(kinds(1, 20), 26, "districts");
        assert_eq!(kinds(21, 80), 80, "counties");
        assert_eq!(kinds(81, 99), 11, "county-level cities");
    }

    #[test]
    fn every_county_resolves_and_every_retired_code_points_to_a_live_one() {
        for d in table().iter().filter(|d| d.code != PROVINCE_CODE) {
            let place = lookup(&d.code_str()).unwrap();
            assert_eq!(place.code, d.code_str());
        }
        for (old, new) in RETIRED {
            assert!(get(*old).is_none());
            assert!(get(*new).is_some());
            assert_eq!(
                lookup(&format!("{old:06}")),
                Err(DivisionError::Retired(*new))
            );
        }
    }

    #[test]
    fn rejects_malformed_and_zones() {
        for bad in ["", "14010", "1401055", "14O105", "-14010", "140000"] {
            assert!(lookup(bad).is_err(), "{bad:?}");
        }
        assert_eq!(lookup("140171"), Err(DivisionError::DevelopmentZone));
        assert_eq!(lookup("110101"), Err(DivisionError::Unknown));
    }
}
