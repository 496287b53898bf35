//! `/dinas/adjudikasi/:case`: one case, opened (and so claimed) for the signed-in staff member.
//! Each held application: its probe beside a chosen candidate, the ten-finger grid, the chosen
//! pair's minutiae drawn aligned, and the decision (a proposal, or a supervisor's review of the
//! pending one; for a DUPLICATE_RECORD also the clarification with the resident). The case's
//! clarifications and flags follow. The claim can be released.

use super::finger_grid::best_finger;
use super::proposal_form::decision_label;
use super::strings::*;
use super::{
    CaseNotes, ClarificationForm, FingerGrid, MinutiaeOverlay, ProposalForm, RecordPair,
    ReviewPanel, WriteKey,
};
use crate::api::StaffApi;
use crate::i18n::{format_timestamp, t, use_lang};
use crate::kecamatan::strings::LOADING;
use crate::nav::navigate;
use leptos::prelude::*;
use shared::api::{CaseActionResponse, CaseView, HeldApplication, ProposalStatus, ProposalView};
use shared::lifecycle::Stage;

/// The case screen.
#[component]
pub fn CasePage(case_id: String) -> impl IntoView {
    let lang = use_lang();
    let api = StaffApi::for_view();
    let case_id = StoredValue::new(case_id);
    // Opened once: a decision ends the writer's claim, and opening the case again would claim it
    // anew, keeping the supervisor who must approve out of it. The answer is shown instead.
    let case = LocalResource::new(move || {
        let id = case_id.get_value();
        async move { api.open_case(&id).await }
    });
    let decided = RwSignal::new(None::<CaseActionResponse>);
    let key = WriteKey::new();
    let release = Action::new_local(move |_: &()| async move {
        if let Some(k) = key.get() {
            let result = api.release_case(&case_id.get_value(), &k).await;
            key.settle(&result);
            if result.is_ok() {
                navigate("/dinas/adjudikasi");
            }
            result
        } else {
            Err(crate::api::ApiError::Unexpected { status: 0 })
        }
    });
    let on_done = Callback::new(move |answer: CaseActionResponse| decided.set(Some(answer)));
    let body = move || {
        Suspend::new(async move {
            if let Some(answer) = decided.get() {
                return view! { <Outcome answer/> }.into_any();
            }
            match case.await {
                Ok(c) => view! { <CaseBody case=c on_done/> }.into_any(),
                Err(e) => view! { <p class="field-error" role="alert">{move || e.message(lang.get())}</p> }.into_any(),
            }
        })
    };
    view! {
        <section class="case-page">
            <p class="no-print"><a href="/dinas/adjudikasi">{t(BACK_TO_CASES)}</a></p>
            <div class="case-head">
                <h1>{t(CASE_TITLE)}</h1>
                <button type="button" hidden=move || decided.get().is_some()
                    on:click=move |_| { release.dispatch(()); } disabled=move || release.pending().get()>
                    {t(RELEASE)}
                </button>
                <p class="field-error" role="alert">
                    {move || release.value().get().and_then(|r| r.err()).map(|e| e.message(lang.get()))}
                </p>
            </div>
            <Transition fallback=move || view! { <p>{t(LOADING)}</p> }>{body}</Transition>
        </section>
    }
}

/// Where the decided application stands after a write.
#[component]
fn Outcome(answer: CaseActionResponse) -> impl IntoView {
    let lang = use_lang();
    let stage = answer.stage;
    view! {
        <section class="case-outcome" role="status">
            {answer.proposal.map(|p| view! { <p><ProposalLine proposal=p/></p> })}
            <p>{t(STAGE_NOW)}" "<strong class="outcome-stage">{move || stage.label(lang.get())}</strong></p>
            <p><a href="/dinas/adjudikasi">{t(BACK_TO_CASES)}</a></p>
        </section>
    }
}

