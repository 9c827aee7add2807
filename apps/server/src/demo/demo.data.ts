// The demo workspace: Trailhead Outfitters, a small outdoor-equipment shop with a web store.

export const DEMO_PASSWORD = 'fairdesk';

export const STAFF = [
  { email: 'admin@fairdesk.example', name: 'Morgan Hale', role: 'admin', team: null },
  { email: 'manager@fairdesk.example', name: 'Priya Raman', role: 'manager', team: null },
  { email: 'supervisor@fairdesk.example', name: 'Tom Becker', role: 'supervisor', team: 0 },
  { email: 'supervisor2@fairdesk.example', name: 'Lena Okafor', role: 'supervisor', team: 1 },
  { email: 'agent@fairdesk.example', name: 'Sam Carter', role: 'agent', team: 0 },
  { email: 'ana.lopez@fairdesk.example', name: 'Ana López', role: 'agent', team: 0 },
  { email: 'ben.wright@fairdesk.example', name: 'Ben Wright', role: 'agent', team: 0 },
  { email: 'chloe.martin@fairdesk.example', name: 'Chloé Martin', role: 'agent', team: 1 },
  { email: 'dev.patel@fairdesk.example', name: 'Dev Patel', role: 'agent', team: 1 },
  { email: 'erin.walsh@fairdesk.example', name: 'Erin Walsh', role: 'agent', team: 1 },
] as const;

export const TEAMS = [
  { name: 'Orders & Returns', description: 'Deliveries, returns, refunds and exchanges' },
  { name: 'Gear Advice & Repairs', description: 'Product questions, fitting, warranty and repairs' },
];

export const ORGANISATIONS = [
  {
    name: 'Peak Scouts Association',
    domain: 'peakscouts.example',
    notes: 'Buys group kit every spring; invoiced monthly.',
  },
  {
    name: 'Northfell Mountain Rescue',
    domain: 'northfell-mrt.example',
    notes: 'Volunteer team; discounted rope and first-aid kit.',
  },
  {
    name: 'Riverside Outdoor School',
    domain: 'riverside-school.example',
    notes: 'Term-time orders for Duke of Edinburgh groups.',
  },
  {
    name: 'Summit Adventure Tours',
    domain: 'summit-tours.example',
    notes: 'Tour operator; rents and buys tents in bulk.',
  },
];

const FIRST = [
  'Oliver',
  'Amelia',
  'Jack',
  'Isla',
  'Harry',
  'Ava',
  'George',
  'Mia',
  'Noah',
  'Grace',
  'Leo',
  'Freya',
  'Arthur',
  'Lily',
  'Oscar',
  'Emily',
  'Theo',
  'Sophie',
  'Finn',
  'Ruby',
  'Samir',
  'Aisha',
  'Tomasz',
  'Zofia',
  'Kwame',
  'Nadia',
  'Hiro',
  'Elena',
  'Liam',
  'Chiara',
  'Rhys',
  'Maeve',
  'Ewan',
  'Niamh',
  'Callum',
  'Anya',
  'Jonas',
  'Ingrid',
];
const LAST = [
  'Thompson',
  'Evans',
  'Hughes',
  'Green',
  'Lewis',
  'Wood',
  'Harris',
  'Clarke',
  'Jackson',
  'Hall',
  'Turner',
  'Hill',
  'Moore',
  'Cooper',
  'Ward',
  'Morris',
  'King',
  'Baker',
  'Price',
  'Bennett',
  'Khan',
  'Ali',
  'Nowak',
  'Kowalski',
  'Mensah',
  'Haddad',
  'Tanaka',
  'Rossi',
  'Murphy',
  'Romano',
  'Jones',
  'Byrne',
  'Fraser',
  "O'Neill",
  'Stewart',
  'Ivanova',
  'Berg',
  'Larsen',
];

/** 40 customers: the two demo sign-ins, then people spread over the organisations and private buyers. */
export function customers() {
  const list: { name: string; email: string; org: number | null; phone: string | null; language: string }[] =
    [
      {
        name: 'Charlotte Reid',
        email: 'customer@fairdesk.example',
        org: null,
        phone: '+44 7700 900123',
        language: 'en',
      },
      {
        name: 'Daniel Osei',
        email: 'other.customer@fairdesk.example',
        org: 0,
        phone: '+44 7700 900456',
        language: 'en',
      },
    ];
  for (let i = 0; i < 38; i++) {
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[(i * 7) % LAST.length]!;
    const org = i % 3 === 0 ? (i / 3) % ORGANISATIONS.length : null;
    const domain = org === null ? 'mail.example' : ORGANISATIONS[org]!.domain;
    const local = `${first}.${last}`
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z.]/g, '');
    list.push({
      name: `${first} ${last}`,
      email: `${local}${org === null ? i : ''}@${domain}`,
      org,
      phone: i % 4 === 0 ? null : `+44 7700 9${String(10000 + i * 137).slice(-5)}`,
      language: i % 9 === 4 ? 'de' : i % 11 === 5 ? 'es' : 'en',
    });
  }
  return list;
}

