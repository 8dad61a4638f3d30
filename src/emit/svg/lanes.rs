//! The lanes: headers, publication dates, events placed in rows, their
//! marks, labels, echoes and the lines that join conflicting events.

use std::fmt::Write as _;

use super::*;

/// What each report looks like once placed.
pub(super) struct Item<'a> {
    pub(super) ev: &'a Event,
    pub(super) rep: &'a Report,
    /// Mark extent (a dot when `point`).
    pub(super) mx0: f64,
    pub(super) mx1: f64,
    pub(super) point: bool,
    /// Uncertainty band, when wider than the mark.
    pub(super) band: Option<(f64, f64)>,
    pub(super) label: String,
    pub(super) lx: f64,
    pub(super) lw: f64,
    pub(super) conflict: bool,
    pub(super) row: usize,
    pub(super) show_label: bool,
}

pub(super) fn lane_colour(i: usize) -> &'static str {
    PALETTE[i % PALETTE.len()]
}

/// The publication date of an anchor in words, and its status with the best guess.
pub(super) fn pub_words(a: &AnchorSummary) -> (String, String) {
    let date = match (a.earliest, a.latest) {
        (Some(e), Some(l)) if e == l => format!("published {}", human_day(e)),
        (Some(e), Some(l)) => format!("published {} – {}", human_day(e), human_day(l)),
        (Some(e), None) => format!("published after {}", human_day(e)),
        (None, Some(l)) => format!("published before {}", human_day(l)),
        (None, None) => "publication date unknown".to_string(),
    };
    let mut status = a.status.replace('-', " ");
    if let Some(b) = a.best {
        if a.earliest != a.latest || a.earliest.is_none() {
            out!(status, " · best guess {}", human_day(b));
        }
    }
    match (a.text_earliest, a.text_latest) {
        (Some(e), Some(l)) => out!(status, " · text alone: {} – {}", human_day(e), human_day(l)),
        (Some(e), None) => out!(status, " · text alone: after {}", human_day(e)),
        (None, Some(l)) => out!(status, " · text alone: before {}", human_day(l)),
        (None, None) => {}
    }
    (date, status)
}

/// An article lane with nothing to draw: no event, no known publication
/// date, no conflict. Such lanes are listed under the picture, not drawn.
pub(super) fn is_blank(lane: &Lane, c: &Chronology) -> bool {
    let LaneKind::Article { doc, anchor } = &lane.kind else {
        return false;
    };
    let dated = anchor.as_ref().is_some_and(|a| {
        [a.earliest, a.latest, a.best, a.text_earliest, a.text_latest]
            .iter()
            .any(Option::is_some)
    });
    lane.reports.is_empty() && !dated && !c.conflicts.iter().any(|k| k.docs.contains(doc))
}

/// One line of a lane header.
pub(super) struct HeaderLine {
    pub(super) text: String,
    pub(super) size: f64,
    pub(super) bold: bool,
    pub(super) colour: String,
}

/// The lane header, line by line: name (up to two lines), id and counts,
/// publication date, status and best guess, conflict badge.
pub(super) fn header_lines(
    lane: &Lane,
    colour: &str,
    hidden: usize,
    conflicts_of_doc: &BTreeMap<&str, Vec<&Conflict>>,
) -> Vec<HeaderLine> {
    let w = HEADER_W - 14.0;
    let line = |text: String, size: f64, bold: bool, colour: &str| HeaderLine {
        text: fit_text(&text, w, size),
        size,
        bold,
        colour: colour.to_string(),
    };
    let mut out: Vec<HeaderLine> = Vec::new();
    let mut name_lines = wrap(&lane.name, w, 12.0);
    if name_lines.len() > 2 {
        let rest = name_lines[1..].join(" ");
        name_lines.truncate(1);
        name_lines.push(rest);
    }
    for l in name_lines {
        out.push(line(l, 12.0, true, colour));
    }
    match &lane.kind {
        LaneKind::Article { doc, anchor } => {
            out.push(line(
                format!("{doc} · {}", count_words(lane, hidden)),
                10.0,
                false,
                "#777",
            ));
            match anchor {
                Some(a) => {
                    let (date, status) = pub_words(a);
                    out.push(line(date, 10.5, false, "#333"));
                    out.push(line(status, 10.5, false, "#666"));
                }
                None => out.push(line("publication date unknown".to_string(), 10.5, false, "#333")),
            }
            if let Some(ks) = conflicts_of_doc.get(doc.as_str()) {
                let kinds: BTreeSet<&str> = ks.iter().map(|k| k.kind.as_str()).collect();
                let badge = format!(
                    "⚠ {} conflict{}: {}",
                    ks.len(),
                    if ks.len() == 1 { "" } else { "s" },
                    kinds.into_iter().collect::<Vec<_>>().join(", ")
                );
                out.push(line(badge, 10.5, true, CONFLICT_COLOUR));
            }
        }
        LaneKind::Unattributed => out.push(line(count_words(lane, hidden), 10.5, false, "#333")),
    }
    out
}

