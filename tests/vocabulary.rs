//! The registry's vocabulary as an input contract: qualifier keys, scope values, units and
//! where places lie are declared, and anything else is an error with the nearest suggestion.

mod common;

use common::{run, scratch};
use std::fs;

/// The `rules` fixture with one edit to a file, checked; returns stderr.
fn check_with(file: &str, from: &str, to: &str) -> String {
    let (_dir, root) = scratch("rules");
    let path = root.join("corpus").join(file);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{from} not in {file}");
    fs::write(&path, text.replacen(from, to, 1)).unwrap();
    let out = run(&["check", "corpus"], Some(&root));
    assert_eq!(out.code, 2, "{}{}", out.stdout, out.stderr);
    out.stderr
}

#[test]
fn an_unknown_qualifier_key_is_an_error_with_the_nearest_key() {
    let err = check_with("sources/wire.json", r#""contributor": "russia""#, r#""contributer": "russia""#);
    assert!(err.contains("sources/wire.json:9:") && err.contains("error: unknown qualifier `contributer`"), "{err}");
    assert!(err.contains("did you mean `contributor`?"), "{err}");
}

#[test]
fn an_undeclared_scope_is_an_error_naming_those_declared() {
    let err = check_with(
        "sources/paper.json",
        r#""value": "2030","#,
        r#""qualifiers": { "scope": "first wave" }, "value": "2030","#,
    );
    assert!(err.contains("error: scope `first wave` is not declared for `troops_deployed`"), "{err}");
    assert!(err.contains("did you mean `first-wave`?"), "{err}");
}

#[test]
fn units_must_be_declared_and_of_the_property_dimension() {
    let err = check_with("sources/paper.json", r#""unit": "tcf""#, r#""unit": "tcff""#);
    assert!(err.contains("error: unknown unit `tcff`") && err.contains("did you mean `tcf`?"), "{err}");
    let err = check_with("sources/paper.json", r#""unit": "tcf""#, r#""unit": "USD""#);
    assert!(err.contains("error: unit `USD` measures money, but `gas_reserves` is measured in volume"), "{err}");
    let err = check_with("registry/registry.json", r#""factor": 1, "meaning": "cubic metre""#, r#""factor": 2"#);
    assert!(err.contains("dimension `volume` has 0 base units (factor 1); it needs exactly one"), "{err}");
}

#[test]
fn part_of_must_name_an_entity_and_never_go_round() {
    let err = check_with("registry/registry.json", r#""part_of": "kazakhstan" },"#, r#""part_of": "zhanaozen" },"#);
    assert!(err.contains("`part_of` goes round in a cycle: mangystau, zhanaozen"), "{err}");
    let err = check_with("registry/registry.json", r#""part_of": "mangystau" },"#, r#""part_of": "mangistau" },"#);
    assert!(err.contains("`zhanaozen` is `part_of` an unknown entity `mangistau`"), "{err}");
    assert!(err.contains("did you mean `mangystau`?"), "{err}");
}

#[test]
fn a_vocabulary_entry_defined_twice_is_an_error_naming_the_first() {
    let err = check_with(
        "registry/registry.json",
        r#""scopes": ["#,
        r#""scopes": [ { "id": "first-wave", "meaning": "again" },"#,
    );
    assert!(err.contains("error: scope `first-wave` is defined twice"), "{err}");
    assert!(err.contains("first defined at corpus/registry/registry.json:"), "{err}");
}
