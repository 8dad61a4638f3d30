//! The TimeML reader: the plain text of `<TEXT>` and the creation date, built
//! exactly as the shared scorer builds them so that byte offsets agree.
//!
//! ```text
//! .tml := TimeML; text = plain text of the first <TEXT>, tags removed and the
//!         five XML entities and numeric references decoded; anchor = <DCT>
//! ```

use std::path::Path;

use chrono::NaiveDate;

use super::{decode, read_bytes, stem, Document, IngestError, Meta};

/// Read one `.tml` file as a document.
pub(super) fn read(path: &Path) -> Result<Document, IngestError> {
    let raw = read_bytes(path)?;
    let mut warnings = Vec::new();
    let content = decode(path, raw, &mut warnings);
    let tml = timeml_plain(&content).ok_or_else(|| IngestError::TimeMl {
        path: path.to_path_buf(),
        msg: "no <TEXT> element".into(),
    })?;
    Ok(Document {
        id: stem(path),
        source: path.to_path_buf(),
        line: 1,
        record: false,
        body: 0..tml.text.len(),
        text: tml.text,
        meta: Meta {
            published: tml.dct,
            ..Meta::default()
        },
        warnings,
        ignored_fields: Vec::new(),
    })
}

/// The plain text and creation date of a TimeML document.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeMlPlain {
    /// Text of the first `<TEXT>` element, tags removed and entities decoded.
    pub text: String,
    /// The DCT (the `CREATION_TIME` TIMEX3, else the first value inside `<DCT>`).
    pub dct: Option<NaiveDate>,
}

/// Extract the plain text of `<TEXT>` exactly as the shared scorer does:
/// markup removed, the five XML entities and numeric references decoded,
/// CDATA kept, nothing else changed.
pub fn timeml_plain(content: &str) -> Option<TimeMlPlain> {
    let mut out = String::new();
    let mut in_text = 0i32;
    let mut text_done = false;
    let mut saw_text = false;
    let mut in_dct = 0i32;
    let mut creation: Option<String> = None;
    let mut dct_cands: Vec<String> = Vec::new();
    let b = content.as_bytes();
    let mut pos = 0;
    while pos < b.len() {
        let Some(lt) = content[pos..].find('<').map(|i| pos + i) else {
            if in_text > 0 && !text_done {
                out.push_str(&unescape(&content[pos..]));
            }
            break;
        };
        let markup = scan_markup(content, lt);
        let Some((mend, markup)) = markup else {
            // a lone '<' is text
            if in_text > 0 && !text_done {
                out.push_str(&unescape(&content[pos..lt + 1]));
            }
            pos = lt + 1;
            continue;
        };
        if in_text > 0 && !text_done {
            out.push_str(&unescape(&content[pos..lt]));
        }
        pos = mend;
        match markup {
            Markup::Cdata(s) => {
                if in_text > 0 && !text_done {
                    out.push_str(s);
                }
            }
            Markup::Other => {}
            Markup::Tag {
                name,
                closing,
                selfclose,
                attrs,
            } => {
                let uname = name.to_ascii_uppercase();
                if uname == "TEXT" && !text_done {
                    if closing {
                        in_text -= 1;
                        if in_text <= 0 {
                            in_text = 0;
                            text_done = true;
                        }
                    } else if !selfclose {
                        in_text += 1;
                        saw_text = true;
                    }
                    continue;
                }
                if matches!(uname.as_str(), "DCT" | "DATETIME" | "DATE_TIME") {
                    if closing {
                        in_dct = (in_dct - 1).max(0);
                    } else if !selfclose {
                        in_dct += 1;
                    }
                    continue;
                }
                if (uname == "TIMEX3" || uname == "TIMEX2") && !closing {
                    let mut val = None;
                    let mut func = String::new();
                    for (k, v) in attr_pairs(attrs) {
                        let k = k.to_ascii_lowercase();
                        if k == "value" || (k == "val" && val.is_none()) {
                            val = Some(unescape(v));
                        } else if k == "functionindocument" {
                            func = v.to_ascii_uppercase();
                        }
                    }
                    if let Some(v) = val {
                        if func == "CREATION_TIME" && creation.is_none() && !v.is_empty() {
                            creation = Some(v.clone());
                        }
                        if in_dct > 0 && !v.is_empty() {
                            dct_cands.push(v);
                        }
                    }
                }
            }
        }
    }
    if !saw_text {
        return None;
    }
    let dct = creation
        .or_else(|| dct_cands.into_iter().next())
        .and_then(|v| dct_day(&v));
    Some(TimeMlPlain { text: out, dct })
}

fn dct_day(v: &str) -> Option<NaiveDate> {
    let digits: String = v.trim().chars().filter(|c| *c != '-').take(8).collect();
    if digits.len() < 8 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    NaiveDate::parse_from_str(&digits, "%Y%m%d").ok()
}

enum Markup<'a> {
    Cdata(&'a str),
    Other,
    Tag {
        name: &'a str,
        closing: bool,
        selfclose: bool,
        attrs: &'a str,
    },
}

