//! Stories (`chronology::stories`): invented collections whose stories are
//! known. Two stories interleaved come apart in several wordings, one story
//! told in two vocabularies stays whole, an article about something else is
//! a story of its own, the grouping does not depend on input order, and bad
//! input never panics.

use std::collections::BTreeSet;

use chronology::ingest::Document;
use chronology::stories::{group, participants, Idf, Params, Stories};

/// A fixed pseudo-random sequence (no dependency, same on every run).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// Sentences any news story uses: they must not join two stories.
const COMMON: &[&str] = &[
    "Officials said on Tuesday that more details would follow later in the week.",
    "The government has faced growing criticism over its response.",
    "A spokesman declined to comment on the report.",
    "People across the country have followed the news closely.",
    "Experts warned that the situation could get worse before it improves.",
];

const SPILL: &[&str] = &[
    "Crude oil kept gushing from the ruptured well on the seabed.",
    "Engineers tried again to cap the leaking well with a containment dome.",
    "The slick spread toward the marshes and beaches of the coast.",
    "Fishermen said the oil had ruined the shrimp season in the gulf.",
    "Drilling company executives faced questions about the blowout preventer.",
    "Booms were laid to protect wetlands from the spreading crude.",
    "Dispersants were sprayed on the slick from planes.",
    "The rig exploded and sank, and the well has leaked ever since.",
];

const SPILL_OTHER_WORDING: &[&str] = &[
    "Petroleum continued to pour from the broken wellhead deep underwater.",
    "Tar balls washed up on the beaches as the slick drifted ashore.",
    "The drilling firm said its engineers would try a relief well to stop the leak.",
    "Cleanup crews skimmed oil from the water near the marshes.",
    "Shrimpers and fishermen in the gulf counted their losses from the spill.",
    "Regulators questioned why the blowout preventer on the rig failed.",
];

const FLU: &[&str] = &[
    "Health authorities confirmed new cases of swine flu in several schools.",
    "The vaccine against the virus will be offered first to pregnant women.",
    "Hospitals reported more patients with flu symptoms and fever.",
    "The pandemic virus spread quickly among children and young adults.",
    "Doctors urged people with a cough and fever to stay at home.",
    "Stocks of antiviral drugs were sent to clinics across the region.",
    "Scientists said the strain had not mutated into a more dangerous form.",
    "Vaccination clinics opened as the number of infections climbed.",
];

/// `n` articles from `pool`, each of four or five of its sentences and one
/// common sentence.
fn articles(prefix: &str, pool: &[&str], n: usize, rng: &mut Lcg) -> Vec<(String, String)> {
    (0..n)
        .map(|i| {
            let mut s: Vec<&str> = Vec::new();
            let want = 4 + rng.next(2);
            while s.len() < want {
                let x = pool[rng.next(pool.len())];
                if !s.contains(&x) {
                    s.push(x);
                }
            }
            s.insert(rng.next(s.len() + 1), COMMON[rng.next(COMMON.len())]);
            (format!("{prefix}-{i:02}"), s.join(" "))
        })
        .collect()
}

fn docs(items: &[(String, String)]) -> Vec<Document> {
    items.iter().map(|(id, t)| Document::from_text(id, t)).collect()
}

/// The stories as sets of document ids, sorted.
fn by_ids(docs: &[Document], s: &Stories) -> BTreeSet<BTreeSet<String>> {
    s.stories
        .iter()
        .map(|st| st.docs.iter().map(|&d| docs[d].id.clone()).collect())
        .collect()
}

fn ids_starting(docs: &[Document], prefix: &str) -> BTreeSet<String> {
    docs.iter()
        .filter(|d| d.id.starts_with(prefix))
        .map(|d| d.id.clone())
        .collect()
}

/// Two stories, interleaved.
fn interleaved(seed: u64, spill: &[&str]) -> Vec<Document> {
    let mut rng = Lcg(seed);
    let a = articles("spill", spill, 14, &mut rng);
    let b = articles("flu", FLU, 12, &mut rng);
    let mut all = Vec::new();
    for i in 0..a.len().max(b.len()) {
        all.extend(a.get(i).cloned());
        all.extend(b.get(i).cloned());
    }
    docs(&all)
}

#[test]
fn two_stories_interleaved_come_apart_in_several_wordings() {
    for (seed, pool) in [
        (1, SPILL),
        (2, SPILL),
        (3, SPILL_OTHER_WORDING),
        (4, SPILL_OTHER_WORDING),
    ] {
        let d = interleaved(seed, pool);
        let s = group(&d);
        let want: BTreeSet<BTreeSet<String>> = [ids_starting(&d, "spill"), ids_starting(&d, "flu")].into();
        assert_eq!(by_ids(&d, &s), want, "seed {seed}");
        assert_eq!(s.of_doc.len(), d.len());
        for (i, &k) in s.of_doc.iter().enumerate() {
            assert!(s.stories[k].docs.contains(&i));
        }
    }
}

#[test]
fn one_story_in_two_vocabularies_stays_one() {
    let mut rng = Lcg(11);
    let mut all = articles("a", SPILL, 15, &mut rng);
    all.extend(articles("b", SPILL_OTHER_WORDING, 15, &mut rng));
    let d = docs(&all);
    let s = group(&d);
    assert_eq!(s.stories.len(), 1, "{:?}", by_ids(&d, &s));
    assert_eq!(s.stories[0].docs.len(), 30);
}

