fn main() {
    println!("{}", rate_limiter::answer());
}
