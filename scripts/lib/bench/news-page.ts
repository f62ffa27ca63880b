/**
 * Large news pages for `npm run bench` (10k, 50k and 200k words), generated in memory from a fixed-seed
 * PRNG so every run and every machine reads the same page. The text reads like a long news report:
 * people introduced by full name and later by honorific and surname, organisations, places, quotes, and
 * figures of every kind the parser knows (money, percentages, counts, years, dates, quantities, ages).
 *
 * Every person and organisation is invented (pairs of common given names and surnames, made-up firms), so
 * no quote or figure is ever put in a real person's mouth. Places are real cities, named only as places.
 */
import { escapeHtml } from '../../../tests/e2e/support/text-page';

/** mulberry32: a small, fast PRNG with a 32-bit state; the same seed gives the same sequence. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GIVEN = (
  'Amara Daniel Priya Tomasz Helen Marcus Ingrid Kwame Sofia Owen Leila Patrick Yusuf Clara Dmitri Ruth ' +
  'Felix Nadia Graham Imogen Hamid Beatrice Rafael Maeve Joel Anika Victor Rosa Callum Esther'
).split(' ');
const SURNAMES = (
  'Okafor Lindqvist Haldane Moreau Castellanos Whitcombe Adeyemi Brannigan Kowalczyk Thorsen Achterberg ' +
  'Fairweather Mensah Delacroix Rutherford Nakamura Ellery Ashworth Varga Oyelaran Penhaligon Sandoval ' +
  'Holloway Ibarra Grieve Lutz Marchetti Quayle Stroud Tennant'
).split(' ');
const ORGS = [
  'Northbridge Energy',
  'the Harrowgate Institute',
  'Calder Freight',
  'the Meridian Rail Company',
  'Aldwick Water',
  'the Fenwick Trust',
  'Corvane Bank',
  'the Wexley Housing Association',
  'Tamsin Health',
  'the Lowther Foundation',
];
const PLACES =
  'London Manchester Leeds Glasgow Cardiff Bristol Liverpool Newcastle Belfast Edinburgh Birmingham Sheffield'.split(
    ' ',
  );
const ROLES = ['spokeswoman', 'spokesman', 'director', 'economist', 'analyst', 'engineer', 'councillor'];
const NOUNS = ['scheme', 'upgrade', 'programme', 'review', 'expansion', 'bridge', 'plan', 'contract'];
const COUNTED = ['jobs', 'homes', 'passengers', 'patients', 'households', 'staff', 'schools', 'trains'];
const MONTHS = 'January February March April May June July August September October November December'.split(
  ' ',
);
const QUOTES = [
  'We have a duty to get this right for the people who depend on it',
  'The numbers simply do not add up, and everyone in the room knows it',
  'Nobody wants to be the one who waited too long',
  'This is the most serious test the service has faced in a generation',
  'We will keep talking until there is an agreement that works',
  'There is no quick fix, but there is a sensible path forward',
];
const FILLER = [
  'Officials expect the review to conclude later this year.',
  'The proposals will now go out to public consultation.',
  'Critics say the timetable leaves little room for delay.',
  'Further details are expected to be published in the spring.',
  'The committee will meet again before the end of the month.',
];

interface Person {
  given: string;
  surname: string;
  honorific: string;
  introduced: boolean;
}

/** One generator run: the PRNG and the people met so far. */
class Story {
  private readonly people: Person[];

