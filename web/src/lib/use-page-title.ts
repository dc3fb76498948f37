import { useEffect } from 'react';

/** Sets document.title to "<page> · Regiolotse" so screen readers and tabs name the page. */
export function usePageTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Regiolotse` : 'Regiolotse';
  }, [title]);
}
