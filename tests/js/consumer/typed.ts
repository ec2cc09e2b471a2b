// A typed consumer of @shifan/rules, checked by `tsc --noEmit` (strict, with the package's own
// declarations checked too). Every function is called with its real types; each
// `@ts-expect-error` line below must fail to type-check, or tsc reports the directive unused.

import init, { Catalogs, Hasher, builtinCatalogs, evaluate, sampleApplication, schemas, verify } from '@shifan/rules';
import type {
  CatalogInfo,
  Code,
  Evaluation,
  EvaluationInput,
  GapEntry,
  JsonSchema,
  Problem,
  Sample,
  Severity,
  Standing,
  Verdict,
  Verification,
} from '@shifan/rules';

/** One line per problem, as a host page might list them. */
export function describe(problems: Problem[]): string[] {
  return problems.map((p) => {
    const code: Code = p.code;
    const severity: Severity = p.severity;
    const where = p.at.indicator != null ? ` (indicator ${p.at.indicator})` : p.at.line != null ? ` (line ${p.at.line})` : '';
    return `${severity} ${code}${where}: ${p.message.zh} / ${p.message.en}`;
  });
}

export async function main(text: string, bytes: Uint8Array, table: string): Promise<string[]> {
  await init();
  const lines: string[] = [];
  const catalogs: CatalogInfo[] = builtinCatalogs();
  lines.push(`${catalogs.length} built-in: ${catalogs.map((c) => `${c.id} ${c.indicators} ${c.threshold.numerator}/${c.threshold.denominator}`).join(', ')}`);

  const result: Verification = verify(text);
  if (result.ok) {
    if (result.kind === 'application') {
      const standing: Standing = result.summary;
      const verdict: Verdict | null = result.verdict;
      lines.push(`${result.file.applicant.city}${result.file.applicant.county} ${standing.compliance} (${standing.formula}) ${verdict ?? 'single-item'}`);
      if (result.file.kind.type === 'single_item') lines.push(result.file.kind.narrative.innovation);
    } else if (result.kind === 'package') {
      lines.push(`${result.summary.city}: ${result.summary.applications.length} applications, ${result.summary.recommended} recommended`);
    } else if (result.kind === 'register') {
      lines.push(`${result.summary.province} ${result.summary.round}: ${result.summary.named} named, ${result.summary.events} events`);
    } else {
      lines.push(`${result.summary.title.zh} (${result.summary.year}): ${result.summary.lengths.length} parts`);
    }
    lines.push(...describe(result.warnings));
  } else {
    lines.push(...describe(result.problems));
  }

  const set = new Catalogs();
  const loaded = set.load('本省指标表.csv', table);
  lines.push(loaded.ok ? `loaded ${loaded.catalog.fingerprint}` : describe(loaded.problems).join('\n'));
  const again: Verification = set.verify(bytes);
  lines.push(String(again.ok));

  const input: EvaluationInput = { level: 'county', answers: [] };
  const evaluation: Evaluation = evaluate(input);
  if (evaluation.ok) {
    const gaps: GapEntry[] = evaluation.gaps;
    lines.push(`${evaluation.summary.met} ÷ ${evaluation.summary.applicable}, ${gaps.length} gaps, ${evaluation.verdict_label.en}`);
  }

  const hasher = new Hasher();
  hasher.update(bytes);
  const seen: number = hasher.bytesSeen();
  const hex: string = hasher.finish();
  lines.push(`${seen} ${hex}`);

  const schema: JsonSchema = schemas().application;
  lines.push(typeof schema);
  const sample: Sample = sampleApplication({ division_code: '140105', met: 92 });
  if (sample.ok) lines.push(sample.text.length.toString());
  return lines;
}

// A code that is not one of shifan's.
// @ts-expect-error
export const wrongCode: Code = 'no-such-code';

// A problem without its severity.
// @ts-expect-error
export const missingField: Problem = { code: 'not-json', message: { zh: '不是 JSON', en: 'not JSON' }, at: {} };

// A message without its English text.
// @ts-expect-error
export const halfMessage: Problem = { code: 'not-json', severity: 'error', message: { zh: '不是 JSON' }, at: {} };

export function unnarrowed(text: string): string {
  // The summary exists only on a result that is ok.
  // @ts-expect-error
  return verify(text).summary.compliance;
}

export function wrongInputs(): void {
  // evaluate needs the level of government.
  // @ts-expect-error
  evaluate({ answers: [] });
  // A file is text or bytes, not a number.
  // @ts-expect-error
  verify(42);
  // A status that does not exist.
  // @ts-expect-error
  evaluate({ level: 'county', answers: [{ number: 1, satisfied: [], status: 'done', reason: '', note: '', evidence: [] }] });
}
