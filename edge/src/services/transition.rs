//! The one path by which applications change stage. [`Transition::load`] reads the applications
//! within the mover's reach (a kecamatan operator reaches only their kecamatan: any other is
//! "not found"); [`Transition::decide`] asks `shared::lifecycle::transition` for each; callers may
//! then do their own work (R2 uploads, enrolment) and [`Transition::push`] their own statements
//! (recordings, match results, idempotency answers, later print runs); [`Transition::commit`]
//! writes the stages, the timeline events, the audit entries, the end of any certificate of an
//! application entering a final stage, and those statements in ONE D1 batch, guarded by
//! `transition_guard` so a decision made on a stale read is never applied.
//!
//! Many applications move in one batch (printing and shipping move hundreds at once) with the
//! same number of statements as one: ids and stages travel as one JSON text per statement, read
//! by `json_each`, so D1's limits of 100 bound parameters per statement and 1,000 statements per
//! invocation are never approached. What does bind the size is D1's 2 MB per bound value and
//! 30 s per query: [`MAX_APPLICATIONS_PER_BATCH`] stays far below both (about 150 bytes of JSON
//! per application and stage); callers moving more split their work into batches of that size.

use crate::bindings;
use crate::http::{ApiError, ApiResult, RequestContext};
use crate::services::auth::Principal;
use crate::services::certificate_ends;
use crate::storage::applications::{self, ApplicationHead, StageMove};
use crate::storage::audit::{self, CommitError};
use crate::storage::transition_guard;
use shared::api::ErrorCode;
use shared::audit::AuditContent;
use shared::lifecycle::{transition, Actor, Event, Stage};
use worker::{D1Database, D1PreparedStatement};

/// Applications one transition may move.
pub const MAX_APPLICATIONS_PER_BATCH: usize = 1000;

/// Who moves applications, which decides what they can reach and how the audit log names them.
#[derive(Clone, Copy)]
pub enum Mover<'a> {
    Staff(&'a Principal),
    /// The queue consumer: reaches every application, acts only by the matching rules.
    MatchingWorker,
}

impl Mover<'_> {
    pub fn actor(&self) -> Actor {
        match self {
            Mover::Staff(who) => who.role.actor(),
            Mover::MatchingWorker => Actor::MatchingWorker,
        }
    }

    fn reaches(&self, district_code: &str) -> bool {
        match self {
            Mover::Staff(who) => who.may_access_district(district_code),
            Mover::MatchingWorker => true,
        }
    }

    fn staff_id(&self) -> Option<&str> {
        match self {
            Mover::Staff(who) => Some(&who.id),
            Mover::MatchingWorker => None,
        }
    }

    fn role(&self) -> &'static str {
        match self {
            Mover::Staff(who) => who.role.as_str(),
            Mover::MatchingWorker => Actor::MatchingWorker.as_str(),
        }
    }
}

pub struct Transition<'a> {
    ctx: &'a RequestContext,
    db: D1Database,
    mover: Mover<'a>,
    /// In the order the caller asked for them.
    applications: Vec<ApplicationHead>,
    /// Per application, the stages entered (empty until decided).
    stages: Vec<Vec<Stage>>,
    extra: Vec<D1PreparedStatement>,
    /// The caller's audit rows, written in the batch after the transition's own.
    extra_audit: Vec<AuditContent>,
}

