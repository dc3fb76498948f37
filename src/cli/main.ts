import { Command } from 'commander';
import type { AppContext, WithContext } from '../app/context.js';
import { createContext } from '../app/create-context.js';
import { domains } from '../app/domains.js';
import { ConfigError } from '../infra/config.js';
import { DomainError } from '../infra/http/errors.js';
import { registerCoreCommands } from './core-commands.js';
import { registerDumpCommands } from './dump-commands.js';

const program = new Command();
program.name('regiolotse').description('Regiolotse — Plattform für Regionalmanagements').showHelpAfterError();

const withContext: WithContext = async <T>(fn: (ctx: AppContext) => Promise<T>) => {
  const ctx = await createContext();
  try {
    return await fn(ctx);
  } finally {
    await ctx.database.close();
  }
};

registerCoreCommands(program, withContext);
registerDumpCommands(program, withContext);
for (const d of domains) d.cli?.(program, withContext);

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
  } else if (err instanceof DomainError) {
    // Domain errors carry both languages (and, e.g., the candidates of an unknown name).
    process.stderr.write(`Fehler: ${err.messageDe}\nError: ${err.messageEn}\n`);
  } else {
    process.stderr.write(`Fehler / Error: ${err instanceof Error ? err.message : String(err)}\n`);
  }
  process.exitCode = 1;
});
