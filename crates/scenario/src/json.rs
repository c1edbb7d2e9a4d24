//! JSON, read into a small tree and written back: the scenario files (the runner's
//! `--scenario`, the page's export and import), saved scenarios, story files and the ensemble
//! worker's messages.
//!
//! Why not serde: the derived readers and writers, serde_json's deserializer and its error
//! machinery were ≈ 50 KB of the page's gzipped wasm (BENCHMARKS.md, "Size"), more than an
//! eighth of it, for a few files a session. Here one parser builds a [`Value`] tree, each type
//! reads itself from it by hand ([`FromJson`], with [`Fields`] for objects) and writes itself
//! as a tree ([`ToJson`]) that one writer prints. The text written is the text serde_json
//! wrote (same pretty layout, same escapes, same numbers: `decimal::write_f64`), so files
//! exported before read back the same and compare equal.
//!
//! Errors say what was wrong and where, as serde_json's did: "missing field `start` at line 1
//! column 2".

use std::fmt;

use crate::decimal;

/// Deepest nesting read: deeper text is refused rather than overflowing the stack
/// (serde_json's limit).
const MAX_DEPTH: usize = 128;

/// A JSON value and where it starts in the text it was read from (1-based line and column;
/// 0 for values built in memory).
#[derive(Clone, Debug, PartialEq)]
pub struct Value {
    pub kind: Kind,
    pub line: u32,
    pub column: u32,
}

/// What a [`Value`] is.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    Null,
    Bool(bool),
    /// A number, as written (valid JSON number text); read with [`Value::as_f64`] and friends.
    Number(String),
    Str(String),
    Array(Vec<Value>),
    /// Members in the order written, duplicates kept ([`Fields::finish`] refuses them).
    Object(Vec<(String, Value)>),
}

/// What was wrong with a text, and where (line and column 1-based; 0 when not known).
#[derive(Clone, Debug, PartialEq)]
pub struct Error {
    pub message: String,
    pub line: u32,
    pub column: u32,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            f.write_str(&self.message)
        } else {
            write!(
                f,
                "{} at line {} column {}",
                self.message, self.line, self.column
            )
        }
    }
}

impl std::error::Error for Error {}

impl Value {
    /// A value built in memory (no position).
    pub fn new(kind: Kind) -> Value {
        Value {
            kind,
            line: 0,
            column: 0,
        }
    }

    /// An error about this value, placed where it starts.
    pub fn error(&self, message: impl Into<String>) -> Error {
        Error {
            message: message.into(),
            line: self.line,
            column: self.column,
        }
    }

    /// "invalid type: number `5`, expected `what`" (what this value is, and what was wanted).
    pub fn expected(&self, what: &str) -> Error {
        let found = match &self.kind {
            Kind::Null => "null".to_string(),
            Kind::Bool(b) => format!("boolean `{b}`"),
            Kind::Number(n) => format!("number `{n}`"),
            Kind::Str(s) => format!("string {}", quoted(s)),
            Kind::Array(_) => "an array".to_string(),
            Kind::Object(_) => "an object".to_string(),
        };
        self.error(format!("invalid type: {found}, expected {what}"))
    }

    /// A finite number.
    pub fn as_f64(&self) -> Result<f64, Error> {
        match &self.kind {
            Kind::Number(text) => match decimal::parse_f64(text) {
                Some(x) if x.is_finite() => Ok(x),
                _ => Err(self.error("number out of range")),
            },
            _ => Err(self.expected("a number")),
        }
    }

    /// A whole number from 0 to `u64::MAX`, written without a point or an exponent.
    pub fn as_u64(&self) -> Result<u64, Error> {
        match &self.kind {
            Kind::Number(text) if text.bytes().all(|b| b.is_ascii_digit()) => text
                .parse::<u64>()
                .map_err(|_| self.error("number out of range")),
            _ => Err(self.expected("a whole number")),
        }
    }

    /// A whole number from 0 to `u32::MAX`.
    pub fn as_u32(&self) -> Result<u32, Error> {
        u32::try_from(self.as_u64()?).map_err(|_| self.error("number out of range"))
    }

    pub fn as_bool(&self) -> Result<bool, Error> {
        match self.kind {
            Kind::Bool(b) => Ok(b),
            _ => Err(self.expected("a boolean")),
        }
    }

    pub fn as_str(&self) -> Result<&str, Error> {
        match &self.kind {
            Kind::Str(s) => Ok(s),
            _ => Err(self.expected("a string")),
        }
    }

