import { uuidV7 } from './system.js';

describe('uuidV7', () => {
  it('makes RFC 9562 version 7 ids that sort by creation time', async () => {
    const first = uuidV7.newId();
    await new Promise((resolve) => setTimeout(resolve, 2));
    const second = uuidV7.newId();
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(second > first).toBe(true);
  });
});
