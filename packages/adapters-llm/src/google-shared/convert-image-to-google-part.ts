import { InvalidArgumentError, type ContentPart } from '@integration-api/core';
import type { GooglePart } from './google-api.js';

type ImagePart = Extract<ContentPart, { type: 'image' }>;

const MEDIA_TYPE_OF_EXTENSION: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
  heic: 'image/heic',
  heif: 'image/heif',
};

/**
 * An image part in Google's form. Inline data and `data:` URLs become `inlineData` (base64).
 * Other URLs become `fileData{fileUri}`, with the media type guessed from the file extension when
 * it has a known one: we do not download images ourselves (that would make the gateway fetch
 * arbitrary URLs for its callers). Google fetches the URI: Vertex AI takes `gs://` and public
 * https URLs; the Gemini API takes its Files API URIs and, on recent models, public http(s) URLs.
 * A URI Google cannot fetch comes back as its 400 (invalid_request).
 */
export function convertImageToGooglePart(part: ImagePart, field: string): GooglePart {
  if ('data' in part) return { inlineData: { mimeType: part.mediaType, data: part.data } };
  if (part.url.startsWith('data:')) return { inlineData: parseDataUrl(part.url, `${field}.url`) };
  const mimeType = mediaTypeOfUrl(part.url);
  return { fileData: { fileUri: part.url, ...(mimeType ? { mimeType } : {}) } };
}

/** `data:<type>[;base64],<data>`; a percent-encoded (non-base64) payload is re-encoded as base64. */
function parseDataUrl(url: string, field: string): { mimeType: string; data: string } {
  const match = /^data:([^;,]+)((?:;[^;,]*)*),(.*)$/s.exec(url);
  if (!match) throw new InvalidArgumentError(field, 'is not a valid data: URL');
  const mimeType = match[1]!.trim().toLowerCase();
  const isBase64 = match[2]!.split(';').some((p) => p.trim().toLowerCase() === 'base64');
  const payload = match[3]!;
  if (isBase64) return { mimeType, data: payload.replace(/\s+/g, '') };
  let bytes: Buffer;
  try {
    bytes = Buffer.from(decodeURIComponent(payload), 'utf8');
  } catch {
    throw new InvalidArgumentError(field, 'is not a valid data: URL');
  }
  return { mimeType, data: bytes.toString('base64') };
}

function mediaTypeOfUrl(url: string): string | undefined {
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const extension = /\.([A-Za-z0-9]+)$/.exec(pathname)?.[1]?.toLowerCase();
  return extension ? MEDIA_TYPE_OF_EXTENSION[extension] : undefined;
}
