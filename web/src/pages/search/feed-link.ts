/** The query and filters a search feed takes (/feeds/search.atom); sort and paging are the feed's own. */
const feedKeys = ['q', 'type', 'body', 'committee', 'paperType', 'year', 'field'];

/** The feed of the search as the page shows it: the same words and every active filter. */
export function feedParams(params: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams();
  for (const key of feedKeys) {
    const value = params.get(key);
    if (value) out.set(key, value);
  }
  return out;
}
