//! A self-assessment in progress as kept in browser storage ([`Draft`]): it may lack a valid
//! applicant, is never sealed, and is read back with the same guards as any outside file.

use crate::application::{
    Applicant, ApplicationFile, CatalogRef, Contact, FORMAT_VERSION, Generator, Kind, Verified,
    answer_problems, division_problem, status_problems,
};
use crate::assessment::{Answer, Assessment};
use crate::canonical;
use crate::catalog::{Catalog, CatalogSet};
use crate::division::{self, GovLevel, Place};
use crate::input::{MAX_FILE_BYTES, check_format, parse_json};
use crate::problem::{Code, Problem};
use crate::score::{Score, score};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::sync::Arc;

/// The `format` value of a draft saved in browser storage.
pub const DRAFT_FORMAT_ID: &str = "shifan.draft";

/// A self-assessment in progress, as kept in browser storage: it may lack a valid applicant
/// and is never sealed. [`Draft::to_application`] turns it into a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    /// A stable id for this draft (the storage key's suffix).
    pub id: String,
    /// The catalog it answers.
    pub catalog: CatalogRef,
    /// Division code as typed or picked; may be empty or invalid while editing.
    pub division_code: String,
    /// Contact.
    pub contact: Contact,
    /// What is applied for.
    pub kind: Kind,
    /// The answers.
    pub assessment: Assessment,
    /// When it was started (RFC 3339).
    pub created: String,
    /// When it was last changed (RFC 3339).
    pub updated: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct DraftRecord {
    format: String,
    format_version: u32,
    id: String,
    catalog: CatalogRef,
    division_code: String,
    contact: Contact,
    kind: Kind,
    answers: Vec<Answer>,
    created: String,
    updated: String,
}

impl Draft {
    /// A fresh draft against `catalog`, started at `now`.
    pub fn new(id: String, catalog: &Catalog, now: String) -> Draft {
        Draft {
            id,
            catalog: CatalogRef::to(catalog),
            division_code: String::new(),
            contact: Contact::default(),
            kind: Kind::Comprehensive,
            assessment: Assessment::new(catalog),
            created: now.clone(),
            updated: now,
        }
    }

    /// The draft that continues editing a verified file.
    pub fn from_verified(id: String, verified: &Verified) -> Draft {
        let file = &verified.file;
        Draft {
            id,
            catalog: file.catalog.clone(),
            division_code: file.applicant.division_code.clone(),
            contact: file.applicant.contact.clone(),
            kind: file.kind.clone(),
            assessment: Assessment::from_answers(&verified.catalog, file.answers.clone()),
            created: file.created.clone(),
            updated: file.updated.clone(),
        }
    }

    /// Whether `other` is the same application as this draft: started at the same moment
    /// (`created`, which an application file carries over), for the same applicant, against the
    /// same catalog. A downloaded file opened again is this, whatever its answers since; the
    /// draft id is not part of it, since a file opens under a new id.
    pub fn same_application(&self, other: &Draft) -> bool {
        self.created == other.created
            && self.division_code == other.division_code
            && self.catalog == other.catalog
    }

    /// The draft as JSON for storage.
    pub fn to_json(&self) -> String {
        let record = DraftRecord {
            format: DRAFT_FORMAT_ID.to_string(),
            format_version: FORMAT_VERSION,
            id: self.id.clone(),
            catalog: self.catalog.clone(),
            division_code: self.division_code.clone(),
            contact: self.contact.clone(),
            kind: self.kind.clone(),
            answers: self.assessment.answers().to_vec(),
            created: self.created.clone(),
            updated: self.updated.clone(),
        };
        canonical::to_compact(&serde_json::to_value(record).unwrap_or(Value::Null))
    }

    /// Reads a stored draft. Its answers are realigned to the catalog, so a damaged record
    /// loses at most the damaged answers; a record for an unknown catalog is refused.
    pub fn from_json(
        bytes: &[u8],
        catalogs: &CatalogSet,
    ) -> Result<(Draft, Arc<Catalog>), Vec<Problem>> {
        let value = parse_json(bytes, MAX_FILE_BYTES)?;
        check_format(&value, DRAFT_FORMAT_ID, FORMAT_VERSION).map_err(|p| vec![p])?;
        let statuses = status_problems(&value);
        if !statuses.is_empty() {
            return Err(statuses);
        }
        let record: DraftRecord = crate::json::from_value(&value).map_err(|e| {
            vec![Problem::new(
                Code::NotApplication,
                format!("草稿记录已损坏：{}。", e.zh()),
                format!("the draft record is damaged: {}", e.en()),
            )]
        })?;
        let catalog = catalogs
            .resolve(&record.catalog.id, &record.catalog.fingerprint)
            .map_err(|p| vec![p])?
            .clone();
        let draft = Draft {
            id: record.id,
            catalog: record.catalog,
            division_code: record.division_code,
            contact: record.contact,
            kind: record.kind,
            assessment: Assessment::from_answers(&catalog, record.answers),
            created: record.created,
            updated: record.updated,
        };
        Ok((draft, catalog))
    }

    /// The applicant's place, when the division code is valid.
    pub fn place(&self) -> Result<Place, Problem> {
        division::lookup(&self.division_code).map_err(|e| division_problem(&self.division_code, &e))
    }

    /// The level of government to score for: the applicant's, or county while none is chosen.
    pub fn level(&self) -> GovLevel {
        self.place().map_or(GovLevel::County, |p| p.level)
    }

    /// The score of the draft's answers.
    pub fn score(&self, catalog: &Catalog) -> Score {
        score(catalog, self.level(), self.assessment.answers())
    }

    /// Seals the draft into an application file written at `now`. Fails while the division
    /// code is invalid or an answer is inconsistent; incompleteness is not a failure.
    pub fn to_application(
        &self,
        catalog: &Catalog,
        generator: Generator,
        now: String,
    ) -> Result<ApplicationFile, Vec<Problem>> {
        let mut problems = Vec::new();
        let applicant = Applicant::from_code(&self.division_code, self.contact.clone())
            .map_err(|p| problems.push(p))
            .ok();
        problems.extend(answer_problems(catalog, self.assessment.answers()));
        problems.extend(self.kind.category_problem(catalog));
        match applicant {
            Some(applicant) if problems.is_empty() => Ok(ApplicationFile::build(
                catalog,
                applicant,
                self.kind.clone(),
                self.assessment.answers().to_vec(),
                generator,
                self.created.clone(),
                now,
            )),
            _ => Err(problems),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(id: &str, created: &str, division: &str) -> Draft {
        let mut draft = Draft::new(id.into(), Catalog::reference(), created.into());
        draft.division_code = division.into();
        draft
    }

    fn check(other: Draft, same: bool) {
        let base = draft("a", "2026-12-02T08:00:00.000Z", "140105");
        assert_eq!(base.same_application(&other), same, "{other:?}");
    }

    #[test]
    fn same_application_is_start_applicant_and_catalog() {
        let t0 = "2026-12-02T08:00:00.000Z";
        let mut answered = draft("b", t0, "140105");
        answered.updated = "2026-12-03T08:00:00.000Z".into();
        answered.assessment.toggle_point(Catalog::reference(), 1, 0);
        let mut other_catalog = draft("c", t0, "140105");
        other_catalog.catalog.fingerprint = "sha256:00".into();
        check(draft("a", t0, "140105"), true);
        check(answered, true);
        check(draft("d", "2026-12-02T08:00:00.001Z", "140105"), false);
        check(draft("e", t0, "140106"), false);
        check(other_catalog, false);
    }
}
