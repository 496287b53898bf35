//! How the dinas console words numbers: a case's age, and a match score as a chance.

use super::strings::*;
use shared::api::Chance;
use shared::i18n::Lang;

/// "5 jam", "2 hari 3 jam" / "5 h", "2 d 3 h"; under an hour says so.
pub fn age(hours: u32, lang: Lang) -> String {
    let (days, hours) = (hours / 24, hours % 24);
    match (days, hours) {
        (0, 0) => UNDER_AN_HOUR.get(lang).to_string(),
        (0, h) => format!("{h} {}", HOURS.get(lang)),
        (d, 0) => format!("{d} {}", DAYS.get(lang)),
        (d, h) => format!("{d} {} {h} {}", DAYS.get(lang), HOURS.get(lang)),
    }
}

/// "Orang lain mendapat skor setinggi ini sekitar 1 dari 10.000.000": how rarely someone else
/// would match this closely, which a score alone does not tell.
pub fn chance(chance: Chance, lang: Lang) -> String {
    let lead = if chance.capped {
        CHANCE_CAPPED
    } else {
        CHANCE_ABOUT
    };
    format!("{}{}", lead.get(lang), chance.wording(lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_read_in_days_and_hours() {
        assert_eq!(age(0, Lang::Id), "< 1 jam");
        assert_eq!(age(5, Lang::Id), "5 jam");
        assert_eq!(age(48, Lang::En), "2 d");
        assert_eq!(age(51, Lang::Id), "2 hari 3 jam");
    }

    #[test]
    fn scores_read_as_a_chance() {
        assert_eq!(
            chance(Chance::of_fused_score(7.2), Lang::Id),
            "Orang lain mendapat skor setinggi ini sekitar 1 dari 10.000.000"
        );
        assert_eq!(
            chance(Chance::of_fused_score(99.0), Lang::En),
            "Someone else scoring this high: less than 1 in 1,000,000,000,000,000"
        );
    }
}
