//! Plausibility of the applicant's contact details: a telephone number and an e-mail address
//! that cannot be right get a warning (never a block: the official may know better).

use crate::problem::{Code, Problem};

/// A warning when `phone` cannot be a Chinese telephone number, `None` when it can be (or is
/// empty: an empty field is not wrong, only unfilled).
///
/// Accepted: a mobile number (11 digits starting with 1), a fixed line with its area code
/// (`0351-1234567`, `(0351)1234567`, `0351 1234567`, 10–12 digits starting with 0), either with
/// an optional `+86`/`86` prefix and an extension (`转123`, `#123`); spaces, hyphens and
/// brackets, full-width or not, separate groups.
///
/// ```
/// use shifan_rules::contact::check_phone;
/// assert!(check_phone("0351-1234567").is_none());
/// assert!(check_phone("13812345678").is_none());
/// assert!(check_phone("12345").is_some());
/// ```
pub fn check_phone(phone: &str) -> Option<Problem> {
    let phone = phone.trim();
    if phone.is_empty() || plausible_phone(phone) {
        return None;
    }
    Some(Problem::new(
        Code::InvalidContact,
        "联系电话看起来不完整或有误：请填写 11 位手机号码，或带区号的固定电话（如 0351-1234567）。",
        "The telephone number looks wrong: give an 11-digit mobile number or a fixed line with its area code (e.g. 0351-1234567).",
    ))
}

fn plausible_phone(phone: &str) -> bool {
    let mut digits = Vec::with_capacity(16);
    for c in phone.chars() {
        match c {
            // The extension, if any, is not part of the number.
            '转' | '#' => break,
            '0'..='9' => digits.push(c as u32 - '0' as u32),
            // Full-width digits, as a Chinese input method types them.
            '０'..='９' => digits.push(c as u32 - '０' as u32),
            ' ' | '-' | '(' | ')' | '（' | '）' | '－' | '\u{3000}' => {}
            '+' if digits.is_empty() => {}
            _ => return false,
        }
    }
    let international = digits.starts_with(&[8, 6]) && digits.len() >= 12;
    let national = if international {
        &digits[2..]
    } else {
        &digits[..]
    };
    let mobile = national.len() == 11 && national[0] == 1;
    // A fixed line: 0, an area code of 2–3 digits, a 7–8 digit number (after +86 the 0 is
    // dropped).
    let trunk = usize::from(!international);
    let fixed = (international || national.first() == Some(&0))
        && (9 + trunk..=11 + trunk).contains(&national.len());
    mobile || fixed
}

/// A warning when `email` cannot be an e-mail address, `None` when it can be (or is empty).
///
/// The check is deliberately loose: one `@`, something before it, a domain with a dot after
/// it, no spaces.
///
/// ```
/// use shifan_rules::contact::check_email;
/// assert!(check_email("fzb@example.gov.cn").is_none());
/// assert!(check_email("fzb.example.gov.cn").is_some());
/// ```
pub fn check_email(email: &str) -> Option<Problem> {
    let email = email.trim();
    if email.is_empty() || plausible_email(email) {
        return None;
    }
    Some(Problem::new(
        Code::InvalidContact,
        "电子邮箱看起来有误：应形如 name@example.gov.cn。",
        "The e-mail address looks wrong: it should look like name@example.gov.cn.",
    ))
}

fn plausible_email(email: &str) -> bool {
    let Some(at) = email.bytes().position(|b| b == b'@') else {
        return false;
    };
    let domain = &email[at + 1..];
    at > 0
        && !email
            .chars()
            .any(|c| matches!(c, ' ' | '\u{3000}' | '\t' | ',' | '，' | ';' | '；'))
        && !domain.contains('@')
        && domain.contains('.')
        && domain
            .split('.')
            .all(|l| !l.is_empty() && !l.starts_with('-') && !l.ends_with('-'))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn check(f: fn(&str) -> Option<Problem>, cases: &[(&str, bool)]) {
        for &(input, ok) in cases {
            let problem = f(input);
            assert_eq!(problem.is_none(), ok, "{input:?}");
            if let Some(p) = problem {
                assert_eq!(p.code, Code::InvalidContact);
                assert_eq!(p.severity(), crate::Severity::Warning);
                assert!(
                    p.message.zh.contains('：') && !p.message.zh.contains(':'),
                    "{input:?}"
                );
            }
        }
    }

    #[test]
    fn phone_numbers() {
        check(
            check_phone,
            &[
                ("", true),
                ("  ", true),
                ("0351-1234567", true),
                ("0351-12345678", true),
                ("010-12345678", true),
                ("(0351)1234567", true),
                ("（0351）1234567", true),
                ("0351 123 4567", true),
                ("13812345678", true),
                ("138 1234 5678", true),
                ("+86 138 1234 5678", true),
                ("+86-351-1234567", true),
                ("0351-1234567转123", true),
                ("0351-1234567-123", false),
                ("０３５１－１２３４５６７", true),
                ("12345", false),
                ("1381234567", false),
                ("138123456789", false),
                ("23812345678", false),
                ("abc", false),
                ("0351-123456a", false),
                ("1234567", false),
                ("0351-1234567#12", true),
                ("+86 0351 1234567", true),
                ("86 351 1234567", true),
            ],
        );
    }

    #[test]
    fn email_addresses() {
        check(
            check_email,
            &[
                ("", true),
                ("fzb@example.gov.cn", true),
                ("wang.li@sx.gov.cn", true),
                ("fzb.example.gov.cn", false),
                ("@example.gov.cn", false),
                ("fzb@", false),
                ("fzb@localhost", false),
                ("fzb@example..cn", false),
                ("fzb@@example.cn", false),
                ("f zb@example.cn", false),
                ("a@b.cn，c@d.cn", false),
            ],
        );
    }
}
