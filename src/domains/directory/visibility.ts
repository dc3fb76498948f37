import type { ExpressionBuilder } from 'kysely';
import type { Actor } from '../access/actor.js';
import { visibleTo } from '../access/policy.js';

/** visibleTo for any query shape, including aliased joins (`people as p`). */
export function visibleWhere(actor: Actor, alias: string) {
  return <D, T extends keyof D & string>(eb: ExpressionBuilder<D, T>) => visibleTo<D, T>(actor, alias)(eb);
}
