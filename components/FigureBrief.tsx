import { clipText, DISPLAY_LIMITS as MAX } from '../core/text/clip-text';
import type { BriefSpeaker, SummaryFigureContext } from '../messaging/protocol';
import { t } from './i18n';

function speakerText(speaker: BriefSpeaker): string {
  const name = clipText(speaker.name, MAX.name);
  return speaker.as ? `${name} (${t('figureAs', clipText(speaker.as, MAX.title))})` : name;
}

/**
 * A figure's context under its item in the popup brief: who gave it, its topic, the other figures the
 * article gives for the same topic with who gave each, and a plain flag when they differ.
 */
export function FigureBrief({ context }: { context: SummaryFigureContext }) {
  const { speaker, topic, sameTopic, discrepancy } = context;
  const peers = sameTopic.map((p) => (p.speaker ? `${p.text}, ${speakerText(p.speaker)}` : p.text));
  return (
    <div class="sub" data-testid="figure-brief">
      {speaker && (
        <div>
          {t('figureGivenBy')} {speakerText(speaker)}
        </div>
      )}
      {topic.length > 0 && <div>{t('figureTopic', topic.join(', '))}</div>}
      {peers.length > 0 && (
        <div data-testid="figure-brief-same-topic">
          {t('briefFigureSameTopic', clipText(peers.join('; '), MAX.sentence))}
        </div>
      )}
      {discrepancy && (
        <div class="discrepancy" data-testid="figure-brief-discrepancy">
          {t('figureDiscrepancy')}
        </div>
      )}
    </div>
  );
}
