//! The files as written: serde shapes of source files and registry files.

use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceFile {
    pub source: SourceMeta,
    #[serde(default)]
    pub claims: Vec<Claim>,
    /// What `claimcheck draft` could not place (figures it left out, and why): for the
    /// editor; the loader ignores it.
    #[serde(default)]
    pub draft: Option<serde_json::Value>,
}

#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct SourceMeta {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub author: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    pub path: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub glyph_map: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    pub id: String,
    pub subject: String,
    pub property: String,
    #[serde(default)]
    pub qualifiers: BTreeMap<String, String>,
    pub value: RawValue,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub as_of: Option<String>,
    #[serde(default)]
    pub attributed_to: Option<String>,
    pub quote: String,
    /// The words of the quote that state the value where the reader cannot read them
    /// (a dual noun, a relative date, a damaged number word): the editor vouches for them.
    #[serde(default)]
    pub stated_as: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    /// The drafter's confidence in each field it guessed and the words that led to it, for
    /// the editor who reviews the draft; the loader ignores it.
    #[serde(default)]
    pub draft: Option<serde_json::Value>,
}

/// A claim's value: one expression, or a list of entities for a set.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(untagged)]
pub enum RawValue {
    One(String),
    Many(Vec<String>),
}

impl Default for RawValue {
    fn default() -> Self {
        RawValue::One(String::new())
    }
}

impl<'de> Deserialize<'de> for RawValue {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(TextOrList {
            what: "a value",
            expecting: "a value as text such as \"~2500\", or a list of entity ids",
            null_hint: " (write \"missing\" for a figure the source lost)",
            one: RawValue::One,
            many: RawValue::Many,
        })
    }
}

impl std::fmt::Display for RawValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RawValue::One(s) => f.write_str(s),
            RawValue::Many(v) => write!(f, "[{}]", v.join(", ")),
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegistryFile {
    #[serde(default)]
    pub entities: Vec<Entity>,
    #[serde(default)]
    pub properties: Vec<Property>,
    /// The qualifier keys claims may use (`scope` is built in).
    #[serde(default)]
    pub qualifiers: Vec<Qualifier>,
    /// The values `scope` may take.
    #[serde(default)]
    pub scopes: Vec<Scope>,
    #[serde(default)]
    pub units: Vec<Unit>,
}

/// A qualifier key: what it means, and how its values are compared.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Qualifier {
    pub key: String,
    pub meaning: String,
    /// Its values are entities of the registry (any alias), compared by id.
    #[serde(default)]
    pub entity: bool,
    /// A claim with it is about a part of what the same claim without it is about (the
    /// contributor of a force, a group of a population): a part cannot exceed its whole.
    #[serde(default)]
    pub part_of_whole: bool,
    /// Sets of values that exclude each other (ethnic groups; religions): shares of one
    /// whole within one set cannot add up past 100%.
    #[serde(default)]
    pub exclusive: Vec<Vec<String>>,
    /// Value → language → words that name it in a text («الشرطة» → `group: police`), for
    /// the drafter.
    #[serde(default)]
    pub cues: BTreeMap<String, BTreeMap<String, Vec<String>>>,
}

/// A value of the `scope` qualifier, with what it means.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scope {
    pub id: String,
    pub meaning: String,
    /// The properties it applies to; none: any.
    #[serde(default)]
    pub properties: Vec<String>,
    /// Language → words that name it in a text («استفتاء» → `referendum`), for the drafter.
    #[serde(default)]
    pub cues: BTreeMap<String, Vec<String>>,
}

/// A unit of measure: its dimension and how many of the dimension's base unit it is.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    pub id: String,
    pub dimension: String,
    /// Base units per this unit (the base unit has 1). Absent for currencies.
    #[serde(default)]
    pub factor: Option<f64>,
    /// A currency: never converted (no rates), compared only with itself.
    #[serde(default)]
    pub currency: bool,
    #[serde(default)]
    pub meaning: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entity {
    pub id: String,
    #[serde(default = "other")]
    pub kind: String,
    /// Language → one name or several.
    #[serde(default)]
    pub names: BTreeMap<String, OneOrMany>,
    /// The entity it lies in or belongs to (a city's region, a region's country).
    #[serde(default)]
    pub part_of: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

fn other() -> String {
    "other".into()
}

#[derive(Debug, Clone)]
pub enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl<'de> Deserialize<'de> for OneOrMany {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(TextOrList {
            what: "a name",
            expecting: "a name as text, or a list of names",
            null_hint: "",
            one: OneOrMany::One,
            many: OneOrMany::Many,
        })
    }
}

/// Reads a string or a list of strings, and says plainly what to write instead of a
/// number, a boolean or null (serde's own message for an untagged enum names no field).
struct TextOrList<T> {
    what: &'static str,
    expecting: &'static str,
    /// Said after the message for null.
    null_hint: &'static str,
    one: fn(String) -> T,
    many: fn(Vec<String>) -> T,
}

impl<T> TextOrList<T> {
    fn number<E: serde::de::Error>(&self, n: impl std::fmt::Display) -> E {
        E::custom(format!("{} is the JSON number {n}, but it must be text: write \"{n}\", in quotes", self.what))
    }
}

impl<'de, T> serde::de::Visitor<'de> for TextOrList<T> {
    type Value = T;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(self.expecting)
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<T, E> {
        Ok((self.one)(v.to_owned()))
    }

    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<T, E> {
        Ok((self.one)(v))
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<T, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<String>()? {
            items.push(item);
        }
        Ok((self.many)(items))
    }

    fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<T, E> {
        Err(self.number(n))
    }

    fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<T, E> {
        Err(self.number(n))
    }

    fn visit_f64<E: serde::de::Error>(self, n: f64) -> Result<T, E> {
        Err(self.number(n))
    }

    fn visit_bool<E: serde::de::Error>(self, b: bool) -> Result<T, E> {
        Err(E::custom(format!("{} is `{b}`, but it must be text such as \"~2500\"", self.what)))
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<T, E> {
        Err(E::custom(format!("{} is null, but it must be text{}", self.what, self.null_hint)))
    }
}

impl OneOrMany {
    pub fn iter(&self) -> impl Iterator<Item = &String> {
        match self {
            OneOrMany::One(s) => std::slice::from_ref(s).iter(),
            OneOrMany::Many(v) => v.iter(),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Property {
    pub id: String,
    pub kind: PropertyKind,
    #[serde(default)]
    pub unit: Option<String>,
    /// Claims may give their value in any unit of this dimension; compared converted.
    #[serde(default)]
    pub dimension: Option<String>,
    #[serde(default = "yes")]
    pub single_valued: bool,
    #[serde(default)]
    pub cumulative: bool,
    #[serde(default)]
    pub tolerance: Option<f64>,
    #[serde(default)]
    pub description: Option<String>,
    /// Language → words (or stems) that say a figure is this property («قتلى», "killed"),
    /// for the drafter.
    #[serde(default)]
    pub cues: BTreeMap<String, Vec<String>>,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PropertyKind {
    Quantity,
    Percentage,
    Ratio,
    Rank,
    Date,
    Entity,
    Set,
}
