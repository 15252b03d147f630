//! A generated corpus of the shape a newsroom would have, at any size and deterministic from
//! a seed, so that every speed figure can be reproduced: `sources` sources whose long texts
//! hold each claim's sentence among filler, `claims_per_fact` claims per fact, values written
//! in the forms the texts use (digits, thousands separators, «نحو», «ألف»/«مليون», number
//! words, bounds, ranges, percentages, dates in both month systems, `year/month/day`,
//! `day/month/year` and Hijri), Arabic-Indic digits in a third of the quotes, attributions,
//! running totals dated with `as_of`, and a set share of facts with one planted
//! contradiction, listed in the manifest. Everything else agrees: every agreeing claim's
//! interval holds the fact's true figure, so a contradiction found that is not in the
//! manifest is a false alarm.
//!
//! Files: `registry/generated.json`, `sources/*.json`, `texts/*.txt`, `manifest.json` and
//! `claims.jsonl` (one claim a line with its interval, for tools that do not read Arabic).

use serde::Serialize;
use serde_json::json;
use std::io::{BufWriter, Write};
use std::path::Path;

/// What to generate.
#[derive(Debug, Clone)]
pub struct Spec {
    pub seed: u64,
    /// Claims in all (rounded down to whole facts).
    pub claims: usize,
    pub sources: usize,
    pub claims_per_fact: usize,
    /// Share of facts, in percent, that get one contradicting claim.
    pub contradiction_percent: u64,
}

impl Spec {
    /// The shape of issue 13: 50 sources, 10 claims per fact, 5% of facts contradicted.
    pub fn new(claims: usize, seed: u64) -> Spec {
        Spec { seed, claims, sources: 50, claims_per_fact: 10, contradiction_percent: 5 }
    }
}

/// What was generated, and the contradictions planted in it.
#[derive(Debug, Clone, Serialize)]
pub struct Manifest {
    pub seed: u64,
    pub sources: usize,
    pub facts: usize,
    pub claims: usize,
    /// Claims whose quote uses Arabic-Indic digits.
    pub arabic_indic_quotes: usize,
    pub attributed: usize,
    pub contradictions: Vec<Planted>,
}

/// One planted contradiction: the fact (as `check` names it) and the claim that breaks it.
#[derive(Debug, Clone, Serialize)]
pub struct Planted {
    pub fact: String,
    pub claim: String,
    pub reason: &'static str,
}

/// SplitMix64: small, fast, and the same on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x6A09_E667_F3BC_C908)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    /// Figures `m × 10^k`, m in 11..=99, k in the range.
    Quantity {
        k_min: u32,
        k_max: u32,
    },
    Percent,
    Date,
}

struct Property {
    id: &'static str,
    kind: Kind,
    unit: Option<&'static str>,
    cumulative: bool,
    /// The sentence, with `{S}` for the subject and `{V}` for the value.
    sentence: &'static str,
    /// For running totals, a qualifier that splits the count, with its words in the sentence.
    groups: &'static [(&'static str, &'static str)],
}

