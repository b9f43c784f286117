import { InvalidArgumentError } from '@integration-api/core';
import { parseReplicateModelRef } from './replicate-model-ref.js';

const VERSION = '5c7d5dc6dd8bf75c1acaa8565735e7986bc5b66206b55cca93cb72c9bf15ccaa';

describe('parseReplicateModelRef', () => {
  it('reads owner/name as an official model', () => {
    expect(parseReplicateModelRef('meta/meta-llama-3-8b-instruct')).toEqual({
      kind: 'model',
      owner: 'meta',
      name: 'meta-llama-3-8b-instruct',
    });
    expect(parseReplicateModelRef('mistralai/mistral-7b-instruct-v0.2')).toMatchObject({
      name: 'mistral-7b-instruct-v0.2',
    });
  });

  it('reads owner/name:version and a bare version id as a pinned version', () => {
    expect(parseReplicateModelRef(`replicate/hello-world:${VERSION}`)).toEqual({
      kind: 'version',
      version: VERSION,
    });
    expect(parseReplicateModelRef(VERSION)).toEqual({ kind: 'version', version: VERSION });
  });

  it.each(['', 'a/b/c', '../x', 'owner/..', 'owner/name:', 'owner/name:v/1', 'owner/na me', '/name', 'x:y'])(
    'refuses %j, which could not name a model or would leave the API path',
    (model) => {
      expect(() => parseReplicateModelRef(model)).toThrow(InvalidArgumentError);
    },
  );
});
