//! The story timeline: the main lane, one dot per timeline day (sized by
//! the number of articles that report it) with the day's headline on the
//! same line, right of the dot (left of it near the right edge). Days are
//! placed in date order, each in the first row where it overlaps nothing,
//! so reading down the lane is reading the story in order. At most
//! [`MAX_STORY_ROWS`] rows; later days keep their dot and tooltip.

use std::fmt::Write as _;

use super::*;

/// A placed timeline day.
pub(super) struct Entry<'a> {
    pub(super) t: &'a TimelineEntry,
    pub(super) cx: f64,
    pub(super) r: f64,
    pub(super) label: String,
    pub(super) lx: f64,
    pub(super) lw: f64,
    pub(super) row: usize,
    pub(super) show_label: bool,
    pub(super) conflicts: Vec<&'a Conflict>,
}

/// The placed lane.
pub(super) struct Story<'a> {
    pub(super) items: Vec<Entry<'a>>,
    pub(super) rows: usize,
    /// Days of the timeline, total (drawn or not).
    pub(super) total: usize,
}

/// Dot radius: 3 px for one article, 7.5 px for the best-reported day.
fn radius(sources: usize, max: usize) -> f64 {
    3.0 + 4.5 * (sources as f64 / max.max(1) as f64).sqrt()
}

/// The headline of a day: its first sentence, else its events' headlines.
fn headline<'a>(t: &'a TimelineEntry, event_of: &BTreeMap<&str, &'a Event>) -> &'a str {
    t.sentences
        .iter()
        .map(|s| s.trim())
        .find(|s| !s.is_empty())
        .or_else(|| {
            t.events
                .iter()
                .filter_map(|id| event_of.get(id.as_str()))
                .map(|e| e.what.trim())
                .find(|s| !s.is_empty())
        })
        .unwrap_or("")
}

/// Place the timeline's days.
pub(super) fn place<'a>(
    c: &'a Chronology,
    scale: &Scale,
    conflicts_of: &BTreeMap<&str, Vec<&'a Conflict>>,
) -> Story<'a> {
    let event_of: BTreeMap<&str, &Event> = c.events.iter().map(|e| (e.id.as_str(), e)).collect();
    let max = c.timeline.iter().map(|t| t.sources).max().unwrap_or(1);
    let mut items: Vec<Entry> = c
        .timeline
        .iter()
        .map(|t| {
            let cx = scale.x(day_number(t.date) as f64 + 0.5);
            let r = radius(t.sources, max);
            let mut conflicts: Vec<&Conflict> = Vec::new();
            for id in &t.events {
                for k in conflicts_of.get(id.as_str()).into_iter().flatten() {
                    if !conflicts.iter().any(|x| x.id == k.id) {
                        conflicts.push(k);
                    }
                }
            }
            let mut label = if conflicts.is_empty() {
                String::new()
            } else {
                "⚠ ".to_string()
            };
            label.push_str(&human_day(t.date));
            label.push_str(LABEL_SEP);
            let room = STORY_LABEL_W - text_width(&label, LABEL_SIZE);
            label.push_str(&fit_text(headline(t, &event_of), room, LABEL_SIZE));
            let lw = text_width(&label, LABEL_SIZE);
            let lx = if cx + r + 4.0 + lw > PLOT_RIGHT {
                (cx - r - 4.0 - lw).max(MARGIN + 4.0)
            } else {
                cx + r + 4.0
            };
            Entry {
                t,
                cx,
                r,
                label,
                lx,
                lw,
                row: 0,
                show_label: true,
                conflicts,
            }
        })
        .collect();
    // In date order, reading left to right and down: each day goes into the
    // row of the day before if it fits there, else into the first free row
    // below it; past the last row the search wraps to the top.
    let mut rows: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut cursor = 0usize;
    for it in &mut items {
        let l = it.lx.min(it.cx - it.r) - 2.0;
        let r = (it.lx + it.lw + LABEL_GAP).max(it.cx + it.r + 3.0);
        let fits = |row: &Vec<(f64, f64)>, l: f64, r: f64| row.iter().all(|&(a, b)| r <= a || b <= l);
        let below = (cursor..rows.len()).find(|&p| fits(&rows[p], l, r));
        let pick = match below {
            Some(p) => Some(p),
            None if rows.len() < MAX_STORY_ROWS => {
                rows.push(Vec::new());
                Some(rows.len() - 1)
            }
            None => (0..cursor).find(|&p| fits(&rows[p], l, r)),
        };
        match pick {
            Some(p) => {
                rows[p].push((l, r));
                it.row = p;
                cursor = p;
            }
            None => {
                // Out of rows: the dot goes where its own mark is free, unlabelled.
                let (dl, dr) = (it.cx - it.r - 1.0, it.cx + it.r + 1.0);
                let p = (0..rows.len()).find(|&p| fits(&rows[p], dl, dr)).unwrap_or(0);
                if let Some(row) = rows.get_mut(p) {
                    row.push((dl, dr));
                }
                it.row = p;
                it.show_label = false;
            }
        }
    }
    Story {
        rows: rows.len(),
        total: c.timeline.len(),
        items,
    }
}

