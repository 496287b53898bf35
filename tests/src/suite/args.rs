//! The command line a suite takes: the subset of libtest's that cargo and people pass (a name
//! filter, `--exact`, `--skip`, `--test-threads`, `--list`, `--quiet`); other switches are
//! accepted and ignored, so `cargo test -p tests -- <libtest args>` runs every kind of test binary.

/// What the command line asks for.
#[derive(Debug, PartialEq)]
pub struct Args {
    /// Run the cases whose name contains one of these (all cases when empty).
    pub filters: Vec<String>,
    /// Filters must match a name exactly.
    pub exact: bool,
    /// Leave out the cases whose name contains one of these.
    pub skip: Vec<String>,
    /// How many cases run at once.
    pub threads: usize,
    /// Only list the cases.
    pub list: bool,
    /// One character per case instead of one line.
    pub quiet: bool,
    /// `--ignored`: only the ignored cases, which a suite has none of.
    pub ignored_only: bool,
}

/// libtest switches that take a value, which must not be read as a filter.
const WITH_VALUE: [&str; 5] = ["--color", "--format", "--logfile", "-Z", "--shuffle-seed"];

impl Args {
    /// Reads the arguments after the program name; `default_threads` applies when neither
    /// `--test-threads` nor `RUST_TEST_THREADS` says.
    pub fn parse(args: impl IntoIterator<Item = String>, default_threads: usize) -> Self {
        let mut out = Args {
            filters: Vec::new(),
            exact: false,
            skip: Vec::new(),
            threads: std::env::var("RUST_TEST_THREADS")
                .ok()
                .and_then(|n| n.parse().ok())
                .unwrap_or(default_threads),
            list: false,
            quiet: false,
            ignored_only: false,
        };
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            let (name, inline) = match arg.split_once('=') {
                Some((n, v)) if n.starts_with('-') => (n.to_string(), Some(v.to_string())),
                _ => (arg.clone(), None),
            };
            let mut value = || inline.clone().or_else(|| args.next());
            match name.as_str() {
                "--test-threads" => {
                    let n = value().unwrap_or_default();
                    out.threads = n
                        .parse()
                        .unwrap_or_else(|_| panic!("--test-threads takes a number, not {n:?}"));
                }
                "--skip" => out.skip.extend(value()),
                "--exact" => out.exact = true,
                "--list" => out.list = true,
                "-q" | "--quiet" => out.quiet = true,
                "--ignored" => out.ignored_only = true,
                flag if WITH_VALUE.contains(&flag) => {
                    value();
                }
                flag if flag.starts_with('-') => {}
                _ => out.filters.push(arg),
            }
        }
        out.threads = out.threads.max(1);
        out
    }

    /// Whether the case called `name` is to run.
    pub fn selects(&self, name: &str) -> bool {
        let matches = |f: &String| {
            if self.exact {
                name == f
            } else {
                name.contains(f.as_str())
            }
        };
        !self.ignored_only
            && (self.filters.is_empty() || self.filters.iter().any(matches))
            && !self.skip.iter().any(|s| name.contains(s.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::Args;

    fn parse(line: &str) -> Args {
        Args::parse(line.split_whitespace().map(String::from), 4)
    }

    #[test]
    fn cargo_style_arguments_are_understood() {
        let a = parse("--quiet --test-threads=2 journey --color always");
        assert_eq!(a.threads, 2);
        assert!(a.quiet);
        assert_eq!(a.filters, ["journey"]);
        let a = parse("--test-threads 3 --exact operator_signs_in --nocapture");
        assert_eq!((a.threads, a.exact), (3, true));
        assert_eq!(a.filters, ["operator_signs_in"]);
    }

    #[test]
    fn filters_select_by_part_of_the_name_unless_exact() {
        let a = parse("outbox");
        assert!(a.selects("outbox_sends_offline_work_once"));
        assert!(!a.selects("walk_in_lands_in_the_queue"));
        assert!(parse("").selects("anything"));
        assert!(!parse("--exact outbox").selects("outbox_sends"));
        assert!(!parse("--skip outbox").selects("outbox_sends"));
        assert!(!parse("--ignored").selects("outbox_sends"));
    }
}
