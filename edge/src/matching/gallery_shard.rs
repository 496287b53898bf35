//! Gallery shard Durable Object: one slice of the gallery. Its SQLite holds, per enrolled person,
//! the reference id, the templates and their compact screening codes; in memory it keeps only the
//! screening index (about 1.5 KB per person), built lazily from the codes on the first search.
//!
//! `POST /search` screens everyone, runs the exact matcher on the short list (templates read
//! from SQLite for those people only) and returns the candidates with evidence;
//! `POST /enrol` adds a person (idempotent on the reference id); `POST /templates` returns
//! stored templates by reference id (the adjudication overlay); `GET /count` reports its size.

use super::messages::{
    Candidate, CandidateFinger, ShardEnrol, ShardResult, ShardSearch, StoredTemplates,
    TemplatesRequest, TemplatesResponse,
};
use super::templates;
use crate::storage::gallery::GalleryStore;
use base64::Engine as _;
use biometrics::search::params::MAX_REPORTED_CANDIDATES;
use biometrics::search::{
    fuse, person_codes_from_bytes, person_codes_to_bytes, ExactProbe, FingerCode, ScreeningIndex,
    ScreeningProbe, FINGER_POSITIONS,
};
use shared::api::FingerTemplate;
use std::cell::RefCell;
use worker::{durable_object, DurableObject, Env, Request, Response, Result, State};

#[durable_object]
pub struct GalleryShard {
    store: GalleryStore,
    /// The in-memory search form and, per index slot, the SQLite row (`people.slot`).
    loaded: RefCell<Option<Loaded>>,
}

struct Loaded {
    index: ScreeningIndex,
    rows: Vec<u32>,
}

impl DurableObject for GalleryShard {
    fn new(state: State, _env: Env) -> Self {
        Self {
            store: GalleryStore::open(state.storage().sql()).expect("gallery shard schema"),
            loaded: RefCell::new(None),
        }
    }

    async fn fetch(&self, mut req: Request) -> Result<Response> {
        let path = req.path();
        match (req.method(), path.as_str()) {
            (worker::Method::Post, "/search") => {
                let body: ShardSearch = req.json().await?;
                Response::from_json(&self.search(&body)?)
            }
            (worker::Method::Post, "/enrol") => {
                let body: ShardEnrol = req.json().await?;
                Response::from_json(&self.enrol(&body)?)
            }
            (worker::Method::Post, "/templates") => {
                let body: TemplatesRequest = req.json().await?;
                let mut people = Vec::new();
                for id in body.reference_ids {
                    if let Some(fingers) = self.store.templates_of(&id)? {
                        people.push(StoredTemplates {
                            reference_id: id,
                            fingers,
                        });
                    }
                }
                Response::from_json(&TemplatesResponse { people })
            }
            (worker::Method::Get, "/count") => {
                self.ensure_loaded()?;
                let n = self.loaded.borrow().as_ref().map_or(0, |l| l.index.len());
                Response::from_json(&n)
            }
            _ => Response::error("not found", 404),
        }
    }
}

impl GalleryShard {
    fn ensure_loaded(&self) -> Result<()> {
        if self.loaded.borrow().is_some() {
            return Ok(());
        }
        let count = self.store.count()?;
        let mut index = ScreeningIndex::with_capacity(count);
        let mut rows = Vec::with_capacity(count);
        // Rows whose codes are of an earlier version (or damaged): their index entries are
        // recomputed from the templates once the read is over, and written back.
        let mut stale = Vec::new();
        self.store.each_codes(|slot, codes| {
            let codes = person_codes_from_bytes(codes).unwrap_or_else(|| {
                stale.push((index.len(), slot));
                Default::default()
            });
            index.push(&codes);
            rows.push(slot);
        })?;
        for (at, row) in stale {
            let codes = self.recompute_codes(row)?;
            index.replace(at as u32, &codes);
        }
        *self.loaded.borrow_mut() = Some(Loaded { index, rows });
        Ok(())
    }

    fn search(&self, req: &ShardSearch) -> Result<ShardResult> {
        self.ensure_loaded()?;
        let probe = templates::usable(&req.fingers);
        let screening = ScreeningProbe::new(probe.iter().map(|(p, t)| (*p, t)));
        let exact = ExactProbe::new(probe.iter().map(|(p, t)| (*p, t)));
        let loaded = self.loaded.borrow();
        let loaded = loaded.as_ref().expect("loaded above");
        let short = loaded.index.screen(&screening, req.shortlist.max(1));
        let mut candidates = Vec::new();
        for s in short {
            let row = loaded.rows[s.slot as usize];
            let Some((reference_id, fingers)) = self.person(row)? else {
                continue;
            };
            if reference_id == req.reference_id {
                continue;
            }
            let enrolled = templates::usable(&fingers);
            // The short list is compared on the index fingers; a candidate with evidence is
            // then compared on every finger both recordings have.
            if fuse(&exact.score(enrolled.iter().map(|(p, t)| (*p, t)))) <= 0.0 {
                continue;
            }
            let scores = exact.score_all(enrolled.iter().map(|(p, t)| (*p, t)));
            let fused = fuse(&scores);
            {
                candidates.push(Candidate {
                    reference_id,
                    fused_score: fused,
                    fingers: scores
                        .iter()
                        .map(|f| CandidateFinger {
                            position: f.position,
                            score: f.score,
                        })
                        .collect(),
                });
            }
        }
        candidates.sort_by(|a, b| b.fused_score.total_cmp(&a.fused_score));
        candidates.truncate(MAX_REPORTED_CANDIDATES);
        Ok(ShardResult {
            people: loaded.index.len() as u64,
            candidates,
        })
    }

    fn person(&self, row: u32) -> Result<Option<(String, Vec<FingerTemplate>)>> {
        self.store.person(row)
    }

    /// The screening codes of a stored person computed afresh from their templates, written back
    /// so the next load reads them directly.
    fn recompute_codes(&self, row: u32) -> Result<[Option<FingerCode>; FINGER_POSITIONS]> {
        let (_, fingers) = self
            .person(row)?
            .ok_or("gallery shard: person row vanished while loading")?;
        let codes = templates::codes_of(&templates::usable(&fingers));
        self.store.set_codes(row, person_codes_to_bytes(&codes))?;
        Ok(codes)
    }

    fn enrol(&self, req: &ShardEnrol) -> Result<bool> {
        // The coordinator sends the codes it computed from the templates it already decoded;
        // only a request without them (an earlier coordinator) makes the shard decode here.
        let b64 = base64::engine::general_purpose::STANDARD;
        let sent = req
            .codes
            .as_deref()
            .and_then(|c| b64.decode(c).ok())
            .and_then(|bytes| person_codes_from_bytes(&bytes));
        let codes = match sent {
            Some(codes) => codes,
            None => templates::codes_of(&templates::usable(&req.fingers)),
        };
        let Some(slot) = self.store.insert(
            &req.reference_id,
            person_codes_to_bytes(&codes),
            &req.fingers,
        )?
        else {
            return Ok(false);
        };
        // Keep a loaded index in step; an unloaded one will read the row when first needed.
        if let Some(loaded) = self.loaded.borrow_mut().as_mut() {
            loaded.index.push(&codes);
            loaded.rows.push(slot);
        }
        Ok(true)
    }
}
