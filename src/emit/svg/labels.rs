//! Words on the picture: text widths, escaping, dates in words, event
//! labels and tooltips, the summary and the notes under the lanes.

use std::fmt::Write as _;

use super::*;

/// Estimated width in pixels of `s` set in a sans-serif face at `size` px.
/// Deliberately generous (about DejaVu Sans, the widest common fallback), so
/// labels placed apart stay apart in narrower faces.
pub fn text_width(s: &str, size: f64) -> f64 {
    let em: f64 = s
        .chars()
        .map(|c| match c {
            'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | '’' | '‘' => 0.32,
            ' ' | 'f' | 't' | 'r' | 'I' | '(' | ')' | '[' | ']' | '-' | '/' => 0.42,
            'm' | 'w' | '…' => 0.92,
            'M' | 'W' | '⚠' => 1.0,
            '0'..='9' => 0.64,
            'A'..='Z' => 0.72,
            'a'..='z' => 0.61,
            c if (c as u32) >= 0x2E80 => 1.0,
            _ => 0.72,
        })
        .sum();
    em * size
}

/// `s` shortened at a word boundary (with "…") to fit `max_w` pixels.
pub fn fit_text(s: &str, max_w: f64, size: f64) -> String {
    let s: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if text_width(&s, size) <= max_w {
        return s;
    }
    let budget = max_w - text_width("…", size);
    let mut used = 0.0;
    let mut cut = 0;
    let mut last_space = None;
    for (i, c) in s.char_indices() {
        let w = text_width(c.encode_utf8(&mut [0u8; 4]), size);
        if used + w > budget {
            break;
        }
        used += w;
        cut = i + c.len_utf8();
        if c == ' ' {
            last_space = Some(i);
        }
    }
    // Prefer a word boundary unless it throws away more than a third.
    let end = match last_space {
        Some(sp) if sp * 3 >= cut * 2 => sp,
        _ => cut,
    };
    format!("{}…", s[..end].trim_end_matches([' ', ',', ';', ':']))
}

/// Escape text for XML content and attribute values, dropping characters XML 1.0 forbids.
pub fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&apos;"),
            '\t' | '\n' | '\r' => o.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => o.push(c),
        }
    }
    o
}

pub(super) const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

pub(super) fn month_abbr(d: NaiveDate) -> &'static str {
    MONTHS[d.month0() as usize % 12]
}

/// "14 Feb 2026".
pub fn human_day(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), month_abbr(d), d.year())
}

/// A date range in words at its natural precision: "2024", "Sep – Nov 2024", "4 – 5 Feb 2026".
pub fn human_range(a: NaiveDate, b: NaiveDate) -> String {
    let (a, b) = if b < a { (b, a) } else { (a, b) };
    let month_start = a.day() == 1;
    let month_end = b.succ_opt().is_none_or(|n| n.day() == 1);
    if a == b {
        human_day(a)
    } else if month_start && a.month() == 1 && month_end && b.month() == 12 {
        if a.year() == b.year() {
            a.year().to_string()
        } else {
            format!("{} – {}", a.year(), b.year())
        }
    } else if month_start && month_end {
        if a.year() == b.year() && a.month() == b.month() {
            format!("{} {}", month_abbr(a), a.year())
        } else if a.year() == b.year() {
            format!("{} – {} {}", month_abbr(a), month_abbr(b), a.year())
        } else {
            format!("{} {} – {} {}", month_abbr(a), a.year(), month_abbr(b), b.year())
        }
    } else if a.year() == b.year() && a.month() == b.month() {
        format!("{} – {} {} {}", a.day(), b.day(), month_abbr(a), a.year())
    } else {
        format!("{} – {}", human_day(a), human_day(b))
    }
}

/// A gap length in words: "8 years", "7 months", "40 days".
pub(super) fn human_gap(days: i64) -> String {
    if days >= 548 {
        format!("{} yrs", (days as f64 / 365.25).round())
    } else if days >= 60 {
        format!("{} mo", (days as f64 / 30.44).round())
    } else {
        format!("{days} d")
    }
}

/// The printed label: the wording of the date, then what happened
/// ("last week · Zelensky met UK and EU leaders"), within [`LABEL_MAX_W`]. The
/// wording gets at most 45 % of the room, so a long one ("the same period in
/// the previous year") leaves some of the event phrase visible.
pub(super) fn event_label(ev: &Event, conflict: bool) -> String {
    let mut label = if conflict { "⚠ ".to_string() } else { String::new() };
    let (expr, text) = (ev.expression.trim(), ev.text.trim());
    if expr.is_empty() || text.is_empty() {
        label.push_str(expr);
        label.push_str(text);
        return fit_text(&label, LABEL_MAX_W, LABEL_SIZE);
    }
    label.push_str(&fit_text(expr, 0.45 * LABEL_MAX_W, LABEL_SIZE));
    label.push_str(LABEL_SEP);
    let room = LABEL_MAX_W - text_width(&label, LABEL_SIZE);
    label.push_str(&fit_text(text, room, LABEL_SIZE));
    label
}

