import { ProviderError, type ChatStreamEvent, type Usage } from '@integration-api/core';
import { isRecord, type ReplicateStreamEvent } from './replicate-api.js';
import { replicateStreamError } from './replicate-error.js';

export interface ReplicateStreamStateOptions {
  /** The credential's secret values, kept out of an error message the stream reports. */
  readonly secrets?: readonly string[];
}

/** What the adapter learned beside the stream (the prediction's metrics, model and id). */
export interface ReplicateStreamFinish {
  readonly usage?: Usage;
  readonly model?: string;
  readonly providerRequestId?: string;
}

/**
 * Turns the events of a prediction's `urls.stream` into our stream events. `output` events are
 * text pieces; `error` (JSON `{detail}`) is thrown; `done` is the end marker, and its
 * `{"reason":"canceled"}`, `{"reason":"error"}` or any other reason is thrown too. `logs` and unknown events carry
 * nothing for us. The stream itself holds no usage, so the finish comes from `end()`, after the
 * adapter had the chance to read the finished prediction's metrics; `end()` throws when `done`
 * never came.
 */
export class ReplicateStreamState {
  private readonly secrets: readonly string[];
  private finished = false;

  constructor(options: ReplicateStreamStateOptions = {}) {
    this.secrets = options.secrets ?? [];
  }

  /** Whether the stream's `done` event arrived (successfully: a failing one throws). */
  get done(): boolean {
    return this.finished;
  }

  push(event: ReplicateStreamEvent): ChatStreamEvent[] {
    if (this.finished) return [];
    switch (event.event) {
      case 'output':
        return event.data ? [{ type: 'text-delta', delta: event.data }] : [];
      case 'error':
        throw replicateStreamError(event.data, this.secrets);
      case 'done':
        this.finishWith(doneReason(event.data));
        return [];
      default:
        return [];
    }
  }

  /** Called when the stream ended: the usage (when known) and the one `finish`. */
  end(finish: ReplicateStreamFinish = {}): ChatStreamEvent[] {
    if (!this.finished) {
      throw new ProviderError('error', 'replicate', 'the stream ended before its done event');
    }
    const usage = finish.usage && Object.keys(finish.usage).length > 0 ? finish.usage : undefined;
    return [
      ...(usage ? [{ type: 'usage', usage } as const] : []),
      {
        type: 'finish',
        finishReason: 'stop',
        rawFinishReason: 'succeeded',
        ...(finish.model ? { model: finish.model } : {}),
        ...(finish.providerRequestId ? { providerRequestId: finish.providerRequestId } : {}),
      },
    ];
  }

  private finishWith(reason: string | undefined): void {
    if (reason === 'canceled') throw new ProviderError('error', 'replicate', 'the prediction was canceled');
    if (reason === 'error') throw new ProviderError('error', 'replicate', 'the prediction failed');
    // Success is `{}`: any other reason ended the prediction early.
    if (reason) throw new ProviderError('error', 'replicate', `the prediction ended early (${reason})`);
    this.finished = true;
  }
}

/** `done` carries `{}` on success and `{"reason": ...}` otherwise; an empty or odd payload is a success. */
function doneReason(data: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(data);
    return isRecord(parsed) && typeof parsed.reason === 'string' && parsed.reason ? parsed.reason : undefined;
  } catch {
    return undefined;
  }
}