    pub fn as_array(&self) -> Result<&[Value], Error> {
        match &self.kind {
            Kind::Array(items) => Ok(items),
            _ => Err(self.expected("an array")),
        }
    }

    /// The members of an object, to be taken one by one.
    pub fn fields(&self) -> Result<Fields<'_>, Error> {
        match &self.kind {
            Kind::Object(members) => Ok(Fields {
                object: self,
                members,
                taken: vec![false; members.len()],
            }),
            _ => Err(self.expected("an object")),
        }
    }

    /// Reads this value as a `T`.
    pub fn read<T: FromJson>(&self) -> Result<T, Error> {
        T::from_json(self)
    }
}

/// The members of an object being read: each is taken once by name, and [`Fields::finish`]
/// refuses members nobody took and names written twice.
pub struct Fields<'a> {
    object: &'a Value,
    members: &'a [(String, Value)],
    taken: Vec<bool>,
}

impl<'a> Fields<'a> {
    /// The member `key`, if present.
    pub fn opt(&mut self, key: &str) -> Option<&'a Value> {
        let at = self.members.iter().position(|(k, _)| k == key)?;
        self.taken[at] = true;
        Some(&self.members[at].1)
    }

    /// The member `key`; an error naming it if absent.
    pub fn req(&mut self, key: &str) -> Result<&'a Value, Error> {
        self.opt(key)
            .ok_or_else(|| self.object.error(format!("missing field `{key}`")))
    }

    /// The member `key` read as a `T`.
    pub fn get<T: FromJson>(&mut self, key: &str) -> Result<T, Error> {
        self.req(key)?.read()
    }

    /// The member `key` read as a `T`, `None` if absent or null.
    pub fn get_opt<T: FromJson>(&mut self, key: &str) -> Result<Option<T>, Error> {
        match self.opt(key) {
            Some(v) => v.read(),
            None => Ok(None),
        }
    }

    /// Refuses an object with a member no reader took, or with a name written twice.
    pub fn finish(self) -> Result<(), Error> {
        for (i, (key, value)) in self.members.iter().enumerate() {
            if self.members[..i].iter().any(|(k, _)| k == key) {
                return Err(value.error(format!("duplicate field `{key}`")));
            }
            if !self.taken[i] {
                return Err(value.error(format!("unknown field `{key}`")));
            }
        }
        Ok(())
    }

    /// Lets members nobody took pass ([`Fields::finish`] for open formats); still refuses
    /// names written twice among those taken (as serde refused a known field written twice and
    /// ignored unknown ones).
    pub fn finish_open(self) -> Result<(), Error> {
        for (i, (key, value)) in self.members.iter().enumerate() {
            // A name is taken at its first place ([`Fields::opt`]); a later one is the repeat.
            let first = self.members[..i].iter().position(|(k, _)| k == key);
            if first.is_some_and(|f| self.taken[f]) {
                return Err(value.error(format!("duplicate field `{key}`")));
            }
        }
        Ok(())
    }
}

/// A type read from a JSON [`Value`].
pub trait FromJson: Sized {
    fn from_json(value: &Value) -> Result<Self, Error>;
}

/// A type written as a JSON [`Value`].
pub trait ToJson {
    fn to_json(&self) -> Value;
}

impl FromJson for f64 {
    fn from_json(v: &Value) -> Result<f64, Error> {
        v.as_f64()
    }
}

impl FromJson for u32 {
    fn from_json(v: &Value) -> Result<u32, Error> {
        v.as_u32()
    }
}

impl FromJson for u64 {
    fn from_json(v: &Value) -> Result<u64, Error> {
        v.as_u64()
    }
}

impl FromJson for bool {
    fn from_json(v: &Value) -> Result<bool, Error> {
        v.as_bool()
    }
}