  constructor(private readonly random: () => number) {
    this.people = Array.from({ length: 48 }, () => ({
      given: this.pick(GIVEN),
      surname: this.pick(SURNAMES),
      honorific: this.pick(['Mr', 'Ms', 'Dr']),
      introduced: false,
    }));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)] as T;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  /** A person's full name the first time, then "Dr Okafor" or "Okafor". */
  person(): string {
    const p = this.pick(this.people);
    if (!p.introduced) {
      p.introduced = true;
      return `${p.given} ${p.surname}`;
    }
    return this.random() < 0.6 ? `${p.honorific} ${p.surname}` : p.surname;
  }

  money(): string {
    const [sign, scale] = [this.pick(['£', '$', '€']), this.pick(['bn', 'm', 'm', ''])];
    const amount = scale === '' ? this.int(2, 900) * 1000 : this.int(12, 990) / 10;
    return `${sign}${scale === '' ? amount.toLocaleString('en-GB') : amount}${scale}`;
  }

  percent(): string {
    return `${this.int(1, 400) / 10}%`;
  }

  date(): string {
    return `${this.int(1, 28)} ${this.pick(MONTHS)}`;
  }

  sentence(): string {
    const org = this.pick(ORGS);
    const place = this.pick(PLACES);
    switch (this.int(0, 8)) {
      case 0:
        return `${this.person()}, ${this.int(28, 71)}, a ${this.pick(ROLES)} at ${org}, said the ${this.pick(NOUNS)} would cost ${this.money()} by ${this.int(2026, 2035)}.`;
      case 1:
        return `“${this.pick(QUOTES)},” ${this.person()} told reporters in ${place}.`;
      case 2:
        return `${cap(org)} said ${this.int(12, 9000).toLocaleString('en-GB')} ${this.pick(COUNTED)} had been affected since ${this.date()}.`;
      case 3:
        return `Prices rose by ${this.percent()} in ${this.pick(MONTHS)}, the fastest pace since ${this.int(1990, 2022)}, according to ${org}.`;
      case 4:
        return `${this.person()} said: “${this.pick(QUOTES)}.”`;
      case 5:
        return `The ${this.int(12, 480)}-kilometre line between ${place} and ${this.pick(PLACES)} carries about ${this.int(2, 90) * 1000} passengers a day.`;
      case 6:
        return `${cap(org)} reported revenue of ${this.money()}, up ${this.percent()} on the previous year.`;
      case 7:
        return `More than ${this.int(3, 60)} ${this.pick(COUNTED)} in ${place} were affected, ${this.person()} said.`;
      default:
        return this.pick(FILLER);
    }
  }

  paragraph(): string {
    return Array.from({ length: this.int(3, 6) }, () => this.sentence()).join(' ');
  }
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

export interface NewsPage {
  html: string;
  /** Words in the article body (paragraphs and subheadings). */
  words: number;
}

/** A news page whose article has at least `words` words; the same `words` and `seed` give the same page. */
export function generateNewsPage(words: number, seed = 7): NewsPage {
  const story = new Story(prng(seed ^ words));
  const body: string[] = [];
  let count = 0;
  let sinceHeading = 0;
  while (count < words) {
    if (sinceHeading >= story.int(8, 14)) {
      const heading = `What ${story.pick(ORGS)} expects in ${story.pick(PLACES)}`;
      body.push(`<h2>${escapeHtml(cap(heading))}</h2>`);
      count += wordCount(heading);
      sinceHeading = 0;
    }
    const paragraph = story.paragraph();
    body.push(`<p>${escapeHtml(paragraph)}</p>`);
    count += wordCount(paragraph);
    sinceHeading++;
  }
  const title = `Inquiry report: ${words.toLocaleString('en-GB')} words on the regional transport review`;
  const teasers = Array.from(
    { length: 5 },
    () => `<li><a href="/story">${escapeHtml(`${story.person()} on ${story.pick(NOUNS)} delays`)}</a></li>`,
  );
  const html = `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<meta property="article:published_time" content="2025-03-14">
</head>
<body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/business">Business</a> <a href="/sport">Sport</a></nav></header>
<main>
<article>
<h1>${escapeHtml(title)}</h1>
<p class="byline">By ${escapeHtml(story.person())}</p>
${body.join('\n')}
</article>
<aside class="most-read"><h2>Most read</h2><ul>${teasers.join('')}</ul></aside>
</main>
<footer><p>© 2025 The Example Courier. All rights reserved.</p></footer>
</body>
</html>
`;
  return { html, words: count };
}
