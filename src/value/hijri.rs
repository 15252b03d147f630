//! Hijri (Umm al-Qura) dates to days since 1970-01-01, through ICU4X.

use icu_calendar::Date;
use icu_calendar::cal::Hijri;

/// Rata Die (days since 0000-12-31 proleptic Gregorian) of 1970-01-01.
const UNIX_EPOCH_RD: i64 = 719_163;

pub(super) const CALENDAR: &str = "hijri-umm-al-qura";

/// Years we accept: far outside the corpus but safely inside what ICU4X handles.
const YEARS: std::ops::RangeInclusive<i32> = 1..=3000;

fn date(y: i32, m: u8, d: u8) -> Option<Date<Hijri<icu_calendar::cal::hijri::UmmAlQura>>> {
    if !YEARS.contains(&y) || !(1..=12).contains(&m) || !(1..=30).contains(&d) {
        return None;
    }
    Date::try_new_hijri_with_calendar(y, m, d, Hijri::new_umm_al_qura()).ok()
}

/// Days since 1970-01-01 of Hijri `y-m-d`, if that day exists.
pub(super) fn days(y: i32, m: u8, d: u8) -> Option<i64> {
    let date = date(y, m, d)?;
    // ICU4X may clamp an out-of-month day instead of refusing it: check it came back unchanged.
    if date.day_of_month().0 != d {
        return None;
    }
    Some(date.to_rata_die().to_i64_date() - UNIX_EPOCH_RD)
}

/// First and last day of Hijri month `y-m`.
pub(super) fn month(y: i32, m: u8) -> Option<(i64, i64)> {
    let first = date(y, m, 1)?;
    let lo = first.to_rata_die().to_i64_date() - UNIX_EPOCH_RD;
    Some((lo, lo + i64::from(first.days_in_month()) - 1))
}

/// First and last day of Hijri year `y`.
pub(super) fn year(y: i32) -> Option<(i64, i64)> {
    let first = date(y, 1, 1)?;
    let lo = first.to_rata_die().to_i64_date() - UNIX_EPOCH_RD;
    Some((lo, lo + i64::from(first.days_in_year()) - 1))
}

/// First and last day of each Hijri month `m` that begins in Gregorian year `gy`.
pub(super) fn months_beginning_in(gy: i32, m: u8) -> Vec<(i64, i64)> {
    let (Some(first), Some(last)) = (super::date::days_from_ymd(gy, 1, 1), super::date::days_from_ymd(gy, 12, 31))
    else {
        return Vec::new();
    };
    // A Hijri year is 354 or 355 days: 33 of them pass in about 32 Gregorian years.
    let near = ((gy - 622) * 33) / 32;
    (near - 2..=near + 2).filter_map(|hy| month(hy, m)).filter(|(lo, _)| (first..=last).contains(lo)).collect()
}

#[cfg(test)]
mod tests {
    use super::super::date::days_from_ymd;
    use super::*;

    #[test]
    fn umm_al_qura_dates_convert() {
        assert_eq!(days(1443, 6, 12), days_from_ymd(2022, 1, 15));
        assert_eq!(days(1443, 5, 1), days_from_ymd(2021, 12, 5));
        assert_eq!(days(1443, 6, 31), None);
        assert_eq!(days(0, 1, 1), None);
        let (lo, hi) = year(1443).unwrap();
        assert_eq!(lo, days_from_ymd(2021, 8, 9).unwrap());
        assert_eq!(hi, days_from_ymd(2022, 7, 29).unwrap());
        let (lo, hi) = month(1443, 6).unwrap();
        assert_eq!(lo, days_from_ymd(2022, 1, 4).unwrap());
        assert!(hi - lo == 28 || hi - lo == 29);
    }
}
