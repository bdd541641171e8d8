fn main() {
    println!("{}", notify_worker::answer());
}
