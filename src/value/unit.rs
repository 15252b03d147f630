//! Units after a figure — money, measures, durations and counted nouns — and currency
//! signs before it (`$10`, `€20`). A reading keeps the unit's code ([`Reading::unit`]) so
//! a caller can check it against what a property measures ([`dimension`]).
//!
//! Arabic nouns are listed in the singular and their broken plurals; the accusative
//! (`دولارا`) and the dual (`لترين`, `دقيقتين` from `دقيقة`) are made from the singular,
//! and a dual alone counts two (`لترين` is 2 l).
//!
//! [`Reading::unit`]: super::Reading::unit

use crate::text::{Mode, fold};
use rustc_hash::FxHashMap as HashMap;
use serde::Serialize;
use std::sync::OnceLock;

/// What a unit measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Dimension {
    Money,
    Length,
    Area,
    Volume,
    Mass,
    Duration,
    Temperature,
    Power,
    Energy,
    /// A volume per day: oil output.
    Flow,
    /// Things counted: people, aircraft, countries.
    Count,
}

/// One unit: its code, what it measures, and how many of the dimension's base unit it is
/// (m, m2, m3, kg, s, W, Wh; 1 for money and counts, which have no common base).
pub struct Unit {
    pub code: &'static str,
    pub dimension: Dimension,
    pub factor: f64,
    /// Singular phrases (their accusative and dual are made from them).
    singular: &'static [&'static str],
    /// Plurals and forms that take no dual.
    plural: &'static [&'static str],
}

const fn u(
    code: &'static str,
    dimension: Dimension,
    factor: f64,
    singular: &'static [&'static str],
    plural: &'static [&'static str],
) -> Unit {
    Unit { code, dimension, factor, singular, plural }
}

use Dimension::*;

