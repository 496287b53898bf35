//! The sections of the dinas console: their paths, names and one-line descriptions, shared by
//! the bar, the start page and the route table.

use super::strings::*;
use crate::i18n::Tr;

/// One section of the dinas console.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Adjudication,
    Printing,
    Certificate,
    Distribution,
    Dashboard,
    Audit,
}

impl Section {
    pub const ALL: [Section; 6] = [
        Section::Adjudication,
        Section::Printing,
        Section::Certificate,
        Section::Distribution,
        Section::Dashboard,
        Section::Audit,
    ];

    /// The section's path, also the start of every page in it.
    pub const fn href(self) -> &'static str {
        match self {
            Section::Adjudication => "/dinas/adjudikasi",
            Section::Printing => "/dinas/cetak",
            Section::Certificate => "/dinas/surat-keterangan",
            Section::Distribution => "/dinas/distribusi",
            Section::Dashboard => "/dinas/dasbor",
            Section::Audit => "/dinas/audit",
        }
    }

    /// The path segment after `/dinas`.
    pub fn slug(self) -> &'static str {
        &self.href()["/dinas/".len()..]
    }

    /// The section of a slug.
    pub fn of_slug(slug: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.slug() == slug)
    }

    pub const fn label(self) -> Tr {
        match self {
            Section::Adjudication => ADJUDICATION,
            Section::Printing => PRINTING,
            Section::Certificate => CERTIFICATE,
            Section::Distribution => DISTRIBUTION,
            Section::Dashboard => super::dashboard::strings::DASHBOARD,
            Section::Audit => super::audit::strings::AUDIT,
        }
    }

    pub const fn about(self) -> Tr {
        match self {
            Section::Adjudication => ADJUDICATION_ABOUT,
            Section::Printing => PRINTING_ABOUT,
            Section::Certificate => CERTIFICATE_ABOUT,
            Section::Distribution => DISTRIBUTION_ABOUT,
            Section::Dashboard => super::dashboard::strings::DASHBOARD_ABOUT,
            Section::Audit => super::audit::strings::AUDIT_ABOUT,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Section;

    #[test]
    fn slugs_round_trip() {
        for s in Section::ALL {
            assert_eq!(Section::of_slug(s.slug()), Some(s));
        }
        assert_eq!(Section::Printing.slug(), "cetak");
        assert_eq!(Section::of_slug("x"), None);
    }
}
