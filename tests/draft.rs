//! The drafter measured on short news texts the corpus has no claims for: the share of
//! figures drafted with the fact key a careful encoder chose (value, subject, property,
//! qualifiers), and every drafted file loading and verifying as it stands.

mod common;

use claimcheck::corpus;
use claimcheck::coverage::Config;
use claimcheck::draft::{self, SourceFile, TextInfo};
use serde_json::Value;
use std::path::Path;

const DATA: &str = "tests/data/draft";

/// Each text drafted with the shipped registry, with its expected claims.
fn drafts() -> Vec<(String, SourceFile, Vec<Value>)> {
    let root = Path::new("claims");
    let corpus = corpus::load(root);
    assert!(!corpus.has_errors(), "the shipped corpus loads");
    let ids: Vec<&str> = corpus.sources.iter().map(|s| s.meta.id.as_str()).collect();
    let config = Config::load(root, &ids, &mut Vec::new());
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(Path::new(DATA).join("expected.json")).unwrap()).unwrap();
    expected
        .as_object()
        .unwrap()
        .iter()
        .map(|(file, want)| {
            let text = std::fs::read_to_string(Path::new(DATA).join(file)).unwrap();
            let info = TextInfo {
                source_id: format!("draft-{}", file.trim_end_matches(".txt")),
                path: format!("texts/{file}"),
                published: want["published"].as_str().map(str::to_string),
                language: want["language"].as_str().map(str::to_string),
            };
            (file.clone(), draft::draft_text(&corpus, &config, text, &info), want["claims"].as_array().unwrap().clone())
        })
        .collect()
}

/// The fact key and value of a claim, as compared.
fn key(c: &Value) -> String {
    let q = c["qualifiers"].as_object().map(|q| format!("{q:?}")).unwrap_or_else(|| "{}".into());
    format!("{} · {} · {} = {}", c["subject"], c["property"], q, c["value"])
}

#[test]
fn most_figures_get_the_fact_key_an_encoder_chose() {
    let (mut right, mut total) = (0, 0);
    for (file, drafted, want) in drafts() {
        let mut got: Vec<String> = drafted
            .claims
            .iter()
            .map(|c| {
                let mut v = serde_json::to_value(c).unwrap();
                if v.get("qualifiers").is_none() {
                    v["qualifiers"] = serde_json::json!({});
                }
                key(&v)
            })
            .collect();
        for w in &want {
            total += 1;
            match got.iter().position(|g| *g == key(w)) {
                Some(k) => {
                    got.remove(k);
                    right += 1;
                }
                None => println!("{file}: not drafted as expected: {}", key(w)),
            }
        }
        for extra in got {
            println!("{file}: drafted but not expected: {extra}");
        }
    }
    let share = right as f64 / total as f64;
    println!(
        "figures drafted with the expected value, subject, property and qualifiers: {right}/{total} = {:.1}%",
        100.0 * share
    );
    assert!(total >= 20, "the measurement needs enough figures");
    assert!(share >= 0.95, "the drafter fell below its measured share: {right}/{total}");
}

#[test]
fn every_drafted_file_loads_and_verifies_as_it_stands() {
    for (file, drafted, _) in drafts() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for folder in ["registry", "sources", "texts"] {
            std::fs::create_dir_all(root.join(folder)).unwrap();
        }
        for entry in std::fs::read_dir("claims/registry").unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, root.join("registry").join(path.file_name().unwrap())).unwrap();
        }
        std::fs::copy(Path::new(DATA).join(&file), root.join("texts").join(&file)).unwrap();
        let json = serde_json::to_string_pretty(&drafted).unwrap();
        std::fs::write(root.join("sources").join(format!("{}.json", drafted.source.id)), json).unwrap();
        let corpus = corpus::load(root);
        let errors: Vec<String> = corpus.diagnostics.iter().filter(|d| d.is_error()).map(|d| d.to_string()).collect();
        assert!(errors.is_empty(), "{file}: the draft must load as it stands:\n{}", errors.join("\n"));
        assert_eq!(corpus.claims.len(), drafted.claims.len(), "{file}");
        assert!(!drafted.claims.is_empty(), "{file}");
    }
}

/// Regression: drafting the shipped texts (long, damaged, private-use digits) never panics,
/// and each draft loads beside them. A range worked out on folded text once fell inside a
/// character of 002.
#[test]
fn drafting_the_shipped_texts_never_panics() {
    for entry in std::fs::read_dir("claims/texts").unwrap() {
        let path = entry.unwrap().path();
        let out = common::run(
            &["draft", path.to_str().unwrap(), "--source-id", "draft-regression", "--published", "2022-01-06"],
            None,
        );
        assert_eq!(out.code, 0, "{}: {}", path.display(), out.stderr);
        let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
        assert!(v["claims"].as_array().is_some_and(|c| !c.is_empty()), "{}", path.display());
    }
}

