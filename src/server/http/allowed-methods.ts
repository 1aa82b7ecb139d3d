/** The methods a path has among an app's routes, for a 405 with its `Allow` header rather than a plain 404. */

/** A registered route as Hono lists it. */
export interface RouteEntry {
  method: string;
  path: string;
}

const escape = (segment: string) => segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Matches a route path like `/tickets/:id/cancel` against a concrete path (parameters match one segment). */
function matches(routePath: string, path: string): boolean {
  const pattern = routePath
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : escape(segment)))
    .join('/');
  // Exactly as routed: the router serves no trailing slash, so neither is a method "allowed" there (404, not 405).
  return new RegExp(`^${pattern}$`).test(path);
}

/** The methods routed for `path` (HEAD wherever GET is), sorted; empty when no route has the path. */
export function allowedMethods(routes: readonly RouteEntry[], path: string): string[] {
  const methods = new Set<string>();
  for (const route of routes) {
    // Middleware (`use`) is registered for every method and wildcard paths; neither names a resource.
    if (route.method === 'ALL' || route.path.includes('*')) continue;
    if (matches(route.path, path)) methods.add(route.method);
  }
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}
