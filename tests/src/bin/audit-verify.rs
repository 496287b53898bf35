//! Checks the audit log's hash chain in a local D1 state directory, without the edge:
//! `cargo run -p tests --bin audit-verify -- <state dir>` (the directory given to
//! `wrangler dev --persist-to`, e.g. `.state/dev` of `tools/dev.sh`). Prints the rows linked,
//! the head (compare it with the newest signed checkpoint in R2) and the first broken link;
//! exits 1 when a link is broken.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: audit-verify <wrangler --persist-to directory>");
        return ExitCode::from(2);
    };
    match tests::audit_chain::verify_state(&dir) {
        Err(e) => {
            eprintln!("audit-verify: {e}");
            ExitCode::from(2)
        }
        Ok(r) => {
            println!("linked rows: {}", r.linked);
            println!("rows not linked yet: {}", r.pending);
            match &r.head {
                Some((id, hash)) => println!("head: row {id} {hash}"),
                None => println!("head: none (empty log)"),
            }
            match r.first_broken {
                None => {
                    println!("chain intact");
                    ExitCode::SUCCESS
                }
                Some((id, fault)) => {
                    let fault = serde_json::to_string(&fault).unwrap_or_default();
                    println!("first broken link: row {id} ({fault})");
                    ExitCode::from(1)
                }
            }
        }
    }
}
