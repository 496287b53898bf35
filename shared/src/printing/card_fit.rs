//! The fit rule of the card's texts. The KTP-el front prints each value in a column of fixed
//! width, so each field has a budget: `LINE_CHARS` characters a line (the renderer's monospaced
//! value column holds exactly that many), on one line or, for the name and the street, two.
//! Text is broken only between words; a text that needs more lines, or a word longer than a
//! line, is refused with a [`FitProblem`] naming the field and its budget. Nothing is ever cut.

use crate::api::{CardFace, CardField, FitProblem};
use crate::domain::{latin_uppercase, Date};
use crate::i18n::Lang;

/// Characters a line of a value holds.
pub const LINE_CHARS: u8 = 30;
/// Characters of the PROVINSI and KABUPATEN headings (smaller type across the whole card).
pub const HEADING_CHARS: u8 = 40;
/// Validity of a citizen's card (UU 24/2013 art. 64(7)).
pub const VALID_FOR_LIFE: &str = "SEUMUR HIDUP";

/// The record's texts as the edge reads them: code-list values already as their card labels,
/// region names as the region list spells them.
#[derive(Debug, Clone, Copy)]
pub struct CardText<'a> {
    pub province_name: &'a str,
    /// `Kabupaten Grobogan`.
    pub regency_name: &'a str,
    pub nik: &'a str,
    pub full_name: &'a str,
    pub birth_place: &'a str,
    pub birth_date: Date,
    pub sex: &'a str,
    pub blood_type: &'a str,
    pub street: &'a str,
    pub rt: &'a str,
    pub rw: &'a str,
    pub village_name: &'a str,
    pub district_name: &'a str,
    pub religion: &'a str,
    pub marital_status: &'a str,
    pub occupation: &'a str,
    pub citizenship: &'a str,
    /// The day the card is printed.
    pub issued_on: Date,
}

/// The card front with every text on its lines, or every field that does not fit.
pub fn lay_out_card(t: &CardText<'_>) -> Result<CardFace, Vec<FitProblem>> {
    let mut problems = Vec::new();
    let mut fit = |field: CardField, text: &str, lines: u8, line_chars: u8| -> Vec<String> {
        let text = latin_uppercase(text.trim());
        match wrap(&text, lines, line_chars) {
            Ok(out) => out,
            Err(long_word) => {
                problems.push(FitProblem {
                    field,
                    chars: text.chars().count() as u32,
                    lines,
                    line_chars,
                    long_word,
                });
                Vec::new()
            }
        }
    };
    let one = |lines: Vec<String>| lines.into_iter().next().unwrap_or_default();
    let regency_bare = strip_prefix(t.regency_name);
    let province = one(fit(
        CardField::Province,
        &format!("PROVINSI {}", t.province_name.trim()),
        1,
        HEADING_CHARS,
    ));
    let regency = one(fit(CardField::Regency, t.regency_name, 1, HEADING_CHARS));
    let full_name = fit(CardField::FullName, t.full_name, 2, LINE_CHARS);
    let birth = one(fit(
        CardField::Birth,
        &format!("{}, {}", t.birth_place.trim(), card_date(t.birth_date)),
        1,
        LINE_CHARS,
    ));
    let street = fit(CardField::Street, t.street, 2, LINE_CHARS);
    let village = one(fit(CardField::Village, t.village_name, 1, LINE_CHARS));
    let district = one(fit(CardField::District, t.district_name, 1, LINE_CHARS));
    let religion = one(fit(CardField::Religion, t.religion, 1, LINE_CHARS));
    let marital_status = one(fit(
        CardField::MaritalStatus,
        t.marital_status,
        1,
        LINE_CHARS,
    ));
    let occupation = one(fit(CardField::Occupation, t.occupation, 1, LINE_CHARS));
    let issue_place = one(fit(CardField::IssuePlace, regency_bare, 1, LINE_CHARS));
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(CardFace {
        province,
        regency,
        nik: t.nik.trim().to_string(),
        full_name,
        birth,
        sex: latin_uppercase(t.sex.trim()),
        blood_type: latin_uppercase(t.blood_type.trim()),
        street,
        rt_rw: format!("{}/{}", t.rt.trim(), t.rw.trim()),
        village,
        district,
        religion,
        marital_status,
        occupation,
        citizenship: latin_uppercase(t.citizenship.trim()),
        valid_until: VALID_FOR_LIFE.to_string(),
        issue_place,
        issue_date: card_date(t.issued_on),
    })
}

