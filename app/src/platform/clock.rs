//! Today's date from the device clock, for `shared` validation (which reads no clock itself),
//! and a high-resolution clock for timing a step on the device.

use shared::domain::Date;

/// Today in the device's local time zone (residents' phones are set to WIB/WITA/WIT).
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    let year = now.get_full_year() as u16;
    let month = now.get_month() as u8 + 1;
    let day = now.get_date() as u8;
    // The device clock always gives a real day; the fallback only keeps a native build total.
    Date::new(year, month, day).unwrap_or_else(|_| Date::new(2026, 1, 1).expect("a real day"))
}

/// Milliseconds from the page's high-resolution clock, for timing a step on the device.
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}
