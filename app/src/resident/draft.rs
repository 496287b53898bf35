//! The pre-fill draft: what is saved on the device as the resident types, and the reactive state
//! the form steps share.
//!
//! Text fields live in `localStorage` as one JSON document (small, written synchronously on every
//! change, so a closed tab loses nothing). Attachment files live in IndexedDB (see
//! `platform::idb`); the JSON only lists which kinds are saved, with name, type and size.

use super::submission::SendState;
use crate::api::SubmitTo;
use crate::platform::{clock, idb, random, storage};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use shared::api::{ApplicationForm, AttachmentKind, FieldCode, SubmitResponse};
use shared::regions::BundledRegions;
use shared::validation::{validate_application, Field, FieldErrors, WarningCode};
use std::collections::BTreeSet;

/// `localStorage` key of the last registration code obtained on this device.
pub const LAST_CODE_KEY: &str = "rekam.last_code";

/// Whose form a draft is and where it goes: the resident's own pre-fill, or a walk-in typed in at
/// the kecamatan desk. Each keeps its draft under its own keys, so a staff draft and a resident's
/// on the same device never overwrite or clear each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Intake {
    /// `localStorage` key of the draft; the version suffix changes only with an incompatible shape.
    pub draft_key: &'static str,
    /// Put before an attachment's wire name to make its IndexedDB key.
    pub file_prefix: &'static str,
    /// Where the finished form is posted (multipart, with the draft's idempotency key).
    pub endpoint: SubmitTo,
    /// The kecamatan is set by the page (the operator's own) and cannot be chosen in the form.
    pub district_fixed: bool,
}

/// The resident's pre-fill (`/daftar`). Its keys predate [`Intake`] and stay as they were, so
/// drafts already on phones carry on.
pub const RESIDENT: Intake = Intake {
    draft_key: "rekam.draft.v1",
    file_prefix: "",
    endpoint: SubmitTo::Resident,
    district_fixed: false,
};

impl Intake {
    /// IndexedDB key of an attachment kind's file in this intake's draft.
    pub fn file_key(self, kind: AttachmentKind) -> String {
        format!("{}{}", self.file_prefix, kind.as_str())
    }
}

/// The region the office serves: the pickers start here (Jawa Tengah / Grobogan).
pub const DEFAULT_PROVINCE: &str = "33";
pub const DEFAULT_REGENCY: &str = "33.15";

/// Server limits (HTTP contract): the whole body, each image, and the photo.
pub const MAX_BODY_BYTES: u32 = 4 * 1024 * 1024;
pub const MAX_FILE_BYTES: u32 = 1024 * 1024;
pub const MAX_PHOTO_BYTES: u32 = 200_000;

/// A saved attachment, described; the bytes are in IndexedDB under [`Intake::file_key`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentMeta {
    pub kind: AttachmentKind,
    pub file_name: String,
    pub mime: String,
    pub size: u32,
}

/// Everything saved about an unsent application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
    pub form: ApplicationForm,
    pub step: u8,
    /// Made once per draft; sent with every try of the same submission.
    pub idempotency_key: String,
    pub attachments: Vec<AttachmentMeta>,
    /// The resident pressed send and no answer came yet (the line was down): the form sends it
    /// by itself when the signal returns or when it is opened again.
    pub send_requested: bool,
}

impl Default for Draft {
    fn default() -> Draft {
        let mut form = ApplicationForm::default();
        form.address.province = DEFAULT_PROVINCE.to_string();
        form.address.regency = DEFAULT_REGENCY.to_string();
        form.citizenship = "wni".to_string();
        Draft {
            form,
            step: 1,
            idempotency_key: random::hex_128().unwrap_or_default(),
            attachments: Vec::new(),
            send_requested: false,
        }
    }
}

