-- Distribution of printed cards to the kecamatan and their handover to residents.

-- A box of printed cards for one kecamatan. Packing it moves its applications to CARD_SHIPPED
-- in the same batch; the kecamatan's check-in sets `received_*` (a side record, not a stage).
CREATE TABLE shipments (
    id            TEXT PRIMARY KEY,              -- random hex
    code          TEXT NOT NULL UNIQUE,          -- manifest code KRM-XXXX-XXXX-XXXX-X, the QR's text
    district_code TEXT NOT NULL,                 -- dotted kecamatan code
    cards         INTEGER NOT NULL,
    packed_by     TEXT NOT NULL REFERENCES staff (id),
    packed_at     TEXT NOT NULL,
    received_by   TEXT REFERENCES staff (id),    -- the first check-in
    received_at   TEXT
);
CREATE INDEX shipments_by_district ON shipments (district_code, packed_at);
CREATE INDEX shipments_by_packed_at ON shipments (packed_at);

-- The cards a manifest lists. Ticked off one by one at the kecamatan; a card not ticked when
-- the box was checked in is missing (derived: shipment received, card not).
CREATE TABLE shipment_cards (
    shipment_id    TEXT NOT NULL REFERENCES shipments (id),
    application_id TEXT NOT NULL REFERENCES applications (id),
    received_at    TEXT,
    received_on    TEXT,                         -- ISO date (WIB): the uncollected clock starts
    PRIMARY KEY (shipment_id, application_id)
);
-- A card travels in one shipment: packing the same application twice is refused.
CREATE UNIQUE INDEX shipment_cards_one_per_application ON shipment_cards (application_id);
CREATE INDEX shipment_cards_by_received_on ON shipment_cards (received_on);

-- Cards found in a box that its manifest does not list, as the kecamatan reported them.
CREATE TABLE shipment_extras (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    shipment_id TEXT NOT NULL REFERENCES shipments (id),
    description TEXT NOT NULL,
    reported_by TEXT NOT NULL REFERENCES staff (id),
    reported_at TEXT NOT NULL
);
CREATE INDEX shipment_extras_by_shipment ON shipment_extras (shipment_id);

-- The handover to the resident (CARD_ISSUED), with the signed receipt's facts.
CREATE TABLE handovers (
    application_id   TEXT PRIMARY KEY REFERENCES applications (id),
    shipment_id      TEXT NOT NULL REFERENCES shipments (id),
    handed_over_by   TEXT NOT NULL REFERENCES staff (id),
    handed_over_at   TEXT NOT NULL,
    old_ktp          TEXT NOT NULL,              -- shared::api::OldKtp, snake_case
    old_ktp_note     TEXT NOT NULL,
    signature_r2_key TEXT NOT NULL
);
