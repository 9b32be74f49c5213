import { flatCopy } from './string-pool.js';
import { blank, eolAt, foldWidth, hasBreak } from './text.js';

/** Top-level sections of an account note. */
export type SectionId = 'handoff' | 'stakeholders' | 'first_goals' | 'checklists' | 'notes';

/** The five things CS needs from sales, in order. */
export const ESSENTIALS = ['decision_makers', 'proposal_history', 'purchase_reason', 'future_vision', 'renewal_outlook'] as const;
export type EssentialId = (typeof ESSENTIALS)[number];

/** Further handoff topics that are recorded but not scored. */
export const HANDOFF_EXTRAS = [
  'deal_origin',
  'what_resonated',
  'contract_terms',
  'cautions',
  'handoff_meetings',
  'chat_channel',
] as const;
export type HandoffExtraId = (typeof HANDOFF_EXTRAS)[number];

export type HeadingId = SectionId | EssentialId | HandoffExtraId;

/** Canonical heading text per locale; the first is what templates write. */
export const HEADING_TITLES: Record<HeadingId, { en: string; ja: string }> = {
  handoff: { en: 'Handoff', ja: '引き継ぎ' },
  decision_makers: { en: 'Stakeholders and decision makers', ja: '関係者と決裁者' },
  proposal_history: { en: 'Proposal history', ja: '提案の経緯' },
  purchase_reason: { en: 'Why they bought, and why now', ja: '導入の理由' },
  future_vision: { en: 'Future vision', ja: '将来の構想' },
  renewal_outlook: { en: 'Renewal and expansion outlook', ja: '継続・拡大の見込み' },
  deal_origin: { en: 'How the deal came about', ja: '導入経緯' },
  what_resonated: { en: 'What resonated', ja: '提案で刺さったところ' },
  contract_terms: { en: 'Special contract terms', ja: '契約上の特筆事項' },
  cautions: { en: 'Cautions', ja: '注意事項' },
  handoff_meetings: { en: 'Handoff meetings', ja: '引き継ぎミーティング' },
  chat_channel: { en: 'Chat channel', ja: 'チャットチャンネル' },
  stakeholders: { en: 'Stakeholders', ja: '関係者' },
  first_goals: { en: 'First goals', ja: 'ファーストゴール' },
  checklists: { en: 'Checklists', ja: 'チェックリスト' },
  notes: { en: 'Notes', ja: 'メモ' },
};

/** Other spellings recognised on read (normalised: NFKC, lower case, single spaces). */
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

/**
 * Single-spaced ASCII, kana and kanji (U+3041–3096, U+30A1–30FC, U+4E00–9FFF) with no blank at
 * either end (an account's title, a template heading): NFKC and lower-casing leave these alone but
 * for A–Z, and no blanks are left to fold.
 */
const PLAIN_RE = /^(?! )(?:[!-~ぁ-ゖァ-ー一-鿿]| (?! |$))+$/;

/** Folds a heading's text for matching: NFKC, lower case, no numbering, no trailing colon. */
export function normalizeHeading(text: string): string {
  // Plain text needs no Unicode tables and no blank folding: the two anchored replaces are the same there.
  return PLAIN_RE.test(text)
    ? text.toLowerCase().replace(/^(\d+[.)]|[-*]) ?/, '').replace(/ ?:$/, '')
    : foldWidth(text)
        .toLowerCase()
        .replace(/^\s*(\d+[.)]|[-*])\s*/, '')
        .replace(/[:：]\s*$/, '')
        .replace(/\s+/g, ' ')
        .trim();
}

/** Built on first use: a plugin's load time counts every top-level statement. */
let LOOKUP: Map<string, HeadingId> | undefined;
function lookup(): Map<string, HeadingId> {
  if (!LOOKUP) {
    LOOKUP = new Map();
    for (const id of Object.keys(HEADING_TITLES) as HeadingId[]) {
      const t = HEADING_TITLES[id];
      for (const s of [t.en, t.ja, ...ALIASES[id]]) LOOKUP.set(normalizeHeading(s), id);
    }
  }
  return LOOKUP;
}

