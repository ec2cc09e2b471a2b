// Every function of @shifan/rules called on the same inputs, in Node or in a browser page
// (no Node API here): the answers are compared with the `shifan` CLI's by compare.mjs.
//
// `input` is plain data (it crosses into the page through playwright's evaluate):
//   fixtures: [{ name, bytes: number[] }]   every file of tests/fixtures/*.json
//   catalog:  { name, bytes }               tests/fixtures/catalogs/jinzhong-local-2021.json
//   table:    string                        `shifan catalog export-csv`
//   badTable: string                        a table with broken rows
//   samples:  [spec]                        sampleApplication inputs

/** Runs every function on `input` with the library module `lib`; returns plain data. */
export function runCases(lib, input) {
  const out = {};
  out.builtin = lib.builtinCatalogs();

  // Verify each fixture as bytes, and the valid ones also as text: the same answer.
  out.verify = input.fixtures.map(({ name, bytes }) => {
    const data = Uint8Array.from(bytes);
    const result = lib.verify(data);
    let sameAsText = null;
    if (result.ok) {
      const text = new TextDecoder().decode(data);
      sameAsText = JSON.stringify(lib.verify(text)) === JSON.stringify(result);
    }
    return { name, result, sameAsText };
  });

  // Catalogs: load a JSON catalog, a CSV table and a broken table, then verify against them.
  const catalogs = new lib.Catalogs();
  out.catalogsBefore = catalogs.list().length;
  out.loadJson = catalogs.load(input.catalog.name, Uint8Array.from(input.catalog.bytes));
  out.loadTable = catalogs.load('本省指标表.csv', input.table);
  out.loadBad = catalogs.load('坏表.csv', input.badTable);
  out.catalogsAfter = catalogs.list().map((c) => ({ id: c.id, fingerprint: c.fingerprint, builtin: c.builtin }));
  out.verifyWithCatalogs = input.fixtures
    .filter(({ name }) => name === 'invalid-unknown-catalog.json' || name === 'valid-comprehensive.json')
    .map(({ name, bytes }) => ({ name, result: catalogs.verify(Uint8Array.from(bytes)) }));

  // Evaluate each valid application's answers, with the built-in catalogs and with the set.
  out.evaluate = out.verify
    .filter(({ result }) => result.ok && result.kind === 'application')
    .map(({ name, result }) => {
      const given = {
        catalog: result.file.catalog,
        level: result.file.applicant.level,
        answers: result.file.answers,
      };
      return { name, result: lib.evaluate(given), viaSet: catalogs.evaluate(given) };
    });
  // Half the answers left out: the rest count as unanswered, and nothing is refused for it.
  const first = out.verify.find(({ result }) => result.ok && result.kind === 'application').result.file;
  out.evaluatePartial = lib.evaluate({ level: first.applicant.level, answers: first.answers.slice(0, 50) });
  out.evaluateBad = [
    lib.evaluate({ level: 'town', answers: [] }),
    lib.evaluate({ level: 'county', answers: [{ number: 1 }] }),
    lib.evaluate({ level: 'county', answers: [], catalog: { id: 'no-such', fingerprint: 'sha256:00' } }),
  ];

  // The hasher, fed in uneven chunks.
  out.hashes = input.fixtures.slice(0, 4).map(({ name, bytes }) => {
    const data = Uint8Array.from(bytes);
    const h = new lib.Hasher();
    for (let at = 0, step = 1; at < data.length; at += step, step = step * 3 + 1) {
      h.update(data.subarray(at, at + step));
    }
    const seen = h.bytesSeen();
    return { name, seen, hex: h.finish() };
  });
  const empty = new lib.Hasher();
  out.emptyHash = empty.finish();

  out.schemas = lib.schemas();
  out.samples = input.samples.map((spec) => lib.sampleApplication(spec));

  // A wrong argument is a TypeError-like throw, not a wrong answer.
  try {
    lib.verify(42);
    out.wrongArgument = 'no error';
  } catch (e) {
    out.wrongArgument = String(e && e.message);
  }
  return out;
}
