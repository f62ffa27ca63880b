/**
 * Word lists used by the figure parser. Kept apart from the recognisers so the rules read as logic,
 * and so the lists can grow without touching the parsing code.
 */

/** Full and abbreviated English month names, as they appear capitalised in dates. */
export const MONTH_NAMES =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec';

/** Month name (or abbreviation) → month number 1–12. */
export function monthNumber(name: string): number | null {
  const idx = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(
    name.slice(0, 3).toLowerCase(),
  );
  return idx < 0 ? null : idx + 1;
}

/** Time-zone abbreviations that may follow a clock time ("7:11 AM PST"); they belong to the span. */
export const TIME_ZONES =
  'ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|GMT|BST|UTC|CET|CEST|EET|EEST|IST|JST|AEST|AEDT|HKT|SGT';

/**
 * Words that end a counted-noun phrase: after "19" we read adjectives and the head noun, but never
 * across these function words ("10 of their own" is a bare number, "19 people" is a count).
 */
export const STOP_WORDS = new Set(
  (
    'a an the of in on at to for from by with and or but nor as than that this these those which who whom ' +
    'whose what when where while is are was were be been being has have had do does did will would shall ' +
    'should can could may might must per into onto upon over under about after before since until between ' +
    'among against through during without within along across behind beyond around each every its his her ' +
    'their our my your it he she they we you i them him us me so if then there here not no all both only ' +
    'just also more most less least up down out off away ago later earlier yet still ever even very too ' +
    'again now said says say percent cent x plus minus versus always perhaps sometimes towards afterwards ' +
    'besides unless thus yes via vs'
  ).split(' '),
);

/** Irregular plural nouns that do not end in "s" but do head a counted phrase. */
export const IRREGULAR_PLURALS = new Set(
  'people feet teeth children men women mice geese police cattle staff personnel troops crew data media'.split(
    ' ',
  ),
);

/**
 * Measurement nouns: a number followed by one of these is a quantity rather than a count. Singular forms
 * are listed too because "1 year" and "2.5 kilometre" exist; the map gives a compact display unit.
 */
export const MEASURE_UNITS: Record<string, string> = {
  second: 'seconds',
  minute: 'minutes',
  hour: 'hours',
  day: 'days',
  week: 'weeks',
  month: 'months',
  year: 'years',
  decade: 'decades',
  time: 'times',
  millimetre: 'mm',
  millimeter: 'mm',
  centimetre: 'cm',
  centimeter: 'cm',
  metre: 'metres',
  meter: 'meters',
  kilometre: 'kilometres',
  kilometer: 'kilometers',
  km: 'km',
  mile: 'miles',
  foot: 'feet',
  feet: 'feet',
  inch: 'inches',
  yard: 'yards',
  acre: 'acres',
  hectare: 'hectares',
  gram: 'g',
  kilogram: 'kg',
  kg: 'kg',
  tonne: 'tonnes',
  ton: 'tons',
  pound: 'pounds',
  ounce: 'ounces',
  litre: 'litres',
  liter: 'liters',
  gallon: 'gallons',
  barrel: 'barrels',
  degree: 'degrees',
  byte: 'bytes',
  kilobyte: 'KB',
  megabyte: 'MB',
  meg: 'MB',
  gigabyte: 'GB',
  terabyte: 'TB',
  megapixel: 'megapixels',
  pixel: 'pixels',
  watt: 'watts',
  kilowatt: 'kW',
  megawatt: 'MW',
  gigawatt: 'GW',
  volt: 'volts',
  mph: 'mph',
  calorie: 'calories',
};

/**
 * Units that may be joined to a number by a hyphen to form an adjective ("six-month review",
 * "30-minute demo"). Kept narrower than MEASURE_UNITS: "five-star" or "3-D" are not quantities.
 */
export const HYPHEN_UNITS = new Set(
  'second minute hour day week month year decade mile kilometre kilometer km metre meter foot inch yard acre tonne ton pound litre liter gallon storey story page point seat bed room member person man game match'.split(
    ' ',
  ),
);

/**
 * Lower-case words that name an identifier when a number follows them ("version 4", "flight 370",
 * "room 101"): the number is a label, not an amount.
 */
export const IDENTIFIER_PREFIXES = new Set(
  'version v ver build release no. number nos room flight route line page pages chapter episode season level step phase article section clause rule verse act scene vol volume issue part pt figure fig table exhibit item model gate platform terminal floor unit apt apartment suite box lot district ward highway interstate bus track category tier type grade class size channel psalm'.split(
    ' ',
  ),
);

/**
 * Capitalised words that commonly open a sentence or qualify a figure. A number after any other
 * capitalised word ("iPhone 4", "Apollo 11", "Building 24") is read as part of a name.
 */
export const SENTENCE_WORDS = new Set(
  (
    'in on at to for from by with and or but of as than since until after before during between about around ' +
    'roughly approximately nearly almost over under some only just more less fewer least up the these those ' +
    'another every each its their his her our my your all both then now when while where if though although ' +
    'because even perhaps maybe exactly precisely also including plus minus circa ca estimated within through ' +
    'across above below among against towards toward into onto per via total overall averaging average median ' +
    'top past next last first barely well monday tuesday wednesday thursday friday saturday sunday'
  ).split(' '),
);

/**
 * Unit symbols read after a number (regex source, longest first so "km/h" wins over "km"). Kept to
 * symbols that mean nothing else after a number: no bare "m", "g" or "in".
 */
export const UNIT_SYMBOLS = [
  'km/h',
  'sq ft',
  'sq km',
  'sq mi',
  'km²',
  'km2',
  'kWh',
  'MWh',
  'GWh',
  'TWh',
  'Mbps',
  'Gbps',
  'MHz',
  'GHz',
  'mph',
  'kph',
  'lbs',
  'km',
  'cm',
  'mm',
  'kg',
  'mg',
  'ml',
  'lb',
  'oz',
  'ft',
  'kW',
  'MW',
  'GW',
  'KB',
  'MB',
  'GB',
  'TB',
  '°C',
  '°F',
  '°',
].join('|');
