// Deterministic synthetic vaults: same seed + version → byte-identical files, reused between runs.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Bump when the note shape changes so stale vaults are regenerated. */
export const VAULT_VERSION = 3;
export const SEED = 20261122;

function rng(seed) {
  // mulberry32: tiny, fast, good enough for synthetic data.
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EN_FIRST = ['Dana', 'Marcus', 'Priya', 'Tom', 'Elaine', 'Ravi', 'Lucy', 'Omar', 'Grace', 'Ken', 'Sofia', 'Ben'];
const EN_LAST = ['Whitfield', 'Lee', 'Raman', 'Becker', 'Porter', 'Menon', 'Tran', 'Haddad', 'Okafor', 'Ito', 'Novak', 'Reyes'];
const JA_NAMES = ['高橋 健', '佐藤 美咲', '中村 亮', '藤田 誠', '鈴木 花子', '田中 翔', '山本 彩', '小林 大輔', '加藤 愛', '吉田 拓海'];
const WORDS = ['Harbor', 'Finch', 'Cobalt', 'Ferry', 'Lumen', 'Orchard', 'Quarry', 'Pine', 'Crest', 'Blue', 'Bell', 'Grey', 'Water', 'North', 'Star'];
const JA_WORDS = ['北斗', '白鷺', '若葉', '霞', 'みどり', '月見', '青葉', '桜井', '大和', '東雲'];
const STAGES = ['handoff', 'onboarding', 'running', 'adoption', 'advocacy', 'renewal', 'churned'];
const JA_STAGES = ['引き継ぎ', 'オンボーディング', '運用', '定着', '拡大', '更新', '解約'];
const CHECKLIST_EN = [
  'Send the welcome email', 'Book the kickoff meeting', 'Share the onboarding plan', 'Create the shared chat channel',
  'Confirm admin users', 'Run the first training session', 'Agree the first success goal', 'Set up SSO',
  'Import existing data', 'Review first-month usage', 'Hold the 30-day check-in', 'Collect feedback from champions',
  'Send the usage summary to the champion', 'Book an executive review', 'Confirm seat count and send the quote',
  'Get the signed order form back', 'Plan the expansion pitch', 'Record the renewal outcome', 'Update the health score', 'Hand over to renewal owner',
];
const CHECKLIST_JA = [
  'ウェルカムメールを送る', 'キックオフを設定する', 'オンボーディング計画を共有する', '共有チャンネルを作る',
  '管理者ユーザーを確認する', '初回トレーニングを実施する', '最初の成功目標を合意する', 'SSOを設定する',
  '既存データを取り込む', '初月の利用状況を確認する', '30日面談を行う', 'チャンピオンの声を集める',
  '利用サマリーを送る', '役員レビューを設定する', '席数を確認し見積を送る',
  '署名済み注文書を回収する', '拡大提案を準備する', '更新結果を記録する', 'ヘルススコアを更新する', '更新担当へ引き継ぐ',
];

const pad = (n) => String(n).padStart(2, '0');
function addDays(iso, days) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function accountNote(r, i) {
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const ja = r() < 0.3;
  const name = ja ? `${pick(JA_WORDS)}${pick(JA_WORDS)}株式会社 ${i}` : `${pick(WORDS)} ${pick(WORDS)} ${i} Inc`;
  const person = () => (ja ? pick(JA_NAMES) : `${pick(EN_FIRST)} ${pick(EN_LAST)}`);
  const stageIdx = Math.floor(r() * STAGES.length);
  const start = addDays('2024-01-01', Math.floor(r() * 1000));
  const term = pick([12, 12, 12, 24, 36]);
  const kickoff = stageIdx > 0 ? addDays(start, 5 + Math.floor(r() * 20)) : '';
  const arr = (ja ? 1000000 : 10000) * (1 + Math.floor(r() * 90));
  const renewal = addDays(start, Math.round(term * 30.44) - 1);
  const fm = [
    'baton: account',
    `account: ${name}`,
    `stage: ${ja ? JA_STAGES[stageIdx] : STAGES[stageIdx]}`,
    `contract_start: ${start}`,
    `term_months: ${term}`,
    `renewal_date: ${renewal}`,
    `notice_days: ${pick([30, 60, 90])}`,
    `arr: ${arr}`,
    `arr_start: ${arr}`,
    `currency: ${ja ? 'JPY' : 'USD'}`,
    `sales_owner: ${person()}`,
    `csm_owner: ${person()}`,
    `renewal_owner: ${person()}`,
    `kickoff_date: ${kickoff}`,
    `health: ${pick(['green', 'green', 'yellow', 'red'])}`,
    `locale: ${ja ? 'ja' : 'en'}`,
    // Keys Baton does not know: teams add these for Dataview and Bases.
    `industry: ${pick(['SaaS', 'Manufacturing', 'Retail', 'Healthcare', 'Finance'])}`,
    `region: ${pick(['APAC', 'EMEA', 'NA'])}`,
    `segment: ${pick(['SMB', 'Mid-market', 'Enterprise'])}`,
    `crm_id: 0065g0000${String(100000 + i)}`,
    `seats: ${10 + Math.floor(r() * 900)}`,
    `website: https://example-${i}.com`,
    `tags: [customer, ${pick(['priority', 'standard'])}]`,
    `created: ${addDays(start, -14)}`,
    `nps: ${Math.floor(r() * 11)}`,
  ];
  const h = ja
    ? ['引き継ぎ', '関係者と決裁者', '提案の経緯', '導入の理由', '将来の構想', '継続・拡大の見込み', '関係者', 'チェックリスト', 'メモ']
    : ['Handoff', 'Stakeholders and decision makers', 'Proposal history', 'Why they bought, and why now', 'Future vision', 'Renewal and expansion outlook', 'Stakeholders', 'Checklists', 'Notes'];
  const body = [`# ${name}`, '', ja ? '中堅企業。利用予定は約300名。' : 'Mid-size customer, about 300 seats planned. Champion is engaged.', '', `## ${h[0]}`, ''];
  for (let s = 1; s <= 5; s++) body.push(`### ${h[s]}`, ja ? `- ${person()}さんが中心。月末の報告作業を減らしたい。` : `- ${person()} leads this. They want to cut the month-end reporting work.`, '');
  body.push(`## ${h[6]}`, '');
  body.push(
    ja ? '| 氏名 | 部署 | 役職 | 役割 | 影響度 | キーパーソン | 最終接触 |' : '| Name | Department | Level | Role | Influence | Key person | Last contact |',
    '|---|---|---|---|---|---|---|',
  );
  for (let s = 0; s < 5; s++) {
    const contact = addDays(start, Math.floor(r() * 400));
    body.push(
      ja
        ? `| ${person()} | ${pick(['情報システム部', '営業部', '経営企画'])} | ${pick(['部長', '課長', '担当'])} | ${pick(['決裁者', '推進者', '利用者'])} | ${pick(['高', '中', '低'])} | ${s < 2 ? 'はい' : ''} | ${contact} |`
        : `| ${person()} | ${pick(['IT', 'Sales', 'Operations'])} | ${pick(['Executive', 'Manager', 'Staff'])} | ${pick(['Decision maker', 'Champion', 'User'])} | ${pick(['High', 'Medium', 'Low'])} | ${s < 2 ? 'yes' : ''} | ${contact} |`,
    );
  }
  body.push('', `## ${h[7]}`, '');
  const titles = ja ? CHECKLIST_JA : CHECKLIST_EN;
  for (let t = 0; t < 20; t++) {
    const list = t < 12 ? 'onboarding' : 'renewal';
    const offset = t < 12 ? 7 * (t + 1) : -(20 - t) * 14;
    const anchor = t < 12 ? `contract_start+${7 * (t + 1)}d` : `renewal_date-${(20 - t) * 14}d`;
    const due = t < 12 ? addDays(start, offset) : addDays(renewal, offset);
    const done = r() < 0.4;
    body.push(`- [${done ? 'x' : ' '}] ${titles[t]} <!-- baton:${list}.item-${t + 1} {${anchor}} --> 📅 ${due}${done ? ` ✅ ${due}` : ''}`);
  }
  body.push('', `## ${h[8]}`, '', ja ? '- 次回の定例で利用状況を確認する。' : '- Review usage at the next weekly call.', '');
  return `---\n${fm.join('\n')}\n---\n\n${body.join('\n')}`;
}

function otherNote(r, i) {
  return `---\ntags: [meeting]\ndate: 2026-0${1 + (i % 9)}-1${i % 10}\n---\n\n# Weekly sync ${i}\n\n- Discussed pipeline.\n- [ ] Follow up with finance 📅 2026-12-0${1 + (i % 9)}\n`;
}

/** Paths of a vault with `count` account notes (+5% other notes), generating it once. */
export function ensureVault(count, seed = SEED) {
  const dir = join(tmpdir(), `baton-bench-v${VAULT_VERSION}-s${seed}-n${count}`);
  const manifest = join(dir, '.manifest.json');
  if (existsSync(manifest)) return JSON.parse(readFileSync(manifest, 'utf8')).files.map((f) => join(dir, f));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'Accounts'), { recursive: true });
  mkdirSync(join(dir, 'Meetings'), { recursive: true });
  const r = rng(seed);
  const files = [];
  const others = Math.round(count * 0.05);
  for (let i = 0; i < count; i++) {
    const f = `Accounts/account-${String(i).padStart(5, '0')}.md`;
    writeFileSync(join(dir, f), accountNote(r, i));
    files.push(f);
    if (i % 20 === 0 && files.length - i - 1 < others) {
      const m = `Meetings/meeting-${String(i).padStart(5, '0')}.md`;
      writeFileSync(join(dir, m), otherNote(r, i));
      files.push(m);
    }
  }
  writeFileSync(manifest, JSON.stringify({ version: VAULT_VERSION, seed, count, files }));
  return files.map((f) => join(dir, f));
}
