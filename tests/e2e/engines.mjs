// The old engines of the browser floor (issue 10), for floor.test.mjs: Chromium builds that npm
// packages carry inside them, so they install from the registry like any other dev dependency
// and need no download at run time.
//
// Both packages would unpack their binary themselves (`executablePath`, with
// AWS_LAMBDA_FUNCTION_NAME set for chrome-aws-lambda), but both first look for a fixed
// `/tmp/chromium` and return it if it exists, whichever package (or user of the machine) put it
// there: the 92 package then hands out the 85 binary. So we inflate the packages' own
// `bin/chromium.br` and `bin/swiftshader.tar.br` (what `executablePath` does) into a folder of our own, one per package and
// version, once.

import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';

// Playwright 1.64 and later call Element.checkVisibility (Chromium 105) unguarded in their
// injected script, so every wait and click fails on these engines; 1.63 is the last release
// that checks for it first. Kept under its own name beside the current playwright-core.
import { chromium } from 'playwright-core-old-engines';

import { repoRoot } from './serve.mjs';

const require = createRequire(import.meta.url);

/** The engines: the floor's own (Chromium 85) and one in the middle of the range (92). */
export const OLD_ENGINES = [
  { name: 'Chromium 85', major: 85, pkg: 'chrome-aws-lambda' },
  { name: 'Chromium 92', major: 92, pkg: '@sparticuz/chromium' },
];

/**
 * Flags for these builds (made for AWS Lambda): as root, in one process, no GPU. Plus the
 * networking flags of serve.mjs: the browser must not try to reach other hosts.
 */
export const OLD_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--no-zygote',
  '--single-process',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Where the binaries are unpacked: $SHIFAN_ENGINES_DIR (set by `cargo xtask test`), else target/engines. */
function enginesDir() {
  return process.env.SHIFAN_ENGINES_DIR || path.join(repoRoot, 'target', 'engines');
}

/** The path of `engine`'s binary, unpacked from its npm package on first use. */
export function oldChromiumPath(engine) {
  const pkgDir = path.dirname(require.resolve(`${engine.pkg}/package.json`));
  const { version } = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
  const dir = path.join(enginesDir(), `${engine.pkg.replace(/[@/]/g, '_')}-${version}`);
  const binary = path.join(dir, 'chromium');
  if (!existsSync(binary)) {
    // The software GL the binary loads from `swiftshader/` beside it; without it, pages never
    // render. Unpacked first: the binary, written last, says the folder is complete.
    const swiftshader = path.join(dir, 'swiftshader');
    mkdirSync(swiftshader, { recursive: true });
    const tar = brotliDecompressSync(readFileSync(path.join(pkgDir, 'bin', 'swiftshader.tar.br')));
    const untar = spawnSync('tar', ['-x', '-C', swiftshader], { input: tar });
    if (untar.status !== 0) throw new Error(`unpacking ${engine.pkg}'s swiftshader: ${untar.stderr}`);
    // Written beside and renamed: a test file running at the same time never sees half a binary.
    const partial = `${binary}.${process.pid}.partial`;
    writeFileSync(partial, brotliDecompressSync(readFileSync(path.join(pkgDir, 'bin', 'chromium.br'))));
    chmodSync(partial, 0o755);
    renameSync(partial, binary);
  }
  return binary;
}

/** Launches `engine` headless with playwright-core. */
export function launchOldChromium(engine) {
  return chromium.launch({ executablePath: oldChromiumPath(engine), headless: true, args: OLD_CHROMIUM_ARGS });
}
