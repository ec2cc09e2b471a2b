//! Typed reading of parsed JSON: a `serde` deserializer over a borrowed [`Value`] with an error
//! type of its own.
//!
//! Every reader parses outside bytes into a [`Value`] first (it needs the value for the format
//! check, the status pre-check and the integrity fingerprint) and then reads the typed record from
//! it. This deserializer does what `serde_json::from_value` does, accepting and rejecting the
//! same values with one exception (below), but it exists for the size of the WebAssembly build:
//! `serde_json::Error`
//! describes an unexpected value through `serde::de::Unexpected`'s `Display`, which formats
//! floating-point numbers with the standard library's float printer and strings with `{:?}`.
//! Those two alone are over 15 KB of the page's download. [`Error`] words the same messages
//! without them (a number is written as JSON writes it, a string in quotation marks).
//!
//! The exception: a struct is read only from a JSON object, as every schema of this crate says.
//! `serde_json` also takes an array of the field values in declaration order, which no writer
//! produces; supporting it compiled a second reader into every struct, about 5 KB of the page.

use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, Expected, MapAccess, SeqAccess, Unexpected,
    VariantAccess, Visitor, value::BorrowedStrDeserializer,
};
use serde::{Deserialize, forward_to_deserialize_any};
use serde_json::{Map, Number, Value};
use std::fmt;

/// Reads a `T` from a parsed JSON value, accepting what `serde_json::from_value` accepts except
/// a struct written as an array.
///
/// ```
/// let value = serde_json::json!({"numerator": 9, "denominator": 10});
/// let t: shifan_rules::catalog::Threshold = shifan_rules::json::from_value(&value).unwrap();
/// assert_eq!(t.denominator, 10);
/// let error = shifan_rules::json::from_value::<u8>(&serde_json::json!("9")).unwrap_err();
/// assert_eq!(error.to_string(), "invalid type: string “9”, expected u8");
/// ```
pub fn from_value<'de, T: Deserialize<'de>>(value: &'de Value) -> Result<T, Error> {
    T::deserialize(ValueReader(value))
}

/// Why a value could not be read as the expected type, and where in the file.
///
/// Its `Display` words it as `serde` does (for logs and tests); [`Error::zh`] and [`Error::en`]
/// word it for the person who opened the file, naming the field by its path (`answers[3].number`).
///
/// It is one pointer wide: every typed reader returns it, and a small error keeps each
/// reader's code (compiled once per type read) small in the web page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error(Box<Inner>);

#[derive(Clone, Debug, PartialEq, Eq)]
struct Inner {
    kind: ErrorKind,
    /// The keys and indices from the failing value outwards (innermost first).
    path: Vec<Segment>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Segment {
    Key(String),
    Index(usize),
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum ErrorKind {
    Custom(String),
    InvalidType(Found, String),
    InvalidValue(Found, String),
    InvalidLength(usize, String),
    UnknownVariant(String, &'static [&'static str]),
    UnknownField(String, &'static [&'static str]),
    MissingField(&'static str),
    DuplicateField(&'static str),
}

/// What was found instead of the expected value.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Found {
    Bool(bool),
    Integer(String),
    /// A number as JSON writes it.
    Float(String),
    Str(String),
    Null,
    Seq,
    Map,
    Other(String),
}

impl Error {
    fn new(kind: ErrorKind) -> Error {
        Error(Box::new(Inner {
            kind,
            path: Vec::new(),
        }))
    }

    // Not inlined: called from the reader of every type, where a call is the smallest code.
    #[inline(never)]
    fn at_key(mut self, key: &str) -> Error {
        self.0.path.push(Segment::Key(key.to_string()));
        self
    }

    #[inline(never)]
    fn at_index(mut self, index: usize) -> Error {
        self.0.path.push(Segment::Index(index));
        self
    }

