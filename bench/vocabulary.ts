// The words seeded subjects, message bodies, new cases and search queries are made of. A few hundred
// helpdesk words drawn with a skew (the first words are common, the tail is rare), so a search for a
// word matches anywhere from a large share of the conversations to very few, as in a real desk.

export const WORDS = `
order refund account password login payment invoice delivery shipping parcel
return exchange size colour broken damaged missing late charge card billing
subscription cancel upgrade downgrade plan renewal discount coupon voucher price
error crash bug slow timeout sync export import report dashboard
email address phone number mobile app website browser update install
reset locked verify code security twofactor access permission admin user
profile settings notification message reply ticket request complaint feedback review
warranty repair replacement battery charger cable screen button keyboard mouse
printer scanner camera speaker headphones laptop tablet monitor router modem
network wifi bluetooth connection signal outage maintenance server database backup restore
file upload download attachment document photo video audio storage quota
limit trial license key activation serial product model version release
feature integration webhook token calendar booking appointment reservation schedule
store branch warehouse stock inventory supplier courier tracking label customs
shipment postcode country region currency tax receipt statement balance credit
debit transfer bank wallet paypal checkout basket cart wishlist gift
jacket boots shoes tent backpack sleeping bag stove lantern gloves
helmet bicycle wheel tyre brake chain saddle pump lock light
kitchen fridge oven kettle toaster blender vacuum washer dryer heater
sofa chair table desk lamp mattress pillow blanket curtain carpet
zip seam strap buckle sole lining pocket hood sleeve collar
urgent asap today tomorrow weekend morning evening week month year
wrong duplicate double twice again still never always sometimes already
cannot unable doesnt wont stopped failed declined rejected expired pending
please thanks help question issue problem trouble confused disappointed angry
happy satisfied quick fast delay waiting hours days refunded credited charged
manager supervisor agent team colleague department partner vendor reseller customer
contract agreement terms policy privacy consent gdpr deletion data retention
migration onboarding training tutorial guide manual documentation article faq portal
api endpoint rate throttle pagination filter search sort field column
`
  .trim()
  .split(/\s+/);

/**
 * Words a message is glued together with. The English text-search configuration drops them, as it
 * drops them from real mail; they give bodies the length and parsing cost of real text.
 */
export const GLUE =
  'the my i a to is it and of for on in with this that was have not but can you we our be'.split(' ');

/** Share of a body's tokens that are glue words, and of bodies that quote an order number. */
export const GLUE_SHARE = 0.45;
export const ORDER_NUMBER_SHARE = 0.3;

/**
 * Most bodies are short (12 to 40 tokens, about 150 bytes), but one in fifty is long: a detailed
 * report, a pasted log, a forwarded thread, 300 to 1,000 tokens (about 2,000 to 6,500
 * characters). Search tests, ranks and headlines every document it returns, and the cost of each
 * grows with the document (docs/performance-history.md 2026-12-03); a dataset of short bodies only hid it.
 */
export const LONG_BODY_EVERY = 50;
export const LONG_BODY_TOKENS = { min: 300, max: 1000 };

/**
 * A content word's index, Zipf-like (weight 1 / (rank + 10)), drawn by inverting the continuous
 * CDF: the most common word is in about a third of the messages, the rarest in about one in eighty.
 * seed-sql.ts draws with the same formula.
 */
const zipfIndex = (n: number) => Math.min(n - 1, Math.floor(10 * ((n + 10) / 10) ** Math.random() - 10));

const content = () => WORDS[zipfIndex(WORDS.length)]!;
const glue = () => GLUE[Math.floor(Math.random() * GLUE.length)]!;
const between = (lo: number, hi: number) => lo + Math.floor(Math.random() * (hi - lo + 1));
const orderNumber = () => `#${between(100_000, 999_999)}`;

export const subject = () => capitalise(Array.from({ length: between(4, 8) }, content).join(' '));

export function body(): string {
  const long = Math.random() < 1 / LONG_BODY_EVERY;
  const length = long ? between(LONG_BODY_TOKENS.min, LONG_BODY_TOKENS.max) : between(12, 40);
  const tokens = Array.from({ length }, () => (Math.random() < GLUE_SHARE ? glue() : content()));
  if (Math.random() < ORDER_NUMBER_SHARE) tokens.push('order', orderNumber());
  return `${capitalise(tokens.join(' '))}.`;
}

/**
 * A search as an agent types it: one or two words picked uniformly from the vocabulary (so most are
 * among the less common words, some among the very common), or now and then an order number.
 */
export function searchQuery(): string {
  const r = Math.random();
  const pick = () => WORDS[Math.floor(Math.random() * WORDS.length)]!;
  if (r < 0.1) return orderNumber();
  return r < 0.55 ? pick() : `${pick()} ${pick()}`;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
