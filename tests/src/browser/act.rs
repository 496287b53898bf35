//! Acting on the page as a person would: clicking what reads a text, typing into a labelled
//! field, choosing options and files.

use super::find::{button, by_label, field, labelled, link, lit};
use super::wait::wait_text_in;
use super::Browser;
use fantoccini::Locator;
use std::time::Duration;

/// Clicks the button with this text.
pub async fn click_button(b: &Browser, text: &str) {
    button(b, text).await.click().await.unwrap();
}

/// Clicks the link with this text, finding it again if the view re-rendered in between.
pub async fn click_link(b: &Browser, text: &str) {
    for _ in 0..5 {
        if link(b, text).await.click().await.is_ok() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    panic!("could not click the link {text:?}");
}

/// Clicks the first button or link that reads `text`, for steps where a person neither knows
/// nor cares which of the two it is.
pub async fn press(b: &Browser, text: &str) {
    let xpath = format!(
        "//button[normalize-space(.)={0}] | //a[normalize-space(.)={0}]",
        lit(text)
    );
    b.find(Locator::XPath(&xpath)).await.click().await.unwrap();
}

/// Clears the control labelled `label` (see [`by_label`]) and types `text`.
pub async fn type_into(b: &Browser, label: &str, text: &str) {
    let input = by_label(b, label).await;
    input.clear().await.unwrap();
    input.send_keys(text).await.unwrap();
}

/// Picks `option` (its visible text) in the select labelled `label`.
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

/// Chooses `path` in the file input named `label` (see [`field`]).
pub async fn choose_file(b: &Browser, label: &str, path: &std::path::Path) {
    field(b, label)
        .await
        .send_keys(&path.to_string_lossy())
        .await
        .unwrap();
}

/// Chooses `file` in the file input labelled `label_in_section` inside the section with id
/// `section`, and waits until the app says it is saved.
pub async fn upload(b: &Browser, label_in_section: &str, section: &str, file: &str) {
    let xpath = format!(
        "//section[@id={}]//label[normalize-space(.)={}]",
        lit(section),
        lit(label_in_section)
    );
    labelled(b, &xpath).await.send_keys(file).await.unwrap();
    wait_text_in(
        b,
        &format!("//section[@id={}]//p[@role='status']", lit(section)),
        "Tersimpan",
    )
    .await;
}

/// Presses and releases `key` on the keyboard (with Shift held when `shift`), as a person
/// would: the page gets the real key events on whatever has the focus.
pub async fn press_key(b: &Browser, key: fantoccini::key::Key, shift: bool) {
    use fantoccini::actions::{InputSource, KeyAction, KeyActions};
    let shift_key = char::from(fantoccini::key::Key::Shift);
    let mut keys = KeyActions::new("keyboard".into());
    if shift {
        keys = keys.then(KeyAction::Down { value: shift_key });
    }
    keys = keys
        .then(KeyAction::Down { value: key.into() })
        .then(KeyAction::Up { value: key.into() });
    if shift {
        keys = keys.then(KeyAction::Up { value: shift_key });
    }
    b.client.perform_actions(keys).await.unwrap();
}
