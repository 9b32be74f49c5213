import { readFrontmatter } from './frontmatter.js';
import { problem, type Bilingual, type Locale, type Problem } from './problems.js';
import { parseRelativeDate, formatRelativeDate } from './relative-date.js';
import { TASK_RE } from './tasks.js';
import { fencedLines, foldWidth, splitLinesKeepEol, stripEol } from './text.js';

/** One item of a checklist template. */
export interface ChecklistItem {
  /** Stable within the checklist and identical across locales; written as `baton:CHECKLIST.ITEM`. */
  id: string;
  /** The task description; may end with Tasks plugin fields such as `⏫`. */
  text: string;
  /** Relative due date without braces, e.g. `renewal_date-90d`. */
  due?: string;
}

/** A playbook: a named list of tasks that can be applied to an account note. */
export interface ChecklistTemplate {
  id: string;
  title: string;
  locale: Locale;
  source: 'builtin' | 'team';
  /** The team template's file path, as the host passed it. */
  file?: string;
  items: ChecklistItem[];
}

/** A checklist id: no dots, because the first dot in `baton:CHECKLIST.ITEM` separates checklist from item. */
export const CHECKLIST_ID_RE = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
/** An item id: anything `tasks.ts` reads back as the rest of a Baton id. */
export const ITEM_ID_RE = /^[A-Za-z0-9][\w.-]*$/;

export const BUILTIN_CHECKLIST_IDS = [
  'internal-handoff',
  'customer-handoff',
  'signing-to-first-use',
  'kickoff',
  'first-goal-review',
  'renewal-prep',
] as const;
export type BuiltinChecklistId = (typeof BUILTIN_CHECKLIST_IDS)[number];

interface BuiltinItem extends Bilingual {
  id: string;
  due?: string;
}

/**
 * Written for Baton; both languages say the same thing in their own idiom. A function, so the
 * playbooks are compiled and built when first asked for, not while the plugin loads.
 */