/// "3 reports", "120 reports, 40 labels hidden".
pub(super) fn count_words(lane: &Lane, hidden: usize) -> String {
    let mut t = count(lane.reports.len(), "report", "reports");
    if hidden > 0 {
        out!(t, ", {hidden} label{} hidden", if hidden == 1 { "" } else { "s" });
    }
    t
}

/// Height of the header text block.
pub(super) fn header_height(lines: &[HeaderLine]) -> f64 {
    lines.iter().map(|l| l.size + 4.0).sum::<f64>() + 12.0
}

/// Draw the lane header; its tooltip holds everything in full.
pub(super) fn lane_header(
    s: &mut String,
    lane: &Lane,
    top: f64,
    lines: &[HeaderLine],
    conflicts_of_doc: &BTreeMap<&str, Vec<&Conflict>>,
) {
    let x = MARGIN + 12.0;
    let mut tip = lane.name.clone();
    match &lane.kind {
        LaneKind::Article { doc, anchor } => {
            out!(tip, "\n{doc}");
            if let Some(a) = anchor {
                let (date, status) = pub_words(a);
                out!(tip, "\n{date}\n{status}");
            }
            for k in conflicts_of_doc.get(doc.as_str()).into_iter().flatten() {
                out!(tip, "\nCONFLICT ({}): {}", k.kind, k.explanation);
            }
        }
        LaneKind::Unattributed => {}
    }
    out!(s, "<g class=\"lane-header\"><title>{}</title>", esc(&tip));
    let mut y = top + 4.0;
    for l in lines {
        y += l.size + 4.0;
        out!(
            s,
            "<text x=\"{}\" y=\"{}\" font-size=\"{}\"{} fill=\"{}\">{}</text>",
            n(x),
            n(y),
            n(l.size),
            if l.bold { " font-weight=\"bold\"" } else { "" },
            l.colour,
            esc(&l.text)
        );
    }
    s.push_str("</g>\n");
}

