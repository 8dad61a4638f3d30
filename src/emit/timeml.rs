//! TimeML output: the document text with TIMEX3 tags inline.
//!
//! The text between tags is the document text, XML-escaped, so that the
//! shared scorer's plain-text extraction gives back exactly the input.

use crate::ingest::Document;
use crate::resolve::Resolved;

fn escape(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
}

/// A whole `.tml` document. Mentions must be in text order and not overlap;
/// overlapping ones after the first are left out.
pub fn document(doc: &Document, resolved: &[Resolved]) -> String {
    let mut out = String::with_capacity(doc.text.len() * 2);
    out.push_str("<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>");
    escape(&doc.id, &mut out);
    out.push_str("</DOCID>\n");
    if let Some(d) = doc.meta.published {
        out.push_str(&format!(
            "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"{d}\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">{d}</TIMEX3></DCT>\n"
        ));
    }
    out.push_str("<TEXT>");
    let mut pos = 0;
    let mut n = 0;
    for r in resolved {
        if r.start < pos || r.end > doc.text.len() || r.start >= r.end {
            continue;
        }
        escape(&doc.text[pos..r.start], &mut out);
        n += 1;
        out.push_str(&format!(
            "<TIMEX3 tid=\"t{n}\" type=\"{}\" value=\"",
            r.timex.kind.as_str()
        ));
        escape(&r.timex.value, &mut out);
        out.push('"');
        if let Some(m) = r.timex.modifier {
            out.push_str(&format!(" mod=\"{}\"", m.as_str()));
        }
        out.push('>');
        escape(&doc.text[r.start..r.end], &mut out);
        out.push_str("</TIMEX3>");
        pos = r.end;
    }
    escape(&doc.text[pos..], &mut out);
    out.push_str("</TEXT>\n</TimeML>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::timeml::timeml_plain;
    use crate::resolve::Tense;
    use crate::timex::{Timex, TimexType};

    #[test]
    fn round_trips_plain_text() {
        let doc = Document::from_text("d", "On <b> & \"Monday\" it rained.");
        // "On <b> & \"" is 10 bytes: Monday is 10..16 (the scaffold said 12..18)
        let r = Resolved {
            start: 10,
            end: 16,
            text: "Monday".into(),
            timex: Timex {
                kind: TimexType::Date,
                value: "XXXX-WXX-1".into(),
                modifier: None,
                from: None,
                to: None,
                why: String::new(),
                ambiguous: false,
            },
            range: None,
            tense: Tense::Past,
            weekday: None,
            partial: None,
        };
        let tml = document(&doc, &[r]);
        let plain = timeml_plain(&tml).expect("TEXT");
        assert_eq!(plain.text, doc.text);
        assert!(tml.contains(">Monday</TIMEX3>"));
    }
}
