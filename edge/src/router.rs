//! The route table: every API path in one place. Non-API paths go to the app's static files.

use crate::bindings;
use crate::handlers;
use crate::http::{cross_site, security_headers, ApiError, ApiResult, RequestContext};
use crate::services::refusal_audit;
use crate::services::staff_admin::AccountChange;
use shared::api::ErrorCode;
use worker::{Env, Method, Request, Response, Result};

pub async fn handle(req: Request, env: Env) -> Result<Response> {
    let path = req.path();
    let resp = if let Some(api_path) = path.strip_prefix("/api/") {
        let ctx = RequestContext::new(&req, env);
        let segments: Vec<String> = api_path.split('/').map(str::to_string).collect();
        let (headers, method) = (req.headers().clone(), req.method());
        let segs: Vec<&str> = segments.iter().map(String::as_str).collect();
        let answer = match cross_site::refuse_cross_site(&req) {
            Ok(()) => route(req, &ctx, &segments).await,
            Err(refused) => Err(refused),
        };
        let resp = match answer {
            Ok(resp) => resp,
            Err(e) => {
                refusal_audit::record(&ctx, &headers, &method, &segs, &e).await;
                e.into_response(ctx.lang, &ctx.request_id)?
            }
        };
        resp.with_headers_added(&ctx)?
    } else {
        env.assets(bindings::ASSETS)?.fetch_request(req).await?
    };
    security_headers::secure(resp)
}

