import { buildVertexEmbedRequests } from './build-vertex-embed-requests.js';

describe('buildVertexEmbedRequests', () => {
  it('sends the inputs as instances with the task type and the dimensions', () => {
    expect(
      buildVertexEmbedRequests({
        model: 'text-embedding-005',
        inputs: ['a', 'b'],
        inputType: 'document',
        dimensions: 256,
      }),
    ).toEqual([
      {
        instances: [
          { content: 'a', task_type: 'RETRIEVAL_DOCUMENT' },
          { content: 'b', task_type: 'RETRIEVAL_DOCUMENT' },
        ],
        parameters: { outputDimensionality: 256 },
      },
    ]);
  });

  it('merges provider options into each body', () => {
    expect(
      buildVertexEmbedRequests({
        model: 'text-embedding-005',
        inputs: ['q'],
        inputType: 'query',
        dimensions: 64,
        providerOptions: { parameters: { autoTruncate: false } },
      }),
    ).toEqual([
      {
        instances: [{ content: 'q', task_type: 'RETRIEVAL_QUERY' }],
        parameters: { outputDimensionality: 64, autoTruncate: false },
      },
    ]);
  });

  it('splits into 250-instance calls, and single-instance calls for gemini-embedding models', () => {
    const inputs = Array.from({ length: 600 }, (_, i) => `t${i}`);
    expect(
      buildVertexEmbedRequests({ model: 'text-embedding-005', inputs }).map((b) => b.instances.length),
    ).toEqual([250, 250, 100]);
    const single = buildVertexEmbedRequests({ model: 'gemini-embedding-001', inputs: ['x', 'y', 'z'] });
    expect(single.map((b) => b.instances)).toEqual([
      [{ content: 'x' }],
      [{ content: 'y' }],
      [{ content: 'z' }],
    ]);
  });
});
