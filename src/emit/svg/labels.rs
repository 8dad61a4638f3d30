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
pub(super) fn event_label(ev: &Event, rep: &Report, conflict: bool) -> String {
    let mut label = if conflict { "⚠ ".to_string() } else { String::new() };
    let what = if ev.what.trim().is_empty() {
        rep.sentence.text.trim()
    } else {
        ev.what.trim()
    };
    let expr = rep.expression.trim();
    if expr.is_empty() || what.is_empty() {
        label.push_str(expr);
        label.push_str(what);
        return fit_text(&label, LABEL_MAX_W, LABEL_SIZE);
    }
    label.push_str(&fit_text(expr, 0.45 * LABEL_MAX_W, LABEL_SIZE));
    label.push_str(LABEL_SEP);
    let room = LABEL_MAX_W - text_width(&label, LABEL_SIZE);
    label.push_str(&fit_text(what, room, LABEL_SIZE));
    label
}

/// The report's tooltip: what, when, the article's sentence, how sure, what conflicts.
pub(super) fn event_tooltip(ev: &Event, rep: &Report, conflicts: &[&Conflict]) -> String {
    let mut t = format!("{}\n\"{}\" = {}", ev.what.trim(), rep.expression, rep.value);
    let (s, e) = report_days(ev, rep);
    out!(t, "\n{}", human_range(s, e));
    if ev.when.earliest.is_some() || ev.when.latest.is_some() {
        let a = ev.when.earliest.map_or_else(|| "?".to_string(), human_day);
        let b = ev.when.latest.map_or_else(|| "?".to_string(), human_day);
        out!(t, "\nuncertain: between {a} and {b}");
    }
    if !rep.doc.is_empty() {
        out!(t, "\n{}: {}", rep.doc, rep.sentence.text.trim());
    }
    if ev.sources > 1 {
        out!(t, "\nreported by {} articles", ev.sources);
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
pub(super) fn summary(c: &Chronology, articles: usize, scale: &Scale, fit: &Fit) -> (String, String) {
    let span_words = match scale.domain().and_then(|(a, b)| Some((date_of(a)?, date_of(b - 1)?))) {
        Some((a, b)) if a.year() == b.year() => a.year().to_string(),
        Some((a, b)) => format!("{} – {}", a.year(), b.year()),
        None => "no dated events".to_string(),
    };
    let reports: usize = c.events.iter().map(|e| e.reports.len()).sum();
    let summary = format!(
        "{} from {} ({}), {}; {}; {}",
        count(c.events.len(), "event", "events"),
        count(articles, "article", "articles"),
        count(reports, "report", "reports"),
        span_words,
        count(c.timeline.len(), "timeline day", "timeline days"),
        count(c.conflicts.len(), "conflict", "conflicts")
    );
    let mut desc = format!(
        "Timeline of {summary}. Reports per day as a density strip, then the story timeline: \
         the most reported days with their headlines."
    );
    for (from, to, _, _) in scale.breaks() {
        if let (Some(a), Some(b)) = (date_of(from), date_of(to - 1)) {
            out!(
                desc,
                " The axis skips the empty stretch {} – {}.",
                human_day(a),
                human_day(b)
            );
        }
    }
    if fit.before.0 + fit.after.0 > 0 {
        out!(
            desc,
            " {} lie outside the axis.",
            count(fit.before.0 + fit.after.0, "report", "reports")
        );
    }
    for k in c.conflicts.iter().take(MAX_CONFLICT_NOTES) {
        out!(desc, " Conflict ({}): {}", k.kind, k.explanation);
    }
    (summary, desc)
}

/// One note under the picture.
pub(super) struct Note<'a> {
    class: &'static str,
    conflict: Option<&'a Conflict>,
    lines: Vec<String>,
    colour: &'static str,
}

/// Under the lanes: the conflicts with their explanations, then what is not
/// drawn and why.
pub(super) struct Foot<'a> {
    conflicts: Vec<Note<'a>>,
    notes: Vec<Note<'a>>,
}

const NOTE_W: f64 = WIDTH - 2.0 * MARGIN - 20.0;

