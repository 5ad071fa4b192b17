// The few icons the windows use, as inline SVG (no icon font, no extra request).

export function RefreshIcon() {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path
        d="M13.5 8a5.5 5.5 0 1 1-1.61-3.89M13.5 2.5v3h-3"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** Settings, drawn as two sliders (reads as "settings" at 16 px better than a tiny cog). */
export function SlidersIcon() {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path d="M2 4.5h12M2 11.5h12" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      <circle cx="10.5" cy="4.5" r="2" fill="var(--bg)" stroke="currentColor" strokeWidth="1.5" />
      <circle cx="5.5" cy="11.5" r="2" fill="var(--bg)" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}

/** History: a rising line over a baseline. */
export function ChartIcon() {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path d="M2 13.5h12" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      <path d="M2.5 10.5l3.5-3.5 3 2.5 4.5-5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export function GaugeIcon() {
  return (
    <svg viewBox="0 0 48 48" width="48" height="48" aria-hidden="true" focusable="false">
      <path d="M8 32a16 16 0 0 1 32 0" fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" opacity="0.35" />
      <path d="M8 32a16 16 0 0 1 9.4-14.6" fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
      <path d="M24 32l7-9" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
      <circle cx="24" cy="32" r="2.5" fill="currentColor" />
    </svg>
  );
}

/** The app mark: a small gauge. */
export function LogoMark() {
  return (
    <svg className="logo" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path d="M2.5 11.5a5.5 5.5 0 0 1 11 0" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" opacity="0.3" />
      <path d="M2.5 11.5a5.5 5.5 0 0 1 8.6-4.55" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      <path d="M8 11.5l2.6-3.2" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      <circle cx="8" cy="11.5" r="1.3" fill="currentColor" />
    </svg>
  );
}
