/**
 * GES booking fields that only feed reports (cbOfferType, offerTiming, channel, language, …).
 * GES clients send their own defaults — a whole sentence as cbOfferType, for one — so any text up
 * to 1,024 characters is accepted and stored as sent; where the value is one Ringback recognises
 * (spelling, case and separators aside), its normalised form is stored beside it, under
 * `details.normalised`, for reports to group by.
 */

const OFFER_TYPES = ['ASAP', 'SCHEDULED', 'COMBINED_SCHEDULED_AND_ASAP'];
const OFFER_TIMINGS = ['ON-HOURS', 'OFF-HOURS'];

/** Upper case, runs of spaces, dashes and underscores as one `sep`. */
const token = (text: string, sep: string) =>
  text
    .trim()
    .toUpperCase()
    .replace(/[\s_-]+/g, sep);

function oneOf(text: string, known: string[], sep: string): string | undefined {
  const wanted = token(text, sep);
  return known.find((value) => value === wanted);
}

function languageTag(text: string): string | undefined {
  try {
    const [tag] = Intl.getCanonicalLocales(text.trim().replace(/_/g, '-'));
    return tag;
  } catch {
    return undefined;
  }
}

export interface Normalised {
  cbOfferType?: string;
  offerTiming?: string;
  channel?: string;
  language?: string;
}

/** The recognised reporting values of a booking, normalised. */
export function normaliseReporting(sent: {
  cbOfferType?: string | undefined;
  offerTiming?: string | undefined;
  channel?: string | undefined;
  language?: string | undefined;
}): Normalised {
  const normalised: Normalised = {};
  const offerType = sent.cbOfferType && oneOf(sent.cbOfferType, OFFER_TYPES, '_');
  if (offerType) normalised.cbOfferType = offerType;
  const timing = sent.offerTiming && oneOf(sent.offerTiming, OFFER_TIMINGS, '-');
  if (timing) normalised.offerTiming = timing;
  // A channel is a short word (API, WEB, MOBILE, …); a sentence is kept as sent only.
  const channel = sent.channel?.trim();
  if (channel && /^[A-Za-z][A-Za-z0-9_-]{0,31}$/.test(channel)) normalised.channel = channel.toUpperCase();
  const language = sent.language && languageTag(sent.language);
  if (language) normalised.language = language;
  return normalised;
}