impl Draft {
    /// The saved draft, or a fresh one. A draft that no longer parses (a future format) is kept
    /// aside rather than destroyed, and a fresh one starts.
    pub fn load(intake: Intake) -> Draft {
        let Some(text) = storage::get(intake.draft_key) else {
            return Draft::default();
        };
        match serde_json::from_str::<Draft>(&text) {
            Ok(mut d) => {
                if d.idempotency_key.is_empty() {
                    d.idempotency_key = random::hex_128().unwrap_or_default();
                }
                d.step = d.step.clamp(1, STEP_COUNT);
                d
            }
            Err(_) => {
                let _ = storage::set(&format!("{}.unreadable", intake.draft_key), &text);
                Draft::default()
            }
        }
    }

    /// Whether a draft with anything typed exists on this device (the landing page offers to
    /// continue it).
    pub fn exists(intake: Intake) -> bool {
        storage::get(intake.draft_key).is_some()
    }

    pub fn save(&self, intake: Intake) -> Result<(), storage::StorageError> {
        let text = serde_json::to_string(self).map_err(|_| storage::StorageError::Unavailable)?;
        storage::set(intake.draft_key, &text)
    }

    /// Forgets the draft and its files (start over, or after a successful submission); the other
    /// intake's draft on this device stays.
    pub async fn clear(intake: Intake) -> Result<(), idb::IdbError> {
        storage::remove(intake.draft_key);
        let keys: Vec<String> = AttachmentKind::ALL
            .iter()
            .map(|k| intake.file_key(*k))
            .collect();
        idb::delete_all(&keys).await
    }
}

/// The steps of the form, in order.
pub const STEP_COUNT: u8 = 5;
pub const STEP_TYPE_REGION: u8 = 1;
pub const STEP_IDENTITY: u8 = 2;
pub const STEP_ADDRESS: u8 = 3;
pub const STEP_DOCUMENTS: u8 = 4;
pub const STEP_REVIEW: u8 = 5;

/// The fields on each step, in screen order (focus goes to the first invalid one).
pub const fn step_fields(step: u8) -> &'static [Field] {
    match step {
        STEP_TYPE_REGION => &[
            Field::ApplicationType,
            Field::AddressProvince,
            Field::AddressRegency,
            Field::AddressDistrict,
            Field::AddressVillage,
        ],
        STEP_IDENTITY => &[
            Field::Nik,
            Field::KkNumber,
            Field::FullName,
            Field::BirthPlace,
            Field::BirthDate,
            Field::Sex,
            Field::BloodType,
            Field::Religion,
            Field::MaritalStatus,
            Field::Occupation,
            Field::Citizenship,
        ],
        STEP_ADDRESS => &[
            Field::AddressStreet,
            Field::AddressRt,
            Field::AddressRw,
            Field::AddressPostalCode,
            Field::Phone,
        ],
        _ => &[],
    }
}

/// The step a field is entered on (for server-reported problems). Fields the resident never
/// sees (signing place/date) land on the review step.
pub fn step_of(field: Field) -> u8 {
    (STEP_TYPE_REGION..=STEP_ADDRESS)
        .find(|s| step_fields(*s).contains(&field))
        .unwrap_or(STEP_REVIEW)
}

/// The DOM id of a field's input: `f-` and its path with dots as dashes (`f-address-rt`).
pub fn field_id(field: Field) -> String {
    format!("f-{}", field.path().replace('.', "-"))
}

/// The state the steps share, provided as context by the form. All signals: `Copy`.
#[derive(Clone, Copy)]
pub struct Prefill {
    pub intake: Intake,
    /// What happens once the server has the application (the page decides where to go).
    pub on_submitted: Callback<SubmitResponse>,
    pub form: RwSignal<ApplicationForm>,
    pub step: RwSignal<u8>,
    pub idempotency_key: RwSignal<String>,
    pub attachments: RwSignal<Vec<AttachmentMeta>>,
    /// Object URLs of saved images, for thumbnails; rebuilt from IndexedDB after a reload.
    pub previews: RwSignal<Vec<(AttachmentKind, String)>>,
    /// Fields the resident has left at least once (or tried to continue past): their problems
    /// are shown. Untouched empty fields are not scolded before anyone typed in them.
    pub touched: RwSignal<BTreeSet<Field>>,
    /// Problems the server reported on the last submission; a field's entry goes when it is edited.
    pub server_errors: RwSignal<Vec<(Field, FieldCode)>>,
    /// Every problem of the whole form, by `shared` validation (the same rules the edge applies).
    pub problems: Memo<FieldErrors>,
    /// Whether the last save to the device failed (storage full or disabled).
    pub save_failed: RwSignal<bool>,
    /// Saved with the draft: a send is requested and still without an answer.
    pub send_requested: RwSignal<bool>,
    /// The submit area's state (shared so a send started on reopening shows on the review).
    pub send: RwSignal<SendState>,
}

