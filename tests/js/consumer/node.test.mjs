// @shifan/rules from Node, installed from its tarball: every function through the package's
// "node" export, compared with the `shifan` CLI on the same files; the browser build and the
// `.wasm` export loaded as a host that brings its own bytes would.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';

import * as lib from '@shifan/rules';
import { runCases } from './cases.mjs';
import { caseInput, compareWithCli } from './compare.mjs';

test('every function, from Node, answers as the CLI does', () => {
  const input = caseInput();
  compareWithCli(runCases(lib, input), input);
});

test('the browser build runs with the .wasm export given as bytes, and answers the same', async () => {
  // A module instance of its own (the query), not the one node.js has initialised.
  const browser = await import(`${import.meta.resolve('@shifan/rules/browser')}?fresh`);
  assert.throws(() => browser.builtinCatalogs(), 'not usable before init');
  const wasm = await readFile(new URL(import.meta.resolve('@shifan/rules/wasm')));
  await browser.default({ module_or_path: wasm });
  const input = caseInput();
  const viaBrowserBuild = runCases(browser, input);
  assert.deepEqual(viaBrowserBuild, runCases(lib, input));
});

test('the package exports what its package.json says', async () => {
  const manifest = JSON.parse(await readFile(new URL(import.meta.resolve('@shifan/rules/package.json')), 'utf8'));
  assert.equal(manifest.name, '@shifan/rules');
  assert.deepEqual(Object.keys(manifest.exports['.']), ['types', 'node', 'browser', 'default']);
  const schema = JSON.parse(
    await readFile(new URL(import.meta.resolve('@shifan/rules/schemas/application-v1.schema.json')), 'utf8'),
  );
  assert.deepEqual(schema, lib.schemas().application);
  for (const name of ['builtinCatalogs', 'verify', 'evaluate', 'sampleApplication', 'schemas', 'Catalogs', 'Hasher', 'default']) {
    assert.equal(typeof lib[name], 'function', name);
  }
});