#[component]
fn CaseBody(case: CaseView, on_done: Callback<CaseActionResponse>) -> impl IntoView {
    let lang = use_lang();
    let claim = case.claim.clone().filter(|c| c.held_by_me);
    let history: Vec<ProposalView> = case.proposals.clone();
    let case_id = case.case_id.clone();
    let codes: Vec<(String, String)> = case
        .held
        .iter()
        .flat_map(|h| std::iter::once(&h.probe).chain(h.candidates.iter().map(|c| &c.record)))
        .map(|r| (r.application_id.clone(), r.registration_code.clone()))
        .collect();
    let notes = view! { <CaseNotes clarifications=case.clarifications.clone() flags=case.flags.clone() codes/> };
    view! {
        {claim.map(|c| {
            let until = c.expires_at.clone();
            view! { <p class="claim">{t(HELD_BY_YOU)}" "{move || format_timestamp(&until, lang.get())}</p> }
        })}
        {case.held.into_iter().map(|held| {
            let proposals: Vec<ProposalView> = case.proposals.iter()
                .filter(|p| p.application_id == held.probe.application_id)
                .cloned()
                .collect();
            view! { <HeldView case_id=case_id.clone() held proposals on_done/> }
        }).collect_view()}
        {notes}
        {(!history.is_empty()).then(|| view! {
            <section class="history">
                <h2>{t(HISTORY)}</h2>
                <ul>{history.into_iter().map(|p| view! { <li><ProposalLine proposal=p/></li> }).collect_view()}</ul>
            </section>
        })}
    }
}

/// One proposal in words: decision, reason, who, and where it stands.
#[component]
fn ProposalLine(proposal: ProposalView) -> impl IntoView {
    let lang = use_lang();
    let status = match proposal.status {
        ProposalStatus::Pending => STATUS_PENDING,
        ProposalStatus::Approved => STATUS_APPROVED,
        ProposalStatus::SentBack => STATUS_SENT_BACK,
    };
    let at = proposal.proposed_at.clone();
    let reviewed = proposal.reviewed_by.clone().map(|by| {
        let why = proposal.review_reason.clone().unwrap_or_default();
        view! { <span class="reviewed">" · "{t(REVIEWED_BY)}" "{by}": “"{why}"”"</span> }
    });
    view! {
        <span class="proposal-line" data-status=proposal.status.as_str()>
            <strong>{t(decision_label(proposal.decision))}</strong>
            " — “"{proposal.reason.clone()}"” · "{t(PROPOSED_BY)}" "{proposal.proposed_by.clone()}
            ", "{move || format_timestamp(&at, lang.get())}" · "
            <span class="proposal-status">{t(status)}</span>
            {reviewed}
        </span>
    }
}