/// How a drafted claim compares with an encoded one: its fact key and value.
struct Fact {
    subject: String,
    property: String,
    qualifiers: std::collections::BTreeMap<String, String>,
    /// The value as the reader reads it: interval ends, and the figure before hedges.
    value: Option<(Option<f64>, Option<f64>, f64)>,
}

/// Reads a value as the property wants it, with the text's own reading options (so a
/// date without a year takes the text's year on both sides).
fn read_value(
    corpus: &corpus::Corpus,
    property: &str,
    expr: &str,
    opts: &claimcheck::value::ReadOptions,
) -> Option<(Option<f64>, Option<f64>, f64)> {
    use claimcheck::value::{self, ValueKind};
    let p = &corpus.registry.properties[corpus.registry.property(property).ok()?];
    let want = if p.kind == corpus::PropertyKind::Date { ValueKind::Date } else { ValueKind::Number };
    let r = value::read_as(expr, opts, want).ok()?;
    Some((r.interval.lo, r.interval.hi, r.nominal))
}

fn same(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0),
        (a, b) => a.is_none() && b.is_none(),
    }
}

/// Why an encoded figure has no drafted claim that matches it, from what was drafted (or
/// left unplaced) over its quote.
fn miss_reason(want: &Fact, near: &[&Fact], unplaced: &[&draft::Unplaced]) -> String {
    let Some(v) = want.value else { return "the encoded value does not read".into() };
    let same_value: Vec<&&Fact> =
        near.iter().filter(|d| d.value.is_some_and(|w| same(w.0, v.0) && same(w.1, v.1))).collect();
    if same_value.is_empty() {
        if let Some(u) = unplaced.first() {
            // The reason's first words say what kind of failure it is (a quoted clause or a
            // figure would make every reason its own).
            let head = u.reason.split(['«', '`']).next().unwrap_or_default();
            let kind: String = head.split_whitespace().take(7).collect::<Vec<_>>().join(" ");
            return format!("unplaced: {kind}");
        }
        let hedge_only = near.iter().any(|d| d.value.is_some_and(|w| same(Some(w.2), Some(v.2))));
        return match (near.is_empty(), hedge_only) {
            (true, _) => "no claim drafted near it".into(),
            (false, true) => "wrong value (hedge only)".into(),
            (false, false) => "wrong value".into(),
        };
    }
    let score = |d: &Fact| {
        (d.property == want.property) as u8 * 4
            + (d.subject == want.subject) as u8 * 2
            + (d.qualifiers == want.qualifiers) as u8
    };
    let best = same_value.iter().max_by_key(|d| score(d)).unwrap();
    if best.property != want.property {
        "wrong property".into()
    } else if best.subject != want.subject {
        "wrong subject".into()
    } else {
        "wrong qualifiers".into()
    }
}

