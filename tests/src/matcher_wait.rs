//! Waiting for the local matcher to decide, across the local queue's stalls. The local queue
//! (miniflare) sends a batch only when the previous one has returned; sometimes a batch's return
//! never reaches it (seen under bursts: every job of the batch decided, the delivery never
//! reported back), and then nothing more is delivered. Production Queues end an invocation at
//! its time limit and deliver again. Here, with no decision for `stall`, the runtime is
//! restarted (the queue's memory goes with it) and the cron fired, whose redrive sends the
//! kept jobs again: the same recovery as after a crash. The runtime must run with
//! `REDRIVE_AFTER_MINUTES:0`.

use crate::Runtime;
use std::time::{Duration, Instant};

/// How a wait ended: the recordings still undecided (0 unless `limit` passed) and the number
/// of stalls it recovered from.
pub struct Waited {
    pub undecided: u64,
    pub stalls: u32,
}

/// Waits until `undecided(rt)` is 0 or `limit` has passed, recovering from stalls.
pub async fn until_decided(
    rt: &mut Runtime,
    undecided: impl Fn(&Runtime) -> u64,
    stall: Duration,
    limit: Duration,
) -> Waited {
    let start = Instant::now();
    let mut stalls = 0;
    let mut last = (undecided(rt), Instant::now());
    loop {
        let waiting = undecided(rt);
        if waiting == 0 || start.elapsed() >= limit {
            return Waited {
                undecided: waiting,
                stalls,
            };
        }
        if waiting != last.0 {
            last = (waiting, Instant::now());
        } else if last.1.elapsed() >= stall {
            eprintln!("the local queue stalled with {waiting} undecided: restarting the runtime");
            stalls += 1;
            rt.restart().await;
            rt.fire_cron().await;
            last = (waiting, Instant::now());
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}