const builtins = (): Record<BuiltinChecklistId, { title: Bilingual; items: BuiltinItem[] }> => ({
  'internal-handoff': {
    title: { en: 'Internal handoff meeting', ja: '社内引き継ぎミーティング' },
    items: [
      {
        id: 'book-meeting',
        due: 'contract_start+1bd',
        en: 'Book 30 minutes with the account executive while the deal is still fresh in their mind',
        ja: '商談の記憶が新しいうちに、担当営業と30分の引き継ぎ枠を押さえる',
      },
      {
        id: 'stakeholders',
        due: 'contract_start+2bd',
        en: 'Go through the stakeholders and decision makers, especially what no org chart shows',
        ja: '関係者と決裁者を確認する（組織図やプレスリリースに出ない情報を中心に）',
      },
      {
        id: 'proposal-history',
        due: 'contract_start+2bd',
        en: 'Note what was proposed, how the discount was justified, and which options the customer declined',
        ja: '提案した内容、値引きの根拠、お客様が見送ったプランやオプションを記録する',
      },
      {
        id: 'purchase-reason',
        due: 'contract_start+2bd',
        en: 'Write down the concrete problem they bought for and what made it urgent now',
        ja: '契約の決め手になった具体的な課題と、それが「今」表面化した理由を書き留める',
      },
      {
        id: 'future-vision',
        due: 'contract_start+2bd',
        en: 'Capture where the customer hopes to be once the product is part of their work',
        ja: '製品を使いこなした先に、お客様がどんな姿を目指しているかを聞き取る',
      },
      {
        id: 'renewal-outlook',
        due: 'contract_start+2bd',
        en: "Ask for sales' honest read on renewal and expansion at signing",
        ja: '契約時点での継続・拡大の見込みを、営業の率直な感触として聞いておく',
      },
      {
        id: 'fill-gaps',
        due: 'contract_start+3bd',
        en: 'Close every empty handoff field before the meeting ends, or name who fills it and by when',
        ja: '空欄の引き継ぎ項目はその場で埋める。埋められないものは担当者と期限を決める',
      },
      {
        id: 'chat-channel',
        due: 'contract_start+3bd',
        en: 'Open a chat channel for this customer with sales and CS in it for follow-up questions',
        ja: '追加の質問用に、営業とCSが入った顧客別のチャットチャンネルを作る',
      },
    ],
  },
  'customer-handoff': {
    title: { en: 'Customer handoff meeting', ja: 'お客様との引き継ぎミーティング' },
    items: [
      {
        id: 'invite',
        due: 'contract_start+2bd',
        en: "Invite the customer's project lead and, if possible, the decision maker to a one-hour meeting",
        ja: 'お客様のプロジェクト責任者と、できれば決裁者にも1時間の会議の招待を送る',
      },
      {
        id: 'agenda',
        due: 'contract_start+3bd',
        en: 'Send a short agenda in advance: introductions, what happens next, initial setup',
        ja: '自己紹介・今後の流れ・初期設定の3点を載せた簡単なアジェンダを事前に送る',
      },
      {
        id: 'introduce-csm',
        due: 'contract_start+5bd',
        en: 'Have the account executive introduce the CSM as the main contact from now on',
        ja: '担当営業から、今後の窓口としてCS担当を紹介してもらう',
      },
      {
        id: 'replay-context',
        due: 'contract_start+5bd',
        en: 'Play back what sales learned in our own words instead of asking the customer to repeat it',
        ja: '営業が聞いた内容はこちらから要約して確認し、お客様に同じ説明を繰り返させない',
      },
      {
        id: 'initial-setup',
        due: 'contract_start+5bd',
        en: 'Do the initial setup together: admin access, user accounts, basic settings',
        ja: '管理者権限・ユーザーアカウント・基本設定などの初期設定を一緒に済ませる',
      },
      {
        id: 'book-kickoff',
        due: 'contract_start+5bd',
        en: 'Agree the kickoff date and who should attend from the customer side',
        ja: 'キックオフの日程と、お客様側の参加者を決める',
      },
      {
        id: 'recap',
        due: 'contract_start+6bd',
        en: 'Send a recap with contacts, next steps and the kickoff date',
        ja: '連絡先・次のステップ・キックオフ日をまとめたフォローメールを送る',
      },
    ],
  },
  'signing-to-first-use': {
    title: { en: 'From signing to first use', ja: '契約から利用開始まで' },
    items: [
      {
        id: 'welcome-mail',
        due: 'contract_start+1bd',
        en: 'Send a welcome mail on the first business day: who we are and what happens next',
        ja: '契約後の最初の営業日に、担当者の紹介と今後の流れを書いたご挨拶メールを送る',
      },
      {
        id: 'timeline',
        due: 'contract_start+2bd',
        en: 'Share a dated plan from today until the first real use',
        ja: '今日から利用開始までの予定を、日付入りで共有する',
      },
      {
        id: 'early-questions',
        due: 'contract_start+2bd',
        en: 'Answer the usual early worries before they are asked: invoicing, paperwork, when accounts arrive',
        ja: '請求の流れ・契約書類・アカウント発行時期など、よく不安になる点を先回りして伝える',
      },
      {
        id: 'accounts',
        due: 'contract_start+3bd',
        en: 'Confirm when user accounts will be issued and who receives them',
        ja: 'ユーザーアカウントの発行日と受け取る人を確定する',
      },
      {
        id: 'check-in',
        due: 'contract_start+5bd',
        en: 'Call the main contact: how do they feel, what are they unsure about?',
        ja: '窓口の方に電話し、期待していることと不安に思っていることを聞く',
      },
      {
        id: 'book-kickoff',
        due: 'contract_start+5bd',
        en: 'Get the kickoff into the calendar within the first two weeks',
        ja: '契約から2週間以内にキックオフの日程を確定する',
      },
      {
        id: 'no-silence',
        due: 'contract_start+2w',
        en: 'If the start is delayed, send a short status update so the customer never waits in silence',
        ja: '開始が遅れる場合も短い状況報告を送り、お客様を連絡のないまま待たせない',
      },
    ],
  },
  kickoff: {
    title: { en: 'Kickoff', ja: 'キックオフ' },
    items: [
      {
        id: 'attendees',
        due: 'kickoff_date-5bd',
        en: 'Make sure both the decision maker and the people who will do the work attend',
        ja: '決裁者と、実際に手を動かす担当者の両方に参加してもらう',
      },
      {
        id: 'roles',
        due: 'kickoff_date',
        en: "Record each participant's department, level and influence in the stakeholder table",
        ja: '参加者ごとに部署・職位・社内での影響力を関係者表に記録する',
      },
      {
        id: 'decider-and-doers',
        due: 'kickoff_date',
        en: 'Note who decides and who executes, and who will champion the project internally',
        ja: '誰が決め、誰が実行し、誰が社内で旗を振るのかを書き留める',
      },
      {
        id: 'purpose',
        due: 'kickoff_date',
        en: 'Agree with everyone, in one sentence, why the product was bought',
        ja: '「何のために導入したのか」を一文にまとめ、参加者全員で合意する',
      },
      {
        id: 'first-goal',
        due: 'kickoff_date',
        en: 'Set a first goal that is easy to reach within about a month',
        ja: '1か月ほどで達成できる、手の届くファーストゴールを決める',
      },
      {
        id: 'minutes',
        due: 'kickoff_date+1bd',
        en: 'Send the kickoff notes: purpose, first goal, owners and dates',
        ja: '目的・ファーストゴール・担当者・日程をまとめた議事録を送る',
      },
      {
        id: 'key-persons',
        due: 'kickoff_date+2bd',
        en: 'Name at least two key persons so one transfer or departure does not stall the project',
        ja: '異動や退職で止まらないよう、キーパーソンを2人以上確保する',
      },
      {
        id: 'review-dates',
        due: 'kickoff_date+2bd',
        en: 'Put the 1-month, 3-month and 1-year goal reviews in both calendars',
        ja: '1か月後・3か月後・1年後の振り返りを、双方のカレンダーに入れる',
      },
    ],
  },
  'first-goal-review': {
    title: { en: 'First goal reviews', ja: 'ファーストゴールの振り返り' },
    items: [
      {
        id: 'review-1m',
        due: 'kickoff_date+1m',
        en: 'One month in: check whether the first goal was reached, and celebrate it if so',
        ja: '1か月後: ファーストゴールを達成できたか確認し、達成していれば一緒に喜ぶ',
      },
      {
        id: 'next-goal-1m',
        due: 'kickoff_date+1m',
        en: 'Set the next goal based on what the first month showed',
        ja: '最初の1か月で見えたことをもとに、次の目標を決める',
      },
      {
        id: 'review-3m',
        due: 'kickoff_date+3m',
        en: 'Three months in: is the team using the product on its own, without us pushing?',
        ja: '3か月後: こちらが促さなくても、お客様が自分たちで使えているか確かめる',
      },
      {
        id: 'key-persons-3m',
        due: 'kickoff_date+3m',
        en: 'Check that the key persons are still in their roles and still engaged',
        ja: 'キーパーソンが同じ役割に留まり、今も前向きに関わっているか確認する',
      },
      {
        id: 'review-1y',
        due: 'kickoff_date+1y',
        en: 'One year in: review the value delivered against the purpose agreed at kickoff',
        ja: '1年後: キックオフで合意した目的に照らして、得られた成果を振り返る',
      },
      {
        id: 'vision-1y',
        due: 'kickoff_date+1y',
        en: 'Ask about their future vision again; it shifts as they learn the product',
        ja: '製品への理解が深まると目指す姿も変わるため、将来の構想をあらためて聞く',
      },
    ],
  },
  'renewal-prep': {
    title: { en: 'Renewal preparation', ja: '更新準備' },
    items: [
      {
        id: 'usage-history',
        due: 'renewal_date-120d',
        en: 'Pull the usage history since the contract started; it is the core of the renewal case',
        ja: '契約開始からの利用実績をまとめる。更新の話の一番の根拠になる',
      },
      {
        id: 'risk-review',
        due: 'renewal_date-120d',
        en: 'Review health and open risks with the adoption owner',
        ja: '活用支援の担当者と、ヘルスと未解決のリスクを見直す',
      },
      {
        id: 'value-review',
        due: 'renewal_date-90d',
        en: 'Hold a value review with the decision maker: results against the agreed purpose',
        ja: '決裁者と成果の振り返りを行い、合意した目的に対する結果を示す',
      },
      {
        id: 'expansion',
        due: 'renewal_date-90d',
        en: 'Decide with sales whether to propose more seats, a higher plan or nothing new',
        ja: '追加席・上位プランの提案をするかどうかを営業と決める',
      },
      {
        id: 'proposal',
        due: 'renewal_date-60d',
        en: 'Send the renewal proposal and quote',
        ja: '更新の提案書と見積書を送る',
      },
      {
        id: 'notice-deadline',
        due: 'notice_deadline-14d',
        en: 'Have a clear answer two weeks before the cancellation notice deadline',
        ja: '解約通知期限の2週間前までに、更新するかどうかの回答をもらう',
      },
      {
        id: 'paperwork',
        due: 'renewal_date-30d',
        en: 'Finish the order form and contract paperwork',
        ja: '注文書と契約書類の手続きを完了させる',
      },
    ],
  },
});

