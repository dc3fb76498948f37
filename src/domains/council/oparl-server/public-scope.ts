import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { anonymous } from '../../access/actor.js';
import { visibleWhere } from '../../access/policy.js';
import type { ObjectKind } from '../oparl/kinds.js';
import { tableOf } from '../oparl/kinds.js';

/**
 * What the public sees of a table: its own is_public through the access policy (as anonymous,
 * whoever asks), and for files and consultations also the publicity of the paper or agenda item
 * they belong to, so nothing of a nichtöffentlich paper shows through its attachments.
 */
export function publicScope(kind: ObjectKind): RawBuilder<SqlBool> {
  const table = tableOf[kind];
  const base = visibleWhere(anonymous, table);
  if (kind === 'File') {
    return sql<SqlBool>`(${base} and not exists (select 1 from council_papers p where p.oparl_id = council_files.parent_oparl_id and p.is_public = 0) and not exists (select 1 from council_agenda_items a where a.oparl_id = council_files.parent_oparl_id and a.is_public = 0))`;
  }
  if (kind === 'Consultation') {
    return sql<SqlBool>`(${base} and not exists (select 1 from council_papers p where p.oparl_id = council_consultations.paper_oparl_id and p.is_public = 0) and not exists (select 1 from council_agenda_items a where a.oparl_id = council_consultations.agenda_item_oparl_id and a.is_public = 0))`;
  }
  return base;
}
