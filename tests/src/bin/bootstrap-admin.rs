//! Production bootstrap: prints the SQL that creates the first administrator account, for
//! `wrangler d1 execute DB --remote --file` (see `tools/bootstrap-admin.sh` and README,
//! "Deploying"). Usage: `bootstrap-admin USERNAME "DISPLAY NAME" < password-line`. The password
//! is read from standard input (never an argument, which other users could see) and must pass
//! the staff password rules; id and salt come from the OS CSPRNG. Every later account is made
//! by this administrator in the console.

use std::io::{BufRead, Read};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [username, display_name] = args.as_slice() else {
        eprintln!("usage: bootstrap-admin USERNAME \"DISPLAY NAME\" < password");
        return ExitCode::from(2);
    };
    if !shared::auth::username_valid(username) {
        eprintln!(
            "{}",
            shared::validation::FieldCode::UsernameFormat.message(shared::i18n::Lang::En)
        );
        return ExitCode::from(2);
    }
    let display_name = display_name.trim();
    if display_name.is_empty() {
        eprintln!("the display name is empty");
        return ExitCode::from(2);
    }
    let mut password = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut password)
        .expect("read the password from standard input");
    let password = password.trim_end_matches(['\n', '\r']);
    let problems = shared::auth::password_problems(password, username);
    if !problems.is_empty() {
        for p in problems {
            eprintln!("{}", p.message(shared::i18n::Lang::En));
        }
        return ExitCode::from(2);
    }
    let salt: [u8; shared::auth::SALT_BYTES] = random();
    let hash = shared::auth::hash_password(password, salt).expect("hash the password");
    let id: String = random::<16>().iter().map(|b| format!("{b:02x}")).collect();
    let name = display_name.replace('\'', "''");
    println!(
        "INSERT INTO staff (id, username, display_name, role, district_code, password_hash, created_at) \
         VALUES ('{id}', '{username}', '{name}', 'administrator', NULL, '{hash}', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));"
    );
    ExitCode::SUCCESS
}

fn random<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut bytes))
        .expect("read /dev/urandom");
    bytes
}
