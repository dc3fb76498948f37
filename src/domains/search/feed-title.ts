import type { AppContext } from '../../app/context.js';

export interface FeedFilters {
  q: string;
  type?: string;
  body?: string;
  committee?: string;
  paperType?: string;
  year?: number;
  field?: number;
}

/**
 * What a feed subscribes to, for its title: the query and every filter, so two feeds of the same
 * words with different filters can be told apart in a reader ("Radweg · Jahr 2025 · Mobilität").
 */
export async function feedTitle(ctx: Pick<AppContext, 'db'>, f: FeedFilters): Promise<string> {
  const field =
    f.field === undefined
      ? undefined
      : ((
          await ctx.db
            .selectFrom('fields_of_action')
            .select('name')
            .where('id', '=', f.field)
            .executeTakeFirst()
        )?.name ?? `Handlungsfeld ${f.field}`);
  return [
    f.q,
    f.type && `Art ${f.type}`,
    f.body,
    f.committee,
    f.paperType,
    f.year !== undefined && `Jahr ${f.year}`,
    field,
  ]
    .filter(Boolean)
    .join(' · ');
}
