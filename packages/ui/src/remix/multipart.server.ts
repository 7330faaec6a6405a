import { unstable_parseMultipartFormData, type UploadHandler } from '@remix-run/node';

/**
 * Remix's multipart parser (@web3-storage/multipart-parser) fails with
 * "unexpected end of stream" when the network splits the body between the two
 * dashes that close it (`--boundary-` | `-\r\n`): a good upload refused at
 * random. Holding back the body's last bytes until the next piece arrives
 * keeps the closing delimiter in one piece whatever the network does.
 */
export function parseMultipartForm(request: Request, uploadHandler: UploadHandler): Promise<FormData> {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(request.headers.get('content-type') ?? '');
  if (!request.body || !boundary) return unstable_parseMultipartFormData(request, uploadHandler);
  // "\r\n--" + boundary + "--\r\n", and a little more.
  const tailBytes = (boundary[1] ?? boundary[2] ?? '').length + 16;
  let held = new Uint8Array(0);
  const whole = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        const joined = new Uint8Array(held.length + chunk.length);
        joined.set(held);
        joined.set(chunk, held.length);
        const cut = Math.max(0, joined.length - tailBytes);
        if (cut > 0) controller.enqueue(joined.subarray(0, cut));
        held = joined.slice(cut);
      },
      flush(controller) {
        if (held.length > 0) controller.enqueue(held);
      },
    }),
  );
  const rechunked = new Request(request.url, { method: request.method, headers: request.headers, body: whole, duplex: 'half' } as RequestInit);
  return unstable_parseMultipartFormData(rechunked, uploadHandler);
}
