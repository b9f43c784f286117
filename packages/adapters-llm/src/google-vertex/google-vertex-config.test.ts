import { vertexLocationUrl, vertexModelUrl, vertexTarget } from './google-vertex-config.js';

describe('Vertex request config', () => {
  it('defaults to the location’s endpoint, and to the unprefixed one for global', () => {
    expect(vertexTarget({ projectId: 'demo-project', location: 'europe-west4' })).toEqual({
      projectId: 'demo-project',
      location: 'europe-west4',
      baseUrl: 'https://europe-west4-aiplatform.googleapis.com/v1',
    });
    expect(vertexTarget({ projectId: 'demo-project', location: 'global' }).baseUrl).toBe(
      'https://aiplatform.googleapis.com/v1',
    );
  });

  it('builds publisher model URLs, streaming as SSE', () => {
    const target = vertexTarget({ projectId: 'demo-project', location: 'us-central1' });
    expect(vertexModelUrl(target, 'gemini-2.5-flash', 'generateContent')).toBe(
      'https://us-central1-aiplatform.googleapis.com/v1/projects/demo-project/locations/us-central1/publishers/google/models/gemini-2.5-flash:generateContent',
    );
    expect(vertexModelUrl(target, 'gemini-2.5-flash', 'streamGenerateContent')).toMatch(
      /models\/gemini-2\.5-flash:streamGenerateContent\?alt=sse$/,
    );
    expect(vertexModelUrl(target, 'text-embedding-005', 'predict')).toMatch(
      /models\/text-embedding-005:predict$/,
    );
    expect(vertexLocationUrl(target)).toBe(
      'https://us-central1-aiplatform.googleapis.com/v1/projects/demo-project/locations/us-central1',
    );
  });

  it('honours a configured base URL', () => {
    const target = vertexTarget({
      projectId: 'p-1',
      location: 'us-east5',
      baseUrl: 'http://127.0.0.1:4010/v1/',
    });
    expect(vertexModelUrl(target, 'gemini-2.5-pro', 'predict')).toBe(
      'http://127.0.0.1:4010/v1/projects/p-1/locations/us-east5/publishers/google/models/gemini-2.5-pro:predict',
    );
  });

  it('refuses a project, location or model that would change the path', () => {
    expect(() => vertexTarget({ projectId: '../x', location: 'us-central1' })).toThrow(/^config\.projectId:/);
    expect(() => vertexTarget({ location: 'us-central1' })).toThrow(/^config\.projectId:/);
    expect(() => vertexTarget({ projectId: 'p', location: 'us/central1' })).toThrow(/^config\.location:/);
    const target = vertexTarget({ projectId: 'p', location: 'us-central1' });
    for (const bad of ['a/b', 'gemini?alt=1', '..', 'x:predict']) {
      expect(() => vertexModelUrl(target, bad, 'generateContent')).toThrow(/^model:/);
    }
  });
});
