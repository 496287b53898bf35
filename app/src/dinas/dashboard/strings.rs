//! The dashboard's wording in Indonesian and English. Stage names come from `shared`.

use crate::i18n::Tr;

pub const DASHBOARD: Tr = Tr("Dasbor", "Dashboard");
pub const DASHBOARD_ABOUT: Tr = Tr(
    "Di mana permohonan menumpuk: per tahap, per kecamatan, dan yang macet.",
    "Where applications pile up: per stage, per kecamatan, and what is stuck.",
);
pub const TITLE: Tr = Tr("Dasbor pelayanan KTP-el", "KTP-el service dashboard");
pub const AS_OF: Tr = Tr("Dihitung pada", "Computed at");
pub const OPEN_APPLICATIONS: Tr = Tr("Permohonan berjalan", "Open applications");
pub const OPEN_CASES: Tr = Tr("Kasus adjudikasi terbuka", "Open adjudication cases");
pub const AWAITING_COLLECTION: Tr = Tr("Kartu menunggu diambil", "Cards awaiting collection");
pub const STUCK: Tr = Tr("Macet", "Stuck");
pub const OLDEST: Tr = Tr("terlama", "oldest");
pub const MEDIAN: Tr = Tr("median", "median");
pub const PER_DAY_TITLE: Tr = Tr(
    "Permohonan per hari (28 hari terakhir)",
    "Applications per day (last 28 days)",
);
pub const BACKLOG_TITLE: Tr = Tr("Antrean per tahap", "Backlog per stage");
pub const COL_STAGE: Tr = Tr("Tahap", "Stage");
pub const COL_COUNT: Tr = Tr("Jumlah", "Count");
pub const COL_OLDEST: Tr = Tr("Terlama", "Oldest");
pub const COL_MEDIAN: Tr = Tr("Median", "Median");
pub const BY_KECAMATAN_TITLE: Tr = Tr(
    "Permohonan per kecamatan dan tahap",
    "Applications per kecamatan and stage",
);
pub const COL_KECAMATAN: Tr = Tr("Kecamatan", "Kecamatan");
pub const COL_TOTAL: Tr = Tr("Jumlah", "Total");
pub const COLLECTION_TITLE: Tr = Tr(
    "Kartu terkirim, belum diserahkan",
    "Cards shipped, not yet handed over",
);
pub const STUCK_TITLE: Tr = Tr("Item macet", "Stuck items");
pub const STUCK_NONE: Tr = Tr("Tidak ada item macet.", "Nothing is stuck.");
pub const NOTHING: Tr = Tr("Belum ada data.", "No data yet.");
pub const COL_CODE: Tr = Tr("Kode pendaftaran", "Registration code");
pub const COL_REASON: Tr = Tr("Sebab", "Reason");
pub const COL_SINCE: Tr = Tr("Sejak", "Since");
pub const REASON_DEAD_LETTER: Tr = Tr(
    "Pencocokan gagal berulang kali (antrean surat mati); rekam ulang biometrik",
    "Matching failed on every retry (dead-letter queue); record the biometrics again",
);
pub const REASON_NO_OUTCOME: Tr = Tr(
    "Belum ada hasil pencocokan lebih dari 1 jam",
    "No matching outcome for over an hour",
);
pub const CHART_PER_DAY: Tr = Tr(
    "Diagram batang permohonan per hari",
    "Bar chart of applications per day",
);
pub const CHART_BACKLOG: Tr = Tr(
    "Diagram batang jumlah permohonan per tahap",
    "Bar chart of applications per stage",
);
