import { buildVoyageaiEmbedRequest } from './build-voyageai-embed-request.js';

describe('buildVoyageaiEmbedRequest', () => {
  it('asks for float vectors and leaves the input type and truncation to Voyage', () => {
    expect(buildVoyageaiEmbedRequest({ model: 'voyage-3.5', inputs: ['a', 'b'] })).toEqual({
      input: ['a', 'b'],
      model: 'voyage-3.5',
      output_dtype: 'float',
    });
  });

  it('passes the input type and the dimensions', () => {
    expect(
      buildVoyageaiEmbedRequest({ model: 'voyage-3.5', inputs: ['q'], inputType: 'query', dimensions: 256 }),
    ).toEqual({
      input: ['q'],
      model: 'voyage-3.5',
      input_type: 'query',
      output_dimension: 256,
      output_dtype: 'float',
    });
  });

  it('lets providerOptions turn truncation off', () => {
    expect(
      buildVoyageaiEmbedRequest({
        model: 'voyage-3.5',
        inputs: ['x'],
        providerOptions: { truncation: false },
      }),
    ).toMatchObject({ truncation: false });
  });
});
