//! Exact non-negative fractions for the province's figures: weights, mapped scores, rates and
//! composites are all kept as `numerator / denominator` so that a ranking never depends on
//! floating-point rounding.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// A non-negative exact fraction, always kept in lowest terms by the constructors.
#[derive(Clone, Copy, Debug, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Fraction {
    /// Numerator.
    pub numerator: u64,
    /// Denominator, never zero in valid data.
    pub denominator: u64,
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

impl Fraction {
    /// Zero.
    pub const ZERO: Fraction = Fraction {
        numerator: 0,
        denominator: 1,
    };
    /// One.
    pub const ONE: Fraction = Fraction {
        numerator: 1,
        denominator: 1,
    };
    /// A hundred, to show a rate as a percentage.
    pub const ONE_HUNDRED: Fraction = Fraction {
        numerator: 100,
        denominator: 1,
    };

    /// `numerator / denominator` in lowest terms; `None` for a zero denominator.
    ///
    /// ```
    /// use shifan_rules::fraction::Fraction;
    /// assert_eq!(Fraction::new(6, 8).unwrap().to_string(), "3/4");
    /// assert!(Fraction::new(1, 0).is_none());
    /// ```
    pub fn new(numerator: u64, denominator: u64) -> Option<Fraction> {
        Self::reduce(u128::from(numerator), u128::from(denominator))
    }

    fn reduce(n: u128, d: u128) -> Option<Fraction> {
        if d == 0 {
            return None;
        }
        let g = gcd(n, d).max(1);
        Some(Fraction {
            numerator: u64::try_from(n / g).ok()?,
            denominator: u64::try_from(d / g).ok()?,
        })
    }

    /// Whether the denominator is zero (only in unvalidated data).
    pub fn is_invalid(&self) -> bool {
        self.denominator == 0
    }

    /// The sum; `None` on overflow of the reduced form.
    pub fn checked_add(self, other: Fraction) -> Option<Fraction> {
        let (a, b) = (u128::from(self.numerator), u128::from(self.denominator));
        let (c, d) = (u128::from(other.numerator), u128::from(other.denominator));
        let l = (b / gcd(b, d).max(1)).checked_mul(d)?;
        let left = a.checked_mul(l / b.max(1))?;
        let right = c.checked_mul(l / d.max(1))?;
        Self::reduce(left.checked_add(right)?, l)
    }

    /// The product; `None` on overflow of the reduced form.
    pub fn checked_mul(self, other: Fraction) -> Option<Fraction> {
        let g1 = gcd(u128::from(self.numerator), u128::from(other.denominator)).max(1);
        let g2 = gcd(u128::from(other.numerator), u128::from(self.denominator)).max(1);
        Self::reduce(
            (u128::from(self.numerator) / g1) * (u128::from(other.numerator) / g2),
            (u128::from(self.denominator) / g2) * (u128::from(other.denominator) / g1),
        )
    }

    /// Whether the value lies in [0, 1].
    pub fn is_unit(&self) -> bool {
        !self.is_invalid() && self.numerator <= self.denominator
    }

    /// The value rounded down to `places` decimal places, as text (`0.8907`): never shows more
    /// than the exact value.
    ///
    /// ```
    /// use shifan_rules::fraction::Fraction;
    /// assert_eq!(Fraction::new(2, 3).unwrap().decimal(4), "0.6666");
    /// assert_eq!(Fraction::new(1, 1).unwrap().decimal(2), "1.00");
    /// ```
    pub fn decimal(&self, places: u32) -> String {
        let d = u128::from(self.denominator.max(1));
        let n = u128::from(self.numerator);
        let scale = 10u128.pow(places);
        let scaled = n * scale / d;
        let whole = scaled / scale;
        if places == 0 {
            return whole.to_string();
        }
        format!(
            "{whole}.{:0width$}",
            scaled % scale,
            width = places as usize
        )
    }

    /// A decimal text such as `87.5`, `90` or `0.25` read exactly (at most 6 decimals).
    ///
    /// ```
    /// use shifan_rules::fraction::Fraction;
    /// assert_eq!(Fraction::parse_decimal("87.5").unwrap().to_string(), "175/2");
    /// assert!(Fraction::parse_decimal("-1").is_none());
    /// assert!(Fraction::parse_decimal("1e3").is_none());
    /// ```
    pub fn parse_decimal(text: &str) -> Option<Fraction> {
        let text = text.trim();
        let (whole, frac) = text.split_once('.').unwrap_or((text, ""));
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || !digits(whole) || !digits(frac) || frac.len() > 6 {
            return None;
        }
        if whole.len() > 12 {
            return None;
        }
        let denominator = 10u64.pow(frac.len() as u32);
        let numerator = format!("{whole}{frac}").parse::<u64>().ok()?;
        Fraction::new(numerator, denominator)
    }
}

