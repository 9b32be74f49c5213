/**
 * normalizeHeading and identifyHeading against their regex versions (kept below as oracles): the
 * hand-read path for ASCII, kana and kanji text must fold exactly as NFKC, lower case and the
 * three regexes did, and hand every other text to them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HEADING_TITLES, identifyHeading, normalizeHeading, type HeadingId } from './sections.js';
import { foldWidth } from './text.js';

function oldNormalize(text: string): string {
  return foldWidth(text)
    .toLowerCase()
    .replace(/^\s*(\d+[.)]|[-*])\s*/, '')
    .replace(/[:：]\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

// The aliases as they were (sections.ts keeps them private).
const ALIASES: Record<HeadingId, string[]> = {
  handoff: ['handoff note', 'hand-off', 'sales handoff', '引継ぎ', '引き継ぎ事項', '引き継ぎ資料', '引き継ぎメモ'],
  decision_makers: ['decision makers', 'stakeholders & decision makers', 'key people', '関係者・決裁者', '決裁者', '意思決定者'],
  proposal_history: [
    'proposal history and discounts',
    'proposals and discounts',
    'proposal history, discounts and declined options',
    '提案の経緯と値引き',
    '提案履歴',
    '提案の経緯・値引きロジック',
  ],
  purchase_reason: ['why they bought', 'why now', 'the problem', 'problem and why now', '導入理由', '購入の理由', '課題と導入理由', '課題'],
  future_vision: ['vision', "customer's future vision", '将来像', '目指す姿', '将来の構想・ビジョン'],
  renewal_outlook: [
    'renewal outlook',
    'renewal and expansion',
    "sales' read on renewal",
    '継続・拡大の見立て',
    '更新・拡大の見込み',
    '継続の見込み',
  ],
  deal_origin: ['deal origin', 'how the deal started', '導入の経緯', '受注経緯'],
  what_resonated: ['what resonated in the pitch', '刺さったポイント', '響いたポイント'],
  contract_terms: ['contract terms', 'special terms', '契約の特記事項', '特記事項'],
  cautions: ['caution', 'watch-outs', '注意点'],
  handoff_meetings: ['meetings', 'handoff meeting', '引き継ぎ会議', '引き継ぎmtg'],
  chat_channel: ['channel', 'slack channel', 'チャンネル', '顧客別チャンネル'],
  stakeholders: ['stakeholder matrix', 'stakeholder map', '関係者マップ', 'ステークホルダー', '関係者一覧'],
  first_goals: ['goals', 'first goal', 'onboarding goals', 'ファーストゴール・目標', '目標', '初期目標'],
  checklists: ['checklist', 'tasks', 'playbooks', 'タスク'],
  notes: ['note', 'log', 'activity log', '備考', 'ノート', '記録'],
};

const OLD_LOOKUP = new Map<string, HeadingId>();
for (const id of Object.keys(HEADING_TITLES) as HeadingId[]) {
  const t = HEADING_TITLES[id];
  for (const s of [t.en, t.ja, ...ALIASES[id]]) OLD_LOOKUP.set(oldNormalize(s), id);
}

function oldIdentify(text: string): HeadingId | undefined {
  const n = oldNormalize(text);
  const direct = OLD_LOOKUP.get(n);
  if (direct) return direct;
  for (const part of n.split(/\s+[/|]\s+|\s*（|\s*\(/)) {
    const id = OLD_LOOKUP.get(part.replace(/[)）]\s*$/, '').trim());
    if (id) return id;
  }
  return undefined;
}

// Pieces near every edge of the hand path: numbering, colons (full width too), each kind of
// blank, kana that compose (か + U+3099), half-width and full-width forms, the last ASCII and
// first non-ASCII units, the edges of the kana and kanji ranges, separators, surrogates.
const piece = fc.oneof(
  fc.constantFrom(
    ' ', '  ', '\t', '\n', '\v', '\f', '\r', '\u00a0', '\u3000', '\u2028', '\ufeff', '\u1680',
    '1', '12', '０', '.', ')', '-', '*', ':', '：', '/', ' / ', '|', '(', ')', '（', '）',
    'Handoff', 'HANDOFF', 'Stakeholders', 'Proposal history', 'key people', 'Notes', 'Ａ', 'İ', 'ß', 'K', '\u212a',
    '引き継ぎ', '関係者', 'チェックリスト', '大和', 'が', 'か', '\u3099', '\u309a', 'ｶ', 'ﾞ', 'ア', 'ヿ', 'ゟ', 'ヽ', 'ヾ', '・', 'ー', '\u3040', '\u3041', '\u3096', '\u3097', '\u30a0', '\u30a1', '\u30fc', '\u30fd',
    '\u4dff', '\u4e00', '\u9fff', '\ua000', '\uf900', '\x7f', '\x80', '😀', '\ud800',
  ),
  fc.string({ maxLength: 3 }),
);
const text = fc.array(piece, { maxLength: 7 }).map((p) => p.join(''));
/** Text the hand path takes (single-spaced ASCII, kana, kanji) or just misses. */
const plain = fc
  .array(fc.constantFrom('a', 'Z', '1', '12', '.', ')', '-', '*', ':', ' ', ' :', 'Notes', 'か', 'ア', 'ー', '大', '\t', '\u3000', '\x7f'), { maxLength: 6 })
  .map((p) => p.join(''));

describe('normalizeHeading and identifyHeading against the regex versions', () => {
  it('normalizeHeading folds every text as the regexes did', () => {
    fc.assert(
      fc.property(fc.oneof(text, plain), (t) => {
        expect(normalizeHeading(t)).toBe(oldNormalize(t));
      }),
      { numRuns: 20000 },
    );
  });

  it('identifyHeading names the same heading, the first time and from its memo', () => {
    const known = fc.constantFrom(...[...OLD_LOOKUP.keys()], ...Object.values(HEADING_TITLES).flatMap((t) => [t.en, t.ja]), 'Hand-off', 'KEY PEOPLE', '引継ぎ');
    const heading = fc
      .tuple(fc.constantFrom('', ' ', '1. ', '2) ', '- ', '* ', '１．'), fc.oneof(known, text), fc.constantFrom('', ':', '：', ' : ', ' / Handoff', ' (Notes)', '（メモ）', ' / x', ' | 関係者'))
      .map(([a, b, c]) => a + b + c);
    fc.assert(
      fc.property(heading, (h) => {
        const expected = oldIdentify(h);
        expect(identifyHeading(h)).toBe(expected);
        expect(identifyHeading(h)).toBe(expected);
        // A copy (another string with the same text) reads the same.
        expect(identifyHeading(` ${h}`.slice(1))).toBe(expected);
      }),
      { numRuns: 20000 },
    );
  });
});
