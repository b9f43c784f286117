import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProviderError } from '@integration-api/core';
import {
  isTerminal,
  parseReplicateChatResult,
  parseReplicatePrediction,
  replicateOutputText,
} from './parse-replicate-prediction.js';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(join(__dirname, '__fixtures__', name), 'utf8'));

describe('parseReplicatePrediction', () => {
  it('accepts anything with an id and a status', () => {
    const prediction = parseReplicatePrediction(fixture('replicate-starting.json'));
    expect(prediction).toMatchObject({ id: 'q2a7bt3ksnrm80cm2b1rz9mxw4', status: 'starting' });
    expect(isTerminal(prediction)).toBe(false);
  });

  it('refuses an answer that is not a prediction', () => {
    for (const body of [null, [], { id: 'x' }, { status: 'succeeded' }, { id: '', status: 'succeeded' }]) {
      expect(() => parseReplicatePrediction(body)).toThrow(ProviderError);
    }
  });
});

describe('parseReplicateChatResult', () => {
  it('joins the output pieces of a succeeded prediction, with usage, model and id', () => {
    const prediction = parseReplicatePrediction(fixture('replicate-succeeded.json'));
    expect(parseReplicateChatResult(prediction, [])).toEqual({
      message: { text: 'Hello, world!', toolCalls: [] },
      finishReason: 'stop',
      rawFinishReason: 'succeeded',
      usage: { inputTokens: 12, outputTokens: 4, totalTokens: 16 },
      model: 'meta/meta-llama-3-8b-instruct',
      providerRequestId: 'gm3qorzdhgbfurvjtvhg6dckhu',
    });
  });

  it("throws a failed prediction's error", () => {
    const prediction = parseReplicatePrediction(fixture('replicate-failed.json'));
    expect(() => parseReplicateChatResult(prediction, [])).toThrow(
      new ProviderError('error', 'replicate', 'CUDA error: out of memory'),
    );
  });

  it('refuses a prediction that has not finished', () => {
    const prediction = parseReplicatePrediction(fixture('replicate-starting.json'));
    expect(() => parseReplicateChatResult(prediction, [])).toThrow('the prediction is still starting');
  });
});

describe('replicateOutputText', () => {
  it('takes one string, an array of pieces, or no output at all', () => {
    expect(replicateOutputText('Hi there')).toBe('Hi there');
    expect(replicateOutputText(['Hi', ' there', '\n'])).toBe('Hi there\n');
    expect(replicateOutputText(null)).toBe('');
  });

  it('refuses output that is not text', () => {
    expect(() => replicateOutputText({ url: 'https://replicate.delivery/a.png' })).toThrow(ProviderError);
    expect(() => replicateOutputText(['a', 1])).toThrow("the model's output is not text");
  });
});
