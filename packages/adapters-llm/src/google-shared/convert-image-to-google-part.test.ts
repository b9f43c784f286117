import { convertImageToGooglePart } from './convert-image-to-google-part.js';

const field = 'messages[0].content[1]';

describe('convertImageToGooglePart', () => {
  it('sends inline data as inlineData', () => {
    expect(
      convertImageToGooglePart({ type: 'image', data: 'iVBORw0KGgo=', mediaType: 'image/png' }, field),
    ).toEqual({
      inlineData: { mimeType: 'image/png', data: 'iVBORw0KGgo=' },
    });
  });

  it('unpacks a base64 data: URL', () => {
    expect(
      convertImageToGooglePart({ type: 'image', url: 'data:image/jpeg;base64,/9j/4AAQ' }, field),
    ).toEqual({
      inlineData: { mimeType: 'image/jpeg', data: '/9j/4AAQ' },
    });
  });

  it('re-encodes a percent-encoded data: URL as base64', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"/>';
    expect(
      convertImageToGooglePart(
        { type: 'image', url: `data:image/svg+xml,${encodeURIComponent(svg)}` },
        field,
      ),
    ).toEqual({ inlineData: { mimeType: 'image/svg+xml', data: Buffer.from(svg).toString('base64') } });
  });

  it('refuses a malformed data: URL, naming the field', () => {
    expect(() => convertImageToGooglePart({ type: 'image', url: 'data:nocomma' }, field)).toThrow(
      'messages[0].content[1].url: is not a valid data: URL',
    );
  });

  it('passes other URLs as fileData for Google to fetch, with the type of a known extension', () => {
    expect(
      convertImageToGooglePart({ type: 'image', url: 'https://cdn.example.com/a/cat.PNG?v=2' }, field),
    ).toEqual({
      fileData: { fileUri: 'https://cdn.example.com/a/cat.PNG?v=2', mimeType: 'image/png' },
    });
    expect(convertImageToGooglePart({ type: 'image', url: 'https://example.com/image?id=7' }, field)).toEqual(
      {
        fileData: { fileUri: 'https://example.com/image?id=7' },
      },
    );
  });
});
