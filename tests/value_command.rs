//! `claimcheck value`: the kind a property would give, comma conventions, units, `missing`,
//! and refusals that point at the place the reader stopped.

mod common;

use common::run;

#[test]
fn a_bare_figure_is_a_number_unless_the_kind_says_date() {
    let out = run(&["value", "2019"], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("kind:      number") && out.stdout.contains("interval:  2019\n"), "{}", out.stdout);
    let out = run(&["value", "2019", "--kind", "date"], None);
    assert!(out.stdout.contains("interval:  2019-01-01..2019-12-31"), "{}", out.stdout);
    let out = run(&["value", "عام 2019"], None);
    assert!(out.stdout.contains("kind:      date"), "{}", out.stdout);
}

#[test]
fn the_unit_is_shown_with_what_it_measures() {
    let out = run(&["value", "42 ريال سعودي"], None);
    assert!(out.stdout.contains("unit:      SAR (money)"), "{}", out.stdout);
    let out = run(&["value", "ثلاثة أسابيع", "--format", "json"], None);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(
        (v["lo"].as_f64(), v["unit"].as_str(), v["dimension"].as_str()),
        (Some(3.0), Some("week"), Some("duration"))
    );
    // No unit, no field.
    let out = run(&["value", "60%", "--format", "json"], None);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert!(v.get("unit").is_none(), "{v}");
}

#[test]
fn the_comma_convention_is_chosen() {
    let auto = run(&["value", "2,483 مليون"], None).stdout;
    assert!(auto.contains("nominal:   2483000\n"), "{auto}");
    let thousands = run(&["value", "2,483 مليون", "--commas", "thousands"], None).stdout;
    assert!(thousands.contains("nominal:   2483000000\n"), "{thousands}");
    let decimal = run(&["value", "2,483", "--commas", "decimal"], None).stdout;
    assert!(decimal.contains("nominal:   2.483\n"), "{decimal}");
}

#[test]
fn missing_is_a_value_the_command_explains() {
    let out = run(&["value", "missing"], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("missing"), "{}", out.stdout);
    let out = run(&["value", "missing", "--format", "json"], None);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["kind"], "missing");
}

#[test]
fn a_refusal_points_at_what_is_wrong() {
    // 12 January 2016 was a Tuesday: the weekday or the date is wrong, and the reader says so.
    let out = run(&["value", "الاثنين 12 يناير 2016"], None);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("2016-01-12 is a Tuesday, not a Monday"), "{}", out.stderr);
    assert!(out.stderr.ends_with("\n  ^\n"), "the caret is under the weekday: {}", out.stderr);
    let out = run(&["value", "2500 banana"], None);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("unexpected \"banana\" after the value"), "{}", out.stderr);
    assert!(out.stderr.ends_with(&format!("\n  {}^\n", " ".repeat(5))), "{}", out.stderr);
}
