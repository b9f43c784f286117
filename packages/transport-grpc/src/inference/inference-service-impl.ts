import type { InferenceService } from '@integration-api/core';
import type { PrincipalContext } from '../auth/auth-middleware.js';
import type { InferenceServiceImplementation } from '../generated/integration/v1/inference.js';
import { chatRequestFromMessage, requireCredentialId } from './chat-request-message.js';
import { toChatResponse, toStreamFrame } from './chat-response-message.js';
import {
  embedRequestFromMessage,
  rerankRequestFromMessage,
  toEmbedResponse,
  toRerankResponse,
} from './embed-rerank-messages.js';

export interface InferenceServiceImplDeps {
  readonly inference: InferenceService;
}

/**
 * integration.v1.InferenceService over core's InferenceService. Expects the auth middleware in
 * front (the principal comes from the call context) and the error middleware around it (domain
 * errors are thrown as they are). Every call hands core the call's signal, which fires when the
 * client cancels or its deadline passes, so the provider request is aborted with it.
 */
export function createInferenceServiceImpl({
  inference,
}: InferenceServiceImplDeps): InferenceServiceImplementation<PrincipalContext> {
  return {
    async chat(request, { principal, signal }) {
      const result = await inference.chat(principal, {
        credentialId: requireCredentialId(request.credentialId),
        request: chatRequestFromMessage(request),
        signal,
      });
      return toChatResponse(result);
    },

    async *streamChat(request, { principal, signal }) {
      const events = inference.streamChat(principal, {
        credentialId: requireCredentialId(request.credentialId),
        request: chatRequestFromMessage(request),
        signal,
      });
      for await (const event of events) {
        const frame = toStreamFrame(event);
        if (frame) yield frame;
      }
    },

    async embed(request, { principal, signal }) {
      const result = await inference.embed(principal, {
        credentialId: requireCredentialId(request.credentialId),
        request: embedRequestFromMessage(request),
        signal,
      });
      return toEmbedResponse(result);
    },

    async rerank(request, { principal, signal }) {
      const result = await inference.rerank(principal, {
        credentialId: requireCredentialId(request.credentialId),
        request: rerankRequestFromMessage(request),
        signal,
      });
      return toRerankResponse(result);
    },
  };
}
