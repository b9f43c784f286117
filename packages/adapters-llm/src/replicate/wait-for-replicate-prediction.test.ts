import { CancelledError, ProviderError } from '@integration-api/core';
import type { ReplicatePrediction } from './replicate-api.js';
import {
  DEFAULT_REPLICATE_POLLING,
  replicatePollDelayMs,
  waitForReplicatePrediction,
  type ReplicatePollingOptions,
} from './wait-for-replicate-prediction.js';

const FAST: ReplicatePollingOptions = {
  initialDelayMs: 1,
  maxDelayMs: 2,
  maxWaitMs: 60_000,
  maxConsecutiveFailures: 3,
};
const starting: ReplicatePrediction = { id: 'p1', status: 'starting' };

/** A poll answering the given results in turn (an Error is thrown). */
function script(...results: (ReplicatePrediction | Error)[]) {
  let calls = 0;
  const poll = async () => {
    const result = results[Math.min(calls, results.length - 1)]!;
    calls += 1;
    if (result instanceof Error) throw result;
    return result;
  };
  return { poll, calls: () => calls };
}

describe('replicatePollDelayMs', () => {
  it('grows by half each time and stops growing at the cap', () => {
    const delays = [0, 1, 2, 3, 4, 5, 6, 7].map((n) => replicatePollDelayMs(n, DEFAULT_REPLICATE_POLLING));
    expect(delays).toEqual([500, 750, 1125, 1688, 2531, 3797, 5000, 5000]);
  });
});

describe('waitForReplicatePrediction', () => {
  it('returns a prediction that is already final without polling', async () => {
    const { poll, calls } = script(starting);
    const done = { id: 'p1', status: 'succeeded' };
    await expect(
      waitForReplicatePrediction(done, { poll, signal: new AbortController().signal, polling: FAST }),
    ).resolves.toBe(done);
    expect(calls()).toBe(0);
  });

  it('polls until the status is final', async () => {
    const { poll, calls } = script(
      { id: 'p1', status: 'processing' },
      { id: 'p1', status: 'processing' },
      { id: 'p1', status: 'failed', error: 'boom' },
    );
    await expect(
      waitForReplicatePrediction(starting, { poll, signal: new AbortController().signal, polling: FAST }),
    ).resolves.toMatchObject({ status: 'failed' });
    expect(calls()).toBe(3);
  });

  it('rides out a few transient poll failures', async () => {
    const { poll } = script(
      new ProviderError('unavailable', 'replicate', 'bad gateway'),
      new ProviderError('rate_limited', 'replicate', 'slow down'),
      { id: 'p1', status: 'succeeded' },
    );
    await expect(
      waitForReplicatePrediction(starting, { poll, signal: new AbortController().signal, polling: FAST }),
    ).resolves.toMatchObject({ status: 'succeeded' });
  });

  it('gives up after too many transient failures in a row, and at once on a refusal', async () => {
    const down = script(new ProviderError('unavailable', 'replicate', 'down'));
    await expect(
      waitForReplicatePrediction(starting, {
        poll: down.poll,
        signal: new AbortController().signal,
        polling: FAST,
      }),
    ).rejects.toMatchObject({ kind: 'unavailable' });
    expect(down.calls()).toBe(3);

    const refused = script(new ProviderError('invalid_request', 'replicate', 'not found'));
    await expect(
      waitForReplicatePrediction(starting, {
        poll: refused.poll,
        signal: new AbortController().signal,
        polling: FAST,
      }),
    ).rejects.toMatchObject({ kind: 'invalid_request' });
    expect(refused.calls()).toBe(1);
  });

  it('throws CancelledError when the signal aborts while it waits', async () => {
    const controller = new AbortController();
    const { poll } = script(starting);
    const pending = waitForReplicatePrediction(starting, {
      poll,
      signal: controller.signal,
      polling: { ...FAST, initialDelayMs: 60_000, maxDelayMs: 60_000 },
    });
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(CancelledError);
  });

  it('times out when the prediction never finishes within maxWaitMs', async () => {
    const { poll } = script(starting);
    await expect(
      waitForReplicatePrediction(starting, {
        poll,
        signal: new AbortController().signal,
        polling: { ...FAST, maxWaitMs: 20 },
      }),
    ).rejects.toMatchObject({ kind: 'timeout' });
  });
});
