//! Target `document`: a file whose kind is not known in advance (`read_document`), as a folder
//! or a dropped file gives it.

use shifan_rules::CatalogSet;
use shifan_rules::document::{Document, is_catalog, read_document};

use crate::{Target, expect, samples};

pub(crate) const TARGET: Target = Target {
    name: "document",
    run,
    seeds,
};

fn run(data: &[u8]) {
    let catalogs = CatalogSet::builtin();
    // The review asks this of every dropped file first; it must answer, whatever the bytes.
    let _ = is_catalog("dropped.json", data);
    match read_document(data, &catalogs) {
        Ok(document) => {
            expect::stable(
                "document",
                &write(&document),
                |b| read_document(b, &catalogs),
                write,
            );
        }
        Err(problems) => expect::refused_with_reasons("document", &problems),
    }
}

fn write(document: &Document) -> String {
    match document {
        Document::Application(v) => v.file.to_json(),
        Document::Package(p) => p.package.to_json(),
        Document::Register(r) => r.register.to_json(),
        Document::AnnualReport(r) => r.report.to_json(),
    }
}

fn seeds() -> Vec<Vec<u8>> {
    let app = samples::applications()[0].file.to_json();
    let package = samples::package().to_json();
    let mut out = samples::damaged(&package);
    out.push(app.into_bytes());
    out.push(package.into_bytes());
    out
}
