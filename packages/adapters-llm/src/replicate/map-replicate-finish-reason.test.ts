import { mapReplicateFinishReason } from './map-replicate-finish-reason.js';

describe('mapReplicateFinishReason', () => {
  it.each([
    ['succeeded', 'stop'],
    ['failed', 'error'],
    ['canceled', 'other'],
    ['aborted', 'other'],
    [undefined, 'other'],
  ] as const)('maps %s to %s', (status, reason) => {
    expect(mapReplicateFinishReason(status)).toBe(reason);
  });
});