    /// The path of the value, e.g. `answers[3].number`; empty at the top of the file.
    pub fn path(&self) -> String {
        let mut out = String::new();
        for segment in self.0.path.iter().rev() {
            match segment {
                Segment::Key(key) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(key);
                }
                Segment::Index(i) => out.push_str(&format!("[{i}]")),
            }
        }
        out
    }

    /// What is wrong, in Chinese, without the parser's wording.
    pub fn zh(&self) -> String {
        self.words(true)
    }

    /// What is wrong, in English, without the parser's wording.
    pub fn en(&self) -> String {
        self.words(false)
    }

    /// Both languages in one function, their words picked per language: one body of code
    /// for the web page instead of two.
    fn words(&self, zh: bool) -> String {
        let t = |z: &'static str, e: &'static str| if zh { z } else { e };
        let path = self.path();
        let top = path.is_empty();
        // "字段 answers[3] " / "field answers[3]", or the whole content.
        let field = if top {
            t("文件内容", "the content").to_string()
        } else {
            format!("{}{path}{}", t("字段 ", "field "), t(" ", ""))
        };
        // "字段 kind 中" / "in kind", or the top level.
        let inside = if top {
            t("文件最外层", "at the top level").to_string()
        } else if zh {
            format!("字段 {path} 中")
        } else {
            format!("in {path}")
        };
        let list = |names: &[&str]| names.join(t("、", ", "));
        match &self.0.kind {
            ErrorKind::InvalidType(found, expected) | ErrorKind::InvalidValue(found, expected) => {
                format!(
                    "{field}{}{}{}{}",
                    t("应为", " should be "),
                    expected_words(expected, zh),
                    t("，但文件中是", ", but the file has "),
                    found.words(zh)
                )
            }
            ErrorKind::InvalidLength(len, _) => format!(
                "{field}{}{len}{}",
                t("的项数不对（有 ", " has the wrong number of items ("),
                t(" 项）", ")")
            ),
            ErrorKind::UnknownVariant(value, allowed) => format!(
                "{field}{}{value}{}{}{}",
                t("的值「", " has “"),
                t("」不是可选的值（可选：", "”, which is not one of: "),
                list(allowed),
                t("）", "")
            ),
            ErrorKind::UnknownField(name, known) if zh => format!(
                "{inside}有本格式没有的字段「{name}」（可用的字段：{}）",
                list(known)
            ),
            ErrorKind::UnknownField(name, known) => format!(
                "there is a field “{name}” {inside} that this format does not have (its fields: {})",
                list(known)
            ),
            ErrorKind::MissingField(name) if zh => format!("{inside}缺少字段「{name}」"),
            ErrorKind::MissingField(name) => format!("the field “{name}” is missing {inside}"),
            ErrorKind::DuplicateField(name) if zh => {
                format!("{inside}的字段「{name}」出现了不止一次")
            }
            ErrorKind::DuplicateField(name) => {
                format!("the field “{name}” appears more than once {inside}")
            }
            ErrorKind::Custom(_) => format!(
                "{field}{}",
                t("的值格式不对", " has a value of the wrong form")
            ),
        }
    }
}

/// `serde`'s name of an expected type, in the user's words.
fn expected_words(expected: &str, zh: bool) -> &'static str {
    let t = |z: &'static str, e: &'static str| if zh { z } else { e };
    match expected {
        "u8" => t("介于 0 至 255 之间的整数", "a whole number from 0 to 255"),
        "u16" => t(
            "介于 0 至 65535 之间的整数",
            "a whole number from 0 to 65535",
        ),
        "u32" => t(
            "介于 0 至 4294967295 之间的整数",
            "a whole number from 0 to 4294967295",
        ),
        "u64" | "usize" => t("不小于 0 的整数", "a whole number, 0 or more"),
        "a string" | "string" | "a character" => t("文字（带引号）", "a text (in quotation marks)"),
        "a boolean" => t("true 或 false", "true or false"),
        "a sequence" => t("数组（[…]）", "a list ([…])"),
        "string or map" => t("文字或对象", "a text or an object"),
        e if e.starts_with("struct ") || e.starts_with("a map") || e.starts_with("map") => {
            t("对象（{…}）", "an object ({…})")
        }
        _ => t("格式正确的值", "a value of the right form"),
    }
}

