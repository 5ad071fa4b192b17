// What the History and Cost windows share around their content: the two export buttons, the note an
// export leaves ("Saved …" or why it failed), and the lost-connection and failed-call banners.
import type { ExportNote } from '../state/history';

export function ExportButtons({ onExport }: { onExport: (format: 'csv' | 'json') => void }) {
  return (
    <div className="exports">
      <button type="button" onClick={() => onExport('csv')}>
        Export CSV
      </button>
      <button type="button" onClick={() => onExport('json')}>
        Export JSON
      </button>
    </div>
  );
}

/** `lostText` says what comes back with the connection ("The charts come back when it does."). */
export function ExportNotices({ note, lost, lostText, failure }: { note: ExportNote; lost: boolean; lostText: string; failure: string | null }) {
  return (
    <>
      {note && (
        <p className={note.kind === 'failed' ? 'banner' : 'muted export-note'} role="status" data-testid="export-note">
          {note.text}
        </p>
      )}
      {lost && (
        <p className="banner" role="alert">
          {`Lost the connection to Quotabar. ${lostText}`}
        </p>
      )}
      {failure && !lost && (
        <p className="banner" role="alert">
          {failure}
        </p>
      )}
    </>
  );
}
