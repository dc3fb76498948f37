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
