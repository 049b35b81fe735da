/**
 * Read: the source bytes → lines, and the first limits the build enforces.
 *
 * - The text must be UTF-8, or GB18030 when plan.yaml says `encoding: gb18030`. A file that is
 *   not UTF-8 but reads as GB18030 gets one problem saying so. Otherwise every invalid sequence is reported where it is
 *   (`encoding`, its line and bytes, and why the decoder refuses it: an
 *   overlong form, a surrogate, a byte that never occurs, a sequence cut
 *   short), following the WHATWG decoder's rules, the ones TextDecoder
 *   applies. The text is then decoded with U+FFFD in their place so the later
 *   stages can report their own problems too; the build still fails.
 * - Lines end at CR LF, LF or a lone CR (old Mac files).
 * - A control or invisible character (NUL, C0/C1 controls, zero-width
 *   spaces and joiners, bidi marks, soft hyphens, variation selectors, line
 *   and paragraph separators: Unicode's Cc, Cf and default-ignorable code
 *   points, tab excepted) is dropped, and each line that had any gets an
 *   `invisible-character` repair naming them: nothing is changed silently,
 *   in any source form.
 * - Limits (docs/pipeline.md): a file of at most MAX_FILE_BYTES, lines of at
 *   most MAX_LINE_CHARS characters. A longer line is reported
 *   (`line-too-long`) and read cut at the limit, so the stages after it stay
 *   bounded while they look for more problems.
 *
 * Pure: bytes in, lines out, problems to `issues`, repairs to `repairs`.
 * Returns null when nothing can be read (an empty or oversized file).
 */
import type { SourceEncoding } from '../../src/model/plan-meta.ts';
import type { Repair } from '../../src/model/types.ts';
import type { IssueCollector } from './errors.ts';

/** Largest source file the build reads: 16 MiB (the largest real plan is under 300 KB). */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;
/** Longest line, in UTF-16 code units: a real plan's longest paragraph line is under 3,000. */
export const MAX_LINE_CHARS = 20_000;
/** How many invalid UTF-8 sequences are reported one by one before the rest are counted. */
const MAX_ENCODING_ISSUES = 20;

export function decodeSource(
  bytes: Uint8Array,
  issues: IssueCollector,
  repairs: Repair[] = [],
  encoding: SourceEncoding = 'utf-8',
): string[] | null {
  if (bytes.length > MAX_FILE_BYTES) {
    issues.add(
      1,
      'file-too-large',
      `the file has ${bytes.length} bytes; the build reads plans of at most ${MAX_FILE_BYTES} bytes (a real plan has well under 1 MB)`,
    );
    return null;
  }
  let text: string;
  if (encoding === 'gb18030') {
    text = decodeGb18030(bytes, issues);
  } else {
    const invalid = invalidUtf8(bytes);
    if (invalid.length > 0) reportInvalid(bytes, invalid, issues, looksGb18030(bytes));
    text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') {
    issues.add(1, 'empty', 'the file is empty; expected the converted plan text');
    return null;
  }
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = dropInvisible(lines[i]!, i + 1, repairs);
    if (line.length > MAX_LINE_CHARS) {
      issues.add(
        i + 1,
        'line-too-long',
        `the line has ${line.length} characters; the build reads lines of at most ${MAX_LINE_CHARS} (a real plan's longest is under 3,000); expected the plan's paragraphs, one a line or hard-wrapped`,
      );
      line = line.slice(0, MAX_LINE_CHARS);
    }
    lines[i] = line;
  }
  return lines;
}