/// `dd-mm-yyyy`, as the card prints dates.
pub fn card_date(d: Date) -> String {
    format!("{:02}-{:02}-{:04}", d.day(), d.month(), d.year())
}

/// `Kabupaten Grobogan` -> `Grobogan`: the place of issue is the regency's bare name.
fn strip_prefix(regency: &str) -> &str {
    let r = regency.trim();
    ["Kabupaten ", "KABUPATEN ", "Kota ", "KOTA "]
        .iter()
        .find_map(|p| r.strip_prefix(p))
        .unwrap_or(r)
}

/// Greedy word wrap into at most `lines` lines of `line_chars` characters; `Err(true)` when a
/// single word is longer than a line, `Err(false)` when the words need more lines.
fn wrap(text: &str, lines: u8, line_chars: u8) -> Result<Vec<String>, bool> {
    let width = usize::from(line_chars);
    let mut out: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        let n = word.chars().count();
        if n > width {
            return Err(true);
        }
        match out.last_mut() {
            Some(line) if line.chars().count() + 1 + n <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => out.push(word.to_string()),
        }
    }
    if out.len() > usize::from(lines) {
        return Err(false);
    }
    Ok(out)
}

impl CardField {
    /// The field's name as the operator knows it.
    pub const fn label(self, lang: Lang) -> &'static str {
        match self {
            CardField::Province => lang.pick("Provinsi", "Province"),
            CardField::Regency => lang.pick("Kabupaten", "Regency"),
            CardField::FullName => lang.pick("Nama", "Name"),
            CardField::Birth => lang.pick("Tempat/Tgl Lahir", "Place/date of birth"),
            CardField::Street => lang.pick("Alamat", "Address"),
            CardField::Village => lang.pick("Kel/Desa", "Village"),
            CardField::District => lang.pick("Kecamatan", "Kecamatan"),
            CardField::Religion => lang.pick("Agama", "Religion"),
            CardField::MaritalStatus => lang.pick("Status Perkawinan", "Marital status"),
            CardField::Occupation => lang.pick("Pekerjaan", "Occupation"),
            CardField::IssuePlace => lang.pick("Tempat terbit", "Place of issue"),
        }
    }
}

