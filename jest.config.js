/** jest runs the TypeScript sources as ESM (node --experimental-vm-modules, see package.json). */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json', diagnostics: false }],
  },
  // End-to-end tests start the CLI several times; on a loaded 2-core machine one start can take 10 s or more.
  testTimeout: 180000,
  // Two workers on the two cores: most tests wait on a CLI subprocess, so the suite takes about half as long as with jest's one.
  maxWorkers: 2,
};