/**
 * The built-in playbooks in one language. Every call returns fresh objects, so callers may
 * change them freely.
 *
 * @example
 * builtinChecklists('ja').find((t) => t.id === 'kickoff')?.title // 'キックオフ'
 */
export function builtinChecklists(locale: Locale): ChecklistTemplate[] {
  const all = builtins();
  return BUILTIN_CHECKLIST_IDS.map((id) => {
    const b = all[id];
    return {
      id,
      title: b.title[locale],
      locale,
      source: 'builtin' as const,
      items: b.items.map((it) => (it.due === undefined ? { id: it.id, text: it[locale] } : { id: it.id, text: it[locale], due: it.due })),
    };
  });
}

/**
 * Finds a playbook by id. A team template in the wanted language wins over a built-in of the
 * same id (teams tailor the defaults); a team template in another language is the last resort.
 *
 * @example
 * findChecklist('renewal-prep', 'en')?.items[0]?.due // 'renewal_date-120d'
 */
export function findChecklist(id: string, locale: Locale, teamTemplates: readonly ChecklistTemplate[] = []): ChecklistTemplate | undefined {
  return (
    teamTemplates.find((t) => t.id === id && t.locale === locale) ??
    builtinChecklists(locale).find((t) => t.id === id) ??
    teamTemplates.find((t) => t.id === id)
  );
}

