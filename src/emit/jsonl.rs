//! Mentions as JSON lines (the `tag --format jsonl` contract).

use std::io::Write;

use crate::ingest::Document;
use crate::resolve::Resolved;
use crate::timex::MentionRecord;

/// The output record of one resolved mention.
pub fn record(doc: &Document, r: &Resolved) -> MentionRecord {
    MentionRecord {
        doc: doc.id.clone(),
        start: r.start,
        end: r.end,
        text: r.text.clone(),
        kind: r.timex.kind,
        value: r.timex.value.clone(),
        modifier: r.timex.modifier,
        from: r.timex.from,
        to: r.timex.to,
        why: if r.timex.why.is_empty() {
            None
        } else {
            Some(r.timex.why.clone())
        },
        range: r.range.clone(),
        ambiguous: r.timex.ambiguous,
    }
}

/// Write one document's mentions, one JSON object a line (encoded into one
/// buffer, then written at once: `out` may be a `dyn Write`).
pub fn write_doc<W: Write + ?Sized>(out: &mut W, doc: &Document, resolved: &[Resolved]) -> std::io::Result<()> {
    let mut buf: Vec<u8> = Vec::with_capacity(256 * resolved.len());
    for r in resolved {
        serde_json::to_writer(&mut buf, &record(doc, r))?;
        buf.push(b'\n');
    }
    out.write_all(&buf)
}
