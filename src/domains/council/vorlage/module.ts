import type { DomainModule } from '../../../app/context.js';
import { registerVorlageCli } from './cli.js';

/** Reading Vorlagen (council submissions) into structured papers; stores nothing itself. */
export const vorlageModule: DomainModule = {
  name: 'vorlage',
  migrations: {},
  cli: registerVorlageCli,
};