impl Fraction {
    /// A ratio as an office types it: `2/5`, a decimal such as `0.4`, or a percentage such as
    /// `40%` (half- or full-width sign), read exactly; `None` for anything else.
    ///
    /// ```
    /// use shifan_rules::fraction::Fraction;
    /// let two_fifths = Fraction::new(2, 5).unwrap();
    /// for text in ["2/5", " 4 / 10 ", "0.4", "40%", "40％"] {
    ///     assert_eq!(Fraction::parse_ratio(text), Some(two_fifths), "{text}");
    /// }
    /// for text in ["", "1/0", "-1/5", "2/5/7", "forty", "%"] {
    ///     assert_eq!(Fraction::parse_ratio(text), None, "{text}");
    /// }
    /// ```
    pub fn parse_ratio(text: &str) -> Option<Fraction> {
        Fraction::parse_typed(text)
    }

    /// The value as an office would type it: `0`, `1`, `3`, or `2/5` (what
    /// [`Fraction::parse_ratio`] reads back).
    ///
    /// ```
    /// use shifan_rules::fraction::Fraction;
    /// assert_eq!(Fraction::new(0, 7).unwrap().ratio_text(), "0");
    /// assert_eq!(Fraction::new(6, 2).unwrap().ratio_text(), "3");
    /// assert_eq!(Fraction::new(4, 10).unwrap().ratio_text(), "2/5");
    /// ```
    pub fn ratio_text(&self) -> String {
        let reduced = Fraction::new(self.numerator, self.denominator).unwrap_or(*self);
        if reduced.denominator == 1 || reduced.numerator == 0 {
            reduced.numerator.to_string()
        } else {
            reduced.to_string()
        }
    }

    fn parse_typed(text: &str) -> Option<Fraction> {
        let text = text.trim();
        if let Some(percent) = text.strip_suffix('%').or_else(|| text.strip_suffix('％')) {
            let value = Fraction::parse_decimal(percent)?;
            return Fraction::new(value.numerator, value.denominator.checked_mul(100)?);
        }
        match text.split_once('/') {
            Some((n, d)) => {
                let whole = |s: &str| {
                    let s = s.trim();
                    (!s.is_empty() && s.len() <= 12 && s.bytes().all(|b| b.is_ascii_digit()))
                        .then(|| s.parse::<u64>().ok())
                        .flatten()
                };
                Fraction::new(whole(n)?, whole(d)?)
            }
            None => Fraction::parse_decimal(text),
        }
    }
}

impl PartialEq for Fraction {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl PartialOrd for Fraction {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Fraction {
    fn cmp(&self, other: &Self) -> Ordering {
        (u128::from(self.numerator) * u128::from(other.denominator))
            .cmp(&(u128::from(other.numerator) * u128::from(self.denominator)))
    }
}

impl std::fmt::Display for Fraction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.numerator, self.denominator)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn a_typed_ratio_reads_exactly_or_not_at_all(n in 0u64..1_000_000, d in 1u64..1_000_000, any in ".{0,24}") {
            let want = Fraction::new(n, d).unwrap();
            prop_assert_eq!(Fraction::parse_ratio(&format!("{n}/{d}")), Some(want));
            let percent = Fraction::new(n, 100).unwrap();
            prop_assert_eq!(Fraction::parse_ratio(&format!("{n}%")), Some(percent));
            if let Some(read) = Fraction::parse_ratio(&any) {
                prop_assert!(!read.is_invalid());
            }
        }

        #[test]
        fn arithmetic_is_exact(a in 0u64..10_000, b in 1u64..10_000, c in 0u64..10_000, d in 1u64..10_000) {
            let x = Fraction::new(a, b).unwrap();
            let y = Fraction::new(c, d).unwrap();
            let sum = x.checked_add(y).unwrap();
            prop_assert_eq!(sum, Fraction::new(a * d + c * b, b * d).unwrap());
            let product = x.checked_mul(y).unwrap();
            prop_assert_eq!(product, Fraction::new(a * c, b * d).unwrap());
            prop_assert!(sum >= x && sum >= y);
        }

        #[test]
        fn huge_values_give_none_not_a_panic(a in any::<u64>(), b in 1u64.., c in any::<u64>(), d in 1u64..) {
            let x = Fraction::new(a, b).unwrap();
            let y = Fraction::new(c, d).unwrap();
            let _ = x.checked_add(y);
            let _ = x.checked_mul(y);
            let _ = x.decimal(6);
            prop_assert_eq!(x.cmp(&y), y.cmp(&x).reverse());
        }

        #[test]
        fn decimal_never_rounds_up(a in 0u64..1_000_000, b in 1u64..1_000_000) {
            let x = Fraction::new(a, b).unwrap();
            let shown = Fraction::parse_decimal(&x.decimal(4)).unwrap();
            prop_assert!(shown <= x);
            prop_assert!(x.checked_add(Fraction::new(0, 1).unwrap()).unwrap() < shown.checked_add(Fraction::new(1, 10_000).unwrap()).unwrap());
        }
    }
}
