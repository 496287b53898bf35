//! Filling the application form in the browser the way people do, shared by the resident's
//! pre-fill and the kecamatan's walk-in entry (the same form): inputs by their label's text,
//! buttons and links by their visible text, which also checks that every input has a label.

use crate::Browser;
use fantoccini::{elements::Element, Locator};

/// The applicant both journeys type in (a woman born 12 Nov 1987, first registered in Purwodadi).
pub const NIK: &str = "3315135211870003";
pub const KK: &str = "3315131503100002";
pub const NAME: &str = "Siti Aminah";

/// XPath string literal for `text` (our texts hold no double quotes).
pub fn lit(text: &str) -> String {
    format!("\"{text}\"")
}

/// The control that the `<label>` found by `label_xpath` is for.
async fn labelled(b: &Browser, label_xpath: &str) -> Element {
    let for_id = b
        .find(Locator::XPath(label_xpath))
        .await
        .attr("for")
        .await
        .unwrap()
        .expect("label has a for attribute");
    b.find(Locator::Id(&for_id)).await
}

/// The form control labelled `label` (exact text, or the start of it for labels with a suffix
/// such as "(tidak wajib)").
pub async fn by_label(b: &Browser, label: &str) -> Element {
    let xpath = format!(
        "//label[normalize-space(.)={0} or starts-with(normalize-space(.), {0})]",
        lit(label)
    );
    labelled(b, &xpath).await
}

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

pub async fn type_into(b: &Browser, label: &str, text: &str) {
    let input = by_label(b, label).await;
    input.clear().await.unwrap();
    input.send_keys(text).await.unwrap();
}

pub async fn choose(b: &Browser, label: &str, option: &str) {
    by_label(b, label)
        .await
        .select_by_label(option)
        .await
        .unwrap_or_else(|e| panic!("{label}: {option}: {e}"));
}

/// Clicks the radio button (or any control) whose label reads `label`.
pub async fn pick(b: &Browser, label: &str) {
    b.find(Locator::XPath(&format!(
        "//label[normalize-space(.)={}]",
        lit(label)
    )))
    .await
    .click()
    .await
    .unwrap();
}

pub async fn click_button(b: &Browser, text: &str) {
    let xpath = format!(
        "//button[normalize-space(.)={0}] | //a[normalize-space(.)={0}]",
        lit(text)
    );
    b.find(Locator::XPath(&xpath)).await.click().await.unwrap();
}

/// Sets a date input as a date picker would (typing into one depends on the browser's locale).
pub async fn set_date(b: &Browser, label: &str, iso: &str) {
    let input = by_label(b, label).await;
    let script = "const e = arguments[0]; e.value = arguments[1]; e.dispatchEvent(new Event('input', {bubbles: true}));";
    b.client
        .execute(
            script,
            vec![serde_json::to_value(&input).unwrap(), iso.into()],
        )
        .await
        .unwrap();
}

/// Waits until `xpath` matches an element whose text contains `text`.
pub async fn wait_text(b: &Browser, xpath: &str, text: &str) {
    let full = format!("{xpath}[contains(normalize-space(.), {})]", lit(text));
    b.find(Locator::XPath(&full)).await;
}

pub async fn value_of(b: &Browser, label: &str) -> String {
    by_label(b, label)
        .await
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default()
}

/// Chooses `file` in the file input labelled `label` and waits until the app says it is saved.
pub async fn upload(b: &Browser, label_in_section: &str, section: &str, file: &str) {
    let xpath = format!(
        "//section[@id={}]//label[normalize-space(.)={}]",
        lit(section),
        lit(label_in_section)
    );
    labelled(b, &xpath).await.send_keys(file).await.unwrap();
    wait_text(
        b,
        &format!("//section[@id={}]//p[@role='status']", lit(section)),
        "Tersimpan",
    )
    .await;
}

/// Step 2: the applicant's identity, as on the family card.
pub async fn fill_identity(b: &Browser) {
    type_into(b, "NIK", NIK).await;
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
