import type { EngineInput } from './policies.rules.ts';

/** Digits after the decimal point of a currency's minor unit (GBP 2, JPY 0). */
export function minorDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

/** 15000 GBP -> "£150.00". */
export function formatAmount(amount: number, currency: string): string {
  const digits = minorDigits(currency);
  try {
    return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(amount / 10 ** digits);
  } catch {
    return `${(amount / 10 ** digits).toFixed(digits)} ${currency}`;
  }
}

/** The object conditions and explanation templates read: { request, customer, case }. */
export function engineData(input: EngineInput) {
  const { request } = input;
  return {
    request: {
      ...request,
      amount_text:
        request.amount !== null && request.currency ? formatAmount(request.amount, request.currency) : '',
    },
    customer: input.customer,
    case: input.case,
  };
}

function lookup(data: unknown, path: string): unknown {
  let v: unknown = data;
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, key)) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** Fills `{{ path.to.value }}` from the data; unknown paths become empty, never "undefined". */
export function renderTemplate(template: string, data: unknown): string {
  return template
    .replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_m, path: string) => {
      const v = lookup(data, path);
      return v === undefined || v === null || typeof v === 'object' ? '' : String(v);
    })
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}
