//! Reading any shifan document — an application file or a recommendation package — when the
//! caller does not know in advance which one it was given (a folder of submissions, a file
//! dropped on the page). The bytes are parsed once and dispatched on their `format` field.

use crate::application::{
    FORMAT_ID, FORMAT_VERSION, MAX_FILE_BYTES, Verified, check_format, parse_json, verify_value,
};
use crate::catalog::CatalogSet;
use crate::package::{self, MAX_PACKAGE_BYTES, VerifiedPackage, is_package};
use crate::problem::{Code, Problem};

/// A verified document.
#[derive(Clone, Debug)]
pub enum Document {
    /// An application file.
    Application(Box<Verified>),
    /// A recommendation package with its applications.
    Package(Box<VerifiedPackage>),
}

/// Reads and verifies an application file or a recommendation package, each under its own
/// size limit.
///
/// ```
/// use shifan_rules::{CatalogSet, Code, document::read_document};
/// let problems = read_document(b"[1, 2", &CatalogSet::builtin()).unwrap_err();
/// assert_eq!(problems[0].code, Code::NotJson);
/// ```
pub fn read_document(bytes: &[u8], catalogs: &CatalogSet) -> Result<Document, Vec<Problem>> {
    let value = parse_json(bytes, MAX_PACKAGE_BYTES)?;
    if is_package(&value) {
        return package::verify_package_value(value, catalogs)
            .map(|p| Document::Package(Box::new(p)));
    }
    if bytes.len() > MAX_FILE_BYTES {
        let mb = MAX_FILE_BYTES / 1024 / 1024;
        return Err(vec![Problem::new(
            Code::TooLarge,
            format!("文件过大:超过 {mb} MB 的上限"),
            format!("the file is larger than the {mb} MB limit"),
        )]);
    }
    check_format(
        &value,
        FORMAT_ID,
        FORMAT_VERSION,
        "申报文件",
        "application file",
    )
    .map_err(|p| vec![p])?;
    verify_value(value, catalogs).map(|v| Document::Application(Box::new(v)))
}
