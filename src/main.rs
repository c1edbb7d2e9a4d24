//! Mounts the page (browser build). The native build of this binary only points to the
//! command-line runner.

#[cfg(target_arch = "wasm32")]
fn main() {
    recovery_lab::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This binary is the web page; build it with Trunk. For the command line, run recovery-lab-cli.");
}
