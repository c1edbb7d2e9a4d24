// Runs the command-line runner, for comparing the page with it. scripts/test.sh builds it and
// passes its path in RECOVERY_LAB_CLI; without that, `cargo run` builds and runs it.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { ROOT } from "./recovery-lab.page.mjs";

/** `recovery-lab-cli run --preset NAME --summary`, parsed. */
export function cliSummary(preset) {
  const args = ["run", "--preset", preset, "--summary"];
  const bin = process.env.RECOVERY_LAB_CLI;
  const [cmd, argv] =
    bin && existsSync(bin)
      ? [bin, args]
      : ["cargo", ["run", "--quiet", "--bin", "recovery-lab-cli", "--", ...args]];
  const stdout = execFileSync(cmd, argv, { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  try {
    return JSON.parse(stdout);
  } catch (err) {
    throw new Error(`${cmd} ${argv.join(" ")} did not print one JSON object: ${err.message}\n${stdout.slice(0, 500)}`);
  }
}

/** `recovery-lab-cli ARGS…` (e.g. `run --link URL --runs 40 --seed 7 --summary`), its JSON parsed. */
export function cliJson(args) {
  const bin = process.env.RECOVERY_LAB_CLI;
  const [cmd, argv] =
    bin && existsSync(bin)
      ? [bin, args]
      : ["cargo", ["run", "--quiet", "--bin", "recovery-lab-cli", "--", ...args]];
  const stdout = execFileSync(cmd, argv, { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  return JSON.parse(stdout);
}
