'use client';

import { useEffect, useState } from 'react';

/** Whether the app shows its dark theme now (the `dark` class on <html>), following changes: Monaco's theme follows it. */
export function useIsDark(): boolean {
  const [isDark, setDark] = useState(false);
  useEffect(() => {
    const root = document.documentElement;
    const read = () => setDark(root.classList.contains('dark'));
    read();
    const observer = new MutationObserver(read);
    observer.observe(root, { attributes: true, attributeFilter: ['class'] });
    return () => observer.disconnect();
  }, []);
  return isDark;
}
