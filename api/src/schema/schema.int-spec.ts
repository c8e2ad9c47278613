import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ACCESS_KEY } from '../common/access.decorators';
import { startTestApi, type TestApi } from '../../test/test-db';
import { resolvers } from './resolvers';

describe('GraphQL schema', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('is exactly the committed api/schema.graphql (run `npm run codegen` after changing resolvers)', () => {
    const served = printSchema(lexicographicSortSchema(api.app.get(GraphQLSchemaHost).schema)) + '\n';
    expect(served).toBe(readFileSync(path.resolve(__dirname, '../../schema.graphql'), 'utf8'));
  });

  it('declares who may call every query and mutation (deny by default)', () => {
    const undeclared: string[] = [];
    for (const resolver of resolvers) {
      const proto = resolver.prototype as unknown as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (name === 'constructor' || typeof handler !== 'function') {
          continue;
        }
        const resolverType = Reflect.getMetadata('graphql:resolver_type', handler) as string | undefined;
        if (resolverType !== 'Query' && resolverType !== 'Mutation') {
          continue;
        }
        if (!Reflect.getMetadata(ACCESS_KEY, handler)) {
          undeclared.push(`${resolver.name}.${name}`);
        }
      }
    }
    expect(undeclared).toEqual([]);
  });
});
