import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { detectFileType, safeFileName } from './file-type';

const bytes = (...values: number[]) => new Uint8Array(values);
const text = (value: string) => new TextEncoder().encode(value);

/** A zip archive as Word and LibreOffice write them: local headers, data, central directory. */
function zip(entries: Array<{ name: string; data: Uint8Array; deflate?: boolean; declaredSize?: number }>): Uint8Array {
  const parts: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const data = entry.deflate ? deflateRawSync(entry.data) : Buffer.from(entry.data);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(entry.deflate ? 8 : 0, 8);
    head.writeUInt32LE(crc32(entry.data), 14);
    head.writeUInt32LE(data.length, 18);
    head.writeUInt32LE(entry.declaredSize ?? entry.data.length, 22);
    head.writeUInt16LE(name.length, 26);
    parts.push(head, name, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(entry.deflate ? 8 : 0, 10);
    central.writeUInt32LE(crc32(entry.data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(entry.declaredSize ?? entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    directory.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const size = directory.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, ...directory, end]));
}

describe('file types are read from the content, not the name', () => {
  it('accepts PDF, Word, OpenDocument, JPEG, PNG, HEIC and plain text', () => {
    expect(detectFileType(text('%PDF-1.7 ...'))?.contentType).toBe('application/pdf');
    expect(detectFileType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))?.contentType).toBe('image/png');
    expect(detectFileType(bytes(0xff, 0xd8, 0xff, 0xe0))?.contentType).toBe('image/jpeg');
    expect(detectFileType(new Uint8Array([0, 0, 0, 0x18, ...text('ftypheic')]))?.contentType).toBe('image/heic');
    expect(detectFileType(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))?.contentType).toBe('application/msword');
    const docx = zip([
      { name: '[Content_Types].xml', data: text('<Types/>'), deflate: true },
      { name: 'word/document.xml', data: text('<w:document/>'), deflate: true },
    ]);
    expect(detectFileType(docx)?.label).toBe('word');
    const odt = zip([
      { name: 'mimetype', data: text('application/vnd.oasis.opendocument.text') },
      { name: 'content.xml', data: text('<office:document-content/>'), deflate: true },
    ]);
    expect(detectFileType(odt)?.label).toBe('opendocument');
    expect(detectFileType(text('Dates of the visits:\n2 November\n9 November\r\n'))?.contentType).toBe('text/plain; charset=utf-8');
    expect(detectFileType(text('Ysgol Gymraeg – ŵ ŷ'))?.label).toBe('text');
  });

  it('refuses zip bombs, archives that lie about their sizes, and broken archives dressed as Word', () => {
    const bomb = zip([
      { name: 'word/document.xml', data: text('<w:document/>'), deflate: true },
      // Declared honestly as 120 MB unpacked (the data here is short: refused on the declared size before unpacking).
      { name: 'word/media/zeros.bin', data: new Uint8Array(64 * 1024), deflate: true, declaredSize: 120 * 1024 * 1024 },
    ]);
    expect(detectFileType(bomb)).toBeNull();
    const liar = zip([
      { name: 'word/document.xml', data: text('<w:document/>'), deflate: true },
      { name: 'word/media/liar.bin', data: new Uint8Array(1024 * 1024), deflate: true, declaredSize: 100 },
    ]);
    expect(detectFileType(liar)).toBeNull();
    const whole = zip([{ name: 'word/document.xml', data: text('<w:document/>'), deflate: true }]);
    expect(detectFileType(whole)?.label).toBe('word');
    expect(detectFileType(whole.slice(0, whole.length - 10))).toBeNull();
    // The old check only looked for the name somewhere in the bytes.
    expect(detectFileType(new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(26).fill(0), ...text('word/document.xml')]))).toBeNull();
  });

  it('refuses web pages and SVG drawings, whose scripts a browser would run, even named .txt', () => {
    expect(detectFileType(text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="1"/></svg>'))).toBeNull();
    expect(detectFileType(text('<?xml version="1.0"?><svg><script>alert(1)</script></svg>'))).toBeNull();
    expect(detectFileType(text('\uFEFF  <!DOCTYPE html><html><body>hi</body></html>'))).toBeNull();
    expect(detectFileType(text('My notes.\n<script>alert(1)</script>'))).toBeNull();
    // Text that merely mentions angle brackets is still text.
    expect(detectFileType(text('The score was 3 < 5 and 7 > 2.'))?.label).toBe('text');
  });

  it('refuses programs, archives, HTML with control bytes, and empty files', () => {
    expect(detectFileType(bytes(0x4d, 0x5a, 0x90, 0))).toBeNull();
    expect(detectFileType(new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...text('evil.exe')]))).toBeNull();
    expect(detectFileType(bytes(0x3c, 0x68, 0x01, 0x02))).toBeNull();
    expect(detectFileType(new Uint8Array())).toBeNull();
  });

  it('keeps a file name without folders or control characters', () => {
    expect(safeFileName('C:\\Users\\sam\\letter.pdf')).toBe('letter.pdf');
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('a\u0000b.txt')).toBe('ab.txt');
    expect(safeFileName('   ')).toBe('file');
  });
});
