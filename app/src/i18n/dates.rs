//! Dates as residents read them: "12 Maret 2026, 09.12" / "12 March 2026, 09:12".

use shared::i18n::Lang;

const MONTHS_ID: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Formats an ISO date (`2026-03-04`) or date-time with offset (`2026-03-04T10:00:00+07:00`) as
/// the office recorded it; the clock time is shown as written (office local time), not converted.
/// Anything else is shown unchanged rather than hidden.
pub fn format_timestamp(at: &str, lang: Lang) -> String {
    let Some(date) = at.get(..10) else {
        return at.to_string();
    };
    let mut parts = date.split('-');
    let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
        return at.to_string();
    };
    let (Ok(month), Ok(day)) = (m.parse::<usize>(), d.parse::<u8>()) else {
        return at.to_string();
    };
    if !(1..=12).contains(&month) || y.len() != 4 {
        return at.to_string();
    }
    let name = match lang {
        Lang::Id => MONTHS_ID[month - 1],
        Lang::En => MONTHS_EN[month - 1],
    };
    let mut out = format!("{day} {name} {y}");
    if let Some(time) = at
        .get(11..16)
        .filter(|t| at.as_bytes().get(10) == Some(&b'T') && t.as_bytes()[2] == b':')
    {
        let sep = match lang {
            Lang::Id => time.replace(':', "."),
            Lang::En => time.to_string(),
        };
        out.push_str(", ");
        out.push_str(&sep);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(at: &str, lang: Lang, expected: &str) {
        assert_eq!(format_timestamp(at, lang), expected, "{at}");
    }

    #[test]
    fn dates_read_naturally_in_both_languages() {
        check("2026-03-04", Lang::Id, "4 Maret 2026");
        check("2026-03-04", Lang::En, "4 March 2026");
        check(
            "2026-11-25T09:12:00+07:00",
            Lang::Id,
            "25 November 2026, 09.12",
        );
        check(
            "2026-11-25T09:12:00+07:00",
            Lang::En,
            "25 November 2026, 09:12",
        );
        check("garbage", Lang::Id, "garbage");
        check("2026-13-01", Lang::Id, "2026-13-01");
    }
}
