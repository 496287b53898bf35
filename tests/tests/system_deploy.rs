//! The production configuration is complete: wrangler bundles the worker and lists every binding
//! without touching the network (`wrangler deploy --dry-run`).

#[test]
fn wrangler_deploy_dry_run_bundles_with_every_binding() {
    let out_dir = tempfile::tempdir().unwrap();
    let root = tests::repo_root();
    let out = std::process::Command::new("npx")
        .current_dir(&root)
        .args([
            "--no-install",
            "wrangler",
            "deploy",
            "--dry-run",
            "--outdir",
        ])
        .arg(out_dir.path())
        .arg("--config")
        .arg(root.join("edge/wrangler.toml"))
        .env("WRANGLER_SEND_METRICS", "false")
        .env("XDG_CONFIG_HOME", root.join(".state/xdg"))
        .env("WRANGLER_LOG_PATH", root.join(".state/logs"))
        .output()
        .expect("run wrangler");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "dry run failed:\n{text}");
    for binding in [
        "env.DB",
        "env.FILES",
        "env.RATE_LIMITER",
        "env.MATCH_COORDINATOR",
        "env.GALLERY_SHARD",
        "env.ENROLLMENT",
        "env.ASSETS",
    ] {
        assert!(
            text.contains(binding),
            "binding {binding} missing from:\n{text}"
        );
    }
    assert!(
        std::fs::read_dir(out_dir.path()).unwrap().count() > 0,
        "no bundle written"
    );
}
