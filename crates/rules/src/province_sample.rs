//! Deterministic sample material for the province's work: every city's recommendation package
//! with a chosen number of candidates in all, and a scores table (evaluation, survey, on-site)
//! for them; for demos, fixtures, end-to-end tests and the 300-candidate bench.

use crate::application::{Generator, verify_value};
use crate::catalog::{Catalog, CatalogSet};
use crate::division;
use crate::package::{Decision, Package, Review, Reviewer};
use crate::problem::Problem;
use crate::sample::{SampleKind, SampleSpec, sample_application};

/// SplitMix64, so that the same seed gives the same round.
fn next(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// One package per city (the first `cities` of the province, at most 11) with `candidates`
/// applications spread over them: comprehensive ones of counties (and the city itself) above
/// the bar, single-item projects in the catalog's categories; every application recommended
/// with ranks 1..k. Reproducible for the same arguments.
pub fn sample_packages(
    cities: usize,
    candidates: usize,
    seed: u64,
    generator: &Generator,
) -> Result<Vec<Package>, Vec<Problem>> {
    let catalog = Catalog::reference();
    let catalogs = CatalogSet::builtin();
    let categories: Vec<String> = catalog
        .data()
        .single_item_categories
        .iter()
        .map(|c| c.id.clone())
        .collect();
    let city_list: Vec<_> = division::cities().take(cities.clamp(1, 11)).collect();
    let mut state = seed;
    let mut packages = Vec::new();
    for (ci, city) in city_list.iter().enumerate() {
        let share = candidates / city_list.len() + usize::from(ci < candidates % city_list.len());
        let mut places: Vec<u32> = vec![city.code];
        places.extend(division::counties_of(city.code).map(|d| d.code));
        let mut verified = Vec::new();
        // Each place applies for a comprehensive demonstration first, then single-item projects
        // category by category, so that no two applications are the same submission.
        for slot in 0..share {
            let place = places[slot % places.len()];
            let round = slot / places.len();
            let kind = if round == 0 {
                SampleKind::Comprehensive
            } else {
                SampleKind::SingleItem(categories[(round - 1) % categories.len()].clone())
            };
            let met = 86 + (next(&mut state) % 8) as u32;
            let spec = SampleSpec::new(&format!("{place:06}"), met, kind, next(&mut state));
            let file = sample_application(catalog, &spec).map_err(|p| vec![p])?;
            verified.push(verify_value(&file.to_value(), &catalogs)?);
        }
        let review = Review {
            city_code: city.code,
            reviewer: Reviewer {
                name: "初审人".into(),
                office: format!("{}委依法治市办", city.name),
            },
            date: "2021-03-01".into(),
            decisions: (0..verified.len())
                .map(|i| (Decision::Recommend, Some(i as u32 + 1), String::new()))
                .collect(),
        };
        let refs: Vec<_> = verified.iter().collect();
        packages.push(Package::build(
            &review,
            &refs,
            generator.clone(),
            "2021-03-01T10:00:00+08:00".into(),
        )?);
    }
    Ok(packages)
}

/// A scores table (CSV, Chinese headers) for every application of `packages`: an evaluation
/// out of 100, a survey of 100 to 1,000 respondents, and an on-site conclusion (about one in
/// twenty not passed, one in ten passed after rectification). Reproducible for the same seed.
pub fn sample_scores_csv(packages: &[Package], seed: u64) -> String {
    let mut state = seed;
    let mut out = String::from(
        "申报文件指纹,评估机构,评估日期,得分,满分,报告编号,测评机构,测评日期,答卷人数,满意人数,实地核查结论,核查日期\r\n",
    );
    for (i, p) in packages.iter().enumerate() {
        for (j, d) in p.decisions.iter().enumerate() {
            let score = 700 + next(&mut state) % 300;
            let respondents = 100 + next(&mut state) % 901;
            let satisfied = respondents * (80 + next(&mut state) % 20) / 100;
            let conclusion = match next(&mut state) % 20 {
                0 => "不通过",
                1 | 2 => "整改后通过",
                _ => "通过",
            };
            out.push_str(&format!(
                "{},山西省法治政府研究评估中心,2021-05-{:02},{}.{},100,PG-2021-{:03}-{:03},省统计局社情民意调查中心,2021-05-20,{respondents},{satisfied},{conclusion},2021-06-{:02}\r\n",
                d.application,
                1 + (j % 28),
                score / 10,
                score % 10,
                i + 1,
                j + 1,
                1 + (j % 28)
            ));
        }
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::evidence::read_scores_csv;
    use crate::package::read_package;
    use crate::programme::{KindKey, Profile};
    use crate::province::{ProvinceSession, Standing};

    #[test]
    fn a_sample_round_is_taken_in_scored_and_ranked() {
        let packages = sample_packages(3, 30, 7, &crate::testing::test_generator()).unwrap();
        assert_eq!(packages.len(), 3);
        let catalogs = CatalogSet::builtin();
        let mut s = ProvinceSession::new(Profile::shanxi_2020());
        for p in &packages {
            let read = read_package(p.to_json().as_bytes(), &catalogs).unwrap();
            assert!(read.warnings.is_empty(), "{:?}", read.warnings);
            s.add_package(&p.file_name(), read);
        }
        assert_eq!(s.candidates().len(), 30);
        let rows = read_scores_csv(sample_scores_csv(&packages, 7).as_bytes(), 100).unwrap();
        assert_eq!(s.apply_scores(&rows).unwrap(), 30);
        let ranked = KindKey::ALL
            .iter()
            .flat_map(|k| s.rank(*k))
            .filter(|r| matches!(r.standing, Standing::Ranked(_)))
            .count();
        assert!(ranked > 20, "{ranked}");
        assert!(
            KindKey::ALL
                .iter()
                .flat_map(|k| s.rank(*k))
                .all(|r| !matches!(r.standing, Standing::Incomplete(_)))
        );
    }
}
