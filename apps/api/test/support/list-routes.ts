import type { NestFastifyApplication } from '@nestjs/platform-fastify';

export type Route = { method: string; path: string };

/** Every route Fastify serves, Nest's and plugins' alike, read from `printRoutes()`'s tree. */
export function listRoutes(app: NestFastifyApplication): Route[] {
  const tree: string = app.getHttpAdapter().getInstance().printRoutes({ commonPrefix: false });
  const parents: string[] = [];
  const routes: Route[] = [];
  for (const line of tree.split('\n')) {
    const match = /^([│ ]*)[├└]── (\S+)(?: \(([^)]+)\))?/.exec(line.replace(/\u00a0/g, ' '));
    if (!match) continue;
    const depth = match[1].length / 4;
    const path = (parents[depth - 1] ?? '') + match[2];
    parents[depth] = path;
    parents.length = depth + 1;
    for (const method of match[3]?.split(', ') ?? []) routes.push({ method, path });
  }
  return routes;
}
