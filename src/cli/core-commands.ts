import type { Command } from 'commander';
import type { AppContext, WithContext } from '../app/context.js';
import { createContext } from '../app/create-context.js';
import { seedDemoData } from '../app/seed-demo.js';
import { serve } from './serve.js';

const seedDemo = (ctx: AppContext) =>
  seedDemoData(ctx, (domain, message) => process.stdout.write(`  [${domain}] ${message}\n`));

export function registerCoreCommands(program: Command, withContext: WithContext): void {
  program
    .command('migrate')
    .description('Datenbank auf den neuesten Stand bringen / apply pending migrations')
    .action(async () => {
      const ctx = await createContext();
      await ctx.database.close();
      process.stdout.write(`Migrated (${ctx.dialect}).\n`);
    });

  program
    .command('seed')
    .description('Demodaten laden / load demo data (idempotent)')
    .requiredOption('--demo', 'the demo data of the Regionalmanagement Düsseldorf – Kreis Mettmann')
    .action(async () => {
      await withContext(async (ctx) => {
        process.stdout.write('Loading demo data…\n');
        await seedDemo(ctx);
        process.stdout.write('Demo data ready.\n');
      });
    });

  program
    .command('serve')
    .description('Server und Web-Oberfläche starten / start the server and web UI')
    .option('--no-jobs', 'do not run background jobs in this process')
    .action(async (opts: { jobs: boolean }) => {
      await serve({ jobs: opts.jobs });
    });

  program
    .command('demo')
    .description('Migrieren, Demodaten laden und starten / migrate, load demo data and serve')
    .action(async () => {
      await withContext(async (ctx) => {
        process.stdout.write('Loading demo data…\n');
        await seedDemo(ctx);
      });
      await serve();
    });

  program
    .command('jobs:run')
    .description('Fällige Jobs jetzt ausführen / run due jobs once and exit')
    .action(async () => {
      await withContext(async (ctx) => {
        const ran = await ctx.jobs.tick();
        process.stdout.write(`${ran} job(s) run.\n`);
      });
    });
}
