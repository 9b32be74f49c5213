import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';
import { uiText } from '@baton/core';
import { describe, expect, it } from 'vitest';

// The manifest is localized the VS Code way: every user-visible string in package.json is a
// `%key%` placeholder, package.nls.json holds the English, package.nls.ja.json the Japanese.

const root = fileURLToPath(new URL('..', import.meta.url));
const readJson = (file: string): unknown => JSON.parse(readFileSync(`${root}/${file}`, 'utf8'));
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
interface Manifest {
  displayName: string;
  description: string;
  contributes: { commands: { command: string; title: string; category?: string }[] } & Record<string, Json>;
}

const manifest = readJson('package.json') as Manifest;
const en = readJson('package.nls.json') as Record<string, string>;
const ja = readJson('package.nls.ja.json') as Record<string, string>;

const PLACEHOLDER = /^%([\w.-]+)%$/;

/** Fields that VS Code shows to a person, wherever they sit in `contributes`. */
const VISIBLE = new Set([
  'title',
  'shortTitle',
  'name',
  'contents',
  'description',
  'markdownDescription',
  'enumDescriptions',
  'markdownEnumDescriptions',
  'enumItemLabels',
  'deprecationMessage',
  'markdownDeprecationMessage',
  'label',
  'contextualTitle',
  'altText',
  'markdown',
]);

/** Every string in the manifest, with its JSON path. */
function strings(node: Json, path: string[] = []): { path: string[]; value: string }[] {
  if (typeof node === 'string') return [{ path, value: node }];
  if (Array.isArray(node)) return node.flatMap((v, i) => strings(v, [...path, String(i)]));
  if (node && typeof node === 'object') return Object.entries(node).flatMap(([k, v]) => strings(v, [...path, k]));
  return [];
}

/** The field a string belongs to: its key, or for an array of strings the array's key. */
const fieldOf = (path: string[]): string => {
  const last = path[path.length - 1] ?? '';
  return /^\d+$/.test(last) ? (path[path.length - 2] ?? '') : last;
};

/** User-visible literals left in `contributes` (category "Baton" may stay: it is the brand). */
function literals(m: Manifest): string[] {
  const out: string[] = [];
  for (const s of strings(m.contributes as unknown as Json, ['contributes'])) {
    if (VISIBLE.has(fieldOf(s.path)) && !PLACEHOLDER.test(s.value)) out.push(s.path.join('.'));
  }
  for (const k of ['displayName', 'description'] as const) if (!PLACEHOLDER.test(m[k])) out.push(k);
  return out;
}

const keysUsed = (m: Manifest): Set<string> =>
  new Set(strings(m as unknown as Json).flatMap((s) => PLACEHOLDER.exec(s.value)?.[1] ?? []));

const enTitle = (command: string): string => en[PLACEHOLDER.exec(manifest.contributes.commands.find((c) => c.command === command)!.title)![1]!]!;
const jaTitle = (command: string): string => ja[PLACEHOLDER.exec(manifest.contributes.commands.find((c) => c.command === command)!.title)![1]!]!;