/// The article's publication date inside its lane: a dashed line for a single
/// day, a band for an interval (open sides run to the plot edge).
pub(super) fn publication(
    s: &mut String,
    scale: &Scale,
    a: &AnchorSummary,
    top: f64,
    bottom: f64,
    colour: &str,
    conflicts: &[&Conflict],
) {
    let conflicted = !conflicts.is_empty();
    let edge = if conflicted { CONFLICT_COLOUR } else { colour };
    let (date, status) = pub_words(a);
    let mut tip = format!("{date} ({status})");
    for k in conflicts {
        out!(tip, "\nCONFLICT ({}): {}", k.kind, k.explanation);
    }
    out!(
        s,
        "<g class=\"publication\" data-doc=\"{}\"><title>{}</title>",
        esc(&a.doc),
        esc(&tip)
    );
    let line = |s: &mut String, x: f64, dash: &str, width: f64| {
        out!(
            s,
            "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"{edge}\" stroke-width=\"{}\" stroke-dasharray=\"{dash}\"/>",
            n(top + 2.0),
            n(bottom - 2.0),
            n(width),
            x = n(x)
        );
    };
    let marker_x = match (a.earliest, a.latest) {
        (Some(e), Some(l)) if e == l => {
            // A pinned date over the faint band of what the text alone allows.
            if a.text_earliest.is_some() || a.text_latest.is_some() {
                let x0 = a.text_earliest.map_or(PLOT_LEFT, |d| scale.x(day_number(d) as f64));
                let x1 = a
                    .text_latest
                    .map_or(PLOT_RIGHT, |d| scale.x((day_number(d) + 1) as f64));
                out!(
                    s,
                    "<rect class=\"text-interval\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{colour}\" fill-opacity=\"0.07\"/>",
                    n(x0),
                    n(top + 1.0),
                    n((x1 - x0).max(1.0)),
                    n(bottom - top - 2.0)
                );
            }
            let x = scale.x(day_number(e) as f64 + 0.5);
            line(s, x, "5 3", 1.6);
            Some(x)
        }
        (None, None) => a.best.map(|b| {
            let x = scale.x(day_number(b) as f64 + 0.5);
            line(s, x, "2 3", 1.2);
            x
        }),
        (e, l) => {
            let x0 = e.map_or(PLOT_LEFT, |d| scale.x(day_number(d) as f64));
            let x1 = l.map_or(PLOT_RIGHT, |d| scale.x((day_number(d) + 1) as f64));
            out!(
                s,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{colour}\" fill-opacity=\"0.12\"/>",
                n(x0),
                n(top + 1.0),
                n((x1 - x0).max(1.0)),
                n(bottom - top - 2.0)
            );
            if e.is_some() {
                line(s, x0, "2 2", 1.2);
            }
            if l.is_some() {
                line(s, x1, "2 2", 1.2);
            }
            let best = a.best.map(|b| scale.x(day_number(b) as f64 + 0.5));
            if let Some(bx) = best {
                line(s, bx, "5 3", 1.0);
            }
            // The flag goes to the best guess, else to a bounded end, else the middle.
            Some(best.unwrap_or(match (e, l) {
                (Some(_), None) => x0,
                (None, Some(_)) => x1,
                _ => (x0 + x1) / 2.0,
            }))
        }
    };
    // A flag at the top of the line; a bigger red one when the date is in conflict.
    if let Some(x) = marker_x {
        if conflicted {
            out!(
                s,
                "<path class=\"conflict-marker\" d=\"M{} {} l7 -9 l-14 0 z\" fill=\"{CONFLICT_COLOUR}\" stroke=\"{CONFLICT_DARK}\"/>",
                n(x),
                n(top + 11.0)
            );
        } else {
            out!(
                s,
                "<path d=\"M{} {} l5 -6 l-10 0 z\" fill=\"{edge}\"/>",
                n(x),
                n(top + 8.0)
            );
        }
    }
    s.push_str("</g>\n");
}

/// Place every report of a lane: its mark, band and label, and its row by
/// greedy first fit, left to right (stable for equal left edges). Returns
/// the items and the number of rows used.
pub(super) fn place<'a>(
    c: &'a Chronology,
    lane: &Lane,
    scale: &Scale,
    conflicts_of: &BTreeMap<&str, Vec<&Conflict>>,
) -> (Vec<Item<'a>>, usize) {
    let mut items: Vec<Item> = lane
        .reports
        .iter()
        .filter_map(|r: &ReportRef| {
            let ev = c.events.get(r.event)?;
            Some(item(ev, ev.reports.get(r.report)?, scale, conflicts_of))
        })
        .collect();
    let mut order: Vec<usize> = (0..items.len()).collect();
    let left = |it: &Item| it.mx0.min(it.band.map_or(it.mx0, |b| b.0)).min(it.lx);
    order.sort_by(|&a, &b| left(&items[a]).total_cmp(&left(&items[b])).then(a.cmp(&b)));
    let mut row_end: Vec<f64> = Vec::new();
    for &k in &order {
        let it = &items[k];
        let l = left(it) - 2.0;
        let r_mark = it.mx1.max(it.band.map_or(it.mx1, |b| b.1)) + 3.0;
        let r = r_mark.max(it.lx + it.lw + LABEL_GAP);
        let (row, end, show) = match row_end.iter().position(|&e| e <= l) {
            Some(p) => (p, r, true),
            None if row_end.len() < MAX_ROWS => (row_end.len(), r, true),
            None => {
                // Out of rows: keep the mark in the row that frees up first, drop the label.
                let (p, _) =
                    row_end.iter().enumerate().fold(
                        (0usize, f64::INFINITY),
                        |acc, (i, &e)| if e < acc.1 { (i, e) } else { acc },
                    );
                (p, row_end[p].max(r_mark), false)
            }
        };
        if row == row_end.len() {
            row_end.push(end);
        } else {
            row_end[row] = end;
        }
        items[k].row = row;
        items[k].show_label = show;
    }
    let rows = row_end.len();
    (items, rows)
}

