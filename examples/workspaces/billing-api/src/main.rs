fn main() {
    println!("{}", billing_api::answer());
}
