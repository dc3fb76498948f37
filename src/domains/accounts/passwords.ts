import argon2 from 'argon2';

// OWASP's argon2id recommendation (19 MiB, t=2, p=1) keeps a login under ~50 ms on 2 cores.
const options = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 10;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, options);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | null = null;
/** Verifies against a throwaway hash so that unknown emails take as long as wrong passwords. */
export async function burnVerifyTime(password: string): Promise<void> {
  dummy ??= hashPassword('regiolotse-timing-equaliser');
  await verifyPassword(await dummy, password);
}
