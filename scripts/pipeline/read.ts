import { IssueCollector } from './errors.ts';

/**
 * Decode the source bytes as strict UTF-8 and split them into lines.
 * Fails with the line of the first invalid byte, or on an empty file.
 */
export function decodeSource(bytes: Uint8Array, file: string): string[] {
  const issues = new IssueCollector(file);
  let text = '';
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const line = bytes.subarray(0, bad).filter((b) => b === 0x0a).length + 1;
    return issues.fail(
      line,
      'encoding',
      `byte 0x${bytes[bad]?.toString(16).padStart(2, '0')} at offset ${bad} is not valid UTF-8; expected the plan as UTF-8 text`,
    );
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '')
    issues.fail(1, 'empty', 'the file is empty; expected the converted plan text');
  return text.split(/\r?\n/);
}

/** Offset of the first byte that breaks UTF-8 (only called when decoding failed). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len =
      b < 0x80 ? 1 : b >> 5 === 0b110 ? 2 : b >> 4 === 0b1110 ? 3 : b >> 3 === 0b11110 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    for (let k = 1; k < len; k++) if (bytes[i + k]! >> 6 !== 0b10) return i;
    i += len;
  }
  return i;
}