const PROPERTIES: &[Property] = &[
    Property {
        id: "population",
        kind: Kind::Quantity { k_min: 3, k_max: 5 },
        unit: Some("person"),
        cumulative: false,
        sentence: "يبلغ عدد سكان {S} {V} نسمة",
        groups: &[],
    },
    Property {
        id: "protesters",
        kind: Kind::Quantity { k_min: 2, k_max: 3 },
        unit: Some("person"),
        cumulative: false,
        sentence: "شارك في احتجاجات {S} {V} متظاهر",
        groups: &[],
    },
    Property {
        id: "deaths",
        kind: Kind::Quantity { k_min: 0, k_max: 1 },
        unit: Some("person"),
        cumulative: true,
        sentence: "ارتفع عدد القتلى {G} في {S} إلى {V} قتيلا",
        groups: &[("civilians", "من المدنيين"), ("security-forces", "من عناصر الأمن")],
    },
    Property {
        id: "arrests",
        kind: Kind::Quantity { k_min: 2, k_max: 3 },
        unit: Some("person"),
        cumulative: true,
        sentence: "بلغ عدد المعتقلين في {S} {V} شخصا",
        groups: &[],
    },
    Property {
        id: "reconstruction_budget",
        kind: Kind::Quantity { k_min: 5, k_max: 7 },
        unit: Some("USD"),
        cumulative: false,
        sentence: "خصصت الحكومة لإعادة إعمار {S} {V} دولار",
        groups: &[],
    },
    Property {
        id: "unemployment_rate",
        kind: Kind::Percent,
        unit: Some("%"),
        cumulative: false,
        sentence: "بلغت نسبة البطالة في {S} {V}",
        groups: &[],
    },
    Property {
        id: "turnout",
        kind: Kind::Percent,
        unit: Some("%"),
        cumulative: false,
        sentence: "بلغت نسبة المشاركة في انتخابات {S} المحلية {V}",
        groups: &[],
    },
    Property {
        id: "protest_start_date",
        kind: Kind::Date,
        unit: None,
        cumulative: false,
        sentence: "اندلعت الاحتجاجات في {S} يوم {V}",
        groups: &[],
    },
];

/// Who a source may say stated a figure: id, name, and the words that introduce them.
const SPEAKERS: &[(&str, &str, &str)] = &[
    ("interior-ministry", "وزارة الداخلية", "وقالت وزارة الداخلية إنه "),
    ("health-ministry", "وزارة الصحة", "وأعلنت وزارة الصحة أنه "),
    ("un-office", "مكتب الأمم المتحدة", "وذكر مكتب الأمم المتحدة أنه "),
    ("local-media", "وسائل إعلام محلية", "ونقلت وسائل إعلام محلية أنه "),
    ("governor", "المحافظ", "وصرح المحافظ بأنه "),
];

/// Dates of running totals (`as_of`): the figure grows from one to the next.
const AS_OF: &[(&str, &str)] = &[("2022-01-06", "6 يناير"), ("2022-01-08", "8 يناير"), ("2022-01-10", "10 يناير")];

const FILLER: &[&str] = &[
    "وأشار التقرير إلى أن الأوضاع الاقتصادية تدهورت خلال الأشهر الأخيرة بشكل ملحوظ.",
    "ويرى محللون أن الأزمة تعود إلى أسباب متراكمة منذ سنوات طويلة.",
    "وشهدت المنطقة في عام 2019 احتجاجات مماثلة انتهت بتعديلات حكومية محدودة.",
    "ولم تصدر السلطات حتى الآن أي تعليق رسمي على هذه الأنباء.",
    "ودعت منظمات حقوقية إلى فتح تحقيق مستقل في ملابسات الأحداث.",
    "وتعاني البلاد من ارتفاع معدلات التضخم منذ مطلع العام الماضي.",
    "وقال شهود عيان إن قوات الأمن انتشرت بكثافة في الشوارع الرئيسية.",
    "وتأتي هذه التطورات في ظل توتر إقليمي متصاعد.",
    "وأكد مسؤولون محليون أن الخدمات الأساسية عادت تدريجيا إلى العمل.",
    "ويعد القطاع النفطي المصدر الرئيسي للدخل القومي منذ الاستقلال عام 1991.",
    "وأفادت مصادر طبية بأن المستشفيات استقبلت أعدادا كبيرة من المصابين.",
    "وتشير تقديرات غير رسمية إلى أن الخسائر تجاوزت التوقعات الأولية.",
    "وفي المقابل، نفت الحكومة وجود أي نية لتأجيل الانتخابات المقبلة.",
    "ويقطن معظم السكان في المدن الكبرى بينما تعاني الأرياف من نقص الخدمات.",
    "وكان البرلمان قد ناقش في جلسته الأخيرة مشروع قانون لتنظيم الأسعار.",
    "ويذكر أن المنطقة شهدت موجة نزوح واسعة خلال العقد الماضي.",
    "وأعلنت الحكومة عن حزمة إصلاحات تشمل خفض أسعار الوقود بنسبة 10% لمدة ستة أشهر.",
    "ودعا ممثلو المجتمع المدني إلى الحوار بدلا من المواجهة.",
    "وتتواصل الاتصالات بين الأطراف المعنية بحثا عن مخرج للأزمة.",
    "ويبلغ متوسط الأجور في القطاع العام نحو 500 دولار شهريا.",
    "وأغلقت المحال التجارية أبوابها في عدد من الأحياء تحسبا لتجدد الاشتباكات.",
    "وتعهدت الحكومة بتعويض المتضررين في أقرب وقت ممكن.",
];