impl FitProblem {
    /// What is wrong, with the budget, for the preview and the refusal.
    pub fn message(&self, lang: Lang) -> String {
        let field = self.field.label(lang);
        let (chars, lines, per) = (self.chars, self.lines, self.line_chars);
        match (lang, self.long_word) {
            (Lang::Id, true) => format!(
                "{field} tidak muat di kartu: satu kata lebih panjang dari {per} huruf per baris. Kartu tidak dicetak; data perlu dibetulkan lebih dulu."
            ),
            (Lang::Id, false) => format!(
                "{field} tidak muat di kartu: {chars} huruf, kartu memuat {lines} baris x {per} huruf (dipenggal antar kata). Kartu tidak dicetak; data perlu dibetulkan lebih dulu."
            ),
            (Lang::En, true) => format!(
                "{field} does not fit on the card: one word is longer than {per} characters a line. The card is not printed; the record must be corrected first."
            ),
            (Lang::En, false) => format!(
                "{field} does not fit on the card: {chars} characters; the card holds {lines} line(s) of {per}, broken between words. The card is not printed; the record must be corrected first."
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: u16, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    fn siti() -> CardText<'static> {
        CardText {
            province_name: "Jawa Tengah",
            regency_name: "Kabupaten Grobogan",
            nik: "3315135211870003",
            full_name: "Siti Aminah",
            birth_place: "Grobogan",
            birth_date: d(1987, 11, 12),
            sex: "PEREMPUAN",
            blood_type: "O",
            street: "Jl. Melati 5",
            rt: "002",
            rw: "004",
            village_name: "Warukaranganyar",
            district_name: "Purwodadi",
            religion: "ISLAM",
            marital_status: "KAWIN TERCATAT",
            occupation: "PETANI/PEKEBUN",
            citizenship: "WNI",
            issued_on: d(2026, 12, 7),
        }
    }

    #[test]
    fn a_usual_record_is_laid_out_in_card_form() {
        let face = lay_out_card(&siti()).unwrap();
        assert_eq!(face.province, "PROVINSI JAWA TENGAH");
        assert_eq!(face.regency, "KABUPATEN GROBOGAN");
        assert_eq!(face.full_name, ["SITI AMINAH"]);
        assert_eq!(face.birth, "GROBOGAN, 12-11-1987");
        assert_eq!(face.street, ["JL. MELATI 5"]);
        assert_eq!(face.rt_rw, "002/004");
        assert_eq!(face.village, "WARUKARANGANYAR");
        assert_eq!(face.valid_until, "SEUMUR HIDUP");
        assert_eq!(face.issue_place, "GROBOGAN");
        assert_eq!(face.issue_date, "07-12-2026");
    }

    #[test]
    fn long_texts_wrap_between_words_within_their_budget() {
        // 53 characters: two lines of at most 30, broken at a space.
        let name = "MUHAMMAD ABDURRAHMAN WAHYUDI SETIAWAN NUGROHO PRATAMA";
        let face = lay_out_card(&CardText {
            full_name: name,
            ..siti()
        })
        .unwrap();
        assert_eq!(face.full_name.len(), 2);
        assert!(face.full_name.iter().all(|l| l.chars().count() <= 30));
        assert_eq!(face.full_name.join(" "), name, "nothing is cut");
        let street = "JL. PANGERAN DIPONEGORO GANG MAWAR NOMOR 17 BLOK C";
        let face = lay_out_card(&CardText { street, ..siti() }).unwrap();
        assert_eq!(face.street.join(" "), street);
    }

    #[test]
    fn texts_that_do_not_fit_are_refused_naming_field_and_budget() {
        let street = "JALAN RAYA PURWODADI KUDUS KILOMETER DUA BELAS DEKAT PASAR HEWAN LAMA";
        let problems = lay_out_card(&CardText {
            street,
            birth_place: "KABUPATEN KEPULAUAN SIAU TAGULANDANG",
            full_name: "NURUL ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEF",
            ..siti()
        })
        .unwrap_err();
        let fields: Vec<CardField> = problems.iter().map(|p| p.field).collect();
        assert_eq!(
            fields,
            [CardField::FullName, CardField::Birth, CardField::Street]
        );
        assert!(problems[0].long_word);
        assert_eq!(problems[2].chars, street.chars().count() as u32);
        assert_eq!((problems[2].lines, problems[2].line_chars), (2, 30));
        let text = problems[2].message(Lang::Id);
        assert!(
            text.contains("Alamat") && text.contains("2 baris x 30"),
            "{text}"
        );
        assert!(problems[2].message(Lang::En).contains("2 line(s) of 30"));
    }

    #[test]
    fn every_code_list_label_fits_one_line() {
        use crate::domain::{MaritalStatus, Occupation, Religion};
        for label in Religion::ALL
            .iter()
            .map(|r| r.label_id())
            .chain(MaritalStatus::ALL.iter().map(|m| m.label_id()))
            .chain(Occupation::all().map(|o| o.label_id()))
        {
            assert!(wrap(label, 1, LINE_CHARS).is_ok(), "{label}");
        }
    }
}