impl<'a> Foot<'a> {
    pub(super) fn new(
        c: &'a Chronology,
        fit: &Fit,
        blank_docs: &[&str],
        articles: usize,
        with_lanes: bool,
        cut: usize,
    ) -> Foot<'a> {
        let note = |class: &'static str, text: &str, colour: &'static str| Note {
            class,
            conflict: None,
            lines: wrap(text, NOTE_W, 12.0),
            colour,
        };
        let mut conflicts: Vec<Note> = c
            .conflicts
            .iter()
            .take(MAX_CONFLICT_NOTES)
            .map(|k| Note {
                class: "conflict-note",
                conflict: Some(k),
                lines: wrap(
                    &format!("⚠ {} ({}): {}", k.kind, k.docs.join(", "), k.explanation),
                    NOTE_W,
                    12.0,
                )
                .into_iter()
                .take(4)
                .collect(),
                colour: CONFLICT_DARK,
            })
            .collect();
        if c.conflicts.len() > MAX_CONFLICT_NOTES {
            let more = c.conflicts.len() - MAX_CONFLICT_NOTES;
            conflicts.push(note(
                "conflict-more",
                &format!(
                    "… and {} more, listed in the chronology file.",
                    count(more, "conflict", "conflicts")
                ),
                CONFLICT_DARK,
            ));
        }
        let mut notes: Vec<Note> = Vec::new();
        let outside = |(k, d): (usize, Option<NaiveDate>), side: &str| {
            d.map(|d| {
                format!(
                    "{} {side} (the {} dated {})",
                    count(k, "report", "reports"),
                    if side == "before" { "earliest" } else { "latest" },
                    human_day(d)
                )
            })
        };
        let parts: Vec<String> = [outside(fit.before, "before"), outside(fit.after, "after")]
            .into_iter()
            .flatten()
            .collect();
        if !parts.is_empty() {
            notes.push(note(
                "outside",
                &format!(
                    "Left off the axis, as stray dates far from the rest: {}. They are in the chronology file.",
                    parts.join("; ")
                ),
                "#555",
            ));
        }
        if !c.unplaced.is_empty() {
            notes.push(note(
                "unplaced",
                &format!(
                    "Not drawn: {} whose date waits for an article's publication date (unplaced).",
                    count(c.unplaced.len(), "event", "events")
                ),
                "#555",
            ));
        }
        if !with_lanes && articles > 0 {
            notes.push(note(
                "no-lanes",
                &format!(
                    "One lane per article is drawn for collections of up to {LANE_LIMIT} articles; this one has {}. \
                     `chronology render --lanes` draws them.",
                    thousands(articles)
                ),
                "#555",
            ));
        }
        if cut > 0 {
            notes.push(note(
                "lanes-cut",
                &format!(
                    "The lanes of the last {} are left out to keep the picture within {} px and {} MB.",
                    count(cut, "article", "articles"),
                    thousands(MAX_SIDE as usize),
                    MAX_BYTES / 1_000_000
                ),
                "#555",
            ));
        }
        if with_lanes && !blank_docs.is_empty() {
            let mut ids: Vec<&str> = blank_docs.iter().copied().take(40).collect();
            if blank_docs.len() > ids.len() {
                ids.push("…");
            }
            notes.push(note(
                "not-drawn",
                &format!(
                    "Not drawn: {} with no dated event and no known publication date: {}.",
                    count(blank_docs.len(), "article", "articles"),
                    ids.join(", ")
                ),
                "#555",
            ));
        }
        Foot { conflicts, notes }
    }

    /// Height of everything in the foot.
    pub(super) fn height(&self) -> f64 {
        let block = |ns: &[Note]| ns.iter().map(|x| x.lines.len() as f64 * 16.0 + 4.0).sum::<f64>();
        let head = if self.conflicts.is_empty() { 0.0 } else { 20.0 };
        head + block(&self.conflicts) + block(&self.notes)
    }

    /// Draw the foot from `top`.
    pub(super) fn draw(&self, s: &mut String, top: f64) {
        let mut y = top;
        if !self.conflicts.is_empty() {
            out!(
                s,
                "<text x=\"{}\" y=\"{}\" font-size=\"14\" font-weight=\"bold\" fill=\"{CONFLICT_DARK}\">Conflicts</text>\n",
                n(MARGIN),
                n(y)
            );
            y += 20.0;
        }
        for note in self.conflicts.iter().chain(&self.notes) {
            match note.conflict {
                Some(k) => {
                    out!(s, "<g class=\"{}\" data-conflict=\"{}\">", note.class, esc(&k.id));
                    let mut tip = k.explanation.clone();
                    for st in &k.statements {
                        out!(tip, "\n· {}: \"{}\"", st.doc, st.text.trim());
                    }
                    out!(s, "<title>{}</title>", esc(&tip));
                }
                None => out!(s, "<g class=\"{}\">", note.class),
            }
            for line in &note.lines {
                out!(
                    s,
                    "<text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"{}\">{}</text>",
                    n(MARGIN + 4.0),
                    n(y),
                    note.colour,
                    esc(line)
                );
                y += 16.0;
            }
            y += 4.0;
            s.push_str("</g>\n");
        }
    }
}
