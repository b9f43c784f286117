import { ProviderError } from '@integration-api/core';
import { replicateHttpError, replicatePredictionError, replicateStreamError } from './replicate-error.js';

const TOKEN = 'r8_TestToken0000000000000000000000000';

describe('replicateHttpError', () => {
  it.each([
    [401, 'auth_failed'],
    [402, 'permission_denied'],
    [403, 'permission_denied'],
    [404, 'invalid_request'],
    [408, 'timeout'],
    [422, 'invalid_request'],
    [500, 'unavailable'],
    [503, 'unavailable'],
  ] as const)('classifies a %i as %s, keeping the status', (status, kind) => {
    const error = replicateHttpError({
      status,
      bodyText: JSON.stringify({ title: 'Oops', detail: 'It failed.', status }),
      secrets: [TOKEN],
    });
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind, message: 'replicate: It failed.', details: { status } });
  });

  it('takes the wait of a 429 from retry-after', () => {
    const error = replicateHttpError({
      status: 429,
      headers: { 'retry-after': '9' },
      bodyText: JSON.stringify({
        title: 'Request was throttled.',
        detail: 'Request was throttled.',
        status: 429,
      }),
      secrets: [],
    });
    expect(error).toMatchObject({ kind: 'rate_limited', retryAfterSeconds: 9 });
  });

  it('names the invalid input fields of a 422 that its detail does not mention', () => {
    const error = replicateHttpError({
      status: 422,
      bodyText: JSON.stringify({
        title: 'Input validation failed',
        detail: '- input.top_p: Must be less than or equal to 1',
        status: 422,
        invalid_fields: [
          { type: 'less_than_equal', field: 'input.top_p', description: 'Must be less than or equal to 1' },
          { type: 'required', field: 'input.prompt', description: 'prompt is required' },
        ],
      }),
      secrets: [],
    });
    expect(error.message).toBe(
      'replicate: - input.top_p: Must be less than or equal to 1 (input.prompt: prompt is required)',
    );
  });

  it('falls back on the title, then on plain text, then on the status line', () => {
    expect(replicateHttpError({ status: 404, bodyText: '{"title":"Not found"}', secrets: [] }).message).toBe(
      'replicate: Not found',
    );
    expect(replicateHttpError({ status: 502, bodyText: 'bad gateway', secrets: [] }).message).toBe(
      'replicate: bad gateway',
    );
    expect(replicateHttpError({ status: 502, bodyText: '<html>oops</html>', secrets: [] }).message).toBe(
      'replicate: the provider answered 502 Bad Gateway',
    );
  });

  it('never lets the token through, even when the provider echoes it', () => {
    const error = replicateHttpError({
      status: 401,
      bodyText: JSON.stringify({ detail: `Invalid token ${TOKEN}` }),
      secrets: [TOKEN],
    });
    expect(error.message).toBe('replicate: Invalid token [redacted]');
  });
});

describe('replicatePredictionError', () => {
  it("reports a failed prediction with the model's error, scrubbed", () => {
    const error = replicatePredictionError({ status: 'failed', error: `CUDA out of memory (${TOKEN})` }, [
      TOKEN,
    ]);
    expect(error).toMatchObject({ kind: 'error', message: 'replicate: CUDA out of memory ([redacted])' });
  });

  it('says so when a failed prediction gives no reason', () => {
    expect(replicatePredictionError({ status: 'failed', error: null }, []).message).toBe(
      'replicate: the prediction failed',
    );
  });

  it('reports canceled and aborted predictions', () => {
    expect(replicatePredictionError({ status: 'canceled' }, []).message).toBe(
      'replicate: the prediction was canceled',
    );
    expect(replicatePredictionError({ status: 'aborted' }, []).kind).toBe('error');
  });
});

describe('replicateStreamError', () => {
  it('reads the detail of an error event, or its text when it is not JSON', () => {
    expect(replicateStreamError('{"detail":"Model crashed"}', []).message).toBe('replicate: Model crashed');
    expect(replicateStreamError('plain failure', []).message).toBe('replicate: plain failure');
    expect(replicateStreamError('', []).message).toBe('replicate: the prediction failed');
  });
});
