/**
 * What an uploaded file really is, read from its first bytes (its name and
 * the browser's claim are not trusted). Only formats people commonly send
 * and staff can open safely are accepted.
 */
import { inflateRawSync } from 'node:zlib';

export type AcceptedFileType = { contentType: string; label: 'pdf' | 'word' | 'image' | 'text' | 'opendocument' };

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_FILES = 10;
/** A Word or OpenDocument file may unpack to at most this (a zip bomb unpacks to gigabytes). */
export const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) => signature.every((b, i) => bytes[offset + i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, Math.min(to, bytes.length)));

function containsAscii(bytes: Uint8Array, text: string): boolean {
  const needle = [...text].map((c) => c.charCodeAt(0));
  outer: for (let i = 0; i + needle.length <= bytes.length; i += 1) {
    for (let j = 0; j < needle.length; j += 1) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

function isPlainText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  // Control characters other than tab, line feed, form feed and carriage return mean it is not text.
  for (const byte of bytes) if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) return false;
  return true;
}

export function detectFileType(bytes: Uint8Array): AcceptedFileType | null {
  if (bytes.length === 0) return null;
  if (ascii(bytes, 0, 5) === '%PDF-') return { contentType: 'application/pdf', label: 'pdf' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { contentType: 'image/png', label: 'image' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { contentType: 'image/jpeg', label: 'image' };
  if (ascii(bytes, 4, 8) === 'ftyp' && ['heic', 'heix', 'mif1', 'heif'].includes(ascii(bytes, 8, 12)))
    return { contentType: 'image/heic', label: 'image' };
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { contentType: 'application/msword', label: 'word' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // Word and OpenDocument files are zip archives: well-formed, and unpacking to a sane size.
    const entries = zipEntries(bytes);
    if (!entries || !unpacksSafely(bytes, entries)) return null;
    const first = entries[0];
    if (first?.name === 'mimetype' && ascii(bytes, 38, 77).startsWith('application/vnd.oasis.opendocument.text')) {
      return { contentType: 'application/vnd.oasis.opendocument.text', label: 'opendocument' };
    }
    if (entries.some((entry) => entry.name === 'word/document.xml') && containsAscii(bytes, 'word/document.xml')) {
      return { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'word' };
    }
    return null;
  }
  // Text, but not a web page or an SVG drawing: a browser would run their scripts.
  if (isPlainText(bytes) && !looksLikeMarkup(bytes)) return { contentType: 'text/plain; charset=utf-8', label: 'text' };
  return null;
}

function looksLikeMarkup(bytes: Uint8Array): boolean {
  const head = new TextDecoder()
    .decode(bytes.subarray(0, 4096))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (head.startsWith('<') && /<(\?xml|!doctype|html|svg|script|iframe|object|embed|body|head|math)\b/.test(head)) return true;
  return /<(script|svg|iframe)\b/i.test(new TextDecoder().decode(bytes));
}

type ZipEntry = { name: string; method: number; compressedSize: number; size: number; localOffset: number };

const u16 = (bytes: Uint8Array, at: number) => (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
const u32 = (bytes: Uint8Array, at: number) => (u16(bytes, at) + u16(bytes, at + 2) * 0x10000) >>> 0;

/** A zip archive's entries from its central directory; null when it is not a whole, plain (not ZIP64) archive. */
function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i -= 1) {
    if (u32(bytes, i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = u16(bytes, end + 10);
  const directoryOffset = u32(bytes, end + 16);
  if (count === 0 || count === 0xffff || count > 10_000 || directoryOffset === 0xffffffff || directoryOffset >= end) return null;
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > end || u32(bytes, at) !== 0x02014b50) return null;
    const nameLength = u16(bytes, at + 28);
    const entry = {
      method: u16(bytes, at + 10),
      compressedSize: u32(bytes, at + 20),
      size: u32(bytes, at + 24),
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      localOffset: u32(bytes, at + 42),
    };
    if (entry.compressedSize === 0xffffffff || entry.size === 0xffffffff || entry.localOffset + 30 > directoryOffset) return null;
    entries.push(entry);
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return entries;
}

/**
 * Every entry stored or deflated, all of them together no bigger than
 * MAX_UNPACKED_BYTES unpacked, and each really unpacking to the size it
 * declares (inflated with that size as a hard limit, so a lying entry stops early).
 */
function unpacksSafely(bytes: Uint8Array, entries: ZipEntry[]): boolean {
  let total = 0;
  for (const entry of entries) total += entry.size;
  if (total > MAX_UNPACKED_BYTES) return false;
  for (const entry of entries) {
    if (u32(bytes, entry.localOffset) !== 0x04034b50) return false;
    const start = entry.localOffset + 30 + u16(bytes, entry.localOffset + 26) + u16(bytes, entry.localOffset + 28);
    if (start + entry.compressedSize > bytes.length) return false;
    const data = bytes.subarray(start, start + entry.compressedSize);
    if (entry.method === 0) {
      if (entry.size !== entry.compressedSize) return false;
      continue;
    }
    if (entry.method !== 8) return false;
    try {
      if (inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) }).length !== entry.size) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/** A file name safe to store and show: no folders, no control characters, at most 200 characters. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (clean || 'file').slice(-200);
}
