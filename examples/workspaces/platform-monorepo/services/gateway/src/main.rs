fn main() {
    println!("{}", edge_gateway::answer());
}