async fn route(req: Request, ctx: &RequestContext, segments: &[String]) -> ApiResult<Response> {
    let segs: Vec<&str> = segments.iter().map(String::as_str).collect();
    let method = req.method();
    match (method, segs.as_slice()) {
        (Method::Get, ["health"]) => Ok(Response::ok("ok")?),
        (Method::Post, ["applications"]) => handlers::applications::submit(req, ctx).await,
        (Method::Get, ["status", code]) => handlers::status::get(code, ctx).await,
        (Method::Get, ["regions"]) => handlers::regions::provinces(ctx).await,
        (Method::Get, ["regions", code]) => handlers::regions::children(code, ctx).await,
        (Method::Post, ["auth", "login"]) => handlers::auth::login(req, ctx).await,
        (Method::Post, ["auth", "logout"]) => handlers::auth::logout(req, ctx).await,
        (Method::Get, ["auth", "me"]) => handlers::auth::me(req, ctx).await,
        (Method::Post, ["auth", "password"]) => handlers::auth::change_password(req, ctx).await,
        (Method::Get, ["admin", "staff"]) => handlers::admin::list(req, ctx).await,
        (Method::Post, ["admin", "staff"]) => handlers::admin::create(req, ctx).await,
        (Method::Post, ["admin", "staff", id, "disable"]) => {
            handlers::admin::change(req, ctx, id, AccountChange::Disable).await
        }
        (Method::Post, ["admin", "staff", id, "enable"]) => {
            handlers::admin::change(req, ctx, id, AccountChange::Enable).await
        }
        (Method::Post, ["admin", "staff", id, "unlock"]) => {
            handlers::admin::change(req, ctx, id, AccountChange::Unlock).await
        }
        (Method::Post, ["admin", "staff", id, "reset-password"]) => {
            handlers::admin::reset_password(req, ctx, id).await
        }
        (Method::Get, ["dinas", "dashboard"]) => handlers::dinas::dashboard::get(req, ctx).await,
        (Method::Get, ["staff", "applications"]) => handlers::staff::queue::list(req, ctx).await,
        (Method::Post, ["staff", "applications", "search"]) => {
            handlers::staff::queue::search(req, ctx).await
        }
        (Method::Post, ["staff", "applications"]) => {
            handlers::applications::walk_in(req, ctx).await
        }
        (Method::Get, ["staff", "applications", "by-code", code]) => {
            handlers::staff::detail::find_by_code(req, ctx, code).await
        }
        (Method::Get, ["staff", "applications", id]) => {
            handlers::staff::detail::get(req, ctx, id).await
        }
        (Method::Get, ["staff", "applications", id, "documents", kind]) => {
            handlers::staff::documents::document(req, ctx, id, kind).await
        }
        (Method::Get, ["staff", "applications", id, "receipt"]) => {
            handlers::staff::receipt::receipt(req, ctx, id).await
        }
        (Method::Post, ["staff", "applications", id, "verify"]) => {
            handlers::staff::actions::verify(req, ctx, id).await
        }
        (Method::Post, ["staff", "applications", id, "return"]) => {
            handlers::staff::actions::return_for_correction(req, ctx, id).await
        }
        (Method::Post, ["staff", "applications", id, "biometrics"]) => {
            handlers::staff::recording::record_biometrics(req, ctx, id).await
        }
        (Method::Get, ["staff", "shipments", "by-code", code]) => {
            handlers::staff::cards::shipment_by_code(req, ctx, code).await
        }
        (Method::Post, ["staff", "shipments", id, "receipt"]) => {
            handlers::staff::cards::receive(req, ctx, id).await
        }
        (Method::Get, ["staff", "cards"]) => handlers::staff::cards::list(req, ctx).await,
        (Method::Get, ["staff", "cards", "by-code", code]) => {
            handlers::staff::cards::check(req, ctx, code).await
        }
        (Method::Get, ["staff", "cards", id, "face"]) => {
            handlers::staff::cards::face(req, ctx, id).await
        }
        (Method::Post, ["staff", "cards", id, "handover"]) => {
            handlers::staff::cards::hand_over(req, ctx, id).await
        }
        (Method::Get, ["staff", "cards", id, "handover", "signature"]) => {
            handlers::staff::cards::signature(req, ctx, id).await
        }
        (Method::Get, ["dinas", "distribution"]) => {
            handlers::dinas::distribution::overview(req, ctx).await
        }
        (Method::Post, ["dinas", "shipments"]) => {
            handlers::dinas::distribution::pack(req, ctx).await
        }
        (Method::Get, ["dinas", "shipments", id]) => {
            handlers::dinas::distribution::shipment(req, ctx, id).await
        }
        (Method::Get, ["dinas", "cases"]) => handlers::dinas::cases::list(req, ctx).await,
        (Method::Get, ["dinas", "flags"]) => handlers::dinas::cases::flags(req, ctx).await,
        (Method::Get, ["dinas", "cases", case]) => {
            handlers::dinas::cases::open(req, ctx, case).await
        }
        (Method::Get, ["dinas", "cases", case, "faces", application]) => {
            handlers::dinas::cases::face(req, ctx, case, application).await
        }
        (Method::Get, ["dinas", "cases", case, "overlay"]) => {
            handlers::dinas::cases::overlay(req, ctx, case).await
        }
        (Method::Post, ["dinas", "cases", case, "release"]) => {
            handlers::dinas::cases::release(req, ctx, case).await
        }
        (Method::Post, ["dinas", "cases", case, "proposals"]) => {
            handlers::dinas::cases::propose(req, ctx, case).await
        }
        (Method::Post, ["dinas", "cases", case, "proposals", proposal, "approve"]) => {
            handlers::dinas::cases::approve(req, ctx, case, proposal).await
        }
        (Method::Post, ["dinas", "cases", case, "proposals", proposal, "send-back"]) => {
            handlers::dinas::cases::send_back(req, ctx, case, proposal).await
        }
        (Method::Post, ["dinas", "cases", case, "clarifications"]) => {
            handlers::dinas::cases::clarify(req, ctx, case).await
        }
        (Method::Get, ["dinas", "print-queue"]) => handlers::dinas::printing::queue(req, ctx).await,
        (Method::Get, ["dinas", "print-runs"]) => handlers::dinas::printing::list(req, ctx).await,
        (Method::Post, ["dinas", "print-runs"]) => {
            handlers::dinas::printing::create(req, ctx).await
        }
        (Method::Get, ["dinas", "print-runs", run]) => {
            handlers::dinas::printing::get(req, ctx, run).await
        }
        (Method::Get, ["dinas", "print-runs", run, "cards"]) => {
            handlers::dinas::printing::previews(req, ctx, run).await
        }
        (Method::Post, ["dinas", "print-runs", run, "cards"]) => {
            handlers::dinas::printing::record_cards(req, ctx, run).await
        }
        (Method::Get, ["dinas", "print-runs", run, "cards", application, "chip"]) => {
            handlers::dinas::printing::chip(req, ctx, run, application).await
        }
        (Method::Get, ["dinas", "print-runs", run, "cards", application, kind]) => {
            handlers::dinas::printing::image(req, ctx, run, application, kind).await
        }
        (Method::Post, ["dinas", "print-runs", run, "blanks"]) => {
            handlers::dinas::printing::take_blanks(req, ctx, run).await
        }
        (Method::Post, ["dinas", "print-runs", run, "close"]) => {
            handlers::dinas::printing::close(req, ctx, run).await
        }
        (Method::Post, ["dinas", "applications", id, "certificate"]) => {
            handlers::certificates::issue(req, ctx, id).await
        }
        (Method::Get, ["dinas", "applications", id, "certificate"]) => {
            handlers::certificates::current(req, ctx, id).await
        }
        (Method::Post, ["dinas", "certificates", number, "revoke"]) => {
            handlers::certificates::revoke(req, ctx, number).await
        }
        (Method::Get, ["dinas", "audit", "chain"]) => handlers::dinas::audit::chain(req, ctx).await,
        (Method::Post, ["dinas", "audit", "search"]) => {
            handlers::dinas::audit::search(req, ctx).await
        }
        (Method::Post, ["dinas", "subject-access"]) => {
            handlers::dinas::audit::subject_access(req, ctx).await
        }
        (Method::Get, ["certificates", "revocations"]) => {
            handlers::certificates::revocations(ctx).await
        }
        (Method::Get, ["certificates", "keys"]) => handlers::certificates::keys(ctx),
        (
            _,
            ["dinas", "applications", _, "certificate"]
            | ["dinas", "certificates", _, "revoke"]
            | ["certificates", "revocations" | "keys"],
        ) => Err(ApiError::Code(ErrorCode::MethodNotAllowed)),
        (
            _,
            ["health"]
            | ["applications"]
            | ["status", _]
            | ["regions"]
            | ["regions", _]
            | ["auth", ..]
            | ["staff", ..]
            | ["dinas", ..]
            | ["admin", "staff", ..],
        ) => Err(ApiError::Code(ErrorCode::MethodNotAllowed)),
        _ => Err(ApiError::NOT_FOUND),
    }
}

trait WithRequestId {
    fn with_headers_added(self, ctx: &RequestContext) -> Result<Response>;
}

impl WithRequestId for Response {
    /// Every API response names its request id, so a resident's complaint can be traced in logs.
    fn with_headers_added(mut self, ctx: &RequestContext) -> Result<Response> {
        self.headers_mut().set("X-Request-Id", &ctx.request_id)?;
        if self.headers().get("cache-control")?.is_none() {
            self.headers_mut().set("Cache-Control", "no-store")?;
        }
        Ok(self)
    }
}
