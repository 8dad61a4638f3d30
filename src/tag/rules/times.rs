//! Clock times: `3 p.m.`, `15:30 GMT`, `noon`, `10 a.m. Wednesday`.

use super::*;

/// The hour said as "o'clock" ("at 11 o'clock").
const OCLOCK: &str = "o'clock";

// h[:mm] a.m.|p.m.|am|pm [<zone>] | hh:mm [<zone>] | noon | midday | midnight  [on <weekday> | today…]
/// Clock times.
pub fn clock<'a>(c: &Ctx<'_>, i: &'a str) -> PResult<'a, Expr> {
    let (r, hour, minute) = if let Ok((r, _)) = word("noon")(i).or_else(|_| word("midday")(i)) {
        (r, 12, 0)
    } else if let Ok((r, _)) = word("midnight")(i) {
        (r, 24, 0)
    } else {
        let (r, h) = digits_in(i, 2, 0, 24)?;
        // "15:30", or the British "3.30pm" (a dot only before am/pm: "3.30"
        // alone is a number)
        let sep = r
            .strip_prefix(':')
            .map(|x| (x, true))
            .or_else(|| r.strip_prefix('.').map(|x| (x, false)));
        let (r, m, colon, dotted) = match sep {
            Some((x, is_colon)) => {
                let (x2, m) = digits_in(x, 2, 0, 59)?;
                if x.len() - x2.len() != 2 {
                    return fail(i);
                }
                (x2, m, is_colon, !is_colon)
            }
            None => (r, 0, false, false),
        };
        let t = ows(r);
        let mut ampm = None;
        for (s, pm) in [
            ("a.m.", false),
            ("p.m.", true),
            ("a.m", false),
            ("p.m", true),
            ("am", false),
            ("pm", true),
        ] {
            if let Some(k) = match_phrase(t, s) {
                ampm = Some((&t[k..], pm));
                break;
            }
        }
        let oclock = if ampm.is_none() { match_phrase(t, OCLOCK) } else { None };
        match ampm {
            Some((r2, pm)) => {
                if h == 0 || h > 12 {
                    return fail(i);
                }
                let h = match (h, pm) {
                    (12, false) => 0,
                    (12, true) => 12,
                    (h, true) => h + 12,
                    (h, false) => h,
                };
                (r2, h as u32, m as u32)
            }
            // "11 o'clock": the hour, morning or evening unsaid
            None if !colon && !dotted && (1..=12).contains(&h) && oclock.is_some() => {
                (&t[oclock.unwrap_or(0)..], h as u32, 0)
            }
            None if colon && c.before != b'$' => {
                if next_is_word(r) || r.starts_with(':') {
                    return fail(i);
                }
                (r, h as u32, m as u32)
            }
            None => return fail(i),
        }
    };
    // zone
    let mut r = r;
    let mut zone = None;
    if let Ok((r2, _)) = ws(r) {
        let z: String = r2.bytes().take_while(u8::is_ascii_uppercase).map(char::from).collect();
        if (2..=4).contains(&z.len()) && !next_is_word(&r2[z.len()..]) && crate::grammar::zone_known(&z) {
            zone = Some(z.clone());
            r = &r2[z.len()..];
        }
    }
    // [on] <weekday> | today | yesterday | [,] <month> <day> | <day> <month> [<year>]
    let mut day = None;
    let mut r = r.strip_prefix(',').unwrap_or(r);
    if let Ok((r2, _)) = ws(r) {
        let r3 = match word("on")(r2) {
            Ok((x, _)) => ws(x).map(|y| y.0).unwrap_or(x),
            Err(_) => r2,
        };
        let ctx = Ctx { prev: "", before: 0 };
        let md = written_day(&ctx, r3).ok();
        if let Some((r4, d)) = md.or_else(|| weekday(&ctx, r3).or_else(|_| relative_day(&ctx, r3)).ok()) {
            if !matches!(d, Expr::Part { .. }) {
                day = Some(Box::new(d));
                r = r4;
            }
        }
    }
    Ok((
        r,
        Expr::Time {
            day,
            hour,
            minute,
            zone,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tag::rules::testing::*;

    #[test]
    fn clock_times_and_rejects() {
        let t = |h, m| Expr::Time {
            day: None,
            hour: h,
            minute: m,
            zone: None,
        };
        assert_eq!(parse(clock, "3 p.m."), Some((6, t(15, 0))));
        assert_eq!(parse(clock, "12 a.m."), Some((7, t(0, 0))));
        assert_eq!(parse(clock, "15:30"), Some((5, t(15, 30))));
        assert_eq!(parse(clock, "13 p.m."), None);
        assert_eq!(parse(clock, "25:00"), None);
        assert_eq!(parse(clock, "10:7"), None);
        assert_eq!(parse(clock, "3 people"), None);
        // the British dotted form, only with am/pm; "o'clock"
        assert_eq!(parse(clock, "3.30am"), Some((6, t(3, 30))));
        assert_eq!(parse(clock, "7.15 p.m."), Some((9, t(19, 15))));
        assert_eq!(parse(clock, "3.30"), None);
        assert_eq!(parse(clock, "3.5pm"), None);
        assert_eq!(parse(clock, "11 o'clock"), Some((10, t(11, 0))));
        assert_eq!(parse(clock, "13 o'clock"), None);
        let Some((_, Expr::Time { zone, .. })) = parse(clock, "15:30 GMT") else {
            panic!("zone")
        };
        assert_eq!(zone.as_deref(), Some("GMT"));
    }
}
