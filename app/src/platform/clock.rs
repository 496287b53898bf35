//! Today's date from the device clock, for `shared` validation (which reads no clock itself),
//! and a high-resolution clock for timing a step on the device.

use shared::domain::Date;

/// Today on the regency's calendar (WIB), whatever zone the device is set to: the date the edge
/// validates with and prints on a certificate, so a phone set to UTC does not find a certificate
/// issued early this morning WIB "dated after today".
pub fn today() -> Date {
    let wib = js_sys::Date::new(&(js_sys::Date::now() + shared::domain::WIB_OFFSET_MS).into());
    let year = wib.get_utc_full_year() as u16;
    let month = wib.get_utc_month() as u8 + 1;
    let day = wib.get_utc_date() as u8;
    // The device clock always gives a real day; the fallback only keeps a native build total.
    Date::new(year, month, day).unwrap_or_else(|_| Date::new(2026, 1, 1).expect("a real day"))
}

/// Milliseconds from the page's high-resolution clock, for timing a step on the device.
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}
