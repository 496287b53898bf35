//! Child processes that cannot outlive the test: each runs in its own process group under a tiny
//! shell supervisor that kills the whole group when the test's end of a pipe closes, even when the
//! test runner itself is killed. (Killing only wrangler's node parent leaves workerd running.)

use std::process::{Child, Command, Stdio};

pub struct GroupChild {
    supervisor: Child,
}

impl GroupChild {
    /// Starts `program args...` in a new process group; stdout/stderr go to `log`.
    pub fn spawn(
        program: &str,
        args: &[String],
        envs: &[(&str, String)],
        log: &std::path::Path,
    ) -> Self {
        use std::os::unix::process::CommandExt;
        let log_file = std::fs::File::create(log).expect("create log");
        let script = r#"trap '' TERM; "$@" & read -r _; kill -TERM -- -$$ 2>/dev/null; sleep 2; kill -KILL -- -$$"#;
        let mut cmd = Command::new("bash");
        cmd.arg("-c")
            .arg(script)
            .arg("supervisor")
            .arg(program)
            .args(args);
        for (k, v) in envs {
            cmd.env(k, v);
        }
        let supervisor = cmd
            .process_group(0)
            .stdin(Stdio::piped())
            .stdout(log_file.try_clone().unwrap())
            .stderr(log_file)
            .spawn()
            .unwrap_or_else(|e| panic!("spawn {program}: {e}"));
        Self { supervisor }
    }
}

impl GroupChild {
    /// Kills the whole group at once with SIGKILL (a crash: nothing gets to finish or flush).
    pub fn kill(&mut self) {
        let group = format!("-{}", self.supervisor.id());
        let status = Command::new("kill")
            .args(["-KILL", "--", &group])
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -KILL {group}: {status}");
        let _ = self.supervisor.wait();
    }
}

impl Drop for GroupChild {
    fn drop(&mut self) {
        // Closing stdin wakes the supervisor's `read`, which then ends the whole group.
        drop(self.supervisor.stdin.take());
        let _ = self.supervisor.wait();
    }
}