const PLACE_PREFIXES: &[&str] = &["مدينة", "بلدة", "قرية", "محافظة", "منطقة", "ضاحية", "مقاطعة", "ناحية"];
const SYLLABLES: &[&str] = &[
    "قا", "را", "سو", "لي", "ما", "نو", "تي", "كا", "با", "زا", "دو", "فا", "شي", "حا", "يو", "غا", "طا", "جي", "ها",
    "وا", "صا", "خو", "ثا", "ظا",
];
const AR_MONTHS: &[&str] =
    &["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"];
const SYRIAC_MONTHS: &[&str] = &[
    "كانون الثاني",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين الأول",
    "تشرين الثاني",
    "كانون الأول",
];
const HIJRI_MONTHS: &[&str] = &[
    "محرم",
    "صفر",
    "ربيع الأول",
    "ربيع الآخر",
    "جمادى الأولى",
    "جمادى الآخرة",
    "رجب",
    "شعبان",
    "رمضان",
    "شوال",
    "ذو القعدة",
    "ذو الحجة",
];
const THOUSANDS_WORDS: &[&str] =
    &["ثلاثة آلاف", "أربعة آلاف", "خمسة آلاف", "ستة آلاف", "سبعة آلاف", "ثمانية آلاف", "تسعة آلاف", "عشرة آلاف"];
const HEDGES: &[&str] = &["نحو", "حوالي", "قرابة", "ما يقارب"];

/// A place name made from the index: unique, pronounceable, without digits.
fn place_name(i: usize) -> String {
    let mut word = String::new();
    let mut n = i / PLACE_PREFIXES.len();
    for _ in 0..3 {
        word.push_str(SYLLABLES[n % SYLLABLES.len()]);
        n /= SYLLABLES.len();
    }
    // Past 8 × 24³ places, a fourth syllable keeps names unique.
    while n > 0 {
        word.push_str(SYLLABLES[n % SYLLABLES.len()]);
        n /= SYLLABLES.len();
    }
    format!("{} {word}", PLACE_PREFIXES[i % PLACE_PREFIXES.len()])
}

/// One claim as written: the value field, the words in the text, and its interval.
struct Form {
    value: String,
    phrase: String,
    lo: f64,
    hi: Option<f64>,
}

impl Form {
    fn exact(v: u64) -> Form {
        Form { value: v.to_string(), phrase: v.to_string(), lo: v as f64, hi: Some(v as f64) }
    }
}

