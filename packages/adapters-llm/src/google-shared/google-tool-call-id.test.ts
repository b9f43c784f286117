import { googleToolCallId } from './google-tool-call-id.js';

describe('googleToolCallId', () => {
  it('derives the id from the response id and the call’s position', () => {
    expect(googleToolCallId({ name: 'weather' }, 'Xk2Lab_Q-9', 0)).toBe('call_Xk2Lab_Q-9_0');
    expect(googleToolCallId({ name: 'weather' }, 'Xk2Lab_Q-9', 2)).toBe('call_Xk2Lab_Q-9_2');
  });

  it('keeps only id-safe characters of the response id', () => {
    expect(googleToolCallId({ name: 'a' }, 'ab/c+d=', 1)).toBe('call_abcd_1');
  });

  it('counts alone without a response id', () => {
    expect(googleToolCallId({ name: 'a' }, undefined, 3)).toBe('call_3');
  });

  it('keeps an id Google gave', () => {
    expect(googleToolCallId({ name: 'a', id: 'fc_123' }, 'resp', 0)).toBe('fc_123');
  });
});
