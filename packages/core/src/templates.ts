import type { Stage } from './account.js';
import { isIsoDate, normalizeIsoDate, termEnd, type IsoDate } from './dates.js';
import { formatYamlScalar } from './frontmatter.js';
import type { Bilingual, Locale } from './problems.js';
import { ESSENTIALS, HANDOFF_EXTRAS, HEADING_TITLES, type HeadingId } from './sections.js';
import { STAKEHOLDER_COLUMN_LABELS, STAKEHOLDER_COLUMNS } from './stakeholders.js';

/** What a host asks for when the user runs "New account handoff note". */
export interface NewAccountInput {
  account: string;
  contractStart: IsoDate;
  termMonths: number;
  locale: Locale;
  salesOwner?: string;
  csmOwner?: string;
  renewalOwner?: string;
  noticeDays?: number;
  /** Annual recurring revenue as a whole number in `currency` units; also written as `arr_start`. */
  arr?: number;
  currency?: string;
  stage?: Stage;
}

/**
 * The hint written under each heading as an HTML comment: hidden in Obsidian's reading view and
 * VS Code's preview, visible while editing. `checkHandoff` treats these texts as "not filled".
 */
export const SECTION_PROMPTS: Record<HeadingId, Bilingual> = {
  handoff: {
    en: 'Sales fills this in before the internal handoff meeting. Every answer written here is a question CS will not have to ask the customer again.',
    ja: '社内の引き継ぎミーティングまでに営業が記入します。ここに書いた答えの分だけ、CSがお客様に同じ質問をせずに済みます。',
  },
  decision_makers: {
    en: 'Who decides, who signs off and who drives the project inside the customer, plus anything about them an org chart will not tell you. Add each person to the Stakeholders table too.',
    ja: '誰が決め、誰が承認し、誰が社内で旗を振っているか。組織図や公開情報からは分からないことほど役に立ちます。一人ひとりは下の「関係者」の表にも追加してください。',
  },
  proposal_history: {
    en: 'What was proposed and what was signed, the reasoning behind any discount, and the plans or options they declined, so CS does not offer them again.',
    ja: '何を提案し、何で契約したか。値引きがあればその根拠。見送られたプランやオプションも残しておくと、CSが同じ提案を繰り返さずに済みます。',
  },
  purchase_reason: {
    en: 'The concrete problem they want solved and what made it urgent now. Onboarding goals are built on this.',
    ja: '解決したい具体的な課題と、それが「今」になった理由。オンボーディングの目標はここを起点に決めます。',
  },
  future_vision: {
    en: 'Where the customer wants to be once the product works for them, in their own words. CS will ask again later; the picture usually grows.',
    ja: 'このサービスを使いこなした先にお客様が描く姿を、お客様の言葉で。CSも後日あらためて伺います。使ううちに広がっていくものです。',
  },
  renewal_outlook: {
    en: 'Your honest read at signing: how likely is renewal, and is there room to expand? Say what the read is based on.',
    ja: '契約時点での率直な見立て：更新の見込みと、拡大の余地。そう判断した根拠も添えてください。',
  },
  deal_origin: {
    en: 'How the deal started (inbound, referral, event, outbound) and who made the first move.',
    ja: '商談のきっかけ（問い合わせ、紹介、イベント、アウトバウンドなど）と、最初に動いたのは誰か。',
  },
  what_resonated: {
    en: 'The demo moment, feature or argument that won them over. A good first goal often starts here.',
    ja: '決め手になったデモの場面、機能、説明。ファーストゴールの手がかりになります。',
  },
  contract_terms: {
    en: 'Anything non-standard: custom pricing, payment terms, SLAs, cancellation clauses, promised features or dates.',
    ja: '標準と違う点：個別の価格、支払条件、SLA、解約条項、約束した機能や期日など。',
  },
  cautions: {
    en: 'Sensitive topics, past complaints, internal politics, people to handle with care.',
    ja: '気をつけたいこと：過去の不満、社内の力関係、配慮が必要な方など。',
  },
  handoff_meetings: {
    en: 'Date, attendees and outcome of the internal handoff, and of the customer meeting where sales introduces CS.',
    ja: '社内の引き継ぎと、営業がCSをお客様に紹介するミーティングの日付・参加者・決まったこと。',
  },
  chat_channel: {
    en: 'Link to the channel where sales and CS answer follow-up questions about this account.',
    ja: 'このアカウントについて営業とCSが後から質問し合うチャンネルへのリンク。',
  },
  stakeholders: {
    en: 'One row per person on the customer side. Level: executive, director, manager, staff. Role: decision maker, approver, champion, influencer, executor, user, IT, procurement. Keep more than one key person: if the only one leaves, the project stalls.',
    ja: 'お客様側の方を1人1行で。職位：経営層・部長・課長・担当。役割：決裁者・承認者・推進者・影響者・実行者・利用者・情報システム・購買。キーパーソンは複数に。1人だけだと、異動や退職で橋が途切れます。',
  },
  first_goals: {
    en: 'Agree with the customer on a small win for the first month, then where they should be at 3 months and 1 year. An early success keeps the energy from signing alive.',
    ja: 'まず1か月で届く小さな成功をお客様と決め、3か月後・1年後の姿も置きます。早い成功体験が、契約時の熱量を保ちます。',
  },
  checklists: {
    en: 'Team checklists are inserted here. Their due dates follow the contract dates in the properties above.',
    ja: 'チームのチェックリストをここに挿入します。期日は上のプロパティの契約日から計算されます。',
  },
  notes: {
    en: 'Meeting notes and everything else, newest first.',
    ja: '打ち合わせのメモなど。新しいものを上に。',
  },
};