/// The development measurement of issue 12: each shipped text drafted afresh (the shipped
/// registry, its published date, language and glyph map, and the priors of the *other*
/// sources' claims only, so nothing of its own claims reaches the drafter) and compared with
/// its encoded claims. An encoded figure counts as drafted when a drafted claim's quote
/// overlaps its quote in the text, with the same subject, property and qualifiers and a value
/// the reader reads to the same interval. Hedges count: «نحو 19 مليون» (`~19e6`) and `19e6`
/// are different intervals; such misses are told apart as "wrong value (hedge only)".
/// Encoded set and entity values (lists of members, places) are no figures and are counted
/// apart; so are figures the text lost (`missing`).
/// `CLAIMCHECK_DRAFT_MISSES=1 cargo test --test draft shipped -- --nocapture` lists every miss.
#[test]
fn the_shipped_texts_drafted_afresh_match_their_encoded_figures() {
    let root = Path::new("claims");
    let corpus = corpus::load(root);
    assert!(!corpus.has_errors(), "the shipped corpus loads");
    let ids: Vec<&str> = corpus.sources.iter().map(|s| s.meta.id.as_str()).collect();
    let config = Config::load(root, &ids, &mut Vec::new());
    let list = std::env::var_os("CLAIMCHECK_DRAFT_MISSES").is_some();
    let mut reasons: std::collections::BTreeMap<String, usize> = Default::default();
    let (mut right, mut figures, mut claims, mut drafted_total) = (0, 0, 0, 0);
    for (index, shipped) in corpus.sources.iter().enumerate() {
        let info = TextInfo {
            source_id: format!("draft-{}", shipped.meta.id),
            path: shipped.meta.path.clone(),
            published: shipped.meta.published.clone(),
            language: shipped.meta.language.clone(),
        };
        let mut source = draft::new_source(shipped.text.clone(), &info);
        source.glyphs = shipped.glyphs.clone();
        source.meta.glyph_map = shipped.meta.glyph_map.clone();
        let opts = source.reading;
        let priors = draft::Priors::without_source(&corpus, index);
        let drafted = draft::draft_source(&corpus, &priors, &config, source);
        let facts: Vec<Fact> = drafted
            .claims
            .iter()
            .map(|c| Fact {
                subject: c.subject.clone(),
                property: c.property.clone(),
                qualifiers: c.qualifiers.clone(),
                value: read_value(&corpus, &c.property, &c.value, &opts),
            })
            .collect();
        let mut used = vec![false; facts.len()];
        let (mut text_right, mut text_figures, mut text_claims) = (0, 0, 0);
        for c in corpus.claims.iter().filter(|c| c.source == index) {
            text_claims += 1;
            let corpus::RawValue::One(expr) = &c.raw_value else { continue };
            if !matches!(c.value, corpus::Value::Reading(_)) {
                continue;
            }
            text_figures += 1;
            let want = Fact {
                subject: corpus.registry.entities[c.subject].id.clone(),
                property: corpus.registry.properties[c.property].id.clone(),
                qualifiers: c.qualifiers.clone(),
                value: read_value(&corpus, &corpus.registry.properties[c.property].id, expr, &opts),
            };
            let Some(at) = &c.location else {
                *reasons.entry("the encoded quote is not located".into()).or_default() += 1;
                continue;
            };
            let overlaps = |(a, b): (usize, usize)| a < at.end && at.start < b;
            let near: Vec<usize> = (0..facts.len()).filter(|&k| overlaps(drafted.claims[k].quote_range)).collect();
            let hit = near.iter().copied().find(|&k| {
                let d = &facts[k];
                !used[k]
                    && d.subject == want.subject
                    && d.property == want.property
                    && d.qualifiers == want.qualifiers
                    && d.value.zip(want.value).is_some_and(|(x, y)| same(x.0, y.0) && same(x.1, y.1))
            });
            match hit {
                Some(k) => {
                    used[k] = true;
                    text_right += 1;
                }
                None => {
                    let near_facts: Vec<&Fact> = near.iter().map(|&k| &facts[k]).collect();
                    let unplaced: Vec<&draft::Unplaced> =
                        drafted.draft.unplaced.iter().filter(|u| overlaps(u.range)).collect();
                    let reason = miss_reason(&want, &near_facts, &unplaced);
                    if list {
                        let got: Vec<String> = near
                            .iter()
                            .map(|&k| {
                                let d = &drafted.claims[k];
                                format!("{} · {} · {:?} = {}", d.subject, d.property, d.qualifiers, d.value)
                            })
                            .collect();
                        println!(
                            "{}:{}: {reason}: want {} · {} · {:?} = {} «{}»; near: [{}]",
                            shipped.meta.id,
                            at.line,
                            want.subject,
                            want.property,
                            want.qualifiers,
                            expr,
                            c.quote,
                            got.join("; ")
                        );
                    }
                    *reasons.entry(reason).or_default() += 1;
                }
            }
        }
        println!(
            "{}: {text_right}/{text_figures} encoded figures drafted ({:.1}%; {} claims in all, {} drafted, {} unplaced)",
            shipped.meta.id,
            100.0 * text_right as f64 / text_figures.max(1) as f64,
            text_claims,
            drafted.claims.len(),
            drafted.draft.unplaced.len()
        );
        right += text_right;
        figures += text_figures;
        claims += text_claims;
        drafted_total += drafted.claims.len();
    }
    let share = right as f64 / figures as f64;
    println!(
        "all: {right}/{figures} encoded figures drafted with their value, subject, property and qualifiers \
         ({:.1}%; {right}/{claims} = {:.1}% of all encoded claims; {drafted_total} claims drafted)",
        100.0 * share,
        100.0 * right as f64 / claims as f64
    );
    let mut by_count: Vec<(&String, &usize)> = reasons.iter().collect();
    by_count.sort_by_key(|&(r, n)| (std::cmp::Reverse(*n), r.clone()));
    println!("misses by reason:");
    for (reason, n) in by_count {
        println!("  {n:4}  {reason}");
    }
    assert!(figures >= 350, "the shipped corpus has its figures: {figures}");
    // 86/382 before the seventh round, 91/382 after it.
    assert!(share >= 0.238, "the drafter fell below its measured share on the shipped texts: {right}/{figures}");
}

/// Drafts one short text with the shipped registry.
fn draft_one(text: &str, language: &str) -> SourceFile {
    draft_on(text, language, "2022-02-01")
}

fn draft_on(text: &str, language: &str, published: &str) -> SourceFile {
    let root = Path::new("claims");
    let corpus = corpus::load(root);
    let ids: Vec<&str> = corpus.sources.iter().map(|s| s.meta.id.as_str()).collect();
    let config = Config::load(root, &ids, &mut Vec::new());
    let info = TextInfo {
        source_id: "draft-one".into(),
        path: "texts/one.txt".into(),
        published: Some(published.into()),
        language: Some(language.into()),
    };
    draft::draft_text(&corpus, &config, text.to_string(), &info)
}