/// One report's mark, band and label, before it has a row.
pub(super) fn item<'a>(
    ev: &'a Event,
    rep: &'a Report,
    scale: &Scale,
    conflicts_of: &BTreeMap<&str, Vec<&Conflict>>,
) -> Item<'a> {
    let (s, t) = report_days(ev, rep);
    let (xs, xe) = (scale.x(day_number(s) as f64), scale.x((day_number(t) + 1) as f64));
    let point = xe - xs < 4.0;
    let (mx0, mx1) = if point {
        let cx = (xs + xe) / 2.0;
        (cx - 4.5, cx + 4.5)
    } else {
        (xs, xe)
    };
    let band = if ev.when.earliest.is_some() || ev.when.latest.is_some() {
        let e = ev.when.earliest.map_or(s, |d| d.min(s));
        let l = ev.when.latest.map_or(t, |d| d.max(t));
        let (b0, b1) = (scale.x(day_number(e) as f64), scale.x((day_number(l) + 1) as f64));
        (b0 < mx0 - 1.0 || b1 > mx1 + 1.0).then_some((b0.min(mx0), b1.max(mx1)))
    } else {
        None
    };
    let conflict = conflicts_of.contains_key(ev.id.as_str());
    let label = event_label(ev, rep, conflict);
    let lw = text_width(&label, LABEL_SIZE);
    // A label that would run off the right edge ends under its mark instead.
    let lx = if mx0 + lw > PLOT_RIGHT {
        (mx1 - lw).clamp(PLOT_LEFT, (PLOT_RIGHT - lw).max(PLOT_LEFT))
    } else {
        mx0
    };
    Item {
        ev,
        rep,
        mx0,
        mx1,
        point,
        band,
        label,
        lx,
        lw,
        conflict,
        row: 0,
        show_label: true,
    }
}

/// One lane: its background into `bg`; its header, publication date, marks
/// and labels into `fg`. Returns the printed labels and the reports left unlabelled.
#[allow(clippy::too_many_arguments)]
pub(super) fn draw_lane(
    bg: &mut String,
    fg: &mut String,
    lane: &Lane,
    li: usize,
    items: &[Item],
    lines: &[HeaderLine],
    (top, bottom): (f64, f64),
    scale: &Scale,
    ix: &ConflictIndex<'_>,
) -> (Vec<LabelBox>, Vec<String>) {
    let colour = lane_colour(li);
    let fill = if li % 2 == 0 { "#f7f7f5" } else { "#ffffff" };
    out!(
        bg,
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fill}\"/>\n",
        n(MARGIN),
        n(top),
        n(WIDTH - 2.0 * MARGIN),
        n(bottom - top)
    );
    out!(
        bg,
        "<rect x=\"{}\" y=\"{}\" width=\"4\" height=\"{}\" fill=\"{colour}\"/>\n",
        n(MARGIN),
        n(top),
        n(bottom - top)
    );
    lane_header(fg, lane, top, lines, &ix.of_doc);
    if let LaneKind::Article { doc, anchor: Some(a) } = &lane.kind {
        // Conflicts that name events are drawn on the events; the others
        // (a page date against the body, say) belong to the publication date.
        let own: Vec<&Conflict> = ix
            .of_doc
            .get(doc.as_str())
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .copied()
            .filter(|k| k.events.is_empty())
            .collect();
        publication(fg, scale, a, top, bottom, colour, &own);
    }
    let mut labels = Vec::new();
    let mut hidden = Vec::new();
    for it in items {
        let row_top = top + LANE_PAD + it.row as f64 * ROW_H;
        let ev = it.ev;
        let ks: &[&Conflict] = ix.of_event.get(ev.id.as_str()).map_or(&[], Vec::as_slice);
        out!(
            fg,
            "<g data-event=\"{}\" data-doc=\"{}\" class=\"event{}\">",
            esc(&ev.id),
            esc(&it.rep.doc),
            if it.conflict { " conflict" } else { "" }
        );
        out!(fg, "<title>{}</title>", esc(&event_tooltip(ev, it.rep, ks)));
        mark(fg, it, colour, row_top + 9.0);
        if it.show_label {
            labels.push(label(fg, it, row_top + 27.0));
        } else {
            hidden.push(ev.id.clone());
        }
        fg.push_str("</g>\n");
    }
    (labels, hidden)
}

