fn main() {
    println!("{}", ledger_worker::answer());
}
