//! The files as written: serde shapes of source files and registry files.

use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceFile {
    pub source: SourceMeta,
    #[serde(default)]
    pub claims: Vec<Claim>,
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
}

/// A claim's value: one expression, or a list of entities for a set.
#[derive(Debug, Clone, PartialEq, Deserialize, serde::Serialize)]
#[serde(untagged)]
pub enum RawValue {
    One(String),
    Many(Vec<String>),
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
    #[serde(default)]
    pub note: Option<String>,
}

fn other() -> String {
    "other".into()
}

#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum OneOrMany {
    One(String),
    Many(Vec<String>),
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
    #[serde(default = "yes")]
    pub single_valued: bool,
    #[serde(default)]
    pub cumulative: bool,
    #[serde(default)]
    pub tolerance: Option<f64>,
    #[serde(default)]
    pub description: Option<String>,
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
