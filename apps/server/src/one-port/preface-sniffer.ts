import type { Socket } from 'node:net';

/** What every HTTP/2 client (so every gRPC client) sends first, before any frame (RFC 9113 §3.4). */
export const HTTP2_CLIENT_PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1');

export type Protocol = 'http2' | 'http1';

/**
 * Classifies a connection from its first bytes: `http2` once all 24 preface bytes match, `http1` as soon
 * as one byte differs (no HTTP/1 method starts with "PRI *"), `undefined` while the bytes so far are a
 * strict prefix of the preface and more must be read.
 */
export function classifyPreface(head: Uint8Array): Protocol | undefined {
  const length = Math.min(head.length, HTTP2_CLIENT_PREFACE.length);
  for (let i = 0; i < length; i++) {
    if (head[i] !== HTTP2_CLIENT_PREFACE[i]) return 'http1';
  }
  return length === HTTP2_CLIENT_PREFACE.length ? 'http2' : undefined;
}

/** `closed`: the peer went away (or the socket was destroyed) before the protocol was known. */
export type SniffResult = Protocol | 'closed' | 'timeout';

/**
 * Reads a fresh socket until its protocol is known, then calls `onResult` exactly once.
 *
 * On `http2`/`http1` the socket is left PAUSED with every byte read so far put back in front of its
 * read buffer, so whichever server takes it next reads the connection from its first byte. On
 * `timeout` (nothing decisive within `timeoutMs`: silent probes, stalled half-prefaces) and on an end
 * before the decision, the socket is destroyed here. The caller keeps its own 'error' listener.
 */
export function sniffConnection(
  socket: Socket,
  timeoutMs: number,
  onResult: (result: SniffResult) => void,
): void {
  const chunks: Buffer[] = [];
  let head = Buffer.alloc(0);
  let settled = false;

  const settle = (result: SniffResult): void => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    socket.off('data', onData);
    socket.off('end', onEnd);
    socket.off('close', onClose);
    onResult(result);
  };

  const onData = (chunk: Buffer): void => {
    chunks.push(chunk);
    // The preface may come split over several packets: only its 24 bytes matter for the decision.
    if (head.length < HTTP2_CLIENT_PREFACE.length) {
      head = Buffer.concat([head, chunk.subarray(0, HTTP2_CLIENT_PREFACE.length - head.length)]);
    }
    const protocol = classifyPreface(head);
    if (protocol === undefined) return;
    // Pause before handing over: bytes arriving from now on must queue in the socket's buffer behind
    // the ones we put back, instead of being emitted as 'data' while nobody (or only we) listens.
    socket.pause();
    // Give back what we consumed: the HTTP/1 parser needs its request line, and the HTTP/2 session
    // needs the full preface (without it nghttp2 rejects the connection with "bad client magic").
    socket.unshift(chunks.length === 1 ? chunk : Buffer.concat(chunks));
    settle(protocol);
  };
  // The peer finished sending before its bytes said anything: nobody can serve it.
  const onEnd = (): void => {
    settle('closed');
    socket.destroy();
  };
  const onClose = (): void => settle('closed');

  const timer = setTimeout(() => {
    settle('timeout');
    socket.destroy();
  }, timeoutMs);
  // A pending sniff must not keep the process alive on its own.
  timer.unref();

  socket.on('data', onData);
  socket.once('end', onEnd);
  socket.once('close', onClose);
}