/** Conversation templates: a subject, the customer's opening, the team's reply, and a follow-up. */
export const STORIES = [
  {
    subject: 'Tent pole snapped on first night',
    tags: ['warranty', 'tents'],
    team: 1,
    open: 'The front pole of my Ridgeline 2 tent snapped on the first night out, in light wind. I bought it three weeks ago. Can you replace it?',
    reply:
      'I am sorry your first night ended like that. A pole should not fail in light wind; please send a photo of the break and your order number and we will send a replacement pole section.',
    follow: 'Photo attached, order TH-20418. Thanks for the quick answer.',
  },
  {
    subject: 'Where is my order TH-{n}?',
    tags: ['delivery'],
    team: 0,
    open: 'My order was due yesterday and the tracking has not moved for four days. I need the boots for a trip on Saturday.',
    reply:
      'Thank you for the order number. The courier has it at their regional depot; I have asked them to prioritise it and will update you tomorrow morning.',
    follow: 'It arrived today, thank you!',
  },
  {
    subject: 'Refund for returned sleeping bag',
    tags: ['refund', 'returns'],
    team: 0,
    open: 'I sent back the Alpine 900 sleeping bag two weeks ago and have not had my refund yet.',
    reply:
      'The bag reached our warehouse on Monday. The refund of £189.00 has now been issued and should show on your card within 3 to 5 working days.',
    follow: 'Still nothing on my statement after a week. Can you check?',
  },
  {
    subject: 'Which boots for the West Highland Way?',
    tags: ['advice', 'boots'],
    team: 1,
    open: 'I am walking the West Highland Way in May. Should I get the Cairn GTX or the lighter Trailrunner Mid? I usually wear a size 9.',
    reply:
      'For 96 miles with a pack in May I would take the Cairn GTX: waterproof, stiffer sole, better on the rocky sections. Size 9 fits true; break them in for two or three weeks first.',
    follow: 'Great, ordered the Cairn GTX. Thanks for the advice.',
  },
  {
    subject: 'Wrong size jacket delivered',
    tags: ['exchange', 'returns'],
    team: 0,
    open: 'I ordered the Stormline jacket in medium and received a large. Can I swap it?',
    reply:
      'Apologies for the mix-up. I have created a free exchange: a returns label is on its way by email and the medium will ship as soon as the courier scans the parcel.',
    follow: 'Label received, parcel dropped off this morning.',
  },
  {
    subject: 'Stove will not light',
    tags: ['warranty', 'stoves'],
    team: 1,
    open: 'My Blaze gas stove clicks but does not light. New canister, tried twice. It is two months old.',
    reply:
      'That usually means the piezo igniter has shifted. Could you try lighting it with a match once? If it lights, the igniter needs replacing under warranty and we will send one.',
    follow: 'It lit with a match. Yes please, send the igniter.',
  },
  {
    subject: 'Group order for 24 rucksacks',
    tags: ['b2b', 'quote'],
    team: 0,
    open: 'We would like a quote for 24 Venture 45 rucksacks for our spring expedition groups, delivered to the school.',
    reply:
      'Thank you for thinking of us. For 24 units we can offer 12% off list with free delivery; I have attached a formal quote valid for 30 days.',
    follow: 'Quote approved by the bursar, purchase order attached.',
  },
  {
    subject: 'Damaged parcel: head torch missing',
    tags: ['delivery', 'damaged'],
    team: 0,
    open: 'The box arrived torn open and the head torch from my order was missing. Everything else was there.',
    reply:
      'I am sorry about that. I have reported the damage to the courier and dispatched a new head torch today at no charge.',
    follow: 'New torch arrived, thank you.',
  },
  {
    subject: 'Can I re-proof my waterproof trousers?',
    tags: ['advice', 'care'],
    team: 1,
    open: 'My waterproof trousers are wetting out after two seasons. Is there a way to restore them?',
    reply:
      'Yes: wash them with a technical cleaner, then use a spray-on DWR treatment and tumble dry on low to reactivate it. That usually brings the beading back.',
    follow: 'Worked a treat, thank you.',
  },
  {
    subject: 'Discount code not accepted',
    tags: ['checkout'],
    team: 0,
    open: 'The code SPRING15 from your newsletter says it is invalid at checkout.',
    reply:
      'The code excludes items already on sale, which is why it was refused for the Ridgeline tent in your basket. It will work on the rest of your order.',
    follow: 'I see. That is a bit disappointing, the email did not say so.',
  },
  {
    subject: 'Zip broken on duffel bag',
    tags: ['repair'],
    team: 1,
    open: 'The main zip on my Expedition duffel has split after a year. Do you repair them?',
    reply:
      'We do: send it to our repair workshop with the form I have attached. Zip replacements on that bag are free within two years.',
    follow: 'Sent it off today.',
  },
  {
    subject: 'Account email change',
    tags: ['account'],
    team: 0,
    open: 'Please change the email on my account to my new work address.',
    reply:
      'For security I have sent a confirmation link to the new address; the change completes when you click it.',
    follow: 'Done, thanks.',
  },
];

export const STAFF_NOTES = [
  'Checked the order history: second issue with this courier this month.',
  'Customer has been polite and patient; let us make this right quickly.',
  'Warehouse confirms the return was scanned on Monday.',
  'Asked the supplier about the batch; two more reports of the same fault.',
  'Goodwill gesture approved by Tom if needed.',
];
