//! Bad input for the tagger and resolver: absurd numbers, impossible dates and
//! pathological text give no mention (or an unresolved one), never a panic;
//! and for the readers: random bytes in every kind of file give documents or
//! errors naming the file, never a panic.
//! Linear time on pathological text is measured in `benches/tag.rs`; here the
//! inputs only have to finish and give the right (empty) answer.

use chrono::NaiveDate;
use chronology::resolve::{resolve_all, AnchorRef, Resolved};
use chronology::tag::tag;

fn run(text: &str) -> Vec<Resolved> {
    let m = tag(text, 0..text.len());
    let a = AnchorRef::Day(NaiveDate::from_ymd_opt(2025, 2, 10).expect("valid"));
    resolve_all(text, &m, Some(&a))
}

#[test]
fn absurd_amounts_do_not_overflow() {
    for t in [
        "99999999999999999999 days ago",
        "4294967296 years ago",
        "100000 centuries ago",
        "99999 centuries later",
        "the year 999999999",
        "18446744073709551616 weeks",
        "999999999 hours from now",
    ] {
        let r = run(t);
        // either nothing, or something that does not claim a calendar day it cannot have
        for x in &r {
            assert!(x.timex.value.len() < 40, "{t:?} → {:?}", x.timex.value);
        }
    }
    assert!(run("99999999999999999999 days ago").is_empty());
}

#[test]
fn impossible_dates_give_no_mention() {
    for t in [
        "February 31",
        "Feb. 30, 2025",
        "April 31",
        "2025-02-30",
        "13/45/2020",
        "February 29, 2025",
    ] {
        let r = run(t);
        // the month and day are never read as a date (a year stated after them may still be)
        let bad: Vec<_> = r.iter().filter(|x| x.start < 9).map(|x| &x.timex.value).collect();
        assert!(bad.is_empty(), "{t:?} → {bad:?}");
    }
    // a leap day is fine
    assert_eq!(run("February 29, 2024")[0].timex.value, "2024-02-29");
}

#[test]
fn a_long_line_of_digits() {
    let t = "7".repeat(3 * 1024 * 1024);
    assert!(run(&t).is_empty());
    let t = "1 2 3 4 5 6 7 8 9 ".repeat(100_000);
    assert!(run(&t).is_empty());
}

#[test]
fn last_repeated() {
    let t = "last ".repeat(200_000);
    assert!(run(&t).is_empty());
    let t = "the the last next this ago ".repeat(50_000);
    assert!(run(&t).is_empty());
}

#[test]
fn odd_text_and_spans() {
    let t = "Ünïcödé – 4–5 ✓ February\u{2013}4 «May» 3\u{00a0}p.m. 2025-02-04";
    let r = run(t);
    for x in &r {
        assert!(t.is_char_boundary(x.start) && t.is_char_boundary(x.end));
        assert_eq!(&t[x.start..x.end], x.text);
    }
    // a body range that is not on a character boundary gives nothing rather than a panic
    assert!(tag(t, 1..t.len()).is_empty());
    assert!(tag(t, 5..1000).is_empty() || !tag(t, 5..1000).is_empty());
    assert!(tag("", 0..0).is_empty());
}

/// One random mix: 1 to `max_words` of `tokens` (xorshift on `x`), a space
/// after each unless the draw divides by `glue` (then the next token sticks on).
fn random_mix(x: &mut u64, tokens: &[&str], max_words: u64, glue: u64) -> String {
    let mut s = String::new();
    for _ in 0..(*x % max_words + 1) {
        *x ^= *x << 13;
        *x ^= *x >> 7;
        *x ^= *x << 17;
        s.push_str(tokens[(*x % tokens.len() as u64) as usize]);
        if *x % glue != 0 {
            s.push(' ');
        }
    }
    s
}

/// Many random mixes of grammar words, numbers, punctuation and multi-byte
/// characters: no panic, and every span lies on character boundaries.
#[test]
fn random_mixes_never_panic() {
    const TOKENS: &[&str] = &[
        "February",
        "Feb.",
        "4",
        "-",
        "–",
        "5",
        ",",
        "2025",
        "last",
        "next",
        "the",
        "a",
        "of",
        "week",
        "years",
        "ago",
        "later",
        "3",
        "p.m.",
        ":",
        "30",
        "Sunday",
        "night",
        "from",
        "to",
        "between",
        "and",
        "nearly",
        "three-year-old",
        "Q3",
        "mid-",
        "é",
        "€",
        "’",
        "\u{00a0}",
        "\n",
        "1990s",
        "BC",
        "every",
        "per",
        "day",
        "99999999999",
        "31",
        "0",
        "/",
        "12",
        "year-earlier",
        "that",
        "May",
        "March",
        "first",
        "half",
        "today",
    ];
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..3000 {
        let s = random_mix(&mut x, TOKENS, 12, 3);
        for r in run(&s) {
            assert!(s.is_char_boundary(r.start) && s.is_char_boundary(r.end), "{s:?}");
            assert!(r.start < r.end && r.end <= s.len(), "{s:?}");
        }
        let m = tag(&s, 0..s.len());
        let _ = resolve_all(&s, &m, None);
    }
}