impl FromJson for String {
    fn from_json(v: &Value) -> Result<String, Error> {
        v.as_str().map(str::to_string)
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(v: &Value) -> Result<Option<T>, Error> {
        match v.kind {
            Kind::Null => Ok(None),
            _ => v.read().map(Some),
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(v: &Value) -> Result<Vec<T>, Error> {
        v.as_array()?.iter().map(Value::read).collect()
    }
}

impl<T: FromJson, const N: usize> FromJson for [T; N] {
    fn from_json(v: &Value) -> Result<[T; N], Error> {
        let items: Vec<T> = v.read()?;
        let len = items.len();
        items
            .try_into()
            .map_err(|_| v.error(format!("invalid length {len}, expected an array of {N}")))
    }
}

impl ToJson for f64 {
    /// Non-finite numbers are written as `null`, as serde_json writes them.
    fn to_json(&self) -> Value {
        if self.is_finite() {
            let mut text = String::new();
            decimal::write_f64(&mut text, *self);
            Value::new(Kind::Number(text))
        } else {
            Value::new(Kind::Null)
        }
    }
}

impl ToJson for u32 {
    fn to_json(&self) -> Value {
        Value::new(Kind::Number(self.to_string()))
    }
}

impl ToJson for u64 {
    fn to_json(&self) -> Value {
        Value::new(Kind::Number(self.to_string()))
    }
}

impl ToJson for bool {
    fn to_json(&self) -> Value {
        Value::new(Kind::Bool(*self))
    }
}

impl ToJson for str {
    fn to_json(&self) -> Value {
        Value::new(Kind::Str(self.to_string()))
    }
}

impl ToJson for String {
    fn to_json(&self) -> Value {
        self.as_str().to_json()
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn to_json(&self) -> Value {
        match self {
            Some(t) => t.to_json(),
            None => Value::new(Kind::Null),
        }
    }
}

impl<T: ToJson> ToJson for [T] {
    fn to_json(&self) -> Value {
        Value::new(Kind::Array(self.iter().map(ToJson::to_json).collect()))
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn to_json(&self) -> Value {
        self.as_slice().to_json()
    }
}

impl<T: ToJson, const N: usize> ToJson for [T; N] {
    fn to_json(&self) -> Value {
        self.as_slice().to_json()
    }
}

/// Builds an object member by member, in the order they are to be written.
#[derive(Default)]
pub struct Object(Vec<(String, Value)>);

impl Object {
    pub fn new() -> Object {
        Object::default()
    }

    /// Adds the member `key`.
    pub fn with(mut self, key: &str, value: &(impl ToJson + ?Sized)) -> Object {
        self.0.push((key.to_string(), value.to_json()));
        self
    }

    pub fn build(self) -> Value {
        Value::new(Kind::Object(self.0))
    }
}

/// `text` read as one JSON value (whitespace around it allowed, nothing else).
pub fn parse(text: &str) -> Result<Value, Error> {
    let mut p = Parser {
        text: text.as_bytes(),
        at: 0,
        line: 1,
        line_start: 0,
    };
    p.skip_space();
    let value = p.value(0)?;
    p.skip_space();
    if p.at < p.text.len() {
        return Err(p.error("trailing characters"));
    }
    Ok(value)
}

/// `text` read as a `T`.
pub fn from_str<T: FromJson>(text: &str) -> Result<T, Error> {
    parse(text)?.read()
}

/// `value` written without spaces or line breaks.
pub fn to_string(value: &impl ToJson) -> String {
    let mut out = String::new();
    write(&mut out, &value.to_json(), None);
    out
}

/// `value` written two spaces to a level, one member or item to a line.
pub fn to_string_pretty(value: &impl ToJson) -> String {
    let mut out = String::new();
    write(&mut out, &value.to_json(), Some(0));
    out
}

/// `text` as a JSON string, quotes included.
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    write_str(&mut out, text);
    out
}

struct Parser<'t> {
    text: &'t [u8],
    at: usize,
    line: u32,
    line_start: usize,
}

impl Parser<'_> {
    fn error(&self, message: &str) -> Error {
        // Columns count characters, not bytes.
        let column = self.text[self.line_start..self.at.min(self.text.len())]
            .iter()
            .filter(|&&b| b & 0xC0 != 0x80)
            .count() as u32
            + 1;
        Error {
            message: message.to_string(),
            line: self.line,
            column,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while let Some(b) = self.peek() {
            match b {
                b'\n' => {
                    self.at += 1;
                    self.line += 1;
                    self.line_start = self.at;
                }
                b' ' | b'\t' | b'\r' => self.at += 1,
                _ => break,
            }
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, Error> {
        let place = self.error("");
        let kind = match self.peek() {
            None => return Err(self.error("EOF while parsing a value")),
            Some(b'n') => self.word("null", Kind::Null)?,
            Some(b't') => self.word("true", Kind::Bool(true))?,
            Some(b'f') => self.word("false", Kind::Bool(false))?,
            Some(b'"') => Kind::Str(self.string()?),
            Some(b'-' | b'0'..=b'9') => Kind::Number(self.number()?),
            Some(b'[') => {
                if depth >= MAX_DEPTH {
                    return Err(self.error("recursion limit exceeded"));
                }
                self.at += 1;
                let mut items = Vec::new();
                self.skip_space();
                if self.peek() == Some(b']') {
                    self.at += 1;
                } else {
                    loop {
                        self.skip_space();
                        items.push(self.value(depth + 1)?);
                        self.skip_space();
                        match self.peek() {
                            Some(b',') => self.at += 1,
                            Some(b']') => {
                                self.at += 1;
                                break;
                            }
                            None => return Err(self.error("EOF while parsing a list")),
                            _ => return Err(self.error("expected `,` or `]`")),
                        }
                    }
                }
                Kind::Array(items)
            }
            Some(b'{') => {
                if depth >= MAX_DEPTH {
                    return Err(self.error("recursion limit exceeded"));
                }
                self.at += 1;
                let mut members = Vec::new();
                self.skip_space();
                if self.peek() == Some(b'}') {
                    self.at += 1;
                } else {
                    loop {
                        self.skip_space();
                        match self.peek() {
                            Some(b'"') => {}
                            None => return Err(self.error("EOF while parsing an object")),
                            _ => return Err(self.error("key must be a string")),
                        }
                        let key = self.string()?;
                        self.skip_space();
                        match self.peek() {
                            Some(b':') => self.at += 1,
                            None => return Err(self.error("EOF while parsing an object")),
                            _ => return Err(self.error("expected `:`")),
                        }
                        self.skip_space();
                        members.push((key, self.value(depth + 1)?));
                        self.skip_space();
                        match self.peek() {
                            Some(b',') => self.at += 1,
                            Some(b'}') => {
                                self.at += 1;
                                break;
                            }
                            None => return Err(self.error("EOF while parsing an object")),
                            _ => return Err(self.error("expected `,` or `}`")),
                        }
                    }
                }
                Kind::Object(members)
            }
            Some(_) => return Err(self.error("expected value")),
        };
        Ok(Value {
            kind,
            line: place.line,
            column: place.column,
        })
    }

    fn word(&mut self, word: &str, kind: Kind) -> Result<Kind, Error> {
        for &b in word.as_bytes() {
            match self.peek() {
                Some(c) if c == b => self.at += 1,
                None => return Err(self.error("EOF while parsing a value")),
                _ => return Err(self.error("expected value")),
            }
        }
        Ok(kind)
    }

    /// A number's text: `-`? (`0` | [1-9][0-9]*) (`.` [0-9]+)? ([eE] [+-]? [0-9]+)?
    fn number(&mut self) -> Result<String, Error> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek() {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.error("invalid number")),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error("invalid number"));
            }
            self.digits();
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error("invalid number"));
            }
            self.digits();
        }
        // ASCII only, so the slice is valid UTF-8.
        Ok(String::from_utf8_lossy(&self.text[start..self.at]).into_owned())
    }

    fn digits(&mut self) {
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
    }

    fn string(&mut self) -> Result<String, Error> {
        self.at += 1; // the opening quote
        let mut out: Vec<u8> = Vec::new();
        loop {
            let Some(b) = self.peek() else {
                return Err(self.error("EOF while parsing a string"));
            };
            self.at += 1;
            match b {
                b'"' => break,
                b'\\' => {
                    let Some(e) = self.peek() else {
                        return Err(self.error("EOF while parsing a string"));
                    };
                    self.at += 1;
                    let c = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.unicode_escape()?,
                        _ => {
                            self.at -= 1;
                            return Err(self.error("invalid escape"));
                        }
                    };
                    let mut buf = [0; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                0..=0x1F => {
                    self.at -= 1;
                    return Err(self.error(
                        "control character (\\u0000-\\u001F) found while parsing a string",
                    ));
                }
                _ => out.push(b),
            }
        }
        // The input is a `&str` and escapes were written as UTF-8, so this cannot fail.
        String::from_utf8(out).map_err(|_| self.error("invalid unicode code point"))
    }

    /// The character of a `\uXXXX` escape (the `\u` read), a surrogate pair included.
    fn unicode_escape(&mut self) -> Result<char, Error> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if self.text.get(self.at..self.at + 2) != Some(b"\\u") {
                    return Err(self.error("lone leading surrogate in hex escape"));
                }
                self.at += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(self.error("lone leading surrogate in hex escape"));
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(self.error("lone trailing surrogate in hex escape")),
            c => c,
        };
        char::from_u32(code).ok_or_else(|| self.error("invalid unicode code point"))
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let mut n = 0;
        for _ in 0..4 {
            let d = match self.peek() {
                Some(b @ b'0'..=b'9') => b - b'0',
                Some(b @ b'a'..=b'f') => b - b'a' + 10,
                Some(b @ b'A'..=b'F') => b - b'A' + 10,
                None => return Err(self.error("EOF while parsing a string")),
                _ => return Err(self.error("invalid escape")),
            };
            self.at += 1;
            n = n * 16 + u32::from(d);
        }
        Ok(n)
    }
}