/// Recognise one piece of markup at `lt` (which holds '<'); returns its end.
fn scan_markup(s: &str, lt: usize) -> Option<(usize, Markup<'_>)> {
    let rest = &s[lt..];
    if let Some(r) = rest.strip_prefix("<!--") {
        let e = r.find("-->")?;
        return Some((lt + 4 + e + 3, Markup::Other));
    }
    if let Some(r) = rest.strip_prefix("<![CDATA[") {
        let e = r.find("]]>")?;
        return Some((lt + 9 + e + 3, Markup::Cdata(&r[..e])));
    }
    if let Some(r) = rest.strip_prefix("<?") {
        let e = r.find("?>")?;
        return Some((lt + 2 + e + 2, Markup::Other));
    }
    if rest.starts_with("<!") && rest[2..].starts_with(|c: char| c.is_ascii_alphabetic()) {
        let e = rest.find('>')?;
        return Some((lt + e + 1, Markup::Other));
    }
    let bytes = rest.as_bytes();
    let mut i = 1;
    let closing = bytes.get(1) == Some(&b'/');
    if closing {
        i += 1;
    }
    let name_start = i;
    match bytes.get(i) {
        Some(c) if c.is_ascii_alphabetic() || *c == b'_' => {}
        _ => return None,
    }
    while let Some(c) = bytes.get(i) {
        if c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b':' | b'-') || *c >= 0x80 {
            i += 1;
        } else {
            break;
        }
    }
    let name = &rest[name_start..i];
    let attrs_start = i;
    // attributes: (\s+name\s*=\s*("..."|'...'))*
    loop {
        let save = i;
        let mut j = i;
        while bytes.get(j).is_some_and(|c| c.is_ascii_whitespace()) {
            j += 1;
        }
        if j == i {
            break;
        }
        let an = j;
        while bytes
            .get(j)
            .is_some_and(|c| !c.is_ascii_whitespace() && !matches!(c, b'=' | b'/' | b'>'))
        {
            j += 1;
        }
        if j == an {
            i = save;
            break;
        }
        while bytes.get(j).is_some_and(|c| c.is_ascii_whitespace()) {
            j += 1;
        }
        if bytes.get(j) != Some(&b'=') {
            i = save;
            break;
        }
        j += 1;
        while bytes.get(j).is_some_and(|c| c.is_ascii_whitespace()) {
            j += 1;
        }
        let q = match bytes.get(j) {
            Some(q @ (b'"' | b'\'')) => *q,
            _ => {
                i = save;
                break;
            }
        };
        let close = rest[j + 1..].find(q as char);
        match close {
            Some(c) => i = j + 1 + c + 1,
            None => {
                i = save;
                break;
            }
        }
    }
    let attrs = &rest[attrs_start..i];
    while bytes.get(i).is_some_and(|c| c.is_ascii_whitespace()) {
        i += 1;
    }
    let selfclose = bytes.get(i) == Some(&b'/');
    if selfclose {
        i += 1;
    }
    if bytes.get(i) != Some(&b'>') {
        return None;
    }
    Some((
        lt + i + 1,
        Markup::Tag {
            name,
            closing,
            selfclose,
            attrs,
        },
    ))
}

fn attr_pairs(attrs: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    let mut rest = attrs;
    while let Some(eq) = rest.find('=') {
        let key = rest[..eq].trim();
        let after = rest[eq + 1..].trim_start();
        let Some(q) = after.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            break;
        };
        let Some(close) = after[1..].find(q) else {
            break;
        };
        out.push((key, &after[1..1 + close]));
        rest = &after[1 + close + 1..];
    }
    out
}

/// Decode `&amp; &lt; &gt; &quot; &apos;` and numeric character references.
pub fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let semi = rest[1..].find(';').map(|j| j + 1);
        let decoded = semi.and_then(|j| {
            let ent = &rest[1..j];
            let ch = match ent {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ if ent.starts_with("#x") && ent.len() > 2 => u32::from_str_radix(&ent[2..], 16)
                    .ok()
                    .filter(|_| ent[2..].chars().all(|c| c.is_ascii_hexdigit()))
                    .and_then(char::from_u32),
                _ if ent.starts_with('#') && ent.len() > 1 && ent[1..].chars().all(|c| c.is_ascii_digit()) => {
                    ent[1..].parse::<u32>().ok().and_then(char::from_u32)
                }
                _ => None,
            };
            ch.map(|c| (c, j + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;

    #[test]
    fn timeml_text_and_dct() {
        let tml = r#"<?xml version="1.0" ?>
<TimeML><DOCID>X</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-06" functionInDocument="CREATION_TIME">02/06/1998</TIMEX3></DCT>
<TEXT>A &amp; B said <TIMEX3 tid="t1" type="DATE" value="1998-02-05">Thursday</TIMEX3> it &lt;rose&gt;.</TEXT></TimeML>"#;
        let p = timeml_plain(tml).expect("has TEXT");
        assert_eq!(p.text, "A & B said Thursday it <rose>.");
        assert_eq!(p.dct, NaiveDate::from_ymd_opt(1998, 2, 6));
    }

    #[test]
    fn timeml_without_text_is_none() {
        assert_eq!(timeml_plain("<TimeML></TimeML>"), None);
    }

    #[test]
    fn unescape_keeps_unknown_entities() {
        assert_eq!(unescape("a &nbsp; &#65;&#x42; &amp"), "a &nbsp; AB &amp");
    }
}
