/**
 * Currency markers and magnitude suffixes for money figures.
 */

/** ISO codes accepted as a prefix ("USD 2 million") or suffix ("2 million USD"). */
export const CURRENCY_CODES =
  'USD|GBP|EUR|JPY|CNY|RMB|INR|CHF|CAD|AUD|NZD|HKD|SGD|ZAR|SEK|NOK|DKK|BRL|MXN|RUB|KRW|TRY|PLN|ILS|NGN|AED|SAR';

/**
 * Regex source for a currency marker written before the amount. Multi-character dollar forms come
 * first so "US$" is not read as "US" followed by "$".
 */
export const CURRENCY_PREFIX = `(?:US\\$|U\\.S\\.\\s?\\$|AU\\$|A\\$|CA\\$|C\\$|NZ\\$|HK\\$|S\\$|R\\$|\\$|£|€|¥|₹|₩|₽|₺|₪|₦|₱|₫|₴|Rs\\.?\\s?|(?:${CURRENCY_CODES})\\s?)`;

const PREFIX_CODES: Record<string, string> = {
  US$: 'USD',
  'U.S.$': 'USD',
  AU$: 'AUD',
  A$: 'AUD',
  CA$: 'CAD',
  C$: 'CAD',
  NZ$: 'NZD',
  HK$: 'HKD',
  S$: 'SGD',
  R$: 'BRL',
  $: 'USD',
  '£': 'GBP',
  '€': 'EUR',
  '¥': 'JPY',
  '₹': 'INR',
  '₩': 'KRW',
  '₽': 'RUB',
  '₺': 'TRY',
  '₪': 'ILS',
  '₦': 'NGN',
  '₱': 'PHP',
  '₫': 'VND',
  '₴': 'UAH',
  Rs: 'INR',
  'Rs.': 'INR',
  RMB: 'CNY',
};

/** ISO code for a prefix marker as matched by CURRENCY_PREFIX ("US$" → "USD", "£" → "GBP"). */
export function currencyFromPrefix(prefix: string): string {
  const p = prefix.replace(/\s+/g, '');
  return PREFIX_CODES[p] ?? p.toUpperCase();
}

/** Symbol used when rebuilding a display string for a code. */
export function currencySymbol(code: string): string {
  return ({ USD: '$', GBP: '£', EUR: '€', JPY: '¥', INR: '₹' } as Record<string, string>)[code] ?? `${code} `;
}

/**
 * Regex source for a currency named after the amount ("300 million euros", "50 cents"). "pounds"
 * alone is left out on purpose: "200 pounds" is more often a weight than money.
 */
export const CURRENCY_WORDS = `(?:(?:US |U\\.S\\. |American |Canadian |Australian |Hong Kong |New Zealand |Singapore )?dollars|euros?|pounds sterling|sterling|yen|yuan|renminbi|rupees|francs|roubles|rubles|pesos|rand|lira|kronor|kroner|cents|pence|${CURRENCY_CODES})`;

/**
 * ISO code and multiplier (for sub-units) of a currency word: "euros" → EUR, "cents" → USD × 0.01.
 */
export function currencyFromWord(word: string): { code: string; factor: number } {
  const w = word.toLowerCase();
  if (w === 'cents') return { code: 'USD', factor: 0.01 };
  if (w === 'pence') return { code: 'GBP', factor: 0.01 };
  if (w.startsWith('canadian')) return { code: 'CAD', factor: 1 };
  if (w.startsWith('australian')) return { code: 'AUD', factor: 1 };
  if (w.startsWith('hong kong')) return { code: 'HKD', factor: 1 };
  if (w.startsWith('new zealand')) return { code: 'NZD', factor: 1 };
  if (w.startsWith('singapore')) return { code: 'SGD', factor: 1 };
  if (w.endsWith('dollars')) return { code: 'USD', factor: 1 };
  if (w.startsWith('euro')) return { code: 'EUR', factor: 1 };
  if (w.includes('pound') || w === 'sterling') return { code: 'GBP', factor: 1 };
  const words: Record<string, string> = {
    yen: 'JPY',
    yuan: 'CNY',
    renminbi: 'CNY',
    rupees: 'INR',
    francs: 'CHF',
    roubles: 'RUB',
    rubles: 'RUB',
    pesos: 'MXN',
    rand: 'ZAR',
    lira: 'TRY',
    kronor: 'SEK',
    kroner: 'NOK',
  };
  return { code: words[w] ?? word.toUpperCase(), factor: 1 };
}

/**
 * Regex source for a magnitude after a number: words may be spaced ("£6 billion", "£6 bn"), single
 * letters must be attached ("$150K", "€500m") so "5 m" (metres) is not read as millions.
 */
export const SCALE_SUFFIX =
  '(?:\\s?(?:thousand|million|billion|trillion|bn|mn|mln|trn|tn)|[kKmMbB])(?![A-Za-z])';

/** Power of ten of a magnitude suffix as matched by SCALE_SUFFIX. */
export function scaleExponent(suffix: string): number {
  const s = suffix.trim();
  if (/^(thousand|k)$/i.test(s)) return 3;
  if (/^(million|mn|mln|m)$/i.test(s)) return 6;
  if (/^(billion|bn|b)$/i.test(s)) return 9;
  if (/^(trillion|trn|tn)$/i.test(s)) return 12;
  return 0;
}