impl Found {
    fn words(&self, zh: bool) -> String {
        let t = |z: &'static str, e: &'static str| if zh { z } else { e };
        match self {
            Found::Bool(b) => format!("{}{b}", t("逻辑值 ", "the value ")),
            Found::Integer(n) => format!("{}{n}", t("整数 ", "the whole number ")),
            Found::Float(n) => format!("{}{n}", t("数字 ", "the number ")),
            Found::Str(s) => format!(
                "{}{}{}",
                t("文字「", "the text “"),
                shorten(s),
                t("」", "”")
            ),
            Found::Null => t("空值 null", "null").to_string(),
            Found::Seq => t("数组", "a list").to_string(),
            Found::Map => t("对象", "an object").to_string(),
            Found::Other(_) => t("其他类型的值", "a value of another kind").to_string(),
        }
    }

    /// The value as `serde` describes it, e.g. ``integer `7` ``.
    fn serde(&self) -> String {
        match self {
            Found::Bool(b) => format!("boolean `{b}`"),
            Found::Integer(n) => format!("integer `{n}`"),
            Found::Float(n) => format!("floating point `{n}`"),
            Found::Str(s) => format!("string “{s}”"),
            Found::Null => "null".to_string(),
            Found::Seq => "sequence".to_string(),
            Found::Map => "map".to_string(),
            Found::Other(other) => other.clone(),
        }
    }
}

/// At most 40 characters of a text found in a file, for a message.
fn shorten(s: &str) -> String {
    match s.char_indices().nth(40) {
        Some((at, _)) => format!("{}…", &s[..at]),
        None => s.to_string(),
    }
}