/** Where Tasks plugin fields start (`⏫`, `🔁 every week`, …): they belong after Baton's comment. */
const TASKS_FIELD_RE = /\s*(?:📅|✅|❌|⏳|🛫|➕|🔁|⏫|🔼|🔽|⏬|🔺|🆔|⛔)/u;

const EXPLICIT_ID_RE = /<!--\s*id:\s*(.*?)\s*-->/;
const BRACES_RE = /\{([^{}]*)\}/g;
/** An offset or a date-ish word: braces the author meant as a due date. Plain `{word}` stays text. */
const LOOKS_LIKE_ANCHOR_RE = /^\s*[A-Za-z_]+\s*[+-]\s*\d|date|start|renew|kickoff|notice|deadline/i;
const DUE_FIELD_RE = /\s*📅\uFE0F?\s*\d{4}-\d{2}-\d{2}/u;

/** The message for an item id ITEM_ID_RE refuses, in a template and in a template built by a host. */
export const badItemId = (id: string, ja: boolean): string => (ja ? `項目id「${id}」には英数字・.・-・_ だけが使えます` : `Item id "${id}" may only use letters, digits, ., - and _`);

/** The message for `{…}` that is not a relative date, in a template and (lint, `checklist.bad-anchor`) in a note. */
export const notDue = (anchor: string, ja: boolean): string =>
  ja ? `「{${anchor}}」は {renewal_date-90d} のような期日ではないため無視しました` : `"{${anchor}}" is not a due date like {renewal_date-90d}; ignored`;

/**
 * Reads a team template: a Markdown file with `baton: checklist`, `id`, `title`, `locale`
 * in its frontmatter and one task per item. Never throws; a template with errors comes back
 * undefined with problems that point at the line and field.
 *
 * @example
 * const { template } = parseChecklistTemplate(
 *   '---\nbaton: checklist\nid: ebr\ntitle: EBR\n---\n- [ ] Book the EBR {renewal_date-90d} <!-- id: book -->\n',
 *   'templates/ebr.md',
 * );
 * template?.items // [{ id: 'book', text: 'Book the EBR', due: 'renewal_date-90d' }]
 */