/// `1234567` → `1,234,567`.
fn grouped(v: u64) -> String {
    let digits = v.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A bare count the reader takes for a year (`1800 قتيلا` reads as the year 1800): the
/// generator writes none, so that every claim loads.
fn year_like(n: u64) -> bool {
    (1000..=2100).contains(&n)
}

/// A figure in one of the forms the texts use; every form's interval holds `v`.
fn quantity_form(rng: &mut Rng, v: u64) -> Form {
    let magnitude = 10u64.pow(v.ilog10());
    let phrase_or =
        |rng: &mut Rng, compact: String, phrase: &str| if rng.chance(50) { phrase.to_string() } else { compact };
    match rng.below(100) {
        0..30 => Form::exact(v),
        30..40 if v >= 10_000 => Form { phrase: grouped(v), ..Form::exact(v) },
        40..60 => {
            let phrase = format!("{} {v}", rng.pick(HEDGES));
            let value = phrase_or(rng, format!("~{v}"), &phrase);
            Form { value, phrase, lo: v as f64 * 0.9, hi: Some(v as f64 * 1.1) }
        }
        60..75 if v >= 1_000_000 && v.is_multiple_of(100_000) => {
            let m = v as f64 / 1e6;
            let phrase = format!("{m} مليون");
            let value = phrase_or(rng, format!("{m}e6"), &phrase);
            // Round: ± half the last digit written (a tenth of a million, or a million).
            let half = if v.is_multiple_of(1_000_000) { 500_000.0 } else { 50_000.0 };
            Form { value, phrase, lo: v as f64 - half, hi: Some(v as f64 + half) }
        }
        60..75 if v >= 11_000 && v.is_multiple_of(1000) && v < 1_000_000 => {
            let phrase = format!("{} ألف", v / 1000);
            let value = phrase_or(rng, format!("{}e3", v / 1000), &phrase);
            Form { value, phrase, lo: v as f64 - 500.0, hi: Some(v as f64 + 500.0) }
        }
        75..85 if v.is_multiple_of(1000) && (3..=10).contains(&(v / 1000)) => {
            let phrase = THOUSANDS_WORDS[(v / 1000 - 3) as usize].to_string();
            let value = phrase_or(rng, format!("{}e3", v / 1000), &phrase);
            Form { value, phrase, lo: v as f64 - 500.0, hi: Some(v as f64 + 500.0) }
        }
        85..95 if v > magnitude && !year_like(v / magnitude * magnitude) && !year_like(v - magnitude / 10) => {
            let below = v / magnitude * magnitude;
            let below = if below == v { v - magnitude / 10 } else { below };
            let phrase = format!("أكثر من {below}");
            let value = phrase_or(rng, format!(">{below}"), &phrase);
            Form { value, phrase, lo: below as f64, hi: None }
        }
        95..100
            if v > magnitude
                && [v / magnitude * magnitude, v - magnitude / 10, (v / magnitude + 1) * magnitude]
                    .iter()
                    .all(|&n| !year_like(n)) =>
        {
            let (lo, hi) = (v / magnitude * magnitude, (v / magnitude + 1) * magnitude);
            let lo = if lo == v { v - magnitude / 10 } else { lo };
            let phrase = format!("بين {lo} و{hi}");
            Form { value: format!("{lo}..{hi}"), phrase, lo: lo as f64, hi: Some(hi as f64) }
        }
        _ => Form::exact(v),
    }
}

fn percent_form(rng: &mut Rng, p: u64) -> Form {
    let exact = |phrase: String| Form { value: format!("{p}%"), phrase, lo: p as f64, hi: Some(p as f64) };
    match rng.below(10) {
        0..5 => exact(format!("{p}%")),
        5..7 => exact(format!("{p} في المئة")),
        _ => {
            let hedge = rng.pick(HEDGES);
            Form {
                value: format!("~{p}%"),
                phrase: format!("{hedge} {p}%"),
                lo: p as f64 * 0.9,
                hi: Some(p as f64 * 1.1),
            }
        }
    }
}

/// A day written in one of the texts' date forms (Hijri through ICU4X's Umm al-Qura).
fn date_form(rng: &mut Rng, days: i64) -> Form {
    let (y, m, d) = civil_from_days(days);
    let iso = format!("{y:04}-{m:02}-{d:02}");
    let day = |phrase: String| Form { value: iso.clone(), phrase, lo: days as f64, hi: Some(days as f64) };
    let (ar, syriac) = (AR_MONTHS[m as usize - 1], SYRIAC_MONTHS[m as usize - 1]);
    match rng.below(8) {
        0 => day(format!("{d} {ar} {y}")),
        1 => day(format!("{d} {syriac} {y}")),
        2 => day(format!("{d} {ar}/{syriac} {y}")),
        3 => day(format!("{y}/{m}/{d}")),
        4 => day(format!("{d}/{m}/{y}")),
        5 | 6 => {
            let (hy, hm, hd) = hijri(y, m.into(), d.into());
            day(format!("{hd} {} {hy} هـ", HIJRI_MONTHS[hm as usize - 1]))
        }
        _ => {
            let first = days_from_civil(y, m, 1);
            let last = days_from_civil(if m == 12 { y + 1 } else { y }, if m == 12 { 1 } else { m + 1 }, 1) - 1;
            Form {
                value: format!("{y:04}-{m:02}"),
                phrase: format!("{ar} {y}"),
                lo: first as f64,
                hi: Some(last as f64),
            }
        }
    }
}

fn hijri(y: i64, m: u32, d: u32) -> (i32, u8, u8) {
    use icu_calendar::Date;
    use icu_calendar::cal::Hijri;
    let iso = Date::try_new_iso(y as i32, m as u8, d as u8).expect("a real day");
    let h = iso.to_calendar(Hijri::new_umm_al_qura());
    (h.year().extended_year(), h.month().ordinal, h.day_of_month().0)
}

/// Digits as Arabic-Indic, with `٬` and `٫` between them for `,` and `.`.
fn arabic_indic(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| match c {
            '0'..='9' => char::from_u32('٠' as u32 + (c as u32 - '0' as u32)).unwrap(),
            ',' if i > 0 && digit(i - 1) && digit(i + 1) => '٬',
            '.' if i > 0 && digit(i - 1) && digit(i + 1) => '٫',
            c => c,
        })
        .collect()
}

