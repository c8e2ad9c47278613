// One Jest run, three tiers. `npm test` runs them in order (see scripts/test.mjs).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];
const common = {
  // openid-client and its two dependencies, and d3 (the report charts), ship ES modules only: compile them to CommonJS like our own code
  transform: { '^.+\\.ts$': swc, '/node_modules/(openid-client|oauth4webapi|jose|d3-[a-z-]+|internmap)/.+\\.m?js$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(openid-client|oauth4webapi|jose|d3-[a-z-]+|internmap)/)'],
  moduleNameMapper: {
    '^@lh/domain$': '<rootDir>/libs/domain/src/index.ts',
    '^@lh/graphql-client$': '<rootDir>/libs/graphql-client/src/index.ts',
  },
  testEnvironment: 'node',
};

/** @type {import('jest').Config} */
module.exports = {
  // integration and browser journeys take seconds, more on a busy two-core machine; a journey that waits for its
  // mail behind hundreds of others (a large register's certificates and evaluations) takes minutes
  testTimeout: 240_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{api,libs,web/src}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/api/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/api/test/global-setup.mjs',
      globalTeardown: '<rootDir>/api/test/global-teardown.mjs',
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/e2e/global-setup.mjs',
      setupFiles: ['<rootDir>/e2e/src/worker-stack.ts'],
      globalTeardown: '<rootDir>/e2e/global-teardown.mjs',
    },
  ],
};
