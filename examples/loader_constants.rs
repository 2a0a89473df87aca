//! Prints the constants of `factbox.js` (see `factbox::page`); `make dist` puts them into
//! the script.

fn main() {
    print!("{}", factbox::page::loader_constants());
}
