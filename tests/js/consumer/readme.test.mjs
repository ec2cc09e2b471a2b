// The README's example of the JavaScript library, run as written: copied out of the section
// "JavaScript library" into this consumer (where `@shifan/rules` is installed from its
// tarball) and run with node.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { repo } from './compare.mjs';

test('the README example runs as written', () => {
  const readme = readFileSync(path.join(repo, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## JavaScript library'));
  const match = section.match(/```js\n([\s\S]*?)```/);
  assert.ok(match, 'a ```js block in the section');
  writeFileSync('readme-example.mjs', match[1]);
  const run = spawnSync('node', ['readme-example.mjs'], { encoding: 'utf8' });
  assert.equal(run.stderr, '');
  assert.equal(run.status, 0);
  const lines = run.stdout.trim().split('\n');
  assert.match(lines[0], /^小店区 \d+\.\d% \(92 ÷ \d+\) 预估：/);
  assert.match(lines[1], /^10 \d+ not_yet \d+$/);
  assert.equal(lines.length, 4, run.stdout);
  assert.match(lines[2], /catalog|table|indicator|area/i, 'the empty table is refused with its problem');
  assert.equal(lines.at(-1), createHash('sha256').update('证明材料').digest('hex'));
});
