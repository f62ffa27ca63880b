/** Topic terms of a quote: its lower-case content words, stopwords removed, first 12 in order of use. */

const STOPWORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each even ever every few for from further get
go going goes got had has have having he her here hers herself him himself his how i if in into is it its
itself just know let like made make many me might more most much must my myself need no nor not now of off
on once one only or other ought our ours ourselves out over own really said same say says see she should so
some such than that the their theirs them themselves then there these they this those through to too under
until up upon us very want was we well were what when where which while who whom why will with would yet you
your yours yourself yourselves already another around back come done into its lot put take thing things
think though told way whether within without something anything everything nothing someone anyone
everyone sure great next beyond times`.split(/\s+/),
);

export function topicsOf(quote: string, max = 12): string[] {
  const words = quote
    .toLowerCase()
    .replace(/[\u2018\u2019\u02BC]/g, "'")
    .match(/\p{L}[\p{L}'-]*/gu);
  const out: string[] = [];
  for (const raw of words ?? []) {
    const w = raw.replace(/'s$/, '').replace(/^-+|-+$/g, '');
    // Contractions ("i'm", "we're") are function words; short tokens carry no topic.
    if (w.length < 3 || w.includes("'") || STOPWORDS.has(w) || out.includes(w)) continue;
    out.push(w);
    if (out.length === max) break;
  }
  return out;
}