/// serde's "expected one of" list.
fn one_of(names: &[&str]) -> String {
    match names {
        [] => "there are none".to_string(),
        [one] => format!("expected `{one}`"),
        [a, b] => format!("expected `{a}` or `{b}`"),
        _ => {
            let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
            format!("expected one of {}", quoted.join(", "))
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0.kind {
            ErrorKind::Custom(msg) => f.write_str(msg),
            ErrorKind::InvalidType(found, exp) => {
                write!(f, "invalid type: {}, expected {exp}", found.serde())
            }
            ErrorKind::InvalidValue(found, exp) => {
                write!(f, "invalid value: {}, expected {exp}", found.serde())
            }
            ErrorKind::InvalidLength(len, exp) => write!(f, "invalid length {len}, expected {exp}"),
            ErrorKind::UnknownVariant(v, names) => {
                let list = one_of(names).replace("there are none", "there are no variants");
                write!(f, "unknown variant `{v}`, {list}")
            }
            ErrorKind::UnknownField(name, names) => {
                let list = one_of(names).replace("there are none", "there are no fields");
                write!(f, "unknown field `{name}`, {list}")
            }
            ErrorKind::MissingField(name) => write!(f, "missing field `{name}`"),
            ErrorKind::DuplicateField(name) => write!(f, "duplicate field `{name}`"),
        }
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error::new(ErrorKind::Custom(msg.to_string()))
    }

    // The methods below replace `serde`'s defaults, which would format `Unexpected` with its
    // own `Display` (see the module documentation), and keep what went wrong as data, so that
    // the message can be worded for the user in either language.
    fn invalid_type(unexp: Unexpected<'_>, exp: &dyn Expected) -> Self {
        Error::new(ErrorKind::InvalidType(describe(unexp), exp.to_string()))
    }

    fn invalid_value(unexp: Unexpected<'_>, exp: &dyn Expected) -> Self {
        Error::new(ErrorKind::InvalidValue(describe(unexp), exp.to_string()))
    }

    fn invalid_length(len: usize, exp: &dyn Expected) -> Self {
        Error::new(ErrorKind::InvalidLength(len, exp.to_string()))
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        Error::new(ErrorKind::UnknownVariant(variant.to_string(), expected))
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        Error::new(ErrorKind::UnknownField(field.to_string(), expected))
    }

    fn missing_field(field: &'static str) -> Self {
        Error::new(ErrorKind::MissingField(field))
    }

    fn duplicate_field(field: &'static str) -> Self {
        Error::new(ErrorKind::DuplicateField(field))
    }
}

/// What was found instead of the expected value.
fn describe(unexp: Unexpected<'_>) -> Found {
    match unexp {
        Unexpected::Bool(b) => Found::Bool(b),
        Unexpected::Unsigned(n) => Found::Integer(n.to_string()),
        Unexpected::Signed(n) => Found::Integer(n.to_string()),
        // A parsed JSON number is always finite; it is written the way JSON writes it.
        Unexpected::Float(f) => match Number::from_f64(f) {
            Some(n) => Found::Float(n.to_string()),
            None => Found::Other("floating point".to_string()),
        },
        Unexpected::Char(c) => Found::Str(c.to_string()),
        Unexpected::Str(s) => Found::Str(s.to_string()),
        Unexpected::Unit => Found::Null,
        Unexpected::Seq => Found::Seq,
        Unexpected::Map => Found::Map,
        Unexpected::Bytes(_) => Found::Other("byte array".to_string()),
        Unexpected::Option => Found::Other("Option value".to_string()),
        Unexpected::NewtypeStruct => Found::Other("newtype struct".to_string()),
        Unexpected::Enum => Found::Other("enum".to_string()),
        Unexpected::UnitVariant => Found::Other("unit variant".to_string()),
        Unexpected::NewtypeVariant => Found::Other("newtype variant".to_string()),
        Unexpected::TupleVariant => Found::Other("tuple variant".to_string()),
        Unexpected::StructVariant => Found::Other("struct variant".to_string()),
        Unexpected::Other(other) => Found::Other(other.to_string()),
    }
}

fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Unexpected::Unsigned(u),
            (None, Some(i)) => Unexpected::Signed(i),
            _ => Unexpected::Float(n.as_f64().unwrap_or_default()),
        },
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

fn invalid_type(value: &Value, exp: &dyn Expected) -> Error {
    de::Error::invalid_type(unexpected(value), exp)
}

/// The deserializer: one JSON value, read in place.
#[derive(Clone, Copy)]
struct ValueReader<'de>(&'de Value);

fn visit_array<'de, V: Visitor<'de>>(items: &'de [Value], visitor: V) -> Result<V::Value, Error> {
    let mut seq = Items(items.iter(), 0);
    let value = visitor.visit_seq(&mut seq)?;
    if seq.0.len() == 0 {
        Ok(value)
    } else {
        Err(de::Error::invalid_length(
            items.len(),
            &"fewer elements in array",
        ))
    }
}

fn visit_object<'de, V: Visitor<'de>>(
    map: &'de Map<String, Value>,
    visitor: V,
) -> Result<V::Value, Error> {
    let mut entries = Entries {
        iter: map.iter(),
        value: None,
    };
    let value = visitor.visit_map(&mut entries)?;
    if entries.iter.len() == 0 {
        Ok(value)
    } else {
        Err(de::Error::invalid_length(
            map.len(),
            &"fewer elements in map",
        ))
    }
}