/// Every unit the reader knows, by code. Longer phrases win ("ريال سعودي" over "ريال").
pub const UNITS: &[Unit] = &[
    // Money: ISO 4217 codes; a currency named without its country gets a generic code.
    u(
        "USD",
        Money,
        1.0,
        &["دولار", "دولار أمريكي", "دولار أميركي", "dollar", "us dollar"],
        &["دولارات", "dollars", "us dollars", "usd", "$"],
    ),
    u("EUR", Money, 1.0, &["يورو", "euro"], &["euros", "eur", "€"]),
    u(
        "GBP",
        Money,
        1.0,
        &["جنيه إسترليني", "جنيه استرليني", "pound sterling"],
        &["جنيهات إسترلينية", "gbp", "£", "sterling"],
    ),
    u("SAR", Money, 1.0, &["ريال سعودي"], &["ريالات سعودية", "sar"]),
    u("QAR", Money, 1.0, &["ريال قطري"], &["ريالات قطرية", "qar"]),
    u("OMR", Money, 1.0, &["ريال عماني"], &["omr"]),
    u("YER", Money, 1.0, &["ريال يمني"], &["yer"]),
    u("IRR", Money, 1.0, &["ريال إيراني"], &["irr"]),
    u("riyal", Money, 1.0, &["ريال"], &["ريالات", "riyals"]),
    u("EGP", Money, 1.0, &["جنيه مصري"], &["جنيهات مصرية", "egp"]),
    u("SDG", Money, 1.0, &["جنيه سوداني"], &["sdg"]),
    u("pound", Money, 1.0, &["جنيه"], &["جنيهات"]),
    u("KWD", Money, 1.0, &["دينار كويتي"], &["دنانير كويتية", "kwd"]),
    u("JOD", Money, 1.0, &["دينار أردني"], &["jod"]),
    u("IQD", Money, 1.0, &["دينار عراقي"], &["iqd"]),
    u("BHD", Money, 1.0, &["دينار بحريني"], &["bhd"]),
    u("LYD", Money, 1.0, &["دينار ليبي"], &["lyd"]),
    u("TND", Money, 1.0, &["دينار تونسي"], &["tnd"]),
    u("DZD", Money, 1.0, &["دينار جزائري"], &["dzd"]),
    u("dinar", Money, 1.0, &["دينار"], &["دنانير", "dinars"]),
    u("AED", Money, 1.0, &["درهم إماراتي"], &["دراهم إماراتية", "aed"]),
    u("MAD", Money, 1.0, &["درهم مغربي"], &["mad"]),
    u("dirham", Money, 1.0, &["درهم"], &["دراهم", "dirhams"]),
    u("TRY", Money, 1.0, &["ليرة تركية"], &["try"]),
    u("LBP", Money, 1.0, &["ليرة لبنانية"], &["lbp"]),
    u("SYP", Money, 1.0, &["ليرة سورية"], &["syp"]),
    u("lira", Money, 1.0, &["ليرة"], &["ليرات", "lira"]),
    u("KZT", Money, 1.0, &["تينغ", "تنغي", "تنغ", "تينج", "tenge"], &["kzt"]),
    u("RUB", Money, 1.0, &["روبل", "rouble", "ruble"], &["روبلات", "roubles", "rubles", "rub"]),
    u("CNY", Money, 1.0, &["يوان", "yuan"], &["cny"]),
    u("JPY", Money, 1.0, &["ين ياباني", "yen"], &["jpy", "¥"]),
    u("INR", Money, 1.0, &["روبية هندية", "rupee"], &["rupees", "inr"]),
    // Length, area, volume.
    u(
        "km",
        Length,
        1e3,
        &["كيلومتر", "كيلو متر", "كلم", "كم", "kilometre", "kilometer"],
        &["كيلومترات", "km", "kilometres", "kilometers"],
    ),
    u("m", Length, 1.0, &["متر", "metre", "meter"], &["أمتار", "امتار", "م", "metres", "meters"]),
    u(
        "cm",
        Length,
        0.01,
        &["سنتيمتر", "سنتمتر", "سم", "centimetre", "centimeter"],
        &["سنتيمترات", "cm", "centimetres", "centimeters"],
    ),
    u("ft", Length, 0.3048, &["قدم", "foot"], &["أقدام", "feet", "ft"]),
    u("mile", Length, 1609.344, &["ميل", "mile"], &["أميال", "miles"]),
    u(
        "km2",
        Area,
        1e6,
        &["كيلومتر مربع", "كلم مربع", "كم مربع", "كلم2", "كم2", "square kilometre", "square kilometer"],
        &["كيلومترات مربعة", "km2", "square kilometres", "square kilometers", "sq km"],
    ),
    u(
        "m2",
        Area,
        1.0,
        &["متر مربع", "م2", "square metre", "square meter"],
        &["أمتار مربعة", "امتار مربعة", "m2", "square metres", "square meters", "sq m"],
    ),
    u("ha", Area, 1e4, &["هكتار", "hectare"], &["هكتارات", "hectares", "ha"]),
    u("feddan", Area, 4200.83, &["فدان"], &["أفدنة", "فدادين"]),
    u("dunam", Area, 1e3, &["دونم", "دونما"], &["دونمات"]),
    u(
        "m3",
        Volume,
        1.0,
        &["متر مكعب", "م3", "cubic metre", "cubic meter"],
        &["أمتار مكعبة", "امتار مكعبة", "m3", "cubic metres", "cubic meters"],
    ),
    u("ft3", Volume, 0.028_316_846_592, &["قدم مكعب", "cubic foot"], &["أقدام مكعبة", "cubic feet"]),
    u("l", Volume, 1e-3, &["لتر", "litre", "liter"], &["لترات", "litres", "liters"]),
    u("barrel", Volume, 0.158_987_294_928, &["برميل", "barrel"], &["براميل", "barrels", "bbl"]),
    u(
        "barrel/day",
        Flow,
        0.158_987_294_928,
        &["برميل يوميا", "برميل في اليوم", "barrel a day", "barrel per day"],
        &["براميل يوميا", "barrels a day", "barrels per day", "bpd"],
    ),
    // Mass.
    u("tonne", Mass, 1e3, &["طن", "tonne", "ton", "metric ton"], &["أطنان", "tonnes", "tons", "metric tons", "t"]),
    u(
        "kg",
        Mass,
        1.0,
        &["كيلوغرام", "كيلوجرام", "كيلو غرام", "كغ", "كغم", "كيلو", "kilogram", "kilogramme"],
        &["كيلوغرامات", "kg", "kilograms", "kilos"],
    ),
    u("g", Mass, 1e-3, &["غرام", "جرام", "gram", "gramme"], &["غرامات", "جرامات", "grams", "g"]),
    // Temperature, power, energy.
    u(
        "degC",
        Temperature,
        1.0,
        &["درجة مئوية", "درجة", "degree celsius", "degree"],
        &["درجات مئوية", "درجات", "degrees celsius", "degrees", "°"],
    ),
    u("MW", Power, 1e6, &["ميغاواط", "ميجاوات", "ميغاوات", "megawatt"], &["megawatts", "mw"]),
    u("GW", Power, 1e9, &["غيغاواط", "جيجاوات", "gigawatt"], &["gigawatts", "gw"]),
    u("kWh", Energy, 1e3, &["كيلوواط ساعة", "kilowatt hour"], &["kilowatt hours", "kwh"]),
    // Durations.
    u("s", Duration, 1.0, &["ثانية", "second"], &["ثوان", "ثواني", "ثوانٍ", "seconds"]),
    u("min", Duration, 60.0, &["دقيقة", "minute"], &["دقائق", "minutes", "mins"]),
    u("hour", Duration, 3600.0, &["ساعة", "hour"], &["ساعات", "hours"]),
    u("day", Duration, 86_400.0, &["يوم", "day"], &["أيام", "ايام", "days"]),
    u("week", Duration, 604_800.0, &["أسبوع", "week"], &["أسابيع", "weeks"]),
    u("month", Duration, 2_629_746.0, &["شهر", "month"], &["أشهر", "شهور", "months"]),
    u("year", Duration, 31_556_952.0, &["سنة", "عام", "year"], &["سنوات", "سنين", "أعوام", "years"]),
    // Counted nouns.
    u(
        "person",
        Count,
        1.0,
        &[
            "شخص",
            "نسمة",
            "فرد",
            "مواطن",
            "عضو",
            "جندي",
            "عسكري",
            "مقاتل",
            "عنصر",
            "إرهابي",
            "قتيل",
            "جريح",
            "مصاب",
            "لاجئ",
            "نازح",
            "معتقل",
            "شرطي",
            "ضابط",
            "طالب",
            "عامل",
            "موظف",
            "مدني",
            "person",
            "member",
            "soldier",
            "resident",
        ],
        &[
            "أشخاص",
            "أفراد",
            "مواطنين",
            "مواطنون",
            "أعضاء",
            "جنود",
            "عسكريين",
            "مقاتلين",
            "عناصر",
            "إرهابيين",
            "قتلى",
            "جرحى",
            "مصابين",
            "لاجئين",
            "نازحين",
            "معتقلين",
            "شرطيين",
            "ضباط",
            "طلاب",
            "عمال",
            "موظفين",
            "مدنيين",
            "people",
            "persons",
            "members",
            "troops",
            "soldiers",
            "residents",
            "inhabitants",
        ],
    ),
    u(
        "aircraft",
        Count,
        1.0,
        &["طائرة", "مقاتلة", "aircraft", "plane", "jet"],
        &["طائرات", "مقاتلات", "planes", "jets"],
    ),
    u("country", Count, 1.0, &["دولة", "بلد", "country"], &["دول", "بلدان", "countries"]),
    u("city", Count, 1.0, &["مدينة", "city"], &["مدن", "cities"]),
];

