//! Finding what is on screen the way people do: form controls by their label, buttons and links
//! by their visible text, headings by their words. Finding by label also checks that every
//! control has one.

use super::Browser;
use fantoccini::{elements::Element, Locator};

/// An XPath string literal for `text` (single-quoted unless the text holds an apostrophe; our
/// texts never hold both kinds of quote).
pub fn lit(text: &str) -> String {
    if text.contains('\'') {
        format!("\"{text}\"")
    } else {
        format!("'{text}'")
    }
}

/// A form control by its visible label (`<label for>`, exact text) or its accessible name
/// (`aria-label`).
pub async fn field(b: &Browser, label: &str) -> Element {
    let l = lit(label);
    let xpath = format!(
        "//*[(self::input or self::select or self::textarea) and (@id=//label[normalize-space(.)={l}]/@for or @aria-label={l})]"
    );
    b.find(Locator::XPath(&xpath)).await
}

/// The form control labelled `label`: the exact text, or the start of it for labels with a
/// suffix such as "(tidak wajib)".
pub async fn by_label(b: &Browser, label: &str) -> Element {
    let xpath = format!(
        "//label[normalize-space(.)={0} or starts-with(normalize-space(.), {0})]",
        lit(label)
    );
    labelled(b, &xpath).await
}

/// The control that the `<label>` found by `label_xpath` is for.
pub(crate) async fn labelled(b: &Browser, label_xpath: &str) -> Element {
    let for_id = b
        .find(Locator::XPath(label_xpath))
        .await
        .attr("for")
        .await
        .unwrap()
        .expect("label has a for attribute");
    b.find(Locator::Id(&for_id)).await
}

/// The current value of the control labelled `label` (see [`by_label`]).
pub async fn value_of(b: &Browser, label: &str) -> String {
    by_label(b, label)
        .await
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default()
}

/// A button by its text.
pub async fn button(b: &Browser, text: &str) -> Element {
    let xpath = format!("//button[normalize-space(.)={}]", lit(text));
    b.find(Locator::XPath(&xpath)).await
}

/// A link by its text.
pub async fn link(b: &Browser, text: &str) -> Element {
    let xpath = format!("//a[normalize-space(.)={}]", lit(text));
    b.find(Locator::XPath(&xpath)).await
}

/// A heading (h1-h3) with this text.
pub async fn heading(b: &Browser, text: &str) -> Element {
    let xpath = format!(
        "//*[(self::h1 or self::h2 or self::h3) and normalize-space(.)={}]",
        lit(text)
    );
    b.find(Locator::XPath(&xpath)).await
}

/// What has the keyboard focus: its id, else its text ("" for the page itself).
pub async fn focused(b: &Browser) -> String {
    let v = b
        .client
        .execute(
            "const e = document.activeElement; \
             return !e || e === document.body ? '' : (e.id || e.innerText.trim());",
            vec![],
        )
        .await
        .unwrap();
    v.as_str().unwrap_or_default().to_string()
}
