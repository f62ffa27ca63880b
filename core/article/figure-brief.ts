/**
 * A figure's context as the popup brief shows it: who gave it, its topic, the other figures the article
 * gives for the same topic (with who gave each) and whether they differ. Only what the figure card already
 * read from the article, in a few short strings, since the brief lists every figure of the page.
 */
import type { BriefSpeaker, SummaryFigureContext } from '../../messaging/protocol';
import type { FigureContext, FigureSpeaker } from './figure-context';

/** How many same-topic figures and topic terms one brief item lists; the card has the rest. */
const SAME_TOPIC_SHOWN = 2;
const TOPIC_SHOWN = 3;

/** The speaker's name and the article's words for them, without the entity id the brief does not use. */
function speakerName(speaker: FigureSpeaker | null | undefined): BriefSpeaker | null {
  return speaker ? { name: speaker.name, as: speaker.as } : null;
}

/** Null when the article gives nothing beyond the figure itself, so the brief shows no empty line. */
export function briefOfFigure(context: FigureContext): SummaryFigureContext | null {
  const sameTopic = context.elsewhere
    .filter((e) => e.sameTopic?.length)
    .slice(0, SAME_TOPIC_SHOWN)
    .map((e) => ({ text: e.written ?? e.text, speaker: speakerName(e.speaker) }));
  const brief: SummaryFigureContext = {
    speaker: speakerName(context.speaker),
    topic: (context.topic ?? []).slice(0, TOPIC_SHOWN),
    sameTopic,
    discrepancy: context.discrepancy === true,
  };
  const empty = !brief.speaker && brief.topic.length === 0 && sameTopic.length === 0;
  return empty ? null : brief;
}