impl<'de> Deserializer<'de> for ValueReader<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(_) => self.deserialize_number(visitor),
            Value::String(s) => visitor.visit_borrowed_str(s),
            Value::Array(items) => visit_array(items, visitor),
            Value::Object(map) => visit_object(map, visitor),
        }
    }

    // Strings and identifiers accept only a JSON string: an identifier visitor would otherwise
    // take a number as a field or variant index, which `serde_json` does not allow either.
    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::String(s) => visitor.visit_borrowed_str(s),
            other => Err(invalid_type(other, &visitor)),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.0 {
            Value::String(variant) => visitor.visit_enum(Variant {
                name: variant,
                value: None,
            }),
            // A variant with data is written as a map with a single key.
            Value::Object(map) => {
                let mut entries = map.iter();
                match (entries.next(), entries.next()) {
                    (Some((name, value)), None) => visitor.visit_enum(Variant {
                        name,
                        value: Some(value),
                    }),
                    _ => Err(de::Error::invalid_value(
                        Unexpected::Map,
                        &"map with a single key",
                    )),
                }
            }
            other => Err(invalid_type(other, &"string or map")),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    // Structs, sequences, unsigned numbers, booleans and null have methods of their own rather than
    // going through `deserialize_any` (with the same results): the visitor's methods for every
    // other kind of value are then not compiled in just to report the wrong type.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.0 {
            Value::Object(map) => visit_object(map, visitor),
            other => Err(invalid_type(other, &visitor)),
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Array(items) => visit_array(items, visitor),
            other => Err(invalid_type(other, &visitor)),
        }
    }

    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_number(visitor)
    }

    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_number(visitor)
    }

    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_number(visitor)
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_number(visitor)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Bool(b) => visitor.visit_bool(*b),
            other => Err(invalid_type(other, &visitor)),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            other => Err(invalid_type(other, &visitor)),
        }
    }

    forward_to_deserialize_any! {
        i8 i16 i32 i64 i128 u128 f32 f64 bytes byte_buf unit_struct tuple tuple_struct map
    }
}

impl<'de> ValueReader<'de> {
    fn deserialize_number<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Number(n) => match (n.as_u64(), n.as_i64()) {
                (Some(u), _) => visitor.visit_u64(u),
                (None, Some(i)) => visitor.visit_i64(i),
                _ => visitor.visit_f64(n.as_f64().unwrap_or_default()),
            },
            other => Err(invalid_type(other, &visitor)),
        }
    }
}

/// The items of an array, and the index of the next one.
struct Items<'de>(std::slice::Iter<'de, Value>, usize);

impl<'de> SeqAccess<'de> for Items<'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        let index = self.1;
        self.1 += 1;
        self.0
            .next()
            .map(|value| match seed.deserialize(ValueReader(value)) {
                Ok(value) => Ok(value),
                Err(e) => Err(e.at_index(index)),
            })
            .transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

struct Entries<'de> {
    iter: serde_json::map::Iter<'de>,
    value: Option<(&'de str, &'de Value)>,
}

impl<'de> MapAccess<'de> for Entries<'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some((key, value)) = self.iter.next() else {
            return Ok(None);
        };
        self.value = Some((key, value));
        seed.deserialize(BorrowedStrDeserializer::new(key))
            .map(Some)
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, Error> {
        match self.value.take() {
            Some((key, value)) => match seed.deserialize(ValueReader(value)) {
                Ok(value) => Ok(value),
                Err(e) => Err(e.at_key(key)),
            },
            None => Err(de::Error::custom("value is missing")),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.iter.len())
    }
}

/// An enum variant: its name, and its data when written as a single-key map.
struct Variant<'de> {
    name: &'de str,
    value: Option<&'de Value>,
}

impl<'de> EnumAccess<'de> for Variant<'de> {
    type Error = Error;
    type Variant = VariantData<'de>;

    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Self::Variant), Error> {
        let name = seed.deserialize(BorrowedStrDeserializer::<Error>::new(self.name))?;
        Ok((name, VariantData(self.value)))
    }
}

/// The data of a variant, if it has any.
struct VariantData<'de>(Option<&'de Value>);

