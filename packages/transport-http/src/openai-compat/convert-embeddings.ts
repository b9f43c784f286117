import {
  InvalidArgumentError,
  type EmbedRequest,
  type EmbedResult,
  type EmbeddingInputType,
} from '@integration-api/core';
import type { EmbeddingsBody } from './openai-schemas.js';
import { withoutUndefined } from '@integration-api/core';

export type EncodingFormat = 'float' | 'base64';

export interface EmbeddingsResponse {
  readonly object: 'list';
  readonly data: ReadonlyArray<{
    readonly object: 'embedding';
    readonly index: number;
    readonly embedding: readonly number[] | string;
  }>;
  readonly model: string;
  readonly usage: { readonly prompt_tokens: number; readonly total_tokens: number };
}

const INPUT_TYPES: readonly EmbeddingInputType[] = ['query', 'document'];

/** OpenAI's embeddings request → core's, for the provider model `model`. */
export function toEmbedRequest(body: EmbeddingsBody, model: string): EmbedRequest {
  const inputs = typeof body.input === 'string' ? [body.input] : body.input;
  if (!inputs.every((input): input is string => typeof input === 'string')) {
    // Token ids only mean something to OpenAI's own tokenizer.
    throw new InvalidArgumentError('input', 'token arrays are not supported; send text');
  }
  const inputType = body.input_type ?? undefined;
  if (inputType !== undefined && !(INPUT_TYPES as readonly string[]).includes(inputType)) {
    throw new InvalidArgumentError('input_type', 'must be query or document');
  }
  return withoutUndefined<EmbedRequest>({
    model,
    inputs,
    dimensions: body.dimensions ?? undefined,
    inputType: inputType as EmbeddingInputType | undefined,
    providerOptions: body.provider_options ?? undefined,
  });
}

export function encodingFormatOf(value: string | null | undefined): EncodingFormat {
  if (value == null || value === 'float') return 'float';
  if (value === 'base64') return 'base64';
  throw new InvalidArgumentError('encoding_format', 'must be float or base64');
}

export function toEmbeddingsResponse(
  result: EmbedResult,
  model: string,
  format: EncodingFormat,
): EmbeddingsResponse {
  const prompt = result.usage.inputTokens ?? 0;
  return {
    object: 'list',
    data: result.embeddings.map((vector, index) => ({
      object: 'embedding',
      index,
      embedding: format === 'base64' ? float32Base64(vector) : vector,
    })),
    model,
    usage: { prompt_tokens: prompt, total_tokens: result.usage.totalTokens ?? prompt },
  };
}

/** OpenAI's `base64` format: the vector as little-endian float32, base64-encoded. */
export function float32Base64(vector: readonly number[]): string {
  const bytes = Buffer.alloc(vector.length * 4);
  vector.forEach((value, i) => bytes.writeFloatLE(value, i * 4));
  return bytes.toString('base64');
}
