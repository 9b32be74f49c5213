// Core only ever *reads* YAML with the core schema. js-yaml's package entry also carries the
// dumper and every optional type; pointing the bundle at its loader alone keeps ~17 KB out of
// the Obsidian plugin and the VS Code extension. Same js-yaml code, fewer modules.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const coreDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'packages', 'core');

export const leanYaml = {
  name: 'lean-js-yaml',
  setup(build) {
    const root = dirname(createRequire(join(coreDir, 'package.json')).resolve('js-yaml'));
    const lib = (p) => JSON.stringify(join(root, 'lib', p));
    build.onResolve({ filter: /^js-yaml$/ }, () => ({ path: 'js-yaml', namespace: 'lean-js-yaml' }));
    // Core always passes CORE_SCHEMA, so the loader's default schema (timestamps, binary, sets…)
    // is never used; and core reads `reason` and `mark.line`, never the source snippet.
    build.onResolve({ filter: /^\.\/schema\/default$/ }, (args) =>
      args.importer.startsWith(root) ? { path: join(root, 'lib', 'schema', 'core.js') } : undefined,
    );
    build.onResolve({ filter: /^\.\/snippet$/ }, (args) =>
      args.importer.startsWith(root) ? { path: 'snippet', namespace: 'lean-js-yaml' } : undefined,
    );
    build.onLoad({ filter: /^snippet$/, namespace: 'lean-js-yaml' }, () => ({ contents: 'module.exports = () => null;', loader: 'js' }));
    // The loader is required on the first parse, not when the bundle loads: in Obsidian the
    // frontmatter usually comes pre-parsed from metadataCache, so many sessions never need it,
    // and a plugin's load time counts every module that initialises eagerly. `CORE_SCHEMA` is a
    // token the wrapper swaps for the real schema; `instanceof YAMLException` still works.
    build.onLoad({ filter: /^js-yaml$/, namespace: 'lean-js-yaml' }, () => ({
      contents: [
        'let real;',
        `const yaml = () => (real ??= { load: require(${lib('loader.js')}).load, core: require(${lib('schema/core.js')}), YAMLException: require(${lib('exception.js')}) });`,
        'export const CORE_SCHEMA = Object.freeze({});',
        'export function load(input, options) {',
        '  const y = yaml();',
        '  return y.load(input, options && options.schema === CORE_SCHEMA ? { ...options, schema: y.core } : options);',
        '}',
        'export const YAMLException = { [Symbol.hasInstance]: (e) => e instanceof yaml().YAMLException };',
      ].join('\n'),
      resolveDir: root,
      loader: 'js',
    }));
  },
};
