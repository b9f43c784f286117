import { buildGeminiEmbedRequests } from './build-gemini-embed-requests.js';

describe('buildGeminiEmbedRequests', () => {
  it('sends one entry per input with the model name, task type and dimensions', () => {
    expect(
      buildGeminiEmbedRequests({
        model: 'gemini-embedding-001',
        inputs: ['first', 'second'],
        inputType: 'query',
        dimensions: 768,
      }),
    ).toEqual([
      {
        requests: [
          {
            model: 'models/gemini-embedding-001',
            content: { parts: [{ text: 'first' }] },
            taskType: 'RETRIEVAL_QUERY',
            outputDimensionality: 768,
          },
          {
            model: 'models/gemini-embedding-001',
            content: { parts: [{ text: 'second' }] },
            taskType: 'RETRIEVAL_QUERY',
            outputDimensionality: 768,
          },
        ],
      },
    ]);
  });

  it('marks documents for retrieval and lets provider options override per entry', () => {
    const [batch] = buildGeminiEmbedRequests({
      model: 'text-embedding-004',
      inputs: ['doc'],
      inputType: 'document',
      providerOptions: { title: 'Handbook' },
    });
    expect(batch!.requests[0]).toEqual({
      model: 'models/text-embedding-004',
      content: { parts: [{ text: 'doc' }] },
      taskType: 'RETRIEVAL_DOCUMENT',
      title: 'Handbook',
    });
    const [similar] = buildGeminiEmbedRequests({
      model: 'text-embedding-004',
      inputs: ['doc'],
      inputType: 'document',
      providerOptions: { taskType: 'SEMANTIC_SIMILARITY' },
    });
    expect(similar!.requests[0]!.taskType).toBe('SEMANTIC_SIMILARITY');
  });

  it('splits more than 100 inputs into batches, keeping their order', () => {
    const inputs = Array.from({ length: 250 }, (_, i) => `text ${i}`);
    const batches = buildGeminiEmbedRequests({ model: 'gemini-embedding-001', inputs });
    expect(batches.map((b) => b.requests.length)).toEqual([100, 100, 50]);
    expect(batches.flatMap((b) => b.requests.map((r) => r.content.parts[0]!.text))).toEqual(inputs);
  });
});