/// One source's files, written as facts are generated.
struct SourceOut {
    id: String,
    text: BufWriter<std::fs::File>,
    claims: BufWriter<std::fs::File>,
    count: usize,
}

/// Writes the corpus into `root` (which must exist) and returns its manifest.
pub fn generate(root: &Path, spec: &Spec) -> std::io::Result<Manifest> {
    for dir in ["texts", "sources", "registry"] {
        std::fs::create_dir_all(root.join(dir))?;
    }
    let mut rng = Rng::new(spec.seed);
    let facts = spec.claims / spec.claims_per_fact;
    let subjects = facts.div_ceil(PROPERTIES.len());
    write_registry(root, subjects)?;
    let mut sources = Vec::with_capacity(spec.sources);
    for s in 0..spec.sources {
        let id = format!("gen-{s:02}");
        let mut text = BufWriter::new(std::fs::File::create(root.join(format!("texts/{id}.txt")))?);
        writeln!(text, "تقرير إخباري مولد لقياس الأداء، المصدر {}.\n", place_name(s))?;
        let mut claims = BufWriter::new(std::fs::File::create(root.join(format!("sources/{id}.json")))?);
        let meta = json!({
            "id": id,
            "title": format!("تقرير {}", place_name(s)),
            "author": [],
            "publisher": "generated",
            "published": format!("2022-01-{:02}", 11 + s % 10),
            "language": "ar",
            "path": format!("texts/{id}.txt"),
        });
        write!(claims, "{{\n  \"source\": {meta},\n  \"claims\": [")?;
        sources.push(SourceOut { id, text, claims, count: 0 });
    }
    let mut jsonl = BufWriter::new(std::fs::File::create(root.join("claims.jsonl"))?);
    let mut manifest = Manifest {
        seed: spec.seed,
        sources: spec.sources,
        facts,
        claims: facts * spec.claims_per_fact,
        arabic_indic_quotes: 0,
        attributed: 0,
        contradictions: Vec::new(),
    };
    for f in 0..facts {
        let property = &PROPERTIES[f % PROPERTIES.len()];
        let subject = f / PROPERTIES.len();
        let group = (!property.groups.is_empty()).then(|| property.groups[subject % property.groups.len()]);
        let fact = match group {
            Some((g, _)) => format!("place-{subject} · {} · group={g}", property.id),
            None => format!("place-{subject} · {}", property.id),
        };
        let planted = rng.chance(spec.contradiction_percent);
        // The true figure, and for running totals one per `as_of` date, growing.
        let truth: Vec<u64> = match property.kind {
            Kind::Quantity { k_min, k_max } => loop {
                let k = k_min + rng.below(u64::from(k_max - k_min + 1)) as u32;
                let v = (11 + rng.below(89)) * 10u64.pow(k);
                let truth: Vec<u64> = (0..AS_OF.len() as u64).map(|i| v + v * i / 2).collect();
                if !truth.iter().chain([&wrong_quantity(property, &truth)]).any(|&n| year_like(n)) {
                    break truth;
                }
            },
            Kind::Percent => vec![5 + rng.below(60)],
            Kind::Date => vec![days_from_civil(2021, 12, 1) as u64 + rng.below(40)],
        };
        for k in 0..spec.claims_per_fact {
            let first = k == 0;
            let wrong = planted && k == spec.claims_per_fact - 1;
            let when = if property.cumulative && !first { rng.below(AS_OF.len() as u64) as usize } else { 0 };
            let when = if wrong && property.cumulative { AS_OF.len() - 1 } else { when };
            let v = truth[when.min(truth.len() - 1)];
            let form = match (property.kind, first || wrong) {
                (Kind::Quantity { .. }, true) => Form::exact(if wrong { wrong_quantity(property, &truth) } else { v }),
                (Kind::Quantity { .. }, false) => quantity_form(&mut rng, v),
                (Kind::Percent, true) => {
                    let p = if wrong { v + 30 } else { v };
                    Form { value: format!("{p}%"), phrase: format!("{p}%"), lo: p as f64, hi: Some(p as f64) }
                }
                (Kind::Percent, false) => percent_form(&mut rng, v),
                (Kind::Date, true) => {
                    let days = if wrong { v as i64 + 3 + rng.below(7) as i64 } else { v as i64 };
                    let (y, m, d) = civil_from_days(days);
                    let ar = AR_MONTHS[m as usize - 1];
                    Form {
                        value: format!("{y:04}-{m:02}-{d:02}"),
                        phrase: format!("{d} {ar} {y}"),
                        lo: days as f64,
                        hi: Some(days as f64),
                    }
                }
                (Kind::Date, false) => date_form(&mut rng, v as i64),
            };
            let speaker = (!first && !wrong && rng.chance(15)).then(|| rng.pick(SPEAKERS));
            let indic = rng.below(3) == 0;
            let place = place_name(subject);
            let mut core = property.sentence.replace("{S}", &place).replace("{V}", &form.phrase);
            core = core.replace("{G}", group.map_or("", |(_, words)| words)).replace("  ", " ");
            if indic {
                core = arabic_indic(&core);
                manifest.arabic_indic_quotes += 1;
            }
            let s = (f * 7 + k * 5) % spec.sources;
            let out = &mut sources[s];
            let id = format!("{}-f{f}-{k}", out.id);
            // Filler before and after: the claim's sentence stands among others.
            for _ in 0..1 + rng.below(3) {
                write!(out.text, "{} ", rng.pick(FILLER))?;
            }
            let intro = speaker.map_or("", |(_, _, words)| words);
            let as_of = property.cumulative.then(|| AS_OF[when]);
            match as_of {
                Some((_, words)) => write!(out.text, "{intro}{core}، وذلك حتى {words}. ")?,
                None => write!(out.text, "{intro}{core}. ")?,
            }
            for _ in 0..rng.below(3) {
                write!(out.text, "{} ", rng.pick(FILLER))?;
            }
            if rng.chance(30) {
                write!(out.text, "\n\n")?;
            }
            let mut claim = json!({
                "id": id,
                "subject": format!("place-{subject}"),
                "property": property.id,
                // Values stay in ASCII digits whatever the quote uses (the reader takes a bare
                // `١٨٠٠` for a year even where the property is a count).
                "value": form.value,
                "quote": core,
            });
            if let Some((g, _)) = group {
                claim["qualifiers"] = json!({ "group": g });
            }
            if let (Some(unit), true) = (property.unit, rng.chance(50)) {
                claim["unit"] = json!(unit);
            }
            if let Some((date, _)) = as_of {
                claim["as_of"] = json!(date);
            }
            if let Some((speaker, _, _)) = speaker {
                claim["attributed_to"] = json!(speaker);
                manifest.attributed += 1;
            }
            let sep = if out.count == 0 { "" } else { "," };
            write!(out.claims, "{sep}\n    {claim}")?;
            out.count += 1;
            let line = json!({
                "id": id,
                "source": out.id,
                "fact": fact,
                "lo": form.lo,
                "hi": form.hi,
                "as_of": as_of.map(|(d, _)| d),
                "attributed_to": speaker.map(|(s, _, _)| *s),
                "cumulative": property.cumulative,
            });
            writeln!(jsonl, "{line}")?;
            if wrong {
                let reason = if property.cumulative { "cumulative-decreased" } else { "disjoint-intervals" };
                manifest.contradictions.push(Planted { fact: fact.clone(), claim: id, reason });
            }
        }
    }
    for mut out in sources {
        writeln!(out.text)?;
        out.text.flush()?;
        write!(out.claims, "\n  ]\n}}\n")?;
        out.claims.flush()?;
    }
    jsonl.flush()?;
    std::fs::write(root.join("manifest.json"), serde_json::to_string_pretty(&manifest)? + "\n")?;
    Ok(manifest)
}

