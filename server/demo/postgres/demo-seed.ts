/**
 * Sample data for the demo database: fake customers with e-mails, card numbers and API
 * tokens, so the console shows masking at work. Deterministic (a seeded generator), so every
 * start shows the same rows.
 */
const FIRST = [
  'Ada',
  'Grace',
  'Alan',
  'Edsger',
  'Barbara',
  'Donald',
  'Margaret',
  'Ken',
  'Radia',
  'Linus',
  'Frances',
  'John',
  'Katherine',
  'Dennis',
  'Hedy',
  'Tim',
];
const LAST = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Dijkstra',
  'Liskov',
  'Knuth',
  'Hamilton',
  'Thompson',
  'Perlman',
  'Torvalds',
  'Allen',
  'Backus',
  'Johnson',
  'Ritchie',
  'Lamarr',
  'Berners-Lee',
];
const CITIES = ['Lisbon', 'Oslo', 'Nairobi', 'Osaka', 'Lima', 'Quebec', 'Tallinn', 'Perth', 'Porto', 'Dakar'];
const PLANS = ['free', 'team', 'business', 'enterprise'];
const STATUSES = ['paid', 'paid', 'paid', 'refunded', 'pending', 'failed'];
const CARD_PREFIXES = ['4111', '4012', '5500', '5105', '3782'];
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** A number that passes the Luhn check, as payment cards do. */
export function luhnCard(prefix: string, length: number, random: () => number): string {
  const digits = prefix.split('').map(Number);
  while (digits.length < length - 1) digits.push(Math.floor(random() * 10));
  let sum = 0;
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = digits[i]!;
    if (double) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  digits.push((10 - (sum % 10)) % 10);
  return digits.join('');
}

const quote = (value: string) => `'${value.replace(/'/g, "''")}'`;

export function demoSeedSql({ customers = 500, orders = 3000 } = {}): string {
  const random = generator(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const token = (length: number) => Array.from({ length }, () => ALNUM[Math.floor(random() * ALNUM.length)]).join('');
  const customerRows: string[] = [];
  for (let id = 1; id <= customers; id++) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const prefix = pick(CARD_PREFIXES);
    const card = luhnCard(prefix, prefix === '3782' ? 15 : 16, random);
    const grouped = card.length === 16 ? card.replace(/(\d{4})(?=\d)/g, '$1 ') : card;
    const email = `${first}.${last}${id}@example.com`.toLowerCase().replace(/[^a-z0-9.@-]/g, '');
    const note = id % 7 === 0 ? `Paid by phone with card ${grouped}` : id % 11 === 0 ? `Webhook key sk_live_${token(24)}` : '';
    customerRows.push(
      `(${id}, ${quote(`${first} ${last}`)}, ${quote(email)}, ${quote(pick(CITIES))}, ${quote(pick(PLANS))}, ${quote(grouped)}, ${quote(`ghp_${token(36)}`)}, ${note ? quote(note) : 'NULL'}, now() - interval '${Math.floor(random() * 900)} days')`,
    );
  }
  const orderRows: string[] = [];
  for (let id = 1; id <= orders; id++) {
    orderRows.push(
      `(${id}, ${1 + Math.floor(random() * customers)}, ${(5 + random() * 495).toFixed(2)}, ${quote(pick(STATUSES))}, now() - interval '${Math.floor(random() * 365 * 24)} hours')`,
    );
  }
  return `
CREATE TABLE customers (
  id integer PRIMARY KEY,
  name text NOT NULL,
  email text NOT NULL,
  city text NOT NULL,
  plan text NOT NULL,
  card_number text NOT NULL,
  api_token text NOT NULL,
  notes text,
  created_at timestamptz NOT NULL
);
INSERT INTO customers VALUES ${customerRows.join(',\n')};
CREATE TABLE orders (
  id integer PRIMARY KEY,
  customer_id integer NOT NULL REFERENCES customers(id),
  amount numeric(10, 2) NOT NULL,
  status text NOT NULL,
  ordered_at timestamptz NOT NULL
);
INSERT INTO orders VALUES ${orderRows.join(',\n')};
CREATE INDEX orders_customer_idx ON orders (customer_id);
COMMENT ON TABLE customers IS 'Fake customers for the Porthole demo: every e-mail, card and token here is made up.';
`;
}
