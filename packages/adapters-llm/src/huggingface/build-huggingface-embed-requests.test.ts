import { buildHuggingfaceEmbedRequests } from './build-huggingface-embed-requests.js';

describe('buildHuggingfaceEmbedRequests', () => {
  it('sends the inputs alone, leaving normalization and truncation to the server', () => {
    expect(
      buildHuggingfaceEmbedRequests({ model: 'BAAI/bge-m3', inputs: ['a', 'b'], dimensions: 1024 }),
    ).toEqual([{ inputs: ['a', 'b'] }]);
  });

  it('splits more than 32 inputs into requests of 32, in order', () => {
    const inputs = Array.from({ length: 70 }, (_, i) => `text ${i}`);
    const bodies = buildHuggingfaceEmbedRequests({ model: 'm/e', inputs });
    expect(bodies.map((body) => body.inputs.length)).toEqual([32, 32, 6]);
    expect(bodies.flatMap((body) => body.inputs)).toEqual(inputs);
  });

  it('merges provider options into every request, after ours', () => {
    const bodies = buildHuggingfaceEmbedRequests({
      model: 'm/e',
      inputs: Array.from({ length: 33 }, () => 'x'),
      inputType: 'query',
      providerOptions: { prompt_name: 'query', truncate: true, normalize: false },
    });
    for (const body of bodies) {
      expect(body).toMatchObject({ prompt_name: 'query', truncate: true, normalize: false });
    }
  });
});
