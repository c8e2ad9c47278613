import { ApolloArmor } from '@escape.tech/graphql-armor';

/**
 * What one GraphQL request may ask for: a few aliases, a bounded depth and cost, a bounded number of
 * tokens. Every operation the web app sends stays well inside them (a unit test checks each one);
 * a request beyond them is refused before anything runs. One 71 KB request with 550 aliases of
 * `courses` once returned 48 MB in 14 s.
 */
export const GRAPHQL_LIMITS = {
  aliases: 15,
  depth: 14,
  cost: 8000,
  tokens: 2000,
  directives: 20,
} as const;

/** graphql-armor's settings for these limits; "Did you mean ...?" field suggestions are dropped in production. */
export function graphqlArmorConfig(env: 'development' | 'test' | 'production'): ConstructorParameters<typeof ApolloArmor>[0] {
  return {
    maxAliases: { n: GRAPHQL_LIMITS.aliases },
    maxDepth: { n: GRAPHQL_LIMITS.depth },
    costLimit: { maxCost: GRAPHQL_LIMITS.cost },
    // tokens are bounded by graphql-js's own parser (`parseOptions` below), which Apollo answers with a 400;
    // armor's token plugin throws where Apollo answers 500
    maxTokens: { enabled: false },
    maxDirectives: { n: GRAPHQL_LIMITS.directives },
    blockFieldSuggestion: { enabled: env === 'production' },
  };
}

/** The Apollo plugins and validation rules that enforce the limits. */
export function graphqlProtection(env: 'development' | 'test' | 'production') {
  const { plugins, validationRules } = new ApolloArmor(graphqlArmorConfig(env)).protect();
  return { plugins, validationRules, parseOptions: { maxTokens: GRAPHQL_LIMITS.tokens } };
}
