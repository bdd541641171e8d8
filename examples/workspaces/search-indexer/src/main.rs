fn main() {
    println!("{}", search_indexer::answer());
}
