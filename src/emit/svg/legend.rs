//! The key to the symbols in use.

use std::fmt::Write as _;

use super::*;

/// Which symbols the picture uses (the legend explains only those).
pub(super) struct Shown {
    pub(super) uncertain: bool,
    pub(super) pinned: bool,
    pub(super) interval: bool,
    pub(super) conflict: bool,
    pub(super) breaks: bool,
    pub(super) quiet: bool,
}

/// The key to the symbols in use.
pub(super) fn legend(s: &mut String, y: f64, shown: &Shown) {
    let mut x = MARGIN;
    let text = |s: &mut String, x: f64, t: &str| {
        out!(
            s,
            "<text x=\"{}\" y=\"{}\" font-size=\"11\" fill=\"#444\">{}</text>",
            n(x),
            n(y + 4.0),
            esc(t)
        );
        x + text_width(t, 11.0) + 22.0
    };
    s.push_str("<g class=\"legend\">");
    out!(
        s,
        "<circle cx=\"{}\" cy=\"{}\" r=\"4.5\" fill=\"#555\"/>",
        n(x + 5.0),
        n(y)
    );
    x = text(s, x + 14.0, "one day");
    out!(
        s,
        "<rect x=\"{}\" y=\"{}\" width=\"26\" height=\"8\" rx=\"2\" fill=\"#555\"/>",
        n(x),
        n(y - 4.0)
    );
    x = text(s, x + 32.0, "a period");
    if shown.uncertain {
        out!(
            s,
            "<rect x=\"{}\" y=\"{}\" width=\"40\" height=\"14\" rx=\"3\" fill=\"#555\" fill-opacity=\"0.18\" stroke=\"#555\" \
             stroke-opacity=\"0.45\" stroke-dasharray=\"3 2\"/><circle cx=\"{}\" cy=\"{}\" r=\"4.5\" fill=\"#555\"/>",
            n(x),
            n(y - 7.0),
            n(x + 28.0),
            n(y)
        );
        x = text(s, x + 46.0, "uncertain: could be anywhere in the faint band");
    }
    if shown.pinned {
        out!(
            s,
            "<line x1=\"{x1}\" y1=\"{}\" x2=\"{x1}\" y2=\"{}\" stroke=\"#555\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>",
            n(y - 8.0),
            n(y + 8.0),
            x1 = n(x + 3.0)
        );
        x = text(s, x + 10.0, "publication date");
    }
    if shown.interval {
        out!(
            s,
            "<rect x=\"{}\" y=\"{}\" width=\"26\" height=\"16\" fill=\"#555\" fill-opacity=\"0.12\"/>",
            n(x),
            n(y - 8.0)
        );
        x = text(s, x + 32.0, "publication date, inferred interval");
    }
    if shown.conflict {
        out!(
            s,
            "<circle cx=\"{}\" cy=\"{}\" r=\"5.5\" fill=\"{CONFLICT_COLOUR}\" stroke=\"{CONFLICT_DARK}\" stroke-width=\"1.5\"/>",
            n(x + 5.0),
            n(y)
        );
        x = text(s, x + 14.0, "conflict (explained below)");
    }
    if shown.breaks {
        break_mark(s, x + 6.0, y, 8.0);
        x = text(s, x + 18.0, "empty stretch left out");
    }
    if shown.quiet {
        out!(
            s,
            "<rect x=\"{}\" y=\"{}\" width=\"26\" height=\"14\" fill=\"url(#quiet-hatch)\" stroke=\"#bbb\"/>",
            n(x),
            n(y - 7.0)
        );
        text(s, x + 32.0, "quiet stretch, compressed");
    }
    s.push_str("</g>\n");
}