export function parseChecklistTemplate(text: string, file: string): { template: ChecklistTemplate | undefined; problems: Problem[] } {
  const problems: Problem[] = [];
  const lines = splitLinesKeepEol(text);
  const fm = readFrontmatter(text, lines);
  // Messages follow the template's own `locale`; English when it has none.
  const locale: Locale = fm.data?.['locale'] === 'ja' ? 'ja' : 'en';
  const fail = (code: string, msg: Bilingual, line: number, field?: string) => {
    problems.push(problem(code, 'error', msg, line, locale, field));
    return { template: undefined, problems };
  };
  const warn = (code: string, msg: Bilingual, line: number, field?: string) => problems.push(problem(code, 'warning', msg, line, locale, field));
  const keyLine = (k: string) => (fm.keyLines.get(k) ?? 0) + 1;

  if (!fm.present || !fm.closed) {
    return fail('checklist.no-frontmatter', { en: 'A checklist template needs frontmatter with "baton: checklist"', ja: 'チェックリストのテンプレートには「baton: checklist」を含むフロントマターが必要です' }, 1);
  }
  if (fm.error || !fm.data) {
    return fail('checklist.yaml', { en: `Frontmatter is not valid YAML: ${fm.error?.message ?? ''}`, ja: `フロントマターのYAMLが正しくありません: ${fm.error?.message ?? ''}` }, (fm.error?.line ?? 0) + 1);
  }
  const data = fm.data;
  if (data['baton'] !== 'checklist') {
    return fail('checklist.not-template', { en: 'Not a checklist template: expected "baton: checklist"', ja: 'チェックリストのテンプレートではありません（「baton: checklist」が必要です）' }, keyLine('baton'), 'baton');
  }
  const rawLocale = data['locale'];
  if (rawLocale !== undefined && rawLocale !== 'en' && rawLocale !== 'ja') {
    warn('checklist.locale', { en: `Unknown locale "${String(rawLocale)}"; using en`, ja: `不明な言語「${String(rawLocale)}」のため en として扱います` }, keyLine('locale'), 'locale');
  }
  const rawId = typeof data['id'] === 'number' ? String(data['id']) : data['id'];
  // `id: 007` is the number 7 to YAML (`0x1F` is 31): the id would not be the one written.
  if (rawId !== data['id']) {
    warn('checklist.numeric-id', { en: `Quote the id: YAML reads it as the number ${rawId}`, ja: `idを引用符で囲んでください（YAMLは数値 ${rawId} と読みます）` }, keyLine('id'), 'id');
  }
  if (typeof rawId !== 'string' || !CHECKLIST_ID_RE.test(rawId.trim())) {
    problems.push(
      problem(
        rawId === undefined ? 'checklist.missing-id' : 'checklist.invalid-id',
        'error',
        rawId === undefined
          ? { en: 'The template needs an "id" (letters, digits, - and _)', ja: 'テンプレートに「id」（英数字・-・_）が必要です' }
          : { en: `Template id "${String(rawId)}" may only use letters, digits, - and _`, ja: `テンプレートのid「${String(rawId)}」には英数字・-・_ だけが使えます` },
        keyLine('id'),
        locale,
        'id',
      ),
    );
  }
  const id = typeof rawId === 'string' ? rawId.trim() : '';
  const rawTitle = data['title'];
  const title = typeof rawTitle === 'string' || typeof rawTitle === 'number' ? String(rawTitle).trim() : '';
  if (rawTitle !== undefined && title === '') {
    warn('checklist.title', { en: 'The title is empty; using the id', ja: 'タイトルが空のため、idを使います' }, keyLine('title'), 'title');
  }

  const fenced = fencedLines(lines);
  const items: ChecklistItem[] = [];
  const seen = new Set<string>();
  for (let i = fm.bodyStart; i < lines.length; i++) {
    if (fenced[i]) continue;
    const m = TASK_RE.exec(stripEol(lines[i] ?? ''));
    if (!m) continue;
    const line = i + 1;
    let body = m[4] ?? '';
    let itemId: string | undefined;
    const explicit = EXPLICIT_ID_RE.exec(body);
    if (explicit) {
      body = body.replace(EXPLICIT_ID_RE, ' ');
      const x = explicit[1] ?? '';
      if (ITEM_ID_RE.test(x)) itemId = x;
      else warn('checklist.invalid-item-id', { en: `${badItemId(x, false)}; derived one from the text`, ja: `${badItemId(x, true)}。本文からidを作りました` }, line, 'id');
    }
    let due: string | undefined;
    body = body.replace(BRACES_RE, (whole, inner: string) => {
      const rel = parseRelativeDate(inner);
      if (rel) {
        if (due === undefined) due = formatRelativeDate(rel);
        else warn('checklist.extra-due', { en: `Item has more than one due date; kept {${due}}`, ja: `期日が複数あるため {${due}} を使います` }, line, 'due');
        return ' ';
      }
      // `{renewl_date-90d}` is a typo of an anchor, not text the user wants in the task.
      if (LOOKS_LIKE_ANCHOR_RE.test(foldWidth(inner))) {
        warn('checklist.bad-due', { en: notDue(inner, false), ja: notDue(inner, true) }, line, 'due');
        return ' ';
      }
      return whole;
    });
    if (DUE_FIELD_RE.test(body)) {
      body = body.replace(DUE_FIELD_RE, ' ');
      warn('checklist.fixed-date', { en: 'A fixed 📅 date in a template is ignored; use a relative one like {contract_start+30d}', ja: 'テンプレート内の固定の📅日付は無視します。{contract_start+30d} のような相対日付を使ってください' }, line, 'due');
    }
    const itemText = body.replace(/\s+/g, ' ').trim();
    // Empty text has an empty description too.
    const { description } = splitTasksFields(itemText);
    if (description === '') {
      warn('checklist.empty-item', { en: 'Item has no text; skipped', ja: '本文のない項目のため読み飛ばしました' }, line);
      continue;
    }
    let finalId = itemId ?? deriveItemId(description);
    if (seen.has(finalId)) {
      let n = 2;
      while (seen.has(`${finalId}-${n}`)) n++;
      warn('checklist.duplicate-item-id', { en: `Item id "${finalId}" is used twice; this one became "${finalId}-${n}"`, ja: `項目id「${finalId}」が重複しているため「${finalId}-${n}」にしました` }, line, 'id');
      finalId = `${finalId}-${n}`;
    }
    seen.add(finalId);
    items.push(due === undefined ? { id: finalId, text: itemText } : { id: finalId, text: itemText, due });
  }
  if (items.length === 0) {
    problems.push(problem('checklist.no-items', 'error', { en: 'The template has no task lines (- [ ] …)', ja: 'テンプレートにタスク行（- [ ] …）がありません' }, fm.bodyStart + 1, locale));
  }
  if (problems.some((p) => p.severity === 'error')) return { template: undefined, problems };
  return { template: { id, title: title || id, locale, source: 'team', file, items }, problems };
}

