//! The `staff` bundle: sign-in, the password change, the kecamatan console, the dinas console and
//! the administrator's console.

use super::segments;
use crate::admin::AccountsPage;
use crate::app::NotFound;
use crate::dinas::audit::{AuditLogPage, SubjectAccessPage};
use crate::dinas::{
    CardPreviewPage, CasePage, CaseQueuePage, CertificatePage, DashboardPage, DinasShell,
    DistributionPage, HomePage, PrintQueuePage, PrintRunPage, ShipmentPage,
};
use crate::kecamatan::{
    ApplicationPage, CardsPage, HandoverPage, KecamatanShell, OutboxPage, QueuePage, ReceiptPage,
    ReceivePage, RecordingPage, WalkInPage,
};
use crate::staff::{ChangePasswordPage, SignInPage};
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub enum Page {
    SignIn,
    /// Every `/kecamatan` page shares one frame (session check, staff bar, outbox), kept
    /// mounted while the operator moves between its pages.
    Kecamatan,
    /// Likewise every `/dinas` page.
    Dinas,
    ChangePassword,
    /// The administrator's console.
    Admin,
    NotFound,
}

impl Page {
    pub fn of(path: &str) -> Page {
        match segments(path).as_slice() {
            ["staf", "masuk"] => Page::SignIn,
            ["staf", "ganti-sandi"] => Page::ChangePassword,
            ["staf", "administrasi"] => Page::Admin,
            ["kecamatan", ..] if KecamatanPage::of(path).is_some() => Page::Kecamatan,
            ["dinas", ..] if DinasPage::of(path).is_some() => Page::Dinas,
            _ => Page::NotFound,
        }
    }

    pub fn view(self) -> AnyView {
        match self {
            Page::SignIn => view! { <SignInPage/> }.into_any(),
            Page::Kecamatan => {
                let location = crate::nav::use_location();
                let page = Memo::new(move |_| location.path.with(|p| KecamatanPage::of(p)));
                view! { <KecamatanShell>{move || page.get().map(KecamatanPage::view)}</KecamatanShell> }
                    .into_any()
            }
            Page::Dinas => {
                let location = crate::nav::use_location();
                let page = Memo::new(move |_| location.path.with(|p| DinasPage::of(p)));
                view! { <DinasShell>{move || page.get().map(DinasPage::view)}</DinasShell> }
                    .into_any()
            }
            Page::ChangePassword => view! { <ChangePasswordPage/> }.into_any(),
            Page::Admin => view! { <AccountsPage/> }.into_any(),
            Page::NotFound => view! { <NotFound/> }.into_any(),
        }
    }
}

/// A page inside the kecamatan frame.
#[derive(Clone, Debug, PartialEq)]
enum KecamatanPage {
    Queue,
    WalkIn,
    Outbox,
    Application(String),
    Recording(String),
    Receipt(String),
    Cards,
    ReceiveShipment,
    Handover,
}

impl KecamatanPage {
    fn of(path: &str) -> Option<KecamatanPage> {
        Some(match segments(path).as_slice() {
            ["kecamatan"] => KecamatanPage::Queue,
            ["kecamatan", "baru"] => KecamatanPage::WalkIn,
            ["kecamatan", "kiriman"] => KecamatanPage::Outbox,
            ["kecamatan", "kartu"] => KecamatanPage::Cards,
            ["kecamatan", "kartu", "terima"] => KecamatanPage::ReceiveShipment,
            ["kecamatan", "kartu", "serah"] => KecamatanPage::Handover,
            ["kecamatan", "permohonan", id] => KecamatanPage::Application(id.to_string()),
            ["kecamatan", "permohonan", id, "rekam"] => KecamatanPage::Recording(id.to_string()),
            ["kecamatan", "permohonan", id, "tanda-bukti"] => {
                KecamatanPage::Receipt(id.to_string())
            }
            _ => return None,
        })
    }

    fn view(self) -> AnyView {
        match self {
            KecamatanPage::Queue => view! { <QueuePage/> }.into_any(),
            KecamatanPage::WalkIn => view! { <WalkInPage/> }.into_any(),
            KecamatanPage::Outbox => view! { <OutboxPage/> }.into_any(),
            KecamatanPage::Application(id) => view! { <ApplicationPage id/> }.into_any(),
            KecamatanPage::Recording(id) => view! { <RecordingPage id/> }.into_any(),
            KecamatanPage::Receipt(id) => view! { <ReceiptPage id/> }.into_any(),
            KecamatanPage::Cards => view! { <CardsPage/> }.into_any(),
            KecamatanPage::ReceiveShipment => view! { <ReceivePage/> }.into_any(),
            KecamatanPage::Handover => view! { <HandoverPage/> }.into_any(),
        }
    }
}

/// A page inside the dinas frame.
#[derive(Clone, Debug, PartialEq)]
enum DinasPage {
    Home,
    Cases,
    Case(String),
    Certificate,
    Dashboard,
    AuditLog,
    SubjectAccess,
    Distribution,
    Shipment(String),
    Printing,
    PrintRun(String),
    CardPreview(String),
}

