//! CPU time used by the local runtime's processes and by this process, read from Linux's
//! `/proc`, so a benchmark can say where a request's CPU goes (the load generator, wrangler's
//! Node.js, each workerd) rather than only how long it waited.

use std::collections::BTreeMap;
use std::path::Path;

/// Clock ticks per second of `/proc/*/stat` (`getconf CLK_TCK`; 100 on every Linux we run on).
const TICKS_PER_S: f64 = 100.0;

/// CPU seconds so far, per process of the runtime (named `comm:pid`) and for this process.
#[derive(Clone, Debug, Default)]
pub struct CpuSample {
    pub by_process: BTreeMap<String, f64>,
    pub this_process: f64,
}

impl CpuSample {
    /// The processes of the runtime whose state lives in `state_dir`: the Node.js process whose
    /// command line names that folder, and all its descendants.
    pub fn of_runtime(state_dir: &Path) -> Self {
        let needle = state_dir.to_string_lossy().into_owned();
        let mut by_process = BTreeMap::new();
        let roots: Vec<u32> = pids()
            .filter(|&pid| {
                std::fs::read(format!("/proc/{pid}/cmdline"))
                    .map(|c| String::from_utf8_lossy(&c).contains(&needle))
                    .unwrap_or(false)
            })
            .collect();
        let mut seen = Vec::new();
        let mut todo = roots;
        while let Some(pid) = todo.pop() {
            if seen.contains(&pid) {
                continue;
            }
            seen.push(pid);
            if let Some((comm, secs)) = stat(pid) {
                by_process.insert(format!("{comm}:{pid}"), secs);
            }
            todo.extend(children(pid));
        }
        CpuSample {
            by_process,
            this_process: stat(std::process::id()).map_or(0.0, |(_, s)| s),
        }
    }

    /// CPU seconds used between `earlier` and `self`, per process (only those that used any).
    pub fn since(&self, earlier: &CpuSample) -> CpuSample {
        let by_process = self
            .by_process
            .iter()
            .map(|(k, v)| {
                (
                    k.clone(),
                    v - earlier.by_process.get(k).copied().unwrap_or(0.0),
                )
            })
            .filter(|(_, v)| *v > 0.0)
            .collect();
        CpuSample {
            by_process,
            this_process: self.this_process - earlier.this_process,
        }
    }
}

fn pids() -> impl Iterator<Item = u32> {
    std::fs::read_dir("/proc")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse().ok())
}

fn children(pid: u32) -> Vec<u32> {
    let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
        return Vec::new();
    };
    tasks
        .flatten()
        .filter_map(|t| std::fs::read_to_string(t.path().join("children")).ok())
        .flat_map(|c| {
            c.split_whitespace()
                .filter_map(|p| p.parse().ok())
                .collect::<Vec<u32>>()
        })
        .collect()
}

/// (command name, user + system CPU seconds) of a process.
fn stat(pid: u32) -> Option<(String, f64)> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name is in parentheses and may hold spaces; the fields follow the last ')'.
    let open = stat.find('(')?;
    let close = stat.rfind(')')?;
    let comm = stat[open + 1..close].to_string();
    let fields: Vec<&str> = stat[close + 2..].split_whitespace().collect();
    // Fields 14 and 15 of stat(5) (utime, stime); `fields` starts at field 3.
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((comm, (utime + stime) / TICKS_PER_S))
}