/**
 * Splits an item's text into its description and trailing Tasks plugin fields.
 *
 * @example
 * splitTasksFields('Call the sponsor ⏫ 🔁 every month') // { description: 'Call the sponsor', fields: '⏫ 🔁 every month' }
 */
export function splitTasksFields(text: string): { description: string; fields: string } {
  const cut = text.search(TASKS_FIELD_RE);
  if (cut < 0) return { description: text.trim(), fields: '' };
  return { description: text.slice(0, cut).trim(), fields: text.slice(cut).trim() };
}

/**
 * A stable item id from its text: an ASCII slug when the text is ASCII, otherwise a short
 * FNV-1a hash, so Japanese items keep the same id as long as their text does not change.
 *
 * @example
 * deriveItemId('Pull 12 months of usage') // 'pull-12-months-of-usage'
 * deriveItemId('利用実績をまとめる')          // 'h' + 7 base-36 characters
 */
export function deriveItemId(text: string): string {
  const folded = foldWidth(text).trim();
  if ([...folded].every((c) => c.charCodeAt(0) < 128)) {
    const words = folded.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter(Boolean);
    let slug = '';
    for (const w of words) {
      const next = slug ? `${slug}-${w}` : w;
      if (next.length > 48 && slug) break;
      slug = next.slice(0, 48);
    }
    if (slug) return slug;
  }
  return `h${fnv1a(folded).toString(36).padStart(7, '0')}`;
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (const ch of s) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
