//! Mentions as JSON lines (the `tag --format jsonl` contract).

use std::io::Write;

use crate::ingest::Document;
use crate::resolve::Resolved;
use crate::timex::MentionRecord;

/// The output record of one resolved mention, borrowing its strings.
pub fn view<'a>(doc: &'a Document, r: &'a Resolved) -> MentionRecord<&'a str> {
    MentionRecord {
        doc: &doc.id,
        start: r.start,
        end: r.end,
        text: &r.text,
        kind: r.timex.kind,
        value: &r.timex.value,
        modifier: r.timex.modifier,
        from: r.timex.from,
        to: r.timex.to,
        why: Some(r.timex.why.as_str()).filter(|w| !w.is_empty()),
        range: r.range.as_deref(),
        ambiguous: r.timex.ambiguous,
    }
}

/// The output record of one resolved mention.
pub fn record(doc: &Document, r: &Resolved) -> MentionRecord {
    view(doc, r).to_owned()
}

/// Write one document's mentions, one JSON object a line (encoded into one
/// buffer, then written at once: `out` may be a `dyn Write`).
pub fn write_doc<W: Write + ?Sized>(out: &mut W, doc: &Document, resolved: &[Resolved]) -> std::io::Result<()> {
    let mut buf: Vec<u8> = Vec::with_capacity(256 * resolved.len());
    for r in resolved {
        serde_json::to_writer(&mut buf, &view(doc, r))?;
        buf.push(b'\n');
    }
    out.write_all(&buf)
}
