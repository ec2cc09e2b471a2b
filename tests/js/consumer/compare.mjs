// The inputs of cases.mjs read from the repository, and the check of its answers against the
// `shifan` CLI on the same files (run by node.test.mjs and browser.test.mjs).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The repository (set by `cargo xtask test`). */
export const repo = process.env.SHIFAN_REPO || path.resolve(process.cwd(), '..', '..', '..');
/** The CLI (set by `cargo xtask test`). */
export const cli = process.env.SHIFAN_BIN || path.join(repo, 'target', 'debug', 'shifan');
const fixturesDir = path.join(repo, 'tests', 'fixtures');

/** Runs the CLI; returns stdout, stderr and the status. */
export function shifan(args, { input } = {}) {
  const r = spawnSync(cli, ['--lang', 'en', ...args], { encoding: 'utf8', input, maxBuffer: 1 << 28 });
  if (r.error) throw r.error;
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

const BAD_TABLE = 'area,section,number,title,criteria,evidence,applies_to\n政府职能,简政放权,1,,,,\n政府职能,简政放权,x,标题,要点,,everywhere\n';

/** The inputs of runCases. */
export function caseInput() {
  const names = readdirSync(fixturesDir).filter((n) => n.endsWith('.json')).sort();
  const fixtures = names.map((name) => ({ name, bytes: [...readFileSync(path.join(fixturesDir, name))] }));
  const catalogName = 'jinzhong-local-2021.json';
  return {
    fixtures,
    catalog: { name: catalogName, bytes: [...readFileSync(path.join(fixturesDir, 'catalogs', catalogName))] },
    table: shifan(['catalog', 'export-csv']).stdout,
    badTable: BAD_TABLE,
    samples: [
      { division_code: '140105', met: 92 },
      { division_code: '140100', met: 40, seed: 7, date: '2026-12-01T10:00:00+08:00' },
      { division_code: '140105', met: 60, single_item: 'business-environment', seed: 3 },
      { division_code: '999999', met: 1 },
      { division_code: '140105', met: 1, date: 'yesterday' },
    ],
  };
}

/** `{code, message, at}` of a problem, as the CLI prints it. */
const plain = (p) => ({ code: p.code, message: p.message, at: p.at });

/** Checks one verify answer against the CLI's entry for the same file. */
function checkVerify(name, result, entry) {
  if (entry.status !== 'ok') {
    assert.equal(result.ok, false, `${name}: the CLI refuses it`);
    assert.deepEqual(result.problems.map(plain), entry.problems, `${name}: problems`);
    for (const p of result.problems) {
      assert.ok(p.severity === 'error' || p.severity === 'warning', `${name}: severity`);
      assert.ok(p.message.zh && p.message.en, `${name}: both languages`);
    }
    assert.equal(result.problems[0].severity, 'error', `${name}: errors first`);
    return;
  }
  assert.equal(result.ok, true, `${name}: the CLI accepts it: ${JSON.stringify(result.problems)}`);
  assert.deepEqual(result.warnings.map(plain), entry.warnings, `${name}: warnings`);
  assert.equal(result.kind, entry.application ? 'application' : 'package', `${name}: kind`);
  if (result.kind !== 'application') return;
  const a = entry.application;
  const s = result.summary;
  assert.equal(s.met, a.met, `${name}: met`);
  assert.equal(s.applicable, a.applicable, `${name}: applicable`);
  assert.equal(s.compliance, a.compliance, `${name}: compliance`);
  assert.equal(s.total.unanswered, a.unanswered, `${name}: unanswered`);
  assert.equal(result.verdict, a.verdict, `${name}: verdict`);
  assert.equal(result.verdict === null ? null : s.meets_bar, a.meets_bar, `${name}: meets_bar`);
  assert.equal(result.file.integrity, a.integrity, `${name}: integrity`);
  assert.equal(result.file.kind.type, a.kind, `${name}: kind`);
  assert.deepEqual(result.file.catalog, a.catalog, `${name}: catalog`);
  assert.equal(result.file.applicant.division_code, a.division_code, `${name}: division`);
  assert.deepEqual(s.summary, result.file.summary, `${name}: the summary recomputed is the one declared`);
}

/** Checks every answer of runCases against the CLI (and other independent references). */
export function compareWithCli(out, input) {
  const files = input.fixtures.map((f) => path.join(fixturesDir, f.name));
  const checked = JSON.parse(shifan(['check', '--json', ...files]).stdout);
  assert.equal(checked.length, out.verify.length);
  const byName = new Map(checked.map((e) => [path.basename(e.file), e]));
  let valid = 0;
  for (const { name, result, sameAsText } of out.verify) {
    checkVerify(name, result, byName.get(name));
    if (result.ok) {
      valid += 1;
      assert.equal(sameAsText, true, `${name}: text and bytes give the same answer`);
    }
  }
  assert.ok(valid >= 3 && valid < out.verify.length, 'fixtures both valid and invalid');

  // Built-in catalogs: the reference catalog is what `shifan catalog show --json` prints.
  const reference = JSON.parse(shifan(['catalog', 'show', '--json']).stdout);
  const builtin = out.builtin.find((c) => c.id === reference.id);
  assert.ok(builtin && builtin.builtin, 'the reference catalog is built in');
  assert.deepEqual(builtin.data, reference);
  assert.equal(builtin.indicators, reference.areas.flatMap((a) => a.sections.flatMap((s) => s.indicators)).length);

  // Loaded catalogs: the JSON catalog, and the table as `shifan catalog import` reads it.
  assert.equal(out.loadJson.ok, true, JSON.stringify(out.loadJson));
  const jinzhong = JSON.parse(Buffer.from(input.catalog.bytes).toString('utf8'));
  assert.deepEqual(out.loadJson.catalog.data, jinzhong);
  assert.equal(out.loadJson.catalog.builtin, false);
  assert.equal(out.loadTable.ok, true, JSON.stringify(out.loadTable));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shifan-js-'));
  const tablePath = path.join(dir, 'table.csv');
  writeFileSync(tablePath, input.table);
  const imported = JSON.parse(shifan(['catalog', 'import', tablePath, '-o', '-']).stdout);
  assert.deepEqual(out.loadTable.catalog.data.areas, imported.areas, 'the table reads as the CLI imports it');
  assert.equal(out.loadTable.catalog.data.title, '本省指标表', 'a table is named after its file');
  assert.equal(out.loadBad.ok, false);
  const badPath = path.join(dir, 'bad.csv');
  writeFileSync(badPath, input.badTable);
  const refused = shifan(['catalog', 'import', badPath, '-o', '-']);
  assert.equal(refused.status, 1);
  for (const p of out.loadBad.problems) {
    assert.ok(refused.stderr.includes(p.message.en), `the CLI reports ${p.code}: ${p.message.en}`);
    assert.ok(p.at.line >= 1, 'a table problem has its line');
  }
  assert.equal(out.catalogsBefore, out.builtin.length);
  assert.equal(out.catalogsAfter.length, out.builtin.length + 2);

  // Verified against the loaded catalogs, as `shifan check --catalog` does.
  const withCatalog = JSON.parse(
    shifan([
      'check',
      '--json',
      '--catalog',
      path.join(fixturesDir, 'catalogs', input.catalog.name),
      ...out.verifyWithCatalogs.map(({ name }) => path.join(fixturesDir, name)),
    ]).stdout,
  );
  out.verifyWithCatalogs.forEach(({ name, result }, i) => checkVerify(name, result, withCatalog[i]));

  // Evaluate: the same counts and verdict as the CLI reports for the file.
  assert.ok(out.evaluate.length >= 3);
  for (const { name, result, viaSet } of out.evaluate) {
    const a = byName.get(name).application;
    assert.equal(result.ok, true, `${name}: ${JSON.stringify(result)}`);
    assert.deepEqual(viaSet, result, `${name}: the set evaluates as the built-ins do`);
    assert.equal(result.summary.met, a.met, `${name}: met`);
    assert.equal(result.summary.applicable, a.applicable, `${name}: applicable`);
    assert.equal(result.summary.compliance, a.compliance, `${name}: compliance`);
    assert.equal(result.summary.formula, `${a.met} ÷ ${a.applicable}`, `${name}: formula`);
    assert.equal(result.summary.meets_bar, result.verdict === 'meets_bar');
    if (a.verdict !== null) assert.equal(result.verdict, a.verdict, `${name}: verdict`);
    const gaps = result.summary.total.not_met + result.summary.total.partly_met + result.summary.total.unanswered;
    assert.equal(result.gaps.length, gaps, `${name}: one gap per indicator not met, partly met or unanswered`);
    assert.ok(result.verdict_label.zh.startsWith('预估'), 'the verdict says it is an estimate');
  }
  const partial = out.evaluatePartial;
  assert.equal(partial.ok, true);
  assert.ok(partial.summary.total.unanswered >= 50);
  assert.ok(!partial.problems.some((p) => p.code === 'missing-indicator'));
  assert.deepEqual(out.evaluateBad.map((r) => [r.ok, r.problems[0].code]), [
    [false, 'not-application'],
    [false, 'not-application'],
    [false, 'unknown-catalog'],
  ]);

  // The hasher: SHA-256 as node:crypto computes it.
  for (const { name, seen, hex } of out.hashes) {
    const bytes = readFileSync(path.join(fixturesDir, name));
    assert.equal(seen, bytes.length);
    assert.equal(hex, createHash('sha256').update(bytes).digest('hex'), name);
  }
  assert.equal(out.emptyHash, createHash('sha256').digest('hex'));

  // Schemas: what `shifan schema` prints, and the package's as committed.
  assert.deepEqual(out.schemas.application, JSON.parse(shifan(['schema']).stdout));
  assert.deepEqual(
    out.schemas.package,
    JSON.parse(readFileSync(path.join(repo, 'crates/rules/schema/package-v1.schema.json'), 'utf8')),
  );

  // Samples: byte for byte what `shifan sample` writes; the bad ones refused with a code.
  const cliArgs = [
    ['--county', '140105', '--met', '92'],
    ['--county', '140100', '--met', '40', '--seed', '7', '--date', '2026-12-01T10:00:00+08:00'],
    ['--county', '140105', '--met', '60', '--kind', 'single-item', '--category', 'business-environment', '--seed', '3'],
  ];
  cliArgs.forEach((args, i) => {
    const made = out.samples[i];
    assert.equal(made.ok, true, JSON.stringify(made));
    assert.equal(made.text, shifan(['sample', ...args, '-o', '-']).stdout, `sample ${args.join(' ')}`);
    assert.deepEqual(made.file, JSON.parse(made.text));
  });
  assert.deepEqual(out.samples.slice(3).map((s) => [s.ok, s.problems[0].code]), [
    [false, 'unknown-division'],
    [false, 'invalid-time'],
  ]);
  assert.match(out.wrongArgument, /string or a Uint8Array/);
}