impl<'a> Transition<'a> {
    /// The applications with these ids, all within the mover's reach, or "not found".
    pub async fn load(
        ctx: &'a RequestContext,
        mover: Mover<'a>,
        ids: &[&str],
    ) -> ApiResult<Transition<'a>> {
        if ids.len() > MAX_APPLICATIONS_PER_BATCH {
            return Err(ApiError::Internal(format!(
                "{} applications in one transition; at most {MAX_APPLICATIONS_PER_BATCH}",
                ids.len()
            )));
        }
        let db = ctx.env.d1(bindings::DB)?;
        let mut found = applications::heads(&db, ids).await?;
        let mut ordered = Vec::with_capacity(ids.len());
        for id in ids {
            let at = found
                .iter()
                .position(|a| a.id == *id)
                .ok_or(ApiError::NOT_FOUND)?;
            let app = found.swap_remove(at);
            if !mover.reaches(&app.district_code) {
                return Err(ApiError::NOT_FOUND);
            }
            ordered.push(app);
        }
        Ok(Transition {
            ctx,
            db,
            mover,
            stages: vec![Vec::new(); ordered.len()],
            applications: ordered,
            extra: Vec::new(),
            extra_audit: Vec::new(),
        })
    }

    /// The first application: the only one of a single-application transition.
    pub fn application(&self) -> &ApplicationHead {
        &self.applications[0]
    }

    /// Every application, in the order the caller asked for them.
    pub fn applications(&self) -> &[ApplicationHead] {
        &self.applications
    }

    pub fn ctx(&self) -> &'a RequestContext {
        self.ctx
    }

    pub fn db(&self) -> &D1Database {
        &self.db
    }

    /// Decides each application's chain of events by the shared rules; any refusal refuses the
    /// whole transition (409 `transition_refused`) before anything is written.
    pub fn decide(&mut self, events: impl Fn(&ApplicationHead) -> Vec<Event>) -> ApiResult<()> {
        let actor = self.mover.actor();
        for (app, stages) in self.applications.iter().zip(self.stages.iter_mut()) {
            let mut stage = app.stage;
            stages.clear();
            for event in events(app) {
                stage = transition(stage, actor, event)
                    .map_err(|_| ApiError::Code(ErrorCode::TransitionRefused))?;
                stages.push(stage);
            }
        }
        Ok(())
    }

    /// The stage the first application will be in once committed.
    pub fn stage_after(&self) -> Stage {
        self.stages[0]
            .last()
            .copied()
            .unwrap_or(self.applications[0].stage)
    }

    /// A statement of the caller's, written in the same batch as the transition.
    pub fn push(&mut self, statement: D1PreparedStatement) {
        self.extra.push(statement);
    }

    /// Audit rows of the caller's, written (and linked) in the same batch as the transition.
    pub fn push_audit(&mut self, rows: Vec<AuditContent>) {
        self.extra_audit.extend(rows);
    }

    /// Writes everything in one guarded batch. `action` and `detail_json` go to each
    /// application's audit entry; `detail_json` also to its last timeline event. A stale read
    /// (someone moved an application first) is 409 `conflict` and nothing is written.
    pub async fn commit(self, action: &str, detail_json: Option<&str>) -> ApiResult<()> {
        let moves: Vec<StageMove<'_>> = self
            .applications
            .iter()
            .zip(&self.stages)
            .filter(|(_, stages)| !stages.is_empty())
            .map(|(app, stages)| StageMove {
                application_id: &app.id,
                from: app.stage,
                stages,
            })
            .collect();
        if moves.len() != self.applications.len() {
            return Err(ApiError::Internal(format!(
                "transition {action} committed before every application was decided"
            )));
        }
        let ids: Vec<&str> = moves.iter().map(|m| m.application_id).collect();
        let ctx = self.ctx;
        let mut batch = vec![transition_guard::guard(&self.db, &moves)?];
        batch.extend(applications::move_statements(
            &self.db,
            &moves,
            self.mover.actor(),
            detail_json,
            &ctx.now,
        )?);
        let mut audited = audit::AuditEntry {
            at: &ctx.now,
            staff_id: self.mover.staff_id(),
            role: self.mover.role(),
            action,
            application_id: None,
            client: &ctx.client_key,
            request_id: &ctx.request_id,
            detail_json,
        }
        .for_each(&ids);
        audited.extend(self.extra_audit);
        // A cancelled application's certificate, or one superseded by the card handed over,
        // ends in the same batch: it is on the next revocation list.
        let entered: Vec<(&str, Stage)> = moves
            .iter()
            .filter_map(|m| Some((m.application_id, *m.stages.last()?)))
            .collect();
        batch.extend(certificate_ends::end_statements(
            &self.db, &entered, ctx.today,
        )?);
        drop(moves);
        batch.extend(self.extra);
        match audit::commit(&self.db, batch, audited).await {
            Ok(_) => Ok(()),
            Err(CommitError::Refused(e)) if transition_guard::tripped(&e) => {
                Err(ApiError::Code(ErrorCode::Conflict))
            }
            Err(CommitError::Refused(e)) => Err(ApiError::Internal(format!(
                "transition batch {action}: {e}"
            ))),
            Err(contended) => Err(contended.into()),
        }
    }
}
