import { RememberedNames } from './remembered-names.js';

const tenant = { organizationId: 'org', projectId: 'proj' };

describe('RememberedNames', () => {
  it('remembers an id per tenant and name', () => {
    const names = new RememberedNames();
    names.remember(tenant, 'main', 'id-1');
    expect(names.get(tenant, 'main')).toBe('id-1');
    expect(names.get({ ...tenant, projectId: 'other' }, 'main')).toBeUndefined();
    names.forget(tenant, 'main');
    expect(names.get(tenant, 'main')).toBeUndefined();
  });

  it('cannot be confused by separators inside tenant ids', () => {
    const names = new RememberedNames();
    names.remember({ organizationId: 'a', projectId: 'b","c' }, 'd', 'id-1');
    expect(names.get({ organizationId: 'a","b', projectId: 'c' }, 'd')).toBeUndefined();
  });

  it('drops the oldest entry when full', () => {
    const names = new RememberedNames(2);
    names.remember(tenant, 'a', 'id-a');
    names.remember(tenant, 'b', 'id-b');
    names.remember(tenant, 'c', 'id-c');
    expect(names.size).toBe(2);
    expect(names.get(tenant, 'a')).toBeUndefined();
    expect(names.get(tenant, 'c')).toBe('id-c');
  });
});
