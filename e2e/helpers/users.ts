import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { type RunningServer, runCli } from './server.js';

export interface TestUser {
  email: string;
  name: string;
  password: string;
  role: 'admin' | 'office' | 'partner' | 'reader';
}

/** Creates a user through the real CLI (`regiolotse user add`) against the server's database. */
export async function addUser(
  server: RunningServer,
  role: TestUser['role'],
  name = `E2E ${role}`,
): Promise<TestUser> {
  const user: TestUser = {
    email: `${role}-${randomBytes(4).toString('hex')}@example.org`,
    name,
    password: `pw-${randomBytes(12).toString('base64url')}`,
    role,
  };
  const res = await runCli(
    ['user', 'add', '--email', user.email, '--name', user.name, '--role', role, '--password', user.password],
    { DATABASE_URL: server.databaseUrl, LOG_LEVEL: 'warn' },
  );
  if (res.code !== 0) throw new Error(`user add failed: ${res.stderr || res.stdout}`);
  return user;
}

/** Signs in through the login form, as a person would, and waits until the shell shows the user. */
export async function signInViaForm(page: Page, baseUrl: string, user: TestUser): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('E-Mail-Adresse').fill(user.email);
  await page.getByLabel('Passwort').fill(user.password);
  await page.getByRole('main').getByRole('button', { name: 'Anmelden' }).click();
  await page
    .getByRole('banner')
    .getByRole('button', { name: new RegExp(user.name) })
    .waitFor();
}
