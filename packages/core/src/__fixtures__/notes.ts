/** Small account notes shared by core tests. */
export function accountNote(fields: Record<string, string | number | undefined> = {}, body = ''): string {
  const base: Record<string, string | number | undefined> = {
    baton: 'account',
    account: 'Acme',
    stage: 'onboarding',
    contract_start: '2026-04-01',
    term_months: 12,
    csm_owner: 'Sato',
    renewal_owner: 'Tanaka',
    ...fields,
  };
  const fm = Object.entries(base)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
  return `---\n${fm}\n---\n# ${String(base['account'])}\n\n${body}`;
}
