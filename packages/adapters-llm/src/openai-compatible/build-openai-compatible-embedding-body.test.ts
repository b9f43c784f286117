import { buildOpenAICompatibleEmbeddingBody } from './build-openai-compatible-embedding-body.js';
import { openAIDialect } from './openai-compatible-dialect.js';

const openai = openAIDialect('openai', []);

describe('buildOpenAICompatibleEmbeddingBody', () => {
  it('asks for float vectors of every input in one call', () => {
    expect(
      buildOpenAICompatibleEmbeddingBody(
        { model: 'text-embedding-3-small', inputs: ['a', 'b'] },
        openai,
        'text-embedding-3-small',
      ),
    ).toEqual({ model: 'text-embedding-3-small', input: ['a', 'b'], encoding_format: 'float' });
  });

  it("puts the requested length in the dialect's field", () => {
    const request = { model: 'm', inputs: ['a'], dimensions: 256 };
    expect(buildOpenAICompatibleEmbeddingBody(request, openai, 'm')).toMatchObject({ dimensions: 256 });
    expect(
      buildOpenAICompatibleEmbeddingBody(request, { ...openai, dimensionsField: 'output_dimension' }, 'm'),
    ).toMatchObject({ output_dimension: 256 });
  });

  it('merges providerOptions last', () => {
    expect(
      buildOpenAICompatibleEmbeddingBody(
        { model: 'm', inputs: ['a'], providerOptions: { encoding_format: 'base64', user: 'u1' } },
        openai,
        'm',
      ),
    ).toMatchObject({ encoding_format: 'base64', user: 'u1' });
  });
});
