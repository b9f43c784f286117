import { buildCohereEmbedRequest } from './build-cohere-embed-request.js';

describe('buildCohereEmbedRequest', () => {
  it('asks for float vectors of documents by default', () => {
    expect(buildCohereEmbedRequest({ model: 'embed-v4.0', inputs: ['a', 'b'] })).toEqual({
      model: 'embed-v4.0',
      texts: ['a', 'b'],
      input_type: 'search_document',
      embedding_types: ['float'],
    });
  });

  it('maps the input type and the dimensions', () => {
    expect(
      buildCohereEmbedRequest({ model: 'embed-v4.0', inputs: ['q'], inputType: 'query', dimensions: 512 }),
    ).toMatchObject({ input_type: 'search_query', output_dimension: 512 });
  });

  it('lets providerOptions choose another input type', () => {
    expect(
      buildCohereEmbedRequest({
        model: 'embed-v4.0',
        inputs: ['x'],
        providerOptions: { input_type: 'clustering', truncate: 'END' },
      }),
    ).toMatchObject({ input_type: 'clustering', truncate: 'END' });
  });
});
