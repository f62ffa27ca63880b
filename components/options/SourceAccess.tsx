import { useEffect, useState } from 'preact/hooks';
import { hasSourcePermission, requestSourcePermission } from '../../settings/source-permissions';
import { t } from '../i18n';

/**
 * Says when a source's host is not granted, with a button that asks for it. A source added on this page
 * always has it; one that arrived in an imported file does not, since an import cannot show a permission
 * prompt (that needs the user's click), so its checks would fail until this button is used.
 */
export function SourceAccess({ permission, onGranted }: { permission: string; onGranted: () => void }) {
  const [granted, setGranted] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    hasSourcePermission(permission).then(
      (has) => live && setGranted(has),
      () => live && setGranted(null),
    );
    return () => {
      live = false;
    };
  }, [permission]);
  if (granted !== false) return null;
  const grant = () =>
    void requestSourcePermission(permission).then((yes) => {
      setGranted(yes);
      if (yes) onGranted();
    });
  return (
    <p class="source-access" role="status" data-testid="source-access">
      {t('optionsSourceNoAccess')}{' '}
      <button type="button" onClick={grant}>
        {t('optionsSourceGrantAccess')}
      </button>
    </p>
  );
}
