import DataLoader from 'dataloader';

const perRequest = new WeakMap<object, Map<string, DataLoader<string, unknown>>>();

/**
 * One DataLoader per request and key: field resolvers batch their look-ups into one query
 * per request instead of one per parent (no N+1).
 */
export function loaderFor<V>(
  req: object,
  key: string,
  batch: (ids: readonly string[]) => Promise<Map<string, V>>,
  missing: V,
): DataLoader<string, V> {
  let loaders = perRequest.get(req);
  if (!loaders) {
    perRequest.set(req, (loaders = new Map()));
  }
  let loader = loaders.get(key) as DataLoader<string, V> | undefined;
  if (!loader) {
    loader = new DataLoader<string, V>(async (ids) => {
      const found = await batch(ids);
      return ids.map((id) => found.get(id) ?? missing);
    });
    loaders.set(key, loader as DataLoader<string, unknown>);
  }
  return loader;
}