/** docs/commands.md's command table: English name → Japanese name ("New account … / 新しい…"). */
function docsCommandNames(): Map<string, string> {
  const md = readFileSync(`${root}/../../docs/commands.md`, 'utf8');
  const section = md.split(/^## /m).find((s) => s.startsWith('Commands'))!;
  const names = new Map<string, string>();
  for (const line of section.split('\n')) {
    const first = /^\|([^|]+)\|/.exec(line)?.[1]?.trim();
    const m = first ? /^(.+?) \/ (.+)$/.exec(first) : null;
    if (m && !first!.startsWith('Command (')) names.set(m[1]!.trim(), m[2]!.trim());
  }
  return names;
}

/** The entries of a zip archive (the .vsix), read with node's own inflate. */
function unzip(file: string): Map<string, Buffer> {
  const buf = readFileSync(file);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error(`${file} is not a zip`);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    out.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

describe('manifest localization (package.nls)', () => {
  it('every %key% in package.json exists in both nls files, and neither has an unused key', () => {
    const used = keysUsed(manifest);
    expect(used.size).toBeGreaterThan(30);
    for (const k of used) {
      expect(en[k], `package.nls.json: ${k}`).toBeTypeOf('string');
      expect(ja[k], `package.nls.ja.json: ${k}`).toBeTypeOf('string');
      expect(en[k]!.trim(), k).not.toBe('');
      expect(ja[k]!.trim(), k).not.toBe('');
    }
    expect(Object.keys(en).filter((k) => !used.has(k)), 'unused keys in package.nls.json').toEqual([]);
    expect(Object.keys(ja).filter((k) => !used.has(k)), 'unused keys in package.nls.ja.json').toEqual([]);
  });

  it('no user-visible contribution string is left as a literal', () => {
    expect(literals(manifest)).toEqual([]);
    // The walk does see them: a manifest with one literal title and one literal setting text fails.
    const broken = structuredClone(manifest);
    broken.contributes.commands[0]!.title = 'New account handoff note';
    const props = (broken.contributes.configuration as { properties: Record<string, Record<string, Json>> }).properties;
    props['baton.locale']!.enumDescriptions = ['Follow VS Code', '%x%', '%y%'];
    expect(literals(broken)).toEqual(['contributes.commands.0.title', 'contributes.configuration.properties.baton.locale.enumDescriptions.0']);
  });

  it('the English file says exactly what the manifest said before', () => {
    expect(Object.fromEntries(manifest.contributes.commands.map((c) => [c.command, enTitle(c.command)]))).toEqual({
      'baton.newAccount': 'New account handoff note',
      'baton.insertStakeholderMatrix': 'Insert stakeholder matrix',
      'baton.addStakeholder': 'Add stakeholder',
      'baton.insertChecklist': 'Insert checklist…',
      'baton.reanchorChecklists': 'Re-anchor checklist dates',
      'baton.checkHandoff': 'Check handoff completeness',
      'baton.openTimeline': 'Open renewal timeline',
      'baton.exportIcs': 'Export renewal calendar (.ics)',
      'baton.refreshRenewals': 'Refresh renewals',
      'baton.rebuildIndex': 'Rebuild index',
    });
    for (const c of manifest.contributes.commands) expect(c.category).toBe('Baton');
    expect(en.displayName).toBe('Baton — Sales→CS handoff & renewals');
    expect(en['views.batonRenewals.name']).toBe('Renewals');
    expect(en['viewsContainers.baton.title']).toBe('Baton');
    expect(en['viewsWelcome.batonRenewals.contents']).toBe('No upcoming renewal events yet.\n[New account handoff note](command:baton.newAccount)');
    expect(en['config.dueSoonDays.description']).toBe('Events within this many days are highlighted as due soon.');
    expect(en['walkthrough.start.title']).toBe('Get started with Baton');
    // English shows the same command titles core gives every host.
    expect(Object.values(uiText('en').commands).every((t) => Object.values(en).includes(t))).toBe(true);
  });

  it('every Japanese command title is the name in docs/commands.md and the one Obsidian shows (core uiText)', () => {
    const docs = docsCommandNames();
    expect(docs.size).toBeGreaterThanOrEqual(8);
    const coreEn = uiText('en').commands as Record<string, string>;
    const coreJa = uiText('ja').commands as Record<string, string>;
    // The Renewals view's refresh button and Rebuild index are VS Code's own: core has no title for them.
    const hostOnly = new Set(['baton.refreshRenewals', 'baton.rebuildIndex']);
    for (const c of manifest.contributes.commands) {
      if (hostOnly.has(c.command)) continue;
      const name = enTitle(c.command);
      expect(docs.has(name), `docs/commands.md lists "${name}"`).toBe(true);
      expect(jaTitle(c.command), c.command).toBe(docs.get(name));
      const coreKey = Object.keys(coreEn).find((k) => coreEn[k] === name);
      expect(coreKey, `core uiText has "${name}"`).toBeDefined();
      expect(jaTitle(c.command), c.command).toBe(coreJa[coreKey!]);
    }
    // Every command in the docs table exists in VS Code.
    const titles = new Set(manifest.contributes.commands.map((c) => enTitle(c.command)));
    for (const name of docs.keys()) expect(titles.has(name), name).toBe(true);
    // Japanese is really Japanese, not a copy of the English.
    for (const k of Object.keys(ja)) if (!/^(viewsContainers|configuration)\.|\.media$/.test(k)) expect(ja[k], k).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });

  it('each walkthrough step shows its own language’s markdown, and every file exists', () => {
    const used = [...keysUsed(manifest)].filter((k) => k.endsWith('.media'));
    expect(used.length).toBe(3);
    for (const k of used) {
      expect(en[k]).toMatch(/^media\/walkthrough\/\w+\.md$/);
      expect(ja[k]).toBe(en[k]!.replace(/\.md$/, '.ja.md'));
      for (const f of [en[k]!, ja[k]!]) expect(existsSync(`${root}/${f}`), f).toBe(true);
      expect(readFileSync(`${root}/${ja[k]}`, 'utf8')).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
  });

  it('the packaged .vsix ships both nls files and the Japanese walkthrough pages, with the placeholders in its package.json', () => {
    const vsix = unzip(`${root}/dist/baton-vscode.vsix`);
    for (const f of ['package.nls.json', 'package.nls.ja.json']) {
      const packed = vsix.get(`extension/${f}`);
      expect(packed, f).toBeDefined();
      expect(JSON.parse(packed!.toString('utf8')), f).toEqual(readJson(f));
    }
    for (const k of [...keysUsed(manifest)].filter((key) => key.endsWith('.media'))) {
      expect(vsix.has(`extension/${en[k]}`), en[k]).toBe(true);
      expect(vsix.has(`extension/${ja[k]}`), ja[k]).toBe(true);
    }
    const packedManifest = JSON.parse(vsix.get('extension/package.json')!.toString('utf8')) as Manifest;
    expect(packedManifest.displayName).toBe('%displayName%');
    expect(literals(packedManifest)).toEqual([]);
    expect(keysUsed(packedManifest)).toEqual(keysUsed(manifest));
  });
});