#[test]
fn a_date_in_a_name_dates_nothing_and_until_ends_a_term() {
    // «احتجاجات عام 2019» is a name of the registry: its year is neither a claim nor as_of.
    let drafted = draft_one("اعتقلت السلطات 500 شخص خلال احتجاجات عام 2019.", "ar");
    let arrests: Vec<_> = drafted.claims.iter().filter(|c| c.property == "arrests").collect();
    assert_eq!(arrests.len(), 1, "{:#?}", drafted.claims);
    assert_eq!(arrests[0].as_of, None);
    assert!(drafted.claims.iter().all(|c| c.value != "2019"), "{:#?}", drafted.claims);
    assert!(drafted.draft.unplaced.iter().any(|u| u.reason.contains("part of the name")));
    // «منذ … حتى …»: the first year starts the term, the second ends it.
    let drafted = draft_one("تولى نزارباييف الحكم منذ عام 1989 حتى عام 2019.", "ar");
    let got: Vec<(&str, &str)> = drafted.claims.iter().map(|c| (c.property.as_str(), c.value.as_str())).collect();
    assert!(got.contains(&("term_start", "1989")) && got.contains(&("term_end", "2019")), "{got:?}");
}

#[test]
fn a_figure_holds_for_each_value_of_a_list() {
    let drafted = draft_one("تمتلك كازاخستان ثاني أكبر احتياطي من اليورانيوم، والكروم، والزنك.", "ar");
    let mut resources: Vec<&str> = drafted
        .claims
        .iter()
        .filter(|c| c.property == "world_rank")
        .filter_map(|c| c.qualifiers.get("resource").map(String::as_str))
        .collect();
    resources.sort();
    assert_eq!(resources, ["chromium", "uranium", "zinc"], "{:#?}", drafted.claims);
}