#[test]
fn an_article_about_something_else_is_its_own_story() {
    let mut d = interleaved(5, SPILL);
    d.push(Document::from_text(
        "concert",
        "The orchestra rehearsed the symphony for the festival; the conductor praised the violinists and the choir.",
    ));
    let s = group(&d);
    let k = s.of_doc[d.len() - 1];
    assert_eq!(s.stories[k].docs, [d.len() - 1]);
    assert_eq!(s.stories.len(), 3);
    // the two stories are the largest, and their labels are their words
    let spill = &s.stories[s.of_doc[0]];
    assert!(spill.docs.len() == 14 && !spill.label.is_empty(), "{spill:?}");
    let words = spill.label.split(' ').count();
    assert!((1..=3).contains(&words), "{}", spill.label);
}

#[test]
fn the_same_articles_in_any_order_give_the_same_stories_and_ids() {
    let d = interleaved(7, SPILL);
    let base = group(&d);
    let named = |d: &[Document], s: &Stories| -> BTreeSet<(String, String, BTreeSet<String>)> {
        s.stories
            .iter()
            .map(|st| {
                let ids = st.docs.iter().map(|&i| d[i].id.clone()).collect();
                (st.id.clone(), st.label.clone(), ids)
            })
            .collect()
    };
    let want = named(&d, &base);
    let mut rev = d.clone();
    rev.reverse();
    let mut rot = d.clone();
    rot.rotate_left(9);
    let mut shuffled = d.clone();
    let mut rng = Lcg(99);
    for i in (1..shuffled.len()).rev() {
        shuffled.swap(i, rng.next(i + 1));
    }
    for perm in [rev, rot, shuffled] {
        let s = group(&perm);
        assert_eq!(named(&perm, &s), want);
        let ids: Vec<&String> = s.stories.iter().map(|x| &x.id).collect();
        let base_ids: Vec<&String> = base.stories.iter().map(|x| &x.id).collect();
        assert_eq!(ids, base_ids, "stories in the same order");
    }
    // and twice the same
    assert_eq!(group(&d), base);
}

#[test]
fn bad_input_never_panics() {
    assert!(group(&[]).stories.is_empty());
    let empty: Vec<Document> = (0..5).map(|i| Document::from_text(&format!("e{i}"), "")).collect();
    let s = group(&empty);
    assert_eq!(s.of_doc.len(), 5);
    assert_eq!(s.stories.len(), 5, "nothing links empty texts");
    let one = [Document::from_text("only", "The well leaked oil.")];
    assert_eq!(group(&one).stories.len(), 1);
    let odd = [
        Document::from_text("x", "\u{0}\u{FFFD} ... --- '' 12,34,5 ééé ÜBER über"),
        Document::from_text("x", "\u{0}\u{FFFD} ... --- '' 12,34,5 ééé ÜBER über"),
        Document::from_text("y", &"oil ".repeat(10_000)),
    ];
    assert_eq!(group(&odd).of_doc.len(), 3);
    // 10,000 tiny documents from a small vocabulary
    let words = [
        "oil", "well", "flu", "vaccine", "gulf", "virus", "cap", "fever", "spill", "clinic",
    ];
    let tiny: Vec<Document> = (0..10_000)
        .map(|i| {
            let t = format!("{} {} {}", words[i % 10], words[(i / 10) % 10], words[(i / 100) % 10]);
            Document::from_text(&format!("t{i:05}"), &t)
        })
        .collect();
    let s = group(&tiny);
    assert_eq!(s.of_doc.len(), 10_000);
    assert_eq!(s.stories.iter().map(|x| x.docs.len()).sum::<usize>(), 10_000);
}

#[test]
fn the_settings_are_the_measured_ones() {
    // Each value, and the corpus and figure it came from, is documented on
    // `Params`; a change must come with new figures from eval/stories.py.
    let p = Params::default();
    assert_eq!(
        p,
        Params {
            min_word_chars: 3,
            min_df: 2,
            profile_terms: 100,
            probe_terms: 30,
            posting_cap: 150,
            candidates: 50,
            neighbours: 10,
            min_sim: 0.03,
            max_conductance: 0.05,
            min_story: 5,
            iterations: 300,
            label_terms: 3,
        }
    );
}

#[test]
fn participants_and_idf_for_the_linker() {
    let t = "BP said 5,000 barrels a day leaked. On Tuesday BP and the Coast Guard met in Houston.";
    assert_eq!(participants(t, 0..t.len()), ["BP", "5000", "Coast Guard", "Houston"]);
    let d = interleaved(1, SPILL);
    let idf = Idf::new(&d);
    assert_eq!(idf.documents(), d.len());
    assert!(idf.weight("vaccine") > idf.weight("the"));
    assert!(idf.weight("the") < 0.2);
    assert!((idf.weight("symphony") - (d.len() as f64 + 1.0).ln()).abs() < 1e-12);
}

/// A collection of two or three articles: the words they share are all that
/// says they are one story, so a word in every article must still weigh
/// (with `ln(N / df)` it weighed 0, and two reports of one vote came apart).
#[test]
fn a_small_collection_of_one_story_stays_one() {
    let pairs: [(&str, &str); 3] = [
        (
            "The regulator approved the drilling plan for the Macondo prospect after a short review.",
            "After a short review the regulator approved the Macondo drilling plan.",
        ),
        (
            "Parliament passed the pension reform by 301 votes to 250 after a night of debate.",
            "The pension reform passed parliament late on Thursday, 301 votes to 250.",
        ),
        (
            "Firefighters contained the forest fire near Valencia after four days.",
            "The forest fire near Valencia was contained by firefighters on the fourth day.",
        ),
    ];
    for (a, b) in pairs {
        let d = [Document::from_text("a", a), Document::from_text("b", b)];
        assert_eq!(group(&d).stories.len(), 1, "{a} / {b}");
    }
    let unrelated = [
        Document::from_text("a", pairs[0].0),
        Document::from_text("b", pairs[1].0),
        Document::from_text("c", pairs[2].0),
    ];
    assert_eq!(group(&unrelated).stories.len(), 3);
}
