fn main() {
    println!("{}", audit_log::answer());
}