#[test]
fn parts_pairs_and_the_events_one_date_heads() {
    // «منهم 103»: a part of the toll before it, in the place it names; the group past the
    // second figure is not the first's.
    let drafted = draft_one("قتل 164 شخصا، منهم 103 في مدينة ألماتي. قتل 225 شخصا بينهم 19 من رجال الأمن.", "ar");
    let got: Vec<(&str, String, &str)> =
        drafted.claims.iter().map(|c| (c.property.as_str(), format!("{:?}", c.qualifiers), c.value.as_str())).collect();
    for want in [
        ("deaths", r#"{"place": "almaty"}"#, "103"),
        ("deaths", "{}", "225"),
        ("deaths", r#"{"group": "security-forces"}"#, "19"),
    ] {
        assert!(got.contains(&(want.0, want.1.to_string(), want.2)), "{want:?} in {got:?}");
    }
    // Two figures of a rise, and a cut's after, each quoted apart.
    let drafted = draft_one(
        "In Mangystau, the price of a litre jumped from 60 tenge to 120 tenge. They cut the price to 50 tenge.",
        "en",
    );
    let scopes: Vec<(&str, Option<&str>, Option<&str>)> = drafted
        .claims
        .iter()
        .map(|c| {
            (
                c.value.as_str(),
                c.qualifiers.get("scope").map(String::as_str),
                c.qualifiers.get("place").map(String::as_str),
            )
        })
        .collect();
    assert!(scopes.contains(&("60", Some("before-the-rise"), Some("mangystau"))), "{scopes:?}");
    assert!(scopes.contains(&("120", Some("after-the-rise"), Some("mangystau"))), "{scopes:?}");
    assert!(scopes.contains(&("50", Some("after-the-cut"), None)), "{scopes:?}");
    assert!(drafted.claims.iter().all(|c| !(c.quote.contains("60") && c.quote.contains("120"))));
    // One date, two events: the government's resignation and the state of emergency.
    let drafted =
        draft_one("قبل الرئيس استقالة الحكومة في الخامس من يناير 2022، وفرض حالة الطوارئ في عموم البلاد.", "ar");
    let mut got: Vec<&str> = drafted.claims.iter().map(|c| c.property.as_str()).collect();
    got.sort();
    assert_eq!(got, ["government_resignation_date", "state_of_emergency_date"], "{:#?}", drafted.claims);
}

/// The fifth round's readings of days, in texts published on Tuesday 1 February 2022.
#[test]
fn days_counted_spanned_and_dated_as_an_encoder_reads_them() {
    let facts = |drafted: &SourceFile| -> Vec<(String, String, String, Option<String>)> {
        drafted
            .claims
            .iter()
            .map(|c| (c.property.clone(), c.value.clone(), format!("{:?}", c.qualifiers), c.stated_as.clone()))
            .collect()
    };
    let has = |got: &[(String, String, String, Option<String>)], p: &str, v: &str, q: &str, stated: Option<&str>| {
        got.iter().any(|g| g.0 == p && g.1 == v && g.2 == q && g.3.as_deref() == stated)
    };
    // «الماضي»: the last Wednesday before the text's Tuesday, not the next one.
    let got = facts(&draft_one("قبل الرئيس استقالة الحكومة يوم الأربعاء الماضي.", "ar"));
    assert!(has(&got, "government_resignation_date", "2022-01-26", "{}", None), "{got:?}");
    // A day counted from the text's own: announced, and quoted with the words that say it.
    let got = facts(&draft_one("Tokayev said the troops will begin leaving in two days.", "en"));
    assert!(
        has(&got, "withdrawal_start_date", "2022-02-03", r#"{"scope": "announced"}"#, Some("in two days")),
        "{got:?}"
    );
    // A span of days is the event's start and end; the start beside its cue is a claim too.
    let got = facts(&draft_one("The withdrawal took six days, from January 13 to January 19.", "en"));
    assert!(has(&got, "withdrawal_start_date", "2022-01-13", "{}", None), "{got:?}");
    assert!(has(&got, "withdrawal_end_date", "2022-01-19", "{}", None), "{got:?}");
    // A day without its year after the text's, in a text that last named the year before.
    let got = facts(&draft_one(
        "A year ago, in January 2021, the internet shutdown began on February 3 and lasted about five days.",
        "en",
    ));
    assert!(has(&got, "internet_shutdown_start_date", "2021-02-03", "{}", Some("February 3")), "{got:?}");
    // A place noun is the place of its kind the text last named.
    let drafted = draft_one("يقع إقليم مانغيستاو غرب البلاد. وبلغ سعر لتر الغاز المسال في المنطقة 50 تنغي.", "ar");
    let price = drafted.claims.iter().find(|c| c.value == "50").expect("50 drafted");
    assert_eq!(price.qualifiers.get("place").map(String::as_str), Some("mangystau"), "{price:#?}");
}

#[test]
fn changes_ages_parts_and_groups_as_an_encoder_reads_them() {
    // "to 120 … from around 60": the before after the after, each quoted apart, and the
    // place and the multiplier of the one change share Mangystau.
    let drafted = draft_one(
        "LPG had doubled in price, climbing to 120 tenge a litre from around 60 tenge at filling stations in Mangystau.",
        "en",
    );
    let got: Vec<(&str, &str, String)> =
        drafted.claims.iter().map(|c| (c.property.as_str(), c.value.as_str(), format!("{:?}", c.qualifiers))).collect();
    for want in [
        ("lpg_price", "120", r#"{"place": "mangystau", "scope": "after-the-rise"}"#),
        ("lpg_price", "~60", r#"{"place": "mangystau", "scope": "before-the-rise"}"#),
        ("lpg_price_increase", "x2", r#"{"place": "mangystau"}"#),
    ] {
        assert!(got.contains(&(want.0, want.1, want.2.to_string())), "{want:?} in {got:?}");
    }
    // An age beside a name; "20,000 of them" is no part of 68; "19 of them" is one of 225.
    let drafted = draft_one(
        "Tokayev, 68, has said 20,000 of them attacked Almaty. Prosecutors said 225 bodies had been delivered to morgues, 19 of them members of the security forces.",
        "en",
    );
    let got: Vec<(&str, &str, &str, String)> = drafted
        .claims
        .iter()
        .map(|c| (c.subject.as_str(), c.property.as_str(), c.value.as_str(), format!("{:?}", c.qualifiers)))
        .collect();
    assert!(got.contains(&("tokayev", "age", "68", "{}".into())), "{got:?}");
    assert!(got.iter().all(|g| g.2 != "20e3" || g.1 != "age"), "{got:?}");
    assert!(got.contains(&("kz-unrest-2022", "deaths", "225", "{}".into())), "{got:?}");
    assert!(got.contains(&("kz-unrest-2022", "deaths", "19", r#"{"group": "security-forces"}"#.into())), "{got:?}");
    // "X some 150, according to …": X is the contributor, the source follows "according to".
    let drafted = draft_one(
        "Tajikistan sent around 200 soldiers and Kyrgyzstan some 150, according to their defence ministries.",
        "en",
    );
    let kyrgyz = drafted.claims.iter().find(|c| c.value == "~150").expect("150 drafted");
    assert_eq!(kyrgyz.qualifiers.get("contributor").map(String::as_str), Some("kyrgyzstan"), "{kyrgyz:#?}");
    // «من 60 تنغي إلى 120»: the second figure in the first's unit and property.
    let drafted = draft_one("لم يكن قفز ثمن لتر الغاز المسال من 60 تنغي إلى 120 سوى القشة الأخيرة.", "ar");
    let after = drafted.claims.iter().find(|c| c.value == "120").expect("120 drafted");
    assert_eq!((after.property.as_str(), after.unit.as_deref()), ("lpg_price", Some("KZT/litre")), "{after:#?}");
    assert_eq!(after.qualifiers.get("scope").map(String::as_str), Some("after-the-rise"), "{after:#?}");
    // The group nearest the figure, not the first of the sentence; until ends a state of emergency.
    let drafted = draft_one(
        "وأوضح البيان أن المسلحين أحرقوا أكثر من مئة مركز تجاري. ويبقى سريان حالة الطوارئ في عموم البلاد حتى 19 يناير.",
        "ar",
    );
    let got: Vec<(&str, String)> =
        drafted.claims.iter().map(|c| (c.property.as_str(), format!("{:?}", c.qualifiers))).collect();
    assert!(got.contains(&("damaged_count", r#"{"group": "shops-and-banks"}"#.into())), "{got:?}");
    assert!(got.iter().any(|g| g.0 == "state_of_emergency_end"), "{got:?}");
}

/// A held-out set: news texts written and encoded by someone who never ran the drafter nor
/// read its code (each folder's README.md), drafted with the shipped registry. A figure
/// counts when a drafted claim whose quote overlaps the encoded one's has the same subject,
/// property, qualifiers and value as read (hedge included). Figures with no registry
/// property, and mentions coverage does not count, are told apart. Prints what it found and
/// returns (figures drafted right, figures).
fn held_out(folder: &str) -> (usize, usize) {
    let dir = Path::new(DATA).join(folder);
    let root = Path::new("claims");
    let corpus = corpus::load(root);
    assert!(!corpus.has_errors(), "the shipped corpus loads");
    let ids: Vec<&str> = corpus.sources.iter().map(|s| s.meta.id.as_str()).collect();
    let config = Config::load(root, &ids, &mut Vec::new());
    let expected: Value = serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
    let (mut right, mut figures, mut abstained, mut unpropertied) = (0, 0, 0, 0);
    let mut reasons: std::collections::BTreeMap<String, usize> = Default::default();
    for (file, want) in expected.as_object().unwrap() {
        let text = std::fs::read_to_string(dir.join(file)).unwrap();
        let info = TextInfo {
            source_id: format!("heldout-{}", file.trim_end_matches(".txt")),
            path: format!("texts/{file}"),
            published: want["published"].as_str().map(str::to_string),
            language: want["language"].as_str().map(str::to_string),
        };
        let opts = draft::new_source(text.clone(), &info).reading;
        let drafted = draft::draft_text(&corpus, &config, text.clone(), &info);
        let at = |quote: &str| text.find(quote).map(|s| s..s + quote.len());
        let overlaps = |a: &Option<std::ops::Range<usize>>, b: &Option<std::ops::Range<usize>>| match (a, b) {
            (Some(a), Some(b)) => a.start < b.end && b.start < a.end,
            // A quote that is not byte for byte in the text is matched by its fact alone.
            _ => true,
        };
        let mut used = vec![false; drafted.claims.len()];
        let (mut text_right, mut text_figures) = (0, 0);
        for w in want["claims"].as_array().unwrap() {
            let quote = at(w["quote"].as_str().unwrap_or(""));
            let Some(property) = w["property"].as_str() else {
                // No registry property fits: right when nothing is drafted over it.
                unpropertied += 1;
                if !drafted.claims.iter().any(|c| overlaps(&at(&c.quote), &quote) && quote.is_some()) {
                    abstained += 1;
                }
                continue;
            };
            if w["counted"] == Value::Bool(false) {
                continue;
            }
            text_figures += 1;
            let qualifiers: std::collections::BTreeMap<String, String> =
                serde_json::from_value(w["qualifiers"].clone()).unwrap_or_default();
            let value = read_value(&corpus, property, w["value"].as_str().unwrap(), &opts);
            let hit = drafted.claims.iter().enumerate().position(|(k, c)| {
                !used[k]
                    && c.subject == w["subject"].as_str().unwrap_or_default()
                    && c.property == property
                    && c.qualifiers == qualifiers
                    && overlaps(&at(&c.quote), &quote)
                    && match (read_value(&corpus, &c.property, &c.value, &opts), value) {
                        (Some(a), Some(b)) => same(a.0, b.0) && same(a.1, b.1) && same(Some(a.2), Some(b.2)),
                        _ => false,
                    }
            });
            match hit {
                Some(k) => {
                    used[k] = true;
                    text_right += 1;
                }
                None => {
                    let near: Vec<usize> = (0..drafted.claims.len())
                        .filter(|&k| overlaps(&at(&drafted.claims[k].quote), &quote))
                        .collect();
                    let facts: Vec<Fact> = near
                        .iter()
                        .map(|&k| {
                            let c = &drafted.claims[k];
                            Fact {
                                subject: c.subject.clone(),
                                property: c.property.clone(),
                                qualifiers: c.qualifiers.clone(),
                                value: read_value(&corpus, &c.property, &c.value, &opts),
                            }
                        })
                        .collect();
                    let want = Fact {
                        subject: w["subject"].as_str().unwrap_or_default().to_string(),
                        property: property.to_string(),
                        qualifiers: qualifiers.clone(),
                        value,
                    };
                    let unplaced: Vec<&draft::Unplaced> = drafted
                        .draft
                        .unplaced
                        .iter()
                        .filter(|u| overlaps(&Some(u.range.0..u.range.1), &quote))
                        .collect();
                    let reason = miss_reason(&want, &facts.iter().collect::<Vec<_>>(), &unplaced);
                    let got: Vec<String> = facts
                        .iter()
                        .zip(&near)
                        .map(|(d, &k)| {
                            format!("{} · {} · {:?} = {}", d.subject, d.property, d.qualifiers, drafted.claims[k].value)
                        })
                        .collect();
                    println!("{folder}/{file}: not drafted: {reason}: {}; near: [{}]", key(w), got.join("; "));
                    *reasons.entry(reason).or_default() += 1;
                }
            }
        }
        println!("{folder}/{file}: {text_right}/{text_figures} figures drafted as the encoder chose");
        right += text_right;
        figures += text_figures;
    }
    println!(
        "{folder}: {right}/{figures} = {:.1}% of figures drafted with the encoder's value, subject, property and qualifiers; {abstained} of {unpropertied} figures with no registry property left undrafted",
        100.0 * right as f64 / figures as f64
    );
    let mut by_count: Vec<(&String, &usize)> = reasons.iter().collect();
    by_count.sort_by_key(|&(r, n)| (std::cmp::Reverse(*n), r.clone()));
    println!("{folder}: misses by reason:");
    for (reason, n) in by_count {
        println!("{folder}:   {n:4}  {reason}");
    }
    (right, figures)
}

/// A held-out set drafted at least as well as when it was last measured (`right/figures`,
/// with enough figures for the share to mean something).
fn holds_its_measured_share(folder: &str, measured: (usize, usize)) {
    let (right, figures) = held_out(folder);
    assert!(figures >= 60, "the measurement needs enough figures: {folder} has {figures}");
    let floor = measured.0 as f64 / measured.1 as f64;
    assert!(
        right as f64 / figures as f64 >= floor - 1e-9,
        "the drafter fell below its measured share on {folder} ({}/{}): {right}/{figures}",
        measured.0,
        measured.1
    );
}

/// The first held-out set: 31/84 at first sight, a development set since (58/84; 59/86 once
/// four entries that lacked only a registry property name the one added for them; 59/86 →
/// 63/86 after the fourth round, on all three sets at once; → 65/86 after the fifth; 65/86
/// in the seventh).
#[test]
fn held_out_texts_drafted_against_a_careful_encoder() {
    holds_its_measured_share("heldout", (66, 86));
}

/// The second held-out set, written while the drafter was worked on a second time: 13/55
/// with the drafter of before that work, 17/55 after it (measured once), 18/55 after reader
/// fixes its encoder asked for; a development set since: 25/71 once sixteen entries that lacked
/// only a registry property name the one added for them; 25/71 → 37/71 after the fourth round,
/// → 44/71 after the fifth, → 45/71 after the sixth, → 46/71 in the seventh round.
#[test]
fn second_held_out_texts_drafted_against_a_careful_encoder() {
    holds_its_measured_share("heldout2", (46, 71));
}

/// The third held-out set, written unseen while the registry and reader were worked on a
/// third time: 24/70 before that work was merged, 24/70 after it; a development set since:
/// 24/70 → 43/70 after the fourth round, → 47/70 in the seventh.
#[test]
fn third_held_out_texts_drafted_against_a_careful_encoder() {
    holds_its_measured_share("heldout3", (49, 70));
}

/// The fourth held-out set, written unseen while the drafter was worked on a fourth time:
/// 28/76 before that work was merged, 37/76 after it (measured once); a development set
/// since: 37/76 → 59/76 in the fifth round, → 60/76 in the sixth, → 63/76 in the seventh.
#[test]
fn fourth_held_out_texts_drafted_against_a_careful_encoder() {
    holds_its_measured_share("heldout4", (63, 76));
}

/// The fifth held-out set, written unseen while the drafter was worked on a fifth time:
/// 36/79 before that work was merged, 37/79 after it (measured once); a development set
/// since: 37/79 → 46/79 in the sixth round, → 56/79 in the seventh.
#[test]
fn fifth_held_out_texts_drafted_against_a_careful_encoder() {
    holds_its_measured_share("heldout5", (56, 79));
}

/// The sixth held-out set, written unseen while the drafter was worked on a sixth time:
/// 41/84 before that work was merged, 44/84 after it (measured once); a development set
/// since: 44/84 → 55/84 in the seventh round.
#[test]
fn sixth_held_out_texts_drafted_against_a_careful_encoder() {
    holds_its_measured_share("heldout6", (55, 84));
}

/// The seventh held-out set, written unseen while the drafter was worked on a seventh time:
/// 42/97 with its encoder's keys, 45/97 once six subjects follow the registry (its README),
/// before that work was merged; 48/97 after it (measured once).
#[test]
fn seventh_held_out_texts_drafted_against_a_careful_encoder() {
    holds_its_measured_share("heldout7", (59, 97));
}

/// The eighth round's readings, in texts published on Tuesday 1 February 2022.
#[test]
fn events_placed_by_their_own_clause_and_what_states_no_fact() {
    // One date heads several events: each takes the places of its own clause («وفي» joins a
    // list of them), not those of the events between the date and it.
    let drafted =
        draft_one("وفي 5 يناير أُعلنت حالة الطوارئ في ألماتي وفي مانغيستاو، وانقطع الإنترنت عن البلاد كلها.", "ar");
    let got: Vec<(&str, String)> =
        drafted.claims.iter().map(|c| (c.property.as_str(), format!("{:?}", c.qualifiers))).collect();
    for want in [
        ("state_of_emergency_date", r#"{"place": "almaty"}"#),
        ("state_of_emergency_date", r#"{"place": "mangystau"}"#),
        ("internet_shutdown_start_date", "{}"),
    ] {
        assert!(got.contains(&(want.0, want.1.to_string())), "{want:?} in {got:?}");
    }
    // A caption's date dates a figure and an event of another clause: both are claims.
    let drafted =
        draft_one("▪ ألماتي، 10 يناير: زهور في ساحة المدينة في يوم الحداد الوطني، وقد انقطع الإنترنت 5 أيام.", "ar");
    let got: Vec<(&str, &str)> = drafted.claims.iter().map(|c| (c.property.as_str(), c.value.as_str())).collect();
    assert!(got.contains(&("mourning_date", "2022-01-10")), "{got:?}");
    // A word of a name is no cue of an event («معاهدة»: a treaty's accession).
    let drafted = draft_one("وفي 5 يناير طلب توكاييف عون منظمة معاهدة الأمن الجماعي.", "ar");
    let got: Vec<&str> = drafted.claims.iter().map(|c| c.property.as_str()).collect();
    assert_eq!(got, ["request_date"], "{:#?}", drafted.claims);
    // A time of day, a transcript's timestamp and the text's own dateline are no figures.
    let drafted = draft_one(
        "Published Tuesday, February 1, 2022\n[00:03:30] The curfew in Almaty ran from 11 p.m. and 2,030 troops arrived.\nوفرض حظر التجول من الساعة 11 ليلاً.",
        "en",
    );
    let values: Vec<&str> = drafted.claims.iter().map(|c| c.value.as_str()).collect();
    assert!(values.contains(&"2030"), "{values:?}");
    for v in ["0", "3", "30", "11", "2022-02-01"] {
        assert!(!values.contains(&v), "{v} drafted: {:#?}", drafted.claims);
    }
    let reasons: Vec<&str> = drafted.draft.unplaced.iter().map(|u| u.reason.as_str()).collect();
    assert!(reasons.iter().filter(|r| r.contains("time of day")).count() >= 4, "{reasons:?}");
    assert!(reasons.iter().any(|r| r.contains("dateline")), "{reasons:?}");
}

/// A look back a year on: a day without its year is in the year of the events it dates.
#[test]
fn a_day_without_its_year_in_a_look_back() {
    // The corpus dates the unrest's start in Zhanaozen in 2022 only; the year named alone
    // places the referendum's day after the text's in the year before.
    let drafted = draft_on(
        "It really started on January 2, in Zhanaozen. Politically, 2022 was long: the referendum on June 5, then the snap presidential election on November 20.",
        "en",
        "2023-01-05",
    );
    let got: Vec<(&str, &str, Option<&str>)> =
        drafted.claims.iter().map(|c| (c.property.as_str(), c.value.as_str(), c.stated_as.as_deref())).collect();
    for want in [
        ("start_date", "2022-01-02", Some("January 2")),
        ("election_date", "2022-06-05", Some("June 5")),
        ("election_date", "2022-11-20", None),
    ] {
        assert!(got.contains(&want), "{want:?} in {got:?}");
    }
    // A day of a fact the corpus does not date stays in the text's year.
    let drafted = draft_on("The new parliament held its first session on January 3.", "en", "2023-01-05");
    assert!(drafted.claims.iter().all(|c| !c.value.starts_with("2022")), "{:#?}", drafted.claims);
}

/// A replaced figure and the words of change an encoder reads as a rise.
#[test]
fn instead_of_and_leapt_are_the_two_sides_of_a_change() {
    for (text, language) in [
        ("Drivers woke up to LPG costing a hundred and twenty tenge a litre instead of sixty.", "en"),
        ("In Zhanaozen, LPG at the pumps leapt from 60 tenge a litre to 120 overnight.", "en"),
        ("صار لتر الغاز المسال بـ120 تنغي بدلاً من 60 تنغي.", "ar"),
    ] {
        let drafted = draft_one(text, language);
        let got: Vec<(&str, Option<&str>, &str)> = drafted
            .claims
            .iter()
            .map(|c| (c.value.as_str(), c.qualifiers.get("scope").map(String::as_str), c.quote.as_str()))
            .collect();
        let before = got.iter().find(|g| g.0 == "60").unwrap_or_else(|| panic!("60 in {got:?}"));
        let after = got.iter().find(|g| g.0 == "120").unwrap_or_else(|| panic!("120 in {got:?}"));
        assert_eq!((before.1, after.1), (Some("before-the-rise"), Some("after-the-rise")), "{got:?}");
        assert!(!before.2.contains("120") && !after.2.contains("60"), "each quoted apart: {got:?}");
    }
}