/**
 * Characters that print nothing: C0 and C1 controls other than tab (line
 * breaks are gone by now), format characters (zero-width space and joiners,
 * bidi marks, soft hyphen, BOM, word joiner, tags…), other default-ignorable
 * code points (variation selectors, Hangul fillers) and the line and
 * paragraph separators.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\u2028\u2029]/u;
const EVERY_INVISIBLE = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\u2028\u2029]/gu;

/** The line without its invisible characters, each drop recorded (tab is kept: tables use it). */
export function dropInvisible(text: string, line: number, repairs: Repair[]): string {
  if (!INVISIBLE.test(text)) return text;
  const found = new Set<string>();
  const out = text.replace(EVERY_INVISIBLE, (c) => {
    if (c === '\t') return c;
    found.add(c);
    return '';
  });
  if (found.size === 0) return text;
  const codes = [...found].map(
    (c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
  );
  repairs.push({ kind: 'invisible-character', line, before: codes.join(' '), after: '' });
  return out;
}

/** One run of bytes the UTF-8 decoder refuses: where it starts, how long it is, and why. */
export interface InvalidUtf8 {
  offset: number;
  length: number;
  reason: string;
}

/**
 * Every invalid sequence, by the WHATWG decoder's rules (the ones TextDecoder
 * applies): a lead byte must be C2–F4; E0 must be followed by A0–BF (else the
 * form is overlong), ED by 80–9F (else it encodes a surrogate), F0 by 90–BF,
 * F4 by 80–8F (else beyond U+10FFFF); every other continuation is 80–BF.
 * Adjacent invalid bytes are one run. Linear in the input.
 */
export function invalidUtf8(bytes: Uint8Array): InvalidUtf8[] {
  const out: InvalidUtf8[] = [];
  const flag = (offset: number, length: number, reason: string) => {
    const last = out.at(-1);
    if (last && last.offset + last.length === offset) last.length += length;
    else out.push({ offset, length, reason });
  };
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lower = 0x80;
    let upper = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lower = 0xa0;
      if (b === 0xed) upper = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lower = 0x90;
      if (b === 0xf4) upper = 0x8f;
    } else {
      flag(
        i,
        1,
        b <= 0xbf
          ? 'a continuation byte with no lead byte before it'
          : b <= 0xc1
            ? 'a lead byte that can only start an overlong encoding'
            : 'a byte that never occurs in UTF-8',
      );
      i++;
      continue;
    }
    let k = 1;
    for (; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) break;
      const lo = k === 1 ? lower : 0x80;
      const hi = k === 1 ? upper : 0xbf;
      if (c < lo || c > hi) break;
    }
    if (k > need) {
      i += need + 1;
      continue;
    }
    const next = bytes[i + 1];
    const reason =
      i + k >= bytes.length
        ? 'a sequence cut short by the end of the file'
        : k === 1 && b === 0xed && next !== undefined && next >= 0xa0 && next <= 0xbf
          ? 'a UTF-16 surrogate (U+D800–U+DFFF), which UTF-8 may not encode'
          : k === 1 && (b === 0xe0 || b === 0xf0) && next !== undefined && next < lower
            ? 'an overlong encoding'
            : k === 1 && b === 0xf4 && next !== undefined && next > upper && next <= 0xbf
              ? 'a code point beyond U+10FFFF'
              : 'a lead byte without the continuation bytes it needs';
    // The bytes read so far are the invalid run; the byte that broke it is read again.
    flag(i, k, reason);
    i += k;
  }
  return out;
}

/** Whether the whole file decodes as GB18030: a text saved on a Chinese system, not damage. */
function looksGb18030(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * A GB18030 text, decoded line by line so a bad sequence is reported on its line (no GB18030
 * sequence holds the byte of a line feed), with U+FFFD in its place for the later stages.
 */
function decodeGb18030(bytes: Uint8Array, issues: IssueCollector): string {
  const strict = new TextDecoder('gb18030', { fatal: true });
  const lenient = new TextDecoder('gb18030', { fatal: false });
  const lines: string[] = [];
  let start = 0;
  let line = 1;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    const chunk = bytes.subarray(start, i);
    try {
      lines.push(strict.decode(chunk));
    } catch {
      issues.add(
        line,
        'encoding',
        'the line is not valid GB18030; expected the plan in the encoding plan.yaml names (gb18030)',
      );
      lines.push(lenient.decode(chunk));
    }
    start = i + 1;
    line++;
  }
  return lines.join('\n');
}

function reportInvalid(
  bytes: Uint8Array,
  invalid: InvalidUtf8[],
  issues: IssueCollector,
  gb18030: boolean,
): void {
  if (gb18030) {
    // One problem, about the whole file (line 1), not one per character: the file is in another
    // encoding, and says which.
    issues.add(
      1,
      'encoding',
      `the file is not UTF-8 but reads as GB18030 (GBK); expected UTF-8, or \`encoding: gb18030\` in plan.yaml`,
    );
    return;
  }
  // Line numbers: count line breaks (LF, CR LF, lone CR) up to each offset, in one pass.
  let line = 1;
  let lineStart = 0;
  let at = 0;
  for (const [n, run] of invalid.entries()) {
    if (n === MAX_ENCODING_ISSUES) {
      issues.add(
        line,
        'encoding',
        `and ${invalid.length - n} more invalid UTF-8 sequences after this line; expected the plan as UTF-8 text`,
      );
      return;
    }
    for (; at < run.offset; at++) {
      const b = bytes[at]!;
      if (b === 0x0a || (b === 0x0d && bytes[at + 1] !== 0x0a)) {
        line++;
        lineStart = at + 1;
      }
    }
    const shown = [...bytes.subarray(run.offset, Math.min(run.offset + run.length, run.offset + 8))]
      .map((b) => b.toString(16).padStart(2, '0'))
      .join(' ');
    const more = run.length > 8 ? ` … (${run.length} bytes)` : '';
    issues.add(
      line,
      'encoding',
      `${run.length === 1 ? 'byte' : 'bytes'} 0x${shown.replaceAll(' ', ' 0x')}${more} at byte ${run.offset - lineStart + 1} of the line (offset ${run.offset}) ${run.length === 1 ? 'is' : 'are'} not valid UTF-8: ${run.reason}; expected the plan as UTF-8 text`,
    );
  }
}
