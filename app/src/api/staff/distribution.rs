//! The client's distribution and handover calls: the dinas's overview, packing and manifest;
//! the kecamatan's shipments, check-in, waiting cards and handover.

use super::super::paths::distribution as path;
use super::StaffApi;
use crate::api::{ApiError, IdempotencyKey};
use shared::api::{
    DistributionOverview, HandoverCheck, HandoverReceipt, HandoverRequest, KecamatanCards,
    PackRequest, ReceiveRequest, ShipmentSummary, ShipmentView,
};

impl StaffApi {
    /// `GET /api/dinas/distribution`.
    pub async fn distribution(self) -> Result<DistributionOverview, ApiError> {
        self.get(path::OVERVIEW).decode().await
    }

    /// `POST /api/dinas/shipments`: packs all the kecamatan's printed cards (409
    /// `no_cards_to_ship` when there are none).
    pub async fn pack_shipment(
        self,
        district_code: &str,
        key: &IdempotencyKey,
    ) -> Result<ShipmentSummary, ApiError> {
        let body = PackRequest {
            district_code: district_code.to_string(),
            application_ids: Vec::new(),
        };
        self.post(path::SHIPMENTS)
            .json(&body)?
            .idempotent(key)
            .decode()
            .await
    }

    /// `GET /api/dinas/shipments/{id}`: the manifest.
    pub async fn shipment(self, id: &str) -> Result<ShipmentView, ApiError> {
        self.get(&path::shipment(id)).decode().await
    }

    /// `GET /api/staff/shipments/by-code/{code}`: the kecamatan's shipment (404 for another's).
    pub async fn shipment_by_code(self, code: &str) -> Result<ShipmentView, ApiError> {
        self.get(&path::shipment_by_code(code)).decode().await
    }

    /// `POST /api/staff/shipments/{id}/receipt`: the cards in the box and the extras.
    pub async fn receive_shipment(
        self,
        id: &str,
        body: &ReceiveRequest,
        key: &IdempotencyKey,
    ) -> Result<ShipmentView, ApiError> {
        self.post(&path::receive(id))
            .json(body)?
            .idempotent(key)
            .decode()
            .await
    }

    /// `GET /api/staff/cards`.
    pub async fn kecamatan_cards(self) -> Result<KecamatanCards, ApiError> {
        self.get(path::CARDS).decode().await
    }

    /// `GET /api/staff/cards/by-code/{code}` (409 `card_not_received` until checked in).
    pub async fn handover_check(self, code: &str) -> Result<HandoverCheck, ApiError> {
        self.get(&path::card_by_code(code)).decode().await
    }

    /// `POST /api/staff/cards/{id}/handover`: the card handed over; the receipt.
    pub async fn hand_over(
        self,
        application_id: &str,
        body: &HandoverRequest,
        key: &IdempotencyKey,
    ) -> Result<HandoverReceipt, ApiError> {
        self.post(&path::handover(application_id))
            .json(body)?
            .idempotent(key)
            .decode()
            .await
    }
}