/// An event's mark: its uncertainty band, then a dot or a bar, centred on `cy`.
pub(super) fn mark(s: &mut String, it: &Item, colour: &str, cy: f64) {
    let (fill, stroke) = if it.conflict {
        (CONFLICT_COLOUR, CONFLICT_DARK)
    } else {
        (colour, colour)
    };
    if let Some((b0, b1)) = it.band {
        out!(
            s,
            "<rect class=\"uncertainty\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"14\" rx=\"3\" fill=\"{fill}\" \
             fill-opacity=\"0.18\" stroke=\"{fill}\" stroke-opacity=\"0.45\" stroke-dasharray=\"3 2\"/>",
            n(b0),
            n(cy - 7.0),
            n((b1 - b0).max(1.0))
        );
    }
    if it.point {
        let cx = (it.mx0 + it.mx1) / 2.0;
        out!(
            s,
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{fill}\" stroke=\"{}\" stroke-width=\"{}\"/>",
            n(cx),
            n(cy),
            if it.conflict { "5.5" } else { "4.5" },
            if it.conflict { CONFLICT_DARK } else { "#ffffff" },
            if it.conflict { "1.5" } else { "1" }
        );
    } else {
        out!(
            s,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"8\" rx=\"2\" fill=\"{fill}\" stroke=\"{stroke}\"/>",
            n(it.mx0),
            n(cy - 4.0),
            n(it.mx1 - it.mx0)
        );
    }
}

/// One event label at (`x`, `y`): the date wording in `grey`, the event
/// phrase in black (dark red for a conflict), over a white halo. Shared by
/// the lanes and the story lane.
pub(super) fn label_text(s: &mut String, label: &str, x: f64, y: f64, conflict: bool, grey: &str) {
    let body = match label.split_once(LABEL_SEP) {
        Some((words, what)) => {
            // No-break spaces: renderers drop a plain space at the end of a tspan.
            format!(
                "<tspan fill=\"{grey}\">{}\u{a0}·</tspan>\u{a0}{}",
                esc(words),
                esc(what)
            )
        }
        None => esc(label),
    };
    out!(
        s,
        // A white halo keeps the label legible over grid lines and bands.
        "<text x=\"{}\" y=\"{}\" font-size=\"{}\" fill=\"{}\" stroke=\"#ffffff\" stroke-opacity=\"0.8\" \
         stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\">{body}</text>",
        n(x),
        n(y),
        n(LABEL_SIZE),
        if conflict { CONFLICT_DARK } else { "#222" },
    );
}

/// An event's label on its baseline `ly`, and its box.
pub(super) fn label(s: &mut String, it: &Item, ly: f64) -> LabelBox {
    label_text(s, &it.label, it.lx, ly, it.conflict, "#666");
    LabelBox {
        event: it.ev.id.clone(),
        text: it.label.clone(),
        x: it.lx,
        y: ly - LABEL_SIZE,
        w: it.lw,
        h: LABEL_SIZE + 3.0,
    }
}

/// At most this many conflicts are joined by lines.
const MAX_CONFLICT_LINKS: usize = 400;

/// Conflicts between several events: a dashed red line joins their marks
/// (each event's first mark, given as left, right and centre y), under the
/// marks, so the reader sees which dates contradict each other.
pub(super) fn conflict_links(s: &mut String, c: &Chronology, mark_at: &BTreeMap<String, (f64, f64, f64)>) {
    for k in c.conflicts.iter().take(MAX_CONFLICT_LINKS) {
        let mut marks: Vec<(f64, f64, f64)> = k
            .events
            .iter()
            .filter_map(|id| mark_at.get(id.as_str()).copied())
            .collect();
        if marks.len() < 2 {
            continue;
        }
        marks.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.2.total_cmp(&b.2)));
        // Join each mark's right end to the next one's left end (centres when they overlap),
        // so the line does not run along a bar and over its label.
        let mut d = String::new();
        for w in marks.windows(2) {
            let (a, b) = (w[0], w[1]);
            let (xa, xb) = if a.1 <= b.0 {
                (a.1, b.0)
            } else {
                ((a.0 + a.1) / 2.0, (b.0 + b.1) / 2.0)
            };
            out!(
                d,
                "{}M{} {} L{} {}",
                if d.is_empty() { "" } else { " " },
                n(xa),
                n(a.2),
                n(xb),
                n(b.2)
            );
        }
        out!(
            s,
            "<path class=\"conflict-link\" data-conflict=\"{}\" d=\"{d}\" fill=\"none\" stroke=\"{CONFLICT_COLOUR}\" \
             stroke-width=\"1.5\" stroke-opacity=\"0.7\" stroke-dasharray=\"6 4\"><title>{}</title></path>\n",
            esc(&k.id),
            esc(&format!("{}: {}", k.kind, k.explanation))
        );
    }
}