#[component]
fn HeldView(
    case_id: String,
    held: HeldApplication,
    proposals: Vec<ProposalView>,
    on_done: Callback<CaseActionResponse>,
) -> impl IntoView {
    let lang = use_lang();
    let api = StaffApi::for_view();
    let held = StoredValue::new(held);
    let chosen = RwSignal::new(0usize);
    let probe = held.with_value(|h| h.probe.clone());
    let undecided = matches!(
        probe.stage,
        Stage::AdjudicateRecord | Stage::DuplicateRecord
    );
    let pending = proposals
        .iter()
        .find(|p| p.status == ProposalStatus::Pending)
        .cloned();
    let candidates: Vec<(String, String)> = held.with_value(|h| {
        h.candidates
            .iter()
            .map(|c| {
                (
                    c.record.application_id.clone(),
                    c.record.registration_code.clone(),
                )
            })
            .collect()
    });
    let unmapped = held.with_value(|h| h.unmapped_candidates);
    let shown_candidate = Signal::derive(move || {
        held.with_value(|h| {
            h.candidates
                .get(chosen.get())
                .map(|c| c.record.application_id.clone())
        })
    });
    let case_key = StoredValue::new(case_id.clone());
    let tabs = (candidates.len() > 1).then(|| {
        candidates
            .iter()
            .enumerate()
            .map(|(i, (_, code))| {
                view! {
                    <button type="button" aria-pressed=move || (chosen.get() == i).to_string()
                        on:click=move |_| chosen.set(i)>
                        {t(CANDIDATE)}" "{(i + 1).to_string()}": "<span class="code">{code.clone()}</span>
                    </button>
                }
            })
            .collect_view()
    });
    let comparison = move || {
        let Some(c) = held.with_value(|h| h.candidates.get(chosen.get()).cloned()) else {
            return view! { <p>{t(NO_CANDIDATES)}</p> }.into_any();
        };
        let probe = held.with_value(|h| h.probe.clone());
        let finger = RwSignal::new(best_finger(&c.scores));
        let (app, cand) = (
            probe.application_id.clone(),
            c.record.application_id.clone(),
        );
        let overlay = LocalResource::new(move || {
            let (app, cand, f) = (app.clone(), cand.clone(), finger.get());
            async move {
                match f {
                    Some(f) => Some(api.overlay(&case_key.get_value(), &app, &cand, f).await),
                    None => None,
                }
            }
        });
        let chance = c.strength.chance;
        let drawn = move || {
            Suspend::new(async move {
                match overlay.await {
                    None => view! { <p>{t(CHOOSE_FINGER)}</p> }.into_any(),
                    Some(Ok(o)) => view! { <MinutiaeOverlay overlay=o/> }.into_any(),
                    Some(Err(e)) => view! { <p class="field-error" role="alert">{move || e.message(lang.get())}</p> }.into_any(),
                }
            })
        };
        view! {
            <p class="strength">{move || super::wording::chance(chance, lang.get())}</p>
            <RecordPair probe=probe.clone() candidate=c.record.clone() differing=c.differing_fields.clone()/>
            <div class="finger-compare">
                <FingerGrid probe=probe.fingers.clone() candidate=c.record.fingers.clone() scores=c.scores.clone() chosen=finger/>
                <section class="overlay-box" aria-live="polite">
                    <h3>{t(OVERLAY_TITLE)}</h3>
                    <Transition fallback=move || view! { <p>{t(LOADING)}</p> }>{drawn}</Transition>
                </section>
            </div>
        }
        .into_any()
    };
    let recorded_by = probe.recorded_by.clone();
    let stage = probe.stage;
    let decision = if !undecided {
        view! { <p class="decided">{t(DECIDED)}" "<strong>{move || stage.label(lang.get())}</strong></p> }.into_any()
    } else if let Some(p) = pending {
        view! {
            <p><ProposalLine proposal=p.clone()/></p>
            <ReviewPanel case_id=case_id.clone() proposal=p recorded_by on_done/>
        }
        .into_any()
    } else if stage == Stage::DuplicateRecord {
        // Held for the resident's visit: the clarification decides; a proposal stays possible.
        view! {
            <ClarificationForm case_id=case_id.clone() application_id=probe.application_id.clone()
                candidates=candidates.clone() shown_candidate on_done/>
            <ProposalForm case_id=case_id.clone() application_id=probe.application_id.clone()
                candidates=candidates.clone() shown_candidate on_done/>
        }
        .into_any()
    } else {
        view! {
            <ProposalForm case_id=case_id.clone() application_id=probe.application_id.clone()
                candidates=candidates.clone() shown_candidate on_done/>
        }
        .into_any()
    };
    view! {
        <article class="held" aria-labelledby=format!("held-{}", probe.application_id)>
            <h2 id=format!("held-{}", probe.application_id)>
                {probe.demographics.full_name.clone()}" · "<span class="code">{probe.registration_code.clone()}</span>
                " · "<span class="stage">{move || stage.label(lang.get())}</span>
            </h2>
            {(unmapped > 0).then(|| view! { <p class="notice">{unmapped.to_string()}" "{t(UNMAPPED)}</p> })}
            {tabs.map(|tabs| view! { <div class="candidate-tabs" role="group" aria-label=t(CANDIDATES)>{tabs}</div> })}
            {comparison}
            <section class="decision-box">
                <h3>{t(DECISION_TITLE)}</h3>
                {decision}
            </section>
        </article>
    }
}
