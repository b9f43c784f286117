import { ProviderError } from '@integration-api/core';
import { replicateStreamUrl } from './replicate-stream-url.js';

describe('replicateStreamUrl', () => {
  it('accepts an https stream on another host than the API', () => {
    expect(
      replicateStreamUrl(
        'https://streaming.api.replicate.com/v1/predictions/abc',
        'https://api.replicate.com/v1',
      ),
    ).toBe('https://streaming.api.replicate.com/v1/predictions/abc');
  });

  it('accepts plain http only on the origin of the API root', () => {
    expect(replicateStreamUrl('http://127.0.0.1:8080/stream/abc', 'http://127.0.0.1:8080/v1')).toBe(
      'http://127.0.0.1:8080/stream/abc',
    );
  });

  it('refuses to send the token in clear text elsewhere, or to a URL that does not parse', () => {
    expect(() => replicateStreamUrl('http://evil.example/stream', 'https://api.replicate.com/v1')).toThrow(
      ProviderError,
    );
    expect(() => replicateStreamUrl('http://127.0.0.1:9/stream', 'http://127.0.0.1:8080/v1')).toThrow(
      'not https',
    );
    expect(() => replicateStreamUrl('not a url', 'https://api.replicate.com/v1')).toThrow(
      'invalid stream URL',
    );
  });
});
