//! Entry points of the Rekam worker. Only dispatch lives here; everything else is in modules.

use worker::{event, Context, Env, Request, Response, Result};

#[event(fetch)]
async fn fetch(req: Request, env: Env, _ctx: Context) -> Result<Response> {
    if req.path().starts_with("/api/") {
        return Response::ok("api");
    }
    env.assets("ASSETS")?.fetch_request(req).await
}
