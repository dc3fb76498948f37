import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { sql } from 'kysely';
import type { WithContext } from '../../app/context.js';
import { systemActor } from '../access/actor.js';
import { createUserBodySchema } from './schemas.js';
import { createUser } from './users-service.js';

interface UserAddOptions {
  email: string;
  name: string;
  role: string;
  password?: string;
  organization?: string;
}

export function accountsCli(program: Command, withContext: WithContext): void {
  const user = program.command('user').description('Zugänge verwalten / manage user accounts');
  user
    .command('add')
    .description('Zugang anlegen / create a user (the first admin, for example)')
    .requiredOption('--email <email>', 'email address (sign-in name)')
    .requiredOption('--name <name>', 'display name')
    .option('--role <role>', 'admin | office | partner | reader', 'admin')
    .option(
      '--password <password>',
      'password (else $REGIOLOTSE_PASSWORD, else one is generated and printed)',
    )
    .option('--organization <name>', 'organisation the user belongs to (exact name or short name)')
    .action(async (opts: UserAddOptions) => {
      await withContext(async (ctx) => {
        const generated = !opts.password && !process.env.REGIOLOTSE_PASSWORD;
        const password =
          opts.password ?? process.env.REGIOLOTSE_PASSWORD ?? randomBytes(12).toString('base64url');
        let organizationId: number | null = null;
        if (opts.organization) {
          const found = await sql<{
            id: number;
          }>`select id from organizations where name = ${opts.organization} or short_name = ${opts.organization}`.execute(
            ctx.db,
          );
          if (found.rows.length !== 1) {
            throw new Error(`Organisation "${opts.organization}" not found / nicht gefunden`);
          }
          organizationId = found.rows[0].id;
        }
        const input = createUserBodySchema.safeParse({ ...opts, password, organizationId });
        if (!input.success) {
          throw new Error(input.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
        }
        const created = await createUser(ctx.db, systemActor('cli'), input.data);
        process.stdout.write(`User ${created.email} (${created.role}) created / angelegt.\n`);
        if (generated) process.stdout.write(`Password / Passwort: ${password}\n`);
      });
    });
}