/** Hint under the note's title. */
export const TITLE_PROMPT: Bilingual = {
  en: 'In a line or two: who this customer is and what they bought.',
  ja: 'どんなお客様で、何を契約したのかを1〜2行で。',
};

/** Label-only bullets the template writes; `checkHandoff` counts them as empty. */
export const SECTION_PLACEHOLDERS: Partial<Record<HeadingId, { en: string[]; ja: string[] }>> = {
  handoff_meetings: {
    en: ['- Internal handoff:', '- Customer handoff:'],
    ja: ['- 社内引き継ぎ：', '- お客様との引き継ぎ：'],
  },
  first_goals: {
    en: ['- 1 month:', '- 3 months:', '- 1 year:'],
    ja: ['- 1か月：', '- 3か月：', '- 1年：'],
  },
};

/** The body lines (no heading) a template writes under a section: its prompt plus any skeleton. */
export function sectionBody(id: HeadingId, locale: Locale): string[] {
  const out = [comment(SECTION_PROMPTS[id][locale])];
  const placeholders = SECTION_PLACEHOLDERS[id]?.[locale];
  if (placeholders) out.push('', ...placeholders);
  if (id === 'stakeholders') {
    // Header and delimiter only: the empty table still tells the stakeholder reader where rows go.
    const cols = STAKEHOLDER_COLUMNS.map((c) => STAKEHOLDER_COLUMN_LABELS[c][locale]);
    out.push('', `| ${cols.join(' | ')} |`, `|${cols.map(() => ' --- |').join('')}`);
  }
  return out;
}

function comment(text: string): string {
  return `<!-- ${text} -->`;
}

/**
 * Turns line breaks and control characters into spaces (a name must stay on one YAML line and
 * one heading) and repairs lone surrogates, which YAML rejects. Other spacing is the user's.
 */
export function oneLine(s: string): string {
  return (
    s
      // oxlint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufffe\uffff]+/g, ' ')
      // A pair stays, a lone half becomes U+FFFD (no lookbehind: Safari before 16.4 rejects the whole bundle).
      .replace(/[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]/g, (m) => (m.length === 2 ? m : '\ufffd'))
      .trim()
  );
}

function validInteger(n: number | undefined, min: number): n is number {
  return n !== undefined && Number.isSafeInteger(n) && n >= min;
}

