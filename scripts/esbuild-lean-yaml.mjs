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
    build.onLoad({ filter: /^js-yaml$/, namespace: 'lean-js-yaml' }, () => ({
      contents: [
        `export { load } from ${lib('loader.js')};`,
        `export { default as CORE_SCHEMA } from ${lib('schema/core.js')};`,
        `export { default as YAMLException } from ${lib('exception.js')};`,
      ].join('\n'),
      resolveDir: root,
      loader: 'js',
    }));
  },
};
