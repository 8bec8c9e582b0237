import { describe, expect, it } from 'vitest';
import { readConfig } from '../../../sync-server/config.ts';

describe('TRUST_PROXY', () => {
  it('is how many proxies stand in front, none when unset', () => {
    expect(readConfig({}).trustedProxies).toBe(0);
    expect(readConfig({ TRUST_PROXY: '0' }).trustedProxies).toBe(0);
    expect(readConfig({ TRUST_PROXY: '1' }).trustedProxies).toBe(1);
    expect(readConfig({ TRUST_PROXY: ' 2 ' }).trustedProxies).toBe(2);
  });

  it('fails loudly on anything but a small whole number', () => {
    for (const value of ['true', 'yes', '-1', '1.5', '11']) {
      expect(() => readConfig({ TRUST_PROXY: value }), value).toThrow(/TRUST_PROXY must be/);
    }
  });
});
