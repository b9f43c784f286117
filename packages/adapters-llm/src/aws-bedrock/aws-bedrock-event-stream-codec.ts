import { EventStreamCodec } from '@smithy/eventstream-codec';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';

/**
 * The one codec of the AWS event-stream framing (`application/vnd.amazon.eventstream`): it checks
 * both CRC32s when decoding and computes them when encoding. Its `decode` and `encode` keep no
 * state, so the decoder and the encoder share it.
 */
export const awsEventStreamCodec = new EventStreamCodec(toUtf8, fromUtf8);
