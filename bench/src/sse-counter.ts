/**
 * Counts the events of an OpenAI-style server-sent event stream as its bytes arrive, cheaply (no
 * JSON parsing: the client shares the CPUs with the service it measures). An event is a `data:`
 * line; `data: [DONE]` is the end marker, not a chunk. A token is the first event whose delta
 * carries non-empty `content`.
 */
export class SseCounter {
  /** Chunks (data events other than [DONE]) seen so far. */
  chunks = 0;
  done = false;
  /** Set once, when the first chunk with non-empty content arrived. */
  firstTokenSeen = false;
  private carry = '';

  /** Feeds the next piece of the body; returns true when it completed the first token. */
  push(text: string): boolean {
    const lines = (this.carry + text).split('\n');
    this.carry = lines.pop() ?? '';
    let firstTokenNow = false;
    for (const line of lines) {
      if (!line.startsWith('data:')) continue;
      const data = line.slice(5).trim();
      if (data === '[DONE]') {
        this.done = true;
        continue;
      }
      this.chunks += 1;
      if (!this.firstTokenSeen && /"content":"[^"]/.test(data)) {
        this.firstTokenSeen = true;
        firstTokenNow = true;
      }
    }
    return firstTokenNow;
  }
}