impl Prefill {
    /// Builds the state from a loaded draft and saves every later change.
    pub fn new(intake: Intake, draft: Draft, on_submitted: Callback<SubmitResponse>) -> Prefill {
        let form = RwSignal::new(draft.form);
        let today = clock::today();
        let problems = Memo::new(move |_| {
            form.with(|f| match validate_application(f, today, &BundledRegions) {
                // A valid form may still carry warnings (a NIK that disagrees with the declared
                // birth date or sex): they are shown as hints.
                Ok(valid) => FieldErrors {
                    errors: Vec::new(),
                    warnings: valid.warnings,
                },
                Err(errors) => errors,
            })
        });
        let state = Prefill {
            intake,
            on_submitted,
            form,
            step: RwSignal::new(draft.step),
            idempotency_key: RwSignal::new(draft.idempotency_key),
            attachments: RwSignal::new(draft.attachments),
            previews: RwSignal::new(Vec::new()),
            touched: RwSignal::new(BTreeSet::new()),
            server_errors: RwSignal::new(Vec::new()),
            problems,
            save_failed: RwSignal::new(false),
            send_requested: RwSignal::new(draft.send_requested),
            send: RwSignal::new(SendState::Idle),
        };
        Effect::new(move |_| {
            let draft = state.snapshot();
            state.save_failed.set(draft.save(intake).is_err());
        });
        state
    }

    /// The current draft as saved.
    pub fn snapshot(&self) -> Draft {
        Draft {
            form: self.form.get(),
            step: self.step.get(),
            idempotency_key: self.idempotency_key.get(),
            attachments: self.attachments.get(),
            send_requested: self.send_requested.get(),
        }
    }

    /// The code to show for `field` now: a server-reported problem first, else the first
    /// problem found by validation once the field was touched.
    pub fn error_code(&self, field: Field) -> Option<FieldCode> {
        let server = self
            .server_errors
            .with(|e| e.iter().find(|(f, _)| *f == field).map(|(_, c)| *c));
        server.or_else(|| {
            if self.touched.with(|t| t.contains(&field)) {
                self.problems.with(|p| p.codes_for(field).first().copied())
            } else {
                None
            }
        })
    }

    /// Records an edit of `field`: its server problem is now stale.
    pub fn edited(&self, field: Field) {
        if self
            .server_errors
            .with_untracked(|e| e.iter().any(|(f, _)| *f == field))
        {
            self.server_errors
                .update(|e| e.retain(|(f, _)| *f != field));
        }
    }

    /// The warning to show under `field` once it was touched and has no error: a hint, not a
    /// refusal (the NIK is never changed to fit the declared data, but a typo is caught).
    pub fn warning(&self, field: Field) -> Option<WarningCode> {
        if self.error_code(field).is_some() || !self.touched.with(|t| t.contains(&field)) {
            return None;
        }
        self.problems
            .with(|p| p.warnings.iter().find(|w| w.field == field).map(|w| w.code))
    }

    pub fn touch(&self, field: Field) {
        if !self.touched.with_untracked(|t| t.contains(&field)) {
            self.touched.update(|t| {
                t.insert(field);
            });
        }
    }

    /// Marks every field of `step` touched and returns the first one with a problem.
    pub fn check_step(&self, step: u8) -> Option<Field> {
        let fields = step_fields(step);
        self.touched.update(|t| t.extend(fields.iter().copied()));
        fields
            .iter()
            .copied()
            .find(|f| self.error_code(*f).is_some())
    }
}
