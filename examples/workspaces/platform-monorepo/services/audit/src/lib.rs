pub use itoa;
pub use cfg_if;

pub fn answer() -> u32 {
    42
}