/// Writes `value`; `indent` is the current level when pretty, `None` when compact.
fn write(out: &mut String, value: &Value, indent: Option<usize>) {
    match &value.kind {
        Kind::Null => out.push_str("null"),
        Kind::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Kind::Number(text) => out.push_str(text),
        Kind::Str(s) => write_str(out, s),
        Kind::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                separate(out, i, indent);
                write(out, item, indent.map(|n| n + 1));
            }
            close(out, items.is_empty(), indent, ']');
        }
        Kind::Object(members) => {
            out.push('{');
            for (i, (key, item)) in members.iter().enumerate() {
                separate(out, i, indent);
                write_str(out, key);
                out.push_str(if indent.is_some() { ": " } else { ":" });
                write(out, item, indent.map(|n| n + 1));
            }
            close(out, members.is_empty(), indent, '}');
        }
    }
}

/// Before the `i`th item of an array or object: a comma after the first, then (pretty) a new
/// line indented one level deeper.
fn separate(out: &mut String, i: usize, indent: Option<usize>) {
    if i > 0 {
        out.push(',');
    }
    if let Some(n) = indent {
        new_line(out, n + 1);
    }
}

fn close(out: &mut String, empty: bool, indent: Option<usize>, bracket: char) {
    if let (Some(n), false) = (indent, empty) {
        new_line(out, n);
    }
    out.push(bracket);
}

