//! Entry points of the Rekam worker. Only dispatch lives here; everything else is in modules.

mod bindings;
mod durable;
mod handlers;
mod http;
mod matching;
mod router;
mod services;
mod storage;

use worker::{event, Context, Env, Request, Response, Result};

/// Panics are bugs: log their message (with the location) instead of a bare "unreachable".
#[event(start)]
fn start() {
    std::panic::set_hook(Box::new(|info| worker::console_error!("panic: {info}")));
}

#[event(fetch)]
async fn fetch(req: Request, env: Env, _ctx: Context) -> Result<Response> {
    router::handle(req, env).await
}

/// The cron trigger (wrangler.toml `[triggers]`): a signed checkpoint of the audit chain's head.
#[event(scheduled)]
async fn scheduled(_event: worker::ScheduledEvent, env: Env, _ctx: worker::ScheduleContext) {
    services::audit_chain::scheduled(env).await;
}

#[event(queue)]
async fn queue(
    batch: worker::MessageBatch<shared::api::EnrollmentJob>,
    env: Env,
    _ctx: Context,
) -> Result<()> {
    matching::consumer::consume(batch, env).await
}
