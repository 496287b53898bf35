//! Demo and test staff accounts, as SQL for the local D1 database. Only the local run command and
//! the tests seed these; a deployment creates its accounts through the administrator.

/// The password of every seeded account (local use only).
pub const DEMO_PASSWORD: &str = "rekam-demo-2026";

/// (id, username, display name, role, kecamatan)
pub const DEMO_STAFF: [(&str, &str, &str, &str, Option<&str>); 5] = [
    (
        "staff-kec-purwodadi",
        "kec.purwodadi",
        "Operator Kec. Purwodadi",
        "kecamatan_operator",
        Some("33.15.13"),
    ),
    (
        "staff-kec-kedungjati",
        "kec.kedungjati",
        "Operator Kec. Kedungjati",
        "kecamatan_operator",
        Some("33.15.01"),
    ),
    (
        "staff-dinas-operator",
        "dinas.operator",
        "Operator Dinas",
        "dinas_operator",
        None,
    ),
    (
        "staff-dinas-supervisor",
        "dinas.supervisor",
        "Supervisor Dinas",
        "dinas_supervisor",
        None,
    ),
    (
        "staff-admin",
        "admin",
        "Administrator",
        "administrator",
        None,
    ),
];

/// INSERT statements for the demo accounts (idempotent: existing rows are kept).
pub fn demo_staff_sql() -> String {
    let mut sql = String::new();
    for (i, (id, username, name, role, district)) in DEMO_STAFF.iter().enumerate() {
        // A fixed salt per account keeps the seed reproducible; these are local demo accounts.
        let mut salt = [0u8; shared::auth::SALT_BYTES];
        salt[0] = i as u8 + 1;
        salt[1..9].copy_from_slice(b"rekamdem");
        let hash = shared::auth::hash_password(DEMO_PASSWORD, salt).expect("hash demo password");
        let district = district
            .map(|d| format!("'{d}'"))
            .unwrap_or_else(|| "NULL".into());
        sql.push_str(&format!(
            "INSERT OR IGNORE INTO staff (id, username, display_name, role, district_code, password_hash, created_at) \
             VALUES ('{id}', '{username}', '{name}', '{role}', {district}, '{hash}', '2026-01-01T00:00:00.000Z');\n"
        ));
    }
    sql
}

/// A table of the accounts for people, printed by the local run command.
pub fn demo_staff_table() -> String {
    let mut out = String::from("Demo staff accounts (password for all: ");
    out.push_str(DEMO_PASSWORD);
    out.push_str(")\n");
    for (_, username, name, role, district) in DEMO_STAFF {
        out.push_str(&format!(
            "  {username:<18} {role:<20} {name}{}\n",
            district.map(|d| format!(" ({d})")).unwrap_or_default()
        ));
    }
    out
}
