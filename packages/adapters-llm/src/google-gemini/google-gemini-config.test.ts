import { InvalidArgumentError } from '@integration-api/core';
import { geminiHeaders, geminiModelName, geminiModelUrl, geminiModelsUrl } from './google-gemini-config.js';

describe('Gemini request config', () => {
  it('sends the key in the x-goog-api-key header', () => {
    expect(geminiHeaders({ apiKey: 'AIzaSyExample' })).toEqual({ 'x-goog-api-key': 'AIzaSyExample' });
    expect(() => geminiHeaders({})).toThrow(InvalidArgumentError);
  });

  it('builds model URLs under the default versioned root, streaming as SSE', () => {
    expect(geminiModelUrl({}, 'gemini-2.5-flash', 'generateContent')).toBe(
      'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent',
    );
    expect(geminiModelUrl({}, 'models/gemini-2.5-flash', 'streamGenerateContent')).toBe(
      'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse',
    );
    expect(
      geminiModelUrl(
        { baseUrl: 'http://127.0.0.1:8080/v1beta/' },
        'gemini-embedding-001',
        'batchEmbedContents',
      ),
    ).toBe('http://127.0.0.1:8080/v1beta/models/gemini-embedding-001:batchEmbedContents');
    expect(geminiModelsUrl({})).toBe('https://generativelanguage.googleapis.com/v1beta/models?pageSize=1');
  });

  it('never puts the key in a URL', () => {
    expect(geminiModelUrl({}, 'gemini-2.5-flash', 'streamGenerateContent')).not.toMatch(/key=/);
  });

  it('keeps tuned model names and refuses ids that would change the path', () => {
    expect(geminiModelName('tunedModels/my-model-7')).toBe('tunedModels/my-model-7');
    for (const bad of ['../files', 'gemini?x=1', 'a/b', 'gemini:generateContent', '', 'models/']) {
      expect(() => geminiModelName(bad)).toThrow(/^model: must be a Gemini model id/);
    }
  });
});
