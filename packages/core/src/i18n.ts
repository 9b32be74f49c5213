import type { Locale } from './problems.js';
import type { Stage } from './account.js';

export const EVENT_KINDS = [
  'contract-start',
  'first-contact',
  'kickoff',
  'first-goal',
  'outreach',
  'notice-deadline',
  'renewal',
  'task',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const EVENT_STATUSES = ['overdue', 'due-soon', 'upcoming', 'done'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

const KIND: Record<EventKind, { en: string; ja: string }> = {
  'contract-start': { en: 'Contract start', ja: '契約開始' },
  'first-contact': { en: 'First contact due', ja: '初回連絡期限' },
  kickoff: { en: 'Kickoff', ja: 'キックオフ' },
  'first-goal': { en: 'First goal', ja: 'ファーストゴール' },
  outreach: { en: 'Renewal outreach', ja: '更新に向けた連絡' },
  'notice-deadline': { en: 'Notice deadline', ja: '解約通知期限' },
  renewal: { en: 'Renewal', ja: '更新日' },
  task: { en: 'Task', ja: 'タスク' },
};

const STATUS: Record<EventStatus, { en: string; ja: string }> = {
  done: { en: 'Done', ja: '完了' },
  upcoming: { en: 'Upcoming', ja: '予定' },
  'due-soon': { en: 'Due soon', ja: 'まもなく' },
  overdue: { en: 'Overdue', ja: '期限切れ' },
};

const STAGE: Record<Stage, { en: string; ja: string }> = {
  handoff: { en: 'Handoff', ja: '引き継ぎ' },
  onboarding: { en: 'Onboarding', ja: 'オンボーディング' },
  running: { en: 'Running', ja: '運用' },
  adoption: { en: 'Adoption', ja: '活用' },
  advocacy: { en: 'Advocacy', ja: 'ファン化' },
  renewal: { en: 'Renewal', ja: '更新' },
  churned: { en: 'Churned', ja: '解約' },
};

export function kindLabel(kind: EventKind, locale: Locale = 'en'): string {
  return KIND[kind][locale];
}

export function statusLabel(status: EventStatus, locale: Locale = 'en'): string {
  return STATUS[status][locale];
}

export function stageLabel(stage: Stage, locale: Locale = 'en'): string {
  return STAGE[stage][locale];
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `December 2026` / `2026年12月` for `2026-12`. */
export function monthLabel(month: string, locale: Locale = 'en'): string {
  const y = month.slice(0, 4);
  const m = Number(month.slice(5, 7));
  return locale === 'ja' ? `${y}年${m}月` : `${MONTHS_EN[m - 1] ?? month} ${y}`;
}

/** UI strings every host shows, so the Obsidian view, the VS Code panel and the HTML export say the same thing. */
export interface UiText {
  timelineTitle: string;
  today: string;
  allOwners: string;
  allStages: string;
  allKinds: string;
  owner: string;
  stage: string;
  kind: string;
  noEvents: string;
  showMore: string;
  handoff: (score: number, total: number) => string;
  handoffMissing: string;
  commands: Record<
    | 'newAccount'
    | 'insertStakeholderMatrix'
    | 'addStakeholder'
    | 'insertChecklist'
    | 'reanchor'
    | 'checkHandoff'
    | 'openTimeline'
    | 'exportIcs',
    string
  >;
}

const UI: Record<Locale, UiText> = {
  en: {
    timelineTitle: 'Renewal timeline',
    today: 'Today',
    allOwners: 'All owners',
    allStages: 'All stages',
    allKinds: 'All events',
    owner: 'Owner',
    stage: 'Stage',
    kind: 'Event',
    noEvents: 'No events match these filters.',
    showMore: 'Show more',
    handoff: (s, t) => `Handoff ${s}/${t}`,
    handoffMissing: 'missing',
    commands: {
      newAccount: 'New account handoff note',
      insertStakeholderMatrix: 'Insert stakeholder matrix',
      addStakeholder: 'Add stakeholder',
      insertChecklist: 'Insert checklist…',
      reanchor: 'Re-anchor checklist dates',
      checkHandoff: 'Check handoff completeness',
      openTimeline: 'Open renewal timeline',
      exportIcs: 'Export renewal calendar (.ics)',
    },
  },
  ja: {
    timelineTitle: '更新タイムライン',
    today: '今日',
    allOwners: 'すべての担当者',
    allStages: 'すべてのステージ',
    allKinds: 'すべてのイベント',
    owner: '担当者',
    stage: 'ステージ',
    kind: 'イベント',
    noEvents: '条件に合うイベントはありません。',
    showMore: 'さらに表示',
    handoff: (s, t) => `引き継ぎ ${s}/${t}`,
    handoffMissing: '未記入',
    commands: {
      newAccount: '新しいアカウントの引き継ぎノート',
      insertStakeholderMatrix: '関係者マトリクスを挿入',
      addStakeholder: '関係者を追加',
      insertChecklist: 'チェックリストを挿入…',
      reanchor: 'チェックリストの期日を再計算',
      checkHandoff: '引き継ぎの充足度を確認',
      openTimeline: '更新タイムラインを開く',
      exportIcs: '更新カレンダーを書き出す (.ics)',
    },
  },
};

export function uiText(locale: Locale = 'en'): UiText {
  return UI[locale];
}

/** Maps a host language tag (`ja`, `ja-JP`, `en-US`) to a product locale. */
export function localeFromLanguage(language: string | undefined | null): Locale {
  return language && language.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}