impl<'de> VariantAccess<'de> for VariantData<'de> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        match self.0 {
            Some(value) => <()>::deserialize(ValueReader(value)),
            None => Ok(()),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        match self.0 {
            Some(value) => seed.deserialize(ValueReader(value)),
            None => Err(de::Error::invalid_type(
                Unexpected::UnitVariant,
                &"newtype variant",
            )),
        }
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Some(Value::Array(items)) if items.is_empty() => visitor.visit_unit(),
            Some(Value::Array(items)) => visit_array(items, visitor),
            Some(other) => Err(invalid_type(other, &"tuple variant")),
            None => Err(de::Error::invalid_type(
                Unexpected::UnitVariant,
                &"tuple variant",
            )),
        }
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.0 {
            Some(Value::Object(map)) => visit_object(map, visitor),
            Some(other) => Err(invalid_type(other, &"struct variant")),
            None => Err(de::Error::invalid_type(
                Unexpected::UnitVariant,
                &"struct variant",
            )),
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::assessment::LocalFile;
    use crate::{ApplicationFile, GovLevel, Kind, Status};
    use serde::de::DeserializeOwned;
    use serde_json::json;

    /// Reads `value` both ways: the same result, and the same message but for how a string is
    /// quoted.
    fn check<T: DeserializeOwned + PartialEq + fmt::Debug>(value: Value) {
        let theirs = serde_json::from_value::<T>(value.clone()).map_err(|e| e.to_string());
        let ours = from_value::<T>(&value).map_err(|e| e.to_string().replace(['“', '”'], "\""));
        assert_eq!(ours, theirs, "{value}");
    }

    #[test]
    fn reads_what_serde_json_reads() {
        let narrative =
            json!({"innovation": "a", "leadership": "b", "typicality": "c", "replicability": "d"});
        for value in [
            json!({"type": "comprehensive"}),
            json!({"type": "comprehensive", "other": 1}),
            json!({"type": "single_item", "category": "c", "title": "t", "narrative": narrative}),
            json!({"type": "single_item", "category": "c", "title": "t"}),
            json!({"type": "single_item", "category": "c", "title": "t", "narrative": narrative, "x": 1}),
            json!({"type": "bogus"}),
            json!({"type": 1}),
            json!("comprehensive"),
            json!(null),
            json!(1.5),
        ] {
            check::<Kind>(value);
        }
        for value in [
            json!("met"),
            json!("county"),
            json!("x"),
            json!({"met": null}),
            json!({"met": 1}),
            json!({"met": null, "county": null}),
            json!(0),
            json!(["met"]),
        ] {
            check::<Status>(value.clone());
            check::<GovLevel>(value);
        }
        for value in [
            json!(7),
            json!(256),
            json!(-1),
            json!(1.0),
            json!("7"),
            json!(null),
            json!(true),
            json!([7]),
            json!({"a": 7}),
        ] {
            check::<u8>(value.clone());
            check::<Option<u32>>(value.clone());
            check::<bool>(value.clone());
            check::<String>(value.clone());
            check::<Vec<u8>>(value.clone());
            check::<Value>(value);
        }
        for value in [
            json!({"name": "a", "size": 1, "sha256": "x"}),
            json!({"name": "a", "size": 1}),
            json!({"name": "a", "size": 1, "sha256": "x", "q": 1}),
        ] {
            check::<Option<LocalFile>>(value);
        }
        // The one difference: a struct must be an object.
        let array = json!(["a", 1, "x"]);
        assert!(serde_json::from_value::<LocalFile>(array.clone()).is_ok());
        assert_eq!(
            from_value::<LocalFile>(&array).unwrap_err().to_string(),
            "invalid type: sequence, expected struct LocalFile"
        );
        assert!(from_value::<Kind>(&json!(["comprehensive"])).is_err());
        let file = crate::testing::verified_sample("140105", 90, 3).file;
        check::<ApplicationFile>(file.to_value());
    }
}
