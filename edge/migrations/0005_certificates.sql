-- Surat Keterangan (temporary certificates). One row per certificate issued; the serial is the
-- issuer's running number and the certificate's bit in the signed revocation list. Revocation
-- and automatic ends (cancellation, card handed over) update the row; the audit log keeps who
-- did what. The signed QR text is kept for reprinting (its content is all in this row anyway).
CREATE TABLE certificates (
    number         TEXT PRIMARY KEY,             -- SK-<regency>-<office>-<serial>, as printed
    regency_code   TEXT NOT NULL,                -- the issuer: dotted regency code
    office         INTEGER NOT NULL,             -- and office number inside it
    serial         INTEGER NOT NULL,
    application_id TEXT NOT NULL REFERENCES applications (id),
    issued_on      TEXT NOT NULL,                -- ISO date (WIB)
    expires_on     TEXT NOT NULL,                -- first day no longer valid
    key_id         TEXT NOT NULL,                -- signing key, 4 hex digits
    qr_text        TEXT NOT NULL,
    issued_by      TEXT NOT NULL REFERENCES staff (id),
    issued_at      TEXT NOT NULL,
    revoked_on     TEXT,
    revoked_by     TEXT REFERENCES staff (id),
    revoke_reason  TEXT,
    ended_on       TEXT,                         -- ended by the application itself
    ended_reason   TEXT,                         -- shared::api::CertificateEnd, snake_case
    UNIQUE (regency_code, office, serial)
);
CREATE INDEX certificates_by_application ON certificates (application_id, serial);

-- Each issuer's last serial given out. A serial is taken before signing (the QR carries it), so
-- one taken by an issue that then fails is never used: a gap, harmless on the revocation list.
CREATE TABLE certificate_serials (
    regency_code TEXT NOT NULL,
    office       INTEGER NOT NULL,
    last_serial  INTEGER NOT NULL,
    PRIMARY KEY (regency_code, office)
);