/** Recognises a heading in either language; a bilingual heading (`Handoff / 引き継ぎ`) matches either half. */
export function identifyHeading(text: string): HeadingId | undefined {
  // Headings repeat across a vault (the same template everywhere): remember recent answers.
  const hit = HEADING_CACHE.get(text);
  if (hit !== undefined) return hit === null ? undefined : hit;
  const id = identify(normalizeHeading(text));
  // An unknown plain heading (an account's title, different in every note) is quick to read
  // again: remembering it would only push the template's headings out.
  if (id === undefined && PLAIN_RE.test(text)) return id;
  if (HEADING_CACHE.size >= 4096) HEADING_CACHE.clear();
  // A flat copy as the key: the heading text is a slice of the note and would pin all of it.
  HEADING_CACHE.set(flatCopy(text), id ?? null);
  return id;
}

const HEADING_CACHE = new Map<string, HeadingId | null>();

/** The heading a normalised text names. */
function identify(n: string): HeadingId | undefined {
  const direct = lookup().get(n);
  if (direct) return direct;
  // Only a heading with a separator or a closing bracket reads differently in parts (an
  // account's own title usually has neither).
  if (!/[/|（(）)]/.test(n)) return undefined;
  for (const part of n.split(/\s+[/|]\s+|\s*（|\s*\(/)) {
    const id = lookup().get(part.replace(/[)）]\s*$/, '').trim());
    if (id) return id;
  }
  return undefined;
}

export interface Heading {
  level: number;
  text: string;
  id: HeadingId | undefined;
  /** 0-based line index of the heading. */
  line: number;
  /** 0-based index one past the section's last line (next heading of the same or a higher level, or EOF). */
  end: number;
}

/**
 * All ATX headings outside code fences, with their section extents. Reads
 * `^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$` by hand: the lazy text ends where the longest tail
 * of blanks, then `#`s, then blanks begins, and a line break anywhere fails the `.`s.
 */
export function scanHeadings(lines: readonly string[], fenced: readonly boolean[], from = 0): Heading[] {
  const out: Heading[] = [];
  // Headings whose section is still open, levels rising: the next heading of a level at or above closes them.
  const open: Heading[] = [];
  for (let i = from; i < lines.length; i++) {
    const l = lines[i];
    if (fenced[i] || l === undefined) continue;
    let k = 0;
    while (l.charCodeAt(k) === 32) k++;
    const start = k;
    while (l.charCodeAt(k) === 35) k++;
    const level = k - start;
    if (start > 3 || level < 1 || level > 6 || !blank(l.charCodeAt(k))) continue;
    // Blanks around the text go with trim() below.
    let j = eolAt(l);
    while (j > k && blank(l.charCodeAt(j - 1))) j--;
    while (j > k && l.charCodeAt(j - 1) === 35) j--;
    const raw = l.slice(k, j);
    if (hasBreak(raw)) continue;
    const text = raw.trim();
    const h: Heading = { level, text, id: identifyHeading(text), line: i, end: lines.length };
    while ((open.at(-1)?.level ?? 0) >= level) open.pop()!.end = i;
    open.push(h);
    out.push(h);
  }
  return out;
}

/**
 * The first heading with this id, if any, never the note's `#` title: with the note's `account`
 * name, a level-1 heading that reads as that name is skipped, as handoff's `locateSection` does
 * (an account called "Stakeholders" has no Stakeholders section until one is written).
 */
export function findHeading(headings: readonly Heading[], id: HeadingId, account?: unknown): Heading | undefined {
  return headings.find((h) => h.id === id && !(h.level === 1 && (typeof account === 'string' || typeof account === 'number') && normalizeHeading(h.text) === normalizeHeading(String(account))));
}
