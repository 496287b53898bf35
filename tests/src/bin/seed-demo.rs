//! Writes the demo staff accounts as SQL to the file given, and prints the table of accounts.

fn main() {
    let path = std::env::args().nth(1).expect("usage: seed-demo OUT.sql");
    std::fs::write(&path, tests::seed::demo_staff_sql()).expect("write seed SQL");
    print!("{}", tests::seed::demo_staff_table());
}
