import { describe, expect, it } from 'vitest';
import { listenHost, readConfig } from '../../../sync-server/config.ts';

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

describe('where the server listens', () => {
  const host = (env: NodeJS.ProcessEnv, isDemoData: boolean) =>
    listenHost(readConfig(env), isDemoData);

  it('keeps the demo data to this computer: its accounts share a published password', () => {
    expect(host({}, true)).toBe('127.0.0.1');
    expect(host({ HOST: ' ' }, true)).toBe('127.0.0.1');
  });

  it('listens on every interface over real data, or with the demo switched off', () => {
    expect(host({}, false)).toBe('0.0.0.0');
    expect(host({ CYMORTH_DEMO: '0' }, true)).toBe('0.0.0.0');
  });

  it('listens where HOST says, demo or not', () => {
    expect(host({ HOST: '0.0.0.0' }, true)).toBe('0.0.0.0');
    expect(host({ HOST: '192.168.1.5' }, false)).toBe('192.168.1.5');
    expect(host({ HOST: '127.0.0.1' }, false)).toBe('127.0.0.1');
  });
});

describe('POSTCODES_URL', () => {
  it('is the root of a postcodes.io-compatible service, or unset for the imported table', () => {
    expect(readConfig({}).postcodesUrl).toBeNull();
    expect(readConfig({ POSTCODES_URL: 'https://postcodes.example' }).postcodesUrl).toBe(
      'https://postcodes.example/',
    );
    expect(readConfig({ POSTCODES_URL: ' http://10.0.0.5:8000/pc/ ' }).postcodesUrl).toBe(
      'http://10.0.0.5:8000/pc/',
    );
  });

  it('fails loudly on what is not an http(s) URL', () => {
    for (const value of ['postcodes.io', 'ftp://postcodes.example/', 'https://p.example/?key=1']) {
      expect(() => readConfig({ POSTCODES_URL: value }), value).toThrow(/POSTCODES_URL must be/);
    }
  });
});
