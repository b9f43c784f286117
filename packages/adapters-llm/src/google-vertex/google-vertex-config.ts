import { InvalidArgumentError, type CredentialConfig } from '@integration-api/core';
import { joinUrl } from '../http/url.js';
import { googleVertexDefaultBaseUrl } from './google-vertex-spec.js';

const PROJECT_ID = /^[A-Za-z0-9][A-Za-z0-9.:_-]*$/;
const LOCATION = /^[a-z0-9][a-z0-9-]*$/;
const MODEL_ID = /^[A-Za-z0-9][A-Za-z0-9._@-]*$/;

export interface VertexTarget {
  readonly projectId: string;
  readonly location: string;
  /** The API root including its version (`https://{location}-aiplatform.googleapis.com/v1`). */
  readonly baseUrl: string;
}

/**
 * Where a credential's calls go. The project and location become path segments, so they are
 * checked to be plain identifiers; the base URL defaults to the location's endpoint (`global`
 * has no location prefix).
 */
export function vertexTarget(config: CredentialConfig): VertexTarget {
  const { projectId, location } = config;
  if (!projectId || !PROJECT_ID.test(projectId) || projectId.includes('..')) {
    throw new InvalidArgumentError('config.projectId', 'must be a Google Cloud project id');
  }
  if (!location || !LOCATION.test(location)) {
    throw new InvalidArgumentError('config.location', 'must be a Vertex AI location such as us-central1');
  }
  return { projectId, location, baseUrl: config.baseUrl || googleVertexDefaultBaseUrl(location) };
}

export type VertexModelMethod = 'generateContent' | 'streamGenerateContent' | 'predict';

/**
 * `{base}/projects/{p}/locations/{l}/publishers/google/models/{model}:{method}`, streaming as
 * server-sent events (`alt=sse`). The model is a Google publisher model id (`gemini-2.5-flash`,
 * `text-embedding-005`), checked so it cannot change the path.
 */
export function vertexModelUrl(target: VertexTarget, model: string, method: VertexModelMethod): string {
  if (!MODEL_ID.test(model) || model.includes('..')) {
    throw new InvalidArgumentError('model', 'must be a Vertex AI model id such as gemini-2.5-flash');
  }
  const url = joinUrl(
    target.baseUrl,
    `projects/${target.projectId}/locations/${target.location}/publishers/google/models/${model}:${method}`,
  );
  return method === 'streamGenerateContent' ? `${url}?alt=sse` : url;
}

/**
 * `GET {base}/projects/{p}/locations/{l}`: a cheap authenticated read that checks the token, the
 * project and the location (the Vertex AI User role holds `aiplatform.locations.get`).
 */
export function vertexLocationUrl(target: VertexTarget): string {
  return joinUrl(target.baseUrl, `projects/${target.projectId}/locations/${target.location}`);
}

export function vertexHeaders(accessToken: string): Record<string, string> {
  return { authorization: `Bearer ${accessToken}` };
}