/// The event tooltip: what, when, from where, how sure, what conflicts.
pub(super) fn event_tooltip(ev: &Event, conflicts: &[&Conflict]) -> String {
    let mut t = format!("{}\n\"{}\" = {}", ev.text.trim(), ev.expression, ev.value);
    out!(t, "\n{}", human_range(ev.start, ev.end));
    if ev.earliest.is_some() || ev.latest.is_some() {
        let e = ev.earliest.map_or_else(|| "?".to_string(), human_day);
        let l = ev.latest.map_or_else(|| "?".to_string(), human_day);
        out!(t, "\nuncertain: between {e} and {l}");
    }
    let docs = grouping::event_docs(ev);
    if !docs.is_empty() {
        out!(t, "\nfrom {}", docs.join(", "));
    }
    for s in &ev.sources {
        out!(t, "\n· {}: {}", s.doc, s.text.trim());
    }
    for c in conflicts {
        out!(t, "\nCONFLICT ({}): {}", c.kind, c.explanation);
    }
    out!(t, "\n[{}]", ev.id);
    t
}

/// Lines of at most `max_w` pixels, broken at spaces.
pub(super) fn wrap(s: &str, max_w: f64, size: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    for w in s.split_whitespace() {
        let trial = if cur.is_empty() {
            w.to_string()
        } else {
            format!("{cur} {w}")
        };
        if text_width(&trial, size) > max_w && !cur.is_empty() {
            lines.push(std::mem::take(&mut cur));
            cur = w.to_string();
        } else {
            cur = trial;
        }
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

/// The summary line (title) and the description (`<desc>`) of the picture.
pub(super) fn summary(c: &Chronology, lanes: &[Lane], blank_docs: &[&str], scale: &Scale) -> (String, String) {
    let first = c.events.iter().map(|e| e.start.min(e.end)).min();
    let last = c.events.iter().map(|e| e.end.max(e.start)).max();
    let span_words = match (first, last) {
        (Some(a), Some(b)) if a.year() == b.year() => a.year().to_string(),
        (Some(a), Some(b)) => format!("{} – {}", a.year(), b.year()),
        _ => "no dated events".to_string(),
    };
    let articles = lanes
        .iter()
        .filter(|l| matches!(l.kind, LaneKind::Article { .. }))
        .count()
        + blank_docs.len();
    let summary = format!(
        "{} events from {} article{}, {}; {} conflict{}",
        c.events.len(),
        articles,
        if articles == 1 { "" } else { "s" },
        span_words,
        c.conflicts.len(),
        if c.conflicts.len() == 1 { "" } else { "s" }
    );
    let mut desc = format!("Timeline of {summary}. One lane per article (stories merged across articles first).");
    for (from, to, _, _) in scale.breaks() {
        if let (Some(a), Some(b)) = (date_of(from), date_of(to)) {
            out!(
                desc,
                " The axis skips the empty stretch {} – {}.",
                human_day(a),
                human_day(b)
            );
        }
    }
    for k in &c.conflicts {
        out!(desc, " Conflict ({}): {}", k.kind, k.explanation);
    }
    if !blank_docs.is_empty() {
        out!(
            desc,
            " Not drawn, having no dated event and no known publication date: {}.",
            blank_docs.join(", ")
        );
    }
    (summary, desc)
}

/// Under the lanes: the conflicts with their explanations, then the
/// articles not drawn.
pub(super) fn foot(s: &mut String, v: &Vertical<'_>) {
    if !v.conflict_lines.is_empty() {
        out!(
            s,
            "<text x=\"{}\" y=\"{}\" font-size=\"14\" font-weight=\"bold\" fill=\"{CONFLICT_DARK}\">Conflicts</text>\n",
            n(MARGIN),
            n(v.conflicts_top)
        );
        let mut y = v.conflicts_top + 20.0;
        for (k, lines) in &v.conflict_lines {
            out!(s, "<g class=\"conflict-note\" data-conflict=\"{}\">", esc(&k.id));
            let mut tip = k.explanation.clone();
            for st in &k.statements {
                out!(tip, "\n· {}: \"{}\"", st.doc, st.text.trim());
            }
            out!(s, "<title>{}</title>", esc(&tip));
            for line in lines {
                out!(
                    s,
                    "<text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"{CONFLICT_DARK}\">{}</text>",
                    n(MARGIN + 4.0),
                    n(y),
                    esc(line)
                );
                y += 16.0;
            }
            y += 4.0;
            s.push_str("</g>\n");
        }
    }
    if !v.blank_lines.is_empty() {
        s.push_str("<g class=\"not-drawn\">");
        for (i, line) in v.blank_lines.iter().enumerate() {
            out!(
                s,
                "<text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"#555\">{}</text>",
                n(MARGIN),
                n(v.blank_top + 12.0 + i as f64 * 16.0),
                esc(line)
            );
        }
        s.push_str("</g>\n");
    }
}