/// Height of the lane.
pub(super) fn height(st: &Story) -> f64 {
    (st.rows as f64 * STORY_ROW_H + 2.0 * LANE_PAD).max(HEADER_MIN_H)
}

/// Height of one row of the story timeline (dot and label on one line).
const STORY_ROW_H: f64 = 18.0;
/// The story timeline's marks take at most this many bytes; later days are
/// left out (counted as unlabelled).
const STORY_MAX_BYTES: usize = 1_200_000;
/// Widest story label.
const STORY_LABEL_W: f64 = 460.0;

/// Draw the lane from `top`; collect the printed labels and the days left unlabelled.
pub(super) fn draw(s: &mut String, st: &Story, top: f64, labels: &mut Vec<LabelBox>, hidden: &mut Vec<String>) {
    let h = height(st);
    out!(
        s,
        "<g class=\"story-lane\"><rect x=\"{}\" y=\"{}\" width=\"4\" height=\"{}\" fill=\"{STORY_COLOUR}\"/>",
        n(MARGIN),
        n(top),
        n(h)
    );
    let unlabelled = st.items.iter().filter(|i| !i.show_label).count();
    let mut lines = vec![
        (12.0, true, STORY_COLOUR, "Story timeline".to_string()),
        (
            10.5,
            false,
            "#333",
            format!("{}; dot size: articles", count(st.total, "day", "days")),
        ),
    ];
    if unlabelled > 0 {
        lines.push((
            10.5,
            false,
            "#666",
            format!("{} unlabelled (see tooltips)", thousands(unlabelled)),
        ));
    }
    if st.total == 0 {
        lines.push((10.5, false, "#666", "no timeline days".to_string()));
    }
    let mut y = top + 4.0;
    for (size, bold, fill, text) in lines {
        y += size + 4.0;
        out!(
            s,
            "<text x=\"{}\" y=\"{}\" font-size=\"{}\"{} fill=\"{fill}\">{}</text>",
            n(MARGIN + 12.0),
            n(y),
            n(size),
            if bold { " font-weight=\"bold\"" } else { "" },
            esc(&fit_text(&text, HEADER_W - 14.0, size))
        );
    }
    s.push_str("</g>\n");
    let start = s.len();
    for it in &st.items {
        // A hand-made timeline of many thousand days must not pass the file limit.
        if s.len() - start > STORY_MAX_BYTES {
            hidden.push(it.t.date.to_string());
            continue;
        }
        let row_top = top + LANE_PAD + it.row as f64 * STORY_ROW_H;
        let cy = row_top + STORY_ROW_H / 2.0;
        let conflict = !it.conflicts.is_empty();
        out!(
            s,
            "<g class=\"entry{}\" data-date=\"{}\" data-sources=\"{}\">",
            if conflict { " conflict" } else { "" },
            it.t.date,
            it.t.sources
        );
        let mut tip = format!(
            "{} · {}",
            human_day(it.t.date),
            count(it.t.sources, "article", "articles")
        );
        for line in &it.t.sentences {
            out!(tip, "\n· {}", line.trim());
        }
        for k in &it.conflicts {
            out!(tip, "\nCONFLICT ({}): {}", k.kind, k.explanation);
        }
        if !it.t.events.is_empty() {
            out!(tip, "\n[{}]", it.t.events.join(", "));
        }
        out!(s, "<title>{}</title>", esc(&tip));
        let (fill, stroke) = if conflict {
            (CONFLICT_COLOUR, CONFLICT_DARK)
        } else {
            (STORY_COLOUR, "#ffffff")
        };
        out!(
            s,
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{fill}\" fill-opacity=\"0.85\" stroke=\"{stroke}\"/>",
            n(it.cx),
            n(cy),
            n(it.r)
        );
        if it.show_label {
            let ly = cy + 4.0;
            lanes::label_text(s, &it.label, it.lx, ly, conflict, "#555");
            labels.push(LabelBox {
                event: it.t.date.to_string(),
                text: it.label.clone(),
                x: it.lx,
                y: ly - LABEL_SIZE,
                w: it.lw,
                h: LABEL_SIZE + 3.0,
            });
        } else {
            hidden.push(it.t.date.to_string());
        }
        s.push_str("</g>\n");
    }
}
