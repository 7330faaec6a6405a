import { unstable_createMemoryUploadHandler } from '@remix-run/node';
import { expect, it } from 'vitest';
import { parseMultipartForm } from './multipart.server';

const boundary = '----HeardFormBoundary7MA4YWxkTrZu0gW';
const body = new TextEncoder().encode(
  `--${boundary}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\ntoken-123\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="letter.txt"\r\nContent-Type: text/plain\r\n\r\nWhat happened, in my words.\r\n` +
    `--${boundary}--\r\n`,
);

function requestIn(pieces: Uint8Array[]): Request {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const piece of pieces) controller.enqueue(piece);
      controller.close();
    },
  });
  return new Request('http://127.0.0.1/upload', {
    method: 'POST',
    body: stream,
    duplex: 'half',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  } as RequestInit);
}

it('reads the same form wherever the network splits the body (every cut into two, and byte by byte)', async () => {
  const splits = [
    ...Array.from({ length: body.length - 1 }, (_, i) => [body.subarray(0, i + 1), body.subarray(i + 1)]),
    Array.from(body, (byte) => Uint8Array.of(byte)),
  ];
  const wrong: string[] = [];
  for (const pieces of splits) {
    try {
      const form = await parseMultipartForm(requestIn(pieces), unstable_createMemoryUploadHandler({ maxPartSize: 1_000_000 }));
      const file = form.get('file');
      if (form.get('csrf') !== 'token-123' || !(file instanceof Blob) || (await file.text()) !== 'What happened, in my words.')
        wrong.push(`${pieces.length} pieces, first ${pieces[0]!.length} bytes: wrong content`);
    } catch (error) {
      wrong.push(`${pieces.length} pieces, first ${pieces[0]!.length} bytes: ${(error as Error).message}`);
    }
  }
  expect(wrong).toEqual([]);
});

it('still refuses a body cut short before its closing delimiter', async () => {
  const cutShort = body.subarray(0, body.length - 12);
  await expect(parseMultipartForm(requestIn([cutShort]), unstable_createMemoryUploadHandler({ maxPartSize: 1_000_000 }))).rejects.toThrow(
    /unexpected end/,
  );
});