/// What a unit code measures: `dimension("SAR")` is money, `dimension("km2")` area.
pub fn dimension(code: &str) -> Option<Dimension> {
    UNITS.iter().find(|u| u.code == code).map(|u| u.dimension)
}

/// The unit of a code, for its dimension and factor.
pub fn find(code: &str) -> Option<&'static Unit> {
    UNITS.iter().find(|u| u.code == code)
}

/// Currency signs that may stand before the figure: `$10`, `US$ 5`, `€20`.
pub(super) const PREFIX_SIGNS: &[(&str, &str)] =
    &[("$", "USD"), ("usd", "USD"), ("€", "EUR"), ("eur", "EUR"), ("£", "GBP"), ("gbp", "GBP")];

/// One folded form of a unit: its words, the unit, and whether it is a dual (counts two).
pub(super) struct Form {
    pub words: Vec<String>,
    pub unit: &'static Unit,
    pub dual: bool,
}

/// Every form, grouped by its first folded word.
pub(super) fn forms() -> &'static HashMap<String, Vec<Form>> {
    static F: OnceLock<HashMap<String, Vec<Form>>> = OnceLock::new();
    F.get_or_init(|| {
        let mut map: HashMap<String, Vec<Form>> = HashMap::default();
        let split = |p: &str| fold(p, Mode::Read).split(' ').map(str::to_string).collect::<Vec<_>>();
        let mut add = |words: Vec<String>, unit: &'static Unit, dual: bool| {
            let entry = map.entry(words[0].clone()).or_default();
            if !entry.iter().any(|f| f.words == words) {
                entry.push(Form { words, unit, dual });
            }
        };
        for unit in UNITS {
            for p in unit.plural {
                add(split(p), unit, false);
            }
            for p in unit.singular {
                let words = split(p);
                add(words.clone(), unit, false);
                if p.is_ascii() {
                    continue;
                }
                // The head noun takes the accusative alif and the dual endings; the
                // adjective after it (سعودي, مربع) is left as written.
                let head = &words[0];
                // "ريالا سعوديا": after 11..99 the adjective takes the alif too.
                if words.len() == 2 && !words[1].ends_with('ه') && !head.ends_with('ه') {
                    add(vec![format!("{head}ا"), format!("{}ا", words[1])], unit, false);
                }
                let mut with = |w: String, dual: bool| {
                    let mut v = words.clone();
                    v[0] = w;
                    add(v, unit, dual);
                };
                match head.strip_suffix('ه') {
                    // دقيقة → دقيقتين, ساعة → ساعتان; no alif after a ta marbuta.
                    Some(stem) => {
                        with(format!("{stem}تين"), true);
                        with(format!("{stem}تان"), true);
                    }
                    None => {
                        if !head.ends_with('ا') {
                            with(format!("{head}ا"), false);
                        }
                        with(format!("{head}ين"), true);
                        with(format!("{head}ان"), true);
                    }
                }
            }
        }
        map
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lookup(w: &str) -> Vec<(&'static str, bool)> {
        let w = fold(w, Mode::Read);
        forms()
            .get(&w)
            .map_or(vec![], |v| v.iter().filter(|f| f.words.len() == 1).map(|f| (f.unit.code, f.dual)).collect())
    }

    #[test]
    fn duals_and_accusatives_are_made_from_the_singular() {
        assert_eq!(lookup("لترين"), [("l", true)]);
        assert_eq!(lookup("دقيقتين"), [("min", true)]);
        assert_eq!(lookup("ساعتان"), [("hour", true)]);
        assert_eq!(lookup("دولارا"), [("USD", false)]);
        assert_eq!(lookup("أعضاء"), [("person", false)]);
        assert_eq!(dimension("km2"), Some(Dimension::Area));
        assert_eq!(dimension("SAR"), Some(Dimension::Money));
        assert_eq!(dimension("banana"), None);
    }

    #[test]
    fn codes_are_unique() {
        let mut codes: Vec<&str> = UNITS.iter().map(|u| u.code).collect();
        codes.sort_unstable();
        let n = codes.len();
        codes.dedup();
        assert_eq!(codes.len(), n);
    }
}