impl DinasPage {
    fn of(path: &str) -> Option<DinasPage> {
        Some(match segments(path).as_slice() {
            ["dinas"] => DinasPage::Home,
            ["dinas", "adjudikasi"] => DinasPage::Cases,
            ["dinas", "adjudikasi", case] => DinasPage::Case(case.to_string()),
            ["dinas", "surat-keterangan"] => DinasPage::Certificate,
            ["dinas", "dasbor"] => DinasPage::Dashboard,
            ["dinas", "audit"] => DinasPage::AuditLog,
            ["dinas", "audit", "akses-subjek"] => DinasPage::SubjectAccess,
            ["dinas", "distribusi"] => DinasPage::Distribution,
            ["dinas", "distribusi", id] => DinasPage::Shipment(id.to_string()),
            ["dinas", "cetak"] => DinasPage::Printing,
            ["dinas", "cetak", run] => DinasPage::PrintRun(run.to_string()),
            ["dinas", "cetak", run, "kartu"] => DinasPage::CardPreview(run.to_string()),
            _ => return None,
        })
    }

    fn view(self) -> AnyView {
        match self {
            DinasPage::Home => view! { <HomePage/> }.into_any(),
            DinasPage::Cases => view! { <CaseQueuePage/> }.into_any(),
            DinasPage::Case(case_id) => view! { <CasePage case_id/> }.into_any(),
            DinasPage::Certificate => view! { <CertificatePage/> }.into_any(),
            DinasPage::Dashboard => view! { <DashboardPage/> }.into_any(),
            DinasPage::AuditLog => view! { <AuditLogPage/> }.into_any(),
            DinasPage::SubjectAccess => view! { <SubjectAccessPage/> }.into_any(),
            DinasPage::Distribution => view! { <DistributionPage/> }.into_any(),
            DinasPage::Shipment(id) => view! { <ShipmentPage id/> }.into_any(),
            DinasPage::Printing => view! { <PrintQueuePage/> }.into_any(),
            DinasPage::PrintRun(run_id) => view! { <PrintRunPage run_id/> }.into_any(),
            DinasPage::CardPreview(run_id) => view! { <CardPreviewPage run_id/> }.into_any(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{DinasPage, KecamatanPage, Page};

    #[test]
    fn dinas_paths_pick_their_page() {
        assert_eq!(Page::of("/dinas"), Page::Dinas);
        assert_eq!(Page::of("/dinas/cetak"), Page::Dinas);
        assert_eq!(Page::of("/dinas/x"), Page::NotFound);
        assert_eq!(Page::of("/staf/tanpa-konsol"), Page::NotFound);
        assert_eq!(Page::of("/staf/administrasi"), Page::Admin);
        assert_eq!(Page::of("/staf/ganti-sandi"), Page::ChangePassword);
        assert_eq!(DinasPage::of("/dinas/"), Some(DinasPage::Home));
        assert_eq!(DinasPage::of("/dinas/adjudikasi"), Some(DinasPage::Cases));
        assert_eq!(
            DinasPage::of("/dinas/adjudikasi/c1"),
            Some(DinasPage::Case("c1".into()))
        );
        assert_eq!(
            DinasPage::of("/dinas/surat-keterangan"),
            Some(DinasPage::Certificate)
        );
        assert_eq!(DinasPage::of("/dinas/cetak"), Some(DinasPage::Printing));
        assert_eq!(
            DinasPage::of("/dinas/cetak/r1/kartu"),
            Some(DinasPage::CardPreview("r1".into()))
        );
        assert_eq!(
            DinasPage::of("/dinas/distribusi"),
            Some(DinasPage::Distribution)
        );
        assert_eq!(
            DinasPage::of("/dinas/distribusi/s1"),
            Some(DinasPage::Shipment("s1".into()))
        );
        assert_eq!(DinasPage::of("/dinas/audit"), Some(DinasPage::AuditLog));
        assert_eq!(
            DinasPage::of("/dinas/audit/akses-subjek"),
            Some(DinasPage::SubjectAccess)
        );
    }

    #[test]
    fn staff_paths_pick_their_page() {
        assert_eq!(Page::of("/staf/masuk"), Page::SignIn);
        assert_eq!(Page::of("/kecamatan/baru"), Page::Kecamatan);
        assert_eq!(Page::of("/kecamatan/x"), Page::NotFound);
        assert_eq!(Page::of("/staf"), Page::NotFound);
        assert_eq!(KecamatanPage::of("/kecamatan"), Some(KecamatanPage::Queue));
        assert_eq!(
            KecamatanPage::of("/kecamatan/kiriman"),
            Some(KecamatanPage::Outbox)
        );
        assert_eq!(
            KecamatanPage::of("/kecamatan/permohonan/42/rekam"),
            Some(KecamatanPage::Recording("42".into()))
        );
        assert_eq!(
            KecamatanPage::of("/kecamatan/permohonan/42/tanda-bukti"),
            Some(KecamatanPage::Receipt("42".into()))
        );
        assert_eq!(
            KecamatanPage::of("/kecamatan/kartu/terima"),
            Some(KecamatanPage::ReceiveShipment)
        );
        assert_eq!(
            KecamatanPage::of("/kecamatan/kartu/serah"),
            Some(KecamatanPage::Handover)
        );
        assert_eq!(
            KecamatanPage::of("/kecamatan/permohonan/42"),
            Some(KecamatanPage::Application("42".into()))
        );
    }
}