/// A figure no honest claim of the fact comes near: three times the truth, or for a running
/// total a third of its first count, dated last.
fn wrong_quantity(property: &Property, truth: &[u64]) -> u64 {
    if property.cumulative { (truth[0] / 3).max(1) } else { truth[0] * 3 }
}

fn write_registry(root: &Path, subjects: usize) -> std::io::Result<()> {
    let mut entities: Vec<serde_json::Value> = (0..subjects)
        .map(|s| json!({"id": format!("place-{s}"), "kind": "city", "names": {"en": format!("Place {s}"), "ar": place_name(s)}}))
        .collect();
    for (id, name, _) in SPEAKERS {
        entities.push(json!({"id": id, "kind": "organization", "names": {"ar": name}}));
    }
    let properties: Vec<serde_json::Value> = PROPERTIES
        .iter()
        .map(|p| {
            let kind = match p.kind {
                Kind::Quantity { .. } => "quantity",
                Kind::Percent => "percentage",
                Kind::Date => "date",
            };
            let mut v = json!({"id": p.id, "kind": kind, "cumulative": p.cumulative, "description": "generated"});
            if let Some(unit) = p.unit {
                v["unit"] = json!(unit);
            }
            v
        })
        .collect();
    // The vocabulary claims use: one qualifier, compared as written.
    let qualifiers = json!([{"key": "group", "meaning": "which part of the whole the figure counts"}]);
    let registry = json!({"entities": entities, "properties": properties, "qualifiers": qualifiers});
    std::fs::write(root.join("registry/generated.json"), serde_json::to_string_pretty(&registry)? + "\n")
}

/// A day number's (year, month, day), from the library's calendar.
fn civil_from_days(days: i64) -> (i64, u8, u8) {
    claimcheck::value::ymd_from_days(days)
}

/// A day's number, from the library's calendar (the generator writes only real days).
fn days_from_civil(y: i64, m: u8, d: u8) -> i64 {
    claimcheck::value::days_from_ymd(y as i32, m, d).expect("a real day")
}