fn new_line(out: &mut String, level: usize) {
    out.push('\n');
    for _ in 0..level {
        out.push_str("  ");
    }
}

/// `s` quoted, escaped as serde_json escapes: `"`, `\` and the control characters; the rest
/// as is.
fn write_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(HEX[(c as usize) >> 4] as char);
                out.push(HEX[(c as usize) & 15] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A serde_json value as ours, to compare the two readers and writers.
    fn from_serde(v: &serde_json::Value) -> Value {
        Value::new(match v {
            serde_json::Value::Null => Kind::Null,
            serde_json::Value::Bool(b) => Kind::Bool(*b),
            serde_json::Value::Number(n) => Kind::Number(n.to_string()),
            serde_json::Value::String(s) => Kind::Str(s.clone()),
            serde_json::Value::Array(a) => Kind::Array(a.iter().map(from_serde).collect()),
            serde_json::Value::Object(o) => {
                Kind::Object(o.iter().map(|(k, v)| (k.clone(), from_serde(v))).collect())
            }
        })
    }

    impl ToJson for Value {
        fn to_json(&self) -> Value {
            self.clone()
        }
    }

    /// Positions dropped, to compare trees.
    fn bare(v: &Value) -> Value {
        Value::new(match &v.kind {
            Kind::Array(a) => Kind::Array(a.iter().map(bare).collect()),
            Kind::Object(o) => Kind::Object(o.iter().map(|(k, v)| (k.clone(), bare(v))).collect()),
            k => k.clone(),
        })
    }

    fn json_value() -> impl Strategy<Value = serde_json::Value> {
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::Bool),
            any::<i64>().prop_map(|n| serde_json::json!(n)),
            any::<f64>()
                .prop_filter("finite", |x| x.is_finite())
                .prop_map(|x| serde_json::json!(x)),
            "\\PC*|[\\x00-\\x1f\"\\\\/]*".prop_map(serde_json::Value::String),
        ];
        leaf.prop_recursive(4, 40, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
                prop::collection::vec(("[a-z_]{0,6}|\\PC{0,4}", inner), 0..6)
                    .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        /// What serde_json writes, compact and pretty, we read to the same tree and write
        /// back to the same text.
        #[test]
        fn reads_and_writes_what_serde_json_writes(v in json_value()) {
            let ours = from_serde(&v);
            for text in [serde_json::to_string(&v).unwrap(), serde_json::to_string_pretty(&v).unwrap()] {
                let read = parse(&text).map_err(|e| TestCaseError::fail(format!("{text}: {e}")))?;
                prop_assert_eq!(bare(&read), ours.clone());
            }
            prop_assert_eq!(to_string(&ours), serde_json::to_string(&v).unwrap());
            prop_assert_eq!(to_string_pretty(&ours), serde_json::to_string_pretty(&v).unwrap());
        }

        /// Any text: we accept exactly what serde_json accepts.
        #[test]
        fn accepts_what_serde_json_accepts(text in "[\\[\\]{}\":,0-9.eE+\\-a-z \\\\u]{0,24}") {
            let theirs = serde_json::from_str::<serde_json::Value>(&text).is_ok();
            prop_assert_eq!(parse(&text).is_ok(), theirs, "{}", text);
        }
    }

    #[test]
    fn errors_say_where() {
        let e = parse("{\n  \"a\": 1,\n  \"b\": x\n}").unwrap_err();
        assert_eq!(e.to_string(), "expected value at line 3 column 8");
        let e = parse("[1, 2").unwrap_err();
        assert_eq!(e.line, 1);
        assert!(e.message.starts_with("EOF"), "{e}");
        let v = parse("{\"a\": 1, \"a\": 2}").unwrap();
        let mut f = v.fields().unwrap();
        assert_eq!(f.get::<u32>("a").unwrap(), 1);
        assert_eq!(
            f.finish().unwrap_err().to_string(),
            "duplicate field `a` at line 1 column 15"
        );
        let v = parse("{\"a\": 1, \"b\": 2}").unwrap();
        let mut f = v.fields().unwrap();
        assert_eq!(f.get::<u32>("a").unwrap(), 1);
        assert_eq!(
            f.finish().unwrap_err().to_string(),
            "unknown field `b` at line 1 column 15"
        );
        let mut f = v.fields().unwrap();
        assert_eq!(f.get::<u32>("a").unwrap(), 1);
        assert!(f.finish_open().is_ok(), "an unknown member passes");
        let twice = parse("{\"a\": 1, \"b\": 2, \"a\": 3, \"c\": 4, \"c\": 5}").unwrap();
        let mut f = twice.fields().unwrap();
        assert_eq!(f.get::<u32>("a").unwrap(), 1);
        assert_eq!(
            f.finish_open().unwrap_err().to_string(),
            "duplicate field `a` at line 1 column 23"
        );
        let mut f = twice.fields().unwrap();
        assert_eq!(f.get::<u32>("b").unwrap(), 2);
        assert!(
            f.finish_open().is_ok(),
            "an unknown member written twice passes"
        );
        let mut f = v.fields().unwrap();
        assert_eq!(
            f.get::<u32>("c").unwrap_err().to_string(),
            "missing field `c` at line 1 column 1"
        );
    }

    #[test]
    fn typed_reads() {
        let v = parse("[1, 2.5, -3, 1e2, 4294967296, \"x\", null, true]").unwrap();
        let a = v.as_array().unwrap();
        assert_eq!(a[0].as_u32().unwrap(), 1);
        assert!(a[1].as_u32().is_err());
        assert!(a[2].as_u32().is_err());
        assert!(a[3].as_u32().is_err());
        assert_eq!(a[3].as_f64().unwrap(), 100.0);
        assert!(a[4].as_u32().is_err());
        assert_eq!(a[4].as_u64().unwrap(), 1 << 32);
        assert_eq!(a[5].as_str().unwrap(), "x");
        assert_eq!(a[6].read::<Option<f64>>().unwrap(), None);
        assert!(a[7].as_bool().unwrap());
        assert_eq!(
            a[5].as_f64().unwrap_err().to_string(),
            "invalid type: string \"x\", expected a number at line 1 column 31"
        );
        assert!(parse("1e400").unwrap().as_f64().is_err());
        let arr: [f64; 2] = parse("[1, 2]").unwrap().read().unwrap();
        assert_eq!(arr, [1.0, 2.0]);
        assert!(parse("[1]").unwrap().read::<[f64; 2]>().is_err());
    }

    #[test]
    fn nesting_is_limited() {
        let deep = "[".repeat(200) + &"]".repeat(200);
        assert!(parse(&deep).is_err());
        let ok = "[".repeat(100) + &"]".repeat(100);
        assert!(parse(&ok).is_ok());
    }
}
