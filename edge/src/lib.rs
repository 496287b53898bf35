//! Entry points of the Rekam worker. Only dispatch lives here; everything else is in modules.

mod bindings;
mod durable;
mod handlers;
mod http;
mod matching;
mod router;
mod services;
mod storage;

use worker::{event, Context, Env, Request, Response, Result, ScheduleContext, ScheduledEvent};

/// Panics are bugs: log their message (with the location) instead of a bare "unreachable".
#[event(start)]
fn start() {
    std::panic::set_hook(Box::new(|info| worker::console_error!("panic: {info}")));
}

#[event(fetch)]
async fn fetch(req: Request, env: Env, _ctx: Context) -> Result<Response> {
    router::handle(req, env).await
}

/// The cron trigger (wrangler.toml `[triggers]`, every 10 minutes): a signed checkpoint of the
/// audit chain's head, and the retention sweep of held templates. The sweep releases only what
/// is due, so running it more often than daily changes nothing but its promptness.
#[event(scheduled)]
async fn scheduled(_event: ScheduledEvent, env: Env, _ctx: ScheduleContext) {
    services::audit_chain::scheduled(env.clone()).await;
    match services::retention::sweep(&env).await {
        Ok(released) => worker::console_log!("retention: {released} held recordings released"),
        Err(e) => {
            worker::console_error!("retention sweep failed (retried at the next trigger): {e}")
        }
    }
    if let Err(e) = services::sign_in_throttle::forget_old(&env).await {
        worker::console_error!("forgetting old sign-in attempts failed: {e}");
    }
}

#[event(queue)]
async fn queue(
    batch: worker::MessageBatch<shared::api::EnrollmentJob>,
    env: Env,
    _ctx: Context,
) -> Result<()> {
    // One worker consumes both queues: the enrolment jobs and their dead letters.
    if batch.queue() == matching::dead_letters::QUEUE {
        return matching::dead_letters::consume(batch, env).await;
    }
    matching::consumer::consume(batch, env).await
}