/**
 * A new account note: flat frontmatter (Obsidian Properties, Bases and Dataview read it) and a
 * complete handoff skeleton with a short hidden prompt under every heading. Keys without a value
 * are written empty (`kickoff_date:`), which the parser reads as absent.
 *
 * @example
 * createAccountNote({ account: 'Acme', contractStart: '2026-04-01', termMonths: 12, locale: 'en' });
 * // '---\nbaton: account\naccount: Acme\nstage: handoff\ncontract_start: 2026-04-01\n…renewal_date: 2027-03-31\n…'
 */
export function createAccountNote(input: NewAccountInput): string {
  const locale: Locale = input.locale === 'ja' ? 'ja' : 'en';
  const account = oneLine(input.account ?? '');
  const start = normalizeIsoDate(String(input.contractStart ?? ''));
  const fm: [string, string | number | undefined][] = [
    ['baton', 'account'],
    ['account', account],
    ['stage', input.stage ?? 'handoff'],
    ['contract_start', start],
    ['term_months', input.termMonths],
    // Derived but written out, so the date is visible and sortable in Properties and Bases.
    ['renewal_date', isIsoDate(start) && validInteger(input.termMonths, 1) ? termEnd(start, input.termMonths) : undefined],
    ['notice_days', input.noticeDays],
    ['arr', input.arr],
    // ARR at signing stays fixed while `arr` moves: NRR and GRR compare the two.
    ['arr_start', input.arr],
    ['currency', input.currency === undefined ? undefined : oneLine(input.currency).toUpperCase()],
    ['sales_owner', optionalText(input.salesOwner)],
    ['csm_owner', optionalText(input.csmOwner)],
    ['renewal_owner', optionalText(input.renewalOwner)],
    ['kickoff_date', undefined],
    ['health', undefined],
    ['locale', locale],
  ];
  const lines = ['---'];
  // Unknown values stay as empty keys: Obsidian's Properties panel then shows every field to fill in.
  for (const [key, value] of fm) lines.push(value === undefined ? `${key}:` : `${key}: ${formatYamlScalar(value)}`);
  lines.push('---', '', `# ${account}`, '', comment(TITLE_PROMPT[locale]), '');
  lines.push(...renderSection('handoff', 2, locale), '');
  for (const id of [...ESSENTIALS, ...HANDOFF_EXTRAS]) lines.push(...renderSection(id, 3, locale), '');
  for (const id of ['stakeholders', 'first_goals', 'checklists', 'notes'] as const) lines.push(...renderSection(id, 2, locale), '');
  lines.pop();
  return lines.join('\n') + '\n';
}

/** A heading line plus its template body. */
export function renderSection(id: HeadingId, level: number, locale: Locale): string[] {
  return [`${'#'.repeat(Math.min(6, Math.max(1, level)))} ${HEADING_TITLES[id][locale]}`, '', ...sectionBody(id, locale)];
}

function optionalText(s: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  const t = oneLine(s);
  return t === '' ? undefined : t;
}

const RESERVED_WINDOWS = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * A file name for the account's note that works on Windows, macOS, Linux and in Obsidian links:
 * keeps Japanese, drops characters that are illegal in paths or break `[[links]]`, and cuts a long
 * name at a whole character (100 at most, 200 UTF-8 bytes at most).
 *
 * @example
 * accountFileName('Acme: Japan / Tokyo') // 'Acme Japan Tokyo.md'
 * accountFileName('株式会社サンプル') // '株式会社サンプル.md'
 */
export function accountFileName(account: string): string {
  let name = oneLine(String(account ?? '').normalize('NFC'))
    .replace(/[/\\:*?"<>|#^[\]]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    // A leading dot hides the file; trailing dots and spaces are dropped by Windows.
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  // At most 100 characters and 200 UTF-8 bytes: Linux and macOS allow 255 bytes per name.
  // The count only grows, so once past 200 every later character is left out too.
  let bytes = 0;
  name = [...name]
    .slice(0, 100)
    .filter((ch) => (bytes += ch.length > 1 ? 4 : ch < '\x80' ? 1 : ch < '\u0800' ? 2 : 3) <= 200)
    .join('')
    .replace(/[.\s]+$/, '');
  if (name === '') name = 'Untitled account';
  if (RESERVED_WINDOWS.test(name)) name += '_';
  return `${name}.md`;
}
