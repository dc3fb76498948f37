import { expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

it('uses the embedded database by default', () => {
  const c = loadConfig({});
  expect(c.DATABASE_URL).toBe('sqlite:./data/regiolotse.db');
  expect(c.PORT).toBe(3000);
});

it('names the variable in a clear bilingual error', () => {
  expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
  expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL.*sqlite:PFAD/s);
  expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  expect(() => loadConfig({ APP_SECRET: 'short' })).toThrow(/APP_SECRET/);
});

it('trusts no proxy unless TRUST_PROXY names one, and rejects a vague value', () => {
  expect(loadConfig({}).TRUST_PROXY).toEqual([]);
  expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 192.168.0.0/16,loopback' }).TRUST_PROXY).toEqual([
    '10.0.0.1',
    '192.168.0.0/16',
    'loopback',
  ]);
  expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
  expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY/);
});
