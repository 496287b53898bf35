//! Filling the application form in the browser as people do, shared by the resident's pre-fill
//! and the kecamatan's walk-in entry (the same form).

use super::act::{choose, pick, set_date, type_into};
use super::find::lit;
use super::Browser;
use fantoccini::Locator;

/// The applicant both journeys type in (a woman born 12 Nov 1987, first registered in Purwodadi).
pub const NIK: &str = "3315135211870003";
pub const KK: &str = "3315131503100002";
pub const NAME: &str = "Siti Aminah";

/// Saves a resident's pre-fill draft (`json`) in the page's storage, as one left on the device.
pub async fn save_resident_draft(b: &Browser, json: &str) {
    b.client
        .execute(
            "localStorage.setItem('rekam.draft.v1', arguments[0]);",
            vec![json.into()],
        )
        .await
        .unwrap();
}

/// Step 2: the applicant's identity, as on the family card, with the NIK [`NIK`].
pub async fn fill_identity(b: &Browser) {
    fill_identity_with_nik(b, NIK).await;
}

/// Step 2 for the same applicant under another NIK (of the same kecamatan, sex and birth date),
/// for a journey whose rows must be told apart from other applications of [`NIK`] on a shared
/// runtime.
pub async fn fill_identity_with_nik(b: &Browser, nik: &str) {
    type_into(b, "NIK", nik).await;
    type_into(b, "Nomor Kartu Keluarga (KK)", KK).await;
    type_into(b, "Nama lengkap", NAME).await;
    type_into(b, "Tempat lahir", "Grobogan").await;
    set_date(b, "Tanggal lahir", "1987-11-12").await;
    pick(b, "PEREMPUAN").await;
    choose(b, "Golongan darah", "O").await;
    choose(b, "Agama / kepercayaan", "ISLAM").await;
    choose(b, "Status perkawinan", "KAWIN TERCATAT").await;
    choose(b, "Pekerjaan", "PETANI/PEKEBUN").await;
    choose(b, "Kewarganegaraan", "WNI").await;
}

/// Step 3: the street address inside the chosen desa.
pub async fn fill_address(b: &Browser) {
    type_into(b, "Alamat (jalan, dusun, nomor rumah)", "Jl. Melati 5").await;
    type_into(b, "RT", "2").await;
    type_into(b, "RW", "4").await;
    type_into(b, "Kode pos", "58111").await;
}

/// Chooses desa `village` once the kecamatan's villages have arrived from the API.
pub async fn choose_village(b: &Browser, village: &str) {
    b.find(Locator::XPath(&format!(
        "//select[@id='f-address-village' and not(@disabled)]/option[normalize-space(.)={}]",
        lit(village)
    )))
    .await;
    choose(b, "Desa/kelurahan", village).await;
}
