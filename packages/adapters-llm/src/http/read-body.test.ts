import { Readable } from 'node:stream';
import { BodyTooLargeError, readWholeBodyText } from './read-body.js';
import type { UpstreamResponse } from './upstream-clients.js';

const asBody = (stream: Readable) => stream as unknown as UpstreamResponse['body'];

describe('readWholeBodyText', () => {
  it('joins the chunks as UTF-8, a character split across two chunks included', async () => {
    const euro = Buffer.from('€');
    const body = Readable.from([
      Buffer.from('{"a":"'),
      euro.subarray(0, 1),
      euro.subarray(1),
      Buffer.from('"}'),
    ]);
    await expect(readWholeBodyText(asBody(body), 1024)).resolves.toBe('{"a":"€"}');
  });

  it('reads an empty body as empty text', async () => {
    await expect(readWholeBodyText(asBody(Readable.from([])), 1024)).resolves.toBe('');
  });

  it('refuses a body larger than the limit and destroys it', async () => {
    const body = Readable.from([Buffer.alloc(600), Buffer.alloc(600), Buffer.alloc(600)]);
    await expect(readWholeBodyText(asBody(body), 1000)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(body.destroyed).toBe(true);
  });

  it('rejects with the stream’s error when the body fails midway', async () => {
    const body = new Readable({ read() {} });
    const text = readWholeBodyText(asBody(body), 1024);
    body.push('{"partial":');
    const failure = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
    body.destroy(failure);
    await expect(text).rejects.toBe(failure);
  });

  it('rejects when the body closes before its end without an error', async () => {
    const body = new Readable({ read() {} });
    const text = readWholeBodyText(asBody(body), 1024);
    body.push('{"partial":');
    body.destroy();
    await expect(text).rejects.toMatchObject({ code: 'ERR_STREAM_PREMATURE_CLOSE' });
  });

  it('leaves no listener behind on the body', async () => {
    const body = Readable.from([Buffer.from('ok')]);
    await readWholeBodyText(asBody(body), 1024);
    for (const event of ['data', 'end', 'error', 'close']) expect(body.listenerCount(event)).toBe(0);
  });
});