/// Random mixes with multi-byte characters right where the stages cut windows
/// out of the text (before a year, before a duration, before a multiplier
/// word): the out-of-range scan and the anchor inference slice on character
/// boundaries only.
#[test]
fn random_mixes_through_every_stage() {
    use chronology::anchor::{self, Pins};
    use chronology::ingest::Document;
    use chronology::tag::out_of_range::out_of_range;
    const TOKENS: &[&str] = &[
        "in",
        "2009",
        "é",
        "日本",
        "—",
        "said",
        "three",
        "years",
        "of",
        "war",
        "million",
        "billion",
        "ago",
        "150",
        "99999999999",
        "the",
        "year",
        "Mr.",
        "will",
        "February",
        "4-5",
        "soon",
        "as",
        "Tuesday",
        ".",
        "\n",
        "1.5",
        "year-end",
        "since",
        "old",
        "-",
    ];
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    let mut docs = Vec::new();
    for k in 0..400 {
        let s = random_mix(&mut x, TOKENS, 40, 4);
        let d = Document::from_text(&format!("d{k}"), &s);
        let m = tag(&d.text, d.body.clone());
        let r = run(&d.text);
        for o in out_of_range(&d.text, d.body.clone(), &m, &r) {
            assert!(
                d.text.is_char_boundary(o.start) && d.text.is_char_boundary(o.end),
                "{s:?}"
            );
        }
        docs.push(d);
    }
    let textual: Vec<_> = docs
        .iter()
        .map(|d| anchor::resolve_textual(&d.text, &tag(&d.text, d.body.clone())))
        .collect();
    assert_eq!(anchor::infer(&docs, &textual, &Pins::default(), None).len(), docs.len());
    // the two windows that used to cut inside a character
    let prefix = format!("é{}", "日".repeat(20));
    for s in [
        "In 2009 é日本日本日本 said.".to_string(),
        format!("{prefix} three years of war"),
        "ago \u{2014} billion years ago".to_string(),
    ] {
        let d = Document::from_text("w", &s);
        let t = vec![anchor::resolve_textual(&d.text, &tag(&d.text, d.body.clone()))];
        assert_eq!(
            anchor::infer(std::slice::from_ref(&d), &t, &Pins::default(), None).len(),
            1
        );
    }
}

/// Random bytes (and near-misses of each format) in `.txt`, `.md`, `.jsonl`,
/// `.tml` files and an anchors file: every reader answers with a document or
/// an error naming the file, never a panic.
#[test]
fn random_bytes_in_every_kind_of_file() {
    use chronology::anchor::pins;
    use chronology::ingest;
    let dir = std::env::temp_dir().join(format!("chronology-bad-input-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    const PIECES: &[&[u8]] = &[
        b"---\n",
        b"...\n",
        b"published: ",
        b"2025-02-30",
        b"2025-02-10",
        b"author: x\n",
        b"{\"doc\": ",
        b"\"text\": ",
        b"\"a\"",
        b", ",
        b"}",
        b"[",
        b"]",
        b"\n",
        b"  ",
        b"\xff",
        b"\xc3",
        b"\xe2\x80",
        b"<TEXT>",
        b"</TEXT>",
        b"<DCT><TIMEX3 value=\"1998-02-06\" functionInDocument=\"CREATION_TIME\">",
        b"&amp;",
        b"&#x110000;",
        b"<![CDATA[",
        b"<!--",
        b"a:",
        b"- ",
        b"'",
        b"\"",
        b"#",
        b"note: |",
        b"\t",
        b"\xef\xbb\xbf",
    ];
    let mut x: u64 = 0xD1B5_4A32_D192_ED03;
    for k in 0..300 {
        let mut bytes = Vec::new();
        for _ in 0..(x % 24 + 1) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            bytes.extend_from_slice(PIECES[(x % PIECES.len() as u64) as usize]);
        }
        let ext = ["txt", "md", "jsonl", "tml"][k % 4];
        let p = dir.join(format!("f{k}.{ext}"));
        std::fs::write(&p, &bytes).expect("write");
        match ingest::read_all(std::slice::from_ref(&p)) {
            Ok((docs, errs)) => {
                for d in &docs {
                    assert!(d.text.is_char_boundary(d.body.start) && d.body.end <= d.text.len());
                }
                for e in errs {
                    assert!(e.to_string().contains(&format!("f{k}.{ext}")), "{e}");
                }
            }
            Err(e) => assert!(e.to_string().contains(&format!("f{k}.{ext}")), "{e}"),
        }
        let a = dir.join("anchors.yaml");
        std::fs::write(&a, &bytes).expect("write");
        if let Err(e) = pins::load(&a) {
            assert!(e.to_string().starts_with(&a.display().to_string()), "{e}");
        }
        std::fs::remove_file(&p).expect("rm");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
