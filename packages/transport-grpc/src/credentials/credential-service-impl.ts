import { InvalidArgumentError, type CredentialService, type ProviderRegistry } from '@integration-api/core';
import type { PrincipalContext } from '../auth/auth-middleware.js';
import type { CredentialServiceImplementation } from '../generated/integration/v1/credentials.js';
import { secretFromMessage, toCredentialMessage, toProviderMessage } from './credential-messages.js';

export interface CredentialServiceImplDeps {
  readonly credentials: CredentialService;
  readonly providers: ProviderRegistry;
}

/**
 * integration.v1.CredentialService over core's CredentialService. Expects the auth middleware in
 * front (the principal comes from the call context) and the error middleware around it (domain
 * errors are thrown as they are).
 */
export function createCredentialServiceImpl({
  credentials,
  providers,
}: CredentialServiceImplDeps): CredentialServiceImplementation<PrincipalContext> {
  return {
    async createCredential(request, { principal }) {
      const view = await credentials.create(principal, {
        provider: request.provider,
        name: request.name,
        secret: secretFromMessage(request.secret),
        config: request.config,
        ...(request.verify !== undefined ? { verify: request.verify } : {}),
      });
      return toCredentialMessage(view);
    },

    async getCredential(request, { principal }) {
      return toCredentialMessage(await credentials.get(principal, requireId(request.id)));
    },

    async listCredentials(request, { principal }) {
      const page = await withProtoListFields(
        credentials.list(principal, {
          ...(request.pageSize !== 0 ? { limit: request.pageSize } : {}),
          ...(request.pageToken !== '' ? { cursor: request.pageToken } : {}),
          ...(request.provider !== '' ? { provider: request.provider } : {}),
        }),
      );
      return { credentials: page.items.map(toCredentialMessage), nextPageToken: page.nextCursor ?? '' };
    },

    async updateCredential(request, { principal }) {
      const view = await credentials.update(principal, requireId(request.id), {
        ...(request.name !== undefined ? { name: request.name } : {}),
        ...(request.secret !== undefined ? { secret: secretFromMessage(request.secret) } : {}),
        ...(request.config !== undefined ? { config: { ...request.config.values } } : {}),
        ...(request.verify !== undefined ? { verify: request.verify } : {}),
        ...(request.expectedVersion !== undefined ? { expectedVersion: request.expectedVersion } : {}),
      });
      return toCredentialMessage(view);
    },

    async deleteCredential(request, { principal }) {
      await credentials.delete(principal, requireId(request.id), request.expectedVersion);
      return {};
    },

    async verifyCredential(request, { principal }) {
      return toCredentialMessage(await credentials.verify(principal, requireId(request.id)));
    },

    // Any authenticated caller may read the catalog: it holds no tenant data.
    async listProviders() {
      return { providers: providers.list().map((adapter) => toProviderMessage(adapter.spec)) };
    },
  };
}

function requireId(id: string): string {
  if (id === '') throw new InvalidArgumentError('id', 'is required');
  return id;
}

/** Core names the paging fields `limit` and `cursor`; this API calls them page_size and page_token. */
const LIST_FIELD_NAMES: Readonly<Record<string, string>> = { limit: 'page_size', cursor: 'page_token' };

async function withProtoListFields<T>(result: Promise<T>): Promise<T> {
  try {
    return await result;
  } catch (error) {
    const field = error instanceof InvalidArgumentError ? error.details.field : undefined;
    const renamed = field !== undefined ? LIST_FIELD_NAMES[field] : undefined;
    if (!(error instanceof InvalidArgumentError) || field === undefined || renamed === undefined) throw error;
    throw new InvalidArgumentError(renamed, error.message.slice(`${field}: `.length));
  }
}
